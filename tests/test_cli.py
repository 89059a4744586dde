"""Tests for kursklib.cli: the kursk command."""

from __future__ import annotations

from kursklib.cli import main
from tests.conftest import SEEDS


def test_kursk_info_lists_seed_documents(capsys):
    assert main(["info", str(SEEDS)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 5
    assert lines[1].split("\t")[:3] == [
        "001_7aa5fc03dc7aa8de", "2025-04-28",
        "Russia and North Korea Confirm DPRK Soldiers Fought Alongside Russians in Kursk"]
    assert lines[0].split("\t")[2] == "(no title)"
    assert lines[4].endswith("21 sentences\t3739 chars")


def test_kursk_info_bad_corpus_is_one_line_error(tmp_path, capsys):
    assert main(["info", str(tmp_path / "nowhere")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "nowhere: corpus folder or file does not exist" in err
