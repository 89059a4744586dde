"""Tests for kursklib.actors.counts: mention counts, pairs and unlisted names."""

from __future__ import annotations

import pytest

from kursklib import (
    KursklibError,
    build_cooccurrence,
    build_network,
    count_mentions,
    find_unlisted_names,
    read_corpus,
    tag_actors,
)


def tag(make_corpus, text: str, **options):
    return tag_actors(read_corpus(make_corpus({"a.txt": text})), **options)


def test_count_mentions_by_document_and_type(seed_mentions):
    by_doc = count_mentions(seed_mentions, by=["doc_id", "actor_id"])
    assert by_doc["n_mentions"].sum() == len(seed_mentions)
    top = by_doc.iloc[0]
    assert (top["doc_id"], top["actor_id"], top["n_mentions"]) == (
        "001_7aa5fc03dc7aa8de", "prk", 34)
    by_type = count_mentions(seed_mentions, by="actor_type")
    assert list(by_type["actor_type"]) == ["state", "place", "person", "org"]
    with pytest.raises(KursklibError, match="by must name columns of mentions, not 'colour'"):
        count_mentions(seed_mentions, by="colour")


def test_build_cooccurrence_counts_shared_sentences_and_documents(make_corpus):
    text = "Putin met Kim Jong Un in Moscow. Kim Jong Un left.\n\nPutin thanked KCNA."
    mentions = tag(make_corpus, text)
    pairs = build_cooccurrence(mentions)
    assert pairs.values.tolist() == [["kcna", "vladimir_putin", 1, 1],
                                     ["kim_jong_un", "moscow", 1, 1],
                                     ["kim_jong_un", "vladimir_putin", 1, 1],
                                     ["moscow", "vladimir_putin", 1, 1]]
    by_document = build_cooccurrence(mentions, unit="document")
    assert len(by_document) == 6
    assert by_document.set_index(["actor_id", "other_id"]).loc[("kcna", "kim_jong_un"),
                                                                "n_sentences"] == 0


def test_find_unlisted_names_gives_counts_and_example(make_corpus):
    folder = make_corpus({"a.txt": "Military expert Ivan Petrovsky spoke. Petrovsky left.",
                          "b.txt": "Ivan Petrovsky returned."})
    corpus = read_corpus(folder)
    table = find_unlisted_names(tag_actors(corpus), corpus.sentences)
    assert table.values.tolist() == [["Ivan Petrovsky", "unlisted:ivan-petrovsky", "person", 3, 2,
                                      "a", 0, "Military expert Ivan Petrovsky spoke."]]


def test_find_unlisted_names_reads_only_the_given_mentions(make_corpus):
    corpus = read_corpus(make_corpus({"a.txt": "Military expert Ivan Petrovsky spoke."}))
    mentions = tag_actors(corpus)
    assert len(find_unlisted_names(mentions, corpus.sentences)) == 1
    assert find_unlisted_names(mentions[mentions["listed"]], corpus.sentences).empty


def test_build_network_keeps_the_strongest_pairs_and_each_actors_strongest(seed_mentions):
    counts = count_mentions(seed_mentions)
    pairs = build_cooccurrence(seed_mentions)
    network = build_network(pairs, counts, top=6, max_edges=2)
    top = set(counts["actor_id"].head(6))
    assert set(network["actor_id"]) | set(network["other_id"]) <= top
    assert network[["actor_id", "other_id"]].head(2).values.tolist() == pairs[
        pairs["actor_id"].isin(top) & pairs["other_id"].isin(top)][
        ["actor_id", "other_id"]].head(2).values.tolist()
    ends = set(network["actor_id"]) | set(network["other_id"])
    linked = set(pairs.loc[pairs["actor_id"].isin(top) & pairs["other_id"].isin(top),
                           ["actor_id", "other_id"]].to_numpy().ravel())
    assert ends == linked  # every actor with a pair keeps its strongest one
    assert network["actor_name"].iloc[0] == "North Korea" or network["other_name"].iloc[0] == (
        "North Korea")
    assert len(build_network(pairs, counts, top=6)) >= len(network)
    with pytest.raises(KursklibError, match="weight must be"):
        build_network(pairs, counts, weight="n_words")
