"""Reading articles: plain text in the seed layout, folders and globs of them, JSONL and CSV.

Entry points:

- :func:`load_article` reads one file into an :class:`Article`;
- :func:`iter_articles` streams articles from files, folders, globs or lists of them;
- :func:`load_corpus` collects them into a DataFrame, one row per article;
- :func:`articles_from_frame` turns such a DataFrame back into articles;
- :func:`article_from_text` makes an article from a string you pasted.

**The seed layout** (``.txt``, ``.text``, ``.md``): the first non-blank line is the title, then
one paragraph per line (blank lines between paragraphs are allowed and ignored), and an
optional last line ``By NAME`` (``BY NAME``, ``By: NAME``, ``By NAME and NAME``) that becomes
the ``author`` and is not part of the body. A last line only counts as a byline when what
follows "By" looks like names (capitalised words, no sentence punctuation), so a closing
paragraph such as "By the end of the year, prices had doubled." stays in the body.

**Records** (``.jsonl``/``.ndjson``/``.json``, ``.csv``/``.tsv``): one article per JSON object
or CSV row. The ``text`` column is required, ``title``, ``id`` and ``author`` are optional
(names configurable; an exact match is tried first, then a case-insensitive one). Every other
column goes into ``Article.meta`` (an empty CSV cell becomes ``None``; CSV values stay
strings). A missing ``id`` becomes ``<file stem>-<n>`` (``n`` the 1-based record number) and
``source`` is ``path:line`` (the line where the record starts). JSONL is read line by line and
CSV row by row, so files of any size stream; the CSV field size limit is raised for huge
fields, and a ``;``-separated ``.csv`` is recognised from its header. A quoted CSV field
that is never closed (which would swallow every later row) is a :class:`FormatError` for that
record, and the rest of the file is not read. A ``.json`` file may also
hold one JSON array of objects (or one pretty-printed object); that is parsed whole, and
``source`` is then ``path:<item number>``. Record text is cleaned like a file's body (line
ends, stripped lines, no blank lines), and lone surrogates from JSON escapes become U+FFFD.

**Folders** are read in name order, not recursively unless ``recursive=True``; hidden files
and ``README``/``LICENSE``/``CHANGELOG`` files are not articles and are left out. Globs keep
only files with an article suffix. ``source`` keeps the path as you gave it (relative stays
relative).

**What is normalised, and nothing else:** line ends (CRLF, CR, and the Unicode separators
U+2028, U+2029, U+0085, plus vertical tab and form feed, all become ``"\\n"``); whitespace at
both ends of each line (spaces, tabs, no-break spaces, zero-width spaces, stray BOMs); blank
lines are dropped. Quotation marks, dashes and everything inside a line are left as written.

**Encodings**: a BOM (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE) wins; UTF-16/UTF-32 without a BOM
are recognised by the NUL bytes of mostly-ASCII text; otherwise UTF-8. Text that is not valid
UTF-8 is read as Windows-1252 (cp1252) with a :class:`TextEncodingWarning` naming the file and
the first invalid byte. One exception: a file that is valid UTF-8 except for a multi-byte
character cut off at its very end (a truncated download) keeps UTF-8 and gets U+FFFD for the
cut character, also with a warning, because reading the whole file as cp1252 would garble
every other non-ASCII character in it. (The rule: the cut tail must be at least two bytes, or
the rest of the file must contain non-ASCII UTF-8; a single stray ``0xE9`` at the end of a
plain-ASCII file is more likely a cp1252 "é".) JSONL and CSV are decoded line by line with the
same rules, so a cp1252 line falls back on its own; the warning names the first such line.

**Bad input** raises a subclass of :class:`~analysis.errors.ArticleError` naming the file
(and line): :class:`~analysis.errors.ArticleNotFoundError`,
:class:`~analysis.errors.EmptyArticleError`, :class:`~analysis.errors.BinaryFileError`
(magic numbers of images, PDFs, archives, office files; NUL bytes; many control characters),
:class:`~analysis.errors.FormatError`. An HTML page (``.html``, or a ``.txt`` that starts like
one) is not an error: its readable text is extracted with :mod:`html.parser` and an
:class:`HTMLInputWarning` is issued.

**Duplicate ids** within one :func:`iter_articles` run (two files with the same stem in a
recursive walk, two records with the same ``id``) are both kept: the second becomes ``id~2``,
the third ``id~3`` and so on, with a :class:`DuplicateIdWarning`.

**Skipping**: with ``on_error="skip"`` a bad file or record is logged (``logging.warning``),
skipped, and listed in :attr:`ArticleIterator.skipped` as ``Skipped(source, message)``;
:func:`load_corpus` copies that list into ``df.attrs["skipped"]``. Nothing is dropped silently.
"""

from __future__ import annotations

import codecs
import csv
import dataclasses
import glob as globmod
import io
import json
import logging
import os
import re
import sys
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import IO, Any, Literal, NamedTuple

import pandas as pd

from .errors import (
    ArticleError,
    ArticleNotFoundError,
    BinaryFileError,
    EmptyArticleError,
    FormatError,
    ParameterError,
    check_choice,
)

log = logging.getLogger(__name__)

__all__ = [
    "ARTICLE_SUFFIXES",
    "CORPUS_COLUMNS",
    "Article",
    "ArticleIterator",
    "DuplicateIdWarning",
    "HTMLInputWarning",
    "LoaderWarning",
    "Skipped",
    "TextEncodingWarning",
    "article_from_text",
    "articles_from_frame",
    "iter_articles",
    "load_article",
    "load_corpus",
]

OnError = Literal["raise", "skip"]
PathLike = str | os.PathLike

#: Suffixes read as text in the seed layout (``.html``/``.htm`` go through the HTML extractor).
TEXT_SUFFIXES = (".txt", ".text", ".md", ".html", ".htm")
#: Suffixes read as JSON Lines (one object per line).
JSON_SUFFIXES = (".jsonl", ".ndjson", ".json")
#: Suffixes read as delimited tables (comma for ``.csv``, tab for ``.tsv``).
CSV_SUFFIXES = (".csv", ".tsv")
#: Every suffix a folder or a glob picks up.
ARTICLE_SUFFIXES = TEXT_SUFFIXES + JSON_SUFFIXES + CSV_SUFFIXES
#: The fixed leading columns of :func:`load_corpus`; meta columns follow.
CORPUS_COLUMNS = ("id", "title", "author", "text", "source", "n_paragraphs")

# Files in a folder that are documentation, not articles.
_IGNORED_STEMS = frozenset({"readme", "license", "licence", "changelog", "changes", "notice"})
_SNIFF_BYTES = 8192
_CHUNK = 1 << 20


class LoaderWarning(UserWarning):
    """Base class of the loaders' warnings: the input was read, but not quite as written."""


class TextEncodingWarning(LoaderWarning):
    """A file was not valid UTF-8: read as cp1252, or with U+FFFD for a cut-off character."""


class HTMLInputWarning(LoaderWarning):
    """A file was an HTML page; its readable text was extracted heuristically."""


