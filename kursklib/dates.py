"""Find temporal expressions, normalise them to TimeML ISO values, and build a timeline."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

import numpy as np
import pandas as pd

from .corpus import Corpus
from .matching import CharacterTable, FoldedMatcher

DATE_COLUMNS = ["doc_id", "sent_id", "start", "end", "surface", "value", "granularity", "mod",
                "kind", "anchor"]

MONTHS = {name: number for number, names in enumerate([
    ("January", "Jan"), ("February", "Feb"), ("March", "Mar"), ("April", "Apr"), ("May",),
    ("June", "Jun"), ("July", "Jul"), ("August", "Aug"), ("September", "Sept", "Sep"),
    ("October", "Oct"), ("November", "Nov"), ("December", "Dec")], start=1) for name in names}
WEEKDAYS = {name: number for number, name in enumerate(
    ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"))}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
    "several": None, "a few": None, "few": None, "many": None, "a couple of": 2,
}
ORDINAL_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
                 "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}
UNITS = {"day": ("D", "day"), "week": ("W", "week"), "month": ("M", "month"),
         "year": ("Y", "year"), "decade": ("DE", "decade"), "century": ("CE", "century")}
MODS = {"early": "START", "beginning": "START", "start": "START", "first half": "START",
        "mid": "MID", "middle": "MID", "late": "END", "end": "END", "second half": "END",
        "around": "APPROX", "about": "APPROX", "approximately": "APPROX", "circa": "APPROX",
        "roughly": "APPROX"}
VAGUE = {"recently": "PAST_REF", "the past": "PAST_REF",
         "now": "PRESENT_REF", "currently": "PRESENT_REF", "at present": "PRESENT_REF",
         "nowadays": "PRESENT_REF", "presently": "PRESENT_REF", "the future": "FUTURE_REF",
         "soon": "FUTURE_REF"}

_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
          r"December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.)")
_MONTH_BEFORE_DAY = (r"(?:January|February|March|April|May|June|July|August|September|October|"
                     r"November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)")
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d\w])"
_YEAR = r"(?<!\d)(?<!\d[,.])(?:1[5-9]\d\d|20\d\d)(?!\d)(?![,.]\d)"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_NUMBER = (r"(?:\d{1,3}|a\s+couple\s+of|a\s+few|an?|one|two|three|four|five|six|seven|eight|"
           r"nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|"
           r"nineteen|twenty|thirty|forty|fifty|hundred|several|few|many)")
_UNIT = r"(?:days?|weeks?|months?|years?|decades?|century|centuries)"
_MOD = (r"(?:(?P<{p}_mod>(?:the\s+)?(?:beginning|start|end|middle|first\s+half|second\s+half)"
        r"\s+of|early|late|mid|around|about|approximately|circa|roughly)(?:\s+|-)(?:the\s+)?)?")

TEMPORAL_PATTERN = re.compile("|".join([
    r"(?P<iso>(?<![\d-])(?P<iso_y>\d{4})-(?P<iso_m>0[1-9]|1[0-2])-(?P<iso_d>0[1-9]|[12]\d|3[01])"
    r"(?![\d-]))",
    r"(?P<dotted>(?<![\d.])(?P<dot_d>0?[1-9]|[12]\d|3[01])\.(?P<dot_m>0?[1-9]|1[0-2])\."
    r"(?P<dot_y>\d{4})(?!\d))",
    rf"(?P<ordof>(?:the\s+)?(?P<ordof_d>{_DAY})\s+of\s+(?P<ordof_m>{_MONTH_BEFORE_DAY})"
    rf"(?:,?\s+(?P<ordof_y>{_YEAR}))?)",
    rf"(?P<mdy>(?P<mdy_m>{_MONTH_BEFORE_DAY})\s+(?P<mdy_d>{_DAY})(?:,?\s+(?P<mdy_y>{_YEAR}))?)",
    rf"(?P<dmy>(?<![\d.])(?P<dmy_d>{_DAY})\s+(?P<dmy_m>{_MONTH})(?:,?\s+(?P<dmy_y>{_YEAR}))?)",
    rf"(?P<month>{_MOD.format(p='month')}(?P<month_m>{_MONTH})(?:,?\s+(?P<month_y>{_YEAR})"
    rf"|\s+(?P<month_rel>this|last|next)\s+year)?(?![\w-]))",
    r"(?P<century>(?:the\s+)?(?P<century_n>[12]?\d)(?:st|nd|rd|th)\s+century)",
    r"(?P<decade>(?:the\s+)?(?P<decade_y>1[5-9]\d|20\d)0['’]?s)",
    rf"(?P<year>{_MOD.format(p='year')}(?P<year_y>{_YEAR}))",
    rf"(?P<weekday>(?:(?P<weekday_rel>last|next|this|past|coming)\s+)?(?P<weekday_d>{_WEEKDAY})"
    rf"(?:\s+(?:morning|afternoon|evening|night))?)",
    r"(?P<deictic>\b(?:[Yy]esterday|[Tt]oday|[Tt]omorrow|[Tt]onight)\b)",
    rf"(?P<ago>\b(?P<ago_n>{_NUMBER})(?:\s+or\s+(?P<ago_n2>{_NUMBER}))?\s+(?P<ago_u>{_UNIT})"
    rf"\s+ago\b)",
    rf"(?P<span>\b(?:the\s+)?(?:past|last|previous|next|coming)\s+(?P<span_n>{_NUMBER})\s+"
    rf"(?P<span_u>{_UNIT})\b)",
    r"(?P<spanone>\bthe\s+(?:past|last|previous)\s+(?P<spanone_u>week|month|year|decade)\b)",
    r"(?P<relative>\b(?:(?P<relative_adv>[Ee]arlier|[Ll]ater)\s+)?(?P<relative_det>[Tt]his|[Ll]ast|"
    r"[Nn]ext|[Pp]revious|[Cc]urrent)\s+(?P<relative_u>week|month|year|decade|century)\b)",
    r"(?P<recent>\brecent\s+(?:days|weeks|months|years|decades)\b)",
    r"(?P<ordinal>\b(?P<ordinal_n>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
    r"tenth|\d+(?:st|nd|rd|th))\s+year\b(?!\s+of\b))",
    rf"(?P<duration>\b(?P<duration_n>{_NUMBER})\s+(?P<duration_u>{_UNIT})\b"
    rf"(?!\s+(?:ago|old|later|earlier)\b))",
    r"(?P<plural>\b(?P<plural_u>days|weeks|months|years|decades|centuries)\b(?!\s+ago\b))",
    r"(?P<vague>\b(?:[Rr]ecently|[Cc]urrently|[Nn]owadays|[Pp]resently|(?<!as\s)soon(?!\s+as\b)|(?<=\s)now|"
    r"(?<=[Uu]ntil\s)now|at\s+present|(?<=in\s)the\s+(?:past|future))\b)",
]))
# "May" is a month only with a date context; otherwise it is the modal verb.
_MAY_CONTEXT = re.compile(r"\b(?:in|of|since|until|by|from|to|early|late|mid|last|next|this|"
                          r"through|during|between|and|or)\s+(?:the\s+)?$|[-–]\s*$", re.IGNORECASE)
# Words of the future, searched in lower-cased sentences (faster than IGNORECASE).
_FUTURE = re.compile(r"\b(?:will|shall|won['’]t|going\s+to|plans?\s+to|intends?\s+to|expected\s+to"
                     r"|scheduled|set\s+to|due\s+to|preparing\s+to|is\s+to|are\s+to|upcoming|"
                     r"would\s+(?:be\s+)?(?:held|hold|visit|meet|take\s+place))\b")
_COORDINATION = re.compile(r"\s*(?:,|or|and|to|through|until|till|-|–|—)\s*")
# The group holding the year, in the expressions that can name one.
_YEAR_GROUPS = {"iso": "iso_y", "dotted": "dot_y", "ordof": "ordof_y", "mdy": "mdy_y",
                "dmy": "dmy_y", "month": "month_y", "year": "year_y"}
# "Russia Today", "USA Today": a capitalised word just before a capitalised deictic.
_NAME_BEFORE = re.compile(r"[A-Z][\w.]*\s+$")
# Every temporal expression contains one of these heads (lower-cased stems) or a digit.
# TEMPORAL_PATTERN is tried only at word starts shortly before a head: a full scan with
# its many alternatives costs a microsecond per character.
HEAD_STEMS = (
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "day", "week", "month", "year", "decade", "centur", "yesterday", "today", "tomorrow",
    "tonight", "recent", "current", "nowadays", "present", "soon", "now", "future", "past",
    *"0123456789",
)
# The longest text an expression has before its head ("the second half of the ").
_LEAD = 28
_WORD = re.compile(r"\w+")
# Lower-cased words an expression can begin with, besides digits, months and weekdays.
STARTERS = frozenset("""
    the early late mid around about approximately circa roughly beginning start end middle
    first second third fourth fifth sixth seventh eighth ninth tenth last next this past
    coming previous current earlier later recent recently currently nowadays presently soon
    now at yesterday today tomorrow tonight a an one two three four five six seven eight
    nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen
    twenty thirty forty fifty hundred several few many days weeks months years decades
    centuries
