"""VADER, exactly as NLTK computes it, without NLTK's per-call overhead.

VADER (Hutto & Gilbert 2014, *VADER: A Parsimonious Rule-based Model for Sentiment Analysis of
Social Media Text*, ICWSM-14) scores a text from a lexicon of about 7,500 words and emoticons,
each rated by humans from -4 to +4, and five rules: negation ("not good"), boosters and
dampeners ("very", "slightly"), ALL CAPS emphasis, "but" (the part after it weighs 1.5 times,
the part before 0.5 times) and exclamation/question marks. The summed valence ``s`` becomes the
``compound`` score ``s / sqrt(s**2 + 15)`` in -1..1; ``neg``, ``neu`` and ``pos`` are the shares
of the text's weight that are negative, neutral and positive (they add up to about 1).

The lexicon is ``vader_lexicon.txt`` from the installed ``vaderSentiment`` package (MIT), read
the way NLTK's :class:`~nltk.sentiment.vader.SentimentIntensityAnalyzer` reads it (``make_lex_dict``),
and the rule constants (boosters, negations, idioms, scalars) are NLTK's ``VaderConstants``,
copied here; tests check that both equal NLTK's, so the word scores and rules are NLTK's without
importing NLTK (``import nltk`` costs about a second, mostly scipy). :func:`nltk_analyzer`
returns NLTK's analyser (the reference implementation, imported on first use);
:func:`polarity_scores` reimplements its ``polarity_scores`` line by line, so its results are
equal to NLTK's (a test compares them on thousands of sentences), but it skips the
17 x 2 x n dictionary NLTK builds for every call and looks each word up once. It is several
times faster on news sentences.
"""

from __future__ import annotations

import functools
import itertools
import math
import operator
import re
import string
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .errors import ResourceError
from .resources import vader_lexicon_path

if TYPE_CHECKING:  # pragma: no cover
    from nltk.sentiment.vader import SentimentIntensityAnalyzer

__all__ = ["VaderTrace", "lexicon", "nltk_analyzer", "polarity_scores", "sentence_valences", "trace"]


class _C:
    """NLTK's ``nltk.sentiment.vader.VaderConstants`` (NLTK 3.9-3.10), the values VADER uses.

    Copied from NLTK, which copied them from the authors' ``vaderSentiment``; a test checks
    that every one of them equals NLTK's.
    """

    B_INCR = 0.293
    B_DECR = -0.293
    C_INCR = 0.733
    N_SCALAR = -0.74
    NEGATE = frozenset(
        """aint arent cannot cant couldnt darent didnt doesnt ain't aren't can't couldn't daren't
        didn't doesn't dont hadnt hasnt havent isnt mightnt mustnt neither don't hadn't hasn't
        haven't isn't mightn't mustn't neednt needn't never none nope nor not nothing nowhere
        oughtnt shant shouldnt uhuh wasnt werent oughtn't shan't shouldn't uh-uh wasn't weren't
        without wont wouldnt won't wouldn't rarely seldom despite""".split()
    )
    BOOSTER_DICT = {
        **dict.fromkeys(
            """absolutely amazingly awfully completely considerably decidedly deeply effing
            enormously entirely especially exceptionally extremely fabulously flipping flippin
            fricking frickin frigging friggin fully fucking greatly hella highly hugely
            incredibly intensely majorly more most particularly purely quite really remarkably
            so substantially thoroughly totally tremendously uber unbelievably unusually
            utterly very""".split(),
            B_INCR,
        ),
        **dict.fromkeys(
            ["almost", "barely", "hardly", "just enough", "kind of", "kinda", "kindof", "kind-of",
             "less", "little", "marginally", "occasionally", "partly", "scarcely", "slightly",
             "somewhat", "sort of", "sorta", "sortof", "sort-of"],
            B_DECR,
        ),
    }
    SPECIAL_CASE_IDIOMS = {
        "the shit": 3,
        "the bomb": 3,
        "bad ass": 1.5,
        "yeah right": -2,
        "cut the mustard": 2,
        "kiss of death": -1.5,
        "hand to mouth": -2,
    }
    PUNC_LIST = [".", "!", "?", ",", ";", ":", "-", "'", '"', "!!", "!!!", "??", "???", "?!?",
                 "!?!", "?!?!", "!?!?"]


