""":mod:`kursklib.matching`: find many phrases in one Aho-Corasick pass over folded text.

Each character becomes one code, so offsets survive folding: case is folded, curly
quotes and apostrophes are straightened, dashes and whitespace read as a space, and
characters no phrase uses collapse to "other letter" or "boundary". Runs of spaces are
collapsed (and mapped back), so "Kim  Jong\\n  Un" matches "kim jong un". A hit is kept
only between two non-word codes, so that it always stands alone as a word (or, for word
beginnings, after one).
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import NamedTuple

import ahocorasick_rs
import numpy as np

from .characters import DASHES, QUOTES

_BOUNDARY, _OTHER_LETTER, _SPACE = 1, 2, 0x20
_TEXT_GAP = "\x00"  # joins the texts; reads as a boundary, so no hit spans two texts
_FIRST_FREE_CODE = 0x80  # codes for the non-ASCII characters that phrases use
_BMP = 0x10000
_CHUNK = 1 << 19
# Every whitespace character lies below U+3001 (the ideographic space is the last).
_SPACES = "".join(chr(point) for point in range(0x3001) if chr(point).isspace())


@lru_cache(maxsize=1 << 16)
def fold_phrase(phrase: str) -> str:
    """Fold a phrase as the matcher folds text: lower case, straight quotes, single spaces.

    Example:
        >>> fold_phrase("People’s  Army of Kim Jong-un")
        "people's army of kim jong un"
    """
    plain = phrase.translate(_FOLD_TABLE)
    lower = plain.lower()
    if len(lower) != len(plain) or "Σ" in plain:  # a letter whose lower case is longer
        lower = "".join(_fold_char(char) for char in plain)
    return " ".join(lower.split())


def _fold_char(char: str) -> str:
    char = QUOTES.get(char, char)
    if char in DASHES or char.isspace():
        return " "
    return char.lower()[:1] or char


_FOLD_TABLE = str.maketrans({**QUOTES, **dict.fromkeys([*DASHES, *_SPACES], " ")})


class CharacterTable:
    """A function of one character, tabulated over the BMP and applied to code points."""

    def __init__(self, function: Callable[[str], int | bool], dtype: np.dtype | type,
                 table: np.ndarray | None = None) -> None:
        """``table``: the function's values over the BMP, when already known."""
        self._function = function
        self._table = table if table is not None else np.array(
            [function(chr(point)) for point in range(_BMP)], dtype=dtype)

    def __call__(self, points: np.ndarray) -> np.ndarray:
        if points.dtype == np.uint16 and points.ndim == 1:
            # In chunks: numpy widens the indexes, and one wide copy of a whole corpus
            # would cost more in fresh memory than the lookup itself.
            values = np.empty(len(points), dtype=self._table.dtype)
            for first in range(0, len(points), _CHUNK):
                np.take(self._table, points[first:first + _CHUNK],
                        out=values[first:first + _CHUNK])
            return values
        flat = points.ravel()
        values = self._table[flat & 0xFFFF]
        for index in np.flatnonzero(flat >= _BMP).tolist():
            values[index] = self._function(chr(int(flat[index])))
        return values.reshape(points.shape)


class Hits(NamedTuple):
    """Phrase hits, sorted by text, then start, then longest first.

    ``doc``: index of the text; ``start``/``end``: offsets into it; ``phrase``: index of
    the phrase. ``joined`` holds all texts, text ``i`` starting at ``offsets[i]``, and
    ``points`` its code points, so that the context of every hit can be read at once.
    """

    doc: np.ndarray
    start: np.ndarray
    end: np.ndarray
    phrase: np.ndarray
    joined: str
    points: np.ndarray
    offsets: np.ndarray


