"""Tests for kursklib.actors.glue: the vectorised prefilter against the exact check."""

from __future__ import annotations

import re

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from kursklib.actors.cues import name_cues
from kursklib.actors.glue import inside_longer_name, may_be_glued
from kursklib.matching import Hits, _code_points

NAME_WORDS = ["Kim", "Lee", "Sun-jin", "Jong", "Moscow", "President", "in", "the", "x", "’s",
              "İ", "Élise", "𝐀", "Дмитрий", "."]


SEPARATORS = [" ", " ", "  ", "\t", "\n", ". ", ": ", "-", ""]


@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(st.tuples(st.sampled_from(NAME_WORDS) | st.text(max_size=2),
                                 st.sampled_from(SEPARATORS)), max_size=12)
       .map(lambda pairs: [part for pair in pairs for part in pair]))
def test_glue_prefilter_never_drops_a_short_form_inside_a_longer_name(pieces):
    text = "".join(pieces)
    spans = [(m.start(), m.end()) for m in re.finditer(r"\w+", text)]
    if not spans:
        return
    joined = "\x00" + text + "\x00"
    hits = Hits(doc=np.zeros(len(spans), dtype=np.int64),
                start=np.array([s for s, _ in spans]), end=np.array([e for _, e in spans]),
                phrase=np.zeros(len(spans), dtype=np.int64), joined=joined,
                points=_code_points(joined), offsets=np.array([1, len(text) + 2]))
    allowed_by_prefilter = may_be_glued(hits, np.arange(len(spans)))
    for (start, end), allowed in zip(spans, allowed_by_prefilter.tolist(), strict=True):
        assert allowed or not inside_longer_name(text, start, end, name_cues("en")), (
            text, start, end)
