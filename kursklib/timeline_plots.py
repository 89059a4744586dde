""":mod:`kursklib.timeline_plots`: draw the timeline's charts (an events table in, Axes out)."""

from __future__ import annotations

import textwrap
from typing import Annotated

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.ticker import MaxNLocator

from .checks import Columns, checked
from .events import CORROBORATED
from .plots import _date_axis, _new_axes  # one figure and date axis for every chart
from .style import STYLE

CORROBORATED_COLOUR, SINGLE_COLOUR = "#1b6ca8", "#a9c4dc"
# Marker area (points²) of an event: a base plus this much per independent origin.
AREA_BASE, AREA_PER_ORIGIN = 24.0, 40.0
LABEL_WIDTH = 40  # characters per line of an event's label
NOTE = "No dated events to draw"


@checked
def plot_timeline(events: Annotated[pd.DataFrame, Columns(
                      "date_start", "date_end", "granularity", "when", "label", "n_documents",
                      "n_independent", made_by="count_events")], *, title: str = "",
                  ax: Axes | None = None) -> Axes:
    """Draw events on a calendar, one row each: what (label), when, how many sources.

    Each row is labelled with the event's actor and key words; a mark at its date (a
    circle for a day, a diamond in the middle of a week, month or year, whose span is
    drawn as a bar) grows with the independent origins that report it, dark when
    ``CORROBORATED`` or more do; the date in words and the counts stand beside it.

    Args:
        events: Output of ``count_events`` (with ``top`` to keep it legible).

    Example:
        >>> mentions = tag_actors(corpus)
        >>> timeline = build_timeline(tag_dates(corpus), mentions, tag_tokens(corpus, mentions),
        ...                           corpus.sentences, corpus.documents)
        >>> ax = plot_timeline(count_events(timeline))
        >>> [label.get_text() for label in ax.get_yticklabels()]
        ['Valery Gerasimov: liberate', 'Korean Central News Agency: soldier,\\nhonour']
    """
    ax = _new_axes(ax, 10.0, 0.5 * len(events) + 1.9)
    with plt.rc_context(STYLE):
        if events.empty:
            return _note(ax, title or "Dated events")
        rows = np.arange(len(events))
        first = pd.to_datetime(events["date_start"])
        after = pd.to_datetime(events["date_end"]) + pd.Timedelta(days=1)
        middle = first + (after - first) / 2
        counts = events["n_independent"].to_numpy()
        colours = np.where(counts >= CORROBORATED, CORROBORATED_COLOUR, SINGLE_COLOUR)
        spans = (events["granularity"] != "day").to_numpy()
        ax.hlines(rows[spans], first[spans], after[spans], colors=colours[spans], linewidth=3,
                  alpha=0.7, zorder=2)
        # A circle for a day, a diamond for a week, month or year (its bar shows the span).
        for shape, chosen in (("o", ~spans), ("D", spans)):
            ax.scatter(middle[chosen], rows[chosen], marker=shape, c=colours[chosen], zorder=3,
                       s=(AREA_BASE + AREA_PER_ORIGIN * counts[chosen]) * (0.7 if shape == "D"
                                                                          else 1.0),
                       edgecolors="white", linewidths=0.8)
        ax.set_yticks(rows, [textwrap.fill(str(label), LABEL_WIDTH, max_lines=2,
                                           placeholder=" …") for label in events["label"]])
        # What the dot says, in a column of its own at the right: never over a dot.
        ax.secondary_yaxis("right").set_yticks(rows, [
            f"{when} · {_sources(independent)}, {documents} "
            f"document{'' if documents == 1 else 's'}" for when, independent, documents in
            zip(events["when"], counts, events["n_documents"], strict=True)])
        ax.set_ylim(len(events) - 0.5, -0.5)
        low, high = first.min(), after.max()
        reach = max(high - low, pd.Timedelta(days=30))
        ax.set_xlim(low - reach * 0.04, high + reach * 0.04)
        ax.grid(axis="x", color="0.92")
        _date_axis(ax)
        kinds = [Line2D([], [], marker="o", linestyle="", color=CORROBORATED_COLOUR,
                        label=f"corroborated: {CORROBORATED}+ independent sources"),
                 Line2D([], [], marker="o", linestyle="", color=SINGLE_COLOUR, label="one source"),
                 Line2D([], [], marker="o", linestyle="", color="0.55", label="dated to the day"),
                 Line2D([], [], marker="D", color="0.55", linewidth=3, markersize=5,
                        label="to a week, month or year (bar: its span)")]
        sizes = _size_handles(int(counts.max()))
        columns = max(len(kinds), len(sizes))
        blank = Line2D([], [], linestyle="", label=" ")
        # Filled column by column: kinds on the first row, sizes on the second.
        handles = [handle for column in range(columns) for handle in (
            kinds[column] if column < len(kinds) else blank,
            sizes[column] if column < len(sizes) else blank)]
        ax.legend(handles=handles, loc="upper center", ncol=columns, columnspacing=1.6,
                  bbox_to_anchor=(0.5, -0.45 / (0.5 * len(events) + 0.4)), labelspacing=1.2,
                  title="colour: corroboration · shape: how precise the date · size: "
                        "independent sources")
        ax.set_title(title or f"{len(events)} dated events, most independently reported")
    return ax


