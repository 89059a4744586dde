""":mod:`kursklib.dates.scan`: find where expressions can be, in a whole corpus at once."""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

import numpy as np

from ..matching import CharacterTable, FoldedMatcher, fold_phrase
from .rules import DateLanguage, fold_case
from .templates import DIGIT

_WORD = re.compile(r"[^\W_]+")
# The word after the one at a position (the rest of that word, then what separates them).
_NEXT_WORD = re.compile(r"[^\W_]*[\W_]+([^\W_]+)")
# Rules enough to try at once; with more, the word after the first narrows them down.
_FEW = 2
# Between the numbers of one date or time ("12/4/24", "2024-12-04", "10:35", "04.12.2024").
_DATE_SEPARATORS = np.array([ord(char) for char in "-/.:"])


class Scanner:
    """The fast candidate scan of one language.

    Every expression contains a head (the last word of a phrase of the language's head
    classes, or a number) and begins at a starter (a word some rule can begin with, or a
    number) at most ``language.lead`` characters before it. One Aho-Corasick pass over the
    corpus finds the heads; a second, over the stretches before heads, the starters.
    """

    def __init__(self, language: DateLanguage) -> None:
        self.language = language
        heads, starters = sorted(language.heads), sorted(language.starters)
        self._heads = FoldedMatcher(heads, whole_words=True)
        self._starters = FoldedMatcher(starters, whole_words=True)
        self._reach = max(map(len, starters), default=0) + 1
        # Every word as a number; the last stands for any number (DIGIT).
        self._words = [*dict.fromkeys([*heads, *starters]), DIGIT]
        ids = {word: number for number, word in enumerate(self._words)}
        self._head_ids = np.array([ids[word] for word in heads], dtype=np.int64)
        self._starter_ids = np.array([ids[word] for word in starters], dtype=np.int64)

    def candidates(self, texts: list[str]) -> list[Candidates]:
        """Per text, in order: where heads begin, and where starters near a head begin,
        each with its folded word (``DIGIT`` for a number).

        Example:
            >>> candidates = scanner_for("en").candidates(["It fell last year."])[0]
            >>> candidates.heads, candidates.starters, candidates.starter_words
            ([13], [8, 13], ['last', 'year'])
        """
        hits = self._heads.find(texts)
        points, offsets, number = hits.points, hits.offsets, len(self._words) - 1
        word_heads = offsets[hits.doc] + hits.start
        first, last = _number_starts(points)
        number_heads = _number_heads(points, offsets, (first, last), word_heads,
                                     self.language.lead)
        heads, head_ids = _ordered(word_heads, self._head_ids[hits.phrase], number_heads, number)
        words_at, starter_ids = self._starters_before(hits.joined, heads)
        first = first[~_is_word()(points[first - 1])]
        starters, starter_ids = _ordered(words_at, starter_ids, first, number)
        following = np.searchsorted(heads, starters)
        near = following < len(heads)
        near[near] = heads[following[near]] - starters[near] <= self.language.lead
        starters, starter_ids = starters[near], starter_ids[near]
        head_bounds = np.searchsorted(heads, offsets).tolist()
        starter_bounds = np.searchsorted(starters, offsets).tolist()
        words = np.array(self._words, dtype=object)
        # Offsets within each text, and words, as lists sliced per text below.
        heads = (heads - offsets[np.searchsorted(offsets, heads, side="right") - 1]).tolist()
        starters = (starters - offsets[np.searchsorted(offsets, starters, side="right") - 1]
                    ).tolist()
        head_words, starter_words = words[head_ids].tolist(), words[starter_ids].tolist()
        found = []
        for doc in range(len(texts)):
            first_head, last_head = head_bounds[doc], head_bounds[doc + 1]
            first_starter, last_starter = starter_bounds[doc], starter_bounds[doc + 1]
            found.append(Candidates(
                heads[first_head:last_head], head_words[first_head:last_head],
                starters[first_starter:last_starter], starter_words[first_starter:last_starter],
                fold_case(texts[doc]) if last_head > first_head else ""))
        return found

    def _starters_before(self, joined: str, heads: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Where starter words begin within ``lead`` characters before a head (offsets
        into ``joined``) and their word ids, read in the merged stretches around heads."""
        if not heads.size:
            return heads, heads
        # One character more before each stretch: a word must begin after a boundary.
        low = np.maximum(heads - self.language.lead - 1, 0)
        high = np.minimum(heads + self._reach, len(joined))
        opens = np.flatnonzero(np.r_[True, low[1:] > high[:-1]])
        closes = np.r_[opens[1:] - 1, len(heads) - 1]
        starts, ends = low[opens].tolist(), high[closes].tolist()
        hits = self._starters.find([joined[start:end] for start, end in zip(starts, ends)])
        keep = hits.start > 0
        return (np.asarray(starts, dtype=np.int64)[hits.doc[keep]] + hits.start[keep],
                self._starter_ids[hits.phrase[keep]])


class Candidates(NamedTuple):
    """Where one text's heads and starters begin, with their folded words, and the text
    in lower case (``fold_case``: what the rules read)."""

    heads: list[int]
    head_words: list[str]
    starters: list[int]
    starter_words: list[str]
    folded: str


def _ordered(positions: np.ndarray, ids: np.ndarray, numbers: np.ndarray, number: int
             ) -> tuple[np.ndarray, np.ndarray]:
    """Word positions and number positions in one sorted array without repeats, each
    with its word id (``number`` for the numbers)."""
    positions = np.concatenate([positions, numbers])
    ids = np.concatenate([ids, np.full(len(numbers), number, dtype=np.int64)])
    order = np.argsort(positions, kind="stable")
    positions, ids = positions[order], ids[order]
    first = np.r_[True, positions[1:] != positions[:-1]] if positions.size else positions > 0
    return positions[first], ids[first]


def _number_starts(points: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Where the runs of digits begin and end (last digit), without those that go on a
    number ("4.5", "1,000", "10:35") or follow a currency sign: they begin no expression."""
    digit = _digits(points)
    where = np.flatnonzero(digit)
    breaks = np.flatnonzero(np.diff(where) > 1)
    first = where[np.r_[0, breaks + 1]] if where.size else where
    last = where[np.r_[breaks, where.size - 1]] if where.size else where
    before = points[first - 1]
    numeric = _is_currency()(before) | (_is_number_glue()(before) & digit[first - 2])
    return first[~numeric], last[~numeric]


def _digits(points: np.ndarray) -> np.ndarray:
    """Which code points are digits (``str.isdigit``), the ASCII ones at numpy speed."""
    digit = (points >= ord("0")) & (points <= ord("9"))
    wide = np.flatnonzero(points > 0x7F)
    if wide.size:
        digit[wide] = _is_digit()(points[wide])
    return digit


def _number_heads(points: np.ndarray, offsets: np.ndarray,
                  numbers: tuple[np.ndarray, np.ndarray], word_heads: np.ndarray, lead: int
                  ) -> np.ndarray:
    """The numbers that can be part of an expression: four digits (a year), or glued to a
    date separator and a digit ("12/4", "10:35"), or to letters ("21st", "1990s"), or
    followed by a word head within ``lead`` characters ("180 days")."""
    first, last = numbers
    after = points[last + 1]
    dated = np.isin(after, _DATE_SEPARATORS) & _digits(
        points[np.minimum(last + 2, len(points) - 1)])
    following = np.searchsorted(word_heads, last, side="right")
    near = following < len(word_heads)
    head = word_heads[following[near]]
    same_text = np.searchsorted(offsets, head, side="right") == np.searchsorted(
        offsets, last[near], side="right")
    near[near] = (head - last[near] <= lead) & same_text
    keep = (last - first == 3) | dated | _is_letter()(after) | near
    return first[keep]


@lru_cache(maxsize=None)
def scanner_for(code: str) -> Scanner:
    """The compiled scanner of a language (built once).

    Example:
        >>> scanner_for("en").language.code
        'en'
    """
    from .rules import date_language
    return Scanner(date_language(code))


def find_expressions(text: str, candidates: Candidates, language: DateLanguage
                     ) -> Iterator[re.Match[str]]:
    """Yield the leftmost match before each head, in order, never overlapping.

    Example:
        >>> text = "It fell last year."
        >>> [m.group() for m in find_expressions(text, scanner_for("en").candidates([text])[0],
        ...                                        scanner_for("en").language)]
        ['last year']
    """
    position = 0
    starters, words = candidates.starters, candidates.starter_words
    folded = candidates.folded
    for head, head_word in zip(candidates.heads, candidates.head_words, strict=True):
        while head >= position:
            match = _first_match(text, folded, max(position, head - language.lead), head,
                                 head_word, starters, words, language)
            if match is None:
                break
            yield match
            position = match.end()


def _first_match(text: str, folded: str, low: int, head: int, head_word: str,
                 starters: list[int], words: list[str], language: DateLanguage
                 ) -> re.Match[str] | None:
    """The leftmost non-empty match (in the lower-cased text) that passes its rule's
    checks, starting at a starter between ``low`` and ``head``, by the first rule (in
    table order) that can begin with the starter's word and contain the head's."""
    first = bisect.bisect_left(starters, low)
    for index in range(first, bisect.bisect_right(starters, head, lo=first)):
        start, word = starters[index], words[index]
        bucket = language.matchers_for(word, head_word)
        if len(bucket.names) > _FEW and head > start and word != DIGIT:
            # An expression that reaches the head also holds the word after its first.
            after = _NEXT_WORD.match(folded, start)
            if after is None:
                continue
            bucket = language.matchers_for(word, head_word, language.token(after.group(1)))
        # The first rule whose non-empty match the text allows.
        for match_at in bucket.matchers:
            match = match_at(folded, start)
            if match is not None and match.end() > start and _accepted(text, match, language):
                return match
    return None


def _accepted(text: str, match: re.Match[str], language: DateLanguage) -> bool:
    """Whether the text allows the match: capitals where its rule needs them, its rule's
    checks, licensing words, names."""
    rule = language.rules[match.lastgroup]
    start, end = match.span()
    for group in rule.cased:
        begin = match.start(group)
        if begin >= 0 and not text[begin].isupper():
            return False
    low = max(0, start - 40)
    for after, required, check in rule.checks:
        found = check.match(text, end) if after else check.search(text[low:start])
        if (found is None) == required:
            return False
    if not text[start].isupper():
        return True
    # A capitalised word after the first that names nothing is a title ("This Week").
    title = language.cues.get("title_word")
    if title is not None and any(fold_phrase(found.group()) not in language.capital_words
                                 for found in title.finditer(text, start + 1, end)):
        return False
    licence = language.licensed.get(match.group())
    if licence is not None and not licence.search(text[low:start]):
        return False
    name = language.cues.get("name_before") if rule.options.get("not_after_name") else None
    return name is None or not name.search(text[low:start])


@lru_cache(maxsize=1)
def _is_digit() -> CharacterTable:
    return CharacterTable(str.isdigit, bool)


@lru_cache(maxsize=1)
def _is_currency() -> CharacterTable:
    return CharacterTable(lambda char: unicodedata.category(char) == "Sc", bool)


@lru_cache(maxsize=1)
def _is_number_glue() -> CharacterTable:
    return CharacterTable(lambda char: char in ".,:/", bool)


@lru_cache(maxsize=1)
def _is_letter() -> CharacterTable:
    return CharacterTable(str.isalpha, bool)


@lru_cache(maxsize=1)
def _is_word() -> CharacterTable:
    return CharacterTable(str.isalnum, bool)
