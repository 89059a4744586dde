"""Russian dates: the gold texts score above the bar (rule examples: test_rules.py)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

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


def test_russian_parts_of_the_day_are_times_and_ranges_give_an_expression_per_day():
    assert _tag("Сегодня утром и вчера вечером шли бои; в субботу вечером — тоже, около 05:30.",
                "2024-12-18") == [("Сегодня утром", "2024-12-18TMO"),
                                  ("вчера вечером", "2024-12-17TEV"),
                                  ("субботу вечером", "2024-12-14TEV"),
                                  ("около 05:30", "2024-12-14T05:30")]
    assert _tag("Консультации прошли 12-13 мая, заседание — с 17 по 19 июня, а в 2022–2023 "
                "годах и в октябре-ноябре прошлого года торговли не было.", "2025-06-20") == [
        ("12", "2025-05-12"), ("13 мая", "2025-05-13"), ("17", "2025-06-17"),
        ("19 июня", "2025-06-19"), ("2022", "2022"), ("2023 годах", "2023"),
        ("октябре", "2024-10"), ("ноябре прошлого года", "2024-11")]


def test_russian_anaphora_counts_from_the_date_last_named_like_english():
    assert _tag("Сообщение возобновилось 17 июня. На следующий день прибыл поезд, в тот же "
                "вечер — делегация. Дело возбудили первого сентября, а через две недели "
                "предъявили обвинение. Через неделю после этого суд начался. Десять месяцев "
                "спустя всё закончилось.", "2025-06-20") == [
        ("17 июня", "2025-06-17"), ("следующий день", "2025-06-18"),
        ("тот же вечер", "2025-06-18TEV"), ("первого сентября", "2024-09-01"),
        ("через две недели", "2024-09-15"), ("Через неделю после этого", "2024-09-22"),
        ("Десять месяцев спустя", "2025-07-22")]
    # Told of the future, "через" counts from today; "накануне" is the day before it.
    assert _tag("Через неделю он приедет. Делегация прибыла накануне, накануне визита.",
                "2025-06-20") == [("Через неделю", "2025-W26"), ("накануне", "2025-06-19")]


def test_russian_decades_centuries_quarters_parts_and_sets():
    assert _tag("В XX веке и с начала XXI века, в 1990-е годы и с 1950-х годов; в третьем "
                "квартале, в первом полугодии прошлого года, к концу года, до конца недели, в "
                "выходные.", "2025-06-20") == [
        ("XX веке", "19"), ("начала XXI века", "20"), ("1990-е годы", "199"),
        ("1950-х годов", "195"), ("третьем квартале", "2024-Q3"),
        ("первом полугодии прошлого года", "2024-H1"), ("концу года", "2025"),
        ("конца недели", "2025-W25"), ("выходные", "2025-W24-WE")]
    assert _tag("В первом квартале экспорт вырос на 5% по сравнению с аналогичным периодом "
                "прошлого года.", "2025-06-20") == [
        ("первом квартале", "2025-Q1"), ("аналогичным периодом прошлого года", "2024-Q1")]
    assert _tag("Поезда ходят два раза в неделю, а отчеты выходят ежегодно и каждый день; "
                "бой шел полтора часа, меньше месяца, в течение суток, этим летом.",
                "2025-06-20") == [
        ("два раза в неделю", "P1W"), ("ежегодно", "P1Y"), ("каждый день", "P1D"),
        ("полтора часа", "PT1H30M"), ("меньше месяца", "P1M"), ("суток", "P1D"),
        ("этим летом", "2025-SU")]


def test_a_mixed_corpus_dates_each_document_in_its_language():
    corpus = read_corpus(pd.DataFrame({"doc_id": ["a", "b"], "published": ["2025-04-28"] * 2,
                                       "text": ["Troops left on Saturday.",
                                                "Войска ушли в субботу."]}))
    dates = tag_dates(corpus)
    assert dates[["doc_id", "surface", "value"]].values.tolist() == [
        ["a", "Saturday", "2025-04-26"], ["b", "субботу", "2025-04-26"]]


@pytest.mark.parametrize("folder", [RUSSIAN, RUSSIAN / "validation"], ids=["gold", "validation"])
def test_date_f1_on_the_russian_gold_texts(folder):
    corpus = read_corpus(folder / "texts")
    gold = pd.read_csv(folder / "gold_dates.csv", dtype={"doc_id": str, "value": str})
    found = tag_dates(corpus)
    key = ["doc_id", "start", "end"]
    expected = gold.set_index(key)["value"]
    got = found.set_index(key)["value"]
    hits = expected.index.intersection(got.index)
    precision, recall = len(hits) / len(got), len(hits) / len(expected)
    assert 2 * precision * recall / (precision + recall) >= 0.95
    assert (expected[hits].to_numpy() == got[hits].astype(str).to_numpy()).mean() >= 0.95
