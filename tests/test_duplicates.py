"""analysis.duplicates: repeated texts' results shared between the workers of one run.

Sharing must never change a table: each test compares with analysing every text itself.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pandas as pd
import pytest

from analysis import pipeline
from analysis.duplicates import DuplicatePlan, SharedResults, text_key
from analysis.loaders import Article
from analysis.pipeline import TABLES, analyse_corpus
from analysis.tables import read_table

from .conftest import SMALL_CORPUS, count_text_stats_calls

TEXTS = ["\n".join(paras) for _, paras, _ in SMALL_CORPUS] + [
    "“We will win,” said Ann Lee. Bob Stone said that they would lose.",
    "Nothing was said here. The council met on Monday.",
]


def _articles(texts: list) -> list[Article]:
    return [Article(id=f"a{i:03d}", title=f"T{i}", author="", text=t) for i, t in enumerate(texts)]


def _plan_all(texts: list, sizes: list[int], in_flight: int = 8) -> tuple[DuplicatePlan, list]:
    plan = DuplicatePlan("/nowhere", in_flight=in_flight)
    reader = plan.reading((a, None) for a in _articles(texts))
    out = []
    for index, n in enumerate(sizes):
        for _ in range(n):  # the chunk's articles are read before it is planned
            next(reader)
        out.append(plan.plan(index, n))
    return plan, out


def test_plan_publishes_what_comes_again_later_and_fetches_it_there():
    a, b, c, d = "text a", "text b", "text c", "text d"
    # read ahead: the three chunks are read before the first is planned
    plan = DuplicatePlan("/nowhere", in_flight=8)
    items = list(plan.reading((x, None) for x in _articles([a, b, a, c, b, d])))
    assert len(items) == 6
    first, second, third = plan.plan(0, 2), plan.plan(1, 2), plan.plan(2, 2)
    assert first.publish == {0: text_key(a), 1: text_key(b)} and first.fetch == {}
    assert second.fetch == {0: text_key(a)} and second.publish == {}
    assert third.fetch == {0: text_key(b)} and third.publish == {}


def test_plan_leaves_alone_what_repeats_within_a_chunk_or_is_not_read_yet():
    a, b = "text a", "text b"
    # a again inside chunk 0; b again in chunk 1 but not read yet when chunk 0 is planned
    _, plans = _plan_all([a, a, b, "x", b], [3, 2])
    assert plans[0] is None and plans[1] is None
    # a non-text never takes part (its worker reports it as an error)
    _, plans = _plan_all([None, "y", None, "y"], [2, 2])
    assert plans[0] is None and plans[1] is None


def test_plan_stays_bounded_and_removes_old_files(tmp_path):
    texts = [f"text {i % 50}" for i in range(6000)]  # every text comes again every 50 articles
    plan = DuplicatePlan(tmp_path, in_flight=2)
    reader = plan.reading((a, None) for a in _articles(texts))
    published = []
    for _ in range(60):  # reading runs 60 articles ahead of the chunks
        next(reader)
    for index in range(594):
        for _ in range(10):
            next(reader)
        shared = plan.plan(index, 10)
        if shared:
            for i, key in shared.publish.items():
                (tmp_path / key).write_bytes(b"x")
                published.append(key)
    assert published  # something was shared
    assert len(plan._last_read) <= 50 and len(plan._reads) <= 4096 + 60 + 10  # horizon + read-ahead
    assert len(plan._published) <= 50
    assert len(list(tmp_path.iterdir())) <= 50  # files of forgotten publishers are removed


def test_shared_results_round_trip_and_order(tmp_path):
    s = SharedResults(str(tmp_path), publish={1: "k1"}, fetch={0: "k1", 3: "k2"})
    assert s.order(5) == [1, 2, 4, 0, 3]  # the ones to fetch last
    assert s.get(0) is None  # not published yet
    s.put(1, ({"n": 1.5}, [(1, 2.25)], None))
    assert s.get(0) == ({"n": 1.5}, [(1, 2.25)], None)
    (tmp_path / "k2").write_bytes(b"not a pickle")
    assert s.get(3) is None  # damaged: the worker computes it
    assert sorted(p.name for p in tmp_path.iterdir()) == ["k1", "k2"]  # no temporary file left


def test_put_into_a_missing_folder_is_no_error(tmp_path):
    s = SharedResults(str(tmp_path / "gone"), publish={0: "k"})
    s.put(0, "result")  # the later worker will compute it
    assert not (tmp_path / "gone").exists()


def _tables(result: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    return {name: result[name].reset_index(drop=True) for name in TABLES}


def test_a_fetched_result_is_not_computed_again_and_gives_the_same_tables(tmp_path, monkeypatch):
    arts = _articles(TEXTS)
    repeat = [Article(id="again", title="Again", author="x", text=TEXTS[2]), *arts[3:5]]
    repeat.insert(1, Article(id="bad", title="", author="", text=None))  # type: ignore[arg-type]
    key = text_key(TEXTS[2])
    pipeline._RECENT.clear()
    expected = _tables(pipeline._analyse_chunk_default(repeat))  # everything computed

    pipeline._RECENT.clear()
    pipeline._analyse_chunk_default(arts, SharedResults(str(tmp_path), publish={2: key}))
    assert (tmp_path / key).is_file()
    pipeline._RECENT.clear()  # another worker: it remembers nothing
    calls = count_text_stats_calls(monkeypatch)
    got = _tables(pipeline._analyse_chunk_default(repeat, SharedResults(str(tmp_path), fetch={0: key})))
    assert TEXTS[2] not in calls and len([t for t in calls if t is not None]) == 2  # not the repeat
    for name in TABLES:
        pd.testing.assert_frame_equal(got[name], expected[name], check_exact=True, obj=name)
    assert got["errors"]["article_id"].tolist() == ["bad"]
    assert got["articles"]["article_id"].tolist() == ["again", "a003", "a004"]  # input order

    pipeline._RECENT.clear()  # published file gone: computed, same tables
    (tmp_path / key).unlink()
    got = _tables(pipeline._analyse_chunk_default(repeat, SharedResults(str(tmp_path), fetch={0: key})))
    for name in TABLES:
        pd.testing.assert_frame_equal(got[name], expected[name], check_exact=True, obj=name)


def test_two_jobs_with_repeats_across_chunks_equal_one_job_and_leave_nothing(tmp_path):
    texts = [TEXTS[i % len(TEXTS)] for i in range(40)]  # every text again, in other chunks
    arts = [Article(id=f"r{i:02d}", title=f"T{i}", author="", text=t) for i, t in enumerate(texts)]
    before = {p.name for p in Path(tempfile.gettempdir()).glob("analyse-repeats-*")}
    analyse_corpus(arts, tmp_path / "one", jobs=1, chunk_size=4)
    analyse_corpus(arts, tmp_path / "two", jobs=2, chunk_size=4)
    for name in TABLES:
        pd.testing.assert_frame_equal(read_table(tmp_path / "one", name), read_table(tmp_path / "two", name), obj=name)
    after = {p.name for p in Path(tempfile.gettempdir()).glob("analyse-repeats-*")}
    assert after <= before  # the run's folder of shared results is removed


@pytest.mark.skipif(
    pipeline._pool_context().get_start_method() != "fork",
    reason="the pool's workers see a monkeypatched class only when forked (Linux)",
)
def test_pool_workers_publish_what_the_plan_says(tmp_path, monkeypatch):
    texts = [TEXTS[i % len(TEXTS)] for i in range(60)]
    arts = [Article(id=f"r{i:02d}", title=f"T{i}", author="", text=t) for i, t in enumerate(texts)]
    log = tmp_path / "puts"
    put = SharedResults.put

    def logged_put(self, position, result):
        with open(log, "a", encoding="utf-8") as fh:
            fh.write(self.publish[position] + "\n")
        put(self, position, result)

    monkeypatch.setattr(SharedResults, "put", logged_put)
    analyse_corpus(arts, tmp_path / "two", jobs=2, chunk_size=5)
    keys = log.read_text().split()
    # each distinct text is published once, by the first chunk that has it
    assert sorted(keys) == sorted({text_key(t) for t in TEXTS})


def test_without_a_temporary_folder_the_run_goes_on_with_the_same_tables(tmp_path, monkeypatch):
    import tempfile as tf

    def no_folder(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    texts = [TEXTS[i % len(TEXTS)] for i in range(20)]
    arts = [Article(id=f"r{i:02d}", title=f"T{i}", author="", text=t) for i, t in enumerate(texts)]
    analyse_corpus(arts, tmp_path / "one", jobs=1, chunk_size=4)
    monkeypatch.setattr(tf, "mkdtemp", no_folder)
    summary = analyse_corpus(arts, tmp_path / "two", jobs=2, chunk_size=4)
    assert summary.articles_analysed == 20 and summary.errors == 0
    for name in TABLES:
        pd.testing.assert_frame_equal(read_table(tmp_path / "one", name), read_table(tmp_path / "two", name), obj=name)
