"""How a text leans: sentiment of sentences, paragraphs, articles, quotes, speakers and targets.

Two scoring methods, chosen with ``method=`` (:data:`METHODS`):

- ``"vader"``: VADER (Hutto & Gilbert 2014, ICWSM-14), a lexicon of ~7,500 words rated by
  people from -4 to +4 plus rules for negation, boosters, capitals, "but" and "!", exactly as
  NLTK's ``SentimentIntensityAnalyzer`` computes it (:mod:`analysis.vader`, faster, same
  numbers). Built and validated on social media; on human-rated New York Times sentences it
  correlates with people's ratings at about r = 0.50.
- ``"news"`` (the default): a scorer calibrated on those human ratings
  (:mod:`analysis.news_sentiment`): VADER's features plus two more lexicons, weighed by a
  small linear model. Cross-validated, it correlates better with people than VADER does (the
  figures are in ``analysis/data/sentiment_results.json``). Its scores are on the scale of
  the human ratings (most news sentences between -0.5 and 0.5), not VADER's.

Both give a ``compound`` score in -1..1 (< 0 negative, > 0 positive; |score| < 0.05 is
usually read as neutral). ``neg``, ``neu`` and ``pos`` are always VADER's shares of negative,
neutral and positive word weight (0..1, summing to about 1), whatever the method: they
describe the words, and only ``compound`` changes with the method.

Levels: :func:`sentence_sentiment` (the base table), :func:`paragraph_sentiment`,
:func:`article_sentiment` and :func:`polarity` (the mean of sentence scores: VADER's authors
advise scoring sentences and averaging rather than scoring a long text at once),
:func:`quote_sentiment` and :func:`speaker_sentiment` (from a quotes table),
:func:`toward` and :func:`target_sentiment` (toward a person, organisation or place; see
:mod:`analysis.targets`). Frame builders: :func:`sentiment_frame`,
:func:`article_sentiment_frame`, :func:`target_frame`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import news_sentiment as ns
from . import vader
from .errors import ParameterError, check_choice
from .frames import ArticlesLike, OnError, build_frame
from .news_sentiment import DEFAULT_METHOD, METHODS, Method
from .targets import (
    MENTION_COLUMNS,
    TARGET_COLUMNS,
    main_actors,
    target_mentions,
    target_sentiment,
    toward,
)
from .text import segment

__all__ = [
    "ARTICLE_SENTIMENT_FIELDS",
    "DEFAULT_METHOD",
    "MENTION_COLUMNS",
    "METHODS",
    "Method",
    "PARAGRAPH_SENTIMENT_COLUMNS",
    "SENTENCE_SENTIMENT_COLUMNS",
    "SPEAKER_SENTIMENT_COLUMNS",
    "TARGET_COLUMNS",
    "article_sentiment",
    "article_sentiment_frame",
    "main_actors",
    "paragraph_sentiment",
    "polarity",
    "quote_sentiment",
    "score_text",
    "sentence_sentiment",
    "sentence_sentiment_rows",
    "sentiment_frame",
    "speaker_sentiment",
    "target_frame",
    "target_mentions",
    "target_sentiment",
    "toward",
]

SENTENCE_SENTIMENT_COLUMNS = (
    "sent_id",
    "start",
    "end",
    "text",
    "neg",
    "neu",
    "pos",
    "compound",
    "paragraph",
)
PARAGRAPH_SENTIMENT_COLUMNS = (
    "paragraph",
    "start",
    "end",
    "text",
    "n_sentences",
    "compound",
    "min",
    "max",
)
ARTICLE_SENTIMENT_FIELDS = (
    "n_sentences",
    "polarity",
    "mean",
    "std",
    "min",
    "max",
    "share_positive",
    "share_neutral",
    "share_negative",
)
SPEAKER_SENTIMENT_COLUMNS = ("speaker", "n_quotes", "mean", "min", "max")

#: |compound| below this is read as neutral (VADER's authors' convention, also score.py's).
NEUTRAL_BAND = 0.05


def score_text(text: str, *, method: Method = DEFAULT_METHOD) -> dict[str, float]:
    """Scores of one piece of text read as one sentence.

    Returns:
        ``{"neg", "neu", "pos", "compound"}``: VADER's word shares (0..1) and the method's
        compound (-1..1). An empty or blank text gives 0.0 everywhere.

    Examples:
        >>> score_text("The plan was a disaster.", method="vader")
        {'neg': 0.577, 'neu': 0.423, 'pos': 0.0, 'compound': -0.6249}
    """
    check_choice("method", method, METHODS)
    scores = vader.polarity_scores(text)
    if method == "news" and text.strip():
        scores["compound"] = ns.news_score(text)
    return scores


def sentence_sentiment(text: str, *, method: Method = DEFAULT_METHOD) -> pd.DataFrame:
    """One row per sentence with its sentiment.

    Args:
        text: the article body (or any text).
        method: ``"news"`` (default) or ``"vader"``.

    Returns:
        DataFrame with columns :data:`SENTENCE_SENTIMENT_COLUMNS`: ``sent_id``, ``start``,
        ``end`` (``text[start:end]`` is the sentence), ``text``, ``neg``/``neu``/``pos``
        (VADER's word shares, 0..1), ``compound`` (-1..1, the method's score; > 0 positive)
        and ``paragraph`` (0-based). Empty text gives an empty frame with these columns.

    Examples:
        >>> df = sentence_sentiment("What a wonderful day. The plan failed.", method="vader")
        >>> df[["sent_id", "compound"]].values.tolist()
        [[0.0, 0.5719], [1.0, -0.5106]]
    """
    rows = sentence_sentiment_rows(text, method=method)
    df = pd.DataFrame(rows, columns=list(SENTENCE_SENTIMENT_COLUMNS))
    return df.astype(
        {"sent_id": "int64", "start": "int64", "end": "int64", "neg": "float64",
         "neu": "float64", "pos": "float64", "compound": "float64", "paragraph": "int64"}
    )


def sentence_sentiment_rows(
    text: str, *, method: Method = DEFAULT_METHOD
) -> list[tuple[int, int, int, str, float, float, float, float, int]]:
    """:func:`sentence_sentiment` as plain tuples, one per sentence, in its column order.

    The rows :func:`sentence_sentiment` turns into a DataFrame (``sent_id``, ``start``,
    ``end``, ``text``, ``neg``, ``neu``, ``pos``, ``compound``, ``paragraph``), for callers that
    build one table for many articles (:mod:`analysis.pipeline`). Each sentence is scored as
    :func:`score_text` scores it; with ``method="news"`` VADER runs once per sentence and the
    model once per text (:func:`analysis.news_sentiment.sentences_scores`).

    Examples:
        >>> [r[:3] + r[7:] for r in sentence_sentiment_rows("Good. Bad.", method="vader")]
        [(0, 0, 5, 0.4404, 0), (1, 6, 10, -0.5423, 0)]
    """
    check_choice("method", method, METHODS)
    seg = segment(text)
    rows = []
    if method == "news":
        sentences = [text[s:e] for s, e in seg.sentences]
        for i, ((s, e), p, sentence, (neg, neu, pos, _, compound)) in enumerate(
            zip(seg.sentences, seg.sentence_paragraph, sentences, ns.sentences_scores(sentences))
        ):
            rows.append((i, s, e, sentence, neg, neu, pos, compound, p))
        return rows
    for i, ((s, e), p) in enumerate(zip(seg.sentences, seg.sentence_paragraph)):
        sentence = text[s:e]
        sc = vader.polarity_scores(sentence)
        rows.append((i, s, e, sentence, sc["neg"], sc["neu"], sc["pos"], sc["compound"], p))
    return rows


def polarity(text: str, *, method: Method = DEFAULT_METHOD) -> float:
    """Overall lean of a text: the mean sentence ``compound``, in -1..1 (0.0 for empty text).

    Examples:
        >>> polarity("What a wonderful day. The plan failed.", method="vader")
        0.03065
    """
    df = sentence_sentiment(text, method=method)
    return float(df["compound"].mean()) if len(df) else 0.0


def paragraph_sentiment(text: str, *, method: Method = DEFAULT_METHOD) -> pd.DataFrame:
    """One row per paragraph: the mean, min and max of its sentence scores.

    Returns:
        DataFrame with columns :data:`PARAGRAPH_SENTIMENT_COLUMNS`: ``paragraph`` (0-based),
        ``start``, ``end``, ``text``, ``n_sentences``, ``compound`` (mean sentence score,
        -1..1), ``min``, ``max``.
    """
    sents = sentence_sentiment(text, method=method)
    seg = segment(text)
    rows = []
    for p, (s, e) in enumerate(seg.paragraphs):
        c = sents.loc[sents["paragraph"] == p, "compound"]
        rows.append((p, s, e, text[s:e], len(c), float(c.mean()) if len(c) else 0.0,
                     float(c.min()) if len(c) else 0.0, float(c.max()) if len(c) else 0.0))
    df = pd.DataFrame(rows, columns=list(PARAGRAPH_SENTIMENT_COLUMNS))
    return df.astype({"paragraph": "int64", "start": "int64", "end": "int64",
                      "n_sentences": "int64", "compound": "float64", "min": "float64",
                      "max": "float64"})


def article_sentiment(text: str, *, method: Method = DEFAULT_METHOD) -> pd.Series:
    """Summary of the sentence scores of one article.

    Returns:
        Series indexed by :data:`ARTICLE_SENTIMENT_FIELDS`: ``n_sentences``; ``polarity`` and
        ``mean`` (the same number: mean sentence compound, -1..1); ``std`` (spread: 0 when all
        sentences agree; population standard deviation); ``min`` and ``max``;
        ``share_positive``, ``share_neutral``, ``share_negative`` (fractions of sentences with
        compound >= 0.05, in between, <= -0.05; they add up to 1). An empty text gives 0
        sentences and zeros.

    Examples:
        >>> a = article_sentiment("What a wonderful day. The plan failed.", method="vader")
        >>> float(a["share_positive"]), float(a["share_negative"])
        (0.5, 0.5)
    """
    c = sentence_sentiment(text, method=method)["compound"].to_numpy()
    if not len(c):
        values = [0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]
    else:
        mean = float(c.mean())
        values = [len(c), mean, mean, float(c.std()), float(c.min()), float(c.max()),
                  float((c >= NEUTRAL_BAND).mean()),
                  float((np.abs(c) < NEUTRAL_BAND).mean()),
                  float((c <= -NEUTRAL_BAND).mean())]
    return pd.Series(values, index=list(ARTICLE_SENTIMENT_FIELDS), dtype="float64",
                     name="sentiment")


def quote_sentiment(quotes: pd.DataFrame, *, method: Method = DEFAULT_METHOD) -> pd.DataFrame:
    """The quotes table with the sentiment of each quote's content added.

    Args:
        quotes: a table with a ``content`` column, such as
            ``analysis.quotes.extract_quotes(text)`` returns. Not modified.
        method: ``"news"`` (default) or ``"vader"``.

    Returns:
        A copy with ``neg``, ``neu``, ``pos`` (VADER's word shares of the content) and
        ``compound`` (the mean sentence score of the content, -1..1) appended. This is the
        tone of *what was said*, not of how the article treats the speaker.

    Raises:
        ParameterError: ``quotes`` has no ``content`` column.
    """
    check_choice("method", method, METHODS)
    if "content" not in quotes.columns:
        raise ParameterError(
            "quote_sentiment needs a quotes table with a 'content' column "
            "(from analysis.quotes.extract_quotes)"
        )
    out = quotes.copy()
    shares = [vader.polarity_scores(c if isinstance(c, str) else "") for c in out["content"]]
    for key in ("neg", "neu", "pos"):
        out[key] = [s[key] for s in shares]
    out["compound"] = [
        polarity(c, method=method) if isinstance(c, str) else 0.0 for c in out["content"]
    ]
    return out


def speaker_sentiment(quotes: pd.DataFrame) -> pd.DataFrame:
    """Per speaker: how many quotes, and the mean, min and max of their ``compound``.

    Args:
        quotes: the output of :func:`quote_sentiment` (needs ``speaker`` and ``compound``).
            Quotes whose speaker is unknown (``None``) are left out.

    Returns:
        DataFrame with columns :data:`SPEAKER_SENTIMENT_COLUMNS`, most-quoted first (ties by
        name).

    Examples:
        >>> q = pd.DataFrame({"speaker": ["Ana", "Ana", None], "compound": [0.5, -0.1, 0.9]})
        >>> speaker_sentiment(q).values.tolist()
        [['Ana', 2, 0.2, -0.1, 0.5]]
    """
    missing = {"speaker", "compound"} - set(quotes.columns)
    if missing:
        raise ParameterError(
            f"speaker_sentiment needs the columns speaker and compound (missing: "
            f"{', '.join(sorted(missing))}); pass the output of quote_sentiment(...)"
        )
    known = quotes[quotes["speaker"].notna()]
    if not len(known):
        return pd.DataFrame({c: pd.Series(dtype="float64" if c not in ("speaker", "n_quotes")
                                          else ("int64" if c == "n_quotes" else "object"))
                             for c in SPEAKER_SENTIMENT_COLUMNS})
    g = known.groupby("speaker")["compound"]
    out = pd.DataFrame({"n_quotes": g.size(), "mean": g.mean(), "min": g.min(), "max": g.max()})
    out = out.reset_index().sort_values(["n_quotes", "speaker"], ascending=[False, True])
    return out[list(SPEAKER_SENTIMENT_COLUMNS)].reset_index(drop=True)


def sentiment_frame(
    articles: ArticlesLike, *, method: Method = DEFAULT_METHOD, on_error: OnError = "raise"
) -> pd.DataFrame:
    """:func:`sentence_sentiment` of many articles: ``article_id`` first, then its columns."""
    check_choice("method", method, METHODS)
    return build_frame(articles, sentence_sentiment, SENTENCE_SENTIMENT_COLUMNS,
                       on_error=on_error, method=method)


def _article_row(text: str, *, method: Method) -> pd.DataFrame:
    return article_sentiment(text, method=method).to_frame().T.reset_index(drop=True)


def article_sentiment_frame(
    articles: ArticlesLike, *, method: Method = DEFAULT_METHOD, on_error: OnError = "raise"
) -> pd.DataFrame:
    """:func:`article_sentiment` of many articles: one row each, ``article_id`` first."""
    check_choice("method", method, METHODS)
    out = build_frame(articles, _article_row, ARTICLE_SENTIMENT_FIELDS, on_error=on_error,
                      method=method)
    return out.astype({c: "float64" for c in ARTICLE_SENTIMENT_FIELDS})


def target_frame(
    articles: ArticlesLike,
    targets: list[str] | tuple[str, ...] | str,
    *,
    method: Method = DEFAULT_METHOD,
    on_error: OnError = "raise",
) -> pd.DataFrame:
    """:func:`target_sentiment` of the same targets in many articles, ``article_id`` first."""
    check_choice("method", method, METHODS)
    return build_frame(articles, target_sentiment, TARGET_COLUMNS, on_error=on_error,
                       targets=targets, method=method)