_PUNCT = frozenset(string.punctuation)
_PUNC_LIST = frozenset(_C.PUNC_LIST)
#: A character of ``_PUNCT`` anywhere in a string (``any(c in _PUNCT for c in s)``).
_PUNCT_RE = re.compile("[" + re.escape(string.punctuation) + "]")
_BOOSTERS = _C.BOOSTER_DICT
_NEGATE = _C.NEGATE
_IDIOMS = _C.SPECIAL_CASE_IDIOMS
#: Words that every idiom and two-word booster holds one of: the words of those phrases but
#: "the", "of" and "to" (each phrase has another word). _idioms_check can change a valence only
#: when a phrase is among the runs of words it joins (words[i-3] .. words[i+2]), so only when
#: one of these words is there.
_PHRASE_COMMON_WORDS = frozenset({"the", "of", "to"})
_IDIOM_WORDS = frozenset(
    w
    for phrase in (*_IDIOMS, *_BOOSTERS)
    if " " in phrase
    for w in phrase.split(" ")
    if w not in _PHRASE_COMMON_WORDS
)
assert all(
    not _IDIOM_WORDS.isdisjoint(phrase.split(" ")) for phrase in (*_IDIOMS, *_BOOSTERS) if " " in phrase
)


@functools.cache
def nltk_analyzer() -> SentimentIntensityAnalyzer:
    """NLTK's ``SentimentIntensityAnalyzer`` with the lexicon of the ``vaderSentiment`` package.

    The reference implementation that :func:`polarity_scores` equals; it imports NLTK. NLTK 3.10
    reads data files only through a ``file://`` URI whose folder is on ``nltk.data.path``; this
    function adds the folder once.

    Raises:
        ResourceError: the lexicon cannot be read.
    """
    import nltk
    from nltk.sentiment.vader import SentimentIntensityAnalyzer

    path = vader_lexicon_path()
    folder = str(path.parent)
    if folder not in nltk.data.path:
        nltk.data.path.append(folder)
    try:
        return SentimentIntensityAnalyzer(lexicon_file=path.as_uri())
    except (LookupError, OSError, ValueError) as exc:  # pragma: no cover - broken install
        raise ResourceError(f"NLTK could not read the VADER lexicon at {path}: {exc}") from exc


@functools.cache
def lexicon() -> dict[str, float]:
    """VADER's word scores (-4..4, lower-case keys), exactly as NLTK's analyser holds them.

    Read as NLTK's ``nltk.data.load`` (UTF-8, else Latin-1) and ``make_lex_dict`` read the
    file: one ``word<TAB>score<TAB>...`` entry per line, outer whitespace stripped.

    Raises:
        ResourceError: the lexicon cannot be read or a line has no score.
    """
    path = vader_lexicon_path()
    try:
        data = path.read_bytes()
    except OSError as exc:  # pragma: no cover - broken install
        raise ResourceError(f"could not read the VADER lexicon at {path}: {exc}") from exc
    try:
        content = data.decode("utf-8")
    except UnicodeDecodeError:  # pragma: no cover - the shipped file is UTF-8
        content = data.decode("latin-1")
    lex: dict[str, float] = {}
    for n, line in enumerate(content.split("\n"), 1):
        parts = line.strip().split("\t")
        if len(parts) < 2:
            raise ResourceError(f"{path}: line {n} ({line!r}) has no tab-separated score")
        lex[parts[0]] = float(parts[1])
    return lex


def _words_and_emoticons(text: str) -> list[str]:
    """NLTK's ``SentiText._words_and_emoticons`` without building its punctuation dictionary.

    NLTK keeps whitespace tokens longer than one character and maps ``p + w`` and ``w + p`` to
    ``w`` when ``p`` is one of its punctuation strings and ``w`` (longer than one character, no
    ASCII punctuation) is a word of the text once punctuation is removed. ``w`` is then always
    the token itself without ``p``, so the check needs only the token, and its result is
    computed once per distinct token (:func:`_strip_token`).
    """
    return [w for w in map(_strip_token, text.split()) if w]


