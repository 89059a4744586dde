""":mod:`kursklib.corpus`: read a folder or table of articles and its metadata."""

from __future__ import annotations

import csv
import hashlib
import io
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from .dataset import ParquetDataset, scan_dataset
from .decode import NEWLINES, decode_bytes
from .errors import CorpusError, KursklibWarning, MetadataError, first_line
from .languages import FALLBACK_LANGUAGE, check_language, document_languages, resources_for
from .sentences import SentenceIndex, find_headlines, split_sentences
from .survey import CorpusModel, survey_corpus

DOCUMENT_COLUMNS = [
    "doc_id", "title", "published", "source", "url", "language", "text", "encoding", "n_chars",
    "path",
]
METADATA_COLUMNS = ["doc_id", "title", "published", "source", "url", "language"]
# Names a metadata column may not take: computed by kursklib (any other column is kept).
RESERVED_COLUMNS = ("text", "encoding", "n_chars", "path", "line", "label", "period")
TABLE_SUFFIXES = (".csv", ".jsonl", ".parquet")


@dataclass(frozen=True)
class Corpus:
    """A read corpus: its documents and their sentences.

    Attributes:
        documents: One row per document: ``doc_id, title, published, source, url,
            language, text, encoding, n_chars, path``. ``text`` is the decoded document;
            every offset in kursklib indexes it. ``published`` is a Timestamp or NaT;
            ``language`` is an ISO 639 code (see ``kursklib.languages``). Any other
            metadata column (``country``, ``stance``, ...) follows, as strings.
        sentences: One row per sentence: ``doc_id, sent_id, start, end, text,
            is_headline``, with ``documents.text[start:end] == text``. Headline lines
            are segments of their own, flagged ``is_headline``; bullet markers are
            outside every segment.
        path: The folder or table the corpus was read from.
        model: What was learned from the whole corpus (``survey_corpus``); a batch of a
            larger corpus carries the whole corpus's model, so it tags as the whole would.
    """

    documents: pd.DataFrame
    sentences: pd.DataFrame = field(repr=False)
    model: CorpusModel = field(repr=False)
    path: Path | None = None

    @cached_property
    def sentence_index(self) -> SentenceIndex:
        """The sentences as sorted arrays, built once and shared by every tagger."""
        return SentenceIndex(self.documents, self.sentences)

    @cached_property
    def languages(self) -> tuple[str, ...]:
        """The languages whose resources tag the documents (``resources_for`` each one's
        ``language``), in order of first appearance."""
        if "language" not in self.documents.columns:
            return ()
        return tuple(dict.fromkeys(map(resources_for, self.documents["language"].dropna())))

    def by_language(self) -> Iterator[tuple[str, Corpus]]:
        """The corpus cut by language: each language's documents and sentences, in order
        (the corpus itself when it has one language). Every part shares the model.

        Example:
            >>> [code for code, _ in corpus.by_language()]
            ['en']
        """
        if len(self.languages) <= 1:
            yield (self.languages or (FALLBACK_LANGUAGE,))[0], self
            return
        resources = self.documents["language"].map(resources_for)
        for code in self.languages:
            documents = self.documents[(resources == code).to_numpy()]
            sentences = self.sentences[self.sentences["doc_id"].isin(documents["doc_id"])
                                       .to_numpy()]
            yield code, Corpus(documents=documents.reset_index(drop=True),
                               sentences=sentences.reset_index(drop=True), model=self.model,
                               path=self.path)


def in_document_order(tables: list[pd.DataFrame], documents: pd.DataFrame) -> pd.DataFrame:
    """Tables of parts of a corpus (``Corpus.by_language``) as one, in document order,
    each document's rows in their order.

    Example:
        >>> part = pd.DataFrame({"doc_id": ["b", "a"], "start": [0, 0]})
        >>> in_document_order([part], corpus.documents)["doc_id"].tolist()
        ['a', 'b']
    """
    table = pd.concat(tables, ignore_index=True) if len(tables) > 1 else tables[0]
    position = pd.Index(documents["doc_id"]).get_indexer(table["doc_id"])
    order = np.argsort(position, kind="stable")
    return table.iloc[order].reset_index(drop=True)


