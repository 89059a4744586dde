"""The packaged notebooks and sample corpus, and a project folder laid out from them."""

from __future__ import annotations

import ast
import importlib.resources
import json
import shutil
from pathlib import Path

from .errors import ArgumentError, OutputError

# Parameters cell values of a project's notebooks (run from its notebooks/ folder).
PROJECT_PARAMETERS = {"corpus_dir": "../corpus", "output_dir": "../scratch"}
_SAMPLE_FILES = ("*.txt", "metadata.csv")
PROJECT_README = """\
# {name}

A kursklib project: your corpus, the three notebooks that chart it, and their figures.

- `corpus/`: the articles, one `.txt` file per document (its `doc_id` is the file name
  without `.txt`), and `metadata.csv` (`doc_id, title, published, source, url`, dates as ISO
  `YYYY-MM-DD`, any other column a document variable); or a `.csv`/`.jsonl`/`.parquet` export.
- `notebooks/`: `01-term-frequency`, `02-actor-mentions` and `03-timeline`, reading
  `../corpus`. Run by hand (JupyterLab) they write into `../scratch`, so exploring never
  overwrites the published figures.
- `figures/`: the charts (PNG, SVG) and the CSV table behind each, published all together
  by `kursk figures`.

It starts with kursklib's sample corpus (five English articles): replace the files in
`corpus/` with your own.

```sh
kursk info corpus                                  # the documents as read
kursk figures                                     # every notebook, figures into figures/
kursk gazetteer suggest corpus -o gazetteer.yaml   # names the packaged gazetteer lacks, to edit
kursk figures --gazetteer gazetteer.yaml -p top 30
jupyter lab notebooks/                             # interactive (pip install 'kursklib[lab]')
```
"""


def notebooks_dir() -> Path:
    """The folder of the packaged notebooks (``notebooks/`` of a clone, in the wheel too).

    Example:
        >>> sorted(path.name for path in notebooks_dir().glob("*.ipynb"))[0]
        '01-term-frequency.ipynb'
    """
    return _package_folder("kursklib.notebooks")


def sample_corpus_dir() -> Path:
    """The folder of the packaged sample corpus (``seeds/`` of a clone, in the wheel too).

    Example:
        >>> (sample_corpus_dir() / "metadata.csv").is_file()
        True
    """
    return _package_folder("kursklib.sample")


def _package_folder(package: str) -> Path:
    """A data package's folder: on disk, from a wheel (never zipped) or a clone's editable
    install (which maps the package to the repository's top-level folder)."""
    return Path(str(importlib.resources.files(package)))


def project_folders(folder: Path) -> dict[str, Path]:
    """The ``corpus``, ``notebooks`` and ``figures`` folders of a project that
    ``init_project`` laid out in ``folder`` (all three present), else ``{}``.

    Example:
        >>> sorted(project_folders(init_project(tmp / "p")[0].parent))
        ['corpus', 'figures', 'notebooks']
    """
    found = {name: Path(folder) / name for name in ("corpus", "notebooks", "figures")}
    return found if all(path.is_dir() for path in found.values()) and any(
        found["notebooks"].glob("*.ipynb")) else {}


def init_project(folder: Path) -> list[Path]:
    """Lay out a project in ``folder``: notebooks, the sample corpus, figures and a README.

    The notebooks are the packaged ones, outputs cleared, their ``corpus_dir`` set to the
    project's ``corpus/`` and ``output_dir`` to ``scratch/`` (``kursk figures``, run in the
    project, publishes into ``figures/``). ``folder`` must be
    new or empty, so nothing of the user's is overwritten.

    Returns:
        The files written, in order.

    Example:
        >>> [path.relative_to(tmp).as_posix() for path in init_project(tmp / "demo")][:2]
        ['demo/README.md', 'demo/notebooks/01-term-frequency.ipynb']
    """
    folder = Path(folder)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise OutputError("not an empty folder: give a new folder for the project", path=folder)
    try:
        for name in ("notebooks", "corpus", "figures"):
            (folder / name).mkdir(parents=True, exist_ok=True)
        readme = folder / "README.md"
        readme.write_text(PROJECT_README.format(name=folder.resolve().name), encoding="utf-8")
        written = [readme]
        for notebook in sorted(notebooks_dir().glob("*.ipynb")):
            target = folder / "notebooks" / notebook.name
            target.write_text(_project_notebook(notebook), encoding="utf-8")
            written.append(target)
        sample = sample_corpus_dir()
        for file in sorted(path for pattern in _SAMPLE_FILES for path in sample.glob(pattern)):
            written.append(Path(shutil.copyfile(file, folder / "corpus" / file.name)))
    except OSError as error:
        raise OutputError(f"cannot write project ({error.strerror})", path=folder) from None
    return written


def _project_notebook(notebook: Path) -> str:
    """A packaged notebook as a project's: outputs cleared, paths set to the project's."""
    content = json.loads(notebook.read_text(encoding="utf-8"))
    for cell in content["cells"]:
        if cell["cell_type"] != "code":
            continue
        cell["outputs"], cell["execution_count"] = [], None
        if "parameters" in cell["metadata"].get("tags", []):
            source = set_parameters("".join(cell["source"]), PROJECT_PARAMETERS)
            cell["source"] = source.splitlines(keepends=True)
    return json.dumps(content, ensure_ascii=False, indent=1) + "\n"


def set_parameters(source: str, values: dict[str, object]) -> str:
    """A parameters cell with the values of the given names replaced, comments kept.

    The cell is parsed, and only each assigned value's own characters are rewritten, as a
    Python literal.

    Example:
        >>> print(set_parameters('top: int = 20  # bars\\nname: str = "x"\\n', {"name": "y"}))
        top: int = 20  # bars
        name: str = "y"
        <BLANKLINE>
    """
    code = source.encode()
    # Byte offset of each line's start: the parser's columns count UTF-8 bytes.
    starts = [0, *(index + 1 for index, byte in enumerate(code) if byte == ord("\n"))]
    spans = {}
    for node in ast.parse(source).body:
        target = node.target if isinstance(node, ast.AnnAssign) else (
            node.targets[0] if isinstance(node, ast.Assign) and len(node.targets) == 1 else None)
        if isinstance(target, ast.Name) and target.id in values and node.value is not None:
            value = node.value
            spans[target.id] = (starts[value.lineno - 1] + value.col_offset,
                                starts[value.end_lineno - 1] + value.end_col_offset)
    missing = sorted(set(values) - set(spans))
    if missing:
        raise ArgumentError(f"values: no parameter {', '.join(missing)} in the cell")
    for name, (begin, end) in sorted(spans.items(), key=lambda item: item[1], reverse=True):
        code = code[:begin] + _literal(values[name]).encode() + code[end:]
    return code.decode()


def _literal(value: object) -> str:
    """Plain data as Python source: strings double-quoted as the notebooks write them."""
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return repr(value)
