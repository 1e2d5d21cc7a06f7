"""Paragraphs, sentences and word tokens, each with character offsets into the original text.

Every span here satisfies ``text[start:end] == span_text``: nothing is rewritten before
offsets are taken. Where a normalised view helps (curly quotation marks read as straight ones),
it is a same-length copy of the text, so offsets stay valid.

The entry point for other modules is :func:`segment`, which splits a text once and is cached,
so that statistics, quotes, sentiment and terms share one pass over each text. Notebooks use
:func:`sentences` and :func:`tokens`, which return DataFrames.

Sentence splitting is NLTK's Punkt algorithm (Kiss & Strunk 2006, *Unsupervised Multilingual
Sentence Boundary Detection*, Computational Linguistics 32(4)), as NLTK computes it but without
importing NLTK (:mod:`analysis.punkt`, the same boundaries), with no trained model: its
parameters are the project's news abbreviation list (``analysis/data/abbreviations.txt``),
single-letter initials, and a short list of words that start sentences, so "Mr. Smith",
"U.S. officials", "Jan. 5" and "Donald J. Trump" stay whole, while "... in the U.S. The next
day" still splits. Sentences never cross a paragraph break.
"""

from __future__ import annotations

import functools
import itertools
import operator
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Literal

import pandas as pd

from .punkt import Punkt
from .resources import abbreviations

SENTENCE_COLUMNS = ("sent_id", "start", "end", "text", "paragraph")
TOKEN_COLUMNS = ("token_id", "sent_id", "start", "end", "token", "kind")
PARAGRAPH_COLUMNS = ("paragraph", "start", "end", "text")

TokenKind = Literal["word", "number", "clitic", "punct"]

# Same-length mapping of typographic quotation marks and apostrophes to ASCII ones.
_QUOTE_MAP = str.maketrans(
    {
        "\u201c": '"',  # “
        "\u201d": '"',  # ”
        "\u201e": '"',  # „
        "\u201f": '"',  # ‟
        "\u00ab": '"',  # «
        "\u00bb": '"',  # »
        "\u2033": '"',  # ″
        "\u2018": "'",  # ‘
        "\u2019": "'",  # ’
        "\u201a": "'",  # ‚
        "\u201b": "'",  # ‛
        "\u2032": "'",  # ′
        "\u2039": "'",  # ‹
        "\u203a": "'",  # ›
    }
)

# Words that, capitalised after an abbreviation, start a new sentence ("... the U.S. The ...").
_SENT_STARTERS = frozenset(
    """the he she it they we i you this that these those there his her their its our but and
    in on at after before when while if however meanwhile as a an for some many most one two
    what why how who yet still also so then now last next""".split()
)

_TOKEN_RE = re.compile(
    r"""
    (?P<number>
        [$£€¥]?\d+(?:[.,:/]\d+)*(?:%|(?:st|nd|rd|th|s|bn|tn|m|k)\b)?  # 3.5 1,000 9/11 1990s 76% 3bn
    )
  | (?P<acronym>(?:[^\W\d_]\.){2,}(?![^\W\d_]))            # U.S.  U.K.  e.g.
  | (?P<clitic>n['’]t\b|['’](?:s|re|ve|ll|d|m)\b)          # n't 's 're 've 'll 'd 'm
  | (?P<neg>[^\W_]+?(?=n['’]t\b))                         # "do" of "don't"
  | (?P<word>
        [^\W_]+(?:(?:[-‐‑]|['’](?!(?:s|re|ve|ll|d|m|t)\b))[^\W_]+)*   # Takht-Ravanchi, O'Brien
    )
  | (?P<punct>[^\w\s]|_)                                   # any other single character
    """,
    re.VERBOSE,
)


def normalise_quotes(text: str) -> str:
    """Return ``text`` with curly quotation marks and apostrophes replaced by ASCII ones.

    The result has exactly the same length, so offsets found in it are offsets into ``text``.

    Examples:
        >>> normalise_quotes("“Yes,” she said. It’s")
        '"Yes," she said. It\\'s'
    """
    if text.isascii():  # every mapped mark is non-ASCII
        return text
    # the same as text.translate(_QUOTE_MAP): one character for one, none mapped to another
    # mapped one; str.translate looks up every character, replace() only the marks present
    for mark, ascii_mark in _QUOTE_PAIRS:
        if mark in text:
            text = text.replace(mark, ascii_mark)
    return text


