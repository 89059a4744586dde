""":mod:`kursklib.checks`: check a public function's arguments against its type hints.

``@checked`` reads the hints once: each argument, given or default, must be of its type
(``Literal`` choices, lists of a type, ``None`` where the hint allows it; a string must
be text, without lone surrogates), within its ``Annotated`` bounds (``AtLeast``), a
column of a table (``ColumnOf``), and a table must have its columns (``Columns``).
Otherwise the call raises ``ArgumentError`` naming the function, the argument and what
it must be, before any work is done.
"""

from __future__ import annotations

import functools
import inspect
import math
import numbers
import re
import types
import typing
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar, Union, get_args, get_origin

import numpy as np
import pandas as pd

from .errors import ArgumentError

F = TypeVar("F", bound=Callable[..., Any])
_SHOWN_CHARS = 60
_SHOWN_COLUMNS = 12
_SURROGATE = re.compile("[\ud800-\udfff]")
_NAMES = {str: "a string", int: "a whole number", float: "a number", bool: "True or False",
          type(None): "None", pd.DataFrame: "a DataFrame", pd.Series: "a Series",
          Path: "a path", bytes: "bytes"}
# What passes for a list: the sequences a notebook holds (never a bare string).
_LISTS = (list, tuple, pd.Series, pd.Index, np.ndarray, pd.api.extensions.ExtensionArray)


@dataclass(frozen=True, init=False)
class Columns:
    """A table argument's columns: ``Annotated[pd.DataFrame, Columns("doc_id", ...)]``.

    Attributes:
        names: The columns the function reads.
        made_by: The function whose output has them, for the message.
        unique: A column whose values must be distinct (one row per actor, say).
    """

    names: tuple[str, ...]
    made_by: str
    unique: str

    def __init__(self, *names: str, made_by: str = "", unique: str = "") -> None:
        object.__setattr__(self, "names", names)
        object.__setattr__(self, "made_by", made_by)
        object.__setattr__(self, "unique", unique)

    def problem(self, value: pd.DataFrame, arguments: Mapping[str, object]) -> str | None:
        hint = f" (pass the output of {self.made_by})" if self.made_by else ""
        missing = [name for name in self.names if name not in value.columns]
        if missing:
            return f"lacks column(s) {', '.join(missing)}{hint}"
        if self.unique and self.unique in value.columns:
            repeated = value[self.unique][value[self.unique].duplicated()]
            if len(repeated):
                return (f"has more than one row for {self.unique} {_show(repeated.iloc[0])}"
                        f"{hint}")
        return None


@dataclass(frozen=True)
class AtLeast:
    """A number's lower bound: ``Annotated[int, AtLeast(1)]``."""

    low: float

    def problem(self, value: float, arguments: Mapping[str, object]) -> str | None:
        if value >= self.low:
            return None
        return f"must be at least {self.low:g}, not {_show(value)}"


@dataclass(frozen=True)
class ColumnOf:
    """A string naming a column of another argument, a table: ``ColumnOf("table")``."""

    table: str

    def problem(self, value: str, arguments: Mapping[str, object]) -> str | None:
        table = arguments.get(self.table)
        if not isinstance(table, pd.DataFrame) or value in table.columns:
            return None
        return f"{value!r} is not a column of {self.table} ({_columns(table)})"


Count = Annotated[int, AtLeast(0)]
Positive = Annotated[int, AtLeast(1)]


def checked(function: F) -> F:
    """Check every argument of a call of ``function`` against its hints first."""
    signature = inspect.signature(function)
    hints: dict[str, object] = {}

    @functools.wraps(function)
    def call(*args: object, **kwargs: object) -> object:
        if not hints:  # read late: a hint may name what its module defines further down
            hints.update(typing.get_type_hints(function, include_extras=True))
            hints.setdefault("", None)
        try:
            bound = signature.bind(*args, **kwargs)
        except TypeError as error:
            raise ArgumentError(f"{function.__name__}: {error}") from None
        bound.apply_defaults()
        arguments = bound.arguments
        for name, label, value in _given(signature, arguments):
            if name in hints:
                problem = _problem(value, hints[name], arguments)
                if problem:
                    raise ArgumentError(f"{function.__name__}: {label} {problem}")
        return function(*args, **kwargs)

    return call  # type: ignore[return-value]


def known_documents(function: str, tables: Mapping[str, pd.DataFrame], documents: pd.DataFrame
                    ) -> None:
    """Refuse tables that name documents ``documents`` lacks (tables from another corpus)."""
    known = set(documents["doc_id"].astype(str))
    for name, table in tables.items():
        unknown = set(table["doc_id"].astype(str).unique()) - known
        if unknown:
            shown = ", ".join(map(repr, sorted(unknown)[:5]))
            raise ArgumentError(f"{function}: {name} names documents that documents lacks "
                                f"(doc_id {shown}): pass tables of one corpus")


def _given(signature: inspect.Signature, arguments: Mapping[str, object]
           ) -> Iterator[tuple[str, str, object]]:
    """Each argument: its parameter, how to name it, its value (``*paths`` one by one)."""
    for name, value in arguments.items():
        kind = signature.parameters[name].kind
        if kind is inspect.Parameter.VAR_POSITIONAL:
            yield from ((name, f"{name}[{index}]", item) for index, item in enumerate(value))
        elif kind is inspect.Parameter.VAR_KEYWORD:
            yield from ((name, key, item) for key, item in value.items())
        else:
            yield name, name, value


