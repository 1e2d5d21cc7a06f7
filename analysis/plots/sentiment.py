"""Figures for :mod:`analysis.sentiment` tables. Each returns the ``Axes`` it drew on."""

from __future__ import annotations

import textwrap

import pandas as pd
from matplotlib.axes import Axes

from ..errors import ParameterError
from ._common import get_ax, integer_ticks, plural

__all__ = ["extreme_sentences_bar", "sentiment_arc", "speaker_sentiment_bar", "target_sentiment_bar"]

_POS, _NEG, _NEU = "#1b7837", "#b2182b", "#999999"


def _need(df: pd.DataFrame, cols: tuple[str, ...], fn: str) -> None:
    missing = [c for c in cols if c not in df.columns]
    if missing:
        raise ParameterError(f"{fn} needs the columns {', '.join(cols)} (missing: {', '.join(missing)})")


def _colour(v: float) -> str:
    return _POS if v >= 0.05 else (_NEG if v <= -0.05 else _NEU)


def sentiment_arc(
    sentences: pd.DataFrame, *, window: int = 3, ax: Axes | None = None, title: str | None = None
) -> Axes:
    """Sentence ``compound`` by position in the article, with a rolling mean.

    Args:
        sentences: :func:`analysis.sentiment.sentence_sentiment` output (``sent_id``,
            ``compound``).
        window: sentences in the centred rolling mean (1 = no smoothing).

    Returns:
        The Axes: x = the sentence's ``sent_id`` (0 = first, on whole-number ticks), bars per
        sentence (green positive, red negative, grey neutral), a line for the rolling mean
        (its legend gives the window used), 0 marked.
    """
    _need(sentences, ("sent_id", "compound"), "sentiment_arc")
    ax = get_ax(ax, (9, 3.5))
    x = sentences["sent_id"].to_numpy()
    y = sentences["compound"].to_numpy()
    ax.bar(x, y, color=[_colour(v) for v in y], alpha=0.6, width=0.8, label="sentence")
    if len(y):
        w = max(int(window), 1)
        roll = pd.Series(y).rolling(w, center=True, min_periods=1).mean()
        label = f"rolling mean ({plural(w, 'sentence')})" if w > 1 else "each sentence (no smoothing)"
        ax.plot(x, roll, color="black", lw=2, label=label)
    ax.axhline(0, color="black", lw=0.8)
    ax.set_xlabel("sentence (sent_id: 0 = first)")
    integer_ticks(ax.xaxis)
    ax.set_ylabel("compound (-1 negative .. +1 positive)")
    ax.set_ylim(-1.05, 1.05)
    ax.set_title(title or "Sentiment arc")
    ax.legend(loc="lower right", fontsize="small")
    return ax


def extreme_sentences_bar(
    sentences: pd.DataFrame, *, n: int = 5, width: int = 60, ax: Axes | None = None
) -> Axes:
    """The ``n`` most positive and ``n`` most negative sentences as horizontal bars.

    Labels are the sentences' first words (``width`` characters, wrapped) with their
    ``sent_id``; bars are their ``compound``.
    """
    _need(sentences, ("sent_id", "text", "compound"), "extreme_sentences_bar")
    s = sentences.sort_values("compound")
    picked = pd.concat([s.head(n), s.tail(n)]).drop_duplicates("sent_id").sort_values("compound")
    ax = get_ax(ax, (9, 0.45 * max(len(picked), 2) + 1))
    labels = [
        f"[{sid}] " + textwrap.shorten(str(t), width=width, placeholder=" …")
        for sid, t in zip(picked["sent_id"], picked["text"])
    ]
    ax.barh(range(len(picked)), picked["compound"], color=[_colour(v) for v in picked["compound"]])
    ax.set_yticks(range(len(picked)), labels, fontsize="small")
    ax.axvline(0, color="black", lw=0.8)
    ax.set_xlabel("compound (-1 negative .. +1 positive)")
    ax.set_title(f"Most negative and most positive sentences (up to {n} each)")
    return ax


def speaker_sentiment_bar(speakers: pd.DataFrame, *, top: int | None = 30, ax: Axes | None = None) -> Axes:
    """Mean ``compound`` of each speaker's attributed statements (direct quotes and reported
    speech), with the min-max range and the number of statements.

    Args:
        speakers: :func:`analysis.sentiment.speaker_sentiment` output (speakers with the most
            statements first).
        top: plot the first ``top`` speakers only (``None``: all of them), so that a long
            text with thousands of speakers still gives a readable figure; the title then
            says how many of how many are shown.

    Raises:
        ValueError: ``top`` is not a positive integer or None (an
            ``analysis.errors.ParameterError``).
    """
    _need(speakers, ("speaker", "n_quotes", "mean", "min", "max"), "speaker_sentiment_bar")
    if top is not None and (not isinstance(top, int) or isinstance(top, bool) or top < 1):
        raise ParameterError(f"top={top!r}: give a positive number of speakers to plot, or None for all")
    shown = speakers if top is None or len(speakers) <= top else speakers.head(top)
    df = shown.iloc[::-1]
    ax = get_ax(ax, (8, 0.5 * max(len(df), 2) + 1))
    y = range(len(df))
    ax.barh(y, df["mean"], color=[_colour(v) for v in df["mean"]], alpha=0.8)
    ax.hlines(list(y), df["min"], df["max"], color="black", lw=1)
    ax.set_yticks(list(y), [f"{s} (n={n})" for s, n in zip(df["speaker"], df["n_quotes"])])
    ax.axvline(0, color="black", lw=0.8)
    ax.set_xlim(-1.05, 1.05)
    ax.set_xlabel("mean compound of the speaker's statements (n = statements; line: min to max)")
    title = "What each speaker's words sound like"
    if len(shown) < len(speakers):
        title += f"\n(the {len(shown)} with the most statements, of {len(speakers)} speakers)"
    ax.set_title(title)
    return ax


def target_sentiment_bar(targets: pd.DataFrame, *, ax: Axes | None = None) -> Axes:
    """Sentiment toward each target: mean score bar, labelled with its number of mentions.

    Args:
        targets: :func:`analysis.sentiment.target_sentiment` output.
    """
    _need(targets, ("target", "n_mentions", "score"), "target_sentiment_bar")
    df = targets.iloc[::-1]
    ax = get_ax(ax, (8, 0.5 * max(len(df), 2) + 1))
    scores = df["score"].fillna(0.0)
    ax.barh(range(len(df)), scores, color=[_colour(v) for v in scores])
    ax.set_yticks(range(len(df)),
                  [f"{t} ({plural(int(n), 'mention')})" for t, n in zip(df["target"], df["n_mentions"])])
    ax.axvline(0, color="black", lw=0.8)
    ax.set_xlim(-1.05, 1.05)
    ax.set_xlabel("mean sentiment toward the target (-1 .. +1)")
    ax.set_title("How the article treats each actor")
    return ax
