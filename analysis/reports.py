"""Batch reports: every notebook on every article, executed with papermill, exported to offline HTML.

``python -m analysis report`` calls :func:`build_reports`, which

1. reads the articles (:func:`analysis.loaders.iter_articles`) and gives each a safe folder name
   (:func:`report_dir_name`);
2. plans one job per (article, notebook) pair, plus one per notebook for the whole corpus with
   ``corpus=True``; a job whose inputs (article file, notebook file, parameters, the kit's source
   and version) hash to what the manifest recorded for a finished report is skipped;
3. runs the other jobs in a process pool. Each worker keeps one nbconvert exporter and a *fork
   server* (:mod:`analysis.report_kernels`) that has already imported what the notebooks import,
   so a kernel starts in milliseconds instead of seconds;
4. writes ``<out>/<folder>/<notebook>.ipynb`` and ``.html`` through temporary files, records each
   result in ``<out>/.reports.json`` as it comes in, and finally writes ``<out>/index.html``
   (:mod:`analysis.report_index`).

A notebook that fails for one article leaves its report with papermill's error banner and marks
that row as failed; the batch goes on. A folder that cannot be written stops the batch with a
:class:`~analysis.errors.ReportError`.
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import hashlib
import json
import logging
import multiprocessing as mp
import os
import re
import sys
import tempfile
import time
import unicodedata
from collections.abc import Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import AnalysisError, ReportError
from .html_export import atomic_write, write_error
from .paths import NOTEBOOKS_DIR, PACKAGE_DIR, REPORTS_DIR, SEEDS_DIR

log = logging.getLogger(__name__)

MANIFEST = ".reports.json"
CORPUS_DIR = "_corpus"
#: Seconds a single cell may run before its report is marked failed.
DEFAULT_CELL_TIMEOUT = 600
_RECORD_SUFFIXES = frozenset({".jsonl", ".ndjson", ".json", ".csv", ".tsv"})
_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$", re.IGNORECASE)


# --------------------------------------------------------------------------------------------
# Names, hashes, inputs
# --------------------------------------------------------------------------------------------


def _short_hash(text: str, n: int = 8) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:n]


def slugify(text: str, max_len: int = 60) -> str:
    """ASCII letters, digits, ``.``, ``_`` and ``-`` from ``text``; the rest becomes ``-``.

    Examples:
        >>> slugify("Iran: talks / Trump (2024)")
        'Iran-talks-Trump-2024'
        >>> slugify("../../etc/passwd")
        'etc-passwd'
        >>> slugify("Zürich\\nnews")
        'Zurich-news'
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", ascii_text)
    slug = re.sub(r"-{2,}", "-", slug)
    slug = re.sub(r"\.{2,}", ".", slug)
    slug = slug[:max_len].strip(".-_ ")
    return slug


def report_dir_name(article_id: str, *, taken: set[str] | None = None, source: str = "") -> str:
    """A folder name for an article's reports, safe on every file system.

    The id itself when it is already a plain name (``000_1ec4448998507ea2``); otherwise a slug
    plus a short hash of the id, so that two ids never share a folder (``a b`` and ``a-b``), and
    nothing like ``..``, a path separator, a control character or a Windows device name (``CON``)
    survives. ``taken`` holds the (case-folded) names already given in this batch; a clash
    (same id twice, or names differing only in case) adds a hash of ``source`` too. The name is
    added to ``taken``.

    Examples:
        >>> report_dir_name("000_1ec4448998507ea2")
        '000_1ec4448998507ea2'
        >>> report_dir_name("../../etc/passwd")
        'etc-passwd-3754d6cb'
        >>> report_dir_name("CON")
        'CON-a3dbc4b6'
        >>> report_dir_name("")
        'article-e3b0c442'
    """
    slug = slugify(article_id)
    if _RESERVED.match(slug):
        slug = slug.replace(".", "-")  # "con.txt" is a device on Windows, and so is "con.txt-1234"
    plain = (
        bool(slug)
        and slug == article_id
        and not _RESERVED.match(slug)
        and not slug.startswith(("_", "."))
        and slug.lower() not in ("index.html",)
    )
    name = slug if plain else f"{slug or 'article'}-{_short_hash(article_id)}"
    if taken is not None:
        if name.casefold() in taken:
            name = f"{slug or 'article'}-{_short_hash(article_id + chr(0) + source)}"
            n = 2
            while name.casefold() in taken:
                name = f"{slug or 'article'}-{_short_hash(f'{article_id}{chr(0)}{source}{chr(0)}{n}')}"
                n += 1
        taken.add(name.casefold())
    return name


