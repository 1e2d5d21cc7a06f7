"""Figures for quotes and speakers: share of voice, cue verbs by category."""

from __future__ import annotations

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.patches import Patch

from ..errors import ParameterError, check_choice
from ._common import fmt_percent, get_ax, integer_ticks, plural

__all__ = ["share_of_voice_bar", "cue_verbs_bar"]

_CATEGORY_COLOURS = {"neutral": "#4c78a8", "loaded": "#e45756", "": "#bab0ac"}


def share_of_voice_bar(
    speakers: pd.DataFrame, *, by: str = "n_words", top: int = 10, ax: Axes | None = None
) -> Axes:
    """Horizontal bars: each speaker's share of the attributed statements, in percent.

    Args:
        speakers: the result of :func:`analysis.quotes.speakers` (``speaker`` and ``by``).
        by: ``"n_words"`` (share of attributed words: the words of the statements attributed
            to the speaker, direct quotes and reported speech alike) or ``"n_quotes"`` (share
            of attributed statements).
        top: how many speakers to show, largest first; the rest are summed as "others".
        ax: axes to draw on (a new figure when None).

    Returns:
        The axes. Bar length = percent of all attributed words (or statements) in the frame
        (statements without a named speaker are not in a speakers table); longer = more voice.
        Each bar is labelled with its percent, never rounded down to "0%".

    Examples:
        >>> import matplotlib.pyplot as plt
        >>> import pandas as pd
        >>> spk = pd.DataFrame({"speaker": ["Ann Lee", "Bo Chan"], "n_quotes": [3, 1], "n_words": [30, 10]})
        >>> ax = share_of_voice_bar(spk)
        >>> ax.get_xlabel()
        'share of attributed words (%)'
        >>> plt.close(ax.figure)
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
        shown = pd.concat([shown, pd.Series({plural(len(df) - top, "other"): df.iloc[top:].sum()})])
    pct = shown / total * 100
    ax.barh(range(len(pct)), pct.values, color="#4c78a8")
    ax.set_yticks(range(len(pct)), [str(s) for s in pct.index])
    ax.invert_yaxis()
    for i, v in enumerate(pct.values):
        ax.text(v, i, f" {fmt_percent(v)}", va="center", fontsize=9)
    what = "attributed words" if by == "n_words" else "attributed statements"
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
        The axes; bar length = number of statements introduced by the verb (any tense), on
        whole-number ticks. When only the ``top`` of more verbs are drawn the title says so
        ("top 10 of 13 cue verbs"). The legend lists the categories drawn.

    Examples:
        >>> import matplotlib.pyplot as plt
        >>> import pandas as pd
        >>> q = pd.DataFrame({"cue_lemma": ["say", "say", "claim", "add"],
        ...                   "cue_category": ["neutral", "neutral", "loaded", "neutral"]})
        >>> ax = cue_verbs_bar(q, top=2)
        >>> ax.get_title()
        'Top 2 of 3 cue verbs: neutral (blue) vs loaded (red)'
        >>> plt.close(ax.figure)
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
    categories = df["cue_category"].fillna("").astype(str)
    every = (
        df.assign(cue_category=categories).groupby(["cue_lemma", "cue_category"]).size()
        .reset_index(name="n").sort_values("n", ascending=False, kind="stable")
    )
    counts = every.head(max(int(top), 1))
    colours = [_CATEGORY_COLOURS.get(c, _CATEGORY_COLOURS[""]) for c in counts["cue_category"]]
    ax.barh(range(len(counts)), counts["n"].values, color=colours)
    ax.set_yticks(range(len(counts)), counts["cue_lemma"].tolist())
    ax.invert_yaxis()
    integer_ticks(ax.xaxis)
    ax.set_xlabel("statements introduced")
    n_verbs = every["cue_lemma"].nunique()
    shown = counts["cue_lemma"].nunique()
    if shown < n_verbs:
        scope = f"Top {shown} of {n_verbs} cue verbs"
    else:
        scope = f"All {n_verbs} cue verbs" if n_verbs > 1 else "1 cue verb"
    ax.set_title(f"{scope}: neutral (blue) vs loaded (red)")
    drawn = set(counts["cue_category"])
    handles = [Patch(color=_CATEGORY_COLOURS[k], label=k) for k in ("neutral", "loaded")]
    if drawn - {"neutral", "loaded"}:
        handles.append(Patch(color=_CATEGORY_COLOURS[""], label="other"))
    ax.legend(handles=handles, loc="lower right")
    return ax
