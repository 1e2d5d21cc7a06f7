"""The catalogue of bad inputs, end to end: what a student sees from the two commands.

Each entry of :data:`CATALOGUE` is a file (or folder) a student may point the kit at. The
files are made here, by the tests (no committed binaries). For each one this module runs what
a student types, ``python -m analysis analyse FILE --out DIR`` and ``python -m analysis report
FILE --out DIR``, and checks the documented behaviour: either a correct result, or a one-line
message that names the file and says what is wrong, with the exit code the command documents
(``report``: 0 built, 2 nothing could be done; ``analyse``: 0 all analysed, 1 some articles in
the ``errors`` table, 2 nothing could be done). Never a traceback.

The loader-level behaviour of each input (exception class, warning, decoded text) is tested in
``tests/test_loaders.py``; this module is about the commands. To keep it fast every command
runs in one helper process (:data:`_DRIVER`, which calls the same ``analysis.cli.main`` as
``python -m analysis`` and captures file descriptor 2 per command), the reports use the small
notebook :func:`write_catalogue_notebook` writes (it reads the article with
``load_article``, as the course notebooks do, and shows it escaped), and the two huge inputs (a 50 MB
paragraph, 10,000 files) are only loaded and streamed, never analysed or reported in full.
"""

from __future__ import annotations

import csv
import html
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from analysis import reports
from analysis.loaders import Article, iter_articles
from analysis.pipeline import analyse_corpus
from analysis.tables import read_table

PROJECT = Path(__file__).resolve().parents[1]
NOTEBOOK = "10-catalogue.ipynb"

# --------------------------------------------------------------------------------- the inputs

TITLE = "Council backs bus lanes"
QUOTE = "“This is a great day for commuters,”"
PARAS = [
    f"{QUOTE} said Mayor Ana Ruiz.",
    "She added that the lanes would cut journey times.",
]
ARTICLE = "\n".join([TITLE, *PARAS, "By Tom Reed"]) + "\n"

HTML_PAGE = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{TITLE}</title>
<script>window.__pwned = 1</script><style>p {{ color: red }}</style></head>
<body><nav><a href="/">Home</a> | <a href="/news">News</a></nav>
<h1>{TITLE}</h1>
<p>&ldquo;This is a great day for commuters,&rdquo; said Mayor Ana Ruiz.</p>
<p>She added that the lanes would cut journey times &amp; costs.</p>
<p><a href="javascript:window.__pwned = 2">Share</a></p>
</body></html>
"""


def _jsonl(records: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def _csv(rows: list[list[str]]) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(rows)
    return buf.getvalue()


EMBEDDED_TEXT = 'He said "no, never".\nThen, a second "paragraph" with a comma.'
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))

#: name -> (file name, content: bytes, str, a dict of files for a folder, or None: absent)
CATALOGUE: dict[str, tuple[str, object]] = {
    "empty": ("empty.txt", b""),
    "whitespace_only": ("blank.txt", "  \n\t\r\n\u00a0 \n"),
    "binary": ("photo.txt", PNG),
    "truncated_utf8": ("cut.txt", "\n".join([TITLE, *PARAS]).encode("utf-8") + " It cost 5 €".encode("utf-8")[:-1]),
    "utf16_without_bom": ("utf16.txt", ARTICLE.encode("utf-16-le")),
    "cp1252_smart_quotes": ("smart.txt", ARTICLE.encode("cp1252")),
    "html_page": ("page.html", HTML_PAGE),
    "title_only": ("title.txt", TITLE + "\n"),
    "duplicate_ids": ("dups.jsonl", _jsonl([
        {"id": "story", "title": "First", "text": PARAS[0]},
        {"id": "story", "title": "Second", "text": PARAS[1]},
    ])),
    "jsonl_one_bad_line": ("mixed.jsonl", _jsonl([{"id": "a", "title": "A", "text": PARAS[0]}])
                           + '{"id": "b", "title": "broken", "text": "no end"\n'
                           + _jsonl([{"id": "c", "title": "C", "text": PARAS[1]}])),
    "csv_embedded_newlines_and_quotes": ("embedded.csv", _csv([
        ["id", "title", "text"],
        ["c1", "Quotes, commas", EMBEDDED_TEXT],
        ["c2", "Plain", PARAS[1]],
    ])),
    "csv_unclosed_quote": ("unclosed.csv",
                           _csv([["id", "title", "text"], ["c1", "Fine", PARAS[1]]])
                           + 'c2,Broken,"He said ""no"" and never closed the quote.\r\n'
                           + "c3,Lost,This row would be swallowed.\r\n"),
    "missing_path": ("nope.txt", None),
    "folder_without_articles": ("notes", {"README.md": "# Notes\nNot an article.\n",
                                          "scan.pdf": b"%PDF-1.7\n"}),
}

_DRIVER = r"""
import json, os, sys, tempfile, time, traceback
from analysis.cli import main

