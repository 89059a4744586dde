""":mod:`kursklib.dates.relative`: normalisers of expressions counted from another date."""

from __future__ import annotations

from datetime import date, timedelta

from .anchor import (
    TIME_UNITS,
    UNIT_GRANULARITY,
    Point,
    coarser,
    floor,
    refine,
    shift,
    unresolved,
)
from .reference import (
    PUBLICATION,
    Hit,
    Reference,
    Timex,
    granularity_of,
    mod_of,
    unit_of,
)


def _relative(hit: Hit, point: Point | None, granularity: str, anchor: str,
              anchored_on: int | None, *, mod: str = "", value: str | None = None,
              type_: str = "DATE") -> list[Timex]:
    if point is None:
        return [Timex(hit.start, hit.end, type_, value or unresolved(granularity), granularity,
                      "relative", "none" if value is None else anchor, mod=mod,
                      anchored_on=None if value is None else anchored_on)]
    return [Timex(hit.start, hit.end, type_, point.value, granularity_of(point), "relative",
                  anchor, mod=mod, point=point, anchored_on=anchored_on)]


def _from_today(ref: Reference, unit: str, count: int) -> tuple[Point | None, str, int | None]:
    today, anchor = ref.today()
    if today is None:
        return None, "none", None
    granularity = UNIT_GRANULARITY.get(unit, "day")
    return shift(floor(today, granularity), unit, count), anchor, PUBLICATION


def shifted_unit(hit: Hit, ref: Reference) -> list[Timex]:
    """last week, this year, next month, Earlier this week, the end of this week."""
    unit = unit_of(hit) or "Y"
    count = int(hit.meaning("shift") or 0)
    point, anchor, anchored_on = _from_today(ref, unit, count)
    return _relative(hit, point, UNIT_GRANULARITY.get(unit, "year"), anchor, anchored_on,
                     mod=mod_of(hit))


def weekend(hit: Hit, ref: Reference) -> list[Timex]:
    """the weekend: the one of today's week if it is the weekend or coming, else the
    one before."""
    today, anchor = ref.today()
    if today is None:
        return _relative(hit, None, "weekend", "none", None)
    count = 0 if today.isoweekday() >= 6 or ref.tense(hit.start, hit.end) > 0 else -1
    point = shift(floor(today, "weekend"), "W", count)
    return _relative(hit, point, "weekend", anchor, PUBLICATION)


def anaphoric_unit(hit: Hit, ref: Reference) -> list[Timex]:
    """the following year, that day, the same week: from the date the text last named."""
    unit = unit_of(hit) or "D"
    granularity = UNIT_GRANULARITY.get(unit, "day")
    antecedent, anchored_on, anchor = ref.antecedent()
    if antecedent is None:
        return _relative(hit, None, granularity, "none", None)
    count = int(hit.meaning("anaphoric_shift") or 0)
    if coarser(antecedent.granularity, granularity):
        value = refine(antecedent, granularity) if count == 0 else None
        return _relative(hit, None, granularity, anchor, anchored_on, mod=mod_of(hit),
                         value=value)
    return _relative(hit, shift(floor(antecedent.first, granularity), unit, count), granularity,
                     anchor, anchored_on, mod=mod_of(hit))


def unit_before_after(hit: Hit, ref: Reference) -> list[Timex]:
    """the day before, the year after."""
    unit = unit_of(hit) or "D"
    word = hit.match.group(0).split()[-1]
    count = int(hit.language.meaning("before_after_prep", word) or -1)
    return _count_from_antecedent(hit, ref, unit, count)


def _count_from_antecedent(hit: Hit, ref: Reference, unit: str, count: int) -> list[Timex]:
    granularity = UNIT_GRANULARITY.get(unit, "day")
    antecedent, anchored_on, anchor = ref.antecedent()
    if antecedent is None or unit in TIME_UNITS:
        return _relative(hit, None, granularity, "none", None)
    if coarser(antecedent.granularity, granularity):
        return _relative(hit, None, granularity, "none", None, mod=mod_of(hit))
    return _relative(hit, shift(antecedent if antecedent.granularity != "time" else
                                floor(antecedent.first, "day"), unit, count),
                     granularity, anchor, anchored_on, mod=mod_of(hit))


def before_after(hit: Hit, ref: Reference) -> list[Timex]:
    """a year earlier, two days later: counted from the date the text last named."""
    unit, number = unit_of(hit) or "D", hit.count("count")
    direction = int(hit.meaning("before_after") or hit.meaning("before_after_prep") or -1)
    if not isinstance(number, int):
        value = "PAST_REF" if direction < 0 else "FUTURE_REF"
        return [Timex(hit.start, hit.end, "DATE", value, "", "relative", "none",
                      mod=mod_of(hit))]
    return _compared(_count_from_antecedent(hit, ref, unit, direction * number))


def _compared(timexes: list[Timex]) -> list[Timex]:
    """Mark values counted back for a comparison: not what later expressions count from."""
    for timex in timexes:
        timex.compared = True
    return timexes


def ago(hit: Hit, ref: Reference) -> list[Timex]:
    """five years ago; fifteen or twenty years ago gives a row for each count."""
    unit = unit_of(hit) or "Y"
    direction = int(hit.meaning("ago") or -1)
    spans = [(hit.start, hit.end, hit.count("count"))]
    if hit.text("count2"):
        spans = [(hit.start, hit.span("count")[1], hit.count("count")),
                 (hit.span("count2")[0], hit.end, hit.count("count2"))]
    rows = []
    for start, end, number in spans:
        rows.extend(_ago_row(hit, ref, unit, direction, number, start, end))
    return rows


