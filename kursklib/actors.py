"""Load the actor gazetteer and tag actor mentions, resolving every alias to one id."""

from __future__ import annotations

import bisect
import importlib.resources
import itertools
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd
import pyarrow as pa
import yaml

from .corpus import Corpus, SentenceBounds, SentenceLookup
from .errors import GazetteerError
from .matching import CharacterTable, FoldedMatcher, Hits, fold_phrase

ACTOR_TYPES = ("person", "org", "state", "place")
FORMS = ("name", "short", "abbrev", "demonym", "metonym")
_FORM_CODES = (*FORMS, "ignore")  # form as an array code: its index here
MENTION_COLUMNS = [
    "doc_id", "sent_id", "start", "end", "surface", "actor_id", "actor_name", "actor_type",
    "form", "country", "role", "listed",
]
UNLISTED_COLUMNS = ["name", "actor_id", "actor_type", "n_mentions", "n_documents", "doc_id",
                    "sent_id", "sentence"]
COOCCURRENCE_COLUMNS = ["actor_id", "other_id", "n_sentences", "n_documents"]
COUNT_COLUMNS = ["n_mentions", "n_sentences", "n_documents"]
_ENTRY_FIELDS = {"id", "name", "type", "aliases", "short", "country", "role", "demonyms",
                 "metonyms"}
_REQUIRED_FIELDS = ("id", "name", "type")

# How far back the context of a name or place is read ("Deputy Defense Minister ").
_LOOK_BACK = 40
_ACRONYM = re.compile(r"^(?:[A-ZА-ЯЁ0-9]\.?){2,8}$")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
# A place name read as a place rather than as its state when a locative precedes it.
LOCATIVES = ("in", "at", "to", "from", "near", "into", "outside", "inside", "around",
             "across", "via", "toward", "towards", "through", "visit", "visited", "visiting",
             "visits", "arrived", "capital")
# The text before a place, reversed: whitespace, maybe "the", then a locative word, so
# that one anchored match does what a search for "in (the) " at the end would.
_LOCATIVE_BEFORE = re.compile(
    r"\s+(?:eht\s+)?(?:" + "|".join(sorted((word[::-1] for word in LOCATIVES), key=len,
                                          reverse=True)) + r")\b", re.IGNORECASE)
_BULLETS = " \t•►▪‣◦·*-–—"  # what may open a line before a dateline
# After a dateline's place: ", Feb. 27", ", 27 February" or " (Reuters)".
_DATELINE_AFTER = re.compile(r",\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}\b|\d{1,2}\s+[A-Z][a-z]{2,8}\b)"
                             r"|\s*\(")
_COORDINATION = re.compile(r"\s*(?:,|and|or|,\s*and)\s*")  # use with fullmatch

# Unlisted names: runs of capitalised words, allowing lower-case particles inside.
_UPPER = "A-ZÀ-ÖØ-ÞА-ЯЁ"
_CAPITALISED_RUN = re.compile(
    rf"[{_UPPER}][\w'’.\-]*(?:\s+(?:(?:of|the|de|du|da|del|von|van|der|al|bin|ibn|la|le|and)\s+)*"
    rf"[{_UPPER}][\w'’.\-]*)*")
_WORD = re.compile(rf"[{_UPPER}][\w'’.\-]*|\S+")
_NEXT_NAME_WORD = re.compile(rf"[ \t]+([{_UPPER}][\w'’.\-]*)")
_PREVIOUS_NAME_WORD = re.compile(rf"(?<![.!?:;])[ \t]([{_UPPER}][\w'’\-]*)[ \t]+\Z")
_ALPHABETIC_WORD = re.compile(r"[^\W\d_][\w'’\-]*")
_LOWER_WORD = re.compile(r"\b[a-z][a-z'’-]+\b")
_POSSESSIVE = re.compile(r"['’]s?$")
_LABEL_LEAD = re.compile(r"\w+:\s*[\"“]?")
# Share of capitalised words above which a quoted phrase is a title, not speech.
_TITLE_CASE_SHARE = 0.6
PARTICLES = frozenset("of the de du da del von van der al bin ibn la le and".split())
TITLE_WORDS = frozenset("""
    president minister premier prime deputy foreign defense defence interior spokesperson
    spokesman spokeswoman secretary general gen gen. colonel col col. lt lt. lieutenant major
    maj maj. captain capt capt. admiral adm adm. ambassador envoy senator sen sen. governor
    mayor chairman chairwoman chair chief commander director head leader marshal expert
    analyst correspondent reporter journalist blogger milblogger official officials aide
    adviser advisor professor prof prof. dr dr. mr mr. mrs mrs. ms ms. sergeant sgt colonel-general
    lawmaker lawmakers mp vice acting press first supreme reporters correspondents analysts
    experts journalists bloggers writer writers editor editors
""".split())
MONTHS_AND_DAYS = frozenset("""
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
    saturday sunday
""".split())
# Capitalised words that open a line or a paragraph as a label, not as a name.
LABEL_WORDS = frozenset("""
    quote details context conclusion update updated note photo photos video source sources read
    related watch listen
""".split())
# Titles of one person that end a title phrase, so that a name may follow inside a run:
# not plurals ("Officials Said") nor modifiers ("Foreign Ministry Lee").
_ONE_PERSON_TITLES = TITLE_WORDS - frozenset("""
    officials lawmakers reporters correspondents analysts experts journalists bloggers writers
    editors foreign defense defence interior deputy vice acting first supreme press prime
""".split())
# Short words that neither begin nor end a name ("Soldiers Marching In Pyongyang").
FUNCTION_WORDS = frozenset("in on at to for with from by as into than or but".split())
# Capitalised mid-sentence, these mark a line in title case (a heading, a caption).
_TITLE_CASE_MARKERS = frozenset(
    "The In Of And To For On At With A An By From As How What Why".split())
