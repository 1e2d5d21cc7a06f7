"""A sentiment scorer calibrated on human ratings of news sentences, and one toward a target.

VADER (:mod:`analysis.vader`) was built for social media. On news it misses words that are
not in its lexicon ("barbaric", "tyrannies", "incandescent": a third of news sentences score
exactly 0) and it saturates quickly. The ``news`` scorer keeps VADER's rules and adds
two more lexicons, then weighs everything with a small linear model fitted to human ratings:

- **features** (:data:`SENTENCE_FEATURES`, 13 numbers per sentence): VADER's compound, its raw
  valence sum, the sums and counts of its positive and negative word valences, its ``pos`` and
  ``neg`` shares and the sum over the square root of the word count; and the positive and
  negative sums of two other lexicons, AFINN-165 and the Harvard General Inquirer
  (:func:`analysis.resources.sentiment_lexicon`), looked up by word and then by lemma
  (``simplemma``), with a word's score reversed and halved after "not", "no", "never", "n't"
  and a few other negators in the three words before it;
- **model**: ridge regression (standardised features, alpha chosen by cross-validation),
  its output stretched about the mean rating so that its spread matches the human ratings'
  (ridge predictions are shrunk toward the mean; the stretch leaves correlations unchanged),
  trained on the human-rated New York Times snippets of the VADER paper (Hutto & Gilbert 2014)
  by ``benchmarks/train_sentiment.py``. The weights are ``analysis/data/news_sentiment.json``
  (a few kilobytes); prediction is a dot product here, no scikit-learn needed.

Its output is on the scale of the human ratings: the mean rating on a -4..4 scale divided by 4,
so -1..1 with most news sentences between -0.5 and 0.5 (clipped to -1..1). It is a
*regression* score: 0.3 is a clearly positive sentence for a news reader; VADER's compound of
the same sentence is often 0.8.

The **target** model (:func:`target_probabilities`) answers a different question: how does a
sentence treat one mention in it (a person, organisation or place)? It is a three-class
logistic regression over :data:`TARGET_FEATURES`: the tone of the whole sentence, of the
words around the mention, of its clause, of the text before and after it, whether the mention
is the speaker of a statement ("X said ...", "according to X"), whether it stands inside a
quotation, and whether it is a pronoun. It is trained on NewsMTSC (Hamborg & Donnay 2021)
by the same script. The measured figures are in ``analysis/data/sentiment_results.json``.
"""

from __future__ import annotations

import functools
import itertools
import json
import math
import operator
import re
from collections.abc import Iterable, Sequence
from typing import Literal

import numpy as np

from . import lemmas, vader
from .errors import ResourceError
from .paths import DATA_DIR
from .resources import sentiment_lexicon

__all__ = [
    "DEFAULT_METHOD",
    "METHODS",
    "MODEL_PATH",
    "Method",
    "SENTENCE_FEATURES",
    "TARGET_CLASSES",
    "TARGET_FEATURES",
    "load_model",
    "news_score",
    "news_scores",
    "sentence_features",
    "sentence_scores",
    "sentences_scores",
    "target_features",
    "target_probabilities",
    "target_score",
]

MODEL_PATH = DATA_DIR / "news_sentiment.json"

#: Scoring methods: ``news`` (calibrated on human ratings of news, the default because its
#: cross-validated correlation with them beats VADER's) and ``vader`` (NLTK's VADER, exactly).
METHODS = ("news", "vader")
Method = Literal["news", "vader"]
DEFAULT_METHOD: Method = "news"

SENTENCE_FEATURES = (
    "vader_compound",
    "vader_sum",
    "vader_pos_sum",
    "vader_neg_sum",
    "vader_n_pos",
    "vader_n_neg",
    "vader_pos_share",
    "vader_neg_share",
    "vader_sum_per_sqrt_words",
    "afinn_pos",
    "afinn_neg",
    "gi_pos",
    "gi_neg",
)

TARGET_FEATURES = (
    "sentence_news",
    "sentence_vader",
    "window_vader",
    "clause_vader",
    "left_vader",
    "right_vader",
    "window_afinn",
    "window_gi",
    "is_speaker",
    "speaker_x_sentence",
    "in_quotes",
    "quote_vader",
    "is_pronoun",
    "at_start",
    "start_x_right",
)

