"""Tests for kursklib.dates.rules: the rule tables compile; the fast scan finds every example
of every packaged language."""

from __future__ import annotations

import re

import pytest

from kursklib.dates.normalisers import NORMALISERS
from kursklib.dates.rules import compile_language, date_language
from kursklib.dates.scan import find_expressions, scanner_for
from kursklib.errors import LanguageError
from kursklib.lang import available_languages

# The sentence each packaged language's rule examples are read in.
FRAMES = {"en": "Reports say {} here.", "ru": "Сообщается, что {} здесь."}
PACKAGED = {code: date_language(code) for code in FRAMES}
ENGLISH = PACKAGED["en"]
EXAMPLES = [(code, rule.name, example) for code, language in PACKAGED.items()
            for rule in language.rules.values() for example in rule.examples]
# A toy language in Cyrillic: nothing in the engine may assume ASCII.
RUSSIAN = {
    "words": {"month": {"мая": 5, "августа": 8}, "shift": {"прошлом": -1},
              "unit": {"году": "Y"}},
    "patterns": {"day": r"(?:3[01]|[12]\d|0?[1-9])(?!\d)"},
    "heads": ["month", "unit"],
    "rules": [
        {"name": "day_month", "pattern": "{day} {month}", "normalise": "calendar_day",
         "examples": ["5 мая"]},
        {"name": "shifted_unit", "pattern": "в {shift} {unit}", "normalise": "shifted_unit",
         "examples": ["в прошлом году"]},
    ],
}


def found_by_the_scan(language, text: str) -> list[tuple[int, int, str]]:
    packaged = PACKAGED.get(language.code) is language
    scanner = scanner_for(language.code) if packaged else _scanner(language)
    [candidates] = scanner.candidates([text])
    return [(match.start(), match.end(), language.rules[match.lastgroup].name)
            for match in find_expressions(text, candidates, language)]


def _scanner(language):
    from kursklib.dates.scan import Scanner
    return Scanner(language)


def test_every_packaged_language_has_its_examples_checked():
    assert set(FRAMES) == set(available_languages())


@pytest.mark.parametrize("code, rule, example", EXAMPLES)
def test_every_rule_example_is_found_by_the_fast_scan(code, rule, example):
    # An example may bracket the expression within its context: "in [May]", "в [марте]".
    marked = re.search(r"\[(.*)\]", example)
    plain = example.replace("[", "").replace("]", "")
    text = FRAMES[code].format(plain)
    start = text.index(plain) + (plain.index(marked.group(1)) if marked else 0)
    end = start + len(marked.group(1) if marked else plain)
    assert (start, end, rule) in found_by_the_scan(PACKAGED[code], text)


def test_every_rule_names_a_normaliser():
    assert {rule.normaliser for rule in ENGLISH.rules.values()} <= NORMALISERS.keys()


def test_month_and_weekday_names_come_from_the_calendar_section():
    assert ENGLISH.meaning("month", "Sept.") == 9
    assert ENGLISH.meaning("month_short", "Sept") == 9
    assert ENGLISH.meaning("weekday", "Sunday") == 7
    assert ENGLISH.meaning("month", "Sept") is None


def test_a_cyrillic_language_compiles_and_scans():
    russian = compile_language("ru", RUSSIAN, "ru.yaml")
    text = "Это было 5 мая, а в прошлом году тоже."
    assert [text[start:end] for start, end, _ in found_by_the_scan(russian, text)] == [
        "5 мая", "в прошлом году"]
    assert "в" in russian.starters and {"мая", "году"} <= russian.heads


@pytest.mark.parametrize("change, problem", [
    ({"rules": None}, "the dates section lacks 'rules'"),
    ({"rules": [{"name": "x", "pattern": "{nothing}", "normalise": "year"}]},
     "rule 'x' names unknown class '{nothing}'"),
    ({"rules": [{"name": "x", "pattern": "{month} {month}", "normalise": "year"}]},
     "rule 'x' names slot 'month' twice"),
    ({"rules": [{"name": "x", "pattern": "{month}(", "normalise": "year"}]},
     "rule 'x' does not compile"),
    ({"rules": [{"name": "x", "pattern": ".{month}", "normalise": "year"}]},
     "cannot tell which words the rules ['x'] begin with"),
    ({"rules": [{"name": "x", "pattern": "{month}"}]}, "needs a name, a pattern and a normaliser"),
    ({"words": {"both": ["month", "season"]}}, "word class 'both' joins unknown classes"),
])
def test_compile_language_names_the_file_and_the_problem(change, problem):
    with pytest.raises(LanguageError, match=re.escape(problem)) as error:
        compile_language("ru", {**RUSSIAN, **change}, "ru.yaml")
    assert str(error.value).startswith("ru.yaml: ")


def test_date_language_rejects_an_unknown_language():
    with pytest.raises(LanguageError, match="no language resources for 'xx'"):
        date_language("xx")
