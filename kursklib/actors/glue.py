""":mod:`kursklib.actors.glue`: tell a bare short form from part of a longer name."""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

from ..matching import CharacterTable, Hits
from .cues import LOOK_BACK, UPPER, NameCues, is_sentence_initial, plain

_NEXT_NAME_WORD = re.compile(rf"[ \t]+([{UPPER}][\w'’.\-]*)")
_PREVIOUS_NAME_WORD = re.compile(rf"(?<![.!?:;])[ \t]([{UPPER}][\w'’\-]*)[ \t]+\Z")


@lru_cache(maxsize=1)
def is_upper() -> CharacterTable:
    """The table of ``str.isupper``."""
    return CharacterTable(str.isupper, bool)


@lru_cache(maxsize=1)
def _word_classes() -> tuple[CharacterTable, CharacterTable, CharacterTable]:
    """Tables of ``str.isalpha``, a name's first letter and a name word's letters."""
    name_initial, name_letter = re.compile(f"[{UPPER}]"), re.compile(r"[\w'’\-]")
    return (CharacterTable(str.isalpha, bool),
            CharacterTable(lambda char: bool(name_initial.match(char)), bool),
            CharacterTable(lambda char: bool(name_letter.match(char)), bool))


def may_be_glued(hits: Hits, rows: np.ndarray, window: int = LOOK_BACK) -> np.ndarray:
    """Which hits pass the cheap tests of ``inside_longer_name``, all at once.

    A hit can be glued to a name word only if the character after the next one is upper
    case or the one two before is a letter, and then only if a name word (capitalised)
    follows after spaces or precedes before spaces, as ``_NEXT_NAME_WORD`` and
    ``_PREVIOUS_NAME_WORD`` read them. A True still needs the exact check.
    """
    is_alpha, is_initial, is_letter = _word_classes()
    doc, start = hits.doc[rows], hits.start[rows]
    text_start, text_end = hits.offsets[doc], hits.offsets[doc + 1] - 1
    first, after = text_start + start, text_start + hits.end[rows]
    last_point = len(hits.points) - 1

    def at(positions: np.ndarray) -> np.ndarray:
        return hits.points[np.clip(positions, 0, last_point)]

    def blank(points: np.ndarray) -> np.ndarray:
        return (points == ord(" ")) | (points == ord("\t"))

    following, preceding = at(after + 1), at(first - 2)
    cheap = ((is_upper()(following) & (after + 1 < text_end))
             | (is_alpha(preceding) & (start >= 2)))
    name_follows = blank(at(after)) & (is_initial(following) | blank(following))
    # Walk back from the hit: blanks, then a word, then a blank, inside the window.
    steps = np.arange(window)
    inside = steps < np.minimum(start, window)[:, None]
    back = at(first[:, None] - 1 - steps)
    blanks, letters = blank(back) & inside, is_letter(back) & inside
    word_end = (~blanks).argmax(axis=1)[:, None]
    stops = (steps >= word_end) & ~letters
    word_start = stops.argmax(axis=1)  # the blank before the word, if it is one
    rows_here = np.arange(len(rows))
    before_blank = at(first - 2 - word_start)
    name_precedes = (blanks[:, 0] & stops.any(axis=1) & (word_start > word_end[:, 0])
                     & blanks[rows_here, word_start]
                     & is_initial(back[rows_here, np.maximum(word_start - 1, 0)])
                     & ~(np.isin(before_blank, [ord(char) for char in ".!?:;"])
                         & (first - 2 - word_start >= text_start)))
    return cheap & (name_follows | name_precedes)


def inside_longer_name(text: str, start: int, end: int, cues: NameCues) -> bool:
    """True when a bare short form is glued to another capitalised name word ("Lee Sun-jin")."""
    following = text[end + 1:end + 2]
    preceding = text[start - 2:start - 1] if start >= 2 else ""
    if not (following.isupper() or preceding.isalpha()):
        return False
    after = _NEXT_NAME_WORD.match(text, end)
    if after and plain(after.group(1)) not in cues.not_name_end:
        return True
    before = _PREVIOUS_NAME_WORD.search(text, max(0, start - LOOK_BACK), start)
    return bool(before) and plain(before.group(1)) not in cues.not_name_start and not (
        is_sentence_initial(text, _line_start(text, before.start(1)), before.start(1)))


def _line_start(text: str, position: int) -> int:
    return text.rfind("\n", 0, position) + 1
