"""Tokens, term counts, keyness, collocations, KWIC and TF-IDF, all without downloaded data."""

from __future__ import annotations

import bisect
import fnmatch
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

import pandas as pd
import simplemma
import stopwordsiso
from nltk.collocations import (
    BigramAssocMeasures,
    BigramCollocationFinder,
    TrigramAssocMeasures,
    TrigramCollocationFinder,
)
from nltk.tokenize import RegexpTokenizer

from .actors import Gazetteer, tag_actors
from .corpus import Corpus

TOKEN_COLUMNS = ["doc_id", "sent_id", "token_id", "start", "end", "surface", "norm", "lemma",
                 "is_stop", "is_punct", "is_alpha", "actor_id"]
KEYNESS_COLUMNS = ["term", "target_count", "reference_count", "{measure}", "p_value",
                   "log_ratio"]
KWIC_COLUMNS = ["doc_id", "sent_id", "start", "end", "left", "keyword", "right"]
COLLOCATION_COLUMNS = ["collocation", "count", "score"]
TFIDF_COLUMNS = ["doc_id", "rank", "term", "count", "tf", "idf", "tfidf"]
TERM_COLUMNS = ["doc_id", "sent_id", "token_id", "start", "end", "term"]

# Words (with inner hyphens and apostrophes), a split-off possessive, numbers, punctuation.
TOKEN_PATTERN = r"\w+(?:[-‐]\w+)*(?:['’](?![sS]\b)\w+)*|['’][sS]\b|[^\w\s]"
_TOKENIZER = RegexpTokenizer(TOKEN_PATTERN)
_NORM = str.maketrans({"’": "'", "‘": "'", "`": "'", "“": '"', "”": '"', "«": '"', "»": '"',
                       "‐": "-", "‑": "-", "–": "-", "—": "-"})
_ACTOR_TERM_SPACES = re.compile(r"[\s-]+")
_POSSESSIVES = frozenset({"'s", "'"})


def tag_tokens(corpus: Corpus, *, language: str = "en", stopwords: Iterable[str] = (),
               gazetteer: Gazetteer | str | Path | None = None,
               mentions: pd.DataFrame | None = None) -> pd.DataFrame:
    """Split every sentence into tokens with norm, lemma, stopword and actor flags.

    Args:
        language: ISO 639-1 code for lemmas (simplemma) and stopwords (stopwords-iso).
        stopwords: Extra, domain-specific stopwords (matched on ``norm`` and ``lemma``).
        mentions: Output of ``tag_actors``, to set ``actor_id``; tagged here when omitted.

    Returns:
        One row per token: ``doc_id, sent_id, token_id, start, end, surface, norm,
        lemma, is_stop, is_punct, is_alpha, actor_id``; ``token_id`` counts from 0 in
        each document and ``documents.text[start:end] == surface``.

    Example:
        >>> tokens = tag_tokens(read_corpus("seeds"), stopwords=["said"])  # doctest: +SKIP
    """
    if mentions is None:
        mentions = tag_actors(corpus, gazetteer=gazetteer)
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
                norm = surface.translate(_NORM).lower()
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
        raise ValueError(f"no stopword list for language {language!r}")
    words = stopwordsiso.stopwords(language) | _POSSESSIVES
    return frozenset(words | {word.replace("'", "’") for word in words}
                     | {word.replace("’", "'") for word in words})


@lru_cache(maxsize=65536)
def _lemma(norm: str, language: str) -> str:
    if not any(char.isalpha() for char in norm) or norm in _POSSESSIVES:
        return norm
    return simplemma.lemmatize(norm, lang=language).lower()


def _is_punct(surface: str) -> bool:
    return all(unicodedata.category(char)[0] in "PS" for char in surface)


def _term_sequences(tokens: pd.DataFrame, *, use: str, keep_stop: bool, merge_actors: bool,
                    with_spans: bool = False) -> list[tuple]:
    """Per sentence: the terms to count, with multi-word actor mentions merged into one.

    Removed tokens leave an empty string, so that n-grams never span them. With
    ``with_spans`` each sequence also carries ``(token_id, start, end)`` per term.
    """
    if use not in ("lemma", "norm"):
        raise ValueError(f"use must be 'lemma' or 'norm', not {use!r}")
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


