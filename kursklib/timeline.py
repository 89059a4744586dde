""":mod:`kursklib.timeline`: line dated statements up as events and count their origins."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import numpy as np
import pandas as pd

from .checks import Columns, checked, known_documents
from .dates import value_period
from .errors import ArgumentError
from .linking import key_codes, link_items
from .origins import find_copies
from .statements import (
    KEY_WORD_COLUMNS,
    KEY_WORD_ROWS,
    SentenceKeys,
    excerpts,
    sentence_actors,
    sentence_keywords,
    sentence_texts,
)
from .tagged import read_tagged

TIMELINE_COLUMNS = ["event_id", "date_start", "date_end", "value", "granularity", "mod",
                    "doc_id", "sent_id", "start", "end", "surface", "source", "sentence",
                    "actor_ids", "keywords", "origin_id", "label", "n_documents", "n_outlets",
                    "n_independent"]
# Only a statement dated this precisely (a day, a week, a month) can corroborate another.
SPECIFIC_DAYS = 31
# An event's label: its principal actor and this many of its key words.
LABEL_WORDS = 3
# The columns each table is read for.
_Dates = Annotated[pd.DataFrame, Columns("doc_id", "sent_id", "start", "end", "surface", "value",
                                         "granularity", "mod", "kind", made_by="tag_dates")]
_Mentions = Annotated[pd.DataFrame, Columns("doc_id", "sent_id", "start", "actor_id",
                                            "actor_name", "actor_type", made_by="tag_actors")]
_Tokens = Annotated[pd.DataFrame, Columns("doc_id", "sent_id", "start", "lemma", "is_stop",
                                          "is_alpha", "actor_id", made_by="tag_tokens")]
_Sentences = Annotated[pd.DataFrame, Columns("doc_id", "sent_id", "start", "text",
                                             made_by="split_sentences")]
_Documents = Annotated[pd.DataFrame, Columns("doc_id", "published", "source",
                                             made_by="read_corpus")]


@checked
def build_timeline(dates: _Dates, mentions: _Mentions, tokens: _Tokens, sentences: _Sentences,
                   documents: _Documents, *,
                   date_from: str | None = None, date_to: str | None = None,
                   language: str = "en") -> pd.DataFrame:
    """Line dated statements up as events, with the independent origins behind each.

    A statement is a temporal expression (``kind == "date"``, resolved) in a sentence.
    Statements form one event when they name the same stretch of the calendar, at most a
    month long (``SPECIFIC_DAYS``), share a principal actor (the people and organisations
    of the sentence, else its states and places; never an ambiguous form) and share an
    action: a key word, that is a lemma of the sentence that is no stopword, no title of
    a person or group, no actor and no part of a temporal expression. Other statements,
    such as those dated only by a year or naming no actor, are events of their own: they
    corroborate nothing. Within an event, statements from one outlet, or from copies of
    one story (a wire story another outlet runs, see ``find_copies``), share an origin;
    ``n_independent`` counts the origins. Two independent stories quoting the same sentence
    are two origins.

    Args:
        dates: Output of ``tag_dates``.
        mentions: Output of ``tag_actors``.
        tokens: Output of ``tag_tokens``, for the key words.
        sentences: ``Corpus.sentences``, for the text of each statement.
        documents: ``Corpus.documents``, for each document's outlet (``source``) and date.
        date_from: ISO date; keep the statements that end on or after it.
        date_to: ISO date; keep the statements that start on or before it.

    Returns:
        One row per dated statement: ``event_id, date_start, date_end, value,
        granularity, mod, doc_id, sent_id, start, end, surface, source, sentence,
        actor_ids, keywords, origin_id, label, n_documents, n_outlets, n_independent``.
        ``start, end, surface`` locate the expression in ``documents.text``;
        ``sentence`` is its sentence, cut to ``EXCERPT_CHARS`` around it (with "…") when
        longer; ``actor_ids`` lists the sentence's actors, sorted; ``keywords`` its key
        words in text order; ``origin_id`` is the earliest document (by publication,
        then id) of the statement's origin. The event's ``label`` (principal actor: key
        words) and counts are repeated on each of its rows: ``n_outlets`` counts
        distinct sources (a document without one as an outlet of its own). Sorted by
        date, then document and offset.

    Example:
        >>> mentions = tag_actors(corpus)
        >>> timeline = build_timeline(tag_dates(corpus), mentions, tag_tokens(corpus, mentions),
        ...                           corpus.sentences, corpus.documents)
        >>> timeline[["value", "label", "n_independent"]].values.tolist()[0]
        ['2025-04-26', 'Valery Gerasimov: liberate', 1]
    """
    known_documents("build_timeline", {"dates": dates}, documents)
    bounds_from, bounds_to = (_iso_day(value, name) for value, name in
                              ((date_from, "date_from"), (date_to, "date_to")))
    statements = _dated_statements(dates)
    if bounds_from is not None:
        statements = statements[statements["date_end"] >= bounds_from]
    if bounds_to is not None:
        statements = statements[statements["date_start"] <= bounds_to]
    statements = statements.reset_index(drop=True)
    keys = SentenceKeys(statements)
    sentence = keys.code
    texts, sentence_starts = sentence_texts(keys, sentences)
    actor_ids, principals, named_at = sentence_actors(keys, mentions)
    keywords, keyword_starts = sentence_keywords(keys, tokens, dates, language)
    event = _group_events(statements, sentence, principals, keywords)
    outlet, source, published = _outlets(statements, documents)
    position = pd.Index(documents["doc_id"]).get_indexer(statements["doc_id"])
    story = np.where(position >= 0, find_copies(sentences, documents["doc_id"])[position],
                     -1 - np.arange(len(position)))
    origin = link_items(len(event), np.tile(np.arange(len(event)), 2), key_codes(
        np.repeat([0, 1], len(event)), np.tile(event, 2), np.concatenate([outlet, story])))
    by_event = pd.DataFrame({"event": event, "doc_id": statements["doc_id"].to_numpy(),
                             "outlet": outlet, "origin": origin})
    counts = by_event.groupby("event").agg(n_documents=("doc_id", "nunique"),
                                           n_outlets=("outlet", "nunique"),
                                           n_independent=("origin", "nunique"))
    width = max(3, len(str(len(counts))))
    timeline = statements.assign(
        event_id=[f"E{code + 1:0{width}d}" for code in event], source=source,
        sentence=excerpts(statements, sentence, texts, sentence_starts),
        actor_ids=[actor_ids[code] for code in sentence],
        keywords=[keywords[code] for code in sentence],
        origin_id=_first_documents(origin, statements["doc_id"], published),
        label=_labels(event, statements, sentence, (principals, named_at),
                      (keywords, keyword_starts), mentions),
        **{column: counts[column].to_numpy()[event] for column in counts.columns})
    return timeline[TIMELINE_COLUMNS].astype({
        "event_id": "string", "value": "string", "granularity": "string", "mod": "string",
        "doc_id": "string", "sent_id": "int64", "start": "int64", "end": "int64",
        "surface": "string", "source": "string", "sentence": "string", "origin_id": "string",
        "label": "string", "n_documents": "int64", "n_outlets": "int64",
        "n_independent": "int64"})


@checked
def read_timeline_tokens(folder: str | Path) -> pd.DataFrame:
    """The tokens of a tagged corpus that ``build_timeline`` reads, and only those: its
    columns, and the rows that can be key words (alphabetic, no stopword, no actor).

    The same timeline as from the whole token table, from a third of its rows.

    Example:
        >>> folder = tag_corpus(corpus.documents[["doc_id", "text"]], cache_dir=tmp).folder
        >>> read_timeline_tokens(folder)["lemma"].head(3).tolist()
        ['confirm', 'troop', 'fight']
    """
    return read_tagged(folder, tables=["tokens"], columns=KEY_WORD_COLUMNS,
                       where=KEY_WORD_ROWS).tokens


def _iso_day(value: str | None, name: str) -> pd.Timestamp | None:
    if value is None or value == "":
        return None
    try:
        return pd.Timestamp(date.fromisoformat(str(value)))
    except ValueError:
        raise ArgumentError(f"{name} must be an ISO date (YYYY-MM-DD), not {value!r}") from None


def _dated_statements(dates: pd.DataFrame) -> pd.DataFrame:
    """The resolved dates with the first and last day each covers, sorted by date."""
    statements = dates[(dates["kind"] == "date") & ~dates["value"].str.contains("X")]
    periods = statements[["value", "granularity", "mod"]].astype(object).fillna("")
    codes, distinct = pd.factorize(pd.Series(list(zip(*(periods[c] for c in periods.columns))),
                                             dtype=object))
    bounds = [value_period(*period) for period in distinct] + [None]
    found = [bounds[code] for code in codes]
    statements = statements[np.array([bound is not None for bound in found], dtype=bool)]
    found = [bound for bound in found if bound is not None]
    statements = statements.assign(date_start=pd.to_datetime([first for first, _ in found]),
                                   date_end=pd.to_datetime([last for _, last in found]))
    return statements.sort_values(["date_start", "date_end", "doc_id", "start"], kind="stable")


def _per_statement(sentence: np.ndarray, lists: list[list]
                   ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Each statement's items of its sentence's list, flattened: statement rows, positions
    within the list, item codes and the items by code."""
    lengths = np.array([len(items) for items in lists], dtype=np.int64)
    codes, items = pd.factorize(pd.Series([item for found in lists for item in found],
                                          dtype=object))
    per_row = lengths[sentence]
    rows = np.repeat(np.arange(len(sentence)), per_row)
    positions = np.arange(per_row.sum()) - np.repeat(np.cumsum(per_row) - per_row, per_row)
    first = np.cumsum(lengths) - lengths
    return rows, positions, codes[np.repeat(first[sentence], per_row) + positions], \
        np.asarray(items, dtype=object)


