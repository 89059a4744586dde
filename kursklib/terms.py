""":mod:`kursklib.terms`: term and n-gram counts per document, and what is read from them."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Annotated, Literal

import numpy as np
import pandas as pd

from .characters import ASCII_PUNCTUATION
from .checks import Columns, Count, checked
from .errors import ArgumentError
from .ngram_counts import count_ngrams
from .tokens import Mentions, Tokens, mention_rows

DOCUMENT_TERM_COLUMNS = ["doc_id", "ngram", "term", "n_occurrences"]
TERM_COLUMNS = ["doc_id", "sent_id", "token_id", "start", "end", "term"]
COLLOCATION_COLUMNS = ["collocation", "n_occurrences", "score"]
TFIDF_COLUMNS = ["doc_id", "rank", "term", "n_occurrences", "tf", "idf", "tfidf"]
# How a mention becomes a term: its actor's canonical name (default), its id, its own
# words, or no merging at all (each token a term).
ActorTerms = Literal["name", "id", "surface", "none"]
_ACTOR_TERM_SPACES = re.compile(r"[\s-]+")
_SMALL = 1e-20  # as NLTK's association measures, so that a zero count takes no log
NGram = Literal[1, 2, 3]
Spelling = Literal["lemma", "norm"]
# A table of document term counts, as the functions that read one need it.
TermCounts = Annotated[pd.DataFrame, Columns(*DOCUMENT_TERM_COLUMNS,
                                             made_by="count_document_terms")]


@checked
def count_document_terms(tokens: Tokens, mentions: Mentions, *,
                         ngrams: Sequence[NGram] = (1, 2), use: Spelling = "lemma",
                         keep_stop: bool = False, actors: ActorTerms = "name") -> pd.DataFrame:
    """Count each document's terms and n-grams of consecutive counted terms.

    Punctuation is always dropped, stopwords unless ``keep_stop``; a dropped token
    breaks n-grams, and so does a sentence end. Every mention of an actor is one term
    (``actors="name"``, the default): a researcher counting what the coverage is about
    wants one bar for North Korea, not three for "dprk", "north korea" and "north
    korean"; the canonical name reads better in a chart than an id. ``"surface"`` keeps
    each mention's own words (to compare how outlets name an actor), ``"id"`` the actor
    id, ``"none"`` splits names into their tokens.

    Args:
        tokens: Output of ``tag_tokens``.
        mentions: Output of ``tag_actors`` (the mentions behind ``tokens.actor_id``).
        ngrams: Which n-gram lengths to count (1, 2 or 3).
        use: ``"lemma"`` or ``"norm"``: which spelling of a token is its term.

    Returns:
        One row per document, n-gram length and term: ``doc_id, ngram, term,
        n_occurrences``; by document, ``ngram``, most frequent first, then term.

    Example:
        >>> mentions = tag_actors(corpus)
        >>> terms = count_document_terms(tag_tokens(corpus, mentions), mentions)
        >>> terms[terms["doc_id"] == "b"].head(2).values.tolist()
        [['b', 1, 'north korea', 2], ['b', 1, 'honour', 1]]
    """
    doc, doc_ids, code, keep, _, vocabulary = _slot_codes(tokens, mentions, use=use,
                                                          keep_stop=keep_stop, actors=actors)
    lengths = sorted(set(ngrams))
    table = count_ngrams(doc[keep], tokens["sent_id"].to_numpy(np.int64)[keep], code[keep],
                         vocabulary, list(doc_ids), lengths or [1])
    return table if lengths else table[:0]


def term_slots(tokens: pd.DataFrame, mentions: pd.DataFrame, *, use: str, keep_stop: bool,
               actors: str) -> tuple[pd.DataFrame, list[str]]:
    """The sequence of term positions (one per token, one per actor mention) and the terms.

    Returns:
        ``doc_id, sent_id, token_id, start, end, code`` in text order, ``code``
        indexing the returned terms (-1 where a token was dropped), and ``doc``, the
        document's position in first-seen order.
    """
    doc, doc_ids, code, keep, end, vocabulary = _slot_codes(
        tokens, mentions, use=use, keep_stop=keep_stop, actors=actors)
    slots = pd.DataFrame({
        "doc_id": pd.Categorical.from_codes(doc[keep], dtype=pd.CategoricalDtype(
            pd.Index(doc_ids, dtype="string"))),
        "sent_id": tokens["sent_id"].to_numpy(np.int64)[keep],
        "token_id": tokens["token_id"].to_numpy(np.int64)[keep],
        "start": tokens["start"].to_numpy(np.int64)[keep], "end": end[keep],
        "code": code[keep], "doc": doc[keep]})
    return slots, vocabulary


def _slot_codes(tokens: pd.DataFrame, mentions: pd.DataFrame, *, use: str, keep_stop: bool,
                actors: str
                ) -> tuple[np.ndarray, pd.Index, np.ndarray, np.ndarray, np.ndarray, list[str]]:
    """Per token: its document (by first appearance; and those documents), its term code
    (-1: dropped), whether it is a slot (a mention's later tokens are not) and the slot's
    end; then the terms by code."""
    doc, doc_ids = pd.factorize(tokens["doc_id"], sort=False)
    sent = tokens["sent_id"].to_numpy(np.int64)
    spelling, spellings = _codes(tokens[use])
    code = spelling.astype(np.int64)
    removed = tokens["is_punct"].to_numpy(bool)
    if not keep_stop:
        removed = removed | tokens["is_stop"].to_numpy(bool)
    names = list(spellings)
    end = tokens["end"].to_numpy(np.int64)
    keep = np.ones(len(tokens), dtype=bool)
    if actors != "none" and len(mentions):
        row = mention_rows(doc, tokens["start"].to_numpy(np.int64), doc_ids, mentions)
        in_mention = row >= 0
        same = np.concatenate(([False], (row[1:] == row[:-1]) & (sent[1:] == sent[:-1])
                               & (doc[1:] == doc[:-1])))
        keep = ~(in_mention & same)
        actor_terms, actor_names = _actor_terms(mentions, actors)
        first = np.flatnonzero(in_mention & keep)
        code[first] = actor_terms[row[first]] + len(names)
        removed = removed & ~in_mention
        names += list(actor_names)
        # A merged mention's slot ends where its last token ends.
        last = np.flatnonzero(in_mention & np.concatenate((~same[1:], [True])))
        end = end.copy()
        end[first] = end[last]
    merged, vocabulary = pd.factorize(pd.Series(names, dtype=object))
    code = np.where(removed, -1, merged[np.maximum(code, 0)] if len(merged) else code)
    return doc, doc_ids, code, keep, end, list(vocabulary)


def _codes(column: pd.Series) -> tuple[np.ndarray, list[str]]:
    """A column's values as codes and the distinct values (a categorical's own codes)."""
    if isinstance(column.dtype, pd.CategoricalDtype) and not column.isna().any():
        return column.cat.codes.to_numpy(), list(column.cat.categories)
    codes, values = pd.factorize(column)
    return codes, list(values)


@checked
def count_terms(terms: TermCounts,
                documents: Annotated[pd.DataFrame, Columns("doc_id")] | None = None, *,
                by: str | Sequence[str] = (), ngram: NGram = 1, min_count: int = 1
                ) -> pd.DataFrame:
    """Sum document term counts over the corpus, or per group of any document column.

    Args:
        terms: Output of ``count_document_terms`` (or a tagged corpus's ``terms``).
        documents: The documents table, for grouping by its columns (``source``, ...).
        by: Columns to count within, e.g. ``"doc_id"`` or ``"source"``; empty for all.
        ngram: 1 for terms, 2 or 3 for n-grams.

    Returns:
        The ``by`` columns, then ``term, n_occurrences, share``; per group most
        frequent first, then term; ``share`` is the count over all counted terms of the
        group.

    Example:
        >>> mentions = tag_actors(corpus)
        >>> counts = count_terms(count_document_terms(tag_tokens(corpus, mentions), mentions))
        >>> counts[["term", "n_occurrences"]].head(3).values.tolist()
        [['kursk oblast', 3], ['north korea', 3], ['soldier', 2]]
    """
    keys = [by] if isinstance(by, str) else list(by)
    table = _grouped(terms, documents, keys)
    table = table[table["ngram"] == ngram]
    counts = table.groupby([*keys, "term"], sort=False, observed=True)["n_occurrences"].sum()
    counts = counts.reset_index()
    totals = (counts.groupby(keys, observed=True)["n_occurrences"].transform("sum") if keys
              else counts["n_occurrences"].sum())
    counts["share"] = counts["n_occurrences"] / totals
    counts = counts[counts["n_occurrences"] >= min_count]
    counts = counts.sort_values([*keys, "n_occurrences", "term"],
                                ascending=[*[True] * len(keys), False, True], kind="stable")
    return counts.reset_index(drop=True).astype({"term": "string", "n_occurrences": "int64",
                                                 "share": "float64"})


@checked
def tag_terms(tokens: Tokens, mentions: Mentions, terms: Iterable[str], *,
              use: Spelling = "lemma", actors: ActorTerms = "name") -> pd.DataFrame:
    """Find every occurrence of the given terms (as ``count_document_terms`` spells them).

    Returns:
        One row per occurrence: ``doc_id, sent_id, token_id, start, end, term``, where
        ``token_id`` is the term's first token and ``start:end`` spans all its tokens.

    Example:
        >>> mentions = tag_actors(corpus)
        >>> tag_terms(tag_tokens(corpus, mentions), mentions, ["soldier"])["doc_id"].tolist()
        ['a', 'b']
    """
    slots, terms_found = term_slots(tokens, mentions, use=use, keep_stop=True, actors=actors)
    vocabulary = pd.Index(terms_found)
    wanted = vocabulary.get_indexer(list(terms))
    found = slots[slots["code"].isin(wanted[wanted >= 0])]
    table = found.assign(term=vocabulary.to_numpy(dtype=object)[found["code"].to_numpy()])
    return table[TERM_COLUMNS].reset_index(drop=True).astype({
        "doc_id": "string", "sent_id": "int64", "token_id": "int64", "start": "int64",
        "end": "int64", "term": "string"})


@checked
def find_collocations(terms: TermCounts, *, measure: Literal["pmi", "likelihood_ratio"] = "pmi",
                      min_count: int = 2) -> pd.DataFrame:
    """Score word pairs that occur together more than chance, as NLTK's bigram measures.

    Pairs are the counted bigrams (dropped tokens and sentence ends break them), so an
    actor's name is one word of a pair, never a pair of its own ("kim jong").

    Returns:
        ``collocation, n_occurrences, score``; best score first, then collocation.

    Example:
        >>> mentions = tag_actors(corpus)
        >>> terms = count_document_terms(tag_tokens(corpus, mentions), mentions, actors="none")
        >>> find_collocations(terms, min_count=2)["collocation"].tolist()
        ['north korea', 'kursk oblast']
    """
    words = count_terms(terms).set_index("term")["n_occurrences"]
    pairs = count_terms(terms, ngram=2, min_count=min_count)
    first, second = zip(*(_split_pair(pair, words.index) for pair in pairs["term"])) if len(
        pairs) else ((), ())
    n_ii = pairs["n_occurrences"].to_numpy(float)
    n_ix = words.reindex(list(first)).to_numpy(float)
    n_xi = words.reindex(list(second)).to_numpy(float)
    n_xx = float(words.sum())
    with np.errstate(divide="ignore", invalid="ignore"):
        if measure == "pmi":
            score = np.log2(n_ii * n_xx) - np.log2(n_ix * n_xi)
        else:
            score = _likelihood_ratio(n_ii, n_ix, n_xi, n_xx)
    table = pd.DataFrame({"collocation": pairs["term"], "n_occurrences": pairs["n_occurrences"],
                          "score": np.round(score, 10)})
    table = table.sort_values(["score", "collocation"], ascending=[False, True], kind="stable")
    return table.reset_index(drop=True).astype({"collocation": "string",
                                                "n_occurrences": "int64", "score": "float64"})


@checked
def count_tfidf(terms: TermCounts, *, top: Count = 10, ngram: NGram = 1) -> pd.DataFrame:
    """Rank each document's most distinctive terms by TF-IDF.

    ``tf`` is the term's share of the document's counted terms; ``idf`` is
    ``log(n_documents / document_frequency)``.

    Returns:
        ``doc_id, rank, term, n_occurrences, tf, idf, tfidf``; ``top`` rows per document.

    Example:
        >>> mentions = tag_actors(corpus)
        >>> terms = count_document_terms(tag_tokens(corpus, mentions), mentions)
        >>> count_tfidf(terms, top=1)["term"].tolist()
        ['26', 'honour']
    """
    table = count_terms(terms, by="doc_id", ngram=ngram).rename(columns={"share": "tf"})
    n_documents = table["doc_id"].nunique()
    frequency = table.groupby("term", observed=True)["doc_id"].transform("size")
    table["idf"] = np.log(n_documents / frequency.to_numpy(float))
    table["tfidf"] = (table["tf"] * table["idf"]).round(12)
    table = table.sort_values(["doc_id", "tfidf", "term"], ascending=[True, False, True],
                              kind="stable")
    table = table.groupby("doc_id", sort=True).head(top).copy()
    table["rank"] = table.groupby("doc_id").cumcount() + 1
    return table[TFIDF_COLUMNS].reset_index(drop=True).astype({"rank": "int64"})


def fold_term(text: str) -> str:
    """Spell a name or mention as a term: lower case, ASCII quotes, dashes as spaces.

    Example:
        >>> fold_term("Korean People’s Army")
        "korean people's army"
    """
    folded = _ACTOR_TERM_SPACES.sub(" ", text.translate(ASCII_PUNCTUATION).lower()).strip()
    return folded.replace(" '", "'")


def _actor_terms(mentions: pd.DataFrame, actors: str) -> tuple[np.ndarray, list[str]]:
    """Each mention's term as a code, and the terms by code (spelled once per distinct value)."""
    column = mentions[{"name": "actor_name", "surface": "surface", "id": "actor_id"}[actors]]
    values = (column if isinstance(column.dtype, pd.StringDtype) else column.astype(object)
              ).fillna("")
    codes, uniques = pd.factorize(values)
    if actors == "id":
        return codes, list(uniques)
    folded, terms = pd.factorize(pd.Series([fold_term(value) for value in uniques], dtype=object))
    return (folded[codes] if len(folded) else codes), list(terms)


def _grouped(terms: pd.DataFrame, documents: pd.DataFrame | None, keys: list[str]
             ) -> pd.DataFrame:
    """The term table with the ``keys`` columns, joined from ``documents`` where needed."""
    missing = [key for key in keys if key not in terms.columns]
    if not missing:
        return terms
    if documents is None or any(key not in documents.columns for key in missing):
        raise ArgumentError(f"cannot count terms by {', '.join(missing)}: not a term column "
                            "(give documents= to group by a document column)")
    groups = documents.set_index("doc_id")[missing]
    return terms.join(groups, on="doc_id")


def _split_pair(pair: str, words: pd.Index) -> tuple[str, str]:
    """The two counted terms of a bigram, whose words may hold spaces ("north korea troop")."""
    parts = pair.split(" ")
    for cut in range(1, len(parts)):
        first, second = " ".join(parts[:cut]), " ".join(parts[cut:])
        if first in words and second in words:
            return first, second
    return parts[0], " ".join(parts[1:])


def _likelihood_ratio(n_ii: np.ndarray, n_ix: np.ndarray, n_xi: np.ndarray, n_xx: float
                      ) -> np.ndarray:
    """NLTK's ``BigramAssocMeasures.likelihood_ratio``, on arrays."""
    observed = [n_ii, n_xi - n_ii, n_ix - n_ii, n_xx - n_ix - n_xi + n_ii]
    total = sum(observed)
    score = np.zeros_like(n_ii)
    for index, value in enumerate(observed):
        expected = (value + observed[index ^ 1]) * (value + observed[index ^ 2]) / total
        score += value * np.log(value / (expected + _SMALL) + _SMALL)
    return 2 * score
