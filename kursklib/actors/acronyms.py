""":mod:`kursklib.actors.acronyms`: the acronyms and aliases a text defines for names."""

from __future__ import annotations

import re

from .cues import UPPER, NameCues
from .extents import split_run

# An acronym as a word: two to eight capitals or digits, dots allowed ("RSF", "U.N.", "M23").
ACRONYM_WORD = re.compile(rf"(?<![\w.])[{UPPER}](?:[{UPPER}0-9&]|\.(?=\w)){{1,7}}\.?(?![\w'’])")
_IN_BRACKETS = re.compile(rf"\s*\(\s*((?:[{UPPER}][{UPPER}0-9&.]{{1,8}}))\s*\)")
_APPOSED = re.compile(rf"\b([{UPPER}][{UPPER}0-9]{{1,7}}),\s+the\s+")
_MAY_BE_APPOSED = re.compile(rf"[{UPPER}0-9],\s+the\s")  # fast to find: a class first
_NAME_IN_BRACKETS = re.compile(r"\s*\(([^()\n]{5,80})\)")
_OPEN_BRACKET = re.compile(r"\(")
_RUN_REACH = 160  # characters before an anchor where the defined name may start


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
    anchors = sorted([(m.start(), "bracket") for m in _OPEN_BRACKET.finditer(text)]
                     + [(_end_before(text, m.start(), " \t,"), "alias")
                        for m in cues.alias_lead.finditer(text)
                        if cues.alias_after.match(text, _end_before(text, m.start(), " \t,"))])
    for position, kind in anchors:  # the run that ends right before each anchor
        run = _run_ending_at(text, position, cues)
        name = run and _last_name(text, run[0], run[1], cues)
        if not name:
            continue
        bracket = _IN_BRACKETS.match(text, run[1]) if kind == "bracket" else None
        full = _NAME_IN_BRACKETS.match(text, run[1]) if kind == "bracket" else None
        alias = cues.alias_after.match(text, run[1]) if kind == "alias" else None
        if bracket:
            expansion = expansion_of(bracket.group(1), name)
            if expansion:
                found.setdefault(bracket.group(1), expansion)
        elif full and ACRONYM_WORD.fullmatch(name) and expansion_of(name, full.group(1)):
            found.setdefault(name, expansion_of(name, full.group(1)))
        elif alias:
            following = cues.capitalised_run.match(text, alias.end())
            pieces = following and split_run(text, following.start(), following.end(),
                                             following.start(), frozenset(), cues)
            if pieces and text[pieces[0].start:pieces[0].end] != name:
                found.setdefault(text[pieces[0].start:pieces[0].end], name)
    for apposed in _APPOSED.finditer(text) if _MAY_BE_APPOSED.search(text) else ():
        run = cues.capitalised_run.match(text, apposed.end())
        name = run and _last_name(text, run.start(), run.end(), cues)
        if name and expansion_of(apposed.group(1), name) == name:
            found.setdefault(apposed.group(1), name)
    return found


def _run_ending_at(text: str, position: int, cues: NameCues) -> tuple[int, int] | None:
    """The capitalised run that ends right before ``position`` (past spaces), if any."""
    line_start = max(text.rfind("\n", 0, position) + 1, position - _RUN_REACH)
    end = _end_before(text, position, " \t")
    last = None
    for run in cues.capitalised_run.finditer(text, line_start, end):
        last = run
    return (last.start(), last.end()) if last and last.end() == end else None


def _end_before(text: str, position: int, blanks: str) -> int:
    """``position`` moved back over ``blanks``."""
    while position > 0 and text[position - 1] in blanks:
        position -= 1
    return position


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
