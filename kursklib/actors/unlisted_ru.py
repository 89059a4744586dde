""":mod:`kursklib.actors.unlisted_ru`: Russian names the gazetteer lacks, one id per lemma.

Russian inflects names, so the English finder's string matching cannot group "Маратом
Хуснуллиным" with "Марат Хуснуллин". Here pymorphy3 reads each capitalised word: a name is
a run of capitalised words (the first word of a sentence only if pymorphy3 knows it as a
name, surname, patronymic, place or organisation), or a capitalised adjective with the
place or organisation noun it agrees with ("Льговского района", "Следственного комитета
России"). Its id is the run in the nominative (``unlisted:льговский-район``), so every case
form of one name shares it; a later bare surname takes the full name's id (form ``short``).
Its type comes from the words' grammemes, the head noun (``place_suffixes``,
``org_suffixes``) or a title before it ("министр", ``person_titles``); a name with no
evidence at all is left out, as in English.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from .compile import Listed
from .cues import NameCues, is_sentence_initial
from .derived import UnlistedMatch

if TYPE_CHECKING:
    from ..corpus import Corpus

_WORD = re.compile(r"[А-ЯЁа-яё]+(?:-[А-ЯЁа-яё]+)*")
_PERSON = frozenset({"Name", "Surn", "Patr"})
_NAMED = frozenset({"Geox", "Orgn"})
_PROPER = _PERSON | _NAMED | {"Trad"}
_MODIFIERS = frozenset({"ADJF", "PRTF"})
_TAIL = 2  # lower-case words a capitalised adjective may take up to its noun
# A man's surname the dictionary lacks and a case ending that leaves no doubt ("Ланьковым",
# "Тарханову"); "-ова" can be a woman's nominative too, so it stays as written.
_SURNAME = re.compile(r"(?P<stem>\w+(?:ов|ев|ёв|ин|ын))(?:ым|у|е)?")


@lru_cache(maxsize=1)
def _morph():
    """pymorphy3's analyser with its Russian dictionary, loaded once."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=1 << 16)
def _readings(word: str) -> tuple:
    """pymorphy3's readings of a word, likeliest first."""
    return tuple(_morph().parse(word))


@lru_cache(maxsize=1 << 16)
def _is_known(word: str) -> bool:
    """Whether pymorphy3's dictionary has the word (rather than guessing from its ending)."""
    return _morph().word_is_known(word)


@lru_cache(maxsize=1 << 16)
def _parse(word: str):
    """pymorphy3's reading of a word: of a capitalised one, the likeliest as a name if any
    ("Тарханов" the surname, not the plural of "тархан"), else the likeliest."""
    readings = _readings(word)
    if word[:1].isupper():
        names = [reading for reading in readings if _PROPER & reading.tag.grammemes]
        return next((reading for reading in names if "sing" in reading.tag.grammemes),
                    names[0] if names else readings[0])
    return readings[0]


def match_russian_names(corpus: Corpus, texts: list[str], listed: Listed, cues: NameCues,
                        known: Callable[[str], bool]
                        ) -> tuple[list[tuple[int, UnlistedMatch]], np.ndarray]:
    """Unlisted names of every document, as ``(document index, match)`` pairs, outside the
    listed mentions (and ignore phrases) but for the state an organisation's name ends in
    ("Следственного комитета России"): which listed mentions they take in, as a mask.
    ``known`` tells a phrase the gazetteer lists (a short form it left unresolved, such as
    "Генерального штаба" where three general staffs share it): never an unlisted name."""
    bounds = np.searchsorted(listed.doc, np.arange(len(texts) + 1))
    index = corpus.sentence_index
    excluded = cues.titles | cues.openers | cues.not_actor_heads | cues.label_words \
        | cues.months_and_days | cues.groups
    names: list[tuple[int, UnlistedMatch]] = []
    superseded = np.zeros(len(listed.doc), dtype=bool)
    for doc, text in enumerate(texts):
        taken = np.zeros(len(text) + 1, dtype=np.int32)
        for start, end in zip(listed.start[bounds[doc]:bounds[doc + 1]].tolist(),
                              listed.end[bounds[doc]:bounds[doc + 1]].tolist()):
            taken[start] += 1
            taken[end] -= 1
        covered = np.cumsum(taken) > 0
        rows = index.rows(doc)
        found = []
        for start, end in zip(index.start[rows.start:rows.stop].tolist(),
                              index.end[rows.start:rows.stop].tolist()):
            found.extend(name for name in _sentence_names(text, start, end, covered, cues,
                                                          excluded)
                         if not known(text[name.start:name.end]))
        names.extend((doc, name) for name in _grouped(found))
        first, last = int(bounds[doc]), int(bounds[doc + 1])
        for name in found:
            if covered[name.start:name.end].any():  # rare: "комитета России"
                superseded[first:last] |= (listed.start[first:last] >= name.start) \
                    & (listed.end[first:last] <= name.end)
    return names, superseded


