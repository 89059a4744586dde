""":mod:`kursklib.output`: write figures and tables atomically and byte-reproducibly."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from .checks import checked
from .errors import ArgumentError, OutputError
from .style import STYLE, capped_dpi

# No software version or timestamp in a file: the same input gives the same bytes.
_PNG_METADATA = {"Software": None}
_SVG_METADATA = {"Date": None, "Creator": None}
# How a list in a table cell is written to CSV.
LIST_SEPARATOR = ";"


@checked
def save_figure(figure: Figure | Axes, path: str | Path, *, close: bool = True) -> Path:
    """Write a figure to one PNG or SVG file atomically, without timestamps.

    Example:
        >>> save_figure(plt.subplots()[1], tmp / "empty.png").name
        'empty.png'
    """
    figure = figure.figure if isinstance(figure, Axes) else figure
    path = Path(path)
    suffix = path.suffix.lower().lstrip(".")
    if suffix not in ("png", "svg"):
        raise OutputError("figure files must end in .png or .svg", path=path)
    metadata = _PNG_METADATA if suffix == "png" else _SVG_METADATA
    dpi = capped_dpi(*figure.get_size_inches(), STYLE["savefig.dpi"])
    with plt.rc_context(STYLE):
        _write_atomically(path, lambda handle: figure.savefig(handle, format=suffix,
                                                              metadata=metadata, dpi=dpi))
    if close:
        plt.close(figure)
    return path


@checked
def write_table(table: pd.DataFrame, path: str | Path) -> Path:
    """Write a table to CSV atomically (UTF-8, LF line ends, no index).

    A cell holding a list is written as its items joined by ``LIST_SEPARATOR``, a
    period (``pd.Period``) as pandas spells it: ``2025-04``, ``2025-04-21/2025-04-27``.

    Example:
        >>> write_table(pd.DataFrame({"term": ["kursk"], "n": [3]}), tmp / "terms.csv").name
        'terms.csv'
    """
    path = Path(path)
    periods = [column for column in table.columns
               if isinstance(table[column].dtype, pd.PeriodDtype)]
    if periods:  # as pandas spells them ("2025-04", "2025-04-21/2025-04-27"), not as dates
        table = table.astype({column: "string" for column in periods})
    listed = [column for column in table.columns
              if table[column].dtype == object and table[column].map(
                  lambda cell: isinstance(cell, list)).any()]
    if listed:
        table = table.assign(**{column: table[column].map(
            lambda cell: LIST_SEPARATOR.join(map(str, cell)) if isinstance(cell, list) else cell)
            for column in listed})
    text = table.to_csv(index=False, lineterminator="\n", date_format="%Y-%m-%d")
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:
        raise ArgumentError(f"write_table: table {_not_text(table)}: not text (decode it "
                            "first)") from None
    _write_atomically(path, lambda handle: handle.write(data))
    return path


def _not_text(table: pd.DataFrame) -> str:
    """Where a table holds a string that UTF-8 cannot encode (a lone surrogate)."""
    for column in table.columns:
        for row, cell in enumerate(table[column].tolist()):
            text = cell if isinstance(cell, str) else str(cell)
            try:
                text.encode("utf-8")
            except UnicodeEncodeError as error:
                return (f"column {column!r}, row {row}, holds a lone surrogate at character "
                        f"{error.start}")
    return "holds a lone surrogate in a column name"


@checked
def write_text(text: str, path: str | Path) -> Path:
    """Write UTF-8 text to a file atomically.

    Example:
        >>> write_text("actors: []", tmp / "mine.yaml").name
        'mine.yaml'
    """
    path = Path(path)
    _write_atomically(path, lambda handle: handle.write(text.encode("utf-8")))
    return path


@checked
def save_chart(figure: Figure | Axes, folder: str | Path, name: str,
               table: pd.DataFrame | None = None) -> list[Path]:
    """Write ``name``.png, ``name``.svg and (given a table) ``name``.csv into a folder.

    Example:
        >>> [path.name for path in save_chart(plt.subplots()[1], tmp, "empty")]
        ['empty.png', 'empty.svg']
    """
    folder = Path(folder)
    paths = [save_figure(figure, folder / f"{name}.png", close=False),
             save_figure(figure, folder / f"{name}.svg")]
    if table is not None:
        paths.append(write_table(table, folder / f"{name}.csv"))
    return paths


def _write_atomically(path: Path, write: Callable[[IO[bytes]], object]) -> None:
    """Write through a temporary file in the same folder, then rename it into place."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{path.name}.",
                                             suffix=".tmp", delete=False)
    except OSError as error:
        raise OutputError(f"cannot write here ({error.strerror})", path=path) from None
    try:
        with handle:
            write(handle)
        os.chmod(handle.name, 0o644)
        os.replace(handle.name, path)
    except OSError as error:
        Path(handle.name).unlink(missing_ok=True)
        raise OutputError(f"cannot write ({error.strerror})", path=path) from None
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise
