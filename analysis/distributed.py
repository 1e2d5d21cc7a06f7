"""The Dask engine of ``analyse``: the same per-article function on a Dask cluster.

``python -m analysis analyse PATH --out DIR --engine dask`` starts a local Dask cluster (one
single-threaded worker process per ``--jobs``) and ``--scheduler tcp://HOST:8786`` uses a running
one instead. The client (the machine where you type the command) reads the corpus, sends chunks
of ``--chunk-size`` articles to the workers, where :func:`analysis.pipeline.analyse_chunk` runs
:func:`analysis.pipeline.analyse_article` on each article, gets each chunk's tables back and
writes them to ``DIR`` in input order. So the workers need neither the corpus files nor the
output folder, only the kit; and the tables equal those of a one-process run.

At most ``2 x`` (worker threads) chunks are in flight, so the client's memory stays bounded
however large the corpus. An article that raises lands in the ``errors`` table as in a local run.

Pointing it at a real cluster::

    # on the scheduler machine (pip install 'news-analysis-kit[dask]' everywhere)
    dask scheduler                                   # listens on tcp://<host>:8786
    # on each worker machine, one single-threaded process per core: the analyses are pure
    # Python, so threads would share one interpreter lock
    dask worker tcp://<host>:8786 --nworkers auto --nthreads 1
    # on your machine
    python -m analysis analyse corpus.jsonl --out tables/ --engine dask --scheduler tcp://<host>:8786

Every worker must run the same versions of Python, the kit and its dependencies as the client
(``pip install 'news-analysis-kit[dask]'``; check with ``client.get_versions(check=True)``). The
dashboard (``http://<host>:8787``) shows the chunks as ``analyse_chunk`` tasks. Other ways to
get a cluster (``dask-jobqueue`` on SLURM/PBS, ``dask-kubernetes``, Coiled) all end in a
scheduler address to pass as ``--scheduler``.

For articles that already live in a Dask bag (e.g. JSON records read with
``dask.bag.read_text``), :func:`analyse_bag` maps the same function over the bag's partitions.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections import deque
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .errors import AnalysisError
from .loaders import Article
from .pipeline import AnalyseFn, Chunk, ChunkResult, analyse_chunk, with_loader_errors, write_chunk
from .tables import TableFormat

log = logging.getLogger(__name__)

__all__ = ["analyse_bag", "run_dask"]


def _import_distributed() -> Any:
    try:
        import distributed
    except ModuleNotFoundError as exc:
        raise AnalysisError(
            "engine='dask' needs dask and distributed: pip install 'news-analysis-kit[dask]'"
        ) from exc
    return distributed


def _timed_chunk(articles: list[Article], analyse: AnalyseFn | None) -> tuple[dict[str, Any], float]:
    t0 = time.perf_counter()
    tables = analyse_chunk(articles, analyse)
    return tables, time.perf_counter() - t0


def run_dask(
    chunks: Iterator[Chunk],
    out_dir: Path,
    fmt: TableFormat,
    analyse: AnalyseFn | None = None,
    *,
    scheduler: str | None = None,
    n_workers: int = 1,
) -> Iterator[ChunkResult]:
    """Analyse ``(index, articles)`` chunks on a Dask cluster; write and yield them in order.

    Args:
        chunks: the chunks (:class:`analysis.pipeline.Chunk`), in input order.
        out_dir: where the parts are written (by this process, not by the workers).
        fmt: table format.
        analyse: the per-article function (default :func:`analysis.pipeline.analyse_article`);
            it must be importable on the workers.
        scheduler: address of a running scheduler; ``None`` starts a ``LocalCluster`` of
            ``n_workers`` single-threaded processes for the duration of the run.
        n_workers: workers of that local cluster.

    Yields:
        One :class:`analysis.pipeline.ChunkResult` per chunk, in input order, after its parts
        are written.
    """
    distributed = _import_distributed()
    cluster = None
    if scheduler:
        client = distributed.Client(scheduler)
    else:
        cluster = distributed.LocalCluster(
            n_workers=n_workers, threads_per_worker=1, processes=True, dashboard_address=None
        )
        client = distributed.Client(cluster)
    pending: deque[tuple[Chunk, Any]] = deque()
    try:
        threads = sum(client.nthreads().values()) or 1
        window = 2 * threads
        run = uuid.uuid4().hex[:8]

        def finish() -> ChunkResult:
            chunk, future = pending.popleft()
            tables, seconds = future.result()
            future.release()
            tables = with_loader_errors(tables, chunk.loader_errors)
            rows, dtypes = write_chunk(out_dir, chunk.index, tables, fmt)
            return ChunkResult(chunk.index, rows, dtypes, rows.get("errors", 0), seconds)

        for chunk in chunks:
            future = client.submit(
                _timed_chunk, chunk.articles, analyse, key=f"analyse_chunk-{run}-{chunk.index}",
                pure=False,
            )
            pending.append((chunk, future))
            while len(pending) >= window:
                yield finish()
        while pending:
            yield finish()
    finally:
        for _, future in pending:  # left only when the run stops early
            future.cancel()
        client.close()
        if cluster is not None:
            cluster.close()


def analyse_bag(bag: Any, analyse: AnalyseFn | None = None) -> Any:
    """Map the per-article analysis over a ``dask.bag.Bag`` of :class:`Article`, per partition.

    Returns:
        A lazy bag with one element per partition: ``{table: DataFrame}`` as returned by
        :func:`analysis.pipeline.analyse_chunk` (``articles``, ``sentences``, ``quotes``,
        ``speakers``, ``terms``, ``errors``). Compute it, or write each partition with
        :func:`analysis.pipeline.write_chunk`; stacking the partitions' tables in order gives
        the tables of ``analyse``.

    Examples:
        >>> import dask.bag as db
        >>> from analysis.loaders import Article
        >>> articles = [Article(id=f"a{i}", title="T", author="", text="Ann Lee said it was late.")
        ...             for i in range(3)]
        >>> parts = analyse_bag(db.from_sequence(articles, partition_size=2)).compute(scheduler="sync")
        >>> [len(p["articles"]) for p in parts], parts[0]["quotes"]["speaker"].tolist()
        ([2, 1], ['Ann Lee', 'Ann Lee'])
    """

    def per_partition(articles: Any) -> list[dict[str, Any]]:
        return [analyse_chunk(list(articles), analyse)]

    return bag.map_partitions(per_partition)
