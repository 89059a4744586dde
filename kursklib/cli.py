"""The ``kursk`` console command: corpus summaries, tagging, the figure run, gazetteer drafts."""

from __future__ import annotations

import argparse
import contextlib
import multiprocessing
import os
import shutil
import sys
import tempfile
import warnings
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pandas as pd

from .actors import (
    build_gazetteer_draft,
    load_gazetteer,
    tag_actors,
    write_gazetteer_draft,
)
from .corpus import read_corpus
from .errors import (
    ArgumentError,
    KursklibError,
    KursklibWarning,
    NotebookError,
    OutputError,
    first_line,
)
from .plaindata import read_data
from .tagged import BATCH_DOCUMENTS, tag_corpus

PROJECT_ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
NOTEBOOKS = ("01-term-frequency.ipynb", "02-actor-mentions.ipynb", "03-timeline.ipynb")
# Parameters every notebook declares; the CLI sets them from its own options.
PATH_PARAMETERS = ("corpus_dir", "output_dir", "gazetteer_path", "gazetteer_only")
_TYPES = {"int": int, "float": (int, float), "str": str, "list": list, "bool": bool, "dict": dict}


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
    tag = commands.add_parser("tag", help="tag a corpus once into Parquet tables (reused later)")
    tag.add_argument("corpus", help="folder of .txt files, or a .csv/.jsonl/.parquet table")
    tag.add_argument("--metadata", help="metadata CSV (default: metadata.csv in the folder)")
    tag.add_argument("--gazetteer", default="", help="actors YAML (default: packaged)")
    tag.add_argument("--cache", default="", help="folder of tagged corpora (default: "
                     "$KURSKLIB_CACHE_DIR, else the user cache)")
    tag.add_argument("--batch-size", type=int, default=BATCH_DOCUMENTS,
                     help=f"documents tagged at a time (default: {BATCH_DOCUMENTS})")
    _add_dask_arguments(tag)
    tag.set_defaults(run=_run_tag)
    figures = commands.add_parser("figures", help="run every notebook and regenerate its figures")
    figures.add_argument("--corpus", default=str(PROJECT_ROOT / "seeds"),
                         help="corpus folder or table (default: seeds/)")
    figures.add_argument("--output", default=str(PROJECT_ROOT / "figures"),
                         help="folder for figures and tables (default: figures/)")
    figures.add_argument("--gazetteer", default="",
                         help="actors YAML extending the packaged gazetteer")
    figures.add_argument("--gazetteer-only", action="store_true",
                         help="use the --gazetteer file alone, without the packaged actors")
    figures.add_argument("-p", "--parameter", nargs=2, action="append", default=[],
                         metavar=("NAME", "VALUE"),
                         help="notebook parameter, given to the notebooks that declare it")
    figures.add_argument("--notebooks", default=str(NOTEBOOKS_DIR), help=argparse.SUPPRESS)
    _add_dask_arguments(figures)
    figures.set_defaults(run=_run_figures)
    gazetteer = commands.add_parser("gazetteer", help="grow a gazetteer from a corpus")
    gazetteer_commands = gazetteer.add_subparsers(required=True, metavar="ACTION")
    suggest = gazetteer_commands.add_parser(
        "suggest", help="write the names the gazetteer lacks as a draft gazetteer to edit")
    suggest.add_argument("corpus", help="folder of .txt files, or a .csv/.jsonl/.parquet table")
    suggest.add_argument("-o", "--output", default="gazetteer-draft.yaml",
                         help="draft YAML to write (default: gazetteer-draft.yaml)")
    suggest.add_argument("--gazetteer", action="append", default=[], metavar="YAML",
                         help="actors YAML already known (repeatable); extends the packaged one")
    suggest.add_argument("--gazetteer-only", action="store_true",
                         help="use the --gazetteer files alone, without the packaged actors")
    suggest.add_argument("--min-mentions", type=int, default=2, metavar="N",
                         help="leave out names mentioned fewer times (default: 2)")
    suggest.set_defaults(run=_run_suggest)
    return parser


def _add_dask_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--workers", type=int, metavar="N",
                        help="tag on a local Dask cluster of N worker processes")
    parser.add_argument("--scheduler", metavar="ADDRESS",
                        help="tag on the Dask cluster at ADDRESS, e.g. tcp://host:8786 "
                        "(default: $DASK_SCHEDULER_ADDRESS)")


def _dask_cluster(args: argparse.Namespace) -> dict[str, object]:
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


def _dask_client(cluster: dict[str, object]) -> contextlib.AbstractContextManager:
    if not cluster:
        return contextlib.nullcontext()
    from .cluster import open_client

    return open_client(**cluster)


def _run_suggest(args: argparse.Namespace) -> int:
    if args.gazetteer_only and not args.gazetteer:
        raise ArgumentError("--gazetteer-only needs a --gazetteer file")
    if args.min_mentions < 1:
        raise ArgumentError(f"--min-mentions must be 1 or more, not {args.min_mentions}")
    corpus = read_corpus(args.corpus)
    gazetteer = load_gazetteer(*args.gazetteer, include_default=not args.gazetteer_only)
    draft = build_gazetteer_draft(tag_actors(corpus, gazetteer=gazetteer), corpus.sentences,
                                  min_mentions=args.min_mentions)
    path = write_gazetteer_draft(draft, args.output)
    print(f"kursk: {len(draft)} names written to {path}", file=sys.stderr)
    return 0


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


def _run_tag(args: argparse.Namespace) -> int:
    with _dask_client(_dask_cluster(args)) as client:
        tagged = tag_corpus(args.corpus, metadata=args.metadata,
                            gazetteer=args.gazetteer or None, cache_dir=args.cache or None,
                            batch_size=args.batch_size, tables=[], client=client)
    rows = ", ".join(f"{count} {name}" for name, count in tagged.manifest["rows"].items())
    print(tagged.folder)
    print(f"kursk: {rows}", file=sys.stderr)
    return 0


