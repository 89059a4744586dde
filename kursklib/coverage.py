""":mod:`kursklib.coverage`: count documents, actors and terms per period or any group."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated

import numpy as np
import pandas as pd

from .actors import count_mentions
from .checks import ColumnOf, Count, checked
from .errors import ArgumentError
from .groups import group_documents
from .terms import NGram, TermCounts, count_terms
from .tokens import Mentions
from .variables import Variables


@checked
def count_documents(variables: Variables, *,
                    by: Annotated[str, ColumnOf("variables")] | None = None, top: Count = 8
                    ) -> pd.DataFrame:
    """Count the dated documents of each publication period, overall or per group.

    Every period from the first to the last is a row, so a period without coverage
    reads as zero; with ``by``, groups beyond the ``top`` largest are summed as ``other``.

    Args:
        variables: Output of ``build_document_variables``.
        by: A document variable to split each period by (``source``, ``country``, ...).

    Returns:
        ``period``, then ``by``, ``n_documents`` and ``share`` (of the period's
        documents), or ``period, n_documents``; by period, then group order.

    Example:
        >>> variables = build_document_variables(corpus.documents, period="day")
        >>> count_documents(variables).astype({"period": str}).values.tolist()
        [['2025-04-28', 1], ['2025-04-29', 1]]
    """
    dated = variables[variables["period"].notna()]
    periods = _every_period(dated["period"], variables["period"].dtype)
    if by is None:
        counts = dated.groupby("period").size().reindex(periods, fill_value=0)
        return pd.DataFrame({"period": periods, "n_documents": counts.to_numpy(np.int64)})
    groups = group_documents(dated, by, top=top)
    order = groups.attrs["groups"]
    counts = groups.assign(period=dated["period"].to_numpy()).groupby(
        ["period", by], observed=True).size()
    grid = pd.MultiIndex.from_product([periods, order], names=["period", by])
    counts = counts.reindex(grid, fill_value=0).astype(np.int64).rename("n_documents")
    table = counts.reset_index()
    totals = table.groupby("period", sort=False)["n_documents"].transform("sum")
    table["share"] = (table["n_documents"] / totals.where(totals > 0)).round(6)
    return table.astype({by: "string"}) if by != "period" else table


@checked
def count_actor_coverage(mentions: Mentions, variables: Variables, *,
                         by: Annotated[str, ColumnOf("variables")] = "period", top: Count = 8,
                         actors: Sequence[str] = (), max_groups: Count | None = None
                         ) -> pd.DataFrame:
    """Count, per period or group, the documents that name each of the top actors.

    ``share`` divides by all the group's documents, so "more articles" (``n_documents``
    grows with the coverage) reads apart from "more attention" (``share`` grows).

    Args:
        mentions: Output of ``tag_actors`` (or a tagged corpus's ``mentions``).
        variables: Output of ``build_document_variables``.
        by: ``period`` (every period from first to last) or any document variable.
        top: Actors counted, most mentioned first (unless ``actors`` names them).
        max_groups: Groups kept, largest first (``None``: all).

    Returns:
        ``by`` (and ``label`` for documents), ``actor_id, actor_name, n_mentions,
        n_documents, n_group_documents, share``: one row per group and actor, zeros
        included; by group, then actor rank.

    Example:
        >>> variables = build_document_variables(corpus.documents, period="month")
        >>> table = count_actor_coverage(tag_actors(corpus), variables, top=2)
        >>> table[["actor_id", "n_documents", "share"]].values.tolist()
        [['kursk_oblast', 2, 1.0], ['prk', 2, 1.0]]
    """
    ranked = count_mentions(mentions)
    actors = list(actors)
    if actors:
        unknown = sorted(set(actors) - set(ranked["actor_id"]))
        if unknown:
            raise ArgumentError(f"actors: {', '.join(unknown)} never mentioned in the corpus")
        ranked = ranked.set_index("actor_id").loc[list(actors)].reset_index()
    chosen = ranked.head(len(actors) or max(top, 0))[["actor_id", "actor_name"]]
    groups, order = _groups(variables, by, max_groups)
    named = mentions[mentions["actor_id"].isin(chosen["actor_id"])][["doc_id", "actor_id"]]
    named = named.merge(groups, on="doc_id")
    counted = named.groupby([by, "actor_id"], observed=True).agg(
        n_mentions=("doc_id", "size"), n_documents=("doc_id", "nunique"))
    grid = pd.MultiIndex.from_product([order, chosen["actor_id"]], names=[by, "actor_id"])
    table = counted.reindex(grid, fill_value=0).astype(np.int64).reset_index()
    table = table.merge(chosen, on="actor_id", how="left")
    table["n_group_documents"] = table[by].map(groups[by].value_counts()).fillna(0).astype(
        np.int64).to_numpy()
    table["share"] = (table["n_documents"] / table["n_group_documents"].where(
        table["n_group_documents"] > 0)).round(6)
    columns = [by, *_label(by), "actor_id", "actor_name", "n_mentions", "n_documents",
               "n_group_documents", "share"]
    return _with_labels(table, groups, by)[columns]


@checked
def count_term_coverage(terms: TermCounts, variables: Variables, *,
                        by: Annotated[str, ColumnOf("variables")] = "period",
                        chosen: Sequence[str] = (), top: Count = 6,
                        max_groups: Count | None = None, ngram: NGram = 1) -> pd.DataFrame:
    """Count chosen or top terms per period or group, as raw counts and as a rate.

    Args:
        terms: Output of ``count_document_terms`` (or a tagged corpus's ``terms``).
        variables: Output of ``build_document_variables``.
        by: ``period`` (every period from first to last) or any document variable.
        chosen: Terms to count; empty for the ``top`` most frequent.
        max_groups: Groups kept, largest first (``None``: all).

    Returns:
        ``by`` (and ``label`` for documents), ``term, n_occurrences, n_documents,
        per_1000_terms`` (occurrences per 1,000 terms counted in the group); one row
        per group and term, zeros included; by group, then term rank.

    Example:
        >>> mentions = tag_actors(corpus)
        >>> terms = count_document_terms(tag_tokens(corpus, mentions), mentions)
        >>> variables = build_document_variables(corpus.documents, period="day")
        >>> table = count_term_coverage(terms, variables, chosen=["soldier"])
        >>> table[["term", "n_occurrences", "per_1000_terms"]].values.tolist()
        [['soldier', 1, 50.0], ['soldier', 1, 142.857143]]
    """
    counted_terms = terms[terms["ngram"] == ngram]
    words = list(chosen) or count_terms(counted_terms, ngram=ngram)["term"].head(
        max(top, 0)).tolist()
    groups, order = _groups(variables, by, max_groups)
    # Each document's total, then each group's: the whole term table is never joined.
    per_document = counted_terms.groupby("doc_id", observed=True)["n_occurrences"].sum()
    totals = groups.merge(per_document.reset_index(), on="doc_id").groupby(
        by, observed=True)["n_occurrences"].sum()
    grouped = counted_terms.loc[counted_terms["term"].isin(words),
                                ["doc_id", "term", "n_occurrences"]].merge(groups, on="doc_id")
    counted = grouped.groupby([by, "term"], observed=True).agg(
        n_occurrences=("n_occurrences", "sum"), n_documents=("doc_id", "nunique"))
    grid = pd.MultiIndex.from_product([order, words], names=[by, "term"])
    table = counted.reindex(grid, fill_value=0).astype(np.int64).reset_index()
    total = table[by].map(totals).astype(float)
    table["per_1000_terms"] = (1000 * table["n_occurrences"] / total.where(total > 0)).round(6)
    columns = [by, *_label(by), "term", "n_occurrences", "n_documents", "per_1000_terms"]
    return _with_labels(table, groups, by)[columns].astype({"term": "string"})


def _groups(variables: pd.DataFrame, by: str, max_groups: int | None
            ) -> tuple[pd.DataFrame, list]:
    """Each document's group, and the groups shown in order (every period, first to last)."""
    if by == "period":
        dated = variables[variables["period"].notna()]
        groups = dated[["doc_id", "period"]]
        return groups, list(_every_period(dated["period"], variables["period"].dtype))
    groups = group_documents(variables, by)
    order = groups.attrs["groups"]
    return groups, order if max_groups is None else order[:max(max_groups, 0)]


def _every_period(periods: pd.Series, dtype: object) -> pd.PeriodIndex:
    """Every period from the first to the last (none without dates)."""
    if periods.empty:
        return pd.PeriodIndex([], dtype=dtype)
    return pd.period_range(periods.min(), periods.max(), freq=periods.min().freq)


def _label(by: str) -> list[str]:
    return ["label"] if by == "doc_id" else []


def _with_labels(table: pd.DataFrame, groups: pd.DataFrame, by: str) -> pd.DataFrame:
    if by != "doc_id":
        return table
    return table.merge(groups[["doc_id", "label"]], on="doc_id", how="left")