""".split()) | {name.lower() for name in (*MONTHS, *WEEKDAYS)}
_STARTER_WIDTH = max(map(len, STARTERS))
# Each starter as a number: its letters a..z as digits 1..26 in base 27, first lowest.
_STARTER_KEYS = np.array(sorted(sum((ord(char) - ord("a") + 1) * 27 ** index
                                    for index, char in enumerate(word)) for word in STARTERS),
                         dtype=np.int64)


@lru_cache(maxsize=1)
def _stem_matcher() -> FoldedMatcher:
    return FoldedMatcher([stem for stem in HEAD_STEMS if not stem.isdigit()], whole_words=False)


@lru_cache(maxsize=1)
def _is_digit() -> CharacterTable:
    return CharacterTable(str.isdigit, bool)


def _find_candidates(texts: list[str]) -> list[tuple[list[int], list[int]]]:
    """Per text, in order: where heads begin (a stem at a word start, or an ASCII digit not
    after a digit, as in "mid-2025"), and where words that can start an expression begin
    within ``_LEAD`` before a head (see ``_starter_words``)."""
    hits = _stem_matcher().find(texts)
    points, offsets = hits.points, hits.offsets
    digits = np.flatnonzero((points >= ord("0")) & (points <= ord("9")))
    digits = digits[~_is_digit()(points[digits - 1])]
    heads = np.union1d(offsets[hits.doc] + hits.start, digits)
    starters = _starter_words(points, heads)
    head_bounds = np.searchsorted(heads, offsets)
    starter_bounds = np.searchsorted(starters, offsets)
    return [((heads[head_bounds[doc]:head_bounds[doc + 1]] - offsets[doc]).tolist(),
             (starters[starter_bounds[doc]:starter_bounds[doc + 1]] - offsets[doc]).tolist())
            for doc in range(len(texts))]


def _starter_words(points: np.ndarray, heads: np.ndarray) -> np.ndarray:
    """Starts of the words (``\\w+`` runs) beginning up to ``_LEAD`` before a head that
    begin with a digit (``str.isdigit``) or lower-case to one of ``STARTERS``, in order.

    Read in a window of characters around every head at once: one character before the
    window tells whether its first word is cut, and the characters after the head let
    the longest starter end there.
    """
    shifts = np.arange(-_LEAD - 1, _STARTER_WIDTH + 2)
    # One row per shift, one column per head: the scan below walks rows.
    chars = points[np.clip(heads + shifts[:, None], 0, len(points) - 1)]
    is_word = _is_word()(chars.ravel()).reshape(chars.shape)
    begins = np.zeros_like(is_word)
    begins[1:] = is_word[1:] & ~is_word[:-1]
    begins[shifts > 0] = False
    # Last shift first, the number each word's rest spells (its letters lower-cased to
    # a..z as digits 1..26 in base 27, first lowest; 27 for any other) and its length.
    letters = _starter_letter()(chars.ravel()).reshape(chars.shape).astype(np.int64)
    keys, lengths = letters.copy(), is_word.astype(np.int64)
    for shift in range(len(shifts) - 2, -1, -1):
        going_on = is_word[shift + 1]
        keys[shift] += np.where(going_on, 27 * keys[shift + 1], 0)
        lengths[shift] = np.where(is_word[shift], 1 + going_on * lengths[shift + 1], 0)
    first, columns = np.nonzero(begins)
    length, key = lengths[first, columns], keys[first, columns]
    found = _STARTER_KEYS[np.minimum(np.searchsorted(_STARTER_KEYS, key), len(_STARTER_KEYS) - 1)]
    # A word that runs to the last shift may go on; no starter is that long.
    starter = (length <= _STARTER_WIDTH) & (first + length < len(shifts)) & (found == key)
    digit = _is_digit()(chars[first, columns])
    return np.unique((heads[columns] + shifts[first])[starter | digit])


@lru_cache(maxsize=1)
def _is_word() -> CharacterTable:
    return CharacterTable(lambda char: bool(_WORD.match(char)), bool)


@lru_cache(maxsize=1)
def _starter_letter() -> CharacterTable:
    """1..26 for a character that lower-cases to a..z, else 27 (in no starter)."""
    def letter(char: str) -> int:
        lowered = char.lower()
        return ord(lowered) - ord("a") + 1 if len(lowered) == 1 and "a" <= lowered <= "z" else 27
    return CharacterTable(letter, np.uint8)


# Counts that follow a number that looks like a year ("2000 troops").
_COUNT_NOUN = re.compile(r"\s+[a-z]+s\b")


@dataclass(frozen=True)
class _Reference:
    """What one document's relative expressions resolve against."""

    day: date | None
    anchor: str  # "published" or "inferred"
    explicit_years: list[tuple[int, int]]  # (offset, year) of explicit years, in order

    def year_before(self, offset: int) -> int | None:
        position = bisect.bisect_right(self.explicit_years, (offset, 10_000)) - 1
        return self.explicit_years[position][1] if position >= 0 else None


