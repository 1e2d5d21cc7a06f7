"""Who said what: quotations and reported speech, with their speakers, found by rules.

An *attributed statement* is content (what was said) + a cue (the reporting verb or phrase:
"said", "told reporters", "according to") + a source (the speaker). Three types:

- ``direct``: all the content is inside quotation marks (“We will win,” she said);
- ``indirect``: reported speech without quotation marks (She said (that) they would win);
- ``mixed``: both (She said they would “win big”).

How the extractor works (no statistical model, no parser):

1. **Quotation marks** are paired within each paragraph (straight, curly, ``''``/````
   and single marks). A mark left open at the end of a paragraph runs to that paragraph's
   end (multi-paragraph quotations reopen the next paragraph), unless the paragraph goes on
   for more than two sentences after it: then it is an unbalanced mark and stops at the end
   of its sentence, so one stray mark never swallows the rest of the article.
2. **Cues**: every word outside quotation marks is looked up in the cue lexicon
   (``analysis/data/cue_verbs.tsv``, all tenses and participles; see :mod:`analysis.cues`).
   Nouns and adjectives that look like cue verbs are set aside ("the reported deal",
   "the claims", "initial reports of", "the jobs report has", "300 pledged delegates", "a
   firm called X", "is expected" in the passive, "showed up", "seeking the nomination"), also
   after "of" or an adjective ("the number of reported cases", "two legal challenges", "the
   radical proposed overhaul") and as the object of a reporting verb ("announced plans"). Only sentences with a cue word, a
   quotation mark, a colon or "VERBed that" are tokenised (a fast path; same result).
3. **Speaker**: the noun phrase before the cue ("Iran's deputy foreign minister Majid
   Takht-Ravanchi said", "a senior official said", "He warned"), with an apposition
   ("Majid Takht-Ravanchi, Iran's deputy foreign minister, stated"); after it for inverted
   cues (", said Simon Rosenberg, president of NDN") and for "according to X"; when no noun
   phrase is found before a reporting verb in the past tense, the whole subject phrase from the
   clause start ("Shane Shook, a security expert who has helped ..., said") or, after an aside
   of any length, the phrase before the sentence's first comma or dash ("Ann Lee, who ran ...
   while ..., said"; "The agency -- which ... -- said"; also for other cues in the past tense,
   which are then not inverted: "Lee, a teacher ..., endorsed Smith"; and for a plural or
   coordinated head before a present tense: "The union and Gov. Park, a longtime ally, oppose
   ..."); a finite cue after "who" in such an
   aside is a statement of its own ("Lee, who has endorsed Smith, said"); a cue in the
   infinitive after a verb of continuing or beginning takes that verb's subject ("Trump
   continued to question ...", "She went on to praise ..."); a participle
   (", noting that ...") or a coordinated verb ("... but warned that ...") keeps the speaker of
   the verb before it (see :mod:`analysis.speakers`); a coordinated verb with no cue before it
   takes the subject of the clause ("Gary Emineth, a former party chairman, became a delegate
   and said ..."). Subjects also include determiners standing alone ("many said", "another
   says"), bare plural phrases ("Polls there show", "proponents of ... say") and names with a
   quoted title in their apposition ("Joe Scarborough, host of “Morning Joe,” suggested").
   Besides the lexicon: a past-tense verb before a "that" clause ("Garin posited that ...";
   ``cue_frame`` "other") or after a quotation ("“No,” she snapped.", "“...,” opined the
   Plain Dealer."), nominal cues ("His view is that ...", "Trump's claim that ..."), "As X
   reported, ...", a name before a colon at the start of a sentence ("Gingrich: Trump must
   decide ...", "TAPPER: Do you ...", but not a label: "Contributing: Ann Lee", "Twitter:
   @name", "Christie: A closing surge", three words or fewer), passives with their agent
   ("was first reported by MSNBC": the agent speaks, the subject is the content) and
   questions and passives without a speaker
   ("Asked whether ...,", "Sanders was asked to ...", "was asked during a lunch whether ...",
   "is expected to ..."; ``speaker`` None, or the asker after "by").
4. **Content**: after the cue (skipping an addressee after "told" and time or place phrases
   such as "on Sunday", "in a statement"; a complementiser "that" is kept, as annotators of
   attribution (PARC 3.0) mark it) up to the next cue of the sentence or its
   end; or, when nothing follows the cue ("..., he said."), the sentence before it; both for
   a cue between commas ("Biden, Rubio said, had been ...", "The talks, according to two
   diplomats, had failed"), without a leading connective ("Still, ...") or a time, place or
   participle phrase ("Six months ago,", "In particular,", "Holding up a copy, ...").
   Quotation marks extend the
   content to the whole quotation, across sentences. A cue inside the content of an earlier
   one ("He added that the government hoped ...") is part of that content, not a new
   statement; so is a verb of a state of mind coordinated inside a reported clause ("said
   [she was tired and wanted a change]"), while a verb of saying there ("... and added
   that ...") is the speaker's next statement. "and" + a cue with a subject starts a new
   statement only once the content before it has a verb ("said four of his children [and his
   wife will speak]" is one subject).
   After a quotation ("“We won,” she said as she accepted her award") what follows the cue is
   circumstance, not content, unless it is another quotation or a "that" clause; a quoted title
   after a possessive ("said on NBC's “Meet the Press”") is circumstance too, and an aside after
   a speaker named after the cue (", said Ann Lee, who chairs ...", ", according to X, an
   advocacy group") is not a second piece of content.
   Content without a verb of its own (a noun phrase or an infinitive) ends before a second
   predicate of the speaker ("denied [the charges] and left the room", "vowed [to fight], but
   did not say how", "praised [the volunteers], visited the shelter") and before a participle
   adjunct ("praised [the budget], giving schools more money"); an infinitive also before a
   comma that opens an apposition or an adverbial clause ("vowed [to repeal the rule], a
   measure that ...", "refused [to fight], though it cost him"). A cue inside a sentence's
   opening subordinate clause ("Although critics have blasted [the plan], the council ...")
   has content up to the comma that closes the clause.
5. **Quotations without a cue** that read as statements (a quoted sentence of three words or
   more at a sentence start, or any quotation of ten words or more) get the speaker of the
   closest statement before them in the last two paragraphs ("“A,” Rubio said. “B.”"), or,
   when none precedes them in their paragraph, of the next one in it ("“A.” “B,” she said.");
   shorter quoted phrases inside a sentence are scare quotes or titles and get no row.
6. **Resolution**: pronouns and surnames map to the fullest name in the article; a pronoun
   without an antecedent ("I", "we", "who", or "he" before any name) stays as written.

Measured on PolNeAR (Newell et al. 2018, political news, PARC 3.0 attributions) with
``benchmarks/evaluate_quotes.py``; see ``notebooks/02-quotes.ipynb`` for the figures. What it
misses: attributions without a cue from the lexicon (PARC 3.0 also annotates "seemed",
"appears", "known as", "plans to", "voted for" ...), content boundaries that annotators draw
around noun phrases and asides, speakers far from the cue, content spanning sentences
without quotation marks, embedded attributions, and anything that needs real syntax.
"""

from __future__ import annotations

import bisect
import functools
import html
import logging
import operator
import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import accumulate, compress, count, repeat
from typing import Any

import numpy as np
import pandas as pd

from .cues import Cue, cue_lexicon, match_cue
from .errors import ParameterError
from .frames import ArticlesLike, OnError, build_frame
from .speakers import (
    AUXILIARIES,
    BE_FORMS,
    CONJUNCTIONS,
    DETERMINERS,
    GROUP_PRONOUNS,
    MONTHS,
    OBJECT_PRONOUNS,
    PERSON_PRONOUNS,
    PREPOSITIONS,
    PRONOUN_DETERMINERS,
    STOP_WORDS,
    SUBJECT_PRONOUNS,
    WEEKDAYS,
    Mention,
    NameIndex,
    Tok,
    is_adverb,
    left_mention,
    right_mention,
)
from . import speakers as speakers_mod
from .text import segment

__all__ = [
    "QUOTE_COLUMNS",
    "EXTRA_COLUMNS",
    "SPEAKER_COLUMNS",
    "extract_quotes",
    "quote_columns",
    "quotes_frame",
    "speakers",
    "quotation_spans",
    "highlight_html",
]

log = logging.getLogger(__name__)

QUOTE_COLUMNS = ("start", "end", "content", "type", "cue", "speaker", "speaker_start", "speaker_end")
#: Extra columns after :data:`QUOTE_COLUMNS`: where the cue is, its lexicon entry, the mention
#: as written, titles seen with it, and the sentence and paragraph of the content's start.
EXTRA_COLUMNS = (
    "cue_start",
    "cue_end",
    "cue_lemma",
    "cue_category",
    "cue_frame",
    "speaker_mention",
    "speaker_title",
    "sent_id",
    "paragraph",
)
SPEAKER_COLUMNS = ("speaker", "n_quotes", "n_words", "first_position", "titles")

_ALL_COLUMNS = QUOTE_COLUMNS + EXTRA_COLUMNS
_INT_COLUMNS = ("start", "end", "speaker_start", "speaker_end", "cue_start", "cue_end", "sent_id", "paragraph")
_WORD_RE = re.compile(r"\w+")
_FIRST = operator.itemgetter(0)
_SECOND = operator.itemgetter(1)
_WORD_OR_NUMBER = frozenset(("word", "number"))

# Set expressions used in the hot loops, computed once.
_WEEKDAYS_AND_UNITS = WEEKDAYS | {"week", "month", "year"}
_STOP_NOT_FOR = STOP_WORDS - {"for"}
_SUBJ_NOT_IT = SUBJECT_PRONOUNS - {"it"}
_SUBJ_PERSONAL = SUBJECT_PRONOUNS - {"who", "it", "you"}
_DET_ARTICLES = DETERMINERS - {"that", "this", "no", "all", "both", "each", "every", "any"}
_STOP_NOT_PP = STOP_WORDS - {"for", "of", "in", "at", "with"}
_SUBJ_NOT_WHO = SUBJECT_PRONOUNS - {"who"}
_DET_NOT_THE = DETERMINERS - {"the"}
_SUBJ_OR_PRONDET = SUBJECT_PRONOUNS | PRONOUN_DETERMINERS
_DET_NOT_THAT = DETERMINERS - {"that"}
_DET_OR_PREP_NOT_TO = DETERMINERS | PREPOSITIONS - {"to"}
_SUBJ_NOT_WHO_YOU = SUBJECT_PRONOUNS - {"who", "you"}
_PREP_NOT_TO = PREPOSITIONS - {"to"}
_PREP_ASKED_AS = PREPOSITIONS | {"asked", "as"}


# --- quotation marks ----------------------------------------------------------------------
_DQ_RE = re.compile(r"``|''|\"")
_OPEN_DQ = "\u201c\u201e\u201f\u00ab"
_CLOSE_DQ = "\u201d\u00bb"
_SQ_RE = re.compile(r"'")
_SQ_ELISIONS = re.compile(r"'(?:\d\ds|em|til|n|cause|tis)\b", re.IGNORECASE)


@dataclass(frozen=True)
class _Quote:
    start: int  # offset of the opening mark
    end: int  # offset after the closing mark (or the paragraph/sentence end when unclosed)
    closed: bool
    kind: str  # "double" or "single"
    paragraph: int


def _double_quotes(text: str, norm: str, ps: int, pe: int) -> list[tuple[int, int, bool]]:
    spans: list[tuple[int, int, bool]] = []
    open_at: int | None = None
    for m in _DQ_RE.finditer(norm, ps, pe):
        i, mark = m.start(), m.group()
        ch = text[i]
        prev = norm[i - 1] if i > ps else " "
        nxt = norm[m.end()] if m.end() < pe else " "
        if mark == "``":
            role = "open"
        elif mark == "''":
            if prev.isalnum() and nxt.isalnum():
                continue
            if open_at is not None and (nxt.isspace() or nxt in ".,;:!?)]}\u2014\u2013-"):
                role = "close"  # "''backlash against 'Primates,'  '' Ms. Ferriss noted"
            else:
                role = "open" if (prev.isspace() or prev in "([{") else "close"
        elif ch in _OPEN_DQ:
            role = "open"
        elif ch in _CLOSE_DQ:
            role = "close"
        elif (prev.isspace() or prev in "([{\u2014\u2013-/") and not nxt.isspace():
            role = "open" if open_at is None else "close"
        elif nxt.isspace() or nxt in ".,;:!?)]}\u2014\u2013-":
            role = "close"
        else:
            role = "close" if open_at is not None else "open"
        if role == "open":
            if open_at is None:
                open_at = i
        elif open_at is not None:
            spans.append((open_at, m.end(), True))
            open_at = None
    if open_at is not None:
        spans.append((open_at, pe, False))
    return spans


def _single_quotes(norm: str, ps: int, pe: int, taken: list[tuple[int, int, bool]]) -> list[tuple[int, int, bool]]:
    starts = [s for s, _, _ in taken]

    def inside(i: int) -> bool:  # the spans in taken are sorted and do not overlap
        k = bisect.bisect_right(starts, i) - 1
        return k >= 0 and i < taken[k][1]

    opens, closes = [], []
    for m in _SQ_RE.finditer(norm, ps, pe):
        i = m.start()
        if inside(i):
            continue
        prev = norm[i - 1] if i > ps else " "
        nxt = norm[i + 1] if i + 1 < pe else " "
        if (prev.isspace() or prev in "([{\u2014\u2013\"") and nxt.isalnum():
            if not _SQ_ELISIONS.match(norm, i):
                opens.append(i)
        elif not prev.isspace() and not nxt.isalnum():
            closes.append(i)
    spans = []
    ci = 0
    last_end = -1
    for o in opens:
        if o < last_end:
            continue
        while ci < len(closes) and closes[ci] <= o:
            ci += 1
        if ci < len(closes) and closes[ci] - o < 400:
            nxt_open = next((x for x in opens if x > o), None)
            if nxt_open is None or closes[ci] < nxt_open:
                spans.append((o, closes[ci] + 1, True))
                last_end = closes[ci] + 1
    return spans


def _find_quotes(text: str) -> list[_Quote]:
    seg = segment(text)
    norm = seg.norm
    sent_starts = seg.sentence_starts
    out: list[_Quote] = []
    paras = seg.paragraphs
    for p, (ps, pe) in enumerate(paras):
        dq = _double_quotes(text, norm, ps, pe)
        fixed = []
        for s, e, closed in dq:
            if not closed:
                nxt_opens = p + 1 < len(paras) and norm[paras[p + 1][0]] in "\"'`"
                first = bisect.bisect_right(sent_starts, s)
                last = bisect.bisect_left(sent_starts, pe)
                if not nxt_opens and last - first > 2:
                    # an unbalanced mark: stop at the end of its sentence
                    si = first - 1
                    e = min(seg.sentences[si][1], pe) if si >= 0 else pe
            fixed.append((s, e, closed))
        for s, e, closed in fixed:
            out.append(_Quote(s, e, closed, "double", p))
        for s, e, closed in _single_quotes(norm, ps, pe, fixed):
            out.append(_Quote(s, e, closed, "single", p))
    out.sort(key=lambda q: q.start)
    return out


def quotation_spans(text: str) -> pd.DataFrame:
    """Every quotation found by its marks, statement or not (the extractor's first step).

    Returns:
        DataFrame with ``start``, ``end`` (offsets including the marks; ``text[start:end]``
        is the quotation), ``content``, ``kind`` (``double`` or ``single``), ``closed``
        (False when the mark was never closed in its paragraph) and ``paragraph``.

    Examples:
        >>> quotation_spans('He called it a “farce.” Then: "We go."')["content"].tolist()
        ['“farce.”', '"We go."']
    """
    rows = [(q.start, q.end, text[q.start : q.end], q.kind, q.closed, q.paragraph) for q in _find_quotes(text)]
    return pd.DataFrame(rows, columns=["start", "end", "content", "kind", "closed", "paragraph"])


# --- frames: cue + speaker in a sentence ----------------------------------------------------
_MODALS = frozenset("will would can could should might may must do does did n't not to".split())
_TELL = frozenset("tell inform assure remind".split())
_AUDIENCE = frozenset(
    """reporters journalists supporters voters lawmakers members crowd audience press
    listeners viewers readers students delegates senators colleagues investors""".split()
)
_MEDIA_NOUNS = frozenset("programme program show newspaper paper radio channel podcast magazine website network".split())
_PP_HEADS = frozenset("in on at during via through to from with after before over".split())
# a new clause before a cue: ", but 55 percent of all voters say", "; officials said"
_SEP_RE = re.compile(
    r"(?:[,;\u2014\u2013]|\s--?|\b(?:but|while|whereas|although|though))\s+(?:\S+\s+){0,5}\S*$", re.IGNORECASE
)
# "... and he says": a coordinated clause with a subject of its own
_AND_SUBJECT_RE = re.compile(r"\b(?:and|but|or|so|yet)\s*$", re.IGNORECASE)
_PLURAL_HEADS = frozenset(
    "percent half majority minority people police public staff others many most some few both all media".split()
)
_TIME_NOUNS = frozenset("night day week month year morning evening afternoon time weekend".split())
_CONNECTORS = frozenset("and but also while as or yet so then even whereas".split())
_CONNECTORS_PLUS = _CONNECTORS | {"still", "now", "however"}


@dataclass
class _Frame:
    cue: Cue
    ci: int  # first cue token (sentence-local index)
    cj: int  # last cue token
    side: str  # left | right | inherit
    mention: Mention | None
    start: int  # char offset where the frame begins (mention or cue)
    end: int  # char offset where the frame ends (cue or inverted speaker)
    after: int  # token index after the frame (before skipping)
    content: tuple[int, int] | None = None  # a content span fixed by the frame (passives with "by")
    subject: tuple[int, int] | None = None  # the subject piece of an evidential ("X seemed to ...")


def _prev_index(toks: list[Tok], i: int) -> tuple[int, bool]:
    """Index of the token before ``i`` skipping auxiliaries, adverbs and time words;
    and whether a form of "be" was skipped right before the cue (a passive)."""
    k = i - 1
    passive = False
    while k >= 0:
        t = toks[k]
        if t.kind == "clitic" and t.low in ("n't", "n\u2019t", "'d", "\u2019d", "'ve", "\u2019ve"):
            k -= 1
            continue
        if t.low in _TIME_NOUNS and k >= 2 and toks[k - 1].low in ("the", "that") and toks[k - 2].low == "at":
            k -= 3  # "Trump at the time said"
            continue
        if t.kind == "number" and k >= 1 and toks[k - 1].low in ("in", "since") and len(t.low) == 4:
            k -= 2  # "Sanders in 2011 said"
            continue
        if t.kind != "word":
            break
        if t.low in BE_FORMS:
            passive = True
            k -= 1
            continue
        if (not t.cap and (t.low in AUXILIARIES or is_adverb(t))) or t.low in WEEKDAYS:
            k -= 1
            continue
        if t.low in ("on", "last", "this") and k + 1 < i and toks[k + 1].low in _WEEKDAYS_AND_UNITS:
            k -= 1
            continue
        if t.low in ("week", "month", "year") and k > 0 and toks[k - 1].low in ("last", "this"):
            k -= 1
            continue
        break
    return k, passive


def _is_quote_tok(t: Tok) -> bool:
    return t.kind == "punct" and t.text in "\"'`\u201c\u201d\u2018\u2019\u00ab\u00bb"


def _pp_end(toks: list[Tok], r: int, n: int) -> int:
    """If a time or place phrase starts at ``r`` ("on Sunday", "in a statement", "to
    reporters"), the index after it; else ``r``."""
    t = toks[r]
    if t.low in WEEKDAYS or t.low in ("earlier", "later", "again", "also", "recently", "however"):
        return r + 1
    if t.low in ("last", "this") and r + 1 < n and toks[r + 1].low in ("week", "month", "year", "weekend"):
        return r + 2
    if t.low not in _PP_HEADS or r + 1 >= n:
        return r
    q = r + 1
    if t.low == "at" and toks[q].low in ("least", "most"):
        return r
    if t.low == "to":
        u = toks[q]
        if u.low in OBJECT_PRONOUNS or u.low in _AUDIENCE:
            return q + 1
        if u.low in DETERMINERS and q + 1 < n and toks[q + 1].low in _AUDIENCE:
            return q + 2
        if not u.cap:
            return r
    if toks[q].low in DETERMINERS:
        q += 1
    start = q
    while q < n and q - start < 4:
        u = toks[q]
        if u.kind == "clitic" or (u.kind == "punct" and u.text in ".-"):
            q += 1
            continue
        if u.kind not in ("word", "number") or u.low in _STOP_NOT_FOR or u.low in DETERMINERS:
            break
        if u.low in SUBJECT_PRONOUNS or (q > start and u.cap and not toks[q - 1].cap):
            break
        q += 1
    if q == start:
        return r
    if q < n and toks[q].low == "of" and q + 1 < n and toks[q + 1].cap:
        q += 2
        while q < n and toks[q].cap:
            q += 1
    return q


