"""Russian actors: the generated case forms, the same ids as English, and the gold texts."""

from __future__ import annotations

import importlib.resources
from pathlib import Path

import pandas as pd
import pytest

from kursklib import read_corpus, tag_actors
from kursklib.actors.inflect_ru import (
    FORMS,
    SOURCE,
    build_forms,
    inflect_demonym,
    inflect_person,
    inflect_phrase,
)

RUSSIAN = Path(__file__).resolve().parent.parent / "fixtures" / "russian"


@pytest.fixture(scope="module")
def russian():
    return read_corpus(RUSSIAN / "texts")


def _tag(text: str) -> list[tuple[str, str, str]]:
    corpus = read_corpus(pd.DataFrame({"doc_id": ["a"], "text": [text], "language": ["ru"]}))
    return [tuple(row) for row in tag_actors(corpus)[["surface", "actor_id", "form"]].values]


def test_the_packaged_forms_are_what_the_dictionary_forms_generate():
    root = importlib.resources.files("kursklib")
    assert build_forms(root.joinpath(SOURCE).read_text(encoding="utf-8")) == root.joinpath(
        FORMS).read_text(encoding="utf-8"), "run python -m kursklib.actors.inflect_ru"


def test_names_inflect_by_their_kind():
    assert {"Ким Чен Ына", "Ким Чен Ыном", "Ким Чен Ыну"} <= inflect_person(
        "Ким Чен Ын", gender="m", east_asian=True)
    assert inflect_person("Ким Ё Чжон", gender="f", east_asian=True) == {"Ким Ё Чжон",
                                                                         "Ким Е Чжон"}
    assert {"Марии Захаровой", "Марию Захарову"} <= inflect_person("Мария Захарова", gender="f")
    assert {"Белоусова", "Белоусовым"} <= inflect_person("Белоусов", gender="m")
    assert {"Курской области", "Курскую область"} <= inflect_phrase("Курская область")
    assert {"Министерству обороны", "Министерством обороны"} <= inflect_phrase(
        "Министерство обороны", kind="org")
    assert {"северокорейских", "северокорейскую"} <= inflect_demonym("северокорейский")


def test_a_russian_mention_gets_its_english_counterpart_id():
    assert _tag("Путин поблагодарил Ким Чен Ына и северокорейских военных за помощь в "
                "освобождении Курской области.") == [
        ("Путин", "vladimir_putin", "short"), ("Ким Чен Ына", "kim_jong_un", "name"),
        ("северокорейских", "prk", "demonym"), ("Курской области", "kursk_oblast", "name")]
    assert _tag("Министерство обороны РФ и Минобороны КНДР: Белоусов встретился с Но Гван "
                "Чхолем.") == [
        ("Министерство обороны РФ", "rus_mod", "name"),
        ("Минобороны КНДР", "prk_mod", "name"), ("Белоусов", "andrei_belousov", "short"),
        ("Но Гван Чхолем", "no_kwang_chol", "name")]


def test_russian_metonyms_read_as_places_after_a_locative_and_in_datelines():
    assert _tag("Кремль и Пхеньян подтвердили, что делегация прибыла в Пхеньян.") == [
        ("Кремль", "rus", "metonym"), ("Пхеньян", "prk", "metonym"),
        ("Пхеньян", "pyongyang", "name")]
    assert _tag("МОСКВА, 28 апреля. Москва заявила протест.\nКиев/Москва. 13 января. "
                "Российские военные ушли.")[:4] == [
        ("МОСКВА", "moscow", "name"), ("Москва", "rus", "metonym"), ("Киев", "kyiv", "name"),
        ("Москва", "moscow", "name")]
    assert _tag("Бои шли в Курской области, и Киев заявил о потерях. В Сеуле назвал это "
                "провокацией министр.")[1:] == [("Киев", "ukr", "metonym"),
                                               ("Сеуле", "seoul", "name")]


def _f1(gold: pd.DataFrame, found: pd.DataFrame, key: list[str]) -> float:
    expected = set(map(tuple, gold[key].values.tolist()))
    got = set(map(tuple, found[key].values.tolist()))
    hits = len(expected & got)
    return 2 * hits / (len(expected) + len(got)) if expected or got else 1.0


def test_actor_f1_on_the_russian_gold_texts(russian):
    gold = pd.read_csv(RUSSIAN / "gold_actors.csv", dtype={"doc_id": str})
    found = tag_actors(russian)
    assert (found["surface"] == [russian.documents.set_index("doc_id").loc[d, "text"][s:e]
                                 for d, s, e in found[["doc_id", "start", "end"]].values]).all()
    key = ["doc_id", "start", "end", "actor_id"]
    assert _f1(gold, found, key) >= 0.97
    listed = ["name", "short", "abbrev"]
    other = gold[~gold["form"].isin(listed)].set_index(["doc_id", "start", "end"]).index
    names = found[~found.set_index(["doc_id", "start", "end"]).index.isin(other)
                  & found["form"].isin(listed)]
    assert _f1(gold[gold["form"].isin(listed)], names, key) >= 0.97
