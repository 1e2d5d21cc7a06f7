"""Rebuild ``analysis/data/news_sentiment.json``: the ``news`` sentence scorer and the target model.

Usage (from the project root; needs ../shared/data/sentiment and the dev extra for scikit-learn):

    .venv/bin/python benchmarks/train_sentiment.py [--folds 10] [--repeats 5]

1. Sentence model: ridge regression over ``analysis.news_sentiment.SENTENCE_FEATURES`` fitted to
   the human ratings of ``nyt.dev.jsonl`` (label = mean rating / 4). The ridge penalty is chosen
   by repeated k-fold cross-validation (Pearson r), and the cross-validated r of VADER's compound
   and of the model are printed and stored in the artifact's ``meta``. The final model is fitted
   on all 1,565 sentences.
2. Target model: multinomial logistic regression over ``TARGET_FEATURES`` on
   ``newsmtsc.train.jsonl``; C is chosen by 5-fold cross-validation (macro-F1) on the training
   file only. ``newsmtsc.dev.jsonl`` is left for ``benchmarks/evaluate_sentiment.py``.

Runtime (2 cores): about a minute. The artifact holds only means, scales and weights.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np
from scipy.stats import pearsonr, spearmanr
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.metrics import f1_score
from sklearn.model_selection import KFold

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analysis import news_sentiment as ns  # noqa: E402
from analysis.paths import SHARED_DATA_DIR  # noqa: E402

SENT_DIR = SHARED_DATA_DIR / "sentiment"
ALPHAS = (0.1, 1.0, 3.0, 10.0, 30.0, 100.0)
CS = (0.01, 0.03, 0.1, 0.3, 1.0)


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def standardise(X: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    mean = X.mean(axis=0)
    scale = X.std(axis=0)
    scale[scale == 0] = 1.0
    return mean, scale


def out_of_fold(X: np.ndarray, y: np.ndarray, alpha: float, folds: int, seed: int) -> np.ndarray:
    """Ridge predictions for each sentence from a model that did not see it (k-fold)."""
    pred = np.zeros_like(y)
    for tr, te in KFold(folds, shuffle=True, random_state=seed).split(X):
        mean, scale = standardise(X[tr])
        m = Ridge(alpha=alpha).fit((X[tr] - mean) / scale, y[tr])
        pred[te] = m.predict((X[te] - mean) / scale)
    return pred


def cv_pearson(X: np.ndarray, y: np.ndarray, alpha: float, folds: int, repeats: int) -> tuple[float, float]:
    """Mean and spread over repeats of the pooled out-of-fold Pearson r of a ridge model."""
    rs = [pearsonr(out_of_fold(X, y, alpha, folds, seed), y)[0] for seed in range(repeats)]
    return float(np.mean(rs)), float(np.std(rs))


def classes(v: np.ndarray) -> np.ndarray:
    """score.py's mapping: >= 0.05 positive, <= -0.05 negative, else neutral."""
    return np.where(v >= 0.05, "positive", np.where(v <= -0.05, "negative", "neutral"))


def train_sentence(folds: int, repeats: int) -> dict:
    rows = read_jsonl(SENT_DIR / "nyt.dev.jsonl")
    y = np.array([r["label"] for r in rows], dtype=float)
    t0 = time.perf_counter()
    X = np.array([ns.sentence_features(r["text"]) for r in rows], dtype=float)
    print(f"nyt.dev: {len(rows)} sentences, {X.shape[1]} features ({time.perf_counter() - t0:.1f} s)")
    vader_r = float(pearsonr(X[:, 0], y)[0])  # no fitting: CV r equals the plain r
    results = {a: cv_pearson(X, y, a, folds, repeats) for a in ALPHAS}
    for a, (r, sd) in results.items():
        print(f"  ridge alpha={a:<6} CV Pearson r={r:.4f} (sd {sd:.4f} over {repeats} repeats)")
    alpha = max(results, key=lambda a: results[a][0])
    mean, scale = standardise(X)
    m = Ridge(alpha=alpha).fit((X - mean) / scale, y)
    # Ridge predictions are shrunk toward the mean (their spread is about r times the ratings').
    # Stretch them about the mean rating so that their spread matches the human ratings':
    # Pearson r is unchanged, and the +-0.05 neutral band means the same on both sides.
    oof = out_of_fold(X, y, alpha, folds, seed=0)
    center, stretch = float(y.mean()), float(y.std() / oof.std())
    oof_s = np.clip(center + stretch * (oof - center), -1, 1)
    gc, pc = classes(y), classes(oof_s)
    cv_f1 = float(f1_score(gc, pc, average="macro"))
    cv_acc = float((gc == pc).mean())
    cv_rho = float(spearmanr(oof_s, y)[0])
    v_f1 = float(f1_score(gc, classes(X[:, 0]), average="macro"))
    print(f"VADER compound r={vader_r:.4f} macro-F1={v_f1:.4f}; news model CV r={results[alpha][0]:.4f} "
          f"(alpha={alpha}), stretched x{stretch:.3f}: CV spearman={cv_rho:.4f} "
          f"accuracy={cv_acc:.4f} macro-F1={cv_f1:.4f}")
    return {
        "features": list(ns.SENTENCE_FEATURES),
        "mean": mean.round(6).tolist(),
        "scale": scale.round(6).tolist(),
        "coef": m.coef_.round(6).tolist(),
        "intercept": round(float(m.intercept_), 6),
        "center": round(center, 6),
        "stretch": round(stretch, 6),
        "alpha": alpha,
        "cv": {
            "data": "nyt.dev.jsonl",
            "n": len(rows),
            "folds": folds,
            "repeats": repeats,
            "pearson_news": round(results[alpha][0], 4),
            "pearson_news_sd": round(results[alpha][1], 4),
            "pearson_vader": round(vader_r, 4),
            "spearman_news": round(cv_rho, 4),
            "accuracy_news": round(cv_acc, 4),
            "macro_f1_news": round(cv_f1, 4),
            "macro_f1_vader": round(v_f1, 4),
        },
    }


