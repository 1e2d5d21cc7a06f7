"""The analyse pipeline: tables, parallel equality, errors, formats, resume, atomic files."""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from analysis import pipeline
from analysis.errors import ParameterError
from analysis.loaders import Article
from analysis.pipeline import (
    TABLES,
    add_analyse_arguments,
    analyse_article,
    analyse_corpus,
    content_hash,
    run_analyse,
)
from analysis.tables import is_analysis_folder, list_parts, read_table, write_part
from analysis.text import segment

from .conftest import SMALL_CORPUS

PROJECT = Path(__file__).resolve().parents[1]
HAVE_ANALYSES = all(
    importlib.util.find_spec(f"analysis.{m}") for m in ("stats", "sentiment", "quotes", "terms")
)
needs_analyses = pytest.mark.skipif(not HAVE_ANALYSES, reason="the analysis modules are not all there yet")

# --------------------------------------------------------------------------- test doubles
# The engine tests use a cheap per-article function built on the text layer, so that they test
# the pipeline (chunks, order, resume, formats) quickly; the real analyses are covered below.

FAIL_ID = "art-013"


def light_analyse(article: Article) -> dict[str, pd.DataFrame]:
    """Sentences and lower-cased word counts of one article; raises for FAIL_ID."""
    if article.id == FAIL_ID:
        raise ValueError(f"crafted failure in {article.id}")
    seg = segment(article.text)
    sents = pd.DataFrame(
        [(article.id, i, s, e, article.text[s:e]) for i, (s, e) in enumerate(seg.sentences)],
        columns=["article_id", "sent_id", "start", "end", "text"],
    )
    counts: dict[str, int] = {}
    for s, e in seg.words():
        w = article.text[s:e].lower()
        counts[w] = counts.get(w, 0) + 1
    terms = pd.DataFrame(
        [(article.id, t, c) for t, c in sorted(counts.items())], columns=["article_id", "term", "count"]
    )
    row = {
        "article_id": article.id,
        "title": article.title,
        "author": article.author,
        "n_words": len(seg.words()),
        "score": len(seg.words()) / 7.0,
        **article.meta,
    }
    return {"articles": pd.DataFrame([row]), "sentences": sents, "terms": terms}


def slow_analyse(article: Article) -> dict[str, pd.DataFrame]:
    """light_analyse taking at least 20 ms, so that a run can be killed half-way."""
    time.sleep(0.02)
    return light_analyse(article)


class Interrupt(KeyboardInterrupt):
    pass


_CALLS = {"n": 0}


def interrupting_analyse(article: Article) -> dict[str, pd.DataFrame]:
    """Like light_analyse, but Ctrl-C arrives at the 28th article."""
    _CALLS["n"] += 1
    if _CALLS["n"] == 28:
        raise Interrupt()
    return light_analyse(article)


def make_articles(n: int = 40) -> list[Article]:
    """n articles cycling through the small corpus, with unique ids and varied meta."""
    out = []
    for i in range(n):
        title, paras, author = SMALL_CORPUS[i % len(SMALL_CORPUS)]
        paras = [*paras, f"Paragraph number {i} closes article {i}."]
        out.append(
            Article(
                id=f"art-{i:03d}",
                title=title,
                author=author,
                text="\n".join(paras),
                paragraphs=tuple(paras),
                source=f"corpus.jsonl:{i + 1}",
                meta={"category": ["news", "sport"][i % 2], "rank": i, "tags": ["a", str(i)]},
            )
        )
    return out


def all_tables(out: Path) -> dict[str, pd.DataFrame]:
    return {name: read_table(out, name) for name in TABLES}


def assert_same_tables(a: Path, b: Path) -> None:
    ta, tb = all_tables(a), all_tables(b)
    for name in TABLES:
        pd.testing.assert_frame_equal(ta[name], tb[name], obj=name)


# --------------------------------------------------------------------------- engine


def test_tables_rows_in_input_order_with_article_id_first(tmp_path):
    arts = make_articles(25)
    summary = analyse_corpus(arts, tmp_path / "out", analyse=light_analyse, chunk_size=7)
    tables = all_tables(tmp_path / "out")
    for name in ("articles", "sentences", "terms", "errors"):
        assert tables[name].columns[0] == "article_id"
    ok_ids = [a.id for a in arts if a.id != FAIL_ID]
    assert tables["articles"]["article_id"].tolist() == ok_ids
    # sentences keep each article's order, articles follow the input order
    sent_ids = tables["sentences"]["article_id"].drop_duplicates().tolist()
    assert sent_ids == ok_ids
    assert summary.articles_analysed == 25 and summary.chunks == 4
    assert is_analysis_folder(tmp_path / "out") and not is_analysis_folder(tmp_path)
    assert [i for i, _ in list_parts(tmp_path / "out", "terms")] == [0, 1, 2, 3]


