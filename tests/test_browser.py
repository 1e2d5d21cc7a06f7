"""The report site in a real browser: headless Chromium (Debian's ``chromium``) via Playwright.

Opens the index and, for two articles (the seed and a hostile one whose text holds ``<script>``,
``<img onerror>`` and a ``javascript:`` link), the report of every notebook. On each page: every
image decodes, no console error or page error occurs, no dialog opens, the hostile article's
code never runs, and no request leaves the machine (only ``file:`` and ``data:`` URLs load).

Needs ``chromium`` on PATH and the ``playwright`` package (never ``playwright install``: the
browser is the system's). Under CI (``CI=true``) a missing browser fails the test, since CI
installs it; elsewhere it skips.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from urllib.parse import urlparse

import pytest

from analysis.paths import NOTEBOOKS_DIR, SEEDS_DIR
from analysis.reports import build_reports

from .conftest import write_article

pytestmark = pytest.mark.slow

FIXTURES = Path(__file__).parent / "notebooks"
CHROMIUM_ARGS = [
    "--no-sandbox",  # runs as root in CI
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _need(what: str, reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"{what} is missing but CI must have it: {reason}")
    pytest.skip(f"{what} is missing: {reason}")


@pytest.fixture(scope="module")
def browser():
    executable = shutil.which("chromium")
    if executable is None:
        _need("chromium", "apt-get install -y chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _need("playwright", "pip install playwright (the dev extra)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("site")
    articles = root / "articles"
    articles.mkdir()
    seed = sorted(SEEDS_DIR.glob("*.txt"))[0]
    shutil.copy(seed, articles / seed.name)
    write_article(
        articles / "zz-hostile.txt",
        'Hostile <script>window.__pwned = "title"</script> headline',
        [
            'He said "<img src=x onerror=\\"window.__pwned = \'img\'\\">" on Monday, officials said.',
            'Click <a href="javascript:window.__pwned = \'link\'">here</a>, the mayor said.',
        ],
        "Mallory",
    )
    notebooks = [str(p) for p in sorted(NOTEBOOKS_DIR.glob("[0-9][0-9]-*.ipynb"))] + [str(FIXTURES / "10-good.ipynb")]
    result = build_reports([articles], notebooks=notebooks, out=root / "reports", corpus=True, progress=False)
    # Course notebooks that fail are test_notebooks' business; their pages (with papermill's
    # error banner) must still be clean in the browser. The fixture must work: it has a plot.
    assert all(r.status == "ok" for r in result.results if r.key.endswith("/10-good")), result.summary()
    return root / "reports", seed.stem, [Path(n).stem for n in notebooks]


def _open(browser, url: str) -> dict:
    """Load ``url``; what the page did: console errors, page errors, dialogs, outside requests."""
    events: dict[str, list[str]] = {"console": [], "pageerror": [], "dialog": [], "network": []}
    context = browser.new_context(viewport={"width": 1280, "height": 900})

    def route(r):
        scheme = urlparse(r.request.url).scheme
        if scheme in ("file", "data"):
            r.continue_()
        else:
            events["network"].append(r.request.url)
            r.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("console", lambda m: m.type == "error" and events["console"].append(m.text))
    page.on("pageerror", lambda e: events["pageerror"].append(str(e)))
    page.on("dialog", lambda d: (events["dialog"].append(d.message), d.dismiss()))
    page.on("request", lambda r: urlparse(r.url).scheme not in ("file", "data") and events["network"].append(r.url))
    page.goto(url, wait_until="load")
    page.wait_for_timeout(200)  # let late errors (image decoding, module scripts) surface
    events["images"] = page.eval_on_selector_all(
        "img", "els => els.map(e => [e.complete, e.naturalWidth, (e.getAttribute('src') || '').slice(0, 30)])"
    )
    events["pwned"] = page.evaluate("() => window.__pwned === undefined ? null : String(window.__pwned)")
    events["links"] = page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))")
    events["title"] = page.title()
    context.close()
    return events


def _assert_clean(events: dict, where: str) -> None:
    assert events["console"] == [], f"{where}: console errors {events['console']}"
    assert events["pageerror"] == [], f"{where}: page errors {events['pageerror']}"
    assert events["dialog"] == [], f"{where}: dialogs {events['dialog']}"
    assert events["network"] == [], f"{where}: requests left the machine {events['network']}"
    assert events["pwned"] is None, f"{where}: the article's script ran ({events['pwned']})"
    broken = [img for img in events["images"] if not img[0] or img[1] == 0]
    assert not broken, f"{where}: images that did not decode {broken}"


def test_index_in_chromium(browser, site):
    out, seed, notebooks = site
    events = _open(browser, (out / "index.html").as_uri())
    _assert_clean(events, "index.html")
    assert events["title"] == "News analysis reports"
    local = [h for h in events["links"] if not urlparse(h).scheme]
    for nb in notebooks:
        assert f"{seed}/{nb}.html" in local
        assert f"_corpus/{nb}.html" in local
    for href in local:
        assert (out / href).is_file(), f"index links to a missing page: {href}"


@pytest.mark.parametrize("article", ["seed", "zz-hostile"])
def test_every_notebook_report_in_chromium(browser, site, article):
    out, seed, notebooks = site
    folder = seed if article == "seed" else article
    images = 0
    for nb in notebooks:
        page = out / folder / f"{nb}.html"
        events = _open(browser, page.as_uri())
        _assert_clean(events, f"{folder}/{nb}.html")
        assert "../index.html" in events["links"]
        images += len(events["images"])
    assert images > 0, "no plot in any report: the image check checked nothing"
