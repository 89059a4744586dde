"""Tests for kursklib.dates: temporal tagging, normalisation, timeline."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kursklib import read_corpus, tag_dates
from kursklib.dates import (
    _LEAD,
    DATE_COLUMNS,
    HEAD_STEMS,
    STARTERS,
    TEMPORAL_PATTERN,
    _find_candidates,
    _find_expressions,
)
from tests.conftest import arbitrary_text, assert_rows_index_text, read_text_or_none

SEED_DATES = [
    # doc, surface, value, granularity, mod, kind, anchor
    ("000", "recently", "PAST_REF", "", "", "relative", "none"),
    ("000", "August 20", "2025-08-20", "day", "", "date", "published"),
    ("000", "April 26", "2025-04-26", "day", "", "date", "published"),
    ("000", "recently", "PAST_REF", "", "", "relative", "none"),
    ("000", "recent months", "PAST_REF", "", "", "relative", "none"),
    ("000", "fourth year", "P4Y", "year", "", "duration", "none"),
    ("001", "Saturday", "2025-04-26", "day", "", "date", "published"),
    ("001", "Monday morning", "2025-04-28", "day", "", "date", "published"),
    ("001", "April 28", "2025-04-28", "day", "", "date", "published"),
    ("001", "the future", "FUTURE_REF", "", "", "relative", "none"),
    ("001", "December 2024", "2024-12", "month", "", "date", "explicit"),
    ("001", "late 2024", "2024", "year", "END", "date", "explicit"),
    ("001", "now", "PRESENT_REF", "", "", "relative", "none"),
    ("001", "December 2024", "2024-12", "month", "", "date", "explicit"),
    ("001", "now", "PRESENT_REF", "", "", "relative", "none"),
    ("001", "five years ago", "2020", "year", "", "relative", "published"),
    ("001", "fifteen", "2010", "year", "", "relative", "published"),
    ("001", "twenty years ago", "2005", "year", "", "relative", "published"),
    ("002", "October 1st", "2025-10-01", "day", "", "date", "published"),
    ("002", "September 4th", "2025-09-04", "day", "", "date", "published"),
    ("002", "recently", "PAST_REF", "", "", "relative", "none"),
    ("002", "years", "PXY", "year", "", "duration", "none"),
    ("002", "21st century", "20", "century", "", "date", "explicit"),
    ("003", "December 12th", "2025-12-12", "day", "", "date", "published"),
    ("003", "May", "2025-05", "month", "", "date", "published"),
    ("003", "decades", "PXDE", "decade", "", "duration", "none"),
    ("003", "the beginning of August", "2025-08", "month", "START", "date", "published"),
    ("003", "three months", "P3M", "month", "", "duration", "none"),
    ("003", "November", "2025-11", "month", "", "date", "published"),
    ("003", "decades", "PXDE", "decade", "", "duration", "none"),
    ("003", "recent years", "PAST_REF", "", "", "relative", "none"),
    ("004", "Earlier this week", "2025-W27", "week", "", "relative", "published"),
    ("004", "July", "2025-07", "month", "", "date", "published"),
    ("004", "August this year", "2025-08", "month", "", "date", "published"),
    ("004", "soon", "FUTURE_REF", "", "", "relative", "none"),
    ("004", "now", "PRESENT_REF", "", "", "relative", "none"),
]


def tag_one(make_corpus, text: str, published: str | None, **options) -> pd.DataFrame:
    metadata = f"doc_id,published\na,{published or ''}\n"
    return tag_dates(read_corpus(make_corpus({"a.txt": text}, metadata)), **options)


def test_tag_dates_seed_expressions_are_exact(seeds):
    dates = tag_dates(seeds)
    assert list(dates.columns) == DATE_COLUMNS
    rows = [(row.doc_id[:3], row.surface, row.value, row.granularity, row.mod, row.kind,
             row.anchor) for row in dates.itertuples()]
    assert rows == SEED_DATES


def test_tag_dates_offsets_index_document_text(seeds):
    texts = dict(zip(seeds.documents["doc_id"], seeds.documents["text"], strict=True))
    for row in tag_dates(seeds).itertuples():
        assert texts[row.doc_id][row.start:row.end] == row.surface


@pytest.mark.parametrize("sentence, published, expected", [
    ("It happened on August 20.", "2025-08-22", [("August 20", "2025-08-20", "")]),
    ("It happened on 20 August 2025.", "2026-01-01", [("20 August 2025", "2025-08-20", "")]),
    ("It happened on Aug. 20 in the north.", "2025-08-22", [("Aug. 20", "2025-08-20", "")]),
    ("They met on Sept. 4, 2024 in Beijing.", None, [("Sept. 4, 2024", "2024-09-04", "")]),
    ("The ceremony was on December 12th.", "2025-12-13", [("December 12th", "2025-12-12", "")]),
    ("The ceremony was on the 12th of December.", "2025-12-13",
     [("the 12th of December", "2025-12-12", "")]),
    ("The treaty was signed in December 2024.", "2025-04-28", [("December 2024", "2024-12", "")]),
    ("The unit was formed in May.", "2025-12-13", [("May", "2025-05", "")]),
    ("Troops arrived as early as November.", "2025-12-13", [("November", "2025-11", "")]),
    ("Troops arrived in late 2024.", "2025-04-28", [("late 2024", "2024", "END")]),
    ("Talks resume in mid-2025.", "2025-01-10", [("mid-2025", "2025", "MID")]),
    ("Talks resume by early 2026.", "2025-01-10", [("early 2026", "2026", "START")]),
    ("Work began at the beginning of August.", "2025-12-13",
     [("the beginning of August", "2025-08", "START")]),
    ("Talks were held in mid-June.", "2025-12-13", [("mid-June", "2025-06", "MID")]),
    ("They left around March.", "2025-12-13", [("around March", "2025-03", "APPROX")]),
    ("It grew this year.", "2025-06-30", [("this year", "2025", "")]),
    ("It fell last year.", "2025-06-30", [("last year", "2024", "")]),
    ("They will return next month.", "2025-06-30", [("next month", "2025-07", "")]),
    ("They met last week.", "2025-06-30", [("last week", "2025-W26", "")]),
    ("Earlier this week, they met.", "2025-06-30", [("Earlier this week", "2025-W27", "")]),
    ("On Saturday, Gerasimov reported.", "2025-04-28", [("Saturday", "2025-04-26", "")]),
    ("On Monday morning, Putin spoke.", "2025-04-28", [("Monday morning", "2025-04-28", "")]),
    ("Putin will visit on Friday.", "2025-04-28", [("Friday", "2025-05-02", "")]),
    ("They spoke yesterday.", "2025-04-28", [("yesterday", "2025-04-27", "")]),
    ("Today, they spoke.", "2025-04-28", [("Today", "2025-04-28", "")]),
    ("It began five years ago.", "2025-04-28", [("five years ago", "2020", "")]),
    ("Troops may go in July or August this year.", "2025-06-30",
     [("July", "2025-07", ""), ("August this year", "2025-08", "")]),
    ("Fighting lasted between June and August.", "2025-12-13",
     [("June", "2025-06", ""), ("August", "2025-08", "")]),
    ("The report came out on 2024-12-04.", "2025-01-01", [("2024-12-04", "2024-12-04", "")]),
    ("The report came out on 04.12.2024.", "2025-01-01", [("04.12.2024", "2024-12-04", "")]),
    ("The crisis of the 21st century's politics.", "2025-01-01", [("21st century", "20", "")]),
    ("It lasted three months.", "2025-01-01", [("three months", "P3M", "")]),
    ("It would take decades.", "2025-01-01", [("decades", "PXDE", "")]),
    ("Over the past two years, ties grew.", "2025-01-01", [("the past two years", "P2Y", "")]),
    ("As the war enters its fourth year, it goes on.", "2025-01-01",
     [("fourth year", "P4Y", "")]),
    ("The deal was struck in the 1990s.", "2025-01-01", [("1990s", "199", "")]),
    # A past event dated after publication belongs to the previous year, and vice versa.
    ("The treaty was signed on December 20.", "2025-01-05", [("December 20", "2024-12-20", "")]),
    ("Leaders will meet in January.", "2025-12-05", [("January", "2026-01", "")]),
])
def test_tag_dates_resolves_phrases(make_corpus, sentence, published, expected):
    dates = tag_one(make_corpus, sentence, published)
    assert list(zip(dates["surface"], dates["value"], dates["mod"], strict=True)) == expected


@pytest.mark.parametrize("sentence", [
    "North Korea may send more troops.",
    "Troops march towards the border.",
    "The Saturnine mood of Sundance and Monsoon.",
    "Soldiers of the 528th regiment returned.",
    "Out of the 95 North Korean battalions, only two were captured.",
    "It marked the first anniversary of the treaty.",
    "The unit counted 2000 soldiers at 52.7 N, 35.1 E.",
    "Russia Today reported it as soon as it could.",
])
def test_tag_dates_ignores_look_alikes(make_corpus, sentence):
    assert tag_one(make_corpus, sentence, "2025-06-30").empty


def test_tag_dates_without_publication_date_infers_from_document(make_corpus):
    text = "The treaty was signed in June 2024. Troops arrived on August 20."
    dates = tag_one(make_corpus, text, None)
    assert list(zip(dates["value"], dates["anchor"], strict=True)) == [
        ("2024-06", "explicit"), ("2024-08-20", "inferred")]


def test_tag_dates_never_falls_back_to_today(make_corpus):
    dates = tag_one(make_corpus, "Troops arrived on August 20. They left yesterday.", None)
    assert list(zip(dates["value"], dates["anchor"], strict=True)) == [
        ("XXXX-08-20", "none"), ("XXXX-XX-XX", "none")]
    dated = tag_one(make_corpus, "Troops arrived on August 20. They left yesterday.", None,
                    reference_date="2025-09-01")
    assert list(zip(dated["value"], dated["anchor"], strict=True)) == [
        ("2025-08-20", "inferred"), ("2025-08-31", "inferred")]


@settings(max_examples=60, deadline=None)
@given(text=arbitrary_text())
def test_tag_dates_never_raises_and_keeps_offsets(text):
    corpus = read_text_or_none(text)
    if corpus is None:
        return
    assert_rows_index_text(corpus, tag_dates(corpus, reference_date="2025-06-30"))


def slow_expressions(text: str) -> list[tuple[int, int]]:
    """The expression search the slow way: every head, every word before it."""
    lowered = "".join(char.lower()[0] for char in text)
    heads = sorted({index for stem in HEAD_STEMS for index in range(len(text))
                    if lowered.startswith(stem, index) and not (
                        index and lowered[index - 1].isalnum() and not (
                            lowered[index].isdigit() and not lowered[index - 1].isdigit()))})
    found, position = [], 0
    for head in heads:
        while head >= position:
            low = max(position, head - _LEAD)
            match = None
            for word in re.finditer(r"\w+", text[low:]):
                start = low + word.start()
                if start > head:
                    break
                if (start == low and start and text[start - 1].isalnum()) or not (
                        text[start].isdigit() or word.group().lower() in STARTERS):
                    continue
                candidate = TEMPORAL_PATTERN.match(text, start)
                if candidate is not None and candidate.end() > candidate.start():
                    match = candidate
                    break
            if match is None:
                break
            found.append(match.span())
            position = match.end()
    return found


# Date words and fillers that put starters near, and just out of, reach of their heads.
DATE_PIECES = ["the second half of", "the beginning of", "fifteen or", "seventeen", "years ago",
               "December", "2024", "Friday", "May", "mid-", "next", "the", "Q3", "²", "3rd",
               "nowadays", "Today", "Russia", "1990s", "century", "Dec.", "days", "’s", "x", "_",
               "İ", "𝐀", ",", ". ", "\n", " ", "  ", "     ", "KNOWN", "approximately"]


@settings(max_examples=200, deadline=None)
@given(texts=st.lists(st.lists(st.sampled_from(DATE_PIECES) | st.text(max_size=3), max_size=20)
                      .map("".join), min_size=1, max_size=3))
def test_expression_search_equals_the_slow_one(texts):
    for text, candidates in zip(texts, _find_candidates(texts), strict=True):
        assert [m.span() for m in _find_expressions(text, *candidates)] == slow_expressions(text)


@pytest.mark.parametrize("text", [
    *(f"Some words the second half of{' ' * gap}2024 here." for gap in range(3, 14)),
    *(f"Then fifteen or{' ' * gap}twenty years ago." for gap in range(8, 16)),
    "In Q3 2024 and ²2024 and x2024 and 12024, mid-2025.", "_May 5 and May 5",
    "KNOWN for days; nowadays; Today’s news", "approximately the 1990s",
    "The 1990s, the 21st century, in the past, the  next two weeks, the end of May, The end",
])
def test_expression_search_at_the_edges_of_its_window(text):
    [candidates] = _find_candidates([text])
    assert [m.span() for m in _find_expressions(text, *candidates)] == slow_expressions(text)
