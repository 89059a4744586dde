""":mod:`kursklib.dataset`: index a Parquet dataset's documents; read them by row groups."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from .columns import (
    MAPPABLE_COLUMNS,
    guess_mapping,
    mapping_hint,
    rename_columns,
    warn_unmapped,
)
from .errors import CorpusError, first_line

# The columns a document is read from, where a file has them; the others are ignored.
DATASET_COLUMNS = ("doc_id", "title", "published", "source", "url", "text")


@dataclass(frozen=True)
class ParquetDataset:
    """Parquet files of documents (one or a folder of them), indexed in ``doc_id`` order.

    Only the ``doc_id`` column and the files' footers are read to index it; a document's
    text is read with its row group when the document is.

    Attributes:
        files: The ``.parquet`` files, in path order.
        doc_ids: Every document's id, sorted.
        file: Per document (in ``doc_ids`` order), the index of its file in ``files``.
        row: Per document, its row in that file (0-based).
        sizes: Per document, the bytes of text its row group holds per row (an estimate).
    """

    files: tuple[Path, ...]
    doc_ids: list[str] = field(repr=False)
    file: np.ndarray = field(repr=False)
    row: np.ndarray = field(repr=False)
    sizes: np.ndarray = field(repr=False)
    _groups: tuple[np.ndarray, ...] = field(repr=False)  # per file: first row of each group
    columns: dict[str, str] = field(default_factory=dict)  # ours -> the files' names
    header: tuple[str, ...] = ()  # every file's columns, as the files name them

    def __len__(self) -> int:
        return len(self.doc_ids)

    def part(self, first: int, last: int) -> ParquetDataset:
        """Documents ``first`` to ``last`` (exclusive) alone: a small index to ship to a worker."""
        return ParquetDataset(files=self.files, doc_ids=self.doc_ids[first:last],
                              file=self.file[first:last], row=self.row[first:last],
                              sizes=self.sizes[first:last], _groups=self._groups,
                              columns=self.columns, header=self.header)

    def read(self, first: int, last: int) -> list[tuple[Path, pd.DataFrame, list[int]]]:
        """The raw rows of documents ``first`` to ``last``: per file, its rows and their
        1-based row numbers (to name in messages), in the files' order."""
        files, rows = self.file[first:last], self.row[first:last]
        read = []
        for number in np.unique(files):
            wanted = np.sort(rows[files == number])
            starts = self._groups[number]
            groups = np.unique(np.searchsorted(starts, wanted, side="right") - 1)
            path = self.files[number]
            try:
                handle = pq.ParquetFile(path)
                names = handle.schema_arrow.names
                columns = [self.columns.get(name, name) for name in DATASET_COLUMNS]
                table = handle.read_row_groups(groups.tolist(), columns=[
                    name for name in columns if name in names])
            except (OSError, pa.ArrowException) as error:
                raise CorpusError(f"cannot read parquet file ({first_line(error)})",
                                  path=path) from None
            # Row positions within the concatenated row groups that were read.
            lengths = np.diff(starts)[groups]
            offsets = np.concatenate([[0], np.cumsum(lengths)[:-1]])
            group_of = np.searchsorted(starts[groups], wanted, side="right") - 1
            positions = offsets[group_of] + wanted - starts[groups][group_of]
            frame = table.take(pa.array(positions)).to_pandas()
            if self.columns.get("doc_id", "doc_id") not in frame.columns:
                frame.insert(0, "doc_id", _generated_ids(path, wanted, int(starts[-1])))
            read.append((path, frame, (wanted + 1).tolist()))
        return read


