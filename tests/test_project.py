"""The packaged notebooks and sample corpus, a project laid out from them, the wheel."""

from __future__ import annotations

import importlib.metadata
import json
import os
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.version import Version

import kursklib
from kursklib.corpus import read_corpus
from kursklib.errors import ArgumentError, OutputError
from kursklib.project import init_project, notebooks_dir, sample_corpus_dir, set_parameters

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ("01-term-frequency.ipynb", "02-actor-mentions.ipynb", "03-timeline.ipynb")


def test_the_packaged_folders_are_the_repositorys_own_in_a_clone():
    assert notebooks_dir() == ROOT / "notebooks"
    assert sample_corpus_dir() == ROOT / "seeds"
    assert sorted(path.name for path in notebooks_dir().glob("*.ipynb")) == list(NOTEBOOKS)


def test_every_subpackage_is_listed_for_the_wheel():
    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    found = {".".join(init.parent.relative_to(ROOT).parts)
             for init in (ROOT / "kursklib").rglob("__init__.py")}
    mapped = {package for package, folder in setuptools["package-dir"].items()
              if (ROOT / folder / "__init__.py").is_file()}
    assert set(setuptools["packages"]) == found | mapped
    assert mapped == {"kursklib.notebooks", "kursklib.sample"}


def test_the_minimum_constraints_pin_every_declared_minimum():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    declared = {}
    for line in [*project["dependencies"], *project["optional-dependencies"]["dask"],
                 *project["optional-dependencies"]["test"]]:
        requirement = Requirement(line)
        if requirement.name != "kursklib":
            (specifier,) = requirement.specifier
            assert specifier.operator == ">=", line
            declared[requirement.name] = specifier.version
    lines = (ROOT / "tools" / "minimum-constraints.txt").read_text().splitlines()
    pinned = dict(line.split("==") for line in lines if line and not line.startswith("#"))
    assert {name: Version(version) for name, version in pinned.items()} == {
        name: Version(version) for name, version in declared.items()}


def test_the_version_is_the_installed_packages():
    assert kursklib.__version__ == importlib.metadata.version("kursklib")


def test_a_project_holds_notebooks_the_sample_corpus_figures_and_a_readme(tmp_path):
    import papermill

    folder = tmp_path / "demo"
    written = init_project(folder)
    assert [path.relative_to(folder).as_posix() for path in written] == [
        "README.md", *(f"notebooks/{name}" for name in NOTEBOOKS),
        *sorted(f"corpus/{path.name}" for path in sample_corpus_dir().glob("*.txt")),
        "corpus/metadata.csv"]
    assert (folder / "figures").is_dir() and not any((folder / "figures").iterdir())
    assert "kursk figures" in (folder / "README.md").read_text(encoding="utf-8")
    corpus = read_corpus(folder / "corpus").documents
    assert corpus[["doc_id", "published", "text"]].equals(
        read_corpus(sample_corpus_dir()).documents[["doc_id", "published", "text"]])
    for name in NOTEBOOKS:
        original = papermill.inspect_notebook(str(notebooks_dir() / name))
        copied = papermill.inspect_notebook(str(folder / "notebooks" / name))
        assert list(copied) == list(original)
        assert (copied["corpus_dir"]["default"], copied["output_dir"]["default"]) == (
            '"../corpus"', '"../scratch"')
        assert all(copied[key] == original[key] for key in original
                   if key not in ("corpus_dir", "output_dir"))
        cells = json.loads((folder / "notebooks" / name).read_text(encoding="utf-8"))["cells"]
        assert all(not cell.get("outputs") and cell.get("execution_count") is None
                   for cell in cells if cell["cell_type"] == "code")


def test_an_empty_folder_takes_a_project(tmp_path):
    assert init_project(tmp_path)[0] == tmp_path / "README.md"


