"""Tests for kursklib.actors.derived (and the metonym, alias and extent cues of round 4)."""

from __future__ import annotations

import pytest

from kursklib import read_corpus, tag_actors
from kursklib.actors.cues import name_cues
from kursklib.actors.derived import demonym_place, national_forces_end
from kursklib.actors.gazetteer import variants


def tag(make_corpus, text: str):
    mentions = tag_actors(read_corpus(make_corpus({"a.txt": text})))
    return list(zip(mentions["surface"], mentions["actor_type"], mentions["form"], strict=True))


@pytest.mark.parametrize(("text", "end", "expected"), [
    ("the Sudanese army said", 12, 17),
    ("the Sudanese armed forces", 12, 25),
    ("at Russian military ranges", 10, -1),  # an adjective
    ("Sudan's army", 5, -1),
])
def test_national_forces_end(text, end, expected):
    assert national_forces_end(text, end, name_cues("en")) == expected


def test_demonym_place_needs_the_place_in_the_text():
    cues = name_cues("en")
    assert demonym_place("Tigrayan forces left Tigray.", "Tigrayan", cues) == "Tigray"
    assert demonym_place("Tigrayan forces left.", "Tigrayan", cues) == ""
    assert demonym_place("Ali met Al.", "Ali", cues) == ""


def test_variants_dot_initialisms_inside_names():
    assert variants("UN World Food Programme") == ("UN World Food Programme",
                                                    "U.N. World Food Programme")
    assert variants("UN") == ("UN",)


def test_state_names_with_their_neighbours(make_corpus):
    text = ("Witnesses said the Ethiopian army had left. The Eritrean armed forces said no.\n"
            "Fighters of ethnic Chinese origin fled. The group, known by its French initials "
            "MSF, left.")
    found = tag(make_corpus, text)
    assert ("Ethiopian army", "org", "name") in found
    assert ("Eritrean armed forces", "org", "name") in found
    assert not any(surface in ("Chinese", "French") for surface, _, _ in found)


def test_metonyms_read_as_places_in_datelines_bylines_and_compounds(make_corpus):
    text = ("By Amanuel Tesfaye, BBC News, Nairobi\n\n"
            "NAIROBI/KAMPALA, Nov 4 (Reuters) - Talks began.\n"
            "Pretoria, South Africa – The deal was signed.\n"
            "Diplomats in Cairo said so. Leaders in Mekelle and Kampala met, and an analyst with "
            "the Brussels-based International Crisis Group spoke. Cairo said it agreed.")
    places = [(surface, kind) for surface, kind, _ in tag(make_corpus, text)
              if surface in ("Nairobi", "NAIROBI", "KAMPALA", "Pretoria", "Cairo", "Kampala",
                             "Brussels")]
    assert places == [("Nairobi", "place"), ("NAIROBI", "place"), ("KAMPALA", "place"),
                      ("Pretoria", "place"), ("Cairo", "place"), ("Kampala", "place"),
                      ("Brussels", "place"), ("Cairo", "state")]


def test_unlisted_names_get_given_names_demonyms_and_institutions(make_corpus):
    text = ("Prime Minister Abiy Ahmed spoke in Tigray. Later Abiy said the Tigrayan fighters "
            "had left.\nThe Famine Review Committee met, said the monitoring group NetBlocks, "
            "and the National Election Board of Ethiopia agreed. The Fano militia fought in "
            "Western Tigray.")
    found = tag(make_corpus, text)
    for expected in [("Abiy", "person", "short"), ("Tigrayan", "place", "demonym"),
                     ("Famine Review Committee", "org", "name"), ("NetBlocks", "org", "name"),
                     ("National Election Board of Ethiopia", "org", "name"),
                     ("Fano", "org", "name"), ("Western Tigray", "place", "name")]:
        assert expected in found, expected
