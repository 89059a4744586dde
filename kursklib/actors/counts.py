""":mod:`kursklib.actors.counts`: count mentions, actor pairs and unlisted names."""

from __future__ import annotations

from typing import Annotated, Literal

import numpy as np
import pandas as pd

from ..checks import Columns, Count, checked
from ..errors import ArgumentError
from ..plots import ActorCounts
from ..sentences import Sentences
from ..tokens import Mentions
from .tagger import MENTION_COLUMNS

COUNT_COLUMNS = ["n_mentions", "n_sentences", "n_documents"]
COOCCURRENCE_COLUMNS = ["actor_id", "other_id", "n_sentences", "n_documents"]
UNLISTED_COLUMNS = ["name", "actor_id", "actor_type", "n_mentions", "n_documents", "doc_id",
                    "sent_id", "sentence"]


@checked
def count_mentions(mentions: Mentions, *, by: str | list[str] = "actor_id") -> pd.DataFrame:
    """Count mentions grouped by one or more mention columns.

    Args:
        mentions: Output of ``tag_actors``.
        by: Column(s) to group by, e.g. ``"actor_id"``, ``["doc_id", "actor_id"]``,
            ``"actor_type"``. Grouping by ``actor_id`` carries ``actor_name`` and
            ``actor_type`` along.

    Returns:
        The ``by`` columns (plus ``actor_name, actor_type`` with ``actor_id``), then
        ``n_mentions, n_sentences, n_documents``; most mentioned first, ties by key.

    Example:
        >>> count_mentions(tag_actors(corpus))[["actor_id", "n_mentions"]].head(2).values.tolist()
        [['kursk_oblast', 3], ['prk', 3]]
    """
    keys = [by] if isinstance(by, str) else list(by)
    unknown = [key for key in keys if key not in mentions.columns]
    if unknown or not keys:
        raise ArgumentError(f"count_mentions: by must name columns of mentions, not "
                            f"{', '.join(map(repr, unknown)) or 'none'} (choose from "
                            f"{', '.join(map(str, mentions.columns))})")
    carried = [c for c in ("actor_name", "actor_type") if "actor_id" in keys and c not in keys]
    grouped = mentions.assign(sentence=mentions["doc_id"] + "#" + mentions["sent_id"].astype(str)
                              ).groupby(keys, sort=True, dropna=False)
    counts = grouped.agg(**{column: (column, "first") for column in carried},
                         n_mentions=("start", "size"), n_sentences=("sentence", "nunique"),
                         n_documents=("doc_id", "nunique")).reset_index()
    counts = counts.sort_values(["n_mentions", *keys], ascending=[False, *[True] * len(keys)],
                                kind="stable").reset_index(drop=True)
    return counts.astype({column: "int64" for column in COUNT_COLUMNS})


@checked
def build_cooccurrence(mentions: Mentions, *, unit: Literal["sentence", "document"] = "sentence"
                       ) -> pd.DataFrame:
    """Count the sentences and documents that each pair of actors shares.

    Args:
        mentions: Output of ``tag_actors``.
        unit: ``"sentence"`` keeps pairs named in one sentence; ``"document"`` keeps
            pairs named anywhere in one document.

    Returns:
        One row per pair (``actor_id < other_id``): ``actor_id, other_id,
        n_sentences, n_documents``; most shared first.

    Example:
        >>> build_cooccurrence(tag_actors(corpus), unit="document").head(2).values.tolist()
        [['kursk_oblast', 'prk', 2, 2], ['kcna', 'kursk_oblast', 1, 1]]
    """
    sentence_pairs = _pairs(mentions, ["doc_id", "sent_id"])
    n_sentences = sentence_pairs.groupby(["actor_id", "other_id"]).size().rename("n_sentences")
    # Pairs within a document are many more; made only when counted.
    base = sentence_pairs if unit == "sentence" else _pairs(mentions, ["doc_id"])
    pairs = base.groupby(["actor_id", "other_id"])["doc_id"].nunique().rename("n_documents")
    table = pd.concat([n_sentences.reindex(pairs.index, fill_value=0), pairs], axis=1)
    table = table.reset_index().sort_values(
        ["n_sentences" if unit == "sentence" else "n_documents", "actor_id", "other_id"],
        ascending=[False, True, True], kind="stable").reset_index(drop=True)
    return table[COOCCURRENCE_COLUMNS].astype({"actor_id": "string", "other_id": "string",
                                               "n_sentences": "int64", "n_documents": "int64"})


