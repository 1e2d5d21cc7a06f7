"""Tests for analysis.loaders: the seed layout, every input format, encodings and bad input."""

from __future__ import annotations

import codecs
import gzip
import io
import json
import os
import random
import warnings
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.errors import (
    ArticleError,
    ArticleNotFoundError,
    BinaryFileError,
    EmptyArticleError,
    FormatError,
    ParameterError,
)
from analysis.loaders import (
    CORPUS_COLUMNS,
    Article,
    DuplicateIdWarning,
    HTMLInputWarning,
    Skipped,
    TextEncodingWarning,
    article_from_text,
    articles_from_frame,
    decode_bytes,
    iter_articles,
    load_article,
    load_corpus,
    parse_byline,
)

BODY = ["First paragraph says “hello”.", "Second paragraph — with a dash.", "Third, café."]
SEED_LIKE = "Headline here\n" + "\n".join(BODY) + "\nBy Jane Doe\n"


def put(folder: Path, name: str, content: str | bytes, encoding: str = "utf-8") -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content if isinstance(content, bytes) else content.encode(encoding))
    return path


# ---------------------------------------------------------------------------------------------
# The seed
# ---------------------------------------------------------------------------------------------


def test_seed_article(seed_path, seed_body):
    art = load_article(seed_path)
    assert art.title == "Iran keeps door open to talks with Trump"
    assert art.author == "Vafa Guliyeva"
    assert len(art.paragraphs) == 6
    assert art.text == seed_body
    assert art.text == "\n".join(art.paragraphs)
    assert "Guliyeva" not in art.text and "Iran keeps door open" not in art.text
    assert art.id == seed_path.stem
    assert art.source == str(seed_path)
    assert art.n_paragraphs == 6


def test_seed_text_is_not_normalised(seed_path):
    """Curly quotes and apostrophes stay as written: offsets must point into the file's text."""
    art = load_article(seed_path)
    raw = seed_path.read_text(encoding="utf-8")
    assert "Iran’s" in art.text
    assert "“maximum pressure”" in art.text
    for para in art.paragraphs:
        assert para in raw


# ---------------------------------------------------------------------------------------------
# The text layout: line ends, blank lines, stray whitespace, bylines
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param("Headline here\n" + "\n".join(BODY) + "\nBy Jane Doe", id="lf"),
        pytest.param("Headline here\r\n" + "\r\n".join(BODY) + "\r\nBy Jane Doe\r\n", id="crlf"),
        pytest.param("Headline here\r" + "\r".join(BODY) + "\rBy Jane Doe\r", id="cr"),
        pytest.param("Headline here\n\n" + "\n\n".join(BODY) + "\n\nBy Jane Doe\n\n", id="blank-lines"),
        pytest.param("\n\n  Headline here  \n" + "\n".join(BODY) + "\nBy Jane Doe", id="leading-blank"),
        pytest.param(
            "Headline here\t\n" + "\n".join(p + " \t\u00a0" for p in BODY) + "\nBy Jane Doe\u00a0",
            id="tabs-nbsp-at-ends",
        ),
        pytest.param("Headline here\u2028" + "\u2029".join(BODY) + "\x85By Jane Doe", id="unicode-seps"),
        pytest.param("\ufeffHeadline here\n" + "\n".join(BODY) + "\nBy Jane Doe", id="bom-char"),
    ],
)
def test_layout_variants_give_the_same_article(tmp_path, raw):
    art = load_article(put(tmp_path, "a.txt", raw))
    assert art.title == "Headline here"
    assert art.author == "Jane Doe"
    assert art.paragraphs == tuple(BODY)
    assert art.text == "\n".join(BODY)


@pytest.mark.parametrize(
    "last_line, author",
    [
        ("By Jane Doe", "Jane Doe"),
        ("BY JANE DOE", "JANE DOE"),
        ("By: Jane Doe", "Jane Doe"),
        ("by Jane Doe", "Jane Doe"),
        ("By Jane Doe and John Roe", "Jane Doe and John Roe"),
        ("By Ana de la Cruz, Reuters", "Ana de la Cruz, Reuters"),
        ("By Mary O'Brien Jr.", "Mary O'Brien Jr."),
        ("By Ahmed al-Hassan", "Ahmed al-Hassan"),
    ],
)
def test_bylines_are_recognised(tmp_path, last_line, author):
    art = load_article(put(tmp_path, "a.txt", "T\nBody one.\nBody two.\n" + last_line))
    assert art.author == author
    assert art.paragraphs == ("Body one.", "Body two.")


@pytest.mark.parametrize(
    "last_line",
    [
        "By the end of the year, prices had doubled.",
        "By 2030 the plant will close",
        "Bystanders Said Nothing",
        "By contrast",
        "Byline missing here",
        "Written by Jane Doe",
    ],
)
def test_closing_paragraphs_that_are_not_bylines_stay_in_the_body(tmp_path, last_line):
    art = load_article(put(tmp_path, "a.txt", "T\nBody one.\n" + last_line))
    assert art.author == ""
    assert art.paragraphs == ("Body one.", last_line)


