"""Dump every tagged table of a corpus (and the timeline and keyness read from them) as CSV.

An optimisation must leave results unchanged: run this before and after, then compare the
two folders (``python benchmarks/dump_tables.py CORPUS OUT``; ``diff -r OUT_BEFORE OUT_AFTER``
or the SHA-256 sums it prints). Tags with a fresh cache, in batches of ``--batch-size``.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kursklib import build_timeline, read_tagged, score_keyness, tag_corpus  # noqa: E402
from kursklib.parts import TABLES  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("output", type=Path)
    parser.add_argument("--batch-size", type=int, default=1000)
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore")
    args.output.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as cache:
        tagged = tag_corpus(args.corpus, cache_dir=cache, batch_size=args.batch_size,
                            tables=[])
        whole = read_tagged(tagged.folder, tables=TABLES)
        tables = {name: getattr(whole, name) for name in TABLES}
        tables["timeline"] = build_timeline(whole.dates, whole.mentions, whole.tokens,
                                            whole.sentences, whole.documents)
        tables["keyness"] = score_keyness(whole.terms, by="doc_id", top=5)
        for name, table in tables.items():
            path = args.output / f"{name}.csv"
            table.to_csv(path, index=False)
            digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
            print(f"{digest}  {name} ({len(table)} rows)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