def _ago_row(hit: Hit, ref: Reference, unit: str, direction: int, number: object, start: int,
             end: int) -> list[Timex]:
    mod = mod_of(hit)
    vague = "PAST_REF" if direction < 0 else "FUTURE_REF"
    today, anchor = ref.today()
    if today is None or not isinstance(number, int):
        return [Timex(start, end, "DATE", vague, "", "relative", "none", mod=mod)]
    if unit in TIME_UNITS:
        published = ref.published_time
        if published is None:
            return [Timex(start, end, "DATE", vague, "", "relative", "none", mod=mod)]
        moved = published + direction * number * timedelta(
            **{"H": {"hours": 1}, "MIN": {"minutes": 1}, "S": {"seconds": 1}}[unit])
        point = Point("time", moved.date(), f"T{moved:%H:%M}")
        return [Timex(start, end, "TIME", point.value, "day", "relative", anchor, mod=mod,
                      point=point, anchored_on=PUBLICATION)]
    if unit == "Y" and number == 1:
        # "a year ago" beside a quarter or month means that period a year before it (the
        # quarter last named, even if its closing day was named since).
        antecedent, anchored_on, how = ref.part_antecedent()
        if how == "previous" and antecedent.granularity in ("quarter", "half", "month") \
                and antecedent.first.year == today.year and antecedent.first <= today:
            point = shift(antecedent, "Y", -1)
            return _compared([Timex(start, end, "DATE", point.value, point.granularity,
                                    "relative", "previous", mod=mod, point=point,
                                    anchored_on=anchored_on)])
    granularity = "year" if unit in ("DE", "CE") else UNIT_GRANULARITY.get(unit, "day")
    point = shift(floor(today, granularity), unit, direction * number)
    return [Timex(start, end, "DATE", point.value, point.granularity, "relative", anchor,
                  mod=mod, point=point, anchored_on=PUBLICATION)]


def later(hit: Hit, ref: Reference) -> list[Timex]:
    """через два дня, десять месяцев спустя: counted from the date last named when the
    sentence tells of the past (or the rule says ``anaphoric``: "через неделю после этого"),
    else from today."""
    unit, number = unit_of(hit) or "D", hit.count("count")
    antecedent, _, how = ref.antecedent()
    if isinstance(number, int) and how == "previous" and not coarser(
            antecedent.granularity, UNIT_GRANULARITY.get(unit, "day")) and (
            hit.rule.options.get("anaphoric") or ref.tense(hit.start, hit.end) < 0):
        return _count_from_antecedent(hit, ref, unit, number)
    return ago(hit, ref)


def year_ago_part(hit: Hit, ref: Reference) -> list[Timex]:
    """the year-ago quarter, the year-earlier third quarter, year-earlier (results), the
    quarter a year ago: the period named last (a quarter or half: the last of those) if it
    has begun by today, or else the latest, a year before."""
    number = hit.ordinal("ordinal_number")
    part = hit.meaning("part_of_year")
    granularity = {"Q": "quarter", "HY": "half"}.get(part, "quarter" if part or hit.text(
        "period_word") else "year")
    if granularity == "year" and not hit.text("month"):
        # A bare "year-earlier" in a report of a quarter compares with that quarter.
        named, _, how = ref.part_antecedent()
        if how == "previous" and named.granularity in ("quarter", "half"):
            granularity = named.granularity
    antecedent, anchored_on, anchor = ref.antecedent() if granularity == "year" else \
        ref.part_antecedent()
    today, _ = ref.today()
    if antecedent is not None and today is not None and (
            anchor != "previous" or antecedent.first.year < today.year
            or antecedent.first > today):
        # What the comparison is with: the latest complete period (not one still to come).
        antecedent, anchored_on, anchor = Point("day", today - timedelta(92)), PUBLICATION, \
            "published"
    if antecedent is None:
        return _relative(hit, None, granularity, "none", None)
    if number and part:
        size = 3 if part == "Q" else 6
        if number > 12 // size:
            return []
        point = Point(granularity, date(antecedent.first.year - 1, (number - 1) * size + 1, 1))
    elif hit.text("month"):
        point = floor(date(antecedent.first.year - 1, hit.meaning("month"), 1), "month")
    else:
        start = antecedent if not coarser(granularity, antecedent.granularity) or \
            granularity == "year" else floor(antecedent.first, granularity)
        point = shift(floor(start.first, granularity), "Y", -1)
    return _compared(_relative(hit, point, granularity, anchor, anchored_on))


def year_end(hit: Hit, ref: Reference) -> list[Timex]:
    """year-end, year's end, around year end: the end of the reference year."""
    point, anchor, anchored_on = _from_today(ref, "Y", 0)
    return _relative(hit, point, "year", anchor, anchored_on, mod=mod_of(hit) or "END")


def anaphoric_day_part(hit: Hit, ref: Reference) -> list[Timex]:
    """the next morning, that evening: a part of the day the text last named."""
    antecedent, anchored_on, anchor = ref.antecedent()
    part = hit.meaning("part_of_day")
    if antecedent is None or coarser(antecedent.granularity, "day"):
        return [Timex(hit.start, hit.end, "TIME", f"XXXX-XX-XXT{part}", "day", "relative",
                      "none")]
    offset = int(hit.meaning("anaphoric_shift") or 0)
    point = Point("time", antecedent.first + timedelta(offset), f"T{part}")
    return _relative(hit, point, "day", anchor, anchored_on, type_="TIME")


NORMALISERS = {
    "shifted_unit": shifted_unit, "weekend": weekend, "anaphoric_unit": anaphoric_unit,
    "unit_before_after": unit_before_after, "before_after": before_after, "ago": ago,
    "year_ago_part": year_ago_part, "year_end": year_end,
    "anaphoric_day_part": anaphoric_day_part, "later": later,
}