def tag_dates(corpus: Corpus, *, reference_date: str | date | pd.Timestamp | None = None
              ) -> pd.DataFrame:
    """Tag temporal expressions and normalise each to a TimeML-style ISO value.

    Partial dates resolve against the document's publication date; without one, against
    the latest explicit year earlier in the document, else ``reference_date``; never
    against today. Unresolvable values keep ``X`` placeholders (``XXXX-08-20``).

    Returns:
        One row per expression: ``doc_id, sent_id, start, end, surface, value,
        granularity, mod, kind, anchor``. ``kind`` is date | relative | duration;
        ``anchor`` is explicit | published | inferred | none.

    Example:
        >>> tag_dates(corpus)[["surface", "value", "anchor"]].values.tolist()
        [['April 26', '2025-04-26', 'published'], ['Monday', '2025-04-28', 'published']]
    """
    fallback = None if reference_date is None else pd.Timestamp(reference_date).date()
    rows = []
    texts = corpus.documents["text"].tolist()
    index = corpus.sentence_index
    for position, (doc_id, text, published, candidates) in enumerate(zip(
            corpus.documents["doc_id"].tolist(), texts, corpus.documents["published"].tolist(),
            _find_candidates(texts), strict=True)):
        rows_here = index.rows(position)
        bounds = tuple(column[rows_here.start:rows_here.stop].tolist()
                       for column in (index.start, index.end, index.sent_id))
        rows.extend(_tag_document(doc_id, text, published, bounds, candidates, fallback))
    frame = pd.DataFrame(rows, columns=DATE_COLUMNS)
    return frame.astype({"doc_id": "string", "sent_id": "int64", "start": "int64", "end": "int64",
                         "surface": "string", "value": "string", "granularity": "string",
                         "mod": "string", "kind": "string", "anchor": "string"})


