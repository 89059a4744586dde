"""Tests for kursklib.keyness: signed G2 and chi2 against the rest."""

from __future__ import annotations

import pytest

from kursklib import (
    KursklibError,
    score_keyness,
)
from kursklib.keyness import KEYNESS_COLUMNS

DOC_003 = "003_032424ebccf55fda"



def test_score_keyness_of_document_003(seed_tokens):
    keyness = score_keyness(seed_tokens, DOC_003)
    top = keyness.head(3)
    assert list(top["term"]) == ["dprk", "regiment", "demine"]
    assert list(top["n_target"]) == [22, 7, 7]
    assert list(top["n_reference"]) == [15, 0, 1]
    assert top["score"].iloc[0] == pytest.approx(25.669084, abs=1e-5)
    assert keyness["p_value"].iloc[0] < 1e-6
    bottom = keyness.iloc[-1]
    assert (bottom["term"], bottom["n_target"], bottom["n_reference"]) == (
        "north korea", 0, 22)
    assert bottom["score"] < 0 and bottom["log_ratio"] < 0
    chi2 = score_keyness(seed_tokens, [DOC_003], measure="chi2")
    assert list(chi2.columns) == KEYNESS_COLUMNS and chi2["term"].iloc[0] in {"dprk", "regiment"}
    with pytest.raises(KursklibError, match="unknown target doc_id"):
        score_keyness(seed_tokens, "nope")
