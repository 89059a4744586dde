""":mod:`kursklib.dates.days`: normalisers of weekdays, day words and times of day."""

from __future__ import annotations

from datetime import timedelta

from .anchor import Point, nearest_weekday
from .reference import Hit, Reference, Timex, dated, mod_of, safe_date, unresolved_timex


def anaphoric_weekday(hit: Hit, ref: Reference) -> list[Timex]:
    """the previous Friday, the following Monday: around the day the text last named."""
    point, anchored_on, how = ref.antecedent()
    if point is None:
        return unresolved_timex(hit, "XXXX-XX-XX", "day", "relative")
    direction = 2 if int(hit.meaning("anaphoric_shift") or 0) > 0 else -2
    day = nearest_weekday(point.first if point.granularity in ("day", "time") else
                          ref.today()[0] or point.first, hit.meaning("weekday"), direction)
    return [Timex(hit.start, hit.end, "DATE", day.isoformat(), "day", "relative", how,
                  point=Point("day", day), anchored_on=anchored_on)]


def weekday(hit: Hit, ref: Reference) -> list[Timex]:
    """Saturday, last Tuesday, Monday morning: the nearest such day around today."""
    today, anchor = ref.today()
    part = hit.meaning("part_of_day")
    kind_of = "TIME" if part else "DATE"
    if today is None:
        return unresolved_timex(hit, "XXXX-XX-XX" + (f"T{part}" if part else ""),
                           "day", type_=kind_of, mod=mod_of(hit))
    shift, number = hit.meaning("shift"), hit.meaning("weekday")
    if shift:
        direction = 2 if shift > 0 else -2
    elif number == today.isoweekday():
        direction = -1  # the publication date's own weekday is that day, whatever the tense
    else:
        direction = ref.tense(hit.start, hit.end) or -1
    day = nearest_weekday(today, number, direction)
    point = Point("time", day, f"T{part}") if part else Point("day", day)
    return dated(hit, point, "date", anchor, mod=mod_of(hit), type_=kind_of)


def clock_time(hit: Hit, ref: Reference) -> list[Timex]:
    """10:35 a.m., 10 p.m. Wednesday, noon Thursday, 15:00 GMT: on today unless a day is named."""
    clock = hit.meaning("clock_word")
    if clock:
        hour, minute = (int(part) for part in str(clock).split(":"))
    else:
        hour, minute = hit.integer("hour"), hit.integer("minute") or 0
        meridiem = hit.meaning("meridiem")
        if meridiem is None and hit.text("minute") is None and hit.text("clock_oclock") is None:
            return []
        if meridiem == "pm" and hour < 12:
            hour += 12
        elif meridiem == "am" and hour == 12:
            hour = 0
        if hour > 24:
            return []
    suffix = f"T{hour:02d}:{minute:02d}"
    if hit.text("second_number"):
        suffix += f":{hit.integer('second_number'):02d}"
    today, anchor = ref.today()
    if today is None:
        return unresolved_timex(hit, f"XXXX-XX-XX{suffix}", "day", type_="TIME", mod=mod_of(hit))
    day = today
    if hit.text("weekday"):
        direction = ref.tense(hit.start, hit.end) or -1
        day = nearest_weekday(today, hit.meaning("weekday"), direction)
    elif hit.text("day_word"):
        day = today + timedelta(int(hit.meaning("day_word")))
    elif hit.text("month"):
        found = safe_date(today.year, hit.meaning("month"), hit.integer("day"))
        day = found or today
    else:
        # A bare clock time falls on the day the text last named ("on Friday ... at 10 p.m.").
        point, anchored_on, how = ref.antecedent()
        if point is not None and how == "previous" and point.granularity in ("day", "time"):
            return [Timex(hit.start, hit.end, "TIME", f"{point.first.isoformat()}{suffix}",
                          "day", "date", how, point=Point("time", point.first, suffix),
                          anchored_on=anchored_on, mod=mod_of(hit))]
    point = Point("time", day, suffix)
    return dated(hit, point, "date", anchor, mod=mod_of(hit), type_="TIME")


def day_word(hit: Hit, ref: Reference) -> list[Timex]:
    """yesterday, today, tomorrow morning, late yesterday."""
    today, anchor = ref.today()
    part = hit.meaning("part_of_day")
    if today is None:
        return unresolved_timex(hit, "XXXX-XX-XX" + (f"T{part}" if part else ""),
                           "day", "relative", mod=mod_of(hit),
                           type_="TIME" if part else "DATE")
    day = today + timedelta(int(hit.meaning("day_word")))
    point = Point("time", day, f"T{part}") if part else Point("day", day)
    return dated(hit, point, "relative", anchor, mod=mod_of(hit),
                  type_="TIME" if part else "DATE")


def day_part(hit: Hit, ref: Reference) -> list[Timex]:
    """this morning, yesterday afternoon, tonight, last night."""
    today, anchor = ref.today()
    both = hit.meaning("day_part_word")
    if both is not None:
        offset, part = int(both[0]), both[1]
    else:
        part = hit.meaning("part_of_day")
        offset = int(hit.meaning("shift") if hit.text("shift") else hit.meaning("day_word") or 0)
    if today is None:
        return unresolved_timex(hit, f"XXXX-XX-XXT{part}", "day", "relative", type_="TIME",
                           mod=mod_of(hit))
    point = Point("time", today + timedelta(offset), f"T{part}")
    return dated(hit, point, "relative", anchor, mod=mod_of(hit), type_="TIME")


NORMALISERS = {
    "anaphoric_weekday": anaphoric_weekday, "weekday": weekday, "clock_time": clock_time,
    "day_word": day_word, "day_part": day_part,
}