runs = json.loads(open(sys.argv[1], encoding="utf-8").read())
results = {}
for key, argv in runs.items():
    sys.stdout.flush(); sys.stderr.flush()
    saved = os.dup(2)
    t0 = time.perf_counter()
    with tempfile.TemporaryFile() as cap:
        os.dup2(cap.fileno(), 2)
        try:
            code = main(argv)
        except SystemExit as exc:
            code = exc.code
        except BaseException:
            traceback.print_exc()
            code = "uncaught"
        finally:
            sys.stderr.flush()
            os.dup2(saved, 2)
            os.close(saved)
        cap.seek(0)
        results[key] = {"code": code, "stderr": cap.read().decode("utf-8", "replace"),
                        "seconds": round(time.perf_counter() - t0, 2)}
with open(sys.argv[2], "w", encoding="utf-8") as fh:
    json.dump(results, fh)
"""


def _make(root: Path, name: str, content: object) -> None:
    path = root / name
    if content is None:
        return
    if isinstance(content, dict):
        path.mkdir()
        for sub, data in content.items():
            _make(path, sub, data)
    elif isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_bytes(str(content).encode("utf-8"))


def write_catalogue_notebook(path: Path) -> Path:
    """A one-cell report: the article as ``load_article`` reads it, printed and shown escaped."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    params = nbformat.v4.new_code_cell(
        'article: str = ""  # path of one article file\ncorpus: str = ""  # corpus path, empty for none'
    )
    params.metadata["tags"] = ["parameters"]
    show = nbformat.v4.new_code_cell(
        "import html\n"
        "from IPython.display import HTML, display\n"
        "from analysis.loaders import load_article\n"
        "art = load_article(article)\n"
        "print(f'{art.title} | {art.author} | {len(art.paragraphs)} paragraphs')\n"
        "display(HTML('<h2>' + html.escape(art.title) + '</h2><p>' + html.escape(art.text) + '</p>'))"
    )
    nb.cells = [nbformat.v4.new_markdown_cell("# The article as the kit reads it"), params, show]
    nbformat.write(nb, path)
    return path


