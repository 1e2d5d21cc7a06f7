"""Benchmark: ``term_frequencies`` + ``tfidf`` against scikit-learn's CountVectorizer + TfidfTransformer.

The issue's target: over the whole corpus (2,225 BBC articles), the kit's term frequencies and
TF-IDF take at most twice the time of scikit-learn's ``CountVectorizer().fit_transform`` +
``TfidfTransformer().fit_transform`` on the same texts.

One run times, in this process, alternately (so that a busy machine hurts both alike):

- ``sklearn``: ``CountVectorizer()`` (its default analyser: lower case, ``\\b\\w\\w+\\b`` tokens,
  no stopwords) then ``TfidfTransformer()`` on the counts; a sparse matrix, no DataFrame.
- ``kit``: ``analysis.terms.term_frequencies(texts)`` then ``analysis.terms.tfidf(texts)`` with the
  defaults (the text layer's tokens, possessives folded, stopwords, capitalised acronyms, numbers
  dropped), two DataFrames. Both caches are emptied first (``analysis.terms.clear_caches()``, which
  also empties ``analysis.text.segment``'s): the two calls share one tokenisation per text, the
  way TfidfTransformer reuses CountVectorizer's counts.
- ``kit-uncached`` (reported, not the target): the caches are also emptied between the two calls,
  so each tokenises the corpus.

Each is run once to warm up, then ``--repeat`` times (default 5); the median and the best are
printed, with the ratio kit / sklearn of the medians (target <= 2).

Usage::

    .venv/bin/python benchmarks/bench_terms.py                  # full corpus
    .venv/bin/python benchmarks/bench_terms.py --limit 500      # first 500 articles
    .venv/bin/python benchmarks/bench_terms.py --profile        # cProfile of one kit run

The corpus is ``analysis.paths.SHARED_DATA_DIR / "corpus" / "corpus.jsonl"`` unless a path is given.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path


def corpus_texts(path: str | None, limit: int | None) -> list[str]:
    from analysis.paths import SHARED_DATA_DIR

    p = Path(path) if path else SHARED_DATA_DIR / "corpus"
    if p.is_dir():
        p = p / "corpus.jsonl"
    if not p.is_file():
        sys.exit(f"no corpus at {p}: give a corpus.jsonl (or its folder)")
    texts = []
    with p.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                texts.append(json.loads(line)["text"])
            if limit and len(texts) >= limit:
                break
    return texts


def run_sklearn(texts: list[str]) -> object:
    from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer

    counts = CountVectorizer().fit_transform(texts)
    return TfidfTransformer().fit_transform(counts)


def run_kit(texts: list[str]) -> object:
    from analysis import terms

    terms.clear_caches()
    tf = terms.term_frequencies(texts)
    return tf, terms.tfidf(texts)


def run_kit_uncached(texts: list[str]) -> object:
    from analysis import terms

    terms.clear_caches()
    tf = terms.term_frequencies(texts)
    terms.clear_caches()
    return tf, terms.tfidf(texts)


def timed(fn: Callable[[list[str]], object], texts: list[str]) -> float:
    t0 = time.perf_counter()
    fn(texts)
    return time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", help="corpus.jsonl or its folder (default: the shared corpus)")
    ap.add_argument("--limit", type=int, default=None, help="use the first N articles only")
    ap.add_argument("--repeat", type=int, default=5, help="timed runs per configuration (default 5)")
    ap.add_argument("--profile", action="store_true", help="print a cProfile of one kit run and stop")
    args = ap.parse_args(argv)

    texts = corpus_texts(args.corpus, args.limit)
    n_chars = sum(map(len, texts))
    print(f"{len(texts)} articles, {n_chars:,} characters")

    if args.profile:
        run_kit(texts)  # warm-up: imports, stopword list
        prof = cProfile.Profile()
        prof.enable()
        run_kit(texts)
        prof.disable()
        pstats.Stats(prof).sort_stats("cumulative").print_stats(18)
        return 0

    configs = {"sklearn": run_sklearn, "kit": run_kit, "kit-uncached": run_kit_uncached}
    for fn in configs.values():  # warm-up
        fn(texts)
    times: dict[str, list[float]] = {name: [] for name in configs}
    for _ in range(args.repeat):
        for name, fn in configs.items():
            times[name].append(timed(fn, texts))
    med = {name: statistics.median(ts) for name, ts in times.items()}
    for name, ts in times.items():
        print(f"{name:>13}: median {med[name]:.3f} s, best {min(ts):.3f} s over {len(ts)} runs")
    ratio = med["kit"] / med["sklearn"]
    print(f"ratio kit / sklearn (medians): {ratio:.2f}  (target <= 2.00: {'met' if ratio <= 2 else 'NOT met'})")
    print(f"ratio kit-uncached / sklearn (medians): {med['kit-uncached'] / med['sklearn']:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
