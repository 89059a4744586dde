""":mod:`kursklib.ngram_counts`: count each document's n-grams of term codes by sorting integers."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

_LARGEST_KEY = 1 << 62  # integer keys stay below it, else they are renumbered (or lexsorted)


def count_ngrams(doc: np.ndarray, sentence: np.ndarray, code: np.ndarray,
                 vocabulary: Sequence[str], doc_ids: Sequence[str], lengths: Sequence[int]
                 ) -> pd.DataFrame:
    """Count the n-grams of each length in ``lengths`` (sorted) per document.

    An n-gram is ``n`` consecutive slots of one sentence, none dropped.

    Args:
        doc: Each slot's document, a position in ``doc_ids``, in text order.
        sentence: Each slot's sentence, as a number distinct within a document.
        code: Each slot's term, a position in ``vocabulary`` (distinct strings); -1 dropped.

    Returns:
        ``doc_id, ngram, term, n_occurrences``: by document (in the order of its
        position), ``ngram``, most frequent first, then by the words' spelling, word by word.
    """
    words = pa.array(list(vocabulary), type=pa.string())
    by_spelling = pc.array_sort_indices(words).to_numpy()
    rank = np.empty(len(words), dtype=np.int64)  # each term's place in spelling order
    rank[by_spelling] = np.arange(len(words))
    spelled = words.take(pa.array(by_spelling))
    ranked = np.where(code >= 0, rank[np.maximum(code, 0)], -1) if len(words) else code
    same_sentence = (doc[1:] == doc[:-1]) & (sentence[1:] == sentence[:-1])
    documents = int(doc.max(initial=0)) + 1
    parts = [_count_length(doc, ranked, same_sentence, spelled, n, documents) for n in lengths]
    of_doc, count = (np.concatenate([part[k] for part in parts]) for k in (0, 1))
    term = pa.concat_arrays([part[2] for part in parts]) if parts else spelled[:0]
    # Each length is sorted by document: place its rows after the shorter lengths' ones.
    per_length = np.array([np.bincount(part[0], minlength=documents) for part in parts]
                          ).reshape(len(parts), documents)
    doc_first = np.cumsum(per_length.sum(axis=0)) - per_length.sum(axis=0)
    before = np.cumsum(per_length, axis=0) - per_length
    position = np.concatenate([
        doc_first[part[0]] + before[j][part[0]] + np.arange(len(part[0]))
        - (np.cumsum(per_length[j]) - per_length[j])[part[0]] for j, part in enumerate(parts)]
    ) if parts else np.zeros(0, dtype=np.int64)
    order = np.empty(len(position), dtype=np.int64)
    order[position] = np.arange(len(position))
    ngram = np.repeat(np.asarray(lengths, dtype=np.int64), [len(part[0]) for part in parts])
    ids = pa.array(list(doc_ids), type=pa.string()).take(pa.array(of_doc[order]))
    return pd.DataFrame({"doc_id": pd.array(ids, dtype="string"), "ngram": ngram[order],
                         "term": pd.array(term.take(pa.array(order)), dtype="string"),
                         "n_occurrences": count[order]})


def _count_length(doc: np.ndarray, ranked: np.ndarray, same_sentence: np.ndarray,
                  spelled: pa.Array, n: int, documents: int
                  ) -> tuple[np.ndarray, np.ndarray, pa.Array]:
    """One length's counts in output order (by document, most frequent first, then by
    spelling, word by word): document, count and spelling of each n-gram."""
    valid = ranked >= 0
    for shift in range(1, n):
        valid[:-shift] &= (ranked[shift:] >= 0) & same_sentence[shift - 1:]
        valid[max(len(valid) - shift, 0):] = False
    rows = np.flatnonzero(valid)
    size = max(len(spelled), 1)
    gram, names, last_word = ranked[rows], spelled, False
    for k in range(1, n):  # each n-gram as one integer that sorts as its words do
        if k < n - 1 or documents * len(names) * size >= _LARGEST_KEY:
            gram, high, low = _pair_codes(gram, ranked[rows + k])
            names = pc.binary_join_element_wise(names.take(pa.array(high)),
                                                spelled.take(pa.array(low)), " ")
        else:  # the last word stays in the key: only the n-grams counted are spelled
            gram, last_word = gram * size + ranked[rows + k], True
    width = max(len(names), 1) * (size if last_word else 1)
    if documents * width < _LARGEST_KEY:
        keys = np.sort(doc[rows] * width + gram)
        first = np.flatnonzero(np.concatenate(([True], keys[1:] != keys[:-1]))) if len(
            keys) else np.zeros(0, dtype=np.int64)
        count = np.diff(np.append(first, len(keys))).astype(np.int64)
        of_doc, gram = keys[first] // width, keys[first] % width
    else:
        codes, of_doc, gram = _pair_codes(doc[rows], gram)
        count = np.bincount(codes, minlength=len(of_doc)).astype(np.int64)
    most, entries = int(count.max(initial=0)), len(of_doc)
    if documents * (most + 1) * max(entries, 1) < _LARGEST_KEY:  # by spelling already
        order = np.argsort((of_doc * (most + 1) + most - count) * entries + np.arange(entries))
    else:
        order = np.lexsort((np.arange(entries), -count, of_doc))
    of_doc, gram = of_doc[order], gram[order]
    if last_word:
        names = pc.binary_join_element_wise(names.take(pa.array(gram // size)),
                                            spelled.take(pa.array(gram % size)), " ")
    else:
        names = names.take(pa.array(gram))
    return of_doc, count[order], names


def _pair_codes(high: np.ndarray, low: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Number the distinct ``(high, low)`` pairs 0, 1, ... in sorted order: each pair's
    number, then each number's ``high`` and ``low``."""
    span = int(low.max(initial=0)) + 1
    if (int(high.max(initial=0)) + 1) * span < _LARGEST_KEY:
        distinct, codes = np.unique(high * span + low, return_inverse=True)
        return codes, distinct // span, distinct % span
    order = np.lexsort((low, high))
    high_sorted, low_sorted = high[order], low[order]
    new = np.concatenate(([True], (high_sorted[1:] != high_sorted[:-1])
                          | (low_sorted[1:] != low_sorted[:-1])))[:len(order)]
    codes = np.empty(len(order), dtype=np.int64)
    codes[order] = np.cumsum(new) - 1
    return codes, high_sorted[new], low_sorted[new]