@pytest.mark.parametrize(
    "line, expected",
    [
        ("By Vafa Guliyeva", "Vafa Guliyeva"),
        ("  BY:   Vafa Guliyeva ", "Vafa Guliyeva"),
        ("By Staff Reporter", "Staff Reporter"),
        ("By AP staff", "AP staff"),
        ("By the way", None),
        ("By", None),
        ("By: ", None),
        ("Byron Smith", None),
        ("By Jane Doe, who covers Congress.", None),
    ],
)
def test_parse_byline(line, expected):
    assert parse_byline(line) == expected


def test_markdown_title_loses_its_hashes(tmp_path):
    art = load_article(put(tmp_path, "a.md", "# A headline\n\nBody.\n"))
    assert art.title == "A headline"
    assert art.paragraphs == ("Body.",)


def test_unknown_suffix_is_read_as_text(tmp_path):
    art = load_article(put(tmp_path, "story.article", "T\nBody."))
    assert (art.id, art.title, art.text) == ("story", "T", "Body.")


# ---------------------------------------------------------------------------------------------
# Encodings
# ---------------------------------------------------------------------------------------------

ENC_TEXT = "Café “news”\nSe\u00f1or’s paragraph — déjà vu.\nSecond: naïve 100 €.\nBy Zoë Ådahl"


@pytest.mark.parametrize(
    "encoded",
    [
        pytest.param(ENC_TEXT.encode("utf-8"), id="utf-8"),
        pytest.param(codecs.BOM_UTF8 + ENC_TEXT.encode("utf-8"), id="utf-8-bom"),
        pytest.param(ENC_TEXT.encode("utf-16"), id="utf-16-bom"),
        pytest.param(codecs.BOM_UTF16_BE + ENC_TEXT.encode("utf-16-be"), id="utf-16-be-bom"),
        pytest.param(ENC_TEXT.encode("utf-16-le"), id="utf-16-le-no-bom"),
        pytest.param(ENC_TEXT.encode("utf-16-be"), id="utf-16-be-no-bom"),
        pytest.param(ENC_TEXT.encode("utf-32"), id="utf-32-bom"),
        pytest.param(codecs.BOM_UTF32_BE + ENC_TEXT.encode("utf-32-be"), id="utf-32-be-bom"),
        pytest.param(ENC_TEXT.encode("utf-32-le"), id="utf-32-le-no-bom"),
        pytest.param(ENC_TEXT.replace("\n", "\r\n").encode("utf-16"), id="utf-16-crlf"),
    ],
)
def test_unicode_encodings_are_detected_without_warning(tmp_path, encoded):
    path = put(tmp_path, "enc.txt", encoded)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        art = load_article(path)
    assert art.title == "Café “news”"
    assert art.author == "Zoë Ådahl"
    assert art.paragraphs == ("Se\u00f1or’s paragraph — déjà vu.", "Second: naïve 100 €.")


def test_cp1252_falls_back_with_a_warning_naming_file_and_byte(tmp_path):
    raw = "Plain title\nThe caf\u00e9 said \u201cyes\u201d \u2014 twice.\n"
    path = put(tmp_path, "win.txt", raw.encode("cp1252"))
    offset = raw.encode("cp1252").index(b"\xe9")
    with pytest.warns(TextEncodingWarning, match=rf"win\.txt.*0xE9 at byte offset {offset}\b.*cp1252"):
        art = load_article(path)
    assert art.text == "The caf\u00e9 said \u201cyes\u201d \u2014 twice."


def test_cp1252_undefined_bytes_do_not_crash(tmp_path):
    path = put(tmp_path, "odd.txt", b"T\nA \x81 B \x9d C \xe9\n")
    with pytest.warns(TextEncodingWarning):
        art = load_article(path)
    assert art.text == "A \x81 B \x9d C \u00e9"


def test_truncated_utf8_keeps_utf8_and_replaces_the_cut_character(tmp_path):
    data = "Título\nDéjà vu and “quotes” then a euro €".encode("utf-8")[:-1]  # cut the €
    path = put(tmp_path, "cut.txt", data)
    with pytest.warns(TextEncodingWarning, match=r"cut\.txt.*middle of a UTF-8 character"):
        art = load_article(path)
    assert art.title == "Título"
    assert art.text == "Déjà vu and “quotes” then a euro \ufffd"


def test_single_trailing_latin1_byte_in_ascii_file_reads_as_cp1252(tmp_path):
    path = put(tmp_path, "cafe.txt", b"Title\nWe met at the caf\xe9")
    with pytest.warns(TextEncodingWarning, match="cp1252"):
        art = load_article(path)
    assert art.text == "We met at the café"


# ---------------------------------------------------------------------------------------------
# Bad input: missing, empty, binary
# ---------------------------------------------------------------------------------------------


def _zip_bytes() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("word/document.xml", "<w:document/>")
    return buf.getvalue()


