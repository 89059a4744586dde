""":mod:`kursklib.dates.anchor`: calendar arithmetic on TimeML values."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import NamedTuple

# Months in one unit, for the units that shift by months.
_MONTHS_IN = {"M": 1, "Q": 3, "HY": 6, "Y": 12, "DE": 120, "CE": 1200, "ML": 12000}
_DAYS_IN = {"D": 1, "W": 7, "WE": 7, "FN": 14}
# A unit's granularity, and the coarseness of each granularity (a larger rank is coarser).
UNIT_GRANULARITY = {"D": "day", "W": "week", "WE": "weekend", "FN": "week", "M": "month",
                    "Q": "quarter", "HY": "half", "Y": "year", "DE": "decade", "CE": "century",
                    "ML": "millennium"}
_RANK = {"time": 0, "day": 1, "weekend": 2, "week": 2, "month": 3, "season": 4, "quarter": 4,
         "half": 5, "year": 6, "decade": 7, "century": 8, "millennium": 9}
SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
# Units shorter than a day, and their TimeML letter after the T (MIN: the minute, M).
TIME_UNITS = {"H": "H", "MIN": "M", "S": "S"}
_UNRESOLVED = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE",
               "month": "XXXX-XX", "quarter": "XXXX-QX", "half": "XXXX-HX", "season": "XXXX",
               "year": "XXXX", "decade": "XXX", "century": "XX", "time": "XXXX-XX-XX"}


class Point(NamedTuple):
    """A stretch of the calendar: its granularity and first day (``code`` for seasons/times).

    Attributes:
        granularity: day | week | weekend | month | quarter | half | season | year | decade |
            century | time.
        first: The first day it covers.
        code: A season's code (``SU``) or a time's suffix (``T22:00``, ``TMO``).
    """

    granularity: str
    first: date
    code: str = ""

    @property
    def value(self) -> str:
        """The TimeML value (``2025-W27``, ``1989-Q3``, ``199``).

        Example:
            >>> Point("quarter", date(1989, 7, 1)).value
            '1989-Q3'
        """
        day, kind = self.first, self.granularity
        if kind == "day":
            return day.isoformat()
        if kind == "time":
            return f"{day.isoformat()}{self.code}"
        if kind in ("week", "weekend"):
            year, week, _ = day.isocalendar()
            return f"{year:04d}-W{week:02d}" + ("-WE" if kind == "weekend" else "")
        if kind == "month":
            return f"{day.year:04d}-{day.month:02d}"
        if kind == "quarter":
            return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
        if kind == "half":
            return f"{day.year:04d}-H{(day.month - 1) // 6 + 1}"
        if kind == "season":
            return f"{day.year:04d}-{self.code}"
        if kind == "year":
            return f"{day.year:04d}"
        if kind == "decade":
            return f"{day.year // 10:03d}"
        return f"{day.year // 100:02d}"


def floor(day: date, granularity: str) -> Point:
    """The point of ``granularity`` that contains ``day``.

    Example:
        >>> floor(date(2025, 7, 2), "week").value
        '2025-W27'
    """
    if granularity in ("day", "time"):
        return Point("day", day)
    if granularity in ("week", "weekend"):
        return Point(granularity, day - timedelta(day.weekday()))
    month = {"month": day.month, "quarter": (day.month - 1) // 3 * 3 + 1,
             "half": (day.month - 1) // 6 * 6 + 1}.get(granularity, 1)
    year = {"decade": day.year // 10 * 10, "century": day.year // 100 * 100,
            "millennium": day.year // 1000 * 1000}.get(granularity, day.year)
    return Point(granularity, date(year, month, 1))


def shift(point: Point, unit: str, count: int) -> Point | None:
    """Move a point by ``count`` units (D, W, M, Q, HY, Y, DE, CE), keeping its granularity.

    A point coarser than the unit cannot move by it (None).

    Example:
        >>> shift(Point("quarter", date(1989, 7, 1)), "Y", -1).value
        '1988-Q3'
    """
    granularity = UNIT_GRANULARITY.get(unit, "day")
    if _RANK.get(point.granularity, 0) > _RANK[granularity] and point.granularity != "season":
        return None
    if unit in _DAYS_IN:
        return point._replace(first=point.first + timedelta(_DAYS_IN[unit] * count))
    months = point.first.year * 12 + point.first.month - 1 + _MONTHS_IN[unit] * count
    if not 1 <= months // 12 <= 9999:
        return None
    day = min(point.first.day, calendar.monthrange(months // 12, months % 12 + 1)[1])
    return point._replace(first=date(months // 12, months % 12 + 1, day))


def coarser(granularity: str, than: str) -> bool:
    """Whether ``granularity`` is coarser than ``than``.

    Example:
        >>> coarser("year", "day")
        True
    """
    return _RANK.get(granularity, 0) > _RANK.get(than, 0)


def refine(point: Point, granularity: str) -> str:
    """The value of ``point`` at a finer ``granularity``, unknown parts as X (``1998-10-XX``).

    Example:
        >>> refine(Point("month", date(1998, 10, 1)), "day")
        '1998-10-XX'
    """
    if not coarser(point.granularity, granularity):
        return floor(point.first, granularity).value
    value = point.value
    if point.granularity == "month" and granularity == "day":
        return f"{value}-XX"
    if point.granularity == "year":
        return {"day": f"{value}-XX-XX", "month": f"{value}-XX", "week": f"{value}-WXX",
                "weekend": f"{value}-WXX-WE", "quarter": f"{value}-QX"}.get(granularity, value)
    return value


def unresolved(granularity: str) -> str:
    """The value of an expression of ``granularity`` without any reference date.

    Example:
        >>> unresolved("month")
        'XXXX-XX'
    """
    return _UNRESOLVED.get(granularity, "XXXX")


def nearest_weekday(day: date, weekday: int, direction: int) -> date:
    """The ISO ``weekday`` (1-7) on or before ``day`` (direction -1), on or after it (+1),
    strictly before (-2) or strictly after (+2).

    Example:
        >>> nearest_weekday(date(2025, 4, 28), 6, -1)
        datetime.date(2025, 4, 26)
    """
    gap = weekday - day.isoweekday()
    if direction < 0:
        back = (-gap) % 7 or (7 if direction == -2 else 0)
        return day - timedelta(back)
    ahead = gap % 7 or (7 if direction == 2 else 0)
    return day + timedelta(ahead)


def nearest_month(day: date, month: int, direction: int) -> int:
    """The year of the ``month`` nearest ``day`` looking back (-1), ahead (+1) or in
    ``day``'s own year (0); -2/+2 skip ``day``'s own month.

    Example:
        >>> nearest_month(date(2025, 1, 5), 12, -1)
        2024
    """
    if direction == 0:
        return day.year
    if direction < 0:
        later = month > day.month or (direction == -2 and month == day.month)
        return day.year - 1 if later else day.year
    earlier = month < day.month or (direction == 2 and month == day.month)
    return day.year + 1 if earlier else day.year


_VALUE = re.compile(r"(\d{4})(?:-(?:(\d\d)(?:-(\d\d))?|W(\d\d)(-WE)?|Q([1-4])|H([12])|"
                    r"(SP|SU|FA|WI)))?(?:T.*)?$")
_THIRDS = {"START": 0, "MID": 1, "END": 2}


def value_period(value: str, granularity: str = "", mod: str = "") -> tuple[date, date] | None:
    """The first and last day a value covers (None if it names no calendar stretch);
    START/MID/END keep the value's calendar third.

    Example:
        >>> value_period("2024", "year", "END")
        (datetime.date(2024, 9, 1), datetime.date(2024, 12, 31))
    """
    try:
        return _period(value, mod)
    except ValueError:  # a year outside the calendar's 1..9999
        return None


def _period(value: str, mod: str) -> tuple[date, date] | None:
    """``value_period``, raising ValueError for a year the calendar lacks."""
    found = _VALUE.match(value)
    if found is None:
        if re.fullmatch(r"\d{2,3}", value):
            span = 10 ** (4 - len(value))
            first_year = int(value) * span + (1 if span == 100 else 0)
            return _third(date(first_year, 1, 1), date(first_year + span - 1, 12, 31), mod)
        return None
    year, month, day, week, weekend, quarter, half, season = found.groups()
    year = int(year)
    if day:
        try:
            first = date(year, int(month), int(day))
        except ValueError:
            return None
        return first, first
    if week:
        try:
            monday = date.fromisocalendar(year, int(week), 1)
        except ValueError:
            return None
        return (monday + timedelta(5), monday + timedelta(6)) if weekend else \
            (monday, monday + timedelta(6))
    if month or quarter or half or season:
        first_month, size = ((int(month), 1) if month else (int(quarter) * 3 - 2, 3) if quarter
                             else (int(half) * 6 - 5, 6) if half else (SEASON_MONTH[season], 3))
        if not 1 <= first_month <= 12:
            return None
        months = year * 12 + first_month - 1 + size - 1
        last = date(months // 12, months % 12 + 1, calendar.monthrange(months // 12,
                                                                      months % 12 + 1)[1])
        return _third(date(year, first_month, 1), last, mod)
    return _third(date(year, 1, 1), date(year, 12, 31), mod)


def _third(first: date, last: date, mod: str) -> tuple[date, date]:
    """A third of ``first..last`` for START/MID/END (months: days 1-10, 11-20, 21-end)."""
    if mod not in _THIRDS:
        return first, last
    third = _THIRDS[mod]
    if first.month == last.month and first.year == last.year:
        days = ((1, 10), (11, 20), (21, last.day))[third]
        return first.replace(day=days[0]), first.replace(day=days[1])
    if first.year == last.year and first.month == 1 and last.month == 12:
        months = ((1, 4), (5, 8), (9, 12))[third]
        return (date(first.year, months[0], 1),
                date(first.year, months[1], calendar.monthrange(first.year, months[1])[1]))
    span = last.year - first.year + 1
    if span >= 3:
        size = span // 3
        start = first.year + size * third
        end = start + size - 1 if third < 2 else last.year
        return date(start, 1, 1), date(end, 12, 31)
    length = (last - first).days + 1
    return (first + timedelta(length * third // 3),
            first + timedelta(length * (third + 1) // 3 - 1))