#: Classes of the target model, in the order of :func:`target_probabilities`.
TARGET_CLASSES = ("negative", "neutral", "positive")

_WORD_RE = re.compile(r"[a-z0-9]+(?:['-][a-z0-9]+)*")
_NEGATORS = frozenset(
    "not no never nor neither nobody none nothing nowhere without cannot hardly barely".split()
)
#: Reporting verbs for the "is the mention the speaker?" feature. Frozen here, not read from
#: the quotes module's lexicon, because the trained weights depend on this exact list.
_CUES = frozenset(
    """said says say saying told tells tell added adds stated states argued argues claimed
    claims warned warns insisted insists wrote writes noted notes explained explains asked asks
    announced announces declared declares admitted admits acknowledged acknowledges suggested
    suggests predicted predicts emphasized emphasised stressed stresses recalled recalls
    tweeted tweets replied replies responded responds continued continues believes believed
    thinks thought agreed agrees denied denies pointed reiterated reiterates""".split()
)
_PRONOUNS = frozenset("he she him her his hers they them their it its i we you".split())
_CLAUSE_BREAK_RE = re.compile(r"[,;:()\u2014\u2013]|\s-\s|\b(?:but|while|although|though|whereas)\b")
_QUOTE_CHARS = "\"\u201c\u201d"
_WINDOW = 6


@functools.cache
def _lemma(word: str) -> str:
    """``simplemma.lemmatize(word, lang="en")``; a lower-case ASCII word found in simplemma's
    English dictionary is looked up there directly.

    For such a word simplemma's pipeline (NFC, no canonical form for English, not numeric, no
    apostrophe) comes to its dictionary lookup first, which answers the entry of the word or
    of its capitalised form when there is one; only the other words go through the pipeline.
    A test compares the two on every word of the lexicons and of the CMU dictionary.
    """
    if word.isascii() and word.isalpha() and word.islower():
        entries = _en_dictionary()
        lemma = entries.get(word)
        if lemma is None:
            lemma = entries.get(word.capitalize())
        if lemma is not None:
            return lemma
    return lemmas.lemmatize(word)


def _en_dictionary():
    """simplemma's English dictionary, the one ``simplemma.lemmatize`` reads (loaded once;
    :func:`analysis.lemmas.english_dictionary`)."""
    return lemmas.english_dictionary()


def _lexicon_sums(words: Sequence[str], lex: dict[str, float], scale: float) -> tuple[float, float]:
    pos = neg = 0.0
    for i, w in enumerate(words):
        s = lex.get(w)
        if s is None:
            s = lex.get(_lemma(w))
        if not s:
            continue
        s = s / scale
        if any(p in _NEGATORS or p.endswith("n't") for p in words[max(0, i - 3) : i]):
            s = -0.5 * s
        if s > 0:
            pos += s
        else:
            neg += s
    return pos, neg


def _lexicon_score(word: str, lex: dict[str, float], scale: float) -> float:
    s = lex.get(word)
    if s is None:
        s = lex.get(_lemma(word))
    return s / scale if s else 0.0


_NO_SCORE = (0.0, 0.0, False)
_IS_NEGATOR = operator.itemgetter(2)
_CACHE_LIMIT = 1 << 17  #: distinct words remembered; the memory stays bounded on any corpus


def _word_info(word: str) -> tuple[float, float, bool]:
    """``(AFINN score / 5, General Inquirer score, is a negator)`` of one lower-case word.

    Each score is :func:`_lexicon_score` of the word (its lemma is computed once, and only
    when one of the lexicons lacks the word); a word with neither score nor negation gets
    the one tuple :data:`_NO_SCORE`.
    """
    afinn = sentiment_lexicon("afinn")
    gi = sentiment_lexicon("general_inquirer")
    a = afinn.get(word)
    g = gi.get(word)
    if a is None or g is None:
        lemma = _lemma(word)
        if a is None:
            a = afinn.get(lemma)
        if g is None:
            g = gi.get(lemma)
    info = (
        a / 5.0 if a else 0.0,
        g / 1.0 if g else 0.0,
        word in _NEGATORS or word.endswith("n't"),
    )
    return _NO_SCORE if info == _NO_SCORE else info


