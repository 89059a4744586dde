""":mod:`kursklib.actors.tagger`: tag actor mentions, stage by stage, into one tidy table."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa

from ..checks import checked
from ..corpus import Corpus, in_document_order
from ..lang import load_language
from ..matching import Hits, fold_phrase
from ..sentences import SentenceIndex
from .compile import (
    FORM_CODES,
    Candidates,
    CompiledGazetteer,
    Listed,
    compile_gazetteer,
)
from .cues import NameCues, name_cues
from .gazetteer import Gazetteer, load_gazetteer
from .glue import inside_longer_name, is_upper, may_be_glued
from .resolve import read_metonyms, resolve_short_forms
from .unlisted import UnlistedMatch, match_unlisted_names, slug

MENTION_COLUMNS = [
    "doc_id", "sent_id", "start", "end", "surface", "actor_id", "actor_name", "actor_type",
    "form", "country", "role", "listed",
]


@checked
def tag_actors(corpus: Corpus, *, gazetteer: Gazetteer | str | Path | None = None,
               unlisted: bool = True, language: str | None = None) -> pd.DataFrame:
    """Tag every actor mention: gazetteer aliases and, optionally, unlisted names.

    Stages: every alias hit in one pass; the first reading of each hit that fits its
    spelling and context; leftmost-longest hits; metonyms read as places after a
    locative; short forms resolved; unlisted names; the table. A leading "the" and a
    possessive "'s" stay outside the span. Short forms ("Kim", "Putin") resolve to the
    actor already named in full earlier in the document, else to the only gazetteer actor
    with that short form, else they are marked ``ambiguous:<form>``. Unlisted names get
    ``listed=False``, an id ``unlisted:<slug>`` and a type guessed from their context.

    Args:
        gazetteer: A ``Gazetteer``, a YAML file extending the packaged one, or ``None``
            for the packaged one.
        language: Code of the language whose cues (titles, locatives) read the context
            (``None``: each document's own language). A language whose data says
            ``find_unlisted: false`` tags listed actors only.

    Returns:
        One row per mention: ``doc_id, sent_id, start, end, surface, actor_id,
        actor_name, actor_type, form, country, role, listed``, with
        ``documents.text[start:end] == surface``.

    Example:
        >>> tag_actors(corpus)[["surface", "actor_id", "form"]].values.tolist()[2:5]
        [['Kursk', 'kursk_oblast', 'short'], ['Valery Gerasimov', 'valery_gerasimov', 'name'], \
['Vladimir Putin', 'vladimir_putin', 'name']]
    """
    if language is None and len(corpus.languages) > 1:
        return in_document_order([tag_actors(part, gazetteer=gazetteer, unlisted=unlisted,
                                             language=code)
                                  for code, part in corpus.by_language()], corpus.documents)
    language = language or next(corpus.by_language())[0]
    unlisted = unlisted and bool(
        load_language(language).sections["actors"].get("find_unlisted", True))
    compiled = compile_gazetteer(_as_gazetteer(gazetteer))
    cues = name_cues(language)
    texts = corpus.documents["text"].tolist()
    hits = compiled.matcher.find(texts)
    listed = _select_readings(texts, hits, corpus.sentence_index, compiled, cues)
    listed = read_metonyms(texts, listed, compiled, cues)
    listed = resolve_short_forms(listed, compiled)
    names: list[tuple[int, UnlistedMatch]] = []
    if unlisted:
        types = [actor.type for actor in compiled.gazetteer.actors.values()]
        listed_types = [types[actor] if actor >= 0 else "" for actor in listed.actor.tolist()]
        names, superseded = match_unlisted_names(corpus, texts, listed, listed_types, cues,
                                                 corpus.model, _lookup(compiled))
        listed = Listed(*(column[~superseded] for column in listed))
    return _mentions_frame(corpus, hits, listed, names, compiled)


def _lookup(compiled: CompiledGazetteer):
    """The listed actor (index, type) a full name names, for acronyms a text defines."""
    def lookup(surface: str) -> tuple[int, str] | None:
        for actor_id, form, _ in compiled.patterns.get(fold_phrase(surface), ()):
            if actor_id and form in ("name", "abbrev"):
                return compiled.actor_index[actor_id], compiled.gazetteer.actors[actor_id].type
        return None

    return lookup


def _as_gazetteer(gazetteer: Gazetteer | str | Path | None) -> Gazetteer:
    if isinstance(gazetteer, Gazetteer):
        return gazetteer
    return _default_gazetteer() if gazetteer in (None, "") else load_gazetteer(gazetteer)


@lru_cache(maxsize=1)
def _default_gazetteer() -> Gazetteer:
    return load_gazetteer()


def _select_readings(texts: list[str], hits: Hits, sentences: SentenceIndex,
                     compiled: CompiledGazetteer, cues: NameCues) -> Listed:
    """The leftmost-longest hits inside sentences, each with the first reading that fits.

    Each hit takes the first of its key's readings that fits: an acronym needs its exact
    spelling, a capitalised alias a capital, and a short form or metonym must not be glued
    to another name word (outside headlines). Ignore phrases take part, with actor -1.
    """
    table = compiled.candidates
    slots = table.slots[hits.phrase]
    readings = np.maximum(slots, 0)
    first = hits.offsets[hits.doc] + hits.start  # offsets into hits.points
    fits = (slots >= 0) & (~table.capitalised[readings]
                           | is_upper()(hits.points[first])[:, None])
    rows, columns = np.nonzero(fits & table.is_acronym[readings])
    fits[rows, columns] = _spelled_as(table, readings[rows, columns], hits, rows)
    sentence, contained = sentences.locate(hits.doc, hits.start, hits.end)
    contextual = fits & table.contextual[readings]
    unchecked = contextual.any(axis=1) & contained & ~sentences.headline[sentence]
    # Check context only where it decides the outcome: on hits the scan would keep.
    while True:
        usable = np.flatnonzero(fits.any(axis=1) & contained)
        kept = usable[_leftmost_longest(hits.doc[usable], hits.start[usable], hits.end[usable])]
        pending = kept[unchecked[kept]]
        if not pending.size:
            break
        unchecked[pending] = False
        glued = pending[may_be_glued(hits, pending)]
        for row, doc, start, end in zip(glued.tolist(), hits.doc[glued].tolist(),
                                        hits.start[glued].tolist(), hits.end[glued].tolist()):
            if inside_longer_name(texts[doc], start, end, cues):
                fits[row] &= ~contextual[row]
    reading = readings[kept, fits[kept].argmax(axis=1)]
    return Listed(doc=hits.doc[kept], start=hits.start[kept], end=hits.end[kept],
                  phrase=hits.phrase[kept], actor=table.actor[reading], form=table.form[reading])


def _spelled_as(table: Candidates, readings: np.ndarray, hits: Hits, rows: np.ndarray
                ) -> np.ndarray:
    """Whether each hit's text is spelled exactly as its acronym reading."""
    expected = table.acronym_points[readings]
    first = hits.offsets[hits.doc[rows]] + hits.start[rows]
    positions = np.minimum(first[:, None] + np.arange(expected.shape[1]), len(hits.points) - 1)
    same = (hits.points[positions] == expected) | (expected < 0)
    length = (expected >= 0).sum(axis=1)
    return same.all(axis=1) & (hits.end[rows] - hits.start[rows] == length)


def _leftmost_longest(doc: np.ndarray, start: np.ndarray, end: np.ndarray) -> np.ndarray:
    """Indexes of the hits a left-to-right, longest-first scan keeps (input in that order)."""
    scale = int(end.max(initial=0)) + 1
    opens, closes = doc * scale + start, doc * scale + end
    reach = np.maximum.accumulate(np.concatenate(([-1], closes[:-1])))
    free = opens >= reach
    if np.all(free | (closes <= reach)):
        return np.flatnonzero(free)  # no hit overlaps another without nesting in it
    kept, last = [], -1
    for index, (opening, closing) in enumerate(zip(opens.tolist(), closes.tolist())):
        if opening >= last:
            kept.append(index)
            last = closing
    return np.array(kept, dtype=np.int64)


def _mentions_frame(corpus: Corpus, hits: Hits, listed: Listed,
                    names: list[tuple[int, UnlistedMatch]], compiled: CompiledGazetteer
                    ) -> pd.DataFrame:
    """One row per mention, in document then text order, with its actor's details."""
    mention = listed.form != FORM_CODES.index("ignore")
    n_listed = int(mention.sum())

    def combined(listed_column: np.ndarray, unlisted_column: list[int]) -> np.ndarray:
        return np.concatenate([listed_column[mention],
                               np.array(unlisted_column, dtype=np.int64)]).astype(np.int64)

    doc = combined(listed.doc, [doc for doc, _ in names])
    start = combined(listed.start, [name.start for _, name in names])
    end = combined(listed.end, [name.end for _, name in names])
    form = combined(listed.form, [FORM_CODES.index(name.form) for _, name in names])
    entity = combined(listed.actor, [name.actor for _, name in names])
    guess = np.concatenate([np.full(n_listed, -1),
                            np.where(entity[n_listed:] >= 0, -1, np.arange(len(names)))])
    if names:  # listed mentions alone are in order already
        order = np.lexsort((start, doc))
        doc, start, end, form, entity, guess = (
            column[order] for column in (doc, start, end, form, entity, guess))
    joined, shift = hits.joined, hits.offsets[doc]
    surfaces = [joined[s:e] for s, e in zip((start + shift).tolist(), (end + shift).tolist())]
    entities = [(actor.id, actor.name, actor.type, actor.country, actor.role)
                for actor in compiled.gazetteer.actors.values()]
    positions: dict[tuple[str, ...], int] = {}
    unlisted_names: dict[tuple[int, str], str] = {}
    for row in np.flatnonzero(entity < 0).tolist():
        surface = surfaces[row]
        if guess[row] >= 0:
            name = names[guess[row]][1]
            # Named as first spelled in its document, so that no batch sees another name.
            details = (name.actor_id, unlisted_names.setdefault((doc[row], name.actor_id), surface),
                       name.actor_type, "", "")
        else:
            details = ("ambiguous:" + slug(surface).removeprefix("unlisted:"), surface,
                       _shared_type(compiled, surface), "", "")
        entity[row] = positions.setdefault(details, len(entities))
        if entity[row] == len(entities):
            entities.append(details)
    ids, actor_names, types, countries, roles = (
        [list(column) for column in zip(*entities)] if entities else [[]] * 5)
    sentences = corpus.sentence_index
    sentence, _ = sentences.locate(doc, start, end)
    return pd.DataFrame({
        "doc_id": _strings(corpus.documents["doc_id"].tolist(), doc),
        "sent_id": sentences.sent_id[sentence], "start": start, "end": end,
        "surface": pd.array(pa.array(surfaces, type=pa.string()), dtype="string"),
        "actor_id": _strings(ids, entity), "actor_name": _strings(actor_names, entity),
        "actor_type": _strings(types, entity), "form": _strings(list(FORM_CODES), form),
        "country": _strings(countries, entity), "role": _strings(roles, entity),
        "listed": guess < 0,
    }, columns=MENTION_COLUMNS)


def _strings(values: list[str], index: np.ndarray) -> pd.api.extensions.ExtensionArray:
    """``values[index]`` as a pandas string array, gathered by pyarrow."""
    return pd.array(pa.array(values, type=pa.string()).take(pa.array(index)), dtype="string")


def _shared_type(compiled: CompiledGazetteer, surface: str) -> str:
    owners = compiled.short_owners.get(fold_phrase(surface), [])
    types = {compiled.gazetteer.actors[owner].type for owner in owners}
    return types.pop() if len(types) == 1 else ""
