"""Tests for kursklib.actors.memos: decisions made once per distinct sentence or surface."""

from __future__ import annotations

from kursklib import read_corpus, tag_actors
from kursklib.actors.cues import name_cues
from kursklib.actors.extents import split_run
from kursklib.actors.memos import Memos


def test_sentence_runs_tell_apart_a_sentence_glued_to_a_word_before_it():
    memos = Memos(name_cues("en"), frozenset())
    glued = memos.sentence_runs("xAbc Def went.", 1, 14)
    spaced = memos.sentence_runs(" Abc Def went.", 1, 14)
    assert [run[:2] for run in glued.runs] == [(4, 7)]  # "\b" fails inside "xAbc"
    assert [run[:2] for run in spaced.runs] == [(0, 7)]


def test_run_pieces_tell_apart_a_run_that_opens_its_sentence():
    cues, common = name_cues("en"), frozenset({"police"})
    memos = Memos(cues, common)
    texts = [("Police Ali Hassan spoke.", 0), ("He met Police Ali Hassan.", 7)]
    found = []
    for text, start in texts:
        pieces = memos.run_pieces(text, start, start + 17, 0)
        assert pieces == split_run(text, start, start + 17, 0, common, cues)
        found.append([text[piece.start:piece.end] for piece in pieces])
    assert found == [["Ali Hassan"], ["Police Ali Hassan"]]


def test_copies_of_a_document_get_the_same_names_at_their_own_offsets(make_corpus):
    text = ("Spokesperson Koroleva declined to comment. Analysts at the Horn Policy Institute "
            "doubt it.")
    folder = make_corpus({"a.txt": text, "b.txt": "Intro. " + text, "c.txt": text})
    mentions = tag_actors(read_corpus(folder))
    unlisted = mentions[~mentions["listed"]]
    by_doc = {doc: list(zip(rows["surface"], rows["actor_id"], rows["start"] - (doc == "b") * 7))
              for doc, rows in unlisted.groupby("doc_id")}
    assert by_doc["a"] == by_doc["b"] == by_doc["c"]
    assert [surface for surface, _, _ in by_doc["a"]] == ["Koroleva", "Horn Policy Institute"]
