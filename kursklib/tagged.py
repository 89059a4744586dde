""":mod:`kursklib.tagged`: tag a corpus once, in batches, into Parquet tables, and read them."""

from __future__ import annotations

import dataclasses
import hashlib
import importlib.metadata
import json
import os
import shutil
import tempfile
import warnings
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from .actors import MENTION_COLUMNS, Gazetteer, load_gazetteer, tag_actors
from .corpus import DOCUMENT_COLUMNS, Corpus, CorpusSource, check_corpus_argument, open_corpus
from .dates import DATE_COLUMNS, tag_dates
from .errors import (
    ArgumentError,
    KursklibError,
    KursklibWarning,
    OutputError,
    TaggingError,
    as_names,
    first_line,
)
from .sentences import SENTENCE_COLUMNS, split_sentences
from .survey import CorpusModel, survey_corpus
from .terms import DOCUMENT_TERM_COLUMNS, count_document_terms
from .tokens import TOKEN_COLUMNS, tag_tokens

if TYPE_CHECKING:
    from distributed import Client

# The per-document counts the tagged documents table adds to ``Corpus.documents``.
COUNT_COLUMNS = ["n_sentences", "n_tokens", "n_mentions", "n_dates"]
TAGGED_DOCUMENT_COLUMNS = [*DOCUMENT_COLUMNS, *COUNT_COLUMNS]
_STRING, _INT, _BOOL = pa.string(), pa.int64(), pa.bool_()


def _with_language(columns: list[str]) -> list[str]:
    """A table's columns with its documents' ``language`` after ``doc_id``."""
    return [columns[0], "language", *columns[1:]]


