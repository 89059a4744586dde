"""Tests for kursklib.actors.unlisted: names the gazetteer lacks."""

from __future__ import annotations

from kursklib import (
    read_corpus,
    tag_actors,
)


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
