"""Read a corpus (folder of .txt or one table) and its metadata into documents and sentences."""

from __future__ import annotations

import bisect
import codecs
import csv
import io
import re
import unicodedata
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import charset_normalizer
import numpy as np
import pandas as pd
from nltk.tokenize.punkt import PunktSentenceTokenizer, PunktTrainer

from .errors import CorpusError, KursklibWarning, MetadataError

DOCUMENT_COLUMNS = [
    "doc_id", "title", "published", "source", "url", "text", "encoding", "n_chars", "path",
]
SENTENCE_COLUMNS = ["doc_id", "sent_id", "start", "end", "text", "is_headline"]
METADATA_COLUMNS = ["doc_id", "title", "published", "source", "url"]
TABLE_SUFFIXES = (".csv", ".jsonl", ".parquet")

# Checked longest first: a UTF-32-LE BOM begins with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Detection candidates this close to the least chaotic one compete on coherence.
CHAOS_MARGIN = 0.1
COMMON_ENCODINGS = ("cp1252", "cp1251", "utf-16", "iso8859-1", "cp1250", "koi8-r", "iso8859-15")
# Share of control characters above which decoded bytes are judged binary, not text.
_MAX_CONTROL_SHARE = 0.02
_NEWLINES = re.compile(r"\r\n?")
_LINE = re.compile(r"[^\n]*\n?")
BULLET_MARKERS = "►▶▸▪▫•◦‣∙·*-–—"
_BULLET_LINE = re.compile(rf"[ \t]*[{re.escape(BULLET_MARKERS)}][ \t\u00a0]+(?=\S)")
_HEADLINE_WORDS = (2, 25)
_FINAL_PUNCTUATION = ".!?;:,…"
# Punkt's boundary realignment only knows ASCII quotes; this 1:1 map keeps offsets.
_ASCII_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "“": '"', "”": '"', "„": '"',
                               "«": '"', "»": '"'})
# Punkt learns enough from the first megabyte; more only costs time.
PUNKT_TRAINING_CHARS = 1_000_000
# Longer segments are cut near a sentence end before Punkt sees them (NLTK's regexes
# refuse to run for more than a few seconds on one string).
MAX_SEGMENT_CHARS = 200_000
_LIKELY_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"'“‘(]?[A-ZА-ЯЁ])")
# Abbreviations Punkt cannot learn from a small corpus (lower case, final period dropped).
ABBREVIATIONS = frozenset("""
    gen lt col maj capt cpt sgt cpl adm cmdr brig pvt gov sen rep pres amb min sec dep
    mr mrs ms dr prof rev st jr sr mt ft co corp inc ltd dept est approx vs etc no nos vol
    fig al e.g i.e u.s u.k u.n u.s.a e.u d.c a.m p.m jan feb mar apr jun jul aug sep sept
    oct nov dec mon tue tues wed thu thurs fri sat sun
""".split())


@dataclass(frozen=True)
class Corpus:
    """A read corpus: its documents and their sentences.

    Attributes:
        documents: One row per document: ``doc_id, title, published, source, url,
            text, encoding, n_chars, path``. ``text`` is the decoded document; every
            offset in kursklib indexes it. ``published`` is a Timestamp or NaT.
        sentences: One row per sentence: ``doc_id, sent_id, start, end, text,
            is_headline``, with ``documents.text[start:end] == text``. Headline lines
            are segments of their own, flagged ``is_headline``; bullet markers are
            outside every segment.
        path: The folder or table the corpus was read from.
    """

    documents: pd.DataFrame
    sentences: pd.DataFrame = field(repr=False)
    path: Path | None = None

    def text(self, doc_id: str) -> str:
        """Return the text of one document."""
        return self.documents.loc[self.documents["doc_id"] == doc_id, "text"].iloc[0]


def read_corpus(path: str | Path, *, metadata: str | Path | pd.DataFrame | None = None) -> Corpus:
    """Read a folder of ``.txt`` files or one ``.csv``/``.jsonl``/``.parquet`` table.

    A folder's ``metadata.csv`` is picked up automatically; ``metadata`` overrides it.
    Unreadable documents (binary, empty) are skipped with a warning naming the file.

    Returns:
        A ``Corpus`` with ``documents`` and ``sentences`` tables (see ``Corpus``).

    Example:
        >>> corpus = read_corpus("seeds")  # doctest: +SKIP
    """
    path = Path(path)
    if path.is_dir():
        documents = _read_folder(path)
        if metadata is None and (path / "metadata.csv").is_file():
            metadata = path / "metadata.csv"
    elif path.is_file() and path.suffix.lower() in TABLE_SUFFIXES:
        documents = _read_table(path)
    elif path.exists():
        raise CorpusError(
            f"not a corpus: expected a folder of .txt files or a {'/'.join(TABLE_SUFFIXES)} file",
            path=path,
        )
    else:
        raise CorpusError("corpus folder or file does not exist", path=path)
    if documents.empty:
        raise CorpusError("no readable documents", path=path)
    if metadata is not None:
        documents = _apply_metadata(documents, _read_metadata(metadata), source=metadata)
    documents = _finish_documents(documents)
    return Corpus(documents=documents, sentences=split_sentences(documents), path=path)


