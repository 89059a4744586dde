"""Tests for kursklib.terms: document term counts, groups, collocations and TF-IDF."""

from __future__ import annotations

import pandas as pd
import pytest

from kursklib import (
    KursklibError,
    count_document_terms,
    count_terms,
    count_tfidf,
    find_collocations,
    tag_terms,
)
from kursklib.terms import DOCUMENT_TERM_COLUMNS

DOC_003 = "003_032424ebccf55fda"


def test_count_terms_seed_top_terms_merge_each_actor(seed_terms):
    top = count_terms(seed_terms).head(5)
    assert list(zip(top["term"], top["n_occurrences"], strict=True)) == [
        ("north korea", 105), ("russia", 81), ("military", 36), ("kursk oblast", 34),
        ("soldier", 25)]
    assert count_terms(seed_terms)["share"].sum() == pytest.approx(1.0)
    assert list(seed_terms.columns) == DOCUMENT_TERM_COLUMNS


def test_count_document_terms_actor_spellings(seed_tokens, seed_mentions):
    surface = count_terms(count_document_terms(seed_tokens, seed_mentions, actors="surface"))
    assert list(surface["term"].head(4)) == ["dprk", "russia", "military", "north korean"]
    by_id = set(count_terms(count_document_terms(seed_tokens, seed_mentions, actors="id"))["term"])
    assert {"prk", "kim_jong_un"} <= by_id
    split = set(count_terms(count_document_terms(seed_tokens, seed_mentions, actors="none"))[
        "term"])
    assert "jong" in split and "kim jong un" not in split
    with pytest.raises(KursklibError, match="actors must be one of"):
        count_document_terms(seed_tokens, seed_mentions, actors="alias")


def test_count_terms_bigrams_groups_and_options(seeds, seed_tokens, seed_mentions, seed_terms):
    bigrams = count_terms(seed_terms, ngram=2)
    assert list(bigrams["term"].head(2)) == ["north korea soldier", "north korea leader"]
    by_document = count_terms(seed_terms, by="doc_id", min_count=3)
    assert list(by_document.columns) == ["doc_id", "term", "n_occurrences", "share"]
    assert (by_document["n_occurrences"] >= 3).all()
    first_003 = by_document[by_document["doc_id"] == DOC_003].iloc[0]
    assert (first_003["term"], first_003["n_occurrences"]) == ("north korea", 24)
    documents = seeds.documents.assign(source=["A", "B", "A", "B", "A"])
    by_source = count_terms(seed_terms, documents, by="source")
    assert set(by_source["source"]) == {"A", "B"}
    assert by_source["n_occurrences"].sum() == count_terms(seed_terms)["n_occurrences"].sum()
    with_stop = count_terms(count_document_terms(seed_tokens, seed_mentions, keep_stop=True,
                                                 use="norm"))
    assert with_stop["term"].iloc[0] == "the"
    with pytest.raises(KursklibError, match="ngrams must be a list of values from 1, 2, 3"):
        count_document_terms(seed_tokens, seed_mentions, ngrams=(4,))
    with pytest.raises(KursklibError, match="cannot count terms by source"):
        count_terms(seed_terms, by="source")


def test_find_collocations_pmi_and_likelihood_without_name_fragments(seed_terms):
    likelihood = find_collocations(seed_terms, measure="likelihood_ratio")
    assert list(likelihood["collocation"].head(2)) == ["president vladimir putin",
                                                       "comprehensive strategic"]
    assert not {"kim jong", "north korean", "vladimir putin"} & set(likelihood["collocation"])
    pmi = find_collocations(seed_terms, min_count=3)
    assert (pmi["n_occurrences"] >= 3).all()
    assert pmi["collocation"].iloc[0] == "juche regime"


def test_find_collocations_matches_nltk_bigram_measures():
    from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder

    sentences = [["a", "b", "c", "a", "b"], ["b", "c", "a", "b", "d"]]
    rows = [(doc, 1, word, 1) for doc, words in enumerate(sentences) for word in words]
    rows += [(doc, 2, f"{x} {y}", 1) for doc, words in enumerate(sentences)
             for x, y in zip(words, words[1:])]
    terms = (pd.DataFrame(rows, columns=DOCUMENT_TERM_COLUMNS).astype({"doc_id": str})
             .groupby(DOCUMENT_TERM_COLUMNS[:3], as_index=False).sum())
    finder = BigramCollocationFinder.from_documents(sentences)
    for measure in ("pmi", "likelihood_ratio"):
        expected = {" ".join(pair): round(score, 6) for pair, score in
                    finder.score_ngrams(getattr(BigramAssocMeasures, measure))}
        ours = find_collocations(terms, measure=measure, min_count=1)
        assert {c: round(s, 6) for c, s in zip(ours["collocation"], ours["score"])} == expected


def test_tag_terms_finds_merged_actor_terms(seed_tokens, seed_mentions):
    occurrences = tag_terms(seed_tokens, seed_mentions, ["soldier", "kim jong un"])
    assert set(occurrences["term"]) == {"soldier", "kim jong un"}
    kim = occurrences[occurrences["term"] == "kim jong un"].iloc[0]
    assert kim["end"] - kim["start"] >= len("Kim Jong Un")


def test_count_tfidf_ranks_distinctive_terms(seed_terms):
    tfidf = count_tfidf(seed_terms, top=3)
    assert list(tfidf.columns) == ["doc_id", "rank", "term", "n_occurrences", "tf", "idf", "tfidf"]
    assert tfidf.groupby("doc_id").size().tolist() == [3] * 5
    assert tfidf[tfidf["doc_id"] == DOC_003]["term"].tolist() == ["regiment", "engineering",
                                                                   "demine"]
