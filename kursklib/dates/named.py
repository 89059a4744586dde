""":mod:`kursklib.dates.named`: normalisers of expressions that name the calendar."""

from __future__ import annotations

import calendar
import re
from dataclasses import replace
from datetime import date, timedelta

from .anchor import (
    SEASON_MONTH,
    Point,
    coarser,
    floor,
    nearest_month,
    nearest_weekday,
    unresolved,
)
from .reference import (
    PUBLICATION,
    Hit,
    Reference,
    Timex,
    dated,
    mod_of,
    safe_date,
    unresolved_timex,
)

# Without a tense cue, a weekday or a holiday reads as past, as news mostly reports.
DEFAULT_DIRECTION = -1
# A date without its year is read ahead at most this many days without a cue, and with one;
# a month alone with a cue reads ahead within the coming year ("talks would resume in February").
FUTURE_REACH = 100
REACH_WITH_CUE = 300
MONTH_REACH_WITH_CUE = 366


def _year_of(hit: Hit, ref: Reference, month: int, day: int | None) -> tuple[int | None, str, bool]:
    """The year of a month (and day) written without one: (year, anchor, from context).

    With a publication date: a weekday named with the day picks the year in which they
    agree; a tense cue right before it, the nearest occurrence before or after that date;
    else the nearest occurrence, a later one only if less than half as far as the earlier.
    """
    year, anchor = ref.base_year(hit.start)
    if year is None or anchor != "published":
        return year, anchor, False
    published = ref.published
    weekday = hit.meaning("weekday")
    if weekday:
        agreeing = [found for offset in (0, -1, 1)
                    for found in [safe_date(published.year + offset, month, day or 1)]
                    if found is not None and found.isoweekday() == weekday]
        if agreeing:
            nearest = min(agreeing, key=lambda found: abs((found - published).days))
            return nearest.year, anchor, True
    # A month covers the publication date when it is that month.
    start = published.replace(day=1) if day is None else published
    this_year = safe_date(published.year, month, day or 1)
    if this_year is None or this_year == start:
        return published.year, anchor, True
    past = this_year if this_year < start else safe_date(published.year - 1, month, day or 1)
    future = this_year if this_year > start else safe_date(published.year + 1, month, day or 1)
    if past is None or future is None:
        return published.year, anchor, True
    ahead, back = (future - start).days, (start - past).days
    reach = REACH_WITH_CUE if day else MONTH_REACH_WITH_CUE
    if ahead >= reach:
        return past.year, anchor, True  # no cue could read it forward
    direction = ref.tense(hit.start, hit.end, past_cues=False)
    if direction < 0:
        return past.year, anchor, True
    if direction > 0:
        return future.year, anchor, True
    chosen = future if ahead * 2 < back and ahead <= FUTURE_REACH else past
    return chosen.year, anchor, True