def _read_folder(folder: Path) -> pd.DataFrame:
    rows = []
    seen: dict[str, Path] = {}
    for file in sorted(folder.iterdir()):
        if not (file.is_file() and file.suffix.lower() == ".txt"):
            continue
        if file.stem in seen:
            raise CorpusError(f"duplicate doc_id {file.stem!r} (also {seen[file.stem].name})",
                              path=file)
        seen[file.stem] = file
        try:
            text, encoding = decode_bytes(file.read_bytes(), path=file)
        except CorpusError as error:
            warnings.warn(f"{error}; skipped", KursklibWarning, stacklevel=3)
            continue
        except OSError as error:
            warnings.warn(f"{file}: cannot read ({error.strerror}); skipped", KursklibWarning,
                          stacklevel=3)
            continue
        rows.append({"doc_id": file.stem, "text": text, "encoding": encoding, "path": str(file)})
    return pd.DataFrame(rows, columns=["doc_id", "text", "encoding", "path"])


def decode_bytes(data: bytes, *, path: str | Path | None = None) -> tuple[str, str]:
    """Decode a document: BOM first, then UTF-8, then detection; newlines become LF.

    Returns:
        The text (BOM and NUL characters dropped, CRLF/CR → LF) and the encoding used.

    Example:
        >>> decode_bytes("Привет, мир".encode("cp1251") * 20)[1]  # doctest: +SKIP
        'cp1251'
    """
    text, encoding = _decode(data, path)
    if "\x00" in text:
        warnings.warn(f"{path}: NUL characters removed", KursklibWarning, stacklevel=3)
        text = text.replace("\x00", "")
    text = _NEWLINES.sub("\n", text)
    if not text.strip():
        raise CorpusError("empty document (no text)", path=path)
    return text, encoding


def _decode(data: bytes, path: str | Path | None) -> tuple[str, str]:
    if not data:
        raise CorpusError("empty file", path=path)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec).lstrip("\ufeff"), codec.removesuffix("-sig")
            except UnicodeDecodeError as error:
                raise CorpusError(f"{codec} BOM but undecodable bytes at {error.start}",
                                  path=path) from None
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        text, encoding = _detect(data, path)
    if _looks_binary(text):
        raise CorpusError("not text: binary data", path=path)
    return text, encoding


def _detect(data: bytes, path: str | Path | None) -> tuple[str, str]:
    """Decode with charset-normalizer, preferring coherent text among near-equal guesses.

    Its own ranking favours the lowest "chaos", which for short Western text can pick a
    Baltic code page (naïve → naļve); among guesses within CHAOS_MARGIN of the best, the
    most coherent (then most common) encoding reads better.
    """
    matches = list(charset_normalizer.from_bytes(data))
    if not matches:
        raise CorpusError("not text: unknown encoding or binary data", path=path)
    least_chaos = min(match.chaos for match in matches)
    close = [match for match in matches if match.chaos <= least_chaos + CHAOS_MARGIN]
    best = max(close, key=lambda match: (round(match.coherence, 3),
                                         -_commonness(codecs.lookup(match.encoding).name)))
    return str(best), codecs.lookup(best.encoding).name


def _commonness(encoding: str) -> int:
    return COMMON_ENCODINGS.index(encoding) if encoding in COMMON_ENCODINGS else len(
        COMMON_ENCODINGS)


def _looks_binary(text: str) -> bool:
    sample = text[:65536]
    controls = sum(
        1 for char in sample
        if unicodedata.category(char) in ("Cc", "Cs", "Co") and char not in "\t\n\r\f\v\x00"
    )
    nuls = sample.count("\x00")
    return (controls + nuls) > _MAX_CONTROL_SHARE * len(sample) and (controls or nuls > 16)


