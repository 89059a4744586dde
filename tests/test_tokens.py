"""Tests for kursklib.tokens: tokens with offsets, lemmas, flags and actors."""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import given, settings

from kursklib import (
    count_document_terms,
    count_terms,
    read_corpus,
    tag_actors,
    tag_tokens,
)
from kursklib.tokens import TOKEN_COLUMNS, mention_rows
from tests.conftest import arbitrary_corpora, assert_rows_index_text


def test_tag_tokens_offsets_index_document_text(seeds, seed_tokens):
    assert list(seed_tokens.columns) == TOKEN_COLUMNS
    texts = dict(zip(seeds.documents["doc_id"], seeds.documents["text"], strict=True))
    for row in seed_tokens.itertuples(index=False):
        assert texts[row.doc_id][row.start:row.end] == row.surface
    for _, doc in seed_tokens.groupby("doc_id"):
        assert list(doc["token_id"]) == list(range(len(doc)))


def test_tag_tokens_norm_lemma_flags_and_actor(make_corpus):
    corpus = read_corpus(make_corpus({"a.txt": "Kim Jong-un’s troops were “liberating” towns."}))
    tokens = tag_tokens(corpus, tag_actors(corpus), stopwords=["towns"])
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


@settings(max_examples=60, deadline=None)
@given(corpus=arbitrary_corpora())
def test_tag_tokens_never_raises_and_keeps_offsets(corpus):
    mentions = tag_actors(corpus)
    tokens = tag_tokens(corpus, mentions)
    assert_rows_index_text(corpus, tokens)
    count_terms(count_document_terms(tokens, mentions, ngrams=(1, 2, 3)), ngram=2)


def test_mention_rows_same_for_tokens_out_of_text_order(seed_tokens, seed_mentions):
    doc, doc_ids = pd.factorize(seed_tokens["doc_id"])
    start = seed_tokens["start"].to_numpy(np.int64)
    rows = mention_rows(doc, start, doc_ids, seed_mentions)
    assert (rows >= 0).sum() > 100
    assert (mention_rows(doc[::-1], start[::-1], doc_ids, seed_mentions) == rows[::-1]).all()
