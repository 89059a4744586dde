""":mod:`kursklib.actors.extents`: cut a capitalised run into the names it holds."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from .cues import NAME_WORD, NameCues, is_sentence_initial, plain
from .evidence import head_type
from .world import place_key, place_names

_TOKEN = re.compile(rf"\d+(?:st|nd|rd|th)|{NAME_WORD}|&|\S+")
_POSSESSIVE_END = re.compile(r"(?:['’]s|(?<=s)['’])$")
_TAIL = re.compile(r"[-‐‑–](\w+)$")
_EDGE = "'’.-,"
# A word that ends a sentence inside a run ("Omdurman. The"): a lower-case letter, then a dot.
_SENTENCE_END = re.compile(r"[a-z]{2}\.$")


class Piece(NamedTuple):
    """A stretch of a run that may be one name, with what its edges say about it.

    ``described``: a descriptive compound tail followed ("Nairobi" of "Nairobi-based"),
    holding that tail word; ``possessor``: a possessive followed ("Sudan" of "Sudan's").
    """

    start: int
    end: int
    described: str = ""
    possessor: bool = False


def split_run(text: str, start: int, end: int, sentence_start: int,
              vocabulary: frozenset[str], cues: NameCues) -> list[Piece]:
    """Cut one capitalised run at possessives, descriptive compounds and coordinations.

    "Sudan's Sovereignty Council" is two names, "Nairobi-based Horn Policy Institute" too,
    and "Burhan and Hemedti"; "Union Solidarity and Development Party" is one (its head word
    comes only after the "and"), and so is "International Organization for Migration" ("for"
    after a head word). Leading titles, labels and sentence-initial common words are trimmed.

    A run is cut once per distinct spelling (and whether it opens its sentence): the cut
    reads nothing outside the run but that, so a corpus's many repeats of a name cost one.

    Example:
        >>> from kursklib.actors.cues import name_cues
        >>> text = "Burhan and Hemedti met Sudan's Sovereignty Council."
        >>> [text[p.start:p.end] for p in split_run(text, 0, 18, 0, frozenset(), name_cues("en"))]
        ['Burhan', 'Hemedti']
    """
    run = text[start:end]
    # Only the first word of a run can open its sentence when the run starts with a word
    # character and holds no colon (a label, "Quote: "): then the run's own text and one
    # flag decide the cut (see ``_cut``), and the cut is memoised on them.
    if not run[:1].isalnum() or ":" in run:
        return _cut(text, start, end, lambda word: is_sentence_initial(text, sentence_start, word),
                    vocabulary, cues)
    initial = is_sentence_initial(text, sentence_start, start)
    memo = _memo(vocabulary, cues)
    pieces = memo.get((run, initial))
    if pieces is None:
        if len(memo) >= _MEMO_SIZE:
            memo.clear()
        pieces = memo[(run, initial)] = tuple(_cut(
            run, 0, len(run), lambda word: initial and word == 0, vocabulary, cues))
    return [Piece(piece.start + start, piece.end + start, piece.described, piece.possessor)
            for piece in pieces]


# Distinct runs remembered per vocabulary and cues; past this the memo starts afresh.
_MEMO_SIZE = 1 << 18
_MEMOS: dict[tuple[int, int], tuple[frozenset[str], NameCues, dict]] = {}


_NO_WORDS: frozenset[str] = frozenset()


def _memo(vocabulary: frozenset[str], cues: NameCues) -> dict:
    """The memo of cut runs for one vocabulary and one language's cues (held, so that
    their ids are not reused while the memo lives). Every empty vocabulary shares one memo
    (``frozenset()`` is a new object each time), and a new memo evicts only the oldest."""
    vocabulary = vocabulary or _NO_WORDS
    key = (id(vocabulary), id(cues))
    found = _MEMOS.get(key)
    if found is None or found[0] is not vocabulary or found[1] is not cues:
        if len(_MEMOS) >= 4:
            del _MEMOS[next(iter(_MEMOS))]
        found = _MEMOS[key] = (vocabulary, cues, {})
    return found[2]


def _cut(text: str, start: int, end: int, initial: Callable[[int], bool],
         vocabulary: frozenset[str], cues: NameCues) -> list[Piece]:
    """``split_run``, with ``initial(word_start)`` telling whether a word opens its sentence."""
    whole = text[start:end].rstrip(_EDGE)
    if not whole.strip():
        return []
    if place_key(whole) in place_names() and " " in whole.strip():  # "The Hague", "Cox's Bazar"
        lead = len(whole) - len(whole.lstrip())
        return [Piece(start + lead, start + len(whole))]
    if plain(whole.split()[-1]) in cues.not_actor_heads:  # "Jeddah Declaration"
        return []
    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]
    pieces: list[Piece] = []
    current: list[tuple[int, int]] = []

    def close(**edges: object) -> None:
        words = _trimmed(text, current, initial, vocabulary, cues, first=not pieces)
        if words:
            pieces.append(Piece(words[0][0], words[-1][1], **edges))
        current.clear()

    for index, (first, last) in enumerate(tokens):
        word = text[first:last]
        lower = plain(word)
        if lower in ("and", "or") and not _joins_one_name(text, current, tokens[index + 1:], cues):
            close()
            continue
        if lower in cues.inner_connectors and not (
                current and plain(text[slice(*current[-1])]) in cues.org_suffixes):
            close()
            continue
        tail = _TAIL.search(word)
        if tail and tail.group(1).lower() in cues.compound_tails:
            current.append((first, first + tail.start()))
            close(described=tail.group(1).lower())
            continue
        if _SENTENCE_END.search(word) and plain(word) not in cues.abbreviations:
            current.append((first, last))
            close()
            continue
        possessive = _POSSESSIVE_END.search(word.rstrip(".,"))
        # a common noun's possessive stays inside a name (People's Defence Force)
        if possessive and len(word) > 2 and (plain(word) not in vocabulary
                                             or index == len(tokens) - 1):
            current.append((first, first + possessive.start()))
            close(possessor=True)
            continue
        current.append((first, last))
    close()
    return pieces


def _joins_one_name(text: str, before: list[tuple[int, int]], after: list[tuple[int, int]],
                    cues: NameCues) -> bool:
    """Whether an "and" lies inside one organisation's name: the words before it end in no
    head word, and the name words after it do ("Union Solidarity and Development Party")."""
    if not before or plain(text[slice(*before[-1])]) in cues.org_suffixes | cues.place_suffixes:
        return False
    if after and plain(text[slice(*after[0])]) in cues.particles:
        return False  # "Burhan and the Rapid Support Forces": a new name after an article
    following = []
    for first, last in after:
        word = plain(text[first:last])
        if word in ("and", "or") or word in cues.inner_connectors:
            break
        following.append(word)
    return bool(following) and following[-1] in cues.org_suffixes


def _trimmed(text: str, words: list[tuple[int, int]], initial_at: Callable[[int], bool],
             vocabulary: frozenset[str], cues: NameCues, *, first: bool
             ) -> list[tuple[int, int]]:
    """The name words of a piece: without leading titles, labels, particles and common words,
    and without trailing particles, function words and punctuation."""
    words = [(start, start + len(text[start:end].rstrip(_EDGE))) for start, end in words
             if text[start:end].strip(_EDGE)]
    institution = bool(words) and plain(text[slice(*words[-1])]) in (
        cues.org_suffixes | cues.place_suffixes)
    not_start = cues.not_name_start - cues.titles if institution else cues.not_name_start
    initial = first and bool(words) and initial_at(words[0][0])
    # "The Famine Review Committee": after an article, a common word opens an institution
    headed = bool(head_type([text[slice(*word)] for word in words], cues))
    while words and (plain(text[slice(*words[0])]) in not_start | cues.locatives | cues.groups
                     or (initial and plain(text[slice(*words[0])]) in vocabulary | cues.openers)
                     or text[words[0][0]].islower() and "-" not in text[slice(*words[0])]):
        initial = initial and plain(text[slice(*words[0])]) in cues.openers and not (
            headed and plain(text[slice(*words[0])]) in cues.articles)
        words = words[1:]
    while words and (plain(text[slice(*words[-1])]) in cues.not_name_end
                     or not text[words[-1][0]].isalnum()):
        words = words[:-1]
    # A title inside the run introduces the name after it ("Military Analyst Joost Oliemans").
    inner = [index for index, word in enumerate(words[:-1])
             if plain(text[slice(*word)]) in cues.one_person_titles]
    if inner and not institution:
        words = words[inner[-1] + 1:]
    return words
