""":mod:`kursklib.tables`: documents from a table: a ``.csv`` or ``.jsonl`` file, a Parquet
row group or a DataFrame, each row on a numbered line."""

from __future__ import annotations

import csv
import io
import json
import warnings
from pathlib import Path

import pandas as pd

from .columns import (
    MAPPABLE_COLUMNS,
    METADATA_COLUMNS,
    cell_doc_id,
    cell_value,
    check_mapped_found,
    guess_mapping,
    is_missing,
    kept_columns,
    mapping_hint,
    parse_dates,
    rename_columns,
    warn_unmapped,
)
from .decode import decode_bytes, normalise_text
from .errors import CorpusError, KursklibError, KursklibWarning
from .folder import read_bytes

TABLE_SUFFIXES = (".csv", ".jsonl", ".parquet")
# A table's cells, column by column (as Python objects), and each row's line.
Cells = dict[str, list]


def read_table(path: Path, columns: dict[str, str]) -> tuple[pd.DataFrame, list[str]]:
    """A ``.csv`` or ``.jsonl`` file's documents, and its columns as named in the file.

    CSV rows are numbered by the line they begin on; every row has the header's number of
    fields. JSONL holds one JSON object per line (blank lines are skipped).
    """
    text, _ = decode_bytes(read_bytes(path), path=path)
    if path.suffix.lower() == ".csv":
        cells, lines = read_csv_cells(text, path)
    else:
        cells, lines = _read_jsonl_cells(text, path)
    return table_documents(cells, lines, path, columns=columns), list(cells)


def frame_cells(frame: pd.DataFrame, path: Path) -> Cells:
    """A DataFrame's cells as ``Cells`` (column names as strings, each once)."""
    names = [str(name) for name in frame.columns]
    repeated = sorted({name for name in names if names.count(name) > 1})
    if repeated:
        raise CorpusError(f"column(s) {', '.join(map(repr, repeated))} named twice", path=path)
    return {name: frame.iloc[:, i].tolist() for i, name in enumerate(names)}


def read_csv_cells(text: str, path: Path, *, error: type[KursklibError] = CorpusError,
                   strip: bool = False) -> tuple[Cells, list[int]]:
    """A CSV text's cells (``strip``: stripped) by its header's names (stripped), rows of
    blank cells left out."""
    limit = csv.field_size_limit()
    # No field is longer than the text: the default limit (128 kB) refuses long articles.
    csv.field_size_limit(max(limit, min(len(text) + 1, 2**31 - 1)))
    reader = csv.reader(io.StringIO(text), strict=True)
    try:
        header = [name.strip() for name in next(reader, [])]
        repeated = sorted({name for name in header if header.count(name) > 1})
        if repeated:
            raise error(f"column(s) {', '.join(map(repr, repeated))} named twice in the header",
                        path=path, line=1)
        rows, lines, line = [], [], reader.line_num + 1
        for row in reader:
            if any(cell.strip() for cell in row):
                if len(row) != len(header):
                    raise error(f"expected {len(header)} fields (as the header), found "
                                f"{len(row)}", path=path, line=line)
                rows.append([cell.strip() for cell in row] if strip else row)
                lines.append(line)
            line = reader.line_num + 1
    except csv.Error as problem:
        raise error(f"cannot parse csv ({problem})", path=path, line=reader.line_num) from None
    finally:
        csv.field_size_limit(limit)
    return {name: [row[i] for row in rows] for i, name in enumerate(header)}, lines


def _read_jsonl_cells(text: str, path: Path) -> tuple[Cells, list[int]]:
    records, lines = [], []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as problem:
            raise CorpusError(f"not JSON ({problem.msg}, column {problem.colno})", path=path,
                              line=number) from None
        except RecursionError:
            raise CorpusError("not JSON kursklib reads (nested too deeply)", path=path,
                              line=number) from None
        if not isinstance(record, dict):
            raise CorpusError(f"not a JSON object but {type(record).__name__} {line:.40}",
                              path=path, line=number)
        records.append(record)
        lines.append(number)
    names = list(dict.fromkeys(name for record in records for name in record))
    return {name: [record.get(name) for record in records] for name in names}, lines


