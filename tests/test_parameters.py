"""Tests for kursklib.parameters: the notebooks' parameters cells and -p values for them."""

from __future__ import annotations

import ast
import typing
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kursklib.errors import KursklibError, NotebookError
from kursklib.events import EventPeriod
from kursklib.figure_run import select_notebooks
from kursklib.parameters import CLI_PARAMETERS, declared_parameters, parse_parameters
from kursklib.project import notebooks_dir
from kursklib.variables import PERIODS

NOTEBOOKS = select_notebooks(notebooks_dir())
DECLARED = {notebook: declared_parameters(notebook) for notebook in NOTEBOOKS}
TIMELINE = next(notebook for notebook in NOTEBOOKS if notebook.stem == "03-timeline")


def _parse(**values):
    return parse_parameters(values, DECLARED)


def test_every_notebook_declares_typed_commented_parameters_and_the_cli_ones():
    for parameters in DECLARED.values():
        assert {"corpus_dir", "output_dir", "gazetteer_path", "gazetteer_only"} <= set(parameters)
        assert all(parameter.help for parameter in parameters.values())


def test_declared_choices_are_the_library_ones():
    by_notebook = {notebook.stem: parameters for notebook, parameters in DECLARED.items()}
    for stem in ("01-term-frequency", "02-actor-mentions"):
        assert set(by_notebook[stem]["period"].choices) == {"auto", *PERIODS}
    assert set(by_notebook["03-timeline"]["period"].choices) == set(typing.get_args(EventPeriod))
    assert by_notebook["02-actor-mentions"]["unit"].choices == ("sentence", "document")
    assert "day" in by_notebook["03-timeline"]["granularities"].choices


def test_a_str_parameter_takes_the_text_as_written():
    values = _parse(date_from="2024-11-01", group_by="[source]", target="yes", period="week")
    assert values[TIMELINE] == {"date_from": "2024-11-01", "period": "week"}
    assert {value.get("group_by") for value in values.values()} == {None, "[source]"}


def test_other_parameters_are_read_as_plain_data():
    values = _parse(top="5", extra_stopwords='[said, "yes", 2024-01-01]')
    first = next(iter(values.values()))
    assert first == {"top": 5, "extra_stopwords": ["said", "yes", "2024-01-01"]}


@pytest.mark.parametrize("name, value, message", [
    ("extra_stopwords", "[unclosed", "parameter 'extra_stopwords': YAML syntax error"),
    ("extra_stopwords", "!!set {a: null}", "parameter 'extra_stopwords': tag !!set is not"),
    ("extra_stopwords", "[!!binary aGVsbG8=]", "parameter 'extra_stopwords': [0]: tag !!binary"),
    ("terms", "!!python/object/apply:os.system [echo hi]", "tag !!python/object/apply:os.system"),
    ("top", "many", "parameter 'top' expects int, got 'many'"),
    ("top", "true", "parameter 'top' expects int, got true"),
    ("period", "sideways", "parameter 'period': must be one of day, week, month, quarter"),
    ("granularities", "[day, dya]", "parameter 'granularities': each item must be one of"),
    ("unit", "paragraph", "parameter 'unit': must be one of sentence, document, not"),
    ("colour", "red", "no notebook has a parameter 'colour'"),
    ("corpus_dir", "x", "set corpus_dir with --corpus, not -p"),
    ("columns", "{}", "set columns with --column, not -p"),
])
def test_bad_values_are_one_line_errors_naming_the_parameter(name, value, message):
    with pytest.raises(NotebookError) as caught:
        _parse(**{name: value})
    assert message in str(caught.value) and "\n" not in str(caught.value)


def _is_plain(value: object) -> bool:
    if isinstance(value, list):
        return all(_is_plain(item) for item in value)
    if isinstance(value, dict):
        return all(type(key) is str and _is_plain(item) for key, item in value.items())
    return type(value) in (str, int, float, bool, type(None))


YAMLISH = st.one_of(
    st.text(),
    st.lists(st.sampled_from(["!!binary aGk=", "!!set {a: null}", "!!python/object/apply:os."
                              "system [true]", "&a x", "*a", "[", "]", "{", "}", ",", ":", " ",
                              "- ", "\n", "day", "5", "1e400", ".nan", "'q", '"', "<<: ",
                              "!!str 1", "? "]), max_size=12).map("".join))
NAMES = sorted({name for parameters in DECLARED.values() for name in parameters} - set(
    CLI_PARAMETERS))


@settings(max_examples=300, deadline=None)
@given(name=st.sampled_from(NAMES), text=YAMLISH)
def test_any_value_is_plain_data_in_a_literal_cell_or_a_one_line_error(name, text):
    from papermill.translators import PythonTranslator

    try:
        values = _parse(**{name: text})
    except KursklibError as error:
        assert "\n" not in str(error) and name in str(error)
        return
    for chosen in values.values():
        assert _is_plain(chosen)
        # what papermill injects: assignments of literals only, nothing that could run
        cell = ast.parse(PythonTranslator.codify(chosen))
        assert all(isinstance(node, ast.Assign) for node in cell.body)
        assert {node.targets[0].id: ast.literal_eval(node.value) for node in cell.body} == chosen


def test_a_cell_that_is_not_declarations_is_an_error(tmp_path):
    import json

    notebook = tmp_path / "x.ipynb"
    notebook.write_text(json.dumps({"cells": [{"cell_type": "code", "metadata": {
        "tags": ["parameters"]}, "source": "import os\n"}]}))
    with pytest.raises(NotebookError, match="x.ipynb: line 1 of the parameters cell is not"):
        declared_parameters(notebook)
    with pytest.raises(NotebookError, match="cannot read the parameters cell"):
        declared_parameters(Path(tmp_path / "missing.ipynb"))
