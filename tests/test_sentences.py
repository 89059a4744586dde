"""Tests for kursklib.sentences: splitting, headlines, the sentence index."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings

from kursklib import read_corpus
from kursklib.sentences import SENTENCE_COLUMNS
from tests.conftest import (
    arbitrary_corpora,
    assert_sentence_offsets,
    sentences_of,
)


def test_sentences_index_document_text(seeds):
    assert list(seeds.sentences.columns) == SENTENCE_COLUMNS
    assert_sentence_offsets(seeds)


def test_sentences_of_seeds(seeds):
    counts = seeds.sentences.groupby("doc_id").size().to_dict()
    assert counts == {"000_d6b613c77d24cae6": 22, "001_7aa5fc03dc7aa8de": 51,
                      "002_6c472a9334826974": 21, "003_032424ebccf55fda": 31,
                      "004_2ef1b9d818be15fd": 21}
    first = sentences_of(seeds, "000_d6b613c77d24cae6")
    # A closing curly quote after the period still ends the sentence.
    assert first[3].endswith("liberation of Kursk Oblast.’")
    assert first[4].startswith("He described their participation")


def test_headline_is_its_own_segment_and_repeats_are_flagged(seeds):
    doc = seeds.sentences[seeds.sentences["doc_id"] == "004_2ef1b9d818be15fd"]
    assert doc["is_headline"].tolist()[:3] == [True, True, False]
    assert doc["text"].iloc[2].startswith("In a dramatic and emotionally charged moment")
    lede = sentences_of(seeds, "001_7aa5fc03dc7aa8de")[1]
    assert lede.startswith("Russian officials have, for the first time")


def test_bullet_markers_are_outside_sentences(seeds):
    sentences = sentences_of(seeds, "001_7aa5fc03dc7aa8de")
    bullets = [s for s in sentences if s.startswith("On Saturday")]
    assert bullets and not any("►" in s for s in sentences)


@pytest.mark.parametrize("text, expected", [
    ("Gen. Valery Gerasimov spoke. Troops left.",
     ["Gen. Valery Gerasimov spoke.", "Troops left."]),
    ("The U.S. envoy arrived on Sept. 4 in Seoul. He met Lt. Col. Park.",
     ["The U.S. envoy arrived on Sept. 4 in Seoul.", "He met Lt. Col. Park."]),
    ("Kim said “we won.” Then he left.", ["Kim said “we won.”", "Then he left."]),
    ("• First point here\n• Second point.\n- Third one", ["First point here", "Second point.",
                                                          "Third one"]),
])
def test_sentences_do_not_split_abbreviations_and_drop_bullets(make_corpus, text, expected):
    corpus = read_corpus(make_corpus({"a.txt": text}))
    assert sentences_of(corpus, "a") == expected
    assert_sentence_offsets(corpus)


def test_headline_indented_and_repeated_is_recognised(make_corpus):
    text = ("   Troops Return Home From Kursk\n\n   Troops Return Home From Kursk\n\n"
            "   Soldiers came home. They were greeted.\n")
    corpus = read_corpus(make_corpus({"a.txt": text}))
    assert corpus.documents["title"].iloc[0] == "Troops Return Home From Kursk"
    assert sentences_of(corpus, "a") == ["Troops Return Home From Kursk"] * 2 + [
        "Soldiers came home.", "They were greeted."]


def test_no_headline_when_first_line_is_a_sentence(make_corpus):
    corpus = read_corpus(make_corpus({"a.txt": "Troops returned home.\nThey were greeted.\n"}))
    assert pd.isna(corpus.documents["title"].iloc[0])


@pytest.mark.slow
def test_fifty_megabyte_single_line_is_read(tmp_path):
    sentence = "North Korean troops fought in Kursk Oblast and Gen. Ivanov praised them. "
    text = (sentence * (50_000_000 // len(sentence) + 1))[:50_000_000]
    (tmp_path / "big.txt").write_text(text, encoding="utf-8")
    corpus = read_corpus(tmp_path)
    assert corpus.documents["n_chars"].iloc[0] == 50_000_000
    sentences = corpus.sentences
    assert len(sentences) > 600_000
    assert sentences["text"].iloc[1] == sentence.strip()
    assert (sentences["start"].iloc[1:].to_numpy() >= sentences["end"].iloc[:-1].to_numpy()).all()


@settings(max_examples=80, deadline=None)
@given(corpus=arbitrary_corpora())
def test_reading_arbitrary_text_keeps_sentence_invariants(corpus):
    assert "\r" not in corpus.documents["text"].iloc[0]
    assert_sentence_offsets(corpus)
