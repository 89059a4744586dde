""":mod:`kursklib.actors.cues`: a language's cues to names (titles, suffixes, locatives)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lang import load_language

# How far back the context of a name or place is read ("Deputy Defense Minister ").
LOOK_BACK = 40
UPPER = "A-ZÀ-ÖØ-ÞА-ЯЁ"
POSSESSIVE = re.compile(r"['’]s?$")
_LABEL_LEAD = re.compile(r"\w+:\s*[\"“]?")


@dataclass(frozen=True)
class NameCues:
    """Word sets (lower case unless noted) and patterns that tell names from other words.

    ``locative_before`` matches the reversed text before a word (see ``reversed_lead``): one
    anchored match there does what a search at the end would.
    """

    titles: frozenset[str]
    one_person_titles: frozenset[str]
    particles: frozenset[str]
    months_and_days: frozenset[str]
    label_words: frozenset[str]
    function_words: frozenset[str]
    title_case_markers: frozenset[str]  # case-sensitive
    org_suffixes: frozenset[str]
    place_suffixes: frozenset[str]
    not_name_start: frozenset[str]
    not_name_end: frozenset[str]
    locative_before: re.Pattern[str]
    coordination: re.Pattern[str]  # use with fullmatch
    capitalised_run: re.Pattern[str]


@lru_cache(maxsize=None)
def name_cues(language: str) -> NameCues:
    """Compile the ``actors`` and ``calendar`` sections of a language's resources.

    Example:
        >>> "minister" in name_cues("en").titles
        True
    """
    resources = load_language(language)

    def words(key: str, **options: bool) -> frozenset[str]:
        return frozenset(resources.words("actors", key, **options))

    one_person = words("person_titles")
    titles = one_person | words("title_modifiers") | words("group_titles")
    particles = words("particles")
    months_and_days = frozenset(name.lower() for names in resources.months for name in names
                                ) | {day.lower() for day in resources.weekdays}
    label_words, function_words = words("label_words"), words("function_words")
    articles = resources.words("actors", "articles")
    locatives = resources.words("actors", "locatives")
    return NameCues(
        titles=titles, one_person_titles=one_person, particles=particles,
        months_and_days=months_and_days, label_words=label_words,
        function_words=function_words,
        title_case_markers=words("title_case_markers", lower=False),
        org_suffixes=words("org_suffixes"), place_suffixes=words("place_suffixes"),
        not_name_start=titles | months_and_days | label_words | particles | function_words,
        not_name_end=titles | months_and_days | particles | function_words,
        locative_before=re.compile(
            rf"\s+(?:(?:{_reversed_alternatives(articles)})\s+)?"
            rf"(?:{_reversed_alternatives(locatives)})\b", re.IGNORECASE),
        coordination=re.compile(
            rf"\s*(?:,|(?:,\s*)?(?:{'|'.join(sorted(map(re.escape, words('coordinators'))))}))\s*"),
        capitalised_run=re.compile(
            rf"[{UPPER}][\w'’.\-]*(?:\s+(?:(?:{'|'.join(sorted(map(re.escape, particles)))})"
            rf"\s+)*[{UPPER}][\w'’.\-]*)*"),
    )


def _reversed_alternatives(words: list[str] | tuple[str, ...]) -> str:
    """Words reversed, longest first, as regex alternatives."""
    return "|".join(sorted((re.escape(word[::-1]) for word in words),
                           key=lambda word: (-len(word), word)))


def reversed_lead(text: str, start: int) -> str:
    """The ``LOOK_BACK`` characters before ``start``, reversed, for the ``*_before``
    patterns: one anchored match there does what a search for a suffix would."""
    return text[max(0, start - LOOK_BACK):start][::-1]


def plain(word: str) -> str:
    """A word without possessive and edge punctuation, lower-cased ("Putin’s" → "putin")."""
    return POSSESSIVE.sub("", word).strip("'’.-,").lower()


def is_sentence_initial(text: str, sentence_start: int, word_start: int) -> bool:
    """Whether only quotes, brackets or a label ("Quote: ") come before a word in its sentence."""
    lead = text[sentence_start:word_start]
    return not lead.strip(" \"'“‘(") or bool(_LABEL_LEAD.fullmatch(lead))
