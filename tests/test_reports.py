"""Batch reports: papermill runs, failure isolation, incremental rebuilds, safe names, safe HTML.

Most tests use the two tiny fixture notebooks in ``tests/notebooks/`` (one shows the article
escaped and draws a plot, one raises when the article holds the word ``BREAKME``) so that a
batch takes seconds. ``test_real_notebooks_on_the_seed`` runs the course notebooks (slow).
"""

from __future__ import annotations

import errno
import json
import os
import re
from pathlib import Path

import nbformat
import pytest

from analysis import reports
from analysis.cli import main
from analysis.errors import ReportError
from analysis.html_export import atomic_write, html_problems, neutralise_outputs
from analysis.paths import NOTEBOOKS_DIR, SEEDS_DIR
from analysis.reports import build_reports, report_dir_name

from .conftest import write_article

FIXTURES = Path(__file__).parent / "notebooks"
GOOD = FIXTURES / "10-good.ipynb"
FAILS = FIXTURES / "20-fails-on-marker.ipynb"
HOSTILE_TITLE = 'Evil <script>window.__pwned = 1</script> headline'
HOSTILE_BODY = [
    "A paragraph with <img src=x onerror=\"window.__pwned = 2\"> inside.",
    'And a <a href="javascript:window.__pwned = 3">link</a> too.',
    "Entities are text: &lt;script&gt;window.__pwned = 4&lt;/script&gt; &amp; &#106;avascript:x "
    '<a href="&#106;avascript:window.__pwned = 5">encoded</a>.',
]
NETWORK = re.compile(r"""(?:\bsrc|\bhref|\burl)\s*[=(]\s*["']?\s*(?:https?:)?//""", re.IGNORECASE)


def _batch20(folder: Path) -> Path:
    folder.mkdir()
    for i in range(20):
        body = [f"Paragraph one of article {i}.", "Officials said the plan was going well."]
        if i == 7:
            body.append("This one holds the word BREAKME, which the failing notebook refuses.")
        write_article(folder / f"art-{i:02d}.txt", f"Article number {i}", body, "Jane Doe" if i % 2 else "")
    write_article(folder / "art-20-hostile.txt", HOSTILE_TITLE, HOSTILE_BODY, "Mallory")
    return folder


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    """21 articles (one breaks the failing notebook, one is hostile) x 2 notebooks + corpus."""
    root = tmp_path_factory.mktemp("batch")
    articles = _batch20(root / "articles")
    out = root / "reports"
    result = build_reports([articles], notebooks=[str(GOOD), str(FAILS)], out=out, jobs=2, corpus=True, progress=False)
    return articles, out, result


def _by_key(result):
    return {r.key: r for r in result.results}


# ------------------------------------------------------------------------------ the batch


def test_one_broken_article_fails_one_report_and_the_rest_are_built(batch):
    _, out, result = batch
    by_key = _by_key(result)
    assert len(result.results) == 21 * 2 + 2
    failed = [r.key for r in result.results if r.status == "failed"]
    assert failed == ["art-07/20-fails-on-marker"]
    assert by_key["art-07/20-fails-on-marker"].error == "ValueError: the article contains the marker BREAKME"
    assert sum(r.status == "ok" for r in result.results) == 21 * 2 + 2 - 1
    assert not result.ok
    for r in result.results:
        folder, stem = r.key.split("/")
        assert (out / folder / f"{stem}.html").is_file(), r.key
        assert (out / folder / f"{stem}.ipynb").is_file(), r.key
    assert not list(out.rglob(".tmp-*")), "temporary files left behind"


def test_failed_report_keeps_papermill_error_banner(batch):
    _, out, _ = batch
    nb = nbformat.read(out / "art-07" / "20-fails-on-marker.ipynb", as_version=4)
    assert nb.metadata["analysis_report"]["status"] == "failed"
    assert "papermill-error-cell-tag" in nb.cells[0].metadata.get("tags", [])
    page = (out / "art-07" / "20-fails-on-marker.html").read_text(encoding="utf-8")
    assert "An Exception was encountered" in page
    assert "BREAKME" in page