class _WordInfo(dict):
    """word -> :func:`_word_info`, computed on first lookup, emptied when it holds too many."""

    def __missing__(self, word: str) -> tuple[float, float, bool]:
        if len(self) >= _CACHE_LIMIT:
            self.clear()
        info = self[word] = _word_info(word)
        return info


_WORD_INFO = _WordInfo()


def _both_lexicon_sums(words: Sequence[str]) -> tuple[float, float, float, float]:
    """``_lexicon_sums`` of AFINN (scale 5) and of the General Inquirer (scale 1) in one pass.

    The same numbers (each word's score is looked up once and cached, and each sum adds the
    same terms in the same order): ``(afinn_pos, afinn_neg, gi_pos, gi_neg)``.
    """
    return _sums_of(list(map(_WORD_INFO.__getitem__, words)))


def _sums_of(infos: list[tuple[float, float, bool]]) -> tuple[float, float, float, float]:
    """:func:`_both_lexicon_sums` from the :func:`_word_info` of each word, in order.

    Words with neither a score nor a negation (most of them) are skipped without a look.
    """
    a_pos = a_neg = g_pos = g_neg = 0.0
    negators = None
    for i in itertools.compress(range(len(infos)), map(_NO_SCORE.__ne__, infos)):
        a, g, _ = infos[i]
        if not a and not g:
            continue
        if negators is None:
            negators = list(map(_IS_NEGATOR, infos))
        if True in negators[max(0, i - 3) : i]:
            a = -0.5 * a
            g = -0.5 * g
        if a:
            if a > 0:
                a_pos += a
            else:
                a_neg += a
        if g:
            if g > 0:
                g_pos += g
            else:
                g_neg += g
    return a_pos, a_neg, g_pos, g_neg


class _TokenInfo(dict):
    """Whitespace token -> ``(VADER's reading of it, the _word_info of each of its words,
    the scores of its scored words or None if it holds a negator, 1 if VADER keeps the token
    else 0, its VADER lexicon valence or None, whether VADER's rules must read the sentence
    word by word because of it)``.

    VADER reads a sentence by whitespace tokens (:data:`analysis.vader._TOKEN_INFO`), and
    :func:`_words` never matches across whitespace (nor does lower-casing change at a space),
    so the words of a sentence are the words of its whitespace tokens, one after the other:
    both are looked up once per distinct token. A sentence without negators (most) sums the
    third parts (:func:`_plain_sums`). Emptied when it holds too many.
    """

    def __missing__(self, raw: str) -> tuple:
        if len(self) >= _CACHE_LIMIT:
            self.clear()
        if raw.isalnum() and raw.isascii():  # one plain word (most tokens), as in _words
            low = raw.lower()
            # VADER keeps such a token whole (no punctuation to strip) unless it is one character
            reading = vader._word_reading(raw, low) if len(raw) > 1 else None
        elif len(raw) > 2 and raw[-1] in _PLAIN_ENDS and raw[:-1].isalnum() and raw[:-1].isascii():
            # a plain word of two or more characters and one closing mark ("said,"): VADER
            # strips the mark, _words finds the word alone
            low = raw[:-1].lower()
            reading = vader._word_reading(raw[:-1], low)
        else:
            low = None
            reading = vader._token_info(raw)
            words = tuple(map(_WORD_INFO.__getitem__, _words(raw)))
            if any(map(_IS_NEGATOR, words)):
                scores: tuple | None = None
            else:
                scores = tuple((a, g) for a, g, _ in words if a or g)
        if low is not None:
            word = _WORD_INFO[low]
            words = (word,)
            if word is _NO_SCORE:
                scores = ()
            elif word[2]:
                scores = None
            else:
                scores = ((word[0], word[1]),) if word[0] or word[1] else ()
        # then: 1 if VADER keeps the token (else 0), its lexicon valence if it is a lexicon
        # word (else None), and whether VADER's rules must read the sentence word by word
        # because of it (a context word, an idiom word, "but", or a lexicon word in capitals)
        if reading is None:
            info = self[raw] = (None, words, scores, 0, None, False)
        else:
            info = self[raw] = (reading, words, scores, 1, reading[4], reading[7] or (reading[2] and reading[5]))
        return info