def count_terms(tokens: pd.DataFrame, *, by: str = "corpus", ngram: int = 1, use: str = "lemma",
                keep_stop: bool = False, merge_actors: bool = True, min_count: int = 1
                ) -> pd.DataFrame:
    """Count terms (or n-grams of 2–3 terms) in the corpus or per document.

    Punctuation is always dropped; stopwords unless ``keep_stop``. With
    ``merge_actors`` a multi-word actor mention ("Kim Jong Un") is one term.

    Returns:
        ``term, count, share`` (``doc_id`` first when ``by="document"``), count
        descending, then term; ``share`` is the count over all counted terms of the
        corpus or document.

    Example:
        >>> count_terms(tag_tokens(corpus), ngram=2).head()  # doctest: +SKIP
    """
    if by not in ("corpus", "document"):
        raise ValueError(f"by must be 'corpus' or 'document', not {by!r}")
    if ngram not in (1, 2, 3):
        raise ValueError(f"ngram must be 1, 2 or 3, not {ngram!r}")
    counts: Counter[tuple[str, str]] = Counter()
    for doc_id, _, terms in _term_sequences(tokens, use=use, keep_stop=keep_stop,
                                            merge_actors=merge_actors):
        key = doc_id if by == "document" else ""
        counts.update((key, term) for term in _ngrams(terms, ngram))
    table = pd.DataFrame([(doc_id, term, count) for (doc_id, term), count in counts.items()],
                         columns=["doc_id", "term", "count"])
    table["share"] = table["count"] / table.groupby("doc_id")["count"].transform("sum")
    table = table[table["count"] >= min_count]
    table = table.sort_values(["doc_id", "count", "term"], ascending=[True, False, True],
                              kind="stable").reset_index(drop=True)
    table = table.astype({"doc_id": "string", "term": "string", "count": "int64",
                          "share": "float64"})
    return table if by == "document" else table.drop(columns="doc_id")


def tag_terms(tokens: pd.DataFrame, terms: Sequence[str], *, use: str = "lemma",
              merge_actors: bool = True) -> pd.DataFrame:
    """Find every occurrence of the given terms (as ``count_terms`` spells them).

    Returns:
        One row per occurrence: ``doc_id, sent_id, token_id, start, end, term``, where
        ``token_id`` is the term's first token and ``start:end`` spans all its tokens.

    Example:
        >>> tag_terms(tag_tokens(corpus), ["soldier", "kim jong un"])  # doctest: +SKIP
    """
    wanted = set(terms)
    rows = []
    for doc_id, sent_id, terms_here, spans in _term_sequences(
            tokens, use=use, keep_stop=True, merge_actors=merge_actors, with_spans=True):
        for term, (token_id, start, end) in zip(terms_here, spans, strict=True):
            if term in wanted:
                rows.append((doc_id, sent_id, token_id, start, end, term))
    table = pd.DataFrame(rows, columns=TERM_COLUMNS)
    return table.astype({"doc_id": "string", "sent_id": "int64", "token_id": "int64",
                         "start": "int64", "end": "int64", "term": "string"})


def score_document_keyness(tokens: pd.DataFrame, *, top: int = 10, measure: str = "g2",
                           use: str = "lemma") -> pd.DataFrame:
    """Score each document against all the others and keep its ``top`` key terms.

    Returns:
        ``doc_id`` followed by the columns of ``score_keyness``; per document the
        ``top`` terms with the highest positive score.

    Example:
        >>> score_document_keyness(tag_tokens(corpus), top=5)  # doctest: +SKIP
    """
    tables = [score_keyness(tokens, doc_id, measure=measure, use=use).head(top)
              .assign(doc_id=doc_id) for doc_id in sorted(tokens["doc_id"].unique())]
    table = pd.concat(tables, ignore_index=True)
    table = table[table[measure] > 0]
    return table[["doc_id", *[c for c in table.columns if c != "doc_id"]]].reset_index(drop=True)


