"""Tests for kursklib.cluster: the tagging stage on Dask, the in-process tables byte for byte."""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import sys
from collections.abc import Iterator

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from distributed import Client, LocalCluster

import kursklib.parts
from benchmarks.corpora import write_corpus
from kursklib import KursklibError, load_gazetteer, tag_corpus
from kursklib.actors.compile import compile_gazetteer
from kursklib.cluster import _check_shared, _first_per_language, open_client, plan_partitions
from kursklib.parts import DOCUMENT_ROW_GROUP_ROWS, ROW_GROUP_ROWS, SCHEMAS
from kursklib.tagged import table_files

# The generated corpora's metadata has columns beyond kursklib's.
pytestmark = pytest.mark.filterwarnings("ignore:.*unknown metadata column")
# Small partitions, so that a small corpus is cut in several.
PARTITION_BYTES = 10_000


def _digests(folder) -> dict[str, str]:
    """Each table's bytes as the in-process run writes them: the part files, read in name
    order, written again as one file (one Parquet writer, the stage's row groups)."""
    digests = {}
    for name in SCHEMAS:
        table = pa.concat_tables([pq.read_table(file) for file in table_files(folder, name)])
        sink = io.BytesIO()
        with pq.ParquetWriter(sink, table.schema) as writer:
            writer.write_table(table.combine_chunks(), row_group_size=(
                DOCUMENT_ROW_GROUP_ROWS if name == "documents" else ROW_GROUP_ROWS))
        digests[name] = hashlib.sha256(sink.getvalue()).hexdigest()
    return digests


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return write_corpus(30, tmp_path_factory.mktemp("cluster") / "corpus")


@pytest.fixture(scope="module")
def in_process(corpus, tmp_path_factory):
    return tag_corpus(corpus, cache_dir=tmp_path_factory.mktemp("in-process"), tables=[])


@contextlib.contextmanager
def _threads(workers: int) -> Iterator[Client]:
    """Workers as threads of this process, no processes to start; over TCP, so that tasks,
    results and errors are pickled as they are between machines."""
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=False, protocol="tcp",
                      dashboard_address=":0") as cluster, Client(cluster) as client:
        yield client


@pytest.fixture(scope="module")
def threads():
    with _threads(2) as client:
        yield client


def test_tag_corpus_on_dask_writes_the_in_process_tables_whatever_the_workers_and_partitions(
        corpus, in_process, threads, tmp_path):
    with _threads(1) as one:
        runs = {"1-small": (one, PARTITION_BYTES), "2-small": (threads, PARTITION_BYTES),
                "2-large": (threads, 10 ** 9)}
        for name, (client, size) in runs.items():
            tagged = tag_corpus(corpus, cache_dir=tmp_path / name, client=client,
                                partition_bytes=size)
            assert tagged.folder.name == in_process.folder.name
            assert _digests(tagged.folder) == _digests(in_process.folder)
            assert tagged.manifest == in_process.manifest
    parts = {name: len(table_files(tmp_path / name / in_process.folder.name, "tokens"))
             for name in runs}
    assert parts["1-small"] == parts["2-small"] > parts["2-large"] == 4  # two per worker
    whole = kursklib.read_tagged(in_process.folder)
    assert tagged.documents.equals(whole.documents) and tagged.terms.equals(whole.terms)


def test_tag_corpus_on_dask_reads_a_parquet_dataset_and_a_table(corpus, threads, tmp_path):
    table = kursklib.read_corpus(corpus).documents[["doc_id", "title", "published", "text"]]
    dataset = tmp_path / "dataset"
    (dataset / "year=2025").mkdir(parents=True)
    # Files of interleaved doc_ids, one of several row groups: read in doc_id order all the same.
    table.iloc[1::2].to_parquet(dataset / "part-0.parquet", row_group_size=4)
    table.iloc[0::2].to_parquet(dataset / "year=2025" / "part-1.parquet")
    tables = [tag_corpus(source, cache_dir=tmp_path / f"cache-{number}", client=client,
                         partition_bytes=PARTITION_BYTES, tables=["mentions", "dates"])
              for number, (source, client) in enumerate(
                  [(dataset, None), (dataset, threads), (table, None), (table, threads)])]
    for tagged in tables[1:]:
        assert tagged.mentions.equals(tables[0].mentions)
        assert tagged.dates.equals(tables[0].dates)


