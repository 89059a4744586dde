"""``kursk figures``: tag a corpus once, run the notebooks with papermill, publish their files.

Every path is absolute and the output checked writable before anything runs; the
notebooks write into a staging folder inside the output, published all or nothing
(:mod:`kursklib.publish`) with the executed notebooks. SIGTERM is handled as Ctrl-C.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path

from .errors import ArgumentError, KursklibError, NotebookError, first_line
from .parameters import Parameter, declared_parameters, parse_parameters
from .publish import Staging, check_writable

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = PACKAGE_DIR.parent
# Kernels log nothing the user can act on: TCP warnings, the interrupt sent at shutdown.
KERNEL_ARGUMENTS = ["--IPKernelApp.log_level=CRITICAL"]
# Nor debugpy's frozen-modules warning, which older ipykernels print at every start.
KERNEL_ENVIRONMENT = {"PYDEVD_DISABLE_FILE_VALIDATION": "1"}
# Where tagged corpora are kept (``tagged.default_cache_dir``); a relative one is made
# absolute, or each kernel, run in its notebook's folder, would tag the corpus again.
CACHE_VARIABLE = "KURSKLIB_CACHE_DIR"


def default_output(cwd: Path | None = None) -> Path:
    """``figures/`` of the repository when run inside a clone, else ``./figures``."""
    cwd = (cwd or Path.cwd()).resolve()
    in_clone = (PROJECT_ROOT / "pyproject.toml").is_file() and (
        cwd == PROJECT_ROOT or PROJECT_ROOT in cwd.parents)
    return PROJECT_ROOT / "figures" if in_clone else cwd / "figures"


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the run is so that it cleans up as on Ctrl-C."""


@contextlib.contextmanager
def terminate_as_interrupt() -> Iterator[None]:
    """Raise :class:`Terminated` on SIGTERM while inside (main thread only)."""
    def handle(signum: int, frame: object) -> None:
        raise Terminated()

    previous = signal.signal(signal.SIGTERM, handle)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def select_notebooks(folder: Path, chosen: Sequence[str] = ()) -> list[Path]:
    """The notebooks of ``folder`` in name order, or those ``chosen`` by number or name."""
    notebooks = sorted(folder.glob("*.ipynb"))
    if not notebooks:
        raise NotebookError("no notebooks (*.ipynb) in the folder", path=folder)
    picked = []
    for name in chosen:
        stem = name.removesuffix(".ipynb")
        matches = [path for path in notebooks if path.stem == stem
                   or path.stem.split("-", 1)[0] == stem or path.stem.split("-", 1)[-1] == stem]
        if len(matches) != 1:
            raise ArgumentError(f"--notebook {name!r}: not one of "
                                f"{', '.join(path.stem for path in notebooks)}")
        picked += [path for path in matches if path not in picked]
    return picked or notebooks


