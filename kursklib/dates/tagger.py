""":mod:`kursklib.dates.tagger`: tag temporal expressions and normalise each to a TimeML value."""

from __future__ import annotations

import bisect
import gc
from dataclasses import replace
from datetime import date

import pandas as pd

from ..checks import checked
from ..corpus import Corpus, in_document_order
from ..errors import ArgumentError
from ..lang import load_language
from .anchor import Point
from .normalisers import NORMALISERS
from .reference import PUBLICATION, Hit, Reference, Timex
from .rules import DateLanguage, date_language
from .scan import Candidates, find_expressions, scanner_for

DATE_COLUMNS = ["doc_id", "sent_id", "start", "end", "surface", "type", "value", "granularity",
                "mod", "quant", "freq", "kind", "anchor", "timex_id", "anchor_id"]
_DTYPES = {column: "string" for column in DATE_COLUMNS} | {
    "sent_id": "int64", "start": "int64", "end": "int64"}
# Expressions that name a stretch of the calendar: later anaphoric ones count from them.
_ANTECEDENT_TYPES = ("DATE", "TIME")


@checked
def tag_dates(corpus: Corpus, *, reference_date: str | date | pd.Timestamp | None = None,
              language: str | None = None) -> pd.DataFrame:
    """Tag temporal expressions and normalise each to a TimeML (TIMEX3) value.

    Deictic expressions ("yesterday", "last week", "Friday", a month without a year)
    resolve against the document's publication date; anaphoric ones ("the following
    year", "a year earlier", "that day") against the date the text last named. Without
    a publication date, years come from the latest explicit year earlier in the
    document, else from ``reference_date``; never from today. Unresolvable values keep
    ``X`` placeholders (``XXXX-08-20``).

    Args:
        language: The language whose rules read every document (``None``: each
            document's own; a language without a ``dates`` section gives no rows).

    Returns:
        One row per expression: ``doc_id, sent_id, start, end, surface, type, value,
        granularity, mod, quant, freq, kind, anchor, timex_id, anchor_id``. ``type`` is
        the TimeML type (DATE | TIME | DURATION | SET); ``kind`` is date | relative |
        duration | set; ``anchor`` is explicit | published | previous | inferred | none;
        ``timex_id`` numbers a document's expressions (``t1``...) and ``anchor_id`` names
        the one a value was resolved against (``t0`` for the publication date).

    Example:
        >>> tag_dates(corpus)[["surface", "type", "value", "anchor_id"]].values.tolist()
        [['April 26', 'DATE', '2025-04-26', 't0'], ['Monday', 'DATE', '2025-04-28', 't0']]
    """
    collecting = gc.isenabled()
    gc.disable()  # many small acyclic objects (matches, rows): collection would only slow it
    try:
        return _tag_dates(corpus, reference_date, language)
    finally:
        if collecting:
            gc.enable()


def _tag_dates(corpus: Corpus, reference_date: str | date | pd.Timestamp | None,
               language: str | None) -> pd.DataFrame:
    if language is None:
        parts = [_tag_dates(part, reference_date, code)
                 for code, part in corpus.by_language() if load_language(code).sections["dates"]]
        return in_document_order(parts, corpus.documents) if parts else _frame([])
    compiled = date_language(language)
    fallback = None if reference_date is None else _as_date(reference_date)
    texts = corpus.documents["text"].tolist()
    index = corpus.sentence_index
    columns = [column.tolist() for column in (index.start, index.end, index.sent_id)]
    rows: list[tuple] = []
    for position, (doc_id, text, published, candidates) in enumerate(zip(
            corpus.documents["doc_id"].tolist(), texts, corpus.documents["published"].tolist(),
            scanner_for(language).candidates(texts), strict=True)):
        if not candidates.heads:
            continue
        here = index.rows(position)
        bounds = tuple(column[here.start:here.stop] for column in columns)
        rows.extend(_tag_document(doc_id, text, published, bounds, candidates, fallback,
                                  compiled))
    return _frame(rows)


