"""Benchmark every stage on generated corpora, against the tools a user would reach for.

Run with ``make bench`` (installs the ``bench`` extra), or ``python benchmarks/run.py
[--sizes 1000 10000] [--stage-sizes 100000] [--figures 10000] [--large DIR]``. Prints one
table: stage, size, MB/s, docs/s, peak RSS of the process during the stage, the growth
exponent of time from the previous size (1.0 = linear; 10x documents at 12x time is 1.08),
and each peer, timed on the same texts in the same run.
"""

from __future__ import annotations

import argparse
import math
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
import warnings
from collections.abc import Callable
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.corpora import write_corpus  # noqa: E402
from kursklib import (  # noqa: E402
    build_timeline,
    count_document_terms,
    load_gazetteer,
    read_corpus,
    score_keyness,
    tag_actors,
    tag_corpus,
    tag_dates,
    tag_tokens,
)
from kursklib.languages import resources_for  # noqa: E402
from kursklib.tokens import load_token_data  # noqa: E402

DATEPARSER_DOCUMENTS = 50  # dateparser is slow: it reads this many documents of each corpus
_TOKEN_DATA_LOADED: set[str] = set()  # languages whose lemmas and stopwords this process has


class _Peak:
    """The peak resident memory of a process (and its children) while a block runs."""

    def __init__(self, pid: int | None = None, *, children: bool = False) -> None:
        self._process = psutil.Process(pid)
        self._children = children
        self.peak = 0
        self._done = threading.Event()

    def _rss(self) -> int:
        processes = [self._process]
        if self._children:
            try:
                processes += self._process.children(recursive=True)
            except psutil.Error:  # the process has ended
                pass
        total = 0
        for process in processes:
            try:
                total += process.memory_info().rss
            except psutil.Error:
                pass
        return total

    def _watch(self) -> None:
        while not self._done.wait(0.02):
            self.peak = max(self.peak, self._rss())

    def __enter__(self) -> _Peak:
        self.peak = self._rss()
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._done.set()
        self._thread.join()
        self.peak = max(self.peak, self._rss())


def _measure(run: Callable[[], object]) -> tuple[float, int, object]:
    with _Peak() as peak:
        start = time.perf_counter()
        result = run()
        seconds = time.perf_counter() - start
    return seconds, peak.peak, result


def _aliases() -> list[str]:
    gazetteer = load_gazetteer()
    return sorted({variant for actor in gazetteer.actors.values()
                   for variant in (actor.name, *actor.aliases, *actor.short, *actor.demonyms,
                                   *actor.metonyms)})


def bench_stages(folder: Path, cache: Path) -> list[dict]:
    """Every stage and each peer, then the whole tagging stage, on one corpus folder."""
    rows: list[dict] = []
    texts = _bench_tables(folder, rows)  # the tables are freed before the whole stage runs
    seconds, rss, _ = _measure(lambda: tag_corpus(folder, cache_dir=cache))
    rows.append(_row("tag_corpus (whole stage, to Parquet)", seconds, rss,
                     sum(len(text.encode("utf-8")) for text in texts) / 1e6, len(texts)))
    return rows


def _row(stage: str, seconds: float, rss: int, megabytes: float, documents: int) -> dict:
    return {"stage": stage, "documents": documents, "seconds": seconds,
            "mb_s": megabytes / seconds, "docs_s": documents / seconds, "rss_mb": rss / 2**20}


