"""Faults: a killed run, a read-only output folder, a full disk.

What must hold, for both commands a student runs (``python -m analysis report`` and
``python -m analysis analyse``):

- killed with SIGKILL half-way (no clean-up of any kind), every file under its final name is
  whole (``.html``, ``.ipynb``, ``.parquet``, ``.csv``, the manifests), and running the same
  command again (``--resume`` for ``analyse``) completes with the same result as a clean run;
- a read-only output folder or a full disk gives one line on stderr that says so and what to
  do, exit code 2, never a traceback; after freeing space the rerun completes.

The full disk and the read-only folder are simulated in-process (a write raising
``OSError(ENOSPC)``/``OSError(EROFS)``), and also made real with a tiny or a read-only tmpfs
when this machine lets the tests mount one (it needs root; those tests skip otherwise, the
in-process ones always run).
"""

from __future__ import annotations

import errno
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from analysis import cli, reports, tables
from analysis.pipeline import TABLES, analyse_corpus
from analysis.tables import list_parts, read_table

from .conftest import SMALL_CORPUS, write_article
from .test_catalogue import run_cli_batch

PROJECT = Path(__file__).resolve().parents[1]
GOOD = PROJECT / "tests" / "notebooks" / "10-good.ipynb"
TMP_NAME = re.compile(r"^\.tmp-")


def _articles(folder: Path, n: int) -> Path:
    folder.mkdir()
    for i in range(n):
        title, paras, author = SMALL_CORPUS[i % len(SMALL_CORPUS)]
        write_article(folder / f"art-{i:03d}.txt", f"{title} ({i})", paras, author)
    return folder


def _jsonl(path: Path, n: int) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            title, paras, author = SMALL_CORPUS[i % len(SMALL_CORPUS)]
            fh.write(json.dumps({"id": f"a{i:03d}", "title": title, "author": author,
                                 "text": "\n".join(paras)}) + "\n")
    return path


def _final_files(out: Path, suffixes: tuple[str, ...]) -> list[Path]:
    return [p for p in out.rglob("*") if p.is_file() and p.suffix in suffixes and not TMP_NAME.match(p.name)]


