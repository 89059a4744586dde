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
from .sentences import PUNKT_TRAINING_CHARS, document_segments, train_punkt, training_sample

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
                "orthography": dict(sorted(punkt.ortho_context.items())),
                "lowercase_words": len(self.lowercase_words),
                "definitions": dict(sorted(self.definitions.items()))}


def survey_corpus(batches: Iterable[pd.DataFrame], *, language: str = "en") -> CorpusModel:
    """Read every batch of documents once and learn the corpus's model.

    Args:
        batches: ``Corpus.documents`` tables, in document order.

    Example:
        >>> model = survey_corpus([corpus.documents])
        >>> "soldiers" in model.lowercase_words
        True
    """
    parts: list[str] = []
    size = 0
    words: set[str] = set()
    definitions: dict[str, str] = {}
    cues = name_cues(language)
    for documents in batches:
        texts = documents["text"].tolist()
        for text in texts:
            for form, name in find_definitions(text, cues).items():
                definitions.setdefault(form, name)
        if size < PUNKT_TRAINING_CHARS:
            more = training_sample(texts, map(document_segments, texts),
                                   limit=PUNKT_TRAINING_CHARS - size)
            parts.extend(more)
            size += sum(map(len, more))
        words.update(lowercase_words(texts))
    return CorpusModel(punkt=train_punkt("\n\n".join(parts), language),
                       lowercase_words=frozenset(words), definitions=definitions)


def lowercase_words(texts: Iterable[str]) -> frozenset[str]:
    """Words seen in lower case in the texts: common words, not names.

    Example:
        >>> sorted(lowercase_words(["Kim met the envoy", "The envoy left"]))
        ['envoy', 'left', 'met', 'the']
    """
    chunks = set(itertools.chain.from_iterable(text.split() for text in texts))
    # Matches never span whitespace, so each distinct chunk is searched once.
    return frozenset(itertools.chain.from_iterable(map(_LOWER_WORD.findall, chunks)))
