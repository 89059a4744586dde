"""Tests for kursklib.actors.tagger: tag_actors on the seeds and on matching rules."""

from __future__ import annotations

import pytest
from hypothesis import given, settings

from kursklib import (
    count_mentions,
    read_corpus,
    tag_actors,
)
from kursklib.actors import MENTION_COLUMNS
from tests.conftest import arbitrary_corpora, assert_rows_index_text

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


@settings(max_examples=60, deadline=None)
@given(corpus=arbitrary_corpora())
def test_tag_actors_never_raises_and_keeps_offsets(corpus):
    mentions = tag_actors(corpus)
    assert_rows_index_text(corpus, mentions)
    assert (mentions["start"].diff().dropna() >= 0).all()
    assert (mentions["start"].iloc[1:].to_numpy() >= mentions["end"].iloc[:-1].to_numpy()).all()
