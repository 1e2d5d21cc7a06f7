"""The report site's front page: ``<out>/index.html``, one row per article plus the corpus reports.

Each row shows the article's title, author, word count, number of attributed quotes, top
speakers and overall sentiment, computed by the kit itself (:func:`summarise`), and links to each
notebook's report, green when built and red, with the error's last line, when it failed.

Everything taken from an article is escaped (``html.escape``); the page has no script and a
Content-Security-Policy that forbids scripts and network loads.
"""

from __future__ import annotations

import datetime as _dt
import html
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .html_export import atomic_write, html_problems
from .errors import ReportError

if TYPE_CHECKING:
    from .reports import ReportArticle, ReportResult

log = logging.getLogger(__name__)

INDEX = "index.html"
#: Shown where a figure could not be computed (module missing, or it raised).
NA = "n/a"
TOP_SPEAKERS = 3


def summarise(text: str) -> dict[str, Any]:
    """The index's figures for one article body.

    Returns:
        ``{"words": int | None, "quotes": int | None, "speakers": [[name, n_quotes], ...] | None,
        "sentiment": float | None, "missing": [module, ...]}``: ``words`` is
        ``analysis.stats.text_stats(text)["n_words"]``; ``quotes`` the number of attributed
        statements (:func:`analysis.quotes.extract_quotes`); ``speakers`` the top
        three speakers by number of statements (:func:`analysis.quotes.speakers`);
        ``sentiment`` :func:`analysis.sentiment.polarity` in [-1, 1] (negative to positive).
        A figure is ``None`` when its module cannot be imported (listed in ``missing``) or
        raised (logged).
    """
    out: dict[str, Any] = {"words": None, "quotes": None, "speakers": None, "sentiment": None, "missing": []}

    def attempt(module: str, fn: Any) -> None:
        try:
            fn()
        except ImportError:
            out["missing"].append(module)
        except Exception as exc:  # noqa: BLE001 - a summary figure must not stop the index
            log.warning("index: %s failed on an article: %s", module, exc)

    def words() -> None:
        from .stats import text_stats

        out["words"] = int(text_stats(text)["n_words"])

    def quotes() -> None:
        from .quotes import extract_quotes, speakers

        q = extract_quotes(text)
        out["quotes"] = int(len(q))
        sp = speakers(q)
        if len(sp):
            sp = sp.sort_values(["n_quotes", "first_position"], ascending=[False, True], kind="stable")
            out["speakers"] = [
                [str(row.speaker), int(row.n_quotes)] for row in sp.head(TOP_SPEAKERS).itertuples()
                if row.speaker is not None and str(row.speaker) not in ("", "None", "nan")
            ]
        else:
            out["speakers"] = []

    def sentiment() -> None:
        from .sentiment import polarity

        out["sentiment"] = round(float(polarity(text)), 4)

    attempt("analysis.stats", words)
    attempt("analysis.quotes", quotes)
    attempt("analysis.sentiment", sentiment)
    return out


def summarise_many(texts: list[str]) -> list[dict[str, Any]]:
    """:func:`summarise` for each text, in order (JSON-safe: it may run in a forked child)."""
    return [summarise(t) for t in texts]


def summary_key(article: ReportArticle) -> str:
    """What a stored summary must match to be current: the article's digest and the kit's."""
    from .reports import _kit_digest

    return f"{article.digest}:{_kit_digest()}"


def stale_summaries(articles: Sequence[ReportArticle], manifest: dict[str, Any]) -> list[ReportArticle]:
    """Articles whose summary in ``manifest["summaries"]`` is missing, out of date, or was
    computed while a module was missing."""
    cache = manifest.get("summaries", {})
    stale = []
    for art in articles:
        entry = cache.get(art.dir)
        if not entry or entry.get("key") != summary_key(art) or entry.get("missing"):
            stale.append(art)
    return stale


def store_summaries(manifest: dict[str, Any], articles: Sequence[ReportArticle], summaries: Sequence[dict[str, Any]]) -> None:
    """Record ``summaries`` (from :func:`summarise_many`) for ``articles`` in the manifest."""
    cache = manifest.setdefault("summaries", {})
    for art, summary in zip(articles, summaries):
        cache[art.dir] = {"key": summary_key(art), **summary}


