""":mod:`kursklib.parts`: documents tagged batch by batch into one Parquet file per table."""

from __future__ import annotations

import os
import warnings
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from .actors import MENTION_COLUMNS, Gazetteer, tag_actors
from .corpus import DOCUMENT_COLUMNS, Corpus, CorpusSource
from .dates import DATE_COLUMNS, tag_dates
from .errors import KursklibError, KursklibWarning, TaggingError, first_line
from .sentences import SENTENCE_COLUMNS, split_sentences
from .survey import CorpusModel
from .terms import DOCUMENT_TERM_COLUMNS, count_document_terms
from .tokens import TOKEN_COLUMNS, tag_tokens

# The per-document counts the tagged documents table adds to ``Corpus.documents``.
DOCUMENT_COUNT_COLUMNS = ["n_sentences", "n_tokens", "n_mentions", "n_dates"]
TAGGED_DOCUMENT_COLUMNS = [*DOCUMENT_COLUMNS, *DOCUMENT_COUNT_COLUMNS]
_STRING, _INT, _BOOL = pa.string(), pa.int64(), pa.bool_()


def _with_language(columns: list[str]) -> list[str]:
    """A table's columns with its documents' ``language`` after ``doc_id``."""
    return [columns[0], "language", *columns[1:]]


# Every table of a tagged corpus, its columns and their types, in file order; each carries
# its documents' language.
SCHEMAS = {
    "documents": pa.schema([(name, {"published": pa.timestamp("ns"), "n_chars": _INT}.get(
        name, _INT if name in DOCUMENT_COUNT_COLUMNS else _STRING))
        for name in TAGGED_DOCUMENT_COLUMNS]),
    "sentences": pa.schema([(name, {"sent_id": _INT, "start": _INT, "end": _INT,
                                    "is_headline": _BOOL}.get(name, _STRING))
                            for name in _with_language(SENTENCE_COLUMNS)]),
    "mentions": pa.schema([(name, {"sent_id": _INT, "start": _INT, "end": _INT,
                                   "listed": _BOOL}.get(name, _STRING))
                           for name in _with_language(MENTION_COLUMNS)]),
    "dates": pa.schema([(name, _INT if name in ("sent_id", "start", "end") else _STRING)
                        for name in _with_language(DATE_COLUMNS)]),
    "tokens": pa.schema([(name, _BOOL if name.startswith("is_") else _INT if name in (
        "sent_id", "token_id", "start", "end") else _STRING)
        for name in _with_language(TOKEN_COLUMNS)]),
    "terms": pa.schema([(name, _INT if name in ("ngram", "n_occurrences") else _STRING)
                        for name in _with_language(DOCUMENT_TERM_COLUMNS)]),
}
TABLES = tuple(SCHEMAS)
# Rows per Parquet row group: fixed, so that the files do not depend on the batch size;
# fewer for documents, whose rows hold whole texts, so that a row group stays small.
ROW_GROUP_ROWS = 1 << 17
DOCUMENT_ROW_GROUP_ROWS = 1 << 12


def tag_batch(documents: pd.DataFrame, model: CorpusModel, *, path: Path | None,
              gazetteer: Gazetteer | None, options: dict) -> dict[str, pd.DataFrame]:
    """Tag one batch of documents with the whole corpus's model: every table of ``SCHEMAS``."""
    corpus = Corpus(documents=documents, path=path, model=model,
                    sentences=split_sentences(documents, punkt=model.punkt))
    mentions = tag_actors(corpus, gazetteer=gazetteer, unlisted=options["unlisted"])
    dates = tag_dates(corpus, reference_date=options["reference_date"] or None)
    tokens = tag_tokens(corpus, mentions, stopwords=options["stopwords"])
    counts = {column: table.groupby("doc_id", observed=True).size() for column, table in (
        ("n_sentences", corpus.sentences), ("n_tokens", tokens), ("n_mentions", mentions),
        ("n_dates", dates))}
    documents = documents.assign(**{column: documents["doc_id"].map(count).fillna(0).astype(
        "int64").to_numpy() for column, count in counts.items()})
    tables = {"sentences": corpus.sentences, "mentions": mentions, "dates": dates,
              "tokens": tokens, "terms": count_document_terms(tokens, mentions)}
    language = documents.set_index("doc_id")["language"]
    return {"documents": documents, **{name: table.assign(language=table["doc_id"].astype(
        "string").map(language).astype("string"))[_with_language(list(table.columns))]
        for name, table in tables.items()}}