def _sentence_names(text: str, sentence_start: int, sentence_end: int, covered: np.ndarray,
                    cues: NameCues, excluded: frozenset[str]) -> list[UnlistedMatch]:
    words = [(found.start(), found.end(), found.group())
             for found in _WORD.finditer(text, sentence_start, sentence_end)]

    def usable(position: int) -> bool:
        start, end, word = words[position]
        # Capitals only if the dictionary knows a place or organisation ("МИД", "ФСБ").
        return (word[0].isupper() and not covered[start:end].any()
                and (not word.isupper() or bool(_NAMED & _parse(word).tag.grammemes))
                and _parse(word).normal_form not in excluded)

    def joins(position: int) -> bool:
        """Whether the next word continues the run (not a first name after a place or an
        organisation: "России | Сергей Лавров")."""
        following = position + 1
        before = _parse(words[position][2]).tag.grammemes
        return (_next_after_space(text, words, position) and usable(following)
                and not ("Name" in _parse(words[following][2]).tag.grammemes
                         and _NAMED & before and not _PERSON & before))

    names, position = [], 0
    while position < len(words):
        start, _, word = words[position]
        if not usable(position) or (is_sentence_initial(text, sentence_start, start)
                                    and not _PROPER & _parse(word).tag.grammemes):
            position += 1
            continue
        run = [position]
        while joins(run[-1]):
            run.append(run[-1] + 1)
        reading, kind = _parse(word), None
        if len(run) == 1 and any(other.tag.POS in _MODIFIERS for other in _readings(word)):
            # "Глушковского района": the district, though Глушковский is a surname too.
            run, kind = _with_head(text, words, run, cues)
            if kind is None and not _PERSON & reading.tag.grammemes:
                position += 1
                continue
        elif len(run) == 1 and reading.tag.POS == "NOUN" \
                and reading.normal_form in cues.org_suffixes:
            run, kind = _with_genitive(text, words, run)
        phrase = kind is not None
        kind = kind or _evidence(text, sentence_start, words, run, cues)
        position = run[-1] + 1
        if kind:
            surface = [words[at][2] for at in run]
            lemmas = _phrase_nominative(surface) if phrase else _name_nominative(surface)
            names.append(UnlistedMatch(words[run[0]][0], words[run[-1]][1],
                                       "unlisted:" + "-".join(lemmas), "name", kind))
    return names


def _with_head(text: str, words: list, run: list[int], cues: NameCues
               ) -> tuple[list[int], str | None]:
    """A capitalised adjective and the place or organisation noun it agrees with, and the
    capitalised genitive an organisation takes ("комитета России"); else no name."""
    tail = run[-1]
    for _ in range(_TAIL):
        if not _next_lower_case(text, words, tail):
            return run, None
        tail += 1
        reading = _parse(words[tail][2])
        if reading.tag.POS == "NOUN":
            head = reading.normal_form
            kind = "place" if head in cues.place_suffixes else \
                "org" if head in cues.org_suffixes else None
            if kind is None:
                return run, None
            span = list(range(run[0], tail + 1))
            if kind == "org" and _next_after_space(text, words, tail) \
                    and words[tail + 1][2][0].isupper() \
                    and "gent" in _parse(words[tail + 1][2]).tag.grammemes:
                span.append(tail + 1)  # "комитета России", listed or not
            return span, kind
        if reading.tag.POS not in _MODIFIERS:
            return run, None
    return run, None