def update_summaries(articles: Sequence[ReportArticle], manifest: dict[str, Any]) -> None:
    """Compute, in this process, the summaries :func:`stale_summaries` lists."""
    stale = stale_summaries(articles, manifest)
    if stale:
        store_summaries(manifest, stale, summarise_many([a.text for a in stale]))


# --------------------------------------------------------------------------------------------
# The page
# --------------------------------------------------------------------------------------------

_CSS = """
:root { --ink:#1d2330; --muted:#5f6b7a; --line:#e3e7ee; --bg:#f6f8fb; --ok:#1f7a3d; --okbg:#e6f4ea;
  --bad:#b3261e; --badbg:#fdecea; --link:#1558b0; --neg:#c0392b; --pos:#1e8449; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--ink);
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1280px; margin: 0 auto; padding: 28px 24px 48px; }
h1 { font-size: 26px; margin: 0 0 4px; letter-spacing: -0.01em; }
h2 { font-size: 17px; margin: 0 0 10px; }
.meta { color: var(--muted); margin: 0 0 22px; }
.meta .bad { color: var(--bad); font-weight: 600; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 14px 18px;
  margin-bottom: 20px; box-shadow: 0 1px 2px rgba(16,24,40,.04); }
.tablewrap { background: #fff; border: 1px solid var(--line); border-radius: 10px; overflow-x: auto;
  box-shadow: 0 1px 2px rgba(16,24,40,.04); }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 11px 12px; border-bottom: 1px solid var(--line); }
thead th { position: sticky; top: 0; background: #fafbfd; font-size: 12px; text-transform: uppercase;
  letter-spacing: .04em; color: var(--muted); font-weight: 600; white-space: nowrap; }
tbody tr:last-child td { border-bottom: 0; }
tbody tr:hover { background: #fbfcfe; }
tr.failed td:first-child { box-shadow: inset 4px 0 0 var(--bad); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.rank { color: var(--muted); width: 1%; }
a { color: var(--link); text-decoration: none; }
a:hover { text-decoration: underline; }
.title { font-weight: 600; font-size: 15.5px; }
.byline { color: var(--muted); font-size: 13px; margin-top: 2px; }
.byline code { font-size: 12px; background: var(--bg); padding: 0 4px; border-radius: 4px; }
.unreadable h2 { color: var(--bad); }
.unreadable li { font-family: ui-monospace, monospace; font-size: 13px; }
.error { margin-top: 6px; color: var(--bad); background: var(--badbg); border-radius: 6px; padding: 4px 8px;
  font-size: 13px; overflow-wrap: anywhere; }
.na { color: #9aa3af; font-style: italic; }
ul.speakers { list-style: none; margin: 0; padding: 0; font-size: 14px; }
ul.speakers li { white-space: nowrap; }
ul.speakers .n { color: var(--muted); font-size: 12px; margin-left: 4px; }
.sent { display: flex; align-items: center; gap: 8px; white-space: nowrap; }
.sent .val { font-variant-numeric: tabular-nums; width: 3.4em; text-align: right; font-weight: 600; }
.sent .val.neg { color: var(--neg); } .sent .val.pos { color: var(--pos); }
.bar { position: relative; width: 84px; height: 8px; background: #edf0f5; border-radius: 4px; }
.bar::after { content: ""; position: absolute; left: 50%; top: -2px; bottom: -2px; width: 1px; background: #b8c0cc; }
.bar span { position: absolute; top: 0; bottom: 0; border-radius: 4px; }
.bar span.neg { background: var(--neg); } .bar span.pos { background: var(--pos); }
.pills { display: flex; flex-wrap: wrap; gap: 5px; }
.pill { display: inline-block; padding: 2px 9px; border-radius: 999px; font-size: 12.5px; white-space: nowrap;
  border: 1px solid transparent; }
.pill.ok { background: var(--okbg); color: var(--ok); border-color: #cce8d4; }
.pill.failed { background: var(--badbg); color: var(--bad); border-color: #f5c6c2; font-weight: 600; }
.pill.missing { background: #f1f3f6; color: #8a94a3; }
footer { color: var(--muted); font-size: 13px; margin-top: 18px; }
footer dt { font-weight: 600; display: inline; } footer dd { display: inline; margin: 0 12px 0 4px; }
"""