def table_documents(cells: Cells, lines: list[int], path: Path, *,
                    columns: dict[str, str] | None = None, numbers: list[int] | None = None,
                    ) -> pd.DataFrame:
    """Documents from a table's ``text`` column (and ``doc_id`` and metadata, if any),
    its columns renamed by ``columns``; row ``i`` is on ``lines[i]`` (named in messages).

    A table without ``doc_id`` names its rows ``<file stem>-<row>`` (``numbers``: the
    1-based rows, where they are not ``1..n``). A ``text`` cell is a string, or bytes
    decoded as a file is; anything else (a number, a list) is an error. A row with empty
    text is skipped with a warning.
    """
    original = list(cells)
    names = rename_columns(original, columns or {}, path)
    cells = dict(zip(names, cells.values(), strict=True))
    if "text" not in cells:
        if columns and "text" in columns:
            check_mapped_found({"text": columns["text"]}, {path: original})
        pairs = guess_mapping(names, MAPPABLE_COLUMNS)
        if "text" not in dict(pairs):
            pairs.append(("text", "<your text column>"))
        raise CorpusError(f"no 'text' column (columns: {', '.join(names)}); to name yours, "
                          f"{mapping_hint(pairs)}", path=path)
    warn_unmapped(names, path, [name for name in METADATA_COLUMNS if name != "text"])
    if "doc_id" in cells:
        doc_ids = [cell_doc_id(value, path=path, line=line)
                   for value, line in zip(cells["doc_id"], lines, strict=True)]
    else:
        numbers = numbers or list(range(1, len(lines) + 1))
        width = len(str(len(numbers)))
        doc_ids = [f"{path.stem}-{number:0{width}d}" for number in numbers]
    kept = [*METADATA_COLUMNS[1:], *kept_columns([n for n in names if n != "text"], path)]
    values = {column: cells[column] for column in kept if column in cells}
    rows, seen = [], {}
    for position, (doc_id, raw, line) in enumerate(zip(doc_ids, cells["text"], lines,
                                                        strict=True)):
        if doc_id in seen:
            raise CorpusError(f"duplicate doc_id {doc_id!r} (first on line {seen[doc_id]})",
                              path=path, line=line)
        seen[doc_id] = line
        decoded = _cell_text(raw, path=path, line=line)
        if decoded is None:
            continue
        text, encoding = decoded
        if not text.strip():
            warnings.warn(f"{path}:{line}: empty text for doc_id {doc_id!r}; skipped",
                          KursklibWarning, stacklevel=3)
            continue
        row = {"doc_id": doc_id, "text": text, "encoding": encoding, "path": str(path)}
        for column, column_cells in values.items():
            value = cell_value(column_cells[position], column=column, path=path, line=line)
            if not is_missing(value):
                row[column] = value
        rows.append(row)
    documents = pd.DataFrame(rows, columns=["doc_id", "text", "encoding", "path", *kept])
    if "published" in cells:
        documents["published"] = parse_dates(
            documents["published"], [seen[doc_id] for doc_id in documents["doc_id"]],
            documents["doc_id"], path=path)
    return documents


def _cell_text(value: object, *, path: Path, line: int) -> tuple[str, str] | None:
    """A ``text`` cell as text and the encoding it was decoded from (``""``: a string);
    ``None`` for bytes that are not text (skipped with a warning, as such a file is)."""
    where = f"{path}:{line}"
    if isinstance(value, str):
        return normalise_text(value, where=where), ""
    if isinstance(value, bytes):
        try:
            return decode_bytes(value, path=where)
        except CorpusError as problem:
            warnings.warn(f"{problem}; skipped", KursklibWarning, stacklevel=4)
            return None
    if is_missing(value):
        return "", ""
    raise CorpusError(f"text is a {type(value).__name__} ({value!r:.40}), not a string",
                      path=path, line=line)
