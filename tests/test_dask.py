"""The Dask engine writes the same tables as one local process (a two-worker LocalCluster)."""

from __future__ import annotations

import importlib.util

import pandas as pd
import pytest

from analysis.pipeline import TABLES, analyse_corpus
from analysis.tables import read_table

from .test_pipeline import FAIL_ID, light_analyse, make_articles

distributed = pytest.importorskip("distributed")

HAVE_ANALYSES = all(
    importlib.util.find_spec(f"analysis.{m}") for m in ("stats", "sentiment", "quotes", "terms")
)


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
    ) as cluster:
        yield cluster


def assert_same_tables(a, b) -> None:
    for name in TABLES:
        pd.testing.assert_frame_equal(read_table(a, name), read_table(b, name), obj=name)


def test_dask_tables_equal_single_process(tmp_path, cluster):
    arts = make_articles(45)
    analyse_corpus(arts, tmp_path / "local", analyse=light_analyse, chunk_size=4)
    summary = analyse_corpus(
        arts,
        tmp_path / "dask",
        engine="dask",
        scheduler=cluster.scheduler_address,
        analyse=light_analyse,
        chunk_size=4,
    )
    assert summary.chunks == 12 and summary.errors == 1
    assert_same_tables(tmp_path / "local", tmp_path / "dask")
    assert read_table(tmp_path / "dask", "errors")["article_id"].tolist() == [FAIL_ID]


@pytest.mark.skipif(not HAVE_ANALYSES, reason="the analysis modules are not all there yet")
def test_dask_real_analyses_equal_single_process(tmp_path, cluster):
    arts = make_articles(16)
    analyse_corpus(arts, tmp_path / "local", chunk_size=3, fmt="csv")
    analyse_corpus(
        arts, tmp_path / "dask", engine="dask", scheduler=cluster.scheduler_address, chunk_size=3,
        fmt="csv",
    )
    assert_same_tables(tmp_path / "local", tmp_path / "dask")
    assert len(read_table(tmp_path / "dask", "quotes")) > 0


def test_dask_resume_continues_a_local_run(tmp_path, cluster):
    arts = make_articles(30)
    analyse_corpus(arts[:12], tmp_path / "out", analyse=light_analyse, chunk_size=4)
    summary = analyse_corpus(
        arts, tmp_path / "out", engine="dask", scheduler=cluster.scheduler_address,
        analyse=light_analyse, chunk_size=4, resume=True,
    )
    assert summary.articles_skipped == 12 and summary.articles_analysed == 18
    analyse_corpus(arts, tmp_path / "full", analyse=light_analyse, chunk_size=4)
    assert_same_tables(tmp_path / "full", tmp_path / "out")


def test_analyse_bag_maps_partitions(cluster):
    db = pytest.importorskip("dask.bag")
    from analysis.distributed import analyse_bag

    arts = make_articles(10)
    with distributed.Client(cluster.scheduler_address):
        parts = analyse_bag(db.from_sequence(arts, npartitions=3), light_analyse).compute()
    assert len(parts) == 3
    terms = pd.concat([p["terms"] for p in parts], ignore_index=True)
    expected = pd.concat([light_analyse(a)["terms"] for a in arts], ignore_index=True)
    pd.testing.assert_frame_equal(terms, expected)
