"""Tests for kursklib.cli: the kursk command."""

from __future__ import annotations

import os
import sys

import pytest

import kursklib.cluster
from kursklib import KursklibError, load_gazetteer
from kursklib.cli import main
from kursklib.figure_run import PROJECT_ROOT
from tests.conftest import SEEDS

FIRST_TITLE = "Russia and North Korea Confirm DPRK Soldiers Fought Alongside Russians in Kursk"


def test_kursk_info_lists_seed_documents_as_an_aligned_table(capsys):
    assert main(["info", str(SEEDS)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 6
    assert lines[0].split() == ["doc_id", "published", "language", "chars", "source", "title"]
    assert lines[2].split(maxsplit=5) == [
        "001_7aa5fc03dc7aa8de", "2025-04-28", "en", "7,209", "-", FIRST_TITLE]
    assert lines[1].endswith("  -") and lines[1].index("2025") == lines[2].index("2025")


def test_kursk_info_is_machine_readable_as_tsv_and_json(capsys):
    import json

    assert main(["info", str(SEEDS), "--format", "tsv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "doc_id\tpublished\tlanguage\tn_chars\tsource\ttitle"
    assert lines[2].split("\t") == ["001_7aa5fc03dc7aa8de", "2025-04-28", "en", "7209", "",
                                    FIRST_TITLE]
    assert main(["info", str(SEEDS), "--format", "json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert rows[1] == {"doc_id": "001_7aa5fc03dc7aa8de", "published": "2025-04-28",
                       "language": "en", "n_chars": 7209, "source": None, "title": FIRST_TITLE}
    assert rows[0]["title"] is None and len(rows) == 5


def test_kursk_info_loads_neither_matplotlib_nor_the_tagger():
    import subprocess

    code = ("import sys; from kursklib.cli import main; main(['info', sys.argv[1]]); "
            "print(sorted(m for m in ('matplotlib', 'kursklib.actors.tagger', 'papermill') "
            "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code, str(SEEDS)], capture_output=True,
                         text=True, check=True).stdout
    assert out.splitlines()[-1] == "[]"


def test_kursk_info_into_a_closed_pipe_exits_quietly(capsys, monkeypatch):
    import io

    class Closed(io.StringIO):
        def write(self, text):
            raise BrokenPipeError(32, "Broken pipe")

        def fileno(self):
            raise io.UnsupportedOperation("fileno")

    monkeypatch.setattr(sys, "stdout", Closed())
    assert main(["info", str(SEEDS)]) == 141
    assert capsys.readouterr().err == ""


def test_kursk_info_metadata_folder_and_os_errors_are_one_line(tmp_path, capsys, monkeypatch):
    assert main(["info", str(SEEDS), "--metadata", str(tmp_path)]) == 1
    assert capsys.readouterr().err == f"kursk: error: {tmp_path}: --metadata: is a folder, not " \
        "a file\n"

    def unreadable(*args, **kwargs):
        raise PermissionError(13, "Permission denied", str(tmp_path / "a.txt"))

    monkeypatch.setattr("kursklib.corpus.open_corpus", unreadable)
    assert main(["info", str(SEEDS)]) == 1
    assert capsys.readouterr().err == f"kursk: error: {tmp_path / 'a.txt'}: Permission denied\n"


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
                 "-p", "language", "xx"]) == 1
    err = capsys.readouterr().err
    assert "01-term-frequency.ipynb: cell" in err and "xx" in err
    assert (output / "01-term-frequency-top-terms.png").read_bytes() == b"previous"
    assert [path.name for path in output.iterdir()] == ["01-term-frequency-top-terms.png"]


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
    (["figures", "--notebook", "04"], "--notebook '04': not one of 01-term-frequency, "),
    (["figures", "-p", "period", "sideways"], "parameter 'period': must be one of day, week"),
    (["figures", "--gazetteer", "{tmp}/broken.yaml"], "broken.yaml:2: YAML syntax error"),
    (["info", "{tmp}/file"], "file: not a corpus"),
])
def test_kursk_bad_input_is_one_line_error(tmp_path, capsys, arguments, message):
    (tmp_path / "file").write_text("x")
    (tmp_path / "broken.yaml").write_text("- id: [a\n", encoding="utf-8")
    assert main([argument.format(tmp=tmp_path) for argument in arguments]) == 1
    *progress, error = capsys.readouterr().err.splitlines()
    assert message in error and error.startswith("kursk: error: ")
    assert all(line.startswith("kursk: tagging ") for line in progress)  # the stage it failed in


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


FIXTURE_PARAMETERS = ('corpus_dir: str = ""  # the corpus\n'
                      'output_dir: str = "scratch"  # where files go\n'
                      'level: str = "low"  # a choice [low|high]\n')


def _notebooks(folder, *codes):
    """Tiny notebooks 01-x, 02-x, ... : the fixture parameters cell, then ``code``."""
    import nbformat

    folder.mkdir()
    for number, code in enumerate(codes, 1):
        cells = [nbformat.v4.new_code_cell(FIXTURE_PARAMETERS, metadata={"tags": ["parameters"]}),
                 nbformat.v4.new_code_cell("from pathlib import Path\n" + code)]
        nbformat.write(nbformat.v4.new_notebook(cells=cells), folder / f"0{number}-x.ipynb")
    return folder


def _untagged(monkeypatch):
    """Skip the tagging step (its own tests are above): the run goes straight to the kernels."""
    monkeypatch.setattr("kursklib.figure_run.tag_in_child", lambda run: run.corpus)


WRITE = 'Path(output_dir, "n{}.csv").write_text(level)\n'


def test_kursk_figures_relative_output_from_any_folder_with_a_clean_console(
        tmp_path, monkeypatch, capfd):
    _untagged(monkeypatch)
    notebooks = _notebooks(tmp_path / "nb", WRITE.format(1), WRITE.format(2))
    (tmp_path / "work").mkdir()
    monkeypatch.chdir(tmp_path / "work")
    assert main(["figures", "--notebooks", str(notebooks), "--corpus", str(SEEDS),
                 "--output", "out", "-p", "level", "high"]) == 0
    output = tmp_path / "work" / "out"
    assert sorted(path.name for path in output.iterdir()) == ["executed", "n1.csv", "n2.csv"]
    assert (output / "n2.csv").read_text() == "high"
    assert sorted(path.name for path in (output / "executed").iterdir()) == [
        "01-x.ipynb", "02-x.ipynb"]
    assert not list(notebooks.glob(".*")) and not (notebooks / "scratch").exists()
    err = capfd.readouterr().err
    assert "IPKernelApp" not in err and "KeyboardInterrupt" not in err, err
    assert err.splitlines()[-1] == (f"kursk: 2 files written to {output} (executed notebooks "
                                    f"in {output / 'executed'})")
    assert "kursk: [2/2] 02-x done in" in err


def test_kursk_figures_runs_one_notebook_alone(tmp_path, monkeypatch, capsys):
    _untagged(monkeypatch)
    notebooks = _notebooks(tmp_path / "nb", WRITE.format(1), WRITE.format(2))
    output = tmp_path / "out"
    assert main(["figures", "--notebooks", str(notebooks), "--output", str(output),
                 "--notebook", "02"]) == 0
    assert sorted(path.name for path in output.rglob("*")) == ["02-x.ipynb", "executed",
                                                               "n2.csv"]


def test_kursk_figures_failed_run_keeps_previous_files_and_executed_notebooks(
        tmp_path, monkeypatch, capsys):
    _untagged(monkeypatch)
    notebooks = _notebooks(tmp_path / "nb", WRITE.format(1), "raise ValueError('no luck')\n")
    output = tmp_path / "out"
    (output / "executed").mkdir(parents=True)
    (output / "n1.csv").write_text("previous")
    (output / "executed" / "01-x.ipynb").write_text("previous")
    assert main(["figures", "--notebooks", str(notebooks), "--output", str(output)]) == 1
    err = capsys.readouterr().err
    assert err.endswith("02-x.ipynb: cell 3 failed: ValueError: no luck\n")
    assert sorted(str(path.relative_to(output)) for path in output.rglob("*")) == [
        "executed", "executed/01-x.ipynb", "n1.csv"]
    assert (output / "n1.csv").read_text() == "previous"
    assert (output / "executed" / "01-x.ipynb").read_text() == "previous"


@pytest.mark.parametrize("arguments, message", [
    (["-p", "level", "medium"], "parameter 'level': must be one of low, high, not 'medium'"),
    (["-p", "level", "!!python/object/apply:os.system [x]"], "must be one of low, high"),
    (["--output", "{tmp}/locked/out"], "locked/out: cannot write output folder"),
])
def test_kursk_figures_checks_before_tagging_or_any_kernel(tmp_path, monkeypatch, capsys,
                                                            arguments, message):
    def no_tagging(run):
        raise AssertionError("tagged")

    monkeypatch.setattr("kursklib.figure_run.tag_in_child", no_tagging)
    monkeypatch.setattr("kursklib.publish.os.access", lambda path, mode: False)
    notebooks = _notebooks(tmp_path / "nb", WRITE.format(1))
    arguments = [argument.format(tmp=tmp_path) for argument in arguments]
    assert main(["figures", "--notebooks", str(notebooks), "--output", str(tmp_path / "out"),
                 *arguments]) == 1
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    assert not (tmp_path / "out").exists()


def test_kursk_figures_on_sigterm_cleans_up_like_ctrl_c(tmp_path):
    import os
    import signal
    import subprocess
    import time

    notebooks = _notebooks(tmp_path / "nb", "import os, time\n"
                           "Path(output_dir, 'pid').write_text(str(os.getpid()))\n"
                           "time.sleep(120)\n")
    output = tmp_path / "out"
    output.mkdir()
    (output / "n1.csv").write_text("previous")
    code = ("import sys, kursklib.figure_run as run; run.tag_in_child = lambda run: run.corpus; "
            "from kursklib.cli import main; sys.exit(main(sys.argv[1:]))")
    process = subprocess.Popen([sys.executable, "-c", code, "figures", "--notebooks",
                                str(notebooks), "--output", str(output), "--corpus", str(SEEDS)],
                               stderr=subprocess.PIPE, text=True)
    try:
        for _ in range(1200):
            pids = list(output.glob(".kursk-staging-*/pid"))
            if pids and pids[0].read_text():
                break
            time.sleep(0.1)
        kernel = int(pids[0].read_text())
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=60) == 143
    finally:
        process.kill()
    err = process.stderr.read()
    assert err.splitlines()[-1] == "kursk: terminated; nothing was published"
    assert "Traceback" not in err and "Debugger warning" not in err
    assert sorted(path.name for path in output.iterdir()) == ["n1.csv"]
    assert (output / "n1.csv").read_text() == "previous"
    for _ in range(100):  # the kernel is shut down, not left running
        try:
            os.kill(kernel, 0)
        except ProcessLookupError:
            break
        time.sleep(0.1)
    else:
        os.kill(kernel, signal.SIGKILL)
        raise AssertionError("the kernel outlived kursk")


