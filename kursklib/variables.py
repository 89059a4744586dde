""":mod:`kursklib.variables`: the document variables (outlet, period, metadata) to group by."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Literal

import pandas as pd

from .checks import AtLeast, ColumnOf, Columns, Count, checked
from .errors import ArgumentError, first_line

# Publication periods, finest first, and their pandas frequencies (weeks run Monday to Sunday).
PERIODS = {"day": "D", "week": "W-SUN", "month": "M", "quarter": "Q", "year": "Y"}
# The automatic period: at most this many periods, of this many documents on average,
# unless a coarser one would leave fewer than MIN_PERIODS.
MAX_PERIODS, MIN_DOCUMENTS, MIN_PERIODS = 62, 20, 6
# Columns of the documents table that are text or bookkeeping, not variables.
NOT_VARIABLES = ("text", "encoding", "path")
LABEL_WIDTH = 48
# How a chart names a document variable; any other is named as it is spelled.
VARIABLE_NAMES = {"doc_id": "document", "source": "outlet", "published": "date"}
Period = Literal["auto", "day", "week", "month", "quarter", "year"]
Documents = Annotated[pd.DataFrame, Columns("doc_id", "published", made_by="read_corpus")]
# The document variables, as the functions that group by them need them.
Variables = Annotated[pd.DataFrame, Columns("doc_id", "label", "published", "period",
                                            made_by="build_document_variables")]


@checked
def choose_period(published: pd.Series, period: Period = "auto") -> str:
    """Name the publication period: ``period`` itself, or one chosen from the dates.

    For ``"auto"``, the finest of day, week, month, quarter and year that cuts the date
    span into at most ``MAX_PERIODS`` periods holding ``MIN_DOCUMENTS`` documents each on
    average (density is waived where the next coarser unit would leave fewer than
    ``MIN_PERIODS`` periods), so that a share per period is not one article's whim.

    Example:
        >>> choose_period(pd.Series(pd.to_datetime(["2025-01-01", "2025-06-30"])))
        'month'
    """
    if period != "auto":
        return period
    dates = as_dates(published, "choose_period: published").dropna()
    if dates.empty:
        return "day"
    spans = {name: (dates.max().to_period(frequency) - dates.min().to_period(frequency)).n + 1
             for name, frequency in PERIODS.items()}
    names = list(PERIODS)
    for name, coarser in zip(names, [*names[1:], None], strict=True):
        dense = len(dates) / spans[name] >= MIN_DOCUMENTS
        if spans[name] <= MAX_PERIODS and (dense or coarser is None
                                           or spans[coarser] < MIN_PERIODS):
            return name
    return "year"


@checked
def name_variable(name: str) -> str:
    """Name a document variable for a chart title: ``doc_id`` a document, ``source`` an outlet.

    Example:
        >>> name_variable("source"), name_variable("country")
        ('outlet', 'country')
    """
    return VARIABLE_NAMES.get(name, name)


@checked
def build_document_variables(documents: Documents, *, period: Period = "auto",
                             label_width: Annotated[int, AtLeast(8)] = LABEL_WIDTH
                             ) -> pd.DataFrame:
    """Build one row per document with every variable a count can be grouped by.

    Args:
        documents: ``Corpus.documents`` or a tagged corpus's ``documents``.
        period: Publication period (see ``choose_period``).
        label_width: Longest label, in characters (headlines are cut at a word).

    Returns:
        ``doc_id, label, published, period``, then every other column of ``documents``
        but the text (``title, source, url``, extra metadata such as ``country``, and
        counts such as ``n_chars``). ``label`` names a document for a reader: its
        headline, else its outlet and date, else its date or id; unique (a repeated
        label gets `` (2)``, ...). ``period`` is a pandas ``Period`` (NaT without a date).

    Example:
        >>> variables = build_document_variables(corpus.documents, period="month")
        >>> variables["label"].tolist(), variables["period"].astype(str).tolist()
        (['Russia and North Korea Confirm Troops Fought in…', '2025-04-29'], ['2025-04', '2025-04'])
    """
    published = as_dates(documents["published"], "build_document_variables: documents.published")
    unit = choose_period(published, period)
    variables = pd.DataFrame({
        "doc_id": documents["doc_id"].astype("string").to_numpy(),
        "label": label_documents(documents, width=label_width).to_numpy(),
        "published": published.to_numpy(),
        "period": published.dt.to_period(PERIODS[unit]).array})
    rest = [column for column in documents.columns
            if column not in (*variables.columns, *NOT_VARIABLES)]
    for column in rest:
        variables[column] = documents[column].to_numpy()
    return variables.astype({"label": "string"})


def label_documents(documents: pd.DataFrame, *, width: int = LABEL_WIDTH) -> pd.Series:
    """Name each document for a reader, shortly and uniquely.

    A document is named by its headline (with its outlet and date where several
    documents share it), else by its outlet and date, else by its id.

    Example:
        >>> label_documents(corpus.documents, width=20).tolist()
        ['Russia and North…', '2025-04-29']
    """
    if width < 8:
        raise ArgumentError(f"width must be at least 8 characters, not {width!r}")
    count = len(documents)
    blank = pd.Series([""] * count, index=documents.index, dtype="string")
    titles = documents["title"].astype("string") if "title" in documents else blank
    sources = documents["source"].astype("string") if "source" in documents else blank
    dates = pd.to_datetime(documents["published"]).dt.strftime("%Y-%m-%d").astype("string") if (
        "published" in documents) else blank
    titles = titles.fillna("").str.split().str.join(" ").fillna("")
    fallback = (sources.fillna("") + ", " + dates.fillna("")).str.strip(", ")
    fallback = fallback.where(fallback != "", documents["doc_id"].astype("string"))
    labels = titles.map(lambda title: _shorten(title, width)).where(titles != "", fallback)
    # A headline many outlets ran (wire copy) is told apart by its outlet and date.
    repeated = labels.duplicated(keep=False) & (titles != "")
    labels[repeated] = [f"{_shorten(title, max(24, width - len(more) - 3))} ({more})"
                        for title, more in zip(titles[repeated], fallback[repeated], strict=True)]
    repeat = labels.groupby(labels.to_numpy()).cumcount() + 1
    labels = labels.where(repeat == 1, labels + " (" + repeat.astype(str) + ")")
    return labels.astype("string").rename("label")


@checked
def find_top_documents(table: Annotated[pd.DataFrame, Columns("doc_id")], variables: Variables,
                       *, column: Annotated[str, ColumnOf("table")], values: Sequence[object],
                       top: Count = 30) -> pd.DataFrame:
    """Find the ``top`` documents where ``column`` takes one of ``values`` most, by date.

    Rows are counted (or their ``n_occurrences`` summed), so ``table`` may be the
    tagged ``terms`` (``column="term"``) or ``mentions`` (``column="actor_id"``).

    Returns:
        The ``variables`` rows of those documents plus ``n_occurrences``; in
        publication order (undated last), then by ``doc_id``.

    Example:
        >>> mentions = tag_actors(corpus)
        >>> find_top_documents(mentions, build_document_variables(corpus.documents),
        ...                    column="actor_id", values=["prk"], top=1)["doc_id"].tolist()
        ['b']
    """
    rows = table[table[column].isin(list(values))]
    weights = rows["n_occurrences"] if "n_occurrences" in rows else pd.Series(1, rows.index)
    totals = weights.groupby(rows["doc_id"].astype(str)).sum()
    totals = totals.sort_index(kind="stable").sort_values(ascending=False, kind="stable")
    chosen = variables[variables["doc_id"].isin(totals.index[:max(top, 0)])]
    chosen = chosen.assign(n_occurrences=chosen["doc_id"].map(totals).astype("int64").to_numpy())
    return chosen.sort_values(["published", "doc_id"], kind="stable",
                              na_position="last").reset_index(drop=True)


def as_dates(values: pd.Series, name: str) -> pd.Series:
    """A column of publication dates as ``datetime64[ns]``; text that is no date is an error."""
    try:
        return pd.to_datetime(values).astype("datetime64[ns]")
    except (ValueError, TypeError, OverflowError) as error:
        raise ArgumentError(f"{name} holds values that are not dates ({first_line(error)})"
                            ) from None


def _shorten(text: str, width: int) -> str:
    """Cut at the last word that fits, marked with an ellipsis."""
    if len(text) <= width:
        return text
    cut = text[:width - 1]
    if text[width - 1] != " " and " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:-–—") + "…"
