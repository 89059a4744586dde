"""The ``kursk`` console command: corpus summaries and the batch figure run."""

from __future__ import annotations

import argparse
import sys
import warnings
from collections.abc import Sequence

import pandas as pd

from .corpus import read_corpus
from .errors import KursklibError, KursklibWarning


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``kursk``; user errors print one line and exit 1 (``--debug`` shows the traceback)."""
    parser = _build_parser()
    args = parser.parse_args(argv)
    warnings.simplefilter("always", KursklibWarning)
    warnings.showwarning = _show_warning
    try:
        return args.run(args)
    except KursklibError as error:
        if args.debug:
            raise
        print(f"kursk: error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("kursk: interrupted", file=sys.stderr)
        return 130


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kursk", description=__doc__)
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    commands = parser.add_subparsers(required=True, metavar="COMMAND")
    info = commands.add_parser("info", help="list the documents of a corpus")
    info.add_argument("corpus", help="folder of .txt files, or a .csv/.jsonl/.parquet table")
    info.add_argument("--metadata", help="metadata CSV (default: metadata.csv in the folder)")
    info.set_defaults(run=_run_info)
    return parser


def _run_info(args: argparse.Namespace) -> int:
    corpus = read_corpus(args.corpus, metadata=args.metadata)
    n_sentences = corpus.sentences.groupby("doc_id").size()
    for document in corpus.documents.itertuples(index=False):
        published = "" if pd.isna(document.published) else document.published.date().isoformat()
        title = "" if pd.isna(document.title) else document.title
        print("\t".join([document.doc_id, published or "----------", title or "(no title)",
                         f"{n_sentences.get(document.doc_id, 0)} sentences",
                         f"{document.n_chars} chars"]))
    return 0


def _show_warning(message: Warning | str, category: type[Warning], filename: str, lineno: int,
                  file: object = None, line: str | None = None) -> None:
    print(f"kursk: warning: {message}", file=sys.stderr)
