"""Tests for kursklib.origins, and n_independent against a generated corpus's true wire copies."""

from __future__ import annotations

import csv

import numpy as np
import pandas as pd
import pytest

from benchmarks.corpora import write_corpus
from kursklib import build_timeline, read_corpus, tag_actors, tag_dates, tag_tokens
from kursklib.linking import key_codes, link_items
from kursklib.origins import find_copies

STORY = ["Kim Jong Un visited a munitions factory on Friday.", "He praised the workers there.",
         "State media showed new missiles.", "Analysts said output had doubled."]


@pytest.mark.parametrize("copy, is_copy", [
    (STORY, True),
    (["PYONGYANG, May 2 (KCNA) -- " + STORY[0], *STORY[1:]], True),  # without the dateline
    (STORY[:3], True),  # a paragraph dropped
    ([STORY[0], "Seoul said nothing.", "Talks resumed.", "Markets fell."], False),
    (STORY[:2], False),  # too short to tell
])
def test_find_copies_tells_a_copy_from_a_shared_quote(copy, is_copy):
    background = [f"Story {n} says something else entirely, line {line}."
                  for n in range(6) for line in range(4)]
    sentences = pd.DataFrame({
        "doc_id": ["origin"] * 4 + ["copy"] * len(copy) + [f"other{n}" for n in range(6)
                                                            for _ in range(4)],
        "text": STORY + copy + background})
    doc_ids = ["origin", "copy"] + [f"other{n}" for n in range(6)]
    labels = find_copies(sentences, doc_ids)
    assert (labels[1] == 0) == is_copy
    assert list(labels[2:]) == list(range(2, 8))


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    folder = write_corpus(300, tmp_path_factory.mktemp("generated") / "corpus")
    corpus = read_corpus(folder)  # its extra metadata columns are document variables
    with (folder / "duplicates.csv").open(encoding="utf-8") as handle:
        origins = {row["doc_id"]: row["origin_doc_id"] for row in csv.DictReader(handle)}
    return corpus, origins


def test_n_independent_equals_the_generated_corpus_true_origins(generated):
    corpus, origins = generated
    mentions = tag_actors(corpus)
    timeline = build_timeline(tag_dates(corpus), mentions, tag_tokens(corpus, mentions),
                              corpus.sentences, corpus.documents)
    # The truth: statements of an event from one outlet, or from a wire story and the
    # copies other outlets ran of it (duplicates.csv), are one origin.
    root = timeline["doc_id"].map(lambda doc_id: origins.get(doc_id, doc_id))
    event = pd.factorize(timeline["event_id"])[0]
    rows = np.tile(np.arange(len(timeline)), 2)
    truth = link_items(len(timeline), rows, key_codes(
        np.repeat([0, 1], len(timeline)), np.tile(event, 2),
        np.concatenate([timeline["source"].astype(object), root.astype(object)])))
    expected = pd.Series(truth).groupby(event).nunique()
    found = timeline.groupby(event)["n_independent"].first()
    # The generator writes its few articles in other languages from a handful of fixed
    # sentences: they share sentences as copies do without being listed as copies, so the
    # truth holds for the events its English articles tell.
    language = timeline["doc_id"].map(corpus.documents.set_index("doc_id")["language"])
    english = (language == "en").groupby(event).all()
    assert english.sum() > 0.9 * len(english)
    assert (found[english] == expected[english]).all()
    # Copies do collapse: in some events more outlets than independent origins.
    copied = timeline[timeline["doc_id"].isin(origins)]
    assert (copied["n_outlets"] > copied["n_independent"]).sum() >= 10
