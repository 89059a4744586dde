""":mod:`kursklib.plots`: draw the research charts (DataFrame in, Axes out)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Literal

import matplotlib.dates as mdates
import matplotlib.patheffects as patheffects
import matplotlib.pyplot as plt
import networkx as nx
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.ticker import PercentFormatter

from .checks import ColumnOf, Columns, Count, checked
from .style import STYLE, capped_dpi

TYPE_COLOURS = {"person": "#1b6ca8", "org": "#e07b39", "state": "#3a923a", "place": "#8c6bb1"}
# Beyond this many, tick labels are thinned and cells are left unannotated.
MAX_TICKS = 30
MAX_ANNOTATED_CELLS = 600
# Mentions counted by actor, as the charts of actors read them.
ActorCounts = Annotated[pd.DataFrame, Columns("actor_id", "actor_name", "actor_type",
                                              "n_mentions", made_by="count_mentions",
                                              unique="actor_id")]


def _new_axes(ax: Axes | None, width: float, height: float) -> Axes:
    if ax is not None:
        return ax
    with plt.rc_context(STYLE):
        _, ax = plt.subplots(figsize=(width, height), layout="constrained",
                             dpi=capped_dpi(width, height, STYLE["figure.dpi"]))
    return ax


def _bar_height(n_bars: int) -> float:
    return max(2.5, 0.28 * n_bars + 1.0)


def _draw_note(ax: Axes, note: str, title: str = "") -> Axes:
    """Say on an empty chart why there is nothing to draw (a corpus too small, no dates)."""
    with plt.rc_context(STYLE):
        ax.text(0.5, 0.5, note, ha="center", va="center", transform=ax.transAxes,
                fontsize=10, color="0.35", wrap=True)
        ax.set_axis_off()
        ax.set_title(title)
    return ax


def _date_axis(ax: Axes, *, minticks: int = 5) -> None:
    """Dates on the x axis: between ``minticks`` and 12 ticks, labelled concisely."""
    locator = mdates.AutoDateLocator(minticks=minticks, maxticks=12)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))


def _tick_text(value: object) -> str:
    """A tick label: a period by its start (``2025-04-21`` for a week, ``2025-04``)."""
    if isinstance(value, pd.Period):
        return str(value.start_time.date()) if value.freqstr[0] in "DW" else str(value)
    return str(value)


def _display_labels(table: pd.DataFrame, key: str) -> dict[object, str]:
    """How ``key``'s values are shown: documents by their ``label`` where the table has it."""
    if key == "doc_id" and "label" in table.columns:
        return dict(zip(table["doc_id"], table["label"].astype(str), strict=True))
    return {}


