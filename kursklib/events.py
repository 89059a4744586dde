""":mod:`kursklib.events`: one row per event of a timeline; events counted per day, week, month."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Literal

import pandas as pd

from .checks import Columns, Count, checked
from .lang import load_language
from .variables import as_dates

EVENT_COLUMNS = ["event_id", "date_start", "date_end", "value", "granularity", "mod", "when",
                 "label", "n_statements", "n_documents", "n_outlets", "n_independent",
                 "outlets", "origin_ids"]
PERIOD_COLUMNS = ["period", "period_start", "period_end", "n_events", "n_corroborated",
                  "n_single", "top_event_id", "top_when", "top_label", "top_n_independent",
                  "labelled"]
EventPeriod = Literal["auto", "day", "week", "month"]
# period="auto": days while most events span at most this many days, weeks up to the next.
AUTO_DAYS, AUTO_WEEKS = 92, 3 * 366
# An event is corroborated when at least this many independent origins report it.
CORROBORATED = 2


@checked
def count_events(timeline: Annotated[pd.DataFrame, Columns(
                     "event_id", "date_start", "date_end", "value", "granularity", "mod", "label",
                     "n_documents", "n_outlets", "n_independent", "source", "origin_id",
                     made_by="build_timeline")], *, top: Count | None = None,
                 granularities: Sequence[str] | None = None, language: str = "en"
                 ) -> pd.DataFrame:
    """Count each event of a timeline once: when, what, and who reports it.

    Args:
        timeline: Output of ``build_timeline``.
        top: Keep only this many events, those with the most independent origins (then
            the most documents, then the earliest); ``None`` keeps every event.
        granularities: Keep only events of these granularities (``None``: all).
        language: Words for ``when`` (the mod words and month abbreviations of its
            ``calendar`` section).

    Returns:
        One row per event, by date: ``event_id, date_start, date_end, value,
        granularity, mod, when, label, n_statements, n_documents, n_outlets,
        n_independent, outlets, origin_ids``. ``when`` says the date in words ("late
        Aug 2025", "around 26 Apr 2025"); ``outlets`` lists the known sources, sorted,
        ``origin_ids`` the first document of each independent origin.

    Example:
        >>> mentions = tag_actors(corpus)
        >>> timeline = build_timeline(tag_dates(corpus), mentions, tag_tokens(corpus, mentions),
        ...                           corpus.sentences, corpus.documents)
        >>> count_events(timeline)[["when", "label", "n_independent"]].values.tolist()[0]
        ['26 Apr 2025', 'Valery Gerasimov: liberate', 1]
    """
    rows = timeline if granularities is None else timeline[
        timeline["granularity"].isin(list(granularities))]
    grouped = rows.groupby("event_id", sort=False)
    events = grouped.first()[["date_start", "date_end", "value", "granularity", "mod", "label",
                              "n_documents", "n_outlets", "n_independent"]].reset_index()
    lists: dict[str, dict[str, dict]] = {"outlets": {}, "origin_ids": {}}
    for event_id, source, origin_id in zip(rows["event_id"].tolist(),
                                           rows["source"].astype(object).tolist(),
                                           rows["origin_id"].tolist(), strict=True):
        if isinstance(source, str):
            lists["outlets"].setdefault(event_id, {})[source] = None
        lists["origin_ids"].setdefault(event_id, {})[origin_id] = None
    events = events.assign(
        n_statements=grouped.size().to_numpy(),
        outlets=[sorted(lists["outlets"].get(event_id, ())) for event_id in events["event_id"]],
        origin_ids=[list(lists["origin_ids"][event_id]) for event_id in events["event_id"]])
    events["when"] = [describe_when(*row, language=language) for row in zip(
        events["date_start"], events["date_end"], events["granularity"], events["mod"],
        strict=True)]
    if top is not None:
        chosen = events.sort_values(["n_independent", "n_documents", "date_start", "event_id"],
                                    ascending=[False, False, True, True], kind="stable")
        events = events[events["event_id"].isin(chosen["event_id"].head(top))]
    events = events.sort_values(["date_start", "date_end", "event_id"], kind="stable")
    return events[EVENT_COLUMNS].reset_index(drop=True).astype({
        "event_id": "string", "value": "string", "granularity": "string", "mod": "string",
        "when": "string", "label": "string", "n_statements": "int64"})


@checked
def count_event_periods(events: Annotated[pd.DataFrame, Columns(
                            "event_id", "date_start", "date_end", "when", "label",
                            "n_documents", "n_independent", made_by="count_events")],
                        *, period: EventPeriod = "auto",
                        top: Count = 6) -> pd.DataFrame:
    """Count the events dated within each day, week or month, and name the best reported.

    An event counts in a period when its whole date lies inside it (with weeks, events
    dated to a day or a week; a month-long event counts only by month). Periods without
    events are left out.

    Args:
        events: Output of ``count_events``.
        period: ``"day"``, ``"week"`` (Monday to Sunday), ``"month"``, or ``"auto"``:
            days for events within ``AUTO_DAYS`` days, weeks within ``AUTO_WEEKS``, else
            months.
        top: The periods whose best-reported event is labelled (``labelled``): the
            ``top`` with the most independent origins, if corroborated.

    Returns:
        One row per period with events, by date: ``period, period_start, period_end,
        n_events, n_corroborated, n_single, top_event_id, top_when, top_label,
        top_n_independent, labelled``; ``n_corroborated`` counts the events that
        ``CORROBORATED`` or more independent origins report, ``n_single`` the others.

    Example:
        >>> mentions = tag_actors(corpus)
        >>> timeline = build_timeline(tag_dates(corpus), mentions, tag_tokens(corpus, mentions),
        ...                           corpus.sentences, corpus.documents)
        >>> periods = count_event_periods(count_events(timeline), period="month")
        >>> periods[["period_start", "n_events"]].values.tolist()
        [[Timestamp('2025-04-01 00:00:00'), 2]]
    """
    events = events.assign(**{column: as_dates(events[column], f"count_event_periods: events."
                                                f"{column}") for column in ("date_start",
                                                                            "date_end")})
    chosen = _auto_period(events) if period == "auto" else period
    first, last = (_period_start(events[column], chosen) for column in ("date_start", "date_end"))
    inside = events[(first == last).to_numpy()].assign(period_start=first[first == last])
    inside = inside.sort_values(["period_start", "n_independent", "n_documents", "date_start",
                                 "event_id"], ascending=[True, False, False, True, True],
                                kind="stable")
    grouped = inside.groupby("period_start", sort=True)
    best = grouped.first()
    corroborated = grouped["n_independent"].agg(lambda found: int((found >= CORROBORATED).sum()))
    periods = pd.DataFrame({
        "period": chosen, "period_start": best.index,
        "period_end": [_period_end(start, chosen) for start in best.index],
        "n_events": grouped.size().to_numpy(), "n_corroborated": corroborated.to_numpy(),
        "top_event_id": best["event_id"].to_numpy(), "top_when": best["when"].to_numpy(),
        "top_label": best["label"].to_numpy(),
        "top_n_independent": best["n_independent"].to_numpy()})
    periods["n_single"] = periods["n_events"] - periods["n_corroborated"]
    ranked = periods[periods["top_n_independent"] >= CORROBORATED].sort_values(
        ["top_n_independent", "period_start"], ascending=[False, True], kind="stable")
    periods["labelled"] = periods.index.isin(ranked.index[:top])
    return periods[PERIOD_COLUMNS].reset_index(drop=True).astype({
        "period": "string", "n_events": "int64", "n_corroborated": "int64", "n_single": "int64",
        "top_event_id": "string", "top_when": "string", "top_label": "string",
        "top_n_independent": "int64"})


def describe_when(first: pd.Timestamp, last: pd.Timestamp, granularity: str, mod: str, *,
                  language: str = "en") -> str:
    """Say an event's date in words: its mod as a word, then the day, month or years.

    Example:
        >>> describe_when(pd.Timestamp("2024-09-01"), pd.Timestamp("2024-12-31"), "year", "END")
        'late 2024'
    """
    words = load_language(language)
    months = [min(names, key=len) for names in words.months]
    mod = "" if pd.isna(mod) else str(mod)
    said = {"day": f"{first.day} {months[first.month - 1]} {first.year}",
            "month": f"{months[first.month - 1]} {first.year}", "year": f"{first.year}"}
    if granularity == "week":
        text = (f"{first.day}–{last.day} {months[last.month - 1]} {last.year}"
                if first.month == last.month else f"{first.day} {months[first.month - 1]}–"
                f"{last.day} {months[last.month - 1]} {last.year}")
    elif granularity in said:
        text = said[granularity]
    else:  # decades, centuries and what else names several years: the years
        return f"{first.year}–{last.year}"
    word = dict(words.sections.get("calendar", {}).get("mod_words", {})).get(mod, "")
    return f"{word} {text}" if word else text


def _auto_period(events: pd.DataFrame) -> str:
    """Days, weeks or months, by how long most events dated to a month or better span
    (the middle 98 %: a few events years away do not make every bar a month)."""
    dated = events.loc[(events["date_end"] - events["date_start"]).dt.days < 31, "date_start"]
    if dated.empty:
        return "month"
    span = (dated.quantile(0.99) - dated.quantile(0.01)).days
    return "day" if span <= AUTO_DAYS else "week" if span <= AUTO_WEEKS else "month"


def _period_start(days: pd.Series, period: str) -> pd.Series:
    days = pd.to_datetime(days)
    if period == "day":
        return days.dt.normalize()
    if period == "week":
        return (days - pd.to_timedelta(days.dt.day_of_week, unit="D")).dt.normalize()
    return days.dt.to_period("M").dt.start_time


def _period_end(start: pd.Timestamp, period: str) -> pd.Timestamp:
    return start + {"day": pd.Timedelta(0), "week": pd.Timedelta(days=6)}.get(
        period, pd.offsets.MonthEnd(0))

