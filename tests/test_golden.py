"""The seeds' research tables, pinned as CSV: any change in a result shows up here.

Refresh on purpose with ``KURSKLIB_REFRESH_GOLDEN=1 make test`` and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pytest

from kursklib import (
    build_cooccurrence,
    build_timeline,
    count_mentions,
    count_terms,
    score_keyness,
    tag_dates,
)

GOLDEN = Path(__file__).resolve().parent / "fixtures" / "golden"
REFRESH = os.environ.get("KURSKLIB_REFRESH_GOLDEN") == "1"


@pytest.fixture(scope="module")
def seed_tables(seeds, seed_mentions, seed_tokens, seed_terms) -> dict[str, pd.DataFrame]:
    dates = tag_dates(seeds)
    return {
        "sentences": seeds.sentences,
        "mentions": seed_mentions,
        "dates": dates,
        "tokens": seed_tokens,
        "mention_counts": count_mentions(seed_mentions, by=["doc_id", "actor_id"]),
        "cooccurrence": build_cooccurrence(seed_mentions),
        "term_counts": count_terms(seed_terms, by="doc_id"),
        "bigram_counts": count_terms(seed_terms, ngram=2),
        "document_keyness": score_keyness(seed_terms, top=5),
        "timeline": build_timeline(dates, seed_mentions, seed_tokens, seeds.sentences,
                                   seeds.documents),
    }


@pytest.mark.parametrize("name", ["sentences", "mentions", "dates", "tokens", "mention_counts",
                                  "cooccurrence", "term_counts", "bigram_counts",
                                  "document_keyness", "timeline"])
def test_seed_table_equals_its_golden_csv(seed_tables, name):
    table = seed_tables[name]
    lists = [column for column in ("actor_ids", "keywords") if column in table.columns]
    table = table.assign(**{column: table[column].map(";".join) for column in lists})
    text = table.to_csv(index=False, lineterminator="\n", date_format="%Y-%m-%d")
    path = GOLDEN / f"{name}.csv"
    if REFRESH:
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"{name} differs from {path}"
