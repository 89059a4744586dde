""":mod:`kursklib.tokens`: tokens with norms, lemmas, stopword and actor flags."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from typing import Annotated

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import simplemma
import stopwordsiso

from .characters import ASCII_PUNCTUATION
from .checks import Columns, checked
from .corpus import Corpus
from .errors import LanguageError
from .lang import load_language
from .languages import resources_for

TOKEN_COLUMNS = ["doc_id", "sent_id", "token_id", "start", "end", "surface", "norm", "lemma",
                 "is_stop", "is_punct", "is_alpha", "actor_id"]
# Words (with inner hyphens and apostrophes), a split-off possessive, numbers, punctuation.
TOKEN_PATTERN = r"\w+(?:[-‐]\w+)*(?:['’](?![sS]\b)\w+)*|['’][sS]\b|[^\w\s]"
_TOKEN = re.compile(TOKEN_PATTERN)
_LAST_SPACE = 0x3000  # the ideographic space: no code point above it is whitespace
# The token and mention tables as the functions that read them need them.
Tokens = Annotated[pd.DataFrame, Columns(*TOKEN_COLUMNS, made_by="tag_tokens")]
Mentions = Annotated[pd.DataFrame, Columns(
    "doc_id", "sent_id", "start", "end", "surface", "actor_id", "actor_name", "actor_type",
    made_by="tag_actors")]


@checked
def tag_tokens(corpus: Corpus, mentions: Mentions, *, language: str = "en",
               stopwords: Iterable[str] = ()) -> pd.DataFrame:
    """Split every sentence into tokens with norm, lemma, stopword and actor flags.

    Text is cut at whitespace and each distinct chunk is tokenised once; norms, lemmas
    and flags are looked up once per distinct token, so the cost grows with the text,
    not with its vocabulary times its length.

    Args:
        mentions: Output of ``tag_actors``, to set ``actor_id`` (an empty table for none).
        language: ISO 639-1 code for lemmas (simplemma) and stopwords (stopwords-iso) of
            the documents, when their table has no ``language`` column; otherwise each
            document's own language decides.
        stopwords: Extra, domain-specific stopwords (matched on ``norm`` and ``lemma``).

    Returns:
        One row per token: ``doc_id, sent_id, token_id, start, end, surface, norm,
        lemma, is_stop, is_punct, is_alpha, actor_id``; ``token_id`` counts from 0 in
        each document and ``documents.text[start:end] == surface``.

    Example:
        >>> tokens = tag_tokens(corpus, tag_actors(corpus), stopwords=["said"])
        >>> tokens[["surface", "lemma", "actor_id"]].head(3).values.tolist()
        [['Russia', 'russia', 'rus'], ['and', 'and', <NA>], ['North', 'north', 'prk']]
    """
    texts = corpus.documents["text"].tolist()
    offsets = np.cumsum([0] + [len(text) + 1 for text in texts])
    joined = "\n".join(texts)
    start, end, surface, types = _split_tokens(joined)
    index = corpus.sentence_index
    sentence_start = offsets[index.doc] + index.start
    sentence_end = offsets[index.doc] + index.end
    row = _last_opened(start, sentence_start)
    inside = (row >= 0) & (end <= sentence_end[np.maximum(row, 0)])
    redo = _crossed_sentences(start, end, row, inside, sentence_start, sentence_end)
    if redo.size:  # a token ran over a sentence boundary: tokenise those sentences alone
        inside &= ~np.isin(row, redo)
        extra = [(s + m.start(), s + m.end(), m.group())
                 for s, e in zip(sentence_start[redo].tolist(), sentence_end[redo].tolist())
                 for m in _TOKEN.finditer(joined, s, e)]
        more, known = pd.factorize(pd.Series([t for _, _, t in extra], dtype=object))
        code = np.concatenate([surface[inside], more + len(types)]).astype(np.int64)
        start = np.concatenate([start[inside], [s for s, _, _ in extra]]).astype(np.int64)
        end = np.concatenate([end[inside], [e for _, e, _ in extra]]).astype(np.int64)
        types = types + list(known)
        order = np.argsort(start, kind="stable")
        surface, start, end = code[order], start[order], end[order]
        row = np.searchsorted(sentence_start, start, side="right") - 1
    elif not inside.all():
        surface, start, end, row = surface[inside], start[inside], end[inside], row[inside]
    doc = index.doc[row]
    first_of_doc = np.searchsorted(doc, np.arange(len(texts)))
    token_id = np.arange(len(doc)) - first_of_doc[doc]
    doc_offset = offsets[doc]
    local_start, local_end = start - doc_offset, end - doc_offset
    actor = mention_rows(doc, local_start, pd.Index(corpus.documents["doc_id"]), mentions)
    codes, languages = pd.factorize(pd.Series(
        corpus.documents["language"].fillna(language).map(resources_for)
        if "language" in corpus.documents else [language] * len(texts), dtype=object))
    # One type per surface and language: lemmas and stopwords depend on both.
    kind, kinds = pd.factorize(surface * len(languages) + codes[doc])
    values = [None] * len(kinds)
    for code, name in enumerate(languages):
        here = np.flatnonzero(kinds % len(languages) == code)
        for position, value in zip(here.tolist(), _type_values(
                [types[i] for i in (kinds[here] // len(languages)).tolist()], name, stopwords)):
            values[position] = value
    norms, lemmas, stop, punct, alpha = _type_table(values)
    actor_code, actor_ids = pd.factorize(mentions["actor_id"])
    actor_code = np.append(actor_code, -1)
    # Categorical columns: one string per distinct value, so a large table stays cheap.
    return pd.DataFrame({
        "doc_id": _categorical(doc, corpus.documents["doc_id"]),
        "sent_id": index.sent_id[row], "token_id": token_id,
        "start": local_start, "end": local_end, "surface": _categorical(surface, types),
        "norm": _categorical(_narrow(norms[0])[kind], norms[1]),
        "lemma": _categorical(_narrow(lemmas[0])[kind], lemmas[1]),
        "is_stop": stop[kind], "is_punct": punct[kind], "is_alpha": alpha[kind],
        "actor_id": _categorical(_narrow(actor_code)[actor], actor_ids),
    }, columns=TOKEN_COLUMNS, copy=False)  # fresh arrays: no copy into blocks needed


def load_token_data(language: str) -> None:
    """Load a language's lemma dictionary and stopwords now, else the first ``tag_tokens``
    does (they stay loaded for the process; the Russian dictionary takes seconds).

    Example:
        >>> load_token_data("en")
    """
    _stopwords(language)
    simplemma.lemmatize("a", lang=language)


def _split_tokens(joined: str) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[str]]:
    """Every token of the text: start, end, surface code and the surfaces by code."""
    data = joined.encode("utf-32-le")
    space = np.ones(len(joined) + 2, dtype=bool)
    points = np.frombuffer(data, dtype=np.uint32)
    table = _space_table()
    space[1:-1] = table[np.minimum(points, len(table) - 1)]
    edges = np.flatnonzero(space[1:] != space[:-1])  # each chunk's start, then its end
    # The chunks as Arrow binaries over the UTF-32 bytes: Arrow finds the distinct ones
    # (in order of first appearance, as pd.factorize) without a Python string per chunk.
    segments = pa.LargeBinaryArray.from_buffers(pa.large_binary(), max(len(edges) - 1, 0), [
        None, pa.py_buffer(edges.astype(np.int64) * 4), pa.py_buffer(data)])
    encoded = pc.dictionary_encode(segments.take(pa.array(np.arange(0, len(edges) - 1, 2))))
    chunk_code = encoded.indices.to_numpy()
    pieces = [[(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(chunk.decode(
        "utf-32-le"))] for chunk in encoded.dictionary.to_pylist()]
    counts = np.array([len(found) for found in pieces], dtype=np.int64)
    flat = [piece for found in pieces for piece in found]
    surface_code, types = pd.factorize(pd.Series([text for _, _, text in flat], dtype=object))
    relative_start = np.array([s for s, _, _ in flat], dtype=np.int64)
    relative_end = np.array([e for _, e, _ in flat], dtype=np.int64)
    per_chunk = counts[chunk_code]
    # Token k of the text is piece (k - first token of its chunk) of its chunk's type.
    shift = (np.cumsum(counts) - counts)[chunk_code] - (np.cumsum(per_chunk) - per_chunk)
    position = np.repeat(shift, per_chunk)
    position += np.arange(len(position))
    base = np.repeat(edges[0::2], per_chunk)
    return (base + relative_start[position], base + relative_end[position],
            surface_code.astype(np.int64)[position], list(types))


def _crossed_sentences(start: np.ndarray, end: np.ndarray, row: np.ndarray, inside: np.ndarray,
                       sentence_start: np.ndarray, sentence_end: np.ndarray) -> np.ndarray:
    """Rows of the sentences that a token outside every sentence overlaps."""
    outside = np.flatnonzero(~inside)
    last = np.searchsorted(sentence_start, end[outside], side="left") - 1
    first = np.searchsorted(sentence_end, start[outside], side="right")
    hit = [np.arange(a, b + 1) for a, b in zip(first.tolist(), last.tolist()) if b >= a]
    return np.unique(np.concatenate(hit)) if hit else np.zeros(0, dtype=np.int64)


def mention_rows(doc: np.ndarray, start: np.ndarray, doc_ids: pd.Index,
                 mentions: pd.DataFrame) -> np.ndarray:
    """Row of the mention each token starts inside, or -1.

    Args:
        doc: Each token's document, as a position in ``doc_ids``.
        start: Each token's start offset.
    """
    if mentions.empty:
        return np.full(len(doc), -1, dtype=np.int64)
    mention_doc = pc.index_in(pa.array(mentions["doc_id"], type=pa.string()), value_set=pa.array(
        list(doc_ids), type=pa.string())).fill_null(-1).to_numpy().astype(np.int64)
    scale = 1 << 40  # longer than any text: (document, offset) as one sortable key
    opens = mention_doc * scale + mentions["start"].to_numpy(np.int64)
    order = np.argsort(opens, kind="stable")
    closes = (mention_doc * scale + mentions["end"].to_numpy(np.int64))[order]
    keys = doc.astype(np.int64) * scale + start
    if len(keys) and bool(np.all(keys[1:] >= keys[:-1])):  # tokens in text order
        found = _last_opened(keys, opens[order])
    else:
        found = np.searchsorted(opens[order], keys, side="right") - 1
    inside = (found >= 0) & (keys < closes[np.maximum(found, 0)])
    return np.where(inside, order[np.maximum(found, 0)], -1)


def _last_opened(keys: np.ndarray, opens: np.ndarray) -> np.ndarray:
    """For sorted ``keys``, the last of the sorted ``opens`` at or before each (-1: none):
    ``np.searchsorted(opens, keys, side="right") - 1``, counted rather than searched."""
    opened = np.searchsorted(keys, opens, side="left")
    return np.cumsum(np.bincount(opened, minlength=len(keys) + 1)[:len(keys)]) - 1


def _type_values(types: list[str], language: str, stopwords: Iterable[str]
                 ) -> list[tuple[str, str, bool, bool, bool]]:
    """Norm, lemma and the stopword, punctuation and alphabetic flags of each surface."""
    fold = _folding(language)
    stop = _stopwords(language) | {word.lower().translate(fold) for word in stopwords}
    norms = [surface.translate(ASCII_PUNCTUATION).lower().translate(fold) for surface in types]
    lemmas = [_lemma(norm, language).translate(fold) for norm in norms]
    return [(norm, lemma, norm in stop or lemma in stop, _is_punct(surface), surface.isalpha())
            for surface, norm, lemma in zip(types, norms, lemmas, strict=True)]


def _type_table(values: list[tuple[str, str, bool, bool, bool]]
                ) -> tuple[tuple, tuple, np.ndarray, np.ndarray, np.ndarray]:
    """Norms and lemmas (codes per type, distinct values) and the flags, as arrays."""
    norms, lemmas, stop, punct, alpha = zip(*values) if values else ((),) * 5
    return (pd.factorize(pd.Series(norms, dtype=object)),
            pd.factorize(pd.Series(lemmas, dtype=object)),
            np.array(stop, dtype=bool), np.array(punct, dtype=bool), np.array(alpha, dtype=bool))


def _categorical(codes: np.ndarray, values: Iterable[str]) -> pd.Categorical:
    """``values[codes]`` (-1: missing) as a categorical of strings."""
    return pd.Categorical.from_codes(codes, validate=False, dtype=pd.CategoricalDtype(
        pd.Index(list(values), dtype="string")))


def _narrow(codes: np.ndarray) -> np.ndarray:
    """Codes in the integer type a categorical keeps them in, so that none is converted."""
    largest = int(codes.max(initial=0))
    for kind in (np.int8, np.int16, np.int32):
        if largest < np.iinfo(kind).max:
            return codes.astype(kind)
    return codes


@lru_cache(maxsize=1)
def _space_table() -> np.ndarray:
    """Whether each code point is whitespace, up to the last one (U+3000), then one False
    that every higher code point reads."""
    return np.array([chr(point).isspace() for point in range(_LAST_SPACE + 1)] + [False])


@lru_cache(maxsize=8)
def _stopwords(language: str) -> frozenset[str]:
    """stopwords-iso's list and the possessives, folded, less the language's ``not_stopwords``."""
    if not stopwordsiso.has_lang(language):
        raise LanguageError(f"no stopword list for language {language!r}")
    fold = _folding(language)
    words = {word.translate(fold) for word in stopwordsiso.stopwords(language)
             | _possessives(language)}
    words -= {word.translate(fold) for word in load_language(language).words(
        "tokens", "not_stopwords")}
    return frozenset(words | {word.replace("'", "’") for word in words}
                     | {word.replace("’", "'") for word in words})


@lru_cache(maxsize=8)
def _folding(language: str) -> dict[int, str]:
    """The language's ``tokens.fold`` table (characters every norm folds), for str.translate."""
    table = load_language(language).sections["tokens"].get("fold") or {}
    return str.maketrans({str(key): str(value) for key, value in table.items()})


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
