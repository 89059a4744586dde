""":mod:`kursklib.actors.derived`: names that a listed or known name makes with its neighbours.

A state's name or demonym before "army" is the national armed forces ("Sudanese army"); a
demonym after "ethnic" is a people, and before "initials" a language, neither the state; a
word made of a place the document names and a demonym ending is that place's demonym
("Tigrayans", "Darfuris"); a person named in full is named again by surname or given name.
The words are the language's (``actors`` in its YAML).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .cues import NameCues, plain, reversed_lead
from .spans import find_words, overlaps
from .world import place_key, place_names

_PARTICLE_PREFIX = re.compile(r"^[a-z]{1,3}[-'’]")
_MIN_STEM = 4  # a demonym's place name has at least this many letters ("Tigray", not "Al")


class UnlistedMatch(NamedTuple):
    """A name the gazetteer lacks: its span, its ``unlisted:`` id, form and guessed type.

    ``actor`` is the gazetteer actor the name stands for (an acronym or alias the text
    defines for a listed name), else -1.
    """

    start: int
    end: int
    actor_id: str
    form: str  # "name"; "short" for a later bare surname; "abbrev" for an acronym
    actor_type: str
    actor: int = -1


def national_forces_end(text: str, end: int, cues: NameCues) -> int:
    """Where "army" or "armed forces" right after a state's name ends, or "military" before
    punctuation or an act verb, else -1 (a possessive between, "Sudan's army", names the state
    alone)."""
    match = cues.national_forces.match(text, end)
    if match:
        return match.end()
    match = cues.national_forces_acting.match(text, end)
    following = match and text[match.end():match.end() + 30].split(maxsplit=1)
    if match and (not following or not following[0][:1].isalnum()
                  or following[0].lower() in cues.act_verbs_after):
        return match.end()
    return -1


def names_no_state(text: str, start: int, end: int, cues: NameCues, *, ethnic: bool = True
                   ) -> bool:
    """Whether a demonym is a people ("ethnic Chinese") or a language ("French initials").

    ``ethnic=False`` says the text holds no ethnic marker (``cues.ethnic_anywhere``)."""
    if ethnic and cues.ethnic.match(reversed_lead(text, start)):
        return True
    following = text[end:end + 40].split(maxsplit=1)
    return bool(following) and plain(following[0]) in cues.language_nouns


def starts_ethnic(text: str, start: int, cues: NameCues) -> bool:
    """Whether a capitalised run opens with an ethnic marker or follows one ("Ethnic Karen")."""
    first = text[start:start + 40].split(maxsplit=1)
    return bool(first) and plain(first[0]) in cues.ethnic_words or bool(
        cues.ethnic.match(reversed_lead(text, start)))


def demonym_place(text: str, word: str, cues: NameCues) -> str:
    """The place a single word is the demonym of, when the text names that place by itself
    and the world knows it ("Tigrayan" → "Tigray"), else ""."""
    if place_key(word) in place_names():
        return ""
    for ending in cues.place_demonym_endings:
        stem = word[:-len(ending)]
        if (word.endswith(ending) and len(stem) >= _MIN_STEM and stem[:1].isupper()
                and place_key(stem) in place_names() and find_words(text, [stem])):
            return stem
    return ""


def takes_in_compass(text: str, start: int, listed_start: int, cues: NameCues) -> bool:
    """Whether a piece is a compass word before a listed place ("Western Tigray")."""
    lead = text[start:listed_start].split()
    return len(lead) == 1 and lead[0][:1].isupper() and plain(lead[0]) in cues.compass_words


def surnames(text: str, names: list[UnlistedMatch], occupied: list[tuple[int, int]],
              cues: NameCues) -> list[UnlistedMatch]:
    """Bare surnames of unlisted people ("Burhan" after "Abdel Fattah al-Burhan").

    Only a person's last word that no known place or other name of the document also ends
    with, and its form without a particle prefix ("al-Burhan" → "Burhan").
    """
    other_words = {plain(word) for name in names if name.actor_type != "person"
                   for word in text[name.start:name.end].split()}
    surnames: dict[str, UnlistedMatch] = {}
    for name in names:
        words = text[name.start:name.end].split()
        if name.actor_type != "person" or len(words) < 2 or name.form != "name":
            continue
        last = words[-1]
        if plain(last) in other_words or place_key(last) in place_names():
            continue
        for form in dict.fromkeys((last, _PARTICLE_PREFIX.sub("", last))):
            if form[:1].isupper():
                surnames.setdefault(form, name)
    found = []
    for surname, name in surnames.items():
        for first, last, _ in find_words(text, [surname]):
            if first < name.start or overlaps(occupied, first, last):
                continue
            found.append(name._replace(start=first, end=last, form="short"))
    return found


def given_names(text: str, names: list[UnlistedMatch], cues: NameCues
                 ) -> dict[str, UnlistedMatch]:
    """The first word of each unlisted person's full name that no other name of the document
    shares and no place is ("Abiy" of "Abiy Ahmed"): news names some people by it."""
    given: dict[str, UnlistedMatch | None] = {}
    for name in names:
        words = text[name.start:name.end].split()
        if len(words) < 2 or name.form != "name":
            continue
        first = words[0]
        if name.actor_type != "person" or plain(first) in cues.not_name_start or (
                place_key(first) in place_names()) or not first[1:].islower():
            given[first] = None
        elif given.setdefault(first, name) is not None and given[first].actor_id != name.actor_id:
            given[first] = None
    return {word: name for word, name in given.items() if name is not None}
