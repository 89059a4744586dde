"""Russian dates: the gold texts score above the bar (rule examples: test_rules.py)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from kursklib import read_corpus, tag_dates

RUSSIAN = Path(__file__).resolve().parent.parent / "fixtures" / "russian"


def _tag(text: str, published: str = "2025-04-28") -> list[tuple[str, str]]:
    corpus = read_corpus(pd.DataFrame({"doc_id": ["a"], "text": [text], "published": [published],
                                       "language": ["ru"]}))
    return [tuple(row) for row in tag_dates(corpus)[["surface", "value"]].values]


def test_russian_dates_resolve_against_the_publication_date():
    assert _tag("Документ вступил в силу 4 декабря прошлого года, а в субботу Герасимов "
                "доложил об освобождении.") == [("4 декабря прошлого года", "2024-12-04"),
                                                ("субботу", "2025-04-26")]
    assert _tag("В марте войска вышли к границе; в прошлом году этого не было. Три месяца "
                "назад начались бои, через неделю ожидается визит.") == [
        ("марте", "2025-03"), ("прошлом году", "2024"), ("Три месяца назад", "2025-01"),
        ("через неделю", "2025-W19")]
    assert _tag("Сейчас бои идут в течение почти девяти месяцев, в ближайшее время — "
                "переговоры.") == [("Сейчас", "PRESENT_REF"), ("почти девяти месяцев", "P9M"),
                                   ("ближайшее время", "FUTURE_REF")]


def test_a_mixed_corpus_dates_each_document_in_its_language():
    corpus = read_corpus(pd.DataFrame({"doc_id": ["a", "b"], "published": ["2025-04-28"] * 2,
                                       "text": ["Troops left on Saturday.",
                                                "Войска ушли в субботу."]}))
    dates = tag_dates(corpus)
    assert dates[["doc_id", "surface", "value"]].values.tolist() == [
        ["a", "Saturday", "2025-04-26"], ["b", "субботу", "2025-04-26"]]


def test_date_f1_on_the_russian_gold_texts():
    corpus = read_corpus(RUSSIAN / "texts")
    gold = pd.read_csv(RUSSIAN / "gold_dates.csv", dtype={"doc_id": str, "value": str})
    found = tag_dates(corpus)
    key = ["doc_id", "start", "end"]
    expected = gold.set_index(key)["value"]
    got = found.set_index(key)["value"]
    hits = expected.index.intersection(got.index)
    precision, recall = len(hits) / len(got), len(hits) / len(expected)
    assert 2 * precision * recall / (precision + recall) >= 0.95
    assert (expected[hits].to_numpy() == got[hits].astype(str).to_numpy()).mean() >= 0.95
