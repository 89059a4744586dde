"""Tests for kursklib.actors.evidence: the type a name's words and context give it."""

from __future__ import annotations

import pytest

from kursklib.actors.cues import name_cues
from kursklib.actors.evidence import CUE, DEFAULT, SURE, Guess, guess_type


@pytest.mark.parametrize("text, name, expected", [
    ("the Horn Policy Institute said", "Horn Policy Institute", Guess("org", SURE)),
    ("the Central Committee of Sudan Doctors said", "Central Committee of Sudan Doctors",
     Guess("org", SURE)),
    ("staff at the Saudi Hospital said", "Saudi Hospital", Guess("place", SURE)),
    ("fighting in North Kivu went on", "North Kivu", Guess("place", SURE)),
    ("people fled to the town of Ardamata", "Ardamata", Guess("place", CUE)),
    ("the Zamzam camp was shelled", "Zamzam", Guess("place", CUE)),
    ("said Amna Salih, 34, a teacher", "Amna Salih", Guess("person", CUE)),
    ("Nuba Reports, a news outlet, said", "Nuba Reports", Guess("org", CUE)),
    ("the Janjaweed militias attacked", "Janjaweed", Guess("org", CUE)),
    ("Minister Ivanov spoke", "Ivanov", Guess("person", CUE)),
    ("said Grace Mutesi on Monday", "Grace Mutesi", Guess("person", DEFAULT)),
    ("the MNDAA took the town", "MNDAA", Guess("org", DEFAULT)),
    ("nobody saw Tawila", "Tawila", None),
])
def test_guess_type_reads_heads_knowledge_and_context(text, name, expected):
    start = text.index(name)
    assert guess_type(text, start, start + len(name), name_cues("en")) == expected


def test_guess_type_takes_no_known_place_for_a_common_word():
    text = "Union leaders met"
    assert guess_type(text, 0, 5, name_cues("en"), common=frozenset({"union"})) is None
