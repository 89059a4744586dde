"""Tests for kursklib.timeline: events, the rules of corroboration and independent origins."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings

from kursklib import (
    KursklibError,
    build_timeline,
    read_corpus,
    read_timeline_tokens,
    tag_actors,
    tag_corpus,
    tag_dates,
    tag_tokens,
)
from kursklib.dates import value_period
from kursklib.tagged import TABLES
from kursklib.timeline import TIMELINE_COLUMNS
from tests.conftest import SEEDS, arbitrary_corpora, assert_rows_index_text


def timeline_of(corpus, **options):
    mentions = tag_actors(corpus)
    return build_timeline(tag_dates(corpus), mentions, tag_tokens(corpus, mentions),
                          corpus.sentences, corpus.documents, **options)


def two_outlets(make_corpus, first: str, second: str, published: str = "2025-05-20"):
    folder = make_corpus({"a.txt": first, "b.txt": second},
                         f"doc_id,published,source\na,{published},Reuters\nb,{published},TASS\n")
    return timeline_of(read_corpus(folder))


@pytest.mark.parametrize("first, second, corroborated", [
    # A day, a shared principal actor and a shared key word ("meet").
    ("Putin met Kim Jong Un on 5 May 2025.", "On 5 May 2025, Putin met Kim Jong Un in Moscow.",
     True),
    # A month is specific enough.
    ("Putin met Kim Jong Un in May 2025.", "In May 2025, Putin met Kim Jong Un again.", True),
    # A year is not; nor is a statement naming no actor.
    ("Putin met Kim Jong Un in 2019.", "In 2019, Putin met Kim Jong Un.", False),
    ("Troops met on 5 May 2025.", "On 5 May 2025 troops met.", False),
    # Same day and actor, but nothing in common that happened; a title is no action.
    ("Putin met Kim Jong Un on 5 May 2025.", "Putin flew to Sochi on 5 May 2025.", False),
    ("President Putin spoke on 5 May 2025.", "President Putin laughed on 5 May 2025.", False),
    # Same words, other day; the shared actor must be a principal one (a person here).
    ("Putin met Kim Jong Un on 5 May 2025.", "Putin met Kim Jong Un on 6 May 2025.", False),
    ("Putin met troops in Kursk on 5 May 2025.", "Zelensky met troops in Kursk on 5 May 2025.",
     False),
])
def test_build_timeline_corroborates_only_specific_shared_statements(make_corpus, first, second,
                                                                      corroborated):
    timeline = two_outlets(make_corpus, first, second)
    assert len(timeline) == 2
    assert (timeline["event_id"].nunique() == 1) == corroborated
    assert list(timeline["n_independent"]) == [2, 2] if corroborated else [1, 1]


@pytest.mark.parametrize("sentence, expected", [
    ("Putin will meet Kim Jong Un in August.", "2024-08"),
    ("Kim Jong Un is expected to visit Moscow in August.", "2024-08"),
    ("Putin plans to travel to Pyongyang in August.", "2024-08"),
    ("Talks could open in Geneva in August, Putin said.", "2024-08"),
    ("Talks would resume in February, Zelensky said.", "2025-02"),
    # What already happened stays in the past.
    ("Putin met Kim Jong Un in Vladivostok in August.", "2023-08"),
])
def test_build_timeline_dates_modal_futures_forward(make_corpus, sentence, expected):
    folder = make_corpus({"a.txt": sentence}, "doc_id,published\na,2024-03-20\n")
    assert list(timeline_of(read_corpus(folder))["value"]) == [expected]


def test_build_timeline_counts_documents_outlets_and_independent_origins(make_corpus):
    story = ("North Korea Honours Troops\n\nKim Jong Un awarded medals to soldiers on August 20, "
             "state media said. The ceremony was held in Pyongyang. Officers who fought in "
             "Kursk Oblast received the Order of the National Flag.\n")
    other = ("Kim Jong Un awarded medals to officers on August 20, a lawmaker told reporters in "
             "Seoul. Analysts said the awards honoured the dead.\n")
    folder = make_corpus(
        {"kcna.txt": story, "copy.txt": story.replace("North Korea Honours Troops", "Medals"),
         "again.txt": other, "yonhap.txt": other.replace("lawmaker", "spy agency"),
         "later.txt": "Kim Jong Un awarded medals on August 20, his second ceremony.\n"},
        "doc_id,published,source\nkcna,2025-08-21,KCNA\ncopy,2025-08-22,RT\n"
        "again,2025-08-22,Yonhap\nyonhap,2025-08-22,Yonhap\nlater,2025-08-23,\n")
    timeline = timeline_of(read_corpus(folder))
    assert list(timeline.columns) == TIMELINE_COLUMNS
    assert timeline["event_id"].nunique() == 1
    event = timeline.iloc[0]
    # RT ran KCNA's story (one origin), Yonhap's two articles are one origin, the last
    # document has no outlet: it counts as one of its own.
    assert (event["n_documents"], event["n_outlets"], event["n_independent"]) == (5, 4, 3)
    origins = dict(zip(timeline["doc_id"], timeline["origin_id"], strict=True))
    assert origins == {"kcna": "kcna", "copy": "kcna", "again": "again", "yonhap": "again",
                       "later": "later"}
    assert event["label"] == "Kim Jong Un: award, medal, officer"
    assert pd.isna(timeline.set_index("doc_id").loc["later", "source"])


def test_build_timeline_on_seeds_makes_one_corroborated_event(seeds):
    timeline = timeline_of(seeds)
    assert len(timeline) == 17
    assert timeline["date_start"].is_monotonic_increasing
    assert (timeline["date_start"] <= timeline["date_end"]).all()
    assert_rows_index_text(seeds, timeline)
    # Putin's address (000) and Gerasimov's report to him "on Saturday" (001): one event,
    # two independent sources (the seeds name no outlet: each document is its own).
    april_26 = timeline[timeline["value"] == "2025-04-26"]
    assert list(april_26["doc_id"].str[:3]) == ["000", "001"]
    assert april_26["event_id"].nunique() == 1
    assert set(april_26["n_independent"]) == {2} and set(april_26["n_outlets"]) == {2}
    assert april_26["label"].iloc[0].startswith("Vladimir Putin: ")
    # Nothing else is merged: every other event is one statement.
    others = timeline[timeline["value"] != "2025-04-26"]
    assert others["event_id"].is_unique and set(others["n_documents"]) == {1}


def test_build_timeline_keeps_the_statements_inside_the_window(seeds):
    timeline = timeline_of(seeds, date_from="2025-01-01", date_to="2025-04-30")
    assert (timeline["date_end"] >= pd.Timestamp("2025-01-01")).all()
    assert (timeline["date_start"] <= pd.Timestamp("2025-04-30")).all()
    assert "2025-04-26" in set(timeline["value"])
    with pytest.raises(KursklibError, match="date_from must be an ISO date"):
        timeline_of(seeds, date_from="last May")


def test_build_timeline_names_the_table_it_cannot_use(seeds):
    mentions = tag_actors(seeds)
    with pytest.raises(KursklibError, match="tokens lacks column"):
        build_timeline(tag_dates(seeds), mentions, mentions, seeds.sentences, seeds.documents)


@pytest.mark.parametrize("value, granularity, mod, expected", [
    ("2025-04-26", "day", "", ("2025-04-26", "2025-04-26")),
    ("2025-W17", "week", "", ("2025-04-21", "2025-04-27")),
    ("2024-02", "month", "", ("2024-02-01", "2024-02-29")),
    ("2025-04", "month", "MID", ("2025-04-11", "2025-04-20")),
    ("2024", "year", "END", ("2024-09-01", "2024-12-31")),
    ("199", "decade", "", ("1990-01-01", "1999-12-31")),
    ("20", "century", "START", ("2001-01-01", "2033-12-31")),
])
def test_value_period_covers_the_value(value, granularity, mod, expected):
    first, last = value_period(value, granularity, mod)
    assert (first.isoformat(), last.isoformat()) == expected


@settings(max_examples=25, deadline=None)
@given(corpus=arbitrary_corpora())
def test_build_timeline_never_raises_on_arbitrary_text(corpus):
    timeline = timeline_of(corpus)
    assert (timeline["date_start"] <= timeline["date_end"]).all()
    assert (timeline["n_independent"] <= timeline["n_outlets"]).all()


def test_the_timeline_from_the_key_word_tokens_is_the_timeline_from_all(tmp_path):
    tagged = tag_corpus(SEEDS, cache_dir=tmp_path, tables=TABLES)
    tokens = read_timeline_tokens(tagged.folder)
    assert len(tokens) < len(tagged.tokens) / 2
    whole, read = (build_timeline(tagged.dates, tagged.mentions, table, tagged.sentences,
                                  tagged.documents) for table in (tagged.tokens, tokens))
    assert len(whole) and whole["keywords"].map(len).sum() > 0
    pd.testing.assert_frame_equal(read, whole)
