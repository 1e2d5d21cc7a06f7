"""Plots: what the returned Axes show: tick values, labels, limits, legend text, artists.

Each test builds a small frame whose right answer is known (a median of 7.5, an occurrence at
word 0, 13 cue verbs counted once or twice) and checks the figure against it: no image
comparison, no timing.
"""

from __future__ import annotations

import matplotlib
import numpy as np
import pandas as pd
import pytest

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402

from analysis import plots, stats, terms  # noqa: E402
from analysis.errors import ParameterError  # noqa: E402
from analysis.plots import _common  # noqa: E402

approx = pytest.approx


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _visible(ticks: np.ndarray, lim: tuple[float, float]) -> list[float]:
    """The ticks the reader sees: the locator's values inside the view."""
    lo, hi = sorted(lim)
    return [float(t) for t in ticks if lo - 1e-9 <= t <= hi + 1e-9]


def _x_ticks(ax: Axes) -> list[float]:
    return _visible(ax.get_xticks(), ax.get_xlim())


def _y_ticks(ax: Axes) -> list[float]:
    return _visible(ax.get_yticks(), ax.get_ylim())


def _all_whole(values: list[float]) -> bool:
    return bool(values) and all(float(v).is_integer() for v in values)


def _legend(ax: Axes) -> list[str]:
    legend = ax.get_legend()
    return [t.get_text() for t in legend.get_texts()] if legend else []


def _texts(ax: Axes) -> str:
    """Every piece of text on the axes, for checking what a figure says."""
    parts = [ax.get_title(), ax.get_xlabel(), ax.get_ylabel(), *_legend(ax)]
    parts += [t.get_text() for t in ax.texts]
    parts += [t.get_text() for t in ax.get_xticklabels() + ax.get_yticklabels()]
    return "\n".join(parts)


# --------------------------------------------------------------------------- label helpers


def test_fmt_value_keeps_the_decimal_it_draws():
    assert _common.fmt_value(7.5) == "7.5"
    assert _common.fmt_value(8.0) == "8"
    assert _common.fmt_value(25.06) == "25.1"


def test_fmt_percent_never_shows_a_drawn_bar_as_zero():
    assert _common.fmt_percent(0.4) == "0.4%"
    assert _common.fmt_percent(0.001) == "<0.1%"
    assert _common.fmt_percent(0.0) == "0%"
    assert _common.fmt_percent(99.6) == "100%"


# --------------------------------------------------------------------------- sentence length


THREE = "The cat sat on the mat. It was happy. Then it slept all afternoon long."


def test_sentence_length_arc_x_is_sent_id_from_zero():
    df = stats.sentence_stats(THREE)
    assert df["sent_id"].tolist() == [0, 1, 2]
    ax = plots.sentence_length_arc(df)
    line = ax.lines[0]
    assert list(line.get_xdata()) == [0, 1, 2]
    assert list(line.get_ydata()) == df["n_words"].tolist()
    assert "sent_id" in ax.get_xlabel() and "0 = first" in ax.get_xlabel()
    lo, hi = ax.get_xlim()
    assert lo < 0 < 2 < hi  # the first and the last point are inside the axes


def test_sentence_length_arc_integer_ticks_with_few_sentences():
    ax = plots.sentence_length_arc(stats.sentence_stats(THREE))
    xt, yt = _x_ticks(ax), _y_ticks(ax)
    assert _all_whole(xt) and 0 in xt and 2 in xt
    assert _all_whole(yt)


def test_sentence_length_arc_follows_sent_id_of_a_selection():
    df = stats.sentence_stats(THREE).iloc[1:]  # a filtered frame keeps its own numbers
    ax = plots.sentence_length_arc(df)
    assert list(ax.lines[0].get_xdata()) == [1, 2]