def _read_table(path: Path) -> pd.DataFrame:
    suffix = path.suffix.lower()
    try:
        if suffix == ".parquet":
            table = pd.read_parquet(path)
        else:
            text, _ = decode_bytes(path.read_bytes(), path=path)
            if suffix == ".csv":
                table = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
            else:
                table = pd.read_json(io.StringIO(text), lines=True, dtype=False)
    except CorpusError:
        raise
    except (ValueError, OSError, pd.errors.ParserError) as error:
        raise CorpusError(f"cannot parse {suffix[1:]} table ({_first_line(error)})",
                          path=path) from None
    if "text" not in table.columns:
        raise CorpusError(f"no 'text' column (columns: {', '.join(map(str, table.columns))})",
                          path=path)
    # Table rows are numbered from line 2 (after the header) in CSV, line 1 in JSONL.
    first_line = 2 if suffix == ".csv" else 1
    if "doc_id" in table.columns:
        doc_ids = table["doc_id"].astype(str).str.strip()
    else:
        width = len(str(len(table)))
        doc_ids = pd.Series([f"{path.stem}-{i + 1:0{width}d}" for i in range(len(table))])
    rows = []
    seen: dict[str, int] = {}
    for position, (doc_id, raw) in enumerate(zip(doc_ids, table["text"], strict=True)):
        line = position + first_line
        if doc_id in seen:
            raise CorpusError(f"duplicate doc_id {doc_id!r} (first on line {seen[doc_id]})",
                              path=path, line=line)
        seen[doc_id] = line
        text = "" if _is_missing(raw) else _NEWLINES.sub("\n", str(raw).lstrip("\ufeff"))
        if not text.strip():
            warnings.warn(f"{path}:{line}: empty text for doc_id {doc_id!r}; skipped",
                          KursklibWarning, stacklevel=3)
            continue
        row = {"doc_id": doc_id, "text": text, "encoding": "", "path": str(path)}
        for column in METADATA_COLUMNS[1:]:
            if column in table.columns and not _is_missing(table[column].iloc[position]):
                row[column] = table[column].iloc[position]
        rows.append(row)
    documents = pd.DataFrame(rows, columns=["doc_id", "text", "encoding", "path",
                                            *METADATA_COLUMNS[1:]])
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


def _first_line(error: Exception) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__


def _parse_date(value: object, *, path: Path, line: int, doc_id: str) -> pd.Timestamp:
    if _is_missing(value):
        return pd.NaT
    if isinstance(value, pd.Timestamp):
        stamp = value
    else:
        try:
            stamp = pd.to_datetime(str(value).strip(), format="ISO8601")
        except (ValueError, TypeError):
            raise MetadataError(f"published {value!r} for {doc_id!r} is not an ISO date "
                                "(YYYY-MM-DD)", path=path, line=line) from None
    if stamp.tzinfo is not None:
        stamp = stamp.tz_convert("UTC").tz_localize(None)
    return stamp


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
        unknown = [name for name in header if name not in METADATA_COLUMNS]
        if unknown:
            warnings.warn(f"{path}:1: unknown metadata column(s) {', '.join(unknown)} ignored",
                          KursklibWarning, stacklevel=3)
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


def _apply_metadata(documents: pd.DataFrame, metadata: pd.DataFrame,
                    source: str | Path | pd.DataFrame) -> pd.DataFrame:
    path = metadata.attrs["path"]
    known = set(documents["doc_id"])
    for doc_id, line in zip(metadata["doc_id"], metadata["line"], strict=True):
        if doc_id not in known:
            raise MetadataError(f"doc_id {doc_id!r} has no document in the corpus",
                                path=path, line=line)
    missing = sorted(known - set(metadata["doc_id"]))
    if missing:
        warnings.warn(f"{path}: no metadata row for {', '.join(missing)} (published = NaT)",
                      KursklibWarning, stacklevel=3)
    documents = documents.copy()
    by_id = metadata.set_index("doc_id")
    for column in METADATA_COLUMNS[1:]:
        if column not in by_id.columns:
            continue
        values = documents["doc_id"].map(by_id[column])
        filled = values.notna() & (values.astype(str).str.strip() != "")
        if column not in documents.columns:
            documents[column] = pd.NA
        documents[column] = documents[column].astype(object).where(~filled, values)
    return documents