@pytest.mark.parametrize(
    "name, data, what",
    [
        ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64), "PNG image"),
        ("scan.txt", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(64), "JPEG image"),
        ("paper.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", "PDF document"),
        ("report.docx", _zip_bytes(), "ZIP archive"),
        ("news.txt", gzip.compress(b"Title\nBody\n", mtime=0), "gzip"),
        ("anim.txt", b"GIF89a" + bytes(32), "GIF image"),
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64), "Microsoft Office"),
        ("doc.txt", b"{\\rtf1\\ansi Hello}", "RTF"),
        ("noise.txt", random.Random(0).randbytes(4096), "binary data"),
        ("nuls.txt", b"Title\nBody\x00\x00text" + b"\x00" * 3, "NUL bytes"),
        ("ctrl.txt", bytes([1, 2, 3, 4, 5, 6, 7, 8, 65, 66]) * 20, "control characters"),
    ],
)
def test_binary_files_are_refused(tmp_path, name, data, what):
    path = put(tmp_path, name, data)
    with pytest.raises(BinaryFileError, match=what) as info:
        load_article(path)
    assert str(path) in str(info.value)
    assert info.value.path == str(path)


@pytest.mark.parametrize(
    "content, message",
    [
        ("", "is empty"),
        ("   \n\t\n\u00a0\r\n", "only whitespace"),
        ("Only a title\n", "has a title but no body"),
        ("\n\nOnly a title\n\n\n", "has a title but no body"),
        ("A title\nBy Jane Doe\n", "has a title but no body"),
    ],
)
def test_empty_articles(tmp_path, content, message):
    path = put(tmp_path, "e.txt", content)
    with pytest.raises(EmptyArticleError, match=message) as info:
        load_article(path)
    assert str(path) in str(info.value)


def test_missing_file_names_it(tmp_path):
    missing = tmp_path / "nope.txt"
    with pytest.raises(ArticleNotFoundError, match="nope.txt") as info:
        load_article(missing)
    assert isinstance(info.value, FileNotFoundError)  # catchable the standard way too


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda d: d, "holds no article files"),
        (lambda d: str(d / "*.txt"), "matches no files"),
        (lambda d: str(d / "*.png"), "none with an article extension"),
        (lambda d: d / "missing-folder", "no such file or folder"),
        (lambda d: [], "no paths given"),
        (lambda d: "https://example.com/news.html", "URL"),
    ],
)
def test_nothing_to_read(tmp_path, make, message):
    put(tmp_path, "image.png", b"\x89PNG\r\n\x1a\n")
    put(tmp_path, "README.md", "Docs, not an article\nSecond line.\n")
    with pytest.raises(ArticleNotFoundError, match=message) as info:
        iter_articles(make(tmp_path))
    if "article" in message:
        assert ".txt" in str(info.value) and ".jsonl" in str(info.value) and ".csv" in str(info.value)


def test_load_article_refuses_a_folder_and_points_to_load_corpus(tmp_path):
    put(tmp_path, "a.txt", SEED_LIKE)
    with pytest.raises(FormatError, match="load_corpus"):
        load_article(tmp_path)


def test_bad_option_values_are_rejected(tmp_path):
    put(tmp_path, "a.txt", SEED_LIKE)
    with pytest.raises(ParameterError, match="on_error"):
        iter_articles(tmp_path, on_error="ignore")
    with pytest.raises(ParameterError):
        iter_articles(42)
    with pytest.raises(ParameterError, match="articles_from_frame"):
        iter_articles(pd.DataFrame({"id": ["a"], "text": ["b"]}))


# ---------------------------------------------------------------------------------------------
# HTML
# ---------------------------------------------------------------------------------------------

HTML_PAGE = """<!DOCTYPE html>
<html><head><title>Storm &amp; floods hit coast</title>
<meta name="author" content="Sam  Patel">
<style>p { color: red }</style><script>var x = "<p>not text</p>";</script></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<h1>Storm &amp; floods hit coast</h1>
<p>Heavy   rain
fell on   Monday.</p>
<p>&ldquo;Stay home,&rdquo; said the mayor &mdash; twice.<br>Roads closed.</p>
<ul><li>Schools shut</li><li>Trains cancelled</li></ul>
<footer>Copyright 2024</footer>
</body></html>
"""


@pytest.mark.parametrize("name", ["page.txt", "page.html", "page.htm"])
def test_html_page_is_extracted_with_a_warning(tmp_path, name):
    path = put(tmp_path, name, HTML_PAGE)
    with pytest.warns(HTMLInputWarning, match=name):
        art = load_article(path)
    assert art.title == "Storm & floods hit coast"
    assert art.author == "Sam Patel"
    assert art.paragraphs == (
        "Heavy rain fell on Monday.",
        "“Stay home,” said the mayor — twice.",
        "Roads closed.",
        "Schools shut",
        "Trains cancelled",
    )
    for junk in ("color", "not text", "Home", "Copyright", "<"):
        assert junk not in art.text