def _content_start(toks: list[Tok], r: int, n: int, cue: Cue) -> int:
    """Index of the first content token after the frame (skips addressee, phrases, "that")."""
    if r < n and cue.lemma == "ask" and (toks[r].low in OBJECT_PRONOUNS or toks[r].cap):
        # "asked Trump how he would ...", "asked her whether ...": the addressee is not content
        x = r + 1
        while x < n and x - r < 4 and toks[r].cap and (toks[x].cap or toks[x].text == "."):
            x += 1
        if x < n and toks[x].low in _QUESTION_WORDS and toks[x].low != "about":
            return x
    if r < n and cue.lemma in _TELL:
        # told (reporters | CNN | him | the crowd) (that) ...
        for x in range(r, min(n, r + 8)):
            if toks[x].low == "that":
                if all(toks[y].kind in ("word", "clitic") or toks[y].text in ".-" for y in range(r, x)):
                    return x  # the content starts with "that", as annotators mark it
                break
            if not (toks[x].kind in ("word", "number", "clitic") or toks[x].text in ".-"):
                break
        u = toks[r]
        x = r + (1 if u.low in ("the", "a") else 0)
        if x < n and toks[x].cap and toks[x].kind in ("word", "number"):
            # "told the BBC the decision was final", "told BBC Radio 4's Today programme the
            # plans would ...": a named addressee, then the content's own determiner
            y = x
            while y < n and y - x < 8 and (
                toks[y].cap or toks[y].kind in ("number", "clitic") or toks[y].text in ".-&"
                or (toks[y].kind == "word" and toks[y - 1].kind == "clitic" and toks[y].low not in DETERMINERS | SUBJECT_PRONOUNS)
                or (toks[y].kind == "word" and toks[y - 1].cap and toks[y].low in _MEDIA_NOUNS)
            ):
                y += 1
            if y < n and y > x and toks[y].kind == "word" and (toks[y].low in DETERMINERS or toks[y].low in _SUBJ_NOT_WHO) and _clause_follows(toks, y):
                return y
        if u.low in OBJECT_PRONOUNS or u.low in _AUDIENCE:
            r += 1
        elif u.low in DETERMINERS and r + 1 < n and toks[r + 1].kind == "word" and not toks[r + 1].cap:
            r += 2
        elif u.cap and u.kind == "word":
            while r < n and (toks[r].cap or toks[r].text in ".-&" or toks[r].kind == "clitic"):
                r += 1
    for _ in range(4):
        if r >= n:
            return r
        t = toks[r]
        if t.low == "that" and t.kind == "word":
            # "said that" but not "said that day" or "that's"
            if r + 1 < n and toks[r + 1].kind == "clitic":
                return r
            if r + 1 < n and toks[r + 1].low in _TIME_NOUNS:
                r += 2
                continue
            return r
        if t.text in (";", ".", "!", "?"):
            return n  # "..., Brafman noted; the government had ...": nothing follows the cue
        if t.text in (",", ":", "\u2014", "--"):
            r += 1
            continue
        if t.low in _PP_HEADS and t.low != "to":
            # "said on his official Twitter feed that ...": a longer phrase, then "that"
            for x in range(r + 1, min(n, r + 9)):
                u = toks[x]
                if u.low == "that" and u.kind == "word":
                    if x + 1 < n and (toks[x + 1].kind == "clitic" or toks[x + 1].low in _TIME_NOUNS):
                        break
                    return x
                if not (u.kind in ("word", "number", "clitic") or u.text in ".-&") or u.low in _SUBJ_NOT_IT:
                    break
        nr = _pp_end(toks, r, n)
        if nr == r:
            return r
        r = nr
    return r


def _looks_finite(t: Tok) -> bool:
    """A lower-case word that reads as a finite verb ("rubbed", "is", "has")."""
    return t.kind == "word" and not t.cap and (t.low in _FINITE_AUX or t.low in BE_FORMS or (t.low.endswith("ed") and len(t.low) > 4))


_COMMON_PAST = frozenset(
    """became went came took gave made got had was were ran won lost met left held kept sent spent
    built began brought bought caught fought sought stood sat wore drove rose fell grew drew threw
    flew knew saw spoke broke chose wrote led read heard paid laid set put cut hit let told said
    found thought felt meant struck won is are has have""".split()
)


def _looks_verb(toks: list[Tok], x: int) -> bool:
    """A token that reads as the finite verb of a clause after its subject ("became", "runs",
    "had served", "is")."""
    t = toks[x]
    if t.kind != "word" or t.cap or x == 0 or "-" in t.low:
        return False
    low = t.low
    if toks[x - 1].kind == "clitic" and toks[x - 1].low in ("'s", "\u2019s"):
        return False  # "China's state-owned giant"
    if low in _FINITE_AUX or low in BE_FORMS or low in _COMMON_PAST:
        return True
    prev = toks[x - 1]
    if low.endswith("ed") and len(low) > 4 and low not in _NOT_VERBS:
        return prev.low not in DETERMINERS and prev.low not in PREPOSITIONS
    if low.endswith("s") and not low.endswith("ss") and len(low) > 3 and low not in _NOT_VERBS:
        # "CITIC runs", "the company says": after a name or a singular noun, not after "the"
        return (prev.cap and prev.kind == "word") or prev.low in ("he", "she", "it")
    return False


def _clause_subject(toks: list[Tok], upto: int, text: str) -> Mention | None:
    """The subject of the sentence's first clause: the noun phrase from the clause start up to
    the first token that reads as a finite verb ("Gary Emineth, a former state party chairman,
    became a delegate and said ..."), before ``upto``."""
    a = 0
    while a < upto and toks[a].kind == "word" and toks[a].low in _CONNECTORS_PLUS:
        a += 1
    if a < upto and toks[a].text == ",":
        a += 1
    if a < upto and toks[a].kind == "word" and (toks[a].low in PREPOSITIONS or toks[a].low in _SUBORDINATORS or is_adverb(toks[a])):
        comma = next((x for x in range(a, upto) if toks[x].text == ","), None)
        if comma is None:
            return None
        a = comma + 1
    if a >= upto:
        return None
    first = toks[a]
    if first.kind == "word" and first.low in _SUBJ_PERSONAL:
        return Mention(first.start, first.end, first.text, first.text, "pronoun")
    depth = 0
    for x in range(a + 1, min(upto, a + 25)):
        u = toks[x]
        if u.text in ("(", "["):
            depth += 1
        if u.text in (")", "]"):
            depth = max(0, depth - 1)
            continue
        if depth:
            continue
        if u.text in (";", ":") or u.low in ("who", "which", "that") and toks[x - 1].text != ",":
            return None
        if _looks_verb(toks, x):
            k, _ = _prev_index(toks, x)
            if k < a:
                return None
            m = left_mention(toks, k, text, a)
            if m is not None and m.kind in ("name", "pronoun"):
                return m
            if m is not None and m.kind == "description" and _plausible_description(m, _generic_cue_for("said")):
                return m
            return None
    return None


def _sentence_subject(toks: list[Tok], upto: int, text: str) -> Mention | None:
    """The subject of the sentence's main clause for a participle without an earlier cue:
    the last pronoun or name at the sentence start or after a comma, before ``upto``."""
    m = _clause_subject(toks, upto, text)
    if m is not None:
        return m
    best = None
    positions = [0] + [i + 1 for i in range(upto) if toks[i].text == ","]
    for p in positions:
        if p >= upto:
            continue
        t = toks[p]
        if t.kind != "word":
            continue
        if t.low in _SUBJ_PERSONAL:
            best = Mention(t.start, t.end, t.text, t.text, "pronoun")
            continue
        if p == 0 and t.low in _DET_ARTICLES:
            # "The judge rubbed his chin, and then said ...": a description up to its verb
            q = p + 1
            while q < upto and q - p < 6 and toks[q].kind in ("word", "clitic") and not _looks_finite(toks[q]):
                q += 1
            if q > p + 1 and q < upto and _looks_finite(toks[q]):
                m = left_mention(toks, q - 1, text, p)
                if m is not None:
                    best = m
            continue
        if t.cap and t.low not in STOP_WORDS and t.low not in DETERMINERS:
            q = p
            while q + 1 < upto and (toks[q + 1].cap or toks[q + 1].text in ".-" or toks[q + 1].kind == "clitic"):
                q += 1
            while q > p and toks[q].kind != "word":
                q -= 1
            if q + 1 < upto and toks[q + 1].kind == "word" and not toks[q + 1].cap:
                m = left_mention(toks, q, text, p)
                if m is not None and m.kind == "name":
                    best = m
    return best


_COLON_CUE = Cue(":", ":", "neutral", "report", "any", False)
# Capitalised words before a colon that label something other than a speaker.
_NOT_SPEAKER_LABELS = frozenset(
    """update updated note editor editors photo photos video watch read related source sources
    credit credits warning breaking exclusive analysis opinion q a question answer topic subject
    title date time location image caption correction disclaimer click see also more full
    transcript live here this the what why how who where when bottom line pictured above below
    step part chapter day week fact facts reality verdict rating result results score final
    first second third last next plus example key tip tips summary background context
    quote quotes statement update lesson takeaway latest contributing byline email twitter
    facebook instagram follow contact reporting""".split()
)


def _colon_frame(toks: list[Tok], text: str) -> _Frame | None:
    """A headline or transcript speaker: "Gingrich: Trump must decide ...", "TAPPER: Do you ..."."""
    n = len(toks)
    i = 0
    while i < n and i < 7 and toks[i].text != ":":
        t = toks[i]
        lower_head = (
            i > 0 and toks[0].cap and t.kind == "word" and t.low not in STOP_WORDS and t.low not in DETERMINERS
            and not t.low.endswith(("ed", "ing")) and i + 1 < n and toks[i + 1].text == ":"
        )  # "Clinton camp: ...", "Trump aides: ..."
        if not (t.cap or t.text in ".-&" or t.kind == "clitic" or (t.low == "to" and i > 0) or lower_head):
            return None
        if t.low in _NOT_SPEAKER_LABELS or t.low in WEEKDAYS or t.low in MONTHS:
            return None
        i += 1
    if i == 0 or i >= n - 3 or toks[i].text != ":" or toks[i + 1].kind == "number":
        return None
    end = i - 1
    if any(toks[x].low == "to" for x in range(end + 1)):  # "Clinton to Planned Parenthood:"
        end = next(x for x in range(end + 1) if toks[x].low == "to") - 1
    if end < 0 or not toks[end].is_word:
        return None
    m = left_mention(toks, end, text, 0)
    if m is None:
        return None
    return _Frame(_COLON_CUE, i, i, "left", m, m.start, toks[i].end, i + 1)


_QUOTE_CHAR_RE = re.compile("[\"'`\u201c\u201d\u2018\u2019\u00ab\u00bb]")
# A quotation mark after the punctuation _closes_quote wants before it (",", "?", "!", ".",
# "...", "\u2014", "-": each ends in one of these characters; only whitespace separates two
# tokens): without one in a sentence, _post_quote_cue finds nothing there ("Beijing's",
# "analysts' forecasts" have no closing quotation).
_CLOSING_QUOTE_RE = re.compile("[,?!.\u2014-]\\s*[\"'`\u201c\u201d\u2018\u2019\u00ab\u00bb]")


def _title_case(toks: list[Tok]) -> bool:
    n = caps = 0
    for t in toks:
        if t.kind == "word" and len(t.text) > 3:
            n += 1
            caps += t.cap
    return n >= 4 and caps >= 0.8 * n


def _candidates(lows: list[str], text: str, start: int, end: int) -> list[int]:
    """Sorted indices of the tokens where a cue may start: a word that starts a lexicon or
    nominal cue, a word before "that" (_generic_cue) and, in a sentence where a quotation mark
    follows a comma, full stop, question or exclamation mark or a dash (what _closes_quote needs;
    a superset test on the text), an -ed/-s form or a past tense (_post_quote_cue); the cue
    finders of _frames cannot match anywhere else."""
    if not _FAST_PATHS:
        return list(range(len(lows)))  # every token: the reference the fast paths are tested against
    cand_words = _candidate_words()
    if _LEANER:
        cands = list(compress(count(), map(cand_words.__contains__, lows)))
    else:
        cands = [x for x, low in enumerate(lows) if low in cand_words]
    extra = False
    if "that" in lows:
        cands += [x - 1 for x, low in enumerate(lows) if low == "that" and x > 0]
        extra = True
    if (_CLOSING_QUOTE_RE if _LEAN_PATHS else _QUOTE_CHAR_RE).search(text, start, end) is not None:
        cands += [x for x, low in enumerate(lows) if low.endswith(("ed", "s")) or low in _COMMON_PAST]
        extra = True
    return sorted(set(cands)) if extra else cands


def _frames(
    toks: list[Tok], lows: list[str], text: str, in_quote: bytearray, cands: list[int] | None = None
) -> list[_Frame]:
    n = len(toks)
    first_word = next((i for i, t in enumerate(toks) if t.kind == "word"), -1)
    frames: list[_Frame] = []
    colon = (
        _colon_frame(toks, text)
        if first_word == 0 and not in_quote[toks[0].start]
        # a colon frame needs a ":" token
        and (not _LEANER or text.find(":", toks[0].start, toks[-1].end) >= 0)
        else None
    )
    if colon is not None:
        return [colon]
    fw0 = first_word
    title: bool | None = None  # a headline in title case (cues are capitalised too); computed when it matters
    if cands is None:
        cands = _candidates(lows, text, toks[0].start, toks[-1].end)
    pos = 0  # the first token a new cue may start at
    for i in cands:
        if i < pos:
            continue
        t = toks[i]
        if t.kind != "word" or in_quote[t.start]:
            continue
        nominal = _nominal_frame(toks, i, text)
        if nominal is not None:
            frames.append(nominal)
            pos = nominal.after
            continue
        cue = match_cue(lows, i)
        if cue is None:
            cue = _generic_cue(toks, i) or _post_quote_cue(toks, i)
        if cue is None:
            continue
        j = i + len(cue.form.split()) - 1
        if t.cap or i == fw0 or i - 1 == fw0 or any(toks[x].cap for x in range(i + 1, j + 1)):
            if title is None:
                title = _title_case(toks)
            first_word = -2 if title else fw0
        else:
            first_word = fw0  # the same frame either way (see the uses of first_word in _frame_at)
        frame = _frame_at(toks, i, j, cue, text, first_word, frames)
        if frame is not None:
            frames.append(frame)
            pos = max(j, frame.after - 1) + 1
        else:
            pos = j + 1
    return frames


@functools.cache
def _candidate_words() -> frozenset[str]:
    return frozenset(cue_lexicon()) | _VIEW_NOUNS | frozenset(_CLAIM_NOUNS)


_NOT_VERBS = frozenset(
    """is was has does this thus less unless ss us yes news series species perhaps whereas always
    sometimes towards afterwards besides indeed need needs so such now given except provided
    assuming means says feed seed speed breed bleed greed creed deed weed steed shed hundred
    kindred hatred sacred naked wicked crooked ragged rugged beloved""".split()
)
_IRREGULAR_PAST = frozenset(
    """thought knew felt heard saw understood taught forgot meant swore wrote said told held
    foresaw made""".split()
)


@functools.cache
def _generic_cue_for(word: str) -> Cue:
    return Cue(word, word, "neutral", "other", "clause", False)


def _closes_quote(toks: list[Tok], x: int) -> bool:
    """``toks[x]`` is a closing quotation mark after a comma, question or exclamation mark
    (or a full stop) that ends the quoted words: ``“We won,”``."""
    return x >= 1 and _is_quote_tok(toks[x]) and toks[x - 1].text in (",", "?", "!", ".", "\u2014", "-", "...")


def _post_quote_cue(toks: list[Tok], i: int) -> Cue | None:
    """A verb outside the lexicon that attributes the quotation just before it: ``“Sorry,”
    she snapped.``, ``“Gun owners should stay home,” opined the Plain Dealer.``, ``“We won,” a
    voice-over in the ad states.`` The verb is a past tense or an -s form, between the
    quotation and the end of the sentence (or a comma, or another quotation) with the speaker
    on one side."""
    n = len(toks)
    t = toks[i]
    if t.kind != "word" or t.cap or len(t.low) < 4 or t.low in _NOT_VERBS or "-" in t.low:
        return None
    low = t.low
    if not (low.endswith("ed") or low in _COMMON_PAST or (low.endswith("s") and not low.endswith("ss"))):
        return None

    def ends_after(x: int) -> bool:
        if x >= n:
            return True
        u = toks[x]
        if u.text in (".", ",", "!", "?", ";") or _is_quote_tok(u):
            return True
        pe = _pp_end(toks, x, n)
        return pe > x and (pe >= n or toks[pe].text in (".", ",", ";") or _is_quote_tok(toks[pe]))

    if _closes_quote(toks, i - 1):  # “...,” opined the Plain Dealer.
        nx = toks[i + 1] if i + 1 < n else None
        if nx is not None and nx.kind == "word" and (nx.cap or nx.low in DETERMINERS) and low.endswith("ed"):
            return _generic_cue_for(low)
        return None
    # “...,” SUBJECT verbed.
    j = i - 1
    while j >= 0 and i - j <= 7:
        u = toks[j]
        if _closes_quote(toks, j):
            break
        if not (u.kind in ("word", "clitic") or u.text in ".-&") or u.low in _STOP_NOT_PP:
            return None
        j -= 1
    else:
        return None
    if j < 0 or j == i - 1 or not ends_after(i + 1):
        return None
    first = toks[j + 1]
    if not (first.cap or first.low in DETERMINERS or first.low in _SUBJ_PERSONAL):
        return None
    if low.endswith("s") and not low.endswith("ed") and toks[i - 1].low in ("i", "we", "they", "you"):
        return None
    return _generic_cue_for(low)


_VIEW_NOUNS = frozenset(
    """view position argument belief message point hope fear concern claim contention
    assessment conclusion answer response explanation reasoning""".split()
)
_POSSESSIVE_PRONOUNS = frozenset("his her their its my our".split())


@functools.cache
def _nominal_cue(noun: str, be: str) -> Cue:
    return Cue(f"{noun} {be}", noun, "neutral", "report", "clause", False)


# Nouns of saying and thinking that take a "that" clause after a possessor: "Trump's claim
# that ...", "his false claims that ...", "Sanders's insistence that ..." (category, frame).
_CLAIM_NOUNS = {
    **{w: ("loaded", "distancing") for w in "claim claims accusation accusations allegation allegations charge charges insinuation".split()},
    **{w: ("loaded", "assertive") for w in "insistence assertion assertions contention argument arguments promise promises pledge pledges assurance assurances vow".split()},
    **{w: ("loaded", "conceding") for w in "admission concession".split()},
    **{w: ("loaded", "warning") for w in "warning warnings threat".split()},
    **{w: ("neutral", "cognition") for w in "belief beliefs view fear fears hope hopes concern concerns assumption conviction suspicion".split()},
    **{w: ("neutral", "report") for w in "statement announcement suggestion suggestions prediction predictions complaint complaints remark remarks".split()},
}


@functools.cache
def _noun_cue(noun: str) -> Cue:
    category, frame = _CLAIM_NOUNS[noun]
    return Cue(noun, noun, category, frame, "clause", False)


