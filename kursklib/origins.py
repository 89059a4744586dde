""":mod:`kursklib.origins`: find the documents that copy one story (MinHash over sentences)."""

from __future__ import annotations

import hashlib
import re

import numpy as np
import pandas as pd

from .linking import key_codes, link_items

# Two documents are copies of one story when the weighted Jaccard similarity of their sets
# of sentence wordings reaches this; each wording weighs its inverse document frequency,
# so shared boilerplate counts little. Measured on 10,000 generated articles
# (benchmarks/corpora.py): 99.5 % of wire copies reach it (exact ones 1, edited ones a
# median of 0.85), no pair of independent English articles does (the highest, 0.49,
# quote the same seed paragraphs); the plain Jaccard similarity overlaps (0.38 against 0.7).
COPY_SIMILARITY = 0.5
# A document with fewer distinct sentences is nobody's copy: too little to tell.
MIN_SENTENCES = 3
# MinHash: BANDS × ROWS hashes per document; two documents are compared only when all
# ROWS hashes of one band agree: likely (four in five) from a plain Jaccard of 0.375.
BANDS, ROWS = 32, 3
_MIX = (np.uint64(0xBF58476D1CE4E5B9), np.uint64(0x94D049BB133111EB))
_SEEDS = np.arange(1, BANDS * ROWS + 1, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15)
_CHUNK_ROWS = 1 << 15
_WORD = re.compile(r"\w+")


def find_copies(sentences: pd.DataFrame, doc_ids: pd.Series | list[str]) -> np.ndarray:
    """Label each document with the first document of the story it is a copy of.

    A sentence's wording is its words once case, punctuation and spacing are folded; two
    documents are copies when the weighted Jaccard similarity of their sets of wordings
    reaches ``COPY_SIMILARITY`` (a wire story run as is, or with a new headline, without
    its dateline or a paragraph). Candidates come from MinHash bands (locality-sensitive
    hashing), so documents are never compared pairwise; each candidate is then checked
    exactly. A document sharing a few quoted sentences with another is no copy of it.

    Args:
        sentences: ``Corpus.sentences`` (``doc_id`` and ``text``).
        doc_ids: The documents to label, in order.

    Returns:
        Per document, the position of the first document of its story (itself if none).

    Example:
        >>> story = ["Kim Jong Un visited a munitions factory.", "He praised the workers.",
        ...          "State media showed missiles."]
        >>> sentences = pd.DataFrame({"doc_id": ["a"] * 3 + ["b"] * 3 + ["c"] * 3,
        ...                           "text": story + story + ["Seoul said nothing.",
        ...                                                    "He praised the workers.",
        ...                                                    "Talks resumed."]})
        >>> find_copies(sentences, ["a", "b", "c"]).tolist()
        [0, 0, 2]
    """
    n_documents = len(doc_ids)
    document = pd.Index(doc_ids).get_indexer(sentences["doc_id"])
    texts, wording = pd.factorize(sentences["text"].astype(object), sort=False)
    hashes = np.array([_wording_hash(text) for text in wording], dtype=np.int64)
    found = pd.DataFrame({"document": document, "hash": hashes[texts] if len(texts)
                          else np.zeros(0, dtype=np.int64)})
    found = found[(found["document"] >= 0) & (found["hash"] != _EMPTY)].drop_duplicates()
    sizes = found.groupby("document").size()
    frequency = found.groupby("hash")["document"].transform("size").to_numpy()
    found = found.assign(weight=np.log((1 + len(sizes)) / (1 + frequency)) + 1)
    found = found[found["document"].map(sizes).to_numpy() >= MIN_SENTENCES]
    found = found.sort_values(["document", "hash"], kind="stable")
    if found.empty:
        return np.arange(n_documents, dtype=np.int64)
    documents, signatures = _signatures(found["document"].to_numpy(), found["hash"].to_numpy())
    pairs = _candidate_pairs(documents, signatures)
    pairs = pairs[_weighted_jaccard(pairs, found) >= COPY_SIMILARITY]
    items = np.concatenate([pairs["first"].to_numpy(), pairs["other"].to_numpy()])
    keys = np.concatenate([np.arange(len(pairs)), np.arange(len(pairs))])
    return link_items(n_documents, items, keys)


def _wording_hash(text: str) -> int:
    wording = " ".join(_WORD.findall(text.casefold()))
    return int.from_bytes(hashlib.blake2b(wording.encode(), digest_size=8).digest(), "little",
                          signed=True)


_EMPTY = _wording_hash("")


def _mix(values: np.ndarray) -> np.ndarray:
    """SplitMix64's finaliser: every input bit moves every output bit."""
    values = (values ^ (values >> np.uint64(30))) * _MIX[0]
    values = (values ^ (values >> np.uint64(27))) * _MIX[1]
    return values ^ (values >> np.uint64(31))


def _signatures(document: np.ndarray, hashes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The documents (sorted) and, per document, the smallest of each of the MinHash
    functions over its wordings; computed a chunk of whole documents at a time."""
    starts = np.flatnonzero(np.r_[True, document[1:] != document[:-1]])
    bounds = np.r_[starts, len(document)]
    values = hashes.view(np.uint64)
    rows = []
    first = 0
    while first < len(starts):
        last = int(np.searchsorted(bounds, bounds[first] + _CHUNK_ROWS, side="right")) - 1
        last = min(max(last, first + 1), len(starts))
        chunk = slice(bounds[first], bounds[last])
        mixed = _mix(values[chunk, None] ^ _SEEDS[None, :])
        rows.append(np.minimum.reduceat(mixed, starts[first:last] - bounds[first], axis=0))
        first = last
    return document[starts], np.concatenate(rows)


def _candidate_pairs(documents: np.ndarray, signatures: np.ndarray) -> pd.DataFrame:
    """Pairs of documents whose signatures agree on a whole band: each band's bucket
    pairs its first document with every other (a star, so linear in the bucket)."""
    band = np.repeat(np.arange(BANDS), len(documents))
    columns = [np.concatenate([signatures[:, b * ROWS + r] for b in range(BANDS)])
               for r in range(ROWS)]
    keys = key_codes(band, *columns)
    members = pd.DataFrame({"key": keys, "other": np.tile(documents, BANDS)})
    members["first"] = members.groupby("key")["other"].transform("min")
    pairs = members.loc[members["other"] != members["first"], ["first", "other"]]
    return pairs.drop_duplicates().sort_values(["first", "other"]).reset_index(drop=True)


def _weighted_jaccard(pairs: pd.DataFrame, found: pd.DataFrame) -> np.ndarray:
    """The weighted Jaccard similarity of each pair's sets of wordings."""
    pairs = pairs.assign(pair=np.arange(len(pairs)))
    shared = pairs.merge(found.rename(columns={"document": "first"}), on="first").merge(
        found[["document", "hash"]].rename(columns={"document": "other"}), on=["other", "hash"])
    common = shared.groupby("pair")["weight"].sum().reindex(pairs["pair"], fill_value=0)
    totals = found.groupby("document")["weight"].sum()
    union = (totals.reindex(pairs["first"]).to_numpy() + totals.reindex(pairs["other"]).to_numpy()
             - common.to_numpy())
    return common.to_numpy() / np.maximum(union, 1e-12)
