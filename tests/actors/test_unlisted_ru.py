"""Russian names the gazetteer lacks: found, given one id per lemma, typed by evidence."""

from __future__ import annotations

import pandas as pd

from kursklib import load_gazetteer, read_corpus, tag_actors


def _tag(text: str, gazetteer=None) -> list[tuple[str, str, str, str]]:
    corpus = read_corpus(pd.DataFrame({"doc_id": ["a"], "text": [text], "language": ["ru"]}))
    found = tag_actors(corpus, gazetteer=gazetteer)
    return [tuple(row) for row in found[~found["listed"]][
        ["surface", "actor_id", "actor_type", "form"]].values]


def test_case_forms_of_one_unlisted_name_share_its_nominative_id():
    assert _tag("Вице-премьер Марат Хуснуллин прибыл в регион. Встреча с Маратом "
                "Хуснуллиным прошла в мэрии; Хуснуллин обещал помочь.") == [
        ("Марат Хуснуллин", "unlisted:марат-хуснуллин", "person", "name"),
        ("Маратом Хуснуллиным", "unlisted:марат-хуснуллин", "person", "name"),
        ("Хуснуллин", "unlisted:марат-хуснуллин", "person", "short")]


def test_an_adjective_takes_the_place_or_organisation_noun_it_agrees_with():
    assert _tag("Жителей Беловского района проверяют сотрудники Федеральной налоговой "
                "службы и Следственного комитета России.") == [
        ("Беловского района", "unlisted:беловский-район", "place", "name"),
        ("Федеральной налоговой службы", "unlisted:федеральная-налоговая-служба", "org",
         "name"),
        ("Следственного комитета России", "unlisted:следственный-комитет-россии", "org",
         "name")]
    # A capitalised adjective with another noun is no name ("Второй мировой войны").
    assert _tag("Музей Второй мировой войны открылся после ремонта.") == []


def test_sentence_starts_titles_and_common_nouns_are_not_names():
    # "Вчера", "Председатель", "Правительства" are words, not names; a title before a word
    # the dictionary does not know makes it a person.
    assert _tag("Вчера Председатель Правительства выступил с речью. Советник Тарханов "
                "ответил на вопросы.") == [
        ("Тарханов", "unlisted:тарханов", "person", "name")]
    assert _tag("Выступила советник Ирина Белова. Беловой задали вопросы.") == [
        ("Ирина Белова", "unlisted:ирина-белова", "person", "name"),
        ("Беловой", "unlisted:ирина-белова", "person", "short")]
    # Surnames the dictionary lacks keep their stem ("Ланьковым" -> "ланьков").
    assert _tag("Профессор Андрей Ланьков считает иначе. С Ланьковым согласны не все.") == [
        ("Андрей Ланьков", "unlisted:андрей-ланьков", "person", "name"),
        ("Ланьковым", "unlisted:андрей-ланьков", "person", "short")]


def test_with_an_empty_gazetteer_names_places_and_known_acronyms_are_found(tmp_path):
    (tmp_path / "empty.yaml").write_text("actors: []\n", encoding="utf-8")
    empty = load_gazetteer(tmp_path / "empty.yaml", include_default=False)
    assert _tag("Министр иностранных дел России Сергей Лавров прибыл в Пхеньян, сообщает "
                "МИД.", gazetteer=empty) == [
        ("России", "unlisted:россия", "place", "name"),
        ("Сергей Лавров", "unlisted:сергей-лавров", "person", "name"),
        ("Пхеньян", "unlisted:пхеньян", "place", "name"),
        ("МИД", "unlisted:мид", "org", "name")]