def _tag_document(doc_id: str, text: str, published: pd.Timestamp,
                  bounds: tuple[list[int], list[int], list[int]],
                  candidates: tuple[list[int], list[int]], fallback: date | None) -> list[tuple]:
    starts, ends, ids = bounds
    matches = []
    for match in _find_expressions(text, *candidates):
        position = bisect.bisect_right(starts, match.start()) - 1
        if position < 0 or match.end() > ends[position] or not _is_temporal(text, match):
            continue
        matches.append((position, match))
    explicit_years = [(m.start(), int(year)) for _, m in matches
                      for year in [_explicit_year(m)] if year is not None]
    if pd.notna(published):
        reference = _Reference(published.date(), "published", explicit_years)
    else:
        reference = _Reference(fallback, "inferred", explicit_years)
    rows = []
    borrowed_years = _coordinated_years(text, [m for _, m in matches])
    future_by_sentence: dict[int, bool] = {}
    for position, match in matches:
        if _needs_tense(match) and position not in future_by_sentence:
            future_by_sentence[position] = bool(
                _FUTURE.search(text[starts[position]:ends[position]].lower()))
        future = future_by_sentence.get(position, False)
        for start, end, value, granularity, mod, kind, anchor in _normalise(
                match, reference, future, borrowed_years.get(match.start())):
            rows.append((doc_id, ids[position], start, end, text[start:end], value, granularity,
                         mod, kind, anchor))
    return rows


