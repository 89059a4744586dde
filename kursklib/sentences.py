""":mod:`kursklib.sentences`: sentence splitting and the one sentence index every tagger uses."""

from __future__ import annotations

import re
from collections.abc import Iterator

import numpy as np
import pandas as pd
from nltk.tokenize.punkt import PunktSentenceTokenizer, PunktTrainer

from .characters import ASCII_QUOTES, BULLETS
from .lang import load_language

SENTENCE_COLUMNS = ["doc_id", "sent_id", "start", "end", "text", "is_headline"]
_LINE = re.compile(r"[^\n]*\n?")
_BULLET_LINE = re.compile(rf"[ \t]*[{re.escape(BULLETS)}][ \t\u00a0]+(?=\S)")
_HEADLINE_WORDS = (2, 25)
_FINAL_PUNCTUATION = ".!?;:,…"
# Punkt learns enough from the first megabyte; more only costs time.
PUNKT_TRAINING_CHARS = 1_000_000
# Longer segments are cut near a sentence end before Punkt sees them (NLTK's regexes
# refuse to run for more than a few seconds on one string).
MAX_SEGMENT_CHARS = 200_000
_LIKELY_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"'“‘(]?[A-ZА-ЯЁ])")


def split_sentences(documents: pd.DataFrame, *, language: str = "en") -> pd.DataFrame:
    """Split every document into sentences with Punkt trained on these documents.

    Hard boundaries fall at blank lines, headline lines and bullet markers; the
    markers themselves are outside every sentence.

    Returns:
        One row per sentence: ``doc_id, sent_id, start, end, text, is_headline``.

    Example:
        >>> documents = pd.DataFrame({"doc_id": ["a"], "text": ["Troops left. Gen. Kim stayed."]})
        >>> split_sentences(documents)["text"].tolist()
        ['Troops left.', 'Gen. Kim stayed.']
    """
    segments = {doc_id: [piece for start, end, is_headline in _segments(text)
                         for piece in _bounded(text, start, end, is_headline)]
                for doc_id, text in zip(documents["doc_id"], documents["text"], strict=True)}
    tokenizer = _train_punkt(_training_sample(documents, segments), language)
    rows = []
    for doc_id, text in zip(documents["doc_id"], documents["text"], strict=True):
        sent_id = 0
        for start, end, is_headline in segments[doc_id]:
            if is_headline:
                spans = [(start, end)]
            else:
                chunk = text[start:end].translate(ASCII_QUOTES)
                spans = [(start + s, start + e) for s, e in tokenizer.span_tokenize(chunk)]
            for s, e in spans:
                s, e = _trim(text, s, e)
                if e > s:
                    rows.append((doc_id, sent_id, s, e, text[s:e], is_headline))
                    sent_id += 1
    sentences = pd.DataFrame(rows, columns=SENTENCE_COLUMNS)
    return sentences.astype({"doc_id": "string", "sent_id": "int64", "start": "int64",
                             "end": "int64", "text": "string", "is_headline": "bool"})


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


def _training_sample(documents: pd.DataFrame, segments: dict[str, list[tuple[int, int, bool]]]
                     ) -> str:
    """The body segments, in document order, up to PUNKT_TRAINING_CHARS."""
    parts: list[str] = []
    size = 0
    for doc_id, text in zip(documents["doc_id"], documents["text"], strict=True):
        for start, end, is_headline in segments[doc_id]:
            if is_headline:
                continue
            parts.append(text[start:end].translate(ASCII_QUOTES))
            size += end - start
            if size >= PUNKT_TRAINING_CHARS:
                return "\n\n".join(parts)
    return "\n\n".join(parts)


def _train_punkt(text: str, language: str) -> PunktSentenceTokenizer:
    trainer = PunktTrainer()
    trainer.train(text, finalize=True)
    params = trainer.get_params()
    # On a small corpus Punkt takes any word seen once before a period ("own.") for an
    # abbreviation; keep only learned types shaped like one (initials, "u.s").
    params.abbrev_types = {abbrev for abbrev in params.abbrev_types
                           if "." in abbrev or (len(abbrev) == 1 and abbrev.isalpha())}
    params.abbrev_types.update(load_language(language).words("sentences", "abbreviations"))
    return PunktSentenceTokenizer(params)


def _segments(text: str) -> list[tuple[int, int, bool]]:
    """Cut a text at blank lines, headline lines and bullet markers."""
    headlines = set(find_headlines(text))
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
