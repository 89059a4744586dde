"""Tests for kursklib.matching: folding and the corpus-wide phrase matcher."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kursklib.characters import DASHES, QUOTES
from kursklib.matching import CharacterTable, FoldedMatcher, fold_phrase

PHRASES = ["kim jong un", "kim", "people's army", "u.s.", "us", "korea", "north korea",
           "čong", "북한", "a"]
# More distinct non-ASCII characters than one byte can code: the two-byte path.
WIDE_PHRASES = [chr(0xAC00 + 2 * i) + chr(0xAC01 + 2 * i) for i in range(80)] + ["kim"]


def reference_hits(phrases: list[str], texts: list[str]) -> list[tuple[int, int, int, int]]:
    """The hits the slow way: fold character by character, collapse spaces, search."""
    found = []
    for doc, text in enumerate(texts):
        kept: list[tuple[str, int]] = []
        for position, char in enumerate(text):
            char = QUOTES.get(char, char)
            char = " " if char in DASHES or char.isspace() else (char.lower()[:1] or char)
            if not (char == " " and kept and kept[-1][0] == " "):
                kept.append((char, position))
        folded = "".join(char for char, _ in kept)
        for index, phrase in enumerate(phrases):
            for match in re.finditer(f"(?={re.escape(phrase)})", folded):
                first, last = match.start(), match.start() + len(phrase) - 1
                if (first and folded[first - 1].isalnum()) or (
                        last + 1 < len(folded) and folded[last + 1].isalnum()):
                    continue
                found.append((doc, kept[first][1], kept[last][1] + 1, index))
    return sorted(found, key=lambda hit: (hit[0], hit[1], hit[1] - hit[2]))


def hits_of(matcher: FoldedMatcher, texts: list[str]) -> list[tuple[int, int, int, int]]:
    hits = matcher.find(texts)
    return list(zip(hits.doc.tolist(), hits.start.tolist(), hits.end.tolist(),
                    hits.phrase.tolist(), strict=True))


def test_fold_phrase_folds_case_quotes_dashes_and_spaces():
    assert fold_phrase("  Korean People’s\n Army – KIM  Jong-un ") == (
        "korean people's army kim jong un")
    assert fold_phrase("İstanbul") == "istanbul"  # one character stays one character


def test_find_maps_folded_hits_back_to_text_offsets():
    matcher = FoldedMatcher(PHRASES)
    texts = ["𝐀 KIM  Jong-\n   Un met the Korean People’s Army.", "US and us; plus Kim!"]
    hits = hits_of(matcher, texts)
    assert [(texts[doc][start:end], PHRASES[phrase]) for doc, start, end, phrase in hits] == [
        ("KIM  Jong-\n   Un", "kim jong un"), ("KIM", "kim"), ("People’s Army", "people's army"),
        ("US", "us"), ("us", "us"), ("Kim", "kim")]
    assert hits == reference_hits(PHRASES, texts)


def test_find_keeps_adjacent_hits_and_never_spans_two_texts():
    matcher = FoldedMatcher(["north korea", "korea", "kim"])
    assert hits_of(matcher, ["North Korea Korea", "kim"]) == [
        (0, 0, 11, 0), (0, 6, 11, 1), (0, 12, 17, 1), (1, 0, 3, 2)]
    assert hits_of(matcher, ["North", "Korea"]) == [(1, 0, 5, 1)]


def test_find_uses_two_byte_codes_for_a_wide_alphabet():
    matcher = FoldedMatcher(WIDE_PHRASES)
    texts = [f"{WIDE_PHRASES[3]} {WIDE_PHRASES[79]}x {WIDE_PHRASES[79]}, Kim"]
    assert hits_of(matcher, texts) == [(0, 0, 2, 3), (0, 7, 9, 79), (0, 11, 14, 80)]


def test_matcher_refuses_phrases_that_are_not_folded():
    with pytest.raises(ValueError, match="folded"):
        FoldedMatcher(["Kim Jong Un"])


def _messy(phrases: list[str]):
    """Text made of phrase renderings (case, dashes, curly quotes, spaces) and noise."""
    def render(phrase: str, upper: bool, dash: str, apostrophe: str) -> str:
        text = phrase.upper() if upper else phrase.title()
        return text.replace(" ", dash).replace("'", apostrophe)

    rendering = st.builds(render, st.sampled_from(phrases), st.booleans(),
                          st.sampled_from([" ", "  ", "-", "\n  ", "–", "\u00a0"]),
                          st.sampled_from(["'", "’", "ʼ"]))
    noise = st.one_of(st.text(max_size=6), st.sampled_from([" ", ".", "x", "’s", "\x00", "𝐀"]))
    return st.lists(st.one_of(rendering, noise), max_size=15).map("".join)


@settings(max_examples=150, deadline=None)
@given(texts=st.lists(_messy(PHRASES), min_size=1, max_size=3))
def test_find_equals_the_slow_reference(texts):
    assert hits_of(FoldedMatcher(PHRASES), texts) == reference_hits(PHRASES, texts)


@settings(max_examples=40, deadline=None)
@given(texts=st.lists(_messy(WIDE_PHRASES[:5] + WIDE_PHRASES[-3:]), min_size=1, max_size=3))
def test_find_equals_the_slow_reference_with_two_byte_codes(texts):
    assert hits_of(FoldedMatcher(WIDE_PHRASES), texts) == reference_hits(WIDE_PHRASES, texts)


@pytest.mark.parametrize("phrases", [PHRASES, WIDE_PHRASES])
def test_code_table_equals_coding_every_character(phrases):
    matcher = FoldedMatcher(phrases)
    table = matcher._encode._table
    slow = CharacterTable(matcher._code, table.dtype)._table
    assert table.dtype == slow.dtype and (table == slow).all()
