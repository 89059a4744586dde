"""Cyrillic and Hangul in charts: DejaVu Sans (in matplotlib) has every Cyrillic glyph, and
Hangul falls back to NanumGothic (koreanize-matplotlib)."""

from __future__ import annotations

import io
import warnings
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd

from kursklib import (
    count_document_terms,
    count_terms,
    plot_term_counts,
    read_corpus,
    tag_actors,
    tag_tokens,
)

RUSSIAN = Path(__file__).resolve().parent / "fixtures" / "russian" / "texts"


def test_russian_terms_draw_without_a_missing_glyph():
    corpus = read_corpus(RUSSIAN)
    mentions = tag_actors(corpus)
    terms = count_document_terms(tag_tokens(corpus, mentions), mentions)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # matplotlib warns "Glyph ... missing from font(s)"
        ax = plot_term_counts(count_terms(terms), top=12, title="Частые слова: ёЁ «»")
        ax.figure.savefig(io.BytesIO(), format="png")
    labels = [label.get_text() for label in ax.get_yticklabels()]
    plt.close(ax.figure)
    assert "north korea" in labels  # actors count under their canonical names in every language
    assert any("\u0400" <= char <= "\u04ff" for label in labels for char in label)


def test_hangul_terms_draw_without_a_missing_glyph():
    counts = pd.DataFrame({"term": ["북한군", "쿠르스크", "kursk"], "n_occurrences": [3, 2, 1]})
    for fmt in ("png", "svg"):
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            ax = plot_term_counts(counts, top=3, title="국정원 «북한»")
            ax.figure.savefig(io.BytesIO(), format=fmt)
        plt.close(ax.figure)