def _find_expressions(text: str, heads: list[int], starters: list[int]
                      ) -> Iterator[re.Match[str]]:
    """Yield what ``TEMPORAL_PATTERN.finditer`` would, trying it only near ``heads``."""
    position = 0
    for head in heads:
        if head < position:
            continue
        while head >= position:
            match = _first_match(text, max(position, head - _LEAD), head, starters)
            if match is None:
                break
            yield match
            position = match.end()


def _first_match(text: str, low: int, head: int, starters: list[int]) -> re.Match[str] | None:
    """The leftmost expression starting at a word start between ``low`` and ``head``.

    Words are ``\\w+`` runs from ``low`` on, the one at ``low`` only if no letter or
    digit comes before it; ``starters`` lists the words after ``low`` that can start one.
    """
    first = _WORD.match(text, low)
    starts = [low] if first is not None and not (low and text[low - 1].isalnum()) and (
        text[low].isdigit() or first.group().lower() in STARTERS) else []
    index = bisect.bisect_right(starters, low)
    starts += starters[index:bisect.bisect_right(starters, head, lo=index)]
    for start in starts:
        match = TEMPORAL_PATTERN.match(text, start)
        if match is not None and match.end() > match.start():
            return match
    return None


def _is_temporal(text: str, match: re.Match[str]) -> bool:
    """Reject look-alikes: the modal "may", counts that look like years."""
    if match.group("month") and match.group("month_m") == "May" and not match.group("month_mod") \
            and not match.group("month_y") and not match.group("month_rel"):
        return bool(_MAY_CONTEXT.search(text[max(0, match.start() - 20):match.start()]))
    if match.group("year") and not match.group("year_mod"):
        return not _COUNT_NOUN.match(text, match.end())
    if match.group("deictic") and match.group()[0].isupper():
        return not _NAME_BEFORE.search(text, max(0, match.start() - 30), match.start())
    return True


