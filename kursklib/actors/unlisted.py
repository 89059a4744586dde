""":mod:`kursklib.actors.unlisted`: find names the gazetteer lacks and guess their type."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import NamedTuple

import numpy as np

from ..corpus import Corpus
from ..matching import fold_phrase
from .compile import Listed
from .cues import LOOK_BACK, POSSESSIVE, UPPER, NameCues, is_sentence_initial, plain

_WORD = re.compile(rf"[{UPPER}][\w'’.\-]*|\S+")
_ALPHABETIC_WORD = re.compile(r"[^\W\d_][\w'’\-]*")
# Share of capitalised words above which a quoted phrase is a title, not speech.
_TITLE_CASE_SHARE = 0.6


class UnlistedMatch(NamedTuple):
    """A name the gazetteer lacks: its span, its ``unlisted:`` id, form and guessed type."""

    start: int
    end: int
    actor_id: str
    form: str  # "name", or "short" for a later bare surname
    actor_type: str


def match_unlisted_names(corpus: Corpus, texts: list[str], listed: Listed, cues: NameCues
                         ) -> list[tuple[int, UnlistedMatch]]:
    """Unlisted names of every document, as ``(document index, match)`` pairs."""
    vocabulary = corpus.lowercase_words
    bounds = np.searchsorted(listed.doc, np.arange(len(texts) + 1))
    index = corpus.sentence_index
    names = []
    for doc, text in enumerate(texts):
        taken = list(zip(listed.start[bounds[doc]:bounds[doc + 1]].tolist(),
                         listed.end[bounds[doc]:bounds[doc + 1]].tolist()))
        rows = index.rows(doc)
        sentences = zip(*(column[rows.start:rows.stop].tolist()
                          for column in (index.start, index.end, index.headline)))
        names.extend((doc, name)
                     for name in _match_unlisted(text, sentences, taken, vocabulary, cues))
    return names


def _match_unlisted(text: str, sentences: Iterable[tuple[int, int, bool]],
                    taken: list[tuple[int, int]], vocabulary: frozenset[str], cues: NameCues
                    ) -> list[UnlistedMatch]:
    """Capitalised names and title-introduced names the gazetteer lacks.

    ``sentences`` gives each sentence's start, end and whether it is a headline;
    ``taken`` holds the spans of the gazetteer's matches, in order.
    """
    names: list[UnlistedMatch] = []
    for sentence_start, sentence_end, is_headline in sentences:
        if is_headline:
            continue
        found = [name for run in cues.capitalised_run.finditer(text, sentence_start, sentence_end)
                 for start, end in _free_pieces(run.start(), run.end(), taken)
                 if (name := _guess_name(text, start, end, sentence_start, vocabulary, cues))]
        if found and not _in_title_case(text[sentence_start:sentence_end], cues):
            names.extend(found)
    occupied = sorted(taken + [(name.start, name.end) for name in names])
    return names + _unlisted_short_forms(text, names, occupied)


def _in_title_case(sentence: str, cues: NameCues) -> bool:
    """A heading or caption in title case ("Read More: How The War Changed Kursk")."""
    words = _ALPHABETIC_WORD.findall(sentence)
    return len(words) >= 4 and any(word in cues.title_case_markers for word in words[1:]) and (
        sum(word[0].isupper() for word in words) >= _TITLE_CASE_SHARE * len(words))


def _free_pieces(start: int, end: int, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Split a span around the listed mentions inside it."""
    pieces = []
    cursor = start
    index = max(bisect.bisect_right(taken, (start, start)) - 1, 0)
    while index < len(taken) and taken[index][0] < end:
        taken_start, taken_end = taken[index]
        if taken_end > cursor:
            if taken_start > cursor:
                pieces.append((cursor, taken_start))
            cursor = max(cursor, taken_end)
        index += 1
    if cursor < end:
        pieces.append((cursor, end))
    return pieces