def _claim_noun_frame(toks: list[Tok], i: int, text: str) -> _Frame | None:
    """"Donald Trump's accusation that Hillary Clinton is playing the 'woman's card'", "his
    claim that ...": the possessor is the speaker, the "that" clause the content."""
    n = len(toks)
    t = toks[i]
    if i == 0 or i + 2 >= n or toks[i + 1].low != "that":
        return None
    subj = toks[i + 2]
    if not (subj.low in _SUBJ_NOT_WHO or subj.low in DETERMINERS or subj.cap or subj.kind == "number"):
        return None
    p = i - 1
    if toks[p].kind == "word" and not toks[p].cap and toks[p].low not in STOP_WORDS and toks[p].low not in _POSSESSIVE_PRONOUNS and p > 0:
        p -= 1  # "Trump's false claims that ...": one adjective
    q = toks[p]
    if q.low in _POSSESSIVE_PRONOUNS and q.kind == "word":
        m: Mention | None = Mention(q.start, q.end, q.text, q.text, "pronoun")
    elif q.kind == "clitic" and q.low in ("'s", "\u2019s") and p >= 1:
        m = left_mention(toks, p - 1, text, 0)
        if m is not None and m.kind == "description" and not m.text[:1].isupper() and m.text.split()[-1].lower() not in speakers_mod.titles():
            m = None  # "the bill's promise that ...", but "the prime minister's claim that ..."
    else:
        return None
    if m is None:
        return None
    return _Frame(_noun_cue(t.low), i, i, "left", m, m.start, t.end, i + 1)


def _nominal_frame(toks: list[Tok], i: int, text: str) -> _Frame | None:
    """A nominal cue: "His view is that ...", "Trump's argument was: ...", "Trump's claim
    that ..."; the possessor is the speaker."""
    t = toks[i]
    if t.low in _CLAIM_NOUNS:
        f = _claim_noun_frame(toks, i, text)
        if f is not None:
            return f
    if t.low not in _VIEW_NOUNS or i == 0 or i + 2 >= len(toks):
        return None
    be, nxt = toks[i + 1], toks[i + 2]
    if be.low not in ("is", "was") or not (nxt.low == "that" or nxt.text == ":"):
        return None
    p = toks[i - 1]
    if p.low in _POSSESSIVE_PRONOUNS and p.kind == "word":
        m: Mention | None = Mention(p.start, p.end, p.text, p.text, "pronoun")
    elif p.kind == "clitic" and p.low in ("'s", "\u2019s") and i >= 2:
        m = left_mention(toks, i - 2, text, 0)
    else:
        return None
    if m is None:
        return None
    return _Frame(_nominal_cue(t.low, be.low), i, i + 1, "left", m, m.start, be.end, i + 2)


def _generic_cue(toks: list[Tok], i: int) -> Cue | None:
    """A verb outside the lexicon followed by a "that" clause ("Garin posited that ...",
    "Trump conceded privately that ..."): a past tense, then "that", then the clause's
    subject (a pronoun, a determiner, a capitalised word or a number)."""
    if i + 2 >= len(toks):
        return None
    t = toks[i]
    if t.kind != "word" or t.cap or len(t.low) < 4 or t.low in _NOT_VERBS:
        return None
    third = (
        t.low.endswith("s") and not t.low.endswith(("ss", "us", "is", "ous")) and i > 0
        and (toks[i - 1].cap or toks[i - 1].low in ("he", "she", "it"))
    )  # "Garin posits that ...": an -s form only after a name or a pronoun (else often a plural noun)
    if not (t.low.endswith("ed") or t.low in _IRREGULAR_PAST or third):
        return None
    nxt, subj = toks[i + 1], toks[i + 2]
    if nxt.low != "that" or nxt.kind != "word":
        return None
    if not (subj.low in _SUBJ_NOT_WHO or subj.low in DETERMINERS or subj.cap or subj.kind == "number"):
        return None
    if i > 0 and (toks[i - 1].low in DETERMINERS or toks[i - 1].low in ("so", "such", "the")):
        return None  # "the fact that", "so tired that"
    return _generic_cue_for(t.low)


_QUESTION_WORDS = frozenset("about whether if what why how who when where which".split())
_PASSIVE_CUES = frozenset("ask expect tell".split())


_VERB_FORMS = frozenset("said says say told tell wrote think thought believe believed agree agreed".split())


def _determiner_subject(toks: list[Tok], i: int, j: int, cue: Cue) -> bool:
    """A determiner standing for a noun phrase before a verb form ("many said", "another
    says", "most believed that"), not before a noun ("many claims", "the reported deal")."""
    prev = toks[i - 1]
    if prev.low not in PRONOUN_DETERMINERS or (i >= 2 and toks[i - 2].low in _DET_NOT_THE):
        return False
    head = cue.form.split()[0]
    if head in _VERB_FORMS:
        return True
    nxt = toks[j + 1] if j + 1 < len(toks) else None
    return head.endswith("ed") and (nxt is None or nxt.low in ("that", "to") or nxt.low in SUBJECT_PRONOUNS or nxt.kind == "punct")


_PP_INSIDE = frozenset("in of at for with from on by".split())


def _extend_after_quote(toks: list[Tok], m: Mention, text: str, j: int = -1) -> Mention:
    """A speaker right after a quotation, or after the content when the cue ends the sentence,
    keeps its prepositional phrases: in ``“...,” a voice-over in the ad states`` the speaker is
    "a voice-over in the ad", not "the ad"; in ``..., records compiled by the Center for
    Responsive Politics show.`` it is the whole phrase."""
    x = next((y for y in range(len(toks)) if toks[y].start == _np_start(m)), None)
    if x is None:
        return m
    n = len(toks)
    cue_ends = 0 <= j and (j + 1 >= n or toks[j + 1].text in (".", "!", "?", ","))
    y = x - 1
    crossed = False
    while y >= 0 and x - y <= 8:
        u = toks[y]
        if _closes_quote(toks, y) or (cue_ends and u.text == ","):
            break
        if u.kind == "word" and u.low in _PP_INSIDE:
            crossed = True
        elif not (u.kind in ("word", "clitic") or u.text in ".-&") or u.low in STOP_WORDS:
            return m
        y -= 1
    else:
        return m
    if y < 0 or not crossed or y == x - 1 or toks[y + 1].low in _PP_INSIDE:
        return m
    start = toks[y + 1].start
    raw = text[start : m.end]
    if m.kind == "name":
        # keep the name as the speaker, the phrase before it as where it was found
        return Mention(m.start, m.end, m.text, m.name, "name", m.title, np_start=start)
    return Mention(start, m.end, raw, raw, "description", m.title)


_PARTICIPLES = frozenset("said told written shown seen found thought known heard made".split())


def _passive_by_frame(toks: list[Tok], i: int, j: int, k: int, cue: Cue, text: str) -> _Frame | None:
    """A passive with its agent: "Trump has been criticized by some of his rivals", "O'Malley's
    move was first reported by MSNBC": the agent is the speaker, the subject the content."""
    n = len(toks)
    head = toks[j].low
    if cue.lemma in _PASSIVE_CUES or k < 0 or not (head.endswith("ed") or head in _PARTICIPLES):
        return None
    b = next((x for x in range(j + 1, min(n, j + 6)) if toks[x].low == "by"), None)
    if b is None or any(not toks[x].is_word or toks[x].low in STOP_WORDS - {"in", "on", "at"} for x in range(j + 1, b)):
        return None
    m, nxt = right_mention(toks, b + 1, text, n)
    if m is None:
        return None
    subj = left_mention(toks, k, text, 0) or _subject_fallback(toks, k, text)
    if subj is None or subj.text.lower() in ("who", "which", "that"):
        return None
    return _Frame(cue, i, j, "right", m, toks[i].start, toks[nxt - 1].end, nxt, content=(_np_start(subj), subj.end))


# What a candidate seeks when "seek" means running for office, not a stance.
_OFFICES = frozenset("presidency nomination nominations office reelection re-election house seat".split())


def _after_asked(toks: list[Tok], j: int, text: str) -> tuple[Mention | None, int]:
    """After "asked" ending at token ``j``: the asker named after "by" (or None) and the index
    of the first token after it and after up to three time or place phrases ("asked by the
    host on Sunday in Ohio whether ...": the index of "whether")."""
    n = len(toks)
    r = j + 1
    asker = None
    if r + 1 < n and toks[r].low == "by":
        asker, r = right_mention(toks, r + 1, text, n)
    for _ in range(3):
        nr = _pp_end(toks, r, n) if r < n else r
        if nr == r:
            break
        r = nr
    return asker, r


def _asked_question(toks: list[Tok], i: int, j: int, cue: Cue, text: str) -> _Frame | None:
    """A passive "asked" with the question after an agent or a time or place phrase: "was
    asked during a lunch with editors whether ...", "was asked by the host what ...", "were
    asked who ...": the question is the content, the asker (after "by") the speaker."""
    n = len(toks)
    asker, r = _after_asked(toks, j, text)
    if r >= n or toks[r].low not in _QUESTION_WORDS or toks[r].low == "about" or r + 1 >= n or not toks[r + 1].is_word:
        return None
    return _Frame(cue, i, j, "inherit", asker, toks[i].start, toks[r - 1].end, r)


_OF_VERBS = frozenset("speak think talk warn complain boast brag".split())
# Cue forms that are as often nouns ("the jobs report", "his plans", "ballot questions").
_NOUN_FORMS = frozenset(
    """report reports plan plans question questions claim claims call calls estimate estimates
    show shows offer offers support supports remark remarks comment comments answer answers quote
    quotes promise promises demand demands pledge pledges request requests reply replies
    concern concerns doubt doubts echo echoes fear fears hope hopes finding findings""".split()
)


def _noun_use(toks: list[Tok], i: int, j: int, cue: Cue) -> bool:
    """A cue form used as a noun or an adjective: "initial reports of the incident", "the jobs
    report has cleared ...", "grander commercial plans - to export ...", "other ballot
    questions, Senate races", "300 pledged delegates"."""
    n = len(toks)
    nxt = toks[j + 1] if j + 1 < n else None
    prev = toks[i - 1] if i > 0 else None
    if nxt is None:
        return False
    if j == i and toks[i].low in _NOUN_FORMS and prev is not None and prev.kind == "word" and (not prev.cap or i == 1) and (
        prev.low not in _SUBJ_OR_PRONDET
    ):  # (a capital only at the sentence start: "Initial reports of ...")
        if nxt.low == "of" and cue.lemma not in _OF_VERBS:
            return True
        if nxt.kind == "word" and (nxt.low in _FINITE_AUX or nxt.low in BE_FORMS) and nxt.low not in ("be", "been", "being", "get"):
            return True  # "the jobs report has ...", "his plans were ..."
        plural_subject = not toks[i].low.endswith("s") and prev.low.endswith("s") and not prev.low.endswith("ss")
        if nxt.text in (",", "-", "\u2013", ")") and not plural_subject and not _between_commas(toks, i):
            return True  # not "..., records show, and ...", "What is certain, the survey shows, is ..."
    if prev is not None and prev.kind == "number" and toks[i].low.endswith("ed") and nxt.kind == "word" and not nxt.cap:
        return True  # "300 pledged delegates"
    if j == i and prev is not None:
        if prev.low == "of" and prev.kind == "word":
            return True  # "the number of calls", "a variety of alleged abuses"
        if _adjective_like(prev) and (not toks[i].low.endswith("ed") or (nxt.kind == "word" and not nxt.cap and nxt.low not in STOP_WORDS)):
            return True  # "two legal challenges", "the administration's radical proposed overhaul"
        if toks[i].low in _NOUN_FORMS and prev.kind == "word" and prev.low.endswith("ed") and prev.low in _cue_forms():
            return True  # "Acme announced plans to ...", "has rejected calls for ...": the object
    return False


#: Endings of adjectives ("legal", "defensive", "serious", "possible") and nouns that have
#: them too ("official", "rival", "executive"), which may head a speaker phrase.
_ADJECTIVE_ENDINGS = ("al", "ive", "ous", "ful", "less", "able", "ible")
_NOUNS_LIKE_ADJECTIVES = frozenset(
    """official officials rival general individual professional criminal tribunal journal hospital
    capital animal festival cardinal principal arsenal terminal editorial
    memorial admiral marshal corporal signal portal council royal mogul executive
    representative relative detective operative native objective initiative alternative
    conservative directive explosive incentive collective progressive captive fugitive
    detective motive archive missive narrative perspective survival arrival proposal approval
    referral denial trial total material potential commercial chemical""".split()
)


def _adjective_like(tok: Tok) -> bool:
    """A lower-case word with an adjective's ending that is not also a noun ("legal",
    "defensive", "radical" before a noun)."""
    low = tok.low
    return (
        tok.kind == "word" and not tok.cap and low.endswith(_ADJECTIVE_ENDINGS) and len(low) > 4
        and low not in _NOUNS_LIKE_ADJECTIVES and low not in speakers_mod.titles()
    )


@functools.cache
def _cue_forms() -> frozenset[str]:
    """Every one-word form of the cue lexicon ("announced", "rejected")."""
    return frozenset(c.form for cues in cue_lexicon().values() for c in cues if " " not in c.form)


def _between_commas(toks: list[Tok], i: int) -> bool:
    """The cue at ``i`` ends a short noun phrase that follows a comma (", the survey shows,"):
    a parenthetical cue, so the word is a verb."""
    x = i - 1
    while x >= 0 and i - x <= 4 and toks[x].kind == "word" and not toks[x].low in STOP_WORDS:
        if toks[x].low in DETERMINERS:
            return x > 0 and toks[x - 1].text == ","
        x -= 1
    return False


_CALLED_EVENTS = frozenset("meeting vote press news election halt strike conference timeout session summit".split())


def _not_calling(toks: list[Tok], i: int, j: int) -> bool:
    """"call" that is not an attribution: "a firm called Cambridge Analytica" (a name), "called
    off the deal", "called a meeting", "called a press conference"."""
    n = len(toks)
    nxt = toks[j + 1] if j + 1 < n else None
    if nxt is None:
        return False
    if nxt.low == "off" and j == i:
        return True
    if nxt.low in ("a", "an", "another") and j + 2 < n and toks[j + 2].low in _CALLED_EVENTS:
        return True
    prev = toks[i - 1] if i > 0 else None
    if toks[i].low == "called" and prev is not None and prev.kind == "word" and not prev.cap and prev.low not in STOP_WORDS and (
        nxt.cap or _is_quote_tok(nxt) or nxt.low == "the"
    ):
        # "a group called the “We The People Foundation”": a participle naming the noun before it
        k = i - 1
        while k >= 0 and toks[k].kind == "word" and not toks[k].cap and toks[k].low not in DETERMINERS and i - k < 5:
            k -= 1
        return k >= 0 and toks[k].low in ("a", "an", "another", "one")
    return False


