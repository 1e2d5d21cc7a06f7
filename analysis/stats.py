"""Text statistics: counts, readability formulas and lexical diversity of a news text.

Entry points:

- :func:`text_stats` gives one :class:`pandas.Series` per text (fields :data:`STATS_FIELDS`);
- :func:`sentence_stats` gives one row per sentence (for the sentence-length distribution);
- :func:`stats_frame` and :func:`sentence_stats_frame` do the same over many articles.

The formulas live in :mod:`analysis.readability` and :mod:`analysis.diversity` and are
re-exported here; syllables come from :mod:`analysis.syllables`.

**What is a word.** Words are the ``word`` and ``number`` tokens of
:func:`analysis.text.segment`: punctuation is not a word, a hyphenated name ("Takht-Ravanchi")
or a dotted acronym ("U.S.") is one word, and clitics are not separate words ("Iran’s" counts
as one word, "Iran"; "don't" as one word, "do"). Sentences are those of
:func:`analysis.text.segment` (Punkt with news abbreviations), including any sentence without a
word, so ``n_sentences`` always equals ``len(analysis.text.sentences(text))``.

**Numbers** count as words everywhere except lexical diversity, following Flesch (1948), who
counted figures as words and their syllables as read aloud ("2015" is "twenty fifteen",
4 syllables; see :mod:`analysis.syllables`). Their characters are their digits ("3.5%" has 2).
The diversity measures (``n_unique_words``, ``type_token_ratio``, ``mattr``, ``mtld``,
``hdd``) use the words only, case-folded ("The" and "the" are one type), because every
distinct figure would otherwise count as new vocabulary.

**Empty text** (or whitespace only): every count is 0 and every ratio, formula and diversity
measure is NaN; nothing raises.
"""

from __future__ import annotations

import itertools
import math
import operator
from collections.abc import Iterable
from typing import Any

import pandas as pd

from .diversity import hdd, mattr, mtld, type_token_ratio
from .diversity import _check_sample_size, _check_threshold, _check_window, _measures_of_ids
from .diversity import _ids as _diversity_ids
from .frames import ArticlesLike, OnError, build_frame
from .readability import (
    automated_readability_index,
    coleman_liau,
    flesch_band,
    flesch_kincaid_grade,
    flesch_reading_ease,
    gunning_fog,
    smog_index,
)
from .syllables import n_syllables
from .text import segment

__all__ = [
    "STATS_FIELDS",
    "COUNT_FIELDS",
    "GRADE_FIELDS",
    "SENTENCE_STATS_COLUMNS",
    "text_stats",
    "text_stats_values",
    "sentence_stats",
    "stats_frame",
    "sentence_stats_frame",
    "word_measures",
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau",
    "automated_readability_index",
    "flesch_band",
    "type_token_ratio",
    "mattr",
    "mtld",
    "hdd",
    "n_syllables",
]

#: The fields of :func:`text_stats`, in order.
STATS_FIELDS = (
    "n_sentences",
    "n_words",
    "n_numbers",
    "n_unique_words",
    "n_chars",
    "n_syllables",
    "n_long_words",
    "n_polysyllable_words",
    "avg_sentence_length",
    "avg_word_length",
    "avg_syllables_per_word",
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau",
    "automated_readability_index",
    "type_token_ratio",
    "mattr",
    "mtld",
    "hdd",
)
#: The integer counts among :data:`STATS_FIELDS` (the others are floats, NaN when undefined).
COUNT_FIELDS = STATS_FIELDS[:8]
#: The formulas that give a US school grade (higher = harder to read).
GRADE_FIELDS = (
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau",
    "automated_readability_index",
)
#: The columns of :func:`sentence_stats`.
SENTENCE_STATS_COLUMNS = ("sent_id", "start", "end", "n_words", "n_syllables", "n_chars", "paragraph")

LONG_WORD_CHARS = 7  #: a long word has at least this many letters and digits
POLYSYLLABLE = 3  #: a polysyllable ("complex word") has at least this many syllables


def _n_chars(word: str) -> int:
    """Letters and digits in ``word`` (no hyphens, apostrophes, periods, signs)."""
    return len(word) if word.isalnum() else sum(ch.isalnum() for ch in word)


