""":mod:`kursklib.actors.gazetteer`: read, merge and validate gazetteer files (data only)."""

from __future__ import annotations

import importlib.resources
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from ..checks import checked
from ..errors import GazetteerError
from ..lang import available_languages, load_language
from ..matching import fold_phrase
from ..plaindata import read_data

ACTOR_TYPES = ("person", "org", "state", "place")
FORMS = ("name", "short", "abbrev", "demonym", "metonym")
LIST_FIELDS = ("aliases", "short", "demonyms", "metonyms")
_ENTRY_FIELDS = {"id", "name", "type", "country", "role", *LIST_FIELDS}
_REQUIRED_FIELDS = ("id", "name", "type")
# Written in capitals, an alias is an acronym, matched as spelled ("KCNA", "U.S.").
ACRONYM = re.compile(r"^(?:[A-ZА-ЯЁ0-9]\.?){2,8}$")
DEFAULT_GAZETTEER = "kursklib/data/gazetteer.yaml"
WORLD_GAZETTEERS = ("kursklib/data/world/countries.yaml", "kursklib/data/world/organisations.yaml")


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


@dataclass(frozen=True, eq=False)
class Gazetteer:
    """Actors by id, phrases that are not actors, and the files they came from.

    Compared and hashed by identity, so that its compiled matcher is built once.
    """

    actors: dict[str, Actor]
    ignore: tuple[str, ...] = ()
    sources: tuple[str, ...] = field(default=())


@checked
def load_gazetteer(*paths: str | Path, include_default: bool = True) -> Gazetteer:
    """Load the packaged gazetteer extended by user YAML files, in order.

    A user entry with a new ``id`` adds an actor; an entry that gives only the ``id`` of
    an earlier actor (and list fields: ``aliases``, ``short``, ``demonyms``,
    ``metonyms``) extends it, e.g. with aliases in another language. No alias may belong
    to two of the user's actors; where the user's files and the packaged gazetteer clash,
    the user's win (a full entry replaces the packaged actor of its id, and an alias moves
    to the user's actor). The packaged gazetteer includes the aliases in other languages
    (``language_gazetteers``). Beneath both lie the world's states, capitals and organisations
    (``data/world/``): an alias either claims is theirs, and an actor of the same id, or a
    state of the same country, takes the world entry's other names.

    Args:
        paths: YAML files, each a list of actors or a mapping with ``actors`` and
            ``ignore`` lists.
        include_default: Start from the packaged gazetteer and the world's actors
            (``False``: only ``paths``).

    Example:
        >>> load_gazetteer().actors["kcna"].name
        'Korean Central News Agency'
    """
    user: list[tuple[str, str]] = []
    for path in paths:
        path = Path(path)
        try:
            user.append((str(path), path.read_text(encoding="utf-8")))
        except FileNotFoundError:
            raise GazetteerError("gazetteer file does not exist", path=path) from None
        except (OSError, UnicodeDecodeError) as error:
            raise GazetteerError(f"cannot read gazetteer ({error})", path=path) from None
    if not user and not include_default:
        raise GazetteerError("no gazetteer: give a file or include the packaged one")
    layers = _Layers()
    packaged = (DEFAULT_GAZETTEER, *language_gazetteers()) if include_default else ()
    ignore: list[str] = []
    for resource in packaged:
        for line, entry in _packaged(resource)[0]:
            layers.add(entry, name=resource, line=line, packaged=True)
        ignore.extend(_packaged(resource)[1])
    for name, text in user:
        entries, phrases = _parse_gazetteer(name, text)
        ignore.extend(phrases)
        for line, entry in entries:
            layers.add(entry, name=name, line=line, packaged=False)
    sources = [name for name, _ in user]
    if include_default:
        for world in WORLD_GAZETTEERS:
            for _, entry in _packaged(world)[0]:
                layers.add_beneath(entry)
        sources = [*packaged, *sources, *WORLD_GAZETTEERS]
    return Gazetteer(actors=layers.actors, ignore=tuple(ignore), sources=tuple(sources))


def language_gazetteers() -> tuple[str, ...]:
    """The packaged layers of aliases in other languages (a language's ``actors.gazetteer``).

    Example:
        >>> language_gazetteers()
        ('kursklib/data/gazetteer_ru_forms.yaml',)
    """
    return tuple(f"kursklib/data/{name}" for code in available_languages()
                 if (name := load_language(code).sections["actors"].get("gazetteer")))


@lru_cache(maxsize=None)
def _packaged(resource: str) -> tuple[list[tuple[int, dict]], list[str]]:
    """The entries and ignore phrases of a packaged gazetteer file, parsed once."""
    path = importlib.resources.files("kursklib").joinpath(resource.removeprefix("kursklib/"))
    return _parse_gazetteer(resource, path.read_text(encoding="utf-8"))


