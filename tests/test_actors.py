"""Tests for kursklib.actors: gazetteer, tagging, resolution, counts."""

from __future__ import annotations

import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kursklib import (
    KursklibError,
    build_cooccurrence,
    count_mentions,
    find_unlisted_names,
    load_gazetteer,
    read_corpus,
    tag_actors,
)
from kursklib.actors import MENTION_COLUMNS, _inside_longer_name, _may_be_glued
from kursklib.matching import Hits, _code_points
from tests.conftest import arbitrary_text, assert_rows_index_text, read_text_or_none

SEED_COUNTS = {
    "prk": 105, "rus": 82, "kursk_oblast": 34, "ukr": 16, "kim_jong_un": 13, "kcna": 7,
    "vladimir_putin": 7, "chn": 4, "nis": 4, "valery_gerasimov": 3, "andrei_belousov": 2,
    "dmitry_medvedev": 2, "engineering_regiment_528": 2, "evgeny_mikhaylov": 2, "kor": 2,
    "kpa": 2, "luhansk": 2, "rt": 2, "wpk_cmc": 2,
}
SEED_SINGLETONS = {
    "a_just_russia", "andrei_rudenko", "beijing", "donbas", "east_asia",
    "east_pyongyang_grand_theatre", "guardian", "interfax", "kim_yo_jong", "korean_peninsula",
    "maria_zakharova", "military_chronicle", "novorossiya", "pyongyang", "reuters",
    "ria_novosti", "rus_armed_forces", "rus_mfa", "rus_mod", "telegram", "ukr_armed_forces",
    "vkontakte", "zakhar_prilepin",
}


@pytest.fixture(scope="module")
def seed_mentions(seeds):
    return tag_actors(seeds)


def tag(make_corpus, text: str, **options):
    return tag_actors(read_corpus(make_corpus({"a.txt": text})), **options)


def spans(mentions) -> list[tuple[str, str, str]]:
    return list(zip(mentions["surface"], mentions["actor_id"], mentions["form"], strict=True))


def test_tag_actors_seed_counts_are_exact(seed_mentions):
    counts = dict(zip(*[count_mentions(seed_mentions)[c] for c in ("actor_id", "n_mentions")],
                      strict=True))
    assert {k: v for k, v in counts.items() if v > 1} == SEED_COUNTS
    assert {k for k, v in counts.items() if v == 1} == SEED_SINGLETONS
    assert seed_mentions["listed"].all()  # the seeds hold no name the gazetteer lacks


def test_tag_actors_offsets_index_document_text(seeds, seed_mentions):
    assert list(seed_mentions.columns) == MENTION_COLUMNS
    texts = dict(zip(seeds.documents["doc_id"], seeds.documents["text"], strict=True))
    sentences = seeds.sentences.set_index(["doc_id", "sent_id"])
    for row in seed_mentions.itertuples(index=False):
        assert texts[row.doc_id][row.start:row.end] == row.surface
        sentence = sentences.loc[(row.doc_id, row.sent_id)]
        assert sentence["start"] <= row.start and row.end <= sentence["end"]


def test_tag_actors_resolves_kcna_renderings_to_one_id(seed_mentions):
    kcna = seed_mentions[seed_mentions["actor_id"] == "kcna"]
    assert sorted(set(kcna["surface"])) == [
        "CPTAK", "Central News Agency of Korea", "KCNA", "Korean Central News Agency",
        "Korean Central Telegraph Agency", "TAK"]
    assert set(kcna["form"]) == {"name", "abbrev"}


def test_tag_actors_resolves_kim_spellings_and_short_form(seed_mentions):
    kim = seed_mentions[seed_mentions["actor_id"] == "kim_jong_un"]
    assert set(kim["surface"]) == {"Kim Jong Un", "Kim Jong-un", "Kim"}
    assert list(kim.loc[kim["surface"] == "Kim", "doc_id"]) == [
        "002_6c472a9334826974", "004_2ef1b9d818be15fd"]