def _next_after_space(text: str, words: list, position: int) -> bool:
    """Whether a word follows the word at ``position`` after exactly one space."""
    following = position + 1
    return following < len(words) and text[words[position][1]:words[following][0]] == " "


def _next_lower_case(text: str, words: list, position: int) -> bool:
    """Whether a lower-case word follows the word at ``position`` after exactly one space."""
    return _next_after_space(text, words, position) and not words[position + 1][2][0].isupper()


def _with_genitive(text: str, words: list, run: list[int]) -> tuple[list[int], str | None]:
    """An organisation noun and the lower-case genitive phrase that names it ("Совета
    национальной безопасности"); else no name."""
    tail = run[-1]
    for _ in range(_TAIL + 1):
        if not _next_lower_case(text, words, tail):
            return run, None
        tail += 1
        reading = _parse(words[tail][2])
        if "gent" not in reading.tag.grammemes or reading.tag.POS not in {"NOUN", *_MODIFIERS}:
            return run, None
        if reading.tag.POS == "NOUN":
            return list(range(run[0], tail + 1)), "org"
    return run, None


def _evidence(text: str, sentence_start: int, words: list, run: list[int], cues: NameCues
              ) -> str | None:
    """The type the words' grammemes or a title right before them give, else None."""
    grammemes = set().union(*(_parse(words[at][2]).tag.grammemes for at in run))
    before = words[run[0] - 1][2] if run[0] > 0 and words[run[0] - 1][0] >= sentence_start \
        else ""
    # A title or a preposition before speaks for words the dictionary knows as no common noun.
    cued = bool(grammemes & _PROPER) or not any(
        _is_known(words[at][2].lower()) for at in run)
    if grammemes & _PERSON or (cued and before
                               and _parse(before.lower()).normal_form in cues.titles):
        return "person"
    if "Geox" in grammemes or (cued and before in cues.locatives):
        return "place"
    if "Orgn" in grammemes:
        return "org"
    return None


def _phrase_nominative(words: list[str]) -> list[str]:
    """A noun phrase in the nominative: the modifiers agree with its noun, and what follows
    the noun (a genitive, "комитета России") stays as written."""
    readings = [_readings(word)[0] for word in words]
    head = next(at for at, reading in enumerate(readings) if reading.tag.POS == "NOUN")
    gender = readings[head].normalized.tag.gender or "masc"
    out = []
    for at, word in enumerate(words):
        if at == head:
            out.append(readings[head].normal_form)
        elif at > head:
            out.append(word.lower())
        else:
            modifier = next((reading for reading in _readings(word)
                             if reading.tag.POS in _MODIFIERS), readings[at])
            form = modifier.inflect({"nomn", "sing", gender})
            out.append(form.word if form else modifier.normal_form)
    return out


def _name_nominative(words: list[str]) -> list[str]:
    """A name in the nominative, word by word; a surname in the gender of the given name
    before it ("Ирина Белова", not "Белов"), one the dictionary lacks by its stem."""
    readings = [_parse(word) for word in words]
    gender = next((reading.tag.gender for reading in readings if "Name" in reading.tag.grammemes),
                  None)
    out = []
    for word, reading in zip(words, readings):
        surname = _SURNAME.fullmatch(word.lower())
        if surname and "Surn" not in reading.tag.grammemes:
            out.append(surname.group("stem"))
            continue
        if "Surn" in reading.tag.grammemes and gender:
            reading = next((other for other in _readings(word)
                            if "Surn" in other.tag.grammemes and other.tag.gender == gender),
                           reading)
        form = reading.inflect({"nomn", "sing"}) if _PERSON & reading.tag.grammemes else None
        out.append(form.word if form else reading.normal_form)
    return out


def _grouped(names: list[UnlistedMatch]) -> list[UnlistedMatch]:
    """A later one-word name that is the surname of a person named in full takes their id."""
    surnames: dict[str, str] = {}
    out = []
    for name in names:
        parts = name.actor_id.removeprefix("unlisted:").split("-")
        if name.actor_type == "person" and len(parts) > 1:
            surnames[parts[-1]] = name.actor_id
        elif len(parts) == 1 and parts[0] in surnames:
            name = name._replace(actor_id=surnames[parts[0]], form="short", actor_type="person")
        out.append(name)
    return out
