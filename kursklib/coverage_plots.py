""":mod:`kursklib.coverage_plots`: draw coverage over time and the contrast of two groups."""

from __future__ import annotations

from typing import Annotated, Literal

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.ticker import MaxNLocator, PercentFormatter

from .checks import ColumnOf, Columns, checked
from .plots import _date_axis, _draw_note, _new_axes, plot_heatmap
from .style import STYLE
from .variables import name_variable

# Colours for groups and series, in order; "other" is always grey.
PALETTE = ["#1b6ca8", "#e07b39", "#3a923a", "#c0392b", "#8c6bb1", "#8c564b", "#d6609e",
           "#17becf", "#bcbd22", "#2c3e50", "#7fb3d5", "#f0b27a"]
OTHER_COLOUR = "0.72"
PERIOD_NAMES = {"D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year", "A": "year"}
VALUE_LABELS = {"share": "share of the documents", "n_documents": "documents",
                "n_mentions": "mentions", "n_occurrences": "occurrences",
                "per_1000_terms": "occurrences per 1,000 terms"}


def period_name(periods: pd.Series) -> str:
    """Name the unit of a column of periods: ``day``, ``week``, ``month``, ...

    Example:
        >>> period_name(pd.Series(pd.period_range("2025-01", periods=2, freq="M")))
        'month'
    """
    freq = getattr(periods.dtype, "freq", None)
    return PERIOD_NAMES.get(freq.freqstr[0], freq.freqstr) if freq is not None else "period"


@checked
def plot_coverage(counts: Annotated[pd.DataFrame, Columns("period", "n_documents",
                                                          made_by="count_documents")], *,
                  by: Annotated[str, ColumnOf("counts")] | None = None, title: str = "",
                  note: str = "no dated documents", ax: Axes | None = None) -> Axes:
    """Draw documents per period as bars on a calendar axis, stacked by group.

    Args:
        counts: Output of ``count_documents`` (with the same ``by``).
        by: The group column to stack (``None``: one bar per period).
        note: What an empty chart says.

    Example:
        >>> variables = build_document_variables(corpus.documents, period="day")
        >>> ax = plot_coverage(count_documents(variables))
        >>> [float(patch.get_height()) for patch in ax.patches]
        [1.0, 1.0]
    """
    unit = period_name(counts["period"])
    title = title or f"Documents per {unit}" + (f" by {by}" if by else "")
    if counts.empty:
        return _draw_note(_new_axes(ax, 9.0, 2.5), note, title)
    ax = _new_axes(ax, 9.5, 4.2)
    with plt.rc_context(STYLE):
        groups = list(pd.unique(counts[by])) if by else [None]
        colours = _colours(groups)
        bottom = None
        handles = []
        for group, colour in zip(groups, colours, strict=True):
            rows = counts if group is None else counts[counts[by] == group]
            heights = rows["n_documents"].to_numpy(dtype=float)
            handles.append(ax.bar(rows["period"].dt.start_time, heights,
                                  width=0.85 * _widths(rows["period"]), align="edge",
                                  bottom=bottom, color=colour, linewidth=0, label=str(group)))
            bottom = heights if bottom is None else bottom + heights
        _date_axis(ax, minticks=4)
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_ylabel("documents")
        if by:
            ax.legend(handles[::-1], [str(group) for group in groups][::-1], title=by,
                      loc="upper left", bbox_to_anchor=(1.01, 1.0))
        ax.set_title(title)
    return ax


