""":mod:`kursklib.splitters`: sentence splitters other than Punkt, chosen by a language's data.

A language whose ``sentences.splitter`` is ``razdel`` (Russian) is split by razdel's rules
inside each line, then the language's abbreviation fixes are applied: breaks razdel makes
after ``no_break_after`` (and after ``no_break_before_digit`` before a digit) are undone,
and breaks it misses after ``break_after`` before a capital (and ``break_after_number``
after a number) are added.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lang import load_language

_LINE = re.compile(r"[^\n]+")


@dataclass(frozen=True)
class RazdelRules:
    """A language's fixes to razdel's boundaries, as patterns."""

    no_break: re.Pattern[str]  # searched at the end of a sentence
    no_break_before_digit: re.Pattern[str]
    add_break: re.Pattern[str]  # group 1 ends where a new sentence starts


def splitter_of(language: str) -> str:
    """The sentence splitter a language's data names (``punkt`` unless told)."""
    return str(load_language(language).sections["sentences"].get("splitter", "punkt"))


@lru_cache(maxsize=None)
def razdel_rules(language: str) -> RazdelRules:
    """Compile the abbreviation fixes of a language's ``sentences`` section."""
    words = load_language(language).words

    def alternatives(key: str) -> str:
        found = sorted(map(re.escape, words("sentences", key)), key=len, reverse=True)
        return "|".join(found) or r"(?!)"

    upper = r"[A-ZА-ЯЁ]"
    return RazdelRules(
        no_break=re.compile(rf"(?<![\w.-])(?:{alternatives('no_break_after')})\.$",
                            re.IGNORECASE),
        no_break_before_digit=re.compile(
            rf"(?<![\w.-])(?:{alternatives('no_break_before_digit')})\.$", re.IGNORECASE),
        add_break=re.compile(
            rf"(?:\d\s*(?:{alternatives('break_after_number')})|(?<![\w.-])"
            rf"(?:{alternatives('break_after')}))(\.\s+)(?-i:(?={upper}))", re.IGNORECASE))


def razdel_spans(text: str, start: int, end: int, language: str) -> list[tuple[int, int]]:
    """Sentence spans of ``text[start:end]``, line by line, with the language's fixes.

    Example:
        >>> text = "Итоги\\nВ 2024 г. Россия ответила. Ген.-полк. Алаудинов сообщил."
        >>> [text[s:e] for s, e in razdel_spans(text, 0, len(text), "ru")]
        ['Итоги', 'В 2024 г.', 'Россия ответила.', 'Ген.-полк. Алаудинов сообщил.']
    """
    from razdel import sentenize  # imported on first Russian text only

    rules = razdel_rules(language)
    spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(text, start, end):
        pieces: list[tuple[int, int]] = []
        for piece in sentenize(line.group()):
            s, e = line.start() + piece.start, line.start() + piece.stop
            if pieces and _joined(text, pieces[-1], s, rules):
                pieces[-1] = (pieces[-1][0], e)
            else:
                pieces.append((s, e))
        for s, e in pieces:
            for found in rules.add_break.finditer(text, s, e):
                spans.append((s, found.start(1) + 1))
                s = found.end(1)
            spans.append((s, e))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _joined(text: str, previous: tuple[int, int], start: int, rules: RazdelRules) -> bool:
    """Whether razdel's break between ``previous`` and a sentence at ``start`` is undone."""
    ending = text[max(previous[0], previous[1] - 24):previous[1]]
    return bool(rules.no_break.search(ending)) or (
        text[start:start + 1].isdigit() and bool(rules.no_break_before_digit.search(ending)))
