"""Tests for kursklib.actors.acronyms: acronyms and aliases a text defines."""

from __future__ import annotations

import pytest

from kursklib.actors.acronyms import expansion_of, find_definitions
from kursklib.actors.cues import name_cues


@pytest.mark.parametrize("text, expected", [
    ("the paramilitary Rapid Support Forces (RSF) fought", {"RSF": "Rapid Support Forces"}),
    ("Fighters of the Rapid Support Forces (RSF) fought", {"RSF": "Rapid Support Forces"}),
    ("the Association of Southeast Asian Nations (ASEAN) met",
     {"ASEAN": "Association of Southeast Asian Nations"}),
    ("the bloc IGAD, the Intergovernmental Authority on Development, met",
     {"IGAD": "Intergovernmental Authority on Development"}),
    ("Mohamed Hamdan Dagalo, widely known as Hemedti, spoke",
     {"Hemedti": "Mohamed Hamdan Dagalo"}),
    ("JEDDAH, Saudi Arabia (AP) - Envoys met", {}),
    ("Médecins Sans Frontières (MSF) said", {"MSF": "Médecins Sans Frontières"}),
])
def test_find_definitions_links_acronyms_and_aliases_to_names(text, expected):
    assert find_definitions(text, name_cues("en")) == expected


@pytest.mark.parametrize("acronym, name, expected", [
    ("RSF", "Fighters of the Rapid Support Forces", "Rapid Support Forces"),
    ("MSF", "Médecins Sans Frontières", "Médecins Sans Frontières"),
    ("AP", "Saudi Arabia", ""),
    ("UN", "Sudan", ""),
])
def test_expansion_of_finds_the_words_an_acronym_abbreviates(acronym, name, expected):
    assert expansion_of(acronym, name) == expected

