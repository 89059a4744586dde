"""Tests for benchmarks/corpora.py: generated corpora read back, with true wire copies."""

from __future__ import annotations

import csv
from datetime import date

import pytest

from benchmarks.corpora import FORMATS, generate_documents, write_corpus
from kursklib import read_corpus


@pytest.mark.parametrize("format", FORMATS)
def test_write_corpus_reads_back_with_distinct_ids_and_true_copies(tmp_path, format):
    path = write_corpus(50, tmp_path / "corpus", format=format)
    texts = dict(zip(*read_corpus(path).documents[["doc_id", "text"]].to_numpy().T, strict=True))
    documents = {document.doc_id: document for document in generate_documents(50)}
    assert len(texts) == len(documents) == 50
    assert set(texts) == set(documents)
    with (tmp_path / "corpus" / "duplicates.csv").open(encoding="utf-8") as handle:
        copies = list(csv.DictReader(handle))
    assert copies
    for copy in copies:
        origin, duplicate = documents[copy["origin_doc_id"]], documents[copy["doc_id"]]
        assert not origin.origin_doc_id
        assert duplicate.source != origin.source
        assert (duplicate.published - origin.published).days in (0, 1)
        assert (texts[duplicate.doc_id] == texts[origin.doc_id]) == (copy["kind"] == "exact")
    assert {copy["doc_id"] for copy in copies} == {
        doc_id for doc_id, document in documents.items() if document.origin_doc_id}


def test_generate_documents_is_seeded_and_prefix_stable():
    first = list(generate_documents(40, seed=7))
    assert first == list(generate_documents(40, seed=7))
    assert first[:20] == list(generate_documents(20, seed=7))
    assert first != list(generate_documents(40, seed=8))
    assert all(date(2024, 11, 1) <= document.published <= date(2025, 12, 31)
               for document in first)