ORG_SUFFIXES = frozenset("""
    agency ministry service party army navy committee council commission bank company
    corporation institute university news times post journal regiment brigade division
    battalion corps fleet forces guard union front movement group foundation centre center
    office bureau department assembly academy association federation channel television radio
    tv network press court directorate administration command staff watch international
    initiative project alliance coalition organisation organization fund forum club society
    trust media newspaper magazine daily herald tribune gazette review monitor observer
    telegraph
""".split())
PLACE_SUFFIXES = frozenset("""
    oblast region province krai republic city island islands sea river mountains peninsula
    theater theatre square street airport base district county village town bay strait lake
    palace cosmodrome
""".split())
_NOT_NAME_START = TITLE_WORDS | MONTHS_AND_DAYS | LABEL_WORDS | PARTICLES | FUNCTION_WORDS
_NOT_NAME_END = TITLE_WORDS | MONTHS_AND_DAYS | PARTICLES | FUNCTION_WORDS
# The text before a name, reversed: spaces, maybe a dot, then a title word ("Gen. ",
# "spokesperson "), so that one anchored match does what a search at the end would.
_TITLE_BEFORE = re.compile(
    r"\s+\.?(?:" + "|".join(sorted((re.escape(w[::-1]) for w in TITLE_WORDS if w.isalpha()),
                                   key=len, reverse=True)) + r")\b", re.IGNORECASE)


@dataclass(frozen=True)
class Actor:
    """One gazetteer entry."""

    id: str
    name: str
    type: str
    country: str = ""
    role: str = ""
    aliases: tuple[str, ...] = ()
    short: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    metonyms: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Candidates:
    """Each folded key's readings, as arrays indexed by reading.

    ``slots[key]`` lists the key's readings in gazetteer order (-1 pads). Per reading:
    ``actor`` (index into ``Gazetteer.actor_ids``, -1 for an ignore phrase), ``form``
    (index into ``_FORM_CODES``), ``acronym_points`` (the code points of the exact
    spelling an acronym needs, -1 pads), ``is_acronym``, ``capitalised`` (the text must
    start upper case) and ``contextual`` (a short form or metonym, not read inside a
    longer name). ``short_owners[key]`` lists the actors whose short form the key is
    (-1 pads); ``place[key]`` is the place the key names, or -1, to read a metonym such
    as "Moscow" as the city.
    """

    phrases: list[str]
    slots: np.ndarray
    actor: np.ndarray
    form: np.ndarray
    acronym_points: np.ndarray
    is_acronym: np.ndarray
    capitalised: np.ndarray
    contextual: np.ndarray
    short_owners: np.ndarray
    place: np.ndarray


@dataclass(frozen=True)
class Gazetteer:
    """Actors by id, phrases that are not actors, and the compiled matcher over both."""

    actors: dict[str, Actor]
    ignore: tuple[str, ...] = ()
    sources: tuple[str, ...] = field(default=())

    @cached_property
    def patterns(self) -> dict[str, list[tuple[str, str, str]]]:
        """Folded key → ``(actor_id, form, alias)`` candidates; actor_id "" means ignore."""
        table: dict[str, list[tuple[str, str, str]]] = {}
        for actor in self.actors.values():
            for form, surfaces in (("name", (actor.name, *actor.aliases)),
                                   ("short", actor.short), ("demonym", actor.demonyms),
                                   ("metonym", actor.metonyms)):
                for surface in surfaces:
                    form_here = "abbrev" if form == "name" and _ACRONYM.match(surface) else form
                    for variant in _variants(surface):
                        table.setdefault(fold_phrase(variant), []).append(
                            (actor.id, form_here, variant))
        for phrase in self.ignore:
            for variant in _variants(phrase):
                table.setdefault(fold_phrase(variant), []).append(("", "ignore", variant))
        return table

    @cached_property
    def actor_ids(self) -> tuple[str, ...]:
        """Actor ids in gazetteer order; mention arrays index into this."""
        return tuple(self.actors)

    @cached_property
    def candidates(self) -> _Candidates:
        """Every folded key's readings as arrays, to check all hits at once."""
        index = self.actor_index
        phrases = [key for key in self.patterns if key]
        # What a hit of the key can be read as; a short form's owner is found later, so
        # readings that differ only in that owner are one.
        keyed = [list(dict.fromkeys(
            ("" if form == "short" else actor_id, form,
             alias if _ACRONYM.match(alias) else "", alias[:1].isupper())
            for actor_id, form, alias in self.patterns[key])) for key in phrases]
        slots = np.full((len(phrases), max(map(len, keyed), default=1)), -1, dtype=np.int64)
        readings = []
        for row, key_readings in enumerate(keyed):
            slots[row, :len(key_readings)] = np.arange(len(key_readings)) + len(readings)
            readings.extend(key_readings)
        owner_ids, forms, acronyms, capitalised = zip(*readings) if readings else ([],) * 4
        spelling = np.full((len(readings), max(map(len, acronyms), default=0)), -1, np.int64)
        for row, acronym in enumerate(acronyms):
            spelling[row, :len(acronym)] = [ord(char) for char in acronym]
        owners = [self.short_owners.get(key, []) for key in phrases]
        short_owners = np.full((len(phrases), max([2, *map(len, owners)])), -1, dtype=np.int64)
        for row, actor_ids in enumerate(owners):
            short_owners[row, :len(actor_ids)] = [index[actor_id] for actor_id in actor_ids]
        return _Candidates(
            phrases=phrases, slots=slots, short_owners=short_owners,
            place=np.array([index.get(self.place_ids.get(key, ""), -1) for key in phrases],
                           dtype=np.int64),
            actor=np.array([index.get(actor_id, -1) for actor_id in owner_ids], dtype=np.int64),
            form=np.array([_FORM_CODES.index(form) for form in forms], dtype=np.int64),
            acronym_points=spelling,
            is_acronym=np.array([bool(acronym) for acronym in acronyms], dtype=bool),
            capitalised=np.array(capitalised, dtype=bool),
            contextual=np.array([form in ("short", "metonym") for form in forms], dtype=bool))

    @cached_property
    def matcher(self) -> FoldedMatcher:
        """One Aho-Corasick automaton over every folded key (see ``kursklib.matching``)."""
        return FoldedMatcher(self.candidates.phrases)

    @cached_property
    def actor_index(self) -> dict[str, int]:
        """Actor id → its position in ``actor_ids``."""
        return {actor_id: position for position, actor_id in enumerate(self.actor_ids)}

    @cached_property
    def is_place(self) -> np.ndarray:
        """Per position in ``actor_ids``: whether the actor is a place."""
        return np.array([actor.type == "place" for actor in self.actors.values()], dtype=bool)

    @cached_property
    def short_owners(self) -> dict[str, list[str]]:
        """Folded short form → ids of every actor that has it."""
        return {key: [actor_id for actor_id, form, _ in candidates if form == "short"]
                for key, candidates in self.patterns.items()
                if any(form == "short" for _, form, _ in candidates)}

    @cached_property
    def place_ids(self) -> dict[str, str]:
        """Folded place alias → place id, to read a metonym in a locative as the place."""
        return {key: actor_id for key, candidates in self.patterns.items()
                for actor_id, form, _ in candidates
                if actor_id and form == "name" and self.actors[actor_id].type == "place"}