def test_tag_corpus_on_dask_names_the_document_that_failed(threads, make_corpus, tmp_path,
                                                           monkeypatch):
    def fail_on_boom(corpus, **options):
        if corpus.documents["text"].str.contains("BOOM").any():
            raise ZeroDivisionError("division by zero")
        return real(corpus, **options)

    real = kursklib.parts.tag_dates
    monkeypatch.setattr(kursklib.parts, "tag_dates", fail_on_boom)
    folder = make_corpus({f"{name}.txt": f"Troops left {name}." for name in "abcdef"} | {
        "d.txt": "BOOM went the shell."})
    cache = tmp_path / "cache"
    for client in (None, threads):
        with pytest.raises(KursklibError) as raised:
            tag_corpus(folder, cache_dir=cache, client=client, partition_bytes=30)
        assert str(raised.value) == (f"{folder / 'd.txt'}: document 'd' could not be tagged "
                                     "(ZeroDivisionError: division by zero)")
        assert raised.value.path == folder / "d.txt"
    assert not list(cache.iterdir())  # nothing half-written left in the cache


def test_workers_that_cannot_see_the_corpus_or_cache_fail_in_one_line(threads, tmp_path):
    _check_shared(threads, tmp_path, "the corpus")
    with pytest.raises(KursklibError) as raised:
        _check_shared(threads, tmp_path / "elsewhere", "the cache folder")
    assert str(raised.value).startswith(f"{tmp_path / 'elsewhere'}: 2 Dask worker(s) (tcp://")
    assert str(raised.value).endswith("cannot see the cache folder: it must be on a file system "
                                      "the client and every worker share")


def test_plan_partitions_cuts_about_the_target_and_two_per_slot():
    sizes = np.full(100, 10)
    assert len(plan_partitions(sizes, target=100, slots=1)) == 10
    assert len(plan_partitions(sizes, target=10 ** 9, slots=3)) == 6
    assert plan_partitions(np.array([1]), target=10, slots=2) == [(0, 1)]
    cuts = plan_partitions(np.array([1, 1, 50, 1, 1]), target=20, slots=1)
    assert cuts[0][0] == 0 and cuts[-1][1] == 5
    assert all(first < last for first, last in cuts)
    with pytest.raises(KursklibError, match="partition_bytes must be 1 or more"):
        plan_partitions(sizes, target=0, slots=1)


def test_workers_warm_up_on_the_first_document_of_each_language_cut_short():
    batches = [pd.DataFrame({"doc_id": ["a", "b"], "language": ["en", "en"],
                             "text": ["x" * 5000, "y"]}),
               pd.DataFrame({"doc_id": ["c", "d"], "language": ["ru", "en"], "text": ["z", "w"]})]
    sample = _first_per_language(batches)
    assert sample["doc_id"].tolist() == ["a", "c"]
    assert sample["text"].str.len().tolist() == [kursklib.cluster.WARM_UP_CHARS, 1]
    assert _first_per_language([pd.DataFrame()]).empty


def test_open_client_rejects_bad_arguments_in_one_line(monkeypatch):
    with pytest.raises(KursklibError, match="--workers must be 1 or more, not 0"):
        with open_client(workers=0):
            pass
    monkeypatch.setattr(kursklib.cluster, "CONNECT_TIMEOUT", "0.5s")
    with pytest.raises(KursklibError, match="cannot reach the Dask scheduler 'tcp://127.0.0.1:9'"):
        with open_client(scheduler="tcp://127.0.0.1:9"):
            pass


@pytest.mark.slow
def test_tag_corpus_on_worker_processes_builds_the_matcher_once_per_worker(
        corpus, in_process, tmp_path):
    gazetteer = tmp_path / "mine.yaml"
    gazetteer.write_text("- id: rsf\n  type: org\n  name: Rapid Support Forces\n", "utf-8")
    with open_client(workers=1) as client:
        one = tag_corpus(corpus, cache_dir=tmp_path / "one", client=client, tables=[])
    with open_client(workers=2) as client:
        # Forked from a server that has imported kursklib and compiled the packaged gazetteer.
        assert all(client.run(lambda: "kursklib._forkserver" in sys.modules).values())
        before = client.run(lambda: compile_gazetteer.cache_info().misses)
        tagged = tag_corpus(corpus, cache_dir=tmp_path / "dask", client=client,
                            partition_bytes=PARTITION_BYTES, gazetteer=load_gazetteer(gazetteer),
                            tables=[])
        compiled = {address: misses - before[address] for address, misses in client.run(
            lambda: compile_gazetteer.cache_info().misses).items()}
        two = tag_corpus(corpus, cache_dir=tmp_path / "two", client=client,
                         partition_bytes=PARTITION_BYTES, tables=[])
    assert len(table_files(tagged.folder, "documents")) >= 4
    assert sorted(compiled.values()) == [1, 1]  # each worker tagged several partitions
    for run in (one, two):
        assert _digests(run.folder) == _digests(in_process.folder)
        assert json.loads((run.folder / "manifest.json").read_text()) == in_process.manifest
