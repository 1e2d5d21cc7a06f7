"""Figures for text statistics: sentence lengths and readability.

Each function takes a frame from :mod:`analysis.stats` and an optional ``ax`` and returns the
``matplotlib.axes.Axes`` it drew on.
"""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from ..errors import ParameterError
from ..readability import flesch_band
from ..stats import GRADE_FIELDS
from ._common import fmt_value, get_ax, integer_ticks

__all__ = ["sentence_length_hist", "sentence_length_arc", "readability_bars", "reading_ease_bar"]

_GRADE_LABELS = {
    "flesch_kincaid_grade": "Flesch-Kincaid",
    "gunning_fog": "Gunning fog",
    "smog_index": "SMOG",
    "coleman_liau": "Coleman-Liau",
    "automated_readability_index": "ARI",
}
# Flesch (1948) bands of reading ease, lower bound first.
_FLESCH_BANDS = ((0, 30), (30, 50), (50, 60), (60, 70), (70, 80), (80, 90), (90, 100))


def _need(df: pd.DataFrame, columns: tuple[str, ...], what: str) -> None:
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise ParameterError(
            f"{what} needs the column(s) {', '.join(missing)}; pass the frame from "
            "analysis.stats.sentence_stats(text) or sentence_stats_frame(articles)"
        )


def sentence_length_hist(
    sent_df: pd.DataFrame, *, ax: Axes | None = None, bins: int | str | None = None
) -> Axes:
    """Histogram of sentence lengths in words, with the mean and median marked.

    Args:
        sent_df: :func:`analysis.stats.sentence_stats` (one article) or
            :func:`analysis.stats.sentence_stats_frame` (all sentences of many articles pooled).
        ax: axes to draw on; a new figure when ``None``.
        bins: as in ``numpy.histogram`` ("auto", or a number of bins); ``None`` = bins five
            words wide (0-4, 5-9, ...).

    Returns:
        The Axes: x = words per sentence, y = number of sentences (both on whole-number
        ticks); the legend gives the mean and median as drawn (one decimal unless whole, so a
        median of 7.5 reads "median 7.5").
    """
    _need(sent_df, ("n_words",), "sentence_length_hist")
    ax = get_ax(ax)
    lengths = sent_df["n_words"].to_numpy(dtype=float)
    if len(lengths) == 0:
        ax.text(0.5, 0.5, "no sentences", ha="center", va="center", transform=ax.transAxes)
    else:
        if bins is None:
            bins = np.arange(0, lengths.max() + 6, 5)
        ax.hist(lengths, bins=bins, color="#4C72B0", edgecolor="white")
        mean, median = float(np.mean(lengths)), float(np.median(lengths))
        ax.axvline(mean, color="#C44E52", linestyle="--", label=f"mean {fmt_value(mean)}")
        ax.axvline(median, color="#222222", linestyle=":", label=f"median {fmt_value(median)}")
        ax.legend(frameon=False)
    n_articles = sent_df["article_id"].nunique() if "article_id" in sent_df else 1
    scope = f" ({n_articles} articles)" if n_articles > 1 else ""
    ax.set_title(f"Sentence length: {len(lengths)} sentences{scope}")
    ax.set_xlabel("words per sentence")
    ax.set_ylabel("number of sentences")
    integer_ticks(ax.xaxis)
    integer_ticks(ax.yaxis)
    return ax


def _sentence_numbers(part: pd.DataFrame) -> np.ndarray:
    """x of each sentence: its ``sent_id`` (0 = first), or its row number without one."""
    if "sent_id" in part:
        return part["sent_id"].to_numpy()
    return np.arange(len(part))


