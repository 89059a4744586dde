""":mod:`kursklib.terms`: term and n-gram counts, occurrences, collocations and TF-IDF."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence

import pandas as pd
from nltk.collocations import (
    BigramAssocMeasures,
    BigramCollocationFinder,
    TrigramAssocMeasures,
    TrigramCollocationFinder,
)

from .errors import ArgumentError

COLLOCATION_COLUMNS = ["collocation", "n_occurrences", "score"]
TFIDF_COLUMNS = ["doc_id", "rank", "term", "n_occurrences", "tf", "idf", "tfidf"]
TERM_COLUMNS = ["doc_id", "sent_id", "token_id", "start", "end", "term"]
_ACTOR_TERM_SPACES = re.compile(r"[\s-]+")


def count_terms(tokens: pd.DataFrame, *, by: str | Sequence[str] = (), ngram: int = 1,
                use: str = "lemma", keep_stop: bool = False, merge_actors: bool = True,
                min_count: int = 1) -> pd.DataFrame:
    """Count terms (or n-grams of 2–3 terms) in the whole corpus or per group.

    Punctuation is always dropped; stopwords unless ``keep_stop``. With
    ``merge_actors`` a multi-word actor mention ("Kim Jong Un") is one term.

    Args:
        by: Token columns to count within, e.g. ``"doc_id"``; empty for the corpus.
        ngram: 1 for terms, 2 or 3 for n-grams of consecutive counted terms.
        use: ``"lemma"`` or ``"norm"``: which spelling of a token is its term.

    Returns:
        The ``by`` columns, then ``term, n_occurrences, share``; per group most
        frequent first, then term; ``share`` is the count over all counted terms of the
        group.

    Example:
        >>> counts = count_terms(tag_tokens(corpus, tag_actors(corpus)))
        >>> counts[["term", "n_occurrences"]].head(3).values.tolist()
        [['kursk oblast', 2], ['north korea', 2], ['soldier', 2]]
    """
    keys = [by] if isinstance(by, str) else list(by)
    unknown = [key for key in keys if key not in tokens.columns]
    if unknown:
        raise ArgumentError(f"cannot count terms by {', '.join(unknown)}: not a token column")
    if ngram not in (1, 2, 3):
        raise ArgumentError(f"ngram must be 1, 2 or 3, not {ngram!r}")
    firsts = tokens.drop_duplicates(["doc_id", "sent_id"])
    group_of = dict(zip(zip(firsts["doc_id"], firsts["sent_id"]),
                        zip(*(firsts[key] for key in keys)))) if keys else {}
    counts: Counter[tuple[tuple, str]] = Counter()
    for doc_id, sent_id, terms in term_sequences(tokens, use=use, keep_stop=keep_stop,
                                                 merge_actors=merge_actors):
        key = group_of[doc_id, sent_id] if keys else ()
        counts.update((key, term) for term in _ngrams(terms, ngram))
    table = pd.DataFrame([(*key, term, count) for (key, term), count in counts.items()],
                         columns=[*keys, "term", "n_occurrences"])
    totals = (table.groupby(keys)["n_occurrences"].transform("sum") if keys
              else table["n_occurrences"].sum())
    table["share"] = table["n_occurrences"] / totals
    table = table[table["n_occurrences"] >= min_count]
    table = table.sort_values([*keys, "n_occurrences", "term"],
                              ascending=[*[True] * len(keys), False, True],
                              kind="stable").reset_index(drop=True)
    return table.astype({"term": "string", "n_occurrences": "int64", "share": "float64"})


def tag_terms(tokens: pd.DataFrame, terms: Iterable[str], *, use: str = "lemma",
              merge_actors: bool = True) -> pd.DataFrame:
    """Find every occurrence of the given terms (as ``count_terms`` spells them).

    Returns:
        One row per occurrence: ``doc_id, sent_id, token_id, start, end, term``, where
        ``token_id`` is the term's first token and ``start:end`` spans all its tokens.

    Example:
        >>> tag_terms(tag_tokens(corpus, tag_actors(corpus)), ["soldier"])["doc_id"].tolist()
        ['a', 'b']
    """
    wanted = set(terms)
    rows = []
    for doc_id, sent_id, terms_here, spans in term_sequences(
            tokens, use=use, keep_stop=True, merge_actors=merge_actors, with_spans=True):
        for term, (token_id, start, end) in zip(terms_here, spans, strict=True):
            if term in wanted:
                rows.append((doc_id, sent_id, token_id, start, end, term))
    table = pd.DataFrame(rows, columns=TERM_COLUMNS)
    return table.astype({"doc_id": "string", "sent_id": "int64", "token_id": "int64",
                         "start": "int64", "end": "int64", "term": "string"})


def find_collocations(tokens: pd.DataFrame, *, ngram: int = 2, measure: str = "pmi",
                      min_count: int = 2, use: str = "lemma") -> pd.DataFrame:
    """Score word pairs (or triples) that occur together more than chance, with NLTK.

    Stopwords and punctuation break sequences, so collocations never span them.

    Returns:
        ``collocation, n_occurrences, score``; best score first, then collocation.

    Example:
        >>> tokens = tag_tokens(corpus, tag_actors(corpus))
        >>> find_collocations(tokens, min_count=2)["collocation"].tolist()
        ['north korea', 'kursk oblast']
    """
    if ngram not in (2, 3):
        raise ArgumentError(f"ngram must be 2 or 3, not {ngram!r}")
    measures = BigramAssocMeasures if ngram == 2 else TrigramAssocMeasures
    if measure not in ("pmi", "likelihood_ratio"):
        raise ArgumentError(f"measure must be 'pmi' or 'likelihood_ratio', not {measure!r}")
    sentences = [terms for _, _, terms in term_sequences(tokens, use=use, keep_stop=False,
                                                           merge_actors=False)]
    finder_class = BigramCollocationFinder if ngram == 2 else TrigramCollocationFinder
    # An empty string marks a removed token; NLTK's finder pads each document the same way.
    finder = finder_class.from_documents(sentences)
    finder.apply_word_filter(lambda word: word == "")
    finder.apply_freq_filter(min_count)
    scored = finder.score_ngrams(getattr(measures, measure))
    rows = [(" ".join(gram), finder.ngram_fd[gram], round(score, 10)) for gram, score in scored]
    table = pd.DataFrame(rows, columns=COLLOCATION_COLUMNS)
    table = table.sort_values(["score", "collocation"], ascending=[False, True], kind="stable")
    return table.reset_index(drop=True).astype({"collocation": "string",
                                                "n_occurrences": "int64", "score": "float64"})


def count_tfidf(tokens: pd.DataFrame, *, top: int = 10, use: str = "lemma",
                merge_actors: bool = True) -> pd.DataFrame:
    """Rank each document's most distinctive terms by TF-IDF (stopwords out).

    ``tf`` is the term's share of the document's counted terms; ``idf`` is
    ``log(n_documents / document_frequency)``.

    Returns:
        ``doc_id, rank, term, n_occurrences, tf, idf, tfidf``; ``top`` rows per document.

    Example:
        >>> count_tfidf(tag_tokens(corpus, tag_actors(corpus)), top=1)["term"].tolist()
        ['26', 'dprk']
    """
    per_document = count_terms(tokens, by="doc_id", use=use, merge_actors=merge_actors)
    n_documents = tokens["doc_id"].nunique()
    document_frequency = per_document.groupby("term")["doc_id"].nunique()
    table = per_document.rename(columns={"share": "tf"})
    table["idf"] = table["term"].map(lambda term: math.log(n_documents / document_frequency[term]))
    table["tfidf"] = (table["tf"] * table["idf"]).round(12)
    table = table.sort_values(["doc_id", "tfidf", "term"], ascending=[True, False, True],
                              kind="stable")
    table = table.groupby("doc_id", sort=True).head(top).copy()
    table["rank"] = table.groupby("doc_id").cumcount() + 1
    return table[TFIDF_COLUMNS].reset_index(drop=True).astype({"rank": "int64"})


def term_sequences(tokens: pd.DataFrame, *, use: str, keep_stop: bool, merge_actors: bool,
                    with_spans: bool = False) -> list[tuple]:
    """Per sentence: the terms to count, with multi-word actor mentions merged into one.

    Removed tokens leave an empty string, so that n-grams never span them. With
    ``with_spans`` each sequence also carries ``(token_id, start, end)`` per term.
    """
    if use not in ("lemma", "norm"):
        raise ArgumentError(f"use must be 'lemma' or 'norm', not {use!r}")
    sequences = []
    for (doc_id, sent_id), sentence in tokens.groupby(["doc_id", "sent_id"], sort=True):
        terms: list[str] = []
        spans: list[tuple[int, int, int]] = []
        previous_actor, previous_end = None, -1
        for row in sentence.itertuples(index=False):
            actor = row.actor_id if merge_actors and not pd.isna(row.actor_id) else None
            if actor is not None and actor == previous_actor and row.start - previous_end <= 1:
                terms[-1] = _ACTOR_TERM_SPACES.sub(" ", f"{terms[-1]} {row.norm}").replace(
                    " '", "'")
                spans[-1] = (spans[-1][0], spans[-1][1], row.end)
                previous_end = row.end
                continue
            previous_actor, previous_end = actor, row.end
            spans.append((row.token_id, row.start, row.end))
            if row.is_punct or (row.is_stop and not keep_stop and actor is None):
                terms.append("")
                previous_actor = None
                continue
            terms.append(getattr(row, use) if actor is None else row.norm)
        sequences.append((doc_id, sent_id, terms, spans) if with_spans else
                         (doc_id, sent_id, terms))
    return sequences


def _ngrams(terms: Sequence[str], n: int) -> Iterable[str]:
    for index in range(len(terms) - n + 1):
        window = terms[index:index + n]
        if all(window):
            yield " ".join(window)