def _thin_ticks(count: int, most: int = MAX_TICKS) -> range:
    """Every k-th position, so that at most ``most`` ticks are labelled."""
    return range(0, count, max(1, -(-count // most)))


@checked
def plot_term_counts(counts: pd.DataFrame, *, top: Count = 20,
                     term: Annotated[str, ColumnOf("counts")] = "term",
                     value: Annotated[str, ColumnOf("counts")] = "n_occurrences",
                     xlabel: str = "occurrences", title: str = "", ax: Axes | None = None
                     ) -> Axes:
    """Draw a horizontal bar chart of the top terms, largest at the top.

    Args:
        counts: A table with a label column (``term``) and a value column (``count``),
            e.g. from ``count_terms`` or ``find_collocations``.

    Example:
        >>> mentions = tag_actors(corpus)
        >>> terms = count_document_terms(tag_tokens(corpus, mentions), mentions)
        >>> ax = plot_term_counts(count_terms(terms), top=3)
        >>> [label.get_text() for label in ax.get_yticklabels()]
        ['soldier', 'north korea', 'kursk oblast']
    """
    shown = counts.head(top).iloc[::-1]
    if shown.empty:
        return _draw_note(_new_axes(ax, 6.0, 2.5), "nothing to count", title or "Terms")
    ax = _new_axes(ax, 6.5, _bar_height(len(shown)))
    with plt.rc_context(STYLE):
        ax.barh(shown[term].astype(str), shown[value], color="#1b6ca8")
        ax.set_xlabel(xlabel)
        ax.set_title(title or f"Top {len(shown)} terms")
        ax.margins(y=0.01)
    return ax


@checked
def plot_heatmap(table: pd.DataFrame, *, row: Annotated[str, ColumnOf("table")],
                 column: Annotated[str, ColumnOf("table")],
                 value: Annotated[str, ColumnOf("table")],
                 rows: Sequence[object] | None = None, columns: Sequence[object] | None = None,
                 title: str = "", colorbar_label: str = "", diverging: bool = False,
                 percent: bool = False, note: str = "nothing to draw",
                 ax: Axes | None = None) -> Axes:
    """Draw a row × column heatmap of ``value``, annotated with each cell's number.

    Documents (``doc_id``) are shown by the table's ``label`` column where it has one,
    periods by their start. Past ``MAX_TICKS`` columns only every k-th is labelled, and
    cells are annotated only while there are at most ``MAX_ANNOTATED_CELLS``.

    Args:
        table: Long table with ``row``, ``column`` and ``value`` columns.
        rows: Row labels to show, in order (top to bottom); ``None`` for every row, in
            order of first appearance in ``table``.
        columns: Column labels to show, in order; ``None`` as for ``rows``.
        diverging: Centre the colour scale on zero (for signed scores).
        percent: Annotate values (shares) as percentages.
        note: What an empty chart says.

    Example:
        >>> mentions = tag_actors(corpus)
        >>> terms = count_document_terms(tag_tokens(corpus, mentions), mentions)
        >>> by_doc = count_terms(terms, by="doc_id")
        >>> ax = plot_heatmap(by_doc, row="term", column="doc_id", value="n_occurrences",
        ...                   rows=["soldier", "north korea"], columns=["a", "b"])
        >>> ax.images[0].get_array().tolist()
        [[1.0, 1.0], [1.0, 2.0]]
    """
    rows = list(pd.unique(table[row]) if rows is None else rows)
    columns = list(pd.unique(table[column]) if columns is None else columns)
    if table.empty or not rows or not columns:
        return _draw_note(_new_axes(ax, 6.0, 2.5), note, title)
    shown = table[table[row].isin(rows) & table[column].isin(columns)]
    matrix = (shown.pivot_table(index=row, columns=column, values=value, aggfunc="sum",
                                fill_value=0, observed=True)
              .reindex(index=rows, columns=columns, fill_value=0))
    names = {**_display_labels(table, row), **_display_labels(table, column)}
    row_text = [names.get(name, _tick_text(name)) for name in rows]
    column_text = [names.get(name, _tick_text(name)) for name in columns]
    width = 0.5 * len(columns) if len(columns) <= MAX_TICKS else 0.16 * len(columns)
    height = 0.3 * len(rows) if len(rows) <= 2 * MAX_TICKS else 0.16 * len(rows)
    ax = _new_axes(ax, min(max(4.5, width + 0.07 * max(map(len, row_text)) + 2.0), 16.0),
                   min(max(2.5, height + 0.05 * max(map(len, column_text)) + 1.2), 18.0))
    with plt.rc_context(STYLE):
        values = matrix.to_numpy(dtype=float)
        # A few outsized cells (an outlet's own name) would wash out every other colour:
        # the scale stops at the 95th percentile, and the numbers say the rest.
        magnitudes = np.abs(values[values != 0])
        limit = float(np.quantile(magnitudes, 0.95)) if magnitudes.size >= 20 else float(
            magnitudes.max(initial=0.0))
        limit = 1.0 if percent else limit or 1.0
        clipped = bool(magnitudes.size) and float(magnitudes.max()) > limit
        image = ax.imshow(values, cmap="RdBu_r" if diverging else "Blues",
                          vmin=-limit if diverging else 0, vmax=limit, aspect="auto",
                          interpolation="none")
        ticks = _thin_ticks(len(columns))
        ax.set_xticks(list(ticks), [column_text[i] for i in ticks], rotation=45 if len(
            columns) > 6 or max(map(len, column_text)) > 12 else 0, ha="right")
        ticks = _thin_ticks(len(rows), 2 * MAX_TICKS)
        ax.set_yticks(list(ticks), [row_text[i] for i in ticks])
        threshold = limit * 0.6
        if values.size <= MAX_ANNOTATED_CELLS:
            for (i, j), cell in np.ndenumerate(values):
                if cell:
                    ax.text(j, i, _cell_text(cell, percent), ha="center", va="center",
                            fontsize=7, color="white" if abs(cell) > threshold else "black")
        ax.spines[:].set_visible(False)
        ax.set_title(title)
        ax.figure.colorbar(image, ax=ax, label=colorbar_label, shrink=0.8,
                           extend=("both" if diverging else "max") if clipped else "neither",
                           format=PercentFormatter(1.0, decimals=0) if percent else None)
    return ax


def _cell_text(cell: float, percent: bool) -> str:
    if percent:
        return f"{cell:.0%}"
    if float(cell).is_integer() or abs(cell) >= 100:
        return f"{cell:.0f}"
    return f"{cell:.1f}" if abs(cell) >= 0.05 else "0"


@checked
def plot_dispersion(occurrences: Annotated[pd.DataFrame, Columns(
                        "doc_id", "token_id", "term", made_by="tag_terms")],
                    documents: Annotated[pd.DataFrame, Columns("doc_id", "n_tokens")], *,
                    terms: Sequence[str], title: str = "", note: str = "no occurrence to draw",
                    ax: Axes | None = None) -> Axes:
    """Draw a lexical dispersion plot: where each term occurs, document after document.

    Each document takes one equal slot, left to right in the order of ``documents``, and
    an occurrence sits at its token's relative position in the document, so that short
    and long documents read alike; documents are labelled by ``label`` (else id).

    Args:
        occurrences: Output of ``tag_terms``, for the documents shown.
        documents: The documents shown, in order: ``doc_id, n_tokens`` (and ``label``),
            e.g. from ``find_top_documents``.
        terms: Terms to show, top to bottom.

    Example:
        >>> tagged = tag_corpus(corpus.documents[["doc_id", "text"]], cache_dir=tmp,
        ...                     tables=["documents", "tokens", "mentions"])
        >>> occurrences = tag_terms(tagged.tokens, tagged.mentions, ["soldier"])
        >>> ax = plot_dispersion(occurrences, tagged.documents, terms=["soldier"])
        >>> len(ax.collections[0].get_offsets())
        2
    """
    if documents.empty or not len(terms):
        return _draw_note(_new_axes(ax, 8.0, 2.5), note, title or "Lexical dispersion")
    slot = {doc_id: index for index, doc_id in enumerate(documents["doc_id"])}
    lengths = dict(zip(documents["doc_id"], documents["n_tokens"], strict=True))
    labels = [str(label) for label in (documents["label"] if "label" in documents
                                       else documents["doc_id"])]
    shown = occurrences[occurrences["doc_id"].isin(slot) & occurrences["term"].isin(terms)]
    ax = _new_axes(ax, max(8.0, 0.3 * len(slot) + 2.5),
                   max(2.0, 0.35 * len(terms) + 1.2 + 0.055 * max(map(len, labels))))
    with plt.rc_context(STYLE):
        size = shown["doc_id"].map(lengths).astype(float).clip(lower=1)
        positions = shown["doc_id"].map(slot).astype(float) + shown["token_id"].astype(
            float) / size
        rows = shown["term"].map({term: index for index, term in enumerate(terms)})
        ax.scatter(positions, rows, marker="|", s=120, color="#1b6ca8", linewidths=1.2)
        for boundary in range(1, len(slot)):
            ax.axvline(boundary, color="0.75", linewidth=0.8, linestyle=":")
        ax.set_xticks([index + 0.5 for index in range(len(slot))], labels,
                      rotation=90 if len(slot) > 6 else 30, ha="center" if len(slot) > 6
                      else "right", fontsize=7)
        ax.set_yticks(range(len(terms)), list(terms))
        ax.set_ylim(len(terms) - 0.5, -0.5)
        ax.set_xlim(0, len(slot))
        ax.set_xlabel("documents (each from its first token to its last)")
        ax.set_title(title or "Lexical dispersion")
    return ax


@checked
def plot_actor_mentions(counts: ActorCounts, *, top: Count = 15, title: str = "",
                        ax: Axes | None = None) -> Axes:
    """Draw a horizontal bar chart of mentions per actor, coloured by actor type.

    Args:
        counts: Output of ``count_mentions`` grouped by ``actor_id``.

    Example:
        >>> ax = plot_actor_mentions(count_mentions(tag_actors(corpus)), top=2)
        >>> [label.get_text() for label in ax.get_yticklabels()]
        ['North Korea', 'Kursk Oblast']
    """
    shown = counts.head(top).iloc[::-1]
    if shown.empty:
        return _draw_note(_new_axes(ax, 6.0, 2.5), "no actor found", title or "Actors")
    ax = _new_axes(ax, 6.5, _bar_height(len(shown)))
    with plt.rc_context(STYLE):
        colours = [TYPE_COLOURS.get(kind, "0.5") for kind in shown["actor_type"]]
        ax.barh(shown["actor_name"].astype(str), shown["n_mentions"], color=colours)
        present = [kind for kind in TYPE_COLOURS if kind in set(shown["actor_type"])]
        handles = [plt.Rectangle((0, 0), 1, 1, color=TYPE_COLOURS[kind]) for kind in present]
        ax.legend(handles, present, title="actor type", loc="lower right")
        ax.set_xlabel("mentions")
        ax.set_title(title or f"Top {len(shown)} actors by mentions")
        ax.margins(y=0.01)
    return ax


@checked
def plot_cooccurrence_network(pairs: Annotated[pd.DataFrame, Columns(
                                  "actor_id", "other_id", "n_sentences", "n_documents",
                                  made_by="build_network")],
                              counts: ActorCounts, *, top: Count = 15,
                              weight: Literal["n_sentences", "n_documents"] = "n_sentences",
                              title: str = "",
                              ax: Axes | None = None) -> Axes:
    """Draw the co-occurrence network of the most mentioned actors, on two rings.

    The most mentioned (the square root of their number) stand on the inner ring, the
    others on the outer one, each ring in order of mentions: a fixed layout, whose
    names stay apart at any corpus size (a force layout packs the hubs onto one spot).

    Args:
        pairs: Output of ``build_network`` (or ``build_cooccurrence``: every pair among
            the ``top`` actors is drawn).
        counts: Output of ``count_mentions`` by ``actor_id`` (node sizes, names, types).
        weight: Edge weight column (line width, as a share of the strongest pair).

    Example:
        >>> mentions = tag_actors(corpus)
        >>> ax = plot_cooccurrence_network(build_cooccurrence(mentions), count_mentions(mentions),
        ...                                top=3)
        >>> sorted(text.get_text() for text in ax.texts)
        ['Korean Central News Agency', 'Kursk Oblast', 'North Korea']
    """
    nodes = counts.head(top)
    if nodes.empty:
        return _draw_note(_new_axes(ax, 6.0, 2.5), "no actor found", title or "Co-occurrence")
    kept = set(nodes["actor_id"])
    edges = pairs[pairs["actor_id"].isin(kept) & pairs["other_id"].isin(kept) & (pairs[weight] > 0)]
    maximum = float(edges[weight].max()) if len(edges) else 1.0
    graph = nx.Graph()
    graph.add_nodes_from(sorted(kept))
    graph.add_weighted_edges_from(sorted(zip(edges["actor_id"], edges["other_id"],
                                             edges[weight] / maximum, strict=True)))
    ranked = nodes["actor_id"].tolist()
    inner = max(1, round(len(ranked) ** 0.5))
    layout = nx.shell_layout(graph, nlist=[ranked[:inner], ranked[inner:]] if len(ranked) > 2
                             else [ranked], rotate=0)
    ax = _new_axes(ax, 7.5, 6.0)
    with plt.rc_context(STYLE):
        for source, target, data in sorted(graph.edges(data=True)):
            (x1, y1), (x2, y2) = layout[source], layout[target]
            ax.plot([x1, x2], [y1, y2], color="0.6", zorder=1, linewidth=0.5 + 4 * data["weight"])
        by_id = nodes.set_index("actor_id")
        ordered = sorted(kept)
        sizes = by_id.loc[ordered, "n_mentions"].to_numpy(dtype=float)
        ax.scatter([layout[n][0] for n in ordered], [layout[n][1] for n in ordered],
                   s=60 + 900 * sizes / sizes.max(), zorder=2, edgecolors="white",
                   c=[TYPE_COLOURS.get(by_id.loc[n, "actor_type"], "0.5") for n in ordered])
        for node in ordered:
            # A white halo keeps a name readable where it crosses edges and nodes.
            ax.annotate(str(by_id.loc[node, "actor_name"]), layout[node], fontsize=7,
                        ha="center", va="bottom", xytext=(0, 7), textcoords="offset points",
                        zorder=3, path_effects=[patheffects.withStroke(linewidth=2.5,
                                                                        foreground="white")])
        present = [kind for kind in TYPE_COLOURS if kind in set(by_id["actor_type"])]
        ax.legend([plt.Line2D([], [], marker="o", linestyle="", color=TYPE_COLOURS[kind])
                   for kind in present], present, title="actor type", loc="upper center",
                  bbox_to_anchor=(0.5, 0.0), ncol=len(present))  # below: never over a node
        ax.set_axis_off()
        ax.margins(0.15)
        ax.set_title(title or f"Co-occurrence of the top {len(kept)} actors "
                              f"(edge width = shared {weight.removeprefix('n_')})")
    return ax