def word_measures(text: str) -> pd.DataFrame:
    """One row per word or number of ``text``, with what the statistics count for it.

    Returns:
        DataFrame with columns ``sent_id``, ``start``, ``end`` (``text[start:end] == word``),
        ``word``, ``kind`` (``word`` or ``number``), ``n_chars`` (letters and digits),
        ``n_syllables``, ``long`` (``n_chars >= 7``) and ``polysyllable``
        (``n_syllables >= 3``). Handy to see why a text scores as it does.

    Examples:
        >>> word_measures("U.S. officials met 3 times.")[["word", "n_chars", "n_syllables"]]
                word  n_chars  n_syllables
        0       U.S.        2            2
        1  officials        9            3
        2        met        3            1
        3          3        1            1
        4      times        5            1
    """
    seg = segment(text)
    rows = []
    for (s, e, kind), sid in zip(seg.tokens, seg.token_sentence):
        if kind not in ("word", "number"):
            continue
        w = text[s:e]
        chars, syl = _n_chars(w), n_syllables(w)
        rows.append((sid, s, e, w, kind, chars, syl, chars >= LONG_WORD_CHARS, syl >= POLYSYLLABLE))
    cols = ["sent_id", "start", "end", "word", "kind", "n_chars", "n_syllables", "long", "polysyllable"]
    df = pd.DataFrame(rows, columns=cols)
    return df.astype({"sent_id": "int64", "start": "int64", "end": "int64", "n_chars": "int64",
                      "n_syllables": "int64", "long": "bool", "polysyllable": "bool"})


def text_stats(
    text: str,
    *,
    mattr_window: int = 50,
    mtld_threshold: float = 0.72,
    hdd_sample_size: int = 42,
) -> pd.Series:
    """Counts, readability and lexical diversity of one text.

    Args:
        text: the article body (``Article.text``).
        mattr_window: window of :func:`analysis.diversity.mattr` (tokens).
        mtld_threshold: factor size of :func:`analysis.diversity.mtld`.
        hdd_sample_size: sample size of :func:`analysis.diversity.hdd` (tokens).

    Returns:
        A Series indexed by :data:`STATS_FIELDS` (object dtype: counts are ``int``, the rest
        ``float``):

        - ``n_sentences``, ``n_words`` (words and numbers), ``n_numbers`` (of which numbers),
          ``n_unique_words`` (distinct case-folded words, numbers excluded), ``n_chars``
          (letters and digits in words), ``n_syllables``, ``n_long_words`` (>= 7 letters and
          digits), ``n_polysyllable_words`` (>= 3 syllables);
        - ``avg_sentence_length`` (words per sentence), ``avg_word_length`` (letters and digits
          per word), ``avg_syllables_per_word``;
        - ``flesch_reading_ease`` (0-100, **higher = easier**) and five US grade levels
          (**higher = harder**): ``flesch_kincaid_grade``, ``gunning_fog``, ``smog_index``,
          ``coleman_liau``, ``automated_readability_index`` (see :mod:`analysis.readability`
          for formulas and sources);
        - ``type_token_ratio``, ``mattr``, ``mtld``, ``hdd``: lexical diversity of the words
          (numbers excluded), **higher = more varied** (see :mod:`analysis.diversity`).

        Ratios and formulas are NaN when undefined (no words or sentences; ``hdd`` below
        ``hdd_sample_size`` words; ``mtld`` when no word repeats). Coleman-Liau and ARI use
        ``n_chars`` (letters and digits).

    Examples:
        >>> s = text_stats("The cat sat on the mat. It was happy.")
        >>> int(s.n_sentences), int(s.n_words), int(s.n_unique_words), int(s.n_syllables)
        (2, 9, 8, 10)
        >>> round(s.flesch_reading_ease, 1)  # 206.835 - 1.015*4.5 - 84.6*10/9
        108.3
        >>> int(text_stats("").n_words), text_stats("").flesch_reading_ease
        (0, nan)
    """
    return pd.Series(
        text_stats_values(
            text,
            mattr_window=mattr_window,
            mtld_threshold=mtld_threshold,
            hdd_sample_size=hdd_sample_size,
        ),
        dtype=object,
        name="text_stats",
    )


_KIND = operator.itemgetter(2)
_WORD_KINDS = frozenset(("word", "number"))


_MEASURE_CACHE_LIMIT = 1 << 17  #: distinct words remembered; the memory stays bounded


class _Measures(dict):
    """word -> ``(letters and digits, syllables, 1 if long, 1 if polysyllable)``, computed on
    first lookup (:func:`_n_chars`, :func:`analysis.syllables.n_syllables`), emptied when it
    holds too many."""

    def __missing__(self, word: str) -> tuple[int, int, int, int]:
        if len(self) >= _MEASURE_CACHE_LIMIT:
            self.clear()
        chars, syl = _n_chars(word), n_syllables(word)
        m = self[word] = (chars, syl, int(chars >= LONG_WORD_CHARS), int(syl >= POLYSYLLABLE))
        return m


_MEASURES = _Measures()