@checked
def plot_trends(table: Annotated[pd.DataFrame, Columns("period", made_by="count_actor_coverage")],
                *, series: Annotated[str, ColumnOf("table")],
                value: Annotated[str, ColumnOf("table")], lanes: bool = False,
                title: str = "", ylabel: str = "", note: str = "no dated documents",
                ax: Axes | None = None) -> Axes:
    """Draw each series (actor, term) over the periods of ``table``, as lines or lanes.

    Lines share one scale; lanes (one per series, top to bottom) share one too, so that
    a lane's height compares across lanes.

    Args:
        table: Output of ``count_actor_coverage`` or ``count_term_coverage`` by ``period``.
        series: The column naming each line, e.g. ``actor_name`` or ``term``.
        value: The column drawn, e.g. ``share``, ``n_documents`` or ``per_1000_terms``;
            a ``share`` is drawn as a percentage.
        lanes: One lane per series (readable with many series) instead of lines.

    Example:
        >>> variables = build_document_variables(corpus.documents, period="day")
        >>> table = count_actor_coverage(tag_actors(corpus), variables, top=2)
        >>> ax = plot_trends(table, series="actor_name", value="n_documents")
        >>> [line.get_label() for line in ax.get_lines()]
        ['Kursk Oblast', 'North Korea']
    """
    unit = period_name(table["period"])
    title = title or f"{VALUE_LABELS.get(value, value).capitalize()} per {unit}"
    if table.empty:
        return _draw_note(_new_axes(ax, 9.0, 2.5), note, title)
    names = list(pd.unique(table[series]))
    ax = _new_axes(ax, 9.5, max(3.0, 0.55 * len(names) + 1.4) if lanes else 4.2)
    with plt.rc_context(STYLE):
        few = table["period"].nunique() <= 40
        highest = float(np.nanmax(table[value].to_numpy(dtype=float))) if table[value].notna(
            ).any() else 0.0
        scale = (1.0 if value == "share" else highest) or 1.0
        for index, (name, colour) in enumerate(zip(names, _colours(names, other=False),
                                                   strict=True)):
            rows = table[table[series] == name]
            x, y = rows["period"].dt.start_time, rows[value].to_numpy(dtype=float)
            if lanes:
                # One bar per period, as wide as the period, rising from the lane's base.
                ax.bar(x, 0.85 * y / scale, width=_widths(rows["period"]), align="edge",
                       bottom=len(names) - 1 - index, color=colour, linewidth=0,
                       label=str(name))
            else:
                ax.plot(x, y, color=colour, linewidth=1.6, marker="o" if few else None,
                        markersize=3, label=str(name))
        _date_axis(ax, minticks=4)
        label = ylabel or VALUE_LABELS.get(value, value)
        if lanes:
            ax.set_yticks([len(names) - 1 - index + 0.4 for index in range(len(names))],
                          [str(name) for name in names])
            ax.set_ylim(-0.1, len(names))
            ax.tick_params(axis="y", length=0)
            ax.set_ylabel(f"{label} (each lane from 0 to {_value_text(scale, value)})")
            ax.grid(axis="x", color="0.92")
        else:
            ax.set_ylim(bottom=0)
            if value == "share":
                ax.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
            elif value.startswith("n_"):
                ax.yaxis.set_major_locator(MaxNLocator(integer=True))
            ax.set_ylabel(label)
            ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0))
            ax.grid(axis="y", color="0.92")
        ax.set_title(title)
    return ax


