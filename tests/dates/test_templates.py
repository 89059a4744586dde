"""Tests for kursklib.dates.templates: rule templates as regular expressions, and first words."""

from __future__ import annotations

import re

import pytest

from kursklib.dates.templates import DIGIT, Expander, literal_words, trie_regex

EXPANDER = Expander({"month": {"January": 1, "Jan.": 1, "June": 6}, "det": {"the": ""},
                     "unit": {"year": "Y", "trading day": "D"}},
                    {"day": r"(?:3[01]|[12]\d|0?[1-9])(?!\d)", "when": "{det} {unit}"},
                    "x.yaml")


@pytest.mark.parametrize("text, found", [
    ("june", "june"), ("junes", None), ("jan. 5", "jan."), ("january", "january"),
    ("janua", None),
])
def test_trie_regex_matches_whole_phrases(text, found):
    match = re.compile(trie_regex(["January", "jan.", "june"])).match(text)
    assert (match.group() if match else None) == found


def test_trie_regex_reads_spaces_hyphens_and_apostrophes_loosely():
    pattern = re.compile(trie_regex(["new year's day", "year-ago"]))
    assert all(pattern.fullmatch(text) for text in ("new  year’s day", "year ago", "year - ago"))


@pytest.mark.parametrize("template, first", [
    ("(?:the )?{month} {day}", {"the", "january", "jan", "june"}),
    ("(?:the|that) {unit}", {"the", "that"}),
    ("{day} of {month}", {DIGIT}),
    ("{when}", {"the"}),
    ("(?:{det} )?(?:trading )?{unit}", {"the", "trading", "year"}),
])
def test_first_words_are_derived_from_the_template(template, first):
    assert EXPANDER.first_words(template) == first


def test_vocabulary_holds_every_word_a_template_can_match():
    assert EXPANDER.vocabulary("{month} {day} of {when}") == {
        "january", "jan", "june", DIGIT, "of", "the", "year", "trading", "day"}


def test_literal_words_skip_placeholders_and_look_arounds():
    assert literal_words("(?:the )?{month} of {day}(?! ago)") == {"the", "of"}