def _run_figures(args: argparse.Namespace) -> int:
    if args.gazetteer_only and not args.gazetteer:
        raise ArgumentError("--gazetteer-only needs a --gazetteer file")
    written = run_notebooks(
        corpus=Path(args.corpus), output=Path(args.output), gazetteer=args.gazetteer,
        gazetteer_only=args.gazetteer_only, parameters=dict(args.parameter),
        notebooks_dir=Path(args.notebooks), cluster=_dask_cluster(args))
    print(f"kursk: {len(written)} files written to {args.output}", file=sys.stderr)
    return 0


def run_notebooks(*, corpus: Path, output: Path, gazetteer: str = "",
                  gazetteer_only: bool = False, parameters: dict[str, str] | None = None,
                  notebooks_dir: Path = NOTEBOOKS_DIR, cluster: dict[str, object] | None = None
                  ) -> list[Path]:
    """Run every notebook with papermill and publish its files into ``output`` together.

    Notebooks write into a staging folder beside ``output``; only when all succeed are
    the files moved into place, so a failure leaves the previous figures untouched.
    Executed notebooks are kept in ``output/executed`` for inspection. ``cluster``
    (``{"workers": N}`` or ``{"scheduler": ADDRESS}``) tags on Dask.

    Returns:
        The files written into ``output``.
    """
    import papermill

    notebooks = [notebooks_dir / name for name in NOTEBOOKS]
    per_notebook = _check_parameters(notebooks, parameters or {})
    executed = output / "executed"
    staging = _make_staging(output)
    try:
        # Tag once, failing fast with the reader's own message before any kernel starts;
        # the notebooks' own tag_corpus calls then read these tables from the cache. In a
        # child process, whose memory is gone before the first kernel starts.
        with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
            folder = pool.submit(_tag_folder, corpus.resolve(),
                                 Path(gazetteer).resolve() if gazetteer else None,
                                 gazetteer_only, cluster or {}).result()
        print(f"kursk: tagged corpus in {folder}", file=sys.stderr)
        for number, notebook in enumerate(notebooks, 1):
            print(f"kursk: [{number}/{len(notebooks)}] {notebook.name}", file=sys.stderr)
            values = {"corpus_dir": str(corpus.resolve()), "output_dir": str(staging),
                      "gazetteer_path": str(Path(gazetteer).resolve()) if gazetteer else "",
                      "gazetteer_only": gazetteer_only, **per_notebook[notebook]}
            try:
                papermill.execute_notebook(
                    str(notebook), str(executed / notebook.name), parameters=values,
                    cwd=str(notebooks_dir), kernel_name="python3", log_output=False,
                    progress_bar=sys.stderr.isatty())
            except papermill.PapermillExecutionError as error:
                raise NotebookError(f"cell {error.exec_count} failed: {error.ename}: "
                                    f"{first_line(error.evalue)}", path=notebook) from None
        return _publish(staging, output)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _tag_folder(corpus: Path, gazetteer: Path | None, gazetteer_only: bool,
                cluster: dict[str, object]) -> Path:
    chosen = load_gazetteer(gazetteer, include_default=not gazetteer_only) if gazetteer else None
    with _dask_client(cluster) as client:
        return tag_corpus(corpus, gazetteer=chosen, tables=[], client=client).folder


def _check_parameters(notebooks: list[Path], parameters: dict[str, str]
                      ) -> dict[Path, dict[str, object]]:
    """Type-check ``-p`` values against each notebook's parameters cell."""
    import papermill

    declared = {notebook: papermill.inspect_notebook(str(notebook)) for notebook in notebooks}
    per_notebook: dict[Path, dict[str, object]] = {notebook: {} for notebook in notebooks}
    for name, raw in parameters.items():
        if name in PATH_PARAMETERS:
            raise NotebookError(f"set {name} with --corpus, --output, --gazetteer or "
                                "--gazetteer-only, not -p")
        owners = [notebook for notebook in notebooks if name in declared[notebook]]
        if not owners:
            raise NotebookError(f"no notebook has a parameter {name!r}")
        # Plain JSON data only: a tag (!!binary, !!set, !!python/...) or an alias is refused.
        value = read_data(raw, error=NotebookError, what=f"parameter {name!r}: ").value if (
            raw.strip()) else ""
        for notebook in owners:
            type_name = declared[notebook][name]["inferred_type_name"]
            expected = _TYPES.get(type_name)
            if type_name == "str" and isinstance(value, (int, float, bool)):
                value = raw
            if expected is not None and (not isinstance(value, expected) or (
                    expected is int and isinstance(value, bool))):
                raise NotebookError(f"parameter {name!r} expects {type_name}, got {raw!r}",
                                    path=notebook)
            per_notebook[notebook][name] = value
    return per_notebook


def _make_staging(output: Path) -> Path:
    try:
        (output / "executed").mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(dir=output.parent, prefix=f".{output.name}-staging-"))
    except OSError as error:
        raise OutputError(f"cannot write output folder ({error.strerror})", path=output) from None


def _publish(staging: Path, output: Path) -> list[Path]:
    written = []
    for file in sorted(staging.iterdir()):
        target = output / file.name
        try:
            os.replace(file, target)
        except OSError as error:
            raise OutputError(f"cannot write ({error.strerror})", path=target) from None
        written.append(target)
    return written


def _show_warning(message: Warning | str, category: type[Warning], filename: str, lineno: int,
                  file: object = None, line: str | None = None) -> None:
    print(f"kursk: warning: {message}", file=sys.stderr)
