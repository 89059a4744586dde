"""Russian against English: actor and date F1 on the Russian gold texts, and MB/s.

Run ``python benchmarks/russian.py [--documents 1000] [--no-speed]``. Scores every gold set
(``tests/fixtures/russian``: the ten texts the rules were written from; ``validation``: seven
written before the rules were tuned on them; ``heldout``: texts never tuned on; ``agency``:
five agency-style texts annotated before the rules they led to; ``fresh``: three written after
those rules). For speed, the ten gold
texts are repeated to the size of a generated English corpus; each stage is timed on both,
best of three.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.corpora import write_corpus  # noqa: E402
from kursklib import read_corpus, tag_actors, tag_dates, tag_tokens  # noqa: E402

RUSSIAN = ROOT / "tests" / "fixtures" / "russian"
GOLD_SETS = {"gold": RUSSIAN, "validation": RUSSIAN / "validation", "heldout": RUSSIAN / "heldout",
             "agency": RUSSIAN / "agency", "fresh": RUSSIAN / "fresh"}
LISTED_FORMS = ("name", "short", "abbrev")


def actor_scores(corpus, gold: pd.DataFrame) -> list[dict]:
    """Exact span and span + id precision, recall and F1, by gold subset."""
    found = tag_actors(corpus)
    rows = []
    for label, forms in (("names, short forms, abbreviations", LISTED_FORMS),
                         ("with demonyms and metonyms", None)):
        expected, got = gold, found
        if forms:
            other = gold[~gold["form"].isin(forms)].set_index(["doc_id", "start", "end"]).index
            expected = gold[gold["form"].isin(forms)]
            got = found[~found.set_index(["doc_id", "start", "end"]).index.isin(other)
                        & found["form"].isin(forms)]
        for scored, key in (("span", ["doc_id", "start", "end"]),
                            ("span + id", ["doc_id", "start", "end", "actor_id"])):
            gold_keys = set(map(tuple, expected[key].values.tolist()))
            found_keys = set(map(tuple, got[key].values.tolist()))
            hits = len(gold_keys & found_keys)
            precision, recall = hits / max(len(found_keys), 1), hits / max(len(gold_keys), 1)
            rows.append({"subset": label, "match": scored, "gold": len(gold_keys),
                         "P": precision, "R": recall,
                         "F1": 2 * precision * recall / (precision + recall or 1)})
    return rows


def date_scores(corpus, gold: pd.DataFrame) -> dict:
    """Exact span precision, recall and F1, and value (and mod) accuracy over the exact
    matches."""
    key = ["doc_id", "start", "end"]
    expected = gold.set_index(key)[["value", "mod"]].fillna("").astype(str)
    found = tag_dates(corpus).set_index(key)[["value", "mod"]].fillna("").astype(str)
    hits = expected.index.intersection(found.index)
    precision, recall = len(hits) / max(len(found), 1), len(hits) / len(expected)
    return {"gold": len(expected), "P": precision, "R": recall,
            "F1": 2 * precision * recall / (precision + recall or 1),
            "value accuracy": float((expected.loc[hits, "value"]
                                     == found.loc[hits, "value"]).mean()),
            "mod accuracy": float((expected.loc[hits, "mod"] == found.loc[hits, "mod"]).mean())}


def set_scores(folder: Path) -> dict:
    """One gold set's row: actor F1 (span + id) of both subsets, and the date scores."""
    corpus = read_corpus(folder / "texts")
    actors = pd.DataFrame(actor_scores(corpus, pd.read_csv(folder / "gold_actors.csv",
                                                           dtype={"doc_id": str})))
    actors = actors[actors["match"] == "span + id"].set_index("subset")
    row = {"documents": len(corpus.documents)}
    for subset, short in (("names, short forms, abbreviations", "names"),
                          ("with demonyms and metonyms", "all actors")):
        row |= {f"{short} {name}": actors.loc[subset, name] for name in ("P", "R", "F1")}
    dates = date_scores(corpus, pd.read_csv(folder / "gold_dates.csv",
                                            dtype={"doc_id": str, "value": str, "mod": str}))
    return row | {f"dates {name}": value for name, value in dates.items() if name != "gold"}


def _best(run: Callable[[], object], repeats: int = 3) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def speeds(folder: Path) -> list[dict]:
    """MB/s of each stage on the English corpus and on the Russian one of the same size."""
    english = read_corpus(folder)
    size = sum(len(text.encode("utf-8")) for text in english.documents["text"]) / 1e6
    texts = [path.read_text(encoding="utf-8") for path in sorted(RUSSIAN.glob("texts/*.txt"))]
    unit = sum(len(text.encode("utf-8")) for text in texts) / 1e6
    copies = max(1, round(size / unit))
    russian_table = pd.DataFrame({"doc_id": [f"ru{i:05d}" for i in range(copies * len(texts))],
                                  "text": texts * copies, "language": "ru"})
    rows = []
    for language, source in (("en", folder), ("ru", russian_table)):
        corpus = read_corpus(source)
        mb = sum(len(text.encode("utf-8")) for text in corpus.documents["text"]) / 1e6
        tag_actors(corpus, unlisted=False)  # compile the gazetteer, load the models
        mentions = tag_actors(corpus)
        tag_tokens(corpus, mentions)
        for stage, run in (
                ("read_corpus (with sentences)", lambda: read_corpus(source)),
                ("tag_actors (gazetteer only)", lambda: tag_actors(corpus, unlisted=False)),
                ("tag_actors (default)", lambda: tag_actors(corpus)),
                ("tag_dates", lambda: tag_dates(corpus)),
                ("tag_tokens", lambda: tag_tokens(corpus, mentions))):
            rows.append({"stage": stage, "language": language, "MB": mb,
                         "MB/s": mb / _best(run)})
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=1000,
                        help="generated English articles (about 3 KB each)")
    parser.add_argument("--no-speed", action="store_true", help="only score the gold sets")
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore")
    gold = pd.read_csv(RUSSIAN / "gold_actors.csv", dtype={"doc_id": str})
    corpus = read_corpus(RUSSIAN / "texts")
    scores = pd.DataFrame(actor_scores(corpus, gold))
    print(scores.to_string(index=False, float_format="%.3f"))
    table = pd.DataFrame({name: set_scores(folder) for name, folder in GOLD_SETS.items()
                          if (folder / "gold_dates.csv").exists()})
    print("\nevery gold set (actors: span + id; dates: exact spans)")
    print(table.to_string(float_format="%.3f"))
    if args.no_speed:
        return 0
    with tempfile.TemporaryDirectory() as temporary:
        folder = write_corpus(args.documents, Path(temporary) / "english")
        table = pd.DataFrame(speeds(folder)).pivot(index="stage", columns="language",
                                                      values="MB/s")
    table["ru / en"] = table["ru"] / table["en"]
    print()
    print(table.to_string(float_format="%.2f"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