def _frame(rows: list[tuple]) -> pd.DataFrame:
    columns = list(zip(*rows)) or [()] * len(DATE_COLUMNS)
    return pd.DataFrame({name: pd.array(list(values), dtype=_DTYPES[name])
                         for name, values in zip(DATE_COLUMNS, columns, strict=True)})


def _as_date(value: str | date | pd.Timestamp) -> date:
    try:
        day = pd.Timestamp(value)
    except (TypeError, ValueError):
        day = pd.NaT
    if pd.isna(day):
        raise ArgumentError(f"reference_date must be a date, not {value!r}")
    return day.date()


def _tag_document(doc_id: str, text: str, published: pd.Timestamp,
                  bounds: tuple[list[int], list[int], list[int]],
                  candidates: Candidates, fallback: date | None,
                  language: DateLanguage) -> list[tuple]:
    """Read one document's expressions in order, each against what came before it."""
    known = published is not pd.NaT
    reference = Reference(published.date() if known else None,
                          published.to_pydatetime() if known and _has_time(published) else None,
                          fallback, language, text, candidates.folded)
    starts, ends, ids = bounds
    rules = language.rules
    timexes: list[Timex] = []
    sentences: list[int] = []
    for match in find_expressions(text, candidates, language):
        # An expression belongs to the sentence it begins in, even where the sentence
        # splitter cut it ("Feb. 10" read as a sentence end).
        position = bisect.bisect_right(starts, match.start()) - 1
        if position < 0 or match.start() >= ends[position]:
            continue
        reference.sentence = (starts[position], ends[position])
        rule = rules[match.lastgroup]
        for timex in NORMALISERS[rule.normaliser](Hit(match, rule, language), reference):
            timexes.append(timex)
            sentences.append(ids[position])
            _remember(reference, timex, len(timexes) - 1)
    _borrow_years(text, timexes, language)
    return [(doc_id, sentence, t.start, t.end, text[t.start:t.end], t.type, t.value,
             t.granularity, t.mod, t.quant, t.freq, t.kind, t.anchor, f"t{index + 1}",
             _anchor_id(t))
            for index, (t, sentence) in enumerate(zip(timexes, sentences, strict=True))]


def _has_time(published: pd.Timestamp) -> bool:
    return bool(published.hour or published.minute or published.second)


def _remember(reference: Reference, timex: Timex, index: int) -> None:
    """Update what later expressions resolve against."""
    if timex.point is None or timex.type not in _ANTECEDENT_TYPES or timex.compared:
        return
    reference.previous = (timex.point, index)
    if timex.point.granularity in ("quarter", "half"):
        reference.previous_part = (timex.point, index)
    if timex.anchor == "explicit" and timex.granularity not in ("decade", "century"):
        reference.explicit_years.append((timex.start, timex.point.first.year))


def _anchor_id(timex: Timex) -> str:
    if timex.anchored_on is None:
        return ""
    return "t0" if timex.anchored_on == PUBLICATION else f"t{timex.anchored_on + 1}"


def _borrow_years(text: str, timexes: list[Timex], language: DateLanguage) -> None:
    """A month or day whose year came from tense alone takes the year of a coordinated
    date that names one ("July or August 2025")."""
    coordination = language.cues.get("coordination")
    if coordination is None:
        return
    for index in range(len(timexes) - 2, -1, -1):
        first, second = timexes[index], timexes[index + 1]
        if not first.open_year or second.point is None or second.open_year \
                or second.granularity not in ("day", "month") \
                or not coordination.fullmatch(text[first.end:second.start]):
            continue
        point = first.point
        try:
            moved = Point(point.granularity, point.first.replace(year=second.point.first.year),
                          point.code)
        except ValueError:
            continue
        timexes[index] = replace(first, value=moved.value, point=moved, anchor=second.anchor,
                                 open_year=False)