def test_two_jobs_equal_one_job(tmp_path):
    arts = make_articles(40)
    analyse_corpus(arts, tmp_path / "one", jobs=1, analyse=light_analyse, chunk_size=6)
    analyse_corpus(arts, tmp_path / "two", jobs=2, analyse=light_analyse, chunk_size=6)
    assert_same_tables(tmp_path / "one", tmp_path / "two")
    assert len(read_table(tmp_path / "two", "articles")) == 39


def test_failing_article_goes_to_errors_and_run_goes_on(tmp_path):
    arts = make_articles(30)
    summary = analyse_corpus(arts, tmp_path / "out", analyse=light_analyse, chunk_size=10)
    errors = read_table(tmp_path / "out", "errors")
    assert errors.columns.tolist() == ["article_id", "source", "error_type", "message"]
    assert errors["article_id"].tolist() == [FAIL_ID]
    assert errors["error_type"].tolist() == ["ValueError"]
    assert "crafted failure" in errors["message"].iloc[0]
    assert errors["source"].iloc[0] == "corpus.jsonl:14"
    assert summary.errors == 1
    articles = read_table(tmp_path / "out", "articles")
    assert FAIL_ID not in set(articles["article_id"]) and len(articles) == 29
    # the articles after the failure in the same chunk are there
    assert {"art-014", "art-019"} <= set(articles["article_id"])


def test_csv_and_parquet_give_the_same_frames(tmp_path):
    pytest.importorskip("pyarrow")
    arts = make_articles(20)
    analyse_corpus(arts, tmp_path / "pq", fmt="parquet", analyse=light_analyse, chunk_size=8)
    analyse_corpus(arts, tmp_path / "csv", fmt="csv", analyse=light_analyse, chunk_size=8)
    assert list((tmp_path / "csv" / "terms").glob("*.csv"))
    assert list((tmp_path / "pq" / "terms").glob("*.parquet"))
    assert_same_tables(tmp_path / "pq", tmp_path / "csv")
    articles = read_table(tmp_path / "csv", "articles")
    assert articles["rank"].dtype == "int64" and articles["score"].dtype == "float64"
    assert articles["tags"].iloc[3] == '["a", "3"]'  # lists are stored as JSON text


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_read_table_round_trip_of_awkward_values(tmp_path, fmt):
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    frame = pd.DataFrame(
        {
            "article_id": ["a", "a", "b", "c"],
            "term": ["NA", "null", "nan", "None"],  # words a CSV reader would take for missing
            "text": ['He said, "no."\nThen left.', "", None, "naïve café – ‘quoted’"],
            "count": [1, 2, 3, 4],
            "score": [0.1 + 0.2, -1e-17, float("nan"), 1 / 3],
            "flag": [True, False, True, True],
        }
    )
    write_part(tmp_path, "terms", 0, frame.iloc[:2], fmt)
    write_part(tmp_path, "terms", 1, frame.iloc[2:], fmt)
    back = read_table(tmp_path, "terms")
    assert back["term"].tolist() == ["NA", "null", "nan", "None"]
    assert back["text"].iloc[0] == 'He said, "no."\nThen left.'
    assert back["text"].iloc[3] == "naïve café – ‘quoted’"
    assert back["text"].isna().tolist() == [False, True, True, False]  # "" is stored as missing
    assert back["score"].iloc[0] == 0.1 + 0.2 and back["score"].iloc[1] == -1e-17
    assert back["count"].tolist() == [1, 2, 3, 4]
    assert back["flag"].tolist() == [True, False, True, True]
    assert read_table(tmp_path, "terms", columns=["count", "term"]).columns.tolist() == ["count", "term"]


def test_read_table_names_the_missing_table(tmp_path):
    with pytest.raises(FileNotFoundError, match="no table 'quotes'"):
        read_table(tmp_path, "quotes")


def test_existing_output_needs_resume(tmp_path):
    arts = make_articles(5)
    analyse_corpus(arts, tmp_path / "out", analyse=light_analyse)
    with pytest.raises(ParameterError, match="resume"):
        analyse_corpus(arts, tmp_path / "out", analyse=light_analyse)


