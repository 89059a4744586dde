"""Benchmark actor and date tagging against spaCy, flashtext and dateparser.

Run with ``make bench`` (installs the ``bench`` extra). Speeds are MB/s of UTF-8 text on
the seed articles repeated to about 5 MB; accuracy of dates is scored on the seeds
against ``seed_dates_gold.csv`` (hand-checked calendar expressions).
"""

from __future__ import annotations

import csv
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from kursklib import load_gazetteer, read_corpus, tag_actors, tag_dates

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = Path(__file__).resolve().parent / "seed_dates_gold.csv"
TARGET_BYTES = 5_000_000
REPEATS = 5


def _timed(run: Callable[[], object]) -> float:
    """Best of REPEATS wall-clock seconds."""
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def _repeated_corpus(folder: Path) -> Path:
    """Copy the seeds (with their metadata) until the corpus holds about TARGET_BYTES."""
    seeds = read_corpus(SEEDS).documents
    size = int(seeds["text"].str.encode("utf-8").str.len().sum())
    copies = TARGET_BYTES // size + 1
    rows = [{"doc_id": f"{doc_id}-{copy:04d}", "published": published.date().isoformat(),
             "text": text}
            for copy in range(copies)
            for doc_id, published, text in zip(seeds["doc_id"], seeds["published"],
                                               seeds["text"], strict=True)]
    path = folder / "repeated.jsonl"
    pd.DataFrame(rows).to_json(path, orient="records", lines=True, force_ascii=False)
    return path


def _aliases() -> list[str]:
    gazetteer = load_gazetteer()
    return sorted({variant for actor in gazetteer.actors.values()
                   for variant in (actor.name, *actor.aliases, *actor.short, *actor.demonyms,
                                   *actor.metonyms)})


def bench_actors(corpus, megabytes: float) -> dict[str, float]:
    texts = corpus.documents["text"].tolist()
    tag_actors(corpus, unlisted=False)  # compile the gazetteer's matcher outside the timing
    results = {  # ours first, before the peers fill the heap
        "kursklib tag_actors (gazetteer only)": _timed(lambda: tag_actors(corpus, unlisted=False)),
        "kursklib tag_actors (with unlisted names)": _timed(lambda: tag_actors(corpus)),
    }
    import spacy
    from flashtext import KeywordProcessor
    from spacy.matcher import PhraseMatcher

    aliases = _aliases()
    nlp = spacy.blank("en")
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    matcher.add("ACTOR", [nlp.make_doc(alias) for alias in aliases])
    keywords = KeywordProcessor(case_sensitive=False)
    for alias in aliases:
        keywords.add_keyword(alias)
    results["spaCy PhraseMatcher (blank en, LOWER)"] = _timed(
        lambda: [matcher(doc) for doc in nlp.pipe(texts)])
    results["flashtext KeywordProcessor"] = _timed(
        lambda: [keywords.extract_keywords(text, span_info=True) for text in texts])
    return {name: megabytes / seconds for name, seconds in results.items()}


def bench_dates(corpus, megabytes: float, seeds) -> tuple[dict[str, float], dict[str, dict]]:
    from dateparser.search import search_dates

    def dateparser_run(documents: pd.DataFrame) -> list[list[tuple[str, object]]]:
        return [search_dates(text, languages=["en"],
                             settings={"RELATIVE_BASE": published.to_pydatetime()}) or []
                for text, published in zip(documents["text"], documents["published"],
                                           strict=True)]

    tag_dates(seeds)  # compile outside the timing
    ours = megabytes / _timed(lambda: tag_dates(corpus))
    seed_megabytes = seeds.documents["text"].str.encode("utf-8").str.len().sum() / 1e6
    found = dateparser_run(seeds.documents)  # warm up: dateparser loads its data lazily
    theirs = seed_megabytes / _timed(lambda: dateparser_run(seeds.documents))
    speeds = {"kursklib tag_dates": ours, "dateparser search_dates (seeds only)": theirs}
    gold = list(csv.DictReader(GOLD.open(encoding="utf-8")))
    dates = tag_dates(seeds)
    calendar = dates[dates["value"].str.match(r"^\d{4}(-|$)")]
    kursklib_pairs = list(zip(calendar["doc_id"], calendar["surface"], calendar["value"],
                              strict=True))
    dateparser_pairs = [(doc_id, surface, parsed.date().isoformat())
                        for doc_id, matches in zip(seeds.documents["doc_id"], found, strict=True)
                        for surface, parsed in matches]
    accuracy = {"kursklib": _score(kursklib_pairs, gold),
                "dateparser": _score(dateparser_pairs, gold)}
    return speeds, accuracy


def _score(found: list[tuple[str, str, str]], gold: list[dict[str, str]]) -> dict[str, float]:
    """Detection P/R/F1 by (doc, surface) and value accuracy on the detected gold items."""
    remaining = [(g["doc_id"], g["surface"].lower(), g["value"]) for g in gold]
    matched, correct = 0, 0
    for doc_id, surface, value in found:
        hit = next((g for g in remaining if g[0] == doc_id and (
            g[1] in surface.lower() or surface.lower() in g[1])), None)
        if hit is None:
            continue
        remaining.remove(hit)
        matched += 1
        correct += value.startswith(hit[2]) and (len(hit[2]) >= 8 or value == hit[2])
    precision = matched / len(found) if found else 0.0
    recall = matched / len(gold)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1,
            "value_accuracy": correct / matched if matched else 0.0}


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        corpus = read_corpus(_repeated_corpus(Path(folder)))
        read_seconds = time.perf_counter() - start
    megabytes = corpus.documents["text"].str.encode("utf-8").str.len().sum() / 1e6
    seeds = read_corpus(SEEDS)
    print(f"corpus: {len(corpus.documents)} documents, {megabytes:.2f} MB; "
          f"read + sentences in {read_seconds:.2f} s ({megabytes / read_seconds:.2f} MB/s)")
    print(f"\nactor tagging (MB/s, best of {REPEATS}):")
    actor_speeds = bench_actors(corpus, megabytes)
    for name, speed in actor_speeds.items():
        print(f"  {name:45s} {speed:8.2f}")
    ours = actor_speeds["kursklib tag_actors (gazetteer only)"]
    print(f"  speed-up: {ours / actor_speeds['spaCy PhraseMatcher (blank en, LOWER)']:.1f}x spaCy,"
          f" {ours / actor_speeds['flashtext KeywordProcessor']:.1f}x flashtext")
    print(f"\ndate tagging (MB/s, best of {REPEATS}):")
    date_speeds, accuracy = bench_dates(corpus, megabytes, seeds)
    for name, speed in date_speeds.items():
        print(f"  {name:45s} {speed:8.3f}")
    ratio = date_speeds["kursklib tag_dates"] / date_speeds["dateparser search_dates (seeds only)"]
    print(f"  speed-up: {ratio:.0f}x dateparser")
    print("\ncalendar dates on the seeds (gold: benchmarks/seed_dates_gold.csv):")
    for name, scores in accuracy.items():
        print(f"  {name:12s} " + "  ".join(f"{key} {value:.2f}" for key, value in scores.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
