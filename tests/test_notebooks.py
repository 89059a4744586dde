"""End-to-end: notebooks 01 and 02 on degenerate corpora draw every chart, with a note."""

from __future__ import annotations

from pathlib import Path

import pytest

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
CHARTS = {
    "01-term-frequency": ("top-terms", "by-group", "keyness", "contrast", "over-time",
                          "collocations", "dispersion"),
    "02-actor-mentions": ("top", "by-type", "coverage", "coverage-by-group", "share-over-time",
                          "documents-over-time", "heatmap", "network"),
}
WITH_ACTORS = ("Kim Jong Un met Vladimir Putin in Moscow. North Korea sent troops to Kursk "
               "Oblast, Russia said.\n")
WITHOUT_ACTORS = "The weather was fine in the morning. Farmers went to the fields early.\n"
CORPORA = {
    # one document, no metadata (so no dates and no outlet), no actor
    "one-document": ({"a.txt": WITHOUT_ACTORS}, None),
    # several documents with actors, but no metadata: no dates, no outlets
    "no-metadata": ({f"{name}.txt": WITH_ACTORS + text for name, text in
                     (("a", "Troops left."), ("b", "Talks began."), ("c", "Kim left."))}, None),
    # one outlet, dated, and no actor in any document
    "one-outlet": ({f"{name}.txt": WITHOUT_ACTORS + f"Day {name}." for name in "abcd"},
                   "doc_id,published,source\na,2025-01-01,TASS\nb,2025-01-09,TASS\n"
                   "c,2025-02-03,TASS\nd,2025-02-04,TASS\n"),
}


@pytest.mark.slow
@pytest.mark.parametrize("corpus", CORPORA)
def test_notebooks_draw_every_chart_on_a_degenerate_corpus(tmp_path, make_corpus, corpus):
    import papermill

    files, metadata = CORPORA[corpus]
    folder = make_corpus(files, metadata)
    output = tmp_path / "out"
    for notebook, charts in CHARTS.items():
        papermill.execute_notebook(
            str(NOTEBOOKS / f"{notebook}.ipynb"), str(tmp_path / f"{notebook}.ipynb"),
            parameters={"corpus_dir": str(folder), "output_dir": str(output)}, cwd=str(NOTEBOOKS),
            kernel_name="python3", log_output=False, progress_bar=False)
        for chart in charts:
            for suffix in ("png", "svg"):
                assert (output / f"{notebook}-{chart}.{suffix}").stat().st_size > 0


@pytest.mark.parametrize("notebook", CHARTS)
def test_every_parameter_is_declared_with_a_type_and_a_comment(notebook):
    import json

    import papermill

    cells = json.loads((NOTEBOOKS / f"{notebook}.ipynb").read_text(encoding="utf-8"))["cells"]
    cell = next(cell for cell in cells if "parameters" in cell["metadata"].get("tags", []))
    lines = [line for line in "".join(cell["source"]).splitlines() if line.strip()]
    declared = papermill.inspect_notebook(str(NOTEBOOKS / f"{notebook}.ipynb"))
    assert list(declared) == [line.split(":")[0] for line in lines]
    assert all(parameter["inferred_type_name"] != "None" and parameter["help"]
               for parameter in declared.values())


@pytest.mark.parametrize("notebook", sorted(path.stem for path in NOTEBOOKS.glob("*.ipynb")))
def test_a_notebook_run_by_hand_or_nbval_writes_outside_the_published_figures(notebook):
    import ast
    import subprocess

    from kursklib.parameters import declared_parameters

    default = ast.literal_eval(declared_parameters(NOTEBOOKS / f"{notebook}.ipynb")[
        "output_dir"].default)
    output = (NOTEBOOKS / default).resolve()
    figures = NOTEBOOKS.parent / "figures"
    assert output != figures and figures not in output.parents
    ignored = subprocess.run(["git", "check-ignore", "-q", str(output / "x.png")],
                             cwd=NOTEBOOKS, capture_output=True)
    if ignored.returncode == 128:
        pytest.skip("not in a git checkout")
    assert ignored.returncode == 0, f"{output} is not git-ignored"
