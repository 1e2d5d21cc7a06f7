"""Figures for quotes and speakers: share of voice, cue verbs by category."""

from __future__ import annotations

import pandas as pd
from matplotlib.axes import Axes

from ..errors import ParameterError, check_choice
from ._common import get_ax

__all__ = ["share_of_voice_bar", "cue_verbs_bar"]

_CATEGORY_COLOURS = {"neutral": "#4c78a8", "loaded": "#e45756", "": "#bab0ac"}


def share_of_voice_bar(
    speakers: pd.DataFrame, *, by: str = "n_words", top: int = 10, ax: Axes | None = None
) -> Axes:
    """Horizontal bars: each speaker's share of the attributed statements, in percent.

    Args:
        speakers: the result of :func:`analysis.quotes.speakers` (``speaker`` and ``by``).
        by: ``"n_words"`` (share of quoted words) or ``"n_quotes"`` (share of statements).
        top: how many speakers to show, largest first; the rest are summed as "others".
        ax: axes to draw on (a new figure when None).

    Returns:
        The axes. Bar length = percent of all attributed words (or statements) in the frame;
        longer = more voice.
    """
    check_choice("by", by, ("n_words", "n_quotes"))
    if "speaker" not in speakers.columns or by not in speakers.columns:
        raise ParameterError(f"share_of_voice_bar needs a speakers() table with 'speaker' and '{by}'")
    ax = get_ax(ax)
    df = speakers.groupby("speaker", sort=False)[by].sum().sort_values(ascending=False)
    total = df.sum()
    if total == 0 or df.empty:
        ax.text(0.5, 0.5, "no attributed statements", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return ax
    shown = df.head(top)
    if len(df) > top:
        shown = pd.concat([shown, pd.Series({f"{len(df) - top} others": df.iloc[top:].sum()})])
    pct = shown / total * 100
    ax.barh(range(len(pct)), pct.values, color="#4c78a8")
    ax.set_yticks(range(len(pct)), [str(s) for s in pct.index])
    ax.invert_yaxis()
    for i, v in enumerate(pct.values):
        ax.text(v, i, f" {v:.0f}%", va="center", fontsize=9)
    what = "quoted words" if by == "n_words" else "attributed statements"
    ax.set_xlabel(f"share of {what} (%)")
    ax.set_title(f"Share of voice: who gets the {what}")
    ax.set_xlim(0, max(pct.max() * 1.15, 1))
    return ax


def cue_verbs_bar(quotes: pd.DataFrame, *, top: int = 15, ax: Axes | None = None) -> Axes:
    """Horizontal bars: how often each cue verb (lemma) introduces a statement, coloured by
    category (blue = neutral, red = loaded).

    Args:
        quotes: the result of :func:`analysis.quotes.extract_quotes` or ``quotes_frame``
            (``cue_lemma`` and ``cue_category``).
        top: how many cue verbs to show, most frequent first.
        ax: axes to draw on.

    Returns:
        The axes; bar length = number of statements introduced by the verb (any tense).
    """
    for col in ("cue_lemma", "cue_category"):
        if col not in quotes.columns:
            raise ParameterError(f"cue_verbs_bar needs the '{col}' column of extract_quotes()")
    ax = get_ax(ax)
    df = quotes[quotes["cue_lemma"].fillna("").astype(str) != ""]
    if df.empty:
        ax.text(0.5, 0.5, "no cue verbs", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return ax
    counts = (
        df.groupby(["cue_lemma", "cue_category"]).size().reset_index(name="n").sort_values("n", ascending=False).head(top)
    )
    colours = [_CATEGORY_COLOURS.get(c, "#bab0ac") for c in counts["cue_category"]]
    ax.barh(range(len(counts)), counts["n"].values, color=colours)
    ax.set_yticks(range(len(counts)), counts["cue_lemma"].tolist())
    ax.invert_yaxis()
    ax.set_xlabel("statements introduced")
    ax.set_title("Cue verbs: neutral (blue) vs loaded (red)")
    from matplotlib.patches import Patch

    ax.legend(handles=[Patch(color=_CATEGORY_COLOURS[k], label=k) for k in ("neutral", "loaded")], loc="lower right")
    return ax
