""":mod:`kursklib.plots`: draw the research charts (DataFrame in, Axes out)."""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib.pyplot as plt
import networkx as nx
import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from .style import STYLE, capped_dpi

TYPE_COLOURS = {"person": "#1b6ca8", "org": "#e07b39", "state": "#3a923a", "place": "#8c6bb1"}


def _new_axes(ax: Axes | None, width: float, height: float) -> Axes:
    if ax is not None:
        return ax
    with plt.rc_context(STYLE):
        _, ax = plt.subplots(figsize=(width, height), layout="constrained",
                             dpi=capped_dpi(width, height, STYLE["figure.dpi"]))
    return ax


def _bar_height(n_bars: int) -> float:
    return max(2.5, 0.28 * n_bars + 1.0)


def plot_term_counts(counts: pd.DataFrame, *, top: int = 20, term: str = "term",
                     value: str = "n_occurrences", xlabel: str = "occurrences", title: str = "",
                     ax: Axes | None = None) -> Axes:
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
    ax = _new_axes(ax, 6.5, _bar_height(len(shown)))
    with plt.rc_context(STYLE):
        ax.barh(shown[term].astype(str), shown[value], color="#1b6ca8")
        ax.set_xlabel(xlabel)
        ax.set_title(title or f"Top {len(shown)} terms")
        ax.margins(y=0.01)
    return ax


def plot_heatmap(table: pd.DataFrame, *, row: str, column: str, value: str, rows: Sequence[str],
                 columns: Sequence[str] | None = None, title: str = "",
                 colorbar_label: str = "", diverging: bool = False,
                 ax: Axes | None = None) -> Axes:
    """Draw a row × column heatmap of ``value``, annotated with each cell's number.

    Args:
        table: Long table with ``row``, ``column`` and ``value`` columns.
        rows: Row labels to show, in order (top to bottom).
        columns: Column labels to show, in order; ``None`` for every column, sorted.
        diverging: Centre the colour scale on zero (for signed scores).

    Example:
        >>> mentions = tag_actors(corpus)
        >>> terms = count_document_terms(tag_tokens(corpus, mentions), mentions)
        >>> by_doc = count_terms(terms, by="doc_id")
        >>> ax = plot_heatmap(by_doc, row="term", column="doc_id", value="n_occurrences",
        ...                   rows=["soldier", "north korea"])
        >>> ax.images[0].get_array().tolist()
        [[1.0, 1.0], [1.0, 2.0]]
    """
    shown = table[table[row].isin(rows)]
    if columns is not None:
        shown = shown[shown[column].isin(columns)]
    matrix = (shown.pivot_table(index=row, columns=column, values=value, aggfunc="sum",
                                fill_value=0, observed=True)
              .reindex(index=list(rows), fill_value=0))
    matrix = matrix.reindex(columns=sorted(table[column].unique()) if columns is None
                            else list(columns), fill_value=0)
    ax = _new_axes(ax, max(4.5, 1.1 * matrix.shape[1] + 2.5), max(2.5, 0.3 * len(rows) + 1.5))
    with plt.rc_context(STYLE):
        values = matrix.to_numpy(dtype=float)
        if diverging:
            limit = float(np.abs(values).max()) or 1.0
            image = ax.imshow(values, cmap="RdBu_r", vmin=-limit, vmax=limit, aspect="auto",
                              interpolation="none")
        else:
            image = ax.imshow(values, cmap="Blues", vmin=0, aspect="auto", interpolation="none")
        ax.set_xticks(range(matrix.shape[1]), [str(c) for c in matrix.columns], rotation=30,
                      ha="right")
        ax.set_yticks(range(matrix.shape[0]), [str(r) for r in matrix.index])
        threshold = np.abs(values).max() * 0.6 if values.size else 0
        for (i, j), cell in np.ndenumerate(values):
            if cell:
                ax.text(j, i, f"{cell:.0f}" if float(cell).is_integer() else f"{cell:.1f}",
                        ha="center", va="center", fontsize=7,
                        color="white" if abs(cell) > threshold else "black")
        ax.spines[:].set_visible(False)
        ax.set_title(title)
        ax.figure.colorbar(image, ax=ax, label=colorbar_label, shrink=0.8)
    return ax