def _finish_documents(documents: pd.DataFrame) -> pd.DataFrame:
    documents = documents.copy()
    for column in METADATA_COLUMNS[1:]:
        if column not in documents.columns:
            documents[column] = pd.NA
    headlines = [_find_headlines(text) for text in documents["text"]]
    documents["title"] = [
        title if not _is_missing(title) else (text[spans[0][0]:spans[0][1]] if spans else pd.NA)
        for title, text, spans in zip(documents["title"], documents["text"], headlines, strict=True)
    ]
    documents["published"] = pd.to_datetime(documents["published"]).astype("datetime64[ns]")
    documents["n_chars"] = documents["text"].str.len().astype("int64")
    for column in ("doc_id", "title", "source", "url", "text", "encoding", "path"):
        documents[column] = documents[column].astype("string")
    documents = documents.sort_values("doc_id", kind="stable").reset_index(drop=True)
    return documents[DOCUMENT_COLUMNS]


class SentenceBounds:
    """Sentence lookup by character offset within one document (lists, for speed)."""

    def __init__(self, starts: list[int], ends: list[int], ids: list[int],
                 headline: list[bool]) -> None:
        self.starts, self.ends, self.ids, self.headline = starts, ends, ids, headline

    @classmethod
    def per_document(cls, corpus: Corpus) -> list[SentenceBounds]:
        """One lookup per document, in the order of ``corpus.documents``."""
        sentences = corpus.sentences
        doc = _sentence_documents(corpus)
        order = np.argsort(doc, kind="stable")
        bounds = np.searchsorted(doc[order], np.arange(len(corpus.documents) + 1)).tolist()
        columns = [sentences[name].to_numpy()[order].tolist()
                   for name in ("start", "end", "sent_id", "is_headline")]
        return [cls(*(column[first:last] for column in columns))
                for first, last in zip(bounds, bounds[1:])]

    def contains(self, start: int, end: int) -> bool:
        position = bisect.bisect_right(self.starts, start) - 1
        return position >= 0 and end <= self.ends[position]

    def is_headline(self, start: int) -> bool:
        return self.headline[bisect.bisect_right(self.starts, start) - 1]

    def sentence_of(self, start: int) -> int:
        return self.ids[bisect.bisect_right(self.starts, start) - 1]


class SentenceLookup:
    """The sentence around each ``(document index, start, end)``, for whole arrays at once.

    Document indexes are positions in ``corpus.documents``.
    """

    def __init__(self, corpus: Corpus) -> None:
        sentences = corpus.sentences
        doc = _sentence_documents(corpus)
        self._scale = 1 << 40  # longer than any text: (doc, offset) as one sortable key
        opens = doc * self._scale + sentences["start"].to_numpy(dtype=np.int64)
        order = np.argsort(opens, kind="stable")
        self._opens = opens[order]
        self._closes = (doc * self._scale + sentences["end"].to_numpy(dtype=np.int64))[order]
        self.sent_id = sentences["sent_id"].to_numpy(dtype=np.int64)[order]
        self.headline = sentences["is_headline"].to_numpy(dtype=bool)[order]

    def locate(self, doc: np.ndarray, start: np.ndarray, end: np.ndarray
               ) -> tuple[np.ndarray, np.ndarray]:
        """Row of the last sentence starting at or before each start (0 if none), and
        whether the span lies inside that sentence."""
        if not self._opens.size:
            return np.zeros(len(doc), dtype=np.int64), np.zeros(len(doc), dtype=bool)
        row = np.searchsorted(self._opens, doc * self._scale + start, side="right") - 1
        found = np.maximum(row, 0)
        return found, (row >= 0) & (doc * self._scale + end <= self._closes[found])


def _sentence_documents(corpus: Corpus) -> np.ndarray:
    """Per sentence, the position of its document in ``corpus.documents`` (-1 if none)."""
    return pd.Index(corpus.documents["doc_id"]).get_indexer(corpus.sentences["doc_id"])


def _nonblank_lines(text: str) -> Iterator[tuple[int, int]]:
    """Spans of the non-blank lines, without their surrounding whitespace, lazily."""
    for match in _LINE.finditer(text):
        line = match.group()
        start = match.start() + len(line) - len(line.lstrip())
        end = match.start() + len(line.rstrip())
        if end > start:
            yield start, end


def _find_headlines(text: str) -> list[tuple[int, int]]:
    """Return the spans of the headline line and its immediate repeats, if any."""
    lines = _nonblank_lines(text)
    first_span, following_span = next(lines, None), next(lines, None)
    if following_span is None:
        return []
    first = text[first_span[0]:first_span[1]]
    words = first.split()
    if (
        not _HEADLINE_WORDS[0] <= len(words) <= _HEADLINE_WORDS[1]
        or first[-1] in _FINAL_PUNCTUATION
        or _BULLET_LINE.match(first)
        or not (first[0].isupper() or first[0].isdigit())
        or text[following_span[0]].islower()
    ):
        return []
    spans = [first_span]
    span = following_span
    while span is not None and text[span[0]:span[1]] == first:
        spans.append(span)
        span = next(lines, None)
    return spans