@functools.lru_cache(maxsize=1 << 17)
def _strip_token(we: str) -> str:
    """One whitespace token as VADER scores it; "" for a token VADER drops (one character)."""
    n = len(we)
    if n <= 1:
        return ""
    if we[0] in _PUNCT:
        i = 1
        while i < n and we[i] in _PUNCT:
            i += 1
        rest = we[i:]
        if len(rest) > 1 and we[:i] in _PUNC_LIST and not _PUNCT_RE.search(rest):
            return rest
    elif we[-1] in _PUNCT:
        j = n - 1
        while we[j - 1] in _PUNCT:
            j -= 1
        head = we[:j]
        if len(head) > 1 and we[j:] in _PUNC_LIST and not _PUNCT_RE.search(head):
            return head
    return we


def _negated(word: str) -> bool:
    low = word.lower()
    return low in _NEGATE or "n't" in low


def _scalar_inc_dec(word: str, low: str, valence: float, is_cap_diff: bool) -> float:
    scalar = 0.0
    if low in _BOOSTERS:
        scalar = _BOOSTERS[low]
        if valence < 0:
            scalar *= -1
        if word.isupper() and is_cap_diff:
            if valence > 0:
                scalar += _C.C_INCR
            else:
                scalar -= _C.C_INCR
    return scalar


def _never_check(valence: float, words: list[str], start_i: int, i: int) -> float:
    if start_i == 0:
        if _negated(words[i - 1]):
            valence = valence * _C.N_SCALAR
    if start_i == 1:
        if words[i - 2] == "never" and (words[i - 1] == "so" or words[i - 1] == "this"):
            valence = valence * 1.5
        elif _negated(words[i - 2]):
            valence = valence * _C.N_SCALAR
    if start_i == 2:
        if (
            words[i - 3] == "never"
            and (words[i - 2] == "so" or words[i - 2] == "this")
            or (words[i - 1] == "so" or words[i - 1] == "this")
        ):
            valence = valence * 1.25
        elif _negated(words[i - 3]):
            valence = valence * _C.N_SCALAR
    return valence


def _idioms_check(valence: float, words: list[str], i: int) -> float:
    onezero = f"{words[i - 1]} {words[i]}"
    twoonezero = f"{words[i - 2]} {words[i - 1]} {words[i]}"
    twoone = f"{words[i - 2]} {words[i - 1]}"
    threetwoone = f"{words[i - 3]} {words[i - 2]} {words[i - 1]}"
    threetwo = f"{words[i - 3]} {words[i - 2]}"
    for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
        if seq in _IDIOMS:
            valence = _IDIOMS[seq]
            break
    if len(words) - 1 > i:
        zeroone = f"{words[i]} {words[i + 1]}"
        if zeroone in _IDIOMS:
            valence = _IDIOMS[zeroone]
    if len(words) - 1 > i + 1:
        zeroonetwo = f"{words[i]} {words[i + 1]} {words[i + 2]}"
        if zeroonetwo in _IDIOMS:
            valence = _IDIOMS[zeroonetwo]
    if threetwo in _BOOSTERS or twoone in _BOOSTERS:
        valence = valence + _C.B_DECR
    return valence


@dataclass(frozen=True)
class VaderTrace:
    """What VADER saw in a text: its words, each word's final valence, and the scores.

    Attributes:
        words: the whitespace tokens VADER scores (outer punctuation stripped, as NLTK does).
        valences: one valence per word after negation, boosters, caps and "but" (0 = neutral).
        punct_amplifier: the emphasis added by "!" and "?" marks (0 when there are none).
        scores: ``{"neg", "neu", "pos", "compound"}``, equal to NLTK's ``polarity_scores``.
    """

    words: tuple[str, ...]
    valences: tuple[float, ...]
    punct_amplifier: float
    scores: dict[str, float]

    @property
    def raw_sum(self) -> float:
        """The summed valence before punctuation emphasis and normalisation (unbounded)."""
        return float(sum(self.valences))