def plot_dispersion(occurrences: pd.DataFrame, tokens: pd.DataFrame, *, terms: Sequence[str],
                    title: str = "", ax: Axes | None = None) -> Axes:
    """Draw a lexical dispersion plot: where each term occurs, document after document.

    Args:
        occurrences: Output of ``tag_terms``.
        tokens: Output of ``tag_tokens`` (gives document lengths and order).
        terms: Terms to show, top to bottom.

    Example:
        >>> mentions = tag_actors(corpus)
        >>> tokens = tag_tokens(corpus, mentions)
        >>> occurrences = tag_terms(tokens, mentions, ["soldier"])
        >>> ax = plot_dispersion(occurrences, tokens, terms=["soldier"])
        >>> len(ax.collections[0].get_offsets())
        2
    """
    lengths = tokens.groupby("doc_id", sort=True)["token_id"].max() + 1
    offsets = lengths.cumsum() - lengths
    ax = _new_axes(ax, 8.0, max(2.0, 0.35 * len(terms) + 1.2))
    with plt.rc_context(STYLE):
        positions = occurrences["doc_id"].map(offsets) + occurrences["token_id"]
        rows = occurrences["term"].map({term: index for index, term in enumerate(terms)})
        ax.scatter(positions, rows, marker="|", s=120, color="#1b6ca8", linewidths=1.2)
        for offset in offsets.iloc[1:]:
            ax.axvline(offset, color="0.75", linewidth=0.8, linestyle=":")
        ax.set_xticks((offsets + lengths / 2).to_numpy(), list(lengths.index), rotation=30,
                      ha="right")
        ax.set_yticks(range(len(terms)), list(terms))
        ax.set_ylim(len(terms) - 0.5, -0.5)
        ax.set_xlim(0, int(lengths.sum()))
        ax.set_xlabel("position in the corpus (tokens; documents in order)")
        ax.set_title(title or "Lexical dispersion")
    return ax


def plot_actor_mentions(counts: pd.DataFrame, *, top: int = 15, title: str = "",
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


def plot_cooccurrence_network(pairs: pd.DataFrame, counts: pd.DataFrame, *, top: int = 15,
                              weight: str = "n_sentences", seed: int = 7, title: str = "",
                              ax: Axes | None = None) -> Axes:
    """Draw the co-occurrence network of the most mentioned actors (seeded layout).

    Args:
        pairs: Output of ``build_cooccurrence``.
        counts: Output of ``count_mentions`` by ``actor_id`` (node sizes, names, types).
        weight: Edge weight column.

    Example:
        >>> mentions = tag_actors(corpus)
        >>> ax = plot_cooccurrence_network(build_cooccurrence(mentions), count_mentions(mentions),
        ...                                top=3)
        >>> sorted(text.get_text() for text in ax.texts)
        ['Korean Central News Agency', 'Kursk Oblast', 'North Korea']
    """
    nodes = counts.head(top)
    kept = set(nodes["actor_id"])
    edges = pairs[pairs["actor_id"].isin(kept) & pairs["other_id"].isin(kept) & (pairs[weight] > 0)]
    graph = nx.Graph()
    graph.add_nodes_from(sorted(kept))
    graph.add_weighted_edges_from(
        sorted(zip(edges["actor_id"], edges["other_id"], edges[weight], strict=True)))
    layout = nx.spring_layout(graph, seed=seed, weight="weight", k=1.2 / max(len(kept), 1) ** 0.5)
    ax = _new_axes(ax, 7.5, 6.0)
    with plt.rc_context(STYLE):
        maximum = float(edges[weight].max()) if len(edges) else 1.0
        for source, target, data in sorted(graph.edges(data=True)):
            (x1, y1), (x2, y2) = layout[source], layout[target]
            ax.plot([x1, x2], [y1, y2], color="0.6", zorder=1,
                    linewidth=0.5 + 4 * data["weight"] / maximum)
        by_id = nodes.set_index("actor_id")
        ordered = sorted(kept)
        sizes = by_id.loc[ordered, "n_mentions"].to_numpy(dtype=float)
        ax.scatter([layout[n][0] for n in ordered], [layout[n][1] for n in ordered],
                   s=60 + 900 * sizes / sizes.max(), zorder=2, edgecolors="white",
                   c=[TYPE_COLOURS.get(by_id.loc[n, "actor_type"], "0.5") for n in ordered])
        for node in ordered:
            ax.annotate(str(by_id.loc[node, "actor_name"]), layout[node], fontsize=7,
                        ha="center", va="bottom", xytext=(0, 7), textcoords="offset points",
                        zorder=3)
        present = [kind for kind in TYPE_COLOURS if kind in set(by_id["actor_type"])]
        ax.legend([plt.Line2D([], [], marker="o", linestyle="", color=TYPE_COLOURS[kind])
                   for kind in present], present, title="actor type", loc="lower left")
        ax.set_axis_off()
        ax.margins(0.15)
        ax.set_title(title or f"Co-occurrence of the top {len(kept)} actors "
                              f"(edge width = shared {weight.removeprefix('n_')})")
    return ax