def test_resume_with_another_format_is_refused(tmp_path):
    arts = make_articles(5)
    analyse_corpus(arts, tmp_path / "out", fmt="csv", analyse=light_analyse)
    with pytest.raises(ParameterError, match="csv"):
        analyse_corpus(arts, tmp_path / "out", fmt="parquet", resume=True, analyse=light_analyse)


# --------------------------------------------------------------------------- resume and faults


def test_resume_after_keyboard_interrupt_completes_without_duplicates(tmp_path):
    arts = make_articles(45)
    analyse_corpus(arts, tmp_path / "full", analyse=light_analyse, chunk_size=5)
    _CALLS["n"] = 0
    with pytest.raises(KeyboardInterrupt):
        analyse_corpus(arts, tmp_path / "out", analyse=interrupting_analyse, chunk_size=5)
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert manifest["status"] == "interrupted"
    done = read_table(tmp_path / "out", "articles")["article_id"].tolist()
    assert done == [a.id for a in arts[:25] if a.id != FAIL_ID]  # 5 chunks committed

    summary = analyse_corpus(arts, tmp_path / "out", analyse=light_analyse, chunk_size=5, resume=True)
    assert summary.articles_skipped == 25 and summary.articles_analysed == 20
    assert_same_tables(tmp_path / "full", tmp_path / "out")
    assert not read_table(tmp_path / "out", "articles")["article_id"].duplicated().any()
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert manifest["status"] == "complete" and len(manifest["runs"]) == 2
    assert manifest["counts"]["articles"] == 45


