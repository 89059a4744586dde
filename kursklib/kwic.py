""":mod:`kursklib.kwic`: keyword in context for words, phrases, globs or actor ids."""

from __future__ import annotations

import bisect
import fnmatch

import pandas as pd

from .characters import ASCII_PUNCTUATION
from .errors import ArgumentError

KWIC_COLUMNS = ["doc_id", "sent_id", "start", "end", "left", "keyword", "right"]


def tag_kwic(documents: pd.DataFrame, tokens: pd.DataFrame, pattern: str, *,
             mentions: pd.DataFrame | None = None, window: int = 8) -> pd.DataFrame:
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
    if mentions is not None and pattern in set(mentions["actor_id"]):
        hits = mentions.loc[mentions["actor_id"] == pattern, ["doc_id", "sent_id", "start", "end"]]
        spans = list(hits.itertuples(index=False, name=None))
    else:
        spans = _match_phrase(tokens, pattern)
    spans_by_doc: dict[str, list[tuple[int, int, int]]] = {}
    for doc_id, sent_id, start, end in spans:
        spans_by_doc.setdefault(doc_id, []).append((sent_id, start, end))
    rows = []
    for doc_id, doc_tokens in tokens.groupby("doc_id", sort=True):
        starts = doc_tokens["start"].tolist()
        ends = doc_tokens["end"].tolist()
        text = texts[doc_id]
        for sent_id, start, end in spans_by_doc.get(doc_id, []):
            first = bisect.bisect_left(starts, start)
            last = bisect.bisect_left(ends, end)
            left_start = starts[max(first - window, 0)] if first > 0 else start
            right_end = ends[min(last + window, len(ends) - 1)] if last + 1 < len(ends) else end
            rows.append((doc_id, sent_id, start, end, _collapse(text[left_start:start]),
                         text[start:end], _collapse(text[end:right_end])))
    table = pd.DataFrame(rows, columns=KWIC_COLUMNS).sort_values(["doc_id", "start"],
                                                                  kind="stable")
    return table.reset_index(drop=True).astype({"doc_id": "string", "sent_id": "int64",
                                                "start": "int64", "end": "int64",
                                                "left": "string", "keyword": "string",
                                                "right": "string"})


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _match_phrase(tokens: pd.DataFrame, pattern: str) -> list[tuple[str, int, int, int]]:
    words = [word.translate(ASCII_PUNCTUATION).lower() for word in pattern.split()]
    if not words:
        raise ArgumentError(f"KWIC pattern {pattern!r} has no words")
    hits = []
    for (doc_id, sent_id), sentence in tokens.groupby(["doc_id", "sent_id"], sort=True):
        norms = sentence["norm"].tolist()
        starts, ends = sentence["start"].tolist(), sentence["end"].tolist()
        for index in range(len(norms) - len(words) + 1):
            if all(fnmatch.fnmatchcase(norms[index + k], word) for k, word in enumerate(words)):
                hits.append((doc_id, sent_id, starts[index], ends[index + len(words) - 1]))
    return hits