def _frame_at(
    toks: list[Tok], i: int, j: int, cue: Cue, text: str, first_word: int, frames: list[_Frame]
) -> _Frame | None:
    n = len(toks)
    t = toks[i]
    if t.cap and i != first_word and first_word != -2:
        return None
    if any(toks[x].cap for x in range(i + 1, j + 1)) and first_word != -2:
        return None
    prev = toks[i - 1] if i > 0 else None
    base = cue.form == cue.lemma and cue.frame != "other"
    if (
        prev is not None and prev.low == "as" and (i == 1 or toks[i - 2].text == ",")
        and t.low.endswith("ed") and j + 2 < n and toks[j + 1].low == "by"
    ):
        # "As reported by Western Journalism, CONTENT": the speaker after "by"
        m, nxt = right_mention(toks, j + 2, text, n)
        if m is None or nxt >= n or toks[nxt].text != ",":
            return None
        return _Frame(cue, i, j, "right", m, prev.start, toks[nxt - 1].end, nxt)
    if prev is not None and not cue.participle:
        if (prev.low in _DET_NOT_THAT and not _determiner_subject(toks, i, j, cue)) or (
            prev.kind == "clitic" and prev.low.endswith("s")
        ):
            return None  # "the reported deal", "Trump's claims"; not "many said", "another says"
        if prev.low in PREPOSITIONS and prev.low not in ("to",):
            return None
        if prev.text == "-" and prev.end == t.start:
            return None  # "so-called", "long-awaited"
    if cue.form == "according to":
        if i == first_word:  # "According to early results of the exit polls ..., CONTENT"
            comma = next((x for x in range(j + 2, min(n, j + 30)) if toks[x].text == ","), None)
            if comma is not None and not in_quote_any(toks, j + 1, comma):
                m = _mention_span(toks, text, j + 1, comma - 1)
                if m is not None:
                    return _Frame(cue, i, j, "right", m, t.start, toks[comma - 1].end, comma)
        m, nxt = right_mention(toks, j + 1, text, n)
        if m is None:
            return None
        return _Frame(cue, i, j, "right", m, t.start, toks[nxt - 1].end, nxt)
    nxt_low = toks[j + 1].low if j + 1 < n else ""
    if _noun_use(toks, i, j, cue) or (cue.lemma == "call" and _not_calling(toks, i, j)):
        return None
    if cue.lemma == "compare" and nxt_low in ("to", "with"):
        return None  # "14 percent compared to Clinton's 76 percent": a preposition
    if cue.lemma == "show" and nxt_low == "up":
        return None  # "she showed up in person": a verb of arriving
    if cue.lemma == "seek" and any(x.low in _OFFICES for x in toks[j + 1 : j + 5]):
        return None  # "seeking the Democratic nomination", "sought re-election": running for office
    if cue.frame == "perception" or cue.lemma == "reportedly":
        return _evidential_frame(toks, i, j, cue, text, _token_after(toks, frames[-1].end) if frames else 0)
    if cue.lemma == "ask" and cue.form == "asked":
        k0, _ = _prev_index(toks, i)
        if k0 < 0 or toks[k0].low in ("when", "if", "after", "once", "while") or toks[k0].text in (",", ";"):
            # "Asked whether he would run, Trump said ...", "When asked on Fox News who leads
            # the party, he said ...": the question, without a speaker (the asker after "by")
            asker, r = _after_asked(toks, j, text)
            if r < n and (toks[r].low in _QUESTION_WORDS or (toks[r].low == "to" and r + 1 < n and toks[r + 1].kind == "word" and not toks[r + 1].cap)):
                return _Frame(cue, i, j, "inherit", asker, t.start, toks[r - 1].end, r)
    if cue.participle:
        k, passive = _prev_index(toks, i)
        if passive and k >= 0 and toks[k].kind == "word":
            # progressive "is saying": a finite verb with a subject
            m = left_mention(toks, k, text, 0)
            if m is not None:
                return _Frame(cue, i, j, "left", m, _np_start(m), toks[j].end, j + 1)
            return None
        after_quote = prev is not None and _is_quote_tok(prev) and i >= 2 and toks[i - 2].text == ","
        if prev is not None and prev.kind == "word" and prev.cap and i - 1 != first_word and cue.form != "according to":
            # "with Martin O'Malley calling Trump a fascist": the name before the participle
            m = left_mention(toks, i - 1, text, 0)
            if m is not None and m.kind == "name" and (cue.complement == "any" or _clause_follows(toks, j + 1)):
                return _Frame(cue, i, j, "left", m, _np_start(m), toks[j].end, j + 1)
        if (
            prev is not None and prev.kind == "word" and not prev.cap and (prev.low == "those" or (
                prev.low not in STOP_WORDS and prev.low not in DETERMINERS and not prev.low.endswith("ing")
                and prev.low not in _GERUND_PREPOSITIONS
                and not is_adverb(prev) and prev.low not in _CONNECTORS_PLUS and not _looks_finite(prev)
            ))
            and (cue.complement == "any" or _clause_follows(toks, j + 1))
            and not (frames and frames[-1].end > prev.start)
        ):
            # a participle after its noun: "voters supporting Trump", "those backing other
            # candidates", "a letter saying ...": the noun phrase is the speaker
            lo = _token_after(toks, frames[-1].end) if frames else 0
            m = (
                Mention(prev.start, prev.end, prev.text, prev.text, "description")
                if prev.low == "those" else left_mention(toks, i - 1, text, lo)
            )
            if m is not None and m.kind == "description" and (
                m.text.split()[0].lower() in DETERMINERS or m.text[:1].isupper() or m.text[:1].isdigit()
                or _plural_phrase(m.text)
            ) and not any(_looks_finite(x) for x in toks[_token_after(toks, m.start) : i]):
                return _Frame(cue, i, j, "left", m, _np_start(m), toks[j].end, j + 1)
        if frames and prev is not None and prev.kind == "word" and prev.low in _GERUND_PREPOSITIONS and (
            len(_WORD_RE.findall(text, frames[-1].end, prev.start)) >= 1
        ):
            # "blamed the administration for sabotaging talks by refusing to engage", "stressed
            # the need to wait before responding": inside the content of the cue before, not a
            # statement of its own (but "responded by saying ...": the gerund's own statement)
            return None
        if prev is None or not (
            after_quote
            or prev.text in (",", ";", "\u2014")
            or prev.low in ("while", "before", "after", "by", "and", "but", "when", "also", "in", "then")
        ):
            return None
        if cue.complement != "any" and not _clause_follows(toks, j + 1):
            return None
        m = _inherited_mention(frames) if frames else _sentence_subject(toks, i, text)
        return _Frame(cue, i, j, "inherit", m, t.start, toks[j].end, j + 1)
    # finite verb
    k, passive = _prev_index(toks, i)
    if passive:
        if cue.lemma in _PASSIVE_CUES and nxt_low in ("to", "that", "whether", "if", "about"):
            # "Sanders was asked to name ...", "the bank is expected to act": no speaker given;
            # an expectation's subject is a piece of its content ("[The bank] is expected to act")
            subj = None
            if cue.lemma == "expect" and nxt_low == "to":
                subj = _raised_subject(toks, k, _token_after(toks, frames[-1].end) if frames else 0)
            start = subj[0] if subj is not None else t.start
            return _Frame(cue, i, j, "inherit", None, start, toks[j].end, j + 1, subject=subj)
        if cue.lemma == "ask" and toks[i].low == "asked":
            asked = _asked_question(toks, i, j, cue, text)
            if asked is not None:
                return asked
        by = _passive_by_frame(toks, i, j, k, cue, text)
        if by is None and cue.frame in ("emotive", "distancing", "rejecting") and nxt_low in ("for", "of", "as") and (
            toks[j].low.endswith("ed") and j + 2 < n and toks[j + 2].is_word
        ):
            # "Obama has been criticized for using the term", "was accused of lying": no speaker
            return _Frame(cue, i, j + 1, "inherit", None, t.start, toks[j + 1].end, j + 2)
        return by
    if base:
        if k < 0:
            return None
        pk = toks[k]
        plural = (
            (pk.kind == "word" and pk.low.endswith("s") and not pk.low.endswith("ss") and pk.low not in ("his", "its", "this", "was", "has", "is"))
            or pk.kind == "number"
            or pk.low in _PLURAL_HEADS
            or (pk.low in ("'", "\u2019") and k > 0 and toks[k - 1].low.endswith("s"))
        )
        if not plural:  # "Aides to Clinton say": a plural head earlier in the phrase
            np_words = [x.low for x in toks[max(0, k - 6) : k + 1] if x.kind == "word" and not x.cap]
            plural = any(w.endswith("s") and not w.endswith("ss") and w not in STOP_WORDS for w in np_words[:1]) or (
                "to" in np_words and any(
                    x.low in ("aides", "advisers", "sources", "advisors", "allies") for x in toks[max(0, k - 6) : k + 1]
                )
            )
        if not plural:  # "Jeb Bush and Chris Christie say": a coordinated subject
            plural = any(
                toks[x].low == "and" and toks[x - 1].cap and toks[x + 1].cap for x in range(max(1, k - 8), k)
            )
        modal = any(toks[x].low in _MODALS for x in range(k + 1, i))  # "did not suggest", "will say"
        if cue.lemma == "say" and pk.kind in ("word", "number") and pk.low not in _DET_OR_PREP_NOT_TO:
            plural = True  # "say" is a verb after any noun ("forecasters say", "42% say", "those surveyed say")
        if not (pk.low in ("i", "we", "they", "you", "who") or pk.low in _MODALS or plural or modal):
            if _fallback_cue(cue, toks, j) and pk.kind == "word" and not pk.cap:
                # "Polls there show Trump is trailing": a plural subject further back
                m = _subject_fallback(toks, k, text)
                if m is not None and _plural_phrase(m.text):
                    return _Frame(cue, i, j, "left", m, m.start, toks[j].end, j + 1)
            m = _last_resort_subject(toks, k, text) if cue.form == "say" and pk.text == "," else None
            if m is None and _aside_mark(toks, k):
                # "The caucus and Sen. Lee of Ohio, the future leader, oppose ...": a plural head
                m = _head_before_aside(toks, k, text)
                if m is not None and not (_plural_phrase(m.text) or " and " in m.text):
                    m = None
            if m is not None:  # "Executives for Mondelez, which generated ..., say"
                return _Frame(cue, i, j, "left", m, m.start, toks[j].end, j + 1)
            return None
        if pk.low == "to":
            if cue.lemma not in ("say", "tell"):
                m = _aspect_subject(toks, k, text)
                if m is None:
                    return None
                return _Frame(cue, i, j, "left", m, _np_start(m), toks[j].end, j + 1)
            # "took to Twitter to say thanks", "declined to say whether": the main clause's subject
            m = _inherited_mention(frames) if frames else _sentence_subject(toks, k, text)
            if m is None:
                return None
            return _Frame(cue, i, j, "inherit", m, t.start, toks[j].end, j + 1)
    if k < 0:
        return None
    pk = toks[k]
    if pk.low in ("and", "but", "or") or (pk.low in _CONNECTORS and frames):
        m = _inherited_mention(frames) if frames else _sentence_subject(toks, k, text)
        if m is not None:
            return _Frame(cue, i, j, "inherit", m, t.start, toks[j].end, j + 1)
        return None
    m = left_mention(toks, k, text, 0)
    if m is not None and m.kind in ("description", "name"):
        m = _extend_after_quote(toks, m, text, j)
    if m is not None and m.kind == "description" and not _plausible_description(m.antecedent or m, cue):
        m = None
    if m is not None:
        if m.kind == "pronoun" and m.text.lower() == "it" and cue.frame == "cognition":
            return None
        return _Frame(cue, i, j, "left", m, _np_start(m), toks[j].end, j + 1)
    if cue.lemma not in _SPEECH_LEMMAS and (toks[i].low.endswith("ed") or toks[i].low in _COMMON_PAST):
        # "Jo Park, a teacher who ..., endorsed the mayor": not inverted ("..., said Jo Park")
        m = _head_before_aside(toks, k, text)
        if m is not None:
            return _Frame(cue, i, j, "left", m, m.start, toks[j].end, j + 1)
    if pk.text == "," or _is_quote_tok(pk) or (pk.kind == "punct" and pk.text in "\u2014"):
        rm, nxt = (None, j + 1) if base else right_mention(toks, j + 1, text, n)
        end_ok = False
        if rm is not None:
            end_ok = nxt >= n or toks[nxt].text in ",.;:!?" or _is_quote_tok(toks[nxt])
            if not end_ok and rm.kind != "pronoun":
                pe = _pp_end(toks, nxt, n)
                end_ok = pe > nxt and (pe >= n or toks[pe].text in ",.;:!?" or _is_quote_tok(toks[pe]))
        if rm is not None and end_ok:
            return _Frame(cue, i, j, "right", rm, t.start, toks[nxt - 1].end, nxt)
    m = _subject_fallback(toks, k, text) if _fallback_cue(cue, toks, j) else None
    if m is None and cue.form in _SAID_FORMS:
        m = _last_resort_subject(toks, k, text) or _head_before_aside(toks, k, text)
    if m is None and toks[i].low.endswith("ed") and cue.lemma in _SPEECH_LEMMAS:
        m = _head_before_aside(toks, k, text)
    if m is not None:
        return _Frame(cue, i, j, "left", m, m.start, toks[j].end, j + 1)
    return None


_ASPECT_VERBS = frozenset(
    """continue continues continued continuing began begin begins started start starts
    tried try tries used""".split()
)


def _aspect_subject(toks: list[Tok], k: int, text: str) -> Mention | None:
    """The subject of "X continued to insist", "X went on to praise", "X began to question":
    ``toks[k]`` is "to" after a verb of continuing or beginning; the speaker is that verb's
    subject."""
    x = k - 1
    if x >= 1 and toks[x].low == "on" and toks[x - 1].low in ("went", "goes", "go", "going"):
        x -= 1
    elif x < 0 or toks[x].low not in _ASPECT_VERBS:
        return None
    pk, _ = _prev_index(toks, x)
    if pk < 0:
        return None
    m = left_mention(toks, pk, text, 0)
    if m is None or (m.kind == "description" and not m.text[:1].isupper() and m.text.split()[0].lower() not in DETERMINERS):
        return None
    return m


# Forms of "say" and "tell" that are verbs after any subject phrase.
# A gerund after these is the object of the preposition ("blamed X for sabotaging talks by
# refusing to engage"), not a new statement.
_GERUND_PREPOSITIONS = frozenset("by before after without for of in while on from about with through upon since despite".split())
# Cues whose content is often a noun phrase, the object of a stance ("endorsed Trump last
# week", "opposed the bill after the vote"): the content ends with that noun phrase.
_NP_OBJECT_LEMMAS = frozenset("support endorse oppose".split())
_NP_END_WORDS = frozenset(
    """after before because when while as since if although though until unless despite during
    last this next yesterday today earlier later again and but or so then""".split()
)


def _np_object_end(toks: list[Tok], norm: str, in_quote: bytearray, s: int, e: int) -> int:
    """Where the noun phrase object that starts the content at ``s`` ends (``e`` when the
    content is a clause or the noun phrase runs to ``e``): a name or an object pronoun ends
    before a preposition, punctuation or an adverbial ("endorsed [Trump] last week and ...",
    "endorsed [her] – they appeared ..."); a longer phrase before an adverbial clause or a
    coordinated clause ("endorsed [gay marriage] after his son came out")."""
    x = _token_after(toks, s)
    n = len(toks)
    if x >= n or in_quote[s] or toks[x].start != s:
        return e
    t = toks[x]
    if t.low in ("that", "to", "whether", "how", "why", "what", "if") or (x + 1 < n and toks[x + 1].kind == "clitic"):
        return e
    if t.low in ("him", "her", "them", "us", "me") or t.cap:
        y = x + 1
        if t.cap:
            while y < n and toks[y].end <= e and (toks[y].cap or toks[y].text in (".", "-", "&") or toks[y].low in ("de", "van", "von", "bin", "al")):
                y += 1
        if y >= n or toks[y].start >= e:
            return e
        u = toks[y]
        if u.kind == "clitic" or (u.kind == "word" and u.low not in PREPOSITIONS and u.low not in _NP_END_WORDS and not is_adverb(u)):
            return e  # "her plan", "Trump's campaign", "Clinton supporters"
        return toks[y - 1].end
    for y in range(x + 1, n):
        u = toks[y]
        if u.start >= e:
            break
        if in_quote[u.start]:
            continue
        if u.kind == "word" and u.low in _NP_END_WORDS and u.low not in ("as", "so", "then", "this", "last", "next"):
            if u.low in ("and", "or", "but") and not (toks[y - 1].text == "," or (y + 1 < n and _looks_finite(toks[y + 1]))):
                continue  # "the bill and its amendments"
            return toks[y - 1].end if toks[y - 1].text != "," else toks[y - 2].end
    return e


_OBJECT_PREPS = frozenset("for against".split())
_CIRCUMSTANCE_PREPS = frozenset("in on at during via through after before".split())


def _circumstance_only(toks: list[Tok], x: int, end: int, in_quote: bytearray) -> bool:
    """Tokens ``x``.. (up to character ``end``) are prepositional phrases only: at most ten
    words, no quotation, no verb-like word, no "that"."""
    words = 0
    for t in toks[x:]:
        if t.start >= end:
            break
        if in_quote[t.start] or _is_quote_tok(t) or t.low in ("that", "who", "which") or _looks_finite(t):
            return False
        if t.kind == "word" and not t.cap and t.low in BE_FORMS | _FINITE_AUX:
            return False
        words += t.is_word
    return 0 < words <= 10


_THAT_SUBORDINATE_RE = re.compile(
    r"\s*that\s*,?\s+(?:even\s+)?(?:if|when|though|although|because|while|as|since|unless|once|after|before)\b",
    re.IGNORECASE,
)
_RELATIVES = frozenset("which what".split())
_SAID_FORMS = frozenset("said says say told tells".split())
_ASIDE_ADVERBS = frozenset("however though too meanwhile instead therefore moreover meanwhile nonetheless".split())
_LAST_RESORT_STOPS = frozenset("that because if when while although though whether where since unless than".split())


def _last_resort_subject(toks: list[Tok], k: int, text: str) -> Mention | None:
    """The subject of "said" when no other rule found one: the phrase from the clause start
    ("Sam Solovey, a contestant on ..., who went on to work alongside Trump, said": the name
    before the first comma; "Several people I've spoken with over the last weeks said": the
    whole phrase)."""
    if k < 0:
        return None
    if k >= 2 and toks[k].text == "," and toks[k - 1].low in _ASIDE_ADVERBS and toks[k - 2].text == ",":
        k -= 3  # "Proponents of the bill, however, say"
    if k < 0:
        return None
    appos_end = toks[k].text == ","  # "NAME, a long apposition ..., said"
    if appos_end:
        k -= 1
    if k < 0:
        return None
    t = toks[k]
    if not (t.is_word or t.kind == "clitic" or t.text == ")" or _abbreviation_period(toks, k)) or (
        t.kind == "word" and not t.cap and t.low in STOP_WORDS
    ):
        return None
    a = k
    while a - 1 >= 0 and k - a < 30:
        u = toks[a - 1]
        if u.text == "(" and any(toks[x].text == ")" for x in range(a, min(k + 1, a + 5))):
            a -= 1  # "The Office of Fair Trading (OFT), the watchdog, said": a short closed bracket
            continue
        if u.text in (";", ":", "(", "!", "?"):
            break  # (a full stop inside the sentence ends an abbreviation: "Ava, Mo., who ...")
        if _is_quote_tok(u) and not (u.text in ("'", "\u2019") and speakers_mod._possessive_mark(toks, a - 1)):
            # a short quoted title inside the phrase ("a contestant on “The Apprentice,” who")
            o = next((x for x in range(a - 2, max(-1, a - 10), -1) if _is_quote_tok(toks[x])), None)
            if o is not None and o > 0 and toks[o - 1].kind in ("word", "clitic", "punct") and toks[o + 1].cap:
                a = o
                continue
            break
        if u.kind == "word" and not u.cap and u.low in _LAST_RESORT_STOPS:
            break
        a -= 1
    if k - a >= 30:
        return None
    first = toks[a]
    if first.kind == "word" and (first.low in PREPOSITIONS or first.low in _CONNECTORS_PLUS or is_adverb(first)):
        comma = next((x for x in range(a, k) if toks[x].text == ","), None)
        if comma is None:
            return None
        a = comma + 1  # "In 2015, Trump said"
    while a <= k and toks[a].kind == "word" and toks[a].low in _CONNECTORS_PLUS:
        a += 1
    if a > k or not toks[a].is_word:
        return None
    c = a
    while c <= k and (toks[c].cap or toks[c].text == "." or toks[c].kind == "clitic"):
        c += 1
    if a < c <= k and toks[c].text == ",":
        name = speakers_mod._mention(toks, text, a, c - 1)
        if name.kind == "name":
            name.title = text[toks[c + 1].start : toks[k].end].strip(" ,") if c + 1 <= k else ""
            return name
    if appos_end:
        # "Executives for Mondelez, which generated ..., say": the phrase before the first comma
        fc = next((x for x in range(a + 1, k + 1) if toks[x].text == ","), None)
        if fc is None or fc - a > 8:
            return None
        head = (
            speakers_mod.left_mention(toks, fc - 1, text, a) if toks[fc - 1].text == ")" else None
        ) or speakers_mod._mention(toks, text, a, fc - 1)  # "Name (ACR)": the name, not "ACR)"
        head.title = text[toks[fc + 1].start : toks[k].end].strip(" ,") if fc + 1 <= k else ""
        return head
    m = speakers_mod._mention(toks, text, a, k)
    if m.kind == "name" and a < k and any(toks[x].text == "," for x in range(a, k)):
        m = Mention(m.start, m.end, m.text, m.text, "description")  # not the last name of a long aside
    return m


_ASIDE_MARKS = frozenset([",", "\u2014", "\u2013", "-"])


def _aside_mark(toks: list[Tok], x: int) -> bool:
    """``toks[x]`` opens or closes an aside: a comma or a dash ("—", " - ", "--"; not the
    hyphen of "well-known")."""
    t = toks[x]
    if t.text not in _ASIDE_MARKS:
        return False
    if t.text != "-":
        return True
    before = x > 0 and (toks[x - 1].end < t.start or toks[x - 1].text == "-")
    after = x + 1 < len(toks) and (toks[x + 1].start > t.end or toks[x + 1].text == "-")
    return before or after


def _head_before_aside(toks: list[Tok], k: int, text: str) -> Mention | None:
    """The subject of "said" after an aside of any length that opens the sentence's subject:
    "Ann Lee, who ran the campaign while at the agency ..., said" / "The ministry -- which
    ... -- has said": the phrase before the first comma or dash of the sentence (a name or a
    phrase starting with a capital or a determiner, without a verb), its title the aside."""
    if k < 3 or not _aside_mark(toks, k):
        return None
    comma = toks[k].text == ","
    a = 1 if toks[0].low in ("but", "and") else 0
    c = next((x for x in range(a, k) if _aside_mark(toks, x) or toks[x].text == "("), None)
    if c is None or c == a or c - a > 12 or c >= k - 2 or (toks[c].text == ",") != comma and toks[c].text != "(":
        return None
    if not comma:
        k = k - 1 if toks[k - 1].text == "-" else k  # "--" is two tokens
    first = toks[a]
    if not (first.kind == "word" and (first.cap or first.low in _DET_ARTICLES)) or first.low in STOP_WORDS - DETERMINERS:
        return None
    if first.low in PREPOSITIONS or is_adverb(first) or first.low in _CONNECTORS_PLUS or first.low in SUBJECT_PRONOUNS:
        return None
    if any(
        _is_quote_tok(toks[x]) or toks[x].low in _CLAUSE_OPENERS or (_looks_verb(toks, x) and toks[x - 1].low not in DETERMINERS)
        for x in range(a, c)
    ):
        return None
    m = speakers_mod._mention(toks, text, a, c - 1)
    if any(toks[x].low == "and" for x in range(a, c)):  # "The union and Gov. Park of Utah": all of it
        m = Mention(m.start, m.end, text[m.start : m.end], text[m.start : m.end], "description")
    m.title = "; ".join(x for x in (m.title, text[toks[c + 1].start : toks[k - 1].end].strip(" ,")) if x)
    return m


# After "seem"/"appear": words that end the verb's use as an evidential ("appeared twice",
# "appeared on Fox News").
_NOT_PREDICATE = frozenset(
    """together twice once onstage alongside online briefly regularly frequently often here there
    again live publicly inside outside nightly weekly daily later earlier recently before shortly
    first last more less""".split()
)
_AS_COMPARATIVES = frozenset("much many well far long soon few little often recently early late good bad".split())
_DEGREE_WORDS = frozenset("also not so very quite almost even rather too increasingly more less most all just".split())
_SUBJECT_STOPS = frozenset(
    """that which who whom whose because while when if although though since whether where and but
    or so as than whereas unless until after before once""".split()
)


def _predicate_follows(toks: list[Tok], r: int, lemma: str) -> bool:
    """An evidential's predicate follows: "to" + verb, "that", "like", "as if", an adjective
    ("seemed lost", "appears closer"), or for "seem" a noun phrase ("seems a stretch")."""
    n = len(toks)
    while r < n and toks[r].kind == "word" and (toks[r].low in _DEGREE_WORDS or is_adverb(toks[r])) and not toks[r].cap:
        r += 1
    if r >= n:
        return False
    t = toks[r]
    if t.kind != "word" or t.cap:
        return False
    low = t.low
    if low == "to":
        return r + 1 < n and toks[r + 1].kind == "word" and not toks[r + 1].cap and toks[r + 1].low not in DETERMINERS
    if low in ("that", "like"):
        return True
    if low == "as":
        return r + 1 < n and toks[r + 1].low in ("if", "though")
    if low in DETERMINERS:
        return lemma == "seem" and low in ("a", "an", "the")
    if low in STOP_WORDS or low in PREPOSITIONS or low in _NOT_PREDICATE or low in SUBJECT_PRONOUNS:
        return False
    return not low.endswith("ing") or lemma == "seem"