@dataclass
class FigureRun:
    """What one ``kursk figures`` runs, every path absolute.

    Attributes:
        cluster: ``{}``, ``{"workers": N}`` or ``{"scheduler": ADDRESS}``: where to tag.
        columns: Our column name to the corpus table's (``{"text": "body"}``).
    """

    corpus: Path
    output: Path
    notebooks: list[Path]
    gazetteer: Path | None = None
    gazetteer_only: bool = False
    parameters: Mapping[str, str] = field(default_factory=dict)
    cluster: dict[str, object] = field(default_factory=dict)
    columns: dict[str, str] = field(default_factory=dict)
    recursive: bool = False

    def __post_init__(self) -> None:
        self.corpus, self.output = _absolute(self.corpus), _absolute(self.output)
        self.gazetteer = _absolute(self.gazetteer) if self.gazetteer else None
        self.notebooks = [_absolute(path) for path in self.notebooks]

    def run(self, say: Callable[[str], None] = print) -> list[Path]:
        """Check everything, tag, run each notebook, publish; return the files written."""
        declared: dict[Path, dict[str, Parameter]] = {
            notebook: declared_parameters(notebook) for notebook in self.notebooks}
        per_notebook = parse_parameters(self.parameters, declared)
        check_writable(self.output)
        os.environ.update(KERNEL_ENVIRONMENT)  # inherited by every kernel started below
        if os.environ.get(CACHE_VARIABLE):  # kernels run in the notebooks' folder: one cache
            os.environ[CACHE_VARIABLE] = str(_absolute(Path(os.environ[CACHE_VARIABLE])))
        with terminate_as_interrupt(), Staging(self.output) as staging:
            started = time.monotonic()
            say(f"tagging {self.corpus}")
            folder = tag_in_child(self)
            say(f"tagged in {time.monotonic() - started:.1f} s ({folder})")
            for number, notebook in enumerate(self.notebooks, 1):
                started = time.monotonic()
                say(f"[{number}/{len(self.notebooks)}] {notebook.stem}")
                self._execute(notebook, staging.folder, per_notebook[notebook], declared[notebook])
                say(f"[{number}/{len(self.notebooks)}] {notebook.stem} done in "
                    f"{time.monotonic() - started:.1f} s")
            return staging.publish()

    def _execute(self, notebook: Path, staging: Path, values: dict[str, object],
                 declared: Mapping[str, Parameter]) -> None:
        import papermill

        given = {"corpus_dir": str(self.corpus), "output_dir": str(staging),
                 "gazetteer_path": str(self.gazetteer or ""),
                 "gazetteer_only": self.gazetteer_only, "columns": self.columns,
                 "recursive": self.recursive}
        values = {**{name: value for name, value in given.items() if name in declared},
                  **values}
        (staging / "executed").mkdir(exist_ok=True)
        bar = {"desc": notebook.stem, "leave": False} if sys.stderr.isatty() else False
        try:
            papermill.execute_notebook(
                str(notebook), str(staging / "executed" / notebook.name), parameters=values,
                cwd=str(notebook.parent), kernel_name="python3", language="python",
                log_output=False,
                progress_bar=bar, extra_arguments=KERNEL_ARGUMENTS)
        except papermill.PapermillExecutionError as error:
            raise NotebookError(f"cell {error.exec_count} failed: {error.ename}: "
                                f"{first_line(error.evalue)}", path=notebook) from None


def tag_in_child(run: FigureRun) -> Path:
    """Tag the corpus once in a child process (its memory gone before any kernel starts).

    The reader fails fast with its own message; the notebooks' own ``tag_corpus`` calls
    then read these tables from the cache. The child is stopped on Ctrl-C or SIGTERM.
    """
    context = multiprocessing.get_context("spawn")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_tag_folder, args=(
        send, run.corpus, run.gazetteer, run.gazetteer_only, run.cluster, run.columns,
        run.recursive))
    child.start()
    send.close()
    try:
        try:
            done, result = receive.recv()
        except EOFError:
            child.join()
            raise NotebookError(f"tagging stopped (exit code {child.exitcode})") from None
    finally:
        if child.is_alive():
            child.terminate()
        child.join()
    if not done:
        raise result
    return result


def _tag_folder(send: Connection, corpus: Path, gazetteer: Path | None, gazetteer_only: bool,
                cluster: dict[str, object], columns: dict[str, str], recursive: bool) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent stops this child
    try:
        from .actors import load_gazetteer
        from .cli import dask_client
        from .tagged import tag_corpus

        chosen = (load_gazetteer(gazetteer, include_default=not gazetteer_only)
                  if gazetteer else None)
        with dask_client(cluster) as client:
            send.send((True, tag_corpus(corpus, gazetteer=chosen, tables=[], client=client,
                                        columns=columns, recursive=recursive).folder))
    except KursklibError as error:
        send.send((False, error))


def _absolute(path: Path) -> Path:
    return Path(path).expanduser().resolve()
