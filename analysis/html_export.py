"""Executed notebook -> one self-contained, script-free HTML page.

The page uses the kit's offline nbconvert template (``analysis/templates/kit_offline``): nbconvert's
"lab" layout with every CDN script removed and a Content-Security-Policy that forbids scripts and
network loads. Plots are embedded as ``data:`` images, so the page is one file that opens offline.

Article text is untrusted. Notebooks escape what they display, and this module checks again:
:func:`neutralise_outputs` replaces any HTML, Markdown or SVG output that could run a script or
load something from the network by its plain-text form, and :func:`check_document` refuses a
finished page that still holds a ``<script>``, an event-handler attribute, a ``javascript:`` URL or
a network resource.
"""

from __future__ import annotations

import errno
import functools
import html
import logging
import os
import re
import tempfile
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from .errors import ReportError
from .paths import PACKAGE_DIR

log = logging.getLogger(__name__)

TEMPLATE_DIR = PACKAGE_DIR / "templates"
TEMPLATE_NAME = "kit_offline"

#: Elements that run code, load documents or change where links and forms go.
_FORBIDDEN_TAGS = frozenset(
    {"script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "link",
     "meta", "form", "portal", "noscript", "template"}
)
#: Attributes whose value is a URL that the browser fetches (as opposed to following on click).
_LOADING_ATTRS = frozenset(
    {"src", "srcset", "poster", "data", "background", "action", "formaction", "xlink:href",
     "lowsrc", "dynsrc", "ping", "manifest", "codebase", "archive", "longdesc", "icon"}
)
_NETWORK = re.compile(r"^\s*(?:[a-z][a-z0-9+.\-]*:)?//", re.IGNORECASE)
_BAD_SCHEME = re.compile(r"^\s*(?:javascript|vbscript|livescript|data\s*:\s*text/html)", re.IGNORECASE)
_CSS_NETWORK = re.compile(r"(?:url\(\s*['\"]?\s*(?:[a-z][a-z0-9+.\-]*:)?//|@import)", re.IGNORECASE)
#: Tags nbconvert's own page head is allowed to hold.
_HEAD_META_OK = frozenset({"charset", "viewport", "content-security-policy", "referrer"})


def _strip_controls(value: str) -> str:
    # Browsers ignore tabs and newlines inside URLs ("java\nscript:"); so must the check.
    return re.sub(r"[\x00-\x20]+", "", value)


