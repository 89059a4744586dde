"""Tests for kursklib.publish: staging inside the output, published all or nothing."""

from __future__ import annotations

import os

import pytest

import kursklib.publish
from kursklib.errors import OutputError
from kursklib.publish import Staging, check_writable


def _tree(folder):
    return {str(path.relative_to(folder)): path.read_bytes() if path.is_file() else None
            for path in sorted(folder.rglob("*"))}


def _previous(tmp_path):
    output = tmp_path / "out"
    (output / "executed").mkdir(parents=True)
    for name in ("a.csv", "b.png", "c.svg", "executed/01.ipynb", "kept.txt"):
        (output / name).write_bytes(f"old {name}".encode())
    return output


def _stage(staging):
    (staging.folder / "executed").mkdir()
    for name in ("a.csv", "b.png", "c.svg", "d.csv", "executed/01.ipynb"):
        (staging.folder / name).write_bytes(f"new {name}".encode())


def test_publish_replaces_the_staged_files_and_keeps_the_rest(tmp_path):
    output = _previous(tmp_path)
    with Staging(output) as staging:
        assert staging.folder.parent == output  # on the output's own file system
        _stage(staging)
        written = staging.publish()
    assert sorted(path.name for path in written) == ["01.ipynb", "a.csv", "b.png", "c.svg",
                                                     "d.csv"]
    assert (output / "b.png").read_bytes() == b"new b.png"
    assert (output / "executed/01.ipynb").read_bytes() == b"new executed/01.ipynb"
    assert (output / "kept.txt").read_bytes() == b"old kept.txt"
    assert sorted(path.name for path in output.iterdir()) == [
        "a.csv", "b.png", "c.svg", "d.csv", "executed", "kept.txt"]


@pytest.mark.parametrize("failing", [1, 2, 3, 6, 9])
def test_a_failure_mid_publish_leaves_the_previous_output_as_it_was(tmp_path, monkeypatch,
                                                                    failing):
    output = _previous(tmp_path)
    before = _tree(output)
    calls = []
    rename = os.rename

    def flaky(source, target):
        calls.append(source)
        if len(calls) == failing:
            raise OSError(5, "Input/output error", str(target))
        rename(source, target)

    with pytest.raises(OutputError, match="cannot write .*the previous files are kept"):
        with Staging(output) as staging:
            _stage(staging)
            monkeypatch.setattr(kursklib.publish.os, "rename", flaky)
            staging.publish()
    assert _tree(output) == before


def test_a_folder_where_a_file_goes_fails_before_anything_moves(tmp_path):
    output = _previous(tmp_path)
    (output / "d.csv").mkdir()
    before = _tree(output)
    with pytest.raises(OutputError, match="d.csv: is a folder where a file is to be written"):
        with Staging(output) as staging:
            _stage(staging)
            staging.publish()
    assert _tree(output) == before


def test_a_failed_run_into_a_new_folder_leaves_nothing(tmp_path):
    with pytest.raises(KeyboardInterrupt), Staging(tmp_path / "new" / "out") as staging:
        (staging.folder / "a.csv").write_text("x")
        raise KeyboardInterrupt
    assert list(tmp_path.iterdir()) == []


def test_check_writable_names_the_output_and_the_reason(tmp_path, monkeypatch):
    (tmp_path / "file").write_text("x")
    with pytest.raises(OutputError, match="file/out: cannot write output folder .* is not a "
                       "folder"):
        check_writable(tmp_path / "file" / "out")
    monkeypatch.setattr(kursklib.publish.os, "access", lambda path, mode: False)
    with pytest.raises(OutputError, match="new/out: cannot write output folder .* is not "
                       "writable"):
        check_writable(tmp_path / "new" / "out")