def parse_parameter(text: str) -> tuple[str, Any]:
    """``name=value`` from the command line, the value read as JSON when it is JSON.

    Examples:
        >>> parse_parameter("top_n=5"), parse_parameter("label=hello world"), parse_parameter("x=true")
        (('top_n', 5), ('label', 'hello world'), ('x', True))
    """
    name, sep, value = text.partition("=")
    name = name.strip()
    if not sep or not name.isidentifier():
        raise ReportError(f"-p expects name=value with a Python name, got {text!r}")
    try:
        return name, json.loads(value)
    except ValueError:
        literal = {"True": True, "False": False, "None": None}
        return name, literal.get(value.strip(), value)


@dataclass(frozen=True)
class ReportArticle:
    """One article as the batch sees it."""

    id: str
    dir: str  #: folder under the output folder
    title: str
    author: str
    text: str
    path: str  #: the file given to the notebooks as ``article``
    digest: str  #: hash of that file's bytes


@functools.cache
def _kit_digest() -> str:
    """Hash of the kit's own files (code, data, templates) and version: reports built by another
    kit are rebuilt."""
    from . import __version__

    h = hashlib.sha256(__version__.encode())
    for path in sorted(PACKAGE_DIR.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix not in (".pyc", ".pyo"):
            h.update(str(path.relative_to(PACKAGE_DIR)).encode())
            try:
                h.update(path.read_bytes())
            except OSError:
                pass
    return h.hexdigest()[:16]


def _file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def _seed_layout(title: str, author: str, paragraphs: Sequence[str]) -> str:
    lines = [title.replace("\n", " ").strip() or "Untitled"]
    lines += [p.replace("\n", " ").strip() for p in paragraphs if p.strip()]
    if author.strip():
        lines.append("By " + author.replace("\n", " ").strip())
    return "\n".join(lines) + "\n"


def _article_iterator(paths: Sequence[str | Path]) -> Any:
    """The loader's iterator over ``paths``; bad files or records are left out and listed in
    its ``skipped`` attribute (never dropped silently)."""
    try:
        from .loaders import iter_articles
    except ImportError as exc:  # pragma: no cover - loaders is part of the kit
        raise ReportError(f"analysis.loaders.iter_articles is not available: {exc}") from exc
    return iter_articles([str(p) for p in paths], on_error="skip")


def collect_articles(
    paths: Sequence[str | Path], out: Path, *, unreadable: list[tuple[str, str]] | None = None
) -> list[ReportArticle]:
    """Read the articles under ``paths`` and give each a folder and an input file.

    An article file (``.txt``, ``.md``, ``.html``) is given to the notebooks as it is; a JSONL or CSV record is written to
    ``<out>/<folder>/article.txt`` in the seed layout (title line, one paragraph per line,
    ``By NAME``), rewritten only when it changes.

    A file or record the loader cannot read (empty, binary, a bad JSONL line, ...) is left out
    and appended to ``unreadable`` as ``(source, message)``; when nothing at all can be read,
    the first such problem is raised instead.

    Raises:
        ArticleError: a path does not exist, or no article under ``paths`` can be read.
    """
    taken: set[str] = {CORPUS_DIR.casefold()}
    result = []
    iterator = _article_iterator(paths)
    for art in iterator:
        folder = report_dir_name(art.id, taken=taken, source=art.source)
        source = Path(art.source) if art.source else None
        if source is not None and source.suffix.lower() not in _RECORD_SUFFIXES and source.is_file():
            path = source.resolve()
        else:
            path = out / folder / "article.txt"
            content = _seed_layout(art.title, art.author, art.paragraphs or art.text.split("\n"))
            try:
                current = path.read_text(encoding="utf-8") if path.is_file() else None
            except OSError:
                current = None
            if current != content:
                _mkdir(path.parent)
                atomic_write(path, content)
        result.append(
            ReportArticle(
                id=art.id,
                dir=folder,
                title=art.title,
                author=art.author,
                text=art.text,
                path=str(path),
                digest=_file_digest(path),
            )
        )
    skipped = [(str(x.source), str(x.message)) for x in getattr(iterator, "skipped", [])]
    if skipped and not result:
        from .errors import ArticleError

        first = skipped[0][1]
        more = f" (and {len(skipped) - 1} more unreadable inputs)" if len(skipped) > 1 else ""
        raise ArticleError(first + more)
    if unreadable is not None:
        unreadable.extend(skipped)
    return result


def _remove_stale_temporaries(folder: Path, stem: str) -> None:
    """Delete ``.tmp-<stem>-XXXX.ipynb`` left in ``folder`` by a killed run of this report.

    Only one job runs a given (article, notebook) at a time, so a temporary file of this
    notebook found before the job starts belongs to a run that died.
    """
    pattern = re.compile(rf"\.tmp-{re.escape(stem)}-[A-Za-z0-9_]+\.ipynb")
    for path in folder.glob(f".tmp-{stem}-*.ipynb"):
        if pattern.fullmatch(path.name):
            with contextlib.suppress(OSError):
                path.unlink()


def per_article(path: Path) -> bool:
    """Whether a notebook's results depend on the article: False when its metadata says
    ``"kit": {"per_article": false}`` (notebook 06, the method cards, is the same for every article)."""
    try:
        meta = json.loads(path.read_text(encoding="utf-8")).get("metadata", {})
    except (OSError, ValueError):
        return True
    return meta.get("kit", {}).get("per_article", True) is not False


def find_notebooks(names: Sequence[str] | None = None) -> list[Path]:
    """The notebooks to run: ``notebooks/[0-9][0-9]-*.ipynb`` in order, except those that do not
    depend on the article (:func:`per_article`), or those named (any course notebook).

    A name is a path to a ``.ipynb`` file, or a course notebook's file name, stem, number
    (``02``) or topic (``quotes``).

    Raises:
        ReportError: a name matches no notebook, or there are none.
    """
    course = sorted(NOTEBOOKS_DIR.glob("[0-9][0-9]-*.ipynb"))
    if not names:
        if not course:
            raise ReportError(f"no notebooks (NN-*.ipynb) in {NOTEBOOKS_DIR}")
        return [p for p in course if per_article(p)]
    chosen: list[Path] = []
    for name in names:
        for part in [n.strip() for n in str(name).split(",") if n.strip()]:
            path = Path(part)
            if path.suffix == ".ipynb" and path.is_file():
                chosen.append(path.resolve())
                continue
            stem = path.stem if path.suffix == ".ipynb" else part
            hits = [
                p for p in course
                if p.stem == stem or p.stem.split("-", 1)[0] == stem or p.stem.split("-", 1)[-1] == stem
            ]
            if not hits:
                known = ", ".join(p.stem for p in course) or "none"
                raise ReportError(f"--notebooks: no notebook called {part!r} (available: {known})")
            chosen.extend(hits)
    return list(dict.fromkeys(chosen))


# --------------------------------------------------------------------------------------------
# Jobs and their results
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReportJob:
    """One notebook on one article (or on the corpus)."""

    key: str  #: ``<folder>/<notebook stem>``
    notebook: str
    folder: str  #: absolute output folder
    parameters: dict[str, Any]
    digest: str
    title: str
    nav: dict[str, Any]
    with_code: bool = False
    timeout: int | None = DEFAULT_CELL_TIMEOUT


@dataclass
class ReportResult:
    """What became of one job.

    ``status`` is ``ok``, ``failed`` (the notebook raised; the report shows papermill's error
    banner), ``skipped`` (up to date) or ``write-error`` (the output could not be written).
    """

    key: str
    status: str
    error: str = ""
    seconds: float = 0.0
    digest: str = ""


@dataclass
class BatchResult:
    """The outcome of :func:`build_reports`."""

    out: Path
    index: Path
    results: list[ReportResult] = field(default_factory=list)
    articles: int = 0
    seconds: float = 0.0
    #: ``(source, message)`` of input files or records that could not be read (left out)
    unreadable: list[tuple[str, str]] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(r.status == status for r in self.results)

    @property
    def failed(self) -> list[ReportResult]:
        return [r for r in self.results if r.status == "failed"]

    @property
    def ok(self) -> bool:
        """No report failed and every input could be read."""
        return not self.failed and not self.unreadable

    def summary(self) -> str:
        ran = self.count("ok") + self.count("failed")
        text = (
            f"{self.articles} articles, {len(self.results)} reports: {self.count('ok')} built, "
            f"{self.count('skipped')} up to date, {self.count('failed')} failed "
            f"({self.seconds:.1f} s"
            + (f", {self.seconds / ran:.2f} s per built report" if ran else "")
            + f") -> {self.index}"
        )
        if self.unreadable:
            text += f"; {len(self.unreadable)} input{'s' if len(self.unreadable) != 1 else ''} could not be read (listed in the index)"
        for r in self.failed:
            text += f"\n  FAILED {r.key}: {r.error}"
        for source, message in self.unreadable:
            text += f"\nreport: left out {message if source in message else f'{source}: {message}'}"
        return text


def _job_digest(article_digest: str, notebook: Path, parameters: dict[str, Any], kit: str, with_code: bool) -> str:
    payload = json.dumps(
        {
            "article": article_digest,
            "notebook": _file_digest(notebook),
            "parameters": parameters,
            "kit": kit,
            "with_code": with_code,
        },
        sort_keys=True,
        default=str,
    )
    return hashlib.sha256(payload.encode()).hexdigest()[:24]


def _error_line(exc: BaseException) -> str:
    ename = getattr(exc, "ename", None)
    evalue = getattr(exc, "evalue", None)
    if ename:
        text = f"{ename}: {evalue}" if evalue else str(ename)
    else:
        text = f"{type(exc).__name__}: {exc}"
    text = re.sub(r"\x1b\[[0-9;]*m", "", text)  # ANSI colours of tracebacks
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    return (lines[-1] if lines else type(exc).__name__)[:300]


# --------------------------------------------------------------------------------------------
# The worker side
# --------------------------------------------------------------------------------------------

_EXPORTERS: dict[bool, Any] = {}


def _init_worker(warm_modules: list[str], warm: bool, log_level: int) -> None:  # pragma: no cover - in pool
    logging.basicConfig(level=log_level, format="%(levelname)s %(name)s: %(message)s")
    for noisy in ("papermill", "traitlets", "nbclient", "nbconvert", "asyncio"):
        # "Passed unknown parameter", "Alternative text is missing": not the user's business
        logging.getLogger(noisy).setLevel(max(log_level, logging.ERROR))
    if warm:  # starts warming up in the background while this worker imports papermill
        from . import report_kernels

        report_kernels.start_server(warm_modules, quiet=log_level > logging.DEBUG)
        atexit.register(report_kernels.stop_server)
    import papermill  # noqa: F401 - warm import

    _exporter(False)


def _exporter(with_code: bool) -> Any:
    if with_code not in _EXPORTERS:
        import nbformat

        from .html_export import export_html, make_exporter

        exporter = make_exporter(with_code=with_code)
        export_html(nbformat.v4.new_notebook(), exporter)  # compile the template once
        _EXPORTERS[with_code] = exporter
    return _EXPORTERS[with_code]


def run_job(job: ReportJob) -> ReportResult:
    """Execute one notebook and write its ``.ipynb`` and ``.html`` (atomically).

    Never raises for a failing notebook: the result says ``failed`` with the error's last line.
    """
    import nbformat
    import papermill as pm

    from .html_export import export_html
    from .report_kernels import WarmKernelManager

    start = time.perf_counter()
    folder = Path(job.folder)
    stem = Path(job.notebook).stem
    status, error = "ok", ""
    tmp = None
    try:
        _mkdir(folder)
        _remove_stale_temporaries(folder, stem)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".tmp-{stem}-", suffix=".ipynb")
        os.close(fd)
        # A warm (forked) kernel first; if the kernel itself fails (not a cell: e.g. "Kernel died
        # before replying" on a loaded machine), retry once with an ordinary kernel.
        for manager in (WarmKernelManager, None):
            extra = {"kernel_manager_class": manager} if manager is not None else {}
            try:
                nb = pm.execute_notebook(
                    job.notebook,
                    tmp,
                    parameters=job.parameters,
                    cwd=str(folder),
                    progress_bar=False,
                    log_output=False,
                    request_save_on_cell_execute=False,
                    execution_timeout=job.timeout,
                    shutdown_kernel="immediate",
                    **extra,
                )
                status, error = "ok", ""
                break
            except Exception as exc:  # noqa: BLE001 - any failure is this report's, not the batch's
                status, error = "failed", _error_line(exc)
                if isinstance(exc, pm.PapermillExecutionError) or manager is None:
                    break
                log.warning("kernel failed for %s (%s); retrying with an ordinary kernel", stem, error)
        if status == "failed":
            try:
                nb = nbformat.read(tmp, as_version=4)
            except Exception:  # noqa: BLE001 - papermill failed before writing anything
                nb = nbformat.v4.new_notebook()
                nb.cells = [nbformat.v4.new_markdown_cell(
                    "**This report could not be run.**\n\n```\n" + error.replace("```", "'''") + "\n```"
                )]
        nb.metadata["analysis_report"] = {"digest": job.digest, "status": status, "error": error}
        if "papermill" in nb.metadata:
            nb.metadata["papermill"]["input_path"] = Path(job.notebook).name
            nb.metadata["papermill"]["output_path"] = f"{stem}.ipynb"
        page = export_html(nb, _exporter(job.with_code), title=job.title, nav=job.nav)
        atomic_write(folder / f"{stem}.ipynb", nbformat.writes(nb))
        atomic_write(folder / f"{stem}.html", page)
    except ReportError as exc:
        status, error = ("write-error" if getattr(exc, "errno", None) else "failed"), str(exc)
    except OSError as exc:
        status, error = "write-error", str(write_error(folder, exc))
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
    return ReportResult(job.key, status, error, time.perf_counter() - start, job.digest)


