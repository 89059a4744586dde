""":mod:`kursklib.columns`: the documents table's fields: their names, a user's names for
them (``columns=``), and the value of one cell of each."""

from __future__ import annotations

import datetime as dt
import re
import warnings
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from .errors import ArgumentError, CorpusError, KursklibWarning, MetadataError

DOCUMENT_COLUMNS = [
    "doc_id", "title", "published", "source", "url", "language", "text", "encoding", "n_chars",
    "path",
]
METADATA_COLUMNS = ["doc_id", "title", "published", "source", "url", "language"]
# The columns a user's table may name otherwise (``columns={"text": "body"}``).
MAPPABLE_COLUMNS = (*METADATA_COLUMNS, "text")
# Names a metadata column may not take: computed by kursklib (any other column is kept).
RESERVED_COLUMNS = ("text", "encoding", "n_chars", "path", "line", "label", "period")
# Names exports give our columns: a column so named (in any case) is read as ours only
# when ``columns`` maps it; unmapped, it is kept as a variable with a warning.
WELL_KNOWN_NAMES = {
    "doc_id": ("id", "article_id", "document_id", "docid", "doc", "uuid", "guid"),
    "title": ("headline", "heading", "subject", "article_title"),
    "published": ("date", "pub_date", "pubdate", "publication_date", "published_at",
                  "published_date", "datetime", "timestamp", "time", "created_at"),
    "source": ("outlet", "publisher", "media", "site", "newspaper", "publication",
               "source_name", "agency"),
    "url": ("link", "href", "uri", "permalink", "web_url"),
    "language": ("lang", "locale"),
    "text": ("body", "content", "article", "full_text", "fulltext", "maintext", "story",
             "article_text", "body_text"),
}
_OURS_BY_NAME = {name: ours for ours, names in WELL_KNOWN_NAMES.items()
                 for name in (ours, *names)}
# A date's year, where pandas cannot parse it: out of its range (1677-2262), it is NaT.
_ISO_YEAR = re.compile(r"^\s*([+-]?)(\d{4,})(?:-|$)")
_OUTSIDE = object()


def check_columns(columns: object) -> dict[str, str]:
    """``columns`` (kursklib's name → the user's) as a dict, empty for ``None``.

    Example:
        >>> check_columns({"text": "body"})
        {'text': 'body'}
    """
    if columns is None:
        return {}
    if not isinstance(columns, Mapping):
        raise ArgumentError(f"columns: a mapping of kursklib's column names to yours, such as "
                            f"{{'text': 'body'}}, not {type(columns).__name__}")
    mapping: dict[str, str] = {}
    for ours, theirs in columns.items():
        if ours not in MAPPABLE_COLUMNS:
            raise ArgumentError(f"columns: unknown column {ours!r} (known: "
                                f"{', '.join(MAPPABLE_COLUMNS)})")
        if not isinstance(theirs, str) or not theirs.strip():
            raise ArgumentError(f"columns: {ours!r} maps to {theirs!r}, not a column name")
        if theirs in mapping.values():
            raise ArgumentError(f"columns: {theirs!r} is mapped twice")
        mapping[ours] = theirs
    return mapping


def rename_columns(names: Iterable[object], columns: dict[str, str], path: Path,
                   ) -> list[str]:
    """A table's column names with the mapped ones renamed to ours (names as strings,
    stripped). A column of ours that a mapped one would replace is an error."""
    names = [str(name).strip() for name in names]
    renamed = {theirs: ours for ours, theirs in columns.items() if theirs != ours}
    for theirs, ours in renamed.items():
        if theirs in names and ours in names and ours not in renamed:
            raise CorpusError(f"columns {ours!r} and {theirs!r} are both present and columns "
                              f"maps {ours} to {theirs!r}: drop or rename one", path=path, line=1)
    return [renamed.get(name, name) for name in names]


def check_mapped_found(columns: dict[str, str], headers: dict[Path, list[str]]) -> None:
    """Every mapped column is in one of the tables read (their original headers)."""
    found = {name.strip() for header in headers.values() for name in header}
    for ours, theirs in columns.items():
        if theirs not in found:
            where = "; ".join(f"{path} has {', '.join(header) or 'no columns'}"
                              for path, header in headers.items()) or "the corpus has no table"
            raise ArgumentError(f"columns: no column {theirs!r} (mapped to {ours}): {where}")


def mapping_hint(pairs: Iterable[tuple[str, str]]) -> str:
    """How to map ``(ours, theirs)`` pairs, in the library's and the CLI's words.

    Example:
        >>> mapping_hint([("published", "date")])
        "pass columns={'published': 'date'} (kursk: --column published=date)"
    """
    pairs = list(pairs)
    flags = " ".join(f"--column {ours}={theirs}" for ours, theirs in pairs)
    return f"pass columns={dict(pairs)!r} (kursk: {flags})"


