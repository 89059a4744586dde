""":mod:`kursklib.actors.compile`: folded keys, reading arrays and one matcher per gazetteer."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import NamedTuple

import numpy as np

from ..matching import FoldedMatcher, fold_phrase
from .gazetteer import ACRONYM, FORMS, Gazetteer, variants

FORM_CODES = (*FORMS, "ignore")  # form as an array code: its index here


@dataclass(frozen=True)
class Candidates:
    """Each folded key's readings, as arrays indexed by reading.

    ``slots[key]`` lists the key's readings in gazetteer order (-1 pads). Per reading:
    ``actor`` (index into ``CompiledGazetteer.actor_ids``, -1 for an ignore phrase),
    ``form`` (index into ``FORM_CODES``), ``acronym_points`` (the code points of the exact
    spelling an acronym needs, -1 pads), ``is_acronym``, ``capitalised`` (the text must
    start upper case) and ``contextual`` (a short form or metonym, not read inside a
    longer name). ``short_owners[key]`` lists the actors whose short form the key is
    (-1 pads); ``place[key]`` is the place the key names, or -1, to read a metonym such
    as "Moscow" as the city.
    """

    phrases: list[str]
    slots: np.ndarray
    actor: np.ndarray
    form: np.ndarray
    acronym_points: np.ndarray
    is_acronym: np.ndarray
    capitalised: np.ndarray
    contextual: np.ndarray
    short_owners: np.ndarray
    place: np.ndarray


class Listed(NamedTuple):
    """Gazetteer mentions as parallel arrays, in document then text order."""

    doc: np.ndarray
    start: np.ndarray
    end: np.ndarray
    phrase: np.ndarray  # index into ``CompiledGazetteer.candidates.phrases``
    actor: np.ndarray  # index into ``CompiledGazetteer.actor_ids``; -1: ignore or ambiguous
    form: np.ndarray  # index into ``FORM_CODES``


@lru_cache(maxsize=4)
def compile_gazetteer(gazetteer: Gazetteer) -> CompiledGazetteer:
    """Compile a gazetteer once; later calls with the same object reuse it."""
    return CompiledGazetteer(gazetteer)


class CompiledGazetteer:
    """A gazetteer's keys, readings and matcher, each built on first use."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    @cached_property
    def patterns(self) -> dict[str, list[tuple[str, str, str]]]:
        """Folded key → ``(actor_id, form, alias)`` candidates; actor_id "" means ignore."""
        table: dict[str, list[tuple[str, str, str]]] = {}
        for actor in self.gazetteer.actors.values():
            for form, surfaces in (("name", (actor.name, *actor.aliases)),
                                   ("short", actor.short), ("demonym", actor.demonyms),
                                   ("metonym", actor.metonyms)):
                for surface in surfaces:
                    form_here = "abbrev" if form == "name" and ACRONYM.match(surface) else form
                    for variant in variants(surface):
                        table.setdefault(fold_phrase(variant), []).append(
                            (actor.id, form_here, variant))
        for phrase in self.gazetteer.ignore:
            for variant in variants(phrase):
                table.setdefault(fold_phrase(variant), []).append(("", "ignore", variant))
        return table

    @cached_property
    def actor_ids(self) -> tuple[str, ...]:
        """Actor ids in gazetteer order; mention arrays index into this."""
        return tuple(self.gazetteer.actors)

    @cached_property
    def candidates(self) -> Candidates:
        """Every folded key's readings as arrays, to check all hits at once."""
        index = self.actor_index
        phrases = [key for key in self.patterns if key]
        # What a hit of the key can be read as; a short form's owner is found later, so
        # readings that differ only in that owner are one.
        keyed = [list(dict.fromkeys(
            ("" if form == "short" else actor_id, form,
             alias if ACRONYM.match(alias) else "", alias[:1].isupper())
            for actor_id, form, alias in self.patterns[key])) for key in phrases]
        readings = [reading for key_readings in keyed for reading in key_readings]
        slots = _rows([range(len(key_readings)) for key_readings in keyed], width=1)
        slots[slots >= 0] = np.arange(len(readings))
        owner_ids, forms, acronyms, capitalised = zip(*readings) if readings else ([],) * 4
        spelling = _rows([[ord(char) for char in acronym] for acronym in acronyms], width=0)
        short_owners = _rows([[index[actor_id] for actor_id in self.short_owners.get(key, ())]
                              for key in phrases], width=2)
        return Candidates(
            phrases=phrases, slots=slots, short_owners=short_owners,
            place=np.array([index.get(self.place_ids.get(key, ""), -1) for key in phrases],
                           dtype=np.int64),
            actor=np.array([index.get(actor_id, -1) for actor_id in owner_ids], dtype=np.int64),
            form=np.array([FORM_CODES.index(form) for form in forms], dtype=np.int64),
            acronym_points=spelling,
            is_acronym=np.array([bool(acronym) for acronym in acronyms], dtype=bool),
            capitalised=np.array(capitalised, dtype=bool),
            contextual=np.array([form in ("short", "metonym") for form in forms], dtype=bool))

    @cached_property
    def matcher(self) -> FoldedMatcher:
        """One Aho-Corasick automaton over every folded key (see ``kursklib.matching``)."""
        return FoldedMatcher(self.candidates.phrases)

    @cached_property
    def actor_index(self) -> dict[str, int]:
        """Actor id → its position in ``actor_ids``."""
        return {actor_id: position for position, actor_id in enumerate(self.actor_ids)}

    @cached_property
    def is_place(self) -> np.ndarray:
        """Per position in ``actor_ids``: whether the actor is a place."""
        return np.array([actor.type == "place" for actor in self.gazetteer.actors.values()],
                        dtype=bool)

    @cached_property
    def short_owners(self) -> dict[str, list[str]]:
        """Folded short form → ids of every actor that has it."""
        return {key: [actor_id for actor_id, form, _ in candidates if form == "short"]
                for key, candidates in self.patterns.items()
                if any(form == "short" for _, form, _ in candidates)}

    @cached_property
    def place_ids(self) -> dict[str, str]:
        """Folded place alias → place id, to read a metonym in a locative as the place."""
        return {key: actor_id for key, candidates in self.patterns.items()
                for actor_id, form, _ in candidates
                if actor_id and form == "name" and self.gazetteer.actors[actor_id].type == "place"}


def _rows(lists: list, *, width: int) -> np.ndarray:
    """Lists of numbers as the rows of an array, padded with -1 (at least ``width`` wide)."""
    lengths = np.array([len(items) for items in lists], dtype=np.int64)
    table = np.full((len(lists), max(width, int(lengths.max(initial=0)))), -1, dtype=np.int64)
    rows = np.repeat(np.arange(len(lists)), lengths)
    columns = np.arange(int(lengths.sum())) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    table[rows, columns] = [item for items in lists for item in items]
    return table
