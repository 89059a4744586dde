""":mod:`kursklib.statements`: what each statement's sentence holds: text, actors and key words."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import numpy as np
import pandas as pd
import pyarrow.compute as pc

from .lang import available_languages, load_language

# Actor types that speak or act; a statement's principal actors are these, else its places.
AGENT_TYPES = ("person", "org")
# Forms shared by several actors: never a principal actor.
AMBIGUOUS_PREFIX = "ambiguous:"
# Longer sentences are cut to this many characters around the expression.
EXCERPT_CHARS = 320
# The token columns ``sentence_keywords`` reads, and the rows that can be key words:
# alphabetic, no stopword, no actor (about a third of a token table).
KEY_WORD_COLUMNS = ["doc_id", "sent_id", "start", "lemma", "is_stop", "is_alpha", "actor_id"]
KEY_WORD_ROWS = pc.field("is_alpha") & ~pc.field("is_stop") & pc.field("actor_id").is_null()


class SentenceKeys:
    """The distinct sentences of some statements, numbered in order of first statement.

    Attributes:
        code: Per statement, its sentence's number.
    """

    def __init__(self, statements: pd.DataFrame) -> None:
        doc_ids = statements["doc_id"].astype(object).to_numpy()
        self._documents = pd.Index(pd.unique(doc_ids))
        key = self._key(self._documents.get_indexer(doc_ids), statements["sent_id"])
        self.code, distinct = pd.factorize(key)
        self.code = self.code.astype(np.int64)
        self._order = np.argsort(distinct, kind="stable")
        self._sorted = distinct[self._order]

    def __len__(self) -> int:
        return len(self._sorted)

    @staticmethod
    def _key(document: np.ndarray, sent_id: pd.Series) -> np.ndarray:
        return (np.asarray(document, dtype=np.int64) << 32) | sent_id.to_numpy(np.int64)

    def document(self, doc_ids: pd.Series) -> np.ndarray:
        """Per row, its document's position among the statements' documents, or -1; each
        distinct id looked up once (a token table holds millions of rows, few ids)."""
        codes, distinct = pd.factorize(doc_ids)
        found = self._documents.get_indexer(np.asarray(distinct, dtype=object))
        return np.where(codes >= 0, np.append(found, -1)[codes], -1)

    def locate(self, table: pd.DataFrame) -> np.ndarray:
        """Per row of a table with ``doc_id`` and ``sent_id``, its sentence's number, or -1."""
        document = self.document(table["doc_id"])
        key = self._key(np.maximum(document, 0), table["sent_id"])
        position = np.minimum(np.searchsorted(self._sorted, key), max(len(self._sorted) - 1, 0))
        found = (document >= 0) & (self._sorted[position] == key) if len(self._sorted) else (
            np.zeros(len(table), dtype=bool))
        return np.where(found, self._order[position] if len(self._sorted) else -1, -1)

    def lists(self, code: np.ndarray, values: Sequence | np.ndarray) -> list[list]:
        """Per sentence, the values of the rows located in it, in row order."""
        code = np.asarray(code)
        kept = np.flatnonzero(code >= 0)
        order = kept[np.argsort(code[kept], kind="stable")]
        bounds = np.searchsorted(code[order], np.arange(len(self) + 1))
        ordered = (np.asarray(values, dtype=object)[order] if len(order)
                   else np.zeros(0, object)).tolist()
        return [ordered[first:last] for first, last in
                zip(bounds[:-1].tolist(), bounds[1:].tolist(), strict=True)]


def sentence_texts(keys: SentenceKeys, sentences: pd.DataFrame) -> tuple[list[str], list[int]]:
    """Per sentence, its text and its start offset in the document."""
    code = keys.locate(sentences)
    texts, starts = [""] * len(keys), [0] * len(keys)
    for position, text, start in zip(code.tolist(), sentences["text"].astype(object).tolist(),
                                     sentences["start"].tolist(), strict=True):
        if position >= 0:
            texts[position], starts[position] = text, start
    return texts, starts


