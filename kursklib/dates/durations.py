""":mod:`kursklib.dates.durations`: normalisers of durations, sets and vague references."""

from __future__ import annotations

from .anchor import TIME_UNITS, UNIT_GRANULARITY
from .reference import Hit, Reference, Timex, mod_of, unit_of

# Sub-day units are written after T in a duration; MIN is the minute (M after T).


_GRANULARITY = {**UNIT_GRANULARITY, "H": "hour", "MIN": "minute", "S": "second"}


# A fraction of a unit in the next smaller one: a year and a half is P1Y6M.
_SMALLER = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "H": ("MIN", 60),
            "MIN": ("S", 60), "DE": ("Y", 10), "CE": ("Y", 100)}


def duration(hit: Hit, ref: Reference) -> list[Timex]:
    """three months, the past two years, nearly forty years, a year and a half, years."""
    unit = unit_of(hit)
    if unit is None:
        return []
    number = hit.count("count") if hit.text("count") else "X"
    for slot in ("fraction", "tail"):
        if number is not None and number != "X" and hit.text(slot):
            number = number + float(hit.language.meaning("fraction", hit.text(slot)) or 0)
    if number is None:
        return []
    value = duration_value(number, unit)
    return [Timex(hit.start, hit.end, "DURATION", value, _GRANULARITY.get(unit, ""), "duration",
                  "none", mod=mod_of(hit))]


def duration_value(number: float | str, unit: str) -> str:
    """The TimeML value of a count of units (decades count in years).

    Example:
        >>> duration_value(1.5, "H")
        'PT1H30M'
    """
    if unit == "WE":
        unit, number = "D", 2 if number == 1 else number
    if unit == "DE" and number != "X":
        unit, number = "Y", number * 10
    if unit == "FN" and number != "X":
        unit, number = "W", number * 2
    prefix = "PT" if unit in TIME_UNITS else "P"
    letter = TIME_UNITS.get(unit, unit)
    if number == "X":
        return f"{prefix}X{letter}"
    whole = int(number)
    rest = number - whole
    if rest and unit in _SMALLER:
        smaller, per = _SMALLER[unit]
        extra = round(rest * per)
        smaller_letter = TIME_UNITS.get(smaller, smaller)
        if unit in TIME_UNITS or smaller not in TIME_UNITS:
            return f"{prefix}{whole}{letter}{extra}{smaller_letter}" if whole else \
                f"{prefix}{extra}{smaller_letter}"
        # A day and a half: the half is in hours, after the T.
        return f"P{whole}{letter}T{extra}{smaller_letter}" if whole else \
            f"PT{extra}{smaller_letter}"
    if rest:
        return f"{prefix}{number:g}{letter}"
    return f"{prefix}{whole}{letter}"


def vague_span(hit: Hit, ref: Reference) -> list[Timex]:
    """recent years, coming months: an open stretch before or after now."""
    value = hit.meaning("vague_span") or "PAST_REF"
    return [Timex(hit.start, hit.end, "DATE", str(value), "", "relative", "none")]


def vague_duration(hit: Hit, ref: Reference) -> list[Timex]:
    """for some time: a stretch of an unknown count of units (PXM), as TimeBank reads it."""
    unit = unit_of(hit) or "Y"
    return [Timex(hit.start, hit.end, "DURATION", duration_value("X", unit),
                  _GRANULARITY.get(unit, ""), "duration", "none")]


def vague(hit: Hit, ref: Reference) -> list[Timex]:
    """now, recently, the future, current: the meaning of the rule's one slot."""
    value = hit.meaning(next(iter(hit.rule.slots)))
    return [Timex(hit.start, hit.end, "DATE", str(value), "", "relative", "none")]


def every(hit: Hit, ref: Reference) -> list[Timex]:
    """every day, each Thursday, every two years, each July, every summer."""
    quant = str(hit.meaning("every") or "EVERY")
    if hit.text("weekday"):
        value, granularity = f"XXXX-WXX-{hit.meaning('weekday')}", "day"
    elif hit.text("month"):
        value, granularity = f"XXXX-{hit.meaning('month'):02d}", "month"
    elif hit.text("season"):
        value, granularity = f"XXXX-{hit.meaning('season')}", "season"
    elif hit.text("part_of_day"):
        value, granularity = f"XXXX-XX-XXT{hit.meaning('part_of_day')}", "day"
    else:
        unit = unit_of(hit) or "D"
        number = hit.count("count") if hit.text("count") else 1
        if hit.match.group(0).lower().split()[1:2] == ["other"]:
            number = 2
        value = duration_value(number if isinstance(number, int) else "X", unit)
        granularity = _GRANULARITY.get(unit, "")
    return [Timex(hit.start, hit.end, "SET", value, granularity, "set", "none", quant=quant)]


def times_per(hit: Hit, ref: Reference) -> list[Timex]:
    """twice a year, three times a week."""
    unit = unit_of(hit) or "D"
    times = hit.meaning("times") if hit.text("times") else hit.count("count")
    freq = f"{times}X" if isinstance(times, int) else ""
    return [Timex(hit.start, hit.end, "SET", duration_value(1, unit),
                  _GRANULARITY.get(unit, ""), "set", "none", freq=freq)]


def set_word(hit: Hit, ref: Reference) -> list[Timex]:
    """daily, weekly, annually."""
    value = str(hit.meaning("set_word"))
    unit = value.removeprefix("PT").removeprefix("P").lstrip("0123456789")
    return [Timex(hit.start, hit.end, "SET", value, _GRANULARITY.get(unit, ""), "set", "none")]


def weekday_set(hit: Hit, ref: Reference) -> list[Timex]:
    """Mondays, Tuesday nights."""
    weekday = hit.meaning("weekdays") or hit.meaning("weekday")
    part = hit.meaning("part_of_day_plural")
    value = f"XXXX-WXX-{weekday}" + (f"T{part}" if part else "")
    return [Timex(hit.start, hit.end, "SET", value, "day", "set", "none")]


def unit_duration(hit: Hit, ref: Reference) -> list[Timex]:
    """over the past decade, day-long, the year ended March 31: one unit."""
    unit = unit_of(hit) or "Y"
    return [Timex(hit.start, hit.end, "DURATION", duration_value(1, unit),
                  _GRANULARITY.get(unit, ""), "duration", "none", mod=mod_of(hit))]


def ordinal_duration(hit: Hit, ref: Reference) -> list[Timex]:
    """its fourth year: as many units as the ordinal counts."""
    number, unit = hit.ordinal("ordinal_number"), unit_of(hit) or "Y"
    if not number:
        return []
    return [Timex(hit.start, hit.end, "DURATION", duration_value(number, unit),
                  _GRANULARITY.get(unit, ""), "duration", "none")]


NORMALISERS = {
    "duration": duration, "vague_span": vague_span,
    "vague_duration": vague_duration, "vague": vague, "every": every,
    "times_per": times_per, "set_word": set_word, "weekday_set": weekday_set,
    "unit_duration": unit_duration, "ordinal_duration": ordinal_duration,
    "drop": lambda hit, ref: [],
}