@pytest.mark.parametrize("text, expected", [
    ("The Korean People’s Army fought.", [("Korean People’s Army", "kpa", "name")]),
    ("The Korean People's Army fought.", [("Korean People's Army", "kpa", "name")]),
    ("Russian President Vladimir Putin spoke.",
     [("Russian", "rus", "demonym"), ("Vladimir Putin", "vladimir_putin", "name")]),
    ("The Kremlin said Putin’s aides agreed.",
     [("Kremlin", "rus", "metonym"), ("Putin", "vladimir_putin", "short")]),
    ("Troops were sent to Pyongyang, and Pyongyang’s envoy thanked Moscow.",
     [("Pyongyang", "pyongyang", "name"), ("Pyongyang", "prk", "metonym"),
      ("Moscow", "rus", "metonym")]),
    ("The NIS said so. Many nis and Nis are not it.", [("NIS", "nis", "abbrev")]),
    ("KIM  JONG-UN met Kim Jong   Un in Kursk.",
     [("KIM  JONG-UN", "kim_jong_un", "name"), ("Kim Jong   Un", "kim_jong_un", "name"),
      ("Kursk", "kursk_oblast", "short")]),
    ("Ukrainians fled; Ukrainian troops stayed.",
     [("Ukrainians", "ukr", "demonym"), ("Ukrainian", "ukr", "demonym")]),
    ("The Korean War ended. The Cold War too.", []),
    ("South Korea’s Joint Chiefs of Staff said so. The JCS added more.",
     [("South Korea’s Joint Chiefs of Staff", "kor_jcs", "name"), ("JCS", "kor_jcs", "short")]),
    ("North Korea sent troops; Korean units fought.",
     [("North Korea", "prk", "name"), ("Korean", "prk", "short")]),
    ("South Korea and North Korea disagree; Korean media differ.",
     [("South Korea", "kor", "name"), ("North Korea", "prk", "name"),
      ("Korean", "ambiguous:korean", "short")]),
    ("SEOUL, Feb. 27 (Yonhap) -- The troops of N. Korea moved.",
     [("SEOUL", "seoul", "name"), ("Yonhap", "yonhap", "name"), ("N. Korea", "prk", "name")]),
    ("Moscow, March 3 (Reuters) - Moscow says S. Korean envoys left.",
     [("Moscow", "moscow", "name"), ("Reuters", "reuters", "name"),
      ("Moscow", "rus", "metonym"), ("S. Korean", "kor", "demonym")]),
    ("• KYIV — RBC-Ukraine said the Security Council met.",
     [("KYIV", "kyiv", "name"), ("RBC-Ukraine", "rbc_ukraine", "name"),
      ("Security Council", "ambiguous:security-council", "short")]),
    ("The Russian Security Council met. The Security Council chief spoke.",
     [("Russian Security Council", "rus_security_council", "name"),
      ("Security Council", "rus_security_council", "short")]),
    ("KIM MEETS SHOIGU\n\nKim Jong Un met Sergei Shoigu.",
     [("KIM", "kim_jong_un", "short"), ("SHOIGU", "sergei_shoigu", "short"),
      ("Kim Jong Un", "kim_jong_un", "name"), ("Sergei Shoigu", "sergei_shoigu", "name")]),
    ("Troops fought in Kursk and Moscow.",
     [("Kursk", "kursk_oblast", "short"), ("Moscow", "moscow", "name")]),
    ("The envoy in London met Lapin near Korenevo.",
     [("London", "london", "name"), ("Lapin", "alexander_lapin", "short"),
      ("Korenevo", "korenevo", "name")]),
])
def test_tag_actors_matching_rules(make_corpus, text, expected):
    assert spans(tag(make_corpus, text)) == expected


def test_tag_actors_short_form_is_marked_when_ambiguous(make_corpus):
    text = "Kim Jong Un met Kim Yo Jong. Kim spoke first."
    mentions = tag(make_corpus, text)
    assert list(mentions["actor_id"]) == ["kim_jong_un", "kim_yo_jong", "ambiguous:kim"]
    assert list(tag(make_corpus, "Kim Yo Jong arrived. Kim spoke.")["actor_id"]) == [
        "kim_yo_jong", "kim_yo_jong"]


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


def test_unlisted_names_skip_captions_and_bylines_but_split_inner_titles(make_corpus):
    text = ("Troops Arrive\n\nBy Jane Roe and Min-ho Park, Staff Reporters\n\n"
            "Photo: Soldiers Marching In Pyongyang\n\nRead More: How The War Changed Kursk\n\n"
            "Military Analyst Joost Oliemans said the troops were new. Oliemans added more.")
    unlisted = tag(make_corpus, text).query("~listed")
    assert spans(unlisted) == [("Joost Oliemans", "unlisted:joost-oliemans", "name"),
                               ("Oliemans", "unlisted:joost-oliemans", "short")]


def test_load_gazetteer_user_file_extends_default(tmp_path, make_corpus):
    path = tmp_path / "extra.yaml"
    path.write_text("- id: koroleva\n  name: Anna Koroleva\n  type: person\n  short: [Koroleva]\n"
                    "  country: RUS\n  role: GOV\n", encoding="utf-8")
    gazetteer = load_gazetteer(path, include_default=True)
    mentions = tag(make_corpus, "Anna Koroleva met Putin. Koroleva left.", gazetteer=gazetteer)
    assert list(mentions["actor_id"]) == ["koroleva", "vladimir_putin", "koroleva"]
    assert list(tag(make_corpus, "Putin came.", gazetteer=str(path))["actor_id"]) == []


@pytest.mark.parametrize("content, message", [
    ("- id: a\n  name: A\n  type: person\n  aliases: [B\n", r"extra\.yaml:\d+: YAML syntax error"),
    ("- name: Anna\n  type: person\n", r"extra\.yaml:1: entry 1: missing 'id'"),
    ("- id: a\n  name: Anna\n  type: robot\n", r"extra\.yaml:1: entry 'a': type 'robot'"),
    ("- id: a\n  name: Anna Lee\n  type: person\n- id: b\n  name: Bo\n  type: person\n"
     "  aliases: [Anna Lee]\n", r"extra\.yaml:4: entry 'b': alias 'Anna Lee' is already claimed "
                                r"by 'a'"),
    ("- id: a\n  name: A\n  type: person\n- id: a\n  name: B\n  type: person\n",
     r"extra\.yaml:4: entry 'a': duplicate id"),
])
def test_load_gazetteer_errors_name_file_entry_and_problem(tmp_path, content, message):
    path = tmp_path / "extra.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(KursklibError, match=message):
        load_gazetteer(path)