class _Layers:
    """Actors merged layer by layer, with the claim on each alias."""

    def __init__(self) -> None:
        self.actors: dict[str, Actor] = {}
        self.packaged: set[str] = set()  # ids of actors the user's files may override
        self.claims: dict[str, tuple[str, str]] = {}  # claim key → (actor id, file)
        self._states: dict[str, str] | None = None  # country → its first state's id

    def add(self, entry: dict, *, name: str, line: int, packaged: bool) -> None:
        """Add or extend an actor; the user's entries override the packaged ones."""
        if not packaged and "name" in entry and entry["id"] in self.packaged:
            self._drop(entry["id"])
        actor = _merge(self.actors, entry, name=name, line=line)
        for key, surface in _claimed_keys(actor):
            owner = self.claims.get(key)
            if owner and owner[0] != actor.id:
                if owner[0] not in self.packaged or packaged:
                    raise GazetteerError(f"entry {actor.id!r}: alias {surface!r} is already "
                                         f"claimed by {owner[0]!r} ({owner[1]})",
                                         path=name, line=line)
                self._release(owner[0], key)
        for key, _ in _claimed_keys(actor):
            self.claims[key] = (actor.id, name)
        self.actors[actor.id] = actor
        if packaged:
            self.packaged.add(actor.id)
        else:
            self.packaged.discard(actor.id)

    def add_beneath(self, entry: dict) -> None:
        """Add a world entry's names where no actor claims them."""
        if self._states is None:  # the world comes last: index the states once
            self._states = {}
            for actor in self.actors.values():
                if actor.type == "state" and actor.country:
                    self._states.setdefault(actor.country, actor.id)
        state = self._states.get(entry.get("country") or "") if entry["type"] == "state" else None
        target = self.actors.get(entry["id"]) or (self.actors.get(state) if state else None)
        free = {key: tuple(v for v in entry.get(key, ()) if self._free(v, target))
                for key in LIST_FIELDS}
        if target is None:
            if not self._free(entry["name"], None):
                return
            actor = Actor(**{**entry, **free})
        else:
            names = (entry["name"],) if entry["name"] != target.name and self._free(
                entry["name"], target) else ()
            free["aliases"] = (*names, *free["aliases"])
            actor = _merge(self.actors, {"id": target.id, **free}, name="", line=0)
        self.actors[actor.id] = actor
        if actor.type == "state" and actor.country:
            self._states.setdefault(actor.country, actor.id)
        for key, _ in _claimed_keys(actor):
            self.claims.setdefault(key, (actor.id, "world"))

    def _free(self, surface: str, target: Actor | None) -> bool:
        owners = {self.claims.get(_claim_key(v), ("",))[0] for v in variants(surface)} - {""}
        return owners <= ({target.id} if target else set())

    def _drop(self, actor_id: str) -> None:
        """Forget a packaged actor and its claims (a user entry replaces it)."""
        del self.actors[actor_id]
        self.packaged.discard(actor_id)
        self.claims = {k: v for k, v in self.claims.items() if v[0] != actor_id}

    def _release(self, actor_id: str, key: str) -> None:
        """Take one alias from a packaged actor, or the actor itself when it is its name."""
        actor = self.actors[actor_id]
        if any(_claim_key(v) == key for v in variants(actor.name)):
            self._drop(actor_id)
            return
        kept = {field: tuple(s for s in getattr(actor, field)
                             if all(_claim_key(v) != key for v in variants(s)))
                for field in ("aliases", "demonyms")}
        self.actors[actor_id] = replace(actor, **kept)
        del self.claims[key]


def _claimed_keys(actor: Actor) -> list[tuple[str, str]]:
    """The claim key of every name, alias and demonym variant, with its surface."""
    return [(_claim_key(variant), surface)
            for surface in (actor.name, *actor.aliases, *actor.demonyms)
            for variant in variants(surface)]


def _merge(actors: dict[str, Actor], entry: dict, *, name: str, line: int) -> Actor:
    """The actor an entry defines, or the earlier actor it extends."""
    actor_id = entry["id"]
    earlier = actors.get(actor_id)
    if earlier is None:
        if "name" not in entry:
            raise GazetteerError(f"entry {actor_id!r}: missing 'name' and 'type' (no earlier "
                                 "actor has this id to extend)", path=name, line=line)
        return Actor(**entry)
    if "name" in entry or "type" in entry:
        raise GazetteerError(f"entry {actor_id!r}: duplicate id (to extend it, give only id "
                             f"and list fields)", path=name, line=line)
    extended = {key: tuple(dict.fromkeys((*getattr(earlier, key), *entry.get(key, ()))))
                for key in LIST_FIELDS}
    extended.update({key: entry[key] for key in ("country", "role") if entry.get(key)})
    return replace(earlier, **extended)