class FoldedMatcher:
    """A compiled matcher for a fixed list of phrases (folded with ``fold_phrase``).

    With ``whole_words=False`` a phrase need only begin a word ("day" in "days").
    """

    def __init__(self, phrases: Sequence[str], *, whole_words: bool = True) -> None:
        if any(not phrase or fold_phrase(phrase) != phrase for phrase in phrases):
            raise ValueError("phrases must be non-empty and folded with fold_phrase")
        alphabet = sorted({char for phrase in phrases for char in phrase} - {" "})
        wide = [char for char in alphabet if not char.isascii()]
        dtype = np.dtype(np.uint8 if len(wide) < 0x100 - _FIRST_FREE_CODE else "<u2")
        self._codes = {char: ord(char) for char in alphabet if char.isascii()}
        self._codes.update({char: _FIRST_FREE_CODE + index for index, char in enumerate(wide)})
        self._codes[" "] = _SPACE
        self._spaced = any(" " in phrase for phrase in phrases)
        self._width = dtype.itemsize
        self._encode = CharacterTable(self._code, dtype, self._code_table(dtype))
        # A phrase of one character (a frequent letter) would flood the automaton with
        # hits inside words; its code is looked up directly instead.
        repeats = Counter(phrases)
        single = sorted((self._codes[phrase], index) for index, phrase in enumerate(phrases)
                        if len(phrase) == 1 and repeats[phrase] == 1)
        self._single_codes = np.array([code for code, _ in single], dtype=dtype)
        self._single_phrases = np.array([index for _, index in single], dtype=np.int64)
        self._is_single = np.zeros(1 << (8 * dtype.itemsize), dtype=bool)
        self._is_single[self._single_codes] = True
        looked_up = set(self._single_phrases.tolist())
        self._automaton_phrases = np.array([index for index in range(len(phrases))
                                            if index not in looked_up], dtype=np.int64)
        # A phrase stands between frames: a boundary, a space or punctuation. One pattern
        # per phrase; its hits are kept where the codes around them are frames.
        self._frame = np.zeros(1 << (8 * dtype.itemsize), dtype=bool)
        self._frame[[_BOUNDARY, _SPACE, *(self._codes[char] for char in alphabet
                                          if not char.isalnum())]] = True
        self._whole_words = whole_words
        self._automaton = ahocorasick_rs.BytesAhoCorasick(
            [np.array([self._codes[char] for char in phrases[index]], dtype=dtype).tobytes()
             for index in self._automaton_phrases.tolist()]
        ) if self._automaton_phrases.size else None

    def _code_table(self, dtype: np.dtype) -> np.ndarray:
        """``_code`` over the BMP, from the folding of every character (computed once)."""
        by_folded, alnum = _bmp_folding()
        table = np.where(alnum, _OTHER_LETTER, _BOUNDARY).astype(dtype)
        for char, code in self._codes.items():
            table[by_folded.get(char, [])] = code
        return table

    def _code(self, char: str) -> int:
        folded = _fold_char(char)
        if folded in self._codes:
            return self._codes[folded]
        return _OTHER_LETTER if folded.isalnum() else _BOUNDARY

    def find(self, texts: Sequence[str]) -> Hits:
        """Every hit of every phrase in ``texts``, overlapping hits included."""
        joined = _TEXT_GAP.join(["", *texts, ""])
        points = _code_points(joined)
        codes = self._encode(points)
        if self._spaced:
            space = codes == _SPACE
            dropped = np.flatnonzero(space[1:] & space[:-1]) + 1
        else:  # no phrase has a space, so runs of spaces need no collapsing
            dropped = np.zeros(0, dtype=np.int64)
        haystack = np.delete(codes, dropped) if dropped.size else codes
        # Where each dropped character would sit in the haystack, to map offsets back.
        gaps = dropped - np.arange(dropped.size)
        raw = self._automaton_hits(haystack)
        first = raw[:, 1]  # the phrase's first character
        after = raw[:, 2]
        framed = (first > 0) & self._frame[haystack[np.maximum(first - 1, 0)]]
        if self._whole_words:
            framed &= self._frame[haystack[np.minimum(after, len(haystack) - 1)]] & (
                after < len(haystack))
        raw, first, last = raw[framed], first[framed], after[framed] - 1
        start = first + np.searchsorted(gaps, first, side="right")
        end = last + np.searchsorted(gaps, last, side="right") + 1
        offsets = np.cumsum([1] + [len(text) + 1 for text in texts])
        order = np.lexsort((start - end, start))
        start, end = start[order], end[order]
        doc = np.searchsorted(offsets, start, side="right") - 1
        return Hits(doc=doc, start=start - offsets[doc], end=end - offsets[doc],
                    phrase=raw[order, 0], joined=joined, points=points,
                    offsets=offsets)

    def _automaton_hits(self, haystack: np.ndarray) -> np.ndarray:
        """Every hit as rows (phrase, first character, character after), unsorted."""
        if self._automaton is None:
            raw = np.zeros((0, 3), dtype=np.int64)
        else:
            found = self._automaton.find_matches_as_indexes(
                memoryview(haystack.view(np.uint8)), overlapping=True)
            raw = np.fromiter(itertools.chain.from_iterable(found), dtype=np.int64,
                              count=3 * len(found)).reshape(-1, 3)
            if self._width > 1:
                raw = raw[raw[:, 1] % self._width == 0]
            raw[:, 1:] //= self._width
            raw[:, 0] = self._automaton_phrases[raw[:, 0]]
        if not self._single_codes.size:
            return raw
        at = np.flatnonzero(self._is_single[haystack])
        which = np.searchsorted(self._single_codes, haystack[at])
        return np.concatenate([raw, np.stack([self._single_phrases[which], at, at + 1], axis=1)])


@lru_cache(maxsize=1)
def _bmp_folding() -> tuple[dict[str, np.ndarray], np.ndarray]:
    """Each character that BMP characters fold to (``_fold_char``) -> their code points;
    and which code points fold to a letter or digit."""
    folded = [_fold_char(chr(point)) for point in range(_BMP)]
    by_folded: dict[str, list[int]] = {}
    for point, char in enumerate(folded):
        by_folded.setdefault(char, []).append(point)
    alnum = np.fromiter(map(str.isalnum, folded), dtype=bool, count=_BMP)
    return {char: np.array(points) for char, points in by_folded.items()}, alnum


def _code_points(text: str) -> np.ndarray:
    """One code point per character: UTF-16 when no character needs a surrogate pair."""
    units = np.frombuffer(text.encode("utf-16-le", "surrogatepass"), dtype=np.uint16)
    if len(units) == len(text):
        return units
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
