"""Benchmark: the kit's ``analyse`` pipeline against a naive NLTK notebook, speed and memory.

One run measures, each configuration in its own child process (so that peak memory is its own):

1. ``naive``: what a notebook author writes with NLTK alone: ``PunktSentenceTokenizer`` with a
   few abbreviations, ``NLTKWordTokenizer``, NLTK's VADER per sentence, ``FreqDist`` per
   article, a Flesch reading ease per article with a naive syllable counter; rows collected in
   lists and turned into DataFrames at the end. It computes less than the kit (no quotes, no
   speakers, no lemmas, no offsets) and writes nothing.
2. ``kit-1``: ``analysis.pipeline.analyse_corpus`` on one process: read the corpus, statistics,
   sentences with sentiment, quotes, speakers, terms, Parquet tables written to a temp folder.
3. ``kit-2``: the same with two worker processes.
4. ``kit-1-x10``: ``kit-1`` on the corpus repeated 10 times (ids made unique), for memory.
5. ``loop-1`` and ``loop-2``: how the host treats two processes in the same rounds, for
   information. A fixed pure-Python loop (nothing to load, nothing shared, a few bytes of data)
   runs in one process, then split in two halves over two forked processes. On an idle machine
   with two free cores ``loop-1 / loop-2`` is 2.0; a shared virtual machine gives less, and
   its spread over the rounds (in both directions: a neighbour can slow ``loop-1`` too) shows
   how much of a round's ratio is the host's noise rather than the code's.

Printed: articles/s, tokens/s (tokens = whitespace-separated words of the article bodies, the same
count for every configuration), peak resident memory (``ru_maxrss`` of the child, and of its
largest worker), and the ratios the issue asks for: kit-1 / naive articles/s (target >= 2),
kit-2 / kit-1 (target >= 1.8), peak memory x10 / x1 (target <= 1.2). For information only, it
also prints the naive / kit-1 ratio of CPU seconds and the kit-2 / kit-1 ratio of the fastest
rounds, and ``loop-1 / loop-2`` per round.

The speed configurations run ``--repeat`` times (5 by default), interleaved round by
round (naive, kit-1, kit-2, loop-1, loop-2, naive, ...), so each ratio compares runs made close together in
time; the ratio printed is the median over rounds, with every round's value beside it (a
shared machine can slow one run by 20 %). ``kit-1-x10`` runs once, for memory.

Usage::

    .venv/bin/python benchmarks/bench_analyse.py                 # full corpus, all configurations
    .venv/bin/python benchmarks/bench_analyse.py --limit 200 --repeat 1   # quick check on 200 articles
    .venv/bin/python benchmarks/bench_analyse.py --only naive kit-1 --limit 300
    .venv/bin/python benchmarks/bench_analyse.py --profile 300   # cProfile of kit-1, top functions

The corpus is ``analysis.paths.SHARED_DATA_DIR / "corpus"`` (its ``corpus.jsonl``) unless a path
is given.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve()
CONFIGS = ("naive", "kit-1", "kit-2", "loop-1", "loop-2", "kit-1-x10")
LOOPS = ("loop-1", "loop-2")
#: iterations of the calibration loop (about 2 s on one core of the development machine)
LOOP_ITERATIONS = 60_000_000


# --------------------------------------------------------------------------- input


def corpus_file(path: str | None) -> Path:
    from analysis.paths import SHARED_DATA_DIR

    p = Path(path) if path else SHARED_DATA_DIR / "corpus"
    if p.is_dir():
        p = p / "corpus.jsonl"
    if not p.is_file():
        sys.exit(f"no corpus at {p}: give a corpus.jsonl (or its folder)")
    return p


def iter_records(path: Path, limit: int | None) -> Iterator[dict]:
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if limit is not None and n >= limit:
                return
            if line.strip():
                yield json.loads(line)


def write_scaled(src: Path, dest: Path, limit: int | None, scale: int) -> int:
    """The first ``limit`` records of ``src`` repeated ``scale`` times, ids made unique."""
    n = 0
    with dest.open("w", encoding="utf-8") as out:
        for k in range(scale):
            for rec in iter_records(src, limit):
                rec = dict(rec, id=f"{rec['id']}~{k}" if k else rec["id"])
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
                n += 1
    return n


def count_tokens(path: Path, limit: int | None) -> tuple[int, int]:
    articles = tokens = 0
    for rec in iter_records(path, limit):
        articles += 1
        tokens += len(rec["text"].split())
    return articles, tokens


def kit_articles(path: Path, limit: int | None):
    """The corpus through the kit's loader when it is there, else plain JSONL records."""
    try:
        from analysis.loaders import iter_articles
    except ImportError:
        iter_articles = None
    if iter_articles is not None:
        return str(path)
    from analysis.loaders import Article

    def gen():
        for n, rec in enumerate(iter_records(path, limit)):
            text = rec.pop("text")
            yield Article(
                id=rec.pop("id"), title=rec.pop("title", ""), author=rec.pop("author", "") or "",
                text=text, paragraphs=tuple(text.split("\n")), source=f"{path}:{n + 1}", meta=rec,
            )

    return gen()