def _token_after(toks: list[Tok], pos: int) -> int:
    """Index of the first token starting at or after character ``pos``."""
    lo, hi = 0, len(toks)
    while lo < hi:
        mid = (lo + hi) // 2
        if toks[mid].start < pos:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _raised_subject(toks: list[Tok], k: int, lo: int = 0) -> tuple[int, int] | None:
    """The subject before an evidential or an expectation ("[Enthusiasm for Clinton] appears
    to have plummeted", "[The White House] is expected to sign"): from ``toks[k]`` back to the
    clause start (not before token ``lo``); a relative pronoun alone ("which"); None for an
    expletive "it"/"there" or a phrase that does not read as a subject."""
    if k < lo:
        return None
    t = toks[k]
    if t.kind != "word" and not (t.kind == "number" or t.text == ")"):
        return None
    if t.kind == "word" and t.low in ("it", "there", "this", "that"):
        return None
    if t.low in ("which", "who"):
        return (t.start, t.end)
    if t.low in STOP_WORDS and t.low not in SUBJECT_PRONOUNS:
        return None
    a = k
    while a - 1 >= lo:
        if k - a >= 14:
            return None
        u = toks[a - 1]
        if (u.kind == "punct" and u.text not in ".-&'\u2019") or _is_quote_tok(u):
            break
        if u.kind == "word" and not u.cap:
            if u.low in ("and", "or"):
                if a - 2 >= lo and toks[a - 2].text == ",":
                    break
            elif u.low in _SUBJECT_STOPS or u.low in _FINITE_AUX or u.low in BE_FORMS or u.low in _VERB_FORMS:
                break
        a -= 1
    while a <= k and toks[a].kind == "word" and toks[a].low in _CONNECTORS_PLUS:
        a += 1
    while k > a and toks[k].kind == "word" and toks[k].low in _DEGREE_WORDS:
        k -= 1  # "Trump almost seemed to agree"
    if a > k or toks[a].kind not in ("word", "number") or toks[a].low in PREPOSITIONS:
        return None
    return (toks[a].start, toks[k].end)


def _evidential_frame(toks: list[Tok], i: int, j: int, cue: Cue, text: str, lo: int = 0) -> _Frame | None:
    """The writer's evidentials ("Cruz seemed lost", "Ben Carson appears to be slipping", "It
    seems that ..."): no speaker; the subject and the predicate are the two pieces of the
    content, as PARC 3.0 annotators mark them."""
    if cue.participle:
        return None
    k, passive = _prev_index(toks, i)
    if cue.lemma == "reportedly":
        # "[Cuccinelli] reportedly [reacted to the decision by ...]": hearsay without a source;
        # "reportedly said" is the verb's statement
        r = j + 1
        if r >= len(toks) or toks[r].kind != "word" or toks[r].cap or toks[r].low in STOP_WORDS - _FINITE_AUX - BE_FORMS:
            return None
        if match_cue([x.low for x in toks[r : r + 3]], 0) is not None:
            return None
        while k >= 0 and toks[k].kind == "word" and toks[k].low in _FINITE_AUX | BE_FORMS:
            k -= 1  # "[Her team] has reportedly ..."
        subj = _raised_subject(toks, k, lo)
        start = subj[0] if subj is not None else toks[i].start
        return _Frame(cue, i, j, "inherit", None, start, toks[j].end, j + 1, subject=subj)
    if cue.lemma.endswith(" as"):
        # "[the string of contests] known as [Super Tuesday]", "[which] is seen as [aligned
        # with Clinton]"; not "has seen as many", "as well as"
        nxt = toks[j + 1] if j + 1 < len(toks) else None
        if nxt is None or nxt.low in _AS_COMPARATIVES or (nxt.kind == "punct" and not _is_quote_tok(nxt)):
            return None
        prev = toks[i - 1] if i > 0 else None
        if passive:
            subj = _raised_subject(toks, k, lo)
        elif prev is None or prev.kind != "word" or prev.low in _FINITE_AUX or prev.low in STOP_WORDS:
            if prev is not None and prev.kind == "word":
                return None
            subj = None  # "..., known as Super Tuesday"
        else:
            m = left_mention(toks, i - 1, text, lo)
            subj = (_np_start(m), m.end) if m is not None and m.kind != "pronoun" else None
        start = subj[0] if subj is not None else toks[i].start
        return _Frame(cue, i, j, "inherit", None, start, toks[j].end, j + 1, subject=subj)
    if not _predicate_follows(toks, j + 1, cue.lemma):
        return None
    subj = _raised_subject(toks, k, lo)
    start = subj[0] if subj is not None else toks[i].start
    return _Frame(cue, i, j, "inherit", None, start, toks[j].end, j + 1, subject=subj)


_FALLBACK_FRAMES = frozenset("report assertive factive conceding warning distancing rejecting hedging".split())
_FALLBACK_FRAMES_PLUS = _FALLBACK_FRAMES | {"cognition", "stance"}
_NOT_FALLBACK_FORMS = frozenset("report reports post posts notes states questions call calls cites quote quotes answer answers".split())


def _fallback_cue(cue: Cue, toks: list[Tok] | None = None, j: int = 0) -> bool:
    """Cues that are verbs whatever precedes them: a past tense or "says"; an -s or base form
    ("shows", "believe") only before a clause, and not "notes", "states", "questions" (plural
    nouns as often as verbs)."""
    if cue.frame not in _FALLBACK_FRAMES_PLUS or cue.form in _NOT_FALLBACK_FORMS or cue.participle:
        return False
    head = cue.form.split()[0]
    if head.endswith("ed") or head in ("said", "says", "told", "wrote", "found", "showed", "shown"):
        return cue.frame in _FALLBACK_FRAMES
    if toks is None or " " in cue.form or head.endswith("ing"):
        return False
    if j >= 1 and toks[j - 1].text == ",":
        return True  # "A Fox News poll, conducted jointly with ..., shows Sanders ahead"
    return _clause_follows(toks, j + 1) or (head not in _NOUN_FORMS and j + 1 < len(toks) and toks[j + 1].low == "that")


def _plural_phrase(phrase: str) -> bool:
    """The head of a noun phrase reads as plural ("Polls there", "many officials on the island")."""
    words = [w.lower() for w in re.findall(r"[A-Za-z][\w'-]*", phrase)]
    return any(w.endswith("s") and not w.endswith(("ss", "us", "is")) and w not in STOP_WORDS for w in words[:4]) or (
        bool(words) and words[0] in PRONOUN_DETERMINERS
    )


_FINITE_AUX = frozenset("is was are were has had have will would could can should may might must did does".split())


_CLAUSE_OPENERS = frozenset(
    "that because while when if although though since whether as after before where so which".split()
)


_ABBREVIATIONS = frozenset("jr sr inc co corp ltd bros esq llc st mr mrs ms dr sen rep gov gen lt col capt".split())


def _abbreviation_period(toks: list[Tok], i: int) -> bool:
    """``toks[i]`` is the full stop of an abbreviation or an initial ("Jr.", "Inc.", "R.")."""
    if i == 0 or toks[i].text != ".":
        return False
    p = toks[i - 1]
    return p.kind == "word" and p.end == toks[i].start and (p.low in _ABBREVIATIONS or (len(p.text) == 1 and p.cap))


def _subject_fallback(toks: list[Tok], k: int, text: str) -> Mention | None:
    """The whole subject phrase before a cue when :func:`left_mention` finds no speaker: a
    name with a long apposition ("Shane Shook, a security expert who has helped ..., said"),
    a phrase with a dash aside ("Many speakers — including ... — said"), a long description
    ("A person familiar with the planning for Thursday's meeting says"). It starts at the
    clause start and must begin like a noun phrase (a name, a determiner, a number)."""
    i = k
    while i >= 0:
        u = toks[i]
        if u.text in ("'", "\u2019") and speakers_mod._possessive_mark(toks, i):
            i -= 1  # "People with direct knowledge of Gates' work said"
            continue
        if u.text == "." and _abbreviation_period(toks, i):
            i -= 1  # "Joseph R. Biden Jr. said"
            continue
        if _is_quote_tok(u) and i > 0:
            # a short quoted title inside the phrase ("the co-author of "Going Viral,"")
            o = next((x for x in range(i - 1, max(-1, i - 9), -1) if _is_quote_tok(toks[x])), None)
            if o is not None and o > 0 and toks[o - 1].kind in ("word", "clitic") and any(
                toks[x].cap for x in range(o + 1, i)
            ):
                i = o - 1
                continue
            break
        if u.text in (";", ":", "(", ")") or _is_quote_tok(u) or u.text in ".!?":
            break
        if u.kind == "word" and not u.cap and u.low in _CLAUSE_OPENERS and not (
            u.low == "which" and i > 0 and toks[i - 1].kind == "word" and k - i > 3
        ):
            break
        if u.low == "who" and k - i <= 3:
            break  # "... and bully who has repeatedly pledged": the relative clause's own verb
        if u.low in ("and", "but", "or") and i > 0 and toks[i - 1].text == ",":
            break
        i -= 1
    a = i + 1
    if a > k or k - a > 30:
        return None
    first = toks[a]
    # drop a leading adverbial phrase before a comma ("In fact, many workers say")
    if first.kind == "word" and first.low in ("but", "and", "still", "yet", "so") and a < k and toks[a + 1].text != ",":
        a += 1  # "Yet many officials on and off the island believe"
        first = toks[a]
    if first.kind == "word" and (
        first.low in PREPOSITIONS or is_adverb(first) or first.low in ("but", "and", "still", "yet")
        or (first.low.endswith("ly") and first.low not in _NOT_ADVERB_LY) or _CONNECTIVE_RE.fullmatch(first.low + " ")
        or (first.low.endswith(("ed", "ing")) and a + 1 <= k and toks[a + 1].kind == "word" and not toks[a + 1].cap and toks[a + 1].low != "of")
    ):  # (also a participle phrase: "Asked about the deal, the senator ... said")
        comma = next((x for x in range(a, k) if toks[x].text == ","), None)
        if comma is None:
            return None
        a = comma + 1
        if a > k:
            return None
        first = toks[a]
    if first.kind not in ("word", "number") or first.low in SUBJECT_PRONOUNS or first.low in STOP_WORDS:
        return None
    plural_noun = first.kind == "word" and first.low.endswith("s") and not first.low.endswith("ss") and len(first.low) > 3
    if not (first.cap or first.low in DETERMINERS or first.kind == "number" or plural_noun):
        return None  # "proponents of more controls ... say": a plural noun phrase may start bare
    words = [x for x in toks[a : k + 1] if x.kind == "word"]
    if not words or toks[k].text in (",", "\u2014") and not any(x.text == toks[k].text for x in toks[a:k]):
        return None  # "CONTENT, said": an unpaired comma ends content, not a speaker
    start, end = toks[a].start, toks[k].end
    if toks[k].kind == "punct" and not _is_quote_tok(toks[k]):
        end = toks[k - 1].end
    raw = text[start:end]
    c = a
    while c <= k and (toks[c].cap or toks[c].text in ".-" or toks[c].kind == "clitic") and toks[c].kind != "punct" or (
        c <= k and toks[c].text == "." and c > a
    ):
        c += 1
    if first.low in DETERMINERS and first.low not in PRONOUN_DETERMINERS:
        # "the senator, who had opposed it for years, said": the description is the speaker,
        # the relative clause its title
        rel = next((x for x in range(a + 1, k) if toks[x].text == "," and toks[x + 1].low in ("who", "whose")), None)
        if rel is not None and rel - a <= 6:
            head_end = toks[rel - 1].end
            rest = text[toks[rel + 1].start : end].strip(" ,")
            return Mention(start, head_end, text[start:head_end], text[start:head_end], "description", rest, np_start=start)
    if c > a and c <= k and toks[c].text == "," and toks[c - 1].cap:
        # "Rabbi Rick Jacobs, president of the Union ..., said": the name is the speaker, the
        # rest its title
        name = speakers_mod._mention(toks, text, a, c - 1)
        if name.kind == "name":
            rest = text[toks[c + 1].start : end].strip(" ,") if c + 1 <= k else ""
            name.title = "; ".join(x for x in (name.title, rest) if x)
            name.np_start = start
            name.end = end
            name.text = raw
            return name
    return Mention(start, end, raw, raw, "description")


def _plausible_description(m: Mention, cue: Cue) -> bool:
    """A description speaker starts with a determiner, a capital or a number ("the ministry",
    "Iran's foreign ministry", "two officials"), or is a plural before a plural verb
    ("officials said", not "internal challenges")."""
    first = m.text.split()[0]
    verb = cue.form.split()[0]
    third_person = verb.endswith("s") and verb != cue.lemma.split()[0]
    words = m.text.split()
    cut = next((x for x in range(1, len(words)) if words[x].lower() in ("of", "in", "for", "from", "among", "on", "with")), len(words))
    last = words[cut - 1].lower()  # the head before a prepositional phrase ("Polling of union voters")
    plural = last.endswith("s") and not last.endswith(("ss", "news", "politics", "us"))
    if third_person and plural:
        return False  # "Gallup finds states ...": a plural before a singular verb
    return True if first.lower() in DETERMINERS or first[:1].isupper() or first[:1].isdigit() else (plural and not third_person)


def in_quote_any(toks: list[Tok], a: int, b: int) -> bool:
    return any(_is_quote_tok(toks[x]) for x in range(a, b))


def _mention_span(toks: list[Tok], text: str, a: int, b: int) -> Mention | None:
    """The phrase ``toks[a..b]`` as a speaker mention (name when it ends in a capital)."""
    if b < a:
        return None
    head, _ = right_mention(toks, a, text, b + 1)
    m = speakers_mod._mention(toks, text, a, b)
    if head is not None and m.kind == "description" and head.kind == "name":
        m.name = head.name  # "early results of the exit polls conducted for the AP": keep phrase
        m.name = m.text
    return m


def _np_start(m: Mention) -> int:
    return m.np_start if 0 <= m.np_start < m.start else m.start


def _as_follows(toks: list[Tok], r: int) -> bool:
    """A short noun phrase then "as" ("sees [Cruz as a uniter]", "saw the vote as a test")."""
    for x in range(r, min(len(toks), r + 8)):
        u = toks[x]
        if u.low == "as" and u.kind == "word":
            return x > r and x + 1 < len(toks) and toks[x + 1].low not in _AS_COMPARATIVES and toks[x + 1].low not in ("if", "though", "of")
        if not (u.kind in ("word", "number", "clitic") or u.text in "-.'\u2019") or u.low in _CLAUSE_OPENERS:
            return False
    return False


def _clause_follows(toks: list[Tok], r: int) -> bool:
    """True when a clause, a quotation or a colon follows (after time/place phrases)."""
    n = len(toks)
    for _ in range(3):
        if r >= n:
            return False
        t = toks[r]
        if t.low == "that" or t.text in (":",) or _is_quote_tok(t):
            return True
        if t.text == "," and r + 1 < n and (_is_quote_tok(toks[r + 1]) or toks[r + 1].low == "that"):
            return True
        if t.low in _SUBJ_NOT_WHO_YOU or t.low == "there":
            return True
        if t.kind == "word" and not t.cap and t.low not in STOP_WORDS and not t.low.endswith("ing"):
            # "believe meaningful debt relief is possible": a subject without a determiner
            for x in range(r + 1, min(n, r + 5)):
                u = toks[x]
                if u.kind != "word":
                    break
                if u.low in _FINITE_AUX:
                    return True
        if t.low in DETERMINERS or t.cap or t.kind == "number":
            # "reported the email came ...", "added Trump would win": a subject, then a finite verb
            for x in range(r + 1, min(n, r + 7)):
                u = toks[x]
                if u.kind != "word" and u.kind != "clitic" and u.text not in ".-":
                    break
                if u.low in _FINITE_AUX or u.low in ("n't", "n\u2019t"):
                    return True
        nr = _pp_end(toks, r, n)
        if nr == r:
            return False
        r = nr
    return False


# Cues of a state of mind (think, want, support, seem): after "and" inside reported speech they
# belong to the subject of the reported clause, not to the speaker.
_STATE_FRAMES = frozenset("cognition stance perception".split())


def _coordinated_in_clause(toks: list[Tok], in_quote: bytearray, prev: _Frame, f: _Frame) -> bool:
    """``f`` is a cue of a state of mind after "and"/"but" inside the content of ``prev`` when
    that content is a clause with a subject and a finite verb of its own ("said [she made her
    choice early and thought few would vote]"): the coordinated verb belongs to that clause's
    subject. Verbs of saying ("... and added that ...") stay statements of the speaker."""
    if prev.side == "right" or prev.content is not None or prev.subject is not None or f.cue.lemma in _SPEECH_LEMMAS or f.cue.frame not in _STATE_FRAMES:
        return False
    k = f.ci - 1
    while k >= 0 and toks[k].kind == "word" and (toks[k].low in _COORD_ADVERBS or is_adverb(toks[k])):
        k -= 1
    if k < 0 or toks[k].low not in ("and", "but"):
        return False
    n = len(toks)
    c0 = _content_start(toks, prev.after, n, prev.cue)
    if c0 >= k or in_quote[toks[c0].start] or toks[c0].low in ("to", "whether", "if", "how", "why", "what"):
        return False
    x = c0 + 1 if toks[c0].low == "that" else c0
    if x >= k or not (toks[x].kind == "word" and (toks[x].low in DETERMINERS or toks[x].low in _SUBJ_PERSONAL or toks[x].cap)):
        return False
    for y in range(x + 1, k):
        t = toks[y]
        if in_quote[t.start] or t.text in (",", ";", ":"):
            return False
        if t.kind == "clitic" and t.low in ("n't", "n\u2019t"):
            return True
        if _looks_verb(toks, y) or (t.kind == "word" and not t.cap and t.low in _SUBJECT_VERB_AUX):
            return True
    return False


def _has_finite(toks: list[Tok], in_quote: bytearray, a: int, b: int) -> bool:
    """Tokens ``a`` to ``b`` (exclusive) hold a finite verb (or a quoted clause of three words or more)."""
    quoted = 0
    for y in range(a, min(b, len(toks))):
        t = toks[y]
        if in_quote[t.start]:
            quoted += t.is_word
            if quoted >= 3:
                return True
            continue
        if t.kind == "clitic" and t.low in ("n't", "n\u2019t", "'ll", "\u2019ll", "'re", "\u2019re", "'ve", "\u2019ve", "'m", "\u2019m", "'d", "\u2019d"):
            return True
        if _looks_verb(toks, y) or (t.kind == "word" and not t.cap and t.low in _SUBJECT_VERB_AUX):
            return True
    return False


def _subject_so_far(toks: list[Tok], in_quote: bytearray, prev: _Frame, b: int) -> bool:
    """The content of ``prev`` up to token ``b`` is a clause's subject still waiting for its
    verb: a "that" clause or the clause after a verb of saying or thinking, with no finite verb
    yet ("said four of his kids [and his wife will speak]")."""
    if prev.side == "right" or prev.content is not None or prev.subject is not None:
        return False
    c0 = _content_start(toks, prev.after, len(toks), prev.cue)
    if c0 >= b or toks[c0].low == "to" or in_quote[toks[c0].start]:
        return False
    if toks[c0].low != "that" and not (prev.cue.lemma in _SPEECH_LEMMAS or prev.cue.frame == "cognition"):
        return False
    return not _has_finite(toks, in_quote, c0, b)


# --- content spans ----------------------------------------------------------------------------
_TRAIL_WORD_RE = re.compile(r"(?:^|\s)(?:and|but|also|while|as|or|yet|so|then|even|whereas)$", re.IGNORECASE)
_TRAIL_LAST_CHARS = frozenset("dtoesrnDTOESRN\u017f")  # the last letters of _TRAIL_WORD_RE's words


_CUT_RE = re.compile(r",\s+(?:however|while|whereas|but|which|who)\b|;\s|\s[\u2014\u2013-]\s|\s--\s|\u2014")
_SUBORDINATORS = frozenset("while although though because if when as since after before whereas unless".split())


_FINITE_START_RE = re.compile(r",\s+(?:is|was|are|were|has|had|have|will|would|can|could|should|may|might|must|did|does|do)\b")


def _aside_then_verb(norm: str, in_quote: bytearray, pos: int, e: int) -> bool:
    """The relative clause starting at ``pos`` closes with a comma followed by a finite verb
    (", who detonated ..., had"): an aside inside the subject of the content."""
    k = norm.find(",", pos, e)
    while k >= 0 and in_quote[k]:
        k = norm.find(",", k + 1, e)
    return k >= 0 and _FINITE_START_RE.match(norm, k, e) is not None


