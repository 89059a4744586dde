"""Tests for kursklib.groups: grouping documents by a variable, comparing the groups."""

from __future__ import annotations

import pandas as pd
import pytest

from kursklib import (
    KursklibError,
    build_document_variables,
    choose_grouping,
    count_group_keyness,
    score_group_contrast,
    score_keyness,
)
from kursklib.groups import CONTRAST_COLUMNS, group_documents


def test_choose_grouping_prefers_outlets_then_documents_then_periods(weekly):
    assert choose_grouping(weekly) == "source"
    one_outlet = weekly.assign(source="TASS")
    assert choose_grouping(one_outlet) == "doc_id"
    assert choose_grouping(one_outlet, max_documents=5) == "period"
    assert choose_grouping(one_outlet.assign(period=pd.NaT), max_documents=5) == "doc_id"


def test_group_documents_orders_by_size_and_sums_the_rest_as_other(weekly):
    groups = group_documents(weekly, "source", top=2)
    assert groups.attrs["groups"] == ["TASS", "Yonhap", "other"]
    assert groups["source"].value_counts().to_dict() == {"TASS": 5, "Yonhap": 4, "other": 3}
    missing = weekly.assign(country=weekly["country"].where(weekly["source"] != "TASS"))
    assert group_documents(missing, "country").attrs["groups"][0] == "(no country)"
    assert "label" in group_documents(weekly, "doc_id").columns
    with pytest.raises(KursklibError, match="by: 'stance' is not a document variable"):
        group_documents(weekly, "stance")


def test_count_group_keyness_gives_each_outlet_its_own_wording(outlets, weekly):
    table = count_group_keyness(outlets["terms"], weekly, by="source", top=2)
    key = table[table["is_key"]]
    assert key.groupby("source")["term"].apply(set).to_dict() == {
        "Kyiv Post": {"fight", "full-scale"}, "TASS": {"continue", "korean"},
        "Yonhap": {"intelligence", "lawmaker"}}
    assert list(pd.unique(key["source"])) == ["TASS", "Yonhap", "Kyiv Post"]
    assert (key["score"] > 0).all() and table["is_key"].iloc[:len(key)].all()
    every = score_keyness(outlets["terms"], weekly, by="source")
    merged = table.merge(every, on=["source", "term"], how="left", suffixes=("", "_every"))
    used = merged["score_every"].notna()
    assert len(table) == 3 * 6  # every shown group's score of every key term: no blank cell
    assert (merged.loc[used, "score"] == merged.loc[used, "score_every"]).all()
    unused = merged[~used]
    assert len(unused) > 0 and (unused["n_target"] == 0).all() and (unused["score"] < 0).all()
    shown = count_group_keyness(outlets["terms"], weekly, by="source", top=1, max_groups=1)
    assert set(shown["source"]) == {"TASS"}


def test_count_group_keyness_of_one_group_is_empty(outlets, weekly):
    table = count_group_keyness(outlets["terms"], weekly.assign(source="TASS"), by="source")
    assert table.empty and "is_key" in table.columns


def test_score_group_contrast_sets_one_country_against_another(outlets, weekly):
    contrast = score_group_contrast(outlets["terms"], weekly, by="country", target="RU",
                                    reference="UA", top=2)
    assert list(contrast.columns) == CONTRAST_COLUMNS
    assert contrast["side"].tolist() == ["RU", "RU", "UA", "UA"]
    assert (contrast["score"].iloc[:2] > 0).all() and (contrast["score"].iloc[2:] < 0).all()
    ua = contrast[contrast["side"] == "UA"]
    assert ua["n_target"].tolist() == [0, 0] and ua["n_reference"].tolist() == [3, 3]
    largest = score_group_contrast(outlets["terms"], weekly, by="source", top=1)
    assert largest["side"].tolist() == ["TASS", "rest"]
    monthly = build_document_variables(outlets["documents"], period="month")
    by_period = score_group_contrast(outlets["terms"], monthly, by="period", target="2025-03")
    assert set(by_period["side"]) <= {"2025-03", "rest"} and len(by_period)


def test_score_group_contrast_names_unknown_groups_and_needs_two(outlets, weekly):
    with pytest.raises(KursklibError, match="^target: no country group 'XX'"):
        score_group_contrast(outlets["terms"], weekly, by="country", target="XX")
    with pytest.raises(KursklibError, match="^reference: no country group 'YY'"):
        score_group_contrast(outlets["terms"], weekly, by="country", target="RU",
                             reference=["UA", "YY"])
    one = score_group_contrast(outlets["terms"], weekly.assign(country="RU"), by="country")
    assert one.empty and list(one.columns) == CONTRAST_COLUMNS
