"""Evaluate the quote extractor on annotated news (JSONL in the format of ``../shared/data/quotes``).

Runs :func:`analysis.quotes.extract_quotes` over every article of a gold file, writes the
predictions as JSONL, and scores them with the ``score.py`` that sits beside the gold file
(imported, standard library only). For comparison it also scores a baseline that follows
quotation marks only (every double-quoted span is a statement, its speaker the nearest
capitalised name in the same sentence).

    .venv/bin/python benchmarks/evaluate_quotes.py                      # dev set, tables
    .venv/bin/python benchmarks/evaluate_quotes.py PATH.jsonl --json    # any file, JSON
    .venv/bin/python benchmarks/evaluate_quotes.py --limit 20           # first 20 articles
    .venv/bin/python benchmarks/evaluate_quotes.py --gold ../shared/data/quotes/polnear.train.jsonl --no-baseline

Develop on ``polnear.train.jsonl``; report figures on ``polnear.dev.jsonl`` (the default),
which the rules were not tuned on. ``--results FILE`` writes a small summary (overlap and
end-to-end figures, all and by type, for the extractor and the baseline) that the notebook
``02-quotes.ipynb`` prints; the repository keeps ``benchmarks/results/quotes_dev.json``.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType
from typing import Any

import pandas as pd

from analysis.paths import SHARED_DATA_DIR
from analysis.quotes import extract_quotes, quotation_spans
from analysis.text import segment

DEFAULT_GOLD = SHARED_DATA_DIR / "quotes" / "polnear.dev.jsonl"
_NAME_RE = re.compile(r"\b[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)*")


def load_scorer(gold: Path) -> ModuleType:
    """Import ``score.py`` from the gold file's folder (or the shared quotes folder)."""
    for folder in (gold.parent, SHARED_DATA_DIR / "quotes"):
        path = folder / "score.py"
        if path.is_file():
            spec = importlib.util.spec_from_file_location("quotes_score", path)
            assert spec and spec.loader
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            return module
    raise SystemExit(f"score.py not found beside {gold} nor in {SHARED_DATA_DIR / 'quotes'}")


def read_gold(path: Path, limit: int | None = None) -> list[dict[str, Any]]:
    docs = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                docs.append(json.loads(line))
                if limit and len(docs) >= limit:
                    break
    return docs


def _opt_int(value: Any) -> int | None:
    return None if value is None or pd.isna(value) else int(value)


def predict(docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The extractor's predictions in score.py's format, one dict per article."""
    out = []
    for doc in docs:
        q = extract_quotes(doc["text"])
        quotes = []
        for r in q.itertuples(index=False):
            quotes.append(
                {
                    "start": int(r.start),
                    "end": int(r.end),
                    "speaker": r.speaker if isinstance(r.speaker, str) else None,
                    "speaker_start": _opt_int(r.speaker_start),
                    "speaker_end": _opt_int(r.speaker_end),
                }
            )
        out.append({"id": doc["id"], "quotes": quotes})
    return out


def predict_baseline(docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Quotation marks only: each double-quoted span, speaker = nearest name in its sentence."""
    out = []
    for doc in docs:
        text = doc["text"]
        seg = segment(text)
        spans = quotation_spans(text)
        quotes = []
        for r in spans.itertuples(index=False):
            if r.kind != "double" or not re.search(r"\w", r.content):
                continue
            si = max(seg.sentence_of(r.start), 0)
            ss, se = seg.sentences[si] if seg.sentences else (0, len(text))
            after = [m for m in _NAME_RE.finditer(seg.norm, r.end, max(r.end, se))]
            before = [m for m in _NAME_RE.finditer(seg.norm, ss, r.start) if m.start() > ss]
            m = after[0] if after else (before[-1] if before else None)
            quotes.append(
                {
                    "start": int(r.start),
                    "end": int(r.end),
                    "speaker": m.group(0) if m else None,
                    "speaker_start": m.start() if m else None,
                    "speaker_end": m.end() if m else None,
                }
            )
        out.append({"id": doc["id"], "quotes": quotes})
    return out


def write_jsonl(rows: list[dict[str, Any]], path: Path) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def summary(res: dict[str, Any]) -> dict[str, Any]:
    """The headline figures of a score.py result: P/R/F1 of overlap and end-to-end, all and
    by type, plus attribution accuracy."""

    def pick(block: dict[str, Any]) -> dict[str, Any]:
        return {
            key: {k: round(block[key][k], 4) for k in ("precision", "recall", "f1", "n_pred", "n_gold")}
            for key in ("exact", "overlap", "token", "end_to_end")
        } | {"attribution_accuracy": round(block["attribution"]["accuracy"], 4)}

    return {
        "documents": res["documents"],
        "all": pick(res["all"]),
        "by_type": {t: pick(b) for t, b in res["by_type"].items() if t != "untyped"},
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", nargs="?", type=Path, default=None, help="gold JSONL (default: PolNeAR dev)")
    ap.add_argument("--gold", dest="gold_opt", type=Path, metavar="PATH",
                    help="the same as the positional GOLD: e.g. --gold ../shared/data/quotes/polnear.train.jsonl")
    ap.add_argument("--pred", type=Path, help="where to write the predictions JSONL (default: a temp file)")
    ap.add_argument("--json", action="store_true", help="print JSON instead of tables")
    ap.add_argument("--limit", type=int, help="only the first N articles")
    ap.add_argument("--no-baseline", action="store_true", help="skip the quotation-marks baseline")
    ap.add_argument("--results", type=Path, help="also write a small JSON summary here")
    args = ap.parse_args(argv)
    if args.gold is not None and args.gold_opt is not None and args.gold != args.gold_opt:
        ap.error("give the gold file once: as GOLD or as --gold")
    args.gold = args.gold_opt or args.gold or DEFAULT_GOLD
    if not args.gold.is_file():
        print(f"evaluate_quotes: gold file not found: {args.gold}", file=sys.stderr)
        return 2
    scorer = load_scorer(args.gold)
    docs = read_gold(args.gold, args.limit)
    gold = {d["id"]: d for d in docs}

    t0 = time.perf_counter()
    preds = predict(docs)
    elapsed = time.perf_counter() - t0
    tmp = Path(tempfile.mkdtemp(prefix="quotes-eval-"))
    pred_path = args.pred or tmp / "predictions.jsonl"
    write_jsonl(preds, pred_path)
    # score what was written, through score.py's own reader
    res = scorer.score(gold, scorer.read_jsonl(str(pred_path), "PRED"))
    results: dict[str, Any] = {"gold": args.gold.name, "extractor": summary(res)}
    base_res = None
    if not args.no_baseline:
        base_path = tmp / "baseline.jsonl"
        write_jsonl(predict_baseline(docs), base_path)
        base_res = scorer.score(gold, scorer.read_jsonl(str(base_path), "PRED"))
        results["baseline"] = summary(base_res)
    speed = len(docs) / elapsed if elapsed else float("inf")
    if args.json:
        print(json.dumps({"extractor": res, "baseline": base_res, "articles_per_second": speed}, indent=2))
    else:
        print(f"== extractor: analysis.quotes.extract_quotes on {args.gold.name} "
              f"({len(docs)} articles, {speed:.1f} articles/s); predictions: {pred_path}")
        print(scorer.table(res))
        if base_res is not None:
            print("\n== baseline: quotation marks only")
            print(scorer.table(base_res))
    if args.results:
        args.results.parent.mkdir(parents=True, exist_ok=True)
        args.results.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
