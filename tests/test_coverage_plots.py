"""Tests for kursklib.coverage_plots: the Axes of the coverage and contrast charts."""

from __future__ import annotations

import matplotlib.colors as mcolors
import pandas as pd
import pytest

from kursklib import (
    KursklibError,
    count_actor_coverage,
    count_documents,
    count_term_coverage,
    plot_actor_groups,
    plot_coverage,
    plot_keyness,
    plot_trends,
    score_group_contrast,
)
from kursklib.coverage_plots import OTHER_COLOUR, period_name


def _note(ax) -> str:
    return " ".join(text.get_text() for text in ax.texts)


def test_plot_coverage_stacks_one_bar_per_period_and_group(weekly):
    counts = count_documents(weekly, by="source", top=2)
    ax = plot_coverage(counts, by="source")
    assert len(ax.containers) == 3 and len(ax.patches) == 3 * 10
    assert [text.get_text() for text in ax.get_legend().get_texts()] == [
        "other", "Yonhap", "TASS"]
    assert mcolors.same_color(ax.containers[2].patches[0].get_facecolor(), OTHER_COLOUR)
    tops = [max(patch.get_y() + patch.get_height() for patch in bars) for bars in
            zip(*(container.patches for container in ax.containers), strict=True)]
    assert tops == [3, 0, 1, 0, 0, 0, 0, 0, 3, 5]
    assert ax.get_title() == "Documents per week by source"
    single = plot_coverage(count_documents(weekly))
    assert len(single.patches) == 10 and single.get_legend() is None


def test_plot_coverage_without_dates_draws_a_note(weekly):
    ax = plot_coverage(count_documents(weekly).iloc[:0])
    assert _note(ax) == "no dated documents" and not ax.patches


def test_plot_trends_draws_lines_or_lanes_on_one_scale(outlets, weekly):
    table = count_actor_coverage(outlets["mentions"], weekly, top=3)
    ax = plot_trends(table, series="actor_name", value="share")
    assert [line.get_label() for line in ax.get_lines()] == [
        "Kursk Oblast", "North Korea", "Korean"]
    assert ax.yaxis.get_major_formatter()(0.5, 0) == "50%"
    lanes = plot_trends(table, series="actor_name", value="share", lanes=True)
    assert [tick.get_text() for tick in lanes.get_yticklabels()] == [
        "Kursk Oblast", "North Korea", "Korean"]
    assert len(lanes.patches) == 3 * 10 and lanes.get_ylim()[1] == 3
    assert "0 to 100%" in lanes.get_ylabel()
    terms = plot_trends(count_term_coverage(outlets["terms"], weekly, top=2), series="term",
                        value="per_1000_terms")
    assert terms.get_title() == "Occurrences per 1,000 terms per week"


def test_plot_trends_notes_an_empty_table_and_names_a_missing_column(outlets, weekly):
    table = count_actor_coverage(outlets["mentions"].iloc[:0], weekly)
    assert _note(plot_trends(table, series="actor_name", value="share")) == "no dated documents"
    with pytest.raises(KursklibError, match="series 'term' is not a column of table"):
        plot_trends(table, series="term", value="share")


def test_plot_keyness_draws_both_sides_with_their_counts(outlets, weekly):
    contrast = score_group_contrast(outlets["terms"], weekly, by="country", target="RU",
                                    reference="UA", top=3)
    ax = plot_keyness(contrast)
    assert len(ax.patches) == 6
    widths = [patch.get_width() for patch in ax.patches]
    assert all(width > 0 for width in widths[:3]) and all(width < 0 for width in widths[3:])
    assert [text.get_text() for text in ax.texts][:1] == ["5 : 0"]
    assert [text.get_text() for text in ax.get_legend().get_texts()] == ["more in RU",
                                                                         "more in UA"]
    assert ax.get_title() == "Key terms: RU against UA"
    ratio = plot_keyness(contrast, value="log_ratio")
    assert ratio.patches[0].get_width() == pytest.approx(contrast["log_ratio"].iloc[0])
    assert _note(plot_keyness(contrast.iloc[:0])) == "one group only: nothing to compare"
    with pytest.raises(KursklibError, match="value must be one of 'score', 'log_ratio'"):
        plot_keyness(contrast, value="p_value")


def test_plot_actor_groups_draws_shares_for_outlets_and_mentions_for_documents(outlets, weekly):
    by_outlet = count_actor_coverage(outlets["mentions"], weekly, by="source",
                                     actors=["vladimir_putin", "volodymyr_zelensky"])
    ax = plot_actor_groups(by_outlet, by="source")
    assert ax.images[0].get_array().tolist() == [[1.0, 0.0], [0.0, 0.0], [0.0, 1.0]]
    assert [tick.get_text() for tick in ax.get_yticklabels()] == ["TASS", "Yonhap", "Kyiv Post"]
    assert "100%" in _note(ax) and ax.get_title().startswith("Share of each outlet's")
    by_document = count_actor_coverage(outlets["mentions"], weekly, by="doc_id", top=1)
    ax = plot_actor_groups(by_document, by="doc_id")
    assert [tick.get_text() for tick in ax.get_yticklabels()][0] == "TASS, 2025-01-06"
    assert _note(plot_actor_groups(by_outlet.iloc[:0], by="source")) == "no actor found"


def test_period_name_reads_the_unit_of_a_period_column():
    periods = pd.Series(pd.period_range("2025-01-06", periods=2, freq="W-SUN"))
    assert period_name(periods) == "week" and period_name(pd.Series([1])) == "period"
