""":mod:`kursklib.dates.reference`: what one document's expressions resolve against."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from ..matching import fold_phrase
from .anchor import Point, floor
from .rules import DateLanguage, Rule, fold_case

_DIGITS = re.compile(r"\d+")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
# What comes right before a word inside a sentence: a word or a comma, then a space.
_INSIDE_SENTENCE = re.compile(r"(?:[^\W_]|,)\s$")
PUBLICATION = -1  # ``anchored_on`` of a value resolved against the publication date


@dataclass(slots=True)
class Timex:
    """One normalised expression, before it becomes a row of ``tag_dates``.

    ``point`` is the calendar stretch a DATE or TIME names (what later anaphoric
    expressions resolve against); ``anchored_on`` is the index of the expression this
    one was resolved against (``PUBLICATION`` for the publication date, None for none);
    ``open_year`` marks a year read from tense alone, which a coordinated date may fix;
    ``compared`` a value counted back from another for a comparison ("a year earlier"):
    later expressions keep counting from the other one.
    """

    start: int
    end: int
    type: str
    value: str
    granularity: str
    kind: str
    anchor: str
    mod: str = ""
    quant: str = ""
    freq: str = ""
    point: Point | None = None
    anchored_on: int | None = None
    open_year: bool = False
    compared: bool = False


@dataclass
class Reference:
    """The state one document's expressions resolve against, updated in reading order.

    Attributes:
        published: The publication date (None when unknown).
        published_time: The publication time, when the metadata gives one.
        fallback: The caller's ``reference_date``, used only without ``published``.
        language: The compiled language (tense cues).
        text: The document text.
        folded: The text in lower case (what rules and tense cues read; ``fold_case``).
        sentence: ``(start, end)`` of the sentence being read.
        previous: The last DATE or TIME point read, and the index of its expression.
        previous_part: The last quarter or half read (not a comparison), and its index.
        explicit_years: ``(offset, year)`` of every year written out so far.
    """

    published: date | None
    published_time: datetime | None
    fallback: date | None
    language: DateLanguage
    text: str
    folded: str = ""
    sentence: tuple[int, int] = (0, 0)
    previous: tuple[Point, int] | None = None
    previous_part: tuple[Point, int] | None = None
    explicit_years: list[tuple[int, int]] = field(default_factory=list)
    _tenses: dict[tuple[int, int], tuple[list[int], list[int]]] = field(default_factory=dict)
    _modal: dict[tuple[int, int], bool] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if len(self.folded) != len(self.text):
            self.folded = fold_case(self.text)

    def today(self) -> tuple[date | None, str]:
        """The day deictic expressions count from, and how it is known.

        Example:
            >>> from kursklib.dates.rules import date_language
            >>> Reference(date(2025, 4, 28), None, None, date_language("en"), "").today()
            (datetime.date(2025, 4, 28), 'published')
        """
        if self.published is not None:
            return self.published, "published"
        return self.fallback, "inferred" if self.fallback is not None else "none"

    def base_year(self, offset: int) -> tuple[int | None, str]:
        """The year a date written without one falls in, and how it is known.

        Example:
            >>> from kursklib.dates.rules import date_language
            >>> reference = Reference(None, None, None, date_language("en"), "",
            ...                       explicit_years=[(10, 1998)])
            >>> reference.base_year(5), reference.base_year(20)
            ((None, 'none'), (1998, 'inferred'))
        """
        if self.published is not None:
            return self.published.year, "published"
        position = bisect.bisect_right(self.explicit_years, (offset, 10_000)) - 1
        if position >= 0:
            return self.explicit_years[position][1], "inferred"
        if self.fallback is not None:
            return self.fallback.year, "inferred"
        return None, "none"

    def antecedent(self) -> tuple[Point | None, int | None, str]:
        """The point anaphoric expressions count from: the last date read, else today.

        Example:
            >>> from kursklib.dates.rules import date_language
            >>> reference = Reference(date(2025, 4, 28), None, None, date_language("en"), "")
            >>> reference.previous = (Point("quarter", date(2025, 1, 1)), 3)
            >>> reference.antecedent()[1:]
            (3, 'previous')
        """
        if self.previous is not None:
            return self.previous[0], self.previous[1], "previous"
        day, anchor = self.today()
        return (None, None, "none") if day is None else (floor(day, "day"), PUBLICATION, anchor)

    def part_antecedent(self) -> tuple[Point | None, int | None, str]:
        """The point "the quarter" or "the period" counts from: the last quarter or half the
        text named, else the last date read, else today.

        Example:
            >>> from kursklib.dates.rules import date_language
            >>> reference = Reference(date(1989, 10, 26), None, None, date_language("en"), "")
            >>> reference.previous_part = (Point("quarter", date(1989, 1, 1)), 0)
            >>> reference.previous = (Point("month", date(1989, 4, 1)), 1)
            >>> reference.part_antecedent()[0].value
            '1989-Q1'
        """
        if self.previous_part is not None:
            return self.previous_part[0], self.previous_part[1], "previous"
        return self.antecedent()

    def tense(self, start: int, end: int, *, past_cues: bool = True) -> int:
        """+1 if the expression reads forward, -1 back, 0 if nothing tells.

        A cue right before it decides (``past_before``, ``future_before``); else the tense
        cue of its sentence nearest it (the future wins a tie). Without ``past_cues``,
        any ``modal_future`` cue of the sentence reads it forward.

        Example:
            >>> from kursklib.dates.rules import date_language
            >>> text = "Talks will open on Friday."
            >>> reference = Reference(None, None, None, date_language("en"), text, sentence=(0, 26))
            >>> reference.tense(19, 25)
            1
        """
        low = max(self.sentence[0], start - 30)
        for name, direction in (("past_before", -1), ("future_before", 1)):
            adjacent = self.language.cues.get(name)
            found = adjacent.search(self.folded, low, start) if adjacent is not None else None
            if found is not None and self._is_cue(found):
                return direction
        if not past_cues:
            if self.sentence not in self._modal:
                modal = self.language.cues.get("modal_future")
                self._modal[self.sentence] = modal is not None and any(
                    self._is_cue(found) for found in modal.finditer(self.folded,
                                                                    *self.sentence))
            return 1 if self._modal[self.sentence] else 0
        positions, directions = self._sentence_cues()
        before = bisect.bisect_left(positions, start) - 1
        after = bisect.bisect_left(positions, end)
        gap_before = start - positions[before] if before >= 0 else None
        gap_after = positions[after] - end + 1 if after < len(positions) else None
        if gap_before is None and gap_after is None:
            return 0
        if gap_after is None or (gap_before is not None and gap_before < gap_after):
            return directions[before]
        if gap_before is None or gap_after < gap_before:
            return directions[after]
        return max(directions[before], directions[after])

    def _is_cue(self, found: re.Match[str]) -> bool:
        """A cue is not one where its word is a capitalised name: "May" the month, or a
        word written with a capital inside a sentence ("the United States")."""
        start = found.start()
        if not self.text[start].isupper():
            return True
        return found.group() not in self.language.capitals and not _INSIDE_SENTENCE.search(
            self.text, max(0, start - 2), start)

    def _sentence_cues(self) -> tuple[list[int], list[int]]:
        """Where the tense cues of the current sentence begin, and their directions."""
        if self.sentence not in self._tenses:
            first, last = self.sentence
            cues = sorted((found.start(), direction)
                          for name, direction in (("future", 1), ("past", -1))
                          if name in self.language.cues
                          for found in self.language.cues[name].finditer(self.folded, first, last)
                          if self._is_cue(found))
            self._tenses[self.sentence] = ([position for position, _ in cues],
                                           [direction for _, direction in cues])
        return self._tenses[self.sentence]


class Hit:
    """One rule match, read slot by slot.

    Example:
        >>> from kursklib.dates.rules import date_language
        >>> from kursklib.dates.scan import find_expressions, scanner_for
        >>> english, text = date_language("en"), "It ended on August 20."
        >>> [match] = find_expressions(text, scanner_for("en").candidates([text])[0], english)
        >>> hit = Hit(match, english.rules[match.lastgroup], english)
        >>> hit.meaning("month"), hit.integer("day")
        (8, 20)
    """

    __slots__ = ("match", "rule", "language", "start", "end", "_groups")

    def __init__(self, match: re.Match[str], rule: Rule, language: DateLanguage) -> None:
        self.match, self.rule, self.language = match, rule, language
        self.start, self.end = match.span()
        self._groups = rule.groups

    def text(self, slot: str) -> str | None:
        """The text of ``slot`` (None when the match left it out)."""
        group = self._groups.get(slot)
        return None if group is None else self.match.group(group)

    def span(self, slot: str) -> tuple[int, int]:
        """Where ``slot`` lies in the document."""
        return self.match.span(self.rule.groups[slot])

    def meaning(self, slot: str) -> Any:
        """What the words of ``slot`` mean in their class (None when absent)."""
        group = self._groups.get(slot)
        text = None if group is None else self.match.group(group)
        if text is None:
            return None
        return self.language.meaning(self.rule.slots[slot], text)

    def integer(self, slot: str) -> int | None:
        """The first run of digits in ``slot``."""
        text = self.text(slot)
        found = _DIGITS.search(text) if text else None
        return int(found.group()) if found else None

    def count(self, slot: str) -> float | str | None:
        """A count written in digits or words (``X`` for "several"), or None."""
        text = self.text(slot)
        if text is None:
            return None
        counts = self.language.counts
        if text not in counts:
            counts[text] = parse_count(text, self.language)
        return counts[text]

    def ordinal(self, slot: str) -> int | None:
        """An ordinal written in digits (``3rd``) or words (``third``)."""
        text = self.text(slot)
        if text is None:
            return None
        found = _DIGITS.match(text)
        return int(found.group()) if found else self.language.meaning("ordinal", text)


def parse_count(text: str, language: DateLanguage) -> float | str | None:
    """Read a count in digits or in the language's number words.

    Example:
        >>> from kursklib.dates.rules import date_language
        >>> [parse_count(text, date_language("en")) for text in ("twenty four", "a", "several")]
        [24, 1, 'X']
    """
    digits = text.replace(",", "")
    if _NUMBER.fullmatch(digits):
        number = float(digits)
        return int(number) if number.is_integer() else number
    article = language.meaning("article", text)
    if article is not None:
        return int(article)
    table = language.words.get("number", {})
    multipliers = language.words.get("multiplier", {})
    words = fold_phrase(text).split()
    total, current, position = 0, 0, 0
    while position < len(words):
        for size in range(min(4, len(words) - position), 0, -1):
            phrase = " ".join(words[position:position + size])
            if phrase in table:
                break
        else:
            return None
        meaning = table[phrase]
        position += size
        if meaning == "X":
            return "X"
        if phrase in multipliers:
            current = (current or 1) * int(meaning)
            if meaning >= 1000:
                total, current = total + current, 0
        else:
            current += int(meaning)
    return total + current


def mod_of(hit: Hit) -> str:
    """The TimeML mod of a hit's modifier slots ("" if none).

    Example:
        >>> from kursklib.dates.rules import date_language
        >>> from kursklib.dates.scan import find_expressions, scanner_for
        >>> english, text = date_language("en"), "It began in early 2024."
        >>> [match] = find_expressions(text, scanner_for("en").candidates([text])[0], english)
        >>> mod_of(Hit(match, english.rules[match.lastgroup], english))
        'START'
    """
    for slot in hit.rule.mod_slots:
        meaning = hit.meaning(slot)
        if meaning:
            return str(meaning)
    return ""


def granularity_of(point: Point) -> str:
    """The granularity column of a point: a time of day counts as its day.

    Example:
        >>> granularity_of(Point("time", date(2025, 4, 28), "TMO"))
        'day'
    """
    return "day" if point.granularity == "time" else point.granularity


def dated(hit: Hit, point: Point, kind: str, anchor: str, *, mod: str = "",
           type_: str = "DATE", open_year: bool = False) -> list[Timex]:
    anchored = PUBLICATION if anchor == "published" else None
    return [Timex(hit.start, hit.end, type_, point.value, granularity_of(point), kind, anchor,
                  mod=mod, point=point, anchored_on=anchored, open_year=open_year)]


def unresolved_timex(hit: Hit, value: str, granularity: str, kind: str = "date", *,
                mod: str = "", type_: str = "DATE") -> list[Timex]:
    return [Timex(hit.start, hit.end, type_, value, granularity, kind, "none", mod=mod)]


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def unit_of(hit: Hit) -> str | None:
    """The TimeML letter of the unit a hit names (None if it names none)."""
    for slot in ("unit", "units", "unit_any", "calendar_unit"):
        meaning = hit.meaning(slot)
        if meaning:
            return str(meaning)
    return None