@checked
def build_network(pairs: Annotated[pd.DataFrame, Columns(
                      *COOCCURRENCE_COLUMNS, made_by="build_cooccurrence")],
                  counts: ActorCounts, *, top: Count = 15,
                  weight: Literal["n_sentences", "n_documents"] = "n_sentences",
                  max_edges: Count | None = None) -> pd.DataFrame:
    """Keep the actor pairs a network chart of the ``top`` actors draws.

    Of the pairs among the ``top`` most mentioned actors, the ``max_edges`` strongest
    (default: twice ``top``) are kept, and each actor's strongest pair with them, so
    that a large corpus does not give every actor an edge to every other.

    Args:
        pairs: Output of ``build_cooccurrence``.
        counts: Output of ``count_mentions`` by ``actor_id``.
        weight: The pair column that ranks the pairs.

    Returns:
        ``actor_id, other_id, actor_name, other_name, n_sentences, n_documents``;
        strongest first.

    Example:
        >>> mentions = tag_actors(corpus)
        >>> network = build_network(build_cooccurrence(mentions), count_mentions(mentions), top=3)
        >>> network[["actor_name", "other_name", "n_sentences"]].values.tolist()[0]
        ['Kursk Oblast', 'North Korea', 2]
    """
    names = counts.head(max(top, 0)).set_index("actor_id")["actor_name"]
    edges = pairs[pairs["actor_id"].isin(names.index) & pairs["other_id"].isin(names.index)
                  & (pairs[weight] > 0)]
    edges = edges.sort_values([weight, "actor_id", "other_id"], ascending=[False, True, True],
                              kind="stable")
    # An edge is an actor's strongest if one of its ends is met there first, in rank order.
    ends = pd.Series(edges[["actor_id", "other_id"]].to_numpy().ravel())
    strongest = ~ends.duplicated().to_numpy().reshape(-1, 2).all(axis=1)
    rank = np.arange(len(edges))
    edges = edges[(rank < (2 * top if max_edges is None else max_edges)) | strongest]
    edges = edges.assign(actor_name=edges["actor_id"].map(names),
                         other_name=edges["other_id"].map(names))
    return edges[["actor_id", "other_id", "actor_name", "other_name", "n_sentences",
                  "n_documents"]].reset_index(drop=True).astype({"actor_name": "string",
                                                                 "other_name": "string"})


def _pairs(mentions: pd.DataFrame, unit: list[str]) -> pd.DataFrame:
    actors = mentions[[*unit, "actor_id"]].drop_duplicates()
    pairs = actors.merge(actors, on=unit, suffixes=("", "_other"))
    pairs = pairs[pairs["actor_id"] < pairs["actor_id_other"]]
    return pairs.rename(columns={"actor_id_other": "other_id"})


@checked
def find_unlisted_names(mentions: Annotated[pd.DataFrame, Columns(*MENTION_COLUMNS,
                                                                  made_by="tag_actors")],
                        sentences: Sentences) -> pd.DataFrame:
    """List names the gazetteer does not cover, so that a researcher can extend it.

    Args:
        mentions: Output of ``tag_actors`` (with ``unlisted=True``).
        sentences: ``Corpus.sentences``, for the first sentence each name occurs in.

    Returns:
        One row per unlisted actor: ``name, actor_id, actor_type, n_mentions,
        n_documents`` and its first occurrence (``doc_id, sent_id, sentence``);
        most mentioned first.

    Example:
        >>> find_unlisted_names(tag_actors(corpus), corpus.sentences)["name"].tolist()
        ['Joost Oliemans']
    """
    unlisted = mentions[~mentions["listed"]]
    counts = count_mentions(unlisted, by="actor_id")
    first = unlisted.drop_duplicates("actor_id")[["actor_id", "doc_id", "sent_id"]]
    sentences = sentences[["doc_id", "sent_id", "text"]].rename(columns={"text": "sentence"})
    table = (counts.merge(first, on="actor_id", how="left")
             .merge(sentences, on=["doc_id", "sent_id"], how="left")
             .rename(columns={"actor_name": "name"}))
    return table[UNLISTED_COLUMNS].reset_index(drop=True)
