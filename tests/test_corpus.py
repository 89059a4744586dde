"""Tests for kursklib.corpus: decoding, titles, metadata, sentences."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from hypothesis import given, settings

from kursklib import KursklibError, KursklibWarning, read_corpus
from kursklib.corpus import DOCUMENT_COLUMNS, SENTENCE_COLUMNS
from tests.conftest import arbitrary_text, read_text_or_none

SEED_HEADLINES = {
    "001_7aa5fc03dc7aa8de":
        "Russia and North Korea Confirm DPRK Soldiers Fought Alongside Russians in Kursk",
    "003_032424ebccf55fda":
        "DPRK Soldiers Return from Kursk Mission, Ceremony Marks Significant Military Milestone",
    "004_2ef1b9d818be15fd": "North Korean Leader Honors Soldiers in Ukraine During Ceremony "
                            "Marking Treaty Anniversary with Russia",
}
SEED_DATES = {
    "000_d6b613c77d24cae6": "2025-08-22", "001_7aa5fc03dc7aa8de": "2025-04-28",
    "002_6c472a9334826974": "2025-11-10", "003_032424ebccf55fda": "2025-12-13",
    "004_2ef1b9d818be15fd": "2025-06-30",
}


def assert_sentence_offsets(corpus) -> None:
    texts = dict(zip(corpus.documents["doc_id"], corpus.documents["text"], strict=True))
    for row in corpus.sentences.itertuples(index=False):
        assert texts[row.doc_id][row.start:row.end] == row.text
    for _, group in corpus.sentences.groupby("doc_id"):
        assert (group["start"].iloc[1:].to_numpy() >= group["end"].iloc[:-1].to_numpy()).all()
        assert list(group["sent_id"]) == list(range(len(group)))


def sentences_of(corpus, doc_id: str) -> list[str]:
    return corpus.sentences.loc[corpus.sentences["doc_id"] == doc_id, "text"].tolist()


def test_read_corpus_seeds_documents(seeds):
    documents = seeds.documents
    assert list(documents.columns) == DOCUMENT_COLUMNS
    assert list(documents["doc_id"]) == sorted(SEED_DATES)
    assert {row.doc_id: row.published.date().isoformat()
            for row in documents.itertuples()} == SEED_DATES
    titles = {row.doc_id: row.title for row in documents.itertuples() if not pd.isna(row.title)}
    assert titles == SEED_HEADLINES
    assert (documents["encoding"] == "utf-8").all()
    assert (documents["n_chars"] == documents["text"].str.len()).all()


def test_read_corpus_keeps_text_exactly_as_decoded(seeds):
    raw = (seeds.path / "003_032424ebccf55fda.txt").read_text(encoding="utf-8")
    assert seeds.text("003_032424ebccf55fda") == raw
    assert "’" in raw


def test_sentences_index_document_text(seeds):
    assert list(seeds.sentences.columns) == SENTENCE_COLUMNS
    assert_sentence_offsets(seeds)


def test_sentences_of_seeds(seeds):
    counts = seeds.sentences.groupby("doc_id").size().to_dict()
    assert counts == {"000_d6b613c77d24cae6": 22, "001_7aa5fc03dc7aa8de": 51,
                      "002_6c472a9334826974": 21, "003_032424ebccf55fda": 31,
                      "004_2ef1b9d818be15fd": 21}
    first = sentences_of(seeds, "000_d6b613c77d24cae6")
    # A closing curly quote after the period still ends the sentence.
    assert first[3].endswith("liberation of Kursk Oblast.’")
    assert first[4].startswith("He described their participation")


def test_headline_is_its_own_segment_and_repeats_are_flagged(seeds):
    doc = seeds.sentences[seeds.sentences["doc_id"] == "004_2ef1b9d818be15fd"]
    assert doc["is_headline"].tolist()[:3] == [True, True, False]
    assert doc["text"].iloc[2].startswith("In a dramatic and emotionally charged moment")
    lede = sentences_of(seeds, "001_7aa5fc03dc7aa8de")[1]
    assert lede.startswith("Russian officials have, for the first time")


def test_bullet_markers_are_outside_sentences(seeds):
    sentences = sentences_of(seeds, "001_7aa5fc03dc7aa8de")
    bullets = [s for s in sentences if s.startswith("On Saturday")]
    assert bullets and not any("►" in s for s in sentences)


@pytest.mark.parametrize("text, expected", [
    ("Gen. Valery Gerasimov spoke. Troops left.",
     ["Gen. Valery Gerasimov spoke.", "Troops left."]),
    ("The U.S. envoy arrived on Sept. 4 in Seoul. He met Lt. Col. Park.",
     ["The U.S. envoy arrived on Sept. 4 in Seoul.", "He met Lt. Col. Park."]),
    ("Kim said “we won.” Then he left.", ["Kim said “we won.”", "Then he left."]),
    ("• First point here\n• Second point.\n- Third one", ["First point here", "Second point.",
                                                          "Third one"]),
])
def test_sentences_do_not_split_abbreviations_and_drop_bullets(make_corpus, text, expected):
    corpus = read_corpus(make_corpus({"a.txt": text}))
    assert sentences_of(corpus, "a") == expected
    assert_sentence_offsets(corpus)


def test_headline_indented_and_repeated_is_recognised(make_corpus):
    text = ("   Troops Return Home From Kursk\n\n   Troops Return Home From Kursk\n\n"
            "   Soldiers came home. They were greeted.\n")
    corpus = read_corpus(make_corpus({"a.txt": text}))
    assert corpus.documents["title"].iloc[0] == "Troops Return Home From Kursk"
    assert sentences_of(corpus, "a") == ["Troops Return Home From Kursk"] * 2 + [
        "Soldiers came home.", "They were greeted."]


def test_no_headline_when_first_line_is_a_sentence(make_corpus):
    corpus = read_corpus(make_corpus({"a.txt": "Troops returned home.\nThey were greeted.\n"}))
    assert pd.isna(corpus.documents["title"].iloc[0])


def test_metadata_title_wins_over_headline(make_corpus):
    folder = make_corpus({"a.txt": "Some Headline Here\nBody text."},
                         "doc_id,title,published\na,Real Title,2025-01-02\n")
    documents = read_corpus(folder).documents
    assert documents["title"].iloc[0] == "Real Title"
    assert documents["published"].iloc[0] == pd.Timestamp("2025-01-02")


@pytest.mark.parametrize("encoding, bom", [("cp1251", b""), ("utf-16", b""), ("utf-8-sig", b"")])
def test_read_corpus_decodes_legacy_and_bom_encodings(make_corpus, encoding, bom):
    text = ("Министр обороны России Андрей Белоусов заявил, что северокорейские военные "
            "участвовали в освобождении Курской области. Об этом сообщило агентство ТАСС.\n") * 3
    folder = make_corpus({"ru.txt": bom + text.encode(encoding)})
    documents = read_corpus(folder).documents
    assert documents["text"].iloc[0] == text
    assert documents["encoding"].iloc[0] == {"cp1251": "cp1251", "utf-16": "utf-16",
                                             "utf-8-sig": "utf-8"}[encoding]


def test_read_corpus_normalises_crlf_and_cr(make_corpus):
    folder = make_corpus({"a.txt": b"Line one here.\r\nLine two.\rLine three.\r\n\r\nNext block."})
    corpus = read_corpus(folder)
    assert corpus.documents["text"].iloc[0] == (
        "Line one here.\nLine two.\nLine three.\n\nNext block.")
    assert_sentence_offsets(corpus)


def test_read_corpus_csv_and_jsonl_tables(tmp_path):
    rows = [{"doc_id": "x1", "title": "T1", "published": "2025-03-01", "text": "Kim met Putin."},
            {"doc_id": "x2", "published": "", "text": "Troops left.\r\nThey returned."}]
    csv_path = tmp_path / "export.csv"
    pd.DataFrame(rows).to_csv(csv_path, index=False)
    jsonl_path = tmp_path / "export.jsonl"
    jsonl_path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    parquet_path = tmp_path / "export.parquet"
    pd.DataFrame(rows).to_parquet(parquet_path)
    for path in (csv_path, jsonl_path, parquet_path):
        corpus = read_corpus(path)
        documents = corpus.documents
        assert list(documents["doc_id"]) == ["x1", "x2"]
        assert documents["title"].iloc[0] == "T1"
        assert documents["published"].iloc[0] == pd.Timestamp("2025-03-01")
        assert pd.isna(documents["published"].iloc[1])
        assert documents["text"].iloc[1] == "Troops left.\nThey returned."
        assert_sentence_offsets(corpus)


def test_read_corpus_table_without_doc_id_numbers_rows(tmp_path):
    path = tmp_path / "news.csv"
    pd.DataFrame({"text": ["One.", "Two."]}).to_csv(path, index=False)
    assert list(read_corpus(path).documents["doc_id"]) == ["news-1", "news-2"]


def test_missing_metadata_row_warns_and_gives_nat(make_corpus):
    folder = make_corpus({"a.txt": "Text a.", "b.txt": "Text b."},
                         "doc_id,title,published,source,url\na,,2025-05-01,,\n")
    with pytest.warns(KursklibWarning, match=r"metadata.csv: no metadata row for b"):
        documents = read_corpus(folder).documents
    assert pd.isna(documents.set_index("doc_id").loc["b", "published"])


def test_malformed_metadata_date_names_file_line_and_value(make_corpus):
    folder = make_corpus({"a.txt": "Text a.", "b.txt": "Text b."},
                         "doc_id,published\na,2025-05-01\nb,last Tuesday\n")
    with pytest.raises(KursklibError, match=r"metadata\.csv:3: published 'last Tuesday'"):
        read_corpus(folder)


def test_metadata_row_without_document_is_an_error(make_corpus):
    folder = make_corpus({"a.txt": "Text a."}, "doc_id,published\na,2025-05-01\nghost,2025-05-02\n")
    with pytest.raises(KursklibError, match=r"metadata\.csv:3: doc_id 'ghost' has no document"):
        read_corpus(folder)


def test_missing_corpus_folder_is_an_error(tmp_path):
    with pytest.raises(KursklibError, match="does not exist"):
        read_corpus(tmp_path / "nowhere")


def test_read_corpus_decodes_latin1(make_corpus):
    text = "Café owners in Zürich said the señor’s déjà vu was naïve. " * 4
    folder = make_corpus({"fr.txt": text.replace("’", "'").encode("latin-1")})
    documents = read_corpus(folder).documents
    assert documents["text"].iloc[0] == text.replace("’", "'")


@pytest.mark.parametrize("name, content, problem", [
    ("binary.txt", bytes(range(256)) * 40, "not text"),
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"   \n\t\r\n  ", "empty document"),
])
def test_bad_document_is_skipped_with_a_warning(make_corpus, name, content, problem):
    folder = make_corpus({name: content, "good.txt": "Troops left Kursk."})
    with pytest.warns(KursklibWarning, match=rf"{name}: {problem}.*skipped"):
        corpus = read_corpus(folder)
    assert list(corpus.documents["doc_id"]) == ["good"]


def test_nul_bytes_are_removed_with_a_warning(make_corpus):
    folder = make_corpus({"a.txt": b"Troops\x00 left\x00 Kursk."})
    with pytest.warns(KursklibWarning, match=r"a\.txt: NUL characters removed"):
        corpus = read_corpus(folder)
    assert corpus.documents["text"].iloc[0] == "Troops left Kursk."


def test_folder_of_only_unreadable_documents_is_an_error(make_corpus):
    folder = make_corpus({"empty.txt": b""})
    with pytest.warns(KursklibWarning), pytest.raises(KursklibError,
                                                       match="corpus: no readable documents"):
        read_corpus(folder)


def test_folder_without_documents_is_an_error(tmp_path):
    (tmp_path / "notes.md").write_text("not a corpus")
    with pytest.raises(KursklibError, match="no readable documents"):
        read_corpus(tmp_path)


def test_duplicate_doc_ids_are_errors(make_corpus, tmp_path):
    folder = make_corpus({"a.txt": "One.", "a.TXT": "Two."})
    with pytest.raises(KursklibError, match=r"a\.txt: duplicate doc_id 'a' \(also a\.TXT\)"):
        read_corpus(folder)
    folder = make_corpus({"b.txt": "One."}, "doc_id,published\nb,2025-01-01\nb,2025-01-02\n")
    (folder / "a.TXT").unlink()
    (folder / "a.txt").unlink()
    with pytest.raises(KursklibError, match=r"metadata\.csv:3: duplicate doc_id 'b'"):
        read_corpus(folder)
    table = tmp_path / "export.csv"
    table.write_text("doc_id,text\nx,One.\nx,Two.\n", encoding="utf-8")
    with pytest.raises(KursklibError, match=r"export\.csv:3: duplicate doc_id 'x'"):
        read_corpus(table)


def test_metadata_unknown_column_warns_and_missing_header_fails(make_corpus):
    folder = make_corpus({"a.txt": "One."}, "doc_id,published,mood\na,2025-01-01,calm\n")
    with pytest.warns(KursklibWarning, match=r"metadata\.csv:1: unknown metadata column\(s\) mood"):
        assert read_corpus(folder).documents["published"].iloc[0] == pd.Timestamp("2025-01-01")
    folder = make_corpus({"a.txt": "One."}, "a,2025-01-01\n")
    with pytest.raises(KursklibError, match=r"metadata\.csv:1: no header with a doc_id column"):
        read_corpus(folder)


def test_table_without_text_column_is_an_error(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text("doc_id,body\nx,One.\n", encoding="utf-8")
    message = r"export\.csv: no 'text' column \(columns: doc_id, body\)"
    with pytest.raises(KursklibError, match=message):
        read_corpus(path)


def test_fifty_megabyte_single_line_is_read(tmp_path):
    sentence = "North Korean troops fought in Kursk Oblast and Gen. Ivanov praised them. "
    text = (sentence * (50_000_000 // len(sentence) + 1))[:50_000_000]
    (tmp_path / "big.txt").write_text(text, encoding="utf-8")
    corpus = read_corpus(tmp_path)
    assert corpus.documents["n_chars"].iloc[0] == 50_000_000
    sentences = corpus.sentences
    assert len(sentences) > 600_000
    assert sentences["text"].iloc[1] == sentence.strip()
    assert (sentences["start"].iloc[1:].to_numpy() >= sentences["end"].iloc[:-1].to_numpy()).all()


@settings(max_examples=80, deadline=None)
@given(text=arbitrary_text())
def test_reading_arbitrary_text_keeps_sentence_invariants(text):
    corpus = read_text_or_none(text)
    if corpus is None:
        return
    assert "\r" not in corpus.documents["text"].iloc[0]
    assert_sentence_offsets(corpus)
