""":mod:`kursklib.actors.headings`: sentences and quotes whose capitals prove no name."""

from __future__ import annotations

import re

from .cues import NameCues, plain

_ALPHABETIC_WORD = re.compile(r"[^\W\d_][\w'’\-]*")
# Share of capitalised words above which a quoted phrase is a title, not speech.
_TITLE_CASE_SHARE = 0.6


def is_credit_line(sentence: str, cues: NameCues) -> bool:
    """A byline or credit ("By Amira Khalil", "Reporting by ... ; Editing by ...")."""
    words = sentence.split()[:3]
    lead = [plain(word) for word in words]
    return bool(lead) and "by" in lead and all(word in cues.credit_words
                                               for word in lead[:lead.index("by") + 1])


def in_title_case(sentence: str, cues: NameCues) -> bool:
    """A heading or caption in title case ("Read More: How The War Changed Kursk")."""
    words = _ALPHABETIC_WORD.findall(sentence)
    return len(words) >= 4 and any(word in cues.title_case_markers for word in words[1:]) and (
        sum(word[0].isupper() for word in words) >= _TITLE_CASE_SHARE * len(words))


def inside_quoted_title(text: str, start: int, sentence_start: int) -> bool:
    """True inside a quoted title in title case ("To Die for the Freedom of ...")."""
    before = text[sentence_start:start]
    opening = max(before.rfind("“"), before.rfind('"') if before.count('"') % 2 else -1)
    if opening < 0 or "”" in before[opening:]:
        return False
    closing = min((p for p in (text.find("”", start), text.find('"', start)) if p >= 0),
                  default=start)
    words = [w for w in text[sentence_start + opening + 1:closing].split() if w[:1].isalpha()]
    return bool(words) and sum(w[0].isupper() for w in words) >= _TITLE_CASE_SHARE * len(words)
