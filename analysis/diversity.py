"""Lexical diversity: how varied the vocabulary of a text is.

Every function takes a sequence of tokens, already case-folded by the caller
(:func:`analysis.stats.text_stats` passes the text's words in lower case, numbers left out),
and returns a float, **higher = more varied vocabulary**, or NaN when the text is too short to
measure.

The plain type-token ratio falls as a text gets longer (common words repeat), so it cannot
compare a 300-word brief with a 2,000-word feature. MATTR, MTLD and HD-D were designed to be
much less sensitive to length; still compare texts of similar length when you can.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

__all__ = ["type_token_ratio", "mattr", "mtld", "hdd"]

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
    if not isinstance(window, int) or window < 1:
        from .errors import ParameterError

        raise ParameterError(f"window={window!r}: the MATTR window must be a positive integer")
    n = len(tokens)
    if n == 0:
        return _NAN
    if n <= window:
        return type_token_ratio(tokens)
    # Slide the window with a plain dict of counts and a running number of distinct tokens
    # (integers only, so the result is exactly that of recounting every window).
    counts: dict[str, int] = {}
    get = counts.get
    for tok in tokens[:window]:
        counts[tok] = get(tok, 0) + 1
    distinct = len(counts)
    total = distinct
    for old, new in zip(tokens, tokens[window:]):
        if old != new:
            c = counts[old]
            if c == 1:
                del counts[old]
                distinct -= 1
            else:
                counts[old] = c - 1
            c = get(new, 0)
            if not c:
                distinct += 1
            counts[new] = c + 1
        total += distinct
    return total / ((n - window + 1) * window)


def _mtld_pass(tokens: Sequence[str], threshold: float) -> float:
    factors = 0.0
    types: set[str] = set()
    count = 0
    ttr = 1.0
    for tok in tokens:
        count += 1
        types.add(tok)
        ttr = len(types) / count
        if ttr <= threshold:
            factors += 1
            types = set()
            count = 0
            ttr = 1.0
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
    if not 0 < threshold < 1:
        from .errors import ParameterError

        raise ParameterError(f"threshold={threshold!r}: the MTLD threshold must be between 0 and 1")
    if not tokens:
        return _NAN
    forward = _mtld_pass(tokens, threshold)
    backward = _mtld_pass(list(reversed(tokens)), threshold)
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
    if not isinstance(sample_size, int) or sample_size < 1:
        from .errors import ParameterError

        raise ParameterError(f"sample_size={sample_size!r}: must be a positive integer")
    n = len(tokens)
    if n < sample_size:
        return _NAN
    # The probability depends only on a type's frequency k: compute it once per distinct k
    # (an article has a few dozen), then add it up type by type in the same order as before.
    absent: dict[int, float] = {}
    total = 0.0
    for k in Counter(tokens).values():
        p_absent = absent.get(k)
        if p_absent is None:
            p_absent = absent[k] = _p_absent(n, k, sample_size)
        total += 1.0 - p_absent
    return total / sample_size


def _p_absent(n: int, k: int, sample_size: int) -> float:
    """P(a type occurring ``k`` times among ``n`` tokens is absent from a sample):
    ``C(n-k, s) / C(n, s) = prod_{i<s} (n-k-i) / (n-i)``."""
    p_absent = 1.0
    for i in range(sample_size):
        if n - k - i <= 0:
            return 0.0
        p_absent *= (n - k - i) / (n - i)
    return p_absent
