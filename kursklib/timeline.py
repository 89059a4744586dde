""":mod:`kursklib.timeline`: line dated statements up as events corroborated across documents."""

from __future__ import annotations

from datetime import date

import pandas as pd

from .dates import value_period
from .errors import ArgumentError

TIMELINE_COLUMNS = ["event_id", "date_start", "date_end", "value", "granularity", "mod",
                    "doc_id", "sent_id", "sentence", "actor_ids", "n_sources"]
# Actor types that speak or act; a statement's principal actors are these, else its places.
AGENT_TYPES = ("person", "org")


def build_timeline(dates: pd.DataFrame, mentions: pd.DataFrame, sentences: pd.DataFrame, *,
                   date_from: str | None = None, date_to: str | None = None) -> pd.DataFrame:
    """Assemble dated statements into events corroborated across documents.

    Statements (``kind == "date"`` with a resolved value) that name the same date and
    share a principal actor (the people and organisations in the sentence, else its
    states and places) form one event, whichever documents they come from.

    Args:
        dates: Output of ``tag_dates``.
        mentions: Output of ``tag_actors``.
        sentences: ``Corpus.sentences``, for the text of each statement.
        date_from: ISO date; keep the statements that end on or after it.
        date_to: ISO date; keep the statements that start on or before it.

    Returns:
        One row per dated statement: ``event_id, date_start, date_end, value,
        granularity, mod, doc_id, sent_id, sentence, actor_ids, n_sources``;
        ``actor_ids`` lists the sorted ids named in the sentence; ``n_sources`` counts
        the documents behind the event. Sorted by date, then document and offset.

    Example:
        >>> timeline = build_timeline(tag_dates(corpus), tag_actors(corpus), corpus.sentences)
        >>> timeline[["value", "actor_ids"]].values.tolist()[0]
        ['2025-04-26', ['kursk_oblast', 'valery_gerasimov', 'vladimir_putin']]
    """
    bounds_from, bounds_to = (_iso_day(value, name) for value, name in
                              ((date_from, "date_from"), (date_to, "date_to")))
    statements = dates[(dates["kind"] == "date") & ~dates["value"].str.contains("X")].copy()
    bounds = [period_bounds(value, granularity, mod) for value, granularity, mod in
              zip(statements["value"], statements["granularity"], statements["mod"], strict=True)]
    statements["date_start"] = pd.to_datetime([b[0] for b in bounds])
    statements["date_end"] = pd.to_datetime([b[1] for b in bounds])
    actors_by_sentence = mentions.groupby(["doc_id", "sent_id"]).apply(
        _sentence_actors, include_groups=False) if len(mentions) else pd.Series(dtype=object)
    keys = list(zip(statements["doc_id"], statements["sent_id"], strict=True))
    actor_pairs = [actors_by_sentence.get(key, ([], [])) for key in keys]
    statements["actor_ids"] = [pair[0] for pair in actor_pairs]
    principals = [pair[1] for pair in actor_pairs]
    sentence_text = sentences.set_index(["doc_id", "sent_id"])["text"]
    statements["sentence"] = [sentence_text.get(key, "") for key in keys]
    statements["_principals"] = principals
    statements = statements.sort_values(["date_start", "date_end", "doc_id", "start"],
                                        kind="stable").reset_index(drop=True)
    groups = _group_events(list(zip(statements["value"], statements["_principals"], strict=True)))
    order = {group: number for number, group in enumerate(dict.fromkeys(groups), 1)}
    statements["event_id"] = [f"E{order[group]:03d}" for group in groups]
    statements["n_sources"] = statements.groupby("event_id")["doc_id"].transform("nunique")
    if bounds_from is not None:
        statements = statements[statements["date_end"] >= bounds_from]
    if bounds_to is not None:
        statements = statements[statements["date_start"] <= bounds_to]
    timeline = statements[TIMELINE_COLUMNS].reset_index(drop=True)
    return timeline.astype({"event_id": "string", "value": "string", "granularity": "string",
                            "mod": "string", "doc_id": "string", "sent_id": "int64",
                            "sentence": "string", "n_sources": "int64"})


def _iso_day(value: str | None, name: str) -> pd.Timestamp | None:
    if value is None or value == "":
        return None
    try:
        return pd.Timestamp(date.fromisoformat(str(value)))
    except ValueError:
        raise ArgumentError(f"{name} must be an ISO date (YYYY-MM-DD), not {value!r}") from None


def _group_events(statements: list[tuple[str, list[str]]]) -> list[int]:
    """Give statements of one date that share a principal actor the same group number."""
    parent = list(range(len(statements)))

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    first_with: dict[tuple[str, str], int] = {}
    for index, (value, principals) in enumerate(statements):
        for actor_id in principals or [""]:
            other = first_with.setdefault((value, actor_id), index)
            parent[root(index)] = root(other)
    return [root(index) for index in range(len(statements))]


def _sentence_actors(group: pd.DataFrame) -> tuple[list[str], list[str]]:
    ids = sorted(set(group["actor_id"]))
    agents = sorted(set(group.loc[group["actor_type"].isin(AGENT_TYPES), "actor_id"]))
    return ids, agents or ids


def period_bounds(value: str, granularity: str, mod: str) -> tuple[date, date]:
    """Return the first and last day a TimeML value covers; START/MID/END keep a third.

    Example:
        >>> period_bounds("2025-04", "month", "END")
        (datetime.date(2025, 4, 21), datetime.date(2025, 4, 30))
    """
    bounds = value_period(value, granularity, mod)
    if bounds is None:
        raise ArgumentError(f"{value!r} names no stretch of the calendar")
    return bounds