_CSP = (
    "default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:; "
    "base-uri 'none'; form-action 'none'"
)


def _e(value: Any) -> str:
    return html.escape(str(value), quote=True)


def _pretty(stem: str) -> str:
    number, _, topic = stem.partition("-")
    return f"{number} {topic.replace('-', ' ')}" if number.isdigit() and topic else stem.replace("-", " ")


def _na() -> str:
    return f'<span class="na" title="not available: the module that computes it is missing or failed">{NA}</span>'


def _sentiment_cell(value: float | None) -> str:
    if value is None:
        return _na()
    value = max(-1.0, min(1.0, float(value)))
    cls = "neg" if value < -0.05 else "pos" if value > 0.05 else ""
    width = abs(value) * 50
    left = 50 - width if value < 0 else 50
    bar = f'<span class="{cls or "pos"}" style="left:{left:.1f}%;width:{width:.1f}%"></span>'
    shown = f"{value:+.2f}".replace("-", "\u2212")
    return (
        f'<div class="sent" title="overall sentiment {value:+.3f} (-1 negative … +1 positive)">'
        f'<span class="val {cls}">{shown}</span><span class="bar">{bar}</span></div>'
    )


def _speakers_cell(speakers: list[list[Any]] | None) -> str:
    if speakers is None:
        return _na()
    if not speakers:
        return '<span class="na">none found</span>'
    items = "".join(
        f'<li>{_e(name)}<span class="n" title="attributed statements">{int(n)}</span></li>' for name, n in speakers
    )
    return f'<ul class="speakers">{items}</ul>'


def _num_cell(value: Any) -> str:
    return _na() if value is None else f"{int(value):,}"


def _pills(folder: str, notebooks: Sequence[Path], results: dict[str, ReportResult], out: Path) -> tuple[str, list[str]]:
    pills, errors = [], []
    for nb in notebooks:
        key = f"{folder}/{nb.stem}"
        res = results.get(key)
        href = f"{folder}/{nb.stem}.html"
        exists = (out / folder / f"{nb.stem}.html").is_file()
        status = res.status if res else "missing"
        label = _e(_pretty(nb.stem))
        if status == "failed":
            errors.append(f"{nb.stem}: {res.error if res else ''}")
            tip = _e(f"failed: {res.error if res else ''}")
            pills.append(
                f'<a class="pill failed" href="{_e(href)}" title="{tip}">{label} ✗</a>' if exists
                else f'<span class="pill failed" title="{tip}">{label} ✗</span>'
            )
        elif exists:
            pills.append(f'<a class="pill ok" href="{_e(href)}">{label}</a>')
        else:
            pills.append(f'<span class="pill missing" title="not built">{label}</span>')
    return '<nav class="pills">' + "".join(pills) + "</nav>", errors