def load_gazetteer(*paths: str | Path, include_default: bool | None = None) -> Gazetteer:
    """Load one or more gazetteer YAML files (the packaged one when none is given).

    Args:
        paths: YAML files; later files may not reuse an id or alias of earlier ones.
        include_default: Also load the packaged gazetteer (default: only when no path given).

    Example:
        >>> load_gazetteer().actors["kcna"].name
        'Korean Central News Agency'
    """
    if include_default is None:
        include_default = not paths
    sources: list[tuple[str, str]] = []
    if include_default:
        resource = importlib.resources.files("kursklib") / "data" / "gazetteer.yaml"
        sources.append(("kursklib/data/gazetteer.yaml", resource.read_text(encoding="utf-8")))
    for path in paths:
        path = Path(path)
        try:
            sources.append((str(path), path.read_text(encoding="utf-8")))
        except FileNotFoundError:
            raise GazetteerError("gazetteer file does not exist", path=path) from None
        except (OSError, UnicodeDecodeError) as error:
            raise GazetteerError(f"cannot read gazetteer ({error})", path=path) from None
    actors: dict[str, Actor] = {}
    ignore: list[str] = []
    claimed: dict[str, tuple[str, str]] = {}
    for name, text in sources:
        entries, phrases = _parse_gazetteer(name, text)
        ignore.extend(phrases)
        for line, actor in entries:
            if actor.id in actors:
                raise GazetteerError(f"entry {actor.id!r}: duplicate id", path=name, line=line)
            for surface in (actor.name, *actor.aliases, *actor.demonyms):
                for variant in _variants(surface):
                    key = _claim_key(variant)
                    owner = claimed.get(key)
                    if owner and owner[0] != actor.id:
                        raise GazetteerError(
                            f"entry {actor.id!r}: alias {surface!r} is already claimed by "
                            f"{owner[0]!r} ({owner[1]})", path=name, line=line)
                    claimed[key] = (actor.id, name)
            actors[actor.id] = actor
    return Gazetteer(actors=actors, ignore=tuple(ignore), sources=tuple(s for s, _ in sources))


def _parse_gazetteer(name: str, text: str) -> tuple[list[tuple[int, Actor]], list[str]]:
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        raise GazetteerError(f"YAML syntax error: {error.problem or error.context}", path=name,
                             line=line) from None
    except yaml.YAMLError as error:
        raise GazetteerError(f"YAML error: {error}", path=name) from None
    if isinstance(data, list):
        entry_nodes, entries, phrases = root.value, data, []
    elif isinstance(data, dict) and isinstance(data.get("actors"), list):
        keys = {key.value: value for key, value in root.value}
        entry_nodes, entries = keys["actors"].value, data["actors"]
        phrases = [str(p) for p in data.get("ignore") or []]
    else:
        raise GazetteerError("expected a list of actors, or a mapping with an 'actors' list",
                             path=name, line=1)
    parsed = []
    for index, (node, entry) in enumerate(zip(entry_nodes, entries, strict=True)):
        line = node.start_mark.line + 1
        parsed.append((line, _actor_from_entry(entry, name=name, line=line, index=index)))
    return parsed, phrases


def _actor_from_entry(entry: object, *, name: str, line: int, index: int) -> Actor:
    if not isinstance(entry, dict):
        raise GazetteerError(f"entry {index + 1}: expected a mapping, got {type(entry).__name__}",
                             path=name, line=line)
    label = repr(entry.get("id")) if entry.get("id") else f"{index + 1}"
    for required in _REQUIRED_FIELDS:
        if not entry.get(required):
            raise GazetteerError(f"entry {label}: missing {required!r}", path=name, line=line)
    unknown = sorted(set(entry) - _ENTRY_FIELDS)
    if unknown:
        raise GazetteerError(f"entry {label}: unknown field(s) {', '.join(unknown)}",
                             path=name, line=line)
    if entry["type"] not in ACTOR_TYPES:
        raise GazetteerError(f"entry {label}: type {entry['type']!r} is not one of "
                             f"{', '.join(ACTOR_TYPES)}", path=name, line=line)
    lists = {}
    for key in ("aliases", "short", "demonyms", "metonyms"):
        value = entry.get(key) or []
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, (str, int)) for v in value):
            raise GazetteerError(f"entry {label}: {key!r} must be a list of strings",
                                 path=name, line=line)
        lists[key] = tuple(_LEADING_THE.sub("", str(v).strip()) for v in value if str(v).strip())
    return Actor(id=str(entry["id"]), name=str(entry["name"]), type=entry["type"],
                 country=str(entry.get("country") or ""), role=str(entry.get("role") or ""),
                 **lists)


def _variants(surface: str) -> tuple[str, ...]:
    """The alias, without a leading "the", and without apostrophes ("Peoples Army")."""
    surface = _LEADING_THE.sub("", surface.strip())
    bare = re.sub(r"['’]", "", surface)
    return (surface,) if bare == surface else (surface, bare)