# --------------------------------------------------------------------------------------------
# The batch
# --------------------------------------------------------------------------------------------


def _mkdir(path: Path) -> None:
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise write_error(path, exc) from exc


def _check_writable(out: Path) -> None:
    _mkdir(out)
    try:
        fd, probe = tempfile.mkstemp(dir=out, prefix=".tmp-probe-")
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise write_error(out, exc) from exc


def _load_manifest(out: Path) -> dict[str, Any]:
    path = out / MANIFEST
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and data.get("version") == 1:
            return data
        log.warning("%s has an unknown format: rebuilding everything", path)
    except FileNotFoundError:
        pass
    except (OSError, ValueError) as exc:
        log.warning("cannot read %s (%s): rebuilding everything", path, exc)
    return {"version": 1, "reports": {}, "summaries": {}}


def _save_manifest(out: Path, manifest: dict[str, Any]) -> None:
    atomic_write(out / MANIFEST, json.dumps(manifest, indent=1, sort_keys=True, ensure_ascii=False))


def _nav(folder: str, label: str, notebooks: list[Path], current: Path) -> dict[str, Any]:
    return {
        "index": "../index.html",
        "label": label,
        "links": [
            {"name": nb.stem, "href": f"{nb.stem}.html", "current": nb == current} for nb in notebooks
        ],
    }