# Every table of a tagged corpus, its columns and their types, in file order; each carries
# its documents' language.
SCHEMAS = {
    "documents": pa.schema([(name, {"published": pa.timestamp("ns"), "n_chars": _INT}.get(
        name, _INT if name in COUNT_COLUMNS else _STRING)) for name in TAGGED_DOCUMENT_COLUMNS]),
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
# What ``tag_corpus`` reads back unless told: all but the token table, the one large table.
DEFAULT_TABLES = ("documents", "sentences", "mentions", "dates", "terms")
BATCH_DOCUMENTS = 1000
# Rows per Parquet row group: fixed, so that the files do not depend on the batch size;
# fewer for documents, whose rows hold whole texts, so that a row group stays small.
ROW_GROUP_ROWS = 1 << 17
DOCUMENT_ROW_GROUP_ROWS = 1 << 12
# Text per Dask partition (Dask's guidance: about 100 MB a chunk).
PARTITION_BYTES = 100_000_000
MANIFEST = "manifest.json"
FORMAT_VERSION = 1


@dataclass(frozen=True)
class Tagged:
    """A tagged corpus: tidy tables read from its Parquet folder (``None``: not read).

    Attributes:
        folder: The folder holding ``<table>.parquet`` and ``manifest.json``.
        manifest: Package version, content key, options, row counts, Punkt parameters.
        documents: ``Corpus.documents`` plus ``n_sentences, n_tokens, n_mentions,
            n_dates`` per document, then any extra metadata column (as strings).
        sentences: ``Corpus.sentences``.
        mentions: Output of ``tag_actors``.
        dates: Output of ``tag_dates``.
        tokens: Output of ``tag_tokens`` (large; read it only for the documents you need).
        terms: Output of ``count_document_terms`` for unigrams and bigrams, with its
            defaults (lemmas, stopwords out, one term per actor, by canonical name).
    """

    folder: Path
    manifest: dict = field(repr=False)
    documents: pd.DataFrame | None = field(default=None, repr=False)
    sentences: pd.DataFrame | None = field(default=None, repr=False)
    mentions: pd.DataFrame | None = field(default=None, repr=False)
    dates: pd.DataFrame | None = field(default=None, repr=False)
    tokens: pd.DataFrame | None = field(default=None, repr=False)
    terms: pd.DataFrame | None = field(default=None, repr=False)


def tag_corpus(corpus: str | Path | pd.DataFrame, *,
               metadata: str | Path | pd.DataFrame | None = None,
               gazetteer: Gazetteer | str | Path | None = None, language: str | None = None,
               stopwords: Sequence[str] = (), unlisted: bool = True,
               reference_date: str | None = None, cache_dir: str | Path | None = None,
               batch_size: int = BATCH_DOCUMENTS, tables: Iterable[str] = DEFAULT_TABLES,
               client: Client | None = None, partition_bytes: int = PARTITION_BYTES,
               columns: Mapping[str, str] | None = None, recursive: bool = False) -> Tagged:
    """Tag a corpus once (sentences, actors, dates, tokens, term counts) and read the tables.

    The tables are kept in ``cache_dir`` under a key hashed from the corpus bytes and
    metadata, the gazetteer, the options and the package (version and files): the same
    call again reads them back; any change tags anew. Documents are read and tagged
    ``batch_size`` at a time, so memory stays bounded whatever the corpus size; a first
    pass learns what every batch shares (``survey_corpus``), so the tables are the same,
    byte for byte, whatever the batch size. Writing is atomic: a folder appears whole.

    With a Dask ``client``, the survey and the tagging run on its workers, a partition of
    about ``partition_bytes`` of text per task (``kursklib.cluster``), and the workers
    write each table as a folder of part files, ``<table>/part-NNNNN.parquet``, holding
    consecutive runs of documents in ``doc_id`` order: read in name order (as
    ``read_tagged`` does), they hold the rows of the in-process table, in its order,
    whatever the number of workers and partitions. The cache folder, the client and the
    workers must share a file system (so must the corpus, unless it is a DataFrame or a
    ``.csv``/``.jsonl`` table, which the client reads and sends).

    Args:
        corpus: As ``read_corpus`` takes it.
        gazetteer: As ``tag_actors`` takes it.
        language: The language of documents whose metadata gives none (``None``: detected
            per document); each document is tagged in its own language, and every table
            carries it as ``language``.
        cache_dir: Where tagged corpora are kept (default: ``default_cache_dir()``).
        tables: Which tables to read back into memory (see ``TABLES``); for a corpus
            larger than memory, none (``[]``), then ``read_tagged`` with ``doc_ids``.
        client: A ``distributed.Client`` to tag on (``None``: in this process).
        partition_bytes: About how much text a Dask partition holds.
        columns, recursive: As ``read_corpus`` takes them (part of the cache key).

    Returns:
        A ``Tagged`` with the asked tables (see ``Tagged``).

    Example:
        >>> tagged = tag_corpus(corpus.documents[["doc_id", "text"]], cache_dir=tmp)
        >>> tagged.manifest["rows"]["documents"], tagged.tokens is None
        (2, True)
    """
    # Resolved, so that a notebook's relative path and the CLI's absolute one meet.
    check_corpus_argument(corpus, "corpus")
    source = open_corpus(corpus if isinstance(corpus, pd.DataFrame) else Path(corpus).resolve(),
                         metadata=metadata, language=language, columns=columns,
                         recursive=recursive)
    chosen = gazetteer if isinstance(gazetteer, Gazetteer) else (
        load_gazetteer(gazetteer) if gazetteer not in (None, "") else None)
    options = {"language": language, "stopwords": sorted(as_names(stopwords, "stopwords")),
               "unlisted": unlisted, "reference_date": str(reference_date or "")}
    key = _content_key(source, chosen, options)
    root = Path(cache_dir) if cache_dir else default_cache_dir()
    folder = root / key
    if not (folder / MANIFEST).is_file():
        if client is None:
            _write_tagged(source, folder, key=key, gazetteer=chosen, options=options,
                          batch_size=batch_size)
        else:
            from .cluster import write_tagged_on

            write_tagged_on(client, source, folder, key=key, gazetteer=chosen, options=options,
                            batch_size=batch_size, partition_bytes=partition_bytes)
    return read_tagged(folder, tables=tables)


def read_tagged(folder: str | Path, *, tables: Iterable[str] = DEFAULT_TABLES,
                doc_ids: Iterable[str] | None = None) -> Tagged:
    """Read some tables of a tagged corpus, optionally only some documents' rows.

    Example:
        >>> folder = tag_corpus(corpus.documents[["doc_id", "text"]], cache_dir=tmp).folder
        >>> len(read_tagged(folder, tables=["tokens"], doc_ids=["b"]).tokens)
        21
    """
    folder = Path(folder)
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise ArgumentError(f"{folder}: not a tagged corpus (no readable {MANIFEST})") from None
    names = list(tables)
    unknown = [name for name in names if name not in SCHEMAS]
    if unknown:
        raise ArgumentError(f"unknown table(s) {', '.join(unknown)}; choose from "
                            f"{', '.join(TABLES)}")
    # Typed, so that no document at all is an empty selection, not a type error.
    wanted = None if doc_ids is None else [("doc_id", "in", pa.array(list(doc_ids), _STRING))]
    files = {name: table_files(folder, name) for name in names}
    # A file's own schema: the documents carry the corpus's extra metadata columns.
    schemas = {name: pq.read_schema(files[name][0]) if files[name] else SCHEMAS[name]
               for name in names}
    read = {name: pa.concat_tables([schemas[name].empty_table(), *(
        pq.read_table(file, filters=wanted, schema=schemas[name])
        for file in files[name])]).to_pandas(
        types_mapper={pa.string(): pd.StringDtype()}.get) for name in names}
    if "documents" in read:
        read["documents"]["published"] = read["documents"]["published"].astype("datetime64[ns]")
    return Tagged(folder=folder, manifest=manifest, **read)


def table_files(folder: str | Path, name: str) -> list[Path]:
    """A tagged table's files in order: ``<name>.parquet``, or the part files a Dask run wrote.

    Example:
        >>> folder = tag_corpus(corpus.documents[["doc_id", "text"]], cache_dir=tmp).folder
        >>> [file.name for file in table_files(folder, "mentions")]
        ['mentions.parquet']
    """
    folder = Path(folder)
    single = folder / f"{name}.parquet"
    return [single] if single.is_file() else sorted((folder / name).glob("part-*.parquet"))


def default_cache_dir() -> Path:
    """``$KURSKLIB_CACHE_DIR``, else ``$XDG_CACHE_HOME/kursklib``, else ``~/.cache/kursklib``.

    Example:
        >>> default_cache_dir().is_absolute()
        True
    """
    if os.environ.get("KURSKLIB_CACHE_DIR"):
        return Path(os.environ["KURSKLIB_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "kursklib"


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


def _write_tagged(source: CorpusSource, folder: Path, *, key: str, gazetteer: Gazetteer | None,
                  options: dict, batch_size: int) -> None:
    """Survey, tag batch by batch into a temporary folder, then rename it into place."""
    model = survey_corpus(source.batches(batch_size), language=options["language"])
    with staged(folder, key) as staging:
        rows = write_part(source, {name: staging / f"{name}.parquet" for name in SCHEMAS},
                          model=model, gazetteer=gazetteer, options=options,
                          batch_size=batch_size)
        write_manifest(staging, key=key, gazetteer=gazetteer, options=options, rows=rows,
                       model=model)


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


@contextmanager
def staged(folder: Path, key: str) -> Iterator[Path]:
    """A temporary folder beside ``folder``, renamed into place if the block succeeds."""
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(dir=folder.parent, prefix=f".{key}-"))
    except OSError as error:
        raise OutputError(f"cannot write the tagged corpus ({error.strerror})",
                          path=folder.parent) from None
    try:
        yield staging
        os.chmod(staging, 0o755)
        os.rename(staging, folder)
    except OSError as error:
        if not (folder / MANIFEST).is_file():  # another run may have written it first
            raise OutputError(f"cannot write the tagged corpus ({error.strerror})",
                              path=folder) from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def write_manifest(staging: Path, *, key: str, gazetteer: Gazetteer | None, options: dict,
                   rows: dict[str, int], model: CorpusModel) -> None:
    """Write the manifest: package, content key, options, rows per table, the model."""
    manifest = {"format": FORMAT_VERSION, "key": key, "package": package_files(),
                "options": options, "gazetteer": list(gazetteer.sources) if gazetteer
                else ["packaged"], "rows": rows, "model": model.describe()}
    (staging / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n",
                                    encoding="utf-8")


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


def _content_key(source: CorpusSource, gazetteer: Gazetteer | None, options: dict) -> str:
    described = {"format": FORMAT_VERSION, "package": package_files(), "options": options,
                 "corpus": source.fingerprint(),
                 "gazetteer": _gazetteer_fingerprint(gazetteer or _packaged_gazetteer())}
    return hashlib.blake2b(json.dumps(described, sort_keys=True).encode(),
                           digest_size=12).hexdigest()


@lru_cache(maxsize=1)
def _packaged_gazetteer() -> Gazetteer:
    return load_gazetteer()


def _gazetteer_fingerprint(gazetteer: Gazetteer) -> str:
    data = [[dataclasses.asdict(actor) for actor in gazetteer.actors.values()],
            list(gazetteer.ignore)]
    return hashlib.blake2b(json.dumps(data, sort_keys=True).encode(), digest_size=16).hexdigest()


@lru_cache(maxsize=1)
def package_files() -> dict[str, str]:
    """The package version and a hash of its files: code edits invalidate the cache too."""
    root = Path(__file__).resolve().parent
    digest = hashlib.blake2b(digest_size=16)
    for file in sorted(root.rglob("*")):
        if file.suffix in (".py", ".yaml"):
            digest.update(str(file.relative_to(root)).encode() + b"\0" + file.read_bytes())
    return {"version": importlib.metadata.version("kursklib"), "files": digest.hexdigest()}