def test_html_fragment_without_doctype_is_detected(tmp_path):
    frag = "<div><h1>Title</h1><p>One.</p><p>Two.</p><p>Three.</p><p>By Jo Lee</p></div>"
    with pytest.warns(HTMLInputWarning):
        art = load_article(put(tmp_path, "frag.txt", frag))
    assert (art.title, art.author, art.paragraphs) == ("Title", "Jo Lee", ("One.", "Two.", "Three."))


@pytest.mark.parametrize(
    "page, message",
    [
        ("<html><head><title>Just a title</title></head><body></body></html>", "title but no body"),
        ("<html><body><script>var a = 1;</script></body></html>", "no readable text"),
    ],
)
def test_html_without_body_text(tmp_path, page, message):
    with pytest.warns(HTMLInputWarning), pytest.raises(EmptyArticleError, match=message):
        load_article(put(tmp_path, "p.html", page))


def test_text_mentioning_a_tag_is_not_html(tmp_path):
    raw = "Markup lesson\nUse <b> for bold and <i> for italics, she said.\n"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        art = load_article(put(tmp_path, "a.txt", raw))
    assert art.text == "Use <b> for bold and <i> for italics, she said."


# ---------------------------------------------------------------------------------------------
# JSONL
# ---------------------------------------------------------------------------------------------

RECORDS = [
    {"id": "r1", "title": "One", "text": "Para A.\nPara B.", "author": "Ann", "desk": "world"},
    {"title": "Two", "text": "Only para.", "score": 3},
    {"id": 7, "title": None, "text": "  Spaced  \r\n\r\n line  ", "desk": "sport"},
]


def _jsonl(records, *, blank_between=False) -> str:
    sep = "\n\n" if blank_between else "\n"
    return sep.join(json.dumps(r, ensure_ascii=False) for r in records) + "\n"


@pytest.mark.parametrize("suffix", [".jsonl", ".ndjson", ".json"])
def test_jsonl_records(tmp_path, suffix):
    path = put(tmp_path, "feed" + suffix, _jsonl(RECORDS, blank_between=True))
    arts = list(iter_articles(path))
    assert [a.id for a in arts] == ["r1", "feed-2", "7"]
    assert [a.title for a in arts] == ["One", "Two", ""]
    assert arts[0].author == "Ann" and arts[1].author == ""
    assert arts[0].paragraphs == ("Para A.", "Para B.")
    assert arts[2].text == "Spaced\nline"
    assert [a.source for a in arts] == [f"{path}:1", f"{path}:3", f"{path}:5"]
    assert arts[0].meta == {"desk": "world"}
    assert arts[1].meta == {"score": 3}


def test_json_array_file(tmp_path):
    path = put(tmp_path, "feed.json", json.dumps(RECORDS, indent=2))
    arts = list(iter_articles(path))
    assert [a.id for a in arts] == ["r1", "feed-2", "7"]
    assert arts[1].source == f"{path}:2"  # the item number for a JSON array


def test_pretty_printed_single_json_object(tmp_path):
    path = put(tmp_path, "one.json", json.dumps(RECORDS[0], indent=2))
    assert load_article(path).id == "r1"


@pytest.mark.parametrize(
    "bad_line, message",
    [
        ('{"title": "broken", "text": "no end"', "line 2.*not valid JSON"),
        ('["a", "list"]', "line 2.*JSON list, not an object"),
        ('"just a string"', "line 2.*JSON str"),
        ('{"title": "no text field", "body": "x"}', "line 2.*no 'text' column.*text_column='body'"),
        ('{"title": "empty", "text": "  \\n "}', "line 2.*empty 'text'"),
        ('{"title": "number", "text": 42}', "line 2.*must be a string"),
        ("[" * 100_000, "line 2.*not valid JSON"),
    ],
)
def test_bad_jsonl_lines(tmp_path, bad_line, message):
    good = json.dumps({"title": "Good", "text": "Fine."})
    path = put(tmp_path, "mixed.jsonl", "\n".join([good, bad_line, good.replace("Good", "Also")]))
    with pytest.raises(FormatError if "empty" not in message else EmptyArticleError, match=message):
        list(iter_articles(path))
    it = iter_articles(path, on_error="skip")
    assert [a.title for a in it] == ["Good", "Also"]
    assert [s.source for s in it.skipped] == [f"{path}:2"]
    assert isinstance(it.skipped[0], Skipped)


def test_skipped_records_are_logged(tmp_path, caplog):
    path = put(tmp_path, "m.jsonl", '{"text": "ok"}\nnot json\n')
    with caplog.at_level("WARNING", logger="analysis.loaders"):
        list(iter_articles(path, on_error="skip"))
    assert any("m.jsonl:2" in r.getMessage() for r in caplog.records)


def test_jsonl_text_column_option_and_case_insensitive_columns(tmp_path):
    path = put(tmp_path, "b.jsonl", '{"Headline": "H", "Body": "B."}\n')
    art = load_article(path, text_column="body", title_column="headline")
    assert (art.title, art.text, art.meta) == ("H", "B.", {})


