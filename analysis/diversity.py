"""Lexical diversity: how varied the vocabulary of a text is.

Every function takes a sequence of tokens, already case-folded by the caller
(:func:`analysis.stats.text_stats` passes the text's words in lower case, numbers left out),
and returns a float, **higher = more varied vocabulary**, or NaN when the text is too short to
measure; :func:`growth_curve` tabulates them over the first N tokens of a text.

The plain type-token ratio falls as a text gets longer (common words repeat), so it cannot
compare a 300-word brief with a 2,000-word feature. MATTR, MTLD and HD-D were designed to be
much less sensitive to length; still compare texts of similar length when you can.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np
import pandas as pd

__all__ = ["type_token_ratio", "mattr", "mtld", "hdd", "measures", "growth_curve"]

_NAN = float("nan")


def type_token_ratio(tokens: Sequence[str]) -> float:
    """Type-token ratio: distinct tokens (types) divided by tokens.

    Returns:
        A value in (0, 1]: **higher = more varied vocabulary**; 1 when no token repeats.
        It depends strongly on length (longer texts score lower). NaN for no tokens.

    Examples:
        >>> type_token_ratio("the cat saw the dog".split())  # 4 types / 5 tokens
        0.8
    """
    if not tokens:
        return _NAN
    return len(set(tokens)) / len(tokens)


def mattr(tokens: Sequence[str], *, window: int = 50) -> float:
    """Moving-average type-token ratio (MATTR).

    The type-token ratio of every window of ``window`` consecutive tokens (sliding one token at
    a time), averaged. A text shorter than the window gets its plain type-token ratio.

    Source: Covington, M. A. & McFall, J. D. (2010). Cutting the Gordian knot: the
    moving-average type-token ratio (MATTR). *Journal of Quantitative Linguistics* 17(2),
    94-100.

    Args:
        tokens: the tokens, case-folded.
        window: tokens per window (Covington & McFall used 500 on long texts; 50 suits news).

    Returns:
        A value in (0, 1]: **higher = more varied vocabulary**. NaN for no tokens.

    Raises:
        ValueError: ``window`` is not a positive integer (an ``analysis.errors.ParameterError``).

    Examples:
        >>> # windows of 3: "a b a" 2/3, "b a c" 3/3, "a c c" 2/3 -> mean 7/9
        >>> round(mattr("a b a c c".split(), window=3), 4)
        0.7778
    """
    _check_window(window)
    return _mattr(*_ids(tokens), window)


def _check_window(window: int) -> None:
    if not isinstance(window, int) or window < 1:
        from .errors import ParameterError

        raise ParameterError(f"window={window!r}: the MATTR window must be a positive integer")


class _Index(dict):
    """token -> 0, 1, 2, ... in order of first occurrence."""

    def __missing__(self, tok: str) -> int:
        i = self[tok] = len(self)
        return i


def _ids(tokens: Sequence[str]) -> tuple[list[int], int]:
    """Each token's type number (types numbered in order of first occurrence), and the types."""
    index = _Index()
    return list(map(index.__getitem__, tokens)), len(index)


def _mattr(ids: list[int] | np.ndarray, n_types: int, window: int) -> float:
    """MATTR of the tokens numbered ``ids``: integers only, so exactly the mean of the windows.

    A token is new in a window when its previous occurrence lies before the window, so token
    ``j`` adds one to the windows starting from ``max(prev_j + 1, j - window + 1, 0)`` to
    ``min(j, n - window)``: the sum of all windows' type counts is a sum of such ranges.
    """
    n = len(ids)
    if n == 0:
        return _NAN
    if n <= window:
        return n_types / n  # the type-token ratio
    return _mattr_of_prev(_neighbours(np.asarray(ids, dtype=np.int64))[0], n_types, window)


