"""Tests for kursklib.languages and per-document languages through the pipeline."""

from __future__ import annotations

import pandas as pd
import pytest

from kursklib import (
    KursklibError,
    build_timeline,
    read_corpus,
    tag_actors,
    tag_corpus,
    tag_dates,
    tag_tokens,
)
from kursklib.languages import detect_language

ENGLISH = "Kim Jong Un met Vladimir Putin in Pyongyang. Troops left for Kursk."
RUSSIAN = "Ким Чен Ын встретился с Владимиром Путиным в Пхеньяне. Войска ушли в Курскую область."


def test_detect_language_reads_the_script_and_the_model_only_where_scripts_mix():
    assert detect_language(ENGLISH) == "en"
    assert detect_language(RUSSIAN) == "ru"
    assert detect_language("Песков назвал слова Kirby «ложью», а Kirby ответил.") == "ru"
    assert detect_language("Peskov called it «ложь», said Kirby, the US spokesman, "
                           "in a long statement.") == "en"
    assert detect_language("2024 — 17") == "en"


def test_metadata_language_wins_over_the_argument_and_detection(tmp_path):
    documents = pd.DataFrame({"doc_id": ["a", "b", "c"], "text": [ENGLISH, RUSSIAN, RUSSIAN],
                              "language": ["", "", "en"]})
    corpus = read_corpus(documents)
    assert corpus.documents["language"].tolist() == ["en", "ru", "en"]
    forced = read_corpus(documents, language="ru")
    assert forced.documents["language"].tolist() == ["ru", "ru", "en"]


def test_a_language_without_resources_keeps_its_code_and_a_bad_code_is_one_error():
    documents = pd.DataFrame({"doc_id": ["a"], "text": [ENGLISH], "language": ["UK"]})
    corpus = read_corpus(documents)
    assert corpus.documents["language"].tolist() == ["uk"] and corpus.languages == ("en",)
    assert "kim_jong_un" in set(tag_actors(corpus)["actor_id"])
    with pytest.raises(KursklibError, match=r"document 'a': language 'en-1' is not an ISO"):
        read_corpus(documents.assign(language="en-1"))
    with pytest.raises(KursklibError, match="argument language"):
        read_corpus(documents[["doc_id", "text"]], language="")


def test_a_mixed_corpus_tags_each_document_in_its_language(tmp_path):
    corpus = read_corpus(pd.DataFrame({"doc_id": ["a", "b"], "text": [ENGLISH, RUSSIAN]}))
    mentions = tag_actors(corpus)
    assert mentions["doc_id"].tolist() == sorted(mentions["doc_id"])
    by_doc = mentions.groupby("doc_id")["actor_id"].apply(list).to_dict()
    assert by_doc["b"] == ["kim_jong_un", "vladimir_putin", "pyongyang", "kursk_oblast"]
    assert set(by_doc["b"]) <= set(by_doc["a"]) | {"kursk_oblast"}
    tokens = tag_tokens(corpus, mentions)
    russian = tokens[tokens["doc_id"] == "b"]
    assert russian.loc[russian["surface"] == "Путиным", "lemma"].tolist() == ["путин"]
    assert russian.loc[russian["surface"] == "с", "is_stop"].tolist() == [True]
    for _, row in tokens.iterrows():
        assert corpus.documents.set_index("doc_id").loc[row["doc_id"], "text"][
            row["start"]:row["end"]] == row["surface"]


def test_every_tagged_table_carries_its_documents_language(tmp_path):
    tagged = tag_corpus(pd.DataFrame({"doc_id": ["a", "b"], "text": [ENGLISH, RUSSIAN]}),
                        cache_dir=tmp_path, tables=["documents", "sentences", "mentions",
                                                    "dates", "tokens", "terms"])
    assert tagged.documents["language"].tolist() == ["en", "ru"]
    for table in (tagged.sentences, tagged.mentions, tagged.tokens, tagged.terms):
        assert table.columns[1] == "language"
        assert (table["language"] == table["doc_id"].map({"a": "en", "b": "ru"})).all()


def test_a_russian_and_an_english_report_of_one_event_are_one_event():
    corpus = read_corpus(pd.DataFrame({
        "doc_id": ["a", "b"], "source": ["Reuters", "TASS"], "published": ["2024-06-20"] * 2,
        "text": ["Kim Jong Un and Vladimir Putin signed the treaty in Pyongyang on June 19, 2024.",
                 "Ким Чен Ын и Владимир Путин подписали договор в Пхеньяне 19 июня 2024 года."]}))
    mentions = tag_actors(corpus)
    timeline = build_timeline(tag_dates(corpus), mentions, tag_tokens(corpus, mentions),
                              corpus.sentences, corpus.documents)
    assert timeline["event_id"].nunique() == 1 and set(timeline["n_independent"]) == {2}
    assert timeline["keywords"].tolist() == [["sign", "treaty"]] * 2
