"""Tests for kursklib.decode: bytes to text."""

from __future__ import annotations

import pytest

from kursklib import KursklibWarning, read_corpus
from tests.conftest import assert_sentence_offsets


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


@pytest.mark.parametrize("data, offsets, text", [
    ("Министр заявил: войска ушли. ".encode() * 4 + b"\xff\xfe" + "Конец.".encode(),
     "208, 209", "Министр заявил: войска ушли. " * 4 + "\ufffd\ufffdКонец."),
    (b"Troops left\x85 Kursk\x92s border\x96 on Monday.", "11, 18, 27",
     "Troops left\ufffd Kursk\ufffds border\ufffd on Monday."),
])
def test_utf8_but_for_a_few_bytes_is_read_as_utf8_with_a_warning(make_corpus, data, offsets,
                                                                 text):
    folder = make_corpus({"a.txt": data})
    with pytest.warns(KursklibWarning, match=rf"a\.txt: not UTF-8 at byte offset\(s\) {offsets}: "
                                             r"read as UTF-8"):
        documents = read_corpus(folder).documents
    assert documents["text"].iloc[0] == text
    assert documents["encoding"].iloc[0] == "utf-8"