def _group_events(statements: pd.DataFrame, sentence: np.ndarray, principals: list[list[str]],
                  keywords: list[list[str]]) -> np.ndarray:
    """Per statement, its event's code (in order of first statement): statements of one
    specific period that share a principal actor and a key word, directly or through
    others, are one event."""
    period = key_codes(statements["date_start"], statements["date_end"])
    specific = ((statements["date_end"] - statements["date_start"]).dt.days
                < SPECIFIC_DAYS).to_numpy()
    actor_rows, _, actors, _ = _per_statement(sentence, principals)
    word_rows, _, words, _ = _per_statement(sentence, keywords)
    pairs = pd.DataFrame({"row": actor_rows, "actor": actors}).merge(
        pd.DataFrame({"row": word_rows, "word": words}), on="row")
    pairs = pairs[specific[pairs["row"].to_numpy()]]
    rows = pairs["row"].to_numpy()
    label = link_items(len(statements), rows,
                       key_codes(period[rows], pairs["actor"], pairs["word"]))
    return pd.factorize(label)[0].astype(np.int64)


def _outlets(statements: pd.DataFrame, documents: pd.DataFrame
             ) -> tuple[np.ndarray, list[str | None], pd.Series]:
    """Per statement: its outlet's code (a document without a source its own), its
    source and its document's publication date."""
    table = documents[["doc_id", "source", "published"]].drop_duplicates("doc_id")
    found = statements[["doc_id"]].merge(table, on="doc_id", how="left")
    source = found["source"].astype(object).where(found["source"].notna()
                                                  & (found["source"].astype(object) != ""))
    known = source.notna().to_numpy()
    codes = np.where(known, pd.factorize(source.fillna(""))[0],
                     -1 - pd.factorize(found["doc_id"])[0])
    return codes.astype(np.int64), source.tolist(), pd.to_datetime(found["published"])