def write_part(source: CorpusSource, paths: dict[str, Path], *, model: CorpusModel,
               gazetteer: Gazetteer | None, options: dict, batch_size: int) -> dict[str, int]:
    """Tag a source batch by batch into one Parquet file per table: the rows of each.

    Each file is written under a temporary name and renamed when whole, so a task that
    runs twice (a worker lost, say) leaves one whole file.
    """
    partial = {name: path.with_name(f".{path.name}.{os.getpid()}") for name, path in paths.items()}
    # Extra metadata columns (country, language, ...) follow the documents' columns.
    extra = pa.schema([(name, _STRING) for name in source.extra_columns])
    writers = {name: _TableWriter(partial[name], pa.unify_schemas([schema, extra]) if (
        name == "documents") else schema, rows=(
        DOCUMENT_ROW_GROUP_ROWS if name == "documents" else ROW_GROUP_ROWS))
               for name, schema in SCHEMAS.items()}
    step = max(batch_size, 1)
    for first in range(0, len(source), step):
        with warnings.catch_warnings():  # the survey has warned about these documents
            warnings.simplefilter("ignore", KursklibWarning)
            documents = source.read(first, first + step)
        if documents.empty:
            continue
        for name, table in _tag_named(documents, model, path=source.path, gazetteer=gazetteer,
                                      options=options).items():
            writers[name].write(table)
    rows = {name: writer.close() for name, writer in writers.items()}
    for name, path in paths.items():
        os.replace(partial[name], path)
    return rows


def _tag_named(documents: pd.DataFrame, model: CorpusModel, **how: object
               ) -> dict[str, pd.DataFrame]:
    """``tag_batch``; if it fails, the error names the first document that fails alone."""
    try:
        return tag_batch(documents, model, **how)
    except KursklibError:
        raise
    except Exception as error:
        what = (f"documents {documents['doc_id'].iloc[0]!r} to {documents['doc_id'].iloc[-1]!r}"
                " could not be tagged together")
        path = documents["path"].iloc[0]
        for position in range(len(documents)):
            try:
                tag_batch(documents.iloc[position:position + 1], model, **how)
            except Exception:  # noqa: BLE001 - any failure names this document
                what = f"document {documents['doc_id'].iloc[position]!r} could not be tagged"
                path = documents["path"].iloc[position]
                break
        raise TaggingError(f"{what} ({type(error).__name__}: {first_line(error)})",
                           path=path) from error


class _TableWriter:
    """One Parquet file, written in row groups of ``rows`` rows whatever the batches."""

    def __init__(self, path: Path, schema: pa.Schema, *, rows: int) -> None:
        self._writer = pq.ParquetWriter(path, schema)
        self._schema = schema
        self._group = rows
        self._pending: list[pa.Table] = []
        self._rows = 0
        self._written = 0

    def write(self, frame: pd.DataFrame) -> None:
        table = _arrow_table(frame, self._schema)
        self._pending.append(table.replace_schema_metadata(None))
        self._rows += len(table)
        if self._rows >= self._group:
            self._flush(final=False)

    def close(self) -> int:
        self._flush(final=True)
        self._writer.close()
        return self._written

    def _flush(self, *, final: bool) -> None:
        table = pa.concat_tables(self._pending) if self._pending else self._schema.empty_table()
        whole = len(table) if final else len(table) - len(table) % self._group
        if whole or (final and not self._written):
            # One chunk per column: pages must not follow the batches' chunks.
            self._writer.write_table(table.slice(0, whole).combine_chunks(),
                                     row_group_size=self._group)
        self._pending = [table.slice(whole)] if whole < len(table) else []
        self._rows = len(table) - whole
        self._written += whole


def _arrow_table(frame: pd.DataFrame, schema: pa.Schema) -> pa.Table:
    """``pa.Table.from_pandas(frame, schema=schema)``, but each categorical column taken from
    its categories by code in Arrow, not converted a string per row (5x on the tokens)."""
    categorical = {name for name in schema.names
                   if isinstance(frame[name].dtype, pd.CategoricalDtype)}
    if not categorical:
        return pa.Table.from_pandas(frame, schema=schema, preserve_index=False)
    rest = pa.Table.from_pandas(frame, schema=pa.schema(
        [item for item in schema if item.name not in categorical]), preserve_index=False)
    columns = []
    for item in schema:
        if item.name not in categorical:
            columns.append(rest.column(item.name))
            continue
        column = frame[item.name].array
        values = pa.array(column.categories.to_numpy(dtype=object), type=item.type)
        columns.append(values.take(pa.array(column.codes, mask=column.codes < 0)))
    return pa.Table.from_arrays(columns, schema=schema)
