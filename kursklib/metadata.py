""":mod:`kursklib.metadata`: read a metadata table (``metadata.csv``), match its rows to the
documents and apply them."""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd

from .columns import (
    METADATA_COLUMNS,
    cell_doc_id,
    cell_value,
    guess_mapping,
    kept_columns,
    mapping_hint,
    parse_dates,
    rename_columns,
    warn_unmapped,
)
from .decode import decode_bytes
from .errors import KursklibWarning, MetadataError
from .folder import read_bytes
from .tables import Cells, frame_cells, read_csv_cells


def read_metadata(source: str | Path | pd.DataFrame, columns: dict[str, str],
                  ) -> tuple[pd.DataFrame, list[str]]:
    """Metadata rows, each with its line number (column ``line``), and the columns as the
    table names them. ``columns`` renames them as a corpus table's are (but ``text``)."""
    if isinstance(source, pd.DataFrame):
        path = Path("<metadata>")
        cells: Cells = frame_cells(source, path)
        lines = list(range(2, len(source) + 2))
    else:
        path = Path(source)
        text, _ = decode_bytes(read_bytes(path, error=MetadataError), path=path)
        cells, lines = read_csv_cells(text, path, error=MetadataError, strip=True)
    header = list(cells)
    names = rename_columns(header, {ours: theirs for ours, theirs in columns.items()
                                    if ours != "text"}, path)
    cells = dict(zip(names, cells.values(), strict=True))
    if "doc_id" not in cells:
        pairs = guess_mapping(names, ["doc_id"])
        hint = f"; to name yours, {mapping_hint(pairs)}" if pairs else ""
        raise MetadataError(f"no header with a doc_id column (first row: "
                            f"{', '.join(names)[:80]!r}){hint}", path=path, line=1)
    warn_unmapped(names, path, METADATA_COLUMNS[1:])
    known = [name for name in METADATA_COLUMNS if name in cells]
    kept = [*known, *kept_columns([name for name in names if name not in known], path)]
    table = pd.DataFrame({
        column: [cell_value(value, column=column, path=path, line=line)
                 for value, line in zip(cells[column], lines, strict=True)]
        for column in kept if column != "doc_id"} | {"line": lines}, dtype=object)
    table.insert(0, "doc_id", [cell_doc_id(value, path=path, line=line)
                               for value, line in zip(cells["doc_id"], lines, strict=True)])
    table = table[[*kept, "line"]]
    seen: dict[str, int] = {}
    for doc_id, line in zip(table["doc_id"], lines, strict=True):
        if doc_id in seen:
            raise MetadataError(f"duplicate doc_id {doc_id!r} (first on line {seen[doc_id]})",
                                path=path, line=line)
        seen[doc_id] = line
    if "published" in table.columns:
        table["published"] = parse_dates(table["published"], lines, table["doc_id"], path=path)
    table.attrs["path"] = path
    return table, header


def match_metadata(doc_ids: list[str], metadata: pd.DataFrame) -> pd.DataFrame:
    """The rows of the corpus's documents; warn of rows without a document (left out)
    and of documents without a row."""
    path = metadata.attrs["path"]
    known = set(doc_ids)
    matched = metadata["doc_id"].isin(known).to_numpy()
    if not matched.all():
        warnings.warn(f"{path}: metadata row(s) without a document in the corpus ignored: "
                      f"{_rows(metadata[~matched])}", KursklibWarning, stacklevel=3)
        metadata = metadata[matched].reset_index(drop=True)
        metadata.attrs["path"] = path
    missing = sorted(known - set(metadata["doc_id"]))
    if missing:
        warnings.warn(f"{path}: no metadata row for {', '.join(missing)} (published = NaT)",
                      KursklibWarning, stacklevel=3)
    return metadata


def apply_metadata(documents: pd.DataFrame, metadata: pd.DataFrame, doc_ids: list[str],
                   ) -> pd.DataFrame:
    """The documents with their metadata rows' values (a row's empty cell keeps the
    document's own); warn of the rows of ``doc_ids`` whose document was skipped."""
    skipped = metadata["doc_id"].isin(set(doc_ids) - set(documents["doc_id"])).to_numpy()
    if skipped.any():
        warnings.warn(f"{metadata.attrs['path']}: metadata row(s) of skipped documents unused: "
                      f"{_rows(metadata[skipped])}", KursklibWarning, stacklevel=3)
    documents = documents.copy()
    by_id = metadata.set_index("doc_id")
    for column in by_id.columns.drop("line"):
        values = documents["doc_id"].map(by_id[column])
        filled = values.notna() & (values.astype(str).str.strip() != "")
        if column not in documents.columns:
            documents[column] = pd.NA
        documents[column] = documents[column].astype(object).where(~filled, values)
    return documents


def _rows(rows: pd.DataFrame) -> str:
    return ", ".join(f"{doc_id!r} (line {line})"
                     for doc_id, line in zip(rows["doc_id"], rows["line"], strict=True))
