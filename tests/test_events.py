"""Tests for kursklib.events: one row per event, and events per day, week or month."""

from __future__ import annotations

import pandas as pd
import pytest

from kursklib import KursklibError, build_timeline, count_event_periods, count_events, tag_dates
from kursklib.events import EVENT_COLUMNS, PERIOD_COLUMNS, describe_when


@pytest.fixture(scope="module")
def seed_timeline(seeds, seed_mentions, seed_tokens):
    return build_timeline(tag_dates(seeds), seed_mentions, seed_tokens, seeds.sentences,
                          seeds.documents)


def test_count_events_gives_each_event_once_with_its_origins(seed_timeline):
    events = count_events(seed_timeline)
    assert list(events.columns) == EVENT_COLUMNS
    assert len(events) == seed_timeline["event_id"].nunique() == 16
    assert events["date_start"].is_monotonic_increasing
    putin = events[events["when"] == "26 Apr 2025"].iloc[0]
    assert (putin["n_statements"], putin["n_documents"], putin["n_independent"]) == (2, 2, 2)
    assert putin["outlets"] == [] and [doc[:3] for doc in putin["origin_ids"]] == ["000", "001"]


def test_count_events_keeps_the_best_reported_in_date_order(seed_timeline):
    events = count_events(seed_timeline, top=3, granularities=["day"])
    assert len(events) == 3 and set(events["granularity"]) == {"day"}
    assert "26 Apr 2025" in set(events["when"])
    assert events["date_start"].is_monotonic_increasing
    with pytest.raises(KursklibError, match="top must be"):
        count_events(seed_timeline, top=-1)


@pytest.mark.parametrize("first, last, granularity, mod, expected", [
    ("2025-04-26", "2025-04-26", "day", "", "26 Apr 2025"),
    ("2025-04-26", "2025-04-26", "day", "APPROX", "around 26 Apr 2025"),
    ("2025-04-21", "2025-04-27", "week", "", "21–27 Apr 2025"),
    ("2025-03-31", "2025-04-06", "week", "", "31 Mar–6 Apr 2025"),
    ("2025-08-01", "2025-08-10", "month", "START", "early Aug 2025"),
    ("2025-09-11", "2025-09-20", "month", "MID", "mid Sep 2025"),
    ("2024-09-01", "2024-12-31", "year", "END", "late 2024"),
    ("2001-01-01", "2100-12-31", "century", "", "2001–2100"),
])
def test_describe_when_says_the_mod_in_words(first, last, granularity, mod, expected):
    assert describe_when(pd.Timestamp(first), pd.Timestamp(last), granularity, mod) == expected


def _events(rows):
    return pd.DataFrame([(event_id, pd.Timestamp(first), pd.Timestamp(last), first,
                          f"label {event_id}", independent, independent)
                         for event_id, first, last, independent in rows],
                        columns=["event_id", "date_start", "date_end", "when", "label",
                                 "n_documents", "n_independent"])


def test_count_event_periods_counts_events_inside_each_week():
    events = _events([("E1", "2025-04-21", "2025-04-21", 3), ("E2", "2025-04-27", "2025-04-27", 1),
                      ("E3", "2025-04-28", "2025-04-28", 2), ("E4", "2025-04-01", "2025-04-30", 9)])
    periods = count_event_periods(events, period="week", top=1)
    assert list(periods.columns) == PERIOD_COLUMNS
    rows = periods[["period_start", "n_events", "n_corroborated", "n_single", "top_event_id",
                    "labelled"]].values.tolist()
    # E4 is dated to the month: it lies in no single week.
    assert rows == [[pd.Timestamp("2025-04-21"), 2, 1, 1, "E1", True],
                    [pd.Timestamp("2025-04-28"), 1, 1, 0, "E3", False]]
    monthly = count_event_periods(events, period="month")
    assert monthly[["n_events", "top_event_id"]].values.tolist() == [[4, "E4"]]
    assert set(count_event_periods(events)["period"]) == {"day"}


def test_count_event_periods_rejects_an_unknown_period_and_keeps_empty_tables():
    with pytest.raises(KursklibError, match="period must be one of"):
        count_event_periods(_events([]), period="fortnight")
    assert list(count_event_periods(_events([])).columns) == PERIOD_COLUMNS