def _bench_tables(folder: Path, rows: list[dict]) -> list[str]:
    """The in-memory stages, one after the other, each on the tables before it, and the
    peers; returns the texts."""
    from dateparser.search import search_dates
    from flashtext import KeywordProcessor
    from sklearn.feature_extraction.text import CountVectorizer

    seconds, rss, corpus = _measure(lambda: read_corpus(folder))
    texts = corpus.documents["text"].tolist()
    megabytes = sum(len(text.encode("utf-8")) for text in texts) / 1e6

    def row(stage: str, seconds: float, rss: int) -> None:
        rows.append(_row(stage, seconds, rss, megabytes, len(texts)))

    row("read_corpus (with sentences)", seconds, rss)
    tag_actors(corpus, unlisted=False)  # compile the gazetteer outside the timing
    seconds, rss, mentions = _measure(lambda: tag_actors(corpus))
    row("tag_actors (default, unlisted names)", seconds, rss)
    # Each peer right after the stage it is compared with: the load of a shared machine
    # moves within minutes, so that a ratio compares like with like.
    keywords = KeywordProcessor(case_sensitive=False)
    for alias in _aliases():
        keywords.add_keyword(alias)
    seconds, rss, _ = _measure(lambda: [keywords.extract_keywords(text, span_info=True)
                                        for text in texts])
    row("  peer: flashtext (same aliases)", seconds, rss)
    seconds, rss, _ = _measure(lambda: tag_actors(corpus, unlisted=False))
    row("tag_actors (gazetteer only)", seconds, rss)
    seconds, rss, dates = _measure(lambda: tag_dates(corpus))
    row("tag_dates", seconds, rss)
    sample = texts[:DATEPARSER_DOCUMENTS]
    search_dates(sample[0], languages=["en"])  # dateparser loads its data lazily
    seconds, rss, _ = _measure(lambda: [search_dates(text, languages=["en"]) for text in sample])
    rows.append(_row(f"  peer: dateparser search_dates ({len(sample)} docs)", seconds, rss,
                     sum(len(text.encode("utf-8")) for text in sample) / 1e6, len(sample)))
    # Loaded once per process, as the gazetteer above: timed apart (for the languages no
    # smaller corpus loaded), so that the terms row measures the work per text.
    languages = sorted({resources_for(code) for code in corpus.documents["language"].fillna(
        "en")} - _TOKEN_DATA_LOADED)
    if languages:
        seconds, rss, _ = _measure(lambda: [load_token_data(code) for code in languages])
        row(f"  once: lemmas, stopwords ({', '.join(languages)})", seconds, rss)
        _TOKEN_DATA_LOADED.update(languages)
    seconds, rss, (tokens, terms) = _measure(lambda: (
        tokens := tag_tokens(corpus, mentions), count_document_terms(tokens, mentions)))
    row("terms: tag_tokens + count_document_terms", seconds, rss)
    seconds, rss, _ = _measure(lambda: CountVectorizer().fit_transform(texts))
    row("  peer: scikit-learn CountVectorizer", seconds, rss)
    seconds, rss, _ = _measure(lambda: build_timeline(dates, mentions, tokens, corpus.sentences,
                                                      corpus.documents))
    row("build_timeline", seconds, rss)
    seconds, rss, _ = _measure(lambda: score_keyness(terms, top=10))
    row("score_keyness (every document)", seconds, rss)
    return texts


def bench_stage_only(folder: Path, cache: Path) -> list[dict]:
    """The tagging stage alone, streamed in batches, on a corpus folder (no table read back)."""
    files = [file for file in folder.iterdir() if file.suffix == ".txt"]
    megabytes = sum(file.stat().st_size for file in files) / 1e6
    seconds, rss, _ = _measure(lambda: tag_corpus(folder, cache_dir=cache, tables=[]))
    return [{"stage": "tag_corpus (whole stage, to Parquet)", "documents": len(files),
             "seconds": seconds, "mb_s": megabytes / seconds, "docs_s": len(files) / seconds,
             "rss_mb": rss / 2**20}]


