"""Tests for kursklib.metadata: metadata.csv read, matched to the documents, applied."""

from __future__ import annotations

import os

import pandas as pd
import pytest

from kursklib import KursklibError, KursklibWarning, read_corpus


def test_a_row_without_a_document_warns_and_the_corpus_is_read(make_corpus):
    folder = make_corpus({"a.txt": "Text a."},
                         "doc_id,published\na,2025-05-01\nghost,2025-05-02\nspook,\n")
    with pytest.warns(KursklibWarning, match=r"metadata\.csv: metadata row\(s\) without a "
                                             r"document .*'ghost' \(line 3\), 'spook' \(line 4\)"):
        documents = read_corpus(folder).documents
    assert documents["doc_id"].tolist() == ["a"]


def test_a_row_of_a_skipped_document_warns_and_the_corpus_is_read(make_corpus):
    folder = make_corpus({"a.txt": "Text a.", "empty.txt": b"", "bin.txt": bytes(range(256)) * 8},
                         "doc_id,published\na,2025-05-01\nempty,2025-05-02\nbin,2025-05-03\n")
    with pytest.warns(KursklibWarning) as caught:
        documents = read_corpus(folder).documents
    assert documents["doc_id"].tolist() == ["a"]
    assert any("metadata row(s) of skipped documents unused: 'empty' (line 3), 'bin' (line 4)"
               in str(warning.message) for warning in caught)


@pytest.mark.parametrize("date", ["1500-01-01", "3000-06-01", "-0500-01-01", "0000-01-01",
                                  "99999-01-01", "1677-09-20"])
def test_a_date_pandas_cannot_hold_is_nat_with_a_warning(make_corpus, date):
    folder = make_corpus({"a.txt": "Text a.", "b.txt": "Text b."},
                         f"doc_id,published\na,2025-05-01\nb,{date}\n")
    with pytest.warns(KursklibWarning, match=rf"metadata\.csv: published outside .* read as NaT: "
                                             rf"line 3 \({date}\)"):
        documents = read_corpus(folder).documents
    assert documents["published"].isna().tolist() == [False, True]


def test_a_title_longer_than_the_csv_field_limit_is_read(make_corpus):
    title = "Troops " * 30_000
    folder = make_corpus({"a.txt": "Text a."}, f'doc_id,title\na,"{title}"\n')
    assert read_corpus(folder).documents["title"].iloc[0] == title.strip()


def test_metadata_that_is_not_a_readable_file_is_an_error(make_corpus, monkeypatch):
    folder = make_corpus({"a.txt": "Text a."})
    with pytest.raises(KursklibError, match=r"corpus: a folder, not a file"):
        read_corpus(folder, metadata=folder)
    os.mkfifo(folder / "metadata.csv")
    with pytest.warns(KursklibWarning, match="FIFO"), pytest.raises(
            KursklibError, match=r"metadata\.csv: not a regular file \(a FIFO\)"):
        read_corpus(folder)
    (folder / "metadata.csv").unlink()
    (folder / "metadata.csv").write_text("doc_id\na\n")
    real = os.open

    def refuse(path, *args, **kwargs):
        if os.fspath(path).endswith("metadata.csv"):
            raise PermissionError(13, "Permission denied")
        return real(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(KursklibError, match=r"metadata\.csv: permission denied"):
        read_corpus(folder)


def test_metadata_columns_are_mapped_as_tables_are(make_corpus):
    folder = make_corpus({"a.txt": "Text a."}, "id,date,outlet\na,2025-05-01,TASS\n")
    with pytest.raises(KursklibError, match=r"no header with a doc_id column .*columns=\{'doc_id':"
                                            r" 'id'\}"):
        read_corpus(folder)
    documents = read_corpus(folder, columns={"doc_id": "id", "published": "date",
                                             "source": "outlet"}).documents
    assert documents["source"].tolist() == ["TASS"]
    assert str(documents["published"].iloc[0].date()) == "2025-05-01"
    folder = make_corpus({"a.txt": "Text a."}, "doc_id,date\na,2025-05-01\n")
    with pytest.warns(KursklibWarning, match=r"'date' \(as published\) not read"):
        assert list(read_corpus(folder).documents.columns)[-1] == "date"


def test_a_metadata_row_without_doc_id_is_an_error(make_corpus):
    folder = make_corpus({"a.txt": "Text a."}, "doc_id,published\na,2025-05-01\n,2025-05-02\n")
    with pytest.raises(KursklibError, match=r"metadata\.csv:3: doc_id is missing"):
        read_corpus(folder)
    with pytest.raises(KursklibError, match=r"<metadata>:3: doc_id is missing"):
        read_corpus(folder, metadata=pd.DataFrame({"doc_id": ["a", None]}))