def guess_mapping(names: Iterable[str], wanted: Iterable[str]) -> list[tuple[str, str]]:
    """Pairs ``(ours, theirs)`` for columns of ours in ``wanted`` that are absent but that
    a column is well known to stand for (``date`` → ``published``)."""
    names = list(names)
    wanted = [ours for ours in wanted if ours not in names]
    pairs = {}
    for name in names:
        ours = _OURS_BY_NAME.get(name.strip().lower())
        if ours in wanted and ours not in pairs:
            pairs[ours] = name
    return [(ours, pairs[ours]) for ours in wanted if ours in pairs]


def warn_unmapped(names: list[str], path: Path, wanted: Iterable[str]) -> None:
    """Warn of columns that look like one of ours but are not read as it (a ``date`` column
    without ``published``), with the mapping that would read them."""
    pairs = guess_mapping(names, wanted)
    if pairs:
        listed = ", ".join(f"{theirs!r} (as {ours})" for ours, theirs in pairs)
        warnings.warn(f"{path}:1: column(s) {listed} not read as kursklib's; to read them so, "
                      f"{mapping_hint(pairs)}", KursklibWarning, stacklevel=2)


def kept_columns(names: Iterable[str], path: Path) -> list[str]:
    """The columns beyond ``METADATA_COLUMNS`` kept as document variables (warn of reserved)."""
    names = [name for name in names if name not in METADATA_COLUMNS]
    reserved = [name for name in names if name in RESERVED_COLUMNS or name.startswith("n_")]
    if reserved:
        warnings.warn(f"{path}:1: reserved metadata column(s) {', '.join(reserved)} ignored",
                      KursklibWarning, stacklevel=2)
    return [name for name in names if name not in reserved]


def is_missing(value: object) -> bool:
    """An empty cell: None, NaN, NA or a blank string."""
    return value is None or (isinstance(value, float) and value != value) or value is pd.NA or (
        value is pd.NaT) or (isinstance(value, str) and not value.strip())


def cell_doc_id(value: object, *, path: Path, line: int) -> str:
    """A ``doc_id`` cell as a string: a string or an integer (``2.0`` too), never empty."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, str | int):
        problem = "missing" if is_missing(value) else f"a {type(value).__name__} ({value!r:.40})"
        raise CorpusError(f"doc_id is {problem}: every row needs one (a string)", path=path,
                          line=line)
    doc_id = str(value).strip()
    if not doc_id:
        raise CorpusError("doc_id is missing: every row needs one (a string)", path=path,
                          line=line)
    return doc_id


def cell_value(value: object, *, column: str, path: Path, line: int) -> object:
    """A metadata cell as it is kept: a scalar (bytes, lists and mappings are errors)."""
    if isinstance(value, bytes | list | tuple | dict | set | np.ndarray):
        raise CorpusError(f"{column} is a {type(value).__name__} ({value!r:.40}), not a "
                          "single value", path=path, line=line)
    return value


def parse_dates(values: Iterable[object], lines: Iterable[int], doc_ids: Iterable[str], *,
                path: Path) -> list[pd.Timestamp]:
    """``published`` cells as Timestamps (NaT when empty). A date pandas cannot hold
    (before 1677 or after 2262) is NaT, with one warning naming its lines."""
    stamps, outside = [], []
    for value, line, doc_id in zip(values, lines, doc_ids, strict=True):
        stamp = _parse_date(value, path=path, line=line, doc_id=doc_id)
        if stamp is None:
            outside.append(f"line {line} ({value!s:.30})")
            stamp = pd.NaT
        stamps.append(stamp)
    if outside:
        warnings.warn(f"{path}: published outside the dates pandas holds "
                      f"({pd.Timestamp.min:%Y-%m-%d} to {pd.Timestamp.max:%Y-%m-%d}), read as "
                      f"NaT: {', '.join(outside)}", KursklibWarning, stacklevel=2)
    return stamps


def _parse_date(value: object, *, path: Path, line: int, doc_id: str) -> pd.Timestamp | None:
    """A Timestamp, NaT when empty, ``None`` when out of pandas' range."""
    if is_missing(value):
        return pd.NaT
    if isinstance(value, dt.date | pd.Timestamp):
        try:
            stamp = pd.Timestamp(value)
        except (OverflowError, ValueError):
            return None
    else:
        text = str(value).strip()
        stamp = _parse_iso(text)
        if stamp is _OUTSIDE:
            return None
        if stamp is None:
            match = _ISO_YEAR.match(text)
            if match and not 1677 <= int(match[1] + match[2]) <= 2262:
                return None
            raise MetadataError(f"published {value!r} for {doc_id!r} is not an ISO date "
                                "(YYYY-MM-DD)", path=path, line=line) from None
    try:
        if stamp.tzinfo is not None:
            stamp = stamp.tz_convert("UTC").tz_localize(None)
        return stamp.as_unit("ns")
    except (OverflowError, ValueError):
        return None


@lru_cache(maxsize=65536)
def _parse_iso(value: str) -> pd.Timestamp | object | None:
    """An ISO date or time, ``_OUTSIDE`` pandas' range, ``None`` if it is not one; a corpus
    repeats few distinct dates."""
    try:
        return pd.to_datetime(value, format="ISO8601")
    except pd.errors.OutOfBoundsDatetime:
        return _OUTSIDE
    except (ValueError, TypeError, OverflowError):
        return None
