"""Tests for kursklib.splitters: razdel inside lines, with the abbreviation fixes."""

from __future__ import annotations

import pandas as pd

from kursklib import split_sentences
from kursklib.splitters import razdel_spans


def _split(text: str) -> list[str]:
    return [text[s:e] for s, e in razdel_spans(text, 0, len(text), "ru")]


def test_razdel_keeps_initials_and_common_abbreviations():
    assert _split("Президент РФ В. В. Путин провёл встречу с С. Шойгу. Об этом сообщили.") == [
        "Президент РФ В. В. Путин провёл встречу с С. Шойгу.", "Об этом сообщили."]
    assert _split("Потери — ок. 300 чел. за сутки, т.е. меньше.") == [
        "Потери — ок. 300 чел. за сутки, т.е. меньше."]


def test_the_four_abbreviation_fixes():
    assert _split("Встреча прошла 17 дек. 2024 г. в Москве.") == [
        "Встреча прошла 17 дек. 2024 г. в Москве."]
    assert _split("Ген.-полк. А. Алаудинов сообщил.") == ["Ген.-полк. А. Алаудинов сообщил."]
    assert _split("Договор подписан в 2024 г. Через полгода войска ушли.") == [
        "Договор подписан в 2024 г.", "Через полгода войска ушли."]
    assert _split("Войска вошли в Курскую обл. Затем ситуация изменилась.") == [
        "Войска вошли в Курскую обл.", "Затем ситуация изменилась."]
    assert _split("Он живёт в г. Курске.") == ["Он живёт в г. Курске."]


def test_russian_documents_split_line_by_line_with_offsets_into_the_text():
    text = ("Путин поблагодарил Ким Чен Ына\n\nМОСКВА, 28 апреля. Президент выразил "
            "благодарность.\nСводка на утро 17.12.2024\nКоротко о главном.")
    sentences = split_sentences(pd.DataFrame({"doc_id": ["a"], "text": [text],
                                              "language": ["ru"]}))
    assert sentences["text"].tolist() == [
        "Путин поблагодарил Ким Чен Ына", "МОСКВА, 28 апреля.", "Президент выразил благодарность.",
        "Сводка на утро 17.12.2024", "Коротко о главном."]
    assert all(text[s:e] == t for s, e, t in sentences[["start", "end", "text"]].values)
