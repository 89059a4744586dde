""":mod:`kursklib.dates.normalisers`: the normaliser each rule of a language's table names."""

from __future__ import annotations

from collections.abc import Callable

from .days import NORMALISERS as DAYS
from .durations import NORMALISERS as DURATIONS
from .named import NORMALISERS as NAMED
from .reference import Hit, Reference, Timex
from .relative import NORMALISERS as RELATIVE

Normaliser = Callable[[Hit, Reference], list[Timex]]
NORMALISERS: dict[str, Normaliser] = {**NAMED, **DAYS, **RELATIVE, **DURATIONS}
