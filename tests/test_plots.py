"""Tests for kursklib.plots: the Axes each chart returns."""

from __future__ import annotations

from kursklib import (
    build_cooccurrence,
    count_mentions,
    count_terms,
    plot_actor_mentions,
    plot_cooccurrence_network,
    plot_dispersion,
    plot_heatmap,
    plot_term_counts,
    tag_terms,
)


def test_plot_term_counts_draws_top_terms_largest_first(seed_terms):
    counts = count_terms(seed_terms)
    ax = plot_term_counts(counts, top=5)
    assert len(ax.patches) == 5
    labels = [tick.get_text() for tick in ax.get_yticklabels()]
    assert labels[-1] == counts["term"].iloc[0] and labels[0] == counts["term"].iloc[4]
    assert ax.patches[-1].get_width() == counts["n_occurrences"].iloc[0]


def test_plot_actor_mentions_colours_by_type(seed_mentions):
    counts = count_mentions(seed_mentions)
    ax = plot_actor_mentions(counts, top=6)
    assert [t.get_text() for t in ax.get_yticklabels()][-1] == "North Korea"
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["person", "org", "state",
                                                                     "place"]


def test_plot_heatmap_rows_columns_and_cells(seed_mentions):
    by_document = count_mentions(seed_mentions, by=["doc_id", "actor_id"])
    ax = plot_heatmap(by_document, row="actor_id", column="doc_id", value="n_mentions",
                      rows=["prk", "rus"])
    assert [t.get_text() for t in ax.get_yticklabels()] == ["prk", "rus"]
    assert len(ax.get_xticklabels()) == 5
    image = ax.get_images()[0].get_array()
    assert image[0, 1] == 34  # prk in 001


def test_plot_dispersion_and_network(seed_tokens, seed_mentions):
    occurrences = tag_terms(seed_tokens, seed_mentions, ["soldier", "kim jong un"])
    ax = plot_dispersion(occurrences, seed_tokens, terms=["soldier", "kim jong un"])
    assert len(ax.collections[0].get_offsets()) == len(occurrences) == 25 + 13
    counts = count_mentions(seed_mentions)
    ax = plot_cooccurrence_network(build_cooccurrence(seed_mentions), counts, top=5)
    assert len(ax.collections[0].get_offsets()) == 5