def _needs_tense(match: re.Match[str]) -> bool:
    """Whether the value depends on the sentence speaking of the future: a weekday, or a
    day or month without a year of its own."""
    kind = match.lastgroup
    if kind in ("ordof", "mdy", "dmy"):
        return not match.group(f"{kind}_y")
    if kind == "month":
        return not (match.group("month_y") or match.group("month_rel"))
    return kind == "weekday"


def _explicit_year(match: re.Match[str]) -> str | None:
    group = _YEAR_GROUPS.get(match.lastgroup)
    return match.group(group) or None if group else None


def _coordinated_years(text: str, matches: list[re.Match[str]]) -> dict[int, re.Match[str]]:
    """A bare month coordinated with a dated one borrows its year ("July or August 2025")."""
    borrowed = {}
    for first, second in zip(matches, matches[1:], strict=False):
        if (first.group("month") and not first.group("month_y") and not first.group("month_rel")
                and (second.group("month") or second.group("mdy") or second.group("dmy"))
                and _COORDINATION.fullmatch(text[first.end():second.start()])):
            borrowed[first.start()] = second
    return borrowed


def _normalise(match: re.Match[str], reference: _Reference, future: bool,
               partner: re.Match[str] | None) -> list[tuple]:
    """Turn one match into ``(start, end, value, granularity, mod, kind, anchor)`` rows."""
    kind = match.lastgroup
    start, end = match.span()
    if kind == "iso":
        day = _safe_date(int(match["iso_y"]), int(match["iso_m"]), int(match["iso_d"]))
        return [] if day is None else [(start, end, day.isoformat(), "day", "", "date",
                                        "explicit")]
    if kind == "dotted":
        day = _safe_date(int(match["dot_y"]), int(match["dot_m"]), int(match["dot_d"]))
        return [] if day is None else [(start, end, day.isoformat(), "day", "", "date",
                                        "explicit")]
    if kind in ("ordof", "mdy", "dmy"):
        month = MONTHS[match[f"{kind}_m"].rstrip(".")]
        day_number = int(re.match(r"\d+", match[f"{kind}_d"]).group())
        year = match[f"{kind}_y"]
        if year:
            day = _safe_date(int(year), month, day_number)
            return [] if day is None else [(start, end, day.isoformat(), "day", "", "date",
                                            "explicit")]
        value, anchor = _resolve_day(reference, start, month, day_number, future)
        return [] if value is None else [(start, end, value, "day", "", "date", anchor)]
    if kind == "month":
        mod = _mod(match["month_mod"])
        month = MONTHS[match["month_m"].rstrip(".")]
        if match["month_y"]:
            return [(start, end, f"{int(match['month_y']):04d}-{month:02d}", "month", mod, "date",
                     "explicit")]
        if match["month_rel"]:
            year, anchor = _relative_year(reference, start, match["month_rel"].lower())
            return [(start, end, f"{year}-{month:02d}", "month", mod, "date", anchor)]
        if partner is not None:
            for row in _normalise(partner, reference, future, None):
                year = row[2][:4]
                return [(start, end, f"{year}-{month:02d}", "month", mod, "date", row[6])]
        value, anchor = _resolve_month(reference, start, month, future)
        return [(start, end, value, "month", mod, "date", anchor)]
    if kind == "year":
        return [(start, end, match["year_y"], "year", _mod(match["year_mod"]), "date", "explicit")]
    if kind == "century":
        number = int(match["century_n"])
        surface_start = start + (4 if match.group().lower().startswith("the ") else 0)
        return [(surface_start, end, f"{number - 1:02d}", "century", "", "date", "explicit")]
    if kind == "decade":
        surface_start = start + (4 if match.group().lower().startswith("the ") else 0)
        return [(surface_start, end, match["decade_y"], "decade", "", "date", "explicit")]
    if kind == "weekday":
        value, anchor = _resolve_weekday(reference, WEEKDAYS[match["weekday_d"]],
                                         (match["weekday_rel"] or "").lower(), future)
        return [(start, end, value, "day", "", "date", anchor)]
    if kind == "deictic":
        shift = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[match.group().lower()]
        value, anchor = _shift_day(reference, shift)
        return [(start, end, value, "day", "", "relative", anchor)]
    if kind == "ago":
        return _ago_rows(match, reference)
    if kind in ("span", "duration"):
        return [(start, end, _duration(match[f"{kind}_n"], match[f"{kind}_u"]),
                 UNITS[_singular(match[f"{kind}_u"])][1], "", "duration", "none")]
    if kind == "spanone":
        unit = match["spanone_u"].lower()
        return [(start, end, f"P1{UNITS[unit][0]}", unit, "", "duration", "none")]
    if kind == "ordinal":
        ordinal = match["ordinal_n"].lower()
        number = ORDINAL_WORDS.get(ordinal) or int(re.match(r"\d+", ordinal).group())
        return [(start, end, f"P{number}Y", "year", "", "duration", "none")]
    if kind == "plural":
        unit = _singular(match["plural_u"])
        return [(start, end, f"PX{UNITS[unit][0]}", UNITS[unit][1], "", "duration", "none")]
    if kind == "relative":
        return [_relative_row(match, reference)]
    if kind == "recent":
        return [(start, end, "PAST_REF", "", "", "relative", "none")]
    if kind == "vague":
        return [(start, end, VAGUE[match.group().lower()], "", "", "relative", "none")]
    raise AssertionError(f"unhandled temporal pattern {kind}")