def _kill_when(argv: list[str], cwd: Path, ready, timeout: float = 240) -> None:
    """Start ``python -m analysis ARGV`` in its own session; SIGKILL the whole group once
    ``ready()`` is true. Fails if the run ends first (the test would prove nothing)."""
    proc = subprocess.Popen([sys.executable, "-m", "analysis", *argv], cwd=cwd,
                            start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + timeout
        while not ready():
            assert proc.poll() is None, "the run ended before it could be killed: " + proc.stderr.read().decode()
            assert time.monotonic() < deadline, "nothing was written in time"
            time.sleep(0.01)
        assert proc.poll() is None, "the run ended before it could be killed"
    finally:
        try:
            os.killpg(proc.pid, signal.SIGKILL)  # parent, workers and kernels: no clean-up at all
        except ProcessLookupError:
            pass
        proc.wait()
        proc.stderr.close()


def _committed(out: Path) -> int:
    """Reports recorded as built in ``out``'s manifest (0 while it does not exist yet)."""
    try:
        manifest = json.loads((out / reports.MANIFEST).read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return 0
    return sum(1 for entry in manifest.get("reports", {}).values() if entry.get("status") == "ok")


def _cli(argv: list[str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "analysis", *argv], cwd=cwd,
                          capture_output=True, text=True, timeout=600)


# ------------------------------------------------------------------------------ killed runs


@pytest.mark.slow
def test_killed_report_leaves_only_whole_files_and_a_rerun_completes(tmp_path):
    articles = _articles(tmp_path / "articles", 6)
    out = tmp_path / "reports"
    argv = ["report", str(articles), "--out", str(out), "--notebooks", str(GOOD), "--jobs", "1", "--no-progress"]
    # Kill once one report is committed: its pages written *and* recorded in the manifest (a
    # report whose pages are written but not yet recorded is rebuilt by the rerun, correctly).
    _kill_when(argv, tmp_path, lambda: _committed(out) >= 1)

    for page in _final_files(out, (".html",)):
        assert page.read_text(encoding="utf-8").rstrip().endswith("</html>"), page
    for nb_path in _final_files(out, (".ipynb",)):
        nbformat.validate(nbformat.read(nb_path, as_version=4))
    if (out / reports.MANIFEST).exists():
        json.loads((out / reports.MANIFEST).read_text(encoding="utf-8"))

    again = _cli(argv, tmp_path)
    assert again.returncode == 0, again.stderr
    m = re.search(r"report: 6 articles, 6 reports: (\d+) built, (\d+) up to date, 0 failed", again.stderr)
    assert m and int(m.group(2)) >= 1 and int(m.group(1)) + int(m.group(2)) == 6, again.stderr
    index = (out / "index.html").read_text(encoding="utf-8")
    for i in range(6):
        page = out / f"art-{i:03d}" / "10-good.html"
        assert page.read_text(encoding="utf-8").rstrip().endswith("</html>")
        assert f'href="art-{i:03d}/10-good.html"' in index


def test_rerun_after_a_killed_report_leaves_no_temporary_files(tmp_path):
    """A report killed while papermill writes leaves ``<dir>/.tmp-<notebook>-XXXX.ipynb`` (seen
    in the test above); the next run of that report removes it."""
    articles = _articles(tmp_path / "articles", 2)
    out = tmp_path / "reports"
    leftover = out / "art-000" / ".tmp-10-good-k1ll3d.ipynb"
    leftover.parent.mkdir(parents=True)
    leftover.write_text('{"cells": [', encoding="utf-8")  # cut off by the kill
    argv = ["report", str(articles), "--out", str(out), "--notebooks", str(GOOD), "--jobs", "1", "--no-progress"]
    assert cli.main(argv) == 0
    assert [p.name for p in out.rglob(".tmp-*")] == []


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_killed_analyse_leaves_only_whole_files_and_resume_completes(tmp_path, fmt):
    corpus = _jsonl(tmp_path / "corpus.jsonl", 30)
    out = tmp_path / "tables"
    argv = ["analyse", str(corpus), "--out", str(out), "--format", fmt, "--chunk-size", "1", "--no-progress"]
    _kill_when(argv, tmp_path, lambda: len(list_parts(out, "terms")) >= 2)

    parts = _final_files(out, (f".{fmt}",))
    assert parts
    for part in parts:  # every visible part is a whole file
        pd.read_csv(part) if fmt == "csv" else pd.read_parquet(part)
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["status"] == "running"  # the killed run could not say more
    done = read_table(out, "articles")["article_id"].tolist()
    assert 0 < len(done) < 30 and done == [f"a{i:03d}" for i in range(len(done))]

    resumed = _cli([*argv, "--resume"], tmp_path)
    assert resumed.returncode == 0, resumed.stderr
    assert re.search(r"analyse: \d+ articles analysed, \d+ already written, 0 errors", resumed.stderr)
    assert not list(out.rglob(".tmp-*"))
    clean = tmp_path / "clean"
    analyse_corpus(corpus, clean, fmt=fmt, chunk_size=1)
    for table in TABLES:
        got, want = read_table(out, table), read_table(clean, table)
        pd.testing.assert_frame_equal(got, want, check_dtype=False)
    assert json.loads((out / "manifest.json").read_text(encoding="utf-8"))["status"] == "complete"


# ------------------------------------------------------------------------------ read-only, full disk (in-process)


def _one_error_line(stderr: str, command: str, pattern: str) -> None:
    assert "Traceback" not in stderr
    errors = [ln for ln in stderr.splitlines() if ln.startswith(f"{command}: error: ")]
    assert len(errors) == 1, stderr
    assert re.search(pattern, errors[0]), errors[0]


def test_analyse_into_a_read_only_folder_is_one_line(tmp_path, small_corpus_dir, monkeypatch, capsys):
    real_mkdir = Path.mkdir

    def read_only(self, *args, **kwargs):
        if "ro" in self.parts:
            raise OSError(errno.EROFS, "Read-only file system", str(self))
        return real_mkdir(self, *args, **kwargs)

    monkeypatch.setattr(Path, "mkdir", read_only)
    code = cli.main(["analyse", str(small_corpus_dir), "--out", str(tmp_path / "ro" / "tables"), "--no-progress"])
    assert code == 2
    _one_error_line(capsys.readouterr().err, "analyse",
                    r"cannot write .*ro/tables: the file system is read-only; choose another --out folder")


def test_report_into_a_read_only_folder_is_one_line(tmp_path, small_corpus_dir, monkeypatch, capsys):
    real = reports.tempfile.mkstemp

    def read_only(*args, dir=None, **kwargs):
        if dir is not None and "ro" in Path(dir).parts:
            raise OSError(errno.EROFS, "Read-only file system")
        return real(*args, dir=dir, **kwargs)

    monkeypatch.setattr(reports.tempfile, "mkstemp", read_only)
    code = cli.main(["report", str(small_corpus_dir), "--out", str(tmp_path / "ro"), "--notebooks", str(GOOD),
                     "--no-progress"])
    assert code == 2
    _one_error_line(capsys.readouterr().err, "report", r"cannot write .*ro.*: the file system is read-only")


def test_analyse_on_a_full_disk_is_one_line_and_resume_completes(tmp_path, small_corpus_dir, monkeypatch, capsys):
    out = tmp_path / "tables"
    real_replace = os.replace
    calls = {"n": 0}

    def disk_full_after_the_first_chunk(src, dst, *args, **kwargs):
        if "part-" in str(dst) and not str(dst).endswith("part-00000.parquet"):
            calls["n"] += 1
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_replace(src, dst, *args, **kwargs)

    monkeypatch.setattr(tables.os, "replace", disk_full_after_the_first_chunk)
    argv = ["analyse", str(small_corpus_dir), "--out", str(out), "--chunk-size", "1", "--format", "parquet",
            "--no-progress"]
    assert cli.main(argv) == 2
    _one_error_line(capsys.readouterr().err, "analyse",
                    r"the disk is full; free some space or choose another --out folder, then run the same "
                    r"command with --resume")
    assert calls["n"] == 1
    assert not list(out.rglob(".tmp-*"))  # the failed write cleaned up after itself
    assert read_table(out, "articles")["article_id"].tolist() == ["article-00"]

    monkeypatch.setattr(tables.os, "replace", real_replace)  # space was freed
    assert cli.main([*argv, "--resume"]) == 0
    assert read_table(out, "articles")["article_id"].tolist() == ["article-00", "article-01", "article-02"]


def test_report_on_a_full_disk_is_one_line_and_keeps_finished_reports(tmp_path, small_corpus_dir, monkeypatch, capsys):
    out = tmp_path / "reports"
    argv = ["report", str(small_corpus_dir), "--out", str(out), "--notebooks", str(GOOD), "--jobs", "1",
            "--no-progress"]
    assert cli.main(argv) == 0
    before = {p: p.read_bytes() for p in out.glob("*/10-good.html")}
    assert len(before) == 3
    (small_corpus_dir / "article-03.txt").write_text("New\nA fourth article.\n", encoding="utf-8")
    real = reports.tempfile.mkstemp

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(reports.tempfile, "mkstemp", full)
    capsys.readouterr()
    assert cli.main(argv) == 2
    _one_error_line(capsys.readouterr().err, "report", r"the disk is full")
    assert {p: p.read_bytes() for p in out.glob("*/10-good.html")} == before  # nothing lost
    monkeypatch.setattr(reports.tempfile, "mkstemp", real)
    assert cli.main(argv) == 0
    assert len(list(out.glob("*/10-good.html"))) == 4


# ------------------------------------------------------------------------------ a real tmpfs


def _mount(path: Path, *options: str) -> bool:
    path.mkdir(parents=True, exist_ok=True)
    try:
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", ",".join(options), "tmpfs", str(path)],
                              capture_output=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0


@pytest.fixture()
def tmpfs(tmp_path):
    """``make(name, *options)`` mounts a tmpfs at ``tmp_path/name``; all are unmounted after."""
    mounted: list[Path] = []

    def make(name: str, *options: str) -> Path:
        path = tmp_path / name
        if not _mount(path, *options):
            pytest.skip("cannot mount a tmpfs here (needs root); the in-process tests cover this")
        mounted.append(path)
        return path

    yield make
    for path in reversed(mounted):
        subprocess.run(["umount", "-l", str(path)], capture_output=True, timeout=30)


def _fill(folder: Path) -> Path:
    """Fill the file system of ``folder`` up to the last block; return the file to delete."""
    filler = folder / "filler"
    fd = os.open(filler, os.O_CREAT | os.O_WRONLY, 0o644)
    try:
        while True:
            os.write(fd, b"\0" * 4096)
    except OSError as exc:
        assert exc.errno == errno.ENOSPC
    finally:
        os.close(fd)
    return filler


@pytest.mark.slow
def test_real_full_disk_and_read_only_folder(tmp_path, small_corpus_dir, tmpfs):
    """The commands as a student runs them, on a full and on a read-only file system."""
    full = tmpfs("full", "size=4m")
    read_only = tmpfs("ro", "ro", "size=1m")
    filler = _fill(full)
    runs = {
        "analyse/full": ["analyse", str(small_corpus_dir), "--out", str(full / "tables"), "--no-progress"],
        "analyse/ro": ["analyse", str(small_corpus_dir), "--out", str(read_only / "tables"), "--no-progress"],
        "report/full": ["report", str(small_corpus_dir), "--out", str(full / "reports"), "--notebooks", str(GOOD),
                        "--jobs", "1", "--no-progress"],
        "report/ro": ["report", str(small_corpus_dir), "--out", str(read_only / "reports"), "--notebooks",
                      str(GOOD), "--jobs", "1", "--no-progress"],
    }
    results = run_cli_batch(runs, tmp_path)
    for key, result in results.items():
        command, where = key.split("/")
        assert result["code"] == 2, (key, result)
        _one_error_line(result["stderr"], command,
                        r"the disk is full[;.] [Ff]ree some space" if where == "full" else r"the file system is read-only")
    filler.unlink()  # space freed: the same commands complete
    again = run_cli_batch({"analyse": [*runs["analyse/full"], "--resume"], "report": runs["report/full"]}, tmp_path)
    assert again["analyse"]["code"] == 0, again["analyse"]
    assert read_table(full / "tables", "articles")["article_id"].tolist() == ["article-00", "article-01", "article-02"]
    assert again["report"]["code"] == 0, again["report"]
    assert len(list((full / "reports").glob("*/10-good.html"))) == 3
