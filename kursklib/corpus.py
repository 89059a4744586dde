""":mod:`kursklib.corpus`: read a folder or table of articles and its metadata."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import numpy as np
import pandas as pd

from .columns import (
    DOCUMENT_COLUMNS,
    METADATA_COLUMNS,
    check_columns,
    check_mapped_found,
    is_missing,
)
from .dataset import ParquetDataset, scan_dataset
from .errors import ArgumentError, CorpusError
from .folder import check_printable, list_folder, read_bytes, read_files
from .languages import (
    FALLBACK_LANGUAGE,
    check_language,
    document_languages,
    resources_for,
)
from .metadata import apply_metadata, match_metadata, read_metadata
from .sentences import SentenceIndex, find_headlines, split_sentences
from .survey import CorpusModel, survey_corpus
from .tables import TABLE_SUFFIXES, frame_cells, read_table, table_documents


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
                language: str | None = None, columns: Mapping[str, str] | None = None,
                recursive: bool = False) -> Corpus:
    """Read a folder of ``.txt`` files, one ``.csv``/``.jsonl``/``.parquet`` table (or a
    folder of ``.parquet`` files), or a DataFrame with a ``text`` column (and optionally
    ``doc_id`` and metadata columns).

    A folder's ``metadata.csv`` is picked up automatically; ``metadata`` overrides it.
    Unreadable documents (binary, empty) are skipped with a warning naming the file, as
    is every folder entry that is not read (a broken symlink, a FIFO, a second ``a.TXT``
    beside ``a.txt``). A table row needs a ``doc_id`` (when the table has the column) and
    a ``text`` that is a string (bytes are decoded as a file is); metadata rows without a
    document are left out with a warning; dates pandas cannot hold are NaT, with a warning.

    Args:
        metadata: A CSV file or DataFrame of ``doc_id`` and metadata columns.
        language: The language of the documents whose metadata gives none; ``None``
            detects each one's (``kursklib.languages.detect_language``).
        columns: Your names for kursklib's columns, in tables and metadata: kursklib's
            name → yours, e.g. ``{"doc_id": "id", "title": "headline", "published":
            "date", "source": "outlet", "url": "link", "text": "body"}``.
        recursive: Read the ``.txt`` files of a folder's subfolders too, each with the
            ``doc_id`` of its path below the folder without the suffix (``2024/a``);
            without it, subfolders holding ``.txt`` files are named in a warning.

    Returns:
        A ``Corpus`` with ``documents`` and ``sentences`` tables (see ``Corpus``).

    Example:
        >>> corpus = read_corpus(pd.DataFrame({"doc_id": ["a"], "text": ["Kim met Putin."]}))
        >>> corpus.sentences["text"].tolist()
        ['Kim met Putin.']
    """
    source = open_corpus(path, metadata=metadata, language=language, columns=columns,
                         recursive=recursive)
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
        columns: The user's names for kursklib's columns (``read_corpus``'s ``columns``).
        recursive: Whether a folder's subfolders were read.
    """

    path: Path | None
    doc_ids: list[str]
    files: list[Path] = field(default_factory=list, repr=False)
    table: pd.DataFrame | None = field(default=None, repr=False)
    metadata: pd.DataFrame | None = field(default=None, repr=False)
    extra_columns: list[str] = field(default_factory=list)
    dataset: ParquetDataset | None = field(default=None, repr=False)
    language: str | None = None
    columns: dict[str, str] = field(default_factory=dict)
    recursive: bool = False

    def __len__(self) -> int:
        return len(self.doc_ids)

    def read(self, first: int, last: int) -> pd.DataFrame:
        """Read documents ``first`` to ``last`` (exclusive): the ``Corpus.documents`` rows."""
        if self.table is not None:
            documents = self.table.iloc[first:last]
        elif self.dataset is not None:
            documents = pd.concat([
                table_documents(frame_cells(rows, path), lines, path, columns=self.columns)
                for path, rows, lines in self.dataset.read(first, last)] or [read_files([], [])])
        else:
            documents = read_files(self.files[first:last], self.doc_ids[first:last])
        if self.metadata is not None:
            documents = apply_metadata(documents, self.metadata, self.doc_ids[first:last])
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
            extra_columns=self.extra_columns, language=self.language, columns=self.columns,
            recursive=self.recursive)

    def sizes(self) -> np.ndarray:
        """Per document, about how many bytes of text it holds (to cut the corpus in parts)."""
        if self.dataset is not None:
            return self.dataset.sizes
        if self.table is not None:
            return self.table["text"].str.len().to_numpy()
        return np.array([file.stat().st_size for file in self.files], dtype=np.int64)

    def fingerprint(self) -> str:
        """A hash of every byte the documents and metadata are read from, where, and how
        (``columns``, ``recursive``, ``language``)."""
        digest = hashlib.blake2b(digest_size=16)
        root = self.path.resolve() if self.path else None
        digest.update(str(root or "").encode())
        if self.table is not None and self.path is None:
            digest.update(pd.util.hash_pandas_object(self.table, index=False).to_numpy())
        files = self.files or (self.dataset.files if self.dataset else [])
        for file in files or ([self.path] if self.path else []):
            name = os.path.relpath(file.resolve() if file.is_symlink() else file.absolute(),
                                   root if root and root.is_dir() else file.parent.absolute())
            digest.update(f"\0{name}\0{file.stat().st_size}\0".encode(errors="surrogateescape"))
            digest.update(read_bytes(file))
        if self.metadata is not None:
            digest.update(self.metadata.to_csv(index=False).encode())
        digest.update(f"\0language={self.language or ''}\0columns={sorted(self.columns.items())}"
                      f"\0recursive={self.recursive}".encode())
        return digest.hexdigest()


