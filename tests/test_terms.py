"""Tests for kursklib.terms: tokens, counts, keyness, collocations, KWIC, TF-IDF."""

from __future__ import annotations

import pytest
from hypothesis import given, settings

from kursklib import (
    count_terms,
    count_tfidf,
    find_collocations,
    read_corpus,
    score_keyness,
    tag_kwic,
    tag_tokens,
)
from kursklib.terms import TOKEN_COLUMNS
from tests.conftest import arbitrary_text, assert_rows_index_text, read_text_or_none

DOC_003 = "003_032424ebccf55fda"


@pytest.fixture(scope="module")
def seed_tokens(seeds):
    return tag_tokens(seeds)


def test_tag_tokens_offsets_index_document_text(seeds, seed_tokens):
    assert list(seed_tokens.columns) == TOKEN_COLUMNS
    texts = dict(zip(seeds.documents["doc_id"], seeds.documents["text"], strict=True))
    for row in seed_tokens.itertuples(index=False):
        assert texts[row.doc_id][row.start:row.end] == row.surface
    for _, doc in seed_tokens.groupby("doc_id"):
        assert list(doc["token_id"]) == list(range(len(doc)))


def test_tag_tokens_norm_lemma_flags_and_actor(make_corpus):
    corpus = read_corpus(make_corpus({"a.txt": "Kim Jong-un’s troops were “liberating” towns."}))
    tokens = tag_tokens(corpus, stopwords=["towns"])
    rows = [(r.surface, r.norm, r.lemma, r.is_stop, r.is_punct, r.actor_id if isinstance(
        r.actor_id, str) else None) for r in tokens.itertuples()]
    assert rows == [
        ("Kim", "kim", "kim", False, False, "kim_jong_un"),
        ("Jong-un", "jong-un", "jong-un", False, False, "kim_jong_un"),
        ("’s", "'s", "'s", True, False, None),
        ("troops", "troops", "troop", False, False, None),
        ("were", "were", "be", True, False, None),
        ("“", '"', '"', False, True, None),
        ("liberating", "liberating", "liberate", False, False, None),
        ("”", '"', '"', False, True, None),
        ("towns", "towns", "town", True, False, None),
        (".", ".", ".", False, True, None),
    ]


def test_count_terms_seed_top_lemmas(seed_tokens):
    top = count_terms(seed_tokens).head(8)
    assert list(zip(top["term"], top["count"], strict=True)) == [
        ("dprk", 37), ("military", 36), ("russia", 36), ("north korean", 34), ("russian", 30),
        ("soldier", 25), ("north korea", 22), ("involvement", 21)]
    assert count_terms(seed_tokens)["share"].sum() == pytest.approx(1.0)


def test_count_terms_merges_multiword_actor_names(seed_tokens):
    merged = set(count_terms(seed_tokens)["term"])
    assert {"kim jong un", "korean people's army", "kursk oblast"} <= merged
    split = set(count_terms(seed_tokens, merge_actors=False)["term"])
    assert "kim jong un" not in split and "jong" in split


def test_count_terms_bigrams_by_document_and_options(seed_tokens):
    bigrams = count_terms(seed_tokens, ngram=2)
    assert list(bigrams["term"].head(2)) == ["north korean soldier", "military operation"]
    by_document = count_terms(seed_tokens, by="document", min_count=3)
    assert list(by_document.columns) == ["doc_id", "term", "count", "share"]
    assert (by_document["count"] >= 3).all()
    first_003 = by_document[by_document["doc_id"] == DOC_003].iloc[0]
    assert (first_003["term"], first_003["count"]) == ("dprk", 22)
    with_stop = count_terms(seed_tokens, keep_stop=True, use="norm")
    assert with_stop["term"].iloc[0] == "the"
    with pytest.raises(ValueError, match="ngram must be 1, 2 or 3"):
        count_terms(seed_tokens, ngram=4)


def test_score_keyness_of_document_003(seed_tokens):
    keyness = score_keyness(seed_tokens, DOC_003)
    top = keyness.head(3)
    assert list(top["term"]) == ["dprk", "regiment", "demine"]
    assert list(top["target_count"]) == [22, 7, 7]
    assert list(top["reference_count"]) == [15, 0, 1]
    assert top["g2"].iloc[0] == pytest.approx(25.669084, abs=1e-5)
    assert keyness["p_value"].iloc[0] < 1e-6
    bottom = keyness.iloc[-1]
    assert (bottom["term"], bottom["target_count"], bottom["reference_count"]) == (
        "north korea", 0, 22)
    assert bottom["g2"] < 0 and bottom["log_ratio"] < 0
    chi2 = score_keyness(seed_tokens, [DOC_003], measure="chi2")
    assert "chi2" in chi2.columns and chi2["term"].iloc[0] in {"dprk", "regiment"}
    with pytest.raises(ValueError, match="unknown target doc_id"):
        score_keyness(seed_tokens, "nope")


def test_find_collocations_pmi_and_likelihood(seed_tokens):
    likelihood = find_collocations(seed_tokens, measure="likelihood_ratio")
    assert list(likelihood["collocation"].head(3)) == ["north korean", "north korea",
                                                       "kursk oblast"]
    pmi = find_collocations(seed_tokens, min_count=3)
    assert (pmi["count"] >= 3).all()
    assert "juche regime" in set(pmi["collocation"])
    assert len(find_collocations(seed_tokens, n=3)) > 0


def test_tag_kwic_glob_phrase_and_actor(seeds):
    glob = tag_kwic(seeds, "liberat*", window=3)
    assert len(glob) == 8
    assert set(glob["keyword"].str.lower()) == {"liberation", "liberating", "liberate"}
    phrase = tag_kwic(seeds, "Kursk region")
    assert len(phrase) == 11 and (phrase["keyword"].str.lower() == "kursk region").all()
    actor = tag_kwic(seeds, "kcna", window=2)
    assert set(actor["keyword"]) == {"Korean Central Telegraph Agency", "TAK", "KCNA",
                                     "Korean Central News Agency", "Central News Agency of Korea",
                                     "CPTAK"}
    row = glob.iloc[0]
    assert (row["left"], row["keyword"], row["right"]) == ("commitment to the", "liberation",
                                                          "of Kursk Oblast")


def test_count_tfidf_ranks_distinctive_terms(seed_tokens):
    tfidf = count_tfidf(seed_tokens, top=3)
    assert list(tfidf.columns) == ["doc_id", "rank", "term", "count", "tf", "idf", "tfidf"]
    assert tfidf.groupby("doc_id").size().tolist() == [3] * 5
    top_003 = tfidf[tfidf["doc_id"] == DOC_003]["term"].tolist()
    assert top_003 == ["dprk", "regiment", "engineering"]


@settings(max_examples=60, deadline=None)
@given(text=arbitrary_text())
def test_tag_tokens_never_raises_and_keeps_offsets(text):
    corpus = read_text_or_none(text)
    if corpus is None:
        return
    tokens = tag_tokens(corpus)
    assert_rows_index_text(corpus, tokens)
    count_terms(tokens, ngram=2)