def _cut_right(norm: str, in_quote: bytearray, s: int, e: int, clause_word: str) -> tuple[int, int]:
    """End reported content before a new clause: ", but ...", "; ...", a dash aside; and, for
    a cue inside a subordinate clause ("while he said X, he ..."), at its first comma."""
    pos = s
    while True:
        m = _CUT_RE.search(norm, pos, e)
        if m is None:
            break
        if in_quote[m.start()]:
            pos = m.end()
            continue
        if m.group(0).strip(" ,") in ("\u2014", "\u2013", "-", "--"):
            # a pair of dashes around an aside inside the content ("the majority – a bare
            # majority of the House – know better"): skip the aside
            close = norm.find(m.group(0), m.end(), e)
            if close > 0 and _WORD_RE.search(norm, close + len(m.group(0)), e) and not in_quote[close]:
                pos = close + len(m.group(0))
                continue
        if m.group(0).endswith(("which", "who")) and _aside_then_verb(norm, in_quote, m.end(), e):
            pos = m.end()  # "said the bomber, who detonated in the square, had Syrian roots"
            continue
        if len(_WORD_RE.findall(norm, s, m.start())) >= 3:
            e = m.start()
            break
        pos = m.end()
    if clause_word in _SUBORDINATORS or clause_word == "which":
        k = norm.find(",", s, e)
        while k >= 0 and (in_quote[k] or (k + 1 < e and not norm[k + 1].isspace())):
            if in_quote[k] and k + 2 < e and norm[k + 1] in "\"\u201d'" and not in_quote[k + 2] and norm[k + 2].isspace():
                break  # "said X had the “best experience,” Y is ...": the quotation ends the clause
            k = norm.find(",", k + 1, e)
        if k >= 0 and len(_WORD_RE.findall(norm, s, k)) >= (1 if clause_word == "which" else 3):
            e = k + (2 if in_quote[k] else 0)
    return _trim(norm, s, e)


_COORD_ADVERBS = frozenset("also then later never not still again quickly immediately subsequently eventually".split())
_SUBJECT_VERB_AUX = frozenset("is was are were has have had will would can could should may might must did does do".split())
_CLAUSE_MARKS = frozenset("who which that whom whose".split())


def _finite_after_and(toks: list[Tok], y: int, e: int) -> bool:
    """``toks[y]`` (after "and"/"but", adverbs skipped) reads as the finite verb of a second
    predicate: an auxiliary ("and has ...", "but did not ..."), an irregular past, or a
    past tense in -ed followed by an object or a complement ("and accused him", "and called
    on", not "and improved dining choices")."""
    n = len(toks)
    while y < n and toks[y].start < e and toks[y].kind == "word" and (toks[y].low in _COORD_ADVERBS or is_adverb(toks[y])):
        y += 1
    if y >= n or toks[y].start >= e:
        return False
    t = toks[y]
    if t.kind != "word" or t.cap:
        return False
    if t.low in _SUBJECT_VERB_AUX or t.low in _COMMON_PAST:
        return True
    if not (t.low.endswith("ed") and len(t.low) > 4 and t.low not in _NOT_VERBS and not t.low.endswith("eed")):
        return False
    if y + 1 >= n or toks[y + 1].start >= e:
        return False
    u = toks[y + 1]
    return _is_quote_tok(u) or u.cap or (u.kind == "word" and (
        u.low in DETERMINERS or u.low in OBJECT_PRONOUNS or u.low in PREPOSITIONS or u.low in _POSSESSIVE_PRONOUNS
        or u.low in ("that", "to", "it", "them", "him", "her", "himself", "herself", "themselves")
    ))


# -ing words after a comma that are not a participle adjunct of the speaker's predicate
# ("the plan, including tax cuts"; nouns in a list: "roads, housing and schools")
_NOT_PARTICIPLES = frozenset(
    """including excluding according depending regarding concerning involving following
    beginning starting during notwithstanding something nothing anything everything thing
    morning evening building funding meeting hearing briefing spending housing training polling
    ruling wedding offering opening landing setting ending being king spring string wing ring
    bring thing sibling earnings savings""".split()
)


def _participle_adjunct(toks: list[Tok], y: int, e: int) -> bool:
    """``toks[y]`` opens a participle phrase that adds the writer's comment or a consequence
    (", giving employees time to prepare", ", prompting a recount"): an -ing word that is not
    a preposition or a noun, followed by an object or a complement."""
    n = len(toks)
    if y + 1 >= n or toks[y + 1].start >= e:
        return False
    t = toks[y]
    if t.kind != "word" or t.cap or not t.low.endswith("ing") or len(t.low) < 6 or t.low in _NOT_PARTICIPLES:
        return False
    u = toks[y + 1]
    return _is_quote_tok(u) or u.kind == "number" or (u.kind == "word" and u.low not in ("and", "or", "nor", "but"))


def _aside_closes(toks: list[Tok], in_quote: bytearray, y: int, e: int) -> bool:
    """A comma after ``toks[y]`` is followed by a finite verb: the phrase from ``y`` is an
    aside inside a subject ("Millennials, numbering 75 million, surpassed ...")."""
    for z in range(y, len(toks) - 1):
        t = toks[z]
        if t.start >= e:
            break
        if t.text == "," and not in_quote[t.start]:
            u = toks[z + 1]
            if u.kind == "word" and not u.cap and (u.low in _SUBJECT_VERB_AUX or u.low in _COMMON_PAST or _looks_finite(u)):
                return True
    return False


# Words after a comma that end an infinitive content: an apposition or an absolute phrase,
# an adverbial clause, a coordinated clause (at the first comma; later ones end a list).
_INFINITIVE_TAIL_STARTS = frozenset(
    "the a an when where as while even though although despite if since so because and".split()
)


def _second_predicate_end(toks: list[Tok], in_quote: bytearray, s: int, e: int) -> int:
    """Where content without a verb of its own ends before a second predicate of the
    speaker: "called the plan [a disaster] and accused him of ...", "vowed [to repeal the
    law] and celebrated the ruling", "denied [the charges], but did not ...", before a
    participle adjunct ("praised [the budget], giving schools more money") and, for an
    infinitive, before a comma that opens an apposition or an adverbial or coordinated
    clause ("vowed [to repeal the law], a provision that ..."). A content with
    a finite verb before "and" ("said she was tired and was going home") is a clause whose
    subject may carry both verbs: kept whole."""
    x = _token_after(toks, s)
    n = len(toks)
    if x >= n or toks[x].start >= e:
        return e
    first = toks[x].low
    if first in ("that", "whether", "if", "how", "why", "what", "who", "when", "where"):
        return e
    if first == "to" and x + 1 < n and toks[x + 1].low in ("have", "be"):
        return e  # "to have brought ... and expanded ...": a perfect infinitive goes on
    if first in _SUBJ_PERSONAL:
        return e  # "said they won't ...": a clause
    infinitive = first == "to" and x + 1 < n and toks[x + 1].kind == "word" and not toks[x + 1].cap and toks[x + 1].low not in DETERMINERS | _POSSESSIVE_PRONOUNS | OBJECT_PRONOUNS
    gerunds = first.endswith("ing")  # "proposed eliminating X, limiting Y": a list of gerunds
    commas = 0
    for y in range(x, n):
        t = toks[y]
        if t.start >= e:
            break
        if t.text == "," and not in_quote[t.start]:
            if (
                not commas and y > x + 1 and y + 2 < n and toks[y + 1].kind == "word"
                and toks[y + 1].low not in _COMMON_PAST and toks[y + 1].low not in _SUBJECT_VERB_AUX
                and (toks[y + 2].low not in PREPOSITIONS or toks[y + 2].low == "to") and _finite_after_and(toks, y + 1, e)
            ):
                return toks[y - 1].end
            if not gerunds and y > x + 1 and _participle_adjunct(toks, y + 1, e) and not _aside_closes(toks, in_quote, y + 1, e):
                return toks[y - 1].end
            if (
                infinitive and y > x + 2 and y + 1 < n and toks[y + 1].start < e
                and toks[y + 1].low in _INFINITIVE_TAIL_STARTS and not (commas and toks[y + 1].low == "and")
            ):
                # "vowed [to repeal the law], a provision that ...", "refused [to fight], though
                # it cost him ...": an aside or a clause of the writer's after the infinitive
                return toks[y - 1].end
            commas += 1
        if in_quote[t.start]:
            continue
        if t.kind == "clitic" and t.low in ("n't", "n\u2019t", "'ll", "\u2019ll", "'re", "\u2019re", "'ve", "\u2019ve", "'m", "\u2019m"):
            return e
        if t.kind != "word":
            continue
        if t.low == "including":
            gerunds = True  # a list follows: its -ing words are items, not adjuncts
        if t.low in ("and", "but") and y > x:
            if _finite_after_and(toks, y + 1, e):
                return toks[y - 1].end if toks[y - 1].text != "," else (toks[y - 2].end if y >= 2 else e)
            continue
        if t.low in _CLAUSE_MARKS or (not t.cap and (t.low in _SUBJECT_VERB_AUX or t.low in BE_FORMS)) or _looks_verb(toks, y):
            return e  # a clause of its own (or a relative clause): its verbs may be coordinated
    return e