def train_target(folds: int = 5) -> dict:
    rows = read_jsonl(SENT_DIR / "newsmtsc.train.jsonl")
    t0 = time.perf_counter()
    X = np.array(
        [ns.target_features(r["text"], r["target_start"], r["target_end"]) for r in rows], dtype=float
    )
    y = np.array([ns.TARGET_CLASSES.index(r["label"]) for r in rows])
    print(f"newsmtsc.train: {len(rows)} mentions ({time.perf_counter() - t0:.1f} s)")
    # Sentences repeat (several targets per sentence): group folds by sentence text.
    texts = sorted({r["text"] for r in rows})
    fold_of = {t: i % folds for i, t in enumerate(np.random.default_rng(0).permutation(texts))}
    groups = np.array([fold_of[r["text"]] for r in rows])
    scores = {}
    for c in CS:
        pred = np.zeros_like(y)
        for k in range(folds):
            tr, te = groups != k, groups == k
            mean, scale = standardise(X[tr])
            m = LogisticRegression(C=c, max_iter=2000).fit((X[tr] - mean) / scale, y[tr])
            pred[te] = m.predict((X[te] - mean) / scale)
        scores[c] = float(f1_score(y, pred, average="macro"))
        print(f"  logistic C={c:<5} CV macro-F1={scores[c]:.4f}")
    c = max(scores, key=scores.get)
    mean, scale = standardise(X)
    m = LogisticRegression(C=c, max_iter=2000).fit((X - mean) / scale, y)
    assert list(m.classes_) == [0, 1, 2]
    return {
        "features": list(ns.TARGET_FEATURES),
        "classes": list(ns.TARGET_CLASSES),
        "mean": mean.round(6).tolist(),
        "scale": scale.round(6).tolist(),
        "coef": m.coef_.round(6).tolist(),
        "intercept": m.intercept_.round(6).tolist(),
        "C": c,
        "cv": {"data": "newsmtsc.train.jsonl", "n": len(rows), "folds": folds,
               "macro_f1": round(scores[c], 4)},
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--folds", type=int, default=10)
    ap.add_argument("--repeats", type=int, default=5)
    args = ap.parse_args(argv)
    if not SENT_DIR.is_dir():
        print(f"{SENT_DIR} not found: the shared data must be beside the project", file=sys.stderr)
        return 2
    sentence = train_sentence(args.folds, args.repeats)
    # The target model uses the sentence model's score as a feature: save it first.
    model = {"version": 1, "sentence": sentence, "target": None}
    existing = json.loads(ns.MODEL_PATH.read_text()) if ns.MODEL_PATH.exists() else {}
    model["target"] = existing.get("target") or {
        "features": list(ns.TARGET_FEATURES), "mean": [0.0] * len(ns.TARGET_FEATURES),
        "scale": [1.0] * len(ns.TARGET_FEATURES), "coef": [[0.0] * len(ns.TARGET_FEATURES)] * 3,
        "intercept": [0.0] * 3,
    }
    ns.MODEL_PATH.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    ns.load_model.cache_clear()
    ns.news_score.cache_clear()
    model["target"] = train_target()
    ns.MODEL_PATH.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    ns.load_model.cache_clear()
    print(f"wrote {ns.MODEL_PATH} ({ns.MODEL_PATH.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