def test_kursk_version_and_help(capsys):
    import kursklib

    with pytest.raises(SystemExit):
        main(["--version"])
    assert capsys.readouterr().out == f"kursk {kursklib.__version__}\n"
    assert kursklib.__version__[0].isdigit()
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "``" not in out and "Tag actors, dates and terms" in out
    with pytest.raises(SystemExit):
        main(["figures", "--help"])
    out = capsys.readouterr().out
    assert "  02-actor-mentions\n" in out
    assert "unit: str = \"sentence\"" in out and "[sentence|document]" in out
    assert "corpus_dir: str" not in out  # set with --corpus


def test_kursk_figures_defaults_work_outside_a_clone(tmp_path, monkeypatch, capsys):
    from kursklib.figure_run import default_output
    from kursklib.project import sample_corpus_dir

    assert default_output(tmp_path) == tmp_path / "figures"
    assert default_output(PROJECT_ROOT / "notebooks") == PROJECT_ROOT / "figures"
    assert (sample_corpus_dir() / "metadata.csv").is_file()
    chosen = []

    def stop(run):
        chosen.append(run)
        raise KursklibError("stop here")

    monkeypatch.setattr("kursklib.figure_run.tag_in_child", stop)
    monkeypatch.chdir(tmp_path)
    assert main(["figures"]) == 1
    assert (chosen[0].corpus, chosen[0].output) == (sample_corpus_dir(), tmp_path / "figures")