# --------------------------------------------------------------------------- naive baseline


def naive_run(path: Path, limit: int | None) -> int:
    import nltk
    import pandas as pd
    from nltk import FreqDist
    from nltk.sentiment.vader import SentimentIntensityAnalyzer
    from nltk.tokenize import NLTKWordTokenizer, PunktSentenceTokenizer
    from nltk.tokenize.punkt import PunktParameters

    from analysis.resources import vader_lexicon_path

    lex = vader_lexicon_path()
    nltk.data.path.append(str(lex.parent))
    sia = SentimentIntensityAnalyzer(lexicon_file=lex.as_uri())
    params = PunktParameters()
    params.abbrev_types = {"mr", "mrs", "ms", "dr", "prof", "gen", "sen", "gov", "st", "u.s", "u.k", "jan",
                           "feb", "aug", "sept", "oct", "nov", "dec", "inc", "corp", "co", "ltd", "vs"}
    sent_tok = PunktSentenceTokenizer(params)
    word_tok = NLTKWordTokenizer()

    def syllables(word: str) -> int:
        groups = re.findall(r"[aeiouy]+", word.lower())
        n = len(groups) - (1 if word.lower().endswith("e") and len(groups) > 1 else 0)
        return max(n, 1)

    sentence_rows, article_rows, term_rows = [], [], []
    n = 0
    for rec in iter_records(path, limit):
        n += 1
        text = rec["text"]
        sents = sent_tok.tokenize(text)
        words = []
        for i, sent in enumerate(sents):
            scores = sia.polarity_scores(sent)
            sentence_rows.append({"article_id": rec["id"], "sent_id": i, "text": sent, **scores})
            words.extend(w for w in word_tok.tokenize(sent) if w.isalpha())
        fd = FreqDist(w.lower() for w in words)
        term_rows.extend({"article_id": rec["id"], "term": t, "count": c} for t, c in fd.items())
        n_words = max(len(words), 1)
        n_syll = sum(syllables(w) for w in words)
        flesch = 206.835 - 1.015 * n_words / max(len(sents), 1) - 84.6 * n_syll / n_words
        article_rows.append({"article_id": rec["id"], "n_sentences": len(sents), "n_words": len(words),
                             "flesch_reading_ease": flesch})
    tables = [pd.DataFrame(rows) for rows in (article_rows, sentence_rows, term_rows)]
    assert n == 0 or all(len(t) for t in tables)
    return n


# --------------------------------------------------------------------------- child process


def load_function(spec: str | None):
    """``module:function`` -> the function (a custom per-article function to time)."""
    if not spec:
        return None
    import importlib

    module, _, name = spec.partition(":")
    return getattr(importlib.import_module(module), name)