def _valences(words: list[str]) -> list[float]:
    """One valence per word, as NLTK's ``sentiment_valence`` loop computes them.

    A word outside the lexicon (or a booster, or "kind" of "kind of") always gets 0, whatever
    its neighbours, so only the lexicon words are scored. As in NLTK, a repeated word is scored
    at its first occurrence (``words.index``) and that valence is used for every occurrence.
    """
    lex = lexicon()
    n = len(words)
    lower = [w.lower() for w in words]
    sentiments: list[float] = [0] * n
    scored = [j for j, low in enumerate(lower) if low in lex]
    if scored:
        is_cap_diff = 0 < n - sum(map(str.isupper, words)) < n
        first: dict[str, float] = {}
        for j in scored:
            item = words[j]
            valence = first.get(item)
            if valence is None:
                valence = first[item] = _valence_at(words, lower, words.index(item), lex, is_cap_diff)
            sentiments[j] = valence
    if "but" in lower:
        bi = lower.index("but")
        for sidx, sentiment in enumerate(sentiments):
            if sidx < bi:
                sentiments[sidx] = sentiment * 0.5
            elif sidx > bi:
                sentiments[sidx] = sentiment * 1.5
    return sentiments


def _valence_at(
    words: list[str], lower: list[str], i: int, lex: dict[str, float], is_cap_diff: bool
) -> float:
    """The valence of the lexicon word ``words[i]`` in its context (NLTK's rules, in order)."""
    n = len(words)
    low = lower[i]
    if (i < n - 1 and low == "kind" and lower[i + 1] == "of") or low in _BOOSTERS:
        return 0
    item = words[i]
    valence = lex[low]
    if item.isupper() and is_cap_diff:
        if valence > 0:
            valence += _C.C_INCR
        else:
            valence -= _C.C_INCR
    for start_i in range(0, 3):
        if i > start_i and lower[i - (start_i + 1)] not in lex:
            prev = words[i - (start_i + 1)]
            s = _scalar_inc_dec(prev, lower[i - (start_i + 1)], valence, is_cap_diff)
            if start_i == 1 and s != 0:
                s = s * 0.95
            if start_i == 2 and s != 0:
                s = s * 0.9
            valence = valence + s
            valence = _never_check(valence, words, start_i, i)
            if start_i == 2 and not _IDIOM_WORDS.isdisjoint(words[i - 3 : i + 3]):
                valence = _idioms_check(valence, words, i)
    # "least" negation
    if i > 1 and lower[i - 1] not in lex and lower[i - 1] == "least":
        if lower[i - 2] != "at" and lower[i - 2] != "very":
            valence = valence * _C.N_SCALAR
    elif i > 0 and lower[i - 1] not in lex and lower[i - 1] == "least":
        valence = valence * _C.N_SCALAR
    return valence


def _punct_amplifier(text: str) -> float:
    ep_count = min(text.count("!"), 4)
    ep_amplifier = ep_count * 0.292
    qm_count = text.count("?")
    qm_amplifier: float = 0
    if qm_count > 1:
        qm_amplifier = qm_count * 0.18 if qm_count <= 3 else 0.96
    return ep_amplifier + qm_amplifier


def _score(sentiments: list[float], amplifier: float) -> dict[str, float]:
    neg, neu, pos, compound = _scores(len(sentiments), [v for v in sentiments if v], amplifier)
    return {"neg": neg, "neu": neu, "pos": pos, "compound": compound}


def _scores(n: int, scored: list[float], amplifier: float) -> tuple[float, float, float, float]:
    """NLTK's ``score_valence`` of ``n`` words whose non-zero valences are ``scored``, in order.

    The zeros NLTK adds into its sums change nothing (``x + 0.0 == x`` for every running sum,
    which is never ``-0.0``), so only the non-zero valences are needed.
    """
    if not n:
        return 0.0, 0.0, 0.0, 0.0
    sum_s = float(sum(scored))
    if sum_s > 0:
        sum_s += amplifier
    elif sum_s < 0:
        sum_s -= amplifier
    compound = sum_s / math.sqrt((sum_s * sum_s) + 15)
    pos_sum = 0.0
    neg_sum = 0.0
    neu_count = n - len(scored)
    for score in scored:
        if score > 0:
            pos_sum += float(score) + 1
        else:
            neg_sum += float(score) - 1
    if pos_sum > math.fabs(neg_sum):
        pos_sum += amplifier
    elif pos_sum < math.fabs(neg_sum):
        neg_sum -= amplifier
    total = pos_sum + math.fabs(neg_sum) + neu_count
    return (
        round(math.fabs(neg_sum / total), 3),
        round(math.fabs(neu_count / total), 3),
        round(math.fabs(pos_sum / total), 3),
        round(compound, 4),
    )


