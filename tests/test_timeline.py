"""Tests for kursklib.timeline: events corroborated across documents."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings

from kursklib import KursklibError, build_timeline, read_corpus, tag_actors, tag_dates
from kursklib.timeline import TIMELINE_COLUMNS, period_bounds
from tests.conftest import arbitrary_corpora


def timeline_of(corpus, **options):
    return build_timeline(tag_dates(corpus), tag_actors(corpus), corpus.sentences, **options)


def test_build_timeline_groups_corroborated_events(make_corpus):
    folder = make_corpus(
        {"a.txt": "Kim Jong Un awarded soldiers on August 20. Putin spoke in late 2024.",
         "b.txt": "On August 20, Kim Jong Un honoured the troops. It lasted three months.",
         "c.txt": "On August 20, Putin thanked KCNA."},
        "doc_id,published\na,2025-08-22\nb,2025-08-25\nc,2025-08-23\n")
    timeline = timeline_of(read_corpus(folder))
    assert list(timeline.columns) == TIMELINE_COLUMNS
    rows = [(r.event_id, r.value, r.doc_id, r.actor_ids, r.n_sources)
            for r in timeline.itertuples()]
    assert rows == [
        ("E001", "2024", "a", ["vladimir_putin"], 1),
        ("E002", "2025-08-20", "a", ["kim_jong_un"], 2),
        ("E002", "2025-08-20", "b", ["kim_jong_un"], 2),
        ("E003", "2025-08-20", "c", ["kcna", "vladimir_putin"], 1),
    ]
    first = timeline.iloc[0]
    assert (first["date_start"], first["date_end"]) == (pd.Timestamp("2024-09-01"),
                                                        pd.Timestamp("2024-12-31"))


def test_build_timeline_on_seeds_covers_every_resolved_date(seeds):
    timeline = timeline_of(seeds)
    assert len(timeline) == 17
    assert timeline["date_start"].is_monotonic_increasing
    assert (timeline["date_start"] <= timeline["date_end"]).all()
    assert timeline["event_id"].iloc[0] == "E001" and timeline["value"].iloc[0] == "20"
    # Putin's address (000) and Gerasimov's report to him "on Saturday" (001): one event.
    april_26 = timeline[timeline["value"] == "2025-04-26"]
    assert list(april_26["doc_id"].str[:3]) == ["000", "001"]
    assert april_26["event_id"].nunique() == 1 and set(april_26["n_sources"]) == {2}


def test_build_timeline_keeps_the_statements_inside_the_window(seeds):
    timeline = timeline_of(seeds, date_from="2025-01-01", date_to="2025-04-30")
    assert (timeline["date_end"] >= pd.Timestamp("2025-01-01")).all()
    assert (timeline["date_start"] <= pd.Timestamp("2025-04-30")).all()
    assert "2025-04-26" in set(timeline["value"])
    with pytest.raises(KursklibError, match="date_from must be an ISO date"):
        timeline_of(seeds, date_from="last May")


@pytest.mark.parametrize("value, granularity, mod, expected", [
    ("2025-04-26", "day", "", ("2025-04-26", "2025-04-26")),
    ("2025-W17", "week", "", ("2025-04-21", "2025-04-27")),
    ("2024-02", "month", "", ("2024-02-01", "2024-02-29")),
    ("2025-04", "month", "MID", ("2025-04-11", "2025-04-20")),
    ("2024", "year", "END", ("2024-09-01", "2024-12-31")),
    ("199", "decade", "", ("1990-01-01", "1999-12-31")),
    ("20", "century", "START", ("2001-01-01", "2033-12-31")),
])
def test_period_bounds_cover_the_value(value, granularity, mod, expected):
    first, last = period_bounds(value, granularity, mod)
    assert (first.isoformat(), last.isoformat()) == expected


@settings(max_examples=40, deadline=None)
@given(corpus=arbitrary_corpora())
def test_build_timeline_never_raises_on_arbitrary_text(corpus):
    timeline = timeline_of(corpus)
    assert (timeline["date_start"] <= timeline["date_end"]).all()
