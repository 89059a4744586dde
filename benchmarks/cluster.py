"""Benchmark the tagging stage in-process against a Dask LocalCluster of 1 and 2 workers.

Run with ``python benchmarks/cluster.py [--sizes 1000 10000]`` (needs the ``dask`` extra).
Each run is a fresh process with a fresh cache, so that peak memory is the run's own. Prints
one table: size, where, MB of text, wall time of the tagging (and of starting the cluster and
importing kursklib on its workers), speed-up over in-process, CPU seconds of the tagging (user
and system, of the client, scheduler and workers together: on a shared machine a steadier
measure than wall time) and of each worker, peak RSS of the client and of each worker, the
growth exponent of time from the previous size (1.0 = linear), the load average at the end (the
machine may be shared), and whether the tables equal the in-process ones. Each run is cold, as
a user's is: a local cluster's workers are forked from a server that has built the packaged
resources (``kursklib._forkserver``), and warm up on the corpus's first document.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import psutil  # noqa: E402
import pyarrow as pa  # noqa: E402
import pyarrow.parquet as pq  # noqa: E402

from benchmarks.corpora import write_corpus  # noqa: E402
from kursklib import tag_corpus  # noqa: E402
from kursklib.parts import SCHEMAS  # noqa: E402
from kursklib.tagged import table_files  # noqa: E402

WHERE = ("in-process", "1 worker", "2 workers")


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu() -> float:
    """CPU seconds (user and system) of this process."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _tree_cpu() -> float:
    """CPU seconds of this process and every live process under it (the workers)."""
    processes = [psutil.Process(), *psutil.Process().children(recursive=True)]
    times = []
    for process in processes:
        try:
            times.append(process.cpu_times())
        except psutil.NoSuchProcess:
            continue
    return sum(time.user + time.system for time in times)


def _warm() -> None:
    """Import what tagging imports, as this process has before its clock starts."""
    import kursklib.cluster  # noqa: F401


def _digest(folder: Path) -> str:
    """One hash of every table's rows, in order, however they are cut into files."""
    digest = hashlib.sha256()
    for name in SCHEMAS:
        table = pa.concat_tables([pq.read_table(file) for file in table_files(folder, name)])
        sink = pa.BufferOutputStream()
        with pa.ipc.new_stream(sink, table.schema) as writer:
            writer.write_table(table.combine_chunks())
        digest.update(sink.getvalue().to_pybytes())
    return digest.hexdigest()


def run_once(corpus: Path, workers: int) -> dict:
    """Tag ``corpus`` in this process (``workers`` 0) or on a new LocalCluster: the timings."""
    cache = Path(tempfile.mkdtemp(prefix="kursklib-bench-cluster-"))
    started, cpu = time.perf_counter(), _cpu()
    if workers == 0:
        tagged = tag_corpus(corpus, cache_dir=cache, tables=[])
        startup, workers_mb, workers_cpu, cpu = 0.0, [], [], _cpu() - cpu
    else:
        from kursklib.cluster import open_client

        with open_client(workers=workers) as client:
            client.wait_for_workers(workers)
            client.run(_warm)
            startup = time.perf_counter() - started
            before = client.run(_cpu)
            started, cpu = time.perf_counter(), _tree_cpu()
            tagged = tag_corpus(corpus, cache_dir=cache, tables=[], client=client)
            cpu = _tree_cpu() - cpu
            workers_cpu = sorted(spent - before[address]
                                 for address, spent in client.run(_cpu).items())
            workers_mb = sorted(client.run(_peak_mb).values())
    wall = time.perf_counter() - started
    return {"wall": wall, "startup": startup, "cpu": cpu, "workers_cpu": workers_cpu,
            "client_mb": _peak_mb(), "workers_mb": workers_mb,
            "load": os.getloadavg()[0], "digest": _digest(tagged.folder)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--once", nargs=2, metavar=("CORPUS", "WORKERS"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.once:
        print(json.dumps(run_once(Path(args.once[0]), int(args.once[1]))))
        return 0
    root = Path(tempfile.mkdtemp(prefix="kursklib-bench-corpora-"))
    print("| docs | where | MB | tag s | start s | speed-up | CPU s | workers CPU s | client MB "
          "| workers MB | growth | load | same tables |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    previous: dict[str, tuple[int, float]] = {}
    for size in args.sizes:
        corpus = write_corpus(size, root / f"corpus-{size}")
        megabytes = sum(file.stat().st_size for file in corpus.glob("*.txt")) / 1e6
        results = {}
        for workers, where in enumerate(WHERE):
            done = subprocess.run([sys.executable, __file__, "--once", str(corpus), str(workers)],
                                  check=True, capture_output=True, text=True)
            result = results[where] = json.loads(done.stdout.splitlines()[-1])
            growth = ""
            if where in previous:
                count, wall = previous[where]
                growth = f"{math.log(result['wall'] / wall) / math.log(size / count):.2f}"
            previous[where] = (size, result["wall"])
            workers_mb = " / ".join(f"{mb:.0f}" for mb in result["workers_mb"]) or "-"
            workers_cpu = " / ".join(f"{cpu:.1f}" for cpu in result["workers_cpu"]) or "-"
            same = result["digest"] == results["in-process"]["digest"]
            print(f"| {size} | {where} | {megabytes:.1f} | {result['wall']:.1f} | "
                  f"{result['startup']:.1f} | {results['in-process']['wall'] / result['wall']:.2f}"
                  f" | {result['cpu']:.1f} | {workers_cpu} | {result['client_mb']:.0f} | "
                  f"{workers_mb} | {growth} | "
                  f"{result['load']:.1f} | {same} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