#: Bits per field of :data:`_PACKED`: every field of a text's sum stays below 2**40 (a word's
#: letters and digits are at most its length, its syllables at most four times that, the
#: other fields at most 1 per word), so the fields of the sum of a text shorter than
#: :data:`_PACKED_MAX_CHARS` never run into each other.
_PACK_BITS = 40
_PACK_MASK = (1 << _PACK_BITS) - 1
_PACKED_MAX_CHARS = 1 << 36


class _Packed(dict):
    """word -> its :data:`_MEASURES` entry and a 1 (the word count) packed in one integer, fields of
    :data:`_PACK_BITS` bits: ``1 | chars << 40 | syllables << 80 | long << 120 |
    polysyllable << 160``. The sum over a text's words holds the five integer sums; emptied
    when it holds too many."""

    def __missing__(self, word: str) -> int:
        if len(self) >= _MEASURE_CACHE_LIMIT:
            self.clear()
        # _MEASURES[word], computed here without keeping it there
        chars, syl = _n_chars(word), n_syllables(word)
        b = _PACK_BITS
        packed = self[word] = (
            1 | chars << b | syl << 2 * b | (chars >= LONG_WORD_CHARS) << 3 * b | (syl >= POLYSYLLABLE) << 4 * b
        )
        return packed


_PACKED = _Packed()


def _word_sums(words: Iterable[str], n_chars_max: int) -> tuple[int, int, int, int, int]:
    """``(words, letters and digits, syllables, long words, polysyllables)`` summed over
    ``words``, from text of at most ``n_chars_max`` characters: one integer sum of the packed
    measures (:data:`_PACKED`), or the plain sums for a text too long for the packing."""
    if n_chars_max >= _PACKED_MAX_CHARS:  # pragma: no cover - a text of 64 GB
        words = list(words)
        if not words:
            return 0, 0, 0, 0, 0
        chars, syls, longs, polys = zip(*map(_MEASURES.__getitem__, words))
        return len(words), sum(chars), sum(syls), sum(longs), sum(polys)
    total = sum(map(_PACKED.__getitem__, words))
    b = _PACK_BITS
    m = _PACK_MASK
    return total & m, total >> b & m, total >> 2 * b & m, total >> 3 * b & m, total >> 4 * b


def _check_diversity_options(window: int, threshold: float, sample_size: int) -> None:
    """The checks of :func:`analysis.diversity.measures`, in its order."""
    _check_window(window)
    _check_threshold(threshold)
    _check_sample_size(sample_size)


def text_stats_values(
    text: str,
    *,
    mattr_window: int = 50,
    mtld_threshold: float = 0.72,
    hdd_sample_size: int = 42,
) -> dict[str, Any]:
    """:func:`text_stats` as a plain dict (``int`` counts, ``float`` rest), in field order.

    The same numbers as :func:`text_stats` without building a Series: what
    :mod:`analysis.pipeline` stores per article. Each distinct word string is measured once
    (:class:`_Measures`) and the counts are integer sums over the words; the diversity
    measures share one numbering of the words (``n_unique_words`` is its number of types).

    Examples:
        >>> v = text_stats_values("The cat sat on the mat. It was happy.")
        >>> list(v) == list(STATS_FIELDS), v["n_words"], v["n_syllables"]
        (True, 9, 10)
    """
    seg = segment(text)
    kinds = seg.token_kind if len(seg.token_kind) == len(seg.tokens) else tuple(map(_KIND, seg.tokens))
    words = itertools.compress(seg.token_text, map(_WORD_KINDS.__contains__, kinds))
    lexical = list(map(str.casefold, itertools.compress(seg.token_text, map("word".__eq__, kinds))))
    n_words, n_chars, n_syl, n_long, n_poly = _word_sums(words, len(text))
    _check_diversity_options(mattr_window, mtld_threshold, hdd_sample_size)
    ids, n_types = _diversity_ids(lexical)

    n_sent = len(seg.sentences)
    nan = math.nan
    values: dict[str, Any] = {
        "n_sentences": n_sent,
        "n_words": n_words,
        "n_numbers": n_words - len(lexical),
        "n_unique_words": n_types,
        "n_chars": n_chars,
        "n_syllables": n_syl,
        "n_long_words": n_long,
        "n_polysyllable_words": n_poly,
        "avg_sentence_length": n_words / n_sent if n_sent else nan,
        "avg_word_length": n_chars / n_words if n_words else nan,
        "avg_syllables_per_word": n_syl / n_words if n_words else nan,
        "flesch_reading_ease": flesch_reading_ease(n_words, n_sent, n_syl),
        "flesch_kincaid_grade": flesch_kincaid_grade(n_words, n_sent, n_syl),
        "gunning_fog": gunning_fog(n_words, n_sent, n_poly),
        "smog_index": smog_index(n_sent, n_poly),
        "coleman_liau": coleman_liau(n_words, n_sent, n_chars),
        "automated_readability_index": automated_readability_index(n_words, n_sent, n_chars),
    }
    values["type_token_ratio"], values["mattr"], values["mtld"], values["hdd"] = _measures_of_ids(
        ids, n_types, mattr_window, mtld_threshold, hdd_sample_size
    )
    if not n_words:  # no words: formulas are undefined even when a sentence exists ("—")
        for key in STATS_FIELDS[len(COUNT_FIELDS):]:
            values[key] = nan
    out = {k: values[k] for k in STATS_FIELDS}
    for key in STATS_FIELDS[len(COUNT_FIELDS):]:
        out[key] = float(out[key])
    return out