def plan_jobs(
    articles: list[ReportArticle],
    notebooks: list[Path],
    out: Path,
    *,
    parameters: dict[str, Any],
    corpus_path: Path | None,
    with_code: bool,
    timeout: int | None,
) -> list[ReportJob]:
    """One job per (article, notebook), then one per notebook on the corpus (if ``corpus_path``)."""
    kit = _kit_digest()
    jobs = []
    for art in articles:
        params = {**parameters, "article": art.path}
        label = art.title or art.id
        for nb in notebooks:
            jobs.append(ReportJob(
                key=f"{art.dir}/{nb.stem}",
                notebook=str(nb),
                folder=str(out / art.dir),
                parameters=params,
                digest=_job_digest(art.digest, nb, params, kit, with_code),
                title=f"{nb.stem} · {label}",
                nav=_nav(art.dir, label, notebooks, nb),
                with_code=with_code,
                timeout=timeout,
            ))
    if corpus_path is not None:
        params = {**parameters, "corpus": str(corpus_path), "article": articles[0].path if articles else ""}
        corpus_digest = _file_digest(corpus_path)
        label = f"Corpus of {len(articles)} articles"
        for nb in notebooks:
            jobs.append(ReportJob(
                key=f"{CORPUS_DIR}/{nb.stem}",
                notebook=str(nb),
                folder=str(out / CORPUS_DIR),
                parameters=params,
                digest=_job_digest(corpus_digest, nb, params, kit, with_code),
                title=f"{nb.stem} · corpus",
                nav=_nav(CORPUS_DIR, label, notebooks, nb),
                with_code=with_code,
                timeout=timeout,
            ))
    return jobs


