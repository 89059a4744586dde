"""Tests for kursklib.folder: what a folder of .txt files holds, and what is skipped."""

from __future__ import annotations

import os
import signal
from contextlib import contextmanager

import pytest

from kursklib import KursklibError, KursklibWarning, read_corpus
from kursklib.corpus import open_corpus


@contextmanager
def deadline(seconds: int = 20):
    """Fail instead of hanging (a FIFO opened for reading blocks)."""
    def expire(*_):
        raise TimeoutError("read_corpus hung")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def test_subfolders_are_named_unless_read_recursively(make_corpus):
    folder = make_corpus({"a.txt": "Troops left Kursk."})
    (folder / "2024" / "may").mkdir(parents=True)
    (folder / "2024" / "may" / "b.txt").write_text("Kim met Putin.", encoding="utf-8")
    (folder / "empty").mkdir()
    with pytest.warns(KursklibWarning, match=r"subfolder\(s\) 2024/ not read: recursive=True "
                                             r"\(kursk: --recursive\)"):
        assert read_corpus(folder).documents["doc_id"].tolist() == ["a"]
    documents = read_corpus(folder, recursive=True).documents
    assert documents["doc_id"].tolist() == ["2024/may/b", "a"]
    assert documents["text"].tolist() == ["Kim met Putin.", "Troops left Kursk."]


def test_metadata_names_documents_of_subfolders(make_corpus):
    folder = make_corpus({"a.txt": "Troops left Kursk."},
                         "doc_id,published\na,2025-01-01\nsub/b,2025-01-02\n")
    (folder / "sub").mkdir()
    (folder / "sub" / "b.txt").write_text("Kim met Putin.", encoding="utf-8")
    documents = read_corpus(folder, recursive=True).documents.set_index("doc_id")
    assert str(documents.loc["sub/b", "published"].date()) == "2025-01-02"


def test_every_entry_not_read_is_named(make_corpus):
    folder = make_corpus({"good.txt": "Troops left Kursk.", ".txt": "No name.",
                          "notes.md": "Not a document."})
    (folder / "broken.txt").symlink_to(folder / "nowhere.txt")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    (folder / "elsewhere").mkdir()
    (folder / "linked").symlink_to(folder / "elsewhere")
    (folder / "dir.txt").mkdir()
    os.mkfifo(folder / "pipe.txt")
    (folder / "alias.txt").symlink_to(folder / "good.txt")
    with deadline(), pytest.warns(KursklibWarning) as caught:
        documents = read_corpus(folder).documents
    assert documents["doc_id"].tolist() == ["alias", "good"]
    message = " ".join(str(warning.message) for warning in caught)
    for named in (".txt (no name before .txt: no doc_id)", "broken.txt (broken symlink)",
                  "loop.txt (symlink loop)", "linked (symlink to a folder, not followed)",
                  "dir.txt (a folder, not a file)", "pipe.txt (not a regular file (a FIFO))"):
        assert named in message
    assert "notes.md" not in message


def test_a_second_name_for_one_doc_id_is_skipped(make_corpus):
    folder = make_corpus({"a.txt": "One.", "a.TXT": "Two.", "b.txt": "Three."})
    with pytest.warns(KursklibWarning, match=r"a\.txt \(duplicate doc_id 'a'; a\.TXT is read\)"):
        documents = read_corpus(folder).documents
    assert documents["text"].tolist() == ["Two.", "Three."]


def test_a_file_name_that_is_not_utf8_is_an_error(make_corpus):
    folder = make_corpus({"a.txt": "Troops left Kursk."})
    with open(os.fsencode(folder) + b"/caf\xe9.txt", "wb") as handle:
        handle.write(b"Kim met Putin.")
    with pytest.raises(KursklibError, match=r"corpus: the name caf\\xe9\.txt is not valid UTF-8"):
        read_corpus(folder)
    with pytest.raises(KursklibError, match=r"path: the path .*caf\\xe9\.txt is not valid UTF-8"):
        read_corpus(os.fsdecode(os.fsencode(folder) + b"/caf\xe9.txt"))


def test_an_unreadable_folder_is_an_error(make_corpus, monkeypatch):
    folder = make_corpus({"a.txt": "Troops left Kursk."})
    real = os.scandir

    def scandir(path):
        if os.fspath(path) == os.fspath(folder):
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    with pytest.raises(KursklibError, match=r"corpus: cannot read the folder: permission denied"):
        read_corpus(folder)


def test_an_unreadable_document_is_skipped(make_corpus, monkeypatch):
    folder = make_corpus({"a.txt": "Troops left Kursk.", "b.txt": "Kim met Putin."})
    real = os.open

    def refuse(path, *args, **kwargs):
        if os.fspath(path).endswith("b.txt"):
            raise PermissionError(13, "Permission denied")
        return real(path, *args, **kwargs)

    source = open_corpus(folder)
    monkeypatch.setattr(os, "open", refuse)
    with pytest.warns(KursklibWarning, match=r"b\.txt: permission denied; skipped"):
        assert source.read(0, 2)["doc_id"].tolist() == ["a"]
