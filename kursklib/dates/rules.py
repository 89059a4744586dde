""":mod:`kursklib.dates.rules`: the rule table of a language, compiled from its resource file."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, NamedTuple

from ..errors import LanguageError
from ..lang import Language, load_language
from ..matching import fold_phrase
from .templates import ANY, DIGIT, Expander

_NAMED_GROUP = re.compile(r"\(\?P<(\w+)>")
_REQUIRED = ("words", "patterns", "rules")
# Cues of tense, read in the text in lower case; a cue that is a capitalised name ("May")
# does not count.
_TENSES = ("future", "past", "modal_future", "past_before", "future_before")
# Other context expressions of the section, matched in the text as written.
_CONTEXTS = ("count_noun", "name_before", "coordination", "title_word")


@dataclass(frozen=True)
class Rule:
    """One row of the rule table.

    Attributes:
        name: The rule's name, unique in its language.
        normaliser: Name of the function (in ``normalise.NORMALISERS``) that reads a match.
        slots: Each slot (named group) of the pattern and the word class or pattern it holds.
        groups: Each slot and the name of its group in the compiled pattern.
        cased: The groups whose words must begin with a capital in the text.
        examples: Phrases the rule must find (checked by the tests).
        checks: Context checks ``(after, required, pattern)``: ``not_before`` and
            ``only_before`` match the text after the expression (``after``),
            ``not_after`` and ``only_after`` the text before it; ``only_...`` ones must
            match (``required``), ``not_...`` ones must not.
        options: The rule's other settings.
        mod_slots: Its slots that can carry a TimeML mod, in the order they decide it.
    """

    name: str
    normaliser: str
    slots: dict[str, str]
    groups: dict[str, str]
    cased: tuple[str, ...]
    examples: tuple[str, ...]
    checks: tuple[tuple[bool, bool, re.Pattern[str]], ...] = ()
    options: dict[str, Any] = field(default_factory=dict)
    mod_slots: tuple[str, ...] = ()


class Bucket(NamedTuple):
    """The rules that can read an expression with a given first word and head word, in
    table order: their group names and their patterns' ``match`` methods. Trying them one
    by one finds what one alternation of them would, without compiling one per bucket."""

    names: tuple[str, ...]
    matchers: tuple[Callable[[str, int], re.Match[str] | None], ...]


@dataclass(frozen=True)
class DateLanguage:
    """A language's date resources, compiled once (see ``compile_language``).

    Attributes:
        code: The language code.
        words: Word class -> folded phrase -> meaning.
        rules: The rules, by the name of their outer group (``r`` and the rule's index).
        rule_patterns: Each rule's pattern alone, in table order.
        first_rules: Folded word (``DIGIT`` for a digit) -> the rules that can begin with
            it, in table order.
        word_rules: Folded word (``DIGIT`` for a digit) -> the rules that can contain it.
        heads: Folded words that every expression without a digit contains.
        starters: Folded words an expression can begin with (besides digits).
        lead: The most characters an expression has before its first head.
        cues: Compiled context expressions (``future``, ``past``, ``count_noun``, ...).
        licensed: Folded ambiguous word -> the context that must come before it.
        capitals: Folded words that are names, written with a capital (months, weekdays).
        capital_words: Each word of those names ("christmas", "eve").
    """

    code: str
    words: dict[str, dict[str, Any]]
    rules: dict[str, Rule]
    rule_patterns: list[re.Pattern[str]]
    first_rules: dict[str, frozenset[int]]
    word_rules: dict[str, frozenset[int]]
    heads: frozenset[str]
    starters: frozenset[str]
    lead: int
    cues: dict[str, re.Pattern[str]]
    licensed: dict[str, re.Pattern[str]]
    capitals: frozenset[str]
    capital_words: frozenset[str] = frozenset()
    _buckets: dict[tuple[str, ...], Bucket] = field(default_factory=dict)
    _meanings: dict[tuple[str, str], Any] = field(default_factory=dict)
    _tokens: dict[str, str] = field(default_factory=dict)
    counts: dict[str, Any] = field(default_factory=dict)  # parsed counts, by their text

    def matchers_for(self, first: str, head: str, after: str = "") -> Bucket:
        """The rules, in table order, that can begin with the word ``first`` and contain
        the word ``head`` (and the word ``after``, if given; all folded, ``DIGIT`` for a
        number): each rule's group name and own ``match`` method.

        Example:
            >>> bucket = date_language("en").matchers_for("last", "week")
            >>> next(found.group() for match in bucket.matchers
            ...      if (found := match("it fell last week", 8)))
            'last week'
        """
        key = (first, head, after)
        bucket = self._buckets.get(key)
        if bucket is None:
            indexes = self.first_rules.get(first, frozenset()) & self.word_rules.get(
                head, frozenset())
            if after:
                indexes &= self.word_rules.get(after, frozenset())
            ordered = sorted(indexes)
            bucket = Bucket(tuple(f"r{index}" for index in ordered),
                            tuple(self.rule_patterns[index].match for index in ordered))
            self._buckets[key] = bucket
        return bucket

    def token(self, word: str) -> str:
        """A word of the text as the rules' word index knows it (``DIGIT`` for a number).

        Example:
            >>> date_language("en").token("1990s")
            '0'
        """
        known = self._tokens.get(word)
        if known is None:
            known = self._tokens[word] = DIGIT if word[0].isdigit() else fold_phrase(word)
        return known

    def meaning(self, word_class: str, phrase: str) -> Any:
        """What ``phrase`` means in ``word_class`` (None if it is not listed there).

        Example:
            >>> date_language("en").meaning("month", "Sept.")
            9
        """
        key = (word_class, phrase)
        if key not in self._meanings:
            self._meanings[key] = self.words.get(word_class, {}).get(fold_phrase(phrase))
        return self._meanings[key]


@lru_cache(maxsize=None)
def date_language(code: str) -> DateLanguage:
    """Compile the ``dates`` section of a language's resource file (once per language),
    with the month and weekday names of its ``calendar`` section.

    Example:
        >>> date_language("en").meaning("month", "Sept.")
        9
    """
    language = load_language(code)
    source = f"kursklib/data/lang/{code}.yaml"
    section = dict(language.sections.get("dates") or {})
    if not section:
        raise LanguageError(f"language {code!r} has no dates section", path=source)
    calendar, cased = _calendar_words(language)
    words = {**(section.get("words") or {}), **calendar}
    section.update(words=words, cased=[*section.get("cased", []), *cased])
    return compile_language(code, section, source)


def _calendar_words(language: Language) -> tuple[dict[str, dict[str, int]], list[str]]:
    """The classes month (names, and abbreviations with their period), month_short
    (abbreviations alone) and weekday (Monday = 1), and those written with a capital."""
    months, short = {}, {}
    for number, names in enumerate(language.months, start=1):
        months[names[0]] = number
        for abbreviation in names[1:]:
            months[f"{abbreviation}."] = short[abbreviation] = number
    weekdays = {name: number for number, name in enumerate(language.weekdays, start=1)}
    words = {"month": months, "month_short": short, "weekday": weekdays}
    cased = [name for name, table in words.items() if any(word[:1].isupper() for word in table)]
    return words, cased


def compile_language(code: str, section: Mapping[str, Any], source: str) -> DateLanguage:
    """Compile a ``dates`` mapping (word classes, patterns, rules) into a ``DateLanguage``.

    Example:
        >>> compile_language("xx", {"words": {}, "patterns": {}, "rules": []}, "x.yaml").rules
        {}
    """
    for key in _REQUIRED:
        if not isinstance(section.get(key), (dict, list)):
            raise LanguageError(f"the dates section lacks '{key}'", path=source)
    words = _word_tables(section["words"], source)
    raw_words = _word_tables(section["words"], source, fold=False)
    cased = set(section.get("cased", []))
    patterns = {name: str(text) for name, text in section["patterns"].items()}
    expand = Expander(raw_words, patterns, source)
    rules, firsts, vocabularies = {}, [], []
    named = {name: str(section[name]) for name in ("count_noun",) if section.get(name)}
    rule_patterns = []
    for index, entry in enumerate(section["rules"]):
        rule, regex = _compile_rule(index, entry, expand, named, cased, source)
        try:
            # Rules read the text in lower case (see ``fold_case``).
            rule_patterns.append(re.compile(f"(?P<r{index}>{regex})"))
            firsts.append(expand.first_words(str(entry["pattern"])))
        except re.error as error:
            raise LanguageError(f"rule '{rule.name}' does not compile: {error}",
                                path=source) from None
        rules[f"r{index}"] = rule
        vocabularies.append(expand.vocabulary(str(entry["pattern"])))
    if any(ANY in words for words in firsts):
        names = [rule.name for rule, words in zip(rules.values(), firsts) if ANY in words]
        raise LanguageError(f"cannot tell which words the rules {names} begin with",
                            path=source)
    first_rules = _index(firsts)
    word_rules = _index(vocabularies)
    head_classes = section.get("heads", [])
    # The last word of each phrase of a head class ("the near term" -> "term", "p.m." -> "m").
    heads = {re.findall(r"[^\W_]+", phrase)[-1] for name in head_classes
             for phrase in words.get(name, {}) if re.search(r"[^\W_]", phrase)}
    starters = {word for words in firsts for word in words} - {ANY, DIGIT}
    cues = {name: re.compile(section[name]) for name in (*_TENSES, *_CONTEXTS)
            if section.get(name)}
    capitals = frozenset(phrase for name in cased for phrase in words.get(name, {}))
    licensed = {fold_phrase(word): re.compile(context, re.IGNORECASE)
                for word, context in section.get("licensed", {}).items()}
    return DateLanguage(code=code, words=words, rules=rules, rule_patterns=rule_patterns,
                        first_rules=first_rules, word_rules=word_rules,
                        heads=frozenset(heads),
                        starters=frozenset(starters),
                        lead=int(section.get("scan_lead", 32)), cues=cues, licensed=licensed,
                        capitals=capitals,
                        capital_words=frozenset(word for phrase in capitals
                                                for word in re.findall(r"[^\W_]+", phrase)))


def fold_case(text: str) -> str:
    """The text in lower case, one character for one (so that offsets hold).

    Example:
        >>> fold_case("İn May")
        'İn may'
    """
    folded = text.lower()
    if len(folded) == len(text):
        return folded
    return "".join(lower if len(lower := char.lower()) == 1 else char for char in text)


def _index(word_sets: list[set[str]]) -> dict[str, frozenset[int]]:
    """Word -> the indexes of the sets that hold it."""
    index: dict[str, set[int]] = {}
    for position, words in enumerate(word_sets):
        for word in words:
            index.setdefault(word, set()).add(position)
    return {word: frozenset(positions) for word, positions in index.items()}


def _word_tables(raw: Mapping[str, Any], source: str, *, fold: bool = True
                 ) -> dict[str, dict[str, Any]]:
    """Phrase (folded) -> meaning per class; a class given as a list joins other classes."""
    tables: dict[str, dict[str, Any]] = {}
    for name, entries in raw.items():
        if isinstance(entries, dict):
            tables[name] = {(fold_phrase(str(phrase)) if fold else str(phrase)): meaning
                            for phrase, meaning in entries.items()}
    for name, entries in raw.items():
        if isinstance(entries, list):
            missing = [part for part in entries if part not in tables]
            if missing:
                raise LanguageError(f"word class '{name}' joins unknown classes {missing}",
                                    path=source)
            tables[name] = {phrase: meaning for part in entries
                            for phrase, meaning in tables[part].items()}
    return tables


_CHECKS = ("not_before", "only_before", "not_after", "only_after")
# The slots whose words are a TimeML mod, in the order they decide it.
_MOD_SLOTS = ("part_mod", "approx_mod", "approx_tail")


def _compile_rule(index: int, entry: Any, expand: Expander, named: dict[str, str],
                  cased: set[str], source: str) -> tuple[Rule, str]:
    if not isinstance(entry, dict) or not {"name", "pattern", "normalise"} <= entry.keys():
        raise LanguageError(f"date rule {index + 1} needs a name, a pattern and a normaliser",
                            path=source)
    slots: dict[str, str] = {}
    template = str(entry["pattern"])
    for literal in _NAMED_GROUP.findall(template):
        slots[literal] = ""
    template = _NAMED_GROUP.sub("(?P<\x01\\1>", template)
    regex = expand(template, slots, entry["name"]).replace("\x01", f"r{index}_")
    checks = []
    for kind in _CHECKS:
        if kind in entry:
            context = named.get(str(entry[kind]), str(entry[kind]))
            checks.append((kind.endswith("before"), kind.startswith("only"),
                           re.compile(context if kind.endswith("before") else
                                      f"(?:{context})$", re.IGNORECASE)))
    options = {key: value for key, value in entry.items()
               if key not in ("name", "pattern", "normalise", "examples", *_CHECKS)}
    examples = tuple(str(example) for example in entry.get("examples", []))
    groups = {slot: f"r{index}_{slot}" for slot in slots}
    capitals = tuple(groups[slot] for slot, name in slots.items() if name in cased)
    mod_slots = tuple(slot for slot in _MOD_SLOTS if slot in slots)
    return Rule(str(entry["name"]), str(entry["normalise"]), slots, groups, capitals, examples,
                tuple(checks), options, mod_slots), regex
