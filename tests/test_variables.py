"""Tests for kursklib.variables: document variables, periods, labels, top documents."""

from __future__ import annotations

import pandas as pd
import pytest

from kursklib import (
    KursklibError,
    build_document_variables,
    choose_period,
    find_top_documents,
    name_variable,
)
from kursklib.variables import label_documents


@pytest.mark.parametrize("dates, expected", [
    (pd.date_range("2025-03-01", periods=300, freq="2h"), "day"),  # 25 days, 12 a day
    (pd.date_range("2025-01-01", periods=100, freq="D"), "week"),  # 4 months are too few
    (pd.date_range("2024-11-01", "2025-12-31", periods=3000), "week"),  # 14 months, dense
    (pd.date_range("2024-11-01", "2025-12-31", periods=1000), "month"),  # 14 months, sparse
    (pd.date_range("2000-01-01", periods=100, freq="MS"), "year"),
    (pd.to_datetime(["2025-04-28"]), "day"),
    (pd.to_datetime([None, None]), "day"),
])
def test_choose_period_from_the_span_and_the_density(dates, expected):
    assert choose_period(pd.Series(dates)) == expected


def test_choose_period_keeps_a_given_period_and_rejects_an_unknown_one():
    dates = pd.Series(pd.to_datetime(["2025-01-01", "2025-09-01"]))
    assert choose_period(dates, "day") == "day"
    with pytest.raises(KursklibError, match="period must be one of 'auto', 'day', 'week'"):
        choose_period(dates, "fortnight")


def test_build_document_variables_keeps_every_metadata_column(outlets):
    variables = build_document_variables(outlets["documents"], period="month")
    assert list(variables.columns[:4]) == ["doc_id", "label", "published", "period"]
    assert {"source", "country", "n_chars"} <= set(variables.columns)
    assert not {"text", "path", "encoding"} & set(variables.columns)
    assert variables["period"].astype(str).tolist()[:2] == ["2025-01", "2025-01"]
    assert variables["label"].iloc[0] == "TASS, 2025-01-06"


def test_build_document_variables_without_dates_has_no_periods():
    documents = pd.DataFrame({"doc_id": ["a", "b"], "title": [pd.NA, pd.NA],
                              "published": [pd.NaT, pd.NaT]})
    variables = build_document_variables(documents)
    assert variables["period"].isna().all() and variables["label"].tolist() == ["a", "b"]
    assert isinstance(variables["period"].dtype, pd.PeriodDtype)
    with pytest.raises(KursklibError, match="documents lacks column\(s\) published"):
        build_document_variables(documents.drop(columns="published"))


def test_label_documents_prefers_headlines_then_outlet_and_date_and_numbers_repeats():
    documents = pd.DataFrame({
        "doc_id": ["a", "b", "c", "d", "e"],
        "title": ["Kim Jong Un visits the troops returned from Kursk Oblast", "Same story",
                  "Same story", pd.NA, pd.NA],
        "source": ["TASS", "AP", "Reuters", "AFP", pd.NA],
        "published": pd.to_datetime(["2025-01-01", None, None, "2025-02-03", None])})
    assert label_documents(documents, width=30).tolist() == [
        "Kim Jong Un visits the troops…", "Same story (AP)", "Same story (Reuters)",
        "AFP, 2025-02-03", "e"]
    copies = documents.assign(source="AP", published=pd.NaT)
    assert label_documents(copies).tolist()[1:3] == ["Same story (AP)", "Same story (AP) (2)"]
    with pytest.raises(KursklibError, match="width must be at least 8"):
        label_documents(documents, width=3)


def test_name_variable_names_documents_and_outlets():
    assert [name_variable(name) for name in ("doc_id", "source", "period", "stance")] == [
        "document", "outlet", "period", "stance"]


def test_find_top_documents_takes_the_heaviest_users_in_date_order(outlets):
    variables = build_document_variables(outlets["documents"])
    top = find_top_documents(outlets["terms"], variables, column="term", values=["full-scale"],
                             top=2)
    assert top["source"].tolist() == ["Kyiv Post", "Kyiv Post"]
    assert top["published"].is_monotonic_increasing and top["n_occurrences"].tolist() == [1, 1]
    top = find_top_documents(outlets["mentions"], variables, column="actor_id",
                             values=["vladimir_putin"], top=30)
    assert len(top) == 5 and set(top["source"]) == {"TASS"}
    assert find_top_documents(outlets["terms"], variables, column="term", values=["absent"]).empty
    with pytest.raises(KursklibError, match="column 'word' is not a column of table"):
        find_top_documents(outlets["terms"], variables, column="word", values=["x"])
