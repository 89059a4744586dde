"""Hostile sizes (#12): the cost of a timeline and of keyness grows with the input, no faster."""

from __future__ import annotations

import resource
import time

import numpy as np
import pandas as pd

import kursklib


def _timeline_seconds(dates: int) -> float:
    documents = pd.DataFrame({"doc_id": ["a"], "published": ["2025-01-01"],
                              "text": ["Kim said " + "2024-01-01 " * dates]})
    corpus = kursklib.read_corpus(documents)
    mentions = kursklib.tag_actors(corpus)
    tables = (kursklib.tag_dates(corpus), mentions, kursklib.tag_tokens(corpus, mentions),
              corpus.sentences, corpus.documents)
    start = time.perf_counter()
    timeline = kursklib.build_timeline(*tables)
    assert len(timeline) == dates
    return time.perf_counter() - start


def test_many_dates_in_one_sentence_cost_time_and_memory_in_proportion():
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    small, large = _timeline_seconds(1_000), _timeline_seconds(8_000)
    grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) * 1024
    assert large < 8 * 6 * max(small, 0.02)  # 8 times the dates: about 8 times the time
    assert grown < 500 * 2**20  # a copy of the sentence per date would be 8000 x 88 kB


def _keyness_seconds(documents: int) -> float:
    rng = np.random.default_rng(documents)
    rows = documents * 20
    terms = pd.DataFrame({"doc_id": [f"d{i}" for i in rng.integers(0, documents, rows)],
                          "ngram": 1, "term": [f"t{i}" for i in rng.integers(0, 2_000, rows)],
                          "n_occurrences": rng.integers(1, 4, rows)})
    terms = terms.groupby(["doc_id", "ngram", "term"], as_index=False)["n_occurrences"].sum()
    start = time.perf_counter()
    kursklib.score_keyness(terms, top=5)
    return time.perf_counter() - start


def test_keyness_of_every_document_grows_linearly_with_the_documents():
    small, large = _keyness_seconds(1_000), _keyness_seconds(4_000)
    assert large < 6 * max(small, 0.05), (small, large)
