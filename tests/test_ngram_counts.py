"""Tests for kursklib.ngram_counts: n-gram counts per document from integer term codes."""

from __future__ import annotations

import numpy as np
import pytest

import kursklib.ngram_counts as ngram_counts
from kursklib import count_document_terms
from kursklib.ngram_counts import count_ngrams
from kursklib.terms import DOCUMENT_TERM_COLUMNS


def test_count_ngrams_counts_within_sentences_most_frequent_then_by_spelling():
    table = count_ngrams(doc=np.array([0, 0, 0, 0, 1, 1]), sentence=np.array([0, 0, 0, 1, 0, 0]),
                         code=np.array([0, 1, 0, 2, 1, -1]), vocabulary=["b", "a", "c"],
                         doc_ids=["x", "y"], lengths=[1, 2])
    assert list(table.columns) == DOCUMENT_TERM_COLUMNS
    assert table.values.tolist() == [["x", 1, "b", 2], ["x", 1, "a", 1], ["x", 1, "c", 1],
                                     ["x", 2, "a b", 1], ["x", 2, "b a", 1], ["y", 1, "a", 1]]


@pytest.mark.parametrize("largest_key", [2, 10_000])
def test_count_ngrams_same_counts_when_keys_would_overflow(seed_tokens, seed_mentions,
                                                           monkeypatch, largest_key):
    expected = count_document_terms(seed_tokens, seed_mentions, ngrams=(1, 2, 3))
    monkeypatch.setattr(ngram_counts, "_LARGEST_KEY", largest_key)
    terms = count_document_terms(seed_tokens, seed_mentions, ngrams=(1, 2, 3))
    assert terms.equals(expected)
    assert (terms["ngram"] == 3).any()