@pytest.mark.parametrize("existing", ["folder", "file"])
def test_a_project_never_overwrites_what_is_there(tmp_path, existing):
    target = tmp_path / "demo"
    if existing == "folder":
        target.mkdir()
        (target / "notes.txt").write_text("mine")
    else:
        target.write_text("mine")
    with pytest.raises(OutputError) as caught:
        init_project(target)
    assert str(caught.value) == (f"{target}: not an empty folder: give a new folder for the "
                                 "project")
    assert (target / "notes.txt" if existing == "folder" else target).read_text() == "mine"


def test_set_parameters_rewrites_only_the_values():
    cell = ('corpus_dir: str = "../seeds"  # folder (ü)\n'
            'label: str = "Курск"; top: int = 20  # bars\n'
            'terms: list = [\n    "a",\n]  # several lines\n')
    assert set_parameters(cell, {"top": 5, "terms": ["b"], "corpus_dir": "../corpus"}) == (
        'corpus_dir: str = "../corpus"  # folder (ü)\n'
        'label: str = "Курск"; top: int = 5  # bars\n'
        "terms: list = ['b']  # several lines\n")


def test_set_parameters_refuses_a_name_the_cell_lacks():
    with pytest.raises(ArgumentError) as caught:
        set_parameters("top: int = 20\n", {"output_dir": "x", "corpus_dir": "y"})
    assert str(caught.value) == "values: no parameter corpus_dir, output_dir in the cell"


def _run(command: list[str], cwd: Path, env: dict[str, str]) -> str:
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    assert done.returncode == 0, f"{' '.join(command)}:\n{done.stdout}\n{done.stderr}"
    return done.stderr


@pytest.mark.slow
def test_the_wheel_runs_kursk_figures_in_a_fresh_virtualenv(tmp_path):
    # Built from a copy of what the build reads, so that the repository gets no build/ folder.
    source = tmp_path / "source"
    for name in ("kursklib", "notebooks", "seeds"):
        shutil.copytree(ROOT / name, source / name,
                        ignore=shutil.ignore_patterns("__pycache__", ".ipynb_checkpoints"))
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy(ROOT / name, source / name)
    env = {**os.environ, "KURSKLIB_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("VIRTUAL_ENV", None)
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path / "dist"),
          str(source)], tmp_path, env)
    wheel = next((tmp_path / "dist").glob("kursklib-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert {f"kursklib/notebooks/{name}" for name in NOTEBOOKS} <= set(names)
    assert "kursklib/sample/metadata.csv" in names
    assert any(name.endswith(".dist-info/licenses/LICENSE") for name in names)
    # A fresh environment: no system site-packages, the wheel's dependencies from the index.
    _run([sys.executable, "-m", "venv", str(tmp_path / "venv")], tmp_path, env)
    bin_dir = tmp_path / "venv" / "bin"
    _run([str(bin_dir / "python"), "-m", "pip", "install", "-q", str(wheel)], tmp_path, env)
    env["PATH"] = f"{bin_dir}{os.pathsep}{env['PATH']}"
    work = tmp_path / "work"
    work.mkdir()
    # As the README says: a project, then the figures from inside it, no option given.
    _run([str(bin_dir / "kursk"), "init", "demo"], work, env)
    demo = work / "demo"
    log = _run([str(bin_dir / "kursk"), "figures"], demo, env)
    assert not (demo / "scratch").exists(), log  # only the project's figures/ is written
    # The sample corpus is the seeds: the figures committed from them, the same tables.
    made = {path.name for path in (demo / "figures").iterdir() if path.is_file()}
    assert made == {path.name for path in (ROOT / "figures").iterdir() if path.is_file()}, log
    assert all((demo / "figures" / name).read_bytes() == (ROOT / "figures" / name).read_bytes()
               for name in made if name.endswith(".csv"))
    where = subprocess.run(
        [str(bin_dir / "python"), "-c", "import kursklib, kursklib.project as p; "
         "print(kursklib.__version__, p.notebooks_dir(), p.sample_corpus_dir())"],
        cwd=work, env=env, capture_output=True, text=True, check=True).stdout.split()
    installed = tmp_path / "venv" / "lib"
    assert where[0] == kursklib.__version__
    assert all(Path(folder).is_relative_to(installed) for folder in where[1:]), where
