"""Tests for kursklib.timeline_plots: the Axes of the events and the events-per-period charts."""

from __future__ import annotations

import pandas as pd
import pytest

from kursklib import (
    KursklibError,
    build_timeline,
    count_event_periods,
    count_events,
    plot_event_periods,
    plot_timeline,
    tag_dates,
)
from kursklib.timeline_plots import NOTE


@pytest.fixture(scope="module")
def seed_events(seeds, seed_mentions, seed_tokens):
    timeline = build_timeline(tag_dates(seeds), seed_mentions, seed_tokens, seeds.sentences,
                              seeds.documents)
    return count_events(timeline, granularities=["day", "week", "month", "year"])


def test_plot_timeline_says_what_when_and_how_many(seed_events):
    ax = plot_timeline(seed_events)
    labels = [tick.get_text().replace("\n", " ") for tick in ax.get_yticklabels()]
    assert labels == list(seed_events["label"])
    circles, diamonds = (len(collection.get_offsets()) for collection in ax.collections[1:])
    assert (circles, diamonds) == ((seed_events["granularity"] == "day").sum(),
                                   (seed_events["granularity"] != "day").sum())
    right = [tick.get_text() for tick in ax.child_axes[0].get_yticklabels()]
    assert "26 Apr 2025 · 2 independent sources, 2 documents" in right
    assert "late 2024 · 1 independent source, 1 document" in right
    legend = [text.get_text() for text in ax.get_legend().get_texts()]
    assert {"corroborated: 2+ independent sources", "one source", "dated to the day",
            "to a week, month or year (bar: its span)", "1 source", "2 sources"} <= set(legend)
    # No dashes or dots to tell apart: every line is solid.
    assert all(dashes is None for collection in ax.collections
               for _, dashes in collection.get_linestyle())


def test_plot_event_periods_stacks_corroborated_events_and_labels_the_best(seed_events):
    periods = count_event_periods(seed_events, period="month", top=1)
    ax = plot_event_periods(periods)
    bars = [patch.get_height() for patch in ax.patches]
    assert bars == list(periods["n_single"]) + list(periods["n_corroborated"])
    assert [text.get_text().split(" (")[0] for text in ax.texts] == list(
        periods.loc[periods["labelled"], "top_label"])
    assert ax.get_ylabel() == "events per month"


@pytest.mark.parametrize("plot, name", [(plot_timeline, "events"),
                                        (plot_event_periods, "periods")])
def test_timeline_charts_name_the_table_they_cannot_draw(seeds, seed_mentions, seed_tokens,
                                                         plot, name):
    timeline = build_timeline(tag_dates(seeds), seed_mentions, seed_tokens, seeds.sentences,
                              seeds.documents)
    with pytest.raises(KursklibError, match=f"{name} lacks column"):
        plot(timeline)


def test_timeline_charts_of_nothing_carry_a_note():
    events = count_events(pd.DataFrame(columns=[
        "event_id", "date_start", "date_end", "value", "granularity", "mod", "source",
        "origin_id", "label", "n_documents", "n_outlets", "n_independent"]))
    for ax in (plot_timeline(events), plot_event_periods(count_event_periods(events))):
        assert [text.get_text() for text in ax.texts] == [NOTE]