class DuplicateIdWarning(LoaderWarning):
    """Two articles in one run had the same id; the later one got a ``~N`` suffix."""


@dataclass(frozen=True)
class Article:
    """One news article.

    Attributes:
        id: a stable identifier (the file name without extension, or the record's ``id``).
        title: the headline ("" when there is none).
        author: the byline name without "By" ("" when there is none).
        text: the body: paragraphs joined by ``"\\n"``; the title and byline are not in it. All
            offsets returned by the analysis functions point into this string.
        paragraphs: the body's paragraphs, in order.
        source: where it came from (a file path, with ``:line`` for JSONL/CSV records).
        meta: any other fields of the record (e.g. ``category``, ``date``, ``outlet``).
    """

    id: str
    title: str
    author: str
    text: str
    paragraphs: tuple[str, ...] = ()
    source: str = ""
    meta: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def n_paragraphs(self) -> int:
        """Number of body paragraphs."""
        return len(self.paragraphs)


class Skipped(NamedTuple):
    """A file or record left out under ``on_error="skip"``: where it was and why."""

    source: str
    message: str


# --------------------------------------------------------------------------------------------
# Bytes to text
# --------------------------------------------------------------------------------------------

_BOMS = (  # UTF-32 before UTF-16: the UTF-32 LE BOM starts with the UTF-16 LE one.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_MAGIC: tuple[tuple[int, bytes, str], ...] = (
    (0, b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (0, b"\xff\xd8\xff", "a JPEG image"),
    (0, b"GIF87a", "a GIF image"),
    (0, b"GIF89a", "a GIF image"),
    (8, b"WEBP", "a WebP image"),
    (0, b"II*\x00", "a TIFF image"),
    (0, b"MM\x00*", "a TIFF image"),
    (0, b"%PDF-", "a PDF document (extract its text first, e.g. with pdftotext)"),
    (0, b"PK\x03\x04", "a ZIP archive (.docx, .xlsx, .odt and .epub files are ZIP archives too: "
        "export the article as plain text or CSV)"),
    (0, b"PK\x05\x06", "an empty ZIP archive"),
    (0, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office file (.doc/.xls): save it as "
        "plain text or CSV"),
    (0, b"{\\rtf", "an RTF document, not plain text: save it as plain text (.txt)"),
    (0, b"\x1f\x8b", "a gzip-compressed file (decompress it first)"),
    (4, b"1AY&SY", "a bzip2-compressed file (decompress it first)"),
    (0, b"\xfd7zXZ\x00", "an xz-compressed file (decompress it first)"),
    (0, b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (0, b"Rar!\x1a\x07", "a RAR archive"),
    (0, b"\x7fELF", "an executable program (ELF)"),
    (0, b"SQLite format 3\x00", "an SQLite database"),
    (0, b"ID3\x02\x00", "an MP3 audio file"),
    (0, b"ID3\x03\x00", "an MP3 audio file"),
    (0, b"ID3\x04\x00", "an MP3 audio file"),
    (4, b"ftyp", "an MP4/QuickTime video or audio file"),
    (0, b"PAR1", "a Parquet file (read it with pandas.read_parquet)"),
)

_CONTROL_BYTES = bytes(sorted(frozenset(range(0x20)) - {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B}))
# Magic numbers grouped by their first byte at offset 0 (one dict lookup instead of a scan).
_MAGIC_AT_0: dict[int, list[tuple[bytes, str]]] = {}
for _offset, _magic, _what in _MAGIC:
    if _offset == 0:
        _MAGIC_AT_0.setdefault(_magic[0], []).append((_magic, _what))
_MAGIC_ELSEWHERE = tuple(m for m in _MAGIC if m[0] != 0)


def _utf_without_bom(head: bytes) -> str | None:
    """Recognise BOM-less UTF-32/UTF-16 by where the NUL bytes of ASCII characters fall."""
    n = len(head) - len(head) % 4
    if n < 4 or head.count(0) < n // 4:
        return None
    for size, codec_le, codec_be in ((4, "utf-32-le", "utf-32-be"), (2, "utf-16-le", "utf-16-be")):
        m = n // size
        lanes = [head[i:n:size] for i in range(size)]
        nul = [lane.count(0) / m for lane in lanes]
        if size == 4:
            if nul[0] < 0.1 and min(nul[1:]) > 0.6:
                return codec_le
            if nul[3] < 0.1 and min(nul[:3]) > 0.6:
                return codec_be
        else:
            if nul[0] < 0.1 and nul[1] > 0.4:
                return codec_le
            if nul[1] < 0.1 and nul[0] > 0.4:
                return codec_be
    return None


def _sniff(head: bytes, where: str | Path) -> tuple[str, int]:
    """Return ``(codec, bom_length)`` for a file starting with ``head``, or raise if binary.

    ``codec`` is one of utf-8, utf-16-le/be, utf-32-le/be. UTF-8 is only a first guess: the
    caller falls back to cp1252 when decoding fails.
    """
    for bom, codec in _BOMS:
        if head.startswith(bom):
            return codec, len(bom)
    candidates = [(0, m, w) for m, w in _MAGIC_AT_0.get(head[0], ())] if head else []
    for offset, magic, what in (*candidates, *_MAGIC_ELSEWHERE):
        if head[offset : offset + len(magic)] == magic:
            raise BinaryFileError(f"looks like {what}, not a text article", path=where)
    if head.startswith(b"MZ") and b"This program cannot be run in DOS mode" in head[:512]:
        raise BinaryFileError("looks like a Windows program (.exe), not a text article", path=where)
    codec = _utf_without_bom(head)
    if codec:
        return codec, 0
    sample = head[:_SNIFF_BYTES]
    if sample:
        if b"\x00" in sample:
            raise BinaryFileError(
                "looks like binary data (it contains NUL bytes), not a text article; if it is "
                "text, save it again as UTF-8",
                path=where,
            )
        ctrl = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
        if ctrl / len(sample) > 0.05:
            raise BinaryFileError(
                f"looks like binary data ({ctrl / len(sample):.0%} control characters in the first "
                f"{len(sample):,} bytes), not a text article",
                path=where,
            )
    return "utf-8", 0


def _latin1_fallback(exc: UnicodeError) -> tuple[str, int]:
    """Error handler: bytes cp1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) map as Latin-1."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    return exc.object[exc.start : exc.end].decode("latin-1"), exc.end


codecs.register_error("analysis.loaders.latin1", _latin1_fallback)


class _Problem(NamedTuple):
    kind: Literal["cp1252", "truncated"]
    offset: int  # byte offset of the first invalid byte in the decoded piece
    byte: int


def _decode_utf8(data: bytes) -> tuple[str, _Problem | None]:
    """Decode UTF-8; fall back to cp1252, or keep UTF-8 for a character cut off at the end."""
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        bad = exc.start
        cut_at_end = exc.reason == "unexpected end of data" and exc.end == len(data)
        if cut_at_end and (len(data) - bad >= 2 or not data[:bad].isascii()):
            return data.decode("utf-8", "replace"), _Problem("truncated", bad, data[bad])
        return data.decode("cp1252", "analysis.loaders.latin1"), _Problem("cp1252", bad, data[bad])


def _warn_encoding(problem: _Problem, where: str, line: int | None = None) -> None:
    at = f"byte 0x{problem.byte:02X} at byte offset {problem.offset:,}"
    if line is not None:
        at += f" of line {line}"
    if problem.kind == "truncated":
        msg = (
            f"{where}: ends in the middle of a UTF-8 character ({at}); the cut character was "
            "replaced by U+FFFD. The file may have been truncated."
        )
    else:
        msg = (
            f"{where}: not valid UTF-8 (first invalid {at}); read as Windows-1252 (cp1252). "
            "Save the file as UTF-8 to avoid this."
        )
    warnings.warn(msg, TextEncodingWarning, stacklevel=4)


def decode_bytes(data: bytes, *, where: str | Path = "<bytes>") -> str:
    """Decode the bytes of a text file, detecting BOMs, UTF-16/32 and cp1252 (see module doc).

    Raises:
        BinaryFileError: the bytes look like an image, a PDF, an archive or other binary data.

    Examples:
        >>> decode_bytes("café".encode("utf-16"))
        'café'
        >>> decode_bytes(b"\\xef\\xbb\\xbfcaf\\xc3\\xa9")
        'café'
    """
    codec, bom = _sniff(data[:_SNIFF_BYTES], where)
    body = data[bom:] if bom else data
    if codec == "utf-8":
        text, problem = _decode_utf8(body)
        if problem:
            _warn_encoding(problem._replace(offset=problem.offset + bom), str(where))
        return text
    try:
        return body.decode(codec)
    except UnicodeDecodeError as exc:
        warnings.warn(
            f"{where}: invalid {codec.upper()} at byte offset {exc.start + bom:,}; invalid "
            "characters replaced by U+FFFD",
            TextEncodingWarning,
            stacklevel=2,
        )
        return body.decode(codec, "replace")


_OTHER_NEWLINES = ("\u2028", "\u2029", "\x85", "\x0b", "\x0c")
_EDGE_JUNK = "\u200b\u200c\u200d\u2060\ufeff"


def normalise_newlines(text: str) -> str:
    r"""Turn CRLF, CR, U+2028, U+2029, U+0085, vertical tab and form feed into ``"\n"``.

    Examples:
        >>> normalise_newlines("a\r\nb\rc\u2028d")
        'a\nb\nc\nd'
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    for sep in _OTHER_NEWLINES:  # str.replace and `in` are far faster than a regex on 50 MB
        if sep in text:
            text = text.replace(sep, "\n")
    return text


def _clean_line(line: str) -> str:
    """Strip whitespace (incl. tabs, no-break spaces) and zero-width characters at both ends."""
    line = line.strip()
    while line and (line[0] in _EDGE_JUNK or line[-1] in _EDGE_JUNK):
        line = line.strip(_EDGE_JUNK).strip()
    return line


def _replace_surrogates(text: str) -> str:
    """Lone surrogates (from JSON escapes like ``"\\ud800"`` or pasted text) become U+FFFD."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return re.sub("[\ud800-\udfff]", "\ufffd", text)
    return text


def _clean_lines(text: str) -> list[str]:
    """Non-blank, stripped lines of ``text`` after newline normalisation (and U+FFFD for lone
    surrogates, which cannot be written out as UTF-8)."""
    text = _replace_surrogates(text)
    return [c for c in (_clean_line(ln) for ln in normalise_newlines(text).split("\n")) if c]


# --------------------------------------------------------------------------------------------
# The seed layout
# --------------------------------------------------------------------------------------------

_BYLINE_RE = re.compile(r"^by(?:\s*:\s*|\s+)(?P<name>\S.*)$", re.IGNORECASE | re.DOTALL)
_NAME_LINKS = frozenset(
    "and & | / - – — de da di du del della der den van von la le al el bin ibn y of the "
    "staff reporter reporters correspondent correspondents writer writers editor agencies "
    "in for with".split()
)
_NAME_END_OK = re.compile(r"(?:[A-Z]\.|Jr\.|Sr\.|Inc\.|Ltd\.|Co\.)$")


def parse_byline(line: str) -> str | None:
    """Return the name(s) of a byline such as ``"By Vafa Guliyeva"``, or ``None``.

    ``By``, ``BY``, ``by`` and ``By:`` are accepted. What follows must look like names: at
    most 12 words and 100 characters, no digits, each word capitalised or a linking word
    (``and``, ``de``, ``van``, ``staff`` ...), and no sentence punctuation at the end.

    Examples:
        >>> parse_byline("By Vafa Guliyeva")
        'Vafa Guliyeva'
        >>> parse_byline("BY: Jane Doe and John Smith")
        'Jane Doe and John Smith'
        >>> parse_byline("By the end of the year, prices had doubled.") is None
        True
    """
    if len(line) > 200:  # a byline is short; do not copy a 50 MB paragraph to find out
        return None
    m = _BYLINE_RE.match(line.strip())
    if not m:
        return None
    name = m.group("name").strip()
    if len(name) > 100 or any(ch.isdigit() for ch in name) or "\n" in name:
        return None
    if name[-1] in ".!?;:" and not _NAME_END_OK.search(name):
        return None
    words = [w for w in re.split(r"[\s,]+", name) if w]
    if not 1 <= len(words) <= 12:
        return None
    n_names = 0
    for w in words:
        parts = [p for p in re.split(r"[-'’.]", w.strip("()\"“”")) if p]
        if parts and any(p[0].isupper() for p in parts):
            n_names += 1
        elif w.lower() not in _NAME_LINKS:
            return None
    return name if n_names else None


def _from_lines(
    lines: list[str],
    *,
    id: str,
    source: str,
    where: str | Path | None,
    title: str | None = None,
    author: str = "",
    byline: bool = True,
    meta: dict[str, Any] | None = None,
) -> Article:
    """Build an Article from clean non-blank lines; ``title=None`` takes the first line."""
    if not lines and not title:
        raise EmptyArticleError("contains only whitespace", path=where)
    body = list(lines)
    if title is None:
        title = body.pop(0)
    if byline and body:
        name = parse_byline(body[-1])
        if name is not None:
            author = author or name
            body.pop()
    if not body:
        raise EmptyArticleError(
            "has a title but no body: the first line is read as the title and each following "
            "line as a paragraph (a last line 'By NAME' is the byline)",
            path=where,
        )
    return Article(
        id=id,
        title=title,
        author=author,
        text="\n".join(body),
        paragraphs=tuple(body),
        source=source,
        meta=meta or {},
    )


def article_from_text(
    text: str,
    *,
    id: str = "text",
    title: str = "",
    author: str = "",
    source: str = "",
    layout: Literal["body", "seed"] = "body",
) -> Article:
    """Make an :class:`Article` from a string, e.g. text pasted into a notebook.

    Args:
        text: the article. With ``layout="body"`` (default) all of it is the body, one
            paragraph per line; with ``layout="seed"`` it is read like a ``.txt`` file: first
            line the title, optional last line ``By NAME`` the author.
        id, title, author, source: stored as given. Under ``layout="seed"`` a non-empty
            ``title`` or ``author`` replaces the one read from the text (the first line and
            the byline are still taken out of the body).

    Returns:
        Article whose ``text`` is the non-blank, stripped lines joined by ``"\\n"``.

    Raises:
        EmptyArticleError: nothing but whitespace (or, with ``layout="seed"``, only a title).

    Examples:
        >>> art = article_from_text("First paragraph.\\n\\n  Second one.  ", id="demo")
        >>> art.paragraphs
        ('First paragraph.', 'Second one.')
        >>> art.text
        'First paragraph.\\nSecond one.'
        >>> article_from_text("Headline\\nBody.\\nBy Jo Bloggs", layout="seed").author
        'Jo Bloggs'
    """
    check_choice("layout", layout, ("body", "seed"))
    if not isinstance(text, str):
        raise ParameterError(f"text must be a str, got {type(text).__name__}")
    lines = _clean_lines(text)
    if layout == "seed":
        art = _from_lines(lines, id=id, source=source, where=source or None, author=author)
        return dataclasses.replace(art, title=title) if title else art
    if not lines:
        raise EmptyArticleError(f"the text for article {id!r} is empty or whitespace only")
    return _from_lines(lines, id=id, source=source, where=None, title=title, author=author,
                       byline=False)


# --------------------------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------------------------

_HTML_START_RE = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.I | re.S)
_HTML_TAG_RE = re.compile(
    r"</?(?:p|div|br|body|head|title|span|a|meta|link|script|style|h[1-6]|li|ul|ol|table|tr|td"
    r"|article|section|header|footer|nav|main|img|strong|em|b|i)\b[^>]*>",
    re.I,
)
_BLOCK_TAGS = frozenset(
    "p div br h1 h2 h3 h4 h5 h6 li ul ol article section main header blockquote pre tr table "
    "dd dt dl figcaption address hr body".split()
)
_DROP_TAGS = frozenset(
    "script style noscript template svg nav aside footer form button select iframe "
    "object canvas".split()
)
_VOID_TAGS = frozenset("br hr img meta link input area base col embed source track wbr".split())


def looks_like_html(text: str) -> bool:
    """True if ``text`` starts like an HTML page, or starts with a tag and is full of tags.

    Examples:
        >>> looks_like_html("<!DOCTYPE html><html><body><p>Hi</p></body></html>")
        True
        >>> looks_like_html("Use <b> for bold, they said.")
        False
    """
    head = text[:4096]
    if _HTML_START_RE.match(head):
        return True
    return head.lstrip().startswith("<") and len(_HTML_TAG_RE.findall(head)) >= 5


class _HTMLText(HTMLParser):
    """Collect ``<title>``, ``<meta name=author>`` and block-level text runs."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title_parts: list[str] = []
        self.author = ""
        self.blocks: list[tuple[str, str]] = []  # (tag that opened the block, text)
        self._buf: list[str] = []
        self._block_tag = ""
        self._drop = 0
        self._in_title = False
        self._in_head = False

    def _flush(self) -> None:
        text = " ".join("".join(self._buf).split())
        if text:
            self.blocks.append((self._block_tag, text))
        self._buf = []
        self._block_tag = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DROP_TAGS and tag not in _VOID_TAGS:
            self._drop += 1
        elif tag == "title":
            self._in_title = True
        elif tag == "head":
            self._in_head = True
        elif tag == "meta":
            a = {k.lower(): (v or "") for k, v in attrs}
            if a.get("name", "").lower() == "author" and not self.author:
                self.author = " ".join(a.get("content", "").split())
        elif tag in _BLOCK_TAGS and not self._drop:
            self._flush()
            self._block_tag = tag

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROP_TAGS:
            self._drop = max(0, self._drop - 1)
        elif tag == "title":
            self._in_title = False
        elif tag == "head":
            self._in_head = False
        elif tag in _BLOCK_TAGS and not self._drop:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title_parts.append(data)
        elif not self._drop and not self._in_head:
            if not self._block_tag and not self._buf:
                self._block_tag = "#text"
            self._buf.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def html_to_parts(html: str, *, where: str | Path | None = None) -> tuple[str, str, list[str]]:
    """Extract ``(title, author, paragraphs)`` from an HTML page with :mod:`html.parser`.

    The title is ``<title>`` (else the first ``<h1>``); the author is ``<meta name="author">``
    or a ``By NAME`` paragraph right after the headline or at the end. Each block element
    (``p``, ``div``, ``h1``-``h6``, ``li``, ``blockquote``, ``br`` ...) starts a paragraph;
    whitespace inside a block is collapsed to single spaces; entities are unescaped;
    ``script``, ``style``, ``nav``, ``aside``, ``footer``, forms and the rest of ``<head>``
    are dropped. A heuristic: menus and captions that are not in those elements stay in.

    Examples:
        >>> html_to_parts("<html><title>T</title><p>One &amp; two.</p><p>Three.</p></html>")
        ('T', '', ['One & two.', 'Three.'])
    """
    parser = _HTMLText()
    try:
        parser.feed(html)
        parser.close()
    except (AssertionError, ValueError) as exc:  # html.parser gives up on some broken markup
        raise FormatError(f"HTML that html.parser cannot read ({exc})", path=where) from None
    title = " ".join("".join(parser.title_parts).split())
    blocks = list(parser.blocks)
    if blocks and blocks[0][0] == "h1" and (not title or blocks[0][1] in title):
        title = title or blocks[0][1]
        blocks.pop(0)
    elif not title:
        for i, (tag, text) in enumerate(blocks):
            if tag == "h1":
                title = text
                del blocks[i]
                break
    paras = [t for _, t in blocks]
    author = parser.author
    if not author and paras:
        for i in (-1, 0):
            name = parse_byline(paras[i]) if paras else None
            if name is not None:
                author = name
                paras.pop(i)
                break
    return title, author, paras


# --------------------------------------------------------------------------------------------
# One text file
# --------------------------------------------------------------------------------------------


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise ArticleNotFoundError("no such file", path=path) from None
    except IsADirectoryError:
        raise ArticleError("is a folder, not a file", path=path) from None
    except OSError as exc:
        raise ArticleError(f"cannot be read ({exc.strerror or exc})", path=path) from None


def _read_text_file(path: Path, *, id: str | None = None) -> Article:
    """Read one text file in the seed layout (or an HTML page)."""
    data = _read_bytes(path)
    if not data:
        raise EmptyArticleError("is empty (0 bytes)", path=path)
    text = decode_bytes(data, where=path)
    art_id = id if id is not None else path.stem
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm") or looks_like_html(text):
        title, author, paras = html_to_parts(normalise_newlines(text), where=path)
        warnings.warn(
            f"{path}: read as an HTML page; its text was extracted heuristically (title from "
            "<title>, one paragraph per block element, scripts, styles and navigation dropped). "
            "Check the result, or save the article as plain text.",
            HTMLInputWarning,
            stacklevel=3,
        )
        paras = [c for c in (_clean_line(p) for p in paras) if c]
        if not paras and not title:
            raise EmptyArticleError("is an HTML page with no readable text", path=path)
        return _from_lines(paras, id=art_id, source=str(path), where=path, title=title,
                           author=author, byline=False)
    lines = _clean_lines(text)
    if lines and suffix == ".md":
        lines[0] = lines[0].lstrip("#").strip() or lines[0]
    return _from_lines(lines, id=art_id, source=str(path), where=path)


# --------------------------------------------------------------------------------------------
# Records: JSONL and CSV
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Columns:
    text: str = "text"
    title: str = "title"
    id: str = "id"
    author: str = "author"


def _find_key(keys: Iterable[str], wanted: str) -> str | None:
    keys = list(keys)
    if wanted in keys:
        return wanted
    matches = [k for k in keys if isinstance(k, str) and k.strip().lower() == wanted.lower()]
    return matches[0] if len(matches) == 1 else None


_TEXT_GUESSES = ("body", "content", "article", "story", "full_text", "fulltext", "text_body")


def _missing_text_message(kind: str, wanted: str, keys: list[str]) -> str:
    have = ", ".join(repr(k) for k in keys) or "none"
    guess = next((k for k in keys if k.strip().lower() in _TEXT_GUESSES), None)
    hint = f"text_column={guess!r}" if guess else "text_column='<name of the column with the text>'"
    return f"{kind} has no {wanted!r} column (it has: {have}); name the text column with {hint}"


def _record_article(
    rec: dict[str, Any],
    *,
    cols: _Columns,
    path: Path,
    line: int,
    number: int,
    empty_is_none: bool,
) -> Article:
    """Turn one record (JSON object or CSV row as a dict) into an Article."""
    where = f"{path}:{line}"
    text_key = _find_key(rec.keys(), cols.text)
    if text_key is None:
        raise FormatError(_missing_text_message("record", cols.text, list(rec)), path=path,
                          line=line)
    used = {text_key}
    text = rec[text_key]
    if text is None:
        text = ""
    if not isinstance(text, str):
        raise FormatError(
            f"field {text_key!r} must be a string, got {type(text).__name__}", path=path, line=line
        )

    def field_str(name: str) -> str:
        key = _find_key(rec.keys(), name)
        if key is None:
            return ""
        used.add(key)
        value = rec[key]
        if value is None:
            return ""
        return " ".join(_clean_lines(str(value)))

    title = field_str(cols.title)
    author = field_str(cols.author)
    rec_id = field_str(cols.id) or f"{path.stem}-{number}"
    meta = {
        k: (None if empty_is_none and v == "" else v) for k, v in rec.items() if k not in used
    }
    lines = _clean_lines(text)
    if not lines:
        raise EmptyArticleError(
            f"record {rec_id!r} has an empty {text_key!r} field", path=path, line=line
        )
    return _from_lines(lines, id=rec_id, source=where, where=where, title=title, author=author,
                       byline=False, meta=meta)


def _split_lines(fh: IO[bytes]) -> Iterator[bytes]:
    """Yield the lines of a binary stream with their ends, splitting on LF, CRLF and lone CR.

    Reads 1 MB chunks; a line longer than a chunk is collected piecewise (no quadratic copying).
    """
    pending: list[bytes] = []
    while True:
        chunk = fh.read(_CHUNK)
        if not chunk:
            break
        if b"\n" not in chunk and b"\r" not in chunk:
            pending.append(chunk)
            continue
        lines = b"".join([*pending, chunk]).splitlines(keepends=True)
        pending = []
        # A partial last line waits for the next chunk, and so does a final CR (LF may follow).
        if not lines[-1].endswith(b"\n"):
            pending.append(lines.pop())
        yield from lines
    if pending:
        yield from b"".join(pending).splitlines(keepends=True)


def _text_lines(path: Path) -> Iterator[tuple[int, str]]:
    """Yield ``(line_number, line_with_its_end)`` of a text file, decoding line by line."""
    try:
        fh = path.open("rb")
    except FileNotFoundError:
        raise ArticleNotFoundError("no such file", path=path) from None
    except OSError as exc:
        raise ArticleError(f"cannot be read ({exc.strerror or exc})", path=path) from None
    with fh:
        head = fh.read(_SNIFF_BYTES)
        if not head:
            raise EmptyArticleError("is empty (0 bytes)", path=path)
        codec, bom = _sniff(head, path)
        fh.seek(bom)
        if codec != "utf-8":
            wrapper = io.TextIOWrapper(fh, encoding=codec, errors="replace", newline="")
            yield from enumerate(wrapper, 1)
            return
        warned = False
        offset = bom
        for n, raw in enumerate(_split_lines(fh), 1):
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                content = raw.rstrip(b"\r\n")
                text, problem = _decode_utf8(content)
                text += raw[len(content) :].decode("ascii")
                if problem and not warned:
                    _warn_encoding(problem._replace(offset=offset + problem.offset), str(path), n)
                    warned = True
            offset += len(raw)
            yield n, text


# A record-level problem is yielded (not raised) so the caller decides: raise or skip.
_RecordResult = Article | ArticleError


def _iter_jsonl(path: Path, cols: _Columns) -> Iterator[_RecordResult]:
    number = 0
    lines = _text_lines(path)
    first = True
    for n, line in lines:
        stripped = line.strip()
        if first and stripped:
            first = False
            if path.suffix.lower() == ".json" and stripped[:1] == "[":
                lines.close()
                yield from _iter_json_document(path, cols)
                return
        if not stripped:
            continue
        number += 1
        try:
            rec = json.loads(stripped)
        except (ValueError, RecursionError) as exc:
            if path.suffix.lower() == ".json" and number == 1 and stripped[:1] == "{":
                lines.close()
                yield from _iter_json_document(path, cols)
                return
            why = (
                f"{exc.msg} at column {exc.colno}"
                if isinstance(exc, json.JSONDecodeError)
                else str(exc) or type(exc).__name__
            )
            yield FormatError(
                f"not valid JSON ({why}); a JSON Lines file holds one object per line",
                path=path,
                line=n,
            )
            continue
        if not isinstance(rec, dict):
            yield FormatError(
                f"is a JSON {type(rec).__name__}, not an object with a {cols.text!r} field",
                path=path,
                line=n,
            )
            continue
        try:
            yield _record_article(rec, cols=cols, path=path, line=n, number=number,
                                  empty_is_none=False)
        except ArticleError as exc:
            yield exc
    if first:
        raise EmptyArticleError("holds no records (it is empty or whitespace only)", path=path)


def _iter_json_document(path: Path, cols: _Columns) -> Iterator[_RecordResult]:
    """A ``.json`` file holding one array of objects (or a single object), parsed whole."""
    text = decode_bytes(_read_bytes(path), where=path)
    try:
        doc = json.loads(text)
    except RecursionError:
        raise FormatError("JSON nested too deeply to read", path=path) from None
    except json.JSONDecodeError as exc:
        raise FormatError(
            f"not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno}); expected JSON "
            "Lines (one object per line) or an array of objects",
            path=path,
            line=exc.lineno,
        ) from None
    records = doc if isinstance(doc, list) else [doc]
    if not records:
        raise EmptyArticleError("holds an empty JSON array", path=path)
    for number, rec in enumerate(records, 1):
        if not isinstance(rec, dict):
            yield FormatError(
                f"item {number} is a JSON {type(rec).__name__}, not an object", path=path
            )
            continue
        try:
            yield _record_article(rec, cols=cols, path=path, line=number, number=number,
                                  empty_is_none=False)
        except ArticleError as exc:
            yield exc


def _raise_csv_field_limit() -> None:
    limit = sys.maxsize
    while True:
        try:
            csv.field_size_limit(limit)
            return
        except OverflowError:
            limit //= 2


def _iter_csv(path: Path, cols: _Columns) -> Iterator[_RecordResult]:
    _raise_csv_field_limit()
    lines = _text_lines(path)
    numbered = _LineCounter(lines)
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    first_line = numbered.peek()
    if first_line is not None and delimiter not in first_line:
        try:
            delimiter = csv.Sniffer().sniff(first_line, delimiters=",;\t|").delimiter
        except csv.Error:
            pass
    reader = csv.reader(numbered, delimiter=delimiter)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise FormatError(f"cannot read the header row ({exc})", path=path, line=1) from None
    if header is None:
        raise EmptyArticleError("holds no rows", path=path)
    header = [h.strip() for h in header]
    if _find_key(header, cols.text) is None:
        raise FormatError(_missing_text_message("the header row", cols.text, header), path=path,
                          line=1)
    number = 0
    while True:
        start = numbered.count + 1
        numbered.mark()
        try:
            row = next(reader, None)
        except csv.Error as exc:
            yield FormatError(f"malformed CSV ({exc}); the rest of the file was not read",
                              path=path, line=start)
            return
        if row is None:
            break
        if numbered.exhausted and _unclosed_quote(numbered.record, delimiter):
            # csv's lenient mode would read everything after an unbalanced quote into one field.
            yield FormatError(
                "malformed CSV: a quoted field that starts in this record is never closed, so "
                "every line after it would be read into it (the rest of the file was not "
                'read); close the quote, and write a quotation mark inside a quoted field as ""',
                path=path,
                line=start,
            )
            return
        if not row or all(not c.strip() for c in row):
            continue
        number += 1
        if len(row) > len(header):
            yield FormatError(
                f"row has {len(row)} fields but the header has {len(header)} (an unquoted "
                f"{delimiter!r} in a field?)",
                path=path,
                line=start,
            )
            continue
        rec = dict(zip(header, row + [""] * (len(header) - len(row))))
        try:
            yield _record_article(rec, cols=cols, path=path, line=start, number=number,
                                  empty_is_none=True)
        except ArticleError as exc:
            yield exc
    if number == 0:
        raise EmptyArticleError("has a header row but no records", path=path)


def _unclosed_quote(lines: list[str], delimiter: str) -> bool:
    """Whether the record made of ``lines`` (which ran to the end of the file) has an open quote."""
    try:
        for _ in csv.reader(lines, delimiter=delimiter, strict=True):
            pass
    except csv.Error as exc:
        return "unexpected end of data" in str(exc)
    return False


class _LineCounter:
    """Iterator of text lines for :mod:`csv` that counts the physical lines consumed.

    ``record`` holds the lines read since the last :meth:`mark` (one CSV record), and
    ``exhausted`` says whether the file has run out.
    """

    def __init__(self, lines: Iterator[tuple[int, str]]):
        self._lines = lines
        self._peeked: str | None = None
        self.count = 0
        self.record: list[str] = []
        self.exhausted = False

    def mark(self) -> None:
        """Start a new record."""
        self.record = []

    def peek(self) -> str | None:
        if self._peeked is None:
            item = next(self._lines, None)
            self._peeked = None if item is None else item[1]
        return self._peeked

    def __iter__(self) -> _LineCounter:
        return self

    def __next__(self) -> str:
        if self._peeked is not None:
            line, self._peeked = self._peeked, None
        else:
            try:
                line = next(self._lines)[1]
            except StopIteration:
                self.exhausted = True
                raise
        self.count += 1
        self.record.append(line)
        return line


def _iter_file(path: Path, cols: _Columns) -> Iterator[_RecordResult]:
    suffix = path.suffix.lower()
    if suffix in JSON_SUFFIXES:
        yield from _iter_jsonl(path, cols)
    elif suffix in CSV_SUFFIXES:
        yield from _iter_csv(path, cols)
    else:
        yield _read_text_file(path)


# --------------------------------------------------------------------------------------------
# Paths, folders, globs
# --------------------------------------------------------------------------------------------

_SUFFIX_LIST = ", ".join(ARTICLE_SUFFIXES)


def _is_article_file(name: str) -> bool:
    stem, suffix = os.path.splitext(name)
    return (
        not name.startswith(".")
        and suffix.lower() in ARTICLE_SUFFIXES
        and stem.lower() not in _IGNORED_STEMS
    )


def _list_folder(folder: Path, recursive: bool) -> list[Path]:
    """Article files in ``folder`` sorted by name (names only; nothing is opened)."""
    if not recursive:
        with os.scandir(folder) as entries:
            names = sorted(e.name for e in entries if _is_article_file(e.name) and e.is_file())
        return [folder / n for n in names]
    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(Path(root) / n for n in sorted(files) if _is_article_file(n))
    return found


def _expand_one(item: PathLike, recursive: bool) -> list[Path]:
    """Files named by one input: a file, a folder or a glob. Raises ArticleNotFoundError."""
    if not isinstance(item, (str, os.PathLike)):
        raise ParameterError(
            f"expected a path, a glob or a list of them, got {type(item).__name__}"
        )
    raw = os.fspath(item)
    if isinstance(raw, bytes):
        raw = os.fsdecode(raw)
    if re.match(r"^[a-z][a-z0-9+.-]*://", raw, re.I):
        raise ArticleNotFoundError(
            "is a URL; the kit reads local files only (save the page or text to a file first)",
            path=raw,
        )
    path = Path(os.path.expanduser(raw))
    if path.is_dir():
        files = _list_folder(path, recursive)
        if not files:
            raise ArticleNotFoundError(
                f"the folder holds no article files (read: {_SUFFIX_LIST}"
                f"{'' if recursive else '; subfolders are read with recursive=True'})",
                path=path,
            )
        return files
    if path.exists():
        return [path]
    if any(ch in raw for ch in "*?["):
        matches = sorted(globmod.glob(os.path.expanduser(raw), recursive=recursive or "**" in raw))
        files = [Path(m) for m in matches if os.path.isfile(m)]
        articles = [p for p in files if _is_article_file(p.name)]
        if not articles:
            detail = (
                f"matches {len(files)} file(s) but none with an article extension"
                if files
                else "matches no files"
            )
            raise ArticleNotFoundError(f"the pattern {detail} (read: {_SUFFIX_LIST})", path=raw)
        return articles
    hint = ""
    if not path.is_absolute():
        hint = f" (relative paths start from the working directory, {os.getcwd()})"
    raise ArticleNotFoundError(f"no such file or folder{hint}", path=raw)


def _as_inputs(path_or_glob: PathLike | Iterable[PathLike]) -> list[PathLike]:
    if isinstance(path_or_glob, pd.DataFrame):
        raise ParameterError(
            "iter_articles reads files; for a corpus DataFrame use articles_from_frame(df)"
        )
    if isinstance(path_or_glob, (str, os.PathLike)):
        return [path_or_glob]
    if isinstance(path_or_glob, Iterable) and not isinstance(path_or_glob, (bytes, dict)):
        items = list(path_or_glob)
        if not items:
            raise ArticleNotFoundError("no paths given (an empty list)")
        return items
    raise ParameterError(
        f"expected a path, a glob or a list of them, got {type(path_or_glob).__name__}"
    )


# --------------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------------


class ArticleIterator(Iterator[Article]):
    """The lazy iterator :func:`iter_articles` returns.

    Files are listed when it is created (so a missing path fails at once) but each is opened
    only when iteration reaches it; JSONL and CSV files are read one record at a time.

    Attributes:
        files: the files to read, in order (paths only).
        skipped: what was left out under ``on_error="skip"``, as :class:`Skipped`
            ``(source, message)`` pairs, filled in as iteration proceeds. Always empty with
            ``on_error="raise"``.
        n_yielded: how many articles have been produced so far.
    """

    def __init__(
        self,
        inputs: list[PathLike],
        *,
        cols: _Columns,
        on_error: OnError,
        recursive: bool,
    ) -> None:
        self.skipped: list[Skipped] = []
        self.files: list[Path] = []
        self.n_yielded = 0
        self._cols = cols
        self._on_error = on_error
        seen: set[str] = set()
        for item in inputs:
            try:
                found = _expand_one(item, recursive)
            except ArticleNotFoundError as exc:
                if on_error == "raise":
                    raise
                self._skip(str(exc.path or item), exc)
                continue
            for p in found:
                key = os.path.normcase(os.path.abspath(p))
                if key in seen:
                    log.info("%s is listed more than once; read once", p)
                    continue
                seen.add(key)
                self.files.append(p)
        self._ids: dict[str, int] = {}
        self._gen = self._generate()

    def _skip(self, source: str, exc: Exception) -> None:
        message = str(exc)
        if isinstance(exc, ArticleError) and exc.path is not None:
            # The log line names the source once: drop the error's own "path, line N: " prefix.
            where = exc.path + (f", line {exc.line}" if exc.line is not None else "") + ": "
            if message.startswith(where):
                message = message[len(where):]
        log.warning("skipped %s: %s", source, message)
        self.skipped.append(Skipped(source, str(exc)))

    def _unique(self, art: Article) -> Article:
        n = self._ids.get(art.id, 0) + 1
        self._ids[art.id] = n
        if n == 1:
            return art
        new = f"{art.id}~{n}"
        while new in self._ids:
            n += 1
            new = f"{art.id}~{n}"
        self._ids[art.id] = n
        self._ids[new] = 1
        warnings.warn(
            f"{art.source}: id {art.id!r} was already used in this run; renamed {new!r}",
            DuplicateIdWarning,
            stacklevel=3,
        )
        return dataclasses.replace(art, id=new)

    def _generate(self) -> Iterator[Article]:
        for path in self.files:
            results = _iter_file(path, self._cols)
            while True:
                try:
                    item = next(results)
                except StopIteration:
                    break
                except ArticleError as exc:  # file-level problem: the rest of the file is lost
                    if self._on_error == "raise":
                        raise
                    self._skip(str(path), exc)
                    break
                if isinstance(item, ArticleError):
                    if self._on_error == "raise":
                        raise item
                    where = str(path) if item.line is None else f"{path}:{item.line}"
                    self._skip(where, item)
                    continue
                self.n_yielded += 1
                yield self._unique(item)

    def __iter__(self) -> ArticleIterator:
        return self

    def __next__(self) -> Article:
        return next(self._gen)


def iter_articles(
    path_or_glob: PathLike | Iterable[PathLike],
    *,
    text_column: str = "text",
    title_column: str = "title",
    id_column: str = "id",
    author_column: str = "author",
    on_error: OnError = "raise",
    recursive: bool = False,
) -> ArticleIterator:
    """Stream articles from a file, a folder, a glob, or a list of those.

    Args:
        path_or_glob: a file (``.txt``, ``.text``, ``.md``, ``.html``: one article; ``.jsonl``,
            ``.ndjson``, ``.json``, ``.csv``, ``.tsv``: one per record; any other suffix is read
            as text), a folder (its article files sorted by name; ``README``/``LICENSE`` files
            and hidden files are ignored), a glob string such as ``"seeds/*.txt"`` (files
            without an article suffix are ignored), or a list of any of these.
        text_column, title_column, id_column, author_column: record field names (JSONL/CSV).
        on_error: ``"raise"`` stops at the first bad file or record; ``"skip"`` logs it, leaves
            it out and lists it in the iterator's ``skipped`` attribute.
        recursive: also read subfolders of folders (and let ``**`` in globs cross folders).

    Returns:
        An :class:`ArticleIterator` of :class:`Article` (lazy: files are opened one at a time).
        Duplicate ids get a ``~N`` suffix and a :class:`DuplicateIdWarning`.

    Raises:
        ArticleNotFoundError: a path does not exist, or a folder/glob holds no article files
            (at once, when the iterator is created; with ``on_error="skip"`` it is listed).
        EmptyArticleError, BinaryFileError, FormatError: during iteration, with
            ``on_error="raise"``.

    Examples:
        >>> from analysis.paths import SEEDS_DIR
        >>> it = iter_articles(SEEDS_DIR / "*.txt")
        >>> [a.author for a in it][:1]
        ['Vafa Guliyeva']
        >>> it.skipped
        []
    """
    check_choice("on_error", on_error, ("raise", "skip"))
    cols = _Columns(text=text_column, title=title_column, id=id_column, author=author_column)
    inputs = _as_inputs(path_or_glob)
    return ArticleIterator(inputs, cols=cols, on_error=on_error, recursive=recursive)


def load_article(
    path: PathLike,
    *,
    text_column: str = "text",
    title_column: str = "title",
    id_column: str = "id",
    author_column: str = "author",
) -> Article:
    """Read one article from a file.

    Args:
        path: a text file in the seed layout (title line, one paragraph per line, optional
            ``By NAME`` last line), an HTML page, or a JSONL/CSV file holding exactly one record.
        text_column, title_column, id_column, author_column: record field names (JSONL/CSV).

    Returns:
        The :class:`Article`: ``id`` the file stem (or the record's id), ``text`` the body
        paragraphs joined by ``"\\n"``, ``source`` the path as given.

    Raises:
        ArticleNotFoundError: no such file.
        EmptyArticleError: empty, whitespace only, or a title without a body.
        BinaryFileError: an image, a PDF, an archive or other binary data.
        FormatError: a folder, or a JSONL/CSV file with no or more than one record, or with a
            malformed record.

    Examples:
        >>> from analysis.paths import first_seed
        >>> art = load_article(first_seed())
        >>> art.title
        'Iran keeps door open to talks with Trump'
        >>> art.author, len(art.paragraphs)
        ('Vafa Guliyeva', 6)
    """
    if isinstance(path, (str, os.PathLike)) and os.path.isdir(os.path.expanduser(path)):
        raise FormatError(
            "is a folder; load_article reads one file: use load_corpus(folder) for a DataFrame "
            "or iter_articles(folder) to stream its articles",
            path=path,
        )
    files = _expand_one(path, recursive=False)
    if len(files) != 1:
        raise FormatError(
            f"matches {len(files)} files; load_article reads one: use load_corpus(...) or "
            "iter_articles(...) for many",
            path=path,
        )
    p = files[0]
    cols = _Columns(text=text_column, title=title_column, id=id_column, author=author_column)
    if p.suffix.lower() not in JSON_SUFFIXES + CSV_SUFFIXES:
        return _read_text_file(p)
    results = _iter_file(p, cols)
    first = next(results)
    if isinstance(first, ArticleError):
        raise first
    second = next(results, None)
    results.close()
    if second is not None:
        raise FormatError(
            "holds more than one record; load_article reads a single article: use "
            "load_corpus(path) for a DataFrame or iter_articles(path) to stream them",
            path=p,
        )
    return first


def load_corpus(
    path_or_glob: PathLike | Iterable[PathLike],
    *,
    text_column: str = "text",
    title_column: str = "title",
    id_column: str = "id",
    author_column: str = "author",
    on_error: OnError = "raise",
    recursive: bool = False,
) -> pd.DataFrame:
    """Load many articles into a DataFrame, one row per article (same inputs as iter_articles).

    Returns:
        DataFrame with columns ``id, title, author, text, source, n_paragraphs`` (``str`` and
        ``int``), then one column per meta key in order of first appearance, missing values
        ``<NA>`` (nullable dtypes via ``convert_dtypes``). A meta key that clashes with a fixed
        column (a JSONL ``source`` field, say) is named ``meta_<key>``.
        ``df.attrs["skipped"]`` lists ``(source, message)`` pairs of what was skipped.

    Raises:
        ArticleNotFoundError: nothing was loaded (no files, or every one skipped).
        And what :func:`iter_articles` raises with ``on_error="raise"``.

    Examples:
        >>> from analysis.paths import SEEDS_DIR
        >>> df = load_corpus(SEEDS_DIR)
        >>> list(df.columns)
        ['id', 'title', 'author', 'text', 'source', 'n_paragraphs']
        >>> int(df.loc[0, "n_paragraphs"])
        6
    """
    it = iter_articles(
        path_or_glob,
        text_column=text_column,
        title_column=title_column,
        id_column=id_column,
        author_column=author_column,
        on_error=on_error,
        recursive=recursive,
    )
    core: dict[str, list[Any]] = {c: [] for c in CORPUS_COLUMNS}
    meta_cols: dict[str, list[Any]] = {}
    n = 0
    for art in it:
        core["id"].append(art.id)
        core["title"].append(art.title)
        core["author"].append(art.author)
        core["text"].append(art.text)
        core["source"].append(art.source)
        core["n_paragraphs"].append(len(art.paragraphs))
        for key, value in art.meta.items():
            name = f"meta_{key}" if key in CORPUS_COLUMNS else str(key)
            col = meta_cols.setdefault(name, [None] * n)
            col.append(value)
        n += 1
        for col in meta_cols.values():
            if len(col) < n:
                col.append(None)
    skipped = [(s.source, s.message) for s in it.skipped]
    if n == 0:
        where = path_or_glob if isinstance(path_or_glob, (str, os.PathLike)) else None
        detail = f" ({len(skipped)} skipped; first: {skipped[0][1]})" if skipped else ""
        raise ArticleNotFoundError(f"no articles were loaded{detail}", path=where)
    df = pd.DataFrame(
        {
            **{c: pd.Series(core[c], dtype="str") for c in CORPUS_COLUMNS[:-1]},
            "n_paragraphs": pd.Series(core["n_paragraphs"], dtype="int64"),
        }
    )
    if meta_cols:
        meta = pd.DataFrame({k: pd.Series(v, dtype="object") for k, v in meta_cols.items()})
        df = pd.concat([df, meta.convert_dtypes()], axis=1)
    df.attrs["skipped"] = skipped
    return df


def articles_from_frame(df: pd.DataFrame) -> Iterator[Article]:
    """Turn a corpus DataFrame (as :func:`load_corpus` returns) back into articles.

    Needs ``id`` (or ``article_id``) and ``text`` columns; ``title``, ``author`` and ``source``
    are used when present; ``n_paragraphs`` is recomputed; every other column goes into
    ``meta`` (``meta_<key>`` back to ``<key>``; missing values are left out).

    Yields:
        One :class:`Article` per row, in row order. ``paragraphs`` are the non-blank lines of
        ``text``.

    Raises:
        ParameterError: a required column is missing.
        EmptyArticleError: a row's text is empty.

    Examples:
        >>> import pandas as pd
        >>> df = pd.DataFrame({"id": ["a"], "title": ["T"], "text": ["One.\\nTwo."], "desk": ["x"]})
        >>> art = next(articles_from_frame(df))
        >>> art.paragraphs, art.meta
        (('One.', 'Two.'), {'desk': 'x'})
    """
    if not isinstance(df, pd.DataFrame):
        raise ParameterError(f"expected a pandas DataFrame, got {type(df).__name__}")
    id_col = "id" if "id" in df.columns else "article_id"
    if id_col not in df.columns or "text" not in df.columns:
        raise ParameterError(
            "a corpus DataFrame needs an 'id' and a 'text' column "
            f"(it has: {', '.join(map(str, df.columns))})"
        )
    fixed = {id_col, "title", "author", "text", "source", "n_paragraphs"}
    extra = [c for c in df.columns if c not in fixed]

    def value(v: Any) -> Any:
        return v.item() if hasattr(v, "item") and not isinstance(v, (str, bytes)) else v

    def text_of(v: Any) -> str:
        return "" if v is None or (not isinstance(v, str) and pd.isna(v)) else str(v)

    for row in df.itertuples(index=False, name=None):
        rec = dict(zip(df.columns, row))
        aid = text_of(rec[id_col])
        meta = {}
        for c in extra:
            v = rec[c]
            if v is None or (pd.api.types.is_scalar(v) and pd.isna(v)):
                continue
            key = str(c)[5:] if str(c).startswith("meta_") and str(c)[5:] in CORPUS_COLUMNS else c
            meta[key] = value(v)
        lines = _clean_lines(text_of(rec["text"]))
        source = text_of(rec.get("source"))
        if not lines:
            raise EmptyArticleError(f"row with id {aid!r} has an empty text", path=source or None)
        yield Article(
            id=aid,
            title=text_of(rec.get("title")),
            author=text_of(rec.get("author")),
            text="\n".join(lines),
            paragraphs=tuple(lines),
            source=source,
            meta=meta,
        )