def test_kursk_figures_inside_a_project_uses_its_folders(tmp_path, monkeypatch, capsys):
    assert main(["init", str(tmp_path / "demo")]) == 0
    chosen = []

    def stop(run):
        chosen.append(run)
        raise KursklibError("stop here")

    monkeypatch.setattr("kursklib.figure_run.tag_in_child", stop)
    monkeypatch.chdir(tmp_path / "demo")
    assert main(["figures"]) == 1
    demo = (tmp_path / "demo").resolve()
    assert (chosen[0].corpus, chosen[0].output) == (demo / "corpus", demo / "figures")
    assert {path.parent for path in chosen[0].notebooks} == {demo / "notebooks"}


def test_kursk_init_lays_out_a_project(tmp_path, capsys):
    assert main(["init", str(tmp_path / "demo")]) == 0
    assert {path.name for path in (tmp_path / "demo").iterdir()} >= {
        "notebooks", "corpus", "figures", "README.md"}
    assert "files written to" in capsys.readouterr().err
    assert main(["init", str(tmp_path / "demo")]) == 1  # never over the user's files


def _reads_columns():
    import inspect

    from kursklib.corpus import open_corpus

    return "columns" in inspect.signature(open_corpus).parameters


@pytest.mark.parametrize("column, message", [
    ("text", "--column 'text': give OURS=THEIRS, e.g. text=body"),
    ("=body", "--column '=body': give OURS=THEIRS, e.g. text=body"),
])
def test_kursk_column_options_are_checked(capsys, column, message):
    assert main(["info", str(SEEDS), "--column", column]) == 1
    assert capsys.readouterr().err == f"kursk: error: {message}\n"
    assert main(["info", str(SEEDS), "--column", "text=a", "--column", "text=b"]) == 1
    assert "text is mapped twice" in capsys.readouterr().err