def test_jsonl_line_in_cp1252_falls_back_alone(tmp_path):
    lines = [
        json.dumps({"title": "ok", "text": "Zoë"}, ensure_ascii=False).encode("utf-8"),
        json.dumps({"title": "win", "text": "café"}, ensure_ascii=False).encode("cp1252"),
    ]
    path = put(tmp_path, "enc.jsonl", b"\n".join(lines))
    with pytest.warns(TextEncodingWarning, match=r"enc\.jsonl.*line 2"):
        arts = list(iter_articles(path))
    assert [a.text for a in arts] == ["Zoë", "café"]


def test_jsonl_utf16(tmp_path):
    path = put(tmp_path, "u16.jsonl", _jsonl(RECORDS).encode("utf-16"))
    assert [a.title for a in iter_articles(path)] == ["One", "Two", ""]


def test_empty_jsonl_is_an_empty_article_error(tmp_path):
    with pytest.raises(EmptyArticleError, match="no records"):
        list(iter_articles(put(tmp_path, "e.jsonl", "\n  \n")))


# ---------------------------------------------------------------------------------------------
# CSV
# ---------------------------------------------------------------------------------------------


def _csv(rows: list[list[str]], delimiter: str = ",", newline: str = "\r\n") -> str:
    import csv

    buf = io.StringIO()
    # QUOTE_ALL: with a lone-CR line end, csv would not quote a field holding "\n" otherwise.
    quoting = csv.QUOTE_ALL if newline == "\r" else csv.QUOTE_MINIMAL
    csv.writer(buf, delimiter=delimiter, lineterminator=newline, quoting=quoting).writerows(rows)
    return buf.getvalue()


CSV_ROWS = [
    ["id", "title", "text", "outlet"],
    ["a1", "Quotes, commas", 'He said "no, never".\nThen, a second "para".', "Daily"],
    ["", "No id", "Body only.", ""],
]


@pytest.mark.parametrize(
    "name, delimiter, newline",
    [("t.csv", ",", "\r\n"), ("t.csv", ",", "\n"), ("t.tsv", "\t", "\n"), ("t.csv", ";", "\n")],
)
def test_csv_records(tmp_path, name, delimiter, newline):
    path = put(tmp_path, name, _csv(CSV_ROWS, delimiter, newline))
    arts = list(iter_articles(path))
    assert [a.id for a in arts] == ["a1", "t-2"]
    assert arts[0].title == "Quotes, commas"
    assert arts[0].paragraphs == ('He said "no, never".', 'Then, a second "para".')
    assert arts[0].meta == {"outlet": "Daily"}
    assert arts[1].meta == {"outlet": None}  # an empty cell is missing, not ""
    assert arts[0].source == f"{path}:2"
    assert arts[1].source == f"{path}:4"  # the first record spans lines 2-3


def test_csv_without_text_column_lists_its_columns(tmp_path):
    path = put(tmp_path, "x.csv", _csv([["headline", "content"], ["H", "Body."]]))
    with pytest.raises(FormatError) as info:
        list(iter_articles(path))
    msg = str(info.value)
    assert "x.csv" in msg and "'headline'" in msg and "'content'" in msg
    assert "text_column='content'" in msg
    art = load_article(path, text_column="content", title_column="headline")
    assert (art.title, art.text) == ("H", "Body.")


def test_csv_with_a_huge_field(tmp_path):
    big = "word " * 60_000  # 300 kB, over the csv module's default 128 kB field limit
    path = put(tmp_path, "big.csv", _csv([["title", "text"], ["Big", big]]))
    art = load_article(path)
    assert art.text == big.strip()


def test_csv_row_with_too_many_fields_is_a_format_error(tmp_path):
    path = put(tmp_path, "r.csv", "title,text\nA,fine\nB,one,two\nC,also fine\n")
    with pytest.raises(FormatError, match=r"r\.csv, line 3.*3 fields"):
        list(iter_articles(path))
    it = iter_articles(path, on_error="skip")
    assert [a.title for a in it] == ["A", "C"]
    assert it.skipped[0].source == f"{path}:3"


@pytest.mark.parametrize(
    "tail",
    [
        'B,"He said ""no"" and never closed it.\nC,this row would be swallowed\n',
        'B,"an open quote at the very end',
    ],
)
def test_csv_with_an_unclosed_quote_is_a_format_error_not_a_swallowed_file(tmp_path, tail):
    path = put(tmp_path, "open.csv", "title,text\nA,fine\n" + tail)
    with pytest.raises(FormatError, match=r"open\.csv, line 3: malformed CSV: a quoted field .* never closed"):
        list(iter_articles(path))
    it = iter_articles(path, on_error="skip")
    assert [a.title for a in it] == ["A"]
    assert [s.source for s in it.skipped] == [f"{path}:3"]


@pytest.mark.parametrize("end", ["", "\n", "\r\n"])
def test_csv_last_row_quoted_over_lines_without_final_newline_is_fine(tmp_path, end):
    path = put(tmp_path, "ok.csv", 'title,text\nA,"two\nlines, ""quoted"""' + end)
    assert [a.paragraphs for a in iter_articles(path)] == [("two", 'lines, "quoted"')]


