""":mod:`kursklib.sentences`: sentence splitting and the one sentence index every tagger uses."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Annotated

import numpy as np
import pandas as pd
from nltk.tokenize.punkt import (
    PunktLanguageVars,
    PunktParameters,
    PunktSentenceTokenizer,
    PunktToken,
    PunktTrainer,
)

from .characters import BULLETS, QUOTES
from .checks import Columns, checked
from .lang import load_language
from .languages import resources_for
from .splitters import razdel_spans, splitter_of

SENTENCE_COLUMNS = ["doc_id", "sent_id", "start", "end", "text", "is_headline"]
# The sentences table, as the functions that quote a sentence read it.
Sentences = Annotated[pd.DataFrame, Columns("doc_id", "sent_id", "text", made_by="split_sentences")]
_LINE = re.compile(r"[^\n]*\n?")
# A non-empty line and, in group 1, its content without surrounding whitespace.
_LINE_CONTENT = re.compile(r"[^\S\n]*(\S(?:[^\n]*\S)?)?[^\S\n]*\n?")
_BULLET_LINE = re.compile(rf"[ \t]*[{re.escape(BULLETS)}][ \t\u00a0]+(?=\S)")
_HEADLINE_WORDS = (2, 25)
_FINAL_PUNCTUATION = ".!?;:,…"
# Punkt learns enough from the first megabyte; more only costs time.
PUNKT_TRAINING_CHARS = 1_000_000
# Longer segments are cut near a sentence end before Punkt sees them (NLTK's regexes
# refuse to run for more than a few seconds on one string).
MAX_SEGMENT_CHARS = 200_000
_LIKELY_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"'“‘(]?[A-ZА-ЯЁ])")


@checked
def split_sentences(documents: Annotated[pd.DataFrame, Columns("doc_id", "text",
                                                               made_by="read_corpus")], *,
                    language: str = "en",
                    punkt: PunktParameters | None = None) -> pd.DataFrame:
    """Split every document into sentences with its language's splitter (Punkt, razdel).

    Hard boundaries fall at blank lines, headline lines and bullet markers; the
    markers themselves are outside every sentence.

    Args:
        language: The language of every document when the table has no ``language``
            column (``Corpus.documents`` has one).
        punkt: Punkt parameters learned once for the whole corpus (``train_punkt``), so
            that a batch of documents splits as it would in the whole corpus; ``None``
            trains on these documents.

    Returns:
        One row per sentence: ``doc_id, sent_id, start, end, text, is_headline``.

    Example:
        >>> documents = pd.DataFrame({"doc_id": ["a"], "text": ["Troops left. Gen. Kim stayed."]})
        >>> split_sentences(documents)["text"].tolist()
        ['Troops left.', 'Gen. Kim stayed.']
    """
    texts = documents["text"].tolist()
    segments = [document_segments(text) for text in texts]
    languages = [resources_for(code) for code in (
        documents["language"].fillna(language).tolist() if "language" in documents.columns
        else [language] * len(texts))]
    splitters = [splitter_of(code) for code in languages]
    if punkt is None:
        punkt = train_punkt("\n\n".join(training_sample(
            [text for text, how in zip(texts, splitters) if how == "punkt"],
            [pieces for pieces, how in zip(segments, splitters) if how == "punkt"])), language)
    tokenizer = _Tokenizer(punkt)
    rows = []
    for doc_id, text, pieces, code, how in zip(documents["doc_id"].tolist(), texts, segments,
                                               languages, splitters, strict=True):
        sent_id = 0
        plain = ascii_quotes(text) if how == "punkt" else text
        for start, end, is_headline in pieces:
            if is_headline:
                spans = [(start, end)]
            elif how == "razdel":
                spans = razdel_spans(text, start, end, code)
            else:
                spans = [(start + s, start + e)
                         for s, e in tokenizer.span_tokenize(plain[start:end])]
            for s, e in spans:
                s, e = _trim(text, s, e)
                if e > s:
                    rows.append((doc_id, sent_id, s, e, text[s:e], is_headline))
                    sent_id += 1
    sentences = pd.DataFrame(rows, columns=SENTENCE_COLUMNS)
    return sentences.astype({"doc_id": "string", "sent_id": "int64", "start": "int64",
                             "end": "int64", "text": "string", "is_headline": "bool"})


class _LanguageVars(PunktLanguageVars):
    """NLTK's Punkt patterns compiled with ``re``: NLTK wraps each call in a timeout,
    which costs more than the match on these fixed, linear patterns."""

    __slots__ = ()
    re_boundary_realignment = re.compile(PunktLanguageVars.re_boundary_realignment.pattern,
                                         re.MULTILINE)

    def _word_tokenizer_re(self) -> re.Pattern[str]:
        return _WORD_TOKENIZER

    def period_context_re(self) -> re.Pattern[str]:
        return _PERIOD_CONTEXT


class _Tokenizer(PunktSentenceTokenizer):
    """Punkt with given parameters, deciding each distinct break context once."""

    def __init__(self, params: PunktParameters) -> None:
        super().__init__(lang_vars=_LANGUAGE_VARS, token_cls=_Token)
        self._params = params
        self._decided: dict[str, bool] = {}

    def text_contains_sentbreak(self, text: str) -> bool:
        decided = self._decided.get(text)
        if decided is None:
            decided = self._decided[text] = super().text_contains_sentbreak(text)
        return decided


class _Token(PunktToken):
    """A Punkt token whose checks use ``re`` (see ``_LanguageVars``)."""

    __slots__ = ()
    _RE_ELLIPSIS = re.compile(r"\.\.+$")
    _RE_NUMERIC = re.compile(r"^-?[\.,]?\d[\d,\.-]*\.?$")
    _RE_INITIAL = re.compile(r"[^\W\d]\.$")
    _RE_ALPHA = re.compile(r"[^\W\d]+$")

    @property
    def is_non_punct(self) -> re.Match[str] | None:
        return _NON_PUNCT.search(self.type)


_BASE_VARS = PunktLanguageVars()
_WORD_TOKENIZER = re.compile(_BASE_VARS._word_tokenize_fmt % {
    "NonWord": _BASE_VARS._re_non_word_chars, "MultiChar": _BASE_VARS._re_multi_char_punct,
    "WordStart": _BASE_VARS._re_word_start}, re.VERBOSE)
_PERIOD_CONTEXT = re.compile(_BASE_VARS._period_context_fmt % {
    "NonWord": _BASE_VARS._re_non_word_chars,
    "SentEndChars": _BASE_VARS._re_sent_end_chars}, re.VERBOSE)
_NON_PUNCT = re.compile(r"[^\W\d]")
_LANGUAGE_VARS = _LanguageVars()


class SentenceIndex:
    """Every sentence of a corpus as arrays sorted by document, then start.

    Documents are numbered by their position in the documents table. Row ``i`` holds
    one sentence: ``doc[i]``, ``start[i]``, ``end[i]``, ``sent_id[i]``, ``headline[i]``.
    """

    def __init__(self, documents: pd.DataFrame, sentences: pd.DataFrame) -> None:
        doc = pd.Index(documents["doc_id"]).get_indexer(sentences["doc_id"]).astype(np.int64)
        start = sentences["start"].to_numpy(dtype=np.int64)
        order = np.lexsort((start, doc))
        self.doc = doc[order]
        self.start = start[order]
        self.end = sentences["end"].to_numpy(dtype=np.int64)[order]
        self.sent_id = sentences["sent_id"].to_numpy(dtype=np.int64)[order]
        self.headline = sentences["is_headline"].to_numpy(dtype=bool)[order]
        self._bounds = np.searchsorted(self.doc, np.arange(len(documents) + 1))
        self._scale = 1 << 40  # longer than any text: (doc, offset) as one sortable key
        self._opens = self.doc * self._scale + self.start

    def rows(self, doc: int) -> range:
        """The rows of one document's sentences, in text order."""
        return range(int(self._bounds[doc]), int(self._bounds[doc + 1]))

    def locate(self, doc: np.ndarray, start: np.ndarray, end: np.ndarray
               ) -> tuple[np.ndarray, np.ndarray]:
        """Row of the last sentence starting at or before each start (0 if none), and
        whether the span lies inside that sentence."""
        if not self._opens.size:
            return np.zeros(len(doc), dtype=np.int64), np.zeros(len(doc), dtype=bool)
        row = np.searchsorted(self._opens, doc * self._scale + start, side="right") - 1
        found = np.maximum(row, 0)
        inside = (row >= 0) & (self.doc[found] == doc) & (end <= self.end[found])
        return found, inside


