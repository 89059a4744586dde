""":mod:`kursklib.cluster`: the tagging stage, surveyed and tagged on a Dask cluster."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
import multiprocessing
import os
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path

import dask
import numpy as np
import pandas as pd
from distributed import (
    Client,
    Future,
    KilledWorker,
    LocalCluster,
    WorkerPlugin,
    as_completed,
    get_worker,
    progress,
)
from distributed.utils import get_mp_context

from .actors import Gazetteer
from .corpus import CorpusSource
from .errors import ArgumentError, KursklibError, KursklibWarning, TaggingError, first_line
from .keys import package_files
from .parts import SCHEMAS, tag_batch, write_part
from .survey import CorpusModel, SurveyMerge, SurveyPart, survey_part
from .tagged import staged, write_manifest

CONNECT_TIMEOUT = "30s"
# A local cluster's housekeeping, at intervals that cost about 1.5% of a core, idle or busy,
# not Dask's 7.5% (a 20 ms event-loop tick, 500 ms system monitor, 100 ms memory monitor,
# 10 ms profile samples, each taking the GIL from the tagging thread). Diagnostics only:
# no task waits on them.
LOCAL_CLUSTER_CONFIG = {"distributed.admin.tick.interval": "200ms",
                        "distributed.admin.system-monitor.interval": "5s",
                        "distributed.worker.memory.monitor-interval": "1s",
                        "distributed.worker.profile.interval": "100ms"}
# Characters of each language's first document a worker tags to warm up (see _RunPlugin).
WARM_UP_CHARS = 2000


@contextlib.contextmanager
def open_client(*, workers: int | None = None, scheduler: str | None = None
                ) -> Iterator[Client]:
    """A Dask client: of a ``LocalCluster`` of ``workers`` processes, or of the cluster at
    ``scheduler`` (``tcp://host:8786``); the local cluster ends with the block.

    Example:
        >>> with open_client(workers=1) as client:  # doctest: +SKIP
        ...     tagged = tag_corpus("seeds", client=client)
    """
    if (workers is None) == (scheduler is None):
        raise ArgumentError("give either a number of local workers or a scheduler address")
    if scheduler is None:
        if workers < 1:
            raise ArgumentError(f"--workers must be 1 or more, not {workers}")
        # One thread per process: tagging holds the GIL. Any free port for the dashboard.
        with _local_settings(), LocalCluster(n_workers=workers, threads_per_worker=1,
                                             processes=True, dashboard_address=":0"
                                             ) as cluster, Client(cluster) as client:
            try:
                yield client
            finally:
                # A worker that has imported kursklib can take longer than the nanny's
                # 4 s to exit on a busy machine; killed then, after its work, it is no news.
                logging.getLogger("distributed.nanny").setLevel(logging.ERROR)
        return
    try:
        client = Client(scheduler, timeout=CONNECT_TIMEOUT)
    # AssertionError: distributed 2024.1's client loop that did not start in time (a busy machine).
    except (OSError, TimeoutError, ValueError, AssertionError) as error:
        raise ArgumentError(f"cannot reach the Dask scheduler {scheduler!r} "
                            f"({first_line(error) or type(error).__name__})") from None
    with client:
        yield client


@contextlib.contextmanager
def _local_settings() -> Iterator[None]:
    """``LOCAL_CLUSTER_CONFIG``, and workers forked from one server that has imported
    kursklib and built its packaged resources (``kursklib._forkserver``) where the system
    can fork: each worker then starts without importing kursklib or building its matcher."""
    with dask.config.set(LOCAL_CLUSTER_CONFIG):
        if "forkserver" not in multiprocessing.get_all_start_methods():
            yield
            return
        with dask.config.set({"distributed.worker.multiprocessing-method": "forkserver"}):
            # After distributed's own first call, which sets its list of modules to preload.
            get_mp_context().set_forkserver_preload(["distributed", "kursklib._forkserver"])
            yield


def plan_partitions(sizes: np.ndarray, *, target: int, slots: int) -> list[tuple[int, int]]:
    """Cut documents, in order, into runs of about ``target`` bytes of text: at least two
    runs per worker thread (``slots``) where there are documents enough, so none idles.

    Example:
        >>> plan_partitions(np.array([5, 5, 5, 5, 5, 5]), target=10, slots=1)
        [(0, 2), (2, 4), (4, 6)]
    """
    if target < 1:
        raise ArgumentError(f"partition_bytes must be 1 or more, not {target}")
    total = float(sizes.sum())
    count = max(min(len(sizes), max(math.ceil(total / target), 2 * slots)), 1)
    cuts = np.searchsorted(np.cumsum(sizes), total * np.arange(1, count) / count) + 1
    bounds = np.unique(np.clip(np.concatenate([[0], cuts, [len(sizes)]]), 0, len(sizes)))
    return [(int(first), int(last)) for first, last in zip(bounds[:-1], bounds[1:])]


def write_tagged_on(client: Client, source: CorpusSource, folder: Path, *, key: str,
                    gazetteer: Gazetteer | None, options: dict, batch_size: int,
                    partition_bytes: int) -> None:
    """Survey and tag ``source`` on the client's workers into ``folder`` (see ``tag_corpus``).

    Only small data goes into the task graph: which files or rows a partition holds. A
    ``.csv``/``.jsonl`` table or a DataFrame, which the client has read, is scattered to
    the workers instead. The model and the gazetteer go once to each worker, in a worker
    plugin; each worker builds the gazetteer's matcher once and keeps it for every
    partition it tags.
    """
    bounds = plan_partitions(source.sizes(), target=partition_bytes,
                             slots=max(sum(client.nthreads().values()), 1))
    parts: list = [source.part(first, last) for first, last in bounds]
    if source.table is not None:
        parts = client.scatter(parts)
    elif source.path is not None:
        _check_shared(client, source.path, "the corpus")
    print(f"kursklib: {len(source)} documents in {len(parts)} partitions on "
          f"{len(client.nthreads())} Dask workers (dashboard: {client.dashboard_link})",
          file=sys.stderr)
    language = options["language"]
    merged = SurveyMerge(language)
    surveys = [client.submit(_survey_partition, part, language, batch_size, pure=False,
                             key=f"kursklib-survey-{key}-{number}")
               for number, part in enumerate(parts)]
    samples = []
    for survey, messages, sample in _gather(client, surveys, bounds, source, "surveyed"):
        for message in messages:
            warnings.warn(message, KursklibWarning, stacklevel=2)
        merged.add(survey)
        samples.append(sample)
    model = merged.model()
    plugin = f"kursklib-{key}"
    client.register_plugin(_RunPlugin(model=model, gazetteer=gazetteer, options=options,
                                      package=package_files(), sample=_first_per_language(
                                          samples), path=source.path), name=plugin)
    try:
        with staged(folder, key) as staging:
            _check_shared(client, staging, "the cache folder")
            for name in SCHEMAS:
                (staging / name).mkdir()
            tagged = [client.submit(_tag_partition, part, str(staging), number, plugin,
                                    batch_size, pure=False, key=f"kursklib-tag-{key}-{number}")
                      for number, part in enumerate(parts)]
            counts = _gather(client, tagged, bounds, source, "tagged")
            write_manifest(staging, key=key, gazetteer=gazetteer, options=options, model=model,
                           rows={name: sum(count[name] for count in counts) for name in SCHEMAS})
    finally:
        client.unregister_worker_plugin(plugin)


def _check_shared(client: Client, path: Path, what: str) -> None:
    """Fail in one line unless every worker sees ``path`` (a file system they share)."""
    blind = sorted(address for address, seen in client.run(os.path.exists, str(path)).items()
                   if not seen)
    if blind:
        raise ArgumentError(f"{len(blind)} Dask worker(s) ({blind[0]} first) cannot see "
                            f"{what}: it must be on a file system the client and every worker "
                            "share", path=path)


class _RunPlugin(WorkerPlugin):
    """What every partition of one run shares, sent once to each worker (and to any that
    joins later): the corpus's model, the gazetteer's data, the options.

    On setup the worker tags the start of each language's first document (``sample``)
    and drops the result: it builds its matcher, date rules and lemma dictionaries then,
    not in its first partition, so that partitions of equal text take equal time.
    """

    idempotent = True

    def __init__(self, *, model: CorpusModel, gazetteer: Gazetteer | None, options: dict,
                 package: dict[str, str], sample: pd.DataFrame, path: Path | None) -> None:
        self.model = model
        self.gazetteer = gazetteer
        self.options = options
        self.package = package
        self.sample = sample
        self.path = path

    async def setup(self, worker: object) -> None:
        if package_files() != self.package:
            raise KursklibError(f"Dask worker {getattr(worker, 'address', '')}: its kursklib "
                                f"is not the client's ({package_files()['version']}, files "
                                f"{package_files()['files']}, not {self.package['files']}); "
                                "install the same kursklib on every worker")
        # In the task thread, off the event loop (which must keep answering the scheduler).
        await asyncio.get_running_loop().run_in_executor(
            worker.executors["default"], self._warm_up)

    def _warm_up(self) -> None:
        if self.sample.empty:
            return
        with warnings.catch_warnings(), contextlib.suppress(Exception):
            # A document that fails here fails again in its partition, named there.
            warnings.simplefilter("ignore")
            tag_batch(self.sample, self.model, path=self.path, gazetteer=self.gazetteer,
                      options=self.options)


def _survey_partition(part: CorpusSource, language: str, batch_size: int
                      ) -> tuple[SurveyPart, list[str], pd.DataFrame]:
    """Survey a partition on a worker: the part, the warnings its reading gave (for the
    client) and the first document of each language (to warm up on)."""
    merged = SurveyMerge(language)
    sample = pd.DataFrame()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", KursklibWarning)
        for documents in part.batches(batch_size):
            merged.add(survey_part(documents, language=language, sample=merged.missing))
            sample = _first_per_language([sample, documents])
    return merged.part(), [str(warning.message) for warning in caught
                           if issubclass(warning.category, KursklibWarning)], sample


def _first_per_language(documents: list[pd.DataFrame]) -> pd.DataFrame:
    """The first document of each language among ``documents`` (in order), its text cut
    to ``WARM_UP_CHARS``."""
    first = pd.concat([frame for frame in documents if not frame.empty] or [pd.DataFrame(
        columns=["language", "text"])], ignore_index=True).drop_duplicates("language")
    return first.assign(text=first["text"].str.slice(0, WARM_UP_CHARS))


def _tag_partition(part: CorpusSource, staging: str, number: int, plugin: str,
                   batch_size: int) -> dict[str, int]:
    """Tag a partition on a worker into ``<table>/part-NNNNN.parquet``: the rows of each."""
    shared = get_worker().plugins[plugin]
    paths = {name: Path(staging) / name / f"part-{number:05d}.parquet" for name in SCHEMAS}
    return write_part(part, paths, model=shared.model, gazetteer=shared.gazetteer,
                      options=shared.options, batch_size=batch_size)


def _gather(client: Client, futures: list[Future], bounds: list[tuple[int, int]],
            source: CorpusSource, done: str) -> list:
    """The futures' results in order, with progress shown: Dask's bar on a terminal, else
    a line per partition done. A lost partition is named; the rest are cancelled."""
    try:
        if sys.stderr.isatty():
            with contextlib.redirect_stdout(sys.stderr):
                progress(futures, notebook=False)
        else:
            for count, _ in enumerate(as_completed(futures), 1):
                print(f"kursklib: {done} {count}/{len(futures)} partitions", file=sys.stderr)
        return client.gather(futures)
    except KilledWorker as error:
        number = next(number for number, future in enumerate(futures)
                      if future.status == "error")
        first, last = bounds[number]
        raise TaggingError(f"partition {number} (documents {source.doc_ids[first]!r} to "
                           f"{source.doc_ids[last - 1]!r}) killed its workers: "
                           f"{first_line(error)}") from None
    finally:
        client.cancel(futures)