def sentence_actors(keys: SentenceKeys, mentions: pd.DataFrame
                    ) -> tuple[list[list[str]], list[list[str]], list[int | None]]:
    """Per sentence: its actor ids, sorted; its principal actors (people and
    organisations, else states and places; never an ambiguous form) in the order the
    sentence first names them; and where it first names one (None if it names none)."""
    found = mentions.assign(code=keys.locate(mentions))
    found = found[found["code"] >= 0].sort_values(["code", "start"], kind="stable")
    found = found.drop_duplicates(["code", "actor_id"])
    ids = [sorted(found) for found in keys.lists(found["code"], found["actor_id"].astype(object))]
    clear = found[~found["actor_id"].str.startswith(AMBIGUOUS_PREFIX)]
    agents = clear[clear["actor_type"].isin(AGENT_TYPES)]
    leads = keys.lists(agents["code"], agents["actor_id"].astype(object))
    every = keys.lists(clear["code"], clear["actor_id"].astype(object))
    starts = zip(keys.lists(agents["code"], agents["start"].to_numpy()),
                 keys.lists(clear["code"], clear["start"].to_numpy()), strict=True)
    return (ids, [lead or rest for lead, rest in zip(leads, every, strict=True)],
            [(lead or rest or [None])[0] for lead, rest in starts])


def sentence_keywords(keys: SentenceKeys, tokens: pd.DataFrame, dates: pd.DataFrame,
                      language: str) -> tuple[list[list[str]], list[list[int]]]:
    """Per sentence, its distinct key words in text order and where each first occurs:
    lemmas of alphabetic tokens that are no stopword, no title of a person or group, no
    actor and no part of a temporal expression; a lemma of another language listed in its
    ``tokens.key_words`` is the English lemma it shares."""
    code = keys.locate(tokens)
    words = tokens.loc[code >= 0, ["doc_id", "start", "lemma", "is_stop", "is_alpha",
                                   "actor_id"]].assign(code=code[code >= 0])
    words = words[words["is_alpha"] & ~words["is_stop"] & words["actor_id"].isna()
                  & ~words["lemma"].isin(_titles(language))]
    spans = dates.loc[keys.locate(dates) >= 0, ["doc_id", "start", "end"]]
    # Joined on each document's number, not its id: the same pairs, without a string per row.
    words = pd.merge_asof(
        words.assign(doc_id=keys.document(words["doc_id"])).sort_values("start", kind="stable"),
        spans.assign(doc_id=keys.document(spans["doc_id"])).rename(
            columns={"end": "span_end"}).sort_values("start", kind="stable"),
        on="start", by="doc_id", direction="backward")
    words = words[~(words["start"] < words["span_end"])]
    shared = _shared_key_words()
    if shared:  # a key word in another language is its English lemma ("договор" → "treaty")
        words["lemma"] = words["lemma"].astype(object).map(lambda lemma: shared.get(lemma, lemma))
    words = words.sort_values(["code", "start"], kind="stable").drop_duplicates(["code",
                                                                                 "lemma"])
    return (keys.lists(words["code"], words["lemma"].astype(object)),
            keys.lists(words["code"], words["start"].to_numpy()))


@lru_cache(maxsize=1)
def _shared_key_words() -> dict[str, str]:
    """Every packaged language's ``tokens.key_words``: its lemma → the English lemma."""
    return {str(lemma): str(english) for code in available_languages()
            for lemma, english in (load_language(code).sections["tokens"].get("key_words")
                                   or {}).items()}


@lru_cache(maxsize=8)
def _titles(language: str) -> frozenset[str]:
    """Titles of people and groups ("president", "officials"): who speaks, not what happened."""
    words = load_language(language)
    return frozenset(words.words("actors", "person_titles") + words.words("actors",
                                                                          "group_titles"))


def excerpts(statements: pd.DataFrame, code: np.ndarray, texts: Sequence[str],
             starts: Sequence[int]) -> list[str]:
    """Each statement's sentence, or EXCERPT_CHARS of it around the expression."""
    cut = []
    for sentence, start, end in zip(code.tolist(), statements["start"].tolist(),
                                    statements["end"].tolist(), strict=True):
        text = texts[sentence]
        if len(text) <= EXCERPT_CHARS:
            cut.append(text)
            continue
        middle = (start + end) // 2 - starts[sentence]
        first = min(max(middle - EXCERPT_CHARS // 2, 0), len(text) - EXCERPT_CHARS)
        last = first + EXCERPT_CHARS
        cut.append(("…" if first else "") + text[first:last]
                   + ("…" if last < len(text) else ""))
    return cut
