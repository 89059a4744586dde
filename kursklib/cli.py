"""The ``kursk`` console command: corpus listings, tagging, the figure run, gazetteer drafts."""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path

from .errors import ArgumentError, KursklibError, KursklibWarning
from .figure_run import (
    FigureRun,
    default_output,
    select_notebooks,
)
from .project import notebooks_dir, sample_corpus_dir

DESCRIPTION = """\
Tag actors, dates and terms in a news corpus, and regenerate the research charts.

A corpus is a folder of .txt articles (with an optional metadata.csv: doc_id = file
stem, published = ISO date, title, source, url, language), or one .csv/.jsonl/.parquet
table with a text column."""
EPILOG = """\
examples:
  kursk info corpus/                      list the documents
  kursk figures --corpus corpus/          tag, run every notebook, publish into figures/
  kursk figures --notebook 02 -p top 10   one notebook, one parameter
  kursk figures --help                    the notebooks' parameters
  kursk init demo                         a project folder to run them on your own corpus"""
CORPUS_HELP = "folder of .txt files, or a .csv/.jsonl/.parquet table"
INFO_FORMATS = ("table", "tsv", "json")
INFO_COLUMNS = ("doc_id", "published", "language", "n_chars", "source", "title")


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``kursk``; user errors print one line and exit 1 (``--debug`` shows the traceback)."""
    args = build_parser().parse_args(argv)
    warnings.simplefilter("always", KursklibWarning)
    warnings.showwarning = _show_warning
    try:
        return args.run(args)
    except KursklibError as error:
        if args.debug:
            raise
        return _fail(str(error))
    except BrokenPipeError:  # kursk info | head: the reader has gone, say nothing
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except OSError as error:
        if args.debug:
            raise
        where = f"{error.filename}: " if error.filename else ""
        return _fail(f"{where}{error.strerror or error}")
    except KeyboardInterrupt as interrupt:
        from .figure_run import Terminated

        terminated = isinstance(interrupt, Terminated)
        # The interrupted cell's task is reported by asyncio at exit: nothing to act on.
        logging.getLogger("asyncio").setLevel(logging.CRITICAL)
        print(f"kursk: {'terminated' if terminated else 'interrupted'}; nothing was published",
              file=sys.stderr)
        return 143 if terminated else 130


def build_parser() -> argparse.ArgumentParser:
    """The ``kursk`` parser and its subcommands."""
    from . import __version__

    parser = _Parser(prog="kursk", description=DESCRIPTION, epilog=EPILOG,
                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"kursk {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    commands = parser.add_subparsers(required=True, metavar="COMMAND")
    info = commands.add_parser("info", help="list the documents of a corpus",
                               description="List the documents of a corpus, one a line.")
    info.add_argument("corpus", help=CORPUS_HELP)
    _add_corpus_arguments(info)
    info.add_argument("--format", choices=INFO_FORMATS, default="table",
                      help="an aligned table (default), tab-separated values with a header, "
                      "or JSON lines")
    info.set_defaults(run=_run_info)
    tag = commands.add_parser("tag", help="tag a corpus once into Parquet tables (reused later)")
    tag.add_argument("corpus", help=CORPUS_HELP)
    _add_corpus_arguments(tag)
    tag.add_argument("--gazetteer", default="", help="actors YAML (default: packaged)")
    tag.add_argument("--cache", default="", help="folder of tagged corpora (default: "
                     "$KURSKLIB_CACHE_DIR, else the user cache)")
    tag.add_argument("--batch-size", type=int, default=None,
                     help="documents tagged at a time (default: kursklib.tagged.BATCH_DOCUMENTS)")
    _add_dask_arguments(tag)
    tag.set_defaults(run=_run_tag)
    _add_figures_parser(commands)
    gazetteer = commands.add_parser("gazetteer", help="grow a gazetteer from a corpus")
    gazetteer_commands = gazetteer.add_subparsers(required=True, metavar="ACTION")
    suggest = gazetteer_commands.add_parser(
        "suggest", help="write the names the gazetteer lacks as a draft gazetteer to edit")
    suggest.add_argument("corpus", help=CORPUS_HELP)
    _add_corpus_arguments(suggest, metadata=False)
    suggest.add_argument("-o", "--output", default="gazetteer-draft.yaml",
                         help="draft YAML to write (default: gazetteer-draft.yaml)")
    suggest.add_argument("--gazetteer", action="append", default=[], metavar="YAML",
                         help="actors YAML already known (repeatable); extends the packaged one")
    suggest.add_argument("--gazetteer-only", action="store_true",
                         help="use the --gazetteer files alone, without the packaged actors")
    suggest.add_argument("--min-mentions", type=int, default=2, metavar="N",
                         help="leave out names mentioned fewer times (default: 2)")
    suggest.set_defaults(run=_run_suggest)
    init = commands.add_parser("init", help="lay out a project: notebooks, corpus/ with the "
                               "sample, figures/, a README",
                               description="Lay out a new project folder to run the notebooks "
                               "on your own corpus: notebooks/, corpus/ (the sample corpus, to "
                               "replace), figures/ and a README.")
    init.add_argument("folder", help="a new or empty folder")
    init.set_defaults(run=_run_init)
    return parser


def _add_figures_parser(commands: argparse._SubParsersAction) -> None:
    from .parameters import declared_parameters, describe_parameters

    notebooks = select_notebooks(notebooks_dir())
    figures = commands.add_parser(
        "figures", help="run every notebook and regenerate its figures",
        description="Tag the corpus once, run the notebooks with papermill and publish their "
        "charts and tables into the output folder, all or nothing.",
        epilog=lambda: describe_parameters({path: declared_parameters(path)
                                            for path in notebooks}),
        formatter_class=argparse.RawDescriptionHelpFormatter)
    figures.add_argument("--corpus", help="corpus folder or table (default: corpus/ of a "
                         "project made by kursk init, else the packaged sample corpus)")
    figures.add_argument("--output", help="folder for figures and tables (default: figures/ "
                         "of a kursk init project or of the repository, else ./figures)")
    _add_corpus_arguments(figures, metadata=False)
    figures.add_argument("--gazetteer", default="",
                         help="actors YAML extending the packaged gazetteer")
    figures.add_argument("--gazetteer-only", action="store_true",
                         help="use the --gazetteer file alone, without the packaged actors")
    figures.add_argument("--notebook", action="append", default=[], metavar="NAME",
                         help="run only this notebook, by number or name (repeatable): "
                         + ", ".join(path.stem for path in notebooks))
    figures.add_argument("-p", "--parameter", nargs=2, action="append", default=[],
                         metavar=("NAME", "VALUE"),
                         help="notebook parameter (below), given to the notebooks that declare it")
    figures.add_argument("--notebooks", type=Path, help=argparse.SUPPRESS)
    _add_dask_arguments(figures)
    figures.set_defaults(run=_run_figures)


class _Parser(argparse.ArgumentParser):
    """A parser whose epilog may be a function, called only when the help is shown."""

    def format_help(self) -> str:
        if callable(self.epilog):
            self.epilog = self.epilog()
        return super().format_help()


def _add_corpus_arguments(parser: argparse.ArgumentParser, *, metadata: bool = True) -> None:
    if metadata:
        parser.add_argument("--metadata",
                            help="metadata CSV (default: metadata.csv in the folder)")
    parser.add_argument("--column", action="append", default=[], metavar="OURS=THEIRS",
                        help="read our column OURS (doc_id, text, title, published, source, "
                        "url, language) from the table's column THEIRS, e.g. text=body "
                        "(repeatable)")
    parser.add_argument("--recursive", action="store_true",
                        help="read the .txt files of subfolders too")


def corpus_columns(args: argparse.Namespace) -> dict[str, str]:
    """The ``--column OURS=THEIRS`` options as ``{ours: theirs}``."""
    columns: dict[str, str] = {}
    for given in args.column:
        ours, _, theirs = given.partition("=")
        if not ours.strip() or not theirs.strip():
            raise ArgumentError(f"--column {given!r}: give OURS=THEIRS, e.g. text=body")
        if ours.strip() in columns:
            raise ArgumentError(f"--column {given!r}: {ours.strip()} is mapped twice")
        columns[ours.strip()] = theirs.strip()
    return columns


def _add_dask_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--workers", type=int, metavar="N",
                        help="tag on a local Dask cluster of N worker processes")
    parser.add_argument("--scheduler", metavar="ADDRESS",
                        help="tag on the Dask cluster at ADDRESS, e.g. tcp://host:8786 "
                        "(default: $DASK_SCHEDULER_ADDRESS)")


def dask_cluster(args: argparse.Namespace) -> dict[str, object]:
    """Where to tag: ``{}`` (in this process), ``{"workers": N}`` or ``{"scheduler": ADDRESS}``."""
    if args.workers is not None and args.scheduler:
        raise ArgumentError("give --workers or --scheduler, not both")
    if args.workers is not None:
        chosen: dict[str, object] = {"workers": args.workers}
    elif args.scheduler or os.environ.get("DASK_SCHEDULER_ADDRESS"):
        chosen = {"scheduler": args.scheduler or os.environ["DASK_SCHEDULER_ADDRESS"]}
    else:
        return {}
    try:
        import kursklib.cluster  # noqa: F401
    except ModuleNotFoundError as error:
        if error.name not in ("dask", "distributed"):
            raise
        raise ArgumentError("--workers and --scheduler need Dask: pip install "
                            "'kursklib[dask]'") from None
    return chosen


def dask_client(cluster: dict[str, object]) -> contextlib.AbstractContextManager:
    """A Dask client for :func:`dask_cluster`'s choice, or nothing for ``{}``."""
    if not cluster:
        return contextlib.nullcontext()
    from .cluster import open_client

    return open_client(**cluster)