def test_index_is_complete_and_marks_the_failed_row(batch):
    _, out, _ = batch
    page = (out / "index.html").read_text(encoding="utf-8")
    rows = re.findall(r'<tr class="(ok|failed)">(.*?)</tr>', page, re.S)
    assert len(rows) == 21
    failed = [body for cls, body in rows if cls == "failed"]
    assert len(failed) == 1 and "Article number 7" in failed[0]
    assert "ValueError: the article contains the marker BREAKME" in failed[0]
    for i in range(20):
        assert f'href="art-{i:02d}/10-good.html"' in page
    assert 'href="_corpus/10-good.html"' in page
    assert "1 failed" in page


def test_corpus_report_sees_every_article(batch):
    _, out, result = batch
    assert _by_key(result)["_corpus/10-good"].status == "ok"
    nb = nbformat.read(out / "_corpus" / "10-good.ipynb", as_version=4)
    printed = "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs)
    assert "corpus: corpus.jsonl 21 articles" in printed


def test_hostile_article_is_escaped_everywhere(batch):
    _, out, _ = batch
    pages = [out / "index.html", *out.glob("art-20-hostile/*.html")]
    assert len(pages) == 3
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert "<script" not in text.lower(), page
        assert not re.search(r"<img\s[^>]*onerror", text, re.I), page
        assert not re.search(r"<a\s[^>]*href=\"javascript:", text, re.I), page
        assert not re.search(r"""\b(?:href|src)\s*=\s*["']?\s*(?:&#0*106;|&#x0*6a;|j)avascript:""", text, re.I), page
        assert html_problems(text, document=True) == [], page
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "Evil &lt;script&gt;window.__pwned = 1&lt;/script&gt; headline" in index
    report = (out / "art-20-hostile" / "10-good.html").read_text(encoding="utf-8")
    assert "&lt;img src=x onerror=" in report
    assert "&amp;lt;script&amp;gt;window.__pwned = 4" in report  # an entity stays text, not markup
    assert "&amp;#106;avascript:" in report


def test_reports_load_nothing_from_the_network(batch):
    _, out, _ = batch
    for page in [out / "index.html", *out.glob("*/*.html")]:
        text = page.read_text(encoding="utf-8")
        assert not NETWORK.findall(text), page
        assert "<link" not in text and "@import" not in text, page
        assert "Content-Security-Policy" in text, page
    report = (out / "art-00" / "10-good.html").read_text(encoding="utf-8")
    assert 'src="data:image/png;base64,' in report  # the plot is embedded


def test_progress_and_manifest(batch):
    _, out, result = batch
    manifest = json.loads((out / reports.MANIFEST).read_text(encoding="utf-8"))
    assert set(manifest["reports"]) == {r.key for r in result.results}
    assert manifest["reports"]["art-07/20-fails-on-marker"]["status"] == "failed"
    assert "art-00" in manifest["summaries"]


# ------------------------------------------------------------------------------ incremental