#: Closing marks that VADER strips from the end of a plain word (they are in its punctuation
#: list) and that :data:`_WORD_RE` never takes into a word.
_PLAIN_ENDS = frozenset('.!?,;:"')
_TOKEN_INFO = _TokenInfo()
_VADER_PART = operator.itemgetter(0)
_WORDS_PART = operator.itemgetter(1)
#: The third part of a token's info: ``(AFINN, General Inquirer)`` of each of its words with a
#: score, in order, or ``None`` when one of its words is a negator.
_SCORES_PART = operator.itemgetter(2)
_KEPT = operator.itemgetter(3)
_LEXICON_VALENCE = operator.itemgetter(4)
_HARD = operator.itemgetter(5)


def _plain_sums(scores: Iterable[tuple[float, float]]) -> tuple[float, float, float, float]:
    """:func:`_sums_of` of a sentence without negators, from the scores of its scored words.

    With no negator nothing is reversed, so the sums add the same terms in the same order.
    """
    a_pos = a_neg = g_pos = g_neg = 0.0
    for a, g in scores:
        if a:
            if a > 0:
                a_pos += a
            else:
                a_neg += a
        if g:
            if g > 0:
                g_pos += g
            else:
                g_neg += g
    return a_pos, a_neg, g_pos, g_neg


def _words(text: str) -> list[str]:
    if text.isalnum() and text.isascii():  # one plain word (most whitespace tokens): itself
        return [text.lower()]
    return _WORD_RE.findall(text.lower().replace("\u2019", "'"))


def sentence_features(text: str) -> list[float]:
    """The 13 numbers the ``news`` scorer weighs, in the order of :data:`SENTENCE_FEATURES`.

    Examples:
        >>> f = dict(zip(SENTENCE_FEATURES, sentence_features("The plan was a disaster.")))
        >>> f["vader_compound"], f["afinn_neg"] < 0
        (-0.6249, True)
    """
    n, vals, amp = vader.sentence_valences(text)
    return _features(n, vals, vader._scores(n, vals, amp), text)


def _features(
    n: int, vals: list[float], scores: tuple[float, float, float, float], text: str
) -> list[float]:
    """:func:`sentence_features` of ``text`` from VADER's reading of it, computed once.

    ``n`` words, their non-zero valences ``vals`` and the scores ``(neg, neu, pos, compound)``
    (:func:`analysis.vader.sentence_valences`); the sums over the non-zero valences equal
    those over every word's (zeros add nothing).
    """
    return _vector(n, vals, scores, _both_lexicon_sums(_words(text)))


def _vector(
    n: int,
    vals: list[float],
    scores: tuple[float, float, float, float],
    sums: tuple[float, float, float, float],
) -> list[float]:
    s = float(sum(vals))
    positive = [v for v in vals if v > 0]
    negative = [v for v in vals if v < 0]
    a_pos, a_neg, g_pos, g_neg = sums
    neg, _, pos, compound = scores
    return [
        compound,
        s,
        float(sum(positive)),
        float(sum(negative)),
        float(len(positive)),
        float(len(negative)),
        pos,
        neg,
        s / math.sqrt(max(n, 1)),
        a_pos,
        a_neg,
        g_pos,
        g_neg,
    ]


@functools.cache
def load_model() -> dict:
    """The trained weights (``analysis/data/news_sentiment.json``), read once.

    Raises:
        ResourceError: the file is missing or was trained on other features than this module
            computes (rebuild it with ``benchmarks/train_sentiment.py``).
    """
    try:
        model = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ResourceError(
            f"the news sentiment model {MODEL_PATH} is missing; rebuild it with "
            "`.venv/bin/python benchmarks/train_sentiment.py`"
        ) from exc
    if tuple(model["sentence"]["features"]) != SENTENCE_FEATURES or tuple(
        model["target"]["features"]
    ) != TARGET_FEATURES:
        raise ResourceError(
            f"{MODEL_PATH} was trained on other features than analysis/news_sentiment.py "
            "computes; rebuild it with `.venv/bin/python benchmarks/train_sentiment.py`"
        )
    return model