def read_corpus(path: str | Path | pd.DataFrame, *,
                metadata: str | Path | pd.DataFrame | None = None,
                language: str | None = None) -> Corpus:
    """Read a folder of ``.txt`` files, one ``.csv``/``.jsonl``/``.parquet`` table, or a
    DataFrame with a ``text`` column (and optionally ``doc_id`` and metadata columns).

    A folder's ``metadata.csv`` is picked up automatically; ``metadata`` overrides it.
    Unreadable documents (binary, empty) are skipped with a warning naming the file.

    Args:
        language: The language of the documents whose metadata gives none; ``None``
            detects each one's (``kursklib.languages.detect_language``).

    Returns:
        A ``Corpus`` with ``documents`` and ``sentences`` tables (see ``Corpus``).

    Example:
        >>> corpus = read_corpus(pd.DataFrame({"doc_id": ["a"], "text": ["Kim met Putin."]}))
        >>> corpus.sentences["text"].tolist()
        ['Kim met Putin.']
    """
    source = open_corpus(path, metadata=metadata, language=language)
    documents = source.read(0, len(source))
    if documents.empty:
        raise CorpusError("no readable documents", path=source.path)
    model = survey_corpus([documents])
    sentences = split_sentences(documents, punkt=model.punkt)
    return Corpus(documents=documents, sentences=sentences, path=source.path, model=model)


@dataclass(frozen=True)
class CorpusSource:
    """A corpus opened but not yet read: its documents in ``doc_id`` order, read in batches.

    Attributes:
        path: The folder or table (``None`` for a DataFrame).
        doc_ids: Every document's id, in the order ``read`` returns them.
        files: A folder's ``.txt`` files, one per doc_id (empty for a table).
        table: A ``.csv``/``.jsonl`` table's documents, text included (else ``None``).
        metadata: The metadata rows to apply (``None`` for none).
        extra_columns: Metadata columns beyond ``METADATA_COLUMNS`` (``country``, ...),
            kept after ``DOCUMENT_COLUMNS`` as strings.
        dataset: A Parquet file's or folder's index (else ``None``): read a row group
            at a time.
        language: The language of documents without one in their metadata (``None``:
            detected).
    """

    path: Path | None
    doc_ids: list[str]
    files: list[Path] = field(default_factory=list, repr=False)
    table: pd.DataFrame | None = field(default=None, repr=False)
    metadata: pd.DataFrame | None = field(default=None, repr=False)
    extra_columns: list[str] = field(default_factory=list)
    dataset: ParquetDataset | None = field(default=None, repr=False)
    language: str | None = None

    def __len__(self) -> int:
        return len(self.doc_ids)

    def read(self, first: int, last: int) -> pd.DataFrame:
        """Read documents ``first`` to ``last`` (exclusive): the ``Corpus.documents`` rows."""
        if self.table is not None:
            documents = self.table.iloc[first:last]
        elif self.dataset is not None:
            documents = pd.concat([_table_documents(rows, path, lines=lines) for path, rows, lines
                                   in self.dataset.read(first, last)] or [_read_files([])])
        else:
            documents = _read_files(self.files[first:last])
        if self.metadata is not None:
            documents = _apply_metadata(documents, self.metadata)
        return _finish_documents(documents, self.extra_columns, self.language, self.path)

    def batches(self, size: int) -> Iterator[pd.DataFrame]:
        """The documents, ``size`` at a time (at least one)."""
        size = max(size, 1)
        for first in range(0, len(self), size):
            yield self.read(first, first + size)

    def part(self, first: int, last: int) -> CorpusSource:
        """Documents ``first`` to ``last`` (exclusive) as a source of their own."""
        metadata = self.metadata
        if metadata is not None:
            metadata = metadata[metadata["doc_id"].isin(self.doc_ids[first:last])]
            metadata.attrs["path"] = self.metadata.attrs["path"]
        return CorpusSource(
            path=self.path, doc_ids=self.doc_ids[first:last], files=self.files[first:last],
            table=None if self.table is None else self.table.iloc[first:last], metadata=metadata,
            dataset=None if self.dataset is None else self.dataset.part(first, last),
            extra_columns=self.extra_columns, language=self.language)

    def sizes(self) -> np.ndarray:
        """Per document, about how many bytes of text it holds (to cut the corpus in parts)."""
        if self.dataset is not None:
            return self.dataset.sizes
        if self.table is not None:
            return self.table["text"].str.len().to_numpy()
        return np.array([file.stat().st_size for file in self.files], dtype=np.int64)

    def fingerprint(self) -> str:
        """A hash of every byte the documents and metadata are read from, and where."""
        digest = hashlib.blake2b(digest_size=16)
        digest.update(str(self.path.resolve() if self.path else "").encode())
        if self.table is not None and self.path is None:
            digest.update(pd.util.hash_pandas_object(self.table, index=False).to_numpy())
        files = self.files or (self.dataset.files if self.dataset else [])
        for file in files or ([self.path] if self.path else []):
            digest.update(f"\0{file.name}\0{file.stat().st_size}\0".encode())
            digest.update(file.read_bytes())
        if self.metadata is not None:
            digest.update(self.metadata.to_csv(index=False).encode())
        digest.update(f"\0language={self.language or ''}".encode())
        return digest.hexdigest()


