""":mod:`kursklib.tokens`: tokens with norms, lemmas, stopword and actor flags."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import lru_cache

import pandas as pd
import simplemma
import stopwordsiso
from nltk.tokenize import RegexpTokenizer

from .characters import ASCII_PUNCTUATION
from .corpus import Corpus
from .errors import LanguageError
from .lang import load_language

TOKEN_COLUMNS = ["doc_id", "sent_id", "token_id", "start", "end", "surface", "norm", "lemma",
                 "is_stop", "is_punct", "is_alpha", "actor_id"]
# Words (with inner hyphens and apostrophes), a split-off possessive, numbers, punctuation.
TOKEN_PATTERN = r"\w+(?:[-‐]\w+)*(?:['’](?![sS]\b)\w+)*|['’][sS]\b|[^\w\s]"
_TOKENIZER = RegexpTokenizer(TOKEN_PATTERN)


def tag_tokens(corpus: Corpus, mentions: pd.DataFrame, *, language: str = "en",
               stopwords: Iterable[str] = ()) -> pd.DataFrame:
    """Split every sentence into tokens with norm, lemma, stopword and actor flags.

    Args:
        language: ISO 639-1 code for lemmas (simplemma) and stopwords (stopwords-iso).
        stopwords: Extra, domain-specific stopwords (matched on ``norm`` and ``lemma``).
        mentions: Output of ``tag_actors``, to set ``actor_id`` (an empty table for none).

    Returns:
        One row per token: ``doc_id, sent_id, token_id, start, end, surface, norm,
        lemma, is_stop, is_punct, is_alpha, actor_id``; ``token_id`` counts from 0 in
        each document and ``documents.text[start:end] == surface``.

    Example:
        >>> tokens = tag_tokens(corpus, tag_actors(corpus), stopwords=["said"])
        >>> tokens[["surface", "lemma", "actor_id"]].head(3).values.tolist()
        [['Russia', 'russia', 'rus'], ['and', 'and', <NA>], ['North', 'north', 'prk']]
    """
    stop = _stopwords(language) | {word.lower() for word in stopwords}
    texts = dict(zip(corpus.documents["doc_id"], corpus.documents["text"], strict=True))
    mention_spans = {doc_id: list(zip(group["start"], group["end"], group["actor_id"],
                                      strict=True))
                     for doc_id, group in mentions.groupby("doc_id", sort=False)}
    rows = []
    for doc_id, sentences in corpus.sentences.groupby("doc_id", sort=False):
        text = texts[doc_id]
        spans = mention_spans.get(doc_id, [])
        cursor = 0
        token_id = 0
        for sent_id, sent_start, sent_end in zip(sentences["sent_id"], sentences["start"],
                                                 sentences["end"], strict=True):
            for start, end in _TOKENIZER.span_tokenize(text[sent_start:sent_end]):
                start, end = start + sent_start, end + sent_start
                while cursor < len(spans) and spans[cursor][1] <= start:
                    cursor += 1
                in_mention = cursor < len(spans) and spans[cursor][0] <= start < spans[cursor][1]
                surface = text[start:end]
                norm = surface.translate(ASCII_PUNCTUATION).lower()
                lemma = _lemma(norm, language)
                rows.append((doc_id, sent_id, token_id, start, end, surface, norm, lemma,
                             norm in stop or lemma in stop, _is_punct(surface), surface.isalpha(),
                             spans[cursor][2] if in_mention else pd.NA))
                token_id += 1
    tokens = pd.DataFrame(rows, columns=TOKEN_COLUMNS)
    return tokens.astype({"doc_id": "string", "sent_id": "int64", "token_id": "int64",
                          "start": "int64", "end": "int64", "surface": "string", "norm": "string",
                          "lemma": "string", "is_stop": "bool", "is_punct": "bool",
                          "is_alpha": "bool", "actor_id": "string"})


@lru_cache(maxsize=8)
def _stopwords(language: str) -> frozenset[str]:
    if not stopwordsiso.has_lang(language):
        raise LanguageError(f"no stopword list for language {language!r}")
    words = stopwordsiso.stopwords(language) | _possessives(language)
    return frozenset(words | {word.replace("'", "’") for word in words}
                     | {word.replace("’", "'") for word in words})


@lru_cache(maxsize=8)
def _possessives(language: str) -> frozenset[str]:
    return frozenset(load_language(language).words("tokens", "possessives"))


@lru_cache(maxsize=65536)
def _lemma(norm: str, language: str) -> str:
    if not any(char.isalpha() for char in norm) or norm in _possessives(language):
        return norm
    return simplemma.lemmatize(norm, lang=language).lower()


def _is_punct(surface: str) -> bool:
    return all(unicodedata.category(char)[0] in "PS" for char in surface)
