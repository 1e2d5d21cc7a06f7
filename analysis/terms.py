"""Which words carry a story: term frequency, n-grams, TF-IDF and collocations.

A *term* is a word token of the text layer (:func:`analysis.text.segment`: hyphenated names
whole, dotted acronyms whole, the possessive ``’s`` a separate clitic) after a few normalisations
a teacher would not want to fix by hand. With the defaults:

- **case folded**: "Iran" and "iran" are one term, ``iran``;
- **possessives folded**: "Iran’s" counts as ``iran`` (the clitic ``’s`` is not a term);
- **hyphenated names whole**: "Takht-Ravanchi" is ``takht-ravanchi`` (typographic hyphens made
  ASCII);
- **numbers dropped** (``numbers="keep"`` keeps "2015", "3.5%", "$10" as terms);
- **stopwords removed**: the project's list ``analysis/data/stopwords.txt`` (NLTK's 179 English
  stopwords plus ten news function words: the modals NLTK lacks, "us", "also", honorifics; its
  header says why);
- **a capitalised stopword stays a term, in capitals**: "US" (the country) is the term ``US``,
  never the pronoun "us"; the same for "IT", "WHO" (two letters or more, all capitals).
  Dotted acronyms lose their dots when in capitals, so "U.S." and "US" are one term ``US``.
- **lemmas** on request (``lemmatize=True``, from the ``simplemma`` package): "negotiations" →
  ``negotiation``, "was" → ``be`` (then removed as a stopword).

Every function here takes *texts*: one string, an :class:`~analysis.loaders.Article`, a list of
either, a pandas Series of strings or a corpus DataFrame (``id`` and ``text`` columns, as
:func:`~analysis.loaders.load_corpus` returns).

:func:`term_frequencies` and :func:`tfidf` count from one pass of the text layer's token
pattern over each text, without building offsets or sentences; the counts of the last four
corpora are cached, so term frequencies and TF-IDF of one corpus tokenise it once (as
scikit-learn's TfidfTransformer reuses CountVectorizer's counts). :func:`ngrams`,
:func:`collocations`, :func:`term_table` and the concordance use :func:`analysis.text.segment`,
because they need sentence boundaries and offsets; they are slower on large corpora.

Keyness is in :mod:`analysis.keyness` and the concordance (KWIC) in :mod:`analysis.concordance`;
both are re-exported here.
"""

from __future__ import annotations

import functools
import itertools
import logging
import math
import operator
import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
import pandas as pd

from . import lemmas as _lemmas
from . import text as _text
from .errors import ParameterError, check_choice
from .frames import OnError, build_frame, iter_id_text
from .loaders import Article
from .resources import stopwords as _project_stopwords

log = logging.getLogger(__name__)

__all__ = [
    "TERM_COLUMNS",
    "TERM_TOKEN_COLUMNS",
    "NGRAM_COLUMNS",
    "TFIDF_COLUMNS",
    "COLLOCATION_COLUMNS",
    "TermOptions",
    "term_options",
    "normalise_term",
    "term_table",
    "term_sequences",
    "term_frequencies",
    "term_frequency_columns",
    "term_frame",
    "ngrams",
    "tfidf",
    "collocations",
    "keyness",
    "kwic",
    "kwic_frame",
    "term_positions",
    "clear_caches",
]

TERM_COLUMNS = ("term", "count", "rel_freq", "doc_freq")
TERM_TOKEN_COLUMNS = ("token_id", "sent_id", "start", "end", "token", "term", "status")
NGRAM_COLUMNS = ("ngram", "n", "count", "rel_freq", "doc_freq")
TFIDF_COLUMNS = ("doc", "term", "tf", "idf", "tfidf")
COLLOCATION_COLUMNS = (
    "collocation", "w1", "w2", "count", "count_w1", "count_w2", "pmi", "llr", "t_score",
)

Numbers = Literal["drop", "keep"]
TfidfVariant = Literal["sklearn", "classic"]
Measure = Literal["pmi", "llr", "t"]
TextsLike = str | Article | Iterable[str | Article] | pd.Series | pd.DataFrame
StopwordsLike = bool | Collection[str]

_CURRENCY = "$£€¥"
_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-"})
# Punctuation that ends a run of words for n-grams, collocations and multiword KWIC: a gram does
# not span "Tehran, Iran" or "(JCPOA) and". Quotation marks and apostrophes do not break a run
# ('a “maximum pressure” campaign' gives "maximum pressure" and "pressure campaign").
_BREAKS = frozenset(".,;:!?()[]{}—–-…/|")
# The text layer's token pattern (analysis.text._TOKEN_RE) for counting, made faster without
# changing a single token:
#   1. its named groups become non-capturing and the whole is one group after ``\s*``: findall
#      then returns the tokens as plain strings (collections.Counter counts them in C), and a
#      run of whitespace is skipped in one step instead of trying every alternative at each
#      space. No token starts with whitespace, so the same tokens are found;
#   2. a run of ASCII letters followed by whitespace or , ; : ! ? ) " “ ” (or ".", for two
#      letters or more), or by the end, is tried first: there every alternative of the pattern
#      that can match gives that same run as a word (no digit, apostrophe or hyphen follows, and
#      it is not a dotted acronym).
# Together they make the tokeniser two to three times faster on news text.
# tests/test_terms.py checks that the tokens equal segment()'s; benchmarks/bench_terms.py
# measures it. The same change would speed up analysis.text.segment.
_FAST_WORD = (
    r"[A-Za-z]{2,}(?=[\s,.;:!?)\"\u201c\u201d]|\Z)|[A-Za-z](?=[\s,;:!?)\"\u201c\u201d]|\Z)"
)
_FLAT_TOKEN_RE = re.compile(
    # "\n)" closes the group after the pattern's last line, which is a comment in VERBOSE mode
    r"\s*(" + _FAST_WORD + "|" + re.sub(r"\(\?P<\w+>", "(?:", _text._TOKEN_RE.pattern) + "\n)",
    _text._TOKEN_RE.flags,
)


# --------------------------------------------------------------------------- options


