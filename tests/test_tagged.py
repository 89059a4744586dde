"""Tests for kursklib.tagged: tag once into Parquet, the same whatever the batches."""

from __future__ import annotations

import hashlib

import pandas as pd
import pyarrow.compute as pc
import pytest

from benchmarks.corpora import write_corpus
from kursklib import KursklibError, read_corpus, read_tagged, tag_actors, tag_corpus
from kursklib.parts import TABLES, TAGGED_DOCUMENT_COLUMNS
from tests.conftest import SEEDS


def _digests(tagged) -> dict[str, str]:
    return {name: hashlib.sha256((tagged.folder / f"{name}.parquet").read_bytes()).hexdigest()
            for name in TABLES}


def test_tag_corpus_tables_are_byte_identical_whatever_the_batch_size(tmp_path):
    corpus = write_corpus(24, tmp_path / "corpus")
    digests = [_digests(tag_corpus(corpus, cache_dir=tmp_path / f"cache-{size}",
                                   batch_size=size)) for size in (1, 7, 1000)]
    assert digests[0] == digests[1] == digests[2]


def test_tag_corpus_tables_equal_the_whole_corpus_functions(tmp_path, seeds, seed_mentions):
    tagged = tag_corpus(SEEDS, cache_dir=tmp_path, batch_size=2)
    assert list(tagged.documents.columns) == TAGGED_DOCUMENT_COLUMNS
    assert tagged.mentions.drop(columns="language").equals(seed_mentions)
    assert tagged.sentences.drop(columns="language").equals(seeds.sentences)
    assert set(tagged.mentions["language"]) == set(tagged.documents["language"]) == {"en"}
    assert tagged.tokens is None
    assert tagged.documents["n_mentions"].sum() == len(seed_mentions)
    assert tagged.manifest["rows"]["mentions"] == len(seed_mentions)
    assert tagged.manifest["model"]["abbreviations"]


def test_tag_corpus_keeps_extra_metadata_columns(tmp_path, make_corpus):
    folder = make_corpus({"a.txt": "Kim met Putin.", "b.txt": "Troops left."},
                         "doc_id,source,country\na,KCNA,KP\nb,TASS,\n")
    documents = tag_corpus(folder, cache_dir=tmp_path / "cache").documents
    assert list(documents.columns) == [*TAGGED_DOCUMENT_COLUMNS, "country"]
    assert documents["country"].tolist()[0] == "KP" and documents["country"].isna().tolist()[1]


def test_tag_corpus_reuses_stored_tables_until_an_input_changes(tmp_path, make_corpus):
    folder = make_corpus({"a.txt": "Kim Jong Un met Putin on Monday.", "b.txt": "Troops left."})
    first = tag_corpus(folder, cache_dir=tmp_path / "cache")
    stamp = (first.folder / "tokens.parquet").stat().st_mtime_ns
    again = tag_corpus(folder, cache_dir=tmp_path / "cache")
    assert again.folder == first.folder
    assert (again.folder / "tokens.parquet").stat().st_mtime_ns == stamp
    assert tag_corpus(folder, cache_dir=tmp_path / "cache", stopwords=["troops"]).folder != (
        first.folder)
    (folder / "b.txt").write_text("Troops returned.", encoding="utf-8")
    assert tag_corpus(folder, cache_dir=tmp_path / "cache").folder != first.folder
    assert not list((tmp_path / "cache").glob(".*"))  # no staging folder left behind


def test_read_tagged_reads_only_what_is_asked(tmp_path):
    tagged = tag_corpus(SEEDS, cache_dir=tmp_path)
    doc_id = tagged.documents["doc_id"].iloc[0]
    tokens = read_tagged(tagged.folder, tables=["tokens"], doc_ids=[doc_id])
    assert tokens.documents is None and set(tokens.tokens["doc_id"]) == {doc_id}
    assert len(tokens.tokens) == tagged.documents["n_tokens"].iloc[0]
    assert read_tagged(tagged.folder, tables=["tokens"], doc_ids=[]).tokens.empty
    with pytest.raises(KursklibError, match="unknown table"):
        read_tagged(tagged.folder, tables=["words"])
    with pytest.raises(KursklibError, match="not a tagged corpus"):
        read_tagged(tmp_path / "nowhere")


def test_read_tagged_reads_only_the_columns_and_rows_asked(tmp_path):
    tagged = tag_corpus(SEEDS, cache_dir=tmp_path, tables=["tokens"])
    alpha = read_tagged(tagged.folder, tables=["tokens"], columns=["doc_id", "lemma", "is_alpha"],
                        where=pc.field("is_alpha")).tokens
    assert list(alpha.columns) == ["doc_id", "lemma", "is_alpha"]
    expected = tagged.tokens.loc[tagged.tokens["is_alpha"], ["doc_id", "lemma", "is_alpha"]]
    pd.testing.assert_frame_equal(alpha, expected.reset_index(drop=True))
    doc_id = tagged.tokens["doc_id"].iloc[0]
    both = read_tagged(tagged.folder, tables=["tokens"], doc_ids=[doc_id],
                       where=pc.field("is_alpha")).tokens
    assert set(both["doc_id"]) == {doc_id} and both["is_alpha"].all()
    with pytest.raises(KursklibError, match="no column 'lema'"):
        read_tagged(tagged.folder, tables=["tokens"], columns=["lema"])


def test_tag_corpus_with_a_user_gazetteer_tags_its_actors(tmp_path, make_corpus):
    gazetteer = tmp_path / "mine.yaml"
    gazetteer.write_text("- id: rsf\n  type: org\n  name: Rapid Support Forces\n"
                         "  aliases: [RSF]\n", encoding="utf-8")
    folder = make_corpus({"a.txt": "The RSF entered the city."})
    tagged = tag_corpus(folder, gazetteer=gazetteer, cache_dir=tmp_path / "cache")
    assert "rsf" in set(tagged.mentions["actor_id"])
    assert tagged.mentions.drop(columns="language").equals(
        tag_actors(read_corpus(folder), gazetteer=gazetteer))


def test_tag_corpus_refuses_stopwords_given_as_one_string(tmp_path, make_corpus):
    folder = make_corpus({"a.txt": "Troops said they left."})
    with pytest.raises(KursklibError, match="^stopwords: a list of names, not the string 'said'"):
        tag_corpus(folder, cache_dir=tmp_path / "cache", stopwords="said")