def test_default_gazetteer_is_valid_and_typed():
    gazetteer = load_gazetteer()
    assert len(gazetteer.actors) > 150
    assert {actor.type for actor in gazetteer.actors.values()} == {"person", "org", "state",
                                                                   "place"}


def test_count_mentions_by_document_and_type(seed_mentions):
    by_doc = count_mentions(seed_mentions, by=["doc_id", "actor_id"])
    assert by_doc["n_mentions"].sum() == len(seed_mentions)
    top = by_doc.iloc[0]
    assert (top["doc_id"], top["actor_id"], top["n_mentions"]) == (
        "001_7aa5fc03dc7aa8de", "prk", 34)
    by_type = count_mentions(seed_mentions, by="actor_type")
    assert list(by_type["actor_type"]) == ["state", "place", "person", "org"]
    with pytest.raises(ValueError, match="cannot group mentions by colour"):
        count_mentions(seed_mentions, by="colour")


def test_build_cooccurrence_counts_shared_sentences_and_documents(make_corpus):
    text = "Putin met Kim Jong Un in Moscow. Kim Jong Un left.\n\nPutin thanked KCNA."
    mentions = tag(make_corpus, text)
    pairs = build_cooccurrence(mentions)
    assert pairs.values.tolist() == [["kcna", "vladimir_putin", 1, 1],
                                     ["kim_jong_un", "moscow", 1, 1],
                                     ["kim_jong_un", "vladimir_putin", 1, 1],
                                     ["moscow", "vladimir_putin", 1, 1]]
    by_document = build_cooccurrence(mentions, unit="document")
    assert len(by_document) == 6
    assert by_document.set_index(["actor_id", "other_id"]).loc[("kcna", "kim_jong_un"),
                                                                "n_sentences"] == 0


def test_find_unlisted_names_gives_counts_and_example(make_corpus):
    folder = make_corpus({"a.txt": "Military expert Ivan Petrovsky spoke. Petrovsky left.",
                          "b.txt": "Ivan Petrovsky returned."})
    table = find_unlisted_names(read_corpus(folder))
    assert table.values.tolist() == [["Ivan Petrovsky", "unlisted:ivan-petrovsky", "person", 3, 2,
                                      "a", 0, "Military expert Ivan Petrovsky spoke."]]


@settings(max_examples=60, deadline=None)
@given(text=arbitrary_text())
def test_tag_actors_never_raises_and_keeps_offsets(text):
    corpus = read_text_or_none(text)
    if corpus is None:
        return
    mentions = tag_actors(corpus)
    assert_rows_index_text(corpus, mentions)
    assert (mentions["start"].diff().dropna() >= 0).all()
    assert (mentions["start"].iloc[1:].to_numpy() >= mentions["end"].iloc[:-1].to_numpy()).all()


def test_find_unlisted_names_reuses_given_mentions(make_corpus):
    corpus = read_corpus(make_corpus({"a.txt": "Military expert Ivan Petrovsky spoke."}))
    mentions = tag_actors(corpus)
    assert find_unlisted_names(corpus, mentions=mentions).equals(find_unlisted_names(corpus))
    assert find_unlisted_names(corpus, mentions=mentions[mentions["listed"]]).empty


NAME_WORDS = ["Kim", "Lee", "Sun-jin", "Jong", "Moscow", "President", "in", "the", "x", "’s",
              "İ", "Élise", "𝐀", "Дмитрий", "."]
SEPARATORS = [" ", " ", "  ", "\t", "\n", ". ", ": ", "-", ""]


@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(st.tuples(st.sampled_from(NAME_WORDS) | st.text(max_size=2),
                                 st.sampled_from(SEPARATORS)), max_size=12)
       .map(lambda pairs: [part for pair in pairs for part in pair]))
def test_glue_prefilter_never_drops_a_short_form_inside_a_longer_name(pieces):
    text = "".join(pieces)
    spans = [(m.start(), m.end()) for m in re.finditer(r"\w+", text)]
    if not spans:
        return
    joined = "\x00" + text + "\x00"
    hits = Hits(doc=np.zeros(len(spans), dtype=np.int64),
                start=np.array([s for s, _ in spans]), end=np.array([e for _, e in spans]),
                phrase=np.zeros(len(spans), dtype=np.int64), joined=joined,
                points=_code_points(joined), offsets=np.array([1, len(text) + 2]))
    may_be_glued = _may_be_glued(hits, np.arange(len(spans)))
    for (start, end), allowed in zip(spans, may_be_glued.tolist(), strict=True):
        assert allowed or not _inside_longer_name(text, start, end), (text, start, end)
