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
# A name word: capitalised, or a lower-case prefix of three letters joined to a capitalised
# word ("al-Burhan", "d'Ivoire").
NAME_WORD = rf"(?:[a-z]{{1,3}}[-'’])?[{UPPER}][\w'’.\-]*"


@dataclass(frozen=True)
class NameCues:
    """Word sets (lower case unless noted) and patterns that tell names from other words.

    ``locative_before`` and ``title_before`` match the reversed text before a word (see
    ``reversed_lead``): one anchored match there does what a search at the end would.
    """

    titles: frozenset[str]
    one_person_titles: frozenset[str]
    particles: frozenset[str]
    months_and_days: frozenset[str]
    label_words: frozenset[str]
    function_words: frozenset[str]
    title_case_markers: frozenset[str]  # case-sensitive
    org_suffixes: frozenset[str]  # with the org heads: any last word of an organisation
    place_suffixes: frozenset[str]  # with the place heads
    place_designators: frozenset[str]
    compound_tails: frozenset[str]
    person_nouns: frozenset[str]
    org_nouns: frozenset[str]
    place_nouns: frozenset[str]
    act_verbs_after: frozenset[str]
    credit_words: frozenset[str]
    locatives: frozenset[str]
    inner_connectors: frozenset[str]
    abbreviations: frozenset[str]
    openers: frozenset[str]  # never a name on their own ("He", "Later")
    not_actor_heads: frozenset[str]
    groups: frozenset[str]
    org_designators: frozenset[str]
    strong_org_designators: frozenset[str]  # org designators that outweigh a known town
    language_nouns: frozenset[str]  # after a demonym, a language ("French initials")
    articles: frozenset[str]
    compass_words: frozenset[str]
    ethnic_words: frozenset[str]
    place_demonym_endings: tuple[str, ...]
    not_name_start: frozenset[str]
    not_name_end: frozenset[str]
    locative_before: re.Pattern[str]
    title_before: re.Pattern[str]
    act_before: re.Pattern[str]  # reversed, like the other ``*_before`` patterns
    place_before: re.Pattern[str]  # reversed
    org_before: re.Pattern[str]  # reversed: "group " before a name
    ethnic: re.Pattern[str]  # reversed: "ethnic " before a name
    ethnic_anywhere: re.Pattern[str]  # any ethnic marker, in any case: texts with none skip
    alias_after: re.Pattern[str]  # matched right after a name (", known as ")
    alias_lead: re.Pattern[str]  # the leads' first words, lower case: fast to find
    coordination: re.Pattern[str]  # use with fullmatch
    national_forces: re.Pattern[str]  # matched right after a state ("Sudanese army")
    national_forces_acting: re.Pattern[str]  # the same, before an act verb or punctuation
    national_force_phrases: tuple[str, ...]  # both lists, to look a listed alias up
    capitalised_run: re.Pattern[str]
    locative_wins: bool = False  # a locative reads a capital as the place whatever verb follows


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
    # Inside a run: particles ("al", "of"), and words an organisation's name may hold after
    # its head ("League for Democracy"), split off later where no head comes before them.
    alias_leads = "|".join(sorted(map(re.escape, resources.words("actors", "alias_leads")),
                                  key=len, reverse=True))
    connectors = "|".join(sorted(map(re.escape, particles | words("inner_connectors"))))
    return NameCues(
        titles=titles, one_person_titles=one_person, particles=particles,
        months_and_days=months_and_days, label_words=label_words,
        function_words=function_words,
        title_case_markers=words("title_case_markers", lower=False),
        org_suffixes=words("org_suffixes") | words("org_heads"),
        place_suffixes=words("place_suffixes") | words("place_heads"),
        place_designators=words("place_designators"), compound_tails=words("compound_tails"),
        person_nouns=words("person_nouns"), org_nouns=words("org_nouns"),
        place_nouns=words("place_nouns"), act_verbs_after=words("act_verbs_after"),
        credit_words=words("credit_words"), locatives=frozenset(locatives),
        inner_connectors=words("inner_connectors"),
        abbreviations=frozenset(resources.words("sentences", "abbreviations")),
        openers=words("openers"), not_actor_heads=words("not_actor_heads"),
        groups=words("groups"),
        org_designators=words("org_designators"),
        strong_org_designators=words("strong_org_designators"),
        language_nouns=words("language_nouns"), articles=frozenset(articles),
        compass_words=words("compass_words"), ethnic_words=words("ethnic_markers"),
        place_demonym_endings=resources.words("actors", "place_demonym_endings"),
        national_forces=_after_name(resources.words("actors", "national_forces")),
        national_forces_acting=_after_name(resources.words("actors", "national_forces_acting")),
        national_force_phrases=resources.words("actors", "national_forces") + resources.words(
            "actors", "national_forces_acting"),
        not_name_start=titles | months_and_days | label_words | particles | function_words,
        not_name_end=titles | months_and_days | particles | function_words,
        locative_before=re.compile(
            rf"\s+(?:(?:{_reversed_alternatives(articles)})\s+)?"
            rf"(?:{_reversed_alternatives(locatives)})\b", re.IGNORECASE),
        title_before=re.compile(
            rf"\s+\.?(?:{_reversed_alternatives([w for w in titles if w.isalpha()])})\b",
            re.IGNORECASE),
        act_before=re.compile(
            rf"\s+(?:{_reversed_alternatives(resources.words('actors', 'act_words_before'))})\b",
            re.IGNORECASE),
        place_before=re.compile(
            rf"\s+(?:(?:{_reversed_alternatives(articles)})\s+)?"
            rf"(?:{_reversed_alternatives(resources.words('actors', 'place_locatives'))})\b",
            re.IGNORECASE),
        org_before=re.compile(
            rf"\s+(?:{_reversed_alternatives(resources.words('actors', 'org_before'))})\b",
            re.IGNORECASE) if resources.words("actors", "org_before") else re.compile("(?!)"),
        ethnic=re.compile(
            rf"\s+(?:{_reversed_alternatives(resources.words('actors', 'ethnic_markers'))})\b",
            re.IGNORECASE),
        ethnic_anywhere=re.compile("|".join(sorted(map(
            re.escape, resources.words("actors", "ethnic_markers")))) or "(?!)", re.IGNORECASE),
        alias_after=re.compile(rf",?\s+(?:{alias_leads})\s+", re.IGNORECASE),
        alias_lead=re.compile("(?:" + "|".join(sorted({re.escape(lead.split()[0]) for lead in
                                                       resources.words("actors", "alias_leads")})
                                             ) + ") "),
        coordination=re.compile(
            rf"\s*(?:,|(?:,\s*)?(?:{'|'.join(sorted(map(re.escape, words('coordinators'))))}))\s*"),
        capitalised_run=re.compile(  # "\b" first: a run starts only where a word does
            rf"\b(?=[\da-z{UPPER}])(?:\d+(?:st|nd|rd|th)[ \t]+)?{NAME_WORD}"
            rf"(?:(?:[ \t]+(?:(?:{connectors})[ \t]+)*|[ \t]*&[ \t]*){NAME_WORD})*"),
        locative_wins=bool(resources.sections["actors"].get("locative_wins", False)),
    )


