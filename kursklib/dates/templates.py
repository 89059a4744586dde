""":mod:`kursklib.dates.templates`: rule templates as regular expressions, and their first words."""

from __future__ import annotations

import re
import re._parser as regex_parser
from typing import Any

from ..errors import LanguageError
from ..matching import fold_phrase

PLACEHOLDER = re.compile(r"\{([A-Za-z_]\w*)(?::(\w+|-))?\}")
DIGIT = "0"  # the first word of an expression that begins with a digit
ANY = ""  # the first word of an expression that can begin with anything
_END = ""
_MARK = 0xE000  # private-use characters stand for placeholders while a template is parsed


def spaced(template: str) -> str:
    """A template's spaces as runs of white space, and ``~`` as a hyphen or a space.

    Example:
        >>> spaced("mid~2025 now")
        'mid(?:\\\\s*-\\\\s*|\\\\s+)2025\\\\s+now'
    """
    return template.replace(" ", r"\s+").replace("~", r"(?:\s*-\s*|\s+)")


class Expander:
    """Fill a template's placeholders with the regular expressions of their classes.

    A word class becomes a trie of its phrases (fast to reject); a pattern is filled in
    turn. ``{class}`` names a slot (a named group) after its class, ``{class:slot}``
    names it ``slot``, and ``{class:-}`` fills it without a group.
    """

    def __init__(self, words: dict[str, dict[str, Any]], patterns: dict[str, str],
                 source: str) -> None:
        self.words, self.patterns, self.source = words, patterns, source
        self._bodies: dict[str, str] = {}

    def __call__(self, template: str, slots: dict[str, str] | None, rule: str) -> str:
        """The regular expression of ``template``; named groups start with ``\\x01``."""
        def fill(found: re.Match[str]) -> str:
            name, slot = found.group(1), found.group(2) or found.group(1)
            body = self.body(name, rule)
            if slots is None or slot == "-":  # inside a pattern or a look-around: no group
                return f"(?:{body})"
            if slot in slots:
                raise LanguageError(f"rule '{rule}' names slot '{slot}' twice", path=self.source)
            slots[slot] = name
            return f"(?P<\x01{slot}>{body})"

        return PLACEHOLDER.sub(fill, spaced(template))

    def body(self, name: str, rule: str) -> str:
        """The regular expression of one class."""
        if name not in self._bodies:
            if name in self.words:
                self._bodies[name] = trie_regex(list(self.words[name]))
            elif name in self.patterns:
                self._bodies[name] = self(self.patterns[name], None, rule)
            else:
                raise LanguageError(f"rule '{rule}' names unknown class '{{{name}}}'",
                                    path=self.source)
        return self._bodies[name]

    def first_words(self, template: str) -> set[str]:
        """The folded words an expression of ``template`` can begin with (``DIGIT`` for a
        digit, ``ANY`` when it cannot tell).

        Example:
            >>> expander = Expander({"season": {"summer": "SU"}}, {}, "x.yaml")
            >>> sorted(expander.first_words("(?:the|that) {season}"))
            ['that', 'the']
        """
        names: dict[str, str] = {}

        def mark(found: re.Match[str]) -> str:
            return names.setdefault(found.group(1), chr(_MARK + len(names)))

        text = PLACEHOLDER.sub(mark, spaced(template))
        classes = {marker: name for name, marker in names.items()}
        return self._first(list(regex_parser.parse(text, re.IGNORECASE)), classes, "")

    def _first(self, items: list[Any], classes: dict[str, str], word: str) -> set[str]:
        """The first words of a parsed sequence, ``word`` being the part already read."""
        for index, (op, argument) in enumerate(items):
            rest = items[index + 1:]
            if op in (regex_parser.ASSERT, regex_parser.ASSERT_NOT, regex_parser.AT):
                continue
            if op is regex_parser.LITERAL and chr(argument).isalnum() \
                    and chr(argument) not in classes:
                if not word and chr(argument).isdigit():
                    return {DIGIT}
                word += chr(argument)
                continue
            if op is regex_parser.SUBPATTERN:
                return self._first(list(argument[-1]) + rest, classes, word)
            if op is regex_parser.BRANCH:
                return {first for branch in argument[1]
                        for first in self._first(list(branch) + rest, classes, word)}
            if op in (regex_parser.MAX_REPEAT, regex_parser.MIN_REPEAT):
                firsts = self._first(list(argument[2]) + rest, classes, word)
                return firsts | self._first(rest, classes, word) if argument[0] == 0 else firsts
            if word:  # anything else ends the word under way
                return {fold_phrase(word)}
            if op is regex_parser.LITERAL:
                char = chr(argument)
                # Outside a placeholder, no expression begins at a word's start here.
                return self._class_first(classes[char]) if char in classes else set()
            if op is regex_parser.IN:  # one-character alternatives: placeholders too
                return {first for item in argument
                        for first in self._item_first(item, classes)}
            return {ANY}
        return {fold_phrase(word)} if word else set()

    def vocabulary(self, template: str) -> set[str]:
        """Every folded word an expression of ``template`` can contain (``DIGIT`` if digits).

        Example:
            >>> expander = Expander({"season": {"summer": "SU"}}, {"year": "[0-9]{4}"}, "x")
            >>> sorted(expander.vocabulary("{season} of {year}"))
            ['0', 'of', 'summer']
        """
        words = literal_words(template)
        if re.search(r"\\d|[0-9]", PLACEHOLDER.sub("", template)):
            words.add(DIGIT)
        for name, _ in PLACEHOLDER.findall(template):
            if name in self.words:
                words |= {DIGIT if token[0].isdigit() else token for phrase in self.words[name]
                          for token in re.findall(r"[^\W_]+", fold_phrase(phrase))}
            elif name in self.patterns:
                words |= self.vocabulary(self.patterns[name])
        return words

    def _item_first(self, item: tuple[Any, Any], classes: dict[str, str]) -> set[str]:
        """The first words of one member of a character set."""
        op, argument = item
        if op is regex_parser.LITERAL:
            char = chr(argument)
            if char in classes:
                return self._class_first(classes[char])
            return {DIGIT} if char.isdigit() else {fold_phrase(char)} if char.isalnum() else set()
        if op is regex_parser.RANGE and chr(argument[0]).isdigit() and chr(argument[1]).isdigit():
            return {DIGIT}
        if op is regex_parser.CATEGORY and argument is regex_parser.CATEGORY_DIGIT:
            return {DIGIT}
        return {ANY}

    def _class_first(self, name: str) -> set[str]:
        """The first words of a class's phrases, or of its pattern."""
        if name in self.words:
            tokens = set()
            for phrase in self.words[name]:
                first = re.findall(r"[^\W_]+", fold_phrase(phrase))
                tokens.add(DIGIT if not first or first[0][0].isdigit() else first[0])
            return tokens
        return self.first_words(self.patterns[name])


