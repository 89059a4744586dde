"""Tests for kursklib.terms: counts, n-grams, collocations and TF-IDF."""

from __future__ import annotations

import pytest

from kursklib import (
    KursklibError,
    count_terms,
    count_tfidf,
    find_collocations,
)

DOC_003 = "003_032424ebccf55fda"



def test_count_terms_seed_top_lemmas(seed_tokens):
    top = count_terms(seed_tokens).head(8)
    assert list(zip(top["term"], top["n_occurrences"], strict=True)) == [
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
    by_document = count_terms(seed_tokens, by="doc_id", min_count=3)
    assert list(by_document.columns) == ["doc_id", "term", "n_occurrences", "share"]
    assert (by_document["n_occurrences"] >= 3).all()
    first_003 = by_document[by_document["doc_id"] == DOC_003].iloc[0]
    assert (first_003["term"], first_003["n_occurrences"]) == ("dprk", 22)
    with_stop = count_terms(seed_tokens, keep_stop=True, use="norm")
    assert with_stop["term"].iloc[0] == "the"
    with pytest.raises(KursklibError, match="ngram must be 1, 2 or 3"):
        count_terms(seed_tokens, ngram=4)


def test_find_collocations_pmi_and_likelihood(seed_tokens):
    likelihood = find_collocations(seed_tokens, measure="likelihood_ratio")
    assert list(likelihood["collocation"].head(3)) == ["north korean", "north korea",
                                                       "kursk oblast"]
    pmi = find_collocations(seed_tokens, min_count=3)
    assert (pmi["n_occurrences"] >= 3).all()
    assert "juche regime" in set(pmi["collocation"])
    assert len(find_collocations(seed_tokens, ngram=3)) > 0


def test_count_tfidf_ranks_distinctive_terms(seed_tokens):
    tfidf = count_tfidf(seed_tokens, top=3)
    assert list(tfidf.columns) == ["doc_id", "rank", "term", "n_occurrences", "tf", "idf", "tfidf"]
    assert tfidf.groupby("doc_id").size().tolist() == [3] * 5
    top_003 = tfidf[tfidf["doc_id"] == DOC_003]["term"].tolist()
    assert top_003 == ["dprk", "regiment", "engineering"]