def _after_name(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """Lower-case phrases matched right after a name, as whole words ("\\s+army\\b")."""
    if not phrases:
        return re.compile("(?!)")
    alternatives = "|".join(sorted((r"\s+".join(map(re.escape, phrase.split()))
                                    for phrase in phrases), key=len, reverse=True))
    return re.compile(rf"\s+(?:{alternatives})(?![\w-])")


def _reversed_alternatives(words: list[str] | tuple[str, ...]) -> str:
    """Words reversed, longest first, as regex alternatives."""
    return "|".join(sorted((re.escape(word[::-1]) for word in words),
                           key=lambda word: (-len(word), word)))


def reversed_lead(text: str, start: int) -> str:
    """The ``LOOK_BACK`` characters before ``start``, reversed, for the ``*_before``
    patterns: one anchored match there does what a search for a suffix would."""
    return text[max(0, start - LOOK_BACK):start][::-1]


@lru_cache(maxsize=1 << 16)
def plain(word: str) -> str:
    """A word without possessive and edge punctuation, lower-cased ("Putin’s" → "putin")."""
    return POSSESSIVE.sub("", word).strip("'’.-,").lower()


def is_sentence_initial(text: str, sentence_start: int, word_start: int) -> bool:
    """Whether only quotes, brackets or a label ("Quote: ") come before a word in its sentence."""
    lead = text[sentence_start:word_start]
    return not lead.strip(" \"'“‘(") or bool(_LABEL_LEAD.fullmatch(lead))