def split_sentences(documents: pd.DataFrame) -> pd.DataFrame:
    """Split every document into sentences with Punkt trained on these documents.

    Hard boundaries fall at blank lines, headline lines and bullet markers; the
    markers themselves are outside every sentence.

    Returns:
        One row per sentence: ``doc_id, sent_id, start, end, text, is_headline``.

    Example:
        >>> split_sentences(read_corpus("seeds").documents)  # doctest: +SKIP
    """
    segments = {doc_id: [piece for start, end, is_headline in _segments(text)
                         for piece in _bounded(text, start, end, is_headline)]
                for doc_id, text in zip(documents["doc_id"], documents["text"], strict=True)}
    tokenizer = _train_punkt(_training_sample(documents, segments))
    rows = []
    for doc_id, text in zip(documents["doc_id"], documents["text"], strict=True):
        sent_id = 0
        for start, end, is_headline in segments[doc_id]:
            if is_headline:
                spans = [(start, end)]
            else:
                chunk = text[start:end].translate(_ASCII_QUOTES)
                spans = [(start + s, start + e) for s, e in tokenizer.span_tokenize(chunk)]
            for s, e in spans:
                s, e = _trim(text, s, e)
                if e > s:
                    rows.append((doc_id, sent_id, s, e, text[s:e], is_headline))
                    sent_id += 1
    sentences = pd.DataFrame(rows, columns=SENTENCE_COLUMNS)
    return sentences.astype({"doc_id": "string", "sent_id": "int64", "start": "int64",
                             "end": "int64", "text": "string", "is_headline": "bool"})


def _bounded(text: str, start: int, end: int, is_headline: bool
             ) -> list[tuple[int, int, bool]]:
    """Cut a very long segment near sentence ends, so that no regex runs on megabytes."""
    pieces = []
    while end - start > MAX_SEGMENT_CHARS:
        limit = start + MAX_SEGMENT_CHARS
        boundary = _LIKELY_SENTENCE_END.search(text, limit, limit + MAX_SEGMENT_CHARS // 10)
        cut = boundary.end() if boundary else (text.rfind(" ", start, limit) + 1 or limit)
        if cut <= start:
            cut = limit
        pieces.append((start, cut, is_headline))
        start = cut
    pieces.append((start, end, is_headline))
    return pieces


def _training_sample(documents: pd.DataFrame, segments: dict[str, list[tuple[int, int, bool]]]
                     ) -> str:
    """The body segments, in document order, up to PUNKT_TRAINING_CHARS."""
    parts: list[str] = []
    size = 0
    for doc_id, text in zip(documents["doc_id"], documents["text"], strict=True):
        for start, end, is_headline in segments[doc_id]:
            if is_headline:
                continue
            parts.append(text[start:end].translate(_ASCII_QUOTES))
            size += end - start
            if size >= PUNKT_TRAINING_CHARS:
                return "\n\n".join(parts)
    return "\n\n".join(parts)


def _train_punkt(text: str) -> PunktSentenceTokenizer:
    trainer = PunktTrainer()
    trainer.train(text, finalize=True)
    params = trainer.get_params()
    # On a small corpus Punkt takes any word seen once before a period ("own.") for an
    # abbreviation; keep only learned types shaped like one (initials, "u.s").
    params.abbrev_types = {abbrev for abbrev in params.abbrev_types
                           if "." in abbrev or (len(abbrev) == 1 and abbrev.isalpha())}
    params.abbrev_types.update(ABBREVIATIONS)
    return PunktSentenceTokenizer(params)


def _segments(text: str) -> list[tuple[int, int, bool]]:
    """Cut a text at blank lines, headline lines and bullet markers."""
    headlines = set(_find_headlines(text))
    segments: list[tuple[int, int, bool]] = []
    current: int | None = None
    for match in _LINE.finditer(text):
        start, end = match.span()
        if start == end:
            continue
        line = text[start:end]
        content_start = start + len(line) - len(line.lstrip())
        content_end = start + len(line.rstrip())
        if content_end <= content_start or (content_start, content_end) in headlines:
            if current is not None:
                segments.append((current, start, False))
                current = None
            if content_end > content_start:
                segments.append((content_start, content_end, True))
            continue
        bullet = _BULLET_LINE.match(line)
        if bullet:
            if current is not None:
                segments.append((current, start, False))
            current = start + bullet.end()
        elif current is None:
            current = content_start
    if current is not None:
        segments.append((current, len(text), False))
    return segments


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
