""":mod:`kursklib.groups`: group documents by any variable and compare the groups' wording."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import pandas as pd

from .checks import Count, checked
from .errors import ArgumentError
from .keyness import (
    KEYNESS_COLUMNS,
    _every_group,
    _group_counts,
    _score_cells,
    score_keyness,
)
from .terms import NGram, TermCounts
from .variables import Variables

OTHER = "other"
CONTRAST_COLUMNS = ["side", *KEYNESS_COLUMNS]
# Up to this many documents, a corpus without outlets is compared document by document.
MAX_DOCUMENT_GROUPS = 30


@checked
def choose_grouping(variables: Variables, *, max_documents: Count = MAX_DOCUMENT_GROUPS) -> str:
    """Name the variable to compare groups by, as the notebooks do by default.

    ``source`` when there are several outlets, else ``doc_id`` for at most
    ``max_documents`` documents (or without dates), else ``period``.

    Example:
        >>> choose_grouping(build_document_variables(corpus.documents))
        'doc_id'
    """
    if "source" in variables and variables["source"].nunique() > 1:
        return "source"
    if len(variables) <= max_documents or variables["period"].nunique() < 2:
        return "doc_id"
    return "period"


def group_documents(variables: pd.DataFrame, by: str, *, top: int | None = None
                    ) -> pd.DataFrame:
    """Give each document its group: its value of ``by``, or ``other`` beyond the ``top``.

    A missing value is a group of its own, ``(no <by>)``; groups are ordered by number of
    documents (most first, then by name), periods by date.

    Returns:
        ``doc_id`` and ``by`` (a string; a pandas ``Period`` for ``period``), with
        ``label`` when ``by`` is ``doc_id``; ``attrs["groups"]`` lists the groups in order.

    Example:
        >>> from kursklib.groups import group_documents
        >>> variables = build_document_variables(corpus.documents)
        >>> group_documents(variables, "source").attrs["groups"]
        ['(no source)']
    """
    if by not in variables.columns:
        raise ArgumentError(f"by: {by!r} is not a document variable (choose from "
                            f"{', '.join(map(str, variables.columns))})")
    values = variables[by]
    if by == "period":
        order = sorted(values.dropna().unique())
    else:
        values = values.astype("string").fillna(f"(no {by})")
        sizes = values.value_counts(sort=False)
        order = sorted(sizes.index, key=lambda group: (-sizes[group], group))
    if top is not None and len(order) > top:
        kept = order[:max(top, 0)]
        values = values.where(values.isin(kept), OTHER)
        order = [*kept, OTHER]
    table = pd.DataFrame({"doc_id": variables["doc_id"].to_numpy(), by: values.to_numpy()})
    if by == "doc_id":
        table["label"] = variables["label"].to_numpy()
    table.attrs["groups"] = list(order)
    return table


@checked
def count_group_keyness(terms: TermCounts, variables: Variables, *, by: str,
                        top: Count = 5, max_groups: Count = 12,
                        measure: Literal["g2", "chi2"] = "g2", ngram: NGram = 1
                        ) -> pd.DataFrame:
    """Score every group against the rest and keep each shown group's key terms.

    Every group is scored in one pass (``score_keyness``); the ``max_groups`` largest
    are shown, each with its ``top`` key terms, and the score of each of those terms in
    every shown group comes along (a group that never uses it too, with ``n_target`` 0),
    so that a term key for one outlet is seen in the others.

    Returns:
        ``by`` (and ``label`` for documents), ``term, n_target, n_reference, score,
        p_value, log_ratio, is_key``: first the key terms, group by group, highest score
        first; then the other cells. Empty when there is only one group.

    Example:
        >>> mentions = tag_actors(corpus)
        >>> terms = count_document_terms(tag_tokens(corpus, mentions), mentions)
        >>> table = count_group_keyness(terms, build_document_variables(corpus.documents),
        ...                             by="doc_id", top=1)
        >>> table.loc[table["is_key"], ["doc_id", "term"]].values.tolist()
        [['a', '26'], ['b', 'honour']]
    """
    groups = _text_groups(variables, by)
    shown = groups.attrs["groups"][:max(max_groups, 0)]
    columns = [by, *(["label"] if by == "doc_id" else []), *KEYNESS_COLUMNS, "is_key"]
    if len(groups.attrs["groups"]) < 2:
        return pd.DataFrame(columns=columns)
    counts = _group_counts(terms, groups, by, ngram)
    keyness = _every_group(counts, by, measure, None)
    keyness = keyness[keyness[by].isin(shown)]
    rank = keyness.groupby(by, sort=False).cumcount()
    key = keyness[(keyness["score"] > 0) & (rank < top)]
    chosen = list(pd.unique(key["term"]))
    pairs = set(zip(key[by], key["term"], strict=True))
    position = {group: index for index, group in enumerate(shown)}
    cells = _score_cells(counts, by, shown, chosen, measure)
    cells = cells.assign(is_key=[pair in pairs for pair in zip(cells[by], cells["term"],
                                                               strict=True)],
                         order=cells[by].map(position))
    cells = cells.sort_values(["is_key", "order", "score", "term"],
                              ascending=[False, True, False, True], kind="stable")
    if by == "doc_id":
        cells = cells.merge(groups[["doc_id", "label"]], on="doc_id", how="left")
    return cells[columns].reset_index(drop=True)


@checked
def score_group_contrast(terms: TermCounts, variables: Variables, *, by: str,
                         target: str | Sequence[str] | None = None,
                         reference: str | Sequence[str] = "rest", top: Count = 10,
                         measure: Literal["g2", "chi2"] = "g2", ngram: NGram = 1
                         ) -> pd.DataFrame:
    """Score the terms that most set one group apart from the rest, or from another group.

    Args:
        by: A document variable: ``source``, ``period``, ``country``, ...
        target: The group(s) scored; ``None`` for the largest group.
        reference: ``"rest"`` (every other group) or the group(s) to compare with.
        top: Terms kept on each side.

    Returns:
        ``side`` (the target's name, or the reference's, for the terms it uses more;
        documents by their label), then ``term, n_target, n_reference, score, p_value,
        log_ratio`` as in ``score_keyness``: the target's terms, highest score first, then
        the reference's, lowest score first. Empty when there is nothing to compare with.

    Example:
        >>> mentions = tag_actors(corpus)
        >>> terms = count_document_terms(tag_tokens(corpus, mentions), mentions)
        >>> score_group_contrast(terms, build_document_variables(corpus.documents),
        ...                      by="doc_id", target="b", top=1)[["side", "term"]].values.tolist()
        [['2025-04-29', 'honour'], ['rest', '26']]
    """
    groups = _text_groups(variables, by)
    known = groups.attrs["groups"]
    rest = isinstance(reference, str) and reference == "rest"
    targets = known[:1] if target is None else _as_list(target)
    references = [group for group in known if group not in targets] if rest else _as_list(
        reference)
    for name, chosen in (("target", targets), ("reference", [] if rest else references)):
        unknown = [group for group in chosen if group not in known]
        if unknown:
            raise ArgumentError(f"{name}: no {by} group {', '.join(map(repr, unknown))} "
                                f"(groups: {', '.join(known[:12])}"
                                f"{', ...' if len(known) > 12 else ''})")
    if not references:
        return pd.DataFrame(columns=CONTRAST_COLUMNS)
    keyness = score_keyness(terms, groups, by=by, target=targets, reference=references,
                            measure=measure, ngram=ngram)
    ahead = keyness[keyness["score"] > 0].head(top)
    behind = keyness[keyness["score"] < 0].sort_values(["score", "term"], kind="stable").head(top)
    shown = dict(zip(groups["doc_id"], groups["label"], strict=True)) if by == "doc_id" else {}
    names = (" + ".join(shown.get(group, group) for group in targets),
             "rest" if rest else " + ".join(shown.get(group, group) for group in references))
    table = pd.concat([ahead.assign(side=names[0]), behind.assign(side=names[1])])
    return table[CONTRAST_COLUMNS].reset_index(drop=True).astype({"side": "string"})


def _text_groups(variables: pd.DataFrame, by: str) -> pd.DataFrame:
    """``group_documents`` with every group, spelled as text (a period as in a CSV)."""
    groups = group_documents(variables, by)
    if by == "period":
        order = [str(period) for period in groups.attrs["groups"]]
        groups[by] = groups[by].astype("string").where(groups[by].notna(), "(no period)")
        groups.attrs["groups"] = order + (["(no period)"] if (groups[by] == "(no period)").any()
                                          else [])
    return groups


def _as_list(groups: str | Sequence[str]) -> list[str]:
    return [groups] if isinstance(groups, str) else list(groups)
