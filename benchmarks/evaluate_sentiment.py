"""Score every sentiment method against human judgements and write the figures the notebook shows.

Usage (from the project root; needs ../shared/data/sentiment):

    .venv/bin/python benchmarks/evaluate_sentiment.py [--out /tmp/sentiment-eval] [--no-write]

For each method it writes a predictions file (``{"id", "score"}`` per line) into ``--out``, runs
the shared ``score.py`` on it and prints one table:

- ``nyt.dev.jsonl`` (sentence ratings): VADER's compound and the ``news`` scorer, each snippet
  read as one text. The ``news`` model was fitted on this very file, so its row here is
  in-sample; the honest figure is the cross-validated r stored by
  ``benchmarks/train_sentiment.py`` (also printed).
- ``newsmtsc.dev.jsonl`` (sentiment toward one person): whole-sentence VADER (the reference
  baseline, macro-F1 0.500), whole-sentence ``news``, and ``toward()`` with each method.

Unless ``--no-write`` is given, the figures go to ``analysis/data/sentiment_results.json``,
which notebooks/03-sentiment.ipynb reads (never type these numbers by hand). It also times
the fast VADER path against NLTK's analyser on the NYT sentences (printed only).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analysis import news_sentiment as ns  # noqa: E402
from analysis import sentiment, vader  # noqa: E402
from analysis.paths import DATA_DIR, SHARED_DATA_DIR  # noqa: E402

SENT_DIR = SHARED_DATA_DIR / "sentiment"
RESULTS_PATH = DATA_DIR / "sentiment_results.json"


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def run_score(gold: Path, pred: Path) -> dict:
    out = subprocess.run(
        [sys.executable, str(SENT_DIR / "score.py"), str(gold), str(pred), "--json"],
        capture_output=True, text=True, check=False,
    )
    if out.returncode not in (0, 1) or not out.stdout.strip():
        raise SystemExit(f"score.py failed on {pred}: {out.stderr}")
    return json.loads(out.stdout)


def write_preds(path: Path, ids: list[str], scores: list[float]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for i, s in zip(ids, scores):
            fh.write(json.dumps({"id": i, "score": round(float(s), 6)}) + "\n")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=str(Path(tempfile.gettempdir()) / "sentiment-eval"))
    ap.add_argument("--no-write", action="store_true", help="do not update the results file")
    args = ap.parse_args(argv)
    if not SENT_DIR.is_dir():
        print(f"{SENT_DIR} not found: the shared data must be beside the project", file=sys.stderr)
        return 2
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    nyt_path = SENT_DIR / "nyt.dev.jsonl"
    mtsc_path = SENT_DIR / "newsmtsc.dev.jsonl"
    nyt = read_jsonl(nyt_path)
    mtsc = read_jsonl(mtsc_path)
    ids = [r["id"] for r in nyt]
    runs: list[tuple[str, str, Path, Path, str]] = []

    for method in ("vader", "news"):
        p = out / f"nyt.{method}.jsonl"
        write_preds(p, ids, [sentiment.score_text(r["text"], method=method)["compound"] for r in nyt])
        note = "in-sample: fitted on this file" if method == "news" else ""
        runs.append(("nyt.dev", f"{method} (sentence)", nyt_path, p, note))

    mids = [r["id"] for r in mtsc]
    for method in ("vader", "news"):
        p = out / f"newsmtsc.sentence.{method}.jsonl"
        write_preds(p, mids, [sentiment.score_text(r["text"], method=method)["compound"] for r in mtsc])
        runs.append(("newsmtsc.dev", f"{method} (whole sentence)", mtsc_path, p, ""))
        p = out / f"newsmtsc.toward.{method}.jsonl"
        write_preds(p, mids, [sentiment.toward(r["text"], r["target_start"], r["target_end"],
                                               method=method) for r in mtsc])
        runs.append(("newsmtsc.dev", f"{method} toward()", mtsc_path, p, ""))

    rows = []
    for data, name, gold, pred, note in runs:
        res = run_score(gold, pred)
        rows.append({
            "data": data, "method": name, "n": res["n"],
            "pearson": round(res["pearson"], 4) if "pearson" in res else None,
            "spearman": round(res["spearman"], 4) if "spearman" in res else None,
            "accuracy": round(res["accuracy"], 4), "macro_f1": round(res["macro_f1"], 4),
            "note": note,
        })

    model = ns.load_model()
    cv_sent = model["sentence"]["cv"]
    cv_target = model["target"]["cv"]
    print(f"{'data':<13} {'method':<26} {'n':>5} {'pearson':>8} {'spearman':>8} {'acc':>6} {'macroF1':>8}  note")
    for r in rows:
        pr = f"{r['pearson']:.4f}" if r["pearson"] is not None else "-"
        sp = f"{r['spearman']:.4f}" if r["spearman"] is not None else "-"
        print(f"{r['data']:<13} {r['method']:<26} {r['n']:>5} {pr:>8} {sp:>8} "
              f"{r['accuracy']:>6.3f} {r['macro_f1']:>8.3f}  {r['note']}")
    print(f"\nCross-validated on nyt.dev ({cv_sent['folds']}-fold x {cv_sent['repeats']}): "
          f"news Pearson r = {cv_sent['pearson_news']:.4f} (sd {cv_sent['pearson_news_sd']:.4f}), "
          f"Spearman {cv_sent['spearman_news']:.4f}, accuracy {cv_sent['accuracy_news']:.3f}, "
          f"macro-F1 {cv_sent['macro_f1_news']:.3f}; VADER r = {cv_sent['pearson_vader']:.4f}, "
          f"macro-F1 {cv_sent['macro_f1_vader']:.3f} (VADER has nothing to fit)")
    print(f"Cross-validated on newsmtsc.train ({cv_target['folds']}-fold, grouped by sentence): "
          f"toward(news) macro-F1 = {cv_target['macro_f1']:.4f}")

    texts = [r["text"] for r in nyt]
    sia = vader.nltk_analyzer()
    t0 = time.perf_counter()
    for t in texts:
        sia.polarity_scores(t)
    t1 = time.perf_counter()
    vader._cached_scores.cache_clear()
    for t in texts:
        vader.polarity_scores(t)
    t2 = time.perf_counter()
    print(f"VADER speed on {len(texts)} sentences: NLTK {1e3 * (t1 - t0):.0f} ms, "
          f"analysis.vader {1e3 * (t2 - t1):.0f} ms (uncached), same scores")

    if not args.no_write:
        results = {
            "note": "written by benchmarks/evaluate_sentiment.py; do not edit by hand",
            "scores": rows,
            "cv": {"sentence": cv_sent, "target": cv_target},
        }
        RESULTS_PATH.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {RESULTS_PATH}")
    print(f"predictions in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
