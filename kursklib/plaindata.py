""":mod:`kursklib.plaindata`: read YAML text as plain JSON data, nothing more, within bounds."""

from __future__ import annotations

import gc
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .errors import KursklibError, first_line

# libyaml's parser where installed: it streams events without recursion, and fast.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# JSON's scalars, as YAML 1.2 spells them: "yes", "1:30", "0x1F" and "2024-01-01" stay strings.
_NULL = re.compile(r"~|null|Null|NULL|")
_TRUE, _FALSE = re.compile(r"true|True|TRUE"), re.compile(r"false|False|FALSE")
_INT = re.compile(r"[-+]?[0-9]+")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
                    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)")
# Deeper data has no use in a parameter or a gazetteer, and would strain recursive readers.
MAX_DEPTH = 64
MAX_NODES = 5_000_000
_SCALAR_STARTS = frozenset("~nNtTfF-+.0123456789")
_ENDS = (yaml.SequenceEndEvent, yaml.MappingEndEvent)
_NODES = (yaml.ScalarEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent, yaml.AliasEvent)
_SHORT_TAGS = {"tag:yaml.org,2002:": "!!"}


@dataclass
class PlainData:
    """Data read from YAML text, and the line each list and mapping in it starts on.

    Attributes:
        value: ``None``, ``bool``, ``int``, ``float``, ``str``, or lists and dicts
            (with string keys) of those.
    """

    value: object
    _lines: dict[int, int] = field(default_factory=dict, repr=False)

    def line(self, container: object) -> int | None:
        """The 1-based line where a list or dict of ``value`` starts."""
        return self._lines.get(id(container))


_NO_KEY = object()


@dataclass
class _Frame:
    container: list | dict
    key: object = _NO_KEY  # a mapping's key waiting for its value
    last: str = ""  # the key of the value being read


def read_data(text: str, *, path: str | Path | None = None,
              error: type[KursklibError] = KursklibError, what: str = "",
              max_depth: int = MAX_DEPTH, max_nodes: int = MAX_NODES) -> PlainData:
    """Read one YAML (or JSON) document as plain data; refuse anything that is not data.

    Scalars resolve as in JSON (``yes`` and ``2024-01-01`` are strings). Refused, with a
    one-line ``error`` naming ``path``, the line and where in the data: explicit tags
    (``!!binary``, ``!!python/...``), anchors and aliases, merge keys (``<<``), keys
    that are not strings, duplicate keys, numbers that are not finite, more than one
    document, nesting deeper than ``max_depth`` and more than ``max_nodes`` values. The
    text is read as a stream of events, without recursion and without expanding anything.

    Args:
        what: Prefix for messages (e.g. ``"parameter 'top': "``).

    Example:
        >>> read_data("[said, yes, 2024-01-01, 5]").value
        ['said', 'yes', '2024-01-01', 5]
    """
    def fail(problem: str, line: int | None) -> KursklibError:
        return error(f"{what}{problem}", path=path, line=line)

    data = PlainData(None)
    stack: list[_Frame] = []
    documents = nodes = 0
    collecting = gc.isenabled()
    gc.disable()  # many small containers: collection passes would only slow the read
    try:
        for event in yaml.parse(text, Loader=_LOADER):
            kind = type(event)
            if kind in _ENDS:
                stack.pop()
                continue
            if kind not in _NODES:
                if kind is yaml.DocumentStartEvent:
                    documents += 1
                    if documents > 1:
                        raise fail("more than one YAML document", _line(event))
                continue
            if kind is yaml.AliasEvent or event.anchor is not None:
                raise fail(f"{_where(stack)}anchors and aliases (&, *) are not allowed: "
                           "write the value out", _line(event))
            if event.tag is not None:
                raise fail(f"{_where(stack)}tag {_short(event.tag)} is not allowed (values "
                           "are plain data)", _line(event))
            nodes += 1
            if nodes > max_nodes:
                raise fail(f"more than {max_nodes} values", _line(event))
            if kind is yaml.ScalarEvent:
                plain = not event.style
                value = _scalar(event.value) if plain else event.value
                if value.__class__ is float and not math.isfinite(value):
                    raise fail(f"{_where(stack)}{event.value} is not a finite number",
                               _line(event))
            else:
                plain = False
                value = [] if kind is yaml.SequenceStartEvent else {}
                data._lines[id(value)] = _line(event)
            if not stack:
                data.value = value
            else:
                frame = stack[-1]
                container = frame.container
                if container.__class__ is list:
                    container.append(value)
                elif frame.key is _NO_KEY:
                    if value.__class__ is not str or (plain and value == "<<") or (
                            value in container):
                        raise fail(f"{_where(stack)}{_bad_key(value, plain)}", _line(event))
                    frame.key = value
                else:
                    container[frame.key] = value
                    frame.last, frame.key = frame.key, _NO_KEY
            if value.__class__ is list or value.__class__ is dict:
                if len(stack) >= max_depth:
                    raise fail(f"nested deeper than {max_depth} levels", _line(event))
                stack.append(_Frame(value))
    except yaml.MarkedYAMLError as failure:
        mark = failure.problem_mark or failure.context_mark
        raise fail(f"YAML syntax error: {first_line(failure.problem or failure.context)}",
                   mark.line + 1 if mark else None) from None
    except yaml.YAMLError as failure:
        raise fail(f"not YAML ({_reader_problem(failure)})", None) from None
    finally:
        if collecting:
            gc.enable()
    return data


def _line(event: yaml.Event) -> int | None:
    return event.start_mark.line + 1 if event.start_mark else None


def _scalar(text: str) -> object:
    """A plain scalar's value under JSON's rules (quoted and block scalars are strings)."""
    if text and text[0] not in _SCALAR_STARTS:
        return text
    if _NULL.fullmatch(text):
        return None
    if _TRUE.fullmatch(text):
        return True
    if _FALSE.fullmatch(text):
        return False
    if _INT.fullmatch(text):
        return int(text)
    if _FLOAT.fullmatch(text):
        return float(text.replace(".inf", "inf").replace(".Inf", "inf").replace(".INF", "inf")
                     .replace(".nan", "nan").replace(".NaN", "nan").replace(".NAN", "nan"))
    return text


def _bad_key(key: object, plain: bool) -> str:
    if not isinstance(key, str):
        return f"mapping keys must be strings, not {_kind(key)}"
    if plain and key == "<<":
        return "merge keys (<<) are not allowed: write the entries out"
    return f"duplicate key {key!r}"


def _where(stack: list[_Frame]) -> str:
    """Where the next value goes, as ``[2].aliases[0]: `` (empty at the top)."""
    parts = []
    for depth, frame in enumerate(stack):
        inner = depth < len(stack) - 1  # a container being read, not the next slot
        if isinstance(frame.container, list):
            parts.append(f"[{len(frame.container) - inner}]")
        else:
            key = frame.last if inner else frame.key
            if key is not _NO_KEY:
                parts.append(f".{key}" if parts else str(key))
    return f"{''.join(parts)}: " if parts else ""


def _kind(value: object) -> str:
    return {dict: "a mapping", list: "a list", type(None): "null", bool: "a boolean",
            int: "a number", float: "a number"}.get(type(value), type(value).__name__)


def _short(tag: str) -> str:
    for long, short in _SHORT_TAGS.items():
        if tag.startswith(long):
            return short + tag[len(long):]
    return tag


def _reader_problem(failure: yaml.YAMLError) -> str:
    if isinstance(failure, yaml.reader.ReaderError):
        return f"{failure.reason} at character {failure.position}"
    return first_line(failure) or type(failure).__name__