def test_sentence_length_arc_mentions_bands_only_when_it_draws_them():
    one_paragraph = stats.sentence_stats(THREE)
    assert one_paragraph["paragraph"].nunique() == 1
    ax = plots.sentence_length_arc(one_paragraph)
    assert "grey bands" not in ax.get_title() and len(ax.patches) == 0
    two = stats.sentence_stats("One two three. Four five.\n\nSix seven eight nine. Ten.")
    assert two["paragraph"].nunique() == 2
    ax = plots.sentence_length_arc(two)
    assert "grey bands" in ax.get_title() and len(ax.patches) == 1
    band = ax.patches[0]
    second = two.loc[two["paragraph"] == two["paragraph"].iloc[-1], "sent_id"]
    assert band.get_x() == approx(second.min() - 0.5)
    assert band.get_x() + band.get_width() == approx(second.max() + 0.5)


def test_sentence_length_arc_many_articles_each_from_zero():
    frame = pd.concat(
        [stats.sentence_stats(THREE).assign(article_id="a"),
         stats.sentence_stats("Short one. Another short one.").assign(article_id="b")],
        ignore_index=True,
    )
    ax = plots.sentence_length_arc(frame)
    assert [list(ln.get_xdata()) for ln in ax.lines] == [[0, 1, 2], [0, 1]]
    assert _legend(ax) == ["a", "b"]
    assert _all_whole(_x_ticks(ax))


def test_sentence_length_hist_median_label_shows_the_value_drawn():
    ax = plots.sentence_length_hist(pd.DataFrame({"n_words": [5, 7, 8, 10]}))
    mean_line, median_line = ax.lines
    assert median_line.get_xdata()[0] == approx(7.5)
    assert _legend(ax) == ["mean 7.5", "median 7.5"]
    ax = plots.sentence_length_hist(pd.DataFrame({"n_words": [5, 8, 9]}))
    assert _legend(ax) == ["mean 7.3", "median 8"]


def test_sentence_length_hist_whole_ticks_on_both_axes():
    ax = plots.sentence_length_hist(pd.DataFrame({"n_words": [3, 3, 4]}), bins="auto")
    assert _all_whole(_x_ticks(ax)) and _all_whole(_y_ticks(ax))
    assert sum(p.get_height() for p in ax.patches) == 3


# --------------------------------------------------------------------------- readability


def test_readability_bars_show_a_negative_grade():
    s = stats.text_stats("Go. Run. Stop now. I am. We go.")
    grades = [float(s[f]) for f in stats.GRADE_FIELDS]
    assert min(grades) < 0  # the formulas go below zero on very plain texts
    ax = plots.readability_bars(s)
    assert [p.get_height() for p in ax.patches] == approx(grades)
    bottom, top = ax.get_ylim()
    assert bottom < min(grades) and top > max(grades)
    assert any(list(ln.get_ydata()) == [0, 0] for ln in ax.lines)  # 0 is marked


def test_readability_bars_start_at_zero_otherwise(seed_body):
    ax = plots.readability_bars(stats.text_stats(seed_body))
    assert ax.get_ylim()[0] == 0


def test_reading_ease_bar_does_not_clip_a_score_above_100():
    s = stats.text_stats("Go. Run. Stop now. I am. We go.")
    assert s.flesch_reading_ease > 100
    ax = plots.reading_ease_bar(s)
    (bar,) = [p for p in ax.patches if p.get_height() == approx(0.6)]
    assert bar.get_width() == approx(s.flesch_reading_ease)
    assert ax.get_xlim()[1] > s.flesch_reading_ease
    assert f"{s.flesch_reading_ease:.0f}" in [t.get_text() for t in ax.texts]


def test_reading_ease_bar_keeps_0_to_105_for_usual_scores(seed_body):
    ax = plots.reading_ease_bar(stats.text_stats(seed_body))
    assert ax.get_xlim() == approx((0, 105))


# --------------------------------------------------------------------------- terms


def test_dispersion_plot_shows_an_occurrence_at_word_zero():
    text = "Iran said Iran would talk. Later Iran and others met about Iran"
    pos = terms.term_positions(text, ["iran"])
    assert pos["word_index"].min() == 0
    assert pos["word_index"].max() == pos.attrs["n_words"] - 1  # and one at the last word
    ax = plots.dispersion_plot(pos)
    lo, hi = ax.get_xlim()
    assert lo < 0 and hi > pos.attrs["n_words"]
    x = ax.lines[0].get_xdata()
    assert len(x) == len(pos) == 4  # one tick per occurrence, every one inside the view
    assert all(lo < v < hi for v in x)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["iran (4)"]
    assert _all_whole(_x_ticks(ax)) and 0 in _x_ticks(ax)