def test_csv_in_cp1252(tmp_path):
    data = _csv([["title", "text"], ["Caf\u00e9", "\u201cQuoted\u201d text"]]).encode("cp1252")
    path = put(tmp_path, "excel.csv", data)
    with pytest.warns(TextEncodingWarning, match="excel.csv"):
        art = load_article(path)
    assert (art.title, art.text) == ("Caf\u00e9", "\u201cQuoted\u201d text")


def test_csv_with_bom_header(tmp_path):
    path = put(tmp_path, "bom.csv", codecs.BOM_UTF8 + b"text,title\nBody.,T\n")
    assert load_article(path).title == "T"


def test_zip_renamed_csv_is_binary(tmp_path):
    with pytest.raises(BinaryFileError, match="ZIP"):
        list(iter_articles(put(tmp_path, "sheet.csv", _zip_bytes())))


# ---------------------------------------------------------------------------------------------
# load_article on record files, load_corpus, duplicates, skipping
# ---------------------------------------------------------------------------------------------


def test_load_article_on_a_one_record_file(tmp_path):
    art = load_article(put(tmp_path, "one.jsonl", _jsonl(RECORDS[:1])))
    assert art.id == "r1" and art.paragraphs == ("Para A.", "Para B.")


@pytest.mark.parametrize("name", ["many.jsonl", "many.csv"])
def test_load_article_on_many_records_points_to_load_corpus(tmp_path, name):
    content = _jsonl(RECORDS) if name.endswith("jsonl") else _csv(CSV_ROWS)
    with pytest.raises(FormatError, match="more than one record.*load_corpus"):
        load_article(put(tmp_path, name, content))


def test_load_corpus_columns_and_meta(tmp_path):
    put(tmp_path, "a.txt", SEED_LIKE)
    put(tmp_path, "b.jsonl", _jsonl(RECORDS))
    df = load_corpus(tmp_path)
    assert list(df.columns[:6]) == list(CORPUS_COLUMNS)
    assert list(df.columns[6:]) == ["desk", "score"]
    assert list(df["id"]) == ["a", "r1", "b-2", "7"]
    assert list(df["n_paragraphs"]) == [3, 2, 1, 2]
    assert df["desk"].isna().tolist() == [True, False, True, False]
    assert df.loc[1, "desk"] == "world" and df.loc[2, "score"] == 3
    assert df.attrs["skipped"] == []
    assert df.loc[0, "author"] == "Jane Doe"


def test_meta_keys_clashing_with_fixed_columns_are_prefixed(tmp_path):
    rec = {"id": "x", "text": "Body.", "source": "BBC News", "n_paragraphs": 9}
    df = load_corpus(put(tmp_path, "c.jsonl", json.dumps(rec)))
    assert df.loc[0, "source"] == f"{tmp_path / 'c.jsonl'}:1"
    assert df.loc[0, "meta_source"] == "BBC News"
    assert df.loc[0, "n_paragraphs"] == 1 and df.loc[0, "meta_n_paragraphs"] == 9
    back = next(articles_from_frame(df))
    assert back.meta == {"source": "BBC News", "n_paragraphs": 9}


def test_load_corpus_skip_lists_bad_files_and_records(tmp_path):
    put(tmp_path, "a.txt", SEED_LIKE)
    png = put(tmp_path, "b.txt", b"\x89PNG\r\n\x1a\n" + bytes(16))
    put(tmp_path, "c.txt", "Just a title\n")
    put(tmp_path, "d.jsonl", '{"text": "ok"}\n{bad\n')
    with pytest.raises(BinaryFileError):
        load_corpus(tmp_path)
    df = load_corpus(tmp_path, on_error="skip")
    assert list(df["id"]) == ["a", "d-1"]
    sources = [s for s, _ in df.attrs["skipped"]]
    assert sources == [str(png), str(tmp_path / "c.txt"), f"{tmp_path / 'd.jsonl'}:2"]
    assert "PNG" in df.attrs["skipped"][0][1]


def test_load_corpus_with_everything_skipped_raises(tmp_path):
    put(tmp_path, "a.txt", "")
    put(tmp_path, "b.txt", "Title only")
    with pytest.raises(ArticleNotFoundError, match="no articles were loaded.*2 skipped"):
        load_corpus(tmp_path, on_error="skip")


def test_missing_path_in_a_list_is_skipped_and_listed(tmp_path):
    good = put(tmp_path, "a.txt", SEED_LIKE)
    it = iter_articles([good, tmp_path / "gone.txt"], on_error="skip")
    assert [a.id for a in it] == ["a"]
    assert len(it.skipped) == 1 and "gone.txt" in it.skipped[0].source


def test_duplicate_ids_get_a_suffix_and_a_warning(tmp_path):
    put(tmp_path, "x/story.txt", SEED_LIKE)
    put(tmp_path, "y/story.txt", SEED_LIKE)
    put(tmp_path, "z.jsonl", _jsonl([{"id": "story", "text": "t"}, {"id": "story~2", "text": "u"}]))
    with pytest.warns(DuplicateIdWarning, match="'story'") as rec:
        arts = list(iter_articles(tmp_path, recursive=True))
    # A folder's own files come before its subfolders: z.jsonl, then x/, then y/.
    assert [a.id for a in arts] == ["story", "story~2", "story~3", "story~4"]
    assert [Path(a.source.split(":")[0]).parent.name for a in arts[2:]] == ["x", "y"]
    assert len(rec) == 2