def run_cli_batch(runs: dict[str, list[str]], cwd: Path) -> dict[str, dict]:
    """Run ``analysis.cli.main(argv)`` for each entry in one process; stderr and exit code each."""
    spec, result = cwd / "runs.json", cwd / "results.json"
    spec.write_text(json.dumps(runs), encoding="utf-8")
    env = {**os.environ, "PYTHONWARNINGS": "default", "COLUMNS": "120"}
    proc = subprocess.run(
        [sys.executable, "-c", _DRIVER, str(spec), str(result)],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=900,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(result.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory):
    """Every catalogue input through ``analyse`` and ``report`` (relative paths, as typed)."""
    root = tmp_path_factory.mktemp("catalogue")
    notebook = write_catalogue_notebook(root / NOTEBOOK)
    runs: dict[str, list[str]] = {}
    for key, (name, content) in CATALOGUE.items():
        _make(root, name, content)
        runs[f"analyse/{key}"] = ["analyse", name, "--out", f"tables-{key}", "--no-progress"]
        runs[f"report/{key}"] = ["report", name, "--out", f"reports-{key}", "--notebooks",
                                 str(notebook), "--jobs", "1", "--no-progress"]
    return root, run_cli_batch(runs, root)


def lines(stderr: str) -> list[str]:
    return [ln for ln in stderr.splitlines() if ln.strip()]


def assert_one_line_messages(stderr: str) -> None:
    """No traceback, and every message fits on its own line (no indented continuation)."""
    assert "Traceback" not in stderr, stderr
    for ln in lines(stderr):
        # The default warning format adds the source line, indented; tracebacks are indented.
        assert not ln.startswith((" ", "\t")), stderr


def assert_refused(result: dict, command: str, pattern: str) -> None:
    """Exit 2, and exactly one line: ``<command>: error: <file>: <what is wrong>``."""
    assert result["code"] == 2, result
    assert_one_line_messages(result["stderr"])
    errors = [ln for ln in lines(result["stderr"]) if ln.startswith(f"{command}: error: ")]
    assert len(errors) == 1, result["stderr"]
    assert re.search(pattern, errors[0]), errors[0]


def assert_reported_leaving_out(result: dict, out: Path, n: int, pattern: str) -> list[str]:
    """``report`` on an input with one unreadable record: the other ``n`` articles are built,
    the bad one is named in a warning, in the summary and at the top of the index; exit 1."""
    assert result["code"] == 1, result
    assert_one_line_messages(result["stderr"])
    stderr = lines(result["stderr"])
    assert len([ln for ln in stderr if ln.startswith("warning: ") and re.search(pattern, ln)]) == 1, stderr
    assert len([ln for ln in stderr if ln.startswith("report: left out ") and re.search(pattern, ln)]) == 1, stderr
    assert re.search(rf"report: {n} articles?, {n} reports?: {n} built, 0 up to date, 0 failed .*"
                     r"; 1 input could not be read \(listed in the index\)", result["stderr"]), stderr
    index = (out / "index.html").read_text(encoding="utf-8")
    left_out = re.search(r'<section class="card unreadable">(.*?)</section>', index, re.S)
    assert left_out and re.search(pattern, html.unescape(left_out.group(1))), index
    pages = sorted(out.glob("*/10-catalogue.html"))
    assert len(pages) == n
    return [p.parent.name for p in pages]


def assert_recorded_in_errors(result: dict, out: Path, pattern: str, error_type: str) -> pd.DataFrame:
    """``analyse``: exit 1, a one-line warning naming the problem, and a row in ``errors``."""
    assert result["code"] == 1, result
    assert_one_line_messages(result["stderr"])
    assert len([ln for ln in lines(result["stderr"]) if re.search(pattern, ln)]) == 1, result["stderr"]
    errors = read_table(out, "errors")
    # The loaders' own class (EmptyArticleError...) is not kept by the pipeline; the message is.
    assert set(errors["error_type"]) <= {error_type, "ArticleError"}, errors
    assert errors["message"].str.contains(pattern).any(), errors
    return errors


def assert_analysed(result: dict, out: Path, n: int, warning: str | None = None) -> pd.DataFrame:
    """``analyse``: exit 0, ``n`` articles in the tables, an optional one-line warning."""
    assert result["code"] == 0, result
    assert_one_line_messages(result["stderr"])
    warned = [ln for ln in lines(result["stderr"]) if ln.startswith("warning: ")]
    if warning is None:
        assert warned == [], result["stderr"]
    else:
        assert len(warned) == 1 and re.search(warning, warned[0]), result["stderr"]
    assert read_table(out, "errors").empty
    articles = read_table(out, "articles")
    assert len(articles) == n
    return articles


def assert_reported(result: dict, out: Path, n: int) -> list[str]:
    """``report``: exit 0, ``n`` articles in the index, each with its HTML page.

    Returns what each report printed: ``title | author | N paragraphs``, in folder order.
    """
    assert result["code"] == 0, result
    assert_one_line_messages(result["stderr"])
    assert re.search(rf"report: {n} articles?, {n} reports?: {n} built", result["stderr"]), result["stderr"]
    index = (out / "index.html").read_text(encoding="utf-8")
    pages = sorted(out.glob("*/10-catalogue.html"))
    assert len(pages) == n
    printed = []
    for page in pages:
        assert f'href="{page.parent.name}/10-catalogue.html"' in index
        assert page.read_text(encoding="utf-8").rstrip().endswith("</html>")
        nb = nbformat.read(page.with_suffix(".ipynb"), as_version=4)
        printed += [o["text"].strip() for c in nb.cells if c.cell_type == "code"
                    for o in c.outputs if o.get("name") == "stdout"]
    return printed


# --------------------------------------------------------------------------------- refusals


@pytest.mark.parametrize(
    "key, pattern, error_type",
    [
        ("empty", r"empty\.txt.*is empty", "EmptyArticleError"),
        ("whitespace_only", r"blank\.txt.*only whitespace", "EmptyArticleError"),
        ("binary", r"photo\.txt.*PNG image", "BinaryFileError"),
        ("title_only", r"title\.txt.*has a title but no body", "EmptyArticleError"),
    ],
)
def test_unreadable_single_files(catalogue, key, pattern, error_type):
    """``report`` refuses with one line; ``analyse`` lists the file in its errors table."""
    root, results = catalogue
    assert_refused(results[f"report/{key}"], "report", pattern)
    assert not (root / f"reports-{key}" / "index.html").exists()
    errors = assert_recorded_in_errors(results[f"analyse/{key}"], root / f"tables-{key}", pattern, error_type)
    assert len(errors) == 1
    assert read_table(root / f"tables-{key}", "articles").empty


@pytest.mark.parametrize(
    "key, pattern",
    [
        ("missing_path", r"nope\.txt: no such file or folder \(relative paths start from the working directory"),
        ("folder_without_articles", r"notes: the folder holds no article files \(read: \.txt"),
    ],
)
def test_nothing_to_read_stops_both_commands_before_writing(catalogue, key, pattern):
    root, results = catalogue
    for command in ("analyse", "report"):
        assert_refused(results[f"{command}/{key}"], command, pattern)
    assert not (root / f"tables-{key}").exists()


# --------------------------------------------------------------------------------- read, with a warning


def _the_quote(out: Path) -> dict:
    quotes = read_table(out, "quotes")
    direct = quotes[quotes["type"] == "direct"]
    assert len(direct) == 1, quotes
    return direct.iloc[0].to_dict()


@pytest.mark.parametrize(
    "key, warning",
    [
        ("utf16_without_bom", None),
        ("cp1252_smart_quotes", r"^warning: smart\.txt: not valid UTF-8 .*read as Windows-1252"),
    ],
)
def test_other_encodings_give_the_same_article(catalogue, key, warning):
    """The smart quotes come out as “ ”, so the quote and its speaker are found."""
    root, results = catalogue
    articles = assert_analysed(results[f"analyse/{key}"], root / f"tables-{key}", 1, warning)
    assert articles.loc[0, "title"] == TITLE and articles.loc[0, "author"] == "Tom Reed"
    quote = _the_quote(root / f"tables-{key}")
    assert quote["content"] == QUOTE and quote["speaker"] == "Ana Ruiz"
    printed = assert_reported(results[f"report/{key}"], root / f"reports-{key}", 1)
    assert printed == [f"{TITLE} | Tom Reed | 2 paragraphs"]


def test_truncated_utf8_keeps_the_rest_and_warns(catalogue):
    root, results = catalogue
    out = root / "tables-truncated_utf8"
    assert_analysed(results["analyse/truncated_utf8"], out, 1,
                    r"^warning: cut\.txt: ends in the middle of a UTF-8 character")
    assert _the_quote(out)["content"] == QUOTE  # every other non-ASCII character intact
    sentences = read_table(out, "sentences")
    assert sentences["text"].iloc[-1] == "It cost 5 \ufffd"
    printed = assert_reported(results["report/truncated_utf8"], root / "reports-truncated_utf8", 1)
    assert printed == [f"{TITLE} |  | 2 paragraphs"]


def test_html_page_is_read_as_its_text(catalogue):
    """Title from <title>, paragraphs from <p>, entities decoded, script and navigation gone."""
    root, results = catalogue
    out = root / "tables-html_page"
    articles = assert_analysed(results["analyse/html_page"], out, 1, r"^warning: page\.html: read as an HTML page")
    assert articles.loc[0, "title"] == TITLE
    text = " ".join(read_table(out, "sentences")["text"])
    assert "journey times & costs." in text
    assert "pwned" not in text and "Home" not in text
    quote = _the_quote(out)
    assert quote["content"] == QUOTE and quote["speaker"] == "Ana Ruiz"
    printed = assert_reported(results["report/html_page"], root / "reports-html_page", 1)
    assert printed == [f"{TITLE} |  | 3 paragraphs"]
    page = (root / "reports-html_page" / "page" / "10-catalogue.html").read_text(encoding="utf-8")
    assert "__pwned" not in page and "journey times &amp;amp; costs" not in page


def test_duplicate_ids_are_kept_apart(catalogue):
    root, results = catalogue
    result = results["analyse/duplicate_ids"]
    articles = assert_analysed(result, root / "tables-duplicate_ids", 2,
                               r"^warning: dups\.jsonl:2: id 'story' was already used in this run; renamed 'story~2'")
    assert articles["article_id"].tolist() == ["story", "story~2"]
    assert articles["title"].tolist() == ["First", "Second"]
    out = root / "reports-duplicate_ids"
    printed = assert_reported(results["report/duplicate_ids"], out, 2)
    assert sorted(printed) == ["First |  | 1 paragraphs", "Second |  | 1 paragraphs"]


# --------------------------------------------------------------------------------- records


def test_jsonl_with_one_bad_line(catalogue):
    """Both commands keep the good records and list line 2 (``analyse`` in its errors table,
    ``report`` in the index); both exit 1."""
    root, results = catalogue
    out = root / "tables-jsonl_one_bad_line"
    errors = assert_recorded_in_errors(results["analyse/jsonl_one_bad_line"], out,
                                       r"mixed\.jsonl(?::|, line )2: not valid JSON", "FormatError")
    assert errors["source"].tolist() == ["mixed.jsonl:2"]
    assert read_table(out, "articles")["article_id"].tolist() == ["a", "c"]
    built = assert_reported_leaving_out(results["report/jsonl_one_bad_line"], root / "reports-jsonl_one_bad_line",
                                        2, r"mixed\.jsonl(?::|, line )2: not valid JSON .*one object per line")
    assert built == ["a", "c"]


def test_csv_with_embedded_newlines_and_quotes(catalogue):
    root, results = catalogue
    out = root / "tables-csv_embedded_newlines_and_quotes"
    articles = assert_analysed(results["analyse/csv_embedded_newlines_and_quotes"], out, 2)
    assert articles["article_id"].tolist() == ["c1", "c2"]
    assert articles.loc[0, "title"] == "Quotes, commas"
    sentences = read_table(out, "sentences")
    assert sentences.loc[sentences["article_id"] == "c1", "text"].tolist() == EMBEDDED_TEXT.split("\n")
    reports_out = root / "reports-csv_embedded_newlines_and_quotes"
    printed = assert_reported(results["report/csv_embedded_newlines_and_quotes"], reports_out, 2)
    assert printed == ["Quotes, commas |  | 2 paragraphs", "Plain |  | 1 paragraphs"]
    seed_layout = (reports_out / "c1" / "article.txt").read_text(encoding="utf-8")
    assert seed_layout == "Quotes, commas\n" + EMBEDDED_TEXT + "\n"


def test_csv_with_an_unclosed_quote_is_not_silently_swallowed(catalogue):
    """csv's lenient mode reads every later row into the open field; the kit says so instead."""
    root, results = catalogue
    out = root / "tables-csv_unclosed_quote"
    errors = assert_recorded_in_errors(results["analyse/csv_unclosed_quote"], out,
                                       r"unclosed\.csv(?::|, line )3: malformed CSV: a quoted field .* never closed",
                                       "FormatError")
    assert errors["source"].tolist() == ["unclosed.csv:3"]
    assert read_table(out, "articles")["article_id"].tolist() == ["c1"]
    built = assert_reported_leaving_out(results["report/csv_unclosed_quote"], root / "reports-csv_unclosed_quote",
                                        1, r"unclosed\.csv(?::|, line )3: malformed CSV: a quoted field .* never closed")
    assert built == ["c1"]


def test_the_driver_matches_python_dash_m(catalogue, tmp_path):
    """The batch driver is faithful: ``python -m analysis`` prints the same for the same input."""
    root, results = catalogue
    for command, key in [("report", "empty"), ("analyse", "cp1252_smart_quotes")]:
        name = CATALOGUE[key][0]
        argv = [command, name, "--out", str(tmp_path / command), "--no-progress"]
        if command == "report":
            argv += ["--notebooks", str(root / NOTEBOOK)]
        proc = subprocess.run([sys.executable, "-m", "analysis", *argv], cwd=root,
                              capture_output=True, text=True, timeout=300)
        expected = results[f"{command}/{key}"]
        assert proc.returncode == expected["code"]
        strip = lambda s: [re.sub(r"\d+\.\d s \(.*?\)|->.*", "", ln) for ln in lines(s)]  # noqa: E731
        assert strip(proc.stderr) == strip(expected["stderr"])


# --------------------------------------------------------------------------------- size


def _cheap_analyse(article: Article) -> dict[str, pd.DataFrame]:
    """Streaming only: one ``articles`` row per article, no analysis (see the module doc)."""
    return {"articles": pd.DataFrame({"article_id": [article.id], "n_chars": [len(article.text)]})}


@pytest.mark.slow
def test_a_50_mb_single_paragraph_streams_through_both_commands(tmp_path):
    body = ("lorem ipsum dolor sit amet. " * 1_800_000).strip()  # 50.4 MB, one line
    path = tmp_path / "huge.txt"
    path.write_bytes(b"Huge\n" + body.encode() + b"\nBy Jane Doe\n")
    summary = analyse_corpus(path, tmp_path / "tables", analyse=_cheap_analyse)
    assert summary.articles_analysed == 1 and summary.errors == 0
    assert read_table(tmp_path / "tables", "articles")["n_chars"].tolist() == [len(body)]
    (article,) = reports.collect_articles([path], tmp_path / "reports")
    assert article.path == str(path.resolve())  # given to the notebooks as it is, not copied
    assert len(article.text) == len(body) and article.author == "Jane Doe"


@pytest.mark.slow
def test_10000_tiny_files_stream_through_both_commands(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(10_000):
        fd = os.open(folder / f"{i:05d}.txt", os.O_CREAT | os.O_WRONLY, 0o644)
        os.write(fd, b"T%d\nBody %d.\n" % (i, i))
        os.close(fd)
    summary = analyse_corpus(folder, tmp_path / "tables", analyse=_cheap_analyse, chunk_size=2_500)
    assert (summary.articles_analysed, summary.chunks, summary.errors) == (10_000, 4, 0)
    ids = read_table(tmp_path / "tables", "articles")["article_id"]
    assert ids.tolist() == [f"{i:05d}" for i in range(10_000)]
    collected = reports.collect_articles([folder], tmp_path / "reports")
    assert len({a.dir for a in collected}) == 10_000
    assert not (tmp_path / "reports").exists() or not any((tmp_path / "reports").iterdir())
    # The command line stops early with --limit, without reading the other 9,980 files.
    proc = subprocess.run(
        [sys.executable, "-m", "analysis", "analyse", str(folder), "--out", str(tmp_path / "cli"),
         "--limit", "20", "--no-progress"],
        capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    assert re.fullmatch(r"analyse: 20 articles analysed, 0 errors, .*\n", proc.stderr)
    assert len(read_table(tmp_path / "cli", "articles")) == 20


def test_a_paragraph_of_a_few_mb_is_split_into_sentences(monkeypatch):
    """NLTK 3.10 runs Punkt's regexes under a wall-clock limit (``nltk.redos``, 5 s by
    default) over the whole paragraph; a paragraph of several MB (OCR output, a PDF pasted
    as one line) exceeds it, and ``analyse`` records a ``TimeoutError`` about "catastrophic
    backtracking" for the article. The limit is lowered here so that a 1 MB paragraph shows
    the same failure in a fraction of a second; the text layer gives Punkt windows of
    50,000 characters cut after a full stop, so it passes.
    """
    import nltk.redos

    from analysis import text as textmod

    monkeypatch.setattr(nltk.redos, "DEFAULT_TIMEOUT", 0.25)
    paragraph = " ".join(f"Sentence number {i} ends here." for i in range(35_000))  # 1 MB
    spans = textmod.sentence_spans(paragraph)
    assert len(spans) == 35_000
    assert all(paragraph[s:e].endswith("ends here.") for s, e in spans)


# --------------------------------------------------------------------------------- hostile content

#: ``-p`` values that try to break out of the string papermill writes into the notebook.
PAYLOADS = {
    "dq": 'x"\n__import__("pathlib").Path(MARK).write_text("dq")\n#',
    "sq": "x'\n__import__('pathlib').Path(MARK).write_text('sq')\n#",
    "backslash": 'x\\", __import__("pathlib").Path(MARK).write_text("bs"), "\\',
    "triple": '"""\n__import__("pathlib").Path(MARK).write_text("triple")\n"""',
    "braces": '{__import__("pathlib").Path(MARK).write_text("f")} %s {0} ${HOME}',
    "newlines": "one\ntwo\r\nthree\u2028four\ttab \\n not a newline",
    "unicode": "“smart” ‘quotes’ — émoji 😀 \u202e reversed \u200d joined",
    "json_string": '"a JSON string: \\"quoted\\"\\n__import__(\\"os\\")"',
    "json_object": '{"k\\"ey\\n": "v\'al", "n": [1, 2.5, null, true]}',
}


def test_notebook_parameters_arrive_unchanged_and_run_no_code(tmp_path):
    """``report -p name=value`` with quotes, backslashes and newlines: the notebook gets the
    value (read as JSON when it is JSON, as documented), and none of it runs as code."""
    marker = tmp_path / "injected"
    params = {k: v.replace("MARK", repr(str(marker))) for k, v in PAYLOADS.items()}
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    cell = nbformat.v4.new_code_cell(
        'article: str = ""  # article\n' + "".join(f'{k}: str = ""  # payload\n' for k in params)
    )
    cell.metadata["tags"] = ["parameters"]
    names = list(params)
    nb.cells = [cell, nbformat.v4.new_code_cell(
        f"import json\nprint(json.dumps({{k: globals()[k] for k in {names!r}}}))")]
    nbformat.write(nb, tmp_path / "10-params.ipynb")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    argv = ["report", "a.txt", "--out", "out", "--notebooks", "10-params.ipynb", "--no-progress"]
    for k, v in params.items():
        argv += ["-p", f"{k}={v}"]  # one argument each, as a shell passes a quoted value
    proc = subprocess.run([sys.executable, "-m", "analysis", *argv], cwd=tmp_path,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert not marker.exists()
    done = nbformat.read(tmp_path / "out" / "a" / "10-params.ipynb", as_version=4)
    printed = [o["text"] for c in done.cells if c.cell_type == "code" for o in c.outputs
               if o.get("name") == "stdout"]
    got = json.loads(printed[-1])
    want = {k: reports.parse_parameter(f"{k}={v}")[1] for k, v in params.items()}
    assert got == want
    assert got["dq"] == params["dq"] and got["newlines"] == params["newlines"]  # not JSON: as typed
    assert got["json_string"] == 'a JSON string: "quoted"\n__import__("os")'
    assert got["json_object"] == {'k"ey\n': "v'al", "n": [1, 2.5, None, True]}


HOSTILE_ARTICLE = "\n".join([
    'Evil <script>window.__pwned = 1</script> headline &amp; <b>bold</b>',
    '“We will <b>not</b> <script>window.__pwned = 2</script> give up,” said Ana <i>Ruiz</i>.',
    'She added that <a href="javascript:window.__pwned = 3">this link</a> and '
    '<img src=x onerror="window.__pwned = 4"> were harmless.',
    'Entities stay text: &lt;script&gt;window.__pwned = 5&lt;/script&gt;, &#106;avascript:alert(6) '
    'and [a link](javascript:window.__pwned=7).',
    'The council said the plan would cost $3.5 million, according to Mayor Ana Ruiz.',
    'By Mallory <mallory@example.org>',
])


def _links(page: str) -> list[tuple[str, str, str]]:
    """Every URL-bearing attribute of ``page``, entity-decoded as a browser reads it."""
    from html.parser import HTMLParser

    found: list[tuple[str, str, str]] = []

    class Links(HTMLParser):
        def handle_starttag(self, tag, attrs):
            for name, value in attrs:
                if name in ("href", "src", "action", "formaction", "xlink:href") and value:
                    found.append((tag, name, value))

    Links(convert_charrefs=True).feed(page)
    return found


@pytest.mark.slow
def test_hostile_article_is_escaped_in_every_course_report(tmp_path):
    """The course notebooks (not only the fixtures of test_reports) on an article full of markup:
    no script, no handler, no ``javascript:`` URL, and the markup shows as text."""
    from analysis.html_export import html_problems

    (tmp_path / "hostile.txt").write_text(HOSTILE_ARTICLE + "\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "analysis", "report", "hostile.txt", "--out", "out", "--no-progress"],
        cwd=tmp_path, capture_output=True, text=True, timeout=600,
    )
    assert "Traceback" not in proc.stderr
    pages = sorted((tmp_path / "out").rglob("*.html"))
    from analysis.reports import find_notebooks  # the per-article course notebooks (not 06)

    course = sorted(p.stem for p in find_notebooks())
    assert sorted(p.stem for p in pages if p.parent.name == "hostile") == course
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert html_problems(text, document=True) == [], page
        assert "<script" not in text.lower(), page
        assert not re.search(r"<[a-z][a-z0-9]*\s[^>]*\bon[a-z]+\s*=", text, re.I), page  # no handler
        for tag, name, value in _links(text):
            assert not re.match(r"\s*(?:javascript|vbscript|data:text/html)", value, re.I), (page, tag, value)
    shown = (tmp_path / "out" / "hostile" / "00-start-here.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in shown  # the title, as text
    assert "&amp;lt;script&amp;gt;window.__pwned = 5" in shown  # an entity in the text stays one


@pytest.mark.slow
def test_sentiment_notebook_on_a_one_sentence_article(tmp_path):
    (tmp_path / "short.txt").write_text("Council votes\nThe mayor said the plan was good.\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "analysis", "report", "short.txt", "--out", "out", "--notebooks", "03",
         "--no-progress"],
        cwd=tmp_path, capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