class _Auditor(HTMLParser):
    def __init__(self, document: bool):
        super().__init__(convert_charrefs=True)
        self.document = document
        self.problems: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._check(tag, attrs)
        self._in_style = tag == "style"

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._check(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style and _CSS_NETWORK.search(data):
            self.problems.append("a stylesheet that loads from the network")

    def _check(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta" and self.document:
            kind = (attr.get("http-equiv") or attr.get("name") or ("charset" if "charset" in attr else "")).lower()
            if kind in _HEAD_META_OK:
                return
        if tag in _FORBIDDEN_TAGS:
            self.problems.append(f"a <{tag}> element")
            return
        for name, value in attr.items():
            plain = _strip_controls(html.unescape(value))
            if name.startswith("on"):
                self.problems.append(f"an event handler attribute ({name}) on <{tag}>")
            elif name in ("href", "src", "xlink:href", "action", "formaction", "data") and _BAD_SCHEME.match(plain):
                self.problems.append(f"a script URL in {name} of <{tag}>")
            elif name in _LOADING_ATTRS and _NETWORK.match(plain):
                self.problems.append(f"a network resource in {name} of <{tag}>")
            elif name == "style" and _CSS_NETWORK.search(plain):
                self.problems.append(f"a style attribute that loads from the network on <{tag}>")
            elif name == "http-equiv":
                self.problems.append(f"an http-equiv attribute on <{tag}>")


def html_problems(fragment: str, *, document: bool = False) -> list[str]:
    """What in ``fragment`` could run a script or fetch from the network, in plain words.

    Args:
        fragment: HTML (a cell output, or a whole page).
        document: a whole page: its ``<meta charset/viewport/CSP/referrer>`` are allowed.

    Returns:
        One phrase per problem found (empty when the HTML is safe to show offline). Links
        (``<a href="https://...">``) are allowed: they load nothing until clicked.

    Examples:
        >>> html_problems("<table><tr><td>1 &lt;script&gt;</td></tr></table>")
        []
        >>> html_problems('<img src=x onerror="alert(1)"><a href="java&#x0A;script:alert(1)">x</a>')
        ['an event handler attribute (onerror) on <img>', 'a script URL in href of <a>']
        >>> html_problems('<script>alert(1)</script><img src="https://cdn.example/x.png">')
        ['a <script> element', 'a network resource in src of <img>']
    """
    auditor = _Auditor(document)
    auditor.feed(fragment)
    auditor.close()
    return auditor.problems


def _markdown_html(text: str) -> str:
    from nbconvert.filters.markdown import markdown2html

    return markdown2html(text)


@functools.lru_cache(maxsize=2048)
def _markdown_problems(text: str) -> tuple[str, ...]:
    """:func:`html_problems` of Markdown ``text`` once rendered. Cached: a batch shows the same
    notebook's Markdown cells for every article."""
    return tuple(html_problems(_markdown_html(text)))


def neutralise_outputs(nb: Any) -> int:
    """Replace the unsafe parts of an executed notebook, in place, by their escaped text.

    HTML, Markdown and SVG outputs with a problem from :func:`html_problems` lose those
    representations (their ``text/plain`` form stays, which nbconvert escapes; a note replaces
    it when there is none). A Markdown cell with a problem is shown as escaped source.

    Returns:
        The number of outputs and cells changed (0 for a well-behaved notebook).
    """
    changed = 0
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "markdown":
            problems = _markdown_problems(cell.source)
            if problems:
                log.warning("markdown cell %d withheld: %s", index, "; ".join(problems))
                cell.cell_type = "raw"
                cell.source = "<pre>" + html.escape(cell.source) + "</pre>"
                cell.metadata["raw_mimetype"] = "text/html"
                cell.pop("attachments", None)
                changed += 1
            continue
        if cell.cell_type != "code":
            continue
        for output in cell.get("outputs", []):
            data = output.get("data")
            if not data:
                continue
            problems = []
            for mime in list(data):
                value = data[mime]
                value = "".join(value) if isinstance(value, list) else value
                if mime == "text/html" or mime == "image/svg+xml":
                    found = html_problems(value)
                elif mime == "text/markdown":
                    found = list(_markdown_problems(value))
                else:
                    continue
                if found:
                    problems += found
                    del data[mime]
            if problems:
                changed += 1
                log.warning("output of cell %d withheld: %s", index, "; ".join(problems))
                if not any(m.startswith("image/") or m == "text/plain" for m in data):
                    data["text/plain"] = "(output withheld: it contained " + problems[0] + ")"
    return changed


_IMG_NO_ALT = re.compile(r"<img\b(?![^>]*\salt=)", re.IGNORECASE)
_FOCUSABLE = re.compile(
    r'(<div\b[^>]*\sclass="[^"]*\b(?:jp-Cell-inputWrapper|jp-OutputArea-output)\b[^"]*")(?![^>]*\stabindex=)'
)
_NO_ALT_TEXT = "No description has been provided for this image"


def _accessible(page: str) -> str:
    """What nbconvert's ``HTMLExporter`` adds through BeautifulSoup, by two regexes: ``alt`` text
    on images without one, ``tabindex="0"`` on input and output areas (keyboard scrolling)."""
    page = _IMG_NO_ALT.sub(f'<img alt="{_NO_ALT_TEXT}"', page)
    return _FOCUSABLE.sub(r'\1 tabindex="0"', page)


@functools.cache
def _exporter_class() -> type:
    """``HTMLExporter`` with two costs of a batch taken out (made on first use: nbconvert is a
    heavy import).

    - nbconvert parses every finished page with BeautifulSoup only to add ``alt`` and
      ``tabindex`` attributes and serialises it again (a third of an export);
      :func:`_accessible` adds the same attributes to the page as rendered.
    - Markdown cells are rendered once per distinct source (and output path) per exporter: a
      batch renders the same notebooks for every article. Cells with attachments are not cached.
    """
    from jinja2 import pass_context
    from nbconvert import HTMLExporter
    from nbconvert.exporters.templateexporter import TemplateExporter
    from nbconvert.filters.highlight import Highlight2HTML
    from nbconvert.filters.widgetsdatatypefilter import WidgetsDataTypeFilter

    class OfflineHTMLExporter(HTMLExporter):  # type: ignore[misc, valid-type]
        _markdown_cache: dict[tuple[str, str], str]

        @pass_context
        def markdown2html(self, context: Any, source: str) -> str:
            cell = context.get("cell", {})
            if cell.get("attachments"):
                return super().markdown2html(context, source)
            path = context.get("resources", {}).get("metadata", {}).get("path", "")
            cache = self.__dict__.setdefault("_markdown_cache", {})
            key = (source, str(path))
            if key not in cache:
                if len(cache) > 4096:
                    cache.clear()
                cache[key] = super().markdown2html(context, source)
            return cache[key]

        def from_notebook_node(self, nb: Any, resources: dict[str, Any] | None = None, **kw: Any) -> Any:
            # HTMLExporter.from_notebook_node without its BeautifulSoup round trip.
            langinfo = nb.metadata.get("language_info", {})
            lexer = langinfo.get("pygments_lexer", langinfo.get("name", None))
            highlight_code = self.filters.get(
                "highlight_code", Highlight2HTML(pygments_lexer=lexer, parent=self)
            )
            resources = self._init_resources(resources)
            filter_data_type = WidgetsDataTypeFilter(
                notebook_metadata=self._nb_metadata, parent=self, resources=resources
            )
            self.register_filter("highlight_code", highlight_code)
            self.register_filter("filter_data_type", filter_data_type)
            page, resources = TemplateExporter.from_notebook_node(self, nb, resources, **kw)
            return _accessible(page), resources

    return OfflineHTMLExporter


def make_exporter(*, with_code: bool = False) -> Any:
    """An nbconvert ``HTMLExporter`` using the offline template (create once, reuse).

    Args:
        with_code: keep code cells (and prompts); default shows only Markdown and outputs.
    """
    return _exporter_class()(
        template_name=TEMPLATE_NAME,
        extra_template_basedirs=[str(TEMPLATE_DIR)],
        exclude_input=not with_code,
        exclude_input_prompt=not with_code,
        exclude_output_prompt=not with_code,
    )


def export_html(nb: Any, exporter: Any, *, title: str = "", nav: dict[str, Any] | None = None) -> str:
    """Render an executed notebook as one safe, self-contained HTML page.

    Args:
        nb: the executed notebook (``nbformat.NotebookNode``); unsafe outputs are replaced in
            place (see :func:`neutralise_outputs`).
        exporter: from :func:`make_exporter`.
        title: the page's ``<title>``.
        nav: the navigation bar: ``{"index": href, "label": str, "links": [{"name", "href",
            "current"}]}``, or ``None`` for none.

    Returns:
        The page as a string.

    Raises:
        ReportError: the finished page still holds a script or a network resource.
    """
    neutralise_outputs(nb)
    resources = {"metadata": {"name": title or "report"}, "report_nav": nav}
    body, _ = exporter.from_notebook_node(nb, resources=resources)
    for link in (nav or {}).get("links", []):  # links between notebooks -> links between reports
        body = re.sub(
            r'href="(?:\./)?' + re.escape(link["name"]) + r'\.ipynb(#[^"]*)?"',
            lambda m, href=link["href"]: f'href="{html.escape(href)}{m.group(1) or ""}"',
            body,
        )
    problems = html_problems(body, document=True)
    if problems:
        raise ReportError("the HTML report is not safe to open: it holds " + "; ".join(sorted(set(problems))))
    return body


def atomic_write(path: str | Path, data: str | bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename.

    A reader sees the old file or the new one, never half of one; a failure leaves the old
    file as it was.

    Raises:
        ReportError: the folder is read-only or the disk is full (the message says which).
    """
    path = Path(path)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        raise write_error(path, exc) from exc
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def write_error(path: str | Path, exc: OSError) -> ReportError:
    """A :class:`ReportError` that says in plain words why ``path`` could not be written."""
    why = {
        errno.ENOSPC: "the disk is full",
        errno.EDQUOT: "the disk quota is exceeded",
        errno.EROFS: "the file system is read-only",
        errno.EACCES: "permission denied (the folder is read-only for you)",
        errno.EPERM: "permission denied (the folder is read-only for you)",
    }.get(exc.errno or 0, exc.strerror or str(exc))
    err = ReportError(f"cannot write {path}: {why}. Free some space or choose another folder with --out.")
    err.errno = exc.errno  # type: ignore[attr-defined]
    return err
