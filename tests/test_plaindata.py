"""Parameter values and gazetteers are plain data: no tags, no aliases, within bounds."""

import time

import pytest

from kursklib import KursklibError, load_gazetteer
from kursklib.cli import main
from kursklib.errors import GazetteerError
from kursklib.plaindata import read_data


def test_scalars_read_as_json_spells_them():
    assert read_data("[yes, 2024-01-01, 5, 1.5, null, true, '07']").value == [
        "yes", "2024-01-01", 5, 1.5, None, True, "07"]


@pytest.mark.parametrize("text, problem", [
    ("!!binary aGVsbG8=", "tag !!binary"),
    ("[!!set {a: null}]", "tag !!set"),
    ("!!python/object/apply:os.system [echo]", "tag !!python/object/apply:os.system"),
    ("a: &x [1]\nb: *x", "anchors and aliases"),
    ("{<<: {a: 1}}", "merge"),
])
def test_anything_but_data_is_refused_naming_it(text, problem):
    with pytest.raises(KursklibError, match="not allowed") as caught:
        read_data(text)
    assert problem.split()[0] in str(caught.value)


def test_billion_laughs_gazetteer_is_refused_at_once(tmp_path):
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 9)]
    path = tmp_path / "lol.yaml"
    path.write_text("\n".join([*lines, "actors: [{id: *a8, name: x, type: person}]"]) + "\n")
    started = time.monotonic()
    with pytest.raises(GazetteerError, match=r"lol\.yaml:1: .*anchors and aliases"):
        load_gazetteer(path)
    assert time.monotonic() - started < 5


def test_tagged_value_in_a_list_parameter_never_reaches_a_kernel(tmp_path, capsys):
    assert main(["figures", "--output", str(tmp_path / "out"),
                 "-p", "extra_stopwords", "[!!binary aGVsbG8=]"]) == 1
    err = capsys.readouterr().err
    assert "parameter 'extra_stopwords'" in err and "!!binary is not allowed" in err
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
