"""Tests for kursklib.dates.anchor: calendar arithmetic on TimeML values."""

from __future__ import annotations

from datetime import date

import pytest

from kursklib.dates.anchor import (
    Point,
    floor,
    nearest_month,
    nearest_weekday,
    refine,
    shift,
    unresolved,
    value_period,
)


@pytest.mark.parametrize("granularity, expected", [
    ("day", "2025-07-02"), ("week", "2025-W27"), ("weekend", "2025-W27-WE"),
    ("month", "2025-07"), ("quarter", "2025-Q3"), ("half", "2025-H2"), ("year", "2025"),
    ("decade", "202"), ("century", "20"),
])
def test_floor_names_the_point_that_holds_a_day(granularity, expected):
    assert floor(date(2025, 7, 2), granularity).value == expected


@pytest.mark.parametrize("point, unit, count, expected", [
    (Point("day", date(2024, 2, 29)), "Y", -1, "2023-02-28"),
    (Point("day", date(2025, 1, 31)), "M", 1, "2025-02-28"),
    (floor(date(2025, 1, 1), "week"), "W", -1, "2024-W52"),
    (floor(date(1989, 8, 1), "quarter"), "Y", -1, "1988-Q3"),
    (floor(date(1989, 8, 1), "quarter"), "Q", 2, "1990-Q1"),
    (Point("season", date(1998, 9, 1), "FA"), "Y", -1, "1997-FA"),
    (floor(date(1998, 1, 1), "decade"), "DE", -1, "198"),
    (Point("time", date(2025, 4, 28), "TMO"), "D", 1, "2025-04-29TMO"),
])
def test_shift_moves_a_point_and_keeps_its_granularity(point, unit, count, expected):
    assert shift(point, unit, count).value == expected


def test_shift_cannot_move_a_point_by_a_smaller_unit():
    assert shift(floor(date(1996, 5, 1), "year"), "D", -1) is None


@pytest.mark.parametrize("point, granularity, expected", [
    (Point("month", date(1998, 10, 1)), "day", "1998-10-XX"),
    (Point("year", date(1998, 1, 1)), "month", "1998-XX"),
    (Point("day", date(1998, 10, 5)), "day", "1998-10-05"),
])
def test_refine_writes_unknown_parts_as_x(point, granularity, expected):
    assert refine(point, granularity) == expected


@pytest.mark.parametrize("direction, expected", [
    (-1, date(2025, 4, 26)), (-2, date(2025, 4, 26)), (1, date(2025, 5, 3)),
])
def test_nearest_weekday_looks_back_or_ahead(direction, expected):
    assert nearest_weekday(date(2025, 4, 28), 6, direction) == expected


def test_nearest_weekday_on_its_own_day_is_that_day_unless_told_otherwise():
    monday = date(2025, 4, 28)
    assert [nearest_weekday(monday, 1, direction) for direction in (-1, 1, -2, 2)] == [
        monday, monday, date(2025, 4, 21), date(2025, 5, 5)]


@pytest.mark.parametrize("month, direction, expected", [(12, -1, 2024), (12, 0, 2025),
                                                        (1, 1, 2025), (1, 2, 2026)])
def test_nearest_month_looks_back_or_ahead(month, direction, expected):
    assert nearest_month(date(2025, 1, 5), month, direction) == expected


@pytest.mark.parametrize("value, granularity, mod, expected", [
    ("2025-04-26", "day", "", (date(2025, 4, 26), date(2025, 4, 26))),
    ("2025-04-28TMO", "day", "", (date(2025, 4, 28), date(2025, 4, 28))),
    ("2025-W27", "week", "", (date(2025, 6, 30), date(2025, 7, 6))),
    ("1989-W43-WE", "weekend", "", (date(1989, 10, 28), date(1989, 10, 29))),
    ("2025-04", "month", "END", (date(2025, 4, 21), date(2025, 4, 30))),
    ("1989-Q3", "quarter", "", (date(1989, 7, 1), date(1989, 9, 30))),
    ("1998-SU", "season", "", (date(1998, 6, 1), date(1998, 8, 31))),
    ("2024", "year", "END", (date(2024, 9, 1), date(2024, 12, 31))),
    ("199", "decade", "START", (date(1990, 1, 1), date(1992, 12, 31))),
    ("20", "century", "", (date(2001, 1, 1), date(2100, 12, 31))),
    ("PRESENT_REF", "", "", None), ("P3M", "month", "", None), ("2025-13", "month", "", None),
])
def test_value_period_gives_the_days_a_value_covers(value, granularity, mod, expected):
    assert value_period(value, granularity, mod) == expected


def test_unresolved_values_keep_x_placeholders():
    assert [unresolved(name) for name in ("day", "week", "month", "year")] == [
        "XXXX-XX-XX", "XXXX-WXX", "XXXX-XX", "XXXX"]
