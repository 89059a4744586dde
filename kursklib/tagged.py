""":mod:`kursklib.tagged`: tag a corpus once, in batches, into Parquet tables, and read them."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from .actors import Gazetteer, load_gazetteer
from .corpus import CorpusSource, check_corpus_argument, open_corpus
from .errors import ArgumentError, OutputError, as_names
from .keys import FORMAT_VERSION, package_files
from .keys import content_key as _content_key
from .parts import (
    DOCUMENT_COUNT_COLUMNS,
    DOCUMENT_ROW_GROUP_ROWS,
    ROW_GROUP_ROWS,
    SCHEMAS,
    TABLES,
    TAGGED_DOCUMENT_COLUMNS,
    tag_batch,
    write_part,
)
from .survey import CorpusModel, survey_corpus

if TYPE_CHECKING:
    from distributed import Client

# The tables' schemas, the part writer and the content key live in ``parts`` and ``keys``;
# they stay importable from here.
__all__ = ["BATCH_DOCUMENTS", "DEFAULT_TABLES", "DOCUMENT_COUNT_COLUMNS",
           "DOCUMENT_ROW_GROUP_ROWS", "FORMAT_VERSION", "MANIFEST", "PARTITION_BYTES",
           "ROW_GROUP_ROWS", "SCHEMAS", "TABLES", "TAGGED_DOCUMENT_COLUMNS", "Tagged",
           "default_cache_dir", "package_files", "read_tagged", "staged", "tag_batch",
           "tag_corpus", "table_files", "write_manifest", "write_part"]

# What ``tag_corpus`` reads back unless told: all but the token table, the one large table.
DEFAULT_TABLES = ("documents", "sentences", "mentions", "dates", "terms")
BATCH_DOCUMENTS = 1000
# Text per Dask partition (Dask's guidance: about 100 MB a chunk).
PARTITION_BYTES = 100_000_000
MANIFEST = "manifest.json"


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
                doc_ids: Iterable[str] | None = None, columns: Sequence[str] | None = None,
                where: pc.Expression | None = None) -> Tagged:
    """Read some tables of a tagged corpus, optionally only some documents' rows.

    Args:
        doc_ids: Read only these documents' rows (``None``: every document's).
        columns: Read only these columns of each table (``None``: all; a table keeps
            those it has, in its own order).
        where: A ``pyarrow.compute`` expression a row must meet to be read, such as
            ``pc.field("is_alpha")``: a large table is never read whole to be filtered.

    Example:
        >>> folder = tag_corpus(corpus.documents[["doc_id", "text"]], cache_dir=tmp).folder
        >>> len(read_tagged(folder, tables=["tokens"], doc_ids=["b"]).tokens)
        21
    """
    folder = Path(folder)
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise ArgumentError(f"not a tagged corpus (no readable {MANIFEST})",
                            path=folder) from None
    names = list(tables)
    unknown = [name for name in names if name not in SCHEMAS]
    if unknown:
        raise ArgumentError(f"unknown table(s) {', '.join(unknown)}; choose from "
                            f"{', '.join(TABLES)}")
    # Typed, so that no document at all is an empty selection, not a type error.
    wanted = where if doc_ids is None else pc.field("doc_id").isin(
        pa.array(list(doc_ids), pa.string()))
    if doc_ids is not None and where is not None:
        wanted = wanted & where
    known = {column for name in names for column in SCHEMAS[name].names}
    missing = sorted(set(columns or ()) - known)
    if missing and "documents" not in names:  # the documents may hold any metadata column
        raise ArgumentError(f"no column {', '.join(map(repr, missing))} in the table(s) "
                            f"{', '.join(names)}")
    read = {name: _read_table(table_files(folder, name), SCHEMAS[name], columns, wanted)
            for name in names}
    if "documents" in read and "published" in read["documents"]:
        read["documents"]["published"] = read["documents"]["published"].astype("datetime64[ns]")
    return Tagged(folder=folder, manifest=manifest, **read)


def _read_table(files: list[Path], schema: pa.Schema, columns: Sequence[str] | None,
                where: pc.Expression | None) -> pd.DataFrame:
    """One table's rows from its files, as a DataFrame; its Arrow memory freed while converted."""
    # A file's own schema: the documents carry the corpus's extra metadata columns.
    schema = pq.read_schema(files[0]) if files else schema
    kept = pa.schema([column for column in schema if columns is None or column.name in columns])
    table = pa.concat_tables([kept.empty_table(), *(
        pq.read_table(file, columns=kept.names, filters=where, schema=schema)
        for file in files)])
    return table.to_pandas(types_mapper={pa.string(): pd.StringDtype()}.get,
                           split_blocks=True, self_destruct=True)


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