def _write_corpus(articles: list[ReportArticle], out: Path) -> Path:
    folder = out / CORPUS_DIR
    _mkdir(folder)
    path = folder / "corpus.jsonl"
    lines = [
        json.dumps({"id": a.id, "title": a.title, "author": a.author, "text": a.text}, ensure_ascii=False)
        for a in articles
    ]
    content = "\n".join(lines) + "\n"
    if not path.is_file() or path.read_text(encoding="utf-8") != content:
        atomic_write(path, content)
    return path


def _is_current(job: ReportJob, manifest: dict[str, Any]) -> bool:
    entry = manifest["reports"].get(job.key)
    if not entry or entry.get("digest") != job.digest or entry.get("status") != "ok":
        log.debug("%s: %s", job.key, "new" if not entry else "inputs changed" if entry.get("digest") != job.digest else "failed last time")
        return False
    stem = Path(job.notebook).stem
    folder = Path(job.folder)
    return (folder / f"{stem}.html").is_file() and (folder / f"{stem}.ipynb").is_file()


class _Progress:
    """done / failed / remaining on stderr: a tqdm bar on a terminal, one line per report otherwise."""

    def __init__(self, total: int, enabled: bool):
        self.total, self.done, self.failed = total, 0, 0
        self.enabled = enabled and total > 0
        self.bar = None
        if self.enabled and sys.stderr.isatty():
            try:
                from tqdm.auto import tqdm

                self.bar = tqdm(total=total, desc="reports", unit="report", file=sys.stderr, dynamic_ncols=True)
            except ImportError:  # pragma: no cover - tqdm comes with papermill
                self.bar = None

    def update(self, result: ReportResult) -> None:
        self.done += 1
        self.failed += result.status != "ok"
        if not self.enabled:
            return
        remaining = self.total - self.done
        if self.bar is not None:
            self.bar.set_postfix_str(f"failed={self.failed} remaining={remaining}", refresh=False)
            self.bar.update(1)
        else:
            sys.stderr.write(
                f"[{self.done}/{self.total}] {result.status:<6} {result.key} ({result.seconds:.1f} s)"
                f" - done {self.done - self.failed}, failed {self.failed}, remaining {remaining}\n"
            )
            sys.stderr.flush()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def build_reports(
    paths: Sequence[str | Path] | None = None,
    *,
    notebooks: Sequence[str] | None = None,
    out: str | Path | None = None,
    jobs: int | None = None,
    parameters: dict[str, Any] | None = None,
    corpus: bool = False,
    with_code: bool = False,
    force: bool = False,
    progress: bool = True,
    warm_kernels: bool | None = None,
    timeout: int | None = DEFAULT_CELL_TIMEOUT,
) -> BatchResult:
    """Run every notebook on every article and write an offline HTML report site.

    Args:
        paths: articles: files, folders, globs, JSONL or CSV (default ``seeds/``).
        notebooks: which notebooks (see :func:`find_notebooks`); default all course notebooks.
        out: output folder (default ``reports/``), created if needed.
        jobs: parallel workers (default: the number of CPU cores).
        parameters: extra notebook parameters given to every notebook.
        corpus: also run each notebook once on the whole corpus, into ``<out>/_corpus/``.
        with_code: keep code cells in the HTML.
        force: rebuild reports that are up to date.
        progress: show progress on stderr.
        warm_kernels: fork kernels from a warmed process (default on where supported; the
            environment variable ``ANALYSIS_REPORT_WARM=0`` turns it off).
        timeout: seconds one cell may run (``None``: no limit).

    Returns:
        A :class:`BatchResult`: one :class:`ReportResult` per report (``ok``, ``failed`` or
        ``skipped``), the index path, and the time taken (s).

    Raises:
        ReportError: the output folder cannot be written (read-only, full), a notebook name is
            unknown, or a parameter is malformed.
        ArticleError: the articles cannot be read.
    """
    started = time.perf_counter()
    out = Path(out) if out is not None else REPORTS_DIR
    out = out.resolve()
    paths = list(paths) if paths else [SEEDS_DIR]
    parameters = dict(parameters or {})
    nb_paths = find_notebooks(notebooks)
    _check_writable(out)
    unreadable: list[tuple[str, str]] = []
    articles = collect_articles(paths, out, unreadable=unreadable)
    if not articles:
        raise ReportError(f"no articles found in {', '.join(map(str, paths))}")
    corpus_path = _write_corpus(articles, out) if corpus else None
    all_jobs = plan_jobs(
        articles, nb_paths, out, parameters=parameters, corpus_path=corpus_path,
        with_code=with_code, timeout=timeout,
    )
    manifest = _load_manifest(out)
    todo = [j for j in all_jobs if force or not _is_current(j, manifest)]
    results: dict[str, ReportResult] = {
        j.key: ReportResult(j.key, "skipped", "", 0.0, j.digest) for j in all_jobs if j not in todo
    }
    if todo:
        if warm_kernels is None:
            warm_kernels = os.environ.get("ANALYSIS_REPORT_WARM", "1") != "0"
        for result in _run_jobs(todo, jobs or _default_jobs(), progress, warm_kernels, manifest, out, articles):
            results[result.key] = result
    from .report_index import write_index

    ordered = [results[j.key] for j in all_jobs]
    index = write_index(
        out, articles, nb_paths, ordered, manifest, corpus=corpus_path is not None, unreadable=unreadable
    )
    _save_manifest(out, manifest)
    return BatchResult(out, index, ordered, len(articles), time.perf_counter() - started, unreadable)