@functools.lru_cache(maxsize=8192)
def news_score(text: str) -> float:
    """Sentiment of one sentence on the human-rating scale, -1 (very negative) .. 1.

    Most news sentences fall between -0.5 and 0.5; 0 is neutral. Scores of longer texts are
    computed as if they were one sentence: prefer :func:`analysis.sentiment.polarity`, which
    averages sentence scores.

    Examples:
        >>> news_score("The plan was a disaster.") < -0.1 < 0.1 < news_score("A resounding success.")
        True
    """
    return _score_features(sentence_features(text))


@functools.cache
def _sentence_weights() -> tuple[np.ndarray, np.ndarray, np.ndarray, float, float, float]:
    """The sentence model as arrays, converted once: mean, scale, coef, intercept, center, stretch."""
    m = load_model()["sentence"]
    return (
        np.asarray(m["mean"], dtype=float),
        np.asarray(m["scale"], dtype=float),
        np.asarray(m["coef"], dtype=float),
        m["intercept"],
        m["center"],
        m["stretch"],
    )


def _score_features(features: list[float]) -> float:
    """The ``news`` score of one sentence from its :func:`sentence_features`."""
    mean, scale, coef, intercept, center, stretch = _sentence_weights()
    x = (np.asarray(features) - mean) / scale
    raw = float(x @ coef + intercept)
    return float(min(max(center + stretch * (raw - center), -1.0), 1.0))


def sentence_scores(text: str) -> tuple[float, float, float, float, float]:
    """VADER's ``neg``, ``neu``, ``pos``, ``compound`` and the ``news`` score of one sentence.

    Equal to ``analysis.vader.polarity_scores(text)`` and :func:`news_score`, with VADER run
    once instead of twice and nothing cached: what :func:`analysis.sentiment.sentence_sentiment`
    needs for each sentence. A blank text gets VADER's compound (0.0) as its ``news`` score,
    as in :func:`analysis.sentiment.score_text`. VADER's scores and the VADER features come
    from one pass over the valences (:func:`_vader_features`).
    """
    return sentences_scores([text])[0]


def sentences_scores(texts: Sequence[str]) -> list[tuple[float, float, float, float, float]]:
    """:func:`sentence_scores` of each text, the model applied to all of them at once.

    The standardised features of all sentences are one array (each element the same
    subtraction and division as for one sentence), and each sentence's dot product with the
    weights is taken on its own row (the same ``ddot`` on the same 13 numbers), so every
    score equals :func:`_score_features` of that sentence (tests compare them).
    """
    parts = list(map(_sentence_parts, texts))
    vectors = [p[4] for p in parts if p[4] is not None]
    if not vectors:
        return [p[:4] + (p[3],) for p in parts]
    mean, scale, coef, intercept, center, stretch = _sentence_weights()
    x = np.array(vectors)
    x -= mean
    x /= scale
    news = iter([
        float(min(max(center + stretch * (raw - center), -1.0), 1.0))
        for raw in [float(row.dot(coef)) + intercept for row in x]
    ])
    return [p[:4] + (p[3] if p[4] is None else next(news),) for p in parts]


def _sentence_parts(text: str) -> tuple[float, float, float, float, list[float] | None]:
    """``(neg, neu, pos, compound, features)`` of one sentence: VADER's scores and the 13
    :func:`sentence_features`, or ``None`` for a blank text (its ``news`` score is VADER's
    compound)."""
    tokens = list(map(_TOKEN_INFO.__getitem__, text.split()))
    if True in map(_HARD, tokens):
        n, vals, amp = vader._valences_of(
            list(filter(None, map(_VADER_PART, tokens))), vader._punct_amplifier(text)
        )
    else:
        # no context word, idiom word, "but" or lexicon word in capitals: every lexicon word
        # keeps its lexicon valence (what vader._valences_of gives such a sentence; the
        # zeros and the words without a valence are left out, as there)
        n = sum(map(_KEPT, tokens))
        vals = list(filter(None, map(_LEXICON_VALENCE, tokens)))
        amp = vader._punct_amplifier(text)
    if not n:
        if not text.strip():
            return 0.0, 0.0, 0.0, 0.0, None
        vector = [0.0] * 14  # VADER's scores and sums of no word are 0.0, as _vector gives them
    else:
        vector = _vader_features(n, vals, amp)
    parts = list(map(_SCORES_PART, tokens))
    if None in parts:  # a negator: the words it reverses are found word by word
        sums = _sums_of(list(itertools.chain.from_iterable(map(_WORDS_PART, tokens))))
    else:
        sums = _plain_sums(itertools.chain.from_iterable(parts))
    neu = vector.pop()
    vector[9:13] = sums
    return vector[7], neu, vector[6], vector[0], vector