def test_folder_is_sorted_and_not_recursive_by_default(tmp_path):
    for name in ["b.txt", "a.txt", "c.md"]:
        put(tmp_path, name, f"{name}\nBody of {name}.")
    put(tmp_path, "sub/d.txt", "d\nBody.")
    put(tmp_path, ".hidden.txt", "h\nBody.")
    put(tmp_path, "README.md", "Readme\nNot an article.")
    assert [a.id for a in iter_articles(tmp_path)] == ["a", "b", "c"]
    assert [a.id for a in iter_articles(tmp_path, recursive=True)] == ["a", "b", "c", "d"]


@pytest.mark.parametrize(
    "make",
    [
        lambda d: str(d / "*.txt"),
        lambda d: d / "*.txt",
        lambda d: [d / "a.txt", str(d / "b.txt")],
        lambda d: [str(d / "a*.txt"), d / "b.txt", d / "a.txt"],  # the repeat is read once
    ],
)
def test_globs_and_lists(tmp_path, make):
    put(tmp_path, "a.txt", "A\nBody a.")
    put(tmp_path, "b.txt", "B\nBody b.")
    put(tmp_path, "c.csv", "text\nnot matched\n")
    assert [a.title for a in iter_articles(make(tmp_path))] == ["A", "B"]


def test_articles_from_frame_round_trip(tmp_path):
    put(tmp_path, "a.txt", SEED_LIKE)
    put(tmp_path, "b.jsonl", _jsonl(RECORDS))
    originals = list(iter_articles(tmp_path))
    back = list(articles_from_frame(load_corpus(tmp_path)))
    assert back == originals  # every field but meta (compare=False)
    assert [b.meta for b in back] == [o.meta for o in originals]
    assert all(type(v) in (str, int) for b in back for v in b.meta.values())


def test_articles_from_frame_needs_id_and_text():
    with pytest.raises(ParameterError, match="'id' and a 'text'"):
        list(articles_from_frame(pd.DataFrame({"title": ["x"]})))
    with pytest.raises(EmptyArticleError, match="'e'"):
        list(articles_from_frame(pd.DataFrame({"id": ["e"], "text": ["  "]})))


# ---------------------------------------------------------------------------------------------
# Pasted text
# ---------------------------------------------------------------------------------------------


def test_article_from_text_body_layout():
    art = article_from_text("  One.\r\n\r\nTwo.\nBy Jane Doe ", id="p", title="Given")
    assert art == Article(id="p", title="Given", author="", text="One.\nTwo.\nBy Jane Doe",
                          paragraphs=("One.", "Two.", "By Jane Doe"))


def test_article_from_text_seed_layout(seed_path, seed_body):
    art = article_from_text(seed_path.read_text(encoding="utf-8"), layout="seed")
    assert art.title.startswith("Iran keeps door open")
    assert (art.author, art.text) == ("Vafa Guliyeva", seed_body)


@pytest.mark.parametrize("text", ["", "   \n\t "])
def test_article_from_text_empty(text):
    with pytest.raises(EmptyArticleError):
        article_from_text(text)


# ---------------------------------------------------------------------------------------------
# Size: a 50 MB article, a folder of 10,000 files, laziness
# ---------------------------------------------------------------------------------------------


@pytest.mark.slow
def test_a_50_mb_single_paragraph_article(tmp_path):
    body = ("lorem ipsum dolor " * 2_800_000).strip()  # 50.4 MB
    path = tmp_path / "huge.txt"
    path.write_bytes(b"Huge\n" + body.encode() + b"\nBy Jane Doe\n")
    art = load_article(path)
    assert len(art.text) == len(body) > 50_000_000
    assert art.paragraphs == (art.text,)
    assert (art.title, art.author) == ("Huge", "Jane Doe")


def test_iteration_is_lazy(tmp_path):
    """Each file is read only when iteration reaches it: a later edit is seen."""
    for name in ["a.txt", "b.txt", "c.jsonl"]:
        put(tmp_path, name, "Old\nOld body.")
    put(tmp_path, "c.jsonl", '{"title": "Old", "text": "x"}\n')
    it = iter_articles(tmp_path)
    assert [f.name for f in it.files] == ["a.txt", "b.txt", "c.jsonl"]
    assert next(it).title == "Old"
    put(tmp_path, "b.txt", "New\nNew body.")
    put(tmp_path, "c.jsonl", '{"title": "New", "text": "x"}\n{"title": "Newer", "text": "y"}\n')
    assert [a.title for a in it] == ["New", "New", "Newer"]


def test_a_bad_file_fails_only_when_reached(tmp_path):
    put(tmp_path, "a.txt", "A\nBody.")
    put(tmp_path, "b.txt", "")
    it = iter_articles(tmp_path)
    assert next(it).id == "a"
    with pytest.raises(EmptyArticleError, match="b.txt"):
        next(it)