def trie_regex(phrases: list[str]) -> str:
    """One regular expression for many phrases (matched in lower case), shared prefixes
    matched once.

    Spaces match any white space; a hyphen, a hyphen or a space; an apostrophe, a curly
    one too. A phrase ending in a letter or digit must end its word.

    Example:
        >>> trie_regex(["jan.", "january", "june"])
        'j(?:an(?:\\\\.|uary(?!\\\\w))|une(?!\\\\w))'
    """
    trie: dict[str, Any] = {}
    for phrase in phrases:
        node = trie
        for unit in re.findall(r"\s+|.", phrase.lower().strip()):
            node = node.setdefault(" " if unit.isspace() else unit, {})
        node[_END] = True
    return _emit(trie, "")


def _emit(node: dict[str, Any], last: str) -> str:
    branches = [_unit(unit) + _emit(child, unit) for unit, child in sorted(node.items())
                if unit != _END]
    if _END in node:
        branches.append(r"(?!\w)" if last.isalnum() else "")
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"


def _unit(unit: str) -> str:
    if unit == " ":
        return r"\s+"
    if unit == "-":
        return r"(?:\s*-\s*|\s+)"
    if unit in "'’":
        return "['’]"
    return re.escape(unit)




def literal_words(template: str) -> set[str]:
    """The words a template spells out itself (outside placeholders and look-arounds),
    whole even where the parser splits them ("the|that" is read as "th(?:e|at)").

    Example:
        >>> sorted(literal_words("(?:the|that) {month} of {year}(?! ago)"))
        ['of', 'th', 'that', 'the']
    """
    text = spaced(PLACEHOLDER.sub("\x00", template))
    runs: list[str] = []

    def walk(items: Any, current: str = "") -> None:
        """Collect the runs of letters of ``items``, the first continuing ``current``."""
        for op, argument in items:
            if op is regex_parser.LITERAL and chr(argument).isalnum():
                current += chr(argument)
                continue
            if current:
                runs.append(current)
            if op is regex_parser.SUBPATTERN:
                walk(argument[-1], current)
            elif op is regex_parser.BRANCH:
                for branch in argument[1]:
                    walk(branch, current)
            elif op in (regex_parser.MAX_REPEAT, regex_parser.MIN_REPEAT):
                walk(argument[2], current)
            current = ""
        if current:
            runs.append(current)

    walk(regex_parser.parse(text, re.IGNORECASE))
    return {fold_phrase(run) for run in runs if not run.isdigit()}