def bench_figures(folder: Path, output: Path, cache: Path) -> dict:
    """``kursk figures`` end to end (tagging included), with its whole process tree's memory."""
    environment = {**os.environ, "KURSKLIB_CACHE_DIR": str(cache)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    kursk = Path(sys.executable).parent / "kursk"
    process = subprocess.Popen([str(kursk), "figures", "--corpus",
                                str(folder), "--output", str(output)], env=environment,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    with _Peak(process.pid, children=True) as peak:
        _, error = process.communicate()
    seconds = time.perf_counter() - start
    if process.returncode:
        raise SystemExit(f"kursk figures failed: {error.decode()[-500:]}")
    # CPU of the whole tree (every process is waited for): less noisy than wall time on a
    # shared machine.
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    largest = max(path.stat().st_size for path in output.glob("*.png"))
    return {"seconds": seconds, "cpu_seconds": cpu, "tree_rss_mb": peak.peak / 2**20,
            "largest_png_mb": largest / 1e6}


def _print_table(rows: list[dict]) -> None:
    print(f"{'stage':44s} {'docs':>7s} {'s':>8s} {'MB/s':>8s} {'docs/s':>9s} {'peak RSS':>9s} "
          f"{'growth':>7s} {'x peer':>7s}")
    previous: dict[str, dict] = {}
    ours = {"  peer: scikit-learn CountVectorizer": "terms: tag_tokens + count_document_terms",
            "  peer: flashtext (same aliases)": "tag_actors (default, unlisted names)",
            "  peer: dateparser search_dates": "tag_dates"}
    by_size: dict[tuple[str, int], dict] = {(row["stage"], row["documents"]): row for row in rows}
    for row in rows:
        before = previous.get(row["stage"])
        growth = (math.log(row["seconds"] / before["seconds"])
                  / math.log(row["documents"] / before["documents"])
                  ) if before and before["documents"] != row["documents"] else None
        previous[row["stage"]] = row
        peer = next((stage for name, stage in ours.items() if row["stage"].startswith(name)),
                    None)
        ratio = ""
        if peer:
            size = row["documents"] if not row["stage"].startswith("  peer: dateparser") else max(
                documents for stage, documents in by_size if stage == peer)
            mine = by_size.get((peer, size))
            ratio = f"{mine['mb_s'] / row['mb_s']:.2f}x" if mine else ""
        print(f"{row['stage']:44s} {row['documents']:7d} {row['seconds']:8.2f} "
              f"{row['mb_s']:8.2f} {row['docs_s']:9.0f} {row['rss_mb']:8.0f}M "
              f"{'' if growth is None else f'{growth:.2f}':>7s} {ratio:>7s}")
    print("growth: exponent of time against documents from the previous size of the same stage;"
          " x peer: the kursklib stage's MB/s over the peer's (dateparser: against our largest"
          " corpus).")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000])
    parser.add_argument("--stage-sizes", type=int, nargs="*", default=[100000])
    parser.add_argument("--figures", type=int, default=10000,
                        help="articles for the end-to-end kursk figures run (0: skip)")
    parser.add_argument("--large", type=Path, help="a corpus folder (about 1 GB) for the stage")
    parser.add_argument("--work", type=Path, help="where corpora are generated (default: temp)")
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore")
    with tempfile.TemporaryDirectory() as temporary:
        work = args.work or Path(temporary)
        rows: list[dict] = []

        def corpus(size: int) -> Path:
            folder = work / f"corpus-{size}"
            if not (folder / "metadata.csv").is_file():
                write_corpus(size, folder)
            return folder

        for size in args.sizes:
            rows += bench_stages(corpus(size), Path(temporary) / f"cache-{size}")
        for size in args.stage_sizes:
            rows += bench_stage_only(corpus(size), Path(temporary) / f"cache-{size}")
        if args.large:
            rows += bench_stage_only(args.large, Path(temporary) / "cache-large")
        _print_table(sorted(rows, key=lambda row: (_order(row["stage"]), row["documents"])))
        if args.figures:
            figures = bench_figures(corpus(args.figures), Path(temporary) / "figures",
                                    Path(temporary) / "figures-cache")
            print(f"\nkursk figures on {args.figures} articles (tagging included): "
                  f"{figures['seconds']:.0f} s ({figures['cpu_seconds']:.0f} CPU s), "
                  f"peak RSS of the process tree "
                  f"{figures['tree_rss_mb']:.0f} MB, "
                  f"largest PNG {figures['largest_png_mb']:.2f} MB")
    return 0


_STAGE_ORDER = ["read_corpus", "tag_actors (default", "  peer: flashtext", "tag_actors (gaz",
                "tag_dates", "  peer: dateparser", "  once: lemmas", "terms:", "  peer: scikit",
                "score_keyness", "build_timeline", "tag_corpus"]


def _order(stage: str) -> int:
    return next(index for index, prefix in enumerate(_STAGE_ORDER) if stage.startswith(prefix))


if __name__ == "__main__":
    sys.exit(main())