def sentence_stats(text: str) -> pd.DataFrame:
    """Words, syllables and characters of each sentence of ``text``.

    Returns:
        DataFrame with columns :data:`SENTENCE_STATS_COLUMNS`: ``sent_id`` (0-based, as in
        :func:`analysis.text.sentences`), ``start``, ``end`` (``text[start:end]`` is the
        sentence), ``n_words`` (words and numbers), ``n_syllables``, ``n_chars`` (letters and
        digits in its words) and ``paragraph`` (0-based). The columns sum to the counts of
        :func:`text_stats`. An empty text gives an empty frame with these columns.

    Examples:
        >>> sentence_stats("The cat sat. It was a very happy cat indeed.")[["sent_id", "n_words", "n_syllables"]]
           sent_id  n_words  n_syllables
        0        0        3            3
        1        1        7           10
    """
    seg = segment(text)
    n = len(seg.sentences)
    n_words, n_syl, n_chars = [0] * n, [0] * n, [0] * n
    for (s, e, kind), sid in zip(seg.tokens, seg.token_sentence):
        if kind in ("word", "number") and 0 <= sid < n:
            w = text[s:e]
            n_words[sid] += 1
            n_syl[sid] += n_syllables(w)
            n_chars[sid] += _n_chars(w)
    rows = [
        (i, s, e, n_words[i], n_syl[i], n_chars[i], p)
        for i, ((s, e), p) in enumerate(zip(seg.sentences, seg.sentence_paragraph))
    ]
    return pd.DataFrame(rows, columns=list(SENTENCE_STATS_COLUMNS)).astype("int64")


def _stats_row(text: str, **options: Any) -> pd.DataFrame:
    return _typed(pd.DataFrame([text_stats(text, **options).to_dict()]))


def _typed(df: pd.DataFrame) -> pd.DataFrame:
    types = {c: ("int64" if c in COUNT_FIELDS else "float64") for c in STATS_FIELDS if c in df}
    return df.astype(types)


def stats_frame(
    articles: ArticlesLike,
    *,
    on_error: OnError = "raise",
    mattr_window: int = 50,
    mtld_threshold: float = 0.72,
    hdd_sample_size: int = 42,
) -> pd.DataFrame:
    """:func:`text_stats` of many articles, one row per article.

    Args:
        articles: an :class:`analysis.loaders.Article`, a list of them, or a corpus DataFrame
            (``load_corpus``) with ``id`` and ``text`` columns.
        on_error: ``"raise"`` or ``"skip"`` (a skipped article is logged and listed in
            ``frame.attrs["skipped"]``).
        mattr_window, mtld_threshold, hdd_sample_size: as in :func:`text_stats`.

    Returns:
        DataFrame with ``article_id`` then :data:`STATS_FIELDS` (counts ``int64``, the rest
        ``float64``), one row per article in input order.
    """
    out = build_frame(
        articles,
        _stats_row,
        STATS_FIELDS,
        on_error=on_error,
        mattr_window=mattr_window,
        mtld_threshold=mtld_threshold,
        hdd_sample_size=hdd_sample_size,
    )
    skipped = out.attrs.get("skipped", [])
    out = _typed(out)
    out.attrs["skipped"] = skipped
    return out


def sentence_stats_frame(articles: ArticlesLike, *, on_error: OnError = "raise") -> pd.DataFrame:
    """:func:`sentence_stats` of many articles in one long frame.

    Returns:
        DataFrame with ``article_id`` then :data:`SENTENCE_STATS_COLUMNS`, rows by article
        (input order) then sentence.
    """
    out = build_frame(articles, sentence_stats, SENTENCE_STATS_COLUMNS, on_error=on_error)
    skipped = out.attrs.get("skipped", [])
    out = out.astype({c: "int64" for c in SENTENCE_STATS_COLUMNS})
    out.attrs["skipped"] = skipped
    return out