def test_dispersion_plot_margin_is_small_and_symmetric(seed_body):
    pos = terms.term_positions(seed_body, ["iran", "trump"])
    n = pos.attrs["n_words"]
    ax = plots.dispersion_plot(pos)
    lo, hi = ax.get_xlim()
    assert -lo == approx(0.01 * n) and hi - n == approx(0.01 * n)
    assert [len(ln.get_xdata()) for ln in ax.lines] == pos.groupby("term", sort=False).size().tolist()
    ax = plots.dispersion_plot(pos, by="start")
    lo, hi = ax.get_xlim()
    assert lo < 0 < pos.attrs["n_chars"] < hi


def test_top_terms_bar_title_says_how_many_of_how_many():
    tf = terms.term_frequencies("apple apple pear plum plum plum fig kiwi")
    ax = plots.top_terms_bar(tf, n=3)
    assert ax.get_title() == f"Top 3 of {len(tf)} terms by count"
    assert len(ax.patches) == 3
    assert _all_whole(_x_ticks(ax))
    assert plots.top_terms_bar(tf, n=50).get_title() == f"All {len(tf)} terms by count"


# --------------------------------------------------------------------------- quotes


def _cue_quotes() -> pd.DataFrame:
    """13 cue verbs: 'say' three times, 'claim' twice, the rest once each."""
    lemmas = ["say"] * 3 + ["claim"] * 2 + ["add", "tell", "note", "warn", "insist", "admit",
                                           "deny", "argue", "state", "explain", "reply"]
    loaded = {"claim", "warn", "insist", "admit", "deny", "argue", "note"}
    return pd.DataFrame({"cue_lemma": lemmas,
                         "cue_category": ["loaded" if v in loaded else "neutral" for v in lemmas]})


def test_cue_verbs_bar_says_top_n_of_m():
    q = _cue_quotes()
    ax = plots.cue_verbs_bar(q, top=10)
    assert ax.get_title().startswith("Top 10 of 13 cue verbs")
    assert len(ax.patches) == 10
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[:2] == ["say", "claim"]
    assert [p.get_width() for p in ax.patches][:2] == [3, 2]
    assert plots.cue_verbs_bar(q, top=15).get_title().startswith("All 13 cue verbs")


def test_cue_verbs_bar_ticks_are_whole_statements():
    ax = plots.cue_verbs_bar(pd.DataFrame({"cue_lemma": ["say", "claim"], "cue_category": ["neutral", "loaded"]}))
    ticks = _x_ticks(ax)
    assert _all_whole(ticks) and 1 in ticks and 0.25 not in ticks
    ax = plots.cue_verbs_bar(_cue_quotes())
    assert _all_whole(_x_ticks(ax))


def test_cue_verbs_bar_legend_names_the_colours_drawn():
    q = _cue_quotes()
    assert _legend(plots.cue_verbs_bar(q)) == ["neutral", "loaded"]
    odd = pd.concat([q, pd.DataFrame({"cue_lemma": ["mutter"], "cue_category": [""]})], ignore_index=True)
    assert _legend(plots.cue_verbs_bar(odd, top=20)) == ["neutral", "loaded", "other"]


def _speakers() -> pd.DataFrame:
    return pd.DataFrame({
        "speaker": ["Ann Lee", "Bo Chan", "Cy Diaz", "Di Eke"],
        "n_quotes": [5, 3, 1, 1],
        "n_words": [600, 300, 97, 3],
    })


def test_share_of_voice_bar_says_attributed_words_not_quoted():
    ax = plots.share_of_voice_bar(_speakers(), by="n_words")
    assert ax.get_xlabel() == "share of attributed words (%)"
    assert "attributed words" in ax.get_title()
    assert "quoted" not in _texts(ax)
    ax = plots.share_of_voice_bar(_speakers(), by="n_quotes")
    assert ax.get_xlabel() == "share of attributed statements (%)"


