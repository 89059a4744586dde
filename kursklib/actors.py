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

import ahocorasick
import pandas as pd
import yaml

from .corpus import Corpus, SentenceBounds, lower_keeping_offsets
from .errors import GazetteerError

ACTOR_TYPES = ("person", "org", "state", "place")
FORMS = ("name", "short", "abbrev", "demonym", "metonym")
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

# Folding keeps one character per character, so folded offsets are text offsets
# (runs of spaces aside, which are mapped back explicitly). A chain of str.replace
# runs at C speed, unlike a translate table over the whole text.
FOLD_PAIRS = (
    ("’", "'"), ("‘", "'"), ("‛", "'"), ("`", "'"), ("´", "'"), ("ʼ", "'"),
    ("“", '"'), ("”", '"'), ("„", '"'), ("«", '"'), ("»", '"'),
    ("-", " "), ("‐", " "), ("‑", " "), ("‒", " "), ("–", " "), ("—", " "), ("―", " "),
    ("\n", " "), ("\t", " "), ("\r", " "), ("\u00a0", " "), ("\u2009", " "), ("\u202f", " "),
)
_FOLD = str.maketrans(dict(FOLD_PAIRS))
_SPACE_RUN = re.compile(r" {2,}")
_ACRONYM = re.compile(r"^(?:[A-ZА-ЯЁ0-9]\.?){2,8}$")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
# A place name read as a place rather than as its state when a locative precedes it.
_LOCATIVE = re.compile(
    r"\b(?:in|at|to|from|near|into|outside|inside|around|across|via|towards?|through|"
    r"visit(?:ed|ing|s)?|arrived|capital)\s+(?:the\s+)?$", re.IGNORECASE)
_COORDINATION = re.compile(r"^\s*(?:,|and|or|,\s*and)\s*$")

# Unlisted names: runs of capitalised words, allowing lower-case particles inside.
_UPPER = "A-ZÀ-ÖØ-ÞА-ЯЁ"
_CAPITALISED_RUN = re.compile(
    rf"[{_UPPER}][\w'’.\-]*(?:\s+(?:(?:of|the|de|du|da|del|von|van|der|al|bin|ibn|la|le|and)\s+)*"
    rf"[{_UPPER}][\w'’.\-]*)*")
_WORD = re.compile(rf"[{_UPPER}][\w'’.\-]*|\S+")
_NEXT_NAME_WORD = re.compile(rf"[ \t]+([{_UPPER}][\w'’.\-]*)")
_PREVIOUS_NAME_WORD = re.compile(rf"(?<![.!?:;])[ \t]([{_UPPER}][\w'’\-]*)[ \t]+$")
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
    lawmaker lawmakers mp vice acting press first supreme
""".split())
MONTHS_AND_DAYS = frozenset("""
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
    saturday sunday
