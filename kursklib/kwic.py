""":mod:`kursklib.kwic`: keyword in context for words, phrases, globs or actor ids."""

from __future__ import annotations

import fnmatch
from typing import Annotated

import numpy as np
import pandas as pd

from .characters import ASCII_PUNCTUATION
from .checks import Columns, Count, checked, known_documents
from .errors import ArgumentError
from .tokens import Mentions, Tokens

KWIC_COLUMNS = ["doc_id", "sent_id", "start", "end", "left", "keyword", "right"]


@checked
def tag_kwic(documents: Annotated[pd.DataFrame, Columns("doc_id", "text", made_by="read_corpus")],
             tokens: Tokens, pattern: str, *, mentions: Mentions | None = None,
             window: Count = 8) -> pd.DataFrame:
    """Keyword in context: every occurrence of a word, phrase, glob or actor id.

    Args:
        documents: ``Corpus.documents``, for the text around each keyword.
        tokens: Output of ``tag_tokens``.
        pattern: ``"troops"``, ``"Kursk region"``, ``"liberat*"`` (globs per word), or,
            given ``mentions``, an actor id such as ``"kcna"`` (every alias of that actor).
        mentions: Output of ``tag_actors``, to find an actor id.
        window: Tokens of context on each side.

    Returns:
        ``doc_id, sent_id, start, end, left, keyword, right``; ``keyword`` is the text
        at ``start:end``, contexts have their whitespace collapsed.

    Example:
        >>> tokens = tag_tokens(corpus, tag_actors(corpus))
        >>> kwic = tag_kwic(corpus.documents, tokens, "liberat*", window=2)
        >>> kwic[["left", "keyword", "right"]].values.tolist()
        [['Oblast was', 'liberated', '. Kim']]
    """
    texts = dict(zip(documents["doc_id"], documents["text"], strict=True))
    known_documents("tag_kwic", {"tokens": tokens}, documents)
    if tokens.empty:  # no document is read (none names the actor): no context to show
        hits = pd.DataFrame({"doc_id": [], "sent_id": [], "start": [], "end": []})
    elif mentions is not None and pattern in set(mentions["actor_id"]):
        hits = mentions.loc[mentions["actor_id"] == pattern, ["doc_id", "sent_id", "start", "end"]]
    else:
        hits = _match_phrase(tokens, pattern)
    doc, doc_ids = pd.factorize(tokens["doc_id"])
    scale = 1 << 40
    starts = doc.astype(np.int64) * scale + tokens["start"].to_numpy(np.int64)
    ends = doc.astype(np.int64) * scale + tokens["end"].to_numpy(np.int64)
    hit_doc = doc_ids.get_indexer(hits["doc_id"]).astype(np.int64)
    hits = hits[hit_doc >= 0]
    hit_doc = hit_doc[hit_doc >= 0]
    start, end = hits["start"].to_numpy(np.int64), hits["end"].to_numpy(np.int64)
    bounds = np.searchsorted(doc, np.arange(len(doc_ids) + 1))
    low, high = bounds[hit_doc], bounds[hit_doc + 1]
    first = np.searchsorted(starts, hit_doc * scale + start)
    last = np.searchsorted(ends, hit_doc * scale + end)
    local_start, local_end = starts - doc * scale, ends - doc * scale
    left = np.where(first > low, local_start[np.maximum(first - window, low)], start)
    right = np.where(last + 1 < high, local_end[np.minimum(last + window, high - 1)], end)
    rows = [(doc_id, sent_id, s, e, _collapse(texts[doc_id][a:s]), texts[doc_id][s:e],
             _collapse(texts[doc_id][e:b]))
            for doc_id, sent_id, s, e, a, b in zip(
                hits["doc_id"].tolist(), hits["sent_id"].tolist(), start.tolist(), end.tolist(),
                left.tolist(), right.tolist(), strict=True)]
    table = pd.DataFrame(rows, columns=KWIC_COLUMNS).sort_values(["doc_id", "start"],
                                                                  kind="stable")
    return table.reset_index(drop=True).astype({"doc_id": "string", "sent_id": "int64",
                                                "start": "int64", "end": "int64",
                                                "left": "string", "keyword": "string",
                                                "right": "string"})


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _match_phrase(tokens: pd.DataFrame, pattern: str) -> pd.DataFrame:
    """Runs of tokens whose norms match the pattern's words (globs), inside one sentence."""
    words = [word.translate(ASCII_PUNCTUATION).lower() for word in pattern.split()]
    if not words:
        raise ArgumentError(f"KWIC pattern {pattern!r} has no words")
    order = np.lexsort((tokens["start"].to_numpy(), tokens["sent_id"].to_numpy(),
                        pd.factorize(tokens["doc_id"], sort=True)[0]))
    tokens = tokens.iloc[order]
    norm, norms = pd.factorize(tokens["norm"])
    sentence = pd.factorize(pd.MultiIndex.from_frame(tokens[["doc_id", "sent_id"]]))[0]
    matches = np.ones(len(tokens) - len(words) + 1 if len(tokens) >= len(words) else 0,
                      dtype=bool)
    for k, word in enumerate(words):
        fits = np.array([fnmatch.fnmatchcase(str(n), word) for n in norms], dtype=bool)
        matches &= fits[norm[k:len(norm) - len(words) + 1 + k]] if len(fits) else False
        matches &= sentence[k:len(sentence) - len(words) + 1 + k] == sentence[
            :len(sentence) - len(words) + 1]
    rows = np.flatnonzero(matches)
    return pd.DataFrame({"doc_id": tokens["doc_id"].to_numpy()[rows],
                         "sent_id": tokens["sent_id"].to_numpy()[rows],
                         "start": tokens["start"].to_numpy()[rows],
                         "end": tokens["end"].to_numpy()[rows + len(words) - 1]})
