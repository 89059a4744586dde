"""Tests for kursklib.output: atomic, byte-reproducible files."""

from __future__ import annotations

import pandas as pd
import pytest
from PIL import Image

from kursklib import (
    KursklibError,
    count_terms,
    plot_heatmap,
    plot_term_counts,
    save_chart,
    save_figure,
    write_table,
)
from kursklib.style import MAX_PIXELS


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


def test_a_huge_heatmap_is_drawn_within_the_pixel_budget(tmp_path):
    """A heatmap of thousands of cells is written at a lower resolution (not 30 megapixels),
    and its SVG holds the cell matrix itself, one pixel per cell, not a raster of the page."""
    table = pd.DataFrame([(f"t{row}", f"d{column}", row * column % 7)
                          for row in range(150) for column in range(30)],
                         columns=["term", "doc_id", "n"])
    ax = plot_heatmap(table, row="term", column="doc_id", value="n",
                      rows=[f"t{row}" for row in range(150)])
    assert ax.figure.dpi * ax.figure.dpi * ax.figure.get_size_inches().prod() <= MAX_PIXELS
    png, svg = save_chart(ax, tmp_path, "huge")
    width, height = Image.open(png).size
    assert width * height <= MAX_PIXELS * 1.1  # the tight box may pad a little
    assert b'width="30" height="150"' in svg.read_bytes()


def test_write_table_spells_periods_as_pandas_does(tmp_path):
    table = pd.DataFrame({"month": pd.period_range("2025-04", periods=2, freq="M"),
                          "week": pd.period_range("2025-04-21", periods=2, freq="W-SUN")})
    text = write_table(table, tmp_path / "periods.csv").read_text(encoding="utf-8")
    assert text.splitlines() == ["month,week", "2025-04,2025-04-21/2025-04-27",
                                 "2025-05,2025-04-28/2025-05-04"]
