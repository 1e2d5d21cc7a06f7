"""Figures for terms: top terms, where terms occur (dispersion), keyness.

Each function takes a frame from :mod:`analysis.terms` and an optional ``ax`` and returns the
``matplotlib.axes.Axes`` it drew on. No word cloud: a cloud's sizes and positions cannot be read
as numbers, and a bar chart shows the same counts exactly.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from ..errors import ParameterError
from ._common import get_ax, integer_ticks

__all__ = ["top_terms_bar", "dispersion_plot", "keyness_bar"]

_BLUE, _RED, _GREY = "#4C72B0", "#C44E52", "#888888"


def _label_column(df: pd.DataFrame, fn: str) -> str:
    for col in ("term", "ngram", "collocation"):
        if col in df.columns:
            return col
    raise ParameterError(
        f"{fn} needs a 'term', 'ngram' or 'collocation' column: pass the frame of "
        "term_frequencies(), ngrams(), collocations() or tfidf()"
    )


def _empty(ax: Axes, message: str) -> Axes:
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes)
    ax.set_xticks([])
    ax.set_yticks([])
    return ax


def top_terms_bar(
    df: pd.DataFrame,
    *,
    n: int = 20,
    value: str | None = None,
    ax: Axes | None = None,
    title: str | None = None,
) -> Axes:
    """Horizontal bars of the ``n`` most frequent (or heaviest) terms, the largest on top.

    Args:
        df: :func:`analysis.terms.term_frequencies`, :func:`~analysis.terms.ngrams`,
            :func:`~analysis.terms.collocations` or one text's rows of
            :func:`~analysis.terms.tfidf`.
        n: number of bars.
        value: the column to draw; default ``count``, else ``tfidf``, else the first of
            ``pmi``/``llr``.
        ax: axes to draw on; a new figure when ``None``.
        title: the title; a default one names the column and says how many of the frame's
            terms are drawn ("Top 20 of 312 terms by count").

    Returns:
        The Axes: one bar per term, x = the value (occurrences for ``count``, on whole-number
        ticks).
    """
    label = _label_column(df, "top_terms_bar")
    if value is None:
        value = next((c for c in ("count", "tfidf", "pmi", "llr") if c in df.columns), None)
    if value is None or value not in df.columns:
        raise ParameterError(f"top_terms_bar: column {value!r} not in the frame ({', '.join(df.columns)})")
    top = df.nlargest(n, value, keep="first") if len(df) else df
    ax = get_ax(ax, figsize=(7, max(2.5, 0.3 * min(n, max(len(top), 1)) + 1)))
    if top.empty:
        return _empty(ax, "no terms")
    y = np.arange(len(top))[::-1]
    ax.barh(y, top[value].to_numpy(dtype=float), color=_BLUE)
    ax.set_yticks(y, top[label].astype(str).tolist())
    ax.set_xlabel({"count": "occurrences", "tfidf": "TF-IDF weight"}.get(value, value))
    if value == "count":
        integer_ticks(ax.xaxis)
    if len(top) < len(df):
        scope = f"Top {len(top)} of {len(df)} {label}s"
    else:
        scope = f"All {len(top)} {label}s" if len(top) > 1 else f"1 {label}"
    ax.set_title(title or f"{scope} by {value}")
    ax.margins(y=0.01)
    return ax


def dispersion_plot(
    positions: pd.DataFrame,
    *,
    ax: Axes | None = None,
    by: str = "word_index",
    title: str | None = None,
) -> Axes:
    """Where in the text each term occurs: one row per term, one tick per occurrence.

    The lexical dispersion plot of the NLTK book (ch. 1) and Voyant Tools' "Trends".

    Args:
        positions: :func:`analysis.terms.term_positions` (``term``, ``word_index``, ``start``).
        ax: axes to draw on; a new figure when ``None``.
        by: ``"word_index"`` (position among the running words) or ``"start"`` (character
            offset).
        title: the title.

    Returns:
        The Axes: x = position in the text from its start (0 = first word or character) to its
        end (the text's length in words or characters, from ``positions.attrs``), with a margin
        of 1% of the length on each side so that an occurrence at the very first or last
        position is drawn in full; whole-number ticks; y = term, in the order given, with its
        number of occurrences in brackets.
    """
    if "term" not in positions.columns or by not in positions.columns:
        raise ParameterError(f"dispersion_plot needs 'term' and {by!r}: pass term_positions(text, terms)")
    if by not in ("word_index", "start"):
        raise ParameterError(f"by={by!r}: use 'word_index' or 'start'")
    terms = list(dict.fromkeys(positions["term"]))
    ax = get_ax(ax, figsize=(9, max(1.8, 0.45 * len(terms) + 1)))
    if not terms:
        return _empty(ax, "no occurrences")
    for i, term in enumerate(terms):
        x = positions.loc[positions["term"] == term, by].to_numpy(dtype=float)
        ax.plot(x, np.full(len(x), i), "|", markersize=18, markeredgewidth=2, color=_BLUE)
    ax.set_yticks(range(len(terms)), [f"{t} ({(positions['term'] == t).sum()})" for t in terms])
    ax.set_ylim(len(terms) - 0.5, -0.5)
    length = positions.attrs.get("n_words" if by == "word_index" else "n_chars")
    if length:
        pad = max(0.01 * length, 0.5)  # a tick at position 0 sits inside the axes, not on its edge
        ax.set_xlim(-pad, length + pad)
    integer_ticks(ax.xaxis)
    ax.set_xlabel("word position in the text" if by == "word_index" else "character offset in the text")
    ax.set_title(title or "Where each term occurs (one tick per occurrence; count in brackets)")
    return ax


def keyness_bar(
    keyness: pd.DataFrame,
    *,
    n: int = 10,
    value: str = "llr",
    ax: Axes | None = None,
    negative: bool = True,
    title: str | None = None,
) -> Axes:
    """The strongest positive (and negative) keywords as signed horizontal bars.

    Args:
        keyness: :func:`analysis.terms.keyness`.
        n: bars on each side.
        value: ``"llr"`` (signed log-likelihood, how sure) or ``"log_ratio"`` (how big).
            Terms are chosen by ``llr`` either way.
        ax: axes to draw on; a new figure when ``None``.
        negative: also draw the ``n`` most negative keywords (terms the target lacks).
        title: the title.

    Returns:
        The Axes: right (blue) = more frequent in the target, left (red) = more frequent in the
        reference; the dotted lines mark :math:`|G^2| = 10.83` (p < 0.001) when ``value="llr"``.
    """
    need = ("term", "llr", value)
    missing = [c for c in need if c not in keyness.columns]
    if missing:
        raise ParameterError(f"keyness_bar needs {', '.join(missing)}: pass keyness(target, reference)")
    k = keyness.sort_values("llr", ascending=False)
    pos = k[k["llr"] > 0].head(n)
    neg = k[k["llr"] < 0].tail(n) if negative else k.iloc[0:0]
    rows = pd.concat([pos, neg])
    ax = get_ax(ax, figsize=(7, max(2.5, 0.3 * len(rows) + 1)))
    if rows.empty:
        return _empty(ax, "no keywords")
    y = np.arange(len(rows))[::-1]
    vals = rows[value].to_numpy(dtype=float)
    ax.barh(y, vals, color=[_BLUE if v > 0 else _RED for v in rows["llr"]])
    ax.set_yticks(y, rows["term"].astype(str).tolist())
    ax.axvline(0, color="#222222", linewidth=0.8)
    if value == "llr":
        for x in (10.83, -10.83):
            ax.axvline(x, color=_GREY, linestyle=":", linewidth=1)
        ax.set_xlabel("signed log-likelihood G² (right: more in the target; dotted: p < 0.001)")
    else:
        ax.set_xlabel("log ratio (binary log of relative frequencies; 1 = twice as frequent)")
    ax.set_title(title or "Keywords: target against reference")
    return ax