def render_index(
    out: Path,
    articles: Sequence[ReportArticle],
    notebooks: Sequence[Path],
    results: Sequence[ReportResult],
    summaries: dict[str, Any],
    *,
    corpus: bool = False,
    generated: str | None = None,
    unreadable: Sequence[tuple[str, str]] = (),
) -> str:
    """The index page as a string (see the module docstring); every article value is escaped."""
    from . import __version__

    by_key = {r.key: r for r in results}
    n_failed = sum(r.status == "failed" for r in results)
    rows = []
    for i, art in enumerate(articles, 1):
        s = summaries.get(art.dir, {})
        pills, errors = _pills(art.dir, notebooks, by_key, out)
        first = next((f"{art.dir}/{nb.stem}.html" for nb in notebooks if (out / art.dir / f"{nb.stem}.html").is_file()), None)
        title = _e(art.title or art.id or "(untitled)")
        title_html = f'<a class="title" href="{_e(first)}">{title}</a>' if first else f'<span class="title">{title}</span>'
        byline = (_e(art.author) + " · " if art.author else "") + f"<code>{_e(art.id)}</code>"
        err_html = "".join(f'<div class="error">✗ {_e(e)}</div>' for e in errors)
        rows.append(
            f'<tr class="{"failed" if errors else "ok"}">'
            f'<td class="num rank">{i}</td>'
            f'<td>{title_html}<div class="byline">{byline}</div>{err_html}</td>'
            f'<td class="num">{_num_cell(s.get("words"))}</td>'
            f'<td class="num">{_num_cell(s.get("quotes"))}</td>'
            f"<td>{_speakers_cell(s.get('speakers'))}</td>"
            f"<td>{_sentiment_cell(s.get('sentiment'))}</td>"
            f"<td>{pills}</td></tr>"
        )
    corpus_html = ""
    if corpus:
        from .reports import CORPUS_DIR

        pills, errors = _pills(CORPUS_DIR, notebooks, by_key, out)
        err_html = "".join(f'<div class="error">✗ {_e(e)}</div>' for e in errors)
        corpus_html = (
            f'<section class="card"><h2>The whole corpus ({len(articles)} article{"s" if len(articles) != 1 else ""})</h2>'
            f"{pills}{err_html}</section>"
        )
    unreadable_html = ""
    if unreadable:
        items = "".join(f"<li>{_e(m if src in m else f'{src}: {m}')}</li>" for src, m in unreadable)
        unreadable_html = (
            f'<section class="card unreadable"><h2>Left out: {len(unreadable)} input'
            f'{"s" if len(unreadable) != 1 else ""} could not be read</h2><ul>{items}</ul>'
            "<p>Fix or remove these files (see Troubleshooting in the README), then run the same command again.</p></section>"
        )
    generated = generated or _dt.datetime.now().strftime("%Y-%m-%d %H:%M")
    failed_html = f' · <span class="bad">{n_failed} failed</span>' if n_failed else " · all built"
    if unreadable:
        failed_html += f' · <span class="bad">{len(unreadable)} left out</span>'
    missing = sorted({m for s in summaries.values() for m in (s.get("missing") or [])})
    missing_html = (
        f"<p>{NA}: not computed because {', '.join(_e(m) for m in missing)} could not be imported.</p>"
        if missing else ""
    )
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{_CSP}">
<meta name="referrer" content="no-referrer">
<title>News analysis reports</title>
<style>{_CSS}</style>
</head>
<body>
<main>
<h1>News analysis reports</h1>
<p class="meta">{len(articles)} article{"s" if len(articles) != 1 else ""} · {len(results)} reports{failed_html} · built {_e(generated)} · news-analysis-kit {_e(__version__)}</p>
{unreadable_html}
{corpus_html}
<div class="tablewrap">
<table>
<thead><tr><th class="num">#</th><th>Article</th><th class="num">Words</th><th class="num">Quotes</th><th>Top speakers</th><th>Sentiment</th><th>Reports</th></tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody>
</table>
</div>
<footer>
<dl><dt>Words</dt><dd>body words (analysis.stats)</dd><dt>Quotes</dt><dd>attributed statements, direct and reported (analysis.quotes)</dd>
<dt>Top speakers</dt><dd>by number of statements</dd><dt>Sentiment</dt><dd>whole text, −1 negative … +1 positive (analysis.sentiment)</dd></dl>
{missing_html}
</footer>
</main>
</body>
</html>
"""


def write_index(
    out: Path,
    articles: Sequence[ReportArticle],
    notebooks: Sequence[Path],
    results: Sequence[ReportResult],
    manifest: dict[str, Any],
    *,
    corpus: bool = False,
    unreadable: Sequence[tuple[str, str]] = (),
) -> Path:
    """Compute missing summaries, then write ``<out>/index.html`` atomically; return its path.

    ``unreadable``: ``(source, message)`` of inputs left out, listed at the top of the page.

    Raises:
        ReportError: the page cannot be written, or (a bug) it would hold unsafe HTML.
    """
    update_summaries(articles, manifest)
    page = render_index(
        out, articles, notebooks, results, manifest.get("summaries", {}), corpus=corpus, unreadable=unreadable
    )
    problems = html_problems(page, document=True)
    if problems:  # pragma: no cover - everything is escaped above; this is the safety net
        raise ReportError("the index page would not be safe: " + "; ".join(problems))
    path = out / INDEX
    atomic_write(path, page)
    return path