_CACHE_LIMIT = 1 << 17  #: distinct tokens remembered; the memory stays bounded on any corpus


#: Lower-case words that :func:`_valence_at` reads around the word it scores, besides the
#: boosters and the negations: "never so"/"never this", "so"/"this" two words before, "least",
#: "kind" (of). A lexicon word with none of these (nor a booster, nor a negation) among the
#: three words before it, and no idiom word near it, keeps its lexicon valence (caps aside).
_CONTEXT_WORDS = frozenset({"never", "so", "this", "least", "kind"})


def _is_context(low: str) -> bool:
    """Whether the lower-case word ``low`` can change the valence of a word after it."""
    return low in _BOOSTERS or low in _NEGATE or "n't" in low or low in _CONTEXT_WORDS


class _TokenInfo(dict):
    """Whitespace token -> ``(word, lower case, in the lexicon, a context word, lexicon valence
    or None, word in capitals, word among the idiom words, any of the three: a context word,
    an idiom word or "but")`` as VADER reads it (a context word: :func:`_is_context`; the idiom
    words: :data:`_IDIOM_WORDS`); ``None`` for a token VADER drops. Filled on first lookup,
    emptied when it holds too many."""

    def __missing__(self, raw: str) -> tuple[str, str, bool, bool, float | None, bool, bool, bool] | None:
        if len(self) >= _CACHE_LIMIT:
            self.clear()
        info = self[raw] = _token_info(raw)
        return info


def _token_info(raw: str) -> tuple[str, str, bool, bool, float | None, bool, bool, bool] | None:
    """What :data:`_TOKEN_INFO` holds for the whitespace token ``raw`` (computed, not cached)."""
    word = _strip_token.__wrapped__(raw)
    if not word:
        return None
    return _word_reading(word, word.lower())


def _word_reading(word: str, low: str) -> tuple[str, str, bool, bool, float | None, bool, bool, bool]:
    """The :data:`_TOKEN_INFO` entry of a token that VADER reads as ``word`` (``low`` is
    ``word.lower()``); the last item says whether the word is a context word, an idiom word
    or "but" (the three that _valences_of looks for in a sentence)."""
    valence = lexicon().get(low)
    context = _is_context(low)
    idiom = word in _IDIOM_WORDS
    return (word, low, valence is not None, context, valence, word.isupper(), idiom,
            context or idiom or low == "but")


_TOKEN_INFO = _TokenInfo()
_WORD = operator.itemgetter(0)
_LOW = operator.itemgetter(1)
_IN_LEX = operator.itemgetter(2)
_CONTEXT = operator.itemgetter(3)
_UPPER = operator.itemgetter(5)
_IDIOM = operator.itemgetter(6)
_SPECIAL = operator.itemgetter(7)


def sentence_valences(text: str) -> tuple[int, list[float], float]:
    """VADER's reading of ``text`` in short: ``(words, non-zero valences in order, emphasis)``.

    The number of words VADER scores, the valences :func:`trace` gives that are not 0 (in
    word order) and the "!"/"?" emphasis: all that the scores and the ``news`` features need.
    The same numbers as :func:`trace` (tests compare them), computed with one lookup per
    whitespace token and the rules run only on lexicon words.
    """
    infos = list(filter(None, map(_TOKEN_INFO.__getitem__, text.split())))
    return _valences_of(infos, _punct_amplifier(text))


