"""Concordance (keyword in context, KWIC) and where terms occur in a text.

A concordance lists every occurrence of a term with the words around it, one line per
occurrence, the oldest tool of corpus linguistics (AntConc and Voyant Tools call it KWIC). It is
how you check what a frequent term *means* in the text: counts say "maximum" occurs four times,
the concordance shows that each time it is "maximum pressure".

Terms are matched as they are counted (:mod:`analysis.terms`): case-insensitively, possessives
folded ("Iran" finds "Iran’s"), hyphenated names whole, and "US" (the country, in capitals) is
not "us". Stopwords are not removed here, so "axis of resistance" can be looked up.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from typing import Any, Literal

import pandas as pd

from . import text as _text
from .errors import ParameterError, check_choice
from .frames import OnError, build_frame

__all__ = ["KWIC_COLUMNS", "POSITION_COLUMNS", "kwic", "kwic_frame", "term_positions"]

KWIC_COLUMNS = ("left", "keyword", "right", "start", "end")
POSITION_COLUMNS = ("term", "start", "end", "word_index", "sent_id")

Unit = Literal["words", "chars"]


def _query_terms(term: str, norm: Any) -> list[str]:
    from .terms import _FLAT_TOKEN_RE

    out = []
    for surface in _FLAT_TOKEN_RE.findall(_text.normalise_quotes(term)):
        _kind, t, _stop = norm[surface]
        if t is not None:
            out.append(t)
    return out


def _matches(text: str, term: str, lemmatize: bool) -> list[tuple[int, int, int]]:
    """``(start, end, sent_id)`` of each occurrence of ``term`` (one or more words) in ``text``."""
    from .terms import _normaliser, _runs, term_options

    if not isinstance(term, str) or not term.strip():
        raise ParameterError("term must be a non-empty string, e.g. 'Iran' or 'maximum pressure'")
    norm = _normaliser(term_options(stopwords=False, numbers="keep", lemmatize=lemmatize))
    query = _query_terms(term, norm)
    if not query:
        raise ParameterError(f"term={term!r} has no word to look for (only punctuation?)")
    seg = _text.segment(text)
    sent_starts = seg.sentence_starts
    n = len(query)
    found = []
    for run in _runs(text, norm):
        terms = [t for t, _, _, _ in run]
        for i in range(len(terms) - n + 1):
            if terms[i : i + n] == query:
                start, end = run[i][2], run[i + n - 1][3]
                found.append((start, end, max(bisect_left(sent_starts, start + 1) - 1, 0)))
    return found


def _clean(s: str) -> str:
    return " ".join(s.split())


def kwic(
    text: str,
    term: str,
    window: int = 5,
    *,
    unit: Unit = "words",
    lemmatize: bool = False,
) -> pd.DataFrame:
    """Every occurrence of ``term`` in ``text`` with its left and right context.

    Args:
        text: one text.
        term: a word ("Iran") or several ("maximum pressure"), matched like counted terms:
            case-insensitive, "Iran" finds "Iran’s", "US" finds the country only. Several words
            match consecutive words of one sentence; quotation marks between them are ignored,
            other punctuation (, ; : ( ) …) is not.
        window: size of each context: words (default) or characters.
        unit: ``"words"`` (word and number tokens; the context may run into the next sentence)
            or ``"chars"``.
        lemmatize: match lemmas ("negotiation" finds "negotiations").

    Returns:
        DataFrame with columns ``left``, ``keyword`` (``text[start:end]``, as written), ``right``,
        ``start``, ``end`` (character offsets of the keyword in ``text``), one row per
        occurrence in text order. ``left`` and ``right`` are for reading: line breaks and runs
        of spaces shown as one space, outer spaces trimmed. No occurrence gives an empty frame
        with these columns.

    Examples:
        >>> text = "Iran’s leaders said Iran would talk. The US and Iran disagree."
        >>> kwic(text, "iran", window=2)[["left", "keyword", "right", "start"]].values.tolist()
        [['', 'Iran', '’s leaders said', 0], ['leaders said', 'Iran', 'would talk', 20], ['US and', 'Iran', 'disagree', 48]]
    """
    if not isinstance(text, str):
        raise ParameterError(f"expected one text as a str, got {type(text).__name__}")
    check_choice("unit", unit, ("words", "chars"))
    if not isinstance(window, int) or window < 0:
        raise ParameterError(f"window={window!r}: give a whole number of words or characters, 0 or more")
    found = _matches(text, term, lemmatize)
    rows = []
    if unit == "words":
        words = _text.segment(text).words()
        starts = [s for s, _ in words]
        for start, end, _sid in found:
            i = bisect_left(starts, start)  # first word of the match
            j = bisect_left(starts, end)  # first word after the match
            left_start = words[max(i - window, 0)][0] if window and i > 0 else start
            right_end = words[min(j + window, len(words)) - 1][1] if window and j < len(words) else end
            right_end = max(right_end, end)
            rows.append((_clean(text[left_start:start]), text[start:end],
                         _clean(text[end:right_end]), start, end))
    else:
        for start, end, _sid in found:
            rows.append((_clean(text[max(start - window, 0):start]), text[start:end],
                         _clean(text[end:end + window]), start, end))
    if not rows:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in KWIC_COLUMNS})
    return pd.DataFrame(rows, columns=list(KWIC_COLUMNS)).astype({"start": "int64", "end": "int64"})


def kwic_frame(
    articles: Any,
    term: str,
    window: int = 5,
    *,
    on_error: OnError = "raise",
    **options: Any,
) -> pd.DataFrame:
    """:func:`kwic` over many articles: ``article_id`` first, then the KWIC columns."""
    return build_frame(
        articles, lambda text, **kw: kwic(text, term, window, **kw), KWIC_COLUMNS,
        on_error=on_error, **options,
    )


def term_positions(text: str, terms: Iterable[str], *, lemmatize: bool = False) -> pd.DataFrame:
    """Where each of ``terms`` occurs in ``text``: the input of a dispersion plot.

    Args:
        text: one text.
        terms: the terms to find (each one or more words, matched as in :func:`kwic`).
        lemmatize: match lemmas.

    Returns:
        DataFrame with columns ``term`` (as given), ``start``, ``end`` (character offsets),
        ``word_index`` (0-based position of the first word among the text's running words) and
        ``sent_id``, sorted by the order of ``terms`` then position. ``attrs["n_words"]`` and
        ``attrs["n_chars"]`` give the text's length for the plot's axis.

    Examples:
        >>> term_positions("Iran talks. Iran’s deal.", ["iran", "deal"])[["term", "word_index"]].values.tolist()
        [['iran', 0], ['iran', 2], ['deal', 3]]
    """
    if isinstance(terms, str):
        terms = [terms]
    words = _text.segment(text).words() if isinstance(text, str) else []
    starts = [s for s, _ in words]
    rows = []
    for term in terms:
        for start, end, sid in _matches(text, term, lemmatize):
            rows.append((term, start, end, bisect_left(starts, start), sid))
    if rows:
        out = pd.DataFrame(rows, columns=list(POSITION_COLUMNS)).astype(
            {"start": "int64", "end": "int64", "word_index": "int64", "sent_id": "int64"}
        )
    else:
        out = pd.DataFrame({c: pd.Series(dtype="object") for c in POSITION_COLUMNS})
    out.attrs["n_words"] = len(words)
    out.attrs["n_chars"] = len(text)
    return out