@dataclass(frozen=True)
class TermOptions:
    """How tokens become terms (build it with :func:`term_options`).

    Attributes:
        lowercase: fold case (a capitalised stopword stays in capitals, see the module doc).
        stop: lower-case words removed as stopwords (empty: none removed).
        guard: lower-case words whose all-capitals form ("US") is a term of its own.
        numbers: ``"drop"`` or ``"keep"`` number tokens.
        lemmatize: replace each word by its lemma (``simplemma``).
    """

    lowercase: bool = True
    stop: frozenset[str] = frozenset()
    guard: frozenset[str] = frozenset()
    numbers: str = "drop"
    lemmatize: bool = False


def term_options(
    *,
    lowercase: bool = True,
    stopwords: StopwordsLike = True,
    numbers: Numbers = "drop",
    lemmatize: bool = False,
    extra_stopwords: Iterable[str] = (),
) -> TermOptions:
    """Check the term options shared by every function of this module.

    Args:
        lowercase: fold case ("Iran" → ``iran``).
        stopwords: ``True`` removes the project's list (:func:`analysis.resources.stopwords`),
            ``False`` removes nothing, a collection of words removes those instead.
        numbers: ``"drop"`` (default) or ``"keep"`` number tokens ("2015", "3.5%", "$10").
        lemmatize: count lemmas (``simplemma``, English) instead of word forms.
        extra_stopwords: words removed in addition (also when ``stopwords=False``).

    Raises:
        ParameterError: an option has a wrong value or type.

    Examples:
        >>> opts = term_options(stopwords=["iran"], extra_stopwords=["Said"])
        >>> sorted(opts.stop)
        ['iran', 'said']
    """
    check_choice("numbers", numbers, ("drop", "keep"))
    if isinstance(stopwords, str):
        raise ParameterError(
            f"stopwords={stopwords!r}: pass True, False or a list of words, e.g. stopwords=['said']"
        )
    if isinstance(extra_stopwords, str):
        raise ParameterError(
            f"extra_stopwords={extra_stopwords!r}: pass a list of words, e.g. extra_stopwords=['said']"
        )
    extra = frozenset(str(w).lower() for w in extra_stopwords)
    if stopwords is True:
        stop = _project_stopwords() | extra
    elif stopwords is False or stopwords is None:
        stop = extra
    else:
        try:
            stop = frozenset(str(w).lower() for w in stopwords) | extra
        except TypeError as exc:
            raise ParameterError(
                f"stopwords must be True, False or a collection of words, not {type(stopwords).__name__}"
            ) from exc
    guard = stop if stop else _project_stopwords()
    if lemmatize:
        _lemmas.simplemma_module()  # fail early with a clear message
    return TermOptions(bool(lowercase), stop, guard | stop, numbers, bool(lemmatize))


@functools.lru_cache(maxsize=100_000)
def _lemma(word: str) -> str:
    return _lemmas.lemmatize(word)  # simplemma.lemmatize(word, lang="en"), exactly


# One entry per distinct token string: (kind, term, is_stop). kind is word, number, clitic
# or punct; term is None for punctuation, clitics and dropped numbers.
_Info = tuple[str, "str | None", bool]


def _analyse(surface: str, opts: TermOptions) -> _Info:
    if surface.isalpha():  # most tokens: a plain word
        word = surface
    else:
        c0 = surface[0]
        if c0.isdecimal() or c0 in _CURRENCY:
            return ("number", surface.lower() if opts.numbers == "keep" else None, False)
        if c0 == "'" or c0 == "\u2019" or surface in ("n't", "n\u2019t"):
            return ("clitic", None, False)
        if len(surface) == 1 and not surface.isalnum():
            return ("punct", None, False)
        word = surface.translate(_HYPHENS).replace("\u2019", "'")  # hyphens, apostrophes ASCII
        if "." in word:  # dotted acronym: U.S. -> US (lower-case ones such as e.g. keep their dots)
            bare = word.replace(".", "")
            if bare.isupper():
                word = bare
    low = word.lower()
    if len(word) > 1 and word.isupper() and low in opts.guard:
        return ("word", word, False)  # "US", the country: never the pronoun, never removed
    is_stop = low in opts.stop
    term = low if opts.lowercase else word
    if opts.lemmatize:  # simplemma capitalises names ("iran" -> "Iran"): fold again
        term = _lemma(term).lower() if opts.lowercase else _lemma(term)
        is_stop = is_stop or term.lower() in opts.stop
    return ("word", term, is_stop)


class _Normaliser(dict):
    """token string -> _Info, computed once per distinct string and options."""

    def __init__(self, opts: TermOptions):
        super().__init__()
        self.opts = opts

    def __missing__(self, surface: str) -> _Info:
        info = _analyse(surface, self.opts)
        self[surface] = info
        return info


@functools.lru_cache(maxsize=32)
def _normaliser(opts: TermOptions) -> _Normaliser:
    return _Normaliser(opts)


def normalise_term(token: str, **options: Any) -> str | None:
    """The term one token counts as, or ``None`` when it is not counted.

    Args:
        token: one token as the text layer gives it ("Iran", "Takht-Ravanchi", "U.S.", "2015").
        **options: the options of :func:`term_options`.

    Returns:
        The term, or ``None`` for punctuation, clitics ("’s"), dropped numbers and stopwords.

    Examples:
        >>> [normalise_term(t) for t in ["Iran", "Takht‑Ravanchi", "US", "us", "U.S.", "2015", "’s"]]
        ['iran', 'takht-ravanchi', 'US', None, 'US', None, None]
        >>> normalise_term("negotiations", lemmatize=True)
        'negotiation'
    """
    kind, term, is_stop = _analyse(_text.normalise_quotes(token), term_options(**options))
    return None if is_stop else term


# --------------------------------------------------------------------------- inputs