def _claim_key(surface: str) -> str:
    return surface.strip() if _ACRONYM.match(surface) else fold_phrase(surface)


class _Match(NamedTuple):
    start: int
    end: int
    actor_id: str  # "" for an ambiguous short form
    form: str  # one of FORMS, or "ignore"
    listed: bool = True
    actor_type: str = ""  # guessed type of an unlisted name


class _Listed(NamedTuple):
    """Gazetteer mentions as parallel arrays, in document then text order."""

    doc: np.ndarray
    start: np.ndarray
    end: np.ndarray
    phrase: np.ndarray  # index into ``Gazetteer.candidates.phrases``
    actor: np.ndarray  # index into ``Gazetteer.actor_ids``; -1: ignore phrase or ambiguous
    form: np.ndarray  # index into ``_FORM_CODES``


def tag_actors(corpus: Corpus, *, gazetteer: Gazetteer | str | Path | None = None,
               unlisted: bool = True) -> pd.DataFrame:
    """Tag every actor mention: gazetteer aliases and, optionally, unlisted names.

    Longest match wins; a leading "the" and a possessive "'s" stay outside the span.
    Short forms ("Kim", "Putin") resolve to the actor already named in full earlier in
    the document, else to the only gazetteer actor with that short form, else they are
    marked ``ambiguous:<form>``. Unlisted names get ``listed=False``, an id
    ``unlisted:<slug>`` and a type guessed from their context.

    Returns:
        One row per mention: ``doc_id, sent_id, start, end, surface, actor_id,
        actor_name, actor_type, form, country, role, listed``, with
        ``documents.text[start:end] == surface``.

    Example:
        >>> mentions = tag_actors(read_corpus("seeds"))  # doctest: +SKIP
    """
    gazetteer = _as_gazetteer(gazetteer)
    texts = corpus.documents["text"].tolist()
    sentences = SentenceLookup(corpus)
    hits = gazetteer.matcher.find(texts)
    listed = _match_listed(texts, hits, sentences, gazetteer)
    names = _match_unlisted_names(corpus, texts, listed) if unlisted else []
    return _mentions_frame(corpus, hits, listed, names, sentences, gazetteer)


def _as_gazetteer(gazetteer: Gazetteer | str | Path | None) -> Gazetteer:
    if isinstance(gazetteer, Gazetteer):
        return gazetteer
    return _default_gazetteer() if gazetteer in (None, "") else load_gazetteer(gazetteer)


@lru_cache(maxsize=1)
def _default_gazetteer() -> Gazetteer:
    return load_gazetteer()


def _match_listed(texts: list[str], hits: Hits, sentences: SentenceLookup,
                  gazetteer: Gazetteer) -> _Listed:
    """Leftmost-longest gazetteer matches inside sentences, short forms resolved.

    Each hit takes the first of its key's readings that fits: an acronym needs its exact
    spelling, a capitalised alias a capital, and a short form or metonym must not be glued
    to another name word (outside headlines). Ignore phrases take part, with actor -1.
    """
    table = gazetteer.candidates
    slots = table.slots[hits.phrase]
    readings = np.maximum(slots, 0)
    first = hits.offsets[hits.doc] + hits.start  # offsets into hits.points
    fits = (slots >= 0) & (~table.capitalised[readings]
                           | _is_upper()(hits.points[first])[:, None])
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
        glued = pending[_may_be_glued(hits, pending)]
        for row, doc, start, end in zip(glued.tolist(), hits.doc[glued].tolist(),
                                        hits.start[glued].tolist(), hits.end[glued].tolist()):
            if _inside_longer_name(texts[doc], start, end):
                fits[row] &= ~contextual[row]
    reading = readings[kept, fits[kept].argmax(axis=1)]
    listed = _Listed(doc=hits.doc[kept], start=hits.start[kept], end=hits.end[kept],
                     phrase=hits.phrase[kept], actor=table.actor[reading],
                     form=table.form[reading])
    return _resolve(_read_metonyms(texts, listed, gazetteer), gazetteer)


def _spelled_as(table: _Candidates, readings: np.ndarray, hits: Hits, rows: np.ndarray
                ) -> np.ndarray:
    """Whether each hit's text is spelled exactly as its acronym reading."""
    expected = table.acronym_points[readings]
    first = hits.offsets[hits.doc[rows]] + hits.start[rows]
    positions = np.minimum(first[:, None] + np.arange(expected.shape[1]), len(hits.points) - 1)
    same = (hits.points[positions] == expected) | (expected < 0)
    length = (expected >= 0).sum(axis=1)
    return same.all(axis=1) & (hits.end[rows] - hits.start[rows] == length)


@lru_cache(maxsize=1)
def _is_upper() -> CharacterTable:
    return CharacterTable(str.isupper, bool)


@lru_cache(maxsize=1)
def _word_classes() -> tuple[CharacterTable, CharacterTable, CharacterTable]:
    """Tables of ``str.isalpha``, a name's first letter and a name word's letters."""
    name_initial, name_letter = re.compile(f"[{_UPPER}]"), re.compile(r"[\w'’\-]")
    return (CharacterTable(str.isalpha, bool),
            CharacterTable(lambda char: bool(name_initial.match(char)), bool),
            CharacterTable(lambda char: bool(name_letter.match(char)), bool))


