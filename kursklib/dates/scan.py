""":mod:`kursklib.dates.scan`: find where expressions can be, in a whole corpus at once."""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

import numpy as np

from ..matching import CharacterTable, FoldedMatcher
from .rules import DateLanguage

_WORD = re.compile(r"[^\W_]+")


class Scanner:
    """The fast candidate scan of one language.

    Every expression contains a head (a word of the language's head classes, or a digit)
    and begins at a starter (a word of any class or rule, or a digit) at most
    ``language.lead`` characters before it. One Aho-Corasick pass finds both kinds of
    word; the rule pattern is then tried only at starters before heads.
    """

    def __init__(self, language: DateLanguage) -> None:
        self.language = language
        words = sorted(language.heads | language.starters)
        self._matcher = FoldedMatcher(words, whole_words=True)
        self._is_head = np.array([word in language.heads for word in words], dtype=bool)

    def candidates(self, texts: list[str]) -> list[tuple[list[int], list[int]]]:
        """Per text, in order: where heads begin, and where starters near a head begin.

        Example:
            >>> scanner_for("en").candidates(["It fell last year."])
            [([13], [8, 13])]
        """
        hits = self._matcher.find(texts)
        points, offsets = hits.points, hits.offsets
        begins = offsets[hits.doc] + hits.start
        digit = _is_digit()(points)
        digits = np.flatnonzero(digit)
        before = points[digits - 1]
        # Digits that go on a number ("4.5", "1,000", "10:35") or follow a currency sign
        # begin no expression.
        numeric = _is_currency()(before) | (_is_number_glue()(before) & digit[digits - 2])
        digits = digits[~numeric & ~digit[digits - 1]]
        heads = np.union1d(begins[self._is_head[hits.phrase]], digits)
        starters = np.union1d(begins, digits[~_is_word()(points[digits - 1])])
        following = np.searchsorted(heads, starters)
        near = following < len(heads)
        near[near] = heads[following[near]] - starters[near] <= self.language.lead
        starters = starters[near]
        head_bounds, starter_bounds = np.searchsorted(heads, offsets), np.searchsorted(
            starters, offsets)
        return [((heads[head_bounds[doc]:head_bounds[doc + 1]] - offsets[doc]).tolist(),
                 (starters[starter_bounds[doc]:starter_bounds[doc + 1]] - offsets[doc]).tolist())
                for doc in range(len(texts))]


@lru_cache(maxsize=None)
def scanner_for(code: str) -> Scanner:
    """The compiled scanner of a language (built once).

    Example:
        >>> scanner_for("en").language.code
        'en'
    """
    from .rules import date_language
    return Scanner(date_language(code))


def find_expressions(text: str, heads: list[int], starters: list[int],
                     language: DateLanguage) -> Iterator[re.Match[str]]:
    """Yield the leftmost match before each head, in order, never overlapping.

    Example:
        >>> text = "It fell last year."
        >>> [m.group() for m in find_expressions(text, *scanner_for("en").candidates([text])[0],
        ...                                        scanner_for("en").language)]
        ['last year']
    """
    position = 0
    for head in heads:
        while head >= position:
            match = _first_match(text, max(position, head - language.lead), head, starters,
                                 language)
            if match is None:
                break
            yield match
            position = match.end()


def _first_match(text: str, low: int, head: int, starters: list[int], language: DateLanguage
                 ) -> re.Match[str] | None:
    """The leftmost non-empty match that passes its rule's checks, starting at a starter
    between ``low`` and ``head``; where the first rule to match fails, the later ones."""
    index = bisect.bisect_left(starters, low)
    head_word = _WORD.match(text, head).group().lower()
    for start in starters[index:bisect.bisect_right(starters, head, lo=index)]:
        for match_at in language.matchers_for(_WORD.match(text, start).group().lower(),
                                              head_word):
            match = match_at(text, start)
            if match is not None and match.end() > start and _accepted(text, match, language):
                return match
    return None


def _accepted(text: str, match: re.Match[str], language: DateLanguage) -> bool:
    """Whether the context allows the match: its rule's checks, licensing words, names."""
    rule = language.rules[match.lastgroup]
    start, end = match.span()
    before = text[max(0, start - 40):start]
    for kind, check in rule.checks:
        found = check.match(text, end) if kind.endswith("before") else check.search(before)
        if (found is None) == kind.startswith("only"):
            return False
    surface = match.group()
    licence = language.licensed.get(surface.lower())
    if licence is not None and surface[:1].isupper() and not licence.search(before):
        return False
    if rule.options.get("not_after_name") and surface[:1].isupper():
        name = language.cues.get("name_before")
        if name is not None and name.search(before):
            return False
    return True


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
def _is_word() -> CharacterTable:
    return CharacterTable(str.isalnum, bool)
