"""Tests for kursklib.keyness: signed G2 and chi2 of any group against another."""

from __future__ import annotations

import pytest

from kursklib import KursklibError, score_keyness
from kursklib.keyness import KEYNESS_COLUMNS

DOC_003 = "003_032424ebccf55fda"


def test_score_keyness_of_document_003(seed_terms):
    keyness = score_keyness(seed_terms, target=DOC_003)
    top = keyness.head(3)
    assert list(top["term"]) == ["regiment", "demine", "engineering"]
    assert list(top["n_target"]) == [7, 7, 4]
    assert list(top["n_reference"]) == [0, 1, 0]
    assert top["score"].iloc[0] == pytest.approx(21.641916, abs=1e-5)
    assert keyness["p_value"].iloc[0] < 1e-5
    bottom = keyness.iloc[-1]
    assert (bottom["term"], bottom["n_target"], bottom["n_reference"]) == ("ukraine", 0, 16)
    assert bottom["score"] < 0 and bottom["log_ratio"] < 0
    chi2 = score_keyness(seed_terms, target=[DOC_003], measure="chi2")
    assert list(chi2.columns) == KEYNESS_COLUMNS and chi2["term"].iloc[0] in {"regiment", "demine"}
    with pytest.raises(KursklibError, match="target names no doc_id"):
        score_keyness(seed_terms, target="nope")


def test_score_keyness_of_every_group_equals_one_group_at_a_time(seeds, seed_terms):
    every = score_keyness(seed_terms, top=5)
    assert list(every.columns) == ["doc_id", *KEYNESS_COLUMNS]
    one = score_keyness(seed_terms, target=DOC_003, top=5)
    mine = every[every["doc_id"] == DOC_003].drop(columns="doc_id").reset_index(drop=True)
    assert mine.equals(one)
    documents = seeds.documents.assign(outlet=["A", "B", "A", "B", "A"])
    by_outlet = score_keyness(seed_terms, documents, by="outlet", target="A", reference="B")
    assert by_outlet["n_target"].sum() + by_outlet["n_reference"].sum() == seed_terms[
        seed_terms["ngram"] == 1]["n_occurrences"].sum()