def _may_be_glued(hits: Hits, rows: np.ndarray, window: int = _LOOK_BACK) -> np.ndarray:
    """Which hits pass the cheap tests of ``_inside_longer_name``, all at once.

    A hit can be glued to a name word only if the character after the next one is upper
    case or the one two before is a letter, and then only if a name word (capitalised)
    follows after spaces or precedes before spaces, as ``_NEXT_NAME_WORD`` and
    ``_PREVIOUS_NAME_WORD`` read them. A True still needs the exact check.
    """
    is_alpha, is_initial, is_letter = _word_classes()
    doc, start = hits.doc[rows], hits.start[rows]
    text_start, text_end = hits.offsets[doc], hits.offsets[doc + 1] - 1
    first, after = text_start + start, text_start + hits.end[rows]
    last_point = len(hits.points) - 1

    def at(positions: np.ndarray) -> np.ndarray:
        return hits.points[np.clip(positions, 0, last_point)]

    def blank(points: np.ndarray) -> np.ndarray:
        return (points == ord(" ")) | (points == ord("\t"))

    following, preceding = at(after + 1), at(first - 2)
    cheap = ((_is_upper()(following) & (after + 1 < text_end))
             | (is_alpha(preceding) & (start >= 2)))
    name_follows = blank(at(after)) & (is_initial(following) | blank(following))
    # Walk back from the hit: blanks, then a word, then a blank, inside the window.
    steps = np.arange(window)
    inside = steps < np.minimum(start, window)[:, None]
    back = at(first[:, None] - 1 - steps)
    blanks, letters = blank(back) & inside, is_letter(back) & inside
    word_end = (~blanks).argmax(axis=1)[:, None]
    stops = (steps >= word_end) & ~letters
    word_start = stops.argmax(axis=1)  # the blank before the word, if it is one
    rows_here = np.arange(len(rows))
    before_blank = at(first - 2 - word_start)
    name_precedes = (blanks[:, 0] & stops.any(axis=1) & (word_start > word_end[:, 0])
                     & blanks[rows_here, word_start]
                     & is_initial(back[rows_here, np.maximum(word_start - 1, 0)])
                     & ~(np.isin(before_blank, [ord(char) for char in ".!?:;"])
                         & (first - 2 - word_start >= text_start)))
    return cheap & (name_follows | name_precedes)


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


def _inside_longer_name(text: str, start: int, end: int) -> bool:
    """True when a bare short form is glued to another capitalised name word ("Lee Sun-jin")."""
    following = text[end + 1:end + 2]
    preceding = text[start - 2:start - 1] if start >= 2 else ""
    if not (following.isupper() or preceding.isalpha()):
        return False
    after = _NEXT_NAME_WORD.match(text, end)
    if after and _plain(after.group(1)) not in _NOT_NAME_END:
        return True
    before = _PREVIOUS_NAME_WORD.search(text, max(0, start - _LOOK_BACK), start)
    return bool(before) and _plain(before.group(1)) not in _NOT_NAME_START and not (
        _is_sentence_initial(text, _line_start(text, before.start(1)), before.start(1)))


def _line_start(text: str, position: int) -> int:
    return text.rfind("\n", 0, position) + 1


def _read_metonyms(texts: list[str], listed: _Listed, gazetteer: Gazetteer) -> _Listed:
    """Read a metonym after a locative ("in Pyongyang") as the place it names.

    A metonym coordinated with a place read as a place ("in Kursk and Moscow") is one too,
    and so is a dateline ("SEOUL, Feb. 27 (Yonhap) --"); a possessive ("Moscow's") never is.
    """
    place = gazetteer.candidates.place[listed.phrase]
    metonym = listed.form == _FORM_CODES.index("metonym")
    rows = np.flatnonzero(metonym & (place >= 0))
    if not rows.size:
        return listed
    # A short form counts as its first owner here ("Kursk" is Kursk Oblast, a place).
    actor = _first_owners(listed, gazetteer)
    as_place = metonym | ((actor >= 0) & gazetteer.is_place[actor])
    positions = np.arange(len(as_place))
    previous = np.concatenate(([-1], np.maximum.accumulate(np.where(as_place, positions, -1))[:-1]))
    as_place &= ~metonym  # metonyms are read in order below
    docs, ends = listed.doc.tolist(), listed.end.tolist()
    for row, doc, start, end, before in zip(rows.tolist(), listed.doc[rows].tolist(),
                                            listed.start[rows].tolist(), listed.end[rows].tolist(),
                                            previous[rows].tolist()):
        text = texts[doc]
        if text.startswith(("’s", "'s"), end):
            continue
        coordinated = before >= 0 and docs[before] == doc and as_place[before] and bool(
            _COORDINATION.fullmatch(text, ends[before], start))
        as_place[row] = coordinated or _is_dateline(text, start, end) or bool(
            _LOCATIVE_BEFORE.match(_reversed_lead(text, start)))
    read = as_place & metonym
    return listed._replace(actor=np.where(read, place, listed.actor),
                           form=np.where(read, _FORM_CODES.index("name"), listed.form))


def _is_dateline(text: str, start: int, end: int) -> bool:
    """A place opening its line in capitals, or before a date or an agency in brackets."""
    if text[text.rfind("\n", 0, start) + 1:start].strip(_BULLETS):
        return False
    return text[start:end].isupper() or bool(_DATELINE_AFTER.match(text, end))


def _lowercase_vocabulary(corpus: Corpus) -> frozenset[str]:
    """Words seen in lower case somewhere in the corpus: common words, not names."""
    return frozenset(itertools.chain.from_iterable(
        _LOWER_WORD.findall(text) for text in corpus.documents["text"]))


def _match_unlisted_names(corpus: Corpus, texts: list[str], listed: _Listed
                          ) -> list[tuple[int, _Match]]:
    """Unlisted names of every document, as ``(document index, match)`` pairs."""
    vocabulary = _lowercase_vocabulary(corpus)
    bounds = np.searchsorted(listed.doc, np.arange(len(texts) + 1))
    names = []
    for doc, (text, sentences) in enumerate(zip(texts, SentenceBounds.per_document(corpus),
                                                strict=True)):
        taken = list(zip(listed.start[bounds[doc]:bounds[doc + 1]].tolist(),
                         listed.end[bounds[doc]:bounds[doc + 1]].tolist()))
        names.extend((doc, name) for name in _match_unlisted(text, sentences, taken, vocabulary))
    return names