def _mod(phrase: str | None) -> str:
    if not phrase:
        return ""
    words = re.sub(r"^the\s+|\s+of$", "", phrase.lower())
    return MODS[re.sub(r"\s+", " ", words)]


def _singular(unit: str) -> str:
    unit = unit.lower()
    return "century" if unit.startswith("centur") else unit.rstrip("s")


def _duration(number: str, unit: str) -> str:
    count = NUMBER_WORDS.get(re.sub(r"\s+", " ", number.lower())) if not number.isdigit() \
        else int(number)
    return f"P{'X' if count is None else count}{UNITS[_singular(unit)][0]}"


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _base_year(reference: _Reference, offset: int) -> tuple[int | None, str]:
    if reference.anchor == "published" and reference.day is not None:
        return reference.day.year, "published"
    inferred = reference.year_before(offset)
    if inferred is not None:
        return inferred, "inferred"
    if reference.day is not None:
        return reference.day.year, "inferred"
    return None, "none"


def _resolve_day(reference: _Reference, offset: int, month: int, day_number: int, future: bool
                 ) -> tuple[str | None, str]:
    year, anchor = _base_year(reference, offset)
    if year is None:
        return f"XXXX-{month:02d}-{day_number:02d}", "none"
    day = _safe_date(year, month, day_number)
    if day is None:
        return None, anchor
    if anchor == "published":
        if not future and day > reference.day:
            day = _safe_date(year - 1, month, day_number) or day
        elif future and day < reference.day:
            day = _safe_date(year + 1, month, day_number) or day
    return day.isoformat(), anchor


def _resolve_month(reference: _Reference, offset: int, month: int, future: bool
                   ) -> tuple[str, str]:
    year, anchor = _base_year(reference, offset)
    if year is None:
        return f"XXXX-{month:02d}", "none"
    if anchor == "published":
        if not future and month > reference.day.month:
            year -= 1
        elif future and month < reference.day.month:
            year += 1
    return f"{year:04d}-{month:02d}", anchor


def _relative_year(reference: _Reference, offset: int, determiner: str) -> tuple[int | str, str]:
    year, anchor = _base_year(reference, offset)
    if year is None:
        return "XXXX", "none"
    return year + {"this": 0, "current": 0, "last": -1, "previous": -1, "next": 1}[determiner], \
        anchor