def test_share_of_voice_bar_percent_labels_match_the_bars():
    ax = plots.share_of_voice_bar(_speakers(), by="n_words")
    widths = [p.get_width() for p in ax.patches]
    assert widths == approx([60, 30, 9.7, 0.3])
    assert [t.get_text().strip() for t in ax.texts] == ["60%", "30%", "10%", "0.3%"]
    assert ax.get_xlim()[1] > max(widths)


def test_share_of_voice_bar_sums_the_rest():
    ax = plots.share_of_voice_bar(_speakers(), by="n_quotes", top=3)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Ann Lee", "Bo Chan", "Cy Diaz", "1 other"]
    assert sum(p.get_width() for p in ax.patches) == approx(100)
    ax = plots.share_of_voice_bar(_speakers(), by="n_quotes", top=2)
    assert [t.get_text() for t in ax.get_yticklabels()][-1] == "2 others"


# --------------------------------------------------------------------------- sentiment


def _sentences(n: int) -> pd.DataFrame:
    return pd.DataFrame({"sent_id": range(n), "text": [f"s{i}" for i in range(n)],
                         "compound": np.linspace(-0.5, 0.5, n)})


def test_sentiment_arc_x_is_sent_id_with_whole_ticks():
    ax = plots.sentiment_arc(_sentences(3), window=3)
    assert [p.get_x() + p.get_width() / 2 for p in ax.patches] == approx([0, 1, 2])
    assert "0 = first" in ax.get_xlabel()
    assert _all_whole(_x_ticks(ax))
    assert _legend(ax) == ["rolling mean (3 sentences)", "sentence"]


def test_sentiment_arc_legend_gives_the_window_used():
    assert _legend(plots.sentiment_arc(_sentences(4), window=1))[0] == "each sentence (no smoothing)"
    assert _legend(plots.sentiment_arc(_sentences(4), window=0))[0] == "each sentence (no smoothing)"


def test_speaker_and_target_bars_say_statements_and_mentions():
    spk = pd.DataFrame({"speaker": ["Ann"], "n_quotes": [2], "mean": [0.2], "min": [-0.1], "max": [0.5]})
    ax = plots.speaker_sentiment_bar(spk)
    assert "statements" in ax.get_xlabel() and "quotes" not in ax.get_xlabel()
    tgt = pd.DataFrame({"target": ["Iran", "US"], "n_mentions": [1, 4], "score": [-0.3, 0.1]})
    ax = plots.target_sentiment_bar(tgt)
    assert sorted(t.get_text() for t in ax.get_yticklabels()) == ["Iran (1 mention)", "US (4 mentions)"]



def test_speaker_bar_of_thousands_of_speakers_plots_the_top_ones_and_says_so():
    n = 5000  # a book-length text: one bar each would make a figure hundreds of metres high
    spk = pd.DataFrame({
        "speaker": [f"Speaker {i}" for i in range(n)], "n_quotes": list(range(n, 0, -1)),
        "mean": [0.1] * n, "min": [-0.2] * n, "max": [0.4] * n,
    })
    ax = plots.speaker_sentiment_bar(spk, top=12)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert len(labels) == 12 and labels[-1] == f"Speaker 0 (n={n})"  # the most statements on top
    assert "the 12 with the most statements, of 5000 speakers" in ax.get_title()
    assert ax.figure.get_size_inches()[1] < 10
    plt.close("all")
    every = plots.speaker_sentiment_bar(spk.head(40), top=None)
    assert len(every.get_yticklabels()) == 40 and "of 40" not in every.get_title()
    few = plots.speaker_sentiment_bar(spk.head(3))  # fewer than the default top: all, no note
    assert len(few.get_yticklabels()) == 3 and "\n" not in few.get_title()
    with pytest.raises(ParameterError):
        plots.speaker_sentiment_bar(spk, top=0)


def test_reading_ease_bar_widens_left_for_a_negative_score():
    frame = pd.DataFrame({"article_id": ["hard", "easy"], "flesch_reading_ease": [-12.0, 3.0]})
    ax = plots.reading_ease_bar(frame)
    assert [p.get_width() for p in ax.patches if p.get_height() == approx(0.6)] == [-12.0, 3.0]
    assert ax.get_xlim()[0] < -12.0
    assert plots.reading_ease_bar(frame.iloc[1:]).get_xlim()[0] == 0  # 3 needs no room below 0
