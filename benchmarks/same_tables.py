"""Check that a refactoring left results unchanged: tag corpora with two kursklib trees, compare.

``python benchmarks/same_tables.py BEFORE_TREE CORPUS [CORPUS ...]`` tags each corpus with
the kursklib of ``BEFORE_TREE`` (a checkout or ``git archive`` of the old code) and with this
tree's, each in a fresh cache (``tag_corpus`` in a child process whose ``PYTHONPATH`` is the
tree), then compares every table: the Parquet files byte for byte, the frames with
``DataFrame.equals``, the manifests but for the content key and package hash (they hash the
code). It also compares the generated Russian case forms (``build_forms``) of both trees
with each other and with the committed file. Exit status 0 when everything is the same.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent.parent
# The manifest fields that hash the code itself, so differ whenever the code does.
CODE_FIELDS = ("key", "package")

_CHILD = r"""
import importlib.resources, json, sys, warnings
from pathlib import Path
import kursklib
from kursklib import tag_corpus
from kursklib.tagged import TABLES, table_files
from kursklib.actors.inflect_ru import FORMS, SOURCE, build_forms

warnings.simplefilter("ignore")
corpora, cache, workers = json.loads(sys.argv[1])
root = importlib.resources.files("kursklib")
generated = build_forms(root.joinpath(SOURCE).read_text(encoding="utf-8"))
out = {"package": kursklib.__file__, "forms": generated,
       "forms_committed": generated == root.joinpath(FORMS).read_text(encoding="utf-8"),
       "tagged": {}}
client = None
if workers:
    from kursklib.cluster import open_client
    context = open_client(workers=workers)
    client = context.__enter__()
for corpus in corpora:
    folder = tag_corpus(corpus, cache_dir=cache, tables=[], client=client).folder
    out["tagged"][corpus] = {"folder": str(folder), "files": {
        name: [str(file) for file in table_files(folder, name)] for name in TABLES}}
if client is not None:
    context.__exit__(None, None, None)
print(json.dumps(out))
"""


def tag_with(tree: Path, corpora: list[str], cache: Path, workers: int) -> dict:
    """Tag the corpora with the kursklib of ``tree`` in a child process: what it wrote."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    env.pop("KURSKLIB_CACHE_DIR", None)
    done = subprocess.run([sys.executable, "-c", _CHILD, json.dumps([corpora, str(cache),
                                                                     workers])],
                          env=env, cwd=cache, capture_output=True, text=True, check=False)
    if done.returncode:
        sys.exit(f"tagging with {tree} failed:\n{done.stderr[-3000:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    if not Path(result["package"]).resolve().is_relative_to(tree.resolve()):
        sys.exit(f"{tree}: imported kursklib from {result['package']} instead")
    return result


def compare(before: dict, after: dict) -> list[str]:
    """Every difference between two runs, as lines (none: the same tables and forms)."""
    problems = []
    if before["forms"] != after["forms"]:
        problems.append("the generated Russian forms differ")
    problems += [f"{which}: the generated Russian forms are not the committed file"
                 for which, run in (("before", before), ("after", after))
                 if not run["forms_committed"]]
    for corpus, old in before["tagged"].items():
        new = after["tagged"][corpus]
        manifests = [json.loads((Path(run["folder"]) / "manifest.json").read_text())
                     for run in (old, new)]
        for manifest in manifests:
            for name in CODE_FIELDS:
                manifest.pop(name)
        if manifests[0] != manifests[1]:
            problems.append(f"{corpus}: the manifests differ")
        for name, files in old["files"].items():
            others = new["files"][name]
            if len(files) != len(others):
                problems.append(f"{corpus}: {name}: {len(files)} files, then {len(others)}")
                continue
            frames = []
            for run_files in (files, others):
                frames.append(pd.concat([pd.read_parquet(file) for file in run_files],
                                        ignore_index=True) if run_files else pd.DataFrame())
            same_bytes = all(Path(a).read_bytes() == Path(b).read_bytes()
                             for a, b in zip(files, others))
            same_frame = frames[0].equals(frames[1])
            print(f"{Path(corpus).name:>12} {name:<10} {len(frames[0]):>9} rows  "
                  f"bytes {'same' if same_bytes else 'DIFFER'}  "
                  f"frame {'same' if same_frame else 'DIFFERS'}")
            if not (same_bytes and same_frame):
                problems.append(f"{corpus}: {name} differs")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path, help="the old kursklib tree")
    parser.add_argument("corpora", nargs="+", type=Path)
    parser.add_argument("--after", type=Path, default=HERE, help="the new tree (this one)")
    parser.add_argument("--workers", type=int, default=0, help="tag on a local Dask cluster")
    args = parser.parse_args(argv)
    corpora = [str(corpus.resolve()) for corpus in args.corpora]
    with tempfile.TemporaryDirectory() as work:
        runs = []
        for which, tree in (("before", args.before), ("after", args.after)):
            cache = Path(work) / which
            cache.mkdir()
            runs.append(tag_with(tree, corpora, cache, args.workers))
        problems = compare(*runs)
    print("\n".join(problems) if problems else "same tables, same Russian forms")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