def _match_unlisted(text: str, bounds: SentenceBounds, taken: list[tuple[int, int]],
                    vocabulary: frozenset[str]) -> list[_Match]:
    """Capitalised names and title-introduced names the gazetteer lacks.

    ``taken`` holds the spans of the gazetteer's matches, in order.
    """
    names: list[_Match] = []
    for sentence_start, sentence_end, is_headline in zip(bounds.starts, bounds.ends,
                                                         bounds.headline, strict=True):
        if is_headline:
            continue
        found = [name for run in _CAPITALISED_RUN.finditer(text, sentence_start, sentence_end)
                 for start, end in _free_pieces(run.start(), run.end(), taken)
                 if (name := _guess_name(text, start, end, sentence_start, vocabulary))]
        if found and not _in_title_case(text[sentence_start:sentence_end]):
            names.extend(found)
    occupied = sorted(taken + [(name.start, name.end) for name in names])
    return names + _unlisted_short_forms(text, names, occupied)


def _in_title_case(sentence: str) -> bool:
    """A heading or caption in title case ("Read More: How The War Changed Kursk")."""
    words = _ALPHABETIC_WORD.findall(sentence)
    return len(words) >= 4 and any(word in _TITLE_CASE_MARKERS for word in words[1:]) and (
        sum(word[0].isupper() for word in words) >= _TITLE_CASE_SHARE * len(words))


