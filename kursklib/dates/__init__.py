""":mod:`kursklib.dates`: temporal expressions, found and normalised to TimeML values."""

from .anchor import value_period
from .tagger import DATE_COLUMNS, tag_dates

__all__ = ["DATE_COLUMNS", "tag_dates", "value_period"]