def _vader_features(n: int, vals: list[float], amp: float) -> list[float]:
    """``analysis.vader._scores(n, vals, amp)`` and the VADER part of :func:`_vector`, in one
    pass over the non-zero valences ``vals`` of ``n > 0`` words.

    Returns the 9 VADER features of :data:`SENTENCE_FEATURES`, 4 places for the lexicon sums,
    then VADER's ``neu`` (14 items). Each sum adds the same terms in the same order as
    ``sum()`` and the loops there do (a sum that starts from 0.0 instead of the integer 0
    gives the same float; the valences are never -0.0), so the numbers are equal (tests
    compare them); the four scores are rounded as :func:`_rounded` rounds.
    """
    s = p = q = 0.0
    n_pos = n_neg = 0
    pos_sum = neg_sum = 0.0
    for v in vals:
        s += v
        if v > 0:
            p += v
            n_pos += 1
            pos_sum += float(v) + 1
        else:  # v < 0: no valence here is 0
            q += v
            n_neg += 1
            neg_sum += float(v) - 1
    sum_s = s
    if sum_s > 0:
        sum_s += amp
    elif sum_s < 0:
        sum_s -= amp
    compound = sum_s / math.sqrt((sum_s * sum_s) + 15)
    if pos_sum > math.fabs(neg_sum):
        pos_sum += amp
    elif pos_sum < math.fabs(neg_sum):
        neg_sum -= amp
    neu_count = n - len(vals)
    total = pos_sum + math.fabs(neg_sum) + neu_count
    pos = math.fabs(pos_sum / total)
    neg = math.fabs(neg_sum / total)
    neu = math.fabs(neu_count / total)
    # round(x, 4) and round(x, 3) as vader._scores rounds, without round()'s decimal formatting
    compound = _rounded(compound, 10000.0, 4)
    pos = _rounded(pos, 1000.0, 3)
    neg = _rounded(neg, 1000.0, 3)
    neu = _rounded(neu, 1000.0, 3)
    return [compound, s, p, q, float(n_pos), float(n_neg), pos, neg, s / math.sqrt(n),
            0.0, 0.0, 0.0, 0.0, neu]


def _rounded(x: float, scale: float, ndigits: int) -> float:
    """``round(x, ndigits)`` for ``scale == 10.0 ** ndigits`` and ``|x| <= 1`` (how
    :func:`_vader_features` rounds VADER's scores).

    ``round`` rounds the exact value of ``x`` to ``ndigits`` decimals (half to even) and
    returns the float nearest that decimal. ``y = x * scale + 0.5`` is within about 1e-12 of
    its exact value, so when it is more than 1e-9 away from an integer, the integer ``r``
    below it is the exact value's nearest integer and no tie is near; ``r / scale`` is then
    the float nearest ``r * 10**-ndigits`` (one correctly rounded division of exact numbers),
    and ``x * 0.0`` is the zero of ``x``'s sign that ``round`` gives. Near a tie, ``round``
    itself decides. Tests compare this with ``round`` next to every tie.
    """
    y = x * scale + 0.5
    r = y // 1.0
    d = y - r
    return (r / scale if r else x * 0.0) if 1e-9 < d < 0.999999999 else round(x, ndigits)


def news_scores(texts: Iterable[str]) -> np.ndarray:
    """:func:`news_score` of each text, as a float array."""
    return np.array([news_score(t) for t in texts], dtype=float)