def busy_loop(n: int) -> int:
    """``n`` rounds of integer arithmetic in the interpreter: CPU only, a working set of bytes."""
    x = 0
    for i in range(n):
        x += i & 7
    return x


def loop_run(processes: int) -> float:
    """Seconds to run :data:`LOOP_ITERATIONS` of :func:`busy_loop`, split over ``processes``
    forked processes (one: here), from before the first fork to the last one's exit."""
    import multiprocessing as mp

    t0 = time.perf_counter()
    if processes == 1:
        busy_loop(LOOP_ITERATIONS)
    else:
        ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
        share = LOOP_ITERATIONS // processes
        procs = [ctx.Process(target=busy_loop, args=(share,)) for _ in range(processes)]
        for p in procs:
            p.start()
        for p in procs:
            p.join()
    return time.perf_counter() - t0


def child(config: str, path: Path, limit: int | None, analyse_spec: str | None = None) -> dict:
    """Run one configuration here; return its figures."""
    if config in LOOPS:
        seconds = loop_run(int(config[-1]))
        return {"config": config, "articles": 0, "seconds": seconds, "runs_per_s": 1 / seconds, "cpu_seconds": 0.0,
                "peak_rss_mb": 0.0, "peak_rss_worker_mb": 0.0}
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    cpu0 = _cpu_seconds()
    if config == "naive":
        t0 = time.perf_counter()
        n = naive_run(path, limit)
        seconds = time.perf_counter() - t0
    else:
        from analysis.pipeline import analyse_corpus

        jobs = 2 if config == "kit-2" else 1
        with tempfile.TemporaryDirectory(prefix="bench-analyse-") as tmp:
            t0 = time.perf_counter()
            summary = analyse_corpus(
                kit_articles(path, limit), Path(tmp) / "out", jobs=jobs, fmt="parquet",
                limit=limit, progress=False, analyse=load_function(analyse_spec),
            )
            seconds = time.perf_counter() - t0
            n = summary.articles_analysed
            errors = summary.errors
    usage_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    usage_children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    out = {
        "config": config,
        "articles": n,
        "seconds": seconds,
        "peak_rss_mb": usage_self / 1024,
        "peak_rss_worker_mb": usage_children / 1024,
        "rss_at_start_mb": rss0 / 1024,
        "cpu_seconds": _cpu_seconds() - cpu0,
    }
    if config != "naive":
        out["errors"] = errors
    return out