def score_keyness(tokens: pd.DataFrame, target: str | Sequence[str], *,
                  reference: str | Sequence[str] = "rest", measure: str = "g2",
                  use: str = "lemma", keep_stop: bool = False, merge_actors: bool = True
                  ) -> pd.DataFrame:
    """Score how much more (or less) often each term occurs in target documents.

    Signed as in quanteda's ``textstat_keyness``: positive where the term is relatively
    more frequent in the target. ``log_ratio`` is log2 of the ratio of relative
    frequencies, with 0.5 added to zero counts.

    Args:
        target: A doc_id or a list of doc_ids.
        reference: ``"rest"`` (every other document) or doc_ids.
        measure: ``"g2"`` (log-likelihood) or ``"chi2"`` (Pearson, Yates-corrected).

    Returns:
        ``term, target_count, reference_count, g2`` (or ``chi2``) ``, p_value,
        log_ratio``; highest score first, then term.

    Example:
        >>> score_keyness(tag_tokens(corpus), "003_032424ebccf55fda").head()  # doctest: +SKIP
    """
    if measure not in ("g2", "chi2"):
        raise ValueError(f"measure must be 'g2' or 'chi2', not {measure!r}")
    targets = {target} if isinstance(target, str) else set(target)
    known = set(tokens["doc_id"])
    unknown = sorted(targets - known)
    if unknown:
        raise ValueError(f"unknown target doc_id(s): {', '.join(unknown)}")
    references = known - targets if isinstance(reference, str) and reference == "rest" else (
        {reference} if isinstance(reference, str) else set(reference))
    per_document = count_terms(tokens, by="document", use=use, keep_stop=keep_stop,
                               merge_actors=merge_actors)
    in_targets = per_document["doc_id"].isin(targets)
    target_counts = per_document[in_targets].groupby("term")["count"].sum()
    reference_counts = per_document[per_document["doc_id"].isin(references)].groupby(
        "term")["count"].sum()
    table = pd.concat([target_counts.rename("target_count"),
                       reference_counts.rename("reference_count")], axis=1).fillna(0)
    table = table.astype("int64")
    target_total, reference_total = table["target_count"].sum(), table["reference_count"].sum()
    scores = [_keyness(a, b, target_total, reference_total, measure)
              for a, b in zip(table["target_count"], table["reference_count"], strict=True)]
    table[measure] = [score for score, _, _ in scores]
    table["p_value"] = [p for _, p, _ in scores]
    table["log_ratio"] = [ratio for _, _, ratio in scores]
    table = table.rename_axis("term").reset_index()
    table = table.sort_values([measure, "term"], ascending=[False, True], kind="stable")
    columns = [c.format(measure=measure) for c in KEYNESS_COLUMNS]
    return table[columns].reset_index(drop=True).astype({"term": "string"})


def _keyness(a: int, b: int, target_total: int, reference_total: int, measure: str
             ) -> tuple[float, float, float]:
    """Signed G2 or chi2 of a 2x2 table, its p-value (1 df) and the log ratio."""
    c, d = target_total - a, reference_total - b
    total = a + b + c + d
    expected = [(a + b) * (a + c) / total, (a + b) * (b + d) / total,
                (c + d) * (a + c) / total, (c + d) * (b + d) / total]
    observed = [a, b, c, d]
    if measure == "g2":
        score = 2 * sum(o * math.log(o / e) for o, e in zip(observed, expected, strict=True)
                        if o > 0)
    else:
        score = total * max(abs(a * d - b * c) - total / 2, 0) ** 2 / (
            (a + b) * (c + d) * (a + c) * (b + d)) if all(expected) else 0.0
    ratio = math.log2(((a or 0.5) / target_total) / ((b or 0.5) / reference_total)) \
        if target_total and reference_total else 0.0
    sign = 1 if a / max(target_total, 1) >= b / max(reference_total, 1) else -1
    p_value = math.erfc(math.sqrt(max(score, 0.0) / 2))
    return round(sign * score, 10), round(p_value, 12), round(ratio, 10)