def numeric_date(hit: Hit, ref: Reference) -> list[Timex]:
    """2024-12-04, 04.12.2024, 12/4/24 (a two-digit year in the reference's century)."""
    year = hit.integer("year")
    if year is None:
        short = hit.integer("two_digit_year")
        today, _ = ref.today()
        century = (today.year // 100 * 100) if today else 1900
        year = century + short if today is None or century + short <= today.year + 10 \
            else century - 100 + short
    day = safe_date(year, hit.integer("month_number"), hit.integer("day_number"))
    if day is None:
        return []
    hour = hit.integer("hour_number")
    if hour is not None:
        point = Point("time", day, f"T{hour:02d}:{hit.integer('minute_number'):02d}")
        return dated(hit, point, "date", "explicit", type_="TIME")
    return dated(hit, Point("day", day), "date", "explicit")


def calendar_day(hit: Hit, ref: Reference) -> list[Timex]:
    """August 20, 20 August 2025, the 12th of December, the week of March 6, the morning
    of March 5, a day and month of a shifted year ("4 декабря прошлого года")."""
    month = hit.meaning("month") or hit.meaning("month_short")
    # A day in digits, or an ordinal in words ("первого декабря").
    number = hit.integer("day") if hit.text("day") else hit.meaning("ordinal_day")
    year = hit.integer("year")
    anchor, from_tense = "explicit", False
    if year is None and hit.meaning("year_shift") is not None:  # "4 декабря прошлого года"
        base, anchor = ref.base_year(hit.start)
        year = None if base is None else base + int(hit.meaning("year_shift"))
    anchored_on = None
    if year is None and hit.text("same_year") is not None:  # "4 декабря того же года"
        year, anchor, anchored_on = _antecedent_year(ref)
    if year is None:
        year, anchor, from_tense = _year_of(hit, ref, month, number)
    if year is None:
        return unresolved_timex(hit, "XXXX-WXX", "week") if hit.text("week_of") else \
            unresolved_timex(hit, f"XXXX-{month:02d}-{number:02d}", "day")
    day = safe_date(year, month, number)
    if day is None:
        return []
    part = hit.meaning("part_of_day")
    point = Point("time", day, f"T{part}") if part else \
        floor(day, "week" if hit.text("week_of") else "day")
    timexes = dated(hit, point, "date", anchor, open_year=from_tense,
                    type_="TIME" if part else "DATE")
    return [replace(timexes[0], anchored_on=anchored_on)] if anchored_on is not None else timexes


def calendar_day_pair(hit: Hit, ref: Reference) -> list[Timex]:
    """April 24 and 25, 12-13 декабря: two days of one month, each its own expression; the
    one written next to the month keeps it ("12" and "13 декабря")."""
    first = calendar_day(hit, ref)
    if not first:
        return []
    day_end = hit.span("day")[1]
    second_start, second_end = hit.span("day2")
    if hit.span("month")[0] > second_start:
        second_end = hit.end
    timex = replace(first[0], end=day_end)
    point, number = timex.point, hit.integer("day2")
    if point is None:
        month = hit.meaning("month") or hit.meaning("month_short")
        second = replace(timex, start=second_start, end=second_end,
                         value=f"XXXX-{month:02d}-{number:02d}")
    else:
        day = safe_date(point.first.year, point.first.month, number)
        if day is None:
            return [timex]
        second = replace(timex, start=second_start, end=second_end,
                         value=day.isoformat(), point=Point("day", day))
    return [timex, second]


def calendar_month(hit: Hit, ref: Reference) -> list[Timex]:
    """December 2024, late November, last May, July last year."""
    month, mod = hit.meaning("month"), mod_of(hit)
    year = hit.integer("year")
    if year is not None:
        return dated(hit, Point("month", date(year, month, 1)), "date", "explicit", mod=mod)
    if hit.text("same_year") is not None:  # "в декабре того же года"
        year, anchor, anchored_on = _antecedent_year(ref)
        if year is not None:
            timexes = dated(hit, Point("month", date(year, month, 1)), "date", anchor, mod=mod)
            return [replace(timexes[0], anchored_on=anchored_on)]
    year_shift, shift = hit.meaning("year_shift"), hit.meaning("shift")
    if year_shift is not None or shift is not None:
        base, anchor = ref.base_year(hit.start)
        if base is None:
            return unresolved_timex(hit, f"XXXX-{month:02d}", "month", mod=mod)
        if year_shift is not None:  # "May last year"
            year = base + int(year_shift)
        elif shift and ref.published is not None:  # "last May": the nearest May before
            year = nearest_month(ref.published, month, 2 * int(shift))
        else:
            year = base
        return dated(hit, Point("month", date(year, month, 1)), "date", anchor, mod=mod)
    year, anchor, from_tense = _year_of(hit, ref, month, None)
    if year is None:
        return unresolved_timex(hit, f"XXXX-{month:02d}", "month", mod=mod)
    return dated(hit, Point("month", date(year, month, 1)), "date", anchor, mod=mod,
                  open_year=from_tense)


def _antecedent_year(ref: Reference) -> tuple[int | None, str, int | None]:
    """The year of the date the text last named ("того же года"), how it is known, and that
    date's index; else the reference year."""
    point, anchored_on, how = ref.antecedent()
    if point is None or how != "previous":
        return *ref.base_year(0), None
    return point.first.year, how, anchored_on


def season(hit: Hit, ref: Reference) -> list[Timex]:
    """summer 1998, this summer, last fall, the early summer, "весной этого года"; a season
    alone under a ``by_tense`` rule is the one under way, else the last or next by tense."""
    code, mod = hit.meaning("season"), mod_of(hit)
    year = hit.integer("year")
    anchor = "explicit"
    if year is None:
        year, anchor = ref.base_year(hit.start)
        if year is None:
            return unresolved_timex(hit, f"XXXX-{code}", "season", mod=mod)
        year += int(hit.meaning("year_shift") or 0)
        shift = int(hit.meaning("shift") or 0)
        if ref.published is not None and not shift and hit.rule.options.get("by_tense") \
                and _season_of(ref.published) != code:
            shift = ref.tense(hit.start, hit.end) or DEFAULT_DIRECTION
        if ref.published is not None and shift:
            start = date(year, SEASON_MONTH[code], 1)
            if shift < 0:  # the last one over before today
                year -= 0 if _months_after(start, 3) <= ref.published else 1
            else:  # the next one to begin after today
                year += 0 if start > ref.published else 1
    point = Point("season", date(year, SEASON_MONTH[code], 1), code)
    return dated(hit, point, "date", anchor, mod=mod)


def _season_of(day: date) -> str:
    """The code of the season ``day`` falls in (December to February: winter)."""
    return next(code for code, first in SEASON_MONTH.items()
                if (day.month - first) % 12 < 3)


def _months_after(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def part_of_year(hit: Hit, ref: Reference) -> list[Timex]:
    """the third quarter, third-quarter, the first half of 1990, the last quarter of 1989."""
    part = hit.meaning("part_of_year") or "Q"
    size = 3 if part == "Q" else 6
    number = 12 // size if hit.text("last_part") else hit.ordinal("ordinal_number")
    year = hit.integer("year") or hit.integer("of_year")
    granularity = "quarter" if part == "Q" else "half"
    if number and number > 12 // size:
        return []
    if year is not None and number:
        first = date(year, (number - 1) * size + 1, 1)
        return dated(hit, Point(granularity, first), "date", "explicit")
    base, anchor = ref.base_year(hit.start)
    if base is None:
        return unresolved_timex(hit, unresolved(granularity), granularity)
    year_shift = hit.meaning("year_shift") if hit.text("year_shift") else hit.meaning("of_shift")
    if number:
        year = base + int(year_shift or 0)
        if year_shift is None and ref.published is not None:
            current = (ref.published.month - 1) // size + 1
            direction = ref.tense(hit.start, hit.end) or DEFAULT_DIRECTION
            if direction < 0 and number > current:
                year -= 1
        return dated(hit, Point(granularity, date(year, (number - 1) * size + 1, 1)), "date",
                      anchor)
    today, anchor = ref.today()
    shift = hit.meaning("shift")
    if shift is None:  # "the quarter": the one last named, else the last one complete
        point, anchored_on, how = ref.part_antecedent()
        if how == "previous" and not coarser(point.granularity, granularity):
            point = floor(point.first, granularity)
            return [Timex(hit.start, hit.end, "DATE", point.value, granularity, "relative",
                          "previous", point=point, anchored_on=anchored_on)]
        shift = -1
    if today is None:
        return unresolved_timex(hit, unresolved(granularity), granularity, "relative")
    months = today.year * 12 + (today.month - 1) // size * size + size * int(shift)
    point = Point(granularity, date(months // 12, months % 12 + 1, 1))
    return dated(hit, point, "relative", anchor)


def year(hit: Hit, ref: Reference) -> list[Timex]:
    """2024, late 2024, mid-2025, fiscal 1989, post-1959."""
    mod = mod_of(hit)
    word = hit.match.group(0).lower()
    if not mod:
        mod = "AFTER" if word.startswith("post") else "BEFORE" if word.startswith("pre-") \
            else "ON_OR_AFTER" if word.endswith(("beyond", "later")) else ""
    value = hit.integer("year")
    return dated(hit, Point("year", date(value, 1, 1)), "date", "explicit", mod=mod)


def spoken_year(hit: Hit, ref: Reference) -> list[Timex]:
    """nineteen ninety-six, the year two thousand, January nineteen ninety-seven."""
    century = int(hit.meaning("century_word"))
    rest = (hit.meaning("spoken_tens") or 0) + (hit.meaning("spoken_ones") or 0) + (
        hit.meaning("ones_only") or 0)
    month = hit.meaning("month")
    first = date(century * 100 + rest, month or 1, 1)
    return dated(hit, Point("month" if month else "year", first), "date", "explicit")


def year_period(hit: Hit, ref: Reference) -> list[Timex]:
    """the 1988 period: the quarter last named, in that year (a comparison: later
    expressions keep counting from the quarter)."""
    year = hit.integer("year")
    point, anchored_on, how = ref.part_antecedent()
    if how != "previous" or coarser(point.granularity, "quarter"):
        today, _ = ref.today()
        if today is None:
            return dated(hit, Point("year", date(year, 1, 1)), "date", "explicit")
        # The last complete quarter, in that year.
        point, anchored_on, how = Point("day", today - timedelta(92)), PUBLICATION, "published"
    quarter = floor(point.first.replace(year=year, day=1), "quarter")
    return [Timex(hit.start, hit.end, "DATE", quarter.value, "quarter", "date", how,
                  point=quarter, anchored_on=anchored_on, compared=year != point.first.year)]


def decade(hit: Hit, ref: Reference) -> list[Timex]:
    """the 1990s, the '80s, the nineties, the early 1980s."""
    mod = mod_of(hit)
    if hit.text("decade"):
        value = hit.integer("decade") // 10
    else:
        tens = hit.integer("short_decade")
        tens = tens // 10 if tens is not None else int(hit.meaning("decade_word"))
        if hit.text("century_word"):
            century = int(hit.meaning("century_word"))
        else:
            today, _ = ref.today()
            century = today.year // 100 if today else 19
            if today is not None and tens * 10 > today.year % 100:
                century -= 1
        value = century * 10 + tens
    point = Point("decade", date(value * 10, 1, 1))
    return dated(hit, point, "date", "explicit", mod=mod)


def century(hit: Hit, ref: Reference) -> list[Timex]:
    """the 20th century, 21st century."""
    number = hit.ordinal("ordinal_number")
    if not number:
        return []
    point = Point("century", date(max(1, (number - 1) * 100), 1, 1))
    return dated(hit, point, "date", "explicit", mod=mod_of(hit))


def holiday(hit: Hit, ref: Reference) -> list[Timex]:
    """Christmas, Christmas Day 1998, last Christmas, Thanksgiving."""
    rule = str(hit.meaning("holiday"))
    year = hit.integer("year")
    anchor = "explicit"
    if year is None:
        year, anchor = ref.base_year(hit.start)
        if year is None:
            return unresolved_timex(hit, "XXXX-XX-XX", "day")
        shift = int(hit.meaning("shift") or 0)
        if ref.published is not None:
            this_year = holiday_date(rule, year)
            if shift < 0 or (not shift and this_year > ref.published
                             and (ref.tense(hit.start, hit.end) or DEFAULT_DIRECTION) < 0):
                year -= 1 if this_year >= ref.published else 0
            elif shift > 0:
                year += 1 if this_year <= ref.published else 0
    return dated(hit, Point("day", holiday_date(rule, year)), "date", anchor)


def holiday_date(rule: str, year: int) -> date:
    """The day of a holiday rule in ``year``: ``MM-DD``, or ``MM-N-W`` for the N-th ISO
    weekday W of the month (N = -1: the last).

    Example:
        >>> holiday_date("11-4-4", 1999)
        datetime.date(1999, 11, 25)
    """
    parts = re.fullmatch(r"(\d\d)-(\d\d)|(\d\d)-(-?\d)-(\d)", rule)
    if parts.group(1):
        return date(year, int(parts.group(1)), int(parts.group(2)))
    month, nth, weekday = int(parts.group(3)), int(parts.group(4)), int(parts.group(5))
    if nth > 0:
        first = nearest_weekday(date(year, month, 1), weekday, 1)
        return first + timedelta(7 * (nth - 1))
    last = date(year, month, calendar.monthrange(year, month)[1])
    return nearest_weekday(last, weekday, -1)


NORMALISERS = {
    "numeric_date": numeric_date, "calendar_day": calendar_day,
    "calendar_day_pair": calendar_day_pair, "calendar_month": calendar_month,
    "season": season, "part_of_year": part_of_year, "year": year, "spoken_year": spoken_year,
    "year_period": year_period, "decade": decade, "century": century, "holiday": holiday,
}
