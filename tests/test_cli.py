"""Tests for kursklib.cli: the kursk command."""

from __future__ import annotations

import sys

import pytest

import kursklib.cluster
from kursklib import KursklibError, load_gazetteer
from kursklib.cli import PROJECT_ROOT, main
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


def _second_corpus(tmp_path):
    folder = tmp_path / "other"
    folder.mkdir()
    (folder / "kyiv.txt").write_text(
        "Ukraine Reports Captured Soldiers\n\nOn Monday, Volodymyr Zelensky said Ukrainian "
        "forces captured two North Korean soldiers in Kursk Oblast. Kim Jong Un has not "
        "commented. The SBU released a video on January 11.\n", encoding="utf-8")
    (folder / "seoul.txt").write_text(
        "South Korea's National Intelligence Service said on January 12 that about 300 North "
        "Korean soldiers had died. The NIS added that Pyongyang may send more troops in "
        "March. Defense Minister Kim Yong Hyun was not present.\n", encoding="utf-8")
    (folder / "metadata.csv").write_text("doc_id,published\nkyiv,2025-01-13\nseoul,2025-01-13\n",
                                         encoding="utf-8")
    return folder


@pytest.mark.slow
def test_kursk_figures_runs_every_notebook_on_another_corpus(tmp_path, capsys):
    output = tmp_path / "out"
    assert main(["figures", "--corpus", str(_second_corpus(tmp_path)), "--output", str(output),
                 "-p", "top", "5", "-p", "period", "week"]) == 0
    names = {path.name for path in output.iterdir()}
    for stem in ("01-term-frequency-top-terms", "01-term-frequency-keyness",
                 "01-term-frequency-dispersion", "02-actor-mentions-top",
                 "02-actor-mentions-heatmap", "02-actor-mentions-network", "03-timeline-events"):
        assert {f"{stem}.png", f"{stem}.svg", f"{stem}.csv"} <= names
    assert {"02-actor-mentions-kwic.csv", "02-actor-mentions-unlisted.csv",
            "03-timeline-expressions.csv", "executed"} <= names
    timeline = (output / "03-timeline-events.csv").read_text(encoding="utf-8")
    assert "2025-01-11" in timeline and "2025-01-12" in timeline
    assert not list(tmp_path.glob(".out-staging-*"))


@pytest.mark.slow
def test_kursk_figures_failure_keeps_previous_figures(tmp_path, capsys):
    output = tmp_path / "out"
    output.mkdir()
    (output / "01-term-frequency-top-terms.png").write_bytes(b"previous")
    corpus = _second_corpus(tmp_path)
    assert main(["figures", "--corpus", str(corpus), "--output", str(output),
                 "-p", "period", "sideways"]) == 1
    err = capsys.readouterr().err
    assert "01-term-frequency.ipynb: cell" in err and "period must be" in err
    assert (output / "01-term-frequency-top-terms.png").read_bytes() == b"previous"
    assert not list(tmp_path.glob(".out-staging-*"))


@pytest.mark.slow
def test_kursk_figures_on_two_dask_workers_are_the_committed_figures(tmp_path, capsys,
                                                                      monkeypatch):
    monkeypatch.setenv("KURSKLIB_CACHE_DIR", str(tmp_path / "cache"))  # tagged afresh, on Dask
    output = tmp_path / "out"
    assert main(["figures", "--output", str(output), "--workers", "2"]) == 0
    assert len(list((tmp_path / "cache").glob("*/mentions/part-*.parquet"))) == 4
    committed = sorted(path for path in (PROJECT_ROOT / "figures").iterdir() if path.is_file())
    assert [path.name for path in committed] == sorted(
        path.name for path in output.iterdir() if path.is_file())
    for path in committed:
        assert (output / path.name).read_bytes() == path.read_bytes(), path.name


@pytest.mark.parametrize("parameter, message", [
    (["top", "many"], "01-term-frequency.ipynb: parameter 'top' expects int, got 'many'"),
    (["colour", "red"], "no notebook has a parameter 'colour'"),
    (["corpus_dir", "x"], "set corpus_dir with --corpus"),
])
def test_kursk_figures_rejects_bad_parameters_in_one_line(tmp_path, capsys, parameter, message):
    assert main(["figures", "--output", str(tmp_path / "out"), "-p", *parameter]) == 1
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err


@pytest.mark.parametrize("arguments, message", [
    (["figures", "--corpus", "{tmp}/nowhere"], "nowhere: corpus folder or file does not exist"),
    (["figures", "--output", "{tmp}/file/out"], "file/out: cannot write output folder"),
    (["figures", "--gazetteer", "{tmp}/broken.yaml"], "broken.yaml:2: YAML syntax error"),
    (["info", "{tmp}/file"], "file: not a corpus"),
])
def test_kursk_bad_input_is_one_line_error(tmp_path, capsys, arguments, message):
    (tmp_path / "file").write_text("x")
    (tmp_path / "broken.yaml").write_text("- id: [a\n", encoding="utf-8")
    assert main([argument.format(tmp=tmp_path) for argument in arguments]) == 1
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err