@checked
def plot_event_periods(periods: Annotated[pd.DataFrame, Columns(
                           "period", "period_start", "period_end", "n_events", "n_corroborated",
                           "n_single", "top_when", "top_label", "top_n_independent", "labelled",
                           made_by="count_event_periods")], *, title: str = "",
                       ax: Axes | None = None) -> Axes:
    """Draw the events per day, week or month, corroborated ones stacked on top, and label
    the best-reported event of the ``labelled`` periods.

    Args:
        periods: Output of ``count_event_periods``.

    Example:
        >>> mentions = tag_actors(corpus)
        >>> timeline = build_timeline(tag_dates(corpus), mentions, tag_tokens(corpus, mentions),
        ...                           corpus.sentences, corpus.documents)
        >>> ax = plot_event_periods(count_event_periods(count_events(timeline), period="month"))
        >>> [float(bar.get_height()) for bar in ax.patches]
        [2.0, 0.0]
    """
    ax = _new_axes(ax, 10.0, 4.8)
    with plt.rc_context(STYLE):
        if periods.empty:
            return _note(ax, title or "Dated events")
        period = str(periods["period"].iloc[0])
        start = pd.to_datetime(periods["period_start"])
        width = (pd.to_datetime(periods["period_end"]) - start + pd.Timedelta(days=1)) * 0.85
        middle = start + width / 2 / 0.85
        single = periods["n_single"].to_numpy(dtype=float)
        corroborated = periods["n_corroborated"].to_numpy(dtype=float)
        ax.bar(start, single, width=width, align="edge", color=SINGLE_COLOUR, label="one source")
        ax.bar(start, corroborated, width=width, align="edge", bottom=single,
               color=CORROBORATED_COLOUR,
               label=f"corroborated ({CORROBORATED}+ independent sources)")
        highest = float((single + corroborated).max())
        _callouts(ax, periods[periods["labelled"].to_numpy(dtype=bool)],
                  (middle, single + corroborated), highest)
        ax.set_ylabel(f"events per {period}")
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=2)
        _date_axis(ax)
        ax.set_title(title or f"Events dated within a {period}, per {period}: "
                              f"{int(periods['n_events'].sum())}, of which "
                              f"{int(corroborated.sum())} corroborated")
    return ax


def _callouts(ax: Axes, shown: pd.DataFrame, bars: tuple[pd.Series, np.ndarray],
              highest: float) -> None:
    """Label the shown periods' best-reported events in one row above the bars, spread
    evenly in date order, each with a line down to its bar (so that no two overlap)."""
    ax.set_ylim(0, highest * (1.75 if len(shown) else 1.1))
    if shown.empty:
        return
    low, high = ax.get_xlim()
    step = (high - low) / len(shown)
    width = max(14, int(150 / len(shown)))
    for slot, (row, event) in enumerate(shown.iterrows()):
        text = textwrap.fill(f"{event['top_label']} ({event['top_when']}, "
                             f"{_sources(event['top_n_independent'])})", width, max_lines=4,
                             placeholder=" …")
        where = mdates.date2num(bars[0][row])
        across = where if len(shown) == 1 else low + step * (slot + 0.5)
        ax.annotate(text, (bars[0][row], bars[1][row]), xytext=(across, highest * 1.22),
                    fontsize=7, ha="center", va="bottom",
                    arrowprops={"arrowstyle": "-", "color": "0.55", "linewidth": 0.6,
                                "shrinkA": 2, "shrinkB": 1})


def _note(ax: Axes, title: str) -> Axes:
    ax.text(0.5, 0.5, NOTE, ha="center", va="center", transform=ax.transAxes, color="0.35")
    ax.set_axis_off()
    ax.set_title(title)
    return ax


def _sources(count: int) -> str:
    return f"{count} independent source{'' if count == 1 else 's'}"


def _size_handles(largest: int) -> list[Line2D]:
    """Markers of the sizes 1, 2, 5, 10, 20 ... up to the largest count drawn."""
    sizes = [size for size in (1, 2, 5, 10, 20, 50, 100) if size < largest] + [largest]
    return [Line2D([], [], marker="o", linestyle="", color="0.6", markeredgecolor="white",
                   markersize=float(np.sqrt(AREA_BASE + AREA_PER_ORIGIN * size)),
                   label=f"{size} source{'' if size == 1 else 's'}")
            for size in dict.fromkeys(sizes)]