def open_corpus(path: str | Path | pd.DataFrame, *,
                metadata: str | Path | pd.DataFrame | None = None,
                language: str | None = None, columns: Mapping[str, str] | None = None,
                recursive: bool = False) -> CorpusSource:
    """Open a corpus (as ``read_corpus`` takes it, with the same arguments) without
    reading a folder's files.

    Metadata is read and matched to the documents' ids at once.

    Example:
        >>> source = open_corpus(pd.DataFrame({"doc_id": ["b", "a"], "text": ["B.", "A."]}))
        >>> source.doc_ids, source.read(0, 1)["text"].tolist()
        (['a', 'b'], ['A.'])
    """
    check_corpus_argument(path, "path")
    mapping = check_columns(columns)
    _check_arguments(metadata, language, recursive)
    if language is not None:
        language = check_language(language, where="argument language")
    table, dataset, files, doc_ids, headers = None, None, [], [], {}
    if isinstance(path, pd.DataFrame):
        table = table_documents(frame_cells(path, Path("<table>")), list(range(1, len(path) + 1)),
                                Path("<table>"), columns=mapping)
        headers[Path("<table>")], path = list(map(str, path.columns)), None
    else:
        path = Path(path)
        if path.is_dir():
            listing = list_folder(path, recursive=recursive)
            if not listing.files and next(path.rglob("*.parquet"), None):
                dataset = scan_dataset(path, mapping)
            else:
                listing.warn(path)
                files, doc_ids = listing.files, listing.doc_ids
            if metadata is None and os.path.lexists(path / "metadata.csv"):
                metadata = path / "metadata.csv"
        elif path.is_file() and path.suffix.lower() == ".parquet":
            dataset = scan_dataset(path, mapping)
        elif path.is_file() and path.suffix.lower() in TABLE_SUFFIXES:
            table, headers[path] = read_table(path, mapping)
        elif os.path.lexists(path):
            raise CorpusError("not a corpus: expected a folder of .txt files or a "
                              f"{'/'.join(TABLE_SUFFIXES)} file", path=path)
        else:
            raise CorpusError("corpus folder or file does not exist", path=path)
    if table is not None:
        table = table.sort_values("doc_id", kind="stable").reset_index(drop=True)
        doc_ids = table["doc_id"].tolist()
    elif dataset is not None:
        doc_ids = dataset.doc_ids
        headers[path] = list(dataset.header)
    if not doc_ids:
        raise CorpusError("no readable documents", path=path)
    rows = None
    if metadata is not None:
        rows, headers[Path("<metadata>") if isinstance(metadata, pd.DataFrame)
                      else Path(metadata)] = read_metadata(metadata, mapping)
    check_mapped_found(mapping, headers)
    if rows is not None:
        rows = match_metadata(doc_ids, rows)
    extra = [name for frame in (table, rows) if frame is not None for name in frame.columns
             if name not in (*DOCUMENT_COLUMNS, "line")]
    return CorpusSource(path=path, doc_ids=doc_ids, files=files, table=table, metadata=rows,
                        extra_columns=list(dict.fromkeys(extra)), dataset=dataset,
                        language=language, columns=mapping, recursive=recursive)


