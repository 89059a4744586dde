"""Tests for kursklib.tables: CSV, JSONL, Parquet and DataFrame corpora, their own column names."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from kursklib import KursklibError, KursklibWarning, read_corpus

EXPORT = [{"id": "x1", "headline": "Talks", "date": "2025-03-01", "outlet": "TASS",
           "link": "https://a.example/1", "body": "Kim met Putin."},
          {"id": "x2", "headline": "Return", "date": "2025-03-02", "outlet": "Yonhap",
           "link": "https://a.example/2", "body": "Troops left Kursk."}]
MAPPING = {"doc_id": "id", "title": "headline", "published": "date", "source": "outlet",
           "url": "link", "text": "body"}


def write(path, rows: list[dict]):
    """Write rows as the table its suffix names."""
    if path.suffix == ".jsonl":
        path.write_text("\n".join(json.dumps(row) for row in rows) + "\n", encoding="utf-8")
    elif path.suffix == ".csv":
        pd.DataFrame(rows).to_csv(path, index=False)
    else:
        pd.DataFrame(rows).to_parquet(path)
    return path


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet", "frame"])
def test_an_export_with_its_own_column_names_reads_with_columns(tmp_path, suffix):
    source = pd.DataFrame(EXPORT) if suffix == "frame" else write(tmp_path / f"e{suffix}", EXPORT)
    documents = read_corpus(source, columns=MAPPING).documents
    assert documents["doc_id"].tolist() == ["x1", "x2"]
    assert documents["title"].tolist() == ["Talks", "Return"]
    assert documents["source"].tolist() == ["TASS", "Yonhap"]
    assert documents["url"].tolist()[0] == "https://a.example/1"
    assert documents["text"].tolist() == ["Kim met Putin.", "Troops left Kursk."]
    assert str(documents["published"].iloc[1].date()) == "2025-03-02"


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet"])
def test_a_refused_export_suggests_the_mapping(tmp_path, suffix):
    path = write(tmp_path / f"e{suffix}", EXPORT)
    with pytest.raises(KursklibError) as caught:
        read_corpus(path)
    message = str(caught.value)
    assert "\n" not in message and "no 'text' column" in message
    assert f"columns={MAPPING!r}" in message
    assert "--column text=body" in message


def test_a_known_column_left_unmapped_warns(tmp_path):
    path = write(tmp_path / "e.jsonl", [{"doc_id": "x", "date": "2025-01-01", "text": "One."}])
    with pytest.warns(KursklibWarning, match=r"e\.jsonl:1: column\(s\) 'date' \(as published\) "
                                             r"not read .*columns=\{'published': 'date'\}"):
        assert read_corpus(path).documents["published"].isna().all()


@pytest.mark.parametrize("columns, problem", [
    ({"body": "text"}, r"columns: unknown column 'body'"),
    ({"text": "missing"}, r"columns: no column 'missing' \(mapped to text\)"),
    ({"text": 5}, r"columns: 'text' maps to 5"),
    ({"text": "body", "title": "body"}, r"columns: 'body' is mapped twice"),
    ("text=body", r"columns: a mapping"),
])
def test_a_bad_mapping_is_an_error_naming_the_column(tmp_path, columns, problem):
    path = write(tmp_path / "e.csv", EXPORT)
    with pytest.raises(KursklibError, match=problem):
        read_corpus(path, columns=columns)


def test_a_mapped_column_beside_ours_is_an_error(tmp_path):
    path = write(tmp_path / "e.csv", [{"doc_id": "x", "text": "One.", "body": "Two."}])
    with pytest.raises(KursklibError, match=r"columns 'text' and 'body' are both present"):
        read_corpus(path, columns={"text": "body"})


@pytest.mark.parametrize("suffix, rows, line", [
    (".jsonl", [{"doc_id": "a", "text": "One."}, {"doc_id": None, "text": "Two."}], 2),
    (".jsonl", [{"doc_id": "a", "text": "One."}, {"text": "Two."}], 2),
    (".jsonl", [{"doc_id": " ", "text": "One."}], 1),
    (".csv", [{"doc_id": "a", "text": "One."}, {"doc_id": "", "text": "Two."}], 3),
    (".parquet", [{"doc_id": "a", "text": "One."}, {"doc_id": None, "text": "Two."}], 2),
])
def test_a_missing_doc_id_is_an_error_naming_its_line(tmp_path, suffix, rows, line):
    path = write(tmp_path / f"e{suffix}", rows)
    with pytest.raises(KursklibError, match=rf"e\{suffix}:{line}: doc_id is missing"):
        read_corpus(path)


def test_a_jsonl_parse_error_names_its_line(tmp_path):
    path = tmp_path / "e.jsonl"
    path.write_text('{"doc_id": "a", "text": "One."}\n\n{"doc_id": "b", "text": \n[1]\n')
    with pytest.raises(KursklibError, match=r"e\.jsonl:3: not JSON \(Expecting value"):
        read_corpus(path)
    path.write_text('{"doc_id": "a", "text": "One."}\n[1]\n')
    with pytest.raises(KursklibError, match=r"e\.jsonl:2: not a JSON object but list"):
        read_corpus(path)


def test_a_csv_row_with_more_fields_than_the_header_is_an_error(tmp_path):
    path = tmp_path / "e.csv"
    path.write_text('doc_id,text\na,"One,\ntwo."\nb,Two.,extra\nc,Three.\n', encoding="utf-8")
    with pytest.raises(KursklibError, match=r"e\.csv:4: expected 2 fields \(as the header\), "
                                            r"found 3"):
        read_corpus(path)


def test_a_csv_field_longer_than_the_csv_limit_is_read(tmp_path):
    title, text = "T" * 200_000, "Troops left Kursk and " * 10_000
    path = write(tmp_path / "e.csv", [{"doc_id": "a", "title": title, "text": text}])
    documents = read_corpus(path).documents
    assert documents["title"].iloc[0] == title and documents["text"].iloc[0] == text


@pytest.mark.parametrize("value", [{"a": 1}, ["One."], True, 5, 1.5])
def test_text_that_is_not_a_string_is_an_error_naming_its_row(tmp_path, value):
    path = write(tmp_path / "e.jsonl", [{"doc_id": "a", "text": "One."},
                                         {"doc_id": "b", "text": value}])
    with pytest.raises(KursklibError, match=rf"e\.jsonl:2: text is a {type(value).__name__}"):
        read_corpus(path)
    with pytest.raises(KursklibError, match=rf"<table>:2: text is a {type(value).__name__}"):
        read_corpus(pd.DataFrame({"doc_id": ["a", "b"], "text": ["One.", value]}))


def test_a_binary_parquet_text_column_is_decoded_as_files_are(tmp_path):
    russian = "Министр обороны России заявил, что войска вернулись. " * 3
    path = tmp_path / "e.parquet"
    pd.DataFrame({"doc_id": ["a", "b", "c"],
                  "text": [b"Kim met Putin.", russian.encode("cp1251"), bytes(range(256)) * 8],
                  }).to_parquet(path)
    with pytest.warns(KursklibWarning, match=r"e\.parquet:3: not text.*; skipped"):
        documents = read_corpus(path).documents
    assert documents["text"].tolist() == ["Kim met Putin.", russian]
    assert documents["encoding"].tolist() == ["utf-8", "cp1251"]


@pytest.mark.parametrize("suffix", [".jsonl", ".parquet", "frame"])
def test_nul_characters_in_table_text_are_removed_as_in_files(tmp_path, suffix):
    rows = [{"doc_id": "a", "text": "Troops\x00 left\x00 Kursk."}]
    source = pd.DataFrame(rows) if suffix == "frame" else write(tmp_path / f"e{suffix}", rows)
    with pytest.warns(KursklibWarning, match=r":1: NUL characters removed"):
        assert read_corpus(source).documents["text"].iloc[0] == "Troops left Kursk."


def test_malformed_tables_are_errors_not_guesses(tmp_path):
    path = tmp_path / "e.csv"
    path.write_text('doc_id,text\na,One.\nb,"Two.\nc,Three.\n', encoding="utf-8")
    with pytest.raises(KursklibError, match=r"e\.csv:\d: cannot parse csv \(unexpected end"):
        read_corpus(path)
    frame = pd.DataFrame([["a", "One.", "Two."]], columns=["doc_id", "text", "text"])
    with pytest.raises(KursklibError, match=r"<table>: column\(s\) 'text' named twice"):
        read_corpus(frame)
    frame = pd.DataFrame({"doc_id": [1.0, float("nan")], "text": ["One.", "Two."]})
    with pytest.raises(KursklibError, match=r"<table>:2: doc_id is missing"):
        read_corpus(frame)