def test_kursk_figures_gives_columns_and_recursive_to_the_notebooks(tmp_path, monkeypatch,
                                                                    capsys):
    import json

    import nbformat

    _untagged(monkeypatch)
    (tmp_path / "nb").mkdir()
    cells = [nbformat.v4.new_code_cell(
        'output_dir: str = "scratch"  # out\ncolumns: dict = {}  # mapping\n'
        'recursive: bool = False  # subfolders\n', metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell("import json, pathlib\npathlib.Path(output_dir, 'given.json')"
                                  ".write_text(json.dumps([columns, recursive]))")]
    nbformat.write(nbformat.v4.new_notebook(cells=cells), tmp_path / "nb" / "01-x.ipynb")
    assert main(["figures", "--notebooks", str(tmp_path / "nb"), "--output", str(tmp_path / "out"),
                 "--column", "text=body", "--column", "published=date", "--recursive"]) == 0
    assert json.loads((tmp_path / "out" / "given.json").read_text()) == [
        {"text": "body", "published": "date"}, True]


@pytest.mark.skipif(not _reads_columns(), reason="read_corpus(columns=) is not there yet")
def test_kursk_info_reads_a_table_with_its_own_column_names(tmp_path, capsys):
    table = tmp_path / "export.csv"
    table.write_text("id,headline,date,body\na1,Troops Left,2025-01-02,Troops left Kursk.\n",
                     encoding="utf-8")
    assert main(["info", str(table), "--format", "tsv", "--column", "doc_id=id", "--column",
                 "title=headline", "--column", "published=date", "--column", "text=body"]) == 0
    assert capsys.readouterr().out.splitlines()[1].split("\t") == [
        "a1", "2025-01-02", "en", "18", "", "Troops Left"]


@pytest.mark.skipif(not _reads_columns(), reason="read_corpus(recursive=) is not there yet")
def test_kursk_info_reads_subfolders_with_recursive(tmp_path, capsys):
    (tmp_path / "2025" / "01").mkdir(parents=True)
    (tmp_path / "2025" / "01" / "a.txt").write_text("Troops left Kursk.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Talks began.", encoding="utf-8")
    assert main(["info", str(tmp_path), "--format", "tsv", "--recursive"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 3


def test_kursk_figures_gives_the_kernels_an_absolute_cache_folder(tmp_path, monkeypatch, capsys):
    # Kernels run in the notebooks' folder: a relative cache there would tag the corpus again.
    seen = []

    def stop(run):
        seen.append(os.environ["KURSKLIB_CACHE_DIR"])
        raise KursklibError("stop here")

    monkeypatch.setattr("kursklib.figure_run.tag_in_child", stop)
    monkeypatch.setenv("KURSKLIB_CACHE_DIR", "cache")
    monkeypatch.chdir(tmp_path)
    assert main(["figures", "--output", str(tmp_path / "out")]) == 1
    assert seen == [str(tmp_path.resolve() / "cache")]
