""":mod:`kursklib.keyness`: score terms that target documents use more than the rest."""

from __future__ import annotations

import math
from collections.abc import Sequence

import pandas as pd

from .errors import ArgumentError
from .terms import count_terms

KEYNESS_COLUMNS = ["term", "n_target", "n_reference", "score", "p_value", "log_ratio"]


def score_keyness(tokens: pd.DataFrame, target: str | Sequence[str], *,
                  reference: str | Sequence[str] = "rest", measure: str = "g2",
                  use: str = "lemma", keep_stop: bool = False, merge_actors: bool = True
                  ) -> pd.DataFrame:
    """Score how much more (or less) often each term occurs in target documents.

    Signed as in quanteda's ``textstat_keyness``: positive where the term is relatively
    more frequent in the target. ``log_ratio`` is log2 of the ratio of relative
    frequencies, with 0.5 added to zero counts.

    Args:
        target: A doc_id or a list of doc_ids.
        reference: ``"rest"`` (every other document) or doc_ids.
        measure: ``"g2"`` (log-likelihood) or ``"chi2"`` (Pearson, Yates-corrected).

    Returns:
        ``term, n_target, n_reference, score, p_value, log_ratio``; highest score
        first, then term.

    Example:
        >>> tokens = tag_tokens(corpus, tag_actors(corpus))
        >>> score_keyness(tokens, "b")[["term", "n_target", "n_reference"]].head(1).values.tolist()
        [['dprk', 1, 0]]
    """
    if measure not in ("g2", "chi2"):
        raise ArgumentError(f"measure must be 'g2' or 'chi2', not {measure!r}")
    targets = {target} if isinstance(target, str) else set(target)
    known = set(tokens["doc_id"])
    unknown = sorted(targets - known)
    if unknown:
        raise ArgumentError(f"unknown target doc_id(s): {', '.join(unknown)}")
    references = known - targets if isinstance(reference, str) and reference == "rest" else (
        {reference} if isinstance(reference, str) else set(reference))
    per_document = count_terms(tokens, by="doc_id", use=use, keep_stop=keep_stop,
                               merge_actors=merge_actors)
    in_targets = per_document["doc_id"].isin(targets)
    target_counts = per_document[in_targets].groupby("term")["n_occurrences"].sum()
    reference_counts = per_document[per_document["doc_id"].isin(references)].groupby(
        "term")["n_occurrences"].sum()
    table = pd.concat([target_counts.rename("n_target"),
                       reference_counts.rename("n_reference")], axis=1).fillna(0)
    table = table.astype("int64")
    target_total, reference_total = table["n_target"].sum(), table["n_reference"].sum()
    scores = [_keyness(a, b, target_total, reference_total, measure)
              for a, b in zip(table["n_target"], table["n_reference"], strict=True)]
    table["score"] = [score for score, _, _ in scores]
    table["p_value"] = [p for _, p, _ in scores]
    table["log_ratio"] = [ratio for _, _, ratio in scores]
    table = table.rename_axis("term").reset_index()
    table = table.sort_values(["score", "term"], ascending=[False, True], kind="stable")
    return table[KEYNESS_COLUMNS].reset_index(drop=True).astype({"term": "string"})


def score_document_keyness(tokens: pd.DataFrame, *, top: int = 10, measure: str = "g2",
                           use: str = "lemma") -> pd.DataFrame:
    """Score each document against all the others and keep its ``top`` key terms.

    Returns:
        ``doc_id`` followed by the columns of ``score_keyness``; per document the
        ``top`` terms with the highest positive score.

    Example:
        >>> keyness = score_document_keyness(tag_tokens(corpus, tag_actors(corpus)), top=1)
        >>> keyness[["doc_id", "term"]].values.tolist()
        [['a', '26'], ['b', 'dprk']]
    """
    tables = [score_keyness(tokens, doc_id, measure=measure, use=use).head(top)
              .assign(doc_id=doc_id) for doc_id in sorted(tokens["doc_id"].unique())]
    table = pd.concat(tables, ignore_index=True)
    table = table[table["score"] > 0]
    return table[["doc_id", *[c for c in table.columns if c != "doc_id"]]].reset_index(drop=True)


def _keyness(a: int, b: int, target_total: int, reference_total: int, measure: str
             ) -> tuple[float, float, float]:
    """Signed G2 or chi2 of a 2x2 table, its p-value (1 df) and the log ratio."""
    c, d = target_total - a, reference_total - b
    total = a + b + c + d
    expected = [(a + b) * (a + c) / total, (a + b) * (b + d) / total,
                (c + d) * (a + c) / total, (c + d) * (b + d) / total]
    observed = [a, b, c, d]
    if measure == "g2":
        score = 2 * sum(o * math.log(o / e) for o, e in zip(observed, expected, strict=True)
                        if o > 0)
    else:
        score = total * max(abs(a * d - b * c) - total / 2, 0) ** 2 / (
            (a + b) * (c + d) * (a + c) * (b + d)) if all(expected) else 0.0
    ratio = math.log2(((a or 0.5) / target_total) / ((b or 0.5) / reference_total)) \
        if target_total and reference_total else 0.0
    sign = 1 if a / max(target_total, 1) >= b / max(reference_total, 1) else -1
    p_value = math.erfc(math.sqrt(max(score, 0.0) / 2))
    return round(sign * score, 10), round(p_value, 12), round(ratio, 10)
