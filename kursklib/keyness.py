""":mod:`kursklib.keyness`: score the terms a group of documents uses more than another."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Annotated, Literal

import numpy as np
import pandas as pd

from .checks import Columns, Count, checked
from .errors import ArgumentError
from .terms import NGram, TermCounts, _grouped

KEYNESS_COLUMNS = ["term", "n_target", "n_reference", "score", "p_value", "log_ratio"]


@checked
def score_keyness(terms: TermCounts,
                  documents: Annotated[pd.DataFrame, Columns("doc_id")] | None = None, *,
                  by: str = "doc_id", target: str | Sequence[str] | None = None,
                  reference: str | Sequence[str] = "rest", measure: Literal["g2", "chi2"] = "g2",
                  ngram: NGram = 1, top: Count | None = None) -> pd.DataFrame:
    """Score how much more (or less) often each term occurs in a group than in another.

    Groups are the values of ``by``: a document, or any document column such as
    ``source``. With ``target`` one group (or several together) is scored against
    ``reference``: ``"rest"`` (every other group) or given groups. Without ``target``
    every group is scored against the rest of the corpus, in one pass over one
    term × group table, on the terms the group uses. Signed as in quanteda's
    ``textstat_keyness``: positive where the term is relatively more frequent in the
    target. ``log_ratio`` (the effect size) is log2 of the ratio of relative
    frequencies, with 0.5 added to zero counts.

    Args:
        terms: Output of ``count_document_terms`` (or a tagged corpus's ``terms``).
        documents: The documents table, to group by one of its columns.
        measure: ``"g2"`` (log-likelihood) or ``"chi2"`` (Pearson, Yates-corrected).
        top: Keep each group's ``top`` terms with the highest positive score.

    Returns:
        ``term, n_target, n_reference, score, p_value, log_ratio``, preceded by the
        ``by`` column when every group is scored; highest score first, then term.

    Example:
        >>> mentions = tag_actors(corpus)
        >>> terms = count_document_terms(tag_tokens(corpus, mentions), mentions)
        >>> keyness = score_keyness(terms, target="b")
        >>> keyness[["term", "n_target", "n_reference"]].head(1).values.tolist()
        [['honour', 1, 0]]
    """
    counts = _group_counts(terms, documents, by, ngram)
    if target is None:
        return _every_group(counts, by, measure, top)
    targets = {target} if isinstance(target, str) else set(target)
    known = set(counts[by])
    unknown = sorted(map(str, targets - known))
    if unknown:
        raise ArgumentError(f"score_keyness: target names no {by} of the terms: "
                            f"{', '.join(unknown)}")
    references = known - targets if isinstance(reference, str) and reference == "rest" else (
        {reference} if isinstance(reference, str) else set(reference))
    side = np.where(counts[by].isin(targets), "n_target",
                    np.where(counts[by].isin(references), "n_reference", ""))
    pivot = (counts[side != ""].assign(side=side[side != ""])
             .pivot_table(index="term", columns="side", values="n_occurrences", aggfunc="sum",
                          fill_value=0, observed=True)
             .reindex(columns=["n_target", "n_reference"], fill_value=0).astype("int64"))
    scored = _score(pivot["n_target"].to_numpy(), pivot["n_reference"].to_numpy(),
                    int(pivot["n_target"].sum()), int(pivot["n_reference"].sum()), measure)
    result = pd.DataFrame({"term": pd.array(pivot.index.astype(str), dtype="string"),
                           "n_target": pivot["n_target"].to_numpy(),
                           "n_reference": pivot["n_reference"].to_numpy(), **scored})
    result = result.sort_values(["score", "term"], ascending=[False, True], kind="stable")
    result = result[KEYNESS_COLUMNS].reset_index(drop=True)
    return result if top is None else result[result["score"] > 0].head(top).reset_index(drop=True)


def _group_counts(terms: pd.DataFrame, documents: pd.DataFrame | None, by: str, ngram: int
                  ) -> pd.DataFrame:
    """``by, term, n_occurrences``: the n-grams of length ``ngram`` counted per group."""
    table = _grouped(terms[terms["ngram"] == ngram], documents, [by])
    return table.groupby([by, "term"], observed=True)["n_occurrences"].sum().reset_index()


def _score_cells(counts: pd.DataFrame, by: str, groups: Sequence[object],
                 terms: Sequence[str], measure: str) -> pd.DataFrame:
    """Each of ``terms`` in each of ``groups`` against the rest, where a group lacking it too.

    ``counts`` is ``_group_counts``; the rows are ``by, *KEYNESS_COLUMNS``, group by group.
    """
    plain = pd.DataFrame({"group": counts[by].astype(str).to_numpy(),
                          "term": counts["term"].astype(str).to_numpy(),
                          "n": counts["n_occurrences"].to_numpy(np.int64)})
    grid = pd.MultiIndex.from_product([[str(group) for group in groups], list(terms)],
                                      names=["group", "term"])
    a = plain.set_index(["group", "term"])["n"].reindex(grid, fill_value=0).to_numpy()
    group_total = plain.groupby("group")["n"].sum().reindex(
        grid.get_level_values("group"), fill_value=0).to_numpy()
    term_total = plain.groupby("term")["n"].sum().reindex(
        grid.get_level_values("term"), fill_value=0).to_numpy()
    total = int(plain["n"].sum())
    scored = _score(a, term_total - a, group_total, total - group_total, measure)
    return pd.DataFrame({by: grid.get_level_values("group"),
                         "term": pd.array(grid.get_level_values("term"), dtype="string"),
                         "n_target": a, "n_reference": term_total - a, **scored}
                        )[[by, *KEYNESS_COLUMNS]]


def _every_group(counts: pd.DataFrame, by: str, measure: str, top: int | None) -> pd.DataFrame:
    """Each group against the rest, on the terms it uses."""
    a = counts["n_occurrences"].to_numpy(np.int64)
    term_total = counts.groupby("term", observed=True)["n_occurrences"].transform("sum")
    group_total = counts.groupby(by, observed=True)["n_occurrences"].transform("sum")
    total = int(a.sum())
    scored = _score(a, term_total.to_numpy(np.int64) - a, group_total.to_numpy(np.int64),
                    total - group_total.to_numpy(np.int64), measure, p_values=False)
    table = counts[[by, "term"]].assign(n_target=a, n_reference=term_total.to_numpy() - a,
                                        **scored)
    table = table.sort_values([by, "score", "term"], ascending=[True, False, True],
                              kind="stable")
    if top is not None:
        table = table[table["score"] > 0].groupby(by, sort=False, observed=True).head(top)
    table = table.assign(p_value=[round(math.erfc(math.sqrt(max(score, 0.0) / 2)), 12)
                                  for score in table["score"].abs()])
    return table[[by, *KEYNESS_COLUMNS]].reset_index(drop=True).astype({"term": "string"})


def _score(a: np.ndarray, b: np.ndarray, target_total: np.ndarray | int,
           reference_total: np.ndarray | int, measure: str, *, p_values: bool = True
           ) -> dict[str, np.ndarray]:
    """Signed G2 or chi2 of each 2x2 table, its p-value (1 df) and the log ratio."""
    a, b = np.asarray(a, float), np.asarray(b, float)
    target_total = np.broadcast_to(np.asarray(target_total, float), a.shape)
    reference_total = np.broadcast_to(np.asarray(reference_total, float), a.shape)
    c, d = target_total - a, reference_total - b
    total = a + b + c + d
    with np.errstate(divide="ignore", invalid="ignore"):
        if measure == "g2":
            score = np.zeros_like(a)
            for observed, row, column in ((a, a + b, a + c), (b, a + b, b + d),
                                          (c, c + d, a + c), (d, c + d, b + d)):
                expected = row * column / total
                score += np.where(observed > 0, observed * np.log(observed / expected), 0.0)
            score *= 2
        else:
            denominator = (a + b) * (c + d) * (a + c) * (b + d)
            score = np.where(denominator > 0, total * np.maximum(
                np.abs(a * d - b * c) - total / 2, 0) ** 2 / denominator, 0.0)
        valid = (target_total > 0) & (reference_total > 0)
        ratio = np.where(valid, np.log2((np.where(a > 0, a, 0.5) / target_total)
                                        / (np.where(b > 0, b, 0.5) / reference_total)), 0.0)
        sign = np.where(a / np.maximum(target_total, 1) >= b / np.maximum(reference_total, 1),
                        1.0, -1.0)
    result = {"score": np.round(sign * score, 10), "log_ratio": np.round(ratio, 10)}
    if p_values:
        result["p_value"] = np.array([round(math.erfc(math.sqrt(max(s, 0.0) / 2)), 12)
                                      for s in score.tolist()])
    return result
