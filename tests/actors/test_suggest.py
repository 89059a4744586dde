"""Tests for kursklib.actors.suggest: unlisted names as a draft gazetteer."""

from __future__ import annotations

import pandas as pd

from kursklib import (
    build_gazetteer_draft,
    load_gazetteer,
    read_corpus,
    tag_actors,
    write_gazetteer_draft,
)

TEXT = ("Mohamed Hamdan Dagalo, widely known as Hemedti, leads the Rapid Support Forces (RSF). "
        "Dagalo said the RSF would fight on. Aid reached Tawila, a town near El Fasher.")


def draft_of(text: str) -> pd.DataFrame:
    corpus = read_corpus(pd.DataFrame({"doc_id": ["a"], "text": [text]}))
    return build_gazetteer_draft(tag_actors(corpus), corpus.sentences)


def test_build_gazetteer_draft_groups_aliases_of_one_actor():
    draft = draft_of(TEXT).set_index("id")
    assert draft.loc["mohamed_hamdan_dagalo", ["name", "type", "aliases", "short"]].tolist() == [
        "Mohamed Hamdan Dagalo", "person", ["Hemedti"], ["Dagalo"]]
    assert draft.loc["rapid_support_forces", ["type", "aliases", "n_mentions"]].tolist() == [
        "org", ["RSF"], 3]
    assert draft.loc["tawila", "type"] == "place"
    assert draft.loc["tawila", "examples"] == [("a", "Aid reached Tawila, a town near El Fasher.")]


def test_write_gazetteer_draft_loads_back_as_a_gazetteer(tmp_path):
    path = write_gazetteer_draft(draft_of(TEXT), tmp_path / "draft.yaml")
    text = path.read_text(encoding="utf-8")
    assert "# a: Aid reached Tawila, a town near El Fasher." in text
    gazetteer = load_gazetteer(path)
    assert gazetteer.actors["rapid_support_forces"].aliases == ("RSF",)
    corpus = read_corpus(pd.DataFrame({"doc_id": ["b"], "text": ["Hemedti met RSF envoys."]}))
    mentions = tag_actors(corpus, gazetteer=gazetteer)
    assert list(zip(mentions["actor_id"], mentions["listed"])) == [
        ("mohamed_hamdan_dagalo", True), ("rapid_support_forces", True)]