def check_corpus_argument(value: object, argument: str) -> None:
    """A corpus argument is a DataFrame or a path (not empty, printable), else an error."""
    if isinstance(value, pd.DataFrame):
        return
    if not isinstance(value, str | os.PathLike) or isinstance(os.fspath(value), bytes):
        raise ArgumentError(f"{argument}: a folder, a {'/'.join(TABLE_SUFFIXES)} file or a "
                            f"DataFrame, not {type(value).__name__} {value!r:.40}")
    if not str(value).strip():
        raise ArgumentError(f"{argument}: an empty path")
    check_printable(value, argument)


def _check_arguments(metadata: object, language: object, recursive: object) -> None:
    if metadata is not None and not isinstance(metadata, pd.DataFrame):
        if not isinstance(metadata, str | os.PathLike) or isinstance(os.fspath(metadata), bytes):
            raise ArgumentError(f"metadata: a CSV file or a DataFrame, not "
                                f"{type(metadata).__name__} {metadata!r:.40}")
        if not str(metadata).strip():
            raise ArgumentError("metadata: an empty path")
        check_printable(metadata, "metadata")
    if language is not None and not isinstance(language, str):
        raise ArgumentError(f"language: a language code such as 'en', or None, not "
                            f"{type(language).__name__} {language!r:.40}")
    if not isinstance(recursive, bool | np.bool_):
        raise ArgumentError(f"recursive: True or False, not {type(recursive).__name__} "
                            f"{recursive!r:.40}")


def _finish_documents(documents: pd.DataFrame, extra_columns: list[str], language: str | None,
                      path: Path | None) -> pd.DataFrame:
    documents = documents.copy()
    for column in [*METADATA_COLUMNS[1:], *extra_columns]:
        if column not in documents.columns:
            documents[column] = pd.NA
    given = [None if is_missing(code) else check_language(
        str(code), where=f"{path or '<table>'}: document {doc_id!r}")
             for code, doc_id in zip(documents["language"], documents["doc_id"], strict=True)]
    documents["language"] = document_languages(documents["text"], given, language)
    headlines = [find_headlines(text) for text in documents["text"]]
    documents["title"] = [
        title if not is_missing(title) else (text[spans[0][0]:spans[0][1]] if spans else pd.NA)
        for title, text, spans in zip(documents["title"], documents["text"], headlines, strict=True)
    ]
    documents["published"] = pd.to_datetime(documents["published"]).astype("datetime64[ns]")
    documents["n_chars"] = documents["text"].str.len().astype("int64")
    for column in ("doc_id", "title", "source", "url", "language", "text", "encoding", "path",
                   *extra_columns):
        documents[column] = documents[column].astype("string")
    documents = documents.sort_values("doc_id", kind="stable").reset_index(drop=True)
    return documents[[*DOCUMENT_COLUMNS, *extra_columns]]