def _reference_day(reference: _Reference) -> tuple[date | None, str]:
    return (reference.day, reference.anchor) if reference.day is not None else (None, "none")


def _shift_day(reference: _Reference, days: int) -> tuple[str, str]:
    day, anchor = _reference_day(reference)
    return ("XXXX-XX-XX", anchor) if day is None else ((day + timedelta(days)).isoformat(), anchor)


def _resolve_weekday(reference: _Reference, weekday: int, determiner: str, future: bool
                     ) -> tuple[str, str]:
    day, anchor = _reference_day(reference)
    if day is None:
        return "XXXX-XX-XX", anchor
    if determiner in ("next", "coming") or (future and determiner not in ("last", "past")):
        shift = (weekday - day.weekday()) % 7 or 7
    else:
        shift = -((day.weekday() - weekday) % 7)
        if determiner in ("last", "past") and shift == 0:
            shift = -7
    return (day + timedelta(shift)).isoformat(), anchor


def _relative_row(match: re.Match[str], reference: _Reference) -> tuple:
    start, end = match.span()
    unit = match["relative_u"].lower()
    offset = {"this": 0, "current": 0, "last": -1, "previous": -1, "next": 1}[
        match["relative_det"].lower()]
    mod = ""
    if unit == "year":
        year, anchor = _base_year(reference, start)
        value = "XXXX" if year is None else f"{year + offset:04d}"
        return (start, end, value, "year", mod, "relative", anchor)
    day, anchor = _reference_day(reference)
    if day is None:
        return (start, end, {"week": "XXXX-WXX", "month": "XXXX-XX"}.get(unit, "XXXX"), unit,
                mod, "relative", "none")
    if unit == "week":
        iso_year, iso_week, _ = (day + timedelta(weeks=offset)).isocalendar()
        return (start, end, f"{iso_year:04d}-W{iso_week:02d}", "week", mod, "relative", anchor)
    if unit == "month":
        month_index = day.year * 12 + day.month - 1 + offset
        return (start, end, f"{month_index // 12:04d}-{month_index % 12 + 1:02d}", "month", mod,
                "relative", anchor)
    if unit == "decade":
        return (start, end, f"{day.year // 10 + offset:03d}", "decade", mod, "relative", anchor)
    return (start, end, f"{day.year // 100 + offset:02d}", "century", mod, "relative", anchor)


def _ago_rows(match: re.Match[str], reference: _Reference) -> list[tuple]:
    """"five years ago"; "fifteen or twenty years ago" gives two rows."""
    unit = _singular(match["ago_u"])
    day, anchor = _reference_day(reference)
    spans = [(match.start("ago_n"), match.end(), match["ago_n"])]
    if match["ago_n2"]:
        spans = [(match.start("ago_n"), match.end("ago_n"), match["ago_n"]),
                 (match.start("ago_n2"), match.end(), match["ago_n2"])]
    rows = []
    for start, end, number in spans:
        count = int(number) if number.isdigit() else NUMBER_WORDS.get(
            re.sub(r"\s+", " ", number.lower()))
        if day is None or count is None or unit in ("decade", "century"):
            value, granularity = "PAST_REF", ""
            row_anchor = "none"
        else:
            value, granularity = _shift_unit(day, unit, -count), unit
            row_anchor = anchor
        rows.append((start, end, value, granularity, "", "relative", row_anchor))
    return rows


def _shift_unit(day: date, unit: str, count: int) -> str:
    if unit == "day":
        return (day + timedelta(count)).isoformat()
    if unit == "week":
        iso_year, iso_week, _ = (day + timedelta(weeks=count)).isocalendar()
        return f"{iso_year:04d}-W{iso_week:02d}"
    if unit == "month":
        month_index = day.year * 12 + day.month - 1 + count
        return f"{month_index // 12:04d}-{month_index % 12 + 1:02d}"
    return f"{day.year + count:04d}"