@pytest.mark.slow
def test_a_folder_of_10000_files_streams(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(10_000):  # os.open/os.write: several times faster than Path.write_bytes
        fd = os.open(folder / f"{i:05d}.txt", os.O_CREAT | os.O_WRONLY, 0o644)
        os.write(fd, b"T%d\nBody %d.\n" % (i, i))
        os.close(fd)
    it = iter_articles(folder)
    assert len(it.files) == 10_000
    first = next(it)
    (folder / "09999.txt").write_bytes(b"Changed\nAfter the first article was read.\n")
    rest = list(it)
    assert first.id == "00000" and len(rest) == 9_999
    assert rest[-1].title == "Changed"
    assert [a.id for a in rest[:2]] == ["00001", "00002"]


def test_errors_are_article_errors(tmp_path):
    """Every refusal can be caught as one class (what notebooks and batch reports do)."""
    for content in ["", b"\x89PNG\r\n\x1a\n"]:
        path = put(tmp_path, "z.txt", content)
        with pytest.raises(ArticleError):
            load_article(path)


# ---------------------------------------------------------------------------------------------
# Properties
# ---------------------------------------------------------------------------------------------


_PRINTABLE = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\n\r\t\u2028"),
    min_size=1,
    max_size=200,
)


@settings(deadline=None)
@given(_PRINTABLE, st.sampled_from(["utf-8-sig", "utf-16", "utf-32"]))
def test_decode_bytes_round_trips_with_a_bom(text, encoding):
    assert decode_bytes(text.encode(encoding)) == text


_SPACEY = st.text(alphabet=st.sampled_from(" \t\n\r\u00a0\u2028\u3000\u200b\u2060\ufeffab"))


@settings(deadline=None)
@given(st.text(max_size=300) | _SPACEY)
def test_article_from_text_invariants(raw):
    try:
        art = article_from_text(raw)
    except EmptyArticleError:
        assert all(c.isspace() or c in "\u200b\u200c\u200d\u2060\ufeff" for c in raw)
        return
    assert art.text == "\n".join(art.paragraphs)
    assert all(p and p == p.strip() and "\n" not in p and "\r" not in p for p in art.paragraphs)
    assert "\u2028" not in art.text and "\x85" not in art.text
    art.text.encode("utf-8")  # no lone surrogates left


def test_lone_surrogates_in_json_become_replacement_characters(tmp_path):
    path = put(tmp_path, "s.jsonl", '{"title": "T\\ud800", "text": "a\\udc00b \\ud83d\\ude00"}\n')
    art = load_article(path)
    assert art.text == "a\ufffdb 😀"
    assert art.title == "T\ufffd"


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
@pytest.mark.parametrize("chunk", [1, 2, 3, 7, 1 << 20])
def test_line_splitting_across_read_chunks(tmp_path, monkeypatch, newline, chunk):
    """Records come out the same whatever the read size and line ends (LF, CRLF, lone CR)."""
    import analysis.loaders as loaders

    monkeypatch.setattr(loaders, "_CHUNK", chunk)
    rows = [["title", "text"], ["A", "one\nline two"], ["B", "x" * 50], ["C", "last"]]
    csv_path = put(tmp_path, "c.csv", _csv(rows, newline=newline))
    jsonl = newline.join(json.dumps({"title": t, "text": x}) for t, x in rows[1:]) + newline
    jsonl_path = put(tmp_path, "j.jsonl", jsonl)
    for path in (csv_path, jsonl_path):
        arts = list(iter_articles(path))
        assert [a.title for a in arts] == ["A", "B", "C"]
        assert arts[0].paragraphs == ("one", "line two")
        assert arts[1].text == "x" * 50
    assert [a.source.rsplit(":", 1)[1] for a in iter_articles(csv_path)] == ["2", "4", "5"]
    assert [a.source.rsplit(":", 1)[1] for a in iter_articles(jsonl_path)] == ["1", "2", "3"]


@pytest.mark.shared
def test_shared_corpus_txt_folder_and_jsonl_agree(shared_data):
    corpus = shared_data / "corpus"
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the corpus is clean UTF-8 with unique ids
        from_txt = load_corpus(corpus / "articles")
        from_jsonl = load_corpus(corpus / "corpus.jsonl")
    assert len(from_txt) == len(from_jsonl) == 2225
    assert from_txt["id"].tolist() == from_jsonl["id"].tolist()
    assert from_txt["title"].tolist() == from_jsonl["title"].tolist()
    assert from_txt["text"].tolist() == from_jsonl["text"].tolist()
    assert (from_txt["n_paragraphs"] == from_jsonl["meta_n_paragraphs"]).all()
    assert (from_jsonl["text"].str.len() == from_jsonl["n_chars"]).all()
    assert set(from_jsonl["category"]) == {"business", "entertainment", "politics", "sport", "tech"}
    assert (from_txt["author"] == "").all()  # no bylines in the source: none invented
