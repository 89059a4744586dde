""":mod:`kursklib.actors.spans`: whole words found in a text; spans that overlap taken ones."""

from __future__ import annotations

import bisect


def find_words(text: str, words: list[str], start: int = 0, end: int | None = None
               ) -> list[tuple[int, int, int]]:
    """Where ``re.finditer(r"(?<![\\w'’-])(?:w0|w1|...)(?![\\w-])", text, start, end)``
    matches the words (escaped), as ``(start, end, index of the word)``, without compiling a
    pattern per list: every occurrence by ``str.find``, then the leftmost, at one place the
    first word, and on from its end.

    Example:
        >>> find_words("Kim met Kim-Il and Kimberly, Kim.", ["Kim"])
        [(0, 3, 0), (29, 32, 0)]
    """
    end = len(text) if end is None else end
    occurrences = []
    for index, word in enumerate(words):
        at = text.find(word, start, end) if word else -1
        while at >= 0:
            stop = at + len(word)
            if (at == 0 or not _joins_word(text[at - 1], "_'’-")) and (
                    stop == end or not _joins_word(text[stop], "_-")):
                occurrences.append((at, index, stop))
            at = text.find(word, at + 1, end)
    occurrences.sort()
    found, reach = [], start
    for at, index, stop in occurrences:
        if at >= reach:
            found.append((at, stop, index))
            reach = stop
    return found


def _joins_word(char: str, others: str) -> bool:
    """Whether a character continues a word: ``\\w`` (alphanumeric or "_"), or one of ``others``."""
    return char.isalnum() or char in others


def overlaps(occupied: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``start:end`` overlaps any span of ``occupied`` (sorted, not overlapping)."""
    position = bisect.bisect_right(occupied, (start, 1 << 62)) - 1
    return (position >= 0 and occupied[position][1] > start) or (
        position + 1 < len(occupied) and occupied[position + 1][0] < end)
