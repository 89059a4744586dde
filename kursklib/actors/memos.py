""":mod:`kursklib.actors.memos`: decisions on unlisted names made once per distinct spelling.

A corpus repeats its sentences (wire copies, boilerplate) and its names many times; what
reads only a sentence's own text, or only a name's own surface, is decided once per
tagging call and looked up afterwards.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .acronyms import ACRONYM_WORD
from .cues import NameCues, is_sentence_initial, plain
from .evidence import head_type
from .extents import Piece, split_run
from .headings import in_title_case, is_credit_line

_WORD = re.compile(r"\S+")


class SentenceRuns(NamedTuple):
    """What a sentence's own text says: whether it is a credit line, whether it is a heading
    whose capitals prove nothing, whether it holds a double quote (a quoted title may open),
    and its capitalised runs (offsets into the sentence), each with whether its words alone
    rule out a name ("The", "In" at the sentence's start)."""

    credit: bool
    heading: bool
    quoted: bool
    runs: tuple[tuple[int, int, bool], ...]


class Memos:
    """The memos of one tagging call: per distinct sentence (with the character before it,
    which ``\\b`` reads) and per distinct piece surface. They grow with the corpus's distinct
    sentences and names, and live as long as the call."""

    def __init__(self, cues: NameCues, common: frozenset[str]) -> None:
        self.cues, self.common = cues, common
        self._sentences: dict[tuple[str, str], SentenceRuns] = {}
        self._apart: dict[str, tuple[Piece, ...] | None] = {}
        self._runs: dict[tuple[str, bool], tuple[Piece, ...]] = {}
        self._heads: dict[str, str] = {}

    def sentence_runs(self, text: str, start: int, end: int) -> SentenceRuns:
        """The ``SentenceRuns`` of ``text[start:end]``."""
        key = (text[start - 1] if start else "", text[start:end])
        found = self._sentences.get(key)
        if found is None:
            found = self._sentences[key] = self._read_sentence(text, start, end)
        return found

    def _read_sentence(self, text: str, start: int, end: int) -> SentenceRuns:
        cues, sentence = self.cues, text[start:end]
        runs = []
        for run in cues.capitalised_run.finditer(text, start, end):
            word = run.group()
            lower = plain(word)
            no_name = " " not in word and "\t" not in word and (
                lower in cues.openers or lower in cues.not_name_start or (
                    lower in self.common and is_sentence_initial(text, start, run.start())))
            runs.append((run.start() - start, run.end() - start, no_name))
        credit = is_credit_line(sentence, cues)
        heading = not credit and (in_title_case(sentence, cues) or sentence.isupper())
        return SentenceRuns(credit, heading, '"' in sentence or "“" in sentence, tuple(runs))

    def head_type(self, surface: str) -> str:
        """``evidence.head_type`` of a name's words, decided once per surface."""
        head = self._heads.get(surface)
        if head is None:
            head = self._heads[surface] = head_type(surface.split(), self.cues)
        return head

    def run_pieces(self, text: str, start: int, end: int, sentence_start: int
                   ) -> list[Piece] | None:
        """The name pieces of a run that holds no listed name: ``split_run``'s pieces with
        their acronyms apart, decided once per spelling of the run and whether it opens its
        sentence; None for a run that ``split_run`` cuts by its context (see there)."""
        run = text[start:end]
        if not run[:1].isalnum() or ":" in run:
            return None
        key = (run, is_sentence_initial(text, sentence_start, start))
        pieces = self._runs.get(key)
        if pieces is None:
            pieces = self._runs[key] = tuple(
                Piece(part.start - start, part.end - start, part.described, part.possessor)
                for piece in split_run(text, start, end, sentence_start, self.common, self.cues)
                for part in self.acronyms_apart(text, piece))
        return [Piece(piece.start + start, piece.end + start, piece.described, piece.possessor)
                for piece in pieces]

    def acronyms_apart(self, text: str, piece: Piece) -> list[Piece]:
        """An acronym inside a run stands apart unless the run's head word is the name's
        ("KK Park", "Myawaddy TV"); decided once per surface."""
        surface = text[piece.start:piece.end]
        parts = self._apart.get(surface, ())
        if parts == ():
            parts = self._apart[surface] = self._parts_apart(surface)
        if parts is None:
            return [piece]
        return [Piece(part.start + piece.start, part.end + piece.start, part.described,
                      part.possessor) for part in parts]

    def _parts_apart(self, surface: str) -> tuple[Piece, ...] | None:
        """The parts of a surface (offsets into it), or None when it stays whole."""
        words = [(m.start(), m.end()) for m in _WORD.finditer(surface)]
        if len(words) < 2 or surface.isupper() or plain(surface.split()[-1]) in (
                self.cues.org_suffixes | self.cues.place_suffixes):
            return None  # one acronym, a name in capitals (AMIRA KHALIL), or KK Park
        end = len(surface)
        parts: list[Piece] = []
        current: list[tuple[int, int]] = []
        for first, last in words + [(end, end)]:
            if first == end or ACRONYM_WORD.fullmatch(surface[first:last]):
                if current:
                    parts.extend(split_run(surface, current[0][0], current[-1][1],
                                           current[0][0], frozenset(), self.cues))
                if first < end:
                    parts.append(Piece(first, last))
                current = []
            else:
                current.append((first, last))
        return tuple(parts)
