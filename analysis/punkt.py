"""NLTK's Punkt sentence splitter with fixed parameters, exactly, without importing NLTK.

:mod:`analysis.text` splits sentences with Punkt (Kiss & Strunk 2006, *Unsupervised
Multilingual Sentence Boundary Detection*, Computational Linguistics 32(4)) as NLTK implements
it (``nltk.tokenize.punkt.PunktSentenceTokenizer.span_tokenize``), with parameters that are
given rather than trained: a set of abbreviations and a set of sentence starters, no
collocations and no orthographic statistics. This module is that algorithm, step for step, for
such parameters:

1. candidate ends are the matches of NLTK's ``period_context_re`` (``.``, ``?`` or ``!``
   followed by other punctuation or by whitespace and a token), with NLTK's rule for the word
   before each candidate and for overlapping candidates;
2. each candidate's context (the word before, the mark, what follows) is cut into Punkt word
   tokens and annotated: the first pass marks ``.``/``?``/``!`` and period-final words that are
   not abbreviations as breaks, ellipses as ellipses; the second pass undoes a break after an
   initial or a number and adds one after an abbreviation followed by a capitalised sentence
   starter. With no orthographic statistics, NLTK's orthographic heuristic answers "not a
   sentence start" for punctuation or a lower-case word and "unknown" otherwise;
3. closing quotation marks and brackets after a break are moved into the sentence before
   (NLTK's ``_realign_boundaries``).

The regular expressions are NLTK's own sources, compiled with the ``regex`` engine as NLTK
3.10 compiles them (``nltk.redos``), so characters are classified the same way. What differs is
cost: tokens are plain strings instead of ``PunktToken`` objects, the decision for a context
string is computed once and remembered, and nothing runs under ``nltk.redos``'s per-call
timer. ``import nltk`` takes about a second (its ``__init__`` imports scipy through
``nltk.metrics``); this module needs only ``regex``. Tests compare :meth:`Punkt.span_tokenize`
with NLTK's on the project's texts, the BBC corpus and the PolNeAR texts; the boundaries must
be identical.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

import regex

__all__ = ["Punkt", "PERIOD_CONTEXT_RE", "WORD_TOKENIZER_RE", "BOUNDARY_REALIGNMENT_RE"]

# --------------------------------------------------------------------------- NLTK's patterns
# Sources built exactly as nltk.tokenize.punkt.PunktLanguageVars builds them (NLTK 3.10), for
# the default language variables; tests check that they equal NLTK's.

_SENT_END_CHARS = (".", "?", "!")
_RE_SENT_END_CHARS = "[%s]" % re.escape("".join(_SENT_END_CHARS))
_RE_NON_WORD_CHARS = r"(?:[)\";}\]\*:@\'\({\[\u2018\u2019\u201c\u201d\xab\xbb%s])" % re.escape(
    "".join(sorted(set(_SENT_END_CHARS) - {"."}))  # NLTK joins a set: the order is arbitrary
)
_RE_MULTI_CHAR_PUNCT = r"(?:\-{2,}|\.{2,}|(?:\.\s){2,}\.)"
_RE_WORD_START = r"[^\(\"\`{\[:;&\#\*@\)}\]\-,]"
_WORD_TOKENIZE_FMT = r"""(
        %(MultiChar)s
        |
        (?=%(WordStart)s)\S+?  # Accept word characters until end is found
        (?= # Sequences marking a word's end
            \s|                                 # White-space
            $|                                  # End-of-string
            %(NonWord)s|%(MultiChar)s|          # Punctuation
            ,(?=$|\s|%(NonWord)s|%(MultiChar)s) # Comma if at end of word
        )
        |
        \S
    )"""
_PERIOD_CONTEXT_FMT = r"""
        %(SentEndChars)s             # a potential sentence ending
        (?=(?P<after_tok>
            %(NonWord)s              # either other punctuation
            |
            \s+(?P<next_tok>\S+)     # or whitespace and some other token
        ))"""

WORD_TOKENIZER_RE = regex.compile(
    _WORD_TOKENIZE_FMT
    % {"NonWord": _RE_NON_WORD_CHARS, "MultiChar": _RE_MULTI_CHAR_PUNCT, "WordStart": _RE_WORD_START},
    re.UNICODE | re.VERBOSE,
)
PERIOD_CONTEXT_RE = regex.compile(
    _PERIOD_CONTEXT_FMT % {"NonWord": _RE_NON_WORD_CHARS, "SentEndChars": _RE_SENT_END_CHARS},
    re.UNICODE | re.VERBOSE,
)
BOUNDARY_REALIGNMENT_RE = regex.compile(
    r'["\')\]}\u2018\u2019\u201c\u201d\xab\xbb]+?(?:\s+|(?=--)|$)', re.MULTILINE
)
#: The characters a realigned boundary starts with (the class that opens the pattern above).
_REALIGN_FIRST = frozenset("\"')]}\u2018\u2019\u201c\u201d\xab\xbb")

# PunktToken's regular expressions.
_RE_ELLIPSIS = regex.compile(r"\.\.+$")
_RE_NUMERIC = regex.compile(r"^-?[\.,]?\d[\d,\.-]*\.?$")
_RE_INITIAL = regex.compile(r"[^\W\d]\.$", re.UNICODE)

_PUNCTUATION = frozenset(";:,.!?")  # PunktSentenceTokenizer.PUNCTUATION (single characters)
_ASCII_WHITESPACE = " \t\n\r\x0b\x0c"  # string.whitespace, what NLTK looks for before a candidate
_NUMBER = "##number##"


class Punkt:
    """Punkt with given abbreviations and sentence starters (no training, no collocations).

    ``Punkt(abbrev_types, sent_starters).span_tokenize(text)`` gives the spans of
    ``PunktSentenceTokenizer(params).span_tokenize(text)`` for ``params`` with those
    ``abbrev_types`` and ``sent_starters`` and nothing else.

    Examples:
        >>> p = Punkt({"mr", "u.s"}, {"the"})
        >>> text = "Mr. Smith went to the U.S. The trip was long. He left."
        >>> [text[s:e] for s, e in p.span_tokenize(text)]
        ['Mr. Smith went to the U.S.', 'The trip was long.', 'He left.']
    """

    def __init__(self, abbrev_types: Iterable[str], sent_starters: Iterable[str] = ()) -> None:
        self.abbrev_types = frozenset(abbrev_types)
        self.sent_starters = frozenset(sent_starters)
        self._contains_break = functools.lru_cache(maxsize=1 << 16)(self._contains_break_uncached)
        #: decide "word." (ASCII letters, no abbreviation) without building its context;
        #: tests switch it off to compare
        self.plain_words = True

    # ------------------------------------------------------------------ one context

    def _contains_break_uncached(self, context: str) -> bool:
        """NLTK's ``text_contains_sentbreak``: a break on any token of ``context`` but its last."""
        toks: list[str] = []
        for line in context.split("\n"):
            if line.strip():
                toks.extend(WORD_TOKENIZER_RE.findall(line))
        n = len(toks)
        if n < 2:
            return False
        abbrevs = self.abbrev_types
        # first pass (type-based): break, abbreviation or ellipsis of each token
        breaks = [False] * n
        abbr = [False] * n
        ellipsis = [False] * n
        for i, tok in enumerate(toks):
            if tok in _SENT_END_CHARS:
                breaks[i] = True
            elif _RE_ELLIPSIS.match(tok):
                ellipsis[i] = True
            elif tok.endswith(".") and not tok.endswith(".."):
                low = tok[:-1].lower()
                if low in abbrevs or low.split("-")[-1] in abbrevs:
                    abbr[i] = True
                else:
                    breaks[i] = True
        # second pass (token-based), on each token that has a successor; the successor's
        # annotation is its first-pass one, as in NLTK's generator pipeline
        first_breaks = breaks[:]
        for i in range(n - 1):
            tok = toks[i]
            if not tok.endswith("."):
                continue
            nxt = toks[i + 1]
            typ = _type_no_period(_type(tok))
            next_type = _type(nxt)
            if first_breaks[i + 1]:
                next_type = _type_no_period(next_type)
            initial = _RE_INITIAL.match(tok) is not None
            if (abbr[i] or ellipsis[i]) and not initial:
                # the orthographic heuristic never says "sentence start" without statistics
                if nxt[0].isupper() and next_type in self.sent_starters:
                    breaks[i] = True
                    continue
            if initial or typ == _NUMBER:
                not_start = nxt in _PUNCTUATION or nxt[0].islower()
                if not_start or (initial and nxt[0].isupper()):
                    breaks[i] = False
                    abbr[i] = True
        return any(breaks[: n - 1])

    # ------------------------------------------------------------------ a text

    def _slices(self, text: str) -> list[tuple[int, int]]:
        """NLTK's ``_slices_from_text`` (with ``_match_potential_end_contexts``)."""
        out: list[tuple[int, int]] = []
        last_break = 0
        contains = self._contains_break
        abbrevs = self.abbrev_types
        plain_words = self.plain_words
        prev_match = None
        prev_start = prev_stop = 0  # the previous candidate's word slice
        matches = list(PERIOD_CONTEXT_RE.finditer(text))
        matches.append(None)  # flushes the last candidate
        spaces = [c for c in _ASCII_WHITESPACE if c in text]  # usually only " "
        for match in matches:
            if match is not None:
                mstart = match.start()
                # NLTK's _get_last_whitespace_index over text[prev_stop:mstart]: the last
                # ASCII whitespace, where index 0 (or none) means "no whitespace"
                if len(spaces) == 1:
                    ws = text.rfind(spaces[0], prev_stop, mstart)
                else:
                    ws = max([text.rfind(c, prev_stop, mstart) for c in spaces], default=-1)
                word_start = ws + 1 if ws > prev_stop else prev_start
                if prev_match is None or prev_stop > word_start:
                    prev_match, prev_start, prev_stop = match, word_start, mstart
                    continue
            elif prev_match is None:
                break
            # decide on the previous candidate
            m = prev_match
            word = text[prev_start:prev_stop]
            if (
                plain_words
                and len(word) > 1
                and word.isalpha()
                and word.isascii()
                and m.group() == "."
                and word.lower() not in abbrevs
            ):
                # "word." that is no abbreviation: its context's first token is "word." (the
                # context goes on with whitespace or punctuation, never a period), a break
                # that neither pass undoes (no initial, no number), and a token follows it
                brk = True
            else:
                brk = contains(word + m.group() + m.group("after_tok"))
            if brk:
                out.append((last_break, m.end()))
                last_break = m.start("next_tok") if m.group("next_tok") else m.end()
            if match is None:
                break
            prev_match, prev_start, prev_stop = match, word_start, mstart
        out.append((last_break, len(text.rstrip())))
        return out

    def span_tokenize(self, text: str) -> list[tuple[int, int]]:
        """``(start, end)`` of each sentence, as NLTK's ``span_tokenize`` gives them."""
        slices = self._slices(text)
        out: list[tuple[int, int]] = []
        n = len(text)
        realign = 0
        last = len(slices) - 1
        for k, (s1, e1) in enumerate(slices):
            s1 += realign
            if k == last:
                if min(e1, n) > s1:
                    out.append((s1, e1))
                continue
            s2, e2 = slices[k + 1]
            m = None
            if s2 < n and text[s2] in _REALIGN_FIRST:
                m = BOUNDARY_REALIGNMENT_RE.match(text[s2:e2])
            if m:
                out.append((s1, s2 + len(m.group(0).rstrip())))
                realign = m.end()
            else:
                realign = 0
                if min(e1, n) > s1:
                    out.append((s1, e1))
        return out


@functools.lru_cache(maxsize=1 << 16)
def _type(tok: str) -> str:
    """``PunktToken.type``: lower case, a number as ``##number##``."""
    return _RE_NUMERIC.sub(_NUMBER, tok.lower())


def _type_no_period(typ: str) -> str:
    return typ[:-1] if len(typ) > 1 and typ[-1] == "." else typ