def open_corpus(path: str | Path | pd.DataFrame, *,
                metadata: str | Path | pd.DataFrame | None = None,
                language: str | None = None) -> CorpusSource:
    """Open a corpus (as ``read_corpus`` takes it) without reading a folder's files.

    Metadata is read and checked against the documents' ids at once.

    Example:
        >>> source = open_corpus(pd.DataFrame({"doc_id": ["b", "a"], "text": ["B.", "A."]}))
        >>> source.doc_ids, source.read(0, 1)["text"].tolist()
        (['a', 'b'], ['A.'])
    """
    dataset = None
    if isinstance(path, pd.DataFrame):
        table, path, files = _table_documents(path, Path("<table>"), first_line=1), None, []
    else:
        path = Path(path)
        table, files = (None, _list_folder(path)) if path.is_dir() else (_read_path(path), [])
        if metadata is None and path.is_dir() and (path / "metadata.csv").is_file():
            metadata = path / "metadata.csv"
        if (path.is_dir() and not files and next(path.rglob("*.parquet"), None)) or (
                path.is_file() and path.suffix.lower() == ".parquet"):
            dataset = scan_dataset(path)
    if table is not None:
        table = table.sort_values("doc_id", kind="stable").reset_index(drop=True)
        doc_ids = table["doc_id"].tolist()
    else:
        doc_ids = dataset.doc_ids if dataset else [file.stem for file in files]
    if not doc_ids:
        raise CorpusError("no readable documents", path=path)
    rows = None
    if metadata is not None:
        rows = _read_metadata(metadata)
        _check_metadata(doc_ids, rows)
    if language is not None:
        language = check_language(language, where="argument language")
    extra = [name for frame in (table, rows) if frame is not None for name in frame.columns
             if name not in (*DOCUMENT_COLUMNS, "line")]
    return CorpusSource(path=path, doc_ids=doc_ids, files=files, table=table, metadata=rows,
                        extra_columns=list(dict.fromkeys(extra)), dataset=dataset,
                        language=language)


def _read_path(path: Path) -> pd.DataFrame | None:
    if path.is_file() and path.suffix.lower() == ".parquet":
        return None  # a dataset of one file
    if path.is_file() and path.suffix.lower() in TABLE_SUFFIXES:
        return _read_table(path)
    if path.exists():
        raise CorpusError(
            f"not a corpus: expected a folder of .txt files or a {'/'.join(TABLE_SUFFIXES)} file",
            path=path,
        )
    raise CorpusError("corpus folder or file does not exist", path=path)


def _list_folder(folder: Path) -> list[Path]:
    """The folder's ``.txt`` files, in doc_id order."""
    seen: dict[str, Path] = {}
    for file in sorted(folder.iterdir()):
        if not (file.suffix.lower() == ".txt" and file.is_file()):
            continue
        if file.stem in seen:
            raise CorpusError(f"duplicate doc_id {file.stem!r} (also {seen[file.stem].name})",
                              path=file)
        seen[file.stem] = file
    return [seen[doc_id] for doc_id in sorted(seen)]


def _read_files(files: list[Path]) -> pd.DataFrame:
    rows = []
    for file in files:
        try:
            text, encoding = decode_bytes(file.read_bytes(), path=file)
        except CorpusError as error:
            warnings.warn(f"{error}; skipped", KursklibWarning, stacklevel=4)
            continue
        except OSError as error:
            warnings.warn(f"{file}: cannot read ({error.strerror}); skipped", KursklibWarning,
                          stacklevel=4)
            continue
        rows.append({"doc_id": file.stem, "text": text, "encoding": encoding, "path": str(file)})
    return pd.DataFrame(rows, columns=["doc_id", "text", "encoding", "path"])


