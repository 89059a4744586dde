""":mod:`kursklib.actors.derived`: names that a listed or known name makes with its neighbours.

A state's name or demonym before "army" is the national armed forces ("Sudanese army"); a
demonym after "ethnic" is a people, and before "initials" a language, neither the state; a
word made of a place the document names and a demonym ending is that place's demonym
("Tigrayans", "Darfuris"). The words are the language's (``actors`` in its YAML).
"""

from __future__ import annotations

from .cues import NameCues, plain, reversed_lead
from .spans import find_words
from .world import place_key, place_names

_MIN_STEM = 4  # a demonym's place name has at least this many letters ("Tigray", not "Al")


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


def names_no_state(text: str, start: int, end: int, cues: NameCues) -> bool:
    """Whether a demonym is a people ("ethnic Chinese") or a language ("French initials")."""
    if cues.ethnic.match(reversed_lead(text, start)):
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