def sentence_length_arc(sent_df: pd.DataFrame, *, ax: Axes | None = None) -> Axes:
    """Words per sentence in article order, paragraphs shaded alternately.

    Args:
        sent_df: :func:`analysis.stats.sentence_stats` of one article; a
            :func:`~analysis.stats.sentence_stats_frame` of several articles gives one line
            per article (no paragraph shading).
        ax: axes to draw on; a new figure when ``None``.

    Returns:
        The Axes: x = the sentence's ``sent_id`` (0 = first sentence, as in the table, on
        whole-number ticks), y = words in the sentence; the dashed line is the article's mean.
        Grey bands mark every other paragraph when the article has more than one.
    """
    _need(sent_df, ("n_words",), "sentence_length_arc")
    ax = get_ax(ax, figsize=(9, 4))
    if "article_id" in sent_df and sent_df["article_id"].nunique() > 1:
        for aid, part in sent_df.groupby("article_id", sort=False):
            ax.plot(_sentence_numbers(part), part["n_words"].to_numpy(), marker=".",
                    label=str(aid), alpha=0.8)
        if sent_df["article_id"].nunique() <= 10:
            ax.legend(frameon=False, fontsize="small")
        ax.set_title("Sentence length through each article")
    else:
        x = _sentence_numbers(sent_df)
        y = sent_df["n_words"].to_numpy()
        shaded = False
        if "paragraph" in sent_df and len(sent_df):
            paras = sent_df["paragraph"].to_numpy()
            for i, p in enumerate(pd.unique(paras)):
                idx = x[paras == p]
                if i % 2:
                    ax.axvspan(idx.min() - 0.5, idx.max() + 0.5, color="#EEEEEE", zorder=0)
                    shaded = True
        ax.plot(x, y, marker="o", color="#4C72B0")
        if len(y):
            ax.axhline(float(np.mean(y)), color="#C44E52", linestyle="--",
                       label=f"mean {fmt_value(float(np.mean(y)))} words")
            ax.legend(frameon=False)
        ax.set_title("Sentence length through the article"
                     + (" (grey bands: alternate paragraphs)" if shaded else ""))
    ax.set_xlabel("sentence (sent_id: 0 = first)")
    ax.set_ylabel("words in the sentence")
    ax.set_ylim(bottom=0)
    integer_ticks(ax.xaxis)
    integer_ticks(ax.yaxis)
    return ax


def _as_frame(stats: pd.Series | pd.DataFrame) -> pd.DataFrame:
    if isinstance(stats, pd.Series):
        frame = stats.to_frame().T
        frame.index = [str(stats.name) if stats.name not in (None, "text_stats") else "text"]
        return frame
    frame = stats
    if "article_id" in frame:
        frame = frame.set_index("article_id")
    return frame


