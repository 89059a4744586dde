"""Tests for kursklib.dates.scan: the vectorised candidate scan equals a slow, obvious one."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kursklib.dates.rules import fold_case
from kursklib.dates.scan import Candidates, find_expressions, scanner_for
from kursklib.dates.templates import DIGIT
from kursklib.matching import fold_phrase

SCANNER = scanner_for("en")
LANGUAGE = SCANNER.language


def slow_candidates(text: str) -> Candidates:
    """Heads and starters character by character: words are runs of letters and digits; a
    number is a head if it has four digits, a date separator and a digit, letters glued to
    it, or a word head within reach after it."""
    heads, starters, numbers, number_heads = [], [], [], []
    for index, char in enumerate(text):
        before = text[index - 1] if index else " "
        if char.isdigit():
            in_number = before in ".,:/" and index > 1 and text[index - 2].isdigit()
            if before.isdigit() or in_number or unicodedata.category(before) == "Sc":
                continue
            if not before.isalnum():
                starters.append(index)
            numbers.append(index)
            continue
        if not char.isalnum() or before.isalnum():
            continue
        end = index
        while end < len(text) and text[end].isalnum():
            end += 1
        word = fold_phrase(text[index:end])
        if word in LANGUAGE.heads:
            heads.append(index)
        if word in LANGUAGE.starters or word in LANGUAGE.heads:
            starters.append(index)
    for start in numbers:
        last = start
        while last + 1 < len(text) and text[last + 1].isdigit():
            last += 1
        after = text[last + 1:last + 3]
        if last - start == 3 or after[:1].isalpha() or (
                len(after) == 2 and after[0] in "-/.:" and after[1].isdigit()) or any(
                0 < head - last <= LANGUAGE.lead for head in heads):
            number_heads.append(start)
    heads = sorted(heads + number_heads)
    near = [start for start in starters
            if any(0 <= head - start <= LANGUAGE.lead for head in heads)]
    return Candidates(heads, [word_at(text, head) for head in heads], near,
                      [word_at(text, start) for start in near], fold_case(text))


def word_at(text: str, start: int) -> str:
    end = start
    while end < len(text) and text[end].isalnum():
        end += 1
    return DIGIT if text[start].isdigit() else fold_phrase(text[start:end])


def spans(text: str, candidates: Candidates) -> list[tuple[int, int]]:
    return [match.span() for match in find_expressions(text, candidates, LANGUAGE)]


# Date words and fillers that put starters near, and just out of, reach of their heads.
DATE_PIECES = ["the second half of", "the beginning of", "fifteen or", "seventeen", "years ago",
               "December", "2024", "Friday", "May", "mid-", "next", "the", "Q3", "²", "3rd",
               "nowadays", "Today", "Russia", "1990s", "century", "Dec.", "days", "’s", "x", "_",
               "İ", "𝐀", ",", ". ", "\n", " ", "  ", "     ", "KNOWN", "approximately", "$",
               "4.5", "1,000", "10:35", "a.m.", "a year earlier", "третьего", "мая"]


@settings(max_examples=200, deadline=None)
@given(texts=st.lists(st.lists(st.sampled_from(DATE_PIECES) | st.text(max_size=3), max_size=20)
                      .map("".join), min_size=1, max_size=3))
def test_candidate_scan_equals_the_slow_one(texts):
    for text, candidates in zip(texts, SCANNER.candidates(texts), strict=True):
        slow = slow_candidates(text)
        assert (candidates.heads, candidates.head_words) == (slow.heads, slow.head_words)
        assert spans(text, candidates) == spans(text, slow)


@pytest.mark.parametrize("text", [
    *(f"Some words the second half of{' ' * gap}2024 here." for gap in range(3, 14)),
    *(f"Then fifteen or{' ' * gap}twenty years ago." for gap in range(8, 16)),
    "In Q3 2024 and ²2024 and x2024 and 12024, mid-2025.", "_May 5 and May 5",
    "KNOWN for days; nowadays; Today’s news", "approximately the 1990s",
    "The 1990s, the 21st century, in the past, the  next two weeks, the end of May, The end",
    "It cost $2024 at 4.2024 and 1,2024 or 10:2024, a year earlier.",
])
def test_candidate_scan_at_the_edges_of_its_window(text):
    [candidates] = SCANNER.candidates([text])
    slow = slow_candidates(text)
    assert (candidates.heads, spans(text, candidates)) == (slow.heads, spans(text, slow))


def test_candidate_scan_skips_amounts_and_the_inside_of_numbers():
    text = "It cost $1998, or 4.1998 and 1,998 units, in 1998."
    [candidates] = SCANNER.candidates([text])
    heads = candidates.heads
    # A number is a head where it begins (unless a currency sign comes before it) if it
    # can be part of an expression.
    assert [text[head:head + 4] for head in heads] == ["4.19", "1998"]