def _parse_gazetteer(name: str, text: str) -> tuple[list[tuple[int, dict]], list[str]]:
    """The entries (each with its line) and ignore phrases of one gazetteer file, read as
    plain data: no tags, anchors or aliases (``read_data``)."""
    data = read_data(text, path=name, error=GazetteerError)
    root = data.value
    if isinstance(root, dict) and isinstance(root.get("actors"), list):
        entries = root["actors"]
        phrases = root.get("ignore")
        phrases = [] if phrases is None else phrases
        if not isinstance(phrases, list) or not all(isinstance(p, str) for p in phrases):
            raise GazetteerError("'ignore' must be a list of strings", path=name,
                                 line=data.line(phrases) or 1)
    elif isinstance(root, list):
        entries, phrases = root, []
    else:
        raise GazetteerError("expected a list of actors, or a mapping with an 'actors' list",
                             path=name, line=1)
    parsed = []
    for index, entry in enumerate(entries):
        line = data.line(entry) or data.line(entries) or 1
        parsed.append((line, _entry_fields(entry, name=name, line=line, index=index)))
    return parsed, phrases


def _entry_fields(entry: object, *, name: str, line: int, index: int) -> dict:
    """An entry's fields, checked and cleaned; ``name`` and ``type`` only where given."""
    if not isinstance(entry, dict):
        raise GazetteerError(f"entry {index + 1}: expected a mapping, got {type(entry).__name__}",
                             path=name, line=line)
    label = repr(entry["id"]) if isinstance(entry.get("id"), str) and entry["id"] else (
        f"{index + 1}")
    extends = set(entry) - set(LIST_FIELDS) - {"country", "role"} == {"id"}
    for required in _REQUIRED_FIELDS[:1] if extends else _REQUIRED_FIELDS:
        if entry.get(required) is None or entry.get(required) == "":
            raise GazetteerError(f"entry {label}: missing {required!r}", path=name, line=line)
    unknown = sorted(set(entry) - _ENTRY_FIELDS)
    if unknown:
        raise GazetteerError(f"entry {label}: unknown field(s) {', '.join(unknown)}",
                             path=name, line=line)
    for key in ("id", "name", "type", "country", "role"):
        if entry.get(key) is not None and not isinstance(entry[key], str):
            raise GazetteerError(f"entry {label}: {key!r} must be a string, not "
                                 f"{_kind(entry[key])}", path=name, line=line)
    if not extends and entry["type"] not in ACTOR_TYPES:
        raise GazetteerError(f"entry {label}: type {entry['type']!r} is not one of "
                             f"{', '.join(ACTOR_TYPES)}", path=name, line=line)
    fields: dict[str, object] = {"id": str(entry["id"])}
    if not extends:
        fields.update(name=str(entry["name"]), type=entry["type"])
    fields.update({key: str(entry[key]) for key in ("country", "role") if entry.get(key)})
    for key in LIST_FIELDS:
        value = entry.get(key)
        value = [] if value is None else [value] if isinstance(value, str) else value
        odd = next((v for v in value if not isinstance(v, str)), None) if isinstance(
            value, list) else value
        if not isinstance(value, list) or odd is not None or None in value:
            raise GazetteerError(f"entry {label}: {key!r} must be a list of strings, not "
                                 f"{_kind(odd)}", path=name, line=line)
        fields[key] = tuple(_LEADING_ARTICLE.sub("", str(v).strip())
                            for v in value if str(v).strip())
    return fields


def _kind(value: object) -> str:
    """A YAML value's kind, for a message (a bare ``yes`` is a string, ``true`` a boolean)."""
    kinds = {dict: "a mapping", list: "a list", bool: "a boolean (quote it)",
             int: "a number (quote it)", float: "a number (quote it)", type(None): "null"}
    return kinds.get(type(value), type(value).__name__)


def _leading_article() -> re.Pattern[str]:
    """A leading article of any packaged language ("the Kremlin" → "Kremlin")."""
    articles = sorted({article for code in available_languages()
                       for article in load_language(code).words("actors", "articles")})
    return re.compile(rf"^(?:{'|'.join(map(re.escape, articles))})\s+", re.IGNORECASE)


_LEADING_ARTICLE = _leading_article()


def variants(surface: str) -> tuple[str, ...]:
    """The alias, without a leading article, with its initialisms dotted or not ("U.N.
    Security Council"), and without apostrophes ("Peoples Army").

    Example:
        >>> variants("the People’s Army")
        ('People’s Army', 'Peoples Army')
    """
    surface = _LEADING_ARTICLE.sub("", surface.strip())
    forms = [surface]
    if " " in surface:  # "UN World Food Programme" and "U.N. World Food Programme"
        dotted = " ".join(_dotted(word) for word in surface.split())
        if dotted != surface:
            forms.append(dotted)
    forms += [form.replace("'", "").replace("’", "") for form in forms]
    return tuple(dict.fromkeys(forms))


_CAPITALS = re.compile(r"[A-Z]{2,3}")
_DOTTED_CAPITALS = re.compile(r"(?:[A-Z]\.){2,3}")


def _dotted(word: str) -> str:
    """An initialism of two or three capitals with dots, or without ("UN" ↔ "U.N.")."""
    if _CAPITALS.fullmatch(word):
        return "".join(f"{char}." for char in word)
    if _DOTTED_CAPITALS.fullmatch(word):
        return word.replace(".", "")
    return word


def _claim_key(surface: str) -> str:
    return surface.strip() if ACRONYM.match(surface) else fold_phrase(surface)