def find_collocations(tokens: pd.DataFrame, *, n: int = 2, measure: str = "pmi",
                      min_count: int = 2, use: str = "norm") -> pd.DataFrame:
    """Score word pairs (or triples) that occur together more than chance, with NLTK.

    Stopwords and punctuation break sequences, so collocations never span them.

    Returns:
        ``collocation, count, score``; best score first, then collocation.

    Example:
        >>> find_collocations(tag_tokens(corpus), measure="likelihood_ratio")  # doctest: +SKIP
    """
    if n not in (2, 3):
        raise ValueError(f"n must be 2 or 3, not {n!r}")
    measures = BigramAssocMeasures if n == 2 else TrigramAssocMeasures
    if measure not in ("pmi", "likelihood_ratio"):
        raise ValueError(f"measure must be 'pmi' or 'likelihood_ratio', not {measure!r}")
    sentences = [terms for _, _, terms in _term_sequences(tokens, use=use, keep_stop=False,
                                                            merge_actors=False)]
    finder_class = BigramCollocationFinder if n == 2 else TrigramCollocationFinder
    # An empty string marks a removed token; NLTK's finder pads each document the same way.
    finder = finder_class.from_documents(sentences)
    finder.apply_word_filter(lambda word: word == "")
    finder.apply_freq_filter(min_count)
    scored = finder.score_ngrams(getattr(measures, measure))
    rows = [(" ".join(gram), finder.ngram_fd[gram], round(score, 10)) for gram, score in scored]
    table = pd.DataFrame(rows, columns=COLLOCATION_COLUMNS)
    table = table.sort_values(["score", "collocation"], ascending=[False, True], kind="stable")
    return table.reset_index(drop=True).astype({"collocation": "string", "count": "int64",
                                                "score": "float64"})


def tag_kwic(corpus: Corpus, pattern: str, *, window: int = 8,
             tokens: pd.DataFrame | None = None, mentions: pd.DataFrame | None = None
             ) -> pd.DataFrame:
    """Keyword in context: every occurrence of a word, phrase, glob or actor id.

    Args:
        pattern: ``"troops"``, ``"Kursk region"``, ``"liberat*"`` (globs per word), or an
            actor id such as ``"kcna"`` (every alias of that actor).
        window: Tokens of context on each side.

    Returns:
        ``doc_id, sent_id, start, end, left, keyword, right``; ``keyword`` is the text
        at ``start:end``, contexts have their whitespace collapsed.

    Example:
        >>> tag_kwic(read_corpus("seeds"), "liberat*", window=5)  # doctest: +SKIP
    """
    if mentions is None:
        mentions = tag_actors(corpus)
    if tokens is None:
        tokens = tag_tokens(corpus, mentions=mentions)
    texts = dict(zip(corpus.documents["doc_id"], corpus.documents["text"], strict=True))
    if pattern in set(mentions["actor_id"]):
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
    words = [word.translate(_NORM).lower() for word in pattern.split()]
    if not words:
        raise ValueError(f"KWIC pattern {pattern!r} has no words")
    hits = []
    for (doc_id, sent_id), sentence in tokens.groupby(["doc_id", "sent_id"], sort=True):
        norms = sentence["norm"].tolist()
        starts, ends = sentence["start"].tolist(), sentence["end"].tolist()
        for index in range(len(norms) - len(words) + 1):
            if all(fnmatch.fnmatchcase(norms[index + k], word) for k, word in enumerate(words)):
                hits.append((doc_id, sent_id, starts[index], ends[index + len(words) - 1]))
    return hits


def count_tfidf(tokens: pd.DataFrame, *, top: int = 10, use: str = "lemma",
                merge_actors: bool = True) -> pd.DataFrame:
    """Rank each document's most distinctive terms by TF-IDF (stopwords out).

    ``tf`` is the term's share of the document's counted terms; ``idf`` is
    ``log(n_documents / document_frequency)``.

    Returns:
        ``doc_id, rank, term, count, tf, idf, tfidf``; ``top`` rows per document.

    Example:
        >>> count_tfidf(tag_tokens(corpus), top=5)  # doctest: +SKIP
    """
    per_document = count_terms(tokens, by="document", use=use, merge_actors=merge_actors)
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