#: Modules the index's summaries need; warmed in every fork server.
SUMMARY_MODULES = ("analysis.stats", "analysis.quotes", "analysis.sentiment", "analysis.report_index")
_SUMMARY_CHUNK = 8
_POOL: tuple[tuple[Any, ...], ProcessPoolExecutor] | None = None


def summary_job(texts: list[str]) -> list[dict[str, Any]]:
    """The index figures for ``texts``: in a child of the warm fork server when there is one
    (no import, caches warm), else here."""
    from .report_index import summarise_many
    from .report_kernels import current_server

    server = current_server()
    if server is not None:
        try:
            return server.call("analysis.report_index:summarise_many", texts)
        except RuntimeError as exc:
            log.warning("summaries in the fork server failed (%s); computing them here", exc)
    return summarise_many(texts)


def _pool(jobs: int, warm: bool, modules: list[str]) -> ProcessPoolExecutor:
    """A process pool for this configuration, reused across calls in this process.

    Workers are spawned (never forked: the parent may hold threads) on demand, up to ``jobs``;
    each warms its own fork server. The pool is shut down at exit or by :func:`shutdown_pool`.
    """
    global _POOL
    level = logging.getLogger("analysis").getEffectiveLevel()
    key = (jobs, warm, level)
    if _POOL is not None and _POOL[0] == key and not getattr(_POOL[1], "_broken", False):
        return _POOL[1]
    shutdown_pool()
    ctx = mp.get_context("spawn")
    pool = ProcessPoolExecutor(jobs, mp_context=ctx, initializer=_init_worker, initargs=(modules, warm, level))
    _POOL = (key, pool)
    return pool