def _problem(value: object, hint: object, arguments: Mapping[str, object]) -> str | None:
    """What is wrong with ``value`` as a ``hint``, or ``None``."""
    members = _members(hint)
    fitting = [member for member in members if _fits(value, _base(member))]
    if not fitting:
        expected = " or ".join(dict.fromkeys(_describe(member) for member in members))
        return f"must be {expected}, not {_show(value)}"
    if isinstance(value, str) and _SURROGATE.search(value):
        where = _SURROGATE.search(value).start()  # type: ignore[union-attr]
        return f"holds a lone surrogate at character {where}: not text (decode it first)"
    problem = None
    for member in fitting:
        problem = next(filter(None, (extra.problem(value, arguments)
                                     for extra in _extras(member))), None)
        if problem is None:
            return None
    return problem


def _members(hint: object) -> tuple[object, ...]:
    if get_origin(hint) in (Union, types.UnionType):
        return get_args(hint)
    return (hint,)


def _base(hint: object) -> object:
    return get_args(hint)[0] if get_origin(hint) is Annotated else hint


def _extras(hint: object) -> tuple[Any, ...]:
    if get_origin(hint) is not Annotated:
        return ()
    return tuple(extra for extra in hint.__metadata__ if hasattr(extra, "problem"))


def _fits(value: object, hint: object) -> bool:
    """Whether ``value`` is of type ``hint`` (elements of a list included)."""
    if hint is Any or hint is object:
        return True
    if hint is None or hint is type(None):
        return value is None
    origin = get_origin(hint)
    if origin is Literal:
        return _is_scalar(value) and any(
            value == choice and isinstance(value, bool) == isinstance(choice, bool)
            for choice in get_args(hint))
    if origin in (Union, types.UnionType):
        return any(_fits(value, _base(member)) for member in get_args(hint))
    if origin is not None:
        return _fits_generic(value, origin, get_args(hint))
    if hint is int:
        return isinstance(value, numbers.Integral) and not isinstance(value, bool)
    if hint is float:
        return (isinstance(value, numbers.Real) and not isinstance(value, bool)
                and not (isinstance(value, float) and math.isnan(value)))
    if hint is bool:
        return isinstance(value, (bool, np.bool_))
    if isinstance(hint, type):
        return isinstance(value, hint)
    return True  # a hint this checker does not read (a TypeVar, a string left unresolved)


def _fits_generic(value: object, origin: object, args: tuple[object, ...]) -> bool:
    """Lists, tuples, dicts and callables of the given element types."""
    if origin is Callable or origin is typing.Callable:  # noqa: PLR1714 (both spellings)
        return callable(value)
    if isinstance(origin, type) and issubclass(origin, Mapping) or origin is dict:
        return isinstance(value, Mapping) and all(
            _fits(key, _base(args[0])) and _fits(item, _base(args[1]))
            for key, item in value.items()) if len(args) == 2 else isinstance(value, Mapping)
    if isinstance(value, (str, bytes, Mapping, pd.DataFrame)):
        return False
    if origin in (list, tuple, set, frozenset):
        if not isinstance(value, origin):
            return False
    elif not isinstance(value, _LISTS) and not (isinstance(origin, type)
                                                and isinstance(value, origin)):
        return False
    if not args or not hasattr(value, "__len__"):
        return True
    if origin is tuple and args[-1] is not Ellipsis:
        return len(value) == len(args) and all(  # type: ignore[arg-type]
            _fits(item, _base(arg)) for item, arg in zip(value, args))  # type: ignore[call-overload]
    element = _base(args[0])
    return all(_fits(item, element) for item in value)  # type: ignore[attr-defined]


def _is_scalar(value: object) -> bool:
    return isinstance(value, (str, numbers.Number, np.generic)) or value is None


def _describe(hint: object) -> str:
    """``hint`` in words: "a string", "one of 'g2', 'chi2'", "a list of strings"."""
    hint = _base(hint)
    origin = get_origin(hint)
    if origin is Literal:
        return "one of " + ", ".join(map(repr, get_args(hint)))
    if origin in (Union, types.UnionType):
        return " or ".join(_describe(member) for member in get_args(hint))
    if origin is Callable or origin is typing.Callable:
        return "a function"
    if origin is not None:
        args = get_args(hint)
        if isinstance(origin, type) and issubclass(origin, Mapping):
            return "a mapping"
        if not args or args[0] is Any or args[0] is object:
            return "a list"
        if get_origin(_base(args[0])) is Literal:
            return f"a list of values from {', '.join(map(repr, get_args(_base(args[0]))))}"
        return f"a list of {_plural(_describe(args[0]))}"
    if hint in _NAMES:
        return _NAMES[hint]  # type: ignore[index]
    return f"a {getattr(hint, '__name__', hint)}"


def _plural(description: str) -> str:
    """ "a string" → "strings", "a whole number" → "whole numbers"."""
    words = description.removeprefix("a ").removeprefix("an ")
    return words if " or " in words else f"{words}s"


def _show(value: object) -> str:
    """A value in a message: its repr when short and plain, else its kind."""
    if value is None or isinstance(value, (bool, numbers.Number)):
        return repr(value)
    if isinstance(value, str):
        text = repr(value)
        return text if len(text) <= _SHOWN_CHARS else text[:_SHOWN_CHARS - 4] + "...'"
    if isinstance(value, pd.DataFrame):
        return f"a DataFrame ({_columns(value)})"
    if isinstance(value, (list, tuple, set)):
        text = repr(value)
        return text if len(text) <= _SHOWN_CHARS else text[:_SHOWN_CHARS - 4] + " ..."
    return f"a {type(value).__name__}"


def _columns(table: pd.DataFrame) -> str:
    names = [str(name) for name in table.columns]
    if not names:
        return "no columns"
    shown = ", ".join(names[:_SHOWN_COLUMNS]) + (", ..." if len(names) > _SHOWN_COLUMNS else "")
    return f"columns: {shown}"