def _trim(norm: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (norm[s].isspace() or norm[s] in ",;:\u2014\u2013-"):
        s += 1
    changed = True
    while changed and e > s:
        changed = False
        while e > s and norm[e - 1].isspace():
            e -= 1
        if e > s and norm[e - 1] in ",;:\u2014\u2013-(":
            e -= 1
            changed = True
        elif e > s and norm[e - 1] == "." and not (e - s >= 3 and norm[e - 2].isupper() and norm[e - 3] == "."):
            if not (e - 3 >= s and norm[e - 3 : e] == "..."):
                e -= 1
                changed = True
        else:
            # a match ends at e ("$"; no whitespace before e here): the last 9 characters hold
            # the longest one, " whereas", so the search need not scan the whole content
            # (a match ending at e ends in the last letter of one of the words, in either case;
            # re's case-insensitive "s" also matches the long s)
            m = _TRAIL_WORD_RE.search(norm, max(s, e - 9), e) if not _LEANER or norm[e - 1] in _TRAIL_LAST_CHARS else None
            if m and m.end() == e:
                e = m.start()
                changed = True
    return s, e


_NOT_ADVERB_LY = frozenset("family ally rally assembly supply daily reply fly italy july belly bully monopoly kelly sally holly emily".split())
_TIME_PHRASE_RE = re.compile(
    r"(?:(?:\w+|a|an)\s+(?:years?|months?|weeks?|days?|hours?|minutes?)\s+(?:ago|later|earlier)"
    r"|(?:last|this|next|that|on|early|late)\s+(?:\w+\s+)?(?:week|month|year|night|morning|evening|afternoon|weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"|(?:yesterday|today|tonight|earlier|later|recently|afterward|afterwards|then|now|meanwhile)"
    r"|in\s+\d{4})[.,]?",
    re.IGNORECASE,
)
_CONNECTIVE_RE = re.compile(
    r"(?:and|but|still|however|indeed|meanwhile|so|yet|instead|now|moreover|also|rather|then|or"
    r"|still|nonetheless|nevertheless|furthermore|besides|thus|hence|again)\b,?\s+",
    re.IGNORECASE,
)


def _skip_connective(norm: str, s: int, e: int) -> int:
    """The start of content after a sentence connective ("But the plan ...", "Still, Cruz
    will ..."): annotators leave the connective out of the reported content."""
    m = _CONNECTIVE_RE.match(norm, s, e)
    if m and _WORD_RE.search(norm, m.end(), e):
        return m.end()
    return s


def _first_word(norm: str, s: int, e: int) -> str:
    m = _WORD_RE.search(norm, s, e)
    return m.group(0).lower() if m else ""


# --- the extractor ----------------------------------------------------------------------------
@dataclass
class _Row:
    start: int
    end: int
    cue: str
    cue_start: int | None
    cue_end: int | None
    cue_obj: Cue | None
    mention: Mention | None
    inherited: bool = False


def _empty() -> pd.DataFrame:
    df = pd.DataFrame({c: pd.Series(dtype="object") for c in _ALL_COLUMNS})
    return df.astype({c: "Int64" for c in _INT_COLUMNS})


def extract_quotes(text: str, *, resolve_pronouns: bool = True) -> pd.DataFrame:
    """Attributed statements in ``text``: what was said, by whom, with which cue.

    Args:
        text: the article body (one paragraph a line, or paragraphs separated by blank lines).
        resolve_pronouns: map "he", "she", "it", "they" to the speaker they refer to (the last
            person, or organisation, quoted before). With False the pronoun is the speaker.
            Surnames always map to the fullest name the article gives.

    Returns:
        DataFrame, one row per attributed statement, sorted by ``start``, with columns
        :data:`QUOTE_COLUMNS` then :data:`EXTRA_COLUMNS`:

        - ``start``, ``end``: character offsets of the content; ``text[start:end] == content``.
          Direct content includes its quotation marks.
        - ``type``: ``direct`` (all inside quotation marks), ``indirect`` (none), ``mixed``.
        - ``cue``: the reporting verb or phrase as written ("said", "pointed out",
          "according to"); "" for a quotation that continues an earlier speaker's.
        - ``speaker``: the fullest name ("Majid Takht-Ravanchi"), a description as written
          ("a senior official"), a pronoun without antecedent as written ("I", "we"), or None
          when no source is given ("Asked whether ...", "is expected to ...").
        - ``speaker_start``, ``speaker_end``: the mention in the sentence ("He"), or, for a
          continuing quotation, the mention it inherited; missing (``<NA>``) when none.
        - ``cue_start``, ``cue_end``, ``cue_lemma``, ``cue_category`` (``neutral``/``loaded``),
          ``cue_frame``; ``speaker_mention`` (as written), ``speaker_title`` (titles and
          appositions seen with the mention, "; "-joined, "" when none); ``sent_id`` and
          ``paragraph`` (0-based) of the content's start.

        A text without statements gives an empty frame with the same columns.

    Examples:
        >>> q = extract_quotes("“We will win,” Jane Doe, the mayor, said. She added that it was close.")
        >>> q[["content", "type", "speaker", "cue"]].values.tolist()
        [['“We will win,”', 'direct', 'Jane Doe', 'said'], ['that it was close', 'indirect', 'Jane Doe', 'added']]
        >>> extract_quotes("A “maximum pressure” campaign.").empty
        True
    """
    return _frame(quote_columns(text, resolve_pronouns=resolve_pronouns))


def quote_columns(text: str, *, resolve_pronouns: bool = True) -> dict[str, list[Any]]:
    """The columns of :func:`extract_quotes` as plain Python lists (for internal use).

    :func:`extract_quotes` is ``DataFrame`` of this; the ``analyse`` pipeline stacks these
    lists for a whole chunk and builds one frame, because with pandas 3 each small DataFrame
    costs about a millisecond.

    Args:
        text: the article body.
        resolve_pronouns: as in :func:`extract_quotes`.

    Returns:
        ``{column: list}`` for every column of :data:`QUOTE_COLUMNS` + :data:`EXTRA_COLUMNS`,
        in that order, all lists of the same length; integer columns hold ``int`` or ``None``
        (missing), text columns ``str`` or ``None``.

    Examples:
        >>> quote_columns("Ann Lee said it was late.")["speaker"]
        ['Ann Lee']
    """
    if not isinstance(text, str):
        raise ParameterError(f"extract_quotes needs the article text as a str, got {type(text).__name__}")
    if not text.strip():
        return _empty_columns()
    seg = segment(text)
    norm = seg.norm
    quotes = _find_quotes(text)
    in_quote = bytearray(len(text) + 1)
    for q in quotes:
        in_quote[q.start : q.end] = b"\x01" * (q.end - q.start)
    q_starts = [q.start for q in quotes]

    def quote_containing(pos: int) -> _Quote | None:
        k = bisect.bisect_right(q_starts, pos) - 1
        while k >= 0:
            q = quotes[k]
            if q.start <= pos < q.end:
                return q
            if q.end <= pos and k < len(quotes) and q.start < pos - 2000:
                break
            k -= 1
        return None

    all_toks = seg.tokens
    tok_text = seg.token_text  # text[s:e] of each token
    tok_kind = seg.token_kind
    tok_sent = seg.token_sentence  # non-decreasing: tokens and sentences are both in text order
    triggers = _trigger_words()
    trigger_re = _trigger_re()

    rows: list[_Row] = []
    claimed_end = 0
    for si, (ss, se) in enumerate(seg.sentences):
        chunk = norm[ss:se]
        lc = chunk.lower()
        if _FAST_PATHS and _LEANER:
            # the same test with the cheap parts first: a mark or an underscore (str.find)
            # spares the trigger search; "that" must be there for _THAT_CUE_RE to match
            if (
                ":" not in chunk and '"' not in chunk and "`" not in chunk and "_" not in chunk
                and not ("'" in chunk and _APOSTROPHE_QUOTE_RE.search(chunk))
                and trigger_re.search(lc) is None
                and not ("that" in lc and _THAT_CUE_RE.search(lc))
            ):
                continue
        elif _FAST_PATHS and (
            (trigger_re.search(lc) is None if _LEAN_PATHS else triggers.isdisjoint(_WORD_RE.findall(lc)))
            and not _TRIGGER_MARKS_RE.search(chunk)
            and not ("'" in chunk and _APOSTROPHE_QUOTE_RE.search(chunk))
            and not _THAT_CUE_RE.search(lc)
            # "said_x" is one \w run but three tokens ("said", "_", "x"): the word test would
            # miss the cue, so a sentence with an underscore (rare in news) takes the full path
            and "_" not in chunk
        ):
            continue  # no cue word, quotation mark, colon or "VERBed that": no frame can start here
        a = bisect.bisect_left(tok_sent, si)
        b = bisect.bisect_right(tok_sent, si, a)
        if _LEAN_PATHS:
            while b > a and all_toks[b - 1][0] >= se:  # starts increase: the tokens before se
                b -= 1
            raw = all_toks[a:b]
        else:
            raw = [tk for tk in all_toks[a:b] if tk[0] < se]
            b = a + len(raw)
        if not raw:
            continue
        if len(lc) == len(chunk):
            lows = [lc[s - ss : e - ss] for s, e, _ in raw]
        else:  # lower() changed the length (a rare letter such as "İ"): lower each token
            lows = [norm[s:e].lower() for s, e, _ in raw]
        cands = _candidates(lows, text, raw[0][0], raw[-1][1])
        if _FAST_PATHS and ":" not in chunk and not any(raw[x][2] == "word" and not in_quote[raw[x][0]] for x in cands):
            continue  # no token where a cue could start, and no colon: no frame (a fast path)
        # Tok.make of each token without a Python call or loop step per token (tokens are
        # never empty: tx[0] is tx[:1])
        if _LEAN_PATHS:
            texts = tok_text[a:b]
            kinds = tok_kind[a:b]
            toks = list(map(
                tuple.__new__, repeat(Tok),
                zip(map(_FIRST, raw), map(_SECOND, raw), kinds, texts, lows,
                    map(str.isupper, map(_FIRST, texts)), map(_WORD_OR_NUMBER.__contains__, kinds)),
            ))
        else:
            new = tuple.__new__
            toks = [
                new(Tok, (s, e, kind, tx, low, tx[:1].isupper(), kind == "word" or kind == "number"))
                for (s, e, kind), low in zip(raw, lows)
                for tx in (text[s:e],)
            ]
        frames = _frames(toks, lows, text, in_quote, cands)
        # drop cues embedded in the content of an earlier cue of the sentence
        kept: list[_Frame] = []
        embedded_ids: set[int] = set()
        for f in frames:
            if kept and (f.side == "left" or f.subject is not None):
                before = norm[max(ss, kept[-1].end) : f.start].rstrip()
                sep = before.rstrip("\"'\u201d\u2019").endswith((",", ";", "\u2014", ":", " -", "--", "\u2013")) or bool(
                    _SEP_RE.search(before)
                )
                if not sep and f.mention is not None and f.mention.start >= kept[-1].end:
                    sep = bool(_AND_SUBJECT_RE.search(norm, max(ss, kept[-1].end), f.mention.start))
                    xm = _token_after(toks, f.mention.start)
                    if sep and xm > 0 and toks[xm - 1].low in ("and", "or") and _subject_so_far(toks, in_quote, kept[-1], xm - 1):
                        sep = False  # "said four of his kids and his wife will speak": one subject
                prev_f = kept[-1]
                if sep and _THAT_SUBORDINATE_RE.match(before):
                    sep = False  # "say that, even if they thought it was right, a recount ...": inside the content
                if sep and before.strip() == "," and (prev_f.side == "left" or prev_f.cue.form == "according to") and prev_f.after < len(toks) and toks[prev_f.after].text == ",":
                    # "Six months ago, the senator said, the media considered him ...": the
                    # comma closes the parenthetical cue, the clause after it is its content
                    c0 = _content_start(toks, prev_f.after, len(toks), prev_f.cue)
                    if c0 < len(toks) and toks[c0].start == f.start:
                        sep = False
                prev_has_right = _has_right(toks, prev_f, norm, f.start)
                if prev_has_right and not sep:
                    continue
            elif kept and f.side == "inherit" and f.subject is None and _coordinated_in_clause(toks, in_quote, kept[-1], f):
                # "said [she was tired and wanted a change]": the earlier content runs on over
                # this cue (its own row then overlaps that content and is dropped)
                embedded_ids.add(id(f))
            kept.append(f)
        if len(kept) > 1:
            # a cue inside the speaker phrase of a later cue ("Zeke Emanuel, an oncologist who
            # advised Obama, said ..."): the phrase is the speaker, not a statement
            kept = [
                f for fi, f in enumerate(kept)
                if not any(
                    g.side == "left" and g.mention is not None and _np_start(g.mention) <= toks[f.ci].start < toks[g.ci].start
                    and (
                        toks[f.ci].start < g.mention.end
                        or (
                            f.cue.lemma not in _SPEECH_LEMMAS and not _who_statement(f) and f.cue.frame != "perception"
                            and _no_clause_break(norm, g.mention.end, toks[g.ci].start)
                        )
                    )
                    for g in kept[fi + 1 :]
                )
            ]
        for fi, f in enumerate(kept):
            if f.content is not None:
                rows.append(_Row(f.content[0], f.content[1], *_cue_fields(text, toks, f), f.mention))
                claimed_end = max(claimed_end, f.end)
                continue
            if f.subject is not None:
                rows.append(_Row(f.subject[0], f.subject[1], *_cue_fields(text, toks, f), f.mention))
            elif f.side == "left" and f.mention is not None and f.mention.kind != "pronoun" or (
                f.mention is not None and f.mention.text.lower() in _SUBJ_PERSONAL
            ):
                # "a probe [which] the agency said was ongoing", "[what] he said": the relative
                # pronoun stands for the content
                x = _token_after(toks, _np_start(f.mention))
                if x > 0 and toks[x - 1].low in _RELATIVES and toks[x - 1].kind == "word" and not in_quote[toks[x - 1].start]:
                    rows.append(_Row(toks[x - 1].start, toks[x - 1].end, *_cue_fields(text, toks, f), f.mention))
            nxt_start = se
            gi = fi + 1
            while gi < len(kept) and id(kept[gi]) in embedded_ids:
                gi += 1
            if gi < len(kept):
                g = kept[gi]
                nxt_start = g.start
                if g.start <= f.end:  # the next mention starts before this cue ("Barkley, who said ..., said")
                    cue_at = toks[g.ci].start
                    comma = norm.rfind(",", f.end, cue_at)
                    nxt_start = comma if comma >= 0 else cue_at
            prev_end = kept[fi - 1].end if fi > 0 else ss
            lb = max(ss, prev_end, claimed_end if claimed_end <= f.start else ss)
            n = len(toks)
            # right content
            if f.side == "right":
                r = f.after
                parenthetical = r < n and toks[r].text == ","
                rs_tok = _content_start(toks, r, n, f.cue) if (parenthetical or f.cue.form == "according to") else n
                if (
                    parenthetical and rs_tok < n and toks[rs_tok].low in _APPOSITION_STARTS and toks[rs_tok].kind == "word"
                    and _WORD_RE.search(norm, ss, f.start)
                ):
                    rs_tok = n  # "..., said Lee Epstein, who teaches law": the speaker's aside
            else:
                rs_tok = _content_start(toks, f.after, n, f.cue)
            as_clause = f.side == "left" and _as_clause(toks, f)
            if as_clause:
                # "As The Hill reported, CONTENT", "As Clinton told the Daily News, CONTENT"
                comma = next((x for x in range(f.after, min(n, f.after + 10)) if toks[x].text == ","), None)
                if comma is None:
                    continue
                rs_tok = comma + 1
            if (
                f.side != "right" and rs_tok == f.after and rs_tok + 1 < n and toks[rs_tok].kind == "word"
                and (toks[rs_tok].low in _OBJECT_PREPS or (toks[rs_tok].low == "to" and f.cue.lemma in ("respond", "reply")))
                and toks[rs_tok + 1].is_word and toks[rs_tok + 1].low != "that"
            ):
                # "called for a ban", "railed against Wall Street", "responded to the claims": the
                # preposition belongs to the cue, the content is its object
                rs_tok += 1
                f.cj = rs_tok - 1
            rs = toks[rs_tok].start if rs_tok < n else se
            right = _trim(norm, rs, max(rs, nxt_start)) if rs < nxt_start else (rs, rs)
            has_right = right[1] > right[0] and bool(_WORD_RE.search(norm, right[0], right[1]))
            if has_right and right[1] - right[0] < 8 and norm[right[0] : right[1]].lower() in PREPOSITIONS:
                has_right = False  # "responded by saying ...": only the preposition is left
            if has_right and rs_tok < n and (toks[rs_tok].low in _CIRCUMSTANCE_PREPS or (
                toks[rs_tok].low in ("to", "with", "from") and rs_tok + 1 < n
                and (toks[rs_tok + 1].low in DETERMINERS or toks[rs_tok + 1].cap)
            )) and f.side != "right" and (
                norm[lb : f.start].rstrip().endswith((",", '"', "'"))
            ) and _circumstance_only(toks, rs_tok, right[1], in_quote):
                # "“...,” she said in a video message to the convention.": where and when it
                # was said, not what; the content is before the cue
                has_right = False
            if has_right and _CONNECTIVE_RE.fullmatch(norm[right[0] : right[1]] + " "):
                has_right = False  # "..., records show, and aviation experts say ...": only "and"
            if (
                has_right and f.cue is _COLON_CUE and not in_quote[right[0]] and len(_WORD_RE.findall(norm, right[0], right[1])) <= 3
                and not (f.mention is not None and f.mention.text.isupper() and " " in f.mention.text)
            ):  # "Christie: A closing surge", "Twitter: @name": a label ("TAPPER: Why not?" is a turn)
                has_right = False
            if has_right and 0 < rs_tok < n and _is_quote_tok(toks[rs_tok]) and _possessive_before(toks, rs_tok):
                # "“...,” he said on NBC's “Meet the Press.”": a title; "said on NBC's “Meet the
                # Press” that ...": the content starts at "that"
                that = next((x for x in range(rs_tok + 1, n) if toks[x].low == "that" and toks[x].start < right[1]), None)
                if that is None or not any(_is_quote_tok(toks[x]) for x in range(rs_tok + 1, that)):
                    has_right = False
                else:
                    rs_tok = that
                    right = (toks[that].start, right[1])
            left_possible = bool(_WORD_RE.search(norm, lb, f.start)) and norm[lb : f.start].rstrip().endswith((",", '"', "'"))
            if has_right and left_possible and f.cue.lemma not in _TELL and rs_tok < n and rs_tok > 0 and toks[rs_tok - 1].text == "," and f.cue.form != "according to":
                # after "said," only a quotation or a clause that goes on ("Biden, Rubio said,
                # had been ..."), not "said, referring to ..." nor "declared on Thursday, two days after"
                first = toks[rs_tok]
                if not _is_quote_tok(first) and (
                    first.kind != "word" or first.low.endswith("ing") or first.low in _PREP_NOT_TO
                ):
                    has_right = False
            if has_right and f.side != "right" and (f.cue.complement == "strict" or (f.cue.complement == "clause" and (f.cue.participle or f.cue.frame == "other"))) and not as_clause and not _clause_follows(toks, f.after) and not (
                f.cue.lemma == "see" and _as_follows(toks, f.after)
            ):
                continue  # "maintained its stance": not a statement
            # left content (after a colon or semicolon that opens the clause)
            for mark in (": ", "; "):
                k = norm.rfind(mark, lb, f.start)
                if k >= 0 and not in_quote[k]:
                    lb = k + 1
            before = norm[lb : f.start].rstrip()
            sep_before = before.endswith((",", '"', "'", "\u2014", "--"))
            after_txt = norm[f.end : (toks[f.after].start if f.after < n else se)]
            tail = norm[f.end : se]
            parenthetical = f.after < n and (
                toks[f.after].text == "," or (f.after < rs_tok < n and toks[rs_tok - 1].text == ",")
            )  # "The deal, she said (on Monday), would collapse"
            left = (lb, lb)
            according = f.cue.form == "according to"
            if has_right and f.cue is not _COLON_CUE and f.side != "right" and before.endswith(('"', "'")):
                # "“We won,” she said as she accepted her award": after a quotation, what follows
                # the cue is circumstance, unless it is another quotation or a "that" clause
                first = toks[rs_tok] if rs_tok < n else None
                if first is not None and not (_is_quote_tok(first) or first.low == "that"):
                    has_right = False
            if according and before and not sep_before and f.start > ss:
                sep_before = True  # "Clinton leads by 271 delegates according to a count by the AP"
            if sep_before and (not has_right or parenthetical or f.side == "right"):
                left = _trim(norm, lb, f.start)
                left = (_skip_connective(norm, left[0], left[1]), left[1])
                words = _WORD_RE.findall(norm, left[0], left[1])
                fw = _first_word(norm, left[0], left[1])
                if (
                    fw in _PREP_ASKED_AS and not in_quote[left[0]]
                    and (len(words) <= 2 or (len(words) <= 5 and not parenthetical))
                ):
                    left = (left[0], left[0])  # "In particular, he said, ...": an adverbial
                elif _TIME_PHRASE_RE.fullmatch(norm, left[0], left[1]):
                    left = (left[0], left[0])  # "Six months ago, the senator said, ..."
                elif has_right and len(words) <= 10 and fw.endswith("ing") and fw != "according" and not (
                    parenthetical and rs_tok < n and _looks_finite(toks[rs_tok])
                ):
                    # "Holding open a book, Beck said, “...”": circumstance; but "Pivoting to
                    # cuts too soon, economists say, limited the recovery": the subject
                    left = (left[0], left[0])
            has_left = left[1] > left[0] and bool(_WORD_RE.search(norm, left[0], left[1]))
            if not has_left and not has_right and lb == ss and not _WORD_RE.search(norm, ss, f.start):
                # "... do you need?’” | Weaver said.": a quotation the sentence splitter cut
                # off before the cue belongs to it
                q = quote_containing(ss - 1) if ss > 0 else None
                if q is None and ss > 1 and norm[ss - 1].isspace():
                    q = quote_containing(len(norm[:ss].rstrip()) - 1)
                if q is not None and q.closed and not norm[q.end : ss].strip() and q.start < ss:
                    left = (q.start, q.end)
                    has_left = True
            del after_txt, tail
            if has_left and has_right and f.cue is not _COLON_CUE:
                # "“We won,” she said as she accepted her award" / "..., according to a count by
                # the AP": with the content before the cue, what follows is circumstance, not
                # content, unless it is another quotation or a "that" clause
                first = toks[rs_tok] if rs_tok < n else None
                opens = first is not None and (_is_quote_tok(first) or first.low == "that")
                if (according and not parenthetical) or (before.endswith(('"', "'")) and not opens):
                    has_right = False  # but "X, according to Y, Z": both pieces
            if has_left:
                s, e = left
                q = quote_containing(s)
                if q is not None and q.start < s:
                    s = q.start
                q = quote_containing(e - 1)
                if q is not None and q.end > e and q.end <= f.start + 1:
                    e = q.end
                rows.append(_Row(s, e, *_cue_fields(text, toks, f), f.mention))
            if has_right and f.cue is _COLON_CUE and f.mention is not None and f.mention.text.isupper():
                right = (right[0], seg.paragraphs[seg.sentence_paragraph[si]][1])  # a transcript turn
            if has_right:
                clause_word = _first_word_before(norm, ss, f.start)
                subj_word = norm[f.subject[0] : f.subject[1]] if f.subject is not None else (f.mention.text if f.mention else "")
                if subj_word.lower() in ("which", "who") or (
                    f.cue.frame == "perception" and f.subject is None and toks[max(0, _prev_index(toks, f.ci)[0])].text == ","
                ):
                    clause_word = "which"  # a relative clause: "the DNC, which is seen as ..., responded"
                elif clause_word not in _SUBORDINATORS:
                    w0 = _first_word(norm, ss, f.start)
                    if w0 in _SUBORDINATORS and not any(norm[k] == "," and not in_quote[k] for k in range(ss, f.start)):
                        # "Because exit polls in Iowa indicated X, ...": the cue is in the
                        # sentence's opening subordinate clause, which the first comma closes
                        clause_word = w0
                s, e = _cut_right(norm, in_quote, right[0], right[1], clause_word)
                if f.cue.lemma in _NP_OBJECT_LEMMAS:
                    e = _np_object_end(toks, norm, in_quote, s, e)
                if f.cue.frame != "perception":
                    e = _second_predicate_end(toks, in_quote, s, e)

                q = quote_containing(e - 1)
                if q is not None and q.end > e:
                    e = q.end
                rows.append(_Row(s, e, *_cue_fields(text, toks, f), f.mention))
                claimed_end = max(claimed_end, e)
            if not has_left and not has_right:
                # "X responded:" then a quotation (possibly in the next paragraph)
                rest = norm[f.end : se].strip()
                if rest in ("", ":", ",", ".") or rest.endswith(":"):
                    k = bisect.bisect_left(q_starts, f.end)
                    if k < len(quotes):
                        q = quotes[k]
                        gap = norm[se : q.start] if q.start >= se else norm[f.end : q.start]
                        if len(gap.strip(" \n\t:,")) == 0 and q.start - f.end < 400:
                            rows.append(_Row(q.start, q.end, *_cue_fields(text, toks, f), f.mention))
                            claimed_end = max(claimed_end, q.end)
            claimed_end = max(claimed_end, f.end)

    rows = _dedupe(rows)
    rows.extend(_continuations(text, seg, quotes, rows))
    rows = _dedupe(sorted(rows, key=lambda r: (r.start, -r.end)))
    if not rows:
        return _empty_columns()
    return _columns(text, seg, quotes, rows, resolve_pronouns, in_quote)


# Verbs of saying: "Barkley, who said last week that ..., said ...": a statement of its own even
# inside the speaker's aside.
_SPEECH_LEMMAS = frozenset(
    """say tell add note argue insist warn explain claim write stress emphasize contend assert
    acknowledge admit concede deny predict suggest recall reply respond answer declare announce
    caution vow promise pledge urge complain tweet report state reiterate repeat remark
    maintain counter retort quip joke boast allege testify confirm reveal point out""".split()
)


def _inherited_mention(frames: list[_Frame]) -> Mention | None:
    """The speaker a participle or a coordinated verb takes from the cues before it in the
    sentence: the last verb of saying ("Takht-Ravanchi stated that while Tehran does not seek
    war, ..., stressing that ...": Takht-Ravanchi), else the last cue."""
    for f in reversed(frames):
        if f.cue.lemma in _SPEECH_LEMMAS and f.mention is not None:
            return f.mention
    return frames[-1].mention


def _possessive_before(toks: list[Tok], x: int) -> bool:
    """The token before ``x`` ends a possessive ("NBC's", "CBS'"): a quotation at ``x`` is a
    title ("on NBC's “Meet the Press”"), not what was said."""
    p = toks[x - 1]
    if p.kind == "clitic" and p.low in ("'s", "\u2019s"):
        return True
    return x >= 2 and p.text in ("'", "\u2019") and toks[x - 2].low.endswith("s") and toks[x - 2].end == p.start


# Words that open an aside about a speaker named after the cue (", said Ann Lee, who ...",
# ", according to a poll by ..."), not a second piece of content.
_APPOSITION_STARTS = frozenset("who whose which a an another by of".split())


def _who_statement(f: _Frame) -> bool:
    """A finite cue after "who" in a speaker's aside is a statement of its own ("Ann Lee,
    who has endorsed Smith, said ...": Smith is what she endorsed); participles ("who was
    speaking to ...") and evidentials are not."""
    return (
        f.mention is not None and f.mention.text.lower() == "who" and not f.cue.participle
        and f.cue.frame != "perception" and f.side == "left"
    )


def _no_clause_break(norm: str, a: int, b: int) -> bool:
    """The text between a speaker's head and its cue is an aside of that speaker (", who had
    opposed it for years,"), not a new clause ("; ", " and ", " but ")."""
    between = norm[a:b]
    return between.lstrip().startswith(",") and not re.search(r";|\b(?:and|but|or)\s*$", between.rstrip(" ,"))


def _as_clause(toks: list[Tok], f: _Frame) -> bool:
    """The frame is an "As X said," clause at the start of the sentence (or after a comma)."""
    start = f.start
    x = next((y for y in range(len(toks)) if toks[y].start >= start), None)
    if x is None or x == 0:
        return False
    p = toks[x - 1]
    if p.low != "as" or p.kind != "word":
        return False
    return x - 1 == 0 or toks[x - 2].text == "," or (x - 2 == 0 and toks[0].low in _CONNECTORS)


#: Skip sentences and tokens where no cue can start (same results; tests turn it off to compare).
_FAST_PATHS = True
# A sentence needs one of these to hold a frame (see _frames): a quotation mark (quotes and
# "“...,” she snapped"), a colon ("Gingrich: ..."), "that" (a verb outside the lexicon before
# a "that" clause), a word that starts a lexicon cue or a nominal cue ("His view is ...").
_TRIGGER_MARKS_RE = re.compile(r'[:"`]')
# (an apostrophe between two letters, "Trump's", "don't", is never a quotation mark token)
_APOSTROPHE_QUOTE_RE = re.compile(r"(?<![^\W\d_])'|'(?![^\W\d_])")
_THAT_CUE_RE = re.compile(r"(?:ed|s|\b(?:" + "|".join(sorted(_IRREGULAR_PAST)) + r"))\s+that\b")


@functools.cache
def _trigger_words() -> frozenset[str]:
    return frozenset(cue_lexicon()) | _VIEW_NOUNS | frozenset(_CLAIM_NOUNS)


#: The leaner sentence steps of quote_columns, each giving what the step it replaced gave (False:
#: those steps as they were, the reference tests compare with): a trigger word looked for with
#: _trigger_re instead of listing the sentence's words; -ed/-s candidates only in a sentence
#: with a closing quotation mark (_CLOSING_QUOTE_RE, not any quotation mark or apostrophe);
#: the sentence's tokens sliced, and their Toks built, without a loop step per token.
_LEAN_PATHS = True

#: A second round of leaner steps, each exact (False: the steps as they were, for the tests):
#: the sentence test with its cheap parts first, _first_word_before with findall, _trim's
#: trailing-word search only when the last letter can end such a word, _colon_frame only
#: when the sentence has a colon, _candidates' lexicon words listed with compress.
_LEANER = True


def _trie_pattern(words: list[str]) -> str:
    """An alternation of ``words`` (non-empty) written as a prefix tree ("sa(?:id|y(?:s)?)"),
    so that re follows one branch per letter instead of trying every word in turn."""
    tree: dict[str, dict] = {}
    for w in words:
        node = tree
        for c in w:
            node = node.setdefault(c, {})
        node[""] = {}

    def alternation(node: dict[str, dict]) -> str:
        branches = [re.escape(c) + alternation(node[c]) for c in sorted(node) if c]
        if not branches:
            return ""
        if "" in node:  # a word ends here: the rest is optional
            return "(?:" + "|".join(branches) + ")?"
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return alternation(tree)


@functools.cache
def _trigger_re() -> re.Pattern[str]:
    """A trigger word that is a whole word (``\\w+`` run) of the text: ``search`` is None
    exactly when ``_trigger_words().isdisjoint(_WORD_RE.findall(text))`` (a trigger word with a
    character outside ``\\w`` can equal no such run), without listing the words."""
    words = sorted(w for w in _trigger_words() if _WORD_RE.fullmatch(w))
    return re.compile(r"\b(?:" + _trie_pattern(words) + r")\b" if words else r"(?!)")


def _first_word_before(norm: str, lo: int, pos: int) -> str:
    if _LEANER:  # the last \w run of the window is the one (\w+)\W*$ finds (leftmost match)
        words = _WORD_RE.findall(norm, max(lo, pos - 40), pos)
        return words[-1].lower() if words else ""
    m = re.search(r"(\w+)\W*$", norm[max(lo, pos - 40) : pos])
    return m.group(1).lower() if m else ""


def _has_right(toks: list[Tok], f: _Frame, norm: str, upto: int) -> bool:
    if f.side == "right" and not (f.cue.form == "according to" and f.after < len(toks) and toks[f.after].text == ","):
        return False  # (but "According to him, the leadership ignored ...": its content follows)
    r = _content_start(toks, f.after, len(toks), f.cue)
    return r < len(toks) and toks[r].start <= upto


def _cue_fields(text: str, toks: list[Tok], f: _Frame) -> tuple[str, int, int, Cue]:
    cs, ce = toks[f.ci].start, toks[f.cj].end
    return text[cs:ce], cs, ce, f.cue


def _dedupe(rows: list[_Row]) -> list[_Row]:
    """``rows`` in order, without empty spans and without any row that overlaps a row kept
    before it.

    The kept spans never overlap one another, so sorted by start their ends are sorted too: a
    row overlaps a kept span exactly when the last kept span starting before the row's end
    ends after the row's start. One bisection per row instead of a scan of every kept span,
    which made an article with tens of thousands of statements take minutes (a test compares
    it with the scan).
    """
    kept: list[_Row] = []
    starts: list[int] = []  # of the kept spans, sorted
    ends: list[int] = []  # of the same spans, in the same order (also sorted)
    for r in rows:
        if r.end <= r.start:
            continue
        k = bisect.bisect_left(starts, r.end)  # kept spans [:k] start before r ends
        if k and ends[k - 1] > r.start:
            continue
        kept.append(r)
        starts.insert(k, r.start)
        ends.insert(k, r.end)
    return kept


def _first_named(rows: list[_Row]) -> Callable[[int], _Row | None]:
    """``first(start)``: the first row of ``rows`` (in their order) with a speaker that starts
    at ``start`` or later, or ``None``; the same as ``next((r for r in rows if r.start >= start
    and r.mention is not None), None)``, by one bisection instead of a scan of every row (a
    long article asks it of thousands of quotations; a test compares the two)."""
    named = sorted((r.start, i) for i, r in enumerate(rows) if r.mention is not None)
    starts = [s for s, _ in named]
    # first_pos[k]: the smallest position in rows among named[k:]
    first_pos = list(accumulate(reversed([i for _, i in named]), min))[::-1]

    def first(start: int) -> _Row | None:
        k = bisect.bisect_left(starts, start)
        return rows[first_pos[k]] if k < len(first_pos) else None

    return first


def _continuations(text: str, seg: Any, quotes: list[_Quote], rows: list[_Row]) -> list[_Row]:
    """Quotations without a cue that read as statements, with the speaker before them."""
    norm = seg.norm
    out: list[_Row] = []
    covered = sorted((r.start, r.end) for r in rows)
    cov_starts = [s for s, _ in covered]
    by_end = sorted(rows, key=lambda r: r.end)
    ends = [r.end for r in by_end]
    sent_starts = seg.sentence_starts
    par_starts = [s for s, _ in seg.paragraphs]
    first_named_from = None  # _first_named(rows), made on first use
    for q in quotes:
        k = bisect.bisect_right(cov_starts, q.end) - 1
        if k >= 0 and covered[k][1] > q.start:
            continue
        inner = norm[q.start : q.end].strip("\"'` ")
        words = len(_WORD_RE.findall(inner))
        si = bisect.bisect_right(sent_starts, q.start) - 1
        ss = seg.sentences[si][0] if si >= 0 else 0
        lead = norm[ss : q.start].strip()
        at_start = lead == "" or lead.endswith((":", "\u2014"))
        ends_sentence = inner.rstrip().endswith((".", "?", "!", ",", "...")) or not q.closed
        if q.kind == "single":
            statement = at_start and words >= 4 and ends_sentence
        else:
            prev_word = _first_word_before(norm, ss, q.start)
            statement = (at_start and words >= 3 and (ends_sentence or words >= 6)) or (
                words >= 10 and prev_word not in DETERMINERS
            )
        if not statement:
            continue
        p = bisect.bisect_right(par_starts, q.start) - 1
        j = bisect.bisect_right(ends, q.start) - 1
        src = None
        while j >= 0:
            r = by_end[j]
            rp = bisect.bisect_right(par_starts, r.start) - 1
            if p - rp > 2:
                break
            if r.mention is not None:
                src = r
                break
            j -= 1
        if src is None or bisect.bisect_right(par_starts, src.start) - 1 != p:
            # no speaker earlier in this paragraph: one later in it ("“A.” “B,” she said.")
            if first_named_from is None:
                first_named_from = _first_named(rows)
            nxt = first_named_from(q.end)
            if nxt is not None and bisect.bisect_right(par_starts, nxt.start) - 1 == p:
                src = nxt
        mention = src.mention if src else None
        out.append(_Row(q.start, q.end, "", None, None, None, mention, inherited=True))
    return out


_ALNUM_RE = re.compile(r"[^\W_]")  # exactly str.isalnum, one character


def _quote_type(mask: bytearray, text: str, s: int, e: int) -> str:
    """``direct`` when every letter or digit of ``text[s:e]`` is inside quotation marks
    (``mask``), ``indirect`` when none is (or there is none), else ``mixed``. Walks the runs
    of the mask rather than the characters."""
    inside = outside = False
    pos = s
    while pos < e:
        if mask[pos]:
            nxt = mask.find(0, pos, e)
            nxt = e if nxt < 0 else nxt
            inside = inside or _ALNUM_RE.search(text, pos, nxt) is not None
        else:
            nxt = mask.find(1, pos, e)
            nxt = e if nxt < 0 else nxt
            outside = outside or _ALNUM_RE.search(text, pos, nxt) is not None
        pos = nxt
    if not inside:
        return "indirect"
    return "mixed" if outside else "direct"


def _columns(
    text: str, seg: Any, quotes: list[_Quote], rows: list[_Row], resolve_pronouns: bool, mask: bytearray | None = None
) -> dict[str, list[Any]]:
    if mask is None:  # 1 inside a quotation (quote_columns passes the one it built)
        mask = bytearray(len(text) + 1)
        for q in quotes:
            mask[q.start : q.end] = b"\x01" * (q.end - q.start)
    index = NameIndex.build(seg.norm)
    par_starts = [s for s, _ in seg.paragraphs]
    sent_starts = seg.sentence_starts
    history: list[tuple[int, str, bool]] = []  # (paragraph, speaker, is_person)
    cols: dict[str, list[Any]] = {c: [] for c in _ALL_COLUMNS}
    for r in rows:
        m = r.mention
        p = max(bisect.bisect_right(par_starts, r.start) - 1, 0)
        speaker = _resolve(m, index, history, p, resolve_pronouns, text)
        if speaker is not None and m is not None and m.kind != "pronoun":
            history.append((p, speaker, index.is_person(speaker)))
        elif speaker is not None and m is not None and m.kind == "pronoun" and resolve_pronouns:
            history.append((p, speaker, m.text.lower() in PERSON_PRONOUNS))
        cue = r.cue_obj
        values = (
            r.start,
            r.end,
            text[r.start : r.end],
            _quote_type(mask, text, r.start, r.end),
            r.cue,
            speaker,
            m.start if m else None,
            m.end if m else None,
            r.cue_start,
            r.cue_end,
            cue.lemma if cue else "",
            cue.category if cue else "",
            cue.frame if cue else "",
            m.text if m else None,
            m.title if m else "",
            max(bisect.bisect_right(sent_starts, r.start) - 1, 0),
            p,
        )
        for c, v in zip(_ALL_COLUMNS, values):
            cols[c].append(v)
    _one_case_per_speaker(cols["speaker"])
    return cols


def _one_case_per_speaker(speakers: list[str | None]) -> None:
    """Give a description the article also writes in lower case that lower-case form, in place.

    A bare plural at a sentence start is capitalised ("Economists said ...") and the same
    description is not elsewhere ("..., economists said"): one source, so one speaker string.
    Only a speaker whose lower-cased first letter gives another speaker of the same article
    changes, so proper names ("Conservatives" alone, "Reuters") stay as written.
    """
    lower = {s for s in speakers if s and s[:1].islower()}
    if not lower:
        return
    for i, s in enumerate(speakers):
        if s and s[:1].isupper() and (low := s[:1].lower() + s[1:]) in lower:
            speakers[i] = low


def _empty_columns() -> dict[str, list[Any]]:
    return {c: [] for c in _ALL_COLUMNS}


# pandas' dtype for a column of Python strings (``str`` with pandas 3, ``object`` before),
# found once; building arrays of known dtype is much cheaper than letting pandas infer them.
_STR_DTYPE = pd.Series(["x"]).dtype
_INT_SET = frozenset(_INT_COLUMNS)


def _int_array(values: list[Any]) -> Any:
    """A nullable ``Int64`` array from ints and Nones, without pandas' type inference."""
    n = len(values)
    mask = np.fromiter((v is None for v in values), dtype=bool, count=n)
    data = np.fromiter((0 if v is None else v for v in values), dtype=np.int64, count=n)
    return pd.arrays.IntegerArray(data, mask)


def _str_array(values: list[Any]) -> Any:
    """A text column (``str`` dtype; None becomes missing) without pandas' type inference."""
    if _STR_DTYPE == object or all(v is None for v in values):
        return np.array(values, dtype=object)  # as pandas infers a column of Nones
    return pd.array(values, dtype=_STR_DTYPE)


def _frame(cols: dict[str, list[Any]]) -> pd.DataFrame:
    """The DataFrame of :func:`quote_columns` (an empty one keeps the columns and dtypes of
    :func:`_empty`)."""
    if not cols["start"]:
        return _empty()
    data = {c: _int_array(v) if c in _INT_SET else _str_array(v) for c, v in cols.items()}
    return pd.DataFrame(data, index=pd.RangeIndex(len(cols["start"])), copy=False)


def _without_article(name: str) -> str:
    """A name without its leading "the", so that one organisation is one speaker whether the
    sentence starts with it or not ("The Bank of England" and "the Bank of England" are
    "Bank of England")."""
    if name[:4] in ("The ", "the ") and len(name) > 4 and name[4:5].isupper():
        return name[4:]
    return name


def _lower_determiner(description: str) -> str:
    """A description with its first word in lower case when that word is a determiner
    capitalised at a sentence start ("The ministry" -> "the ministry", "A spokesman" ->
    "a spokesman"), so that the same description is one speaker wherever it stands."""
    head, sep, rest = description.partition(" ")
    if sep and head[:1].isupper() and head.lower() in DETERMINERS and (len(head) == 1 or not head.isupper()):
        return head.lower() + sep + rest
    return description


def _resolve(
    m: Mention | None,
    index: NameIndex,
    history: list[tuple[int, str, bool]],
    paragraph: int,
    resolve_pronouns: bool,
    text: str,
) -> str | None:
    if m is None:
        return None
    if m.kind == "name":
        return _without_article(index.full_name(m.name))
    if m.kind == "description":
        return _lower_determiner(m.name)
    low = m.text.lower()
    if not resolve_pronouns:
        return m.text
    if low in PERSON_PRONOUNS:
        for p, spk, person in reversed(history):
            if paragraph - p > 3:
                break
            if person:
                return spk
        return index.last_person_before(m.start) or m.text
    if low in GROUP_PRONOUNS:
        for p, spk, person in reversed(history):
            if paragraph - p > 2:
                break
            if not person:
                return spk
    return m.text  # "I", "we", "who", or a pronoun without an antecedent: the pronoun itself


# --- frame builder and speaker table ----------------------------------------------------------
def quotes_frame(articles: ArticlesLike, *, on_error: OnError = "raise", resolve_pronouns: bool = True) -> pd.DataFrame:
    """:func:`extract_quotes` over many articles.

    Args:
        articles: an ``Article``, a list of them, or a corpus DataFrame (``id``, ``text``).
        on_error: ``"raise"`` or ``"skip"`` (skipped articles are logged and listed in
            ``frame.attrs["skipped"]``).
        resolve_pronouns: passed to :func:`extract_quotes`.

    Returns:
        DataFrame with ``article_id`` first, then the columns of :func:`extract_quotes`; rows
        by article, then by position.
    """
    return build_frame(
        articles, extract_quotes, _ALL_COLUMNS, on_error=on_error, resolve_pronouns=resolve_pronouns
    )


def speakers(quotes: pd.DataFrame, *, across_articles: bool = False) -> pd.DataFrame:
    """Who is quoted, how often and at what length: the speaker table of a quotes frame.

    Args:
        quotes: the result of :func:`extract_quotes` or :func:`quotes_frame`.
        across_articles: for a :func:`quotes_frame` (with ``article_id``), merge the same
            speaker name across articles (adding ``n_articles``); by default the table has one
            row per article and speaker, with ``article_id`` first.

    Returns:
        DataFrame with columns ``speaker``, ``n_quotes`` (statements attributed),
        ``n_words`` (words in their content), ``first_position`` (offset of the first
        statement in its article; with ``across_articles`` the smallest over articles) and
        ``titles`` (titles and roles seen with the speaker, "; "-joined, "" when none).
        Rows with no speaker are left out. Sorted by ``n_quotes`` (descending), then
        ``first_position``.

    Examples:
        >>> q = extract_quotes("Ann Lee, the mayor, said it was late. She added that it was cold.")
        >>> speakers(q)[["speaker", "n_quotes", "titles"]].values.tolist()
        [['Ann Lee', 2, 'the mayor']]
    """
    missing = [c for c in ("speaker", "content", "start") if c not in quotes.columns]
    if missing:
        raise ParameterError(
            f"speakers() needs a quotes frame from extract_quotes or quotes_frame; missing columns: {missing}"
        )
    has_article = "article_id" in quotes.columns
    keys = ["article_id", "speaker"] if has_article and not across_articles else ["speaker"]
    count_articles = has_article and across_articles
    cols = keys + list(SPEAKER_COLUMNS[1:]) + (["n_articles"] if count_articles else [])
    present = quotes["speaker"].notna().to_numpy()
    if not present.any():
        return pd.DataFrame({c: pd.Series(dtype="object") for c in cols})
    # one pass over plain lists: groupby with a Python aggregation costs ~10 ms per call
    speaker_list = quotes["speaker"].tolist()
    content_list = quotes["content"].tolist()
    start_list = quotes["start"].tolist()
    title_list = quotes["speaker_title"].tolist() if "speaker_title" in quotes.columns else None
    article_list = quotes["article_id"].tolist() if has_article else None
    groups: dict[Any, list[Any]] = {}  # key -> [n_quotes, n_words, first_position, titles, articles]
    for i in np.flatnonzero(present).tolist():
        spk = speaker_list[i]
        key = (article_list[i], spk) if len(keys) == 2 else spk  # type: ignore[index]
        g = groups.get(key)
        if g is None:
            g = groups[key] = [0, 0, None, [], set()]
        g[0] += 1
        g[1] += len(_WORD_RE.findall(str(content_list[i])))
        start = int(start_list[i])
        g[2] = start if g[2] is None else min(g[2], start)
        title = title_list[i] if title_list is not None else ""
        if title is not None and not (isinstance(title, float) and title != title):
            for piece in str(title).split("; "):
                if piece and piece not in g[3]:
                    g[3].append(piece)
        if count_articles:
            aid = article_list[i]  # type: ignore[index]
            if not pd.isna(aid):
                g[4].add(aid)
    items = list(groups.items())
    if len(keys) == 2:
        items.sort(key=lambda kv: (-kv[1][0], kv[1][2]))
        items.sort(key=lambda kv: kv[0][0])  # stable: by article, then quotes, then position
    else:
        items.sort(key=lambda kv: (-kv[1][0], kv[1][2]))
    n = len(items)
    out: dict[str, Any] = {}
    if len(keys) == 2:
        out["article_id"] = _like(quotes["article_id"], [k[0] for k, _ in items])
        out["speaker"] = _like(quotes["speaker"], [k[1] for k, _ in items])
    else:
        out["speaker"] = _like(quotes["speaker"], [k for k, _ in items])
    out["n_quotes"] = np.fromiter((g[0] for _, g in items), dtype=np.int64, count=n)
    out["n_words"] = np.fromiter((g[1] for _, g in items), dtype=np.int64, count=n)
    out["first_position"] = np.fromiter((g[2] for _, g in items), dtype=np.int64, count=n)
    out["titles"] = _str_array(["; ".join(g[3]) for _, g in items])
    if count_articles:
        out["n_articles"] = np.fromiter((len(g[4]) for _, g in items), dtype=np.int64, count=n)
    return pd.DataFrame(out, index=pd.RangeIndex(n), copy=False)


def _like(column: pd.Series, values: list[Any]) -> Any:
    """``values`` as an array of ``column``'s dtype (cheap for text columns)."""
    if column.dtype == _STR_DTYPE and _STR_DTYPE != object:
        return pd.array(values, dtype=_STR_DTYPE)
    return pd.Series(values, dtype=column.dtype).array


# --- HTML -----------------------------------------------------------------------------------------
_PALETTE = (
    "#fde68a", "#bfdbfe", "#bbf7d0", "#fbcfe8", "#ddd6fe", "#fed7aa",
    "#a5f3fc", "#e9d5ff", "#fecaca", "#d9f99d",
)
_UNKNOWN_COLOUR = "#e5e7eb"


def highlight_html(text: str, quotes: pd.DataFrame, *, max_speakers: int = 10) -> str:
    """The article as escaped HTML with statements highlighted, one colour per speaker.

    Content spans are ``<mark>`` elements coloured by speaker (grey when unknown; speakers
    beyond ``max_speakers`` share the grey) with the speaker and cue in a tooltip; speaker
    mentions are bold and underlined. A legend lists the colours. All article text goes
    through :func:`html.escape`, so a text containing ``<script>`` shows it as text.

    Args:
        text: the article text the quotes were extracted from.
        quotes: the result of ``extract_quotes(text)`` (offsets into ``text``).
        max_speakers: how many speakers get their own colour.

    Returns:
        An HTML fragment (a ``<div>``), paragraphs as ``<p>``.

    Examples:
        >>> q = extract_quotes("<script>x</script> Ann Lee said it was late.")
        >>> "<script>" in highlight_html("<script>x</script> Ann Lee said it was late.", q)
        False
    """
    n = len(text)
    owner = [-1] * (n + 1)  # index of the speaker colour for content characters
    ment = bytearray(n + 1)
    tips: dict[int, str] = {}
    order: list[str] = []
    for row in quotes.itertuples(index=False):
        spk = row.speaker if isinstance(row.speaker, str) else None
        if spk is not None and spk not in order:
            order.append(spk)
    colour_of = {s: _PALETTE[i] if i < min(max_speakers, len(_PALETTE)) else _UNKNOWN_COLOUR for i, s in enumerate(order)}
    keys = list(colour_of)
    for k, row in enumerate(quotes.itertuples(index=False)):
        s, e = int(row.start), int(row.end)
        if not (0 <= s < e <= n):
            continue
        spk = row.speaker if isinstance(row.speaker, str) else None
        idx = keys.index(spk) if spk is not None else -2
        for i in range(s, e):
            owner[i] = idx
        tips[s] = f"{spk or 'unknown speaker'} ({row.cue or 'continued'}, {row.type})"
        ss, se = row.speaker_start, row.speaker_end
        if ss is not None and not pd.isna(ss) and se is not None and not pd.isna(se) and 0 <= int(ss) < int(se) <= n:
            for i in range(int(ss), int(se)):
                ment[i] = 1
    seg = segment(text)
    parts = ['<div class="quotes-highlight" style="line-height:1.6">']
    for ps, pe in seg.paragraphs:
        parts.append("<p>")
        i = ps
        while i < pe:
            j = i + 1
            while j < pe and owner[j] == owner[i] and ment[j] == ment[i] and j not in tips:
                j += 1
            piece = html.escape(text[i:j])
            if ment[i]:
                piece = f'<b style="text-decoration:underline">{piece}</b>'
            if owner[i] != -1:
                colour = _UNKNOWN_COLOUR if owner[i] == -2 else colour_of[keys[owner[i]]]
                title = html.escape(tips.get(i, ""), quote=True)
                attr = f' title="{title}"' if title else ""
                piece = f'<mark style="background:{colour}"{attr}>{piece}</mark>'
            parts.append(piece)
            i = j
        parts.append("</p>")
    legend = [
        f'<span style="background:{colour_of[s]};padding:0 .4em;margin-right:.6em">{html.escape(s)}</span>'
        for s in keys
        if colour_of[s] != _UNKNOWN_COLOUR
    ]
    legend.append(f'<span style="background:{_UNKNOWN_COLOUR};padding:0 .4em">other or unknown speaker</span>')
    parts.append('<p style="font-size:90%"><b>Speakers:</b> ' + " ".join(legend) + "</p></div>")
    return "".join(parts)


# quiet "imported but unused" for names kept for readers of this module
_ = (CONJUNCTIONS, MONTHS)