def shutdown_pool() -> None:
    """Stop the worker processes (and their fork servers) that :func:`build_reports` keeps."""
    global _POOL
    if _POOL is not None:
        _POOL[1].shutdown(wait=True, cancel_futures=True)
        _POOL = None


atexit.register(shutdown_pool)


def _run_jobs(
    todo: list[ReportJob],
    jobs: int,
    progress: bool,
    warm: bool,
    manifest: dict[str, Any],
    out: Path,
    articles: list[ReportArticle],
) -> Iterator[ReportResult]:
    from .report_index import stale_summaries, store_summaries
    from .report_kernels import notebook_imports

    stale = stale_summaries(articles, manifest)
    modules = notebook_imports(sorted({j.notebook for j in todo})) + list(SUMMARY_MODULES)
    pool = _pool(max(1, jobs), warm, modules)
    bar = _Progress(len(todo), progress)
    fatal: ReportError | None = None
    try:
        chunks = [stale[i : i + _SUMMARY_CHUNK] for i in range(0, len(stale), _SUMMARY_CHUNK)]
        summaries = {pool.submit(summary_job, [a.text for a in chunk]): chunk for chunk in chunks}
        futures: dict[Future[Any], ReportJob] = {pool.submit(run_job, job): job for job in todo}
        pending = set(futures) | set(summaries)
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for fut in done:
                if fut in summaries:
                    try:
                        store_summaries(manifest, summaries[fut], fut.result())
                    except Exception as exc:  # noqa: BLE001 - the index shows n/a, computed again next time
                        log.warning("index summaries failed: %s", exc)
                    continue
                try:
                    result = fut.result()
                except Exception as exc:  # noqa: BLE001 - a worker died (e.g. killed for memory)
                    job = futures[fut]
                    result = ReportResult(job.key, "failed", _error_line(exc), 0.0, job.digest)
                try:
                    if result.status == "write-error":
                        raise ReportError(result.error)
                    manifest["reports"][result.key] = {
                        "digest": result.digest, "status": result.status, "error": result.error,
                        "seconds": round(result.seconds, 3),
                    }
                    _save_manifest(out, manifest)
                except ReportError as exc:
                    fatal = exc
                    for f in pending:
                        f.cancel()
                    pending = set()
                    break
                bar.update(result)
                yield result
    except BaseException:
        shutdown_pool()  # Ctrl-C or a bug: do not leave workers running
        raise
    finally:
        bar.close()
    if fatal is not None:
        raise fatal


def main_report(args: Any) -> int:
    """Run ``report`` from parsed arguments (see :mod:`analysis.cli`); return the exit code.

    0: every report is built or up to date; 1: some reports failed (listed on stderr); 2: nothing
    could be done (bad option, unreadable input, unwritable output).
    """
    try:
        params = dict(parse_parameter(p) for p in (args.parameters or []))
        batch = build_reports(
            args.paths,
            notebooks=args.notebooks,
            out=args.out,
            jobs=args.jobs,
            parameters=params,
            corpus=args.corpus,
            with_code=args.with_code,
            force=args.force,
            progress=not args.no_progress,
            timeout=args.timeout or None,
        )
    except AnalysisError as exc:
        sys.stderr.write(f"report: error: {exc}\n")
        return 2
    sys.stderr.write("report: " + batch.summary() + "\n")
    return 0 if batch.ok else 1