def _first_documents(origin: np.ndarray, doc_ids: pd.Series, published: pd.Series) -> list[str]:
    """Per statement, the earliest document (by publication, then id) of its origin."""
    order = pd.DataFrame({"origin": origin, "published": published.to_numpy(),
                          "doc_id": doc_ids.astype(object).to_numpy()}).sort_values(
        ["origin", "published", "doc_id"], kind="stable", na_position="last")
    first = order.drop_duplicates("origin").set_index("origin")["doc_id"]
    return first.reindex(origin).tolist()


def _labels(event: np.ndarray, statements: pd.DataFrame, sentence: np.ndarray,
            principals: tuple[list[list[str]], list[int | None]],
            keywords: tuple[list[list[str]], list[list[int]]], mentions: pd.DataFrame
            ) -> list[str]:
    """Per statement, its event's label: the principal actor most of its statements name,
    then the key words most of them share, nearest where the sentence first names a
    principal actor (else the expression) first; the words in the order their first
    statement says them."""
    if not len(event):
        return []
    names = mentions.drop_duplicates("actor_id").set_index("actor_id")["actor_name"]
    rows, positions, actors, actor_items = _per_statement(sentence, principals[0])
    lead = pd.DataFrame({"event": event[rows], "item": actors, "row": rows, "rank": positions,
                         "where": positions})
    rows, _, words, word_items = _per_statement(sentence, keywords[0])
    _, _, starts, start_items = _per_statement(sentence, keywords[1])
    where = start_items[starts].astype(np.int64) if len(starts) else starts
    middle = ((statements["start"] + statements["end"]) // 2).to_numpy()
    named_at = np.array([middle[row] if principals[1][code] is None else principals[1][code]
                         for row, code in enumerate(sentence.tolist())], dtype=np.int64)
    said = pd.DataFrame({"event": event[rows], "item": words, "row": rows,
                         "rank": np.abs(where - named_at[rows]), "where": where})
    chosen = []
    for table, items, top in ((lead, actor_items, 1), (said, word_items, LABEL_WORDS)):
        table = table.sort_values(["event", "item", "row"], kind="stable")
        first = table.drop_duplicates(["event", "item"]).assign(
            n=table.groupby(["event", "item"], sort=False).size().to_numpy())
        ranked = first.sort_values(["event", "n", "rank", "item"],
                                   ascending=[True, False, True, True], kind="stable")
        kept = ranked.groupby("event").head(top).sort_values(["event", "row", "where"],
                                                             kind="stable")
        by_event = [[] for _ in range(event.max() + 1)]
        for code, item in zip(kept["event"].tolist(), items[kept["item"].to_numpy()].tolist(),
                              strict=True):
            by_event[code].append(item)
        chosen.append(by_event)
    labels = []
    for actor, phrase in zip(*chosen, strict=True):
        name = str(names.get(actor[0], actor[0])) if actor else ""
        words = ", ".join(phrase)
        labels.append(f"{name}: {words}" if name and words else name or words)
    return [labels[code] for code in event]
