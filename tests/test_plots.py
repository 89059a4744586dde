"""Tests for kursklib.plots: the Axes each chart returns."""

from __future__ import annotations

import numpy as np
import pandas as pd

from kursklib import (
    build_cooccurrence,
    build_network,
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
                      rows=["prk", "rus"], columns=sorted(by_document["doc_id"].unique()))
    assert [t.get_text() for t in ax.get_yticklabels()] == ["prk", "rus"]
    assert len(ax.get_xticklabels()) == 5
    image = ax.get_images()[0].get_array()
    assert image[0, 1] == 34  # prk in 001
    first_seen = plot_heatmap(by_document, row="actor_id", column="doc_id", value="n_mentions")
    assert [t.get_text() for t in first_seen.get_yticklabels()][0] == by_document[
        "actor_id"].iloc[0]


def test_plot_heatmap_labels_documents_and_periods_and_thins_many_columns():
    table = pd.DataFrame({"doc_id": ["a", "b"], "label": ["Kim visits Kursk", "TASS, 2025-01-02"],
                          "term": ["kim", "kim"], "n": [2, 1]})
    ax = plot_heatmap(table, row="term", column="doc_id", value="n")
    assert [t.get_text() for t in ax.get_xticklabels()] == ["Kim visits Kursk",
                                                            "TASS, 2025-01-02"]
    weeks = pd.period_range("2025-01-06", periods=80, freq="W-SUN")
    table = pd.DataFrame({"period": list(weeks) * 10, "n": range(800),
                          "source": [f"outlet {index // 80}" for index in range(800)]})
    ax = plot_heatmap(table, row="source", column="period", value="n")
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert len(labels) <= 30 and labels[0] == "2025-01-06"
    assert not ax.texts  # 800 cells: beyond MAX_ANNOTATED_CELLS, none is annotated
    assert ax.get_images()[0].get_array().shape == (10, 80)


def test_plot_heatmap_annotates_shares_as_percentages_and_notes_an_empty_table():
    table = pd.DataFrame({"source": ["TASS", "AP"], "actor": ["Kim", "Kim"], "share": [0.5, 1.0]})
    ax = plot_heatmap(table, row="source", column="actor", value="share", percent=True)
    assert [text.get_text() for text in ax.texts] == ["50%", "100%"]
    ax = plot_heatmap(table.iloc[:0], row="source", column="actor", value="share",
                      note="no actor found")
    assert [text.get_text() for text in ax.texts] == ["no actor found"] and not ax.images


def test_plot_dispersion_puts_each_document_in_one_slot(tmp_path):
    from kursklib import tag_corpus
    from tests.conftest import SEEDS

    tagged = tag_corpus(SEEDS, cache_dir=tmp_path, tables=["documents", "tokens", "mentions"])
    occurrences = tag_terms(tagged.tokens, tagged.mentions, ["soldier", "kim jong un"])
    documents = tagged.documents.iloc[[3, 1]]
    ax = plot_dispersion(occurrences, documents, terms=["soldier", "kim jong un"])
    positions = ax.collections[0].get_offsets()[:, 0]
    shown = occurrences["doc_id"].isin(documents["doc_id"])
    assert len(positions) == shown.sum() and 0 <= positions.min() and positions.max() < 2
    assert [t.get_text() for t in ax.get_xticklabels()] == documents["doc_id"].tolist()
    assert ax.get_xlim() == (0, 2)
    empty = plot_dispersion(occurrences, documents.iloc[:0], terms=["soldier"])
    assert [text.get_text() for text in empty.texts] == ["no occurrence to draw"]


def test_plot_network_draws_the_pairs_it_is_given(seed_mentions):
    counts = count_mentions(seed_mentions)
    network = build_network(build_cooccurrence(seed_mentions), counts, top=5, max_edges=3)
    ax = plot_cooccurrence_network(network, counts, top=5)
    assert len(ax.collections[0].get_offsets()) == 5
    assert len(ax.get_lines()) == len(network)
    empty = plot_cooccurrence_network(network.iloc[:0], counts.iloc[:0])
    assert [text.get_text() for text in empty.texts] == ["no actor found"]


def test_plot_network_puts_the_hubs_inside_and_is_the_same_a_thousand_times_larger(
        seed_mentions):
    counts = count_mentions(seed_mentions)
    network = build_network(build_cooccurrence(seed_mentions), counts, top=9)
    small = plot_cooccurrence_network(network, counts, top=9)
    large = plot_cooccurrence_network(network.assign(n_sentences=network["n_sentences"] * 1000),
                                      counts, top=9)
    points = small.collections[0].get_offsets()  # nodes in actor id order
    assert (points == large.collections[0].get_offsets()).all()
    radius = dict(zip(sorted(counts["actor_id"].head(9)), np.hypot(*points.T), strict=True))
    hubs, rest = counts["actor_id"].head(3), counts["actor_id"].iloc[3:9]
    assert max(radius[actor] for actor in hubs) < min(radius[actor] for actor in rest)
    gaps = np.hypot(*(points[:, None, :] - points[None, :, :]).transpose(2, 0, 1))
    assert gaps[~np.eye(len(points), dtype=bool)].min() > 0.3


def test_bar_charts_note_an_empty_table(seed_mentions):
    empty = count_mentions(seed_mentions.iloc[:0])
    assert [text.get_text() for text in plot_actor_mentions(empty).texts] == ["no actor found"]
    assert [text.get_text() for text in plot_term_counts(pd.DataFrame(
        {"term": [], "n_occurrences": []})).texts] == ["nothing to count"]