def _free_pieces(start: int, end: int, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Split a span around the listed mentions inside it."""
    pieces = []
    cursor = start
    index = max(bisect.bisect_right(taken, (start, start)) - 1, 0)
    while index < len(taken) and taken[index][0] < end:
        taken_start, taken_end = taken[index]
        if taken_end > cursor:
            if taken_start > cursor:
                pieces.append((cursor, taken_start))
            cursor = max(cursor, taken_end)
        index += 1
    if cursor < end:
        pieces.append((cursor, end))
    return pieces


def _plain(word: str) -> str:
    return _POSSESSIVE.sub("", word).strip("'’.-,").lower()


def _guess_name(text: str, start: int, end: int, sentence_start: int,
                vocabulary: frozenset[str]) -> _Match | None:
    """Trim a capitalised piece to a plausible name and guess its type, or return None."""
    piece = text[start:end]
    if len(piece.split()) < 2:  # one word is a name only after a title ("Minister Ivanov")
        first = start + len(piece) - len(piece.lstrip())
        if not _titled(text, first):
            return None
    words = [(m.start(), m.end()) for m in _WORD.finditer(text, start, end)
             if text[m.start():m.end()].strip("'’.-,")]
    initial = bool(words) and _is_sentence_initial(text, sentence_start, words[0][0])
    # "Foreign Intelligence Bureau" keeps its adjective; "Foreign Minister X" does not.
    institution = bool(words) and _plain(text[slice(*words[-1])]) in ORG_SUFFIXES | PLACE_SUFFIXES
    not_start = _NOT_NAME_START - TITLE_WORDS if institution else _NOT_NAME_START
    while words and (_plain(text[slice(*words[0])]) in not_start
                     or (initial and _plain(text[slice(*words[0])]) in vocabulary)):
        words = words[1:]
        initial = False
    while words and _plain(text[slice(*words[-1])]) in _NOT_NAME_END:
        words = words[:-1]
    if any(text[s:e].isupper() and e - s > 1 for s, e in words):
        return None  # runs with acronyms are headings or agencies; too noisy to guess
    # A title inside the run introduces the name after it ("Military Analyst Joost Oliemans").
    inner_titles = [index for index, word in enumerate(words[:-1])
                    if _plain(text[slice(*word)]) in _ONE_PERSON_TITLES]
    if inner_titles and not institution:
        words = words[inner_titles[-1] + 1:]
    if not words or not text[words[0][0]].isupper():
        return None
    start, end = words[0][0], words[-1][1]
    possessive = _POSSESSIVE.search(text, start, end)
    if possessive and possessive.end() == end:
        end = possessive.start()
    end = start + len(text[start:end].rstrip("'’.-,"))
    titled = _titled(text, start)
    first, last = _plain(text[slice(*words[0])]), _plain(text[slice(*words[-1])])
    if len(words) < 2 and (not titled or last in ORG_SUFFIXES | PLACE_SUFFIXES):
        return None
    if _inside_quoted_title(text, start, sentence_start):
        return None
    if last in ORG_SUFFIXES or (first in ORG_SUFFIXES and len(words) > 2):
        actor_type = "org"
    elif last in PLACE_SUFFIXES:
        actor_type = "place"
    elif titled or len(words) <= 3:
        actor_type = "person"
    else:
        return None
    return _Match(start, end, _slug(text[start:end]), "name", listed=False, actor_type=actor_type)


def _titled(text: str, start: int) -> bool:
    """Whether a title word ("Minister", "Gen.") comes right before ``start``."""
    return bool(_TITLE_BEFORE.match(_reversed_lead(text, start)))


def _reversed_lead(text: str, start: int) -> str:
    """The ``_LOOK_BACK`` characters before ``start``, reversed, for the ``*_BEFORE``
    patterns: one anchored match there does what a search for a suffix would."""
    return text[max(0, start - _LOOK_BACK):start][::-1]


def _is_sentence_initial(text: str, sentence_start: int, word_start: int) -> bool:
    lead = text[sentence_start:word_start]
    return not lead.strip(" \"'“‘(") or bool(_LABEL_LEAD.fullmatch(lead))


def _inside_quoted_title(text: str, start: int, sentence_start: int) -> bool:
    """True inside a quoted title in title case ("To Die for the Freedom of ...")."""
    before = text[sentence_start:start]
    opening = max(before.rfind("“"), before.rfind('"') if before.count('"') % 2 else -1)
    if opening < 0 or "”" in before[opening:]:
        return False
    closing = min((p for p in (text.find("”", start), text.find('"', start)) if p >= 0),
                  default=start)
    words = [w for w in text[sentence_start + opening + 1:closing].split() if w[:1].isalpha()]
    return bool(words) and sum(w[0].isupper() for w in words) >= _TITLE_CASE_SHARE * len(words)


def _unlisted_short_forms(text: str, names: list[_Match], occupied: list[tuple[int, int]]
                          ) -> list[_Match]:
    """Bare surnames of unlisted people, after the full name has appeared."""
    surnames: dict[str, _Match] = {}
    for name in names:
        words = text[name.start:name.end].split()
        if name.actor_type == "person" and len(words) >= 2:
            surnames.setdefault(words[-1], name)
    found = []
    for surname, name in surnames.items():
        for match in re.finditer(rf"(?<![\w-]){re.escape(surname)}(?![\w-])", text[name.end:]):
            start, end = match.start() + name.end, match.end() + name.end
            position = bisect.bisect_right(occupied, (start, len(text))) - 1
            if position >= 0 and occupied[position][1] > start:
                continue
            found.append(name._replace(start=start, end=end, form="short"))
    return found


def _slug(name: str) -> str:
    return "unlisted:" + re.sub(r"\W+", "-", fold_phrase(re.sub(r"['’]", "", name))).strip("-")


def _first_owners(listed: _Listed, gazetteer: Gazetteer) -> np.ndarray:
    """The mentions' actors, a short form counted as its first owner."""
    short = listed.form == _FORM_CODES.index("short")
    return np.where(short, gazetteer.candidates.short_owners[listed.phrase, 0], listed.actor)


def _resolve(listed: _Listed, gazetteer: Gazetteer) -> _Listed:
    """Resolve short forms against the actors already named in full in their document.

    A short form takes the one owner named earlier in the document; when none was, its
    only owner, or the one owner the document names later (a headline's "Kim" before
    "Kim Jong Un"); else actor -1 (ambiguous).
    """
    short = listed.form == _FORM_CODES.index("short")
    if not short.any():
        return listed
    owners = gazetteer.candidates.short_owners
    actor = _first_owners(listed, gazetteer)
    shared = np.flatnonzero(short & (owners[listed.phrase, 1] >= 0))
    if not shared.size:
        return listed._replace(actor=actor)  # every short form here has one owner
    named = np.flatnonzero(np.isin(listed.form, [_FORM_CODES.index("name"),
                                                 _FORM_CODES.index("abbrev")]))
    n_actors = len(gazetteer.actor_ids)
    pairs, first = np.unique(listed.doc[named] * n_actors + listed.actor[named],
                             return_index=True)
    first_named = dict(zip(pairs.tolist(), listed.start[named][first].tolist()))
    for row, doc, start, phrase in zip(shared.tolist(), listed.doc[shared].tolist(),
                                       listed.start[shared].tolist(),
                                       listed.phrase[shared].tolist()):
        named_at = {owner: first_named[doc * n_actors + owner]
                    for owner in owners[phrase].tolist()
                    if owner >= 0 and doc * n_actors + owner in first_named}
        seen = [owner for owner, at in named_at.items() if at < start] or list(named_at)
        actor[row] = seen[0] if len(seen) == 1 else -1
    return listed._replace(actor=actor)


def _mentions_frame(corpus: Corpus, hits: Hits, listed: _Listed,
                    names: list[tuple[int, _Match]], sentences: SentenceLookup,
                    gazetteer: Gazetteer) -> pd.DataFrame:
    """One row per mention, in document then text order, with its actor's details."""
    mention = listed.form != _FORM_CODES.index("ignore")
    n_listed = int(mention.sum())

    def combined(listed_column: np.ndarray, unlisted_column: list[int]) -> np.ndarray:
        return np.concatenate([listed_column[mention],
                               np.array(unlisted_column, dtype=np.int64)]).astype(np.int64)

    doc = combined(listed.doc, [doc for doc, _ in names])
    start = combined(listed.start, [name.start for _, name in names])
    end = combined(listed.end, [name.end for _, name in names])
    form = combined(listed.form, [_FORM_CODES.index(name.form) for _, name in names])
    entity = combined(listed.actor, [-1] * len(names))
    guess = np.concatenate([np.full(n_listed, -1), np.arange(len(names))])
    if names:  # listed mentions alone are in order already
        order = np.lexsort((start, doc))
        doc, start, end, form, entity, guess = (
            column[order] for column in (doc, start, end, form, entity, guess))
    joined, shift = hits.joined, hits.offsets[doc]
    surfaces = [joined[s:e] for s, e in zip((start + shift).tolist(), (end + shift).tolist())]
    entities = [(actor.id, actor.name, actor.type, actor.country, actor.role)
                for actor in gazetteer.actors.values()]
    positions: dict[tuple[str, ...], int] = {}
    unlisted_names: dict[str, str] = {}
    for row in np.flatnonzero(entity < 0).tolist():
        surface = surfaces[row]
        if guess[row] >= 0:
            name = names[guess[row]][1]
            details = (name.actor_id, unlisted_names.setdefault(name.actor_id, surface),
                       name.actor_type, "", "")
        else:
            details = ("ambiguous:" + _slug(surface).removeprefix("unlisted:"), surface,
                       _shared_type(gazetteer, surface), "", "")
        entity[row] = positions.setdefault(details, len(entities))
        if entity[row] == len(entities):
            entities.append(details)
    ids, actor_names, types, countries, roles = (
        [list(column) for column in zip(*entities)] if entities else [[]] * 5)
    sentence, _ = sentences.locate(doc, start, end)
    return pd.DataFrame({
        "doc_id": _strings(corpus.documents["doc_id"].tolist(), doc),
        "sent_id": sentences.sent_id[sentence], "start": start, "end": end,
        "surface": pd.array(pa.array(surfaces, type=pa.string()), dtype="string"),
        "actor_id": _strings(ids, entity), "actor_name": _strings(actor_names, entity),
        "actor_type": _strings(types, entity), "form": _strings(list(_FORM_CODES), form),
        "country": _strings(countries, entity), "role": _strings(roles, entity),
        "listed": guess < 0,
    }, columns=MENTION_COLUMNS)


def _strings(values: list[str], index: np.ndarray) -> pd.api.extensions.ExtensionArray:
    """``values[index]`` as a pandas string array, gathered by pyarrow."""
    return pd.array(pa.array(values, type=pa.string()).take(pa.array(index)), dtype="string")


def _shared_type(gazetteer: Gazetteer, surface: str) -> str:
    owners = gazetteer.short_owners.get(fold_phrase(surface), [])
    types = {gazetteer.actors[owner].type for owner in owners}
    return types.pop() if len(types) == 1 else ""


_MENTION_DTYPES = {"doc_id": "string", "sent_id": "int64", "start": "int64", "end": "int64",
                   "surface": "string", "actor_id": "string", "actor_name": "string",
                   "actor_type": "string", "form": "string", "country": "string",
                   "role": "string", "listed": "bool"}


def count_mentions(mentions: pd.DataFrame, *, by: str | list[str] = "actor_id") -> pd.DataFrame:
    """Count mentions grouped by one or more mention columns.

    Args:
        mentions: Output of ``tag_actors``.
        by: Column(s) to group by, e.g. ``"actor_id"``, ``["doc_id", "actor_id"]``,
            ``"actor_type"``. Grouping by ``actor_id`` carries ``actor_name`` and
            ``actor_type`` along.

    Returns:
        The ``by`` columns (plus ``actor_name, actor_type`` with ``actor_id``), then
        ``n_mentions, n_sentences, n_documents``; most mentioned first, ties by key.

    Example:
        >>> count_mentions(tag_actors(corpus), by=["doc_id", "actor_id"])  # doctest: +SKIP
    """
    keys = [by] if isinstance(by, str) else list(by)
    unknown = [key for key in keys if key not in MENTION_COLUMNS]
    if unknown:
        raise ValueError(f"cannot group mentions by {', '.join(unknown)}; "
                         f"choose from {', '.join(MENTION_COLUMNS)}")
    carried = [c for c in ("actor_name", "actor_type") if "actor_id" in keys and c not in keys]
    grouped = mentions.assign(sentence=mentions["doc_id"] + "#" + mentions["sent_id"].astype(str)
                              ).groupby(keys, sort=True, dropna=False)
    counts = grouped.agg(**{column: (column, "first") for column in carried},
                         n_mentions=("start", "size"), n_sentences=("sentence", "nunique"),
                         n_documents=("doc_id", "nunique")).reset_index()
    counts = counts.sort_values(["n_mentions", *keys], ascending=[False, *[True] * len(keys)],
                                kind="stable").reset_index(drop=True)
    return counts.astype({column: "int64" for column in COUNT_COLUMNS})


def build_cooccurrence(mentions: pd.DataFrame, *, unit: str = "sentence") -> pd.DataFrame:
    """Count the sentences and documents that each pair of actors shares.

    Args:
        mentions: Output of ``tag_actors``.
        unit: ``"sentence"`` keeps pairs named in one sentence; ``"document"`` keeps
            pairs named anywhere in one document.

    Returns:
        One row per pair (``actor_id < other_id``): ``actor_id, other_id,
        n_sentences, n_documents``; most shared first.

    Example:
        >>> build_cooccurrence(tag_actors(corpus), unit="document")  # doctest: +SKIP
    """
    if unit not in ("sentence", "document"):
        raise ValueError(f"unit must be 'sentence' or 'document', not {unit!r}")
    sentence_pairs = _pairs(mentions, ["doc_id", "sent_id"])
    document_pairs = _pairs(mentions, ["doc_id"])
    n_sentences = sentence_pairs.groupby(["actor_id", "other_id"]).size().rename("n_sentences")
    base = sentence_pairs if unit == "sentence" else document_pairs
    pairs = base.groupby(["actor_id", "other_id"])["doc_id"].nunique().rename("n_documents")
    table = pd.concat([n_sentences.reindex(pairs.index, fill_value=0), pairs], axis=1)
    table = table.reset_index().sort_values(
        ["n_sentences" if unit == "sentence" else "n_documents", "actor_id", "other_id"],
        ascending=[False, True, True], kind="stable").reset_index(drop=True)
    return table[COOCCURRENCE_COLUMNS].astype({"actor_id": "string", "other_id": "string",
                                               "n_sentences": "int64", "n_documents": "int64"})


def _pairs(mentions: pd.DataFrame, unit: list[str]) -> pd.DataFrame:
    actors = mentions[[*unit, "actor_id"]].drop_duplicates()
    pairs = actors.merge(actors, on=unit, suffixes=("", "_other"))
    pairs = pairs[pairs["actor_id"] < pairs["actor_id_other"]]
    return pairs.rename(columns={"actor_id_other": "other_id"})


def find_unlisted_names(corpus: Corpus, gazetteer: Gazetteer | str | Path | None = None, *,
                        mentions: pd.DataFrame | None = None) -> pd.DataFrame:
    """List names the gazetteer does not cover, so that a researcher can extend it.

    Args:
        mentions: Output of ``tag_actors`` (with ``unlisted=True``), to reuse instead of
            tagging the corpus again.

    Returns:
        One row per unlisted actor: ``name, actor_id, actor_type, n_mentions,
        n_documents`` and its first occurrence (``doc_id, sent_id, sentence``);
        most mentioned first.

    Example:
        >>> find_unlisted_names(read_corpus("seeds"))  # doctest: +SKIP
    """
    if mentions is None:
        mentions = tag_actors(corpus, gazetteer=gazetteer, unlisted=True)
    unlisted = mentions[~mentions["listed"]]
    counts = count_mentions(unlisted, by="actor_id")
    first = unlisted.drop_duplicates("actor_id")[["actor_id", "doc_id", "sent_id"]]
    sentences = corpus.sentences[["doc_id", "sent_id", "text"]].rename(columns={"text": "sentence"})
    table = (counts.merge(first, on="actor_id", how="left")
             .merge(sentences, on=["doc_id", "sent_id"], how="left")
             .rename(columns={"actor_name": "name"}))
    return table[UNLISTED_COLUMNS].reset_index(drop=True)
