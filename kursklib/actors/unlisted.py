""":mod:`kursklib.actors.unlisted`: find names the gazetteer lacks and type them by evidence."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np

from ..corpus import Corpus
from ..matching import fold_phrase
from .acronyms import ACRONYM_WORD, find_definitions
from .compile import FORM_CODES, Listed
from .cues import NameCues, plain, reversed_lead
from .derived import (
    UnlistedMatch,
    demonym_place,
    given_names,
    names_no_state,
    national_forces_end,
    starts_ethnic,
    surnames,
    takes_in_compass,
)
from .evidence import CUE, DEFAULT, SURE, Guess, guess_type, head_type
from .extents import Piece, split_run
from .headings import inside_quoted_title
from .memos import Memos
from .spans import find_words, overlaps
from .world import place_key, place_names

if TYPE_CHECKING:
    from ..survey import CorpusModel

_ROMAN = re.compile(r"^[IVXLC]+\.?$")
_LIST_REACH = 200  # characters around a sentence's names where listed names may join a list
# Names looked up in the gazetteer by their folded text: (actor index, actor type), or None.
Lookup = Callable[[str], "tuple[int, str] | None"]


def match_unlisted_names(corpus: Corpus, texts: list[str], listed: Listed, listed_types: list[str],
                         cues: NameCues, evidence: CorpusModel, lookup: Lookup
                         ) -> tuple[list[tuple[int, UnlistedMatch]], np.ndarray]:
    """Unlisted names of every document, as ``(document index, match)`` pairs, and which
    listed mentions a longer unlisted name takes in ("Darfur" in "North Darfur").

    ``listed_types`` holds the actor type of each listed mention ("" for none)."""
    bounds = np.searchsorted(listed.doc, np.arange(len(texts) + 1))
    index = corpus.sentence_index
    names, superseded = [], np.zeros(len(listed.doc), dtype=bool)
    memos = Memos(cues, evidence.lowercase_words)
    # Listed states that the words around them may make something else (``_reread_listed``)
    rereads = (np.array(listed_types, dtype=object) == "state") & np.isin(
        listed.form, [FORM_CODES.index(form) for form in ("name", "demonym", "abbrev")])
    # A copy (the same text, sentences and listed mentions) is read once.
    copies: dict[tuple, tuple[list[UnlistedMatch], list[int]]] = {}
    for doc, text in enumerate(texts):
        first, last = int(bounds[doc]), int(bounds[doc + 1])
        taken = list(zip(listed.start[first:last].tolist(), listed.end[first:last].tolist()))
        rows = index.rows(doc)
        sentences = list(zip(*(column[rows.start:rows.stop].tolist()
                               for column in (index.start, index.end, index.headline))))
        types, reread = listed_types[first:last], np.flatnonzero(rereads[first:last]).tolist()
        key = (text, tuple(taken), tuple(types), tuple(reread), tuple(sentences))
        found = copies.get(key)
        if found is None:
            document = _Document(text, taken, types, reread, evidence, cues, lookup, memos)
            found = copies[key] = (document.match(sentences), sorted(document.superseded))
        names.extend((doc, name) for name in found[0])
        superseded[[first + position for position in found[1]]] = True
    return names, superseded


class _Document:
    """The unlisted names of one document, found sentence by sentence, then reconciled."""

    def __init__(self, text: str, taken: list[tuple[int, int]], listed_types: list[str],
                 rereads: list[int], evidence: CorpusModel, cues: NameCues, lookup: Lookup,
                 memos: Memos) -> None:
        self.text, self.taken, self.evidence, self.cues = text, taken, evidence, cues
        self.listed_types, self.rereads, self.memos = listed_types, rereads, memos
        self.lookup = lookup
        self.ethnic = bool(cues.ethnic_anywhere.search(text))  # else no run can be ethnic
        self.superseded: set[int] = set()
        self.places_in: set[int] = set()  # pieces that take in a listed place ("Western Tigray")
        self.definitions = {**evidence.definitions, **find_definitions(text, cues)}

    def match(self, sentences: list[tuple[int, int, bool]]) -> list[UnlistedMatch]:
        candidates: list[tuple[int, int, Guess]] = []
        bare: list[tuple[int, int]] = []
        derived = self._reread_listed()
        for start, end, is_headline in sentences:
            if is_headline:
                continue
            read = self.memos.sentence_runs(self.text, start, end)
            if read.heading:
                continue
            runs = [(start + first, start + last) for first, last, no_name in read.runs
                    if not no_name and not self._listed_exactly(start + first, start + last)]
            if not runs:
                continue
            credit = read.credit
            found: list[tuple[int, int, Guess | None]] = []
            for run_start, run_end in runs:
                if self.ethnic and starts_ethnic(self.text, run_start, self.cues):
                    self.superseded.update(self._listed_inside(run_start, run_end))
                    continue
                for piece in self._pieces(run_start, run_end, start):
                    surface = self.text[piece.start:piece.end]
                    if read.quoted and inside_quoted_title(
                            self.text, piece.start, start) or self.ethnic and starts_ethnic(
                            self.text, piece.start, self.cues):
                        continue
                    place = " " not in surface and demonym_place(self.text, surface, self.cues)
                    if place:
                        listed = self.lookup(place)
                        derived.append(UnlistedMatch(piece.start, piece.end, slug(place),
                                                     "demonym", "place") if listed is None
                                       or listed[1] != "place" else UnlistedMatch(
                            piece.start, piece.end, "", "demonym", "place", listed[0]))
                        continue
                    if surface in self.definitions or plain(surface) in self.cues.openers or (
                            len(surface) < 2):
                        bare.append((piece.start, piece.end))
                        continue
                    guess = Guess("place", SURE) if piece.start in self.places_in else (
                        guess_type(self.text, piece.start, piece.end, self.cues,
                                   described=piece.described,
                                   common=self.evidence.lowercase_words,
                                   head=self.memos.head_type(surface)))
                    if credit and " " in surface and (guess is None or guess != (
                            "org", SURE)) and not self.cues.place_before.match(
                            reversed_lead(self.text, piece.start)):
                        guess = Guess("person", CUE)  # the names after "by" are the authors'
                    found.append((piece.start, piece.end, guess))
            for piece_start, piece_end, guess in self._coordinated(found):
                if guess is None:
                    bare.append((piece_start, piece_end))
                else:
                    candidates.append((piece_start, piece_end, guess))
        names = self._reconciled(candidates) + derived
        occupied = sorted(self.taken + [(name.start, name.end) for name in names])
        names += self._linked(bare, names, occupied)
        occupied = sorted(self.taken + [(name.start, name.end) for name in names])
        names += self._in_headlines(sentences, names, occupied)
        return sorted(names)

    def _reread_listed(self) -> list[UnlistedMatch]:
        """Listed states that name something else with the words around them: "Sudanese
        army" (the armed forces, one organisation), "ethnic Chinese" or "French initials"
        (no mention)."""
        found = []
        for position in self.rereads:
            start, end = self.taken[position]
            forces = national_forces_end(self.text, end, self.cues)
            if forces >= 0:
                state = self.text[start:end]
                listed = next(filter(None, (self.lookup(f"{state} {phrase}") for phrase in (
                    self.text[end:forces].strip(), *self.cues.national_force_phrases))), None)
                found.append(UnlistedMatch(start, forces, slug(self.text[start:forces]), "name",
                                           "org") if listed is None else UnlistedMatch(
                    start, forces, "", "name", listed[1], listed[0]))
            if forces >= 0 or names_no_state(self.text, start, end, self.cues,
                                             ethnic=self.ethnic):
                self.superseded.add(position)
        return found

    def _coordinated(self, found: list[tuple[int, int, Guess | None]]
                     ) -> list[tuple[int, int, Guess | None]]:
        """Names in one list share a type: a name with no cue takes the surest type of a
        name it is coordinated with ("the towns of Chinshwehaw, Hsenwi and Kunlong")."""
        if all(guess is not None and guess.strength > DEFAULT for _, _, guess in found):
            return found  # only a name with no cue or a default takes a type from its list
        nearby = self._listed_inside(found[0][0] - _LIST_REACH, found[-1][1] + _LIST_REACH)
        listed = [(*self.taken[i], Guess(self.listed_types[i], CUE), -1) for i in nearby
                  if self.listed_types[i]]
        spans = sorted([(s, e, g, i) for i, (s, e, g) in enumerate(found)] + listed)
        result = list(found)
        group: list[int] = []
        junctions: list[str] = []
        for index in range(len(spans) + 1):
            junction = self.text[spans[index - 1][1]:spans[index][0]] if 0 < index < len(
                spans) else ""
            if junction and self.cues.coordination.fullmatch(junction):
                group.append(index)
                junctions.append(junction.strip())
                continue
            # a list is "A and B" or "A, B and C": commas first, a coordinator last
            listed_well = bool(junctions) and junctions[-1] != "," and all(
                j == "," for j in junctions[:-1])
            sure = [spans[i][2] for i in group if spans[i][2] and spans[i][2].strength >= CUE]
            junctions = []
            if len(group) > 1 and sure and listed_well:
                best = max(sure, key=lambda guess: guess.strength)._replace(strength=CUE)
                from_found = [spans[i][2] for i in group if spans[i][3] >= 0 and spans[i][2]
                              and spans[i][2].strength >= CUE]
                for i in group:
                    start, end, guess, position = spans[i]
                    if position < 0 or (guess is not None and guess.strength > DEFAULT):
                        continue
                    if guess is None:  # a single word takes any member's type
                        result[position] = (start, end, best)
                    elif from_found:  # a default person only another unlisted name's type
                        result[position] = (start, end, max(
                            from_found, key=lambda g: g.strength)._replace(strength=CUE))
            group = [index]
        return result

    def _pieces(self, start: int, end: int, sentence_start: int) -> list[Piece]:
        """The name pieces of a run, cut around listed names it does not take in."""
        if not self._listed_inside(start, end):
            pieces = self.memos.run_pieces(self.text, start, end, sentence_start)
            if pieces is not None:
                return pieces
        pieces = []
        for piece in split_run(self.text, start, end, sentence_start, self.evidence.lowercase_words,
                               self.cues):
            inside = self._listed_inside(piece.start, piece.end)
            if inside and not self._takes_in(piece, inside):
                pieces.extend(self._free(piece, inside, sentence_start))
                continue
            self.superseded.update(inside)
            pieces.extend(self.memos.acronyms_apart(self.text, piece))
        return pieces

    def _listed_exactly(self, start: int, end: int) -> bool:
        """Whether one listed mention covers a run, but for a possessive or a final dot."""
        position = bisect.bisect_right(self.taken, (start, 1 << 62)) - 1
        return position >= 0 and self.taken[position][0] == start and (
            self.taken[position][1] >= end or not self.text[self.taken[position][1]:end].strip(
                "'’s.,"))

    def _listed_inside(self, start: int, end: int) -> list[int]:
        """Indexes of the listed mentions that overlap a span."""
        first = max(bisect.bisect_right(self.taken, (start, start)) - 1, 0)
        last = bisect.bisect_left(self.taken, (end, end), lo=first)
        return [i for i in range(first, last) if start < self.taken[i][1]]

    def _takes_in(self, piece: Piece, inside: list[int]) -> bool:
        """Whether a piece is one longer name around listed ones: a known place ("North
        Darfur", "Port Sudan") or a name whose head word is its own ("Saudi Hospital")."""
        spans = [self.taken[i] for i in inside]
        if spans == [(piece.start, piece.end)] or any(
                s < piece.start or e > piece.end for s, e in spans):
            return False
        surface = self.text[piece.start:piece.end]
        before = [plain(word) for word in self.text[piece.start:spans[-1][0]].split()]
        # "National Election Board of Ethiopia": an organisation's head, "of", one listed name
        of_listed = len(spans) == 1 and len(before) >= 2 and before[-1] in (
            self.cues.particles | self.cues.inner_connectors) and before[-2] in (
            self.cues.org_suffixes)
        own_head = (spans[-1][1] < piece.end or of_listed) and bool(
            head_type(surface.split(), self.cues))
        if len(spans) == 1 and self.listed_types[inside[0]] == "place" and takes_in_compass(
                self.text, piece.start, spans[0][0], self.cues):
            self.places_in.add(piece.start)
            return True
        return own_head or place_key(surface) in place_names()

    def _free(self, piece: Piece, inside: list[int], sentence_start: int) -> list[Piece]:
        """The stretches of a piece outside the listed names in it, trimmed again."""
        free, cursor = [], piece.start
        for i in inside:
            start, end = self.taken[i]
            if start > cursor:
                free.append((cursor, start))
            cursor = max(cursor, end)
        if cursor < piece.end:
            free.append((cursor, piece.end))
        return [part for start, end in free
                for part in split_run(self.text, start, end, sentence_start,
                                      self.evidence.lowercase_words, self.cues)
                if part.end > part.start]

    def _reconciled(self, candidates: list[tuple[int, int, Guess]]) -> list[UnlistedMatch]:
        """One type per name in the document: the surest guess any of its mentions has.

        A single word needs a cue or better (a title, a locative, world knowledge); a name
        of several words defaults to person.
        """
        best: dict[str, Guess] = {}
        for start, end, guess in candidates:
            key = fold_phrase(self.text[start:end])
            if key not in best or guess.strength > best[key].strength:
                best[key] = guess
        names = []
        for start, end, _ in candidates:
            surface = self.text[start:end]
            guess = best[fold_phrase(surface)]
            single = len(surface.split()) == 1
            if single and guess.strength == DEFAULT and not _ROMAN.match(surface) and (
                    ACRONYM_WORD.fullmatch(surface)):
                guess = guess._replace(strength=CUE)  # an acronym no text defines: an org
            if single and guess.strength == DEFAULT and surface not in self.definitions:
                continue
            names.append(UnlistedMatch(start, end, slug(surface), "name", guess.actor_type))
        return names

    def _linked(self, bare: list[tuple[int, int]], names: list[UnlistedMatch],
                occupied: list[tuple[int, int]]) -> list[UnlistedMatch]:
        """Acronyms and aliases the text defines, names the document types elsewhere, and bare
        surnames of people named in full."""
        by_surface = {self.text[n.start:n.end]: n for n in names if n.form == "name"}
        given = given_names(self.text, names, self.cues)
        found = []
        for start, end in bare:
            surface = self.text[start:end]
            full = self.definitions.get(surface)
            if full is None:
                if surface in by_surface:  # named with evidence elsewhere in the document
                    found.append(by_surface[surface]._replace(start=start, end=end))
                elif surface in given and given[surface].start < start:
                    found.append(given[surface]._replace(start=start, end=end, form="short"))
                continue
            form = "abbrev" if ACRONYM_WORD.fullmatch(surface) else "name"
            known = by_surface.get(full)
            listed = self.lookup(full)
            if listed is not None:
                found.append(UnlistedMatch(start, end, "", form, listed[1], listed[0]))
            elif known is not None:
                found.append(known._replace(start=start, end=end, form=form))
            else:
                guess = guess_type(full, 0, len(full), self.cues) or Guess("org", DEFAULT)
                found.append(UnlistedMatch(start, end, slug(full), form, guess.actor_type))
        found += surnames(self.text, names + found, occupied, self.cues)
        return found

    def _in_headlines(self, sentences: list[tuple[int, int, bool]],
                      names: list[UnlistedMatch], occupied: list[tuple[int, int]]
                      ) -> list[UnlistedMatch]:
        """Names of the body found again in a headline, where capitals prove nothing."""
        known = {self.text[n.start:n.end]: n for n in names}
        headlines = [(start, end) for start, end, is_headline in sentences if is_headline]
        if not known or not headlines:
            return []
        spellings = sorted(known, key=len, reverse=True)  # the longest first, as a regex would
        found = []
        for start, end in headlines:
            for first, last, word in find_words(self.text, spellings, start, end):
                if not overlaps(occupied, first, last):
                    found.append(known[spellings[word]]._replace(start=first, end=last))
        return found


def slug(name: str) -> str:
    """The id of an unlisted name ("Joost Oliemans" → "unlisted:joost-oliemans")."""
    return "unlisted:" + re.sub(r"\W+", "-", fold_phrase(re.sub(r"['’]", "", name))).strip("-")
