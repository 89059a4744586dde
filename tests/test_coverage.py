"""Tests for kursklib.coverage: documents, actors and terms per period or group."""

from __future__ import annotations

import pandas as pd
import pytest

from kursklib import (
    KursklibError,
    count_actor_coverage,
    count_documents,
    count_term_coverage,
)


def test_count_documents_fills_every_period_between_the_first_and_the_last(weekly):
    counts = count_documents(weekly)
    assert len(counts) == 10  # 6 January to 16 March: ten weeks, six without coverage
    assert counts["n_documents"].tolist() == [3, 0, 1, 0, 0, 0, 0, 0, 3, 5]
    assert counts["period"].iloc[0] == pd.Period("2025-01-06", "W-SUN")


def test_count_documents_by_outlet_stacks_the_top_outlets_and_other(weekly):
    counts = count_documents(weekly, by="source", top=2)
    assert list(pd.unique(counts["source"])) == ["TASS", "Yonhap", "other"]
    assert len(counts) == 10 * 3 and counts["n_documents"].sum() == 12
    last = counts[counts["period"] == counts["period"].max()]
    assert last["n_documents"].tolist() == [2, 2, 1] and last["share"].sum() == pytest.approx(1)
    assert counts.loc[counts["n_documents"].groupby(counts["period"]).transform("sum") == 0,
                      "share"].isna().all()


def test_count_documents_without_dates_is_empty(weekly):
    undated = weekly.assign(period=pd.Series(pd.NaT, index=weekly.index).dt.to_period("W"))
    assert count_documents(undated).empty and count_documents(undated, by="source").empty
    with pytest.raises(KursklibError, match="variables lacks column\(s\) period"):
        count_documents(weekly.drop(columns="period"))


def test_count_actor_coverage_separates_attention_from_volume(outlets, weekly):
    table = count_actor_coverage(outlets["mentions"], weekly, actors=["vladimir_putin"])
    assert len(table) == 10 and set(table["actor_name"]) == {"Vladimir Putin"}
    last = table.iloc[-1]  # TASS has 2 of the week's 5 documents
    assert (last["n_documents"], last["n_group_documents"], last["share"]) == (2, 5, 0.4)
    assert table["share"].isna().sum() == 6
    by_outlet = count_actor_coverage(outlets["mentions"], weekly, by="source",
                                     actors=["vladimir_putin", "volodymyr_zelensky"])
    putin = by_outlet[by_outlet["actor_id"] == "vladimir_putin"].set_index("source")["share"]
    assert putin.to_dict() == {"TASS": 1.0, "Yonhap": 0.0, "Kyiv Post": 0.0}
    assert len(by_outlet) == 3 * 2
    assert count_actor_coverage(outlets["mentions"], weekly, by="source", top=3)[
        "actor_id"].unique().tolist() == ["kursk_oblast", "prk", "ambiguous:korean"]
    assert set(count_actor_coverage(outlets["mentions"], weekly, by="source",
                                    max_groups=1)["source"]) == {"TASS"}


def test_count_actor_coverage_without_mentions_or_with_unknown_actors(outlets, weekly):
    none = count_actor_coverage(outlets["mentions"].iloc[:0], weekly)
    assert none.empty and "share" in none.columns
    with pytest.raises(KursklibError, match="actors: nobody never mentioned"):
        count_actor_coverage(outlets["mentions"], weekly, actors=["nobody"])
    # A list parameter given as a string (papermill -p) would otherwise read as its letters.
    with pytest.raises(KursklibError, match="actors must be a list of strings, not 'prk'"):
        count_actor_coverage(outlets["mentions"], weekly, actors="prk")
    with pytest.raises(KursklibError, match="chosen must be a list of strings"):
        count_term_coverage(outlets["terms"], weekly, chosen="soldier")


def test_count_term_coverage_gives_counts_and_a_rate(outlets, weekly):
    table = count_term_coverage(outlets["terms"], weekly, by="source", chosen=["full-scale"])
    rows = table.set_index("source")
    assert rows.loc["Kyiv Post", "n_occurrences"] == 3 and rows.loc["TASS", "n_occurrences"] == 0
    counted = outlets["terms"][(outlets["terms"]["ngram"] == 1) & outlets["terms"]["doc_id"].isin(
        weekly.loc[weekly["source"] == "Kyiv Post", "doc_id"])]["n_occurrences"].sum()
    assert rows.loc["Kyiv Post", "per_1000_terms"] == pytest.approx(3000 / counted)
    top = count_term_coverage(outlets["terms"], weekly, top=2)
    assert top["term"].nunique() == 2 and top["period"].nunique() == 10