def readability_bars(stats: pd.Series | pd.DataFrame, *, ax: Axes | None = None) -> Axes:
    """The five grade-level formulas side by side, on one US-school-grade axis.

    Flesch reading ease is on another scale (0-100, higher = easier), so it is not drawn here:
    it is written in the title for one text; draw it with :func:`reading_ease_bar`.

    Args:
        stats: a :func:`analysis.stats.text_stats` Series (one text: one bar per formula) or a
            :func:`~analysis.stats.stats_frame` (several articles: one group of bars per
            formula, one bar per article; beyond 12 articles, a dot per article instead).
        ax: axes to draw on; a new figure when ``None``.

    Returns:
        The Axes: x = formula, y = US school grade (higher = harder to read; 12 = end of US
        secondary school, dotted line). Bars of NaN values (e.g. an empty text) are absent. The
        axis starts at 0 unless a formula gives a negative grade (very short, plain texts): then
        it goes below 0 so that bar is seen too, with a line at 0.
    """
    frame = _as_frame(stats)
    missing = [c for c in GRADE_FIELDS if c not in frame.columns]
    if missing:
        raise ParameterError(
            f"readability_bars needs {', '.join(missing)}: pass text_stats(text) or stats_frame(...)"
        )
    grades = frame[list(GRADE_FIELDS)].astype(float)
    ax = get_ax(ax)
    labels = [_GRADE_LABELS[c] for c in GRADE_FIELDS]
    x = np.arange(len(GRADE_FIELDS))
    n = len(grades)
    if n == 1:
        vals = grades.iloc[0].to_numpy()
        bars = ax.bar(x, np.nan_to_num(vals, nan=0.0), color="#4C72B0")
        for bar, v in zip(bars, vals):
            if not math.isnan(v):
                ax.annotate(f"{v:.1f}", (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                            ha="center", va="bottom" if v >= 0 else "top", fontsize="small")
        title = "Readability: US school grade by formula"
        if "flesch_reading_ease" in frame:
            fre = float(frame["flesch_reading_ease"].iloc[0])
            if not math.isnan(fre):
                title += f"\nFlesch reading ease {fre:.0f}/100 ({flesch_band(fre)}; higher = easier)"
        ax.set_title(title)
    elif n <= 12:
        width = 0.8 / n
        for i, (aid, row) in enumerate(grades.iterrows()):
            ax.bar(x - 0.4 + width * (i + 0.5), row.to_numpy(), width, label=str(aid))
        ax.legend(frameon=False, fontsize="small", ncols=2 if n > 6 else 1)
        ax.set_title(f"Readability of {n} articles: US school grade by formula")
    else:
        rng = np.random.default_rng(0)  # fixed jitter: the figure is reproducible
        for j, col in enumerate(GRADE_FIELDS):
            vals = grades[col].to_numpy()
            ax.plot(j + rng.uniform(-0.2, 0.2, len(vals)), vals, "o", alpha=0.5, color="#4C72B0")
            ax.plot([j - 0.3, j + 0.3], [np.nanmedian(vals)] * 2, color="#C44E52")
        ax.set_title(f"Readability of {n} articles (dots; red line = median)")
    ax.axhline(12, color="#888888", linestyle=":", linewidth=1)
    ax.text(1.01, 12, "grade 12:\nend of US\nhigh school", transform=ax.get_yaxis_transform(),
            ha="left", va="center", fontsize="x-small", color="#555555")
    ax.set_xticks(x, labels)
    ax.set_ylabel("US school grade (higher = harder)")
    values = grades.to_numpy(dtype=float)
    lowest = float(np.nanmin(values)) if np.isfinite(values).any() else 0.0
    if lowest < 0:  # a negative grade: keep its bar (or dot) in view, and mark 0
        top = max(float(np.nanmax(values)), 12.0)
        ax.set_ylim(bottom=lowest - 0.05 * (top - lowest))
        ax.axhline(0, color="#222222", linewidth=0.8)
    else:
        ax.set_ylim(bottom=0)
    return ax


def reading_ease_bar(stats: pd.Series | pd.DataFrame, *, ax: Axes | None = None) -> Axes:
    """Flesch reading ease of one or more texts over Flesch's (1948) difficulty bands.

    Args:
        stats: a :func:`analysis.stats.text_stats` Series or a
            :func:`~analysis.stats.stats_frame`.
        ax: axes to draw on; a new figure when ``None``.

    Returns:
        The Axes: one horizontal bar per text, x = reading ease (**higher = easier**), each
        bar labelled with its score; the background shades are Flesch's bands from 0 to 100,
        labelled at the top. The formula can leave that range (above 100 for very short, plain
        sentences, below 0 for very long, hard ones): the axis then widens so the bar ends at
        the score.
    """
    frame = _as_frame(stats)
    if "flesch_reading_ease" not in frame:
        raise ParameterError("reading_ease_bar needs flesch_reading_ease: pass text_stats(text)")
    scores = frame["flesch_reading_ease"].astype(float)
    ax = get_ax(ax, figsize=(8, 1.2 + 0.35 * len(scores)))
    cmap = plt.get_cmap("RdYlGn")
    for lo, hi in _FLESCH_BANDS:
        ax.axvspan(lo, hi, color=cmap((lo + hi) / 200), alpha=0.25, zorder=0)
        ax.text((lo + hi) / 2, 1.01, flesch_band(lo), transform=ax.get_xaxis_transform(),
                ha="center", va="bottom", fontsize="x-small", rotation=30)
    y = np.arange(len(scores))
    values = np.nan_to_num(scores.to_numpy(dtype=float), nan=0.0)
    ax.barh(y, values, color="#4C72B0", height=0.6)
    for yi, v in zip(y, scores):
        if not math.isnan(v):
            ax.text(max(v, 0) + 1, yi, f"{v:.0f}", va="center", fontsize="small")
    ax.set_yticks(y, [str(i) for i in scores.index])
    lo, hi = (float(values.min()), float(values.max())) if len(values) else (0.0, 0.0)
    ax.set_xlim(lo - 5 if lo < 0 else 0.0, max(105.0, hi + 8))  # a score beyond 0-100 stays in view
    ax.set_ylim(len(scores) - 0.5, -0.5)
    ax.set_xlabel("Flesch reading ease (bands 0-100; higher = easier to read)")
    return ax
