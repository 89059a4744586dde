""":mod:`kursklib.survey`: learn once what every batch of a corpus must share."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd
from nltk.tokenize.punkt import PunktParameters

from .actors.acronyms import find_definitions
from .actors.cues import name_cues
from .languages import FALLBACK_LANGUAGE, resources_for
from .sentences import (
    PUNKT_TRAINING_CHARS,
    document_segments,
    train_punkt,
    training_sample,
)
from .splitters import splitter_of

_LOWER_WORD = re.compile(r"\b[a-z][a-z'’-]+\b")


@dataclass(frozen=True, eq=False)
class CorpusModel:
    """What the whole corpus teaches the taggers, so that results never depend on batches.

    Attributes:
        punkt: Punkt parameters trained on the corpus's first ``PUNKT_TRAINING_CHARS``
            of body text, in document order.
        lowercase_words: Every word seen in lower case anywhere in the corpus; a
            capitalised sentence-initial word among them is not read as a name.
        definitions: Acronym or alias → the full name it stands for ("RSF" → "Rapid
            Support Forces"), the first definition in document order.
    """

    punkt: PunktParameters
    lowercase_words: frozenset[str]
    definitions: dict[str, str]

    def describe(self) -> dict[str, object]:
        """The model as plain, sorted data (for a manifest).

        Example:
            >>> sorted(corpus.model.describe())
            ['abbreviations', 'collocations', 'definitions', 'lowercase_words', 'orthography', \
'sentence_starters']
        """
        punkt = self.punkt
        return {"abbreviations": sorted(punkt.abbrev_types),
                "collocations": sorted(map(list, punkt.collocations)),
                "sentence_starters": sorted(punkt.sent_starters),
                # A lookup adds a 0 to this defaultdict: what was looked up is no part of it.
                "orthography": dict(sorted((word, flags) for word, flags
                                           in punkt.ortho_context.items() if flags)),
                "lowercase_words": len(self.lowercase_words),
                "definitions": dict(sorted(self.definitions.items()))}


def survey_corpus(batches: Iterable[pd.DataFrame], *, language: str | None = None
                  ) -> CorpusModel:
    """Read every batch of documents once and learn the corpus's model.

    Punkt learns from the documents its language splits with Punkt; definitions are read
    with each document's language's cues.

    Args:
        batches: ``Corpus.documents`` tables, in document order.
        language: The language of documents in a table without a ``language`` column,
            and Punkt's (default: ``kursklib.languages.FALLBACK_LANGUAGE``).

    Example:
        >>> model = survey_corpus([corpus.documents])
        >>> "soldiers" in model.lowercase_words
        True
    """
    merged = SurveyMerge(language)
    for documents in batches:
        merged.add(survey_part(documents, language=language, sample=merged.missing))
    return merged.model()


@dataclass(frozen=True)
class SurveyPart:
    """What one run of consecutive documents teaches (see ``CorpusModel``).

    Attributes:
        sample: The first body segments, up to ``sample`` characters (``survey_part``).
        words: The words seen in lower case.
        definitions: Acronym or alias → full name, the first in document order.
    """

    sample: list[str]
    words: frozenset[str]
    definitions: dict[str, str]


def survey_part(documents: pd.DataFrame, *, language: str | None = None,
                sample: int = PUNKT_TRAINING_CHARS) -> SurveyPart:
    """Survey consecutive documents on their own; ``SurveyMerge`` joins parts in order.

    Definitions are read with each document's language's cues; the Punkt sample comes from
    the documents its language splits with Punkt. ``language`` is the language of
    documents in a table without a ``language`` column.

    Example:
        >>> sorted(survey_part(corpus.documents).words)[:3]
        ['analyst', 'and', "country's"]
    """
    texts = documents["text"].tolist()
    default = language or FALLBACK_LANGUAGE
    codes = [resources_for(code) for code in (
        documents["language"].fillna(default).tolist() if "language" in documents.columns
        else [default] * len(texts))]
    definitions: dict[str, str] = {}
    for text, code in zip(texts, codes, strict=True):
        for form, name in find_definitions(text, name_cues(code)).items():
            definitions.setdefault(form, name)
    punkt = [text for text, code in zip(texts, codes) if splitter_of(code) == "punkt"]
    parts = training_sample(punkt, map(document_segments, punkt), limit=sample) if (
        sample > 0) else []
    return SurveyPart(sample=parts, words=lowercase_words(texts), definitions=definitions)


class SurveyMerge:
    """Parts of a survey joined in document order: the model the whole corpus teaches.

    However the corpus was cut, the model is the same: the Punkt sample is the first
    ``PUNKT_TRAINING_CHARS`` of body text, and the first definition of a form wins.

    Example:
        >>> merged = SurveyMerge("en")
        >>> merged.add(survey_part(corpus.documents))
        >>> merged.model().describe() == survey_corpus([corpus.documents]).describe()
        True
    """

    def __init__(self, language: str | None) -> None:
        self._language = language or FALLBACK_LANGUAGE  # Punkt's abbreviations
        self._parts: list[str] = []
        self._size = 0
        self._words: set[str] = set()
        self._definitions: dict[str, str] = {}

    @property
    def missing(self) -> int:
        """Characters the Punkt sample still lacks."""
        return max(PUNKT_TRAINING_CHARS - self._size, 0)

    def add(self, part: SurveyPart) -> None:
        """Add the part that follows every part added so far."""
        for segment in part.sample:
            if self._size >= PUNKT_TRAINING_CHARS:
                break
            self._parts.append(segment)
            self._size += len(segment)
        self._words.update(part.words)
        for form, name in part.definitions.items():
            self._definitions.setdefault(form, name)

    def part(self) -> SurveyPart:
        """Every part added, as one part (to merge with others in turn)."""
        return SurveyPart(sample=list(self._parts), words=frozenset(self._words),
                          definitions=dict(self._definitions))

    def model(self) -> CorpusModel:
        """The model of every part added."""
        return CorpusModel(punkt=train_punkt("\n\n".join(self._parts), self._language),
                           lowercase_words=frozenset(self._words),
                           definitions=self._definitions)


def lowercase_words(texts: Iterable[str]) -> frozenset[str]:
    """Words seen in lower case in the texts: common words, not names.

    Example:
        >>> sorted(lowercase_words(["Kim met the envoy", "The envoy left"]))
        ['envoy', 'left', 'met', 'the']
    """
    chunks = set(itertools.chain.from_iterable(text.split() for text in texts))
    # Matches never span whitespace, so each distinct chunk is searched once.
    return frozenset(itertools.chain.from_iterable(map(_LOWER_WORD.findall, chunks)))