def find_headlines(text: str) -> list[tuple[int, int]]:
    """Return the spans of the headline line and its immediate repeats, if any.

    Example:
        >>> find_headlines("Troops Cross the Border\\nTroops crossed it on Monday.")
        [(0, 23)]
    """
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


def _nonblank_lines(text: str) -> Iterator[tuple[int, int]]:
    """Spans of the non-blank lines, without their surrounding whitespace, lazily."""
    for match in _LINE.finditer(text):
        line = match.group()
        start = match.start() + len(line) - len(line.lstrip())
        end = match.start() + len(line.rstrip())
        if end > start:
            yield start, end


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


def training_sample(texts: Iterable[str], segments: Iterable[list[tuple[int, int, bool]]],
                    limit: int = PUNKT_TRAINING_CHARS) -> list[str]:
    """The body segments of the texts, in order, until they hold ``limit`` characters."""
    parts: list[str] = []
    size = 0
    for text, pieces in zip(texts, segments):
        plain = ascii_quotes(text)
        for start, end, is_headline in pieces:
            if is_headline:
                continue
            parts.append(plain[start:end])
            size += end - start
            if size >= limit:
                return parts
    return parts


def train_punkt(sample: str, language: str = "en") -> PunktParameters:
    """Learn Punkt parameters from a sample of the corpus (``training_sample``).

    Example:
        >>> sorted(train_punkt("Gen. Kim left. Gen. Park stayed.").abbrev_types)[:3]
        ['a.m', 'adm', 'al']
    """
    trainer = PunktTrainer(lang_vars=_LANGUAGE_VARS, token_cls=_Token)
    trainer.train(sample, finalize=True)
    params = trainer.get_params()
    # On a small corpus Punkt takes any word seen once before a period ("own.") for an
    # abbreviation; keep only learned types shaped like one (initials, "u.s").
    params.abbrev_types = {abbrev for abbrev in params.abbrev_types
                           if "." in abbrev or (len(abbrev) == 1 and abbrev.isalpha())}
    params.abbrev_types.update(load_language(language).words("sentences", "abbreviations"))
    return params