def input_path(value: str | None, option: str, *, file: bool = False) -> Path | None:
    """An input path made absolute (``None`` stays ``None``); a folder where a file is
    expected is an error naming ``option``."""
    if not value:
        return None
    path = Path(value).expanduser().resolve()
    if file and path.is_dir():
        raise ArgumentError(f"{option}: is a folder, not a file", path=path)
    return path


def _run_suggest(args: argparse.Namespace) -> int:
    from .actors import build_gazetteer_draft, load_gazetteer, tag_actors, write_gazetteer_draft
    from .corpus import read_corpus

    if args.gazetteer_only and not args.gazetteer:
        raise ArgumentError("--gazetteer-only needs a --gazetteer file")
    if args.min_mentions < 1:
        raise ArgumentError(f"--min-mentions must be 1 or more, not {args.min_mentions}")
    corpus = read_corpus(input_path(args.corpus, "corpus"), columns=corpus_columns(args),
                         recursive=args.recursive)
    gazetteer = load_gazetteer(*[input_path(path, "--gazetteer", file=True)
                                 for path in args.gazetteer],
                               include_default=not args.gazetteer_only)
    draft = build_gazetteer_draft(tag_actors(corpus, gazetteer=gazetteer), corpus.sentences,
                                  min_mentions=args.min_mentions)
    path = write_gazetteer_draft(draft, args.output)
    print(f"kursk: {len(draft)} names written to {path}", file=sys.stderr)
    return 0