def _guess_name(text: str, start: int, end: int, sentence_start: int,
                vocabulary: frozenset[str], cues: NameCues) -> UnlistedMatch | None:
    """Trim a capitalised piece to a plausible name and guess its type, or return None."""
    piece = text[start:end]
    if len(piece.split()) < 2:  # one word is a name only after a title ("Minister Ivanov")
        first = start + len(piece) - len(piece.lstrip())
        if not _titled(text, first, cues):
            return None
    words = [(m.start(), m.end()) for m in _WORD.finditer(text, start, end)
             if text[m.start():m.end()].strip("'’.-,")]
    initial = bool(words) and is_sentence_initial(text, sentence_start, words[0][0])
    # "Foreign Intelligence Bureau" keeps its adjective; "Foreign Minister X" does not.
    institution = bool(words) and plain(text[slice(*words[-1])]) in (
        cues.org_suffixes | cues.place_suffixes)
    not_start = cues.not_name_start - cues.titles if institution else cues.not_name_start
    while words and (plain(text[slice(*words[0])]) in not_start
                     or (initial and plain(text[slice(*words[0])]) in vocabulary)):
        words = words[1:]
        initial = False
    while words and plain(text[slice(*words[-1])]) in cues.not_name_end:
        words = words[:-1]
    if any(text[s:e].isupper() and e - s > 1 for s, e in words):
        return None  # runs with acronyms are headings or agencies; too noisy to guess
    # A title inside the run introduces the name after it ("Military Analyst Joost Oliemans").
    inner_titles = [index for index, word in enumerate(words[:-1])
                    if plain(text[slice(*word)]) in cues.one_person_titles]
    if inner_titles and not institution:
        words = words[inner_titles[-1] + 1:]
    if not words or not text[words[0][0]].isupper():
        return None
    start, end = words[0][0], words[-1][1]
    possessive = POSSESSIVE.search(text, start, end)
    if possessive and possessive.end() == end:
        end = possessive.start()
    end = start + len(text[start:end].rstrip("'’.-,"))
    titled = _titled(text, start, cues)
    first, last = plain(text[slice(*words[0])]), plain(text[slice(*words[-1])])
    if len(words) < 2 and (not titled or last in cues.org_suffixes | cues.place_suffixes):
        return None
    if _inside_quoted_title(text, start, sentence_start):
        return None
    if last in cues.org_suffixes or (first in cues.org_suffixes and len(words) > 2):
        actor_type = "org"
    elif last in cues.place_suffixes:
        actor_type = "place"
    elif titled or len(words) <= 3:
        actor_type = "person"
    else:
        return None
    return UnlistedMatch(start, end, slug(text[start:end]), "name", actor_type)


def _titled(text: str, start: int, cues: NameCues) -> bool:
    """Whether a title word ("Minister", "Gen.") and whitespace come right before ``start``,
    within ``LOOK_BACK`` characters."""
    lead = text[max(0, start - LOOK_BACK):start]
    if not lead or not lead[-1].isspace():
        return False
    chunks = lead.split()
    if not chunks:
        return False
    word = chunks[-1][:-1] if chunks[-1].endswith(".") else chunks[-1]
    first = len(word)
    while first and word[first - 1].isalpha():
        first -= 1
    before = word[first - 1] if first else ""
    return not (before.isalnum() or before == "_") and word[first:].lower() in cues.titles


def _inside_quoted_title(text: str, start: int, sentence_start: int) -> bool:
    """True inside a quoted title in title case ("To Die for the Freedom of ...")."""
    before = text[sentence_start:start]
    opening = max(before.rfind("“"), before.rfind('"') if before.count('"') % 2 else -1)
    if opening < 0 or "”" in before[opening:]:
        return False
    closing = min((p for p in (text.find("”", start), text.find('"', start)) if p >= 0),
                  default=start)
    words = [w for w in text[sentence_start + opening + 1:closing].split() if w[:1].isalpha()]
    return bool(words) and sum(w[0].isupper() for w in words) >= _TITLE_CASE_SHARE * len(words)


def _unlisted_short_forms(text: str, names: list[UnlistedMatch], occupied: list[tuple[int, int]]
                          ) -> list[UnlistedMatch]:
    """Bare surnames of unlisted people, after the full name has appeared."""
    surnames: dict[str, UnlistedMatch] = {}
    for name in names:
        words = text[name.start:name.end].split()
        if name.actor_type == "person" and len(words) >= 2:
            surnames.setdefault(words[-1], name)
    found = []
    for surname, name in surnames.items():
        for start in _standalone(text, surname, name.end):
            end = start + len(surname)
            position = bisect.bisect_right(occupied, (start, len(text))) - 1
            if position >= 0 and occupied[position][1] > start:
                continue
            found.append(name._replace(start=start, end=end, form="short"))
    return found


def _standalone(text: str, word: str, position: int) -> Iterator[int]:
    """Where ``word`` stands alone from ``position`` on, neither in a word nor hyphened."""
    while (start := text.find(word, position)) >= 0:
        end = start + len(word)
        if _joins(text[start - 1:start]) or _joins(text[end:end + 1]):
            position = start + 1
            continue
        yield start
        position = end


def _joins(char: str) -> bool:
    return bool(char) and (char.isalnum() or char in "_-")


@lru_cache(maxsize=65536)
def slug(name: str) -> str:
    """The id of an unlisted name ("Joost Oliemans" → "unlisted:joost-oliemans")."""
    return "unlisted:" + re.sub(r"\W+", "-", fold_phrase(re.sub(r"['’]", "", name))).strip("-")