def test_parts_of_an_uncommitted_chunk_are_ignored_then_removed(tmp_path, monkeypatch):
    arts = make_articles(30)
    real_commit = pipeline._commit_chunk
    calls = {"n": 0}

    def commit_then_die(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 2:  # chunk 1's parts are on disk, its record is not
            raise KeyboardInterrupt
        real_commit(*args, **kwargs)

    monkeypatch.setattr(pipeline, "_commit_chunk", commit_then_die)
    with pytest.raises(KeyboardInterrupt):
        analyse_corpus(arts, tmp_path / "out", analyse=light_analyse, chunk_size=10)
    assert [i for i, _ in list_parts(tmp_path / "out", "terms")] == [0, 1]
    assert read_table(tmp_path / "out", "articles")["article_id"].tolist() == [a.id for a in arts[:10]]

    monkeypatch.setattr(pipeline, "_commit_chunk", real_commit)
    analyse_corpus(arts, tmp_path / "out", analyse=light_analyse, chunk_size=10, resume=True)
    ids = read_table(tmp_path / "out", "articles")["article_id"].tolist()
    assert ids == [a.id for a in arts if a.id != FAIL_ID]


def test_interrupted_write_leaves_no_half_written_file(tmp_path, monkeypatch):
    frame = pd.DataFrame({"article_id": ["a"] * 1000, "term": ["x"] * 1000})
    write_part(tmp_path, "terms", 0, frame, "csv")
    before = (tmp_path / "terms" / "part-00000.csv").read_bytes()

    def half_write(self, path, **kwargs):
        Path(path).write_text("article_id,te")  # a partial file, then the interruption
        raise KeyboardInterrupt

    monkeypatch.setattr(pd.DataFrame, "to_csv", half_write)
    with pytest.raises(KeyboardInterrupt):
        write_part(tmp_path, "terms", 0, frame.iloc[:10], "csv")
    with pytest.raises(KeyboardInterrupt):
        write_part(tmp_path, "terms", 1, frame.iloc[:10], "csv")
    assert sorted(p.name for p in (tmp_path / "terms").iterdir()) == ["part-00000.csv"]
    assert (tmp_path / "terms" / "part-00000.csv").read_bytes() == before


def test_resume_replaces_rows_of_a_changed_article(tmp_path):
    arts = make_articles(12)
    analyse_corpus(arts, tmp_path / "out", analyse=light_analyse, chunk_size=5)
    changed = list(arts)
    changed[3] = Article(
        id=arts[3].id, title=arts[3].title, author="", text="A new text. Quite different now.",
        source=arts[3].source, meta=arts[3].meta,
    )
    summary = analyse_corpus(changed, tmp_path / "out", analyse=light_analyse, chunk_size=5, resume=True)
    assert summary.articles_skipped == 11 and summary.articles_analysed == 1
    articles = read_table(tmp_path / "out", "articles")
    assert articles["article_id"].value_counts()[arts[3].id] == 1
    sents = read_table(tmp_path / "out", "sentences")
    assert sents.loc[sents["article_id"] == arts[3].id, "text"].tolist() == [
        "A new text.", "Quite different now."
    ]


def test_content_hash_depends_on_text_and_meta():
    a = make_articles(1)[0]
    assert content_hash(a) != content_hash(Article(a.id, a.title, a.author, a.text + " ", meta=a.meta))
    assert content_hash(a) != content_hash(Article(a.id, a.title, a.author, a.text, meta={}))


_KILL_SCRIPT = """
import sys
from analysis.pipeline import analyse_corpus
from tests.test_pipeline import make_articles, slow_analyse
analyse_corpus(make_articles(60), sys.argv[1], analyse=slow_analyse, chunk_size=5, jobs=int(sys.argv[2]))
"""


def test_resume_after_the_process_is_killed(tmp_path):
    """SIGKILL to a two-process run (parent and workers) half-way; then --resume."""
    out = tmp_path / "out"
    jobs = 2
    proc = subprocess.Popen(
        [sys.executable, "-c", _KILL_SCRIPT, str(out), str(jobs)],
        cwd=PROJECT,
        start_new_session=True,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while not (out / "_chunks" / "chunk-00002.json").exists():
        assert proc.poll() is None, proc.stderr.read().decode()
        assert time.monotonic() < deadline
        time.sleep(0.01)
    os.killpg(proc.pid, signal.SIGKILL)  # no clean-up of any kind
    proc.wait()
    proc.stderr.close()
    for _, path in list_parts(out, "terms"):  # every visible part is complete
        pd.read_parquet(path)
    arts = make_articles(60)
    summary = analyse_corpus(arts, out, analyse=light_analyse, chunk_size=5, resume=True)
    assert 0 < summary.articles_skipped < 60
    assert not list(out.rglob(".tmp-*"))
    ids = read_table(out, "articles")["article_id"]
    assert ids.tolist() == [a.id for a in arts if a.id != FAIL_ID]
    analyse_corpus(arts, tmp_path / "full", analyse=light_analyse, chunk_size=5)
    assert_same_tables(tmp_path / "full", out)


def test_unreadable_files_go_to_errors_once(tmp_path, small_corpus_dir):
    (small_corpus_dir / "article-01b.txt").write_text("   \n", encoding="utf-8")  # empty
    (small_corpus_dir / "article-00b.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    summary = analyse_corpus(small_corpus_dir, tmp_path / "out", analyse=light_analyse, chunk_size=2)
    errors = read_table(tmp_path / "out", "errors")
    assert [Path(s).name for s in errors["source"]] == ["article-00b.txt", "article-01b.txt"]
    assert errors["article_id"].isna().all() and (errors["error_type"] == "ArticleError").all()
    assert summary.errors == 2
    ids = read_table(tmp_path / "out", "articles")["article_id"].tolist()
    assert ids == ["article-00", "article-01", "article-02"]
    again = analyse_corpus(small_corpus_dir, tmp_path / "out", analyse=light_analyse, resume=True)
    assert again.errors == 0 and again.articles_skipped == 3
    assert len(read_table(tmp_path / "out", "errors")) == 2


# --------------------------------------------------------------------------- command line


def _args(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="analyse")
    add_analyse_arguments(parser)
    return parser.parse_args(list(argv))


def test_arguments_have_documented_defaults():
    args = _args("corpus.jsonl", "--out", "tables")
    assert (args.jobs, args.format, args.resume, args.engine, args.scheduler) == (1, None, False, "local", None)
    with pytest.raises(SystemExit):
        _args("corpus.jsonl", "--out", "t", "--format", "xlsx")


@needs_analyses
def test_run_analyse_on_a_folder_with_progress(tmp_path, small_corpus_dir, capsys):
    code = run_analyse(_args(str(small_corpus_dir), "--out", str(tmp_path / "t"), "--format", "csv"))
    err = capsys.readouterr().err
    assert code == 0, err
    # the progress bar with its rate (tqdm writes "s/ articles" when under one article a second)
    assert re.search(r"analyse: 3 articles \[[^\]]*(articles/s|s/ articles)\]", err), err
    assert "3 articles analysed" in err
    articles = read_table(tmp_path / "t", "articles")
    assert articles["article_id"].tolist() == ["article-00", "article-01", "article-02"]
    assert run_analyse(_args(str(small_corpus_dir), "--out", str(tmp_path / "t"))) == 2  # no --resume


@needs_analyses
def test_run_analyse_names_each_failed_article_on_stderr(tmp_path, small_corpus_dir, capsys, monkeypatch):
    import analysis.stats

    real = analysis.stats.text_stats_values

    def fragile(text: str):
        if "Mayor Ana Ruiz" in text:  # the first article of the small corpus
            raise ValueError("crafted failure for this test")
        return real(text)

    monkeypatch.setattr(analysis.stats, "text_stats_values", fragile)
    code = run_analyse(_args(str(small_corpus_dir), "--out", str(tmp_path / "t"), "--format", "csv", "--no-progress"))
    err = capsys.readouterr().err
    failed = read_table(tmp_path / "t", "errors")["article_id"].tolist()
    assert code == 1 and failed == ["article-00"], err
    for article_id in failed:  # one line each, with the reason, without opening the table
        assert f"analyse: article {article_id!r} failed: ValueError: crafted failure for this test" in err
    assert f"{len(failed)} error{'' if len(failed) == 1 else 's'}," in err


# --------------------------------------------------------------------------- the real analyses


@needs_analyses
def test_analyse_article_uses_every_analysis(seed_path):
    lines = seed_path.read_text(encoding="utf-8").splitlines()
    body = "\n".join(ln.strip() for ln in lines[1:-1] if ln.strip())
    art = Article(id="seed", title=lines[0], author="X", text=body, source=str(seed_path), meta={"k": 1})
    tables = analyse_article(art)
    assert set(tables) == set(pipeline.ANALYSIS_TABLES)
    for name, frame in tables.items():
        assert frame.columns[0] == "article_id", name
        assert (frame["article_id"] == "seed").all(), name
    row = tables["articles"].iloc[0]
    assert row["title"] == lines[0] and row["k"] == 1 and row["content_hash"] == content_hash(art)
    assert row["n_sentences"] == len(tables["sentences"]) == len(segment(body).sentences)
    assert len(tables["quotes"]) > 0
    assert tables["terms"]["count"].sum() > 0


@needs_analyses
def test_real_pipeline_two_jobs_equal_one_job(tmp_path):
    arts = make_articles(12)
    analyse_corpus(arts, tmp_path / "one", jobs=1, chunk_size=5)
    analyse_corpus(arts, tmp_path / "two", jobs=2, chunk_size=5)
    assert_same_tables(tmp_path / "one", tmp_path / "two")
    assert len(read_table(tmp_path / "one", "quotes")) >= 12


@needs_analyses
def test_chunk_fast_path_equals_analyse_article_per_article(tmp_path):
    """The default path (one concat and one speakers() per chunk) == analyse_article stacked."""
    arts = make_articles(9)
    arts.insert(4, Article(id="quiet", title="No quotes", author="", text="Nothing was said here."))
    arts.insert(6, Article(id="many", title="Two voices", author="", text=(
        "“We will win,” said Ann Lee. Bob Stone said that they would lose. "
        "“Never,” Lee added. Stone told reporters it was over.")))
    analyse_corpus(arts, tmp_path / "fast", chunk_size=4)
    analyse_corpus(arts, tmp_path / "plain", chunk_size=4, analyse=analyse_article)
    assert_same_tables(tmp_path / "fast", tmp_path / "plain")
    speakers = read_table(tmp_path / "fast", "speakers")
    assert speakers["article_id"].drop_duplicates().tolist() == [
        a.id for a in arts if a.id in set(speakers["article_id"])
    ]
    assert (speakers["article_id"] == "many").sum() >= 2  # several speakers: an order to keep


@pytest.mark.parametrize("n, size, jobs", [(0, 10, 2), (5, 10, 2), (95, 10, 2), (2225, 100, 2), (1000, 100, 4), (37, 1, 3)])
def test_guided_batches_keep_order_and_shrink_only_at_the_end(n, size, jobs):
    from analysis.pipeline import _fixed_batches, _guided_batches

    batches = list(_guided_batches(iter(range(n)), size, jobs))
    assert [x for b in batches for x in b] == list(range(n))  # every item once, in order
    sizes = [len(b) for b in batches]
    assert all(0 < k <= size for k in sizes)
    assert sizes == sorted(sizes, reverse=True)  # full chunks first, then shrinking ones
    full = [len(b) for b in _fixed_batches(iter(range(n)), size)]
    if n >= size * (jobs + 1):
        assert sizes[: len(full) - jobs - 1] == full[: len(full) - jobs - 1]  # only the tail differs
        assert sizes[-1] <= max(1, size // 8) or sizes[-1] == n % size  # the last chunk is small