def _neighbours(a: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``(prev, next)``: for each token of ``a``, the place of the previous and of the next
    token with the same number, -1 where there is none."""
    n = len(a)
    order = np.argsort(a, kind="stable")
    same = a[order[1:]] == a[order[:-1]]
    later, earlier = order[1:][same], order[:-1][same]
    prev = np.full(n, -1, dtype=np.int64)
    prev[later] = earlier
    nxt = np.full(n, -1, dtype=np.int64)
    nxt[earlier] = later
    return prev, nxt


def _mattr_of_prev(prev: np.ndarray, n_types: int, window: int) -> float:
    """:func:`_mattr` from each token's previous occurrence (:func:`_neighbours`)."""
    n = len(prev)
    if n <= window:
        return n_types / n  # the type-token ratio
    j = np.arange(n, dtype=np.int64)
    first = np.maximum(np.maximum(prev + 1, j - (window - 1)), 0)
    last = np.minimum(j, n - window)
    total = int(np.maximum(last - first + 1, 0).sum())
    return total / ((n - window + 1) * window)


def measures(
    tokens: Sequence[str], *, window: int = 50, threshold: float = 0.72, sample_size: int = 42
) -> tuple[float, float, float, float]:
    """``(type_token_ratio, mattr, mtld, hdd)`` of ``tokens``, equal to calling each of them.

    The tokens are numbered once and every measure works on the numbers. Options and errors
    as in :func:`mattr`, :func:`mtld` and :func:`hdd` (checked in that order).

    Examples:
        >>> measures("a b a c c".split(), window=3, sample_size=2) == (
        ...     type_token_ratio("a b a c c".split()), mattr("a b a c c".split(), window=3),
        ...     mtld("a b a c c".split()), hdd("a b a c c".split(), sample_size=2))
        True
    """
    _check_window(window)
    _check_threshold(threshold)
    _check_sample_size(sample_size)
    if not len(tokens):
        return _NAN, _NAN, _NAN, _NAN
    return _measures_of_ids(*_ids(tokens), window, threshold, sample_size)


def _measures_of_ids(
    ids: list[int], n_types: int, window: int, threshold: float, sample_size: int
) -> tuple[float, float, float, float]:
    """:func:`measures` of tokens numbered ``ids`` (:func:`_ids`), options already checked."""
    n = len(ids)
    if n == 0:
        return _NAN, _NAN, _NAN, _NAN
    array = np.asarray(ids, dtype=np.int64)  # converted once, for MATTR, MTLD and HD-D
    counts = np.bincount(array, minlength=n_types) if n >= sample_size else None
    prev, nxt = _neighbours(array)
    # MTLD's passes read only the tokens seen before: forward those with a previous
    # occurrence, backward (places counted from the end) those with a next one
    seen = np.flatnonzero(prev >= 0)
    seen_back = np.flatnonzero(nxt >= 0)[::-1]
    forward = _mtld_repeats_pass(seen.tolist(), prev[seen].tolist(), n, threshold)
    backward = _mtld_repeats_pass(
        (n - 1 - seen_back).tolist(), (n - 1 - nxt[seen_back]).tolist(), n, threshold
    )
    return (
        n_types / n,
        _mattr_of_prev(prev, n_types, window),
        (forward + backward) / 2,
        _hdd(counts, n, sample_size) if counts is not None else _NAN,
    )


def _mtld_repeats_pass(places: list[int], previous: list[int], n: int, threshold: float) -> float:
    """:func:`_mtld_pass` over ``n`` tokens from their repeats only: ``places`` (ascending)
    are the tokens whose type occurred before, ``previous`` the place of that occurrence.

    A token is a repeat in the current stretch when its previous occurrence lies in the
    stretch (at or after ``start``); the stretch's types are then its tokens less its
    repeats. Tokens of a new type never lower the TTR (see :func:`_mtld_pass`), so only
    repeats are read: the same comparisons, with the same integers, in the same order.
    """
    factors = 0.0
    start = 0
    repeats = 0
    for j, p in zip(places, previous):
        if p >= start:
            repeats += 1
            count = j - start + 1
            if (count - repeats) / count <= threshold:
                factors += 1
                start = j + 1
                repeats = 0
    count = n - start
    ttr = (count - repeats) / count if count else 1.0  # the TTR after the last token, 1 after a cut
    factors += (1 - ttr) / (1 - threshold)  # the partial factor left at the end
    return n / factors if factors else _NAN


def _mtld_pass(tokens: Sequence[str], threshold: float) -> float:
    factors = 0.0
    types: set[str] = set()
    add = types.add
    count = 0
    for tok in tokens:
        count += 1
        if tok in types:
            # only a repeated token lowers the TTR: a new type raises t/c to (t+1)/(c+1), and
            # float division is monotonic, so it never falls to the threshold on a new type
            if len(types) / count <= threshold:
                factors += 1
                types = set()
                add = types.add
                count = 0
        else:
            add(tok)
    ttr = len(types) / count if count else 1.0  # the TTR after the last token, 1 after a cut
    factors += (1 - ttr) / (1 - threshold)  # the partial factor left at the end
    return len(tokens) / factors if factors else _NAN


def mtld(tokens: Sequence[str], *, threshold: float = 0.72) -> float:
    """Measure of Textual Lexical Diversity (MTLD), the mean of a forward and a backward pass.

    Reading the tokens in order, MTLD tracks the type-token ratio of the current stretch; each
    time it falls to ``threshold`` a *factor* is complete and a new stretch starts. The last,
    unfinished stretch counts as the fraction ``(1 - TTR) / (1 - threshold)`` of a factor.
    MTLD is tokens / factors: the average length of a stretch that keeps the TTR above the
    threshold. The same is done from the end backwards and the two results are averaged.

    Source: McCarthy, P. M. & Jarvis, S. (2010). MTLD, vocd-D, and HD-D: a validation study of
    sophisticated approaches to lexical diversity assessment. *Behavior Research Methods* 42(2),
    381-392. They advise at least 100 tokens.

    Args:
        tokens: the tokens, case-folded.
        threshold: the factor size, 0.72 as in McCarthy & Jarvis (2010).

    Returns:
        Tokens per factor, a positive number: **higher = more varied vocabulary** (around 70-110
        for news). NaN for no tokens, or when no token repeats at all (no factor is ever
        started, so the measure is undefined; a very short text).

    Examples:
        >>> # forward "a a b b": TTR 1, 1/2 <= 0.72 -> factor 1; then "b b": 1, 1/2 -> factor 2;
        >>> # 4 tokens / 2 factors = 2; backward "b b a a" the same -> 2.0
        >>> mtld("a a b b".split())
        2.0
    """
    _check_threshold(threshold)
    if not tokens:
        return _NAN
    return _mtld(tokens, threshold)


def _check_threshold(threshold: float) -> None:
    if not 0 < threshold < 1:
        from .errors import ParameterError

        raise ParameterError(f"threshold={threshold!r}: the MTLD threshold must be between 0 and 1")


def _mtld(tokens: Sequence, threshold: float) -> float:
    forward = _mtld_pass(tokens, threshold)
    backward = _mtld_pass(tokens[::-1] if isinstance(tokens, list) else list(reversed(tokens)), threshold)
    return (forward + backward) / 2


def hdd(tokens: Sequence[str], *, sample_size: int = 42) -> float:
    """HD-D: the expected type-token ratio of a random sample of ``sample_size`` tokens.

    For each type occurring ``k`` times among ``N`` tokens, the hypergeometric distribution
    gives the probability that a random draw of ``sample_size`` tokens (without replacement)
    contains it at least once: ``1 - C(N - k, s) / C(N, s)``. The sum of these over all types,
    divided by ``s``, is HD-D. (Multiply by ``s`` for the expected number of distinct words in
    the sample, the figure some tools report.)

    Source: McCarthy, P. M. & Jarvis, S. (2010). MTLD, vocd-D, and HD-D: a validation study of
    sophisticated approaches to lexical diversity assessment. *Behavior Research Methods* 42(2),
    381-392 (HD-D is their exact version of vocd-D; sample size 42).

    Args:
        tokens: the tokens, case-folded.
        sample_size: tokens drawn, 42 as in McCarthy & Jarvis (2010).

    Returns:
        A value in (0, 1]: **higher = more varied vocabulary**. NaN when there are fewer tokens
        than ``sample_size``.

    Examples:
        >>> # N=4, s=2: "a" (k=2): 1 - C(2,2)/C(4,2) = 1 - 1/6; "b", "c" (k=1): 1 - C(3,2)/C(4,2) = 1/2
        >>> # (5/6 + 1/2 + 1/2) / 2 = 0.9167
        >>> round(hdd("a a b c".split(), sample_size=2), 4)
        0.9167
    """
    _check_sample_size(sample_size)
    n = len(tokens)
    if n < sample_size:
        return _NAN
    return _hdd(np.fromiter(Counter(tokens).values(), dtype=np.int64), n, sample_size)


def _check_sample_size(sample_size: int) -> None:
    if not isinstance(sample_size, int) or sample_size < 1:
        from .errors import ParameterError

        raise ParameterError(f"sample_size={sample_size!r}: must be a positive integer")


def _hdd(counts: np.ndarray, n: int, sample_size: int) -> float:
    """HD-D from each type's count, types in order of first occurrence (``n >= sample_size``).

    The probability depends only on a type's frequency k: it is computed once per distinct k
    (an article has a few dozen), as the running product of the s factors (n-k-i)/(n-i)
    (np.cumprod multiplies in order, as a loop does), 0 when a factor is not positive; the
    types' 1 - p are then added up in order of first occurrence (np.cumsum adds in order,
    unlike np.sum). The distinct frequencies, ascending, and each type's place among them are
    those of ``np.unique(counts, return_inverse=True)``, found by counting instead of sorting
    (the counts are small non-negative integers).
    """
    present = np.bincount(counts)
    ks = np.flatnonzero(present)
    place = np.zeros(len(present), dtype=np.int64)
    place[ks] = np.arange(len(ks), dtype=np.int64)
    inverse = place[counts]
    i = np.arange(sample_size, dtype=np.int64)
    factors = (n - ks[:, None] - i) / (n - i)
    p_absent = np.cumprod(factors, axis=1)[:, -1]
    p_absent[n - ks - (sample_size - 1) <= 0] = 0.0
    total = float(np.cumsum(1.0 - p_absent[inverse])[-1])
    return total / sample_size


def growth_curve(
    tokens: Sequence[str], *, window: int = 50, start: int = 50, step: int = 10, max_points: int = 200
) -> pd.DataFrame:
    """TTR, MATTR and HD-D of the first N tokens, for growing N: how each measure drifts as a
    text gets longer (the plain TTR falls; MATTR and HD-D should stay level).

    N is ``start``, ``start + step``, ``start + 2 * step``, ... up to the length of ``tokens``;
    when that would be more than ``max_points`` sizes, ``max_points`` sizes spread evenly from
    ``start`` to the whole text instead, so that a book-length text costs ``max_points``
    measurements, not one per ``step`` tokens. A text shorter than ``start`` gets one row,
    for all its tokens (N = 0 and NaN measures for no tokens).

    Args:
        tokens: the tokens, case-folded (as for the other measures).
        window: the MATTR window (:func:`mattr`).
        start, step, max_points: the sizes measured (positive integers).

    Returns:
        One row per size, in increasing order, indexed by ``words`` (N), with columns ``ttr``
        (:func:`type_token_ratio`), ``mattr`` (:func:`mattr` with ``window``) and ``hdd``
        (:func:`hdd`): each the value of that function on ``tokens[:N]``, in (0, 1], NaN
        where the function gives NaN.

    Raises:
        ValueError: a size argument or ``window`` is not a positive integer (an
            ``analysis.errors.ParameterError``).

    Examples:
        >>> list(growth_curve(["a", "b"] * 40, start=50, step=10).index)
        [50, 60, 70, 80]
    """
    _check_window(window)
    for name, value in (("start", start), ("step", step), ("max_points", max_points)):
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            from .errors import ParameterError

            raise ParameterError(f"{name}={value!r}: growth_curve needs a positive integer")
    n = len(tokens)
    if n < start:
        sizes = [n]
    elif (n - start) // step + 1 <= max_points:
        sizes = list(range(start, n + 1, step))
    else:
        sizes = sorted({int(round(x)) for x in np.linspace(start, n, max_points)})
    tokens = list(tokens)
    return pd.DataFrame(
        {
            "words": sizes,
            "ttr": [type_token_ratio(tokens[:k]) for k in sizes],
            "mattr": [mattr(tokens[:k], window=window) for k in sizes],
            "hdd": [hdd(tokens[:k]) for k in sizes],
        }
    ).set_index("words")