def _read_table(path: Path) -> pd.DataFrame:
    suffix = path.suffix.lower()
    try:
        text, _ = decode_bytes(path.read_bytes(), path=path)
        if suffix == ".csv":
            table = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
        else:
            table = pd.read_json(io.StringIO(text), lines=True, dtype=False)
    except CorpusError:
        raise
    except (ValueError, OSError, pd.errors.ParserError) as error:
        problem = first_line(error) or type(error).__name__
        raise CorpusError(f"cannot parse {suffix[1:]} table ({problem})", path=path) from None
    # Table rows are numbered from line 2 (after the header) in CSV, line 1 in JSONL.
    return _table_documents(table, path, first_line=2 if suffix == ".csv" else 1)


def _table_documents(table: pd.DataFrame, path: Path, *, first_line: int = 1,
                     lines: list[int] | None = None) -> pd.DataFrame:
    """Documents from a table's ``text`` column (and ``doc_id`` and metadata, if any), its
    rows on consecutive lines from ``first_line``, or on ``lines``."""
    if "text" not in table.columns:
        raise CorpusError(f"no 'text' column (columns: {', '.join(map(str, table.columns))})",
                          path=path)
    if "doc_id" in table.columns:
        doc_ids = table["doc_id"].astype(str).str.strip()
    else:
        width = len(str(len(table)))
        doc_ids = pd.Series([f"{path.stem}-{i + 1:0{width}d}" for i in range(len(table))])
    kept = [*METADATA_COLUMNS[1:], *_extra_columns(table.columns.drop("text"), path)]
    rows = []
    seen: dict[str, int] = {}
    # Columns as lists: indexing a Series cell by cell is slow.
    values = {column: table[column].tolist() for column in kept if column in table.columns}
    for position, (doc_id, raw) in enumerate(zip(doc_ids, table["text"].tolist(), strict=True)):
        line = lines[position] if lines else position + first_line
        if doc_id in seen:
            raise CorpusError(f"duplicate doc_id {doc_id!r} (first on line {seen[doc_id]})",
                              path=path, line=line)
        seen[doc_id] = line
        text = "" if _is_missing(raw) else NEWLINES.sub("\n", str(raw).lstrip("\ufeff"))
        if not text.strip():
            warnings.warn(f"{path}:{line}: empty text for doc_id {doc_id!r}; skipped",
                          KursklibWarning, stacklevel=3)
            continue
        row = {"doc_id": doc_id, "text": text, "encoding": "", "path": str(path)}
        for column, cells in values.items():
            if not _is_missing(cells[position]):
                row[column] = cells[position]
        rows.append(row)
    documents = pd.DataFrame(rows, columns=["doc_id", "text", "encoding", "path", *kept])
    if "published" in table.columns:
        documents["published"] = [
            _parse_date(value, path=path, line=line, doc_id=doc_id)
            for value, doc_id, line in zip(documents["published"], documents["doc_id"],
                                           [seen[d] for d in documents["doc_id"]], strict=True)
        ]
    return documents


def _is_missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and value != value) or value is pd.NA or (
        isinstance(value, str) and not value.strip())


def _parse_date(value: object, *, path: Path, line: int, doc_id: str) -> pd.Timestamp:
    if _is_missing(value):
        return pd.NaT
    if isinstance(value, pd.Timestamp):
        stamp = value
    else:
        stamp = _parse_iso(str(value).strip())
        if stamp is None:
            raise MetadataError(f"published {value!r} for {doc_id!r} is not an ISO date "
                                "(YYYY-MM-DD)", path=path, line=line) from None
    if stamp.tzinfo is not None:
        stamp = stamp.tz_convert("UTC").tz_localize(None)
    return stamp


@lru_cache(maxsize=65536)
def _parse_iso(value: str) -> pd.Timestamp | None:
    """An ISO date or time (None if it is not one); a corpus repeats few distinct dates."""
    try:
        return pd.to_datetime(value, format="ISO8601")
    except (ValueError, TypeError):
        return None


