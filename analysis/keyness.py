"""Keyness: which terms are typical of a text (or group of texts) compared with a reference.

Corpus linguists compare the frequency of each term in a *target* corpus (one article, one
outlet) with its frequency in a *reference* corpus (the rest of the collection) and report two
numbers (Rayson & Garside 2000; Hardie 2014):

- **log-likelihood** :math:`G^2` (Dunning 1993; Rayson & Garside 2000), *how sure* we are that the
  difference is not chance. With :math:`a, b` the term's counts and :math:`c, d` the running
  words of target and reference, :math:`E_1 = c\\,(a+b)/(c+d)`, :math:`E_2 = d\\,(a+b)/(c+d)` and
  :math:`G^2 = 2\\,(a \\ln(a/E_1) + b \\ln(b/E_2))`. The kit signs it: positive when the term is
  relatively more frequent in the target (over-used, "positive keyword"), negative when less.
  :math:`|G^2| > 3.84` means p < 0.05, > 6.63 p < 0.01, > 10.83 p < 0.001, > 15.13 p < 0.0001
  (chi-squared, one degree of freedom). With thousands of terms tested, prefer the strict
  thresholds.
- **log ratio** (Hardie 2014), *how big* the difference is: :math:`\\log_2` of the ratio of the
  relative frequencies, :math:`\\log_2 \\frac{a/c}{b/d}`. 1 = twice as frequent in the target,
  -1 = half as frequent, 0 = the same. A zero count is replaced by 0.5 so that the ratio stays
  finite (Hardie's convention).

Reference = the rest of your corpus. General-English frequency lists are not supported: the kit
ships none (see the lead's notes on ``wordfreq``).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd

from .errors import ParameterError

__all__ = ["KEYNESS_COLUMNS", "keyness", "log_likelihood", "log_ratio"]

KEYNESS_COLUMNS = (
    "term",
    "count_target",
    "count_reference",
    "per_10k_target",
    "per_10k_reference",
    "llr",
    "p_value",
    "log_ratio",
)


def log_likelihood(a: float, b: float, c: float, d: float) -> float:
    """Signed log-likelihood :math:`G^2` of a term seen ``a`` times in ``c`` words of the target
    and ``b`` times in ``d`` words of the reference (Rayson & Garside 2000).

    Returns:
        :math:`G^2` >= 0 with the sign of the difference: positive when ``a/c > b/d``.

    Examples:
        >>> round(log_likelihood(10, 10, 100, 1000), 4)
        22.1382
        >>> round(log_likelihood(1, 100, 100, 1000), 4)
        -12.6375
    """
    total = a + b
    e1 = c * total / (c + d)
    e2 = d * total / (c + d)
    g2 = 2.0 * ((a * math.log(a / e1) if a else 0.0) + (b * math.log(b / e2) if b else 0.0))
    return g2 if a / c >= b / d else -g2


def log_ratio(a: float, b: float, c: float, d: float) -> float:
    """Hardie's (2014) log ratio: :math:`\\log_2 \\frac{a/c}{b/d}`, zero counts read as 0.5.

    Examples:
        >>> log_ratio(10, 10, 100, 1000)
        3.3219...
        >>> log_ratio(4, 0, 100, 100)
        3.0
    """
    return math.log2(((a or 0.5) / c) / ((b or 0.5) / d))


def keyness(
    target_texts: Any,
    reference_texts: Any,
    *,
    min_count: int = 1,
    lowercase: bool = True,
    stopwords: bool | Iterable[str] = True,
    numbers: str = "drop",
    lemmatize: bool = False,
    extra_stopwords: Iterable[str] = (),
) -> pd.DataFrame:
    """Keyness of every term of the target against the reference (log-likelihood, log ratio).

    Args:
        target_texts: the text(s) you study: one text, an Article, a list, a Series or a corpus
            DataFrame (as :func:`analysis.terms.term_frequencies` takes).
        reference_texts: the text(s) to compare with, same forms (usually the rest of the corpus).
        min_count: keep terms seen at least this often in target and reference together.
        lowercase, stopwords, numbers, lemmatize, extra_stopwords: see
            :func:`analysis.terms.term_options`. Corpus sizes are running words, stopwords
            included, whatever the stopword option.

    Returns:
        DataFrame with columns ``term``, ``count_target``, ``count_reference``,
        ``per_10k_target`` and ``per_10k_reference`` (occurrences per 10,000 running words),
        ``llr`` (signed :math:`G^2`: positive = more frequent in the target), ``p_value``
        (chi-squared with one degree of freedom; not corrected for the many terms tested) and
        ``log_ratio`` (binary log of the ratio of relative frequencies). Sorted by ``llr``
        descending, then term: the top rows are the target's keywords, the bottom rows what it
        lacks. ``attrs`` holds ``n_target`` and ``n_reference`` (running words). An empty target
        or reference gives an empty frame with these columns.

    Examples:
        >>> k = keyness("Iran Iran Iran talks", ["Talks talks on trade", "Trade and talks"])
        >>> k[["term", "count_target", "count_reference"]].values.tolist()
        [['iran', 3, 0], ['talks', 1, 3], ['trade', 0, 2]]
    """
    from .terms import term_frequencies

    if not isinstance(min_count, int) or min_count < 1:
        raise ParameterError(f"min_count={min_count!r}: give a whole number of 1 or more")
    opts = dict(lowercase=lowercase, stopwords=stopwords, numbers=numbers, lemmatize=lemmatize,
                extra_stopwords=extra_stopwords)
    target = term_frequencies(target_texts, **opts)
    reference = term_frequencies(reference_texts, **opts)
    c, d = target.attrs["n_words"], reference.attrs["n_words"]
    if c == 0 or d == 0 or (target.empty and reference.empty):
        out = pd.DataFrame({col: pd.Series(dtype="object") for col in KEYNESS_COLUMNS})
        out.attrs.update(n_target=c, n_reference=d)
        return out
    a_counts: Counter[str] = Counter(dict(zip(target["term"], target["count"])))
    b_counts: Counter[str] = Counter(dict(zip(reference["term"], reference["count"])))
    terms = sorted(t for t in set(a_counts) | set(b_counts) if a_counts[t] + b_counts[t] >= min_count)
    a = np.array([a_counts[t] for t in terms], dtype="float64")
    b = np.array([b_counts[t] for t in terms], dtype="float64")
    e1 = c * (a + b) / (c + d)
    e2 = d * (a + b) / (c + d)
    with np.errstate(divide="ignore", invalid="ignore"):
        g2 = 2.0 * (np.where(a > 0, a * np.log(a / e1), 0.0) + np.where(b > 0, b * np.log(b / e2), 0.0))
    g2 = np.maximum(g2, 0.0)  # rounding can give -1e-16 for equal rates
    sign = np.where(a / c >= b / d, 1.0, -1.0)
    lr = np.log2((np.where(a > 0, a, 0.5) / c) / (np.where(b > 0, b, 0.5) / d))
    p = np.array([math.erfc(math.sqrt(x / 2.0)) for x in g2])  # chi2(1) survival function
    out = pd.DataFrame({
        "term": terms,
        "count_target": a.astype("int64"),
        "count_reference": b.astype("int64"),
        "per_10k_target": a / c * 10_000,
        "per_10k_reference": b / d * 10_000,
        "llr": sign * g2,
        "p_value": p,
        "log_ratio": lr,
    })
    out = out.sort_values(["llr", "term"], ascending=[False, True], kind="stable", ignore_index=True)
    out.attrs.update(n_target=c, n_reference=d)
    return out