def _run_info(args: argparse.Namespace) -> int:
    import pandas as pd

    from .corpus import open_corpus

    source = open_corpus(input_path(args.corpus, "corpus"),
                         metadata=input_path(args.metadata, "--metadata", file=True),
                         columns=corpus_columns(args), recursive=args.recursive)
    width = max(len(doc_id) for doc_id in source.doc_ids)
    if args.format == "tsv":
        print("\t".join(INFO_COLUMNS))
    elif args.format == "table":
        print(f"{'doc_id':<{width}}  published   language  {'chars':>9}  source  title")
    for documents in source.batches(1000):
        for document in documents.itertuples(index=False):
            row = {"doc_id": document.doc_id,
                   "published": None if pd.isna(document.published)
                   else document.published.date().isoformat(),
                   "language": document.language, "n_chars": int(document.n_chars),
                   "source": None if pd.isna(document.source) else document.source,
                   "title": None if pd.isna(document.title) else document.title}
            if args.format == "json":
                print(json.dumps(row, ensure_ascii=False))
            elif args.format == "tsv":
                print("\t".join("" if row[name] is None else _one_line(row[name])
                                for name in INFO_COLUMNS))
            else:
                print(f"{row['doc_id']:<{width}}  {row['published'] or '-':<10}  "
                      f"{row['language']:<8}  {row['n_chars']:>9,}  {row['source'] or '-':<6}  "
                      f"{_one_line(row['title'] or '-')}")
    return 0