@pytest.fixture()
def small(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    write_article(folder / "one.txt", "One", ["First article."], "A. Writer")
    write_article(folder / "two.txt", "Two", ["Second article."])
    return folder, tmp_path / "out"


def _run(folder, out, **kw):
    return build_reports([folder], notebooks=[str(GOOD)], out=out, jobs=2, progress=False, **kw)


def test_rerun_skips_current_reports_and_rebuilds_changed_ones(small):
    folder, out = small
    first = _run(folder, out)
    assert [r.status for r in first.results] == ["ok", "ok"]
    stamp = {p: p.stat().st_mtime_ns for p in out.glob("*/10-good.*")}

    again = _run(folder, out)
    assert [r.status for r in again.results] == ["skipped", "skipped"]
    assert {p: p.stat().st_mtime_ns for p in out.glob("*/10-good.*")} == stamp

    write_article(folder / "two.txt", "Two, revised", ["Second article, corrected."])
    third = _run(folder, out)
    assert {r.key: r.status for r in third.results} == {"one/10-good": "skipped", "two/10-good": "ok"}
    assert "Two, revised" in (out / "two" / "10-good.html").read_text(encoding="utf-8")

    fourth = _run(folder, out, parameters={"marker": "other"})  # new parameters: all rebuilt
    assert [r.status for r in fourth.results] == ["ok", "ok"]


def test_force_rebuilds_everything(small):
    folder, out = small
    _run(folder, out)
    forced = _run(folder, out, force=True)
    assert [r.status for r in forced.results] == ["ok", "ok"]


def test_missing_output_file_is_rebuilt(small):
    folder, out = small
    _run(folder, out)
    (out / "one" / "10-good.html").unlink()
    again = _run(folder, out)
    assert {r.key: r.status for r in again.results} == {"one/10-good": "ok", "two/10-good": "skipped"}


# ------------------------------------------------------------------------------ names


@pytest.mark.parametrize(
    "article_id",
    ["../../etc/passwd", "..", ".", "CON", "con.txt", "nul", "a/b", "a\\b", "line\nbreak", "", " ",
     "_corpus", "index.html", "x" * 300, "Zürich", "名前", ".hidden", "-dash"],
)
def test_dir_names_stay_inside_and_are_plain(article_id):
    name = report_dir_name(article_id)
    assert name and name == Path(name).name
    assert re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", name), name
    assert ".." not in name and not name.startswith("_")
    assert not re.match(r"(?i)^(con|prn|aux|nul|com\d|lpt\d)(\.|$)", name)
    assert len(name) <= 80


def test_dir_names_never_collide():
    taken: set[str] = set()
    ids = ["a b", "a-b", "a_b", "A", "a", "x/y", "x-y", "same", "same", "../same"]
    names = [report_dir_name(i, taken=taken, source=f"src{n}") for n, i in enumerate(ids)]
    assert len({n.casefold() for n in names}) == len(ids)
    assert names[1] == "a-b" and names[7] == "same"


def test_hostile_record_ids_write_only_inside_the_output_folder(tmp_path):
    records = tmp_path / "records.jsonl"
    ids = ["../../escaped", "CON", "line\nbreak", "a/b", "A", "a"]
    with records.open("w", encoding="utf-8") as fh:
        for i, ident in enumerate(ids):
            fh.write(json.dumps({"id": ident, "title": f"T{i}", "text": f"Body {i}."}) + "\n")
    out = tmp_path / "site" / "reports"
    result = build_reports([records], notebooks=[str(FAILS)], out=out, jobs=2, progress=False)
    assert [r.status for r in result.results] == ["ok"] * len(ids)
    dirs = sorted(p for p in out.iterdir() if p.is_dir())
    assert len(dirs) == len(ids)
    assert not (tmp_path / "escaped").exists() and not (tmp_path / "site" / "escaped").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["records.jsonl", "site"]
    for d in dirs:
        article = (d / "article.txt").read_text(encoding="utf-8").splitlines()
        assert re.fullmatch(r"T\d", article[0]) and article[1].startswith("Body")


# ------------------------------------------------------------------------------ safety


def test_html_problems_finds_scripts_handlers_and_network():
    assert html_problems('<div class="x"><table><tr><td>ok</td></tr></table></div>') == []
    assert html_problems('<a href="https://example.org">a link</a>') == []
    assert html_problems("<SCRIPT>x</SCRIPT>")
    assert html_problems('<svg onload="x()"></svg>')
    assert html_problems('<a href=" JaVaScRiPt:x()">x</a>')
    assert html_problems('<iframe src="about:blank"></iframe>')
    assert html_problems('<img src="//cdn.example/x.png">')
    assert html_problems('<div style="background: url(https://x.example/a.png)"></div>')
    assert html_problems("<style>@import 'https://x.example/a.css';</style>")


def test_neutralise_outputs_keeps_plain_text_and_drops_the_html():
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("x")
    cell.outputs = [
        nbformat.v4.new_output("display_data", data={"text/html": "<img src=x onerror=alert(1)>", "text/plain": "pic"}),
        nbformat.v4.new_output("display_data", data={"text/html": "<b>fine</b>", "text/plain": "fine"}),
        nbformat.v4.new_output("display_data", data={"text/markdown": "[x](javascript:alert(1))"}),
    ]
    nb.cells = [cell]
    assert neutralise_outputs(nb) == 2
    assert cell.outputs[0].data == {"text/plain": "pic"}
    assert cell.outputs[1].data["text/html"] == "<b>fine</b>"
    assert "withheld" in cell.outputs[2].data["text/plain"]


# ------------------------------------------------------------------------------ writing


def test_atomic_write_failure_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "page.html"
    target.write_text("old", encoding="utf-8")

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(ReportError, match="disk is full"):
        atomic_write(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["page.html"]


def test_unwritable_output_folder_is_a_clear_report_error(tmp_path, small):
    folder, _ = small
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    with pytest.raises(ReportError, match=r"cannot write .*a-file"):
        _run(folder, blocker / "reports")


def test_read_only_output_folder_is_a_clear_report_error(tmp_path, small, monkeypatch):
    folder, _ = small
    real = reports.tempfile.mkstemp

    def read_only(*args, dir=None, **kwargs):
        if dir is not None and Path(dir).name == "ro":
            raise OSError(errno.EROFS, "Read-only file system")
        return real(*args, dir=dir, **kwargs)

    monkeypatch.setattr(reports.tempfile, "mkstemp", read_only)
    with pytest.raises(ReportError, match="read-only"):
        _run(folder, tmp_path / "ro")


# ------------------------------------------------------------------------------ options and CLI


def test_find_notebooks_by_number_name_and_path():
    course = sorted(NOTEBOOKS_DIR.glob("[0-9][0-9]-*.ipynb"))
    per_article = [p for p in course if reports.per_article(p)]
    assert reports.find_notebooks() == per_article
    assert per_article != course, "the method cards (06) are not run once per article"
    cards = next(p for p in course if not reports.per_article(p))
    assert reports.find_notebooks([cards.stem.split("-", 1)[0]]) == [cards]  # still available by name
    first = course[0]
    number, topic = first.stem.split("-", 1)
    assert reports.find_notebooks([number]) == [first]
    assert reports.find_notebooks([topic]) == [first]
    assert reports.find_notebooks([f"{first.name},{GOOD}"]) == [first, GOOD.resolve()]
    with pytest.raises(ReportError, match="no notebook called 'nope'"):
        reports.find_notebooks(["nope"])


def test_parse_parameter():
    assert reports.parse_parameter("top_n=5") == ("top_n", 5)
    assert reports.parse_parameter("path=a=b") == ("path", "a=b")
    assert reports.parse_parameter("flag=False") == ("flag", False)
    with pytest.raises(ReportError):
        reports.parse_parameter("no-equals-sign")


def test_cli_exit_codes_and_summary(small, capsys):
    folder, out = small
    (folder / "three.txt").write_text("Three\nThis one says BREAKME.\n", encoding="utf-8")
    code = main(["report", str(folder), "--notebooks", str(FAILS), "--out", str(out), "--jobs", "2"])
    err = capsys.readouterr().err
    assert code == 1
    assert "3 articles, 3 reports: 2 built, 0 up to date, 1 failed" in err
    assert "FAILED three/20-fails-on-marker: ValueError" in err
    assert "remaining 0" in err  # the progress lines
    (folder / "three.txt").unlink()
    code = main(["report", str(folder), "--notebooks", str(FAILS), "--out", str(out), "-p", "marker=zzz"])
    assert code == 0
    assert main(["report", str(folder), "--notebooks", "nope", "--out", str(out)]) == 2
    assert "no notebook called 'nope'" in capsys.readouterr().err


def test_unreadable_files_in_a_folder_are_left_out_and_listed(small, capsys):
    """A stray empty or binary file does not stop the class's reports: the others are built,
    the bad ones are named on stderr and at the top of the index, and the exit code says so."""
    folder, out = small
    (folder / "empty.txt").write_bytes(b"")
    (folder / "scan.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)))
    code = main(["report", str(folder), "--notebooks", str(GOOD), "--out", str(out), "--no-progress"])
    err = capsys.readouterr().err
    assert code == 1
    assert "2 articles, 2 reports: 2 built, 0 up to date, 0 failed" in err
    assert "2 inputs could not be read (listed in the index)" in err
    assert re.search(r"^report: left out .*empty\.txt: is empty", err, re.M), err
    assert re.search(r"^report: left out .*scan\.txt: looks like a PNG image", err, re.M), err
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "2 left out" in index and "empty.txt: is empty" in index and "scan.txt" in index
    assert sorted(p.parent.name for p in out.glob("*/10-good.html")) == ["one", "two"]
    # once fixed, the same command builds the missing report and leaves the others alone
    (folder / "scan.txt").unlink()
    write_article(folder / "empty.txt", "Three", ["Now with a body."])
    assert main(["report", str(folder), "--notebooks", str(GOOD), "--out", str(out), "--no-progress"]) == 0
    assert "3 articles, 3 reports: 1 built, 2 up to date, 0 failed" in capsys.readouterr().err


def test_a_folder_with_only_unreadable_files_is_refused(tmp_path, capsys):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_bytes(b"")
    (folder / "b.txt").write_text("  \n", encoding="utf-8")
    assert main(["report", str(folder), "--notebooks", str(GOOD), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert re.search(r"^report: error: .*a\.txt: is empty \(0 bytes\) \(and 1 more unreadable inputs\)$", err, re.M), err
    assert not (tmp_path / "out" / "index.html").exists()


def test_cold_kernels_give_the_same_report(small):
    folder, out = small
    warm = _run(folder, out)
    cold = _run(folder, out.parent / "cold", warm_kernels=False)
    assert [r.status for r in warm.results] == [r.status for r in cold.results] == ["ok", "ok"]
    a = nbformat.read(out / "one" / "10-good.ipynb", as_version=4)
    b = nbformat.read(out.parent / "cold" / "one" / "10-good.ipynb", as_version=4)
    outputs = lambda nb: [[o.get("text") or sorted(o.get("data", {})) for o in c.outputs] for c in nb.cells if c.cell_type == "code"]  # noqa: E731
    assert outputs(a) == outputs(b)


# ------------------------------------------------------------------------------ the real notebooks


@pytest.mark.slow
def test_real_notebooks_on_the_seed(tmp_path):
    out = tmp_path / "reports"
    result = build_reports([SEEDS_DIR], out=out, progress=False)
    notebooks = [p for p in sorted(NOTEBOOKS_DIR.glob("[0-9][0-9]-*.ipynb")) if reports.per_article(p)]
    seeds = sorted(SEEDS_DIR.glob("*.txt"))
    assert len(result.results) == len(notebooks) * len(seeds)
    assert [f"{r.key}: {r.error}" for r in result.results if r.status != "ok"] == []
    page = (out / "index.html").read_text(encoding="utf-8")
    seed = seeds[0].stem
    for nb in notebooks:
        html_page = (out / seed / f"{nb.stem}.html").read_text(encoding="utf-8")
        assert "<script" not in html_page.lower()
        assert f'href="{seed}/{nb.stem}.html"' in page
    manifest = json.loads((out / reports.MANIFEST).read_text(encoding="utf-8"))
    summary = manifest["summaries"][seed]
    assert summary["missing"] == [], f"index figures not computed: {summary['missing']}"
    assert summary["words"] > 100 and summary["quotes"] > 0 and -1 <= summary["sentiment"] <= 1
    assert "Takht-Ravanchi" in page  # the seed's main speaker is in the index


def test_exporter_adds_alt_text_and_focus_like_nbconvert_and_renders_markdown_once_per_source():
    from bs4 import BeautifulSoup
    from nbconvert import HTMLExporter

    from analysis.html_export import TEMPLATE_DIR, TEMPLATE_NAME, export_html, make_exporter

    nb = nbformat.v4.new_notebook()
    png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
    cell = nbformat.v4.new_code_cell("x")
    cell.outputs = [
        nbformat.v4.new_output("display_data", data={"image/png": png, "text/plain": "<Figure>"}),
        nbformat.v4.new_output("stream", text="a <b>&amp; 'x'\n"),
    ]
    nb.cells = [nbformat.v4.new_markdown_cell("# Title\n\nSome *text* &larr; here"), cell]
    exporter = make_exporter()
    page = export_html(nb, exporter, title="t")
    soup = BeautifulSoup(page, "html.parser")
    assert [img.get("alt") for img in soup.find_all("img")] == ["No description has been provided for this image"]
    assert soup.select(".jp-OutputArea-output") and all(
        el.get("tabindex") == "0" for el in soup.select(".jp-Notebook div.jp-OutputArea-output")
    )
    # the same page as nbconvert's own exporter, once both are parsed
    plain = HTMLExporter(template_name=TEMPLATE_NAME, extra_template_basedirs=[str(TEMPLATE_DIR)],
                         exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True)
    reference, _ = plain.from_notebook_node(nb, resources={"metadata": {"name": "t"}, "report_nav": None})
    assert str(BeautifulSoup(page, "html.parser")) == reference
    # a second export reuses the rendered Markdown and gives the same page
    assert export_html(nb, exporter, title="t") == page
    assert len(exporter._markdown_cache) == 1