def _as_docs(texts: TextsLike, ids: Sequence[Any] | None = None) -> tuple[list[str], list[Any]]:
    """Texts and their ids from any of the accepted inputs."""
    if isinstance(texts, str):
        docs, default_ids = [texts], [0]
    elif isinstance(texts, (Article, pd.DataFrame)):
        pairs = [(aid, text) for aid, text, _ in iter_id_text(texts)]
        docs, default_ids = [t for _, t in pairs], [a for a, _ in pairs]
    elif isinstance(texts, pd.Series):
        docs, default_ids = list(texts), list(range(len(texts)))
    elif isinstance(texts, bytes):
        raise ParameterError("texts are bytes: decode them first, or load the file with load_article")
    else:
        try:
            items = list(texts)
        except TypeError as exc:
            raise ParameterError(
                f"texts must be a string, an Article, a list of them, a Series or a corpus DataFrame, "
                f"not {type(texts).__name__}"
            ) from exc
        docs, default_ids = [], []
        for i, item in enumerate(items):
            if isinstance(item, Article):
                docs.append(item.text)
                default_ids.append(item.id)
            else:
                docs.append(item)
                default_ids.append(i)
    for i, doc in enumerate(docs):
        if not isinstance(doc, str):
            raise ParameterError(
                f"text number {i} is a {type(doc).__name__}, not a str; pass article texts "
                "(a missing text in a corpus frame is NaN: drop it with .dropna(subset=['text']))"
            )
    if ids is None:
        return docs, default_ids
    ids = list(ids)
    if len(ids) != len(docs):
        raise ParameterError(f"ids has {len(ids)} items for {len(docs)} texts; give one id per text")
    return docs, ids


# --------------------------------------------------------------------------- counting core

# Single quotation marks that normalise_quotes() turns into "'" and the token pattern does not
# already treat as an apostrophe (it accepts ' and ’): only texts holding one need translating.
_OTHER_APOSTROPHES = re.compile("[\u2018\u201a\u201b\u2032\u2039\u203a]")


@functools.lru_cache(maxsize=256)
def _surface_counts(text: str) -> Counter[str]:
    """How often each token string occurs in ``text`` (the text layer's tokens). Do not mutate.

    Double quotation marks are single punctuation tokens whether curly or straight, and the
    pattern reads ’ as an apostrophe, so the text is translated with
    :func:`analysis.text.normalise_quotes` only when it holds another single quotation mark.
    """
    if _OTHER_APOSTROPHES.search(text):
        text = _text.normalise_quotes(text)
    return Counter(_FLAT_TOKEN_RE.findall(text))


class _Index(dict):
    """key -> 0, 1, 2, ... in order of first lookup."""

    def __missing__(self, key: str) -> int:
        i = self[key] = len(self)
        return i


@dataclass(frozen=True)
class _Counts:
    """Term counts of a corpus in long form: one entry per (text, term) present."""

    vocab: np.ndarray  # term strings (object), indexed by term id
    doc: np.ndarray  # text index of each entry, ascending
    term: np.ndarray  # term id of each entry
    count: np.ndarray  # occurrences of the term in the text
    n_words: np.ndarray  # running words of each text (stopwords included)

    @functools.cached_property
    def rank(self) -> np.ndarray:
        """Alphabetical rank of each term id (for sorting ties by term)."""
        rank = np.empty(len(self.vocab), dtype="int64")
        rank[np.argsort(self.vocab, kind="stable")] = np.arange(len(self.vocab))
        return rank


def _corpus_counts(docs: list[str], opts: TermOptions) -> _Counts:
    return _counts_cached(tuple(docs), opts)


@functools.lru_cache(maxsize=4)
def _counts_cached(docs: tuple[str, ...], opts: TermOptions) -> _Counts:
    """Count once per corpus and options; term_frequencies and tfidf on one corpus share it."""
    return _count(list(map(_surface_counts, docs)), opts)


def _segmented_surface_counts(text: str) -> Counter[str]:
    """:func:`_surface_counts` of a text whose :func:`analysis.text.segment` is at hand.

    The segmentation tokenises the text itself with the same pattern (unless the text holds a
    single quotation mark of ``_OTHER_APOSTROPHES``), so its ``token_text`` are the same
    strings in the same order; :mod:`analysis.pipeline` counts them right after the other
    analyses, while ``segment(text)`` is still cached, instead of tokenising again.
    """
    if _OTHER_APOSTROPHES.search(text):
        return _surface_counts(text)
    return Counter(_text.segment(text).token_text)


_TERM = operator.itemgetter(1)
_IS_STOP = operator.itemgetter(2)


def _count(counters: list[Counter[str]], opts: TermOptions) -> _Counts:
    """Term counts of texts given by their :func:`_surface_counts`.

    The Python work is per distinct token string of each text; mapping strings to terms (case,
    stopwords, lemmas) is done once per distinct string of the corpus, and the merging of
    strings that give one term ("Iran", "iran") is done with numpy.
    """
    norm = _normaliser(opts)
    surfaces = _Index()
    s_arr, c_arr, doc_of = _flat_counts(counters, surfaces.__getitem__)
    infos = list(map(norm.__getitem__, surfaces))  # surfaces in index order
    counted = list(map(_TERM, infos))
    running = np.fromiter(map(operator.is_not, counted, itertools.repeat(None)), dtype=bool, count=len(infos))
    # a term for the strings that count and are no stopwords, numbered in order of first string
    keep = running & ~np.fromiter(map(_IS_STOP, infos), dtype=bool, count=len(infos))
    terms = _Index()
    term_of = np.full(len(surfaces), -1, dtype="int64")
    term_of[keep] = np.fromiter(
        map(terms.__getitem__, itertools.compress(counted, keep.tolist())), dtype="int64", count=int(keep.sum())
    )
    n_terms = max(len(terms), 1)
    n_words, uniq, count = _doc_term_counts(
        s_arr, c_arr, doc_of, term_of, running.astype("int64"), n_terms, len(counters)
    )
    return _Counts(
        vocab=np.array(list(terms), dtype=object),
        doc=uniq // n_terms,
        term=uniq % n_terms,
        count=count,
        n_words=n_words,
    )