def _compound(text: str) -> float:
    return vader.polarity_scores(text)["compound"] if text.strip() else 0.0


def _clause_span(norm: str, start: int, end: int) -> tuple[int, int]:
    left, right = 0, len(norm)
    for m in _CLAUSE_BREAK_RE.finditer(norm):
        if m.end() <= start:
            left = m.end()
        elif m.start() >= end:
            right = m.start()
            break
    return left, right


def _quote_spans(norm: str) -> list[tuple[int, int]]:
    marks = [i for i, c in enumerate(norm) if c in _QUOTE_CHARS]
    return [(marks[k] + 1, marks[k + 1]) for k in range(0, len(marks) - 1, 2)]


def target_features(sentence: str, start: int, end: int) -> list[float]:
    """Features of the mention ``sentence[start:end]``, in the order of :data:`TARGET_FEATURES`.

    Args:
        sentence: the sentence holding the mention (one sentence, not a whole article).
        start: offset of the mention's first character in ``sentence``.
        end: offset just after the mention.
    """
    norm = sentence.replace("\u2019", "'")
    left_text, right_text = norm[:start], norm[end:]
    left_words, right_words = left_text.split(), right_text.split()
    window = " ".join(left_words[-_WINDOW:] + right_words[:_WINDOW])
    c0, c1 = _clause_span(norm, start, end)
    clause = norm[c0:start] + " " + norm[end:c1]
    lw = [w.strip(",.;:!?\"'()").lower() for w in left_words[-3:]]
    rw = [w.strip(",.;:!?\"'()").lower() for w in right_words[:3]]
    is_speaker = float(
        any(w in _CUES for w in rw)
        or any(w in _CUES for w in lw[-2:])
        or (len(lw) >= 2 and lw[-2:] == ["according", "to"])
    )
    quotes = _quote_spans(norm)
    in_quotes = float(any(a <= start and end <= b for a, b in quotes))
    quoted = " ".join(norm[a:b] for a, b in quotes)
    ww = _words(window)
    a_pos, a_neg = _lexicon_sums(ww, sentiment_lexicon("afinn"), 5.0)
    g_pos, g_neg = _lexicon_sums(ww, sentiment_lexicon("general_inquirer"), 1.0)
    sent_vader = _compound(norm)
    right_vader = _compound(right_text)
    at_start = float(len(left_words) <= 2)
    return [
        news_score(sentence),
        sent_vader,
        _compound(window),
        _compound(clause),
        _compound(left_text),
        right_vader,
        a_pos + a_neg,
        g_pos + g_neg,
        is_speaker,
        is_speaker * sent_vader,
        in_quotes,
        _compound(quoted),
        float(norm[start:end].strip().lower() in _PRONOUNS),
        at_start,
        at_start * right_vader,
    ]


def target_probabilities(sentence: str, start: int, end: int) -> tuple[float, float, float]:
    """Probabilities that ``sentence`` treats the mention at ``[start, end)`` negatively,
    neutrally or positively (the order of :data:`TARGET_CLASSES`); they sum to 1."""
    m = load_model()["target"]
    x = (np.asarray(target_features(sentence, start, end)) - m["mean"]) / m["scale"]
    z = np.asarray(m["coef"]) @ x + np.asarray(m["intercept"])
    p = np.exp(z - z.max())
    p /= p.sum()
    return float(p[0]), float(p[1]), float(p[2])


def target_score(sentence: str, start: int, end: int) -> float:
    """Sentiment toward the mention at ``sentence[start:end]`` in -1..1 from the target model.

    The sign is the most likely class and the size its probability: positive → ``+p(pos)``,
    negative → ``-p(neg)`` (so |score| > 1/3), neutral → ``0.05 * (p(pos) - p(neg))`` (inside
    the usual neutral band -0.05..0.05).

    Examples:
        >>> s = "Critics attacked Smith for his disastrous and corrupt plan."
        >>> target_score(s, s.index("Smith"), s.index("Smith") + 5) < 0
        True
    """
    neg, neu, pos = target_probabilities(sentence, start, end)
    if pos >= neg and pos > neu:
        return pos
    if neg > pos and neg > neu:
        return -neg
    return 0.05 * (pos - neg)
