""":mod:`kursklib.actors.evidence`: the type a name's own words and its context give it."""

from __future__ import annotations

import re
from typing import NamedTuple

from .cues import POSSESSIVE, NameCues, plain, reversed_lead
from .world import place_key, place_names

# How sure a guess is: a default, a context cue, a name's own head word or world knowledge.
DEFAULT, CUE, SURE = 0, 1, 2
_AGE = re.compile(r",\s*\d{1,3}\s*,")
_APPOSITION = re.compile(r",\s+(?:a|an|the)\s+((?:[\w'’-]+\s*){1,4})")
_NEXT_WORD = re.compile(r"\s+([a-z][\w'’-]*)")
_ACRONYM_WORD = re.compile(r"^[A-Z][A-Z0-9.&]+$")


class Guess(NamedTuple):
    """A type and how sure it is (``DEFAULT``, ``CUE`` or ``SURE``)."""

    actor_type: str
    strength: int


def guess_type(text: str, start: int, end: int, cues: NameCues, *, described: str = "",
               common: frozenset[str] = frozenset(), head: str | None = None) -> Guess | None:
    """Guess a name's type from its words, world knowledge and the words around it.

    Evidence, strongest first: a head word ("Institute", "Hospital"), a title before (person)
    or a known place; then the context: a place locative before or a place noun after
    ("in Tawila", "Zamzam camp", "the Nairobi-based"), an apposition (", a teacher", ", 34,",
    ", a paramilitary group"), an organisation noun after ("the Janjaweed militias"). A name
    of two to four words with none of these is a person by default; a single word with none
    is no name (None); an acronym is an organisation. A single word in ``common`` (seen in
    lower case) is no known place. ``head``: the name's ``head_type``, when the caller knows it.

    Example:
        >>> from kursklib.actors.cues import name_cues
        >>> text = "Aid reached Tawila, a town near El Fasher."
        >>> guess_type(text, 12, 18, name_cues("en"))
        Guess(actor_type='place', strength=1)
    """
    words = text[start:end].split()
    head = head_type(words, cues) if head is None else head
    if head:
        return Guess(head, SURE)
    if cues.title_before.match(reversed_lead(text, start)):
        return Guess("person", CUE)  # "Minister Ivanov", though Ivanov is a town too
    if place_key(text[start:end]) in place_names() and not (
            len(words) == 1 and (words[0].lower() in common
                                 or _following(text, end) in cues.strong_org_designators)):
        return Guess("place", SURE)
    if len(words) == 1 and _ACRONYM_WORD.match(words[0]):
        return Guess("org", DEFAULT)  # an acronym's context says little ("at RSF checkpoints")
    cue = context_type(text, start, end, cues, described=described)
    if cue:
        return cue
    return Guess("person", DEFAULT) if 2 <= len(words) <= 4 else None


def head_type(words: list[str], cues: NameCues) -> str:
    """"org" or "place" when a head word says so: the last word ("Horn Policy Institute"), a
    head before "of"/"for"/"on" ("Central Committee of Sudan Doctors"), or a first word
    before a longer name ("Ministry of Agrarian Policy"); else ""."""
    lower = [plain(word) for word in words]
    if len(lower) < 2:
        return ""
    for heads, actor_type in ((cues.org_suffixes, "org"), (cues.place_suffixes, "place")):
        if lower[-1] in heads or any(
                word in heads and following in cues.particles | cues.inner_connectors
                for word, following in zip(lower[:-1], lower[1:])):
            return actor_type
    return ""


def context_type(text: str, start: int, end: int, cues: NameCues, *, described: str = ""
                 ) -> Guess | None:
    """The type the words around a name give it, or None."""
    lead = reversed_lead(text, start)
    if described == "based":
        return Guess("place", CUE)
    following = _following(text, end)
    if following in cues.place_designators:
        return Guess("place", CUE)
    apposition = _apposition_type(text, end, cues)
    if apposition:
        return Guess(apposition, CUE)
    if cues.place_before.match(lead):
        return Guess("place", CUE)
    if cues.org_before.match(lead):
        return Guess("org", CUE)
    if following in cues.org_designators:
        return Guess("org", CUE)
    return None


def _following(text: str, end: int) -> str:
    """The lower-case word right after a name, without a possessive ("region's" → "region")."""
    after = _NEXT_WORD.match(text, end)
    return POSSESSIVE.sub("", after.group(1).lower()) if after else ""


def _apposition_type(text: str, end: int, cues: NameCues) -> str:
    """The type an apposition after a name gives it: ", 34," or ", a/the ... <noun>"."""
    if _AGE.match(text, end):
        return "person"
    match = _APPOSITION.match(text, end)
    if not match:
        return ""
    for word in match.group(1).lower().split():
        for nouns, actor_type in ((cues.person_nouns, "person"), (cues.org_nouns, "org"),
                                  (cues.place_nouns, "place")):
            if word in nouns:
                return actor_type
    return ""
