""":mod:`kursklib.actors.acronyms`: acronyms and aliases a text defines ("Rapid Support Forces (RSF)")."""

from __future__ import annotations

import re
from collections.abc import Iterable

from .cues import UPPER, NameCues
from .extents import split_run

# An acronym as a word: two to eight capitals or digits, dots allowed ("RSF", "U.N.", "M23").
ACRONYM_WORD = re.compile(rf"(?<![\w.])[{UPPER}](?:[{UPPER}0-9&]|\.(?=\w)){{1,7}}\.?(?![\w'’])")
_IN_BRACKETS = re.compile(rf"\s*\(\s*((?:[{UPPER}][{UPPER}0-9&.]{{1,8}}))\s*\)")
_APPOSED = re.compile(rf"\b([{UPPER}][{UPPER}0-9]{{1,7}}),\s+the\s+")
_NAME_IN_BRACKETS = re.compile(r"\s*\(([^()\n]{5,80})\)")


def find_definitions(text: str, cues: NameCues) -> dict[str, str]:
    """The acronyms and aliases a text defines, each with the full name it stands for.

    Read: "Full Name (ACR)", "ACR (Full Name)" and "ACR, the Full Name", where the name
    starts with the acronym's first letter and holds at least half its letters as capitals,
    in order ("Volunteers for the Defence of the Homeland (VDP)"); and "Full Name, known as
    Alias" (the leads are the language's ``alias_leads``). The first definition wins.

    Example:
        >>> from kursklib.actors.cues import name_cues
        >>> find_definitions("The Rapid Support Forces (RSF) and IGAD, the Intergovernmental "
        ...                  "Authority on Development, met.", name_cues("en"))
        {'RSF': 'Rapid Support Forces', 'IGAD': 'Intergovernmental Authority on Development'}
    """
    found: dict[str, str] = {}
    for run in cues.capitalised_run.finditer(text):
        name = _last_name(text, run.start(), run.end(), cues)
        if name is None:
            continue
        bracket = _IN_BRACKETS.match(text, run.end())
        if bracket:
            expansion = expansion_of(bracket.group(1), name)
            if expansion:
                found.setdefault(bracket.group(1), expansion)
            continue
        alias = cues.alias_after.match(text, run.end())
        if alias:
            following = cues.capitalised_run.match(text, alias.end())
            pieces = following and split_run(text, following.start(), following.end(),
                                             following.start(), frozenset(), cues)
            if pieces and text[pieces[0].start:pieces[0].end] != name:
                found.setdefault(text[pieces[0].start:pieces[0].end], name)
        full = _NAME_IN_BRACKETS.match(text, run.end())
        if full and ACRONYM_WORD.fullmatch(name) and expansion_of(name, full.group(1)):
            found.setdefault(name, expansion_of(name, full.group(1)))
    for apposed in _APPOSED.finditer(text):
        run = cues.capitalised_run.match(text, apposed.end())
        name = run and _last_name(text, run.start(), run.end(), cues)
        if name and expansion_of(apposed.group(1), name) == name:
            found.setdefault(apposed.group(1), name)
    return found


def merge_definitions(per_text: Iterable[dict[str, str]]) -> dict[str, str]:
    """The first definition of every form over a corpus, in document order."""
    merged: dict[str, str] = {}
    for definitions in per_text:
        for form, name in definitions.items():
            merged.setdefault(form, name)
    return merged


def _last_name(text: str, start: int, end: int, cues: NameCues) -> str | None:
    """The last name a capitalised run holds, as written."""
    pieces = split_run(text, start, end, start, frozenset(), cues)
    return text[pieces[-1].start:pieces[-1].end] if pieces else None


def expansion_of(acronym: str, name: str) -> str:
    """The end of ``name`` that ``acronym`` abbreviates, or "" when none fits.

    It starts at a word with the acronym's first letter and holds, as capitals in order, at
    least half of the acronym's letters.

    Example:
        >>> expansion_of("RSF", "Fighters of the Rapid Support Forces")
        'Rapid Support Forces'
    """
    letters = [char for char in acronym if char.isalpha()]
    words = name.split()
    if not letters or len(words) < 2:
        return ""
    for index, word in enumerate(words[:-1]):
        if word[:1] != letters[0]:
            continue
        capitals = "".join(char for char in " ".join(words[index:]) if char.isupper())
        found, position = 0, 0
        for letter in letters:  # a letter the name lacks is skipped, not searched past
            at = capitals.find(letter, position)
            if at >= 0:
                found, position = found + 1, at + 1
        if 2 * found >= len(letters):
            return " ".join(words[index:])
    return ""