def _cpu_seconds() -> float:
    """User + system CPU seconds of this process and its finished children (the pool's workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def run_child(config: str, path: Path, limit: int | None, analyse_spec: str | None) -> dict:
    cmd = [sys.executable, str(HERE), "--child", config, "--path", str(path)]
    if limit is not None:
        cmd += ["--limit", str(limit)]
    if analyse_spec:
        cmd += ["--analyse", analyse_spec]
    proc = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": "0"})
    if proc.returncode != 0:
        sys.exit(f"{config} failed:\n{proc.stderr[-4000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


# --------------------------------------------------------------------------- profile


def profile(path: Path, limit: int) -> None:
    import cProfile
    import pstats

    from analysis.pipeline import analyse_corpus

    with tempfile.TemporaryDirectory(prefix="bench-analyse-") as tmp:
        prof = cProfile.Profile()
        prof.enable()
        analyse_corpus(kit_articles(path, limit), Path(tmp) / "out", limit=limit, progress=False)
        prof.disable()
    stats = pstats.Stats(prof, stream=sys.stdout).sort_stats("cumulative")
    stats.print_stats(45)
    stats.sort_stats("tottime").print_stats(30)


# --------------------------------------------------------------------------- main


def _median_run(runs: list[dict]) -> dict:
    """The run with the median time of one configuration (the middle one of an odd count)."""
    return sorted(runs, key=lambda r: r["seconds"])[(len(runs) - 1) // 2]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("path", nargs="?", help="corpus.jsonl or its folder (default: the shared corpus)")
    ap.add_argument("--path", dest="path_opt", help=argparse.SUPPRESS)
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles")
    ap.add_argument("--scale", type=int, default=10, help="repeat the corpus this many times for memory")
    ap.add_argument("--repeat", type=int, default=5,
                    help="rounds of the speed configurations, interleaved; ratios are medians over rounds (default 5)")
    ap.add_argument("--only", nargs="+", choices=CONFIGS, default=list(CONFIGS), help="configurations to run")
    ap.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    ap.add_argument("--profile", type=int, metavar="N", help="profile kit-1 on N articles and exit")
    ap.add_argument(
        "--analyse", metavar="MODULE:FUNCTION",
        help="time this per-article function instead of the kit's analyses (see analyse_corpus)",
    )
    ap.add_argument("--child", choices=CONFIGS, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    path = corpus_file(args.path_opt or args.path)

    if args.child:
        print(json.dumps(child(args.child, path, args.limit, args.analyse)))
        return 0
    if args.profile:
        profile(path, args.profile)
        return 0

    n_articles, n_tokens = count_tokens(path, args.limit)
    print(f"corpus: {path} ({n_articles} articles, {n_tokens} tokens = whitespace words of the bodies)")
    if args.analyse:
        print(f"per-article function: {args.analyse}")
    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}, Python {sys.version.split()[0]}")
    runs: dict[str, list[dict]] = {}
    speed = [c for c in CONFIGS if c in args.only and c != "kit-1-x10"]
    with tempfile.TemporaryDirectory(prefix="bench-corpus-") as tmp:
        # interleaved rounds: each ratio compares runs made close together in time, and the
        # median over rounds is robust to a noisy neighbour slowing one run down
        plan = [(rnd, c) for rnd in range(args.repeat) for c in speed]
        if "kit-1-x10" in args.only:
            plan.append((0, "kit-1-x10"))
        for rnd, config in plan:
            src, lim, toks = path, args.limit, n_tokens
            if config == "kit-1-x10":
                src = Path(tmp) / "scaled.jsonl"
                write_scaled(path, src, args.limit, args.scale)
                lim, toks = None, n_tokens * args.scale
            r = run_child(config, src, lim, args.analyse)
            r["round"] = rnd
            runs.setdefault(config, []).append(r)
            if config in LOOPS:
                print(f"{config:<10} {'':>16} {r['seconds']:8.1f} s  (pure-Python loop, for information)"
                      + (f"  [round {rnd + 1}/{args.repeat}]" if args.repeat > 1 else ""), flush=True)
                continue
            r["tokens"] = toks
            r["articles_per_s"] = r["articles"] / r["seconds"]
            r["tokens_per_s"] = toks / r["seconds"]
            label = config.replace("x10", f"x{args.scale}")
            print(
                f"{label:<10} {r['articles']:>7} articles {r['seconds']:8.1f} s "
                f"{r['articles_per_s']:8.1f} articles/s {r['tokens_per_s']:10.0f} tokens/s "
                f"CPU {r['cpu_seconds']:6.1f} s "
                f"peak RSS {r['peak_rss_mb']:7.1f} MB (largest worker {r['peak_rss_worker_mb']:.1f} MB)"
                + (f", {r['errors']} errors" if r.get("errors") else "")
                + (f"  [round {rnd + 1}/{args.repeat}]" if config != "kit-1-x10" and args.repeat > 1 else ""),
                flush=True,
            )
    results = {c: _median_run(rs) for c, rs in runs.items()}
    if args.repeat > 1:
        print(f"medians over {args.repeat} rounds:")
        for c in speed:
            if c in LOOPS:
                continue
            r = results[c]
            print(f"{c:<10} {r['seconds']:8.1f} s {r['articles_per_s']:8.1f} articles/s {r['tokens_per_s']:10.0f} tokens/s "
                  f"peak RSS {r['peak_rss_mb']:7.1f} MB")

    def per_round(a: str, b: str, rate: str = "articles_per_s") -> list[float]:
        """``b``'s ``rate`` over ``a``'s, for each round that ran both."""
        by_round = {r["round"]: r for r in runs.get(a, [])}
        return [r[rate] / by_round[r["round"]][rate] for r in runs.get(b, []) if r["round"] in by_round]

    ratios: dict[str, float] = {}
    spread: dict[str, list[float]] = {}
    for name, a, b in (("kit1_vs_naive_articles_per_s", "naive", "kit-1"), ("kit2_vs_kit1_articles_per_s", "kit-1", "kit-2")):
        values = per_round(a, b)
        if values:
            ratios[name] = statistics.median(values)
            spread[name] = values
    if "kit-1" in results and "kit-1-x10" in results:
        ratios[f"peak_rss_x{args.scale}_vs_x1"] = results["kit-1-x10"]["peak_rss_mb"] / results["kit-1"]["peak_rss_mb"]
    targets = {"kit1_vs_naive_articles_per_s": (">=", 2.0), "kit2_vs_kit1_articles_per_s": (">=", 1.8),
               f"peak_rss_x{args.scale}_vs_x1": ("<=", 1.2)}
    for name, value in ratios.items():
        op, target = targets[name]
        ok = value >= target if op == ">=" else value <= target
        rounds = spread.get(name, [])
        detail = f"  median of {len(rounds)} rounds: {', '.join(f'{v:.2f}' for v in rounds)}" if len(rounds) > 1 else ""
        print(f"{name:<30} {value:6.2f}  (target {op} {target}: {'met' if ok else 'NOT met'}){detail}")
    # for information, not a target: CPU time is less sensitive than wall time to neighbours
    # that take the CPU away (though not to those that share its caches)
    naive_cpu = [r["cpu_seconds"] for r in runs.get("naive", [])]
    kit_cpu = [r["cpu_seconds"] for r in runs.get("kit-1", [])]
    if naive_cpu and kit_cpu:
        cpu_ratio = statistics.median(naive_cpu) / statistics.median(kit_cpu)
        ratios["kit1_vs_naive_cpu_seconds"] = cpu_ratio
        print(f"{'kit1_vs_naive_cpu_seconds':<30} {cpu_ratio:6.2f}  (for information: naive CPU seconds over "
              f"kit-1's, medians {statistics.median(naive_cpu):.1f} s and {statistics.median(kit_cpu):.1f} s)")
    # for information, not a target: the best round of each configuration (timeit's rule: a
    # neighbour only ever adds time, so the fastest run is the closest to the code's own speed)
    best = {c: min(r["seconds"] for r in rs) for c, rs in runs.items() if c in speed}
    if "kit-1" in best and "kit-2" in best and args.repeat > 1:
        ratios["kit2_vs_kit1_best_rounds"] = best["kit-1"] / best["kit-2"]
        print(f"{'kit2_vs_kit1_best_rounds':<30} {ratios['kit2_vs_kit1_best_rounds']:6.2f}  (for information: "
              f"kit-1's fastest round over kit-2's, {best['kit-1']:.1f} s and {best['kit-2']:.1f} s)")
    # for information, not a target: what the host gave a perfectly parallel loop in the same
    # rounds (2.0 on an idle two-core machine)
    loop_ratio = per_round("loop-1", "loop-2", rate="runs_per_s")
    if loop_ratio:
        median = ratios["loop_two_vs_one_process"] = statistics.median(loop_ratio)
        spread["loop_two_vs_one_process"] = loop_ratio
        print(f"{'loop_two_vs_one_process':<30} {median:6.2f}  (for information: a pure-Python "
              f"loop split over two processes, 2.0 on an idle machine; rounds: {', '.join(f'{v:.2f}' for v in loop_ratio)})")
        if median < targets["kit2_vs_kit1_articles_per_s"][1]:
            print(f"{'':<30}         the host gave this perfectly parallel loop less than the kit-2 / kit-1 "
                  f"target in this run: a busy host, not a measure of the kit")
    if args.json:
        args.json.write_text(json.dumps({"results": results, "runs": runs, "ratios": ratios, "rounds": spread}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