def ascii_quotes(text: str) -> str:
    """The text with typographic quotes as ASCII, one character for one.

    Example:
        >>> print(ascii_quotes("“Kim’s”"))
        "Kim's"
    """
    if text.isascii():
        return text
    for quote, ascii in QUOTES.items():
        if quote in text:
            text = text.replace(quote, ascii)
    return text


def document_segments(text: str) -> list[tuple[int, int, bool]]:
    """A text's segments for Punkt (``_segments``), each at most MAX_SEGMENT_CHARS long."""
    return [piece for start, end, is_headline in _segments(text)
            for piece in _bounded(text, start, end, is_headline)]


def _segments(text: str) -> list[tuple[int, int, bool]]:
    """Cut a text at blank lines, headline lines and bullet markers."""
    headlines = set(find_headlines(text))
    segments: list[tuple[int, int, bool]] = []
    current: int | None = None
    for match in _LINE_CONTENT.finditer(text):
        start = match.start()
        if start == match.end():
            continue
        content_start, content_end = match.span(1)
        if content_end <= content_start or (content_start, content_end) in headlines:
            if current is not None:
                segments.append((current, start, False))
                current = None
            if content_end > content_start:
                segments.append((content_start, content_end, True))
            continue
        bullet = text[content_start] in BULLETS and _BULLET_LINE.match(text, start)
        if bullet:
            if current is not None:
                segments.append((current, start, False))
            current = bullet.end()
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