@checked
def plot_keyness(contrast: Annotated[pd.DataFrame, Columns(
                     "side", "term", "n_target", "n_reference", "score", "log_ratio",
                     made_by="score_group_contrast")], *,
                 value: Literal["score", "log_ratio"] = "score", title: str = "",
                 note: str = "one group only: nothing to compare",
                 ax: Axes | None = None) -> Axes:
    """Draw the key terms of two sides as diverging bars, with the counts behind each.

    Args:
        contrast: Output of ``score_group_contrast``.
        value: ``score`` (signed G2 or chi2) or ``log_ratio`` (the effect size).

    Example:
        >>> mentions = tag_actors(corpus)
        >>> terms = count_document_terms(tag_tokens(corpus, mentions), mentions)
        >>> contrast = score_group_contrast(terms, build_document_variables(corpus.documents),
        ...                                 by="doc_id", target="b", top=2)
        >>> ax = plot_keyness(contrast)
        >>> [label.get_text() for label in ax.get_yticklabels()][:2]
        ['honour', 'korean central news agency']
    """
    if contrast.empty:
        return _draw_note(_new_axes(ax, 7.0, 2.5), note, title or "Key terms")
    sides = list(pd.unique(contrast["side"]))
    positive = contrast[contrast["score"] > 0]
    negative = contrast[contrast["score"] < 0].iloc[::-1]
    shown = pd.concat([positive, negative])
    ax = _new_axes(ax, 7.5, max(2.5, 0.26 * len(shown) + 1.3))
    with plt.rc_context(STYLE):
        values = shown[value].to_numpy(dtype=float)
        colours = np.where(shown["score"].to_numpy() > 0, PALETTE[0], PALETTE[1])
        rows = np.arange(len(shown))
        ax.barh(rows, values, color=colours)
        ax.set_yticks(rows, shown["term"].astype(str).tolist())
        ax.set_ylim(len(shown) - 0.5, -0.5)
        ax.axvline(0, color="0.4", linewidth=0.8)
        for y, x, target, reference in zip(rows, values, shown["n_target"],
                                           shown["n_reference"], strict=True):
            ax.annotate(f"{target} : {reference}", (x, y), xytext=(3 if x > 0 else -3, 0),
                        textcoords="offset points", va="center", fontsize=7, color="0.3",
                        ha="left" if x > 0 else "right")
        limit = float(np.abs(values).max()) * 1.3 or 1.0
        ax.set_xlim(-limit, limit)
        sides = [(side, PALETTE[0] if (contrast.loc[contrast["side"] == side, "score"] > 0
                                       ).all() else PALETTE[1]) for side in sides]
        ax.legend([plt.Rectangle((0, 0), 1, 1, color=colour) for _, colour in sides],
                  [f"more in {side}" for side, _ in sides], loc="lower right")
        ax.set_xlabel(("signed G² (log-likelihood)" if value == "score" else "log2 ratio of "
                       "relative frequencies") + "; labels: occurrences target : reference")
        ax.set_title(title or "Key terms: " + " against ".join(side for side, _ in sides))
    return ax


@checked
def plot_actor_groups(table: Annotated[pd.DataFrame, Columns(
                          "actor_name", "n_mentions", "share", made_by="count_actor_coverage")],
                      *, by: Annotated[str, ColumnOf("table")], title: str = "",
                      note: str = "no actor found", ax: Axes | None = None) -> Axes:
    """Draw who is named by whom: a heatmap of groups × actors.

    A cell is the share of the group's documents that name the actor, or, for single
    documents (``by="doc_id"``), the document's number of mentions of the actor.

    Args:
        table: Output of ``count_actor_coverage`` with the same ``by``.

    Example:
        >>> table = count_actor_coverage(tag_actors(corpus), build_document_variables(
        ...     corpus.documents), by="doc_id", top=2)
        >>> ax = plot_actor_groups(table, by="doc_id")
        >>> ax.images[0].get_array().tolist(), ax.get_title()
        ([[2.0, 1.0], [1.0, 2.0]], 'Mentions of the top actors in each document')
    """
    if by == "doc_id":
        return plot_heatmap(table, row=by, column="actor_name", value="n_mentions",
                            title=title or "Mentions of the top actors in each document",
                            colorbar_label="mentions", note=note, ax=ax)
    return plot_heatmap(table, row=by, column="actor_name", value="share", percent=True,
                        title=title or f"Share of each {name_variable(by)}'s documents that "
                                       "name the actor",
                        colorbar_label="share of the documents", note=note, ax=ax)


def _widths(periods: pd.Series) -> np.ndarray:
    """Each period's length in days (the unit of a date axis)."""
    return ((periods.dt.end_time - periods.dt.start_time).dt.total_seconds() / 86400
            ).to_numpy()


def _value_text(value: float, column: str) -> str:
    return f"{value:.0%}" if column == "share" else f"{value:,.0f}" if value >= 10 else (
        f"{value:.2g}")


def _colours(groups: list, *, other: bool = True) -> list:
    colours = [PALETTE[index % len(PALETTE)] for index in range(len(groups))]
    return [OTHER_COLOUR if other and group == "other" else colour
            for group, colour in zip(groups, colours, strict=True)]


