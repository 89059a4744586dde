"""Tests for kursklib.output: atomic, byte-reproducible files."""

from __future__ import annotations

import pandas as pd
import pytest

from kursklib import (
    KursklibError,
    count_terms,
    plot_term_counts,
    save_chart,
    save_figure,
    write_table,
)


def test_save_chart_writes_byte_identical_files(tmp_path, seed_terms):
    counts = count_terms(seed_terms)
    first = save_chart(plot_term_counts(counts, top=5), tmp_path / "a", "chart", counts.head(5))
    second = save_chart(plot_term_counts(counts, top=5), tmp_path / "b", "chart", counts.head(5))
    assert [p.name for p in first] == ["chart.png", "chart.svg", "chart.csv"]
    for one, two in zip(first, second, strict=True):
        assert one.read_bytes() == two.read_bytes()
    assert b"<dc:date>" not in first[1].read_bytes()
    assert not list((tmp_path / "a").glob(".*tmp"))


def test_save_figure_rejects_unknown_format_and_unwritable_folder(tmp_path, seed_terms):
    ax = plot_term_counts(count_terms(seed_terms), top=3)
    with pytest.raises(KursklibError, match=r"chart\.pdf: figure files must end in"):
        save_figure(ax, tmp_path / "chart.pdf")
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(KursklibError, match=r"file/chart\.png: cannot write"):
        save_figure(ax, blocker / "chart.png")


def test_write_table_spells_periods_as_pandas_does(tmp_path):
    table = pd.DataFrame({"month": pd.period_range("2025-04", periods=2, freq="M"),
                          "week": pd.period_range("2025-04-21", periods=2, freq="W-SUN")})
    text = write_table(table, tmp_path / "periods.csv").read_text(encoding="utf-8")
    assert text.splitlines() == ["month,week", "2025-04,2025-04-21/2025-04-27",
                                 "2025-05,2025-04-28/2025-05-04"]
