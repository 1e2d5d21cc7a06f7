"""Report speed: time per report against papermill + nbconvert on a trivial one-cell notebook.

Prints, from one run on this machine:

- **baseline**: median time of ``papermill.execute_notebook`` (a fresh kernel, as papermill
  starts it) plus ``nbconvert.HTMLExporter.from_notebook_node`` on a one-cell notebook
  (``print(1)``), run one after another;
- **per report**: the median time one report takes in ``build_reports`` (execute the real course
  notebook with warm kernels, export, write both files), measured in the worker; and the batch's
  wall time divided by the number of reports (start-up of the workers included);
- **ratios** against the baseline, and a rerun with nothing changed against the first run.

Usage::

    .venv/bin/python benchmarks/bench_reports.py                # 4 articles x every notebook, 2 jobs
    .venv/bin/python benchmarks/bench_reports.py --articles 8 --jobs 2 --repeat 7
    .venv/bin/python benchmarks/bench_reports.py --cold         # also: the same batch with ordinary kernels

Needs nothing beyond the kit (no ../shared data). Times depend on the machine's load.
"""

from __future__ import annotations

import argparse
import logging
import statistics
import sys
import tempfile
import time
from pathlib import Path

import nbformat

from analysis.paths import NOTEBOOKS_DIR, first_seed
from analysis.reports import build_reports


def cell_seconds(path: Path) -> float:
    """Time the notebook's own cells took (papermill's per-cell durations), s."""
    nb = nbformat.read(path, as_version=4)
    return sum(float(c.metadata.get("papermill", {}).get("duration") or 0) for c in nb.cells)


def trivial_baseline(work: Path, repeat: int) -> list[float]:
    """Seconds per papermill + nbconvert run of a one-cell notebook, ``repeat`` times."""
    import papermill as pm
    from nbconvert import HTMLExporter

    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell("print(1)")]
    src = work / "00-trivial.ipynb"
    nbformat.write(nb, src)
    exporter = HTMLExporter()
    exporter.from_notebook_node(nb)  # template compiled outside the timing, as the batch does
    times = []
    for i in range(repeat + 1):
        start = time.perf_counter()
        out = pm.execute_notebook(str(src), str(work / "trivial-out.ipynb"), progress_bar=False)
        exporter.from_notebook_node(out)
        if i:  # the first run warms the disk cache and imports: not counted
            times.append(time.perf_counter() - start)
    return times


def make_articles(folder: Path, n: int) -> Path:
    """``n`` articles: the seed, then variants of it (paragraphs rotated, titles numbered)."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = first_seed().read_text(encoding="utf-8").splitlines()
    title, body, byline = lines[0], [ln for ln in lines[1:-1] if ln.strip()], lines[-1]
    for i in range(n):
        k = i % max(1, len(body))
        paras = body[k:] + body[:k]
        (folder / f"bench-{i:03d}.txt").write_text(
            "\n".join([f"{title} ({i})", *paras, byline]) + "\n", encoding="utf-8"
        )
    return folder


def run(articles: int, jobs: int, repeat: int, cold: bool, notebooks: list[str] | None) -> None:
    logging.basicConfig(level=logging.WARNING)
    with tempfile.TemporaryDirectory(prefix="bench-reports-") as tmp:
        work = Path(tmp)
        base = trivial_baseline(work, repeat)
        base_med = statistics.median(base)
        folder = make_articles(work / "articles", articles)
        names = notebooks or [p.stem for p in sorted(NOTEBOOKS_DIR.glob("[0-9][0-9]-*.ipynb"))]

        first = build_reports([folder], notebooks=names, out=work / "out", jobs=jobs, progress=False, force=True)
        ran = [r for r in first.results if r.status in ("ok", "failed")]
        good = [r for r in ran if r.status == "ok"] or ran  # a failing notebook stops early: not a fair time
        per_report = statistics.median(r.seconds for r in good)
        amortised = first.seconds / max(1, len(ran))
        again = build_reports([folder], notebooks=names, out=work / "out", jobs=jobs, progress=False)
        cells = [cell_seconds(work / "out" / f"{r.key}.ipynb") for r in good]
        overhead = statistics.median(r.seconds - c for r, c in zip(good, cells))
        trivial = build_reports([folder], notebooks=[str(work / "00-trivial.ipynb")], out=work / "trivial",
                                jobs=jobs, progress=False, force=True)
        triv_med = statistics.median(r.seconds for r in trivial.results)

        print(f"machine load: {Path('/proc/loadavg').read_text().split()[:3] if Path('/proc/loadavg').exists() else '?'}")
        print(f"baseline  papermill + nbconvert, trivial 1-cell notebook: median {base_med:.3f} s "
              f"(runs: {', '.join(f'{t:.2f}' for t in base)})")
        print(f"reports   {len(ran)} reports = {articles} articles x {len(names)} notebooks, jobs={jobs}, "
              f"{first.count('failed')} failed")
        print(f"          median per report (in the worker):    {per_report:.3f} s  -> ratio {per_report / base_med:.2f}x")
        print(f"          wall time / reports (incl. start-up): {amortised:.3f} s  -> ratio {amortised / base_med:.2f}x")
        print(f"          of which the notebooks' own cells (median): {statistics.median(cells):.3f} s; "
              f"runner overhead (report - cells, median): {overhead:.3f} s -> {overhead / base_med:.2f}x")
        print(f"runner    the trivial notebook through build_reports: median per report {triv_med:.3f} s "
              f"-> ratio {triv_med / base_med:.2f}x")
        print(f"          first run {first.seconds:.2f} s; rerun with nothing changed {again.seconds:.2f} s "
              f"({again.count('skipped')} skipped) -> {again.seconds / first.seconds:.3f} of the first run")
        if cold:
            coldrun = build_reports([folder], notebooks=names, out=work / "cold", jobs=jobs, progress=False,
                                    force=True, warm_kernels=False)
            cold_ran = [r for r in coldrun.results if r.status in ("ok", "failed")]
            cold_med = statistics.median(r.seconds for r in cold_ran if r.status == "ok" or not good)
            print(f"cold      same batch, ordinary kernels: median per report {cold_med:.3f} s "
                  f"({cold_med / base_med:.2f}x), wall/report {coldrun.seconds / len(cold_ran):.3f} s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=4, help="articles in the batch (default 4)")
    parser.add_argument("--jobs", type=int, default=2, help="parallel workers (default 2)")
    parser.add_argument("--repeat", type=int, default=5, help="baseline runs (default 5, plus one warm-up)")
    parser.add_argument("--notebooks", action="append", help="only these notebooks (default: all)")
    parser.add_argument("--cold", action="store_true", help="also time the batch with ordinary kernels")
    args = parser.parse_args(argv)
    run(args.articles, args.jobs, args.repeat, args.cold, args.notebooks)
    return 0


if __name__ == "__main__":
    sys.exit(main())
