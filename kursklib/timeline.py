""":mod:`kursklib.timeline`: line dated statements up as events corroborated across documents."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

import numpy as np
import pandas as pd

from .errors import ArgumentError

TIMELINE_COLUMNS = ["event_id", "date_start", "date_end", "value", "granularity", "mod",
                    "doc_id", "sent_id", "sentence", "actor_ids", "n_sources"]
# Actor types that speak or act; a statement's principal actors are these, else its places.
AGENT_TYPES = ("person", "org")
# Longer sentences are cut to this many characters around the expression.
EXCERPT_CHARS = 320


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
        ``sentence`` is the statement's sentence, cut to ``EXCERPT_CHARS`` around the
        expression (with "…") when longer; ``actor_ids`` lists the sorted ids named in
        the sentence; ``n_sources`` counts the documents behind the event. Sorted by
        date, then document and offset.

    Example:
        >>> timeline = build_timeline(tag_dates(corpus), tag_actors(corpus), corpus.sentences)
        >>> timeline[["value", "actor_ids"]].values.tolist()[0]
        ['2025-04-26', ['kursk_oblast', 'valery_gerasimov', 'vladimir_putin']]
    """
    bounds_from, bounds_to = (_iso_day(value, name) for value, name in
                              ((date_from, "date_from"), (date_to, "date_to")))
    statements = dates[(dates["kind"] == "date") & ~dates["value"].str.contains("X")]
    periods = statements[["value", "granularity", "mod"]].astype(object)
    codes, distinct = pd.factorize(pd.Series(list(zip(*(periods[c] for c in periods.columns))),
                                             dtype=object))
    bounds = [period_bounds(*period) for period in distinct]
    statements = statements.assign(
        date_start=pd.to_datetime([bounds[code][0] for code in codes]),
        date_end=pd.to_datetime([bounds[code][1] for code in codes]))
    statements = statements.sort_values(["date_start", "date_end", "doc_id", "start"],
                                        kind="stable").reset_index(drop=True)
    ids, principals = _sentence_actors(statements, mentions)
    statements["actor_ids"] = ids
    statements["sentence"] = _excerpts(statements, sentences)
    statements["event_id"] = [f"E{number:03d}" for number in
                              pd.factorize(_group_events(statements["value"], principals))[0] + 1]
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


def _sentence_actors(statements: pd.DataFrame, mentions: pd.DataFrame
                     ) -> tuple[list[list[str]], list[list[str]]]:
    """Per statement: the sorted actor ids of its sentence, and its principal actors."""
    keys = statements[["doc_id", "sent_id"]].drop_duplicates()
    named = mentions[["doc_id", "sent_id", "actor_id", "actor_type"]].merge(
        keys, on=["doc_id", "sent_id"]).drop_duplicates(["doc_id", "sent_id", "actor_id"])
    named = named.sort_values(["doc_id", "sent_id", "actor_id"], kind="stable")
    by_sentence = named.groupby(["doc_id", "sent_id"], observed=True)["actor_id"].agg(list)
    agents = named[named["actor_type"].isin(AGENT_TYPES)].groupby(
        ["doc_id", "sent_id"], observed=True)["actor_id"].agg(list)
    index = pd.MultiIndex.from_frame(statements[["doc_id", "sent_id"]])
    ids = [list(found) if isinstance(found, list) else []
           for found in by_sentence.reindex(index).tolist()]
    leads = [list(found) if isinstance(found, list) else []
             for found in agents.reindex(index).tolist()]
    return ids, [lead or every for lead, every in zip(leads, ids, strict=True)]


def _excerpts(statements: pd.DataFrame, sentences: pd.DataFrame) -> list[str]:
    """Each statement's sentence, or EXCERPT_CHARS of it around the expression."""
    found = statements[["doc_id", "sent_id"]].merge(
        sentences[["doc_id", "sent_id", "start", "text"]], on=["doc_id", "sent_id"], how="left")
    excerpts = []
    for text, sentence_start, start, end in zip(
            found["text"].fillna("").tolist(), found["start"].fillna(0).astype(int).tolist(),
            statements["start"].tolist(), statements["end"].tolist(), strict=True):
        if len(text) <= EXCERPT_CHARS:
            excerpts.append(text)
            continue
        middle = (start + end) // 2 - sentence_start
        first = min(max(middle - EXCERPT_CHARS // 2, 0), len(text) - EXCERPT_CHARS)
        last = first + EXCERPT_CHARS
        excerpts.append(("…" if first else "") + text[first:last] + ("…" if last < len(text)
                                                                      else ""))
    return excerpts


def _group_events(values: pd.Series, principals: list[list[str]]) -> np.ndarray:
    """Per statement, the first statement of its event: statements of one date that share
    a principal actor, directly or through others, are one event."""
    if values.empty:
        return np.zeros(0, dtype=np.int64)
    pairs = pd.DataFrame([(row, value, actor_id) for row, (value, actors) in
                          enumerate(zip(values.tolist(), principals, strict=True))
                          for actor_id in actors or [""]], columns=["row", "value", "actor"])
    key = pd.factorize(pd.Series(list(zip(pairs["value"], pairs["actor"])), dtype=object))[0]
    row = pairs["row"].to_numpy()
    label = np.arange(len(values))
    while True:  # each statement takes the smallest label among statements sharing a key
        smallest = np.full(key.max(initial=-1) + 1, len(values))
        np.minimum.at(smallest, key, label[row])
        spread = label.copy()
        np.minimum.at(spread, row, smallest[key])
        if np.array_equal(spread, label):
            return label
        label = spread


def period_bounds(value: str, granularity: str, mod: str) -> tuple[date, date]:
    """Return the first and last day a TimeML value covers; START/MID/END keep a third.

    Example:
        >>> period_bounds("2025-04", "month", "END")
        (datetime.date(2025, 4, 21), datetime.date(2025, 4, 30))
    """
    third = ("START", "MID", "END").index(mod) if mod in ("START", "MID", "END") else None
    if granularity == "day":
        day = date.fromisoformat(value)
        return day, day
    if granularity == "week":
        year, week = value.split("-W")
        first = date.fromisocalendar(int(year), int(week), 1)
        return first, first + timedelta(6)
    if granularity == "month":
        year, month = (int(part) for part in value.split("-"))
        last_day = calendar.monthrange(year, month)[1]
        first_day, end_day = ((1, last_day) if third is None
                              else ((1, 10), (11, 20), (21, last_day))[third])
        return date(year, month, first_day), date(year, month, end_day)
    if granularity == "year":
        year = int(value)
        first_month, last_month = (1, 12) if third is None else ((1, 4), (5, 8), (9, 12))[third]
        return (date(year, first_month, 1),
                date(year, last_month, calendar.monthrange(year, last_month)[1]))
    span = 10 if granularity == "decade" else 100
    first_year = int(value) * span + (1 if span == 100 else 0)
    if third is not None:
        size = span // 3
        first_year, last_year = first_year + size * third, (
            first_year + size * (third + 1) - 1 if third < 2 else first_year + span - 1)
    else:
        last_year = first_year + span - 1
    return date(first_year, 1, 1), date(last_year, 12, 31)

