"""Tests for kursklib.kwic: keyword in context."""

from __future__ import annotations

import pytest

from kursklib import (
    KursklibError,
    tag_kwic,
)
from kursklib.kwic import KWIC_COLUMNS


def test_tag_kwic_glob_phrase_and_actor(seeds, seed_tokens, seed_mentions):
    glob = tag_kwic(seeds.documents, seed_tokens, "liberat*", window=3)
    assert len(glob) == 8
    assert set(glob["keyword"].str.lower()) == {"liberation", "liberating", "liberate"}
    phrase = tag_kwic(seeds.documents, seed_tokens, "Kursk region")
    assert len(phrase) == 11 and (phrase["keyword"].str.lower() == "kursk region").all()
    actor = tag_kwic(seeds.documents, seed_tokens, "kcna", mentions=seed_mentions, window=2)
    word = tag_kwic(seeds.documents, seed_tokens, "kcna")  # without mentions, a word
    assert set(word["keyword"]) == {"KCNA"}
    assert set(actor["keyword"]) == {"Korean Central Telegraph Agency", "TAK", "KCNA",
                                     "Korean Central News Agency", "Central News Agency of Korea",
                                     "CPTAK"}
    row = glob.iloc[0]
    assert (row["left"], row["keyword"], row["right"]) == ("commitment to the", "liberation",
                                                          "of Kursk Oblast")


def test_tag_kwic_pattern_without_words_is_an_error(seeds, seed_tokens):
    with pytest.raises(KursklibError, match="KWIC pattern ' ' has no words"):
        tag_kwic(seeds.documents, seed_tokens, " ")


def test_tag_kwic_without_tokens_is_empty(seeds, seed_tokens, seed_mentions):
    empty = tag_kwic(seeds.documents, seed_tokens.iloc[:0], "", mentions=seed_mentions.iloc[:0])
    assert empty.empty and list(empty.columns) == KWIC_COLUMNS
