"""``analyse``: turn a whole corpus into analysis tables, fast, in bounded memory.

One pure function, :func:`analyse_article`, runs every analysis on one article and returns its
rows for each table. :func:`analyse_corpus` streams the articles of a corpus through it, in
chunks of ``chunk_size`` articles, on one process, on a pool of ``jobs`` processes, or on a Dask
cluster (:mod:`analysis.distributed`), and writes one table per analysis with
:mod:`analysis.tables`:

============  ==================================================================================
table         one row per
============  ==================================================================================
articles      article: ``article_id, title, author, source, content_hash``, the fields of
              :func:`analysis.stats.text_stats`, then the record's ``meta`` fields
sentences     sentence: ``article_id`` + :func:`analysis.sentiment.sentence_sentiment` columns
quotes        attributed statement: ``article_id`` + :func:`analysis.quotes.extract_quotes`
speakers      speaker per article: ``article_id`` + :func:`analysis.quotes.speakers`
terms         term per article: ``article_id`` + :func:`analysis.terms.term_frequencies` of
              that article alone
errors        article that raised: ``article_id, source, error_type, message``
============  ==================================================================================

Rows come in input order, whatever the engine and the number of processes, so a run with
``jobs=2`` or on Dask writes exactly the tables of a run with ``jobs=1``. A text met again
shortly after is not analysed again: one process remembers its recent texts, and the workers
of a pool pass the results of repeated texts to each other (:mod:`analysis.duplicates`).
Memory stays bounded: at most a few chunks are in flight at any time, whatever the size of the
corpus. An article that raises is recorded in ``errors`` and the run goes on. An interrupted
run is continued with ``resume=True`` (``--resume``): committed chunks are kept, articles
already written (same id, same content hash) are skipped, and an article whose text changed
replaces its old rows.

Read the tables back with :func:`read_table` (``analysis.tables.read_table``); notebooks take
such a folder as their ``corpus`` parameter.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import hashlib
import itertools
import json
import logging
import multiprocessing as mp
import os
import platform
import shutil
import signal
import sys
import tempfile
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd

from .duplicates import DuplicatePlan, SharedResults
from .errors import AnalysisError, ParameterError, check_choice
from .loaders import Article
from .tables import (
    FORMATS,
    TableFormat,
    atomic_write_text,
    chunk_record_path,
    check_format_name,
    default_format,
    list_chunks,
    list_parts,
    part_path,
    read_chunk_record,
    read_part,
    read_table,
    remove_temporary_files,
    sync_file,
    write_part,
)

log = logging.getLogger(__name__)

__all__ = [
    "ANALYSIS_TABLES",
    "ERROR_COLUMNS",
    "TABLES",
    "RunSummary",
    "add_analyse_arguments",
    "analyse_article",
    "analyse_chunk",
    "analyse_corpus",
    "content_hash",
    "read_table",
    "run_analyse",
]

#: Tables written by :func:`analyse_article`, in this order.
ANALYSIS_TABLES: tuple[str, ...] = ("articles", "sentences", "quotes", "speakers", "terms")
#: Every table of an ``analyse`` folder.
TABLES: tuple[str, ...] = (*ANALYSIS_TABLES, "errors")
ERROR_COLUMNS: tuple[str, ...] = ("article_id", "source", "error_type", "message")
ARTICLE_COLUMNS: tuple[str, ...] = ("article_id", "title", "author", "source", "content_hash")

Engine = Literal["local", "dask"]
AnalyseFn = Callable[[Article], dict[str, pd.DataFrame]]
MANIFEST = "manifest.json"
#: Articles per chunk: the unit of work, of part files and of ``--resume``. Each chunk costs
#: about 20 ms of fixed work (six tables built and written as files, a commit record), so
#: bigger chunks are cheaper per article; memory grows with the chunk, not with the corpus, and
#: with several workers the last chunks shrink anyway (:func:`_guided_batches`).
DEFAULT_CHUNK_SIZE = 250


# --------------------------------------------------------------------------- one article


def content_hash(article: Article) -> str:
    """A short hash of everything the analyses read (title, author, text, meta), hex.

    Two articles with the same hash give the same rows; ``--resume`` skips an article whose id
    and hash are already written.

    Examples:
        >>> a = Article(id="a", title="T", author="", text="Body.")
        >>> content_hash(a) == content_hash(Article(id="b", title="T", author="", text="Body."))
        True
        >>> content_hash(a) == content_hash(Article(id="a", title="T", author="", text="Body!"))
        False
    """
    h = hashlib.blake2b(digest_size=10)
    meta = json.dumps(article.meta, sort_keys=True, default=str, ensure_ascii=False)
    for part in (article.title, article.author, article.text, meta):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()


def _keyed(frame: pd.DataFrame, article_id: str) -> pd.DataFrame:
    """``frame`` with ``article_id`` as its first column (a new frame; the input is kept)."""
    out = frame.copy(deep=False)
    if "article_id" in out.columns:
        out = out.drop(columns="article_id")
    out.insert(0, "article_id", article_id)
    return out.reset_index(drop=True)


def _meta_value(value: Any) -> Any:
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    return json.dumps(value, sort_keys=True, default=str, ensure_ascii=False)


def _article_record(article: Article, stats: pd.Series | dict[str, Any]) -> dict[str, Any]:
    row: dict[str, Any] = {
        "article_id": article.id,
        "title": article.title,
        "author": article.author,
        "source": article.source,
        "content_hash": content_hash(article),
    }
    for key, value in dict(stats).items():
        row[str(key)] = value.item() if hasattr(value, "item") else value
    for key, value in article.meta.items():
        name = str(key)
        if name in row:
            name = f"meta_{name}"
        row[name] = _meta_value(value)
    return row


def _article_row(article: Article, stats: pd.Series | dict[str, Any]) -> pd.DataFrame:
    return pd.DataFrame([_article_record(article, stats)])


def _import_analyses() -> tuple[Any, Any, Any, Any]:
    try:
        from . import quotes, sentiment, stats, terms
    except ImportError as exc:  # pragma: no cover - only while the kit is half-installed
        raise AnalysisError(
            f"the analyse pipeline needs analysis.stats, .sentiment, .quotes and .terms ({exc}); "
            "reinstall the kit with `make setup`"
        ) from exc
    return stats, sentiment, quotes, terms


def analyse_article(article: Article) -> dict[str, pd.DataFrame]:
    """Run every analysis on one article: the rows it contributes to each table.

    The analyses share one segmentation of the text (:func:`analysis.text.segment` is cached),
    so the text is split once. The function is pure (no I/O, no global state besides caches),
    which is what lets the pipeline run it in other processes or on a Dask cluster.

    Args:
        article: the article (:class:`analysis.loaders.Article`).

    Returns:
        ``{table: DataFrame}`` for ``articles`` (one row: ``article_id, title, author, source,
        content_hash``, the :func:`analysis.stats.text_stats` fields, then the ``meta``
        fields, renamed ``meta_<key>`` if they clash), ``sentences``
        (:func:`analysis.sentiment.sentence_sentiment`), ``quotes``
        (:func:`analysis.quotes.extract_quotes`), ``speakers`` (:func:`analysis.quotes.speakers`
        of those quotes) and ``terms`` (:func:`analysis.terms.term_frequencies` of this text
        alone); each with ``article_id`` first.

    Raises:
        Whatever an analysis raises; :func:`analyse_corpus` records it in the ``errors`` table.
    """
    stats, sentiment, quotes, terms = _import_analyses()
    text = article.text
    aid = article.id
    # the order of the chunk path, so that an article fails with the same message in both
    article_row = _article_row(article, stats.text_stats(text))
    sentences = _keyed(sentiment.sentence_sentiment(text), aid)
    quote_frame = quotes.extract_quotes(text)
    return {
        "articles": article_row,
        "sentences": sentences,
        "quotes": _keyed(quote_frame, aid),
        "speakers": _keyed(quotes.speakers(quote_frame), aid),
        "terms": _keyed(terms.term_frequencies([text]), aid),
    }


def _error_row(article: Article, exc: BaseException) -> dict[str, str]:
    return {
        "article_id": article.id,
        "source": article.source,
        "error_type": type(exc).__name__,
        "message": str(exc) or repr(exc),
    }


def _errors_frame(errors: list[dict[str, str]]) -> pd.DataFrame:
    return pd.DataFrame(errors, columns=list(ERROR_COLUMNS)).astype("str")


def _stack(frames: list[pd.DataFrame]) -> pd.DataFrame:
    nonempty = [f for f in frames if len(f)]
    if nonempty:
        return pd.concat(nonempty, ignore_index=True) if len(nonempty) > 1 else nonempty[0]
    if frames:
        return frames[0].iloc[:0]
    return pd.DataFrame({"article_id": pd.Series(dtype="str")})


def _stack_keyed(frames: list[pd.DataFrame], ids: list[str]) -> pd.DataFrame:
    """``_keyed(frame, id)`` of each pair, stacked; with one concat instead of one per article."""
    pairs = [(f, i) for f, i in zip(frames, ids) if len(f)]
    if not pairs:
        return _keyed(frames[0].iloc[:0], "") if frames else _stack([])
    out = pd.concat([f for f, _ in pairs], ignore_index=True) if len(pairs) > 1 else pairs[0][0].copy()
    if "article_id" in out.columns:
        out = out.drop(columns="article_id")
    keys = [i for f, i in pairs for _ in range(len(f))]
    out.insert(0, "article_id", pd.array(keys, dtype="str"))
    return out


#: What the analyses gave for recent texts, least recently used first: ``(text, the analysis
#: functions) -> (stats values, sentence rows, quote columns, token counts)``. The analyses are
#: pure functions of the text, so an article whose text occurs again a little later (the same
#: story filed twice: 6 % of the BBC corpus, all within a few hundred articles) reuses them
#: instead of being analysed again. Bounded, so memory does not grow with the corpus; keyed
#: by the functions too, so that replacing one (a test, a reload) is never answered from here.
_RECENT: dict[tuple[Any, ...], tuple[Any, ...]] = {}
_RECENT_SIZE = 512


def _analyse_chunk_default(
    articles: Iterable[Article], shared: SharedResults | None = None
) -> dict[str, pd.DataFrame]:
    """:func:`analyse_chunk` with :func:`analyse_article`, computed per chunk where it is faster.

    Gives the same tables as calling :func:`analyse_article` on each article and stacking them
    (tests compare the two), but no analysis builds a DataFrame per article: each returns plain
    rows (:func:`analysis.stats.text_stats_values`,
    :func:`analysis.sentiment.sentence_sentiment_rows`, ``analysis.quotes.quote_columns`` when
    the quotes module has it), term frequencies are counted for the whole chunk at once
    (:func:`analysis.terms.term_frequency_columns`) and the speakers table comes from one
    :func:`analysis.quotes.speakers` call over the chunk's quotes. With pandas 3 every small
    DataFrame costs about a millisecond, so this is several times faster.

    Should a chunk-wide step ever raise, the chunk is redone article by article with
    :func:`analyse_article`, so that the failing article, and only it, goes to ``errors``.
    An article whose text was analysed shortly before takes the earlier results (:data:`_RECENT`).
    With ``shared`` (a pool worker's chunk, :mod:`analysis.duplicates`), the results of texts
    that come again in a later chunk are published, and the texts an earlier chunk publishes
    are analysed last and taken from there when they are published by then.
    """
    stats, sentiment, quotes, terms = _import_analyses()
    articles = list(articles)
    quote_columns = getattr(quotes, "quote_columns", None)
    rows: list[dict[str, Any]] = []
    sentence_rows: list[list[tuple[Any, ...]]] = []
    quote_parts: list[Any] = []
    surfaces: list[Any] = []
    ids: list[str] = []
    errors: list[dict[str, str]] = []
    quote_fn = quote_columns or quotes.extract_quotes
    fns = (stats.text_stats_values, sentiment.sentence_sentiment_rows, quote_fn,
           terms._segmented_surface_counts)
    outcomes: list[Any] = [None] * len(articles)
    for i in shared.order(len(articles)) if shared else range(len(articles)):
        article = articles[i]
        text = article.text
        try:
            key = (text, fns)
            done = _RECENT.pop(key, None)
            if done is None and shared and i in shared.fetch:
                done = shared.get(i)  # published by the worker of an earlier chunk
            if done is None:
                values = stats.text_stats_values(text)
                row = _article_record(article, values)
                sents = sentiment.sentence_sentiment_rows(text)
                quote_part = quote_fn(text)
                # the token strings counted for terms, while segment(text) is still cached
                surface = terms._segmented_surface_counts(text)
                done = (values, sents, quote_part, surface)
            else:  # the same text was analysed a moment ago (a duplicate in the corpus)
                values, sents, quote_part, surface = done
                row = _article_record(article, values)
            if len(_RECENT) >= _RECENT_SIZE:
                del _RECENT[next(iter(_RECENT))]  # the least recently used
            _RECENT[key] = done
            if shared and i in shared.publish:
                shared.put(i, done)
            outcomes[i] = (row, done)
        except Exception as exc:
            outcomes[i] = exc
    for article, outcome in zip(articles, outcomes):
        if isinstance(outcome, Exception):
            log.debug("article %s failed", article.id, exc_info=outcome)
            errors.append(_error_row(article, outcome))
            continue
        row, (values, sents, quote_part, surface) = outcome
        rows.append(row)
        sentence_rows.append(sents)
        quote_parts.append(quote_part)
        surfaces.append(surface)
        ids.append(article.id)
    try:
        if quote_columns:
            quote_table = _quote_table(quotes, quote_parts, ids)
        else:
            quote_table = _stack_keyed(quote_parts, ids)
        tables = {
            "articles": pd.DataFrame(rows) if rows else _stack([]),
            "sentences": _sentence_table(sentiment, sentence_rows, ids),
            "quotes": quote_table,
            "speakers": _speaker_table(quotes, quote_table, ids),
            "terms": _term_table(terms, surfaces, ids),
        }
    except Exception:  # a chunk-wide step failed: find the failing article
        log.debug("chunk-wide step failed; analysing article by article", exc_info=True)
        return analyse_chunk(articles, analyse_article)
    tables["errors"] = _errors_frame(errors)
    return tables


def _repeat_ids(ids: list[str], counts: Iterable[int]) -> Any:
    """``article_id`` column: each id repeated for its rows, as a ``str`` array."""
    return pd.array([i for i, n in zip(ids, counts) for _ in range(n)], dtype="str")


def _sentence_table(sentiment: Any, parts: list[list[tuple[Any, ...]]], ids: list[str]) -> pd.DataFrame:
    """The ``sentences`` table from :func:`analysis.sentiment.sentence_sentiment_rows` per article."""
    flat = [r for part in parts for r in part]
    if not flat:
        return _keyed(sentiment.sentence_sentiment(""), "") if ids else _stack([])
    columns = list(zip(*flat))
    out: dict[str, Any] = {"article_id": _repeat_ids(ids, map(len, parts))}
    for name, values in zip(sentiment.SENTENCE_SENTIMENT_COLUMNS, columns):
        if name == "text":
            out[name] = pd.array(values, dtype="str")
        elif name in ("neg", "neu", "pos", "compound"):
            out[name] = np.array(values, dtype="float64")
        else:
            out[name] = np.array(values, dtype="int64")
    return pd.DataFrame(out)


def _quote_table(quotes: Any, parts: list[dict[str, list[Any]]], ids: list[str]) -> pd.DataFrame:
    """The ``quotes`` table from ``analysis.quotes.quote_columns`` per article.

    The chunk's lists are joined and turned into one frame the way
    :func:`analysis.quotes.extract_quotes` turns one article's lists into its frame, so the
    table equals the per-article frames stacked.
    """
    sizes = [len(p["start"]) for p in parts]
    if not sum(sizes):
        return _keyed(quotes.extract_quotes(""), "") if ids else _stack([])
    joined = {name: [v for p in parts for v in p[name]] for name in parts[0]}
    out = quotes._frame(joined)
    out.insert(0, "article_id", _repeat_ids(ids, sizes))
    return out


def _speaker_table(quotes: Any, quote_table: pd.DataFrame, ids: list[str]) -> pd.DataFrame:
    """:func:`analysis.quotes.speakers` of the chunk's quotes, articles in input order."""
    if not len(quote_table):
        return _keyed(quotes.speakers(quotes.extract_quotes("")), "")
    speaker_table = quotes.speakers(quote_table)
    position = {aid: n for n, aid in enumerate(ids)}
    order = speaker_table["article_id"].map(position).to_numpy()
    return speaker_table.iloc[order.argsort(kind="stable")].reset_index(drop=True)


def _term_table(terms: Any, surfaces: list[Any], ids: list[str]) -> pd.DataFrame:
    """:func:`analysis.terms.term_frequencies` of each text alone, counted for the chunk at once
    (from each text's token strings, ``analysis.terms._segmented_surface_counts``)."""
    if not ids:
        return _stack([])
    cols = terms._segmented_term_columns(surfaces)
    if not len(cols["doc"]):
        return _keyed(terms.term_frequencies([""]), "")
    out = {"article_id": pd.array(np.asarray(ids, dtype=object)[cols.pop("doc")], dtype="str")}
    out.update(cols)
    return pd.DataFrame(out)


def analyse_chunk(
    articles: Iterable[Article], analyse: AnalyseFn | None = None
) -> dict[str, pd.DataFrame]:
    """Run ``analyse`` on each article and stack the rows per table, in article order.

    An article that raises an ``Exception`` contributes no analysis rows and one row to the
    ``errors`` table instead (its traceback is logged at DEBUG level).

    Args:
        articles: the articles of one chunk.
        analyse: a per-article function like :func:`analyse_article`; ``None`` runs the
            analyses of :func:`analyse_article` with the same result, faster.

    Returns:
        ``{table: DataFrame}`` with every table of :data:`TABLES`; a table with no rows in this
        chunk is an empty frame (with the columns seen in other articles, if any).
    """
    if analyse is None:
        return _analyse_chunk_default(articles)
    parts: dict[str, list[pd.DataFrame]] = {name: [] for name in ANALYSIS_TABLES}
    errors: list[dict[str, str]] = []
    for article in articles:
        try:
            tables = analyse(article)
        except Exception as exc:
            log.debug("article %s failed", article.id, exc_info=True)
            errors.append(_error_row(article, exc))
            continue
        for name, frame in tables.items():
            parts.setdefault(name, []).append(frame)
    out = {name: _stack(frames) for name, frames in parts.items()}
    out["errors"] = _errors_frame(errors)
    return out


# --------------------------------------------------------------------------- chunks on disk


@dataclass
class Chunk:
    """A unit of work: consecutive articles, plus the input records the loader could not read.

    Attributes:
        index: position of the chunk in the output (its part files are ``part-<index>``).
        articles: the articles to analyse, in input order.
        ids, hashes: their ids and :func:`content_hash` values (the chunk's commit record).
        loader_errors: ``(source, message)`` of files or records left out by the loader while
            this chunk was read; they go to the ``errors`` table first.
        shared: results to publish for later chunks and to take from earlier ones, in a run
            on a process pool (:mod:`analysis.duplicates`); ``None`` otherwise.
    """

    index: int
    articles: list[Article]
    ids: list[str]
    hashes: list[str]
    loader_errors: list[tuple[str, str]] = field(default_factory=list)
    shared: SharedResults | None = None


@dataclass
class ChunkResult:
    """What one chunk produced: rows and dtypes per table, errors, time spent analysing."""

    index: int
    rows: dict[str, int]
    dtypes: dict[str, dict[str, str]]
    n_errors: int
    seconds: float


def with_loader_errors(
    tables: dict[str, pd.DataFrame], loader_errors: list[tuple[str, str]]
) -> dict[str, pd.DataFrame]:
    """``tables`` with the loader's ``(source, message)`` rows first in ``errors``."""
    if not loader_errors:
        return tables
    rows = [
        {"article_id": "", "source": src, "error_type": "ArticleError", "message": msg}
        for src, msg in loader_errors
    ]
    errors = _errors_frame(rows)
    if len(tables["errors"]):
        errors = pd.concat([errors, tables["errors"]], ignore_index=True)
    return {**tables, "errors": errors}


def write_chunk(
    out_dir: Path, index: int, tables: dict[str, pd.DataFrame], fmt: TableFormat, *, sync: bool = True
) -> tuple[dict[str, int], dict[str, dict[str, str]]]:
    """Write one part per table for chunk ``index`` (atomically); return rows and dtypes.

    ``sync=False``: the parts are not flushed to disk here (see
    :func:`analysis.tables.write_part`); :func:`analyse_corpus` flushes them when it commits
    the chunk.
    """
    rows: dict[str, int] = {}
    dtypes: dict[str, dict[str, str]] = {}
    for name, frame in tables.items():
        dtypes[name] = write_part(out_dir, name, index, frame, fmt, sync=sync)
        rows[name] = len(frame)
    return rows, dtypes


def process_chunk(
    chunk: Chunk, out_dir: str, fmt: TableFormat, analyse: AnalyseFn | None = None
) -> ChunkResult:
    """Analyse one chunk and write its parts (runs in a worker process); see :class:`ChunkResult`."""
    t0 = time.perf_counter()
    if analyse is None:
        tables = _analyse_chunk_default(chunk.articles, chunk.shared)
    else:
        tables = analyse_chunk(chunk.articles, analyse)
    tables = with_loader_errors(tables, chunk.loader_errors)
    seconds = time.perf_counter() - t0
    # flushed to disk by the committing process (_commit_chunk), not while a worker waits
    rows, dtypes = write_chunk(Path(out_dir), chunk.index, tables, fmt, sync=False)
    return ChunkResult(chunk.index, rows, dtypes, rows.get("errors", 0), seconds)


def _commit_chunk(out_dir: Path, result: ChunkResult, chunk: Chunk, fmt: str) -> None:
    for name in result.rows:  # the parts first: a record must never refer to a lost part
        sync_file(part_path(out_dir, name, result.index, fmt))
    record = {
        "index": result.index,
        "format": fmt,
        "ids": chunk.ids,
        "hashes": chunk.hashes,
        "loader_errors": chunk.loader_errors,
        "rows": result.rows,
        "dtypes": result.dtypes,
        "n_errors": result.n_errors,
        "seconds": round(result.seconds, 4),
    }
    atomic_write_text(chunk_record_path(out_dir, result.index), json.dumps(record))


# --------------------------------------------------------------------------- engines


def _fixed_batches(items: Iterator[Any], size: int) -> Iterator[list[Any]]:
    """``items`` in lists of ``size`` (the last one shorter)."""
    while batch := list(itertools.islice(items, size)):
        yield batch


def _guided_batches(items: Iterator[Any], size: int, jobs: int) -> Iterator[list[Any]]:
    """``items`` in lists of ``size`` until the input ends, then in shrinking lists.

    With several workers, the run ends when the last worker finishes its last chunk; with
    chunks of equal size one worker may idle for up to a whole chunk while the other finishes.
    Reading ``size * jobs`` items ahead shows where the input ends; the items left then are cut
    into lists of a quarter of what is left per worker (at least ``size // 8``), so the last
    chunks are small and the workers finish together ("guided" scheduling). Order is kept.
    """
    ahead: deque[Any] = deque()
    lookahead = size * jobs
    floor = max(1, size // 8)
    exhausted = False
    while True:
        while not exhausted and len(ahead) < lookahead + size:
            try:
                ahead.append(next(items))
            except StopIteration:
                exhausted = True
        if not ahead:
            return
        n = size if not exhausted else max(floor, min(size, -(-len(ahead) // (2 * jobs))))
        yield [ahead.popleft() for _ in range(min(n, len(ahead)))]


def _worker_init(analyse: AnalyseFn | None = None) -> None:  # pragma: no cover - runs in the pool's processes
    """Start a pool worker: Ctrl-C left to the parent, lexicons loaded and regexes compiled.

    Each worker warms up itself, all at once, while the parent reads the first chunks: loading
    in the parent before forking would make every worker wait for it, and the workers would
    then copy the parent's memory page by page as they touch the shared lexicons (reference
    counts are writes). What was loaded is frozen out of garbage collections, as in
    :func:`_quiet_gc`.
    """
    # Ctrl-C goes to the whole process group: let the parent stop the pool cleanly.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _warm_up(analyse)
    if gc.get_freeze_count():  # the run froze the parent's objects (_quiet_gc): these too
        gc.freeze()


def _pool_context() -> mp.context.BaseContext:
    # fork shares the parent's loaded lexicons and caches with every worker (copy-on-write).
    if "fork" in mp.get_all_start_methods() and sys.platform.startswith("linux"):
        return mp.get_context("fork")
    return mp.get_context()


def _run_local(
    chunks: Iterator[Chunk],
    out_dir: Path,
    fmt: TableFormat,
    analyse: AnalyseFn | None,
    jobs: int,
) -> Iterator[ChunkResult]:
    """Yield each chunk's result in input order; at most ``4 * jobs`` chunks in flight."""
    if jobs <= 1:
        for chunk in chunks:
            yield process_chunk(chunk, str(out_dir), fmt, analyse)
        return
    with _pool_context().Pool(jobs, initializer=_worker_init, initargs=(analyse,)) as pool:
        pending: deque[Any] = deque()
        for chunk in chunks:
            pending.append(pool.apply_async(process_chunk, (chunk, str(out_dir), fmt, analyse)))
            while len(pending) >= 4 * jobs:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()


#: Youngest-generation threshold of the cyclic garbage collector during a run (Python's default
#: is 700 allocations).
_GC_THRESHOLD0 = 50_000


def _quiet_gc() -> tuple[tuple[int, int, int], bool]:
    """Fewer cyclic garbage collections during a run; undone by :func:`_restore_gc`.

    The analyses allocate millions of short-lived tuples and lists. Reference counting frees
    them, but every allocation counts towards the collector's thresholds, and a collection of
    the older generations walks every object loaded so far (modules, lexicons, caches): about
    5 % of a run's time. For the run, the objects that exist when it starts are frozen
    (``gc.freeze``: left out of collections, as a forking server does before it forks) and
    the youngest generation is collected after :data:`_GC_THRESHOLD0` allocations instead of
    700. Nothing the analyses compute depends on it. Returns what :func:`_restore_gc` needs.
    """
    old = gc.get_threshold()
    frozen = gc.get_freeze_count() == 0  # leave an outer freeze alone
    if frozen:
        gc.freeze()
    gc.set_threshold(max(old[0], _GC_THRESHOLD0), *old[1:])
    return old, frozen


def _restore_gc(state: tuple[tuple[int, int, int], bool]) -> None:
    old, frozen = state
    gc.set_threshold(*old)
    if frozen:
        gc.unfreeze()


def _warm_up(analyse: AnalyseFn | None) -> None:
    """Load lexicons and compile regexes: one small article through every analysis (each pool
    worker runs it as it starts, :func:`_worker_init`)."""
    sample = Article(
        id="warm-up",
        title="Warm-up",
        author="",
        text="“It works well,” said Dr. Ana Ruiz. She added that the U.S. plan was bad.",
    )
    try:
        (analyse or analyse_article)(sample)
    except Exception:  # the real run reports errors per article
        log.debug("warm-up failed", exc_info=True)


def _repeats_folder() -> str | None:
    """A new temporary folder for the results of repeated texts (:mod:`analysis.duplicates`),
    or ``None`` when none can be made: the workers then analyse every repeat themselves."""
    try:
        return tempfile.mkdtemp(prefix="analyse-repeats-")
    except OSError:
        log.debug("no temporary folder for repeated texts; each worker analyses them", exc_info=True)
        return None


# --------------------------------------------------------------------------- resume state


@dataclass
class _State:
    done: dict[str, set[str]] = field(default_factory=dict)  # id -> content hashes written
    where: dict[str, int] = field(default_factory=dict)  # id -> chunk index holding it
    loader_errors: set[tuple[str, str]] = field(default_factory=set)  # already in errors
    next_index: int = 0
    fmt: str | None = None


def _existing_output(out_dir: Path) -> bool:
    return (out_dir / MANIFEST).exists() or bool(list_chunks(out_dir)) or any(
        list_parts(out_dir, t) for t in TABLES
    )


def _load_state(out_dir: Path) -> _State:
    """Committed chunks of an earlier run; removes what an interruption left half done."""
    removed = remove_temporary_files(out_dir)
    committed = list_chunks(out_dir)
    keep = set(committed)
    for table_dir in [p for p in out_dir.iterdir() if p.is_dir() and not p.name.startswith("_")]:
        for index, path in list_parts(out_dir, table_dir.name):
            if index not in keep:
                path.unlink()
                removed += 1
    if removed:
        log.info("removed %d files left by an interrupted run", removed)
    state = _State(next_index=(max(committed) + 1) if committed else 0)
    for index in committed:
        record = read_chunk_record(out_dir, index)
        state.fmt = state.fmt or record.get("format")
        for aid, h in zip(record["ids"], record["hashes"]):
            state.done.setdefault(aid, set()).add(h)
            state.where[aid] = index
        state.loader_errors.update((src, msg) for src, msg in record.get("loader_errors", []))
    if state.fmt is None and (out_dir / MANIFEST).exists():
        state.fmt = json.loads((out_dir / MANIFEST).read_text("utf-8")).get("options", {}).get("format")
    return state


def _purge(out_dir: Path, index: int, drop: set[str]) -> None:
    """Remove the rows of articles ``drop`` from committed chunk ``index`` (their text changed)."""
    record = read_chunk_record(out_dir, index)
    fmt = record["format"]
    for name in record["rows"]:
        frame = read_part(out_dir, name, index, fmt, record["dtypes"].get(name))
        frame = frame[~frame["article_id"].isin(drop)] if "article_id" in frame else frame
        record["dtypes"][name] = write_part(out_dir, name, index, frame, fmt)
        record["rows"][name] = len(frame)
    kept = [(i, h) for i, h in zip(record["ids"], record["hashes"]) if i not in drop]
    record["ids"] = [i for i, _ in kept]
    record["hashes"] = [h for _, h in kept]
    atomic_write_text(chunk_record_path(out_dir, index), json.dumps(record))


# --------------------------------------------------------------------------- the run


@dataclass
class RunSummary:
    """What :func:`analyse_corpus` did.

    Attributes:
        out_dir: the output folder.
        articles_read: articles read from the input in this run.
        articles_analysed: articles analysed in this run (read minus skipped).
        articles_skipped: articles skipped because an earlier run wrote them (``resume``).
        errors: articles that raised in this run (rows added to ``errors``).
        chunks: chunks (part files per table) written in this run.
        seconds: wall-clock time of this run.
        rows: total rows per table in the folder after the run.
    """

    out_dir: Path
    articles_read: int = 0
    articles_analysed: int = 0
    articles_skipped: int = 0
    errors: int = 0
    chunks: int = 0
    seconds: float = 0.0
    rows: dict[str, int] = field(default_factory=dict)

    @property
    def articles_per_second(self) -> float:
        """Articles analysed per second of wall-clock time in this run."""
        return self.articles_analysed / self.seconds if self.seconds > 0 else 0.0


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _version() -> str:
    from . import __version__

    return __version__


def _write_manifest(out_dir: Path, manifest: dict[str, Any]) -> None:
    atomic_write_text(out_dir / MANIFEST, json.dumps(manifest, indent=2, default=str) + "\n")


def _totals(out_dir: Path) -> tuple[dict[str, int], int, int]:
    rows: dict[str, int] = {}
    n_articles = 0
    chunks = list_chunks(out_dir)
    for index in chunks:
        record = read_chunk_record(out_dir, index)
        n_articles += len(record["ids"])
        for name, n in record["rows"].items():
            rows[name] = rows.get(name, 0) + n
    return rows, n_articles, len(chunks)


def _progress(enabled: bool) -> Any:
    try:
        from tqdm.auto import tqdm
    except ModuleNotFoundError:  # pragma: no cover - tqdm comes with papermill
        enabled = False
        tqdm = None
    if not enabled or tqdm is None:
        return _NoProgress()
    return tqdm(desc="analyse", unit=" articles", file=sys.stderr, dynamic_ncols=True, smoothing=0.1)


class _NoProgress:
    def update(self, n: int) -> None:
        pass

    def set_postfix_str(self, s: str) -> None:
        pass

    def close(self) -> None:
        pass


class _Input:
    """The articles of ``source`` and, as they are met, what the loader had to leave out."""

    def __init__(self, source: Any) -> None:
        self.iterator: Any
        if isinstance(source, (str, os.PathLike)):
            from .loaders import iter_articles

            # a bad file or record is listed in `skipped` and goes to the errors table
            self.iterator = iter_articles(source, on_error="skip")
        else:
            self.iterator = iter(source)
        self._seen = 0

    def __iter__(self) -> Iterator[Article]:
        for art in self.iterator:
            if not isinstance(art, Article):
                raise ParameterError(f"expected Article objects, got {type(art).__name__}")
            yield art

    def new_skipped(self) -> list[tuple[str, str]]:
        skipped = getattr(self.iterator, "skipped", None) or []
        new = [(str(s[0]), str(s[1])) for s in skipped[self._seen :]]
        self._seen = len(skipped)
        return new


def analyse_corpus(
    source: str | os.PathLike[str] | Iterable[Article],
    out_dir: str | os.PathLike[str],
    *,
    jobs: int = 1,
    fmt: TableFormat | None = None,
    resume: bool = False,
    engine: Engine = "local",
    scheduler: str | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    limit: int | None = None,
    progress: bool = False,
    analyse: AnalyseFn | None = None,
) -> RunSummary:
    """Analyse every article of ``source`` and write the tables into ``out_dir``.

    Args:
        source: a corpus path (folder, glob, JSONL or CSV; read with
            ``analysis.loaders.iter_articles``) or an iterable of ``Article``.
        out_dir: the output folder; created if needed. It must be empty (or not exist) unless
            ``resume`` is set.
        jobs: worker processes (``local`` engine) or workers of the local Dask cluster started
            when no ``scheduler`` is given; ``0`` means one per CPU core.
        fmt: ``"parquet"`` (needs pyarrow) or ``"csv"``; default Parquet when pyarrow is
            installed. A resumed run keeps the format of the first one.
        resume: continue an interrupted run in ``out_dir``: keep its committed chunks, skip
            articles already written with the same content hash, replace the rows of articles
            whose content changed, and append the rest.
        engine: ``"local"`` (this machine: one process or a process pool) or ``"dask"``
            (a Dask cluster; see :mod:`analysis.distributed`).
        scheduler: address of a running Dask scheduler (``tcp://host:8786``); ``None`` starts
            a local cluster. Only with ``engine="dask"``.
        chunk_size: articles per part file; also the unit of work sent to a worker and of
            ``resume``. Memory use grows with it, not with the corpus.
        limit: analyse only the first ``limit`` articles of ``source``.
        progress: show a progress bar with articles per second on stderr.
        analyse: a per-article function like :func:`analyse_article` (it must be a
            module-level function, so that worker processes can import it); ``None`` (the
            default) runs the analyses of :func:`analyse_article` with the same result,
            stacked per chunk (see :func:`analyse_chunk`).

    Returns:
        A :class:`RunSummary` (counts of this run, total rows per table in the folder).

    Raises:
        ParameterError: a bad option, or ``out_dir`` already holds output and ``resume`` is
            not set, or ``resume`` with another format than the earlier run.
        AnalysisError: the input cannot be read (see ``analysis.loaders``).
    """
    check_choice("engine", engine, ("local", "dask"))
    if jobs < 0:
        raise ParameterError(f"jobs={jobs} must be 0 (one per core) or a positive number")
    if chunk_size < 1:
        raise ParameterError(f"chunk_size={chunk_size} must be at least 1")
    if limit is not None and limit < 0:
        raise ParameterError(f"limit={limit} must be positive")
    if scheduler and engine != "dask":
        raise ParameterError("scheduler= is only used with engine='dask'")
    jobs = jobs or (os.cpu_count() or 1)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)

    state = _State()
    if _existing_output(out):
        if not resume:
            raise ParameterError(
                f"{out} already holds analysis tables; pass resume=True (--resume) to continue "
                "that run, or choose an empty folder"
            )
        state = _load_state(out)
    fmt = check_format_name(fmt or state.fmt or default_format())
    if state.fmt and state.fmt != fmt:
        raise ParameterError(
            f"{out} holds {state.fmt} tables; resume with format={state.fmt!r} (not {fmt!r})"
        )

    manifest_path = out / MANIFEST
    manifest: dict[str, Any] = (
        json.loads(manifest_path.read_text("utf-8")) if resume and manifest_path.exists() else {}
    )
    started = _now()
    src_name = str(source) if isinstance(source, (str, os.PathLike)) else "<articles>"
    options = {
        "format": fmt,
        "engine": engine,
        "jobs": jobs,
        "scheduler": scheduler,
        "chunk_size": chunk_size,
        "limit": limit,
        "resume": resume,
    }
    manifest.update(
        {
            "kit": "news-analysis-kit",
            "version": _version(),
            "python": platform.python_version(),
            "inputs": sorted(set(manifest.get("inputs", [])) | {src_name}),
            "options": options,
            "status": "running",
            "updated": started,
        }
    )
    manifest.setdefault("created", started)
    manifest.setdefault("runs", [])
    _write_manifest(out, manifest)

    summary = RunSummary(out_dir=out)
    in_flight: dict[int, Chunk] = {}

    def chunks() -> Iterator[Chunk]:
        source_input = _Input(source)
        articles: Iterable[Article] = source_input
        if limit is not None:
            articles = itertools.islice(articles, limit)
        todo = _skip_done(articles)
        if repeats is not None:
            todo = repeats.reading(todo)
        if engine == "local" and jobs > 1:
            batches = _guided_batches(todo, chunk_size, jobs)
        else:
            batches = _fixed_batches(todo, chunk_size)
        index = state.next_index
        while True:
            batch = next(batches, [])
            loader_errors = [e for e in source_input.new_skipped() if e not in state.loader_errors]
            if not batch and not loader_errors:
                return
            chunk = Chunk(
                index, [a for a, _ in batch], [a.id for a, _ in batch], [h for _, h in batch],
                loader_errors, repeats.plan(index, len(batch)) if repeats is not None else None,
            )
            in_flight[index] = chunk
            yield chunk
            index += 1
            if not batch:
                return

    def _skip_done(articles: Iterable[Article]) -> Iterator[tuple[Article, str]]:
        for art in articles:
            summary.articles_read += 1
            h = content_hash(art)
            hashes = state.done.get(art.id)
            if hashes is not None:
                if h in hashes:
                    summary.articles_skipped += 1
                    bar.update(1)
                    continue
                log.info("article %s changed since it was written: replacing its rows", art.id)
                _purge(out, state.where[art.id], {art.id})
                del state.done[art.id]
            yield art, h

    t0 = time.perf_counter()
    bar = _progress(progress)
    status = "interrupted"
    # a pool's workers share the results of texts that come again (analysis.duplicates)
    repeats_dir = _repeats_folder() if engine == "local" and jobs > 1 and analyse is None else None
    repeats = DuplicatePlan(repeats_dir, in_flight=4 * jobs) if repeats_dir else None
    gc_state = _quiet_gc()
    try:
        if engine == "dask":
            from .distributed import run_dask

            results: Iterator[ChunkResult] = run_dask(
                chunks(), out, fmt, analyse, scheduler=scheduler, n_workers=jobs
            )
        else:
            results = _run_local(chunks(), out, fmt, analyse, jobs)
        for result in results:
            chunk = in_flight.pop(result.index)
            _commit_chunk(out, result, chunk, fmt)
            summary.chunks += 1
            summary.articles_analysed += len(chunk.ids)
            summary.errors += result.n_errors
            bar.update(len(chunk.ids))
            if summary.errors:
                bar.set_postfix_str(f"{summary.errors} errors")
        status = "complete"
    finally:
        _restore_gc(gc_state)
        if repeats_dir:
            shutil.rmtree(repeats_dir, ignore_errors=True)
        bar.close()
        summary.seconds = time.perf_counter() - t0
        summary.rows, n_articles, n_chunks = _totals(out)
        manifest["runs"].append(
            {
                "started": started,
                "status": status,
                "seconds": round(summary.seconds, 3),
                "articles_read": summary.articles_read,
                "articles_analysed": summary.articles_analysed,
                "articles_skipped": summary.articles_skipped,
                "errors": summary.errors,
                "articles_per_s": round(summary.articles_per_second, 2),
                "engine": engine,
                "jobs": jobs,
            }
        )
        manifest.update(
            {
                "status": status,
                "updated": _now(),
                "counts": {"articles": n_articles, "chunks": n_chunks, "rows": summary.rows},
                "tables": list(TABLES),
            }
        )
        _write_manifest(out, manifest)
    return summary


# --------------------------------------------------------------------------- command line


def add_analyse_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the options of ``python -m analysis analyse`` to ``parser``."""
    parser.add_argument("path", help="corpus: a folder or glob of .txt articles, a JSONL or a CSV file")
    parser.add_argument("--out", required=True, help="output folder for the tables (created)")
    parser.add_argument(
        "--jobs", type=int, default=1,
        help="worker processes (default 1; 0 = one per CPU core); results do not depend on it",
    )
    parser.add_argument(
        "--format", dest="format", choices=FORMATS, default=None,
        help="table format (default parquet when pyarrow is installed, else csv)",
    )
    parser.add_argument(
        "--resume", action="store_true",
        help="continue an interrupted run in --out, skipping articles already written",
    )
    parser.add_argument(
        "--engine", choices=("local", "dask"), default="local",
        help="local: this machine; dask: a Dask cluster (needs the [dask] extra)",
    )
    parser.add_argument(
        "--scheduler", default=None, metavar="ADDRESS",
        help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (default: start a local cluster)",
    )
    parser.add_argument(
        "--chunk-size", type=int, default=DEFAULT_CHUNK_SIZE, metavar="N",
        help=f"articles per part file and per unit of work (default {DEFAULT_CHUNK_SIZE})",
    )
    parser.add_argument("--limit", type=int, default=None, metavar="N", help="only the first N articles")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")


def run_analyse(args: argparse.Namespace) -> int:
    """Run ``analyse`` from parsed arguments; return the exit code.

    0: every article was analysed (or skipped as already written); 1: the run finished but
    some articles are in the ``errors`` table; 2: nothing was written (bad option or input).
    A one-line summary goes to stderr.
    """
    try:
        summary = analyse_corpus(
            args.path,
            args.out,
            jobs=args.jobs,
            fmt=args.format,
            resume=args.resume,
            engine=args.engine,
            scheduler=args.scheduler,
            chunk_size=args.chunk_size,
            limit=args.limit,
            progress=not args.no_progress,
        )
    except AnalysisError as exc:
        sys.stderr.write(f"analyse: error: {exc}\n")
        return 2
    rate = summary.articles_per_second
    sys.stderr.write(
        f"analyse: {summary.articles_analysed} articles analysed"
        + (f", {summary.articles_skipped} already written" if summary.articles_skipped else "")
        + f", {summary.errors} error{'' if summary.errors == 1 else 's'}, {summary.seconds:.1f} s ({rate:.1f} articles/s) -> {summary.out_dir}\n"
    )
    if summary.errors:
        for line in _error_lines(summary.out_dir):
            sys.stderr.write(line + "\n")
        sys.stderr.write(f"analyse: see the errors table: read_table({str(summary.out_dir)!r}, 'errors')\n")
    return 1 if summary.errors else 0


def _error_lines(out_dir: Path, limit: int = 5) -> list[str]:
    """One ``analyse: article X failed: ...`` line per article whose analysis raised, at most
    ``limit`` (then a count of the rest), so that a student sees why without opening the
    ``errors`` table. Files and records the loader could not read were named by its own
    ``warning: skipped ...`` lines already."""
    from .tables import read_table

    try:
        errors = read_table(out_dir, "errors")
    except (AnalysisError, OSError):  # pragma: no cover - the table was just written
        return []
    failed = errors[errors["article_id"].fillna("") != ""]
    lines = [
        f"analyse: article {row.article_id!r} failed: {row.error_type}: {' '.join(str(row.message).split())}"
        for row in failed.head(limit).itertuples(index=False)
    ]
    if len(failed) > limit:
        lines.append(f"analyse: ... and {len(failed) - limit} more failed articles")
    return lines


def main(argv: list[str] | None = None) -> int:
    """``python -m analysis.pipeline PATH --out DIR ...``: the same as ``python -m analysis analyse``."""
    parser = argparse.ArgumentParser(
        prog="python -m analysis analyse",
        description="Analyse every article of a corpus into tables (Parquet or CSV).",
    )
    add_analyse_arguments(parser)
    return run_analyse(parser.parse_args(argv))


if __name__ == "__main__":  # pragma: no cover
    # Import the module under its own name, so that worker processes can unpickle its classes.
    from analysis.pipeline import main as _main

    sys.exit(_main())