def _run_tag(args: argparse.Namespace) -> int:
    from .tagged import BATCH_DOCUMENTS, tag_corpus

    with dask_client(dask_cluster(args)) as client:
        tagged = tag_corpus(input_path(args.corpus, "corpus"),
                            metadata=input_path(args.metadata, "--metadata", file=True),
                            gazetteer=input_path(args.gazetteer, "--gazetteer", file=True),
                            cache_dir=input_path(args.cache, "--cache"),
                            batch_size=args.batch_size or BATCH_DOCUMENTS, tables=[],
                            client=client, columns=corpus_columns(args),
                            recursive=args.recursive)
    rows = ", ".join(f"{count} {name}" for name, count in tagged.manifest["rows"].items())
    print(tagged.folder)
    print(f"kursk: {rows}", file=sys.stderr)
    return 0


def _run_figures(args: argparse.Namespace) -> int:
    if args.gazetteer_only and not args.gazetteer:
        raise ArgumentError("--gazetteer-only needs a --gazetteer file")
    from .project import project_folders

    project = project_folders(Path.cwd())  # run inside a project made by kursk init
    run = FigureRun(
        corpus=input_path(args.corpus, "--corpus") or project.get("corpus") or sample_corpus_dir(),
        output=input_path(args.output, "--output") or project.get("figures") or default_output(),
        notebooks=select_notebooks(args.notebooks or project.get("notebooks") or notebooks_dir(),
                                   args.notebook),
        gazetteer=input_path(args.gazetteer, "--gazetteer", file=True),
        gazetteer_only=args.gazetteer_only, parameters=dict(args.parameter),
        cluster=dask_cluster(args), columns=corpus_columns(args), recursive=args.recursive)
    written = run.run(say=lambda text: print(f"kursk: {text}", file=sys.stderr))
    executed = sum(path.parent.name == "executed" for path in written)
    print(f"kursk: {len(written) - executed} files written to {run.output} (executed notebooks "
          f"in {run.output / 'executed'})", file=sys.stderr)
    return 0


def _run_init(args: argparse.Namespace) -> int:
    from .project import init_project

    folder = Path(args.folder).expanduser().resolve()
    written = init_project(folder)
    print(f"kursk: {len(written)} files written to {folder}; next: cd {args.folder} && kursk "
          "figures", file=sys.stderr)
    return 0


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _show_warning(message: Warning | str, category: type[Warning], filename: str, lineno: int,
                  file: object = None, line: str | None = None) -> None:
    print(f"kursk: warning: {message}", file=sys.stderr)


def _fail(message: str) -> int:
    print(f"kursk: error: {message}", file=sys.stderr)
    return 1