def scan_dataset(path: Path, columns: dict[str, str] | None = None) -> ParquetDataset:
    """Index a ``.parquet`` file, or a folder of them (subfolders too), by ``doc_id``.

    A file without a ``doc_id`` column names its documents ``<file stem>-<row>``; a
    missing ``doc_id`` is an error naming its row. ``columns`` maps our column names to
    the files' (as ``read_corpus`` takes it).

    Example:
        >>> pd.DataFrame({"doc_id": ["b", "a"], "text": ["B.", "A."]}).to_parquet(tmp / "p.parquet")
        >>> scan_dataset(tmp).doc_ids
        ['a', 'b']
    """
    columns = columns or {}
    files = tuple(sorted(path.rglob("*.parquet"))) if path.is_dir() else (path,)
    ids, numbers, rows, sizes, groups, header = [], [], [], [], [], {}
    for number, file in enumerate(files):
        try:
            handle = pq.ParquetFile(file)
            header |= dict.fromkeys(handle.schema_arrow.names)
            names = rename_columns(handle.schema_arrow.names, columns, file)
            if "text" not in names:
                pairs = guess_mapping(names, MAPPABLE_COLUMNS)
                pairs += [] if "text" in dict(pairs) else [("text", "<your text column>")]
                raise CorpusError(f"no 'text' column (columns: {', '.join(names)}); to name "
                                  f"yours, {mapping_hint(pairs)}", path=file)
            warn_unmapped(names, file, [name for name in DATASET_COLUMNS if name != "text"])
            meta = handle.metadata
            counts = np.array([meta.row_group(g).num_rows for g in range(meta.num_row_groups)],
                              dtype=np.int64)
            text = names.index("text")
            per_row = [meta.row_group(g).column(text).total_uncompressed_size / max(count, 1)
                       for g, count in enumerate(counts)]
            total = int(counts.sum())
            found = (_doc_ids(handle, columns.get("doc_id", "doc_id"), file)
                     if "doc_id" in names else _generated_ids(file, np.arange(total), total))
        except (OSError, pa.ArrowException) as error:
            raise CorpusError(f"cannot read parquet file ({first_line(error)})",
                              path=file) from None
        ids.extend(found)
        numbers.append(np.full(total, number, dtype=np.int64))
        rows.append(np.arange(total, dtype=np.int64))
        sizes.append(np.repeat(np.array(per_row, dtype=np.float64), counts))
        groups.append(np.concatenate([[0], np.cumsum(counts)]))
    file_of, row_of = np.concatenate(numbers or [[]]), np.concatenate(rows or [[]])
    _check_unique(ids, files, file_of, row_of)
    order = np.argsort(np.array(ids, dtype=object), kind="stable")
    return ParquetDataset(files=files, doc_ids=[ids[i] for i in order],
                          file=file_of[order].astype(np.int64), row=row_of[order].astype(np.int64),
                          sizes=np.concatenate(sizes or [[]])[order], _groups=tuple(groups),
                          columns=columns, header=tuple(header))


def _doc_ids(handle: pq.ParquetFile, name: str, path: Path) -> list[str]:
    """A file's doc_ids as strings; a missing one is an error naming its row."""
    ids = handle.read(columns=[name])[name].cast(pa.string()).to_pandas().str.strip()
    missing = np.flatnonzero((ids.isna() | (ids == "")).to_numpy())
    if len(missing):
        raise CorpusError("doc_id is missing: every row needs one (a string)", path=path,
                          line=int(missing[0]) + 1)
    return ids.tolist()


def _generated_ids(path: Path, rows: np.ndarray, total: int) -> list[str]:
    """Ids for a file without ``doc_id``s, as a table without them gets (``<stem>-<row>``)."""
    width = len(str(total))
    return [f"{path.stem}-{row + 1:0{width}d}" for row in rows.tolist()]


def _check_unique(ids: list[str], files: tuple[Path, ...], file_of: np.ndarray,
                  row_of: np.ndarray) -> None:
    repeated = pd.Series(ids).duplicated(keep=False)
    if not repeated.any():
        return
    positions = np.flatnonzero(repeated.to_numpy())
    first = positions[0]
    again = next(p for p in positions[1:] if ids[p] == ids[first])
    where = "line" if file_of[again] == file_of[first] else f"{files[file_of[first]]} row"
    raise CorpusError(f"duplicate doc_id {ids[first]!r} (first on {where} {row_of[first] + 1})",
                      path=files[file_of[again]], line=int(row_of[again]) + 1)