def test_kursk_debug_shows_the_traceback(tmp_path):
    with pytest.raises(KursklibError, match="does not exist"):
        main(["--debug", "info", str(tmp_path / "nowhere")])


def test_kursk_info_prints_warnings_as_lines(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Troops left.", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    assert main(["info", str(tmp_path)]) == 0
    err = capsys.readouterr().err
    assert err == f"kursk: warning: {tmp_path / 'empty.txt'}: empty file; skipped\n"


def test_kursk_tag_prints_the_folder_and_reuses_it(tmp_path, capsys):
    assert main(["tag", str(SEEDS), "--cache", str(tmp_path), "--batch-size", "2"]) == 0
    out, err = capsys.readouterr()
    folder = out.strip()
    assert (tmp_path / folder.rsplit("/", 1)[-1] / "manifest.json").is_file()
    assert "316 mentions" in err and "5 documents" in err
    assert main(["tag", str(SEEDS), "--cache", str(tmp_path)]) == 0
    assert capsys.readouterr().out.strip() == folder


def test_kursk_tag_bad_corpus_is_one_line_error(tmp_path, capsys):
    assert main(["tag", str(tmp_path / "nowhere"), "--cache", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "nowhere: corpus folder or file does not exist" in err
def test_kursk_gazetteer_suggest_writes_a_draft_that_loads(tmp_path, capsys):
    folder = tmp_path / "sudan"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "The Rapid Support Forces (RSF) attacked El Fasher. Mohamed Hamdan Dagalo, known as "
        "Hemedti, leads the RSF. Dagalo spoke.\n", encoding="utf-8")
    (folder / "b.txt").write_text("Hemedti said the RSF held El Fasher.\n", encoding="utf-8")
    draft = tmp_path / "draft.yaml"
    assert main(["gazetteer", "suggest", str(folder), "-o", str(draft)]) == 0
    assert "names written to" in capsys.readouterr().err
    actors = load_gazetteer(draft, include_default=False).actors
    assert actors["rapid_support_forces"].aliases == ("RSF",)
    assert actors["mohamed_hamdan_dagalo"].aliases == ("Hemedti",)
    assert actors["el_fasher"].type == "place"


@pytest.mark.parametrize("arguments, message", [
    (["gazetteer", "suggest", "{seeds}", "--gazetteer-only"], "--gazetteer-only needs a"),
    (["gazetteer", "suggest", "{seeds}", "--min-mentions", "0"], "--min-mentions must be"),
    (["gazetteer", "suggest", "{seeds}", "--gazetteer", "{missing}"],
     "missing.yaml: gazetteer file does not exist"),
    (["figures", "--gazetteer-only"], "--gazetteer-only needs a"),
])
def test_kursk_gazetteer_options_fail_in_one_line(tmp_path, capsys, arguments, message):
    filled = [a.format(seeds=SEEDS, missing=tmp_path / "missing.yaml") for a in arguments]
    assert main(filled) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err


def test_kursk_tag_without_dask_is_one_line_error(tmp_path, capsys, monkeypatch):
    monkeypatch.delitem(sys.modules, "kursklib.cluster")
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if not installed
    assert main(["tag", str(SEEDS), "--cache", str(tmp_path), "--workers", "2"]) == 1
    err = capsys.readouterr().err
    assert err == "kursk: error: --workers and --scheduler need Dask: pip install " \
        "'kursklib[dask]'\n"


@pytest.mark.parametrize("arguments, message", [
    (["--workers", "0"], "--workers must be 1 or more, not 0"),
    (["--workers", "1", "--scheduler", "tcp://127.0.0.1:9"],
     "give --workers or --scheduler, not both"),
    (["--scheduler", "tcp://127.0.0.1:9"],
     "cannot reach the Dask scheduler 'tcp://127.0.0.1:9' (Timed out trying to connect"),
    (["--scheduler", "nowhere"], "cannot reach the Dask scheduler 'nowhere' (missing port"),
])
def test_kursk_tag_bad_dask_arguments_are_one_line_errors(tmp_path, capsys, monkeypatch,
                                                           arguments, message):
    monkeypatch.setattr(kursklib.cluster, "CONNECT_TIMEOUT", "0.5s")
    assert main(["tag", str(SEEDS), "--cache", str(tmp_path), *arguments]) == 1
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err
    assert not list(tmp_path.iterdir())


def test_kursk_tag_reads_the_scheduler_from_the_environment(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("DASK_SCHEDULER_ADDRESS", "nowhere")
    assert main(["tag", str(SEEDS), "--cache", str(tmp_path)]) == 1
    assert "cannot reach the Dask scheduler 'nowhere'" in capsys.readouterr().err
