"""The notebooks' parameters: as each parameters cell declares them, and ``-p`` values for them.

A parameters cell declares one parameter a line, ``name: type = default  # comment``. A
comment that ends with ``[a|b|c]`` declares the allowed values (for a ``list``, of each
item); the CLI checks them before any kernel starts, and lists them in ``kursk figures
--help``. Values are read as plain data (:func:`kursklib.plaindata.read_data`), never
as code; a ``str`` parameter takes the text as written.
"""

from __future__ import annotations

import ast
import io
import json
import re
import tokenize
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .errors import NotebookError
from .plaindata import read_data

# Set by kursk figures from its own options, never with -p.
CLI_PARAMETERS = {"corpus_dir": "--corpus", "output_dir": "--output",
                  "gazetteer_path": "--gazetteer", "gazetteer_only": "--gazetteer-only",
                  "columns": "--column", "recursive": "--recursive"}
TYPES: dict[str, type | tuple[type, ...]] = {
    "int": int, "float": (int, float), "str": str, "bool": bool, "list": list, "dict": dict}
_CHOICES = re.compile(r"\[([\w-]+(?:\|[\w-]+)+)\]\s*$")


@dataclass(frozen=True)
class Parameter:
    """One line of a parameters cell.

    Attributes:
        type: ``int``, ``float``, ``str``, ``bool``, ``list`` or ``dict``.
        default: The default as written in the cell.
        help: The line's comment.
        choices: The allowed values (of each item, for a list); empty if any.
    """

    name: str
    type: str
    default: str
    help: str
    choices: tuple[str, ...] = ()


def declared_parameters(notebook: Path) -> dict[str, Parameter]:
    """The parameters a notebook's cell tagged ``parameters`` declares, in order."""
    try:
        cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
        source = next("".join(cell["source"]) for cell in cells
                      if "parameters" in cell.get("metadata", {}).get("tags", []))
    except (OSError, ValueError, KeyError, TypeError, StopIteration) as error:
        problem = getattr(error, "strerror", None) or "no cell tagged parameters"
        raise NotebookError(f"cannot read the parameters cell ({problem})",
                            path=notebook) from None
    comments = {token.start[0]: token.string.lstrip("#").strip() for token in
                tokenize.generate_tokens(io.StringIO(source).readline)
                if token.type == tokenize.COMMENT}
    declared = {}
    for node in ast.parse(source).body:
        if not (isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name)
                and isinstance(node.annotation, ast.Name) and node.value is not None
                and node.annotation.id in TYPES):
            raise NotebookError(f"line {node.lineno} of the parameters cell is not "
                                "'name: type = default  # comment'", path=notebook)
        comment = comments.get(node.lineno, "")
        choices = _CHOICES.search(comment)
        declared[node.target.id] = Parameter(
            node.target.id, node.annotation.id, ast.get_source_segment(source, node.value),
            comment, tuple(choices.group(1).split("|")) if choices else ())
    return declared


def parse_parameters(values: Mapping[str, str], declared: Mapping[Path, Mapping[str, Parameter]]
                     ) -> dict[Path, dict[str, object]]:
    """Each notebook's ``-p`` values, read as plain data and checked against its cell.

    Args:
        values: Parameter name to the text given on the command line.
        declared: Each notebook to run, with :func:`declared_parameters` of it.

    Returns:
        Each notebook's values for the parameters it declares.

    Raises:
        NotebookError: A parameter no notebook declares, one the CLI sets itself, or a
            value that is not plain data, not of the declared type or not an allowed one.
    """
    chosen: dict[Path, dict[str, object]] = {notebook: {} for notebook in declared}
    for name, text in values.items():
        if name in CLI_PARAMETERS:
            raise NotebookError(f"set {name} with {CLI_PARAMETERS[name]}, not -p")
        owners = [notebook for notebook, parameters in declared.items() if name in parameters]
        if not owners:
            raise NotebookError(f"no notebook has a parameter {name!r}")
        value: object = text
        for notebook in owners:
            parameter = declared[notebook][name]
            if parameter.type != "str" and value is text:
                value = read_data(text, error=NotebookError, what=f"parameter {name!r}: ").value
            chosen[notebook][name] = check_value(parameter, text if parameter.type == "str"
                                                 else value, notebook)
    return chosen


def check_value(parameter: Parameter, value: object, notebook: Path) -> object:
    """``value`` if it is of the parameter's type and among its choices, else an error."""
    expected = TYPES[parameter.type]
    if not isinstance(value, expected) or (isinstance(value, bool) and parameter.type != "bool"):
        raise NotebookError(f"parameter {parameter.name!r} expects {parameter.type}, got "
                            f"{_shown(value)}", path=notebook)
    if parameter.choices:
        items = value if isinstance(value, list) else [value]
        wrong = [item for item in items if item not in parameter.choices]
        if wrong:
            each = "each item " if isinstance(value, list) else ""
            raise NotebookError(f"parameter {parameter.name!r}: {each}must be one of "
                                f"{', '.join(parameter.choices)}, not {_shown(wrong[0])}",
                                path=notebook)
    return value


def describe_parameters(declared: Mapping[Path, Mapping[str, Parameter]]) -> str:
    """The parameters of every notebook, as ``kursk figures --help`` lists them."""
    lines = ["notebook parameters (-p NAME VALUE; values are YAML, a str parameter takes the "
             "text as written):"]
    for notebook, parameters in declared.items():
        lines.append(f"  {notebook.stem}")
        shown = [(f"{p.name}: {p.type} = {p.default}", p.help) for p in parameters.values()
                 if p.name not in CLI_PARAMETERS]
        width = max((len(head) for head, _ in shown), default=0)
        lines += [f"    {head:<{width}}  {comment}" for head, comment in shown]
    return "\n".join(lines)


def _shown(value: object) -> str:
    return repr(value) if isinstance(value, str) else json.dumps(value)
