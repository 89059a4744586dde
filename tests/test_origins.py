"""Tests for kursklib.origins, and n_independent against a generated corpus's true wire copies."""

from __future__ import annotations

import pandas as pd
import pytest

from kursklib.origins import find_copies

STORY = ["Kim Jong Un visited a munitions factory on Friday.", "He praised the workers there.",
         "State media showed new missiles.", "Analysts said output had doubled."]


@pytest.mark.parametrize("copy, is_copy", [
    (STORY, True),
    (["PYONGYANG, May 2 (KCNA) -- " + STORY[0], *STORY[1:]], True),  # without the dateline
    (STORY[:3], True),  # a paragraph dropped
    ([STORY[0], "Seoul said nothing.", "Talks resumed.", "Markets fell."], False),
    (STORY[:2], False),  # too short to tell
])
def test_find_copies_tells_a_copy_from_a_shared_quote(copy, is_copy):
    background = [f"Story {n} says something else entirely, line {line}."
                  for n in range(6) for line in range(4)]
    sentences = pd.DataFrame({
        "doc_id": ["origin"] * 4 + ["copy"] * len(copy) + [f"other{n}" for n in range(6)
                                                            for _ in range(4)],
        "text": STORY + copy + background})
    doc_ids = ["origin", "copy"] + [f"other{n}" for n in range(6)]
    labels = find_copies(sentences, doc_ids)
    assert (labels[1] == 0) == is_copy
    assert list(labels[2:]) == list(range(2, 8))
