"""Tests for kursklib.actors.unlisted: names the gazetteer lacks."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kursklib import (
    read_corpus,
    tag_actors,
)
from kursklib.actors.spans import find_words


def tag(make_corpus, text: str, **options):
    return tag_actors(read_corpus(make_corpus({"a.txt": text})), **options)


def spans(mentions) -> list[tuple[str, str, str]]:
    return list(zip(mentions["surface"], mentions["actor_id"], mentions["form"], strict=True))


def test_tag_actors_finds_unlisted_names_with_context_types(make_corpus):
    text = ("Yonhap reported that the Foreign Intelligence Bureau said Major General Ivan "
            "Petrovsky led the operation. Petrovsky’s unit withdrew.\n"
            "Spokesperson Koroleva declined to comment. In March, Chief Commander Lee Sun-jin "
            "said the Ministry of Agrarian Policy would respond.\n"
            "According to officials, Monday Talks began. Analysts doubt it.")
    mentions = tag(make_corpus, text)
    unlisted = mentions[~mentions["listed"]]
    assert spans(unlisted) == [
        ("Foreign Intelligence Bureau", "unlisted:foreign-intelligence-bureau", "name"),
        ("Ivan Petrovsky", "unlisted:ivan-petrovsky", "name"),
        ("Petrovsky", "unlisted:ivan-petrovsky", "short"),
        ("Koroleva", "unlisted:koroleva", "name"),
        ("Lee Sun-jin", "unlisted:lee-sun-jin", "name"),
        ("Ministry of Agrarian Policy", "unlisted:ministry-of-agrarian-policy", "name"),
    ]
    assert list(unlisted["actor_type"]) == ["org", "person", "person", "person", "person", "org"]
    assert tag(make_corpus, text, unlisted=False)["listed"].all()


def test_tag_actors_ignores_headline_capitals_and_quoted_titles(make_corpus):
    text = ("Ceremony Marks Significant Military Milestone\n\nHe wrote “To Die for the Freedom "
            "of Ukrainian Chaos” in May. Later Today Officials Said nothing.")
    mentions = tag(make_corpus, text)
    assert spans(mentions) == [("Ukrainian", "ukr", "demonym")]


def test_unlisted_names_read_bylines_skip_captions_and_split_inner_titles(make_corpus):
    text = ("Troops Arrive\n\nBy Jane Roe and Min-ho Park, Staff Reporters\n\n"
            "Photo: Soldiers Marching In Pyongyang\n\nRead More: How The War Changed Kursk\n\n"
            "Military Analyst Joost Oliemans said the troops were new. Oliemans added more.")
    unlisted = tag(make_corpus, text).query("~listed")
    assert spans(unlisted) == [("Jane Roe", "unlisted:jane-roe", "name"),
                               ("Min-ho Park", "unlisted:min-ho-park", "name"),
                               ("Joost Oliemans", "unlisted:joost-oliemans", "name"),
                               ("Oliemans", "unlisted:joost-oliemans", "short")]
    assert set(unlisted["actor_type"]) == {"person"}


@pytest.mark.parametrize("text, expected", [
    # particles and a later bare surname, without the particle
    ("General Abdel Fattah al-Burhan spoke. Burhan left.",
     [("Abdel Fattah al-Burhan", "person", "name"), ("Burhan", "person", "short")]),
    # coordinations split, one type for a list
    ("Fighting spread to the towns of Kabkabiya, Tawila and Mellit.",
     [("Kabkabiya", "place", "name"), ("Tawila", "place", "name"), ("Mellit", "place", "name")]),
    # a known place around a listed name; a possessive splits
    ("Aid reached North Darfur. Omdurman's Al-Thawra district was shelled.",
     [("North Darfur", "place", "name"), ("Omdurman", "place", "name"),
      ("Al-Thawra", "place", "name")]),
    # an acronym the text defines, and an alias
    ("The Rapid Support Forces (RSF) attacked. Mohamed Hamdan Dagalo, known as Hemedti, "
     "leads the RSF.",
     [("Rapid Support Forces", "org", "name"), ("RSF", "org", "abbrev"),
      ("Mohamed Hamdan Dagalo", "person", "name"), ("Hemedti", "person", "name"),
      ("RSF", "org", "abbrev")]),
    # descriptive compounds, appositions, events and ethnic groups
    ("The Goma-based Horn Policy Institute said the Jeddah Declaration failed the "
     "Masalit.", [("Goma", "place", "name"), ("Horn Policy Institute", "org", "name")]),
    ("Ardamata, a town near the border, fell, residents said. Residents of Ardamata fled.",
     [("Ardamata", "place", "name"), ("Ardamata", "place", "name")]),
])
def test_unlisted_names_have_their_extent_and_type(make_corpus, text, expected):
    unlisted = tag(make_corpus, "Dateline\n\n" + text).query("~listed")
    assert list(zip(unlisted["surface"], unlisted["actor_type"], unlisted["form"])) == expected


def test_unlisted_acronyms_link_across_the_corpus(make_corpus):
    folder = make_corpus({"a.txt": "The Arakan Army (AA) took the town.",
                          "b.txt": "The AA said the town had fallen."})
    mentions = tag_actors(read_corpus(folder))
    rows = mentions[mentions["surface"].isin(["Arakan Army", "AA"])]
    assert list(zip(rows["doc_id"], rows["surface"], rows["actor_id"])) == [
        ("a", "Arakan Army", "unlisted:arakan-army"), ("a", "AA", "unlisted:arakan-army"),
        ("b", "AA", "unlisted:arakan-army")]


def test_unlisted_acronym_of_a_listed_name_takes_its_id(tmp_path, make_corpus):
    path = tmp_path / "mine.yaml"
    path.write_text("- id: rsf\n  name: Rapid Support Forces\n  type: org\n", encoding="utf-8")
    mentions = tag(make_corpus, "The Rapid Support Forces (RSF) attacked. The RSF left.",
                   gazetteer=str(path))
    assert list(zip(mentions["surface"], mentions["actor_id"], mentions["listed"])) == [
        ("Rapid Support Forces", "rsf", True), ("RSF", "rsf", True), ("RSF", "rsf", True)]


WORDS = ["Kim", "Kim Jong", "Burhan", "al-Burhan", "A.B", "An", "Anan", "’s", "x"]


@settings(max_examples=400, deadline=None)
@given(parts=st.lists(st.sampled_from(WORDS + [" ", "-", "'", "’", "_", ".", "é", "1", "\n"]),
                      max_size=14),
       words=st.lists(st.sampled_from(WORDS), min_size=1, max_size=4, unique=True),
       data=st.data())
def test_find_words_matches_as_the_regex_would(parts, words, data):
    """``find_words`` (str.find, no pattern compiled) finds what the regex alternation did."""
    text = "".join(parts)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    pattern = re.compile(r"(?<![\w'’-])(?:" + "|".join(map(re.escape, words)) + r")(?![\w-])")
    expected = [(m.start(), m.end(), words.index(m.group()))
                for m in pattern.finditer(text, start, end)]
    assert find_words(text, words, start, end) == expected