""".split())
# Capitalised words that open a line or a paragraph as a label, not as a name.
LABEL_WORDS = frozenset("quote details context conclusion update note photo video source".split())
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
_NOT_NAME_START = TITLE_WORDS | MONTHS_AND_DAYS | LABEL_WORDS | PARTICLES
_NOT_NAME_END = TITLE_WORDS | MONTHS_AND_DAYS | PARTICLES
_PERSON_TITLE = re.compile(
    r"(?:\b(?:" + "|".join(sorted((re.escape(w) for w in TITLE_WORDS if w.isalpha()),
                                  key=len, reverse=True)) + r")\.?)\s+$", re.IGNORECASE)


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
                        table.setdefault(_fold_key(variant), []).append(
                            (actor.id, form_here, variant))
        for phrase in self.ignore:
            for variant in _variants(phrase):
                table.setdefault(_fold_key(variant), []).append(("", "ignore", variant))
        return table

    @cached_property
    def automaton(self) -> ahocorasick.Automaton:
        """One Aho-Corasick automaton over every folded, lower-cased alias."""
        automaton = ahocorasick.Automaton()
        for key, candidates in self.patterns.items():
            # Per candidate: id, form, the exact spelling an acronym needs (else None),
            # and whether the text must start with a capital.
            checks = tuple((actor_id, form, alias if _ACRONYM.match(alias) else None,
                            alias[:1].isupper()) for actor_id, form, alias in candidates)
            if key:
                automaton.add_word(key, (len(key), checks))
        automaton.make_automaton()
        return automaton

    @cached_property
    def short_owners(self) -> dict[str, list[str]]:
        """Folded short form → ids of every actor that has it."""
        owners: dict[str, list[str]] = {}
        for actor in self.actors.values():
            for short in actor.short:
                owners.setdefault(_fold_key(short), []).append(actor.id)
        return owners

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


def _fold_key(surface: str) -> str:
    folded = surface.translate(_FOLD)
    return _SPACE_RUN.sub(" ", folded.lower()).strip()


def _claim_key(surface: str) -> str:
    return surface.translate(_FOLD).strip() if _ACRONYM.match(surface) else _fold_key(surface)


@dataclass(frozen=True)
class _FoldedText:
    """Lower-cased, quote- and dash-folded text with runs of spaces collapsed."""

    folded: str
    gap_starts: list[int]
    gap_shifts: list[int]

    @classmethod
    def of(cls, text: str) -> _FoldedText:
        lowered = lower_keeping_offsets(text)
        for old, new in FOLD_PAIRS:
            if old in lowered:
                lowered = lowered.replace(old, new)
        gap_starts: list[int] = []
        gap_shifts: list[int] = []
        if "  " not in lowered:
            return cls(lowered, gap_starts, gap_shifts)
        pieces, previous, removed = [], 0, 0
        for run in _SPACE_RUN.finditer(lowered):
            pieces.append(lowered[previous:run.start() + 1])
            removed += run.end() - run.start() - 1
            gap_starts.append(run.start() + 1 - (removed - (run.end() - run.start() - 1)))
            gap_shifts.append(removed)
            previous = run.end()
        pieces.append(lowered[previous:])
        return cls("".join(pieces), gap_starts, gap_shifts)

    def origin(self, index: int) -> int:
        """Map an index of the folded string to the text."""
        position = bisect.bisect_right(self.gap_starts, index) - 1
        return index + (self.gap_shifts[position] if position >= 0 else 0)


class _Match(NamedTuple):
    start: int
    end: int
    actor_id: str  # "" for an ambiguous short form
    form: str  # one of FORMS, or "ignore"
    listed: bool = True
    actor_type: str = ""  # guessed type of an unlisted name


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
    vocabulary = _lowercase_vocabulary(corpus) if unlisted else frozenset()
    rows: list[tuple] = []
    for doc_id, text, bounds in zip(corpus.documents["doc_id"], corpus.documents["text"],
                                    SentenceBounds.per_document(corpus), strict=True):
        listed = _match_listed(text, gazetteer, bounds)
        found = [match for match in listed if match.form != "ignore"]
        if unlisted:
            found.extend(_match_unlisted(text, bounds, listed, vocabulary))
            found.sort(key=lambda match: match.start)
        for match in _resolve(text, found, gazetteer):
            rows.append((doc_id, bounds.sentence_of(match.start), text[match.start:match.end],
                         match))
    return _mentions_frame(rows, gazetteer)


def _as_gazetteer(gazetteer: Gazetteer | str | Path | None) -> Gazetteer:
    if isinstance(gazetteer, Gazetteer):
        return gazetteer
    return _default_gazetteer() if gazetteer in (None, "") else load_gazetteer(gazetteer)


@lru_cache(maxsize=1)
def _default_gazetteer() -> Gazetteer:
    return load_gazetteer()


def _match_listed(text: str, gazetteer: Gazetteer, bounds: SentenceBounds) -> list[_Match]:
    """Leftmost-longest gazetteer matches inside sentences (ignore phrases included)."""
    folded = _FoldedText.of(text)
    candidates = _hits(text, folded, gazetteer.automaton, bounds)
    candidates.sort()  # leftmost first, then longest first
    chosen: list[_Match] = []
    reach = -1
    for start, negative_length, actor_id, form in candidates:
        if start >= reach:
            reach = start - negative_length
            chosen.append(_Match(start, reach, actor_id, form))
    return _read_metonyms(text, chosen, gazetteer)


def _hits(text: str, folded: _FoldedText, automaton: ahocorasick.Automaton,
          bounds: SentenceBounds) -> list[tuple[int, int, str, str]]:
    """Automaton hits that stand alone as words, fit their case and lie in one sentence.

    Returns ``(start, -length, actor_id, form)`` tuples, so that sorting puts the
    leftmost, then longest, first.
    """
    haystack = folded.folded
    size = len(haystack)
    shifted = bool(folded.gap_starts)
    found = []
    for last, (length, checks) in automaton.iter(haystack):
        first = last - length + 1
        if (first and haystack[first - 1].isalnum()) or (last + 1 < size
                                                         and haystack[last + 1].isalnum()):
            continue
        if shifted:
            start, end = folded.origin(first), folded.origin(last) + 1
        else:
            start, end = first, last + 1
        for actor_id, form, acronym, capitalised in checks:
            if acronym is not None:
                if text[start:end] != acronym:
                    continue
            elif capitalised and not text[start].isupper():
                continue
            if form in ("short", "metonym") and _inside_longer_name(text, start, end) and (
                    not bounds.is_headline(start)):
                continue
            if bounds.contains(start, end):
                found.append((start, start - end, actor_id, form))
            break
    return found


def _inside_longer_name(text: str, start: int, end: int) -> bool:
    """True when a bare short form is glued to another capitalised name word ("Lee Sun-jin")."""
    following = text[end + 1:end + 2]
    preceding = text[start - 2:start - 1] if start >= 2 else ""
    if not (following.isupper() or preceding.isalpha()):
        return False
    after = _NEXT_NAME_WORD.match(text, end)
    if after and _plain(after.group(1)) not in _NOT_NAME_END:
        return True
    before = _PREVIOUS_NAME_WORD.search(text, max(0, start - 40), start)
    return bool(before) and _plain(before.group(1)) not in _NOT_NAME_START and not (
        _is_sentence_initial(text, _line_start(text, before.start(1)), before.start(1)))


def _line_start(text: str, position: int) -> int:
    return text.rfind("\n", 0, position) + 1


def _read_metonyms(text: str, matches: list[_Match], gazetteer: Gazetteer) -> list[_Match]:
    """Read a metonym after a locative ("in Pyongyang") as the place it names."""
    result = []
    previous_place: tuple[int, bool] | None = None
    for match in matches:
        if match.form == "metonym":
            place_id = gazetteer.place_ids.get(_fold_key(text[match.start:match.end]))
            coordinated = previous_place is not None and bool(
                _COORDINATION.match(text[previous_place[0]:match.start]))
            possessive = text.startswith(("’s", "'s"), match.end)
            is_place = place_id is not None and not possessive and (
                bool(_LOCATIVE.search(text[max(0, match.start - 40):match.start]))
                or (coordinated and previous_place[1]))
            if is_place:
                match = match._replace(actor_id=place_id, form="name")
            previous_place = (match.end, is_place)
        elif match.actor_id and gazetteer.actors[match.actor_id].type == "place":
            previous_place = (match.end, True)
        result.append(match)
    return result


def _lowercase_vocabulary(corpus: Corpus) -> frozenset[str]:
    """Words seen in lower case somewhere in the corpus: common words, not names."""
    return frozenset(itertools.chain.from_iterable(
        _LOWER_WORD.findall(text) for text in corpus.documents["text"]))


def _match_unlisted(text: str, bounds: SentenceBounds, listed: list[_Match],
                    vocabulary: frozenset[str]) -> list[_Match]:
    """Capitalised names and title-introduced names the gazetteer lacks."""
    taken = sorted((match.start, match.end) for match in listed)
    names: list[_Match] = []
    for sentence_start, sentence_end, is_headline in zip(bounds.starts, bounds.ends,
                                                         bounds.headline, strict=True):
        if is_headline:
            continue
        for run in _CAPITALISED_RUN.finditer(text, sentence_start, sentence_end):
            for start, end in _free_pieces(run.start(), run.end(), taken):
                name = _guess_name(text, start, end, sentence_start, vocabulary)
                if name is not None:
                    names.append(name)
    occupied = sorted(taken + [(name.start, name.end) for name in names])
    return names + _unlisted_short_forms(text, names, occupied)


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
    if not words or not text[words[0][0]].isupper():
        return None
    start, end = words[0][0], words[-1][1]
    possessive = _POSSESSIVE.search(text, start, end)
    if possessive and possessive.end() == end:
        end = possessive.start()
    end = start + len(text[start:end].rstrip("'’.-,"))
    titled = bool(_PERSON_TITLE.search(text, max(0, start - 40), start))
    if any(text[s:e].isupper() and e - s > 1 for s, e in words):
        return None  # runs with acronyms are headings or agencies; too noisy to guess
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
    return "unlisted:" + re.sub(r"\W+", "-", _fold_key(re.sub(r"['’]", "", name))).strip("-")


def _resolve(text: str, found: list[_Match], gazetteer: Gazetteer) -> list[_Match]:
    """Resolve short forms against the actors already named in full in this document."""
    met: set[str] = set()
    resolved = []
    for match in found:
        if match.form == "short" and match.listed:
            owners = gazetteer.short_owners[_fold_key(text[match.start:match.end])]
            seen = [owner for owner in owners if owner in met]
            if len(seen) == 1:
                match = match._replace(actor_id=seen[0])
            elif len(owners) == 1 and not seen:
                match = match._replace(actor_id=owners[0])
            else:
                match = match._replace(actor_id="")
        elif match.form in ("name", "abbrev"):
            met.add(match.actor_id)
        resolved.append(match)
    return resolved


def _mentions_frame(rows: list[tuple[str, int, str, _Match]], gazetteer: Gazetteer
                    ) -> pd.DataFrame:
    records = []
    unlisted_names: dict[str, str] = {}
    for doc_id, sent_id, surface, match in rows:
        if not match.listed:
            name = unlisted_names.setdefault(match.actor_id, surface)
            details = (match.actor_id, name, match.actor_type, "", "")
        elif not match.actor_id:
            details = ("ambiguous:" + _slug(surface).removeprefix("unlisted:"), surface,
                       _shared_type(gazetteer, surface), "", "")
        else:
            actor = gazetteer.actors[match.actor_id]
            details = (actor.id, actor.name, actor.type, actor.country, actor.role)
        records.append((doc_id, sent_id, match.start, match.end, surface, *details, match.form,
                        match.listed))
    columns = [*MENTION_COLUMNS[:5], "actor_id", "actor_name", "actor_type", "country", "role",
               "form", "listed"]
    mentions = pd.DataFrame(records, columns=columns)[MENTION_COLUMNS]
    return mentions.astype(_MENTION_DTYPES)


def _shared_type(gazetteer: Gazetteer, surface: str) -> str:
    owners = gazetteer.short_owners.get(_fold_key(surface), [])
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
