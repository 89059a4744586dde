"""Tests for kursklib.actors.world: the world's place names as data."""

from __future__ import annotations

import pytest

from kursklib.actors.world import Place, place_key, place_names


@pytest.mark.parametrize("name, expected", [
    ("Goma", Place("city", "COD")),
    ("North Kivu", Place("admin1", "COD")),
    ("Nord-Kivu", Place("admin1", "COD")),
    ("Shan State", Place("admin1", "MMR")),
    ("Darfur", Place("region", "SDN")),
    ("Sahel", Place("region", "")),
    ("El Fasher", Place("city", "SDN")),
    ("Reading", None),  # an English word, and a town of fewer than a million
    ("March", None),
])
def test_place_names_know_cities_subdivisions_and_regions(name, expected):
    assert place_names().get(place_key(name)) == expected


def test_place_key_folds_case_quotes_and_dashes():
    assert place_key("Cox’s  Bazar") == place_key("cox's bazar") == "cox's bazar"
    assert place_key("Nord-Kivu") == "nord kivu"