def _read_metadata(source: str | Path | pd.DataFrame) -> pd.DataFrame:
    """Read metadata rows, each with its line number (column ``line``)."""
    if isinstance(source, pd.DataFrame):
        table = source.copy()
        table["line"] = range(2, len(table) + 2)
        table["doc_id"] = table["doc_id"].astype(str)
        path = Path("<metadata>")
    else:
        path = Path(source)
        if not path.is_file():
            raise MetadataError("metadata file does not exist", path=path)
        text, _ = decode_bytes(path.read_bytes(), path=path)
        reader = csv.reader(io.StringIO(text))
        header = [name.strip() for name in next(reader, [])]
        if "doc_id" not in header:
            raise MetadataError(
                f"no header with a doc_id column (first row: {', '.join(header)[:80]!r})",
                path=path, line=1)
        records = []
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                raise MetadataError(f"expected {len(header)} fields, found {len(row)}",
                                    path=path, line=reader.line_num)
            record = dict(zip(header, (cell.strip() for cell in row), strict=True))
            record["line"] = reader.line_num
            records.append(record)
        table = pd.DataFrame(records, columns=[*header, "line"])
    known = [name for name in table.columns if name in METADATA_COLUMNS]
    table = table[[*known, *_extra_columns(table.columns.drop([*known, "line"]), path), "line"]]
    seen: dict[str, int] = {}
    for doc_id, line in zip(table["doc_id"], table["line"], strict=True):
        if doc_id in seen:
            raise MetadataError(f"duplicate doc_id {doc_id!r} (first on line {seen[doc_id]})",
                                path=path, line=line)
        seen[doc_id] = line
    if "published" in table.columns:
        table["published"] = [
            _parse_date(value, path=path, line=line, doc_id=doc_id)
            for value, line, doc_id in zip(table["published"], table["line"], table["doc_id"],
                                           strict=True)
        ]
    table.attrs["path"] = path
    return table


def _check_metadata(doc_ids: list[str], metadata: pd.DataFrame) -> None:
    """Every metadata row names a document; warn about documents without a row."""
    path = metadata.attrs["path"]
    known = set(doc_ids)
    for doc_id, line in zip(metadata["doc_id"], metadata["line"], strict=True):
        if doc_id not in known:
            raise MetadataError(f"doc_id {doc_id!r} has no document in the corpus",
                                path=path, line=line)
    missing = sorted(known - set(metadata["doc_id"]))
    if missing:
        warnings.warn(f"{path}: no metadata row for {', '.join(missing)} (published = NaT)",
                      KursklibWarning, stacklevel=4)


def _extra_columns(names: Iterable[str], path: Path) -> list[str]:
    """The columns beyond ``METADATA_COLUMNS`` kept as document variables (warn of reserved)."""
    names = [str(name) for name in names if name not in METADATA_COLUMNS]
    reserved = [name for name in names if name in RESERVED_COLUMNS or name.startswith("n_")]
    if reserved:
        warnings.warn(f"{path}:1: reserved metadata column(s) {', '.join(reserved)} ignored",
                      KursklibWarning, stacklevel=4)
    return [name for name in names if name not in reserved]


def _apply_metadata(documents: pd.DataFrame, metadata: pd.DataFrame) -> pd.DataFrame:
    documents = documents.copy()
    by_id = metadata.set_index("doc_id")
    for column in by_id.columns.drop("line"):
        values = documents["doc_id"].map(by_id[column])
        filled = values.notna() & (values.astype(str).str.strip() != "")
        if column not in documents.columns:
            documents[column] = pd.NA
        documents[column] = documents[column].astype(object).where(~filled, values)
    return documents


def _finish_documents(documents: pd.DataFrame, extra_columns: list[str], language: str | None,
                      path: Path | None) -> pd.DataFrame:
    documents = documents.copy()
    for column in [*METADATA_COLUMNS[1:], *extra_columns]:
        if column not in documents.columns:
            documents[column] = pd.NA
    given = [None if _is_missing(code) else check_language(
        code, where=f"{path or '<table>'}: document {doc_id!r}")
             for code, doc_id in zip(documents["language"], documents["doc_id"], strict=True)]
    documents["language"] = document_languages(documents["text"], given, language)
    headlines = [find_headlines(text) for text in documents["text"]]
    documents["title"] = [
        title if not _is_missing(title) else (text[spans[0][0]:spans[0][1]] if spans else pd.NA)
        for title, text, spans in zip(documents["title"], documents["text"], headlines, strict=True)
    ]
    documents["published"] = pd.to_datetime(documents["published"]).astype("datetime64[ns]")
    documents["n_chars"] = documents["text"].str.len().astype("int64")
    for column in ("doc_id", "title", "source", "url", "language", "text", "encoding", "path",
                   *extra_columns):
        documents[column] = documents[column].astype("string")
    documents = documents.sort_values("doc_id", kind="stable").reset_index(drop=True)
    return documents[[*DOCUMENT_COLUMNS, *extra_columns]]