def _flat_counts(
    counters: list[Counter[str]], number: Callable[[str], int]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The token strings of every text in one run: ``(string number, count, text number)``
    arrays, the strings numbered by ``number``, texts one after the other."""
    s_idx: list[int] = []
    s_cnt: list[int] = []
    lens = np.zeros(len(counters), dtype="int64")
    for d, c in enumerate(counters):
        s_idx.extend(map(number, c))
        s_cnt.extend(c.values())
        lens[d] = len(c)
    doc_of = np.repeat(np.arange(len(counters), dtype="int64"), lens)
    return np.asarray(s_idx, dtype="int64"), np.asarray(s_cnt, dtype="int64"), doc_of


def _doc_term_counts(
    s_arr: np.ndarray, c_arr: np.ndarray, doc_of: np.ndarray, term_of: np.ndarray,
    running: np.ndarray, n_terms: int, n_docs: int,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """From :func:`_flat_counts` and each string's term number (-1: none) and running-word
    flag: ``(running words per text, sorted text * n_terms + term keys, count of each key)``;
    the strings that give one term ("Iran", "iran") are merged here."""
    n_words = np.bincount(doc_of, weights=c_arr * running[s_arr], minlength=n_docs).astype("int64")
    t_arr = term_of[s_arr]
    keep = t_arr >= 0
    uniq, inverse = np.unique(doc_of[keep] * n_terms + t_arr[keep], return_inverse=True)
    count = np.bincount(inverse, weights=c_arr[keep], minlength=len(uniq)).astype("int64")
    return n_words, uniq, count


def clear_caches() -> None:
    """Forget the cached token counts of recent texts (for benchmarks with a cold cache).

    Also clears :func:`analysis.text.segment`'s cache.
    """
    _surface_counts.cache_clear()
    _counts_cached.cache_clear()
    _normaliser.cache_clear()
    _SURFACES.reset()
    _text.segment.cache_clear()


def _empty(columns: Sequence[str]) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="object") for c in columns})


def term_table(text: str, **options: Any) -> pd.DataFrame:
    """Every token of ``text`` with the term it counts as and why it is (not) counted.

    Use it to check what the kit counts, word by word.

    Args:
        text: one text.
        **options: the options of :func:`term_options`.

    Returns:
        DataFrame with columns ``token_id`` (0-based), ``sent_id``, ``start``, ``end``
        (``text[start:end] == token``), ``token``, ``term`` (the normalised form, also for
        stopwords; missing (NaN) for punctuation, clitics and dropped numbers) and ``status``:
        ``counted``, ``stopword``, ``number`` (dropped), ``clitic`` or ``punct``.

    Examples:
        >>> term_table("Iran’s US deal")[["token", "term", "status"]].values.tolist()
        [['Iran', 'iran', 'counted'], ['’s', nan, 'clitic'], ['US', 'US', 'counted'], ['deal', 'deal', 'counted']]
    """
    if not isinstance(text, str):
        raise ParameterError(f"expected one text as a str, got {type(text).__name__}")
    norm = _normaliser(term_options(**options))
    seg = _text.segment(text)
    rows = []
    for i, ((s, e, _k), sid) in enumerate(zip(seg.tokens, seg.token_sentence)):
        kind, term, is_stop = norm[seg.norm[s:e]]
        if kind == "number" and term is None:
            status = "number"
        elif kind in ("clitic", "punct"):
            status = kind
        else:
            status = "stopword" if is_stop else "counted"
        rows.append((i, sid, s, e, text[s:e], term, status))
    df = pd.DataFrame(rows, columns=list(TERM_TOKEN_COLUMNS))
    return df.astype({"token_id": "int64", "sent_id": "int64", "start": "int64", "end": "int64"})


def _runs(text: str, norm: _Normaliser) -> Iterator[list[tuple[str, bool, int, int]]]:
    """Runs of consecutive words, as ``(term, is_stop, start, end)``, that a gram may span.

    A run ends at a sentence boundary, at punctuation in ``_BREAKS``, at a dropped number and at
    the negation clitic "n't"; quotation marks and "’s" do not end it.
    """
    seg = _text.segment(text)
    nt = seg.norm
    run: list[tuple[str, bool, int, int]] = []
    last_sent = None
    for (s, e, kind), sid in zip(seg.tokens, seg.token_sentence):
        if sid != last_sent:
            if run:
                yield run
            run, last_sent = [], sid
        surface = nt[s:e]
        if kind == "punct":
            if surface in _BREAKS and run:
                yield run
                run = []
            continue
        k, term, is_stop = norm[surface]
        if term is None:
            if (k == "number" or surface[0] in "nN") and run:
                yield run
                run = []
            continue
        run.append((term, is_stop, s, e))
    if run:
        yield run


def term_sequences(text: str, **options: Any) -> list[list[str]]:
    """The terms of ``text`` in order, stopwords included, in runs that n-grams may span.

    A run ends at a sentence boundary, at , ; : ( ) and other clause punctuation, at a dropped
    number and at "n't". This is the input of :func:`ngrams` and :func:`collocations`.

    Examples:
        >>> term_sequences("Tehran, Iran’s capital, is open. Trump’s “maximum pressure” failed.")
        [['tehran'], ['iran', 'capital'], ['is', 'open'], ['trump', 'maximum', 'pressure', 'failed']]
    """
    if not isinstance(text, str):
        raise ParameterError(f"expected one text as a str, got {type(text).__name__}")
    norm = _normaliser(term_options(**options))
    return [[t for t, _, _, _ in run] for run in _runs(text, norm)]


# --------------------------------------------------------------------------- frequencies


def term_frequencies(
    texts: TextsLike,
    *,
    lowercase: bool = True,
    stopwords: StopwordsLike = True,
    numbers: Numbers = "drop",
    lemmatize: bool = False,
    min_count: int = 1,
    extra_stopwords: Iterable[str] = (),
) -> pd.DataFrame:
    """How often each term occurs in ``texts`` (all texts pooled).

    Args:
        texts: one text, an Article, a list of either, a Series or a corpus DataFrame.
        lowercase, stopwords, numbers, lemmatize, extra_stopwords: see :func:`term_options`.
        min_count: keep terms occurring at least this often.

    Returns:
        DataFrame with columns ``term``, ``count`` (occurrences), ``rel_freq`` (count divided by
        the number of running words of all texts, stopwords included, so it does not change when
        you switch stopwords off; 0-1) and ``doc_freq`` (number of texts containing the term),
        sorted by count (descending) then term. ``attrs["n_words"]`` holds the number of
        running words and ``attrs["n_docs"]`` the number of texts. No text or no term gives an
        empty frame with these columns.

    Examples:
        >>> term_frequencies(["Iran’s talks.", "Talks with Iran and the US"])
              term  count  rel_freq  doc_freq
        0     iran      2  0.250000         2
        1    talks      2  0.250000         2
        2       US      1  0.125000         1
    """
    if not isinstance(min_count, int) or min_count < 1:
        raise ParameterError(f"min_count={min_count!r}: give a whole number of 1 or more")
    docs, _ = _as_docs(texts)
    opts = term_options(lowercase=lowercase, stopwords=stopwords, numbers=numbers,
                        lemmatize=lemmatize, extra_stopwords=extra_stopwords)
    counts = _corpus_counts(docs, opts)
    n_words = int(counts.n_words.sum())
    n_terms = len(counts.vocab)
    total = np.bincount(counts.term, weights=counts.count, minlength=n_terms).astype("int64")
    doc_freq = np.bincount(counts.term, minlength=n_terms).astype("int64")
    idx = np.flatnonzero(total >= min_count)
    if len(idx) == 0:
        out = _empty(TERM_COLUMNS)
    else:
        idx = idx[np.lexsort((counts.rank[idx], -total[idx]))]
        out = pd.DataFrame({
            "term": counts.vocab[idx],
            "count": total[idx],
            "rel_freq": total[idx] / n_words,
            "doc_freq": doc_freq[idx],
        })
    out.attrs["n_words"] = n_words
    out.attrs["n_docs"] = len(docs)
    return out


def term_frequency_columns(texts: TextsLike, **options: Any) -> dict[str, np.ndarray]:
    """:func:`term_frequencies` of each text on its own, as columns for one long table.

    The rows of ``term_frequencies([text], **options)`` for every text, text after text, with
    the text's position first; counted in one pass over all texts (what
    :mod:`analysis.pipeline` stores per chunk of articles in its ``terms`` table).

    Args:
        texts: as for :func:`term_frequencies`.
        **options: the options of :func:`term_frequencies` (``min_count`` included).

    Returns:
        ``{"doc", "term", "count", "rel_freq", "doc_freq"}``: numpy arrays of equal length;
        ``doc`` is the 0-based position of the text, ``term`` an object array of strings,
        ``count`` and ``doc_freq`` (always 1) ``int64``, ``rel_freq`` ``float64`` (count per
        running word of that text). Within a text, rows are sorted by count (descending)
        then term, as in :func:`term_frequencies`.

    Examples:
        >>> cols = term_frequency_columns(["Iran’s talks.", "Talks with Iran and the US"])
        >>> cols["doc"].tolist(), cols["term"].tolist(), cols["count"].tolist()
        ([0, 0, 1, 1, 1], ['iran', 'talks', 'US', 'iran', 'talks'], [1, 1, 1, 1, 1])
    """
    min_count = options.pop("min_count", 1)
    if not isinstance(min_count, int) or min_count < 1:
        raise ParameterError(f"min_count={min_count!r}: give a whole number of 1 or more")
    docs, _ = _as_docs(texts)
    return _frequency_columns(_corpus_counts(docs, term_options(**options)), min_count)


def _segmented_term_columns(counters: list[Counter[str]]) -> dict[str, np.ndarray]:
    """:func:`term_frequency_columns` with the default options, of texts given by their
    :func:`_segmented_surface_counts` (what :mod:`analysis.pipeline` stores per chunk).

    Counted with :data:`_SURFACES`, which numbers token strings across calls, so a chunk's
    strings seen in earlier chunks cost one dict lookup each; the same columns as
    ``_frequency_columns(_count(counters, term_options()), 1)`` (tests compare the two).
    """
    return _SURFACES.columns(counters)


#: Distinct token strings numbered by :class:`_SurfaceTable` before it starts afresh; the
#: memory stays bounded on any corpus.
_SURFACE_LIMIT = 1 << 17


class _SurfaceIds(dict):
    """token string -> its number in a :class:`_SurfaceTable`, numbered on first lookup."""

    def __init__(self, table: _SurfaceTable):
        super().__init__()
        self.table = table

    def __missing__(self, surface: str) -> int:
        i = self[surface] = self.table.add(surface)
        return i


class _SurfaceTable:
    """Token strings numbered across calls, each with the term it counts as (default options).

    :func:`_count` numbers a chunk's distinct strings and terms afresh and looks each string up
    in the normaliser; the ``analyse`` pipeline meets mostly the same strings in every chunk,
    so here a string is analysed and numbered once, and a chunk costs one dict lookup per
    (text, string) plus numpy work. Term numbers are internal: rows are ordered by text, count
    (descending) and the term's string, as :func:`_frequency_columns` orders them.
    """

    def __init__(self, limit: int = _SURFACE_LIMIT) -> None:
        self.limit = limit
        self.reset()

    def reset(self) -> None:
        """Forget every string and term."""
        self.norm = _normaliser(term_options())
        self.ids = _SurfaceIds(self)
        self.term_of: list[int] = []  # term number of each string; -1: not counted or a stopword
        self.running: list[int] = []  # 1 if the string is a running word (its term is not None)
        self.terms: dict[str, int] = {}
        self.vocab: list[str] = []  # term strings by number
        self._term_of = np.empty(0, dtype="int64")  # self.term_of as an array, extended lazily
        self._running = np.empty(0, dtype="int64")

    def add(self, surface: str) -> int:
        """Number a new string: what :func:`_count` derives from its :func:`_analyse` info."""
        _, term, is_stop = self.norm[surface]
        if term is None or is_stop:
            self.term_of.append(-1)
        else:
            t = self.terms.get(term)
            if t is None:
                t = self.terms[term] = len(self.vocab)
                self.vocab.append(term)
            self.term_of.append(t)
        self.running.append(term is not None)
        return len(self.running) - 1

    def _arrays(self) -> tuple[np.ndarray, np.ndarray]:
        """``term_of`` and ``running`` as int64 arrays (the strings numbered so far)."""
        done = len(self._term_of)
        if done < len(self.term_of):
            self._term_of = np.concatenate([self._term_of, np.array(self.term_of[done:], dtype="int64")])
            self._running = np.concatenate([self._running, np.array(self.running[done:], dtype="int64")])
        return self._term_of, self._running

    def columns(self, counters: list[Counter[str]]) -> dict[str, np.ndarray]:
        """:func:`_segmented_term_columns` of ``counters``."""
        if len(self.ids) >= self.limit:
            self.reset()
        s_arr, c_arr, doc_of = _flat_counts(counters, self.ids.__getitem__)
        term_of, running = self._arrays()
        n_terms = max(len(self.vocab), 1)
        n_words, uniq, count = _doc_term_counts(s_arr, c_arr, doc_of, term_of, running, n_terms, len(counters))
        doc = uniq // n_terms
        present, term_index = np.unique(uniq % n_terms, return_inverse=True)
        names = [self.vocab[t] for t in present.tolist()]
        order = _row_order(doc, count, _alphabetical_rank(names)[term_index.ravel()])
        doc = doc[order]
        count = count[order]
        return {
            "doc": doc,
            "term": np.array(names, dtype=object)[term_index.ravel()[order]] if names else np.empty(0, dtype=object),
            "count": count,
            "rel_freq": count / n_words[doc],
            "doc_freq": np.ones(len(order), dtype="int64"),
        }


def _alphabetical_rank(names: list[str]) -> np.ndarray:
    """Each of the distinct strings ``names``'s place in their sorted order.

    ``sorted`` compares strings directly, several times faster than ``np.argsort`` of an
    object array (which :attr:`_Counts.rank` uses); the order is the same (both sort by
    ``<``, and distinct strings leave no ties).
    """
    rank = np.empty(len(names), dtype="int64")
    rank[sorted(range(len(names)), key=names.__getitem__)] = np.arange(len(names), dtype="int64")
    return rank


def _row_order(doc: np.ndarray, count: np.ndarray, rank: np.ndarray) -> np.ndarray:
    """``np.lexsort((rank, -count, doc))`` (rows by text, count descending, term), as one
    argsort of a combined key when it fits in 62 bits (the pairs (doc, rank) are distinct, so
    no two keys tie)."""
    if not len(doc):
        return np.empty(0, dtype="int64")
    top = int(count.max())
    n_rank = int(rank.max()) + 1
    if (int(doc.max()) + 1) * (top + 1) * n_rank >= 1 << 62:
        return np.lexsort((rank, -count, doc))
    return np.argsort((doc * (top + 1) + (top - count)) * n_rank + rank)


_SURFACES = _SurfaceTable()


def _frequency_columns(counts: _Counts, min_count: int) -> dict[str, np.ndarray]:
    keep = np.flatnonzero(counts.count >= min_count)
    order = keep[np.lexsort((counts.rank[counts.term[keep]], -counts.count[keep], counts.doc[keep]))]
    doc = counts.doc[order]
    count = counts.count[order]
    return {
        "doc": doc,
        "term": counts.vocab[counts.term[order]],
        "count": count,
        "rel_freq": count / counts.n_words[doc],
        "doc_freq": np.ones(len(order), dtype="int64"),
    }


def term_frame(articles: Any, *, on_error: OnError = "raise", **options: Any) -> pd.DataFrame:
    """Term frequencies per article, one long frame.

    Args:
        articles: an Article, a list of Articles or a corpus DataFrame (``id``, ``text``).
        on_error: ``"raise"`` or ``"skip"`` (skipped articles are logged and listed in
            ``attrs["skipped"]``).
        **options: the options of :func:`term_frequencies`.

    Returns:
        DataFrame with ``article_id`` first, then the columns of :func:`term_frequencies`
        (``rel_freq`` is per running word of that article; ``doc_freq`` is 1), rows by article
        then by count.
    """
    return build_frame(
        articles, lambda text, **kw: term_frequencies([text], **kw), TERM_COLUMNS,
        on_error=on_error, **options,
    )


def ngrams(
    texts: TextsLike,
    n: int = 2,
    *,
    lowercase: bool = True,
    stopwords: StopwordsLike = True,
    numbers: Numbers = "drop",
    lemmatize: bool = False,
    min_count: int = 1,
    extra_stopwords: Iterable[str] = (),
) -> pd.DataFrame:
    """Sequences of ``n`` consecutive terms (bigrams, trigrams) and how often they occur.

    A gram never crosses a sentence boundary or clause punctuation (, ; : ( ) …), nor a dropped
    number (see :func:`term_sequences`). With stopwords on (the default), a gram may not start or
    end with a stopword but may hold one inside: "axis of resistance" and "plan of action" are
    kept, "of the" and "the nuclear" are not (the filter of Manning & Schütze 1999, ch. 5, as in
    textacy's ``filter_stops``). ``stopwords=False`` keeps every gram.

    Args:
        texts: one text, an Article, a list of either, a Series or a corpus DataFrame.
        n: gram length, 1 or more.
        min_count: keep grams occurring at least this often.
        lowercase, stopwords, numbers, lemmatize, extra_stopwords: see :func:`term_options`.

    Returns:
        DataFrame with columns ``ngram`` (terms joined by a space), ``n``, ``count``,
        ``rel_freq`` (count per running word of the texts, as in :func:`term_frequencies`) and
        ``doc_freq``, sorted by count (descending) then ngram.

    Examples:
        >>> ngrams("A “maximum pressure” campaign met maximum pressure.")[["ngram", "count"]]
                      ngram  count
        0  maximum pressure      2
        1   campaign met         1
        2       met maximum      1
        3 pressure campaign      1
    """
    if not isinstance(n, int) or n < 1:
        raise ParameterError(f"n={n!r}: give the gram length as a whole number (2 for bigrams)")
    if not isinstance(min_count, int) or min_count < 1:
        raise ParameterError(f"min_count={min_count!r}: give a whole number of 1 or more")
    docs, _ = _as_docs(texts)
    opts = term_options(lowercase=lowercase, stopwords=stopwords, numbers=numbers,
                        lemmatize=lemmatize, extra_stopwords=extra_stopwords)
    norm = _normaliser(opts)
    total: Counter[str] = Counter()
    doc_freq: Counter[str] = Counter()
    n_words = int(_corpus_counts(docs, opts).n_words.sum())
    for text in docs:
        seen: Counter[str] = Counter()
        for run in _runs(text, norm):
            for i in range(len(run) - n + 1):
                gram = run[i : i + n]
                if gram[0][1] or gram[-1][1]:
                    continue
                seen[" ".join(t for t, _, _, _ in gram)] += 1
        total.update(seen)
        doc_freq.update(seen.keys())
    items = sorted((kv for kv in total.items() if kv[1] >= min_count), key=lambda kv: (-kv[1], kv[0]))
    if not items:
        out = _empty(NGRAM_COLUMNS)
    else:
        counts = np.array([c for _, c in items], dtype="int64")
        out = pd.DataFrame({
            "ngram": [g for g, _ in items],
            "n": np.full(len(items), n, dtype="int64"),
            "count": counts,
            "rel_freq": counts / n_words,
            "doc_freq": np.array([doc_freq[g] for g, _ in items], dtype="int64"),
        })
    out.attrs["n_words"] = n_words
    out.attrs["n_docs"] = len(docs)
    return out


# --------------------------------------------------------------------------- TF-IDF


def tfidf(
    texts: TextsLike,
    ids: Sequence[Any] | None = None,
    *,
    variant: TfidfVariant = "sklearn",
    lowercase: bool = True,
    stopwords: StopwordsLike = True,
    numbers: Numbers = "drop",
    lemmatize: bool = False,
    extra_stopwords: Iterable[str] = (),
) -> pd.DataFrame:
    """TF-IDF weight of every term in every text: high = frequent here, rare in the others.

    Two variants, with :math:`N` texts, :math:`df(t)` the number of texts containing term
    :math:`t` and :math:`c(t, d)` its count in text :math:`d`:

    - ``"sklearn"`` (default): scikit-learn's ``TfidfVectorizer`` defaults
      (``smooth_idf=True, sublinear_tf=False, norm="l2"``): ``tf`` = :math:`c(t,d)`,
      ``idf`` = :math:`\\ln\\frac{1+N}{1+df(t)} + 1`, and ``tfidf`` = ``tf * idf`` divided by the
      Euclidean length of the text's vector, so each text's weights have squares summing to 1.
      Equal to scikit-learn's values on the same terms.
    - ``"classic"``: ``tf`` = :math:`c(t,d) / n_d` (share of the text's running words),
      ``idf`` = :math:`\\ln\\frac{N}{df(t)}` (Spärck Jones 1972), ``tfidf`` = ``tf * idf``, not
      normalised; a term found in every text weighs 0.

    TF-IDF depends on the corpus: the same article gets other weights among other articles, and
    with one text every idf is equal, so the weights only follow the counts.

    Args:
        texts: the corpus: a list of texts or Articles, a Series or a corpus DataFrame.
        ids: one label per text for the ``doc`` column (default: the Articles' or corpus
            frame's ids, else 0, 1, 2, ...).
        variant: ``"sklearn"`` or ``"classic"``.
        lowercase, stopwords, numbers, lemmatize, extra_stopwords: see :func:`term_options`.

    Returns:
        Long DataFrame with columns ``doc``, ``term``, ``tf``, ``idf``, ``tfidf``, one row per
        term present in a text, sorted by text (input order), then ``tfidf`` descending, then
        term; ``df.groupby("doc").head(10)`` gives each text's ten most distinctive terms.

    Examples:
        >>> df = tfidf(["Iran talks", "Iran sanctions"], ids=["a", "b"], variant="classic")
        >>> df.round(3).values.tolist()
        [['a', 'talks', 0.5, 0.693, 0.347], ['a', 'iran', 0.5, 0.0, 0.0], ['b', 'sanctions', 0.5, 0.693, 0.347], ['b', 'iran', 0.5, 0.0, 0.0]]
    """
    check_choice("variant", variant, ("sklearn", "classic"))
    docs, labels = _as_docs(texts, ids)
    opts = term_options(lowercase=lowercase, stopwords=stopwords, numbers=numbers,
                        lemmatize=lemmatize, extra_stopwords=extra_stopwords)
    counts = _corpus_counts(docs, opts)
    if len(counts.count) == 0:
        return _empty(TFIDF_COLUMNS)
    d_arr, t_arr = counts.doc, counts.term
    c_arr = counts.count.astype("float64")
    n_docs = len(docs)
    df_t = np.bincount(t_arr, minlength=len(counts.vocab)).astype("float64")
    if variant == "sklearn":
        idf_t = np.log((1.0 + n_docs) / (1.0 + df_t)) + 1.0
        tf = c_arr
        weight = tf * idf_t[t_arr]
        norms = np.sqrt(np.bincount(d_arr, weights=weight * weight, minlength=n_docs))
        weight = weight / norms[d_arr]
    else:
        idf_t = np.log(n_docs / df_t)
        tf = c_arr / counts.n_words[d_arr]
        weight = tf * idf_t[t_arr]
    order = np.lexsort((counts.rank[t_arr], -weight, d_arr))
    return pd.DataFrame({
        "doc": np.asarray(pd.Index(labels)[d_arr[order]]),
        "term": counts.vocab[t_arr[order]],
        "tf": tf[order],
        "idf": idf_t[t_arr[order]],
        "tfidf": weight[order],
    })


# --------------------------------------------------------------------------- collocations


def collocations(
    texts: TextsLike,
    *,
    measure: Measure = "pmi",
    min_freq: int = 2,
    window: int = 2,
    lowercase: bool = True,
    stopwords: StopwordsLike = True,
    numbers: Numbers = "drop",
    lemmatize: bool = False,
    extra_stopwords: Iterable[str] = (),
) -> pd.DataFrame:
    """Pairs of words that occur together more often than chance would have it.

    Words are counted over all running words, stopwords included (so the expected counts are
    right); pairs are the words ``w2`` up to ``window - 1`` words after ``w1`` within a run of
    :func:`term_sequences` (never across a sentence or clause punctuation). With stopwords on,
    pairs containing a stopword are then left out. For each pair, with :math:`N` running words,
    :math:`O` the pair count and :math:`c_1, c_2` the counts of the two words:

    - ``pmi``: pointwise mutual information, :math:`\\log_2 \\frac{O\\,N}{c_1 c_2}` (Church &
      Hanks 1990). Bits; 0 = as often as chance; favours rare pairs, hence ``min_freq``.
    - ``llr``: log-likelihood ratio :math:`G^2 = 2 \\sum O_{ij} \\ln(O_{ij}/E_{ij})` over the 2x2
      table of the pair (Dunning 1993). Above 3.84 the association is significant at p < 0.05,
      above 10.83 at p < 0.001.
    - ``t_score``: :math:`(O - c_1 c_2 / N) / \\sqrt{O}` (Church et al. 1991); favours frequent
      pairs; above about 2 is taken as a real collocation.

    The values are those of NLTK's ``BigramAssocMeasures`` (``pmi``, ``likelihood_ratio``,
    ``student_t``) on a ``BigramCollocationFinder`` built with the same runs and window; as in
    NLTK, with ``window > 2`` the pair count :math:`O` in the formulas is the number of pairs
    divided by ``window - 1`` (each word has ``window - 1`` partners), while the ``count``
    column keeps the number of pairs.

    Args:
        texts: one text, an Article, a list of either, a Series or a corpus DataFrame.
        measure: the column to sort by: ``"pmi"``, ``"llr"`` or ``"t"`` (``t_score``).
        min_freq: keep pairs seen at least this often (2 by default: PMI of a pair seen once
            is noise).
        window: 2 = adjacent words only; 3 = also one word in between; ...
        lowercase, stopwords, numbers, lemmatize, extra_stopwords: see :func:`term_options`.

    Returns:
        DataFrame with columns ``collocation`` ("w1 w2"), ``w1``, ``w2``, ``count`` (pair count),
        ``count_w1``, ``count_w2`` (word counts), ``pmi``, ``llr``, ``t_score``, sorted by the
        chosen measure (descending), then count, then collocation. ``attrs["n_words"]`` is N.

    Examples:
        >>> text = "Maximum pressure failed. Maximum pressure returns. Pressure grows."
        >>> collocations(text)[["collocation", "count", "pmi"]].round(3).values.tolist()
        [['maximum pressure', 2, 1.415]]
    """
    check_choice("measure", measure, ("pmi", "llr", "t"))
    if not isinstance(window, int) or window < 2:
        raise ParameterError(f"window={window!r}: give a whole number of 2 or more (2 = adjacent words)")
    if not isinstance(min_freq, int) or min_freq < 1:
        raise ParameterError(f"min_freq={min_freq!r}: give a whole number of 1 or more")
    docs, _ = _as_docs(texts)
    norm = _normaliser(term_options(lowercase=lowercase, stopwords=stopwords, numbers=numbers,
                                    lemmatize=lemmatize, extra_stopwords=extra_stopwords))
    word_fd: Counter[str] = Counter()
    pair_fd: Counter[tuple[str, str]] = Counter()
    stop_of: dict[str, bool] = {}
    for text in docs:
        for run in _runs(text, norm):
            terms = [t for t, _, _, _ in run]
            word_fd.update(terms)
            for t, is_stop, _, _ in run:
                stop_of.setdefault(t, is_stop)
            for i, w1 in enumerate(terms):
                for w2 in terms[i + 1 : i + window]:
                    pair_fd[(w1, w2)] += 1
    n_all = sum(word_fd.values())
    rows = []
    for (w1, w2), o in pair_fd.items():
        if o < min_freq or stop_of[w1] or stop_of[w2]:
            continue
        c1, c2 = word_fd[w1], word_fd[w2]
        rows.append((f"{w1} {w2}", w1, w2, o, c1, c2,
                     *_association(o / (window - 1), c1, c2, n_all)))
    if not rows:
        out = _empty(COLLOCATION_COLUMNS)
    else:
        out = pd.DataFrame(rows, columns=list(COLLOCATION_COLUMNS))
        key = {"pmi": "pmi", "llr": "llr", "t": "t_score"}[measure]
        out = out.sort_values([key, "count", "collocation"], ascending=[False, False, True],
                              kind="stable", ignore_index=True)
    out.attrs["n_words"] = n_all
    return out


def _xlnx(o: float, e: float) -> float:
    return o * math.log(o / e) if o > 0 else 0.0


def _association(o: float, c1: int, c2: int, n: int) -> tuple[float, float, float]:
    """(PMI, G2, t-score) of a pair seen ``o`` times, words seen c1 and c2 times, N words."""
    pmi = math.log2(o * n / (c1 * c2))
    n_io, n_oi = c1 - o, c2 - o
    n_oo = n - o - n_io - n_oi
    cells = (o, n_oi, n_io, n_oo)
    rows_ = (o + n_io, n_oi + n_oo)  # w1 present / absent in first position
    cols_ = (o + n_oi, n_io + n_oo)  # w2 present / absent in second position
    expected = (rows_[0] * cols_[0] / n, rows_[1] * cols_[0] / n,
                rows_[0] * cols_[1] / n, rows_[1] * cols_[1] / n)
    g2 = 2.0 * sum(_xlnx(obs, exp) for obs, exp in zip(cells, expected) if exp > 0)
    t = (o - c1 * c2 / n) / math.sqrt(o)
    return pmi, g2, t


# Keyness and the concordance live in their own modules; re-exported here (DESIGN.md names
# them as analysis.terms functions).
from .concordance import kwic, kwic_frame, term_positions  # noqa: E402
from .keyness import keyness  # noqa: E402