_QUOTE_PAIRS = tuple((chr(k), v) for k, v in _QUOTE_MAP.items())


@functools.cache
def _punkt() -> Punkt:
    """Punkt with the news abbreviations and sentence starters.

    :class:`analysis.punkt.Punkt` gives exactly the spans of NLTK's
    ``PunktSentenceTokenizer`` with ``PunktParameters`` holding these ``abbrev_types`` and
    ``sent_starters`` (tests compare them on whole corpora), without importing NLTK.
    """
    return Punkt(abbreviations(), _SENT_STARTERS)


_BLANK_LINE_RE = re.compile(r"\n[ \t\r\f\v\u00a0]*\n")
_LINE_RE = re.compile(r"[^\n]+")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` of each paragraph, whitespace trimmed, in order.

    If the text has blank lines, paragraphs are the blocks between them (single line breaks
    inside a block are soft wraps); otherwise each non-blank line is a paragraph (the layout of
    the seed articles).

    Examples:
        >>> paragraph_spans("One.\\nTwo.")
        [(0, 4), (5, 9)]
        >>> paragraph_spans("One\\nwrapped.\\n\\nTwo.")
        [(0, 12), (14, 18)]
    """
    if _BLANK_LINE_RE.search(text):
        pieces = []
        pos = 0
        for m in _BLANK_LINE_RE.finditer(text):
            pieces.append((pos, m.start()))
            pos = m.end()
        pieces.append((pos, len(text)))
    else:
        pieces = [m.span() for m in _LINE_RE.finditer(text)]
    spans = []
    for start, end in pieces:
        chunk = text[start:end]
        stripped = chunk.strip()
        if stripped:
            lead = len(chunk) - len(chunk.lstrip())
            spans.append((start + lead, start + lead + len(stripped)))
    return spans


# A sentence that ends like this continues when the next one starts with a digit ("No. 10").
_NUMBER_ABBREV_END_RE = re.compile(r"(?:\b(?:No|Nos|no|nos|Art|Vol|vol|pp?|Fig|fig)\.)$")
_OPENING_PUNCT = "\"'([{"


def _continues(norm: str, prev: tuple[int, int], nxt: tuple[int, int]) -> bool:
    """Whether Punkt's break between ``prev`` and ``nxt`` is a false one.

    A sentence does not start with a lower-case letter ('"Why?" he asked.', "Wait... what?"),
    and "No." before a number is an abbreviation ("No. 10 Downing Street").
    """
    i = nxt[0]
    while i < nxt[1] and norm[i] in _OPENING_PUNCT:
        i += 1
    if i >= nxt[1]:
        return False
    first = norm[i]
    if first.islower():
        return True
    return first.isdigit() and bool(_NUMBER_ABBREV_END_RE.search(norm, prev[0], prev[1]))


#: A paragraph of several MB (a PDF or OCR text on one line) is given to Punkt in windows of this
#: many characters. (NLTK's Punkt runs its regexes under ``nltk.redos``'s 5 s wall-clock limit,
#: which such a paragraph exceeded; :mod:`analysis.punkt` has no limit, but the windows stay so
#: that sentence boundaries are those of NLTK's Punkt on the same windows.)
_PUNKT_WINDOW = 50_000


def _windows(norm: str, start: int, end: int, size: int = _PUNKT_WINDOW) -> list[tuple[int, int]]:
    """``(start, end)`` pieces of at most ``size`` characters, cut after a ". " where possible."""
    out = []
    while end - start > size:
        cut = norm.rfind(". ", start, start + size)
        if cut > start:
            cut += 2
        else:
            cut = norm.rfind(" ", start, start + size)
            cut = cut + 1 if cut > start else start + size
        out.append((start, cut))
        start = cut
    out.append((start, end))
    return out


def _split_sentences(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    """Punkt over one paragraph of the normalised text; spans trimmed of whitespace."""
    out: list[tuple[int, int]] = []
    pieces = [
        (ws + s, ws + e) for ws, we in _windows(norm, start, end) for s, e in _punkt().span_tokenize(norm[ws:we])
    ]
    for s, e in pieces:
        chunk = norm[s:e]
        stripped = chunk.strip()
        if not stripped:
            continue
        lead = len(chunk) - len(chunk.lstrip())
        span = (s + lead, s + lead + len(stripped))
        if out and _continues(norm, out[-1], span):
            out[-1] = (out[-1][0], span[1])
        else:
            out.append(span)
    return out


@dataclass(frozen=True)
class Segmentation:
    """One pass of splitting over a text, shared by every analysis.

    Attributes:
        text: the original text.
        norm: ``normalise_quotes(text)``, same length.
        paragraphs: ``(start, end)`` per paragraph.
        sentences: ``(start, end)`` per sentence, in order.
        sentence_paragraph: the paragraph index of each sentence.
        tokens: ``(start, end, kind)`` per token, in order; kind is word, number, clitic or punct.
        token_sentence: the sentence index of each token.
        token_text: ``text[start:end]`` of each token.
        token_kind: the kind of each token (the third item of its ``tokens`` entry).
    """

    text: str
    norm: str
    paragraphs: tuple[tuple[int, int], ...]
    sentences: tuple[tuple[int, int], ...]
    sentence_paragraph: tuple[int, ...]
    tokens: tuple[tuple[int, int, str], ...]
    token_sentence: tuple[int, ...]
    token_text: tuple[str, ...] = ()
    token_kind: tuple[str, ...] = ()

    def words(self) -> list[tuple[int, int]]:
        """Spans of tokens that are words or numbers (no punctuation, no clitics)."""
        return [(s, e) for s, e, k in self.tokens if k in ("word", "number")]

    @functools.cached_property
    def sentence_starts(self) -> tuple[int, ...]:
        """The start offset of each sentence, in order (made on first use, then kept)."""
        return tuple(s for s, _ in self.sentences)

    def sentence_of(self, offset: int) -> int:
        """Index of the sentence containing (or last starting before) ``offset``; -1 if none.

        One bisection of :attr:`sentence_starts`: asked for each mention of a long text, a
        list of the starts made at every call cost as much as the text is long."""
        return bisect_right(self.sentence_starts, offset) - 1


def _tokenize(norm: str) -> list[tuple[int, int, str]]:
    """Tokens of ``norm`` by :data:`_TOKEN_RE`, match by match (the reference for :func:`_tokens`)."""
    out = []
    for m in _TOKEN_RE.finditer(norm):
        kind = m.lastgroup
        if kind == "acronym" or kind == "neg":
            kind = "word"
        out.append((m.start(), m.end(), kind))
    return out


# _TOKEN_RE for findall, with the same tokens: the named groups become non-capturing, the whole
# pattern is one group after a captured run of whitespace (so that offsets are the running sum
# of lengths: every character that is not whitespace starts a token), and a run of ASCII letters
# ended by whitespace or , . ; : ! ? ) " “ ” (a word whichever alternative took it) is tried
# first, as in analysis.terms. "\n)" closes the group after the pattern's last line, a comment.
_FAST_WORD_RE = (
    r"[A-Za-z]{2,}(?=[\s,.;:!?)\"\u201c\u201d]|\Z)|[A-Za-z](?=[\s,;:!?)\"\u201c\u201d]|\Z)"
)
_FINDALL_RE = re.compile(
    r"(\s*)(" + _FAST_WORD_RE + "|" + re.sub(r"\(\?P<\w+>", "(?:", _TOKEN_RE.pattern) + "\n)",
    _TOKEN_RE.flags,
)
_NEGATION_CLITICS = frozenset({"n't", "n\u2019t"})
_CLITICS = frozenset(a + c for a in "'\u2019" for c in ("s", "re", "ve", "ll", "d", "m")) | _NEGATION_CLITICS
_WORD_CHAR_RE = re.compile(r"[^\W_]")
_CURRENCY = frozenset("$£€¥")
#: Single quotation marks that normalise_quotes() turns into "'" and the token pattern does not
#: already read as an apostrophe (it takes ' and ’ alike): only texts with one are tokenised in
#: their normalised form (the tokens are the same either way otherwise).
_OTHER_APOSTROPHES_RE = re.compile("[\u2018\u201a\u201b\u2032\u2039\u203a]")
_KIND_CACHE_LIMIT = 1 << 17


class _Kinds(dict):
    """Token string -> kind, the alternative of :data:`_TOKEN_RE` that matched it.

    The kind follows from the string: a number starts with a digit (or a currency sign and a
    digit), a clitic is one of :data:`_CLITICS` (no other alternative gives them, except
    "n't" before "_", which :func:`_tokens` corrects), any other token of two characters or
    more is a word (punctuation tokens are single characters), and a single character is a
    word if it is a letter or digit, else punctuation.
    """

    def __missing__(self, tok: str) -> str:
        if len(self) >= _KIND_CACHE_LIMIT:
            self.clear()
        c = tok[0]
        if c.isdecimal() or (c in _CURRENCY and len(tok) > 1):
            kind = "number"
        elif tok in _CLITICS:
            kind = "clitic"
        elif len(tok) > 1 or _WORD_CHAR_RE.match(c):
            kind = "word"
        else:
            kind = "punct"
        self[tok] = kind
        return kind


_KINDS = _Kinds()
_SPACE = operator.itemgetter(0)
_TOKEN = operator.itemgetter(1)


def _tokens(
    text: str, norm: str
) -> tuple[tuple[tuple[int, int, str], ...], tuple[str, ...], tuple[str, ...], list[int]]:
    """``(tokens, token_text, token_kind, starts)``: the tokens of :func:`_tokenize`, their
    strings in ``text``, their kinds and their start offsets.

    One ``findall`` over the text: offsets are running sums of lengths, kinds come from the
    token strings (:class:`_Kinds`). The text itself is tokenised unless it holds a single
    quotation mark of :data:`_OTHER_APOSTROPHES_RE`, so that the strings are the original ones.
    """
    own = not _OTHER_APOSTROPHES_RE.search(text)
    src = text if own else norm
    found = _FINDALL_RE.findall(src, 0, len(src.rstrip()))  # trailing whitespace starts nothing
    if not found:
        return (), (), (), []
    spaces, strings = zip(*found)
    lengths = list(map(len, strings))
    ends = list(itertools.accumulate(map(operator.add, map(len, spaces), lengths)))
    starts = list(map(operator.sub, ends, lengths))
    if "_" in src:
        kinds = list(map(_KINDS.__getitem__, strings))
        # "n't" before "_" is no clitic (no word boundary) but a word ("n" + "'t"): the one
        # token string whose kind depends on what follows it
        for i in itertools.compress(range(len(strings)), map(_NEGATION_CLITICS.__contains__, strings)):
            if src.startswith("_", ends[i]):
                kinds[i] = "word"
        token_kind = tuple(kinds)
    else:
        token_kind = tuple(map(_KINDS.__getitem__, strings))
    tokens = tuple(zip(starts, ends, token_kind))
    if own:
        return tokens, strings, token_kind, starts
    return tokens, tuple(text[s:e] for s, e in zip(starts, ends)), token_kind, starts


def _token_sentences(sentence_starts: list[int], token_starts: list[int]) -> tuple[int, ...]:
    """The index of the sentence starting last at or before each token (0 for tokens before
    the first sentence), both lists ascending: the tokens between one sentence's start and
    the next's are counted by bisection and the index repeated that many times (the same as
    ``max(searchsorted(sentence_starts, token_start, "right") - 1, 0)`` per token)."""
    cuts = [bisect_left(token_starts, s) for s in itertools.islice(sentence_starts, 1, None)]
    cuts.append(len(token_starts))
    counts = list(map(operator.sub, cuts, [0, *cuts[:-1]]))
    return tuple(itertools.chain.from_iterable(map(itertools.repeat, range(len(counts)), counts)))


@functools.lru_cache(maxsize=64)
def segment(text: str) -> Segmentation:
    """Split ``text`` into paragraphs, sentences and tokens once (cached for recent texts).

    Examples:
        >>> seg = segment("Mr. Smith went to Washington. He said “no.” Then he left.")
        >>> [seg.text[s:e] for s, e in seg.sentences]
        ['Mr. Smith went to Washington.', 'He said “no.”', 'Then he left.']
    """
    if not isinstance(text, str):
        from .errors import ParameterError

        raise ParameterError(f"expected the article text as a str, got {type(text).__name__}")
    norm = normalise_quotes(text)
    paragraphs = paragraph_spans(norm)
    sentences: list[tuple[int, int]] = []
    sent_par: list[int] = []
    for p, (ps, pe) in enumerate(paragraphs):
        for span in _split_sentences(norm, ps, pe):
            sentences.append(span)
            sent_par.append(p)
    tokens, token_text, token_kind, starts = _tokens(text, norm)
    if not sentences:
        token_sent: tuple[int, ...] = (-1,) * len(tokens)
    elif len(sentences) == 1:
        token_sent = (0,) * len(tokens)
    else:  # the sentence starting last at or before each token (the first for earlier ones)
        token_sent = _token_sentences(list(map(_START, sentences)), starts)
    return Segmentation(
        text=text,
        norm=norm,
        paragraphs=tuple(paragraphs),
        sentences=tuple(sentences),
        sentence_paragraph=tuple(sent_par),
        tokens=tokens,
        token_sentence=token_sent,
        token_text=token_text,
        token_kind=token_kind,
    )


_START = operator.itemgetter(0)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` of each sentence; ``text[start:end]`` is the sentence."""
    return list(segment(text).sentences)


def paragraphs(text: str) -> pd.DataFrame:
    """Paragraphs of ``text``.

    Returns:
        DataFrame with columns ``paragraph`` (0-based index), ``start``, ``end`` (character
        offsets, ``text[start:end]`` is the paragraph) and ``text``.
    """
    seg = segment(text)
    rows = [(i, s, e, text[s:e]) for i, (s, e) in enumerate(seg.paragraphs)]
    return pd.DataFrame(rows, columns=list(PARAGRAPH_COLUMNS)).astype(
        {"paragraph": "int64", "start": "int64", "end": "int64"}
    )


def sentences(text: str) -> pd.DataFrame:
    """Sentences of ``text`` with their offsets.

    Returns:
        DataFrame with columns ``sent_id`` (0-based, in order), ``start``, ``end`` (character
        offsets: ``text[start:end]`` is the sentence, outer whitespace excluded), ``text`` and
        ``paragraph`` (0-based index of the paragraph holding the sentence). An empty text gives
        an empty frame with the same columns.

    Examples:
        >>> sentences("Dr. Jones, the U.S. expert, disagreed. “It is a success,” she said.")[["start", "end"]]
           start  end
        0      0   38
        1     39   67
    """
    seg = segment(text)
    rows = [
        (i, s, e, text[s:e], p)
        for i, ((s, e), p) in enumerate(zip(seg.sentences, seg.sentence_paragraph))
    ]
    return pd.DataFrame(rows, columns=list(SENTENCE_COLUMNS)).astype(
        {"sent_id": "int64", "start": "int64", "end": "int64", "paragraph": "int64"}
    )


def tokens(text: str, *, words_only: bool = False) -> pd.DataFrame:
    """Word and punctuation tokens of ``text`` with their offsets.

    Tokens follow news conventions: hyphenated names stay whole ("Takht-Ravanchi"), dotted
    acronyms stay whole ("U.S."), numbers keep decimals, thousands separators and a trailing
    ``%`` ("3.5", "1,000", "76%"), and clitics are separate tokens ("Iran" + "’s";
    "don't" gives "do" + "n't", as in the Penn Treebank).

    Args:
        text: the text.
        words_only: keep only ``word`` and ``number`` tokens.

    Returns:
        DataFrame with columns ``token_id`` (0-based), ``sent_id`` (index into
        :func:`sentences`), ``start``, ``end`` (``text[start:end] == token``), ``token`` and
        ``kind`` (``word``, ``number``, ``clitic`` or ``punct``).

    Examples:
        >>> tokens("Iran’s don't U.S. 3.5%")["token"].tolist()
        ['Iran', '’s', 'do', "n't", 'U.S.', '3.5%']
    """
    seg = segment(text)
    rows = [
        (i, sid, s, e, text[s:e], k)
        for i, ((s, e, k), sid) in enumerate(zip(seg.tokens, seg.token_sentence))
        if not words_only or k in ("word", "number")
    ]
    df = pd.DataFrame(rows, columns=list(TOKEN_COLUMNS)).astype(
        {"token_id": "int64", "sent_id": "int64", "start": "int64", "end": "int64"}
    )
    if words_only:
        df["token_id"] = range(len(df))
    return df


def words(text: str) -> list[str]:
    """The word and number tokens of ``text`` as strings, in order.

    Examples:
        >>> words("“Maximum pressure” failed, he said.")
        ['Maximum', 'pressure', 'failed', 'he', 'said']
    """
    return [text[s:e] for s, e in segment(text).words()]