def _valences_of(
    infos: list[tuple[str, str, bool, bool, float | None, bool, bool, bool]], amp: float
) -> tuple[int, list[float], float]:
    """:func:`sentence_valences` from the ``_TOKEN_INFO`` of each word VADER keeps.

    A lexicon word with no context word (:func:`_is_context`) at or in the three places before
    it gets its lexicon valence, the caps emphasis and the idiom check, and nothing else:
    every other rule of :func:`_valence_at` leaves it so (tests compare the two); the others
    go through :func:`_valence_at`. The idiom check runs only where an idiom word is near
    (:data:`_IDIOM_WORDS`). A word's first occurrence (NLTK's ``words.index``) is where it is
    first scored, since every occurrence of a lexicon word is scored. The word lists, the
    context flags and ``is_cap_diff`` are built only when a word needs them.
    """
    n = len(infos)
    scored = list(itertools.compress(range(n), map(_IN_LEX, infos)))
    if not scored:
        return n, [], amp
    if True in map(_SPECIAL, infos):  # a context word, an idiom word or "but" somewhere
        context = list(map(_CONTEXT, infos)) if True in map(_CONTEXT, infos) else None
        idioms = True in map(_IDIOM, infos)
        but = "but" in map(_LOW, infos)
    else:
        context = None
        idioms = but = False
    words: list[str] | None = None
    lower: list[str] | None = None
    is_cap_diff = None
    first: dict[str, float] = {}
    vals = []
    for i in scored:
        info = infos[i]
        item = info[0]
        valence = first.get(item)
        if valence is None:
            # i is the first occurrence of item (NLTK's words.index(item)): an earlier one
            # would have been scored first
            if context is None or True not in context[i - 3 if i > 3 else 0 : i + 1]:
                valence = info[4]
                if info[5]:  # item.isupper()
                    if is_cap_diff is None:
                        is_cap_diff = 0 < n - sum(map(_UPPER, infos)) < n
                    if is_cap_diff:
                        if valence > 0:
                            valence += _C.C_INCR
                        else:
                            valence -= _C.C_INCR
                if idioms and i > 2 and not infos[i - 3][2] and True in map(_IDIOM, infos[i - 3 : i + 3]):
                    if words is None:
                        words = list(map(_WORD, infos))
                    valence = _idioms_check(valence, words, i)
            else:
                if words is None:
                    words = list(map(_WORD, infos))
                if lower is None:
                    lower = list(map(_LOW, infos))
                if is_cap_diff is None:
                    is_cap_diff = 0 < n - sum(map(_UPPER, infos)) < n
                valence = _valence_at(words, lower, i, lexicon(), is_cap_diff)
            first[item] = valence
        vals.append(valence)
    if but:
        bi = (lower or list(map(_LOW, infos))).index("but")
        vals = [v * 0.5 if j < bi else v * 1.5 if j > bi else v for j, v in zip(scored, vals)]
    return n, [v for v in vals if v], amp


def trace(text: str) -> VaderTrace:
    """Score ``text`` with VADER and keep the evidence: each word's valence.

    Examples:
        >>> t = trace("The plan was not a success.")
        >>> [(w, round(v, 2)) for w, v in zip(t.words, t.valences) if v]
        [('success', -2.0)]
        >>> t.scores["compound"]
        -0.4585
    """
    words = _words_and_emoticons(text)
    sentiments = _valences(words)
    amp = _punct_amplifier(text)
    return VaderTrace(tuple(words), tuple(map(float, sentiments)), amp, _score(sentiments, amp))


@functools.lru_cache(maxsize=8192)
def _cached_scores(text: str) -> tuple[float, float, float, float]:
    return _scores(*sentence_valences(text))


def polarity_scores(text: str) -> dict[str, float]:
    """VADER's scores of ``text``, equal to NLTK's ``SentimentIntensityAnalyzer.polarity_scores``.

    Returns:
        ``{"neg", "neu", "pos", "compound"}``: ``neg``/``neu``/``pos`` are shares of the
        text's sentiment weight (0..1, rounded to 3 decimals, summing to about 1; all 0 for a
        text with no words); ``compound`` is the normalised sum of valences in -1..1
        (rounded to 4 decimals; > 0 positive, < 0 negative; VADER's authors call |c| < 0.05
        neutral).

    Examples:
        >>> polarity_scores("The plan was a disaster.")
        {'neg': 0.577, 'neu': 0.423, 'pos': 0.0, 'compound': -0.6249}
    """
    neg, neu, pos, compound = _cached_scores(text)
    return {"neg": neg, "neu": neu, "pos": pos, "compound": compound}
