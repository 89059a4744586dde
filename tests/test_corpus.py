"""Tests for kursklib.corpus: folders, tables and metadata."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from kursklib import KursklibError, KursklibWarning, read_corpus
from kursklib.corpus import DOCUMENT_COLUMNS
from tests.conftest import SEED_HEADLINES, assert_sentence_offsets

SEED_DATES = {
    "000_d6b613c77d24cae6": "2025-08-22", "001_7aa5fc03dc7aa8de": "2025-04-28",
    "002_6c472a9334826974": "2025-11-10", "003_032424ebccf55fda": "2025-12-13",
    "004_2ef1b9d818be15fd": "2025-06-30",
}


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
    assert seeds.documents.set_index("doc_id").loc["003_032424ebccf55fda", "text"] == raw
    assert "’" in raw


def test_metadata_title_wins_over_headline(make_corpus):
    folder = make_corpus({"a.txt": "Some Headline Here\nBody text."},
                         "doc_id,title,published\na,Real Title,2025-01-02\n")
    documents = read_corpus(folder).documents
    assert documents["title"].iloc[0] == "Real Title"
    assert documents["published"].iloc[0] == pd.Timestamp("2025-01-02")


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




def test_missing_corpus_folder_is_an_error(tmp_path):
    with pytest.raises(KursklibError, match="does not exist"):
        read_corpus(tmp_path / "nowhere")


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
    folder = make_corpus({"b.txt": "One."}, "doc_id,published\nb,2025-01-01\nb,2025-01-02\n")
    with pytest.raises(KursklibError, match=r"metadata\.csv:3: duplicate doc_id 'b'"):
        read_corpus(folder)
    table = tmp_path / "export.csv"
    table.write_text("doc_id,text\nx,One.\nx,Two.\n", encoding="utf-8")
    with pytest.raises(KursklibError, match=r"export\.csv:3: duplicate doc_id 'x'"):
        read_corpus(table)


def test_metadata_extra_columns_are_kept_and_missing_header_fails(make_corpus):
    folder = make_corpus({"a.txt": "One.", "b.txt": "Two."},
                         "doc_id,published,mood,country\na,2025-01-01,calm,KR\nb,,,RU\n")
    documents = read_corpus(folder).documents
    assert list(documents.columns[-2:]) == ["mood", "country"]
    assert documents["mood"].tolist()[0] == "calm" and documents["mood"].isna().tolist()[1]
    assert documents["country"].dtype == "string"
    assert documents["published"].iloc[0] == pd.Timestamp("2025-01-01")
    folder = make_corpus({"a.txt": "One."}, "doc_id,text,n_words,stance\na,x,3,pro\nb,y,4,\n")
    with pytest.warns(KursklibWarning, match=r"metadata\.csv:1: reserved metadata column\(s\) "
                                             r"text, n_words ignored"):
        assert list(read_corpus(folder).documents.columns[-1:]) == ["stance"]
    folder = make_corpus({"a.txt": "One."}, "a,2025-01-01\n")
    with pytest.raises(KursklibError, match=r"metadata\.csv:1: no header with a doc_id column"):
        read_corpus(folder)


def test_table_extra_columns_are_kept(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text("doc_id,text,language,source\nx,One.,ru,TASS\ny,Two.,,\n", encoding="utf-8")
    documents = read_corpus(path).documents
    assert documents["language"].tolist()[0] == "ru" and documents["source"].tolist()[0] == "TASS"
    assert documents["language"].tolist()[1] == "en"  # not given: detected


def test_table_without_text_column_is_an_error(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text("doc_id,body\nx,One.\n", encoding="utf-8")
    message = r"export\.csv: no 'text' column \(columns: doc_id, body\)"
    with pytest.raises(KursklibError, match=message):
        read_corpus(path)


@pytest.mark.parametrize("arguments, named", [
    ({"path": None}, r"path: a folder, a \.csv/\.jsonl/\.parquet file or a DataFrame, not None"),
    ({"path": 5}, "path: a folder"),
    ({"path": b"corpus"}, "path: a folder"),
    ({"path": ""}, "path: an empty path"),
    ({"metadata": 5}, "metadata: a CSV file or a DataFrame, not int"),
    ({"language": 5}, "language: a language code"),
    ({"columns": ["text"]}, "columns: a mapping"),
    ({"columns": {"body": "text"}}, "columns: unknown column 'body'"),
    ({"recursive": "yes"}, "recursive: True or False, not str"),
])
def test_a_wrong_argument_is_an_error_naming_it(make_corpus, arguments, named):
    from kursklib import tag_corpus
    from kursklib.corpus import open_corpus

    folder = make_corpus({"a.txt": "Text a."})
    for read, argument in ((read_corpus, "path"), (open_corpus, "path"), (tag_corpus, "corpus")):
        given = {"path": folder} | arguments
        with pytest.raises(KursklibError, match=named.replace("path:", f"{argument}:")):
            read(given.pop("path"), **given)


def test_tag_corpus_passes_columns_and_recursive_into_its_key(tmp_path):
    from kursklib import tag_corpus

    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("Troops left Kursk.", encoding="utf-8")
    (folder / "sub" / "b.txt").write_text("Kim met Putin.", encoding="utf-8")
    with pytest.warns(KursklibWarning, match="subfolder"):
        flat = tag_corpus(folder, cache_dir=tmp_path / "cache", tables=["documents"])
    deep = tag_corpus(folder, recursive=True, cache_dir=tmp_path / "cache", tables=["documents"])
    assert flat.folder != deep.folder
    assert deep.documents["doc_id"].tolist() == ["a", "sub/b"]
    table = pd.DataFrame({"id": ["x"], "body": ["Troops left Kursk."]})
    mapped = tag_corpus(table, columns={"doc_id": "id", "text": "body"},
                        cache_dir=tmp_path / "cache", tables=["documents"])
    assert mapped.documents["doc_id"].tolist() == ["x"]
