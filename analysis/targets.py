"""Sentiment toward a person, organisation or place: its mentions, and how each sentence treats it.

The tone of a sentence is not its tone toward everyone in it. In "Critics attacked Smith's
plan" the sentence is negative toward Smith; in "Smith warned that the deal would fail" it is
full of negative words, yet it reports Smith's view rather than judging Smith. :func:`toward`
scores one mention; :func:`target_mentions` finds every mention of the named targets and
scores each, keeping the sentence as evidence; :func:`target_sentiment` sums that up per
target.

Mentions of a target (matched case-insensitively, on word boundaries):

- the name itself, also before a possessive ("Iran’s");
- its surname when the target is a full name ("Donald Trump" → "Trump");
- a demonym derived by rule when it occurs in the text (Iran → Iranian, Iraq → Iraqi,
  Russia → Russian, China → Chinese); cheap and incomplete (no "Dutch", no "French");
- pronouns, only when a quotes table (from :func:`analysis.quotes.extract_quotes`) says the
  pronoun is a speaker resolved to the target ("He warned ..." → Majid Takht-Ravanchi).
"""

from __future__ import annotations

import re
from collections import Counter

import numpy as np
import pandas as pd

from . import news_sentiment as ns
from . import vader
from .errors import ParameterError, check_choice
from .news_sentiment import DEFAULT_METHOD, METHODS, Method
from .text import segment

__all__ = [
    "MENTION_COLUMNS",
    "TARGET_COLUMNS",
    "main_actors",
    "target_mentions",
    "target_sentiment",
    "toward",
]

TARGET_COLUMNS = (
    "target",
    "n_mentions",
    "score",
    "min",
    "max",
    "n_positive",
    "n_neutral",
    "n_negative",
)
MENTION_COLUMNS = (
    "target",
    "mention",
    "start",
    "end",
    "via",
    "sent_id",
    "sent_start",
    "sent_end",
    "sentence",
    "score",
)

_PRONOUNS = frozenset("he she him her his hers they them their it its".split())
_NEUTRAL = 0.05


def _sentence_for(text: str, start: int, end: int) -> tuple[int, int, int]:
    """``(sent_id, sent_start, sent_end)`` of the sentence holding ``text[start:end]``."""
    seg = segment(text)
    sid = seg.sentence_of(start)
    if sid < 0:
        return -1, 0, len(text)
    s0, s1 = seg.sentences[sid]
    return sid, s0, max(s1, min(end, len(text)))


def toward(text: str, start: int, end: int, *, method: Method = DEFAULT_METHOD) -> float:
    """Sentiment toward the mention ``text[start:end]``, in -1..1 (< 0 negative, > 0 positive).

    Only the sentence holding the mention is read.

    - ``method="news"``: a three-class model trained on NewsMTSC (political news sentences
      labelled for their sentiment toward one person). It weighs the tone of the words
      around the mention and of its clause, and knows that the speaker of "X said ..." is not
      the target of the statement's tone. The sign is the most likely class, the size its
      probability (|score| < 0.05 means neutral is most likely); see
      :func:`analysis.news_sentiment.target_score`.
    - ``method="vader"``: VADER's compound of the mention's clause (the text between the
      nearest commas, semicolons, brackets, dashes or "but"/"while"/"although" on each side,
      the mention itself left out). A rule of thumb, not a model.

    Raises:
        ParameterError: the offsets are outside the text or empty, or ``method`` is unknown.

    Examples:
        >>> s = "Fans adore Smith, but critics despise Jones."
        >>> toward(s, 11, 16, method="vader") > 0 > toward(s, 38, 43, method="vader")
        True
    """
    check_choice("method", method, METHODS)
    if not (0 <= start < end <= len(text)):
        raise ParameterError(
            f"toward(): start={start}, end={end} must satisfy 0 <= start < end <= {len(text)} "
            "(the offsets of the mention in the text)"
        )
    _, s0, s1 = _sentence_for(text, start, end)
    sentence = text[s0:s1]
    a, b = start - s0, end - s0
    if method == "news":
        return ns.target_score(sentence, a, b)
    norm = sentence.replace("\u2019", "'")
    c0, c1 = ns._clause_span(norm, a, b)
    clause = norm[c0:a] + " " + norm[b:c1]
    return vader.polarity_scores(clause)["compound"] if clause.strip() else 0.0


def _demonyms(name: str) -> list[str]:
    if " " in name or len(name) < 3:
        return []
    forms = [name + "ian", name + "i"]
    if name.endswith("a"):
        forms += [name + "n", name[:-1] + "ese"]
    else:
        forms.append(name + "ese")
    return forms


def _name_pattern(forms: list[str]) -> re.Pattern[str]:
    alts = "|".join(re.escape(f) for f in sorted(set(forms), key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])", re.IGNORECASE)


def _surname_match(speaker: object, target: str) -> bool:
    if not isinstance(speaker, str) or not speaker:
        return False
    t = target.lower()
    s = speaker.lower()
    return s == t or s.split()[-1] == t.split()[-1]


def _mentions_of(text: str, target: str, quotes: pd.DataFrame | None) -> list[tuple[int, int, str]]:
    found: dict[tuple[int, int], str] = {}
    name = target.strip()
    for m in _name_pattern([name]).finditer(text):
        found[m.span()] = "name"
    words = name.split()
    if len(words) > 1:
        for m in _name_pattern([words[-1]]).finditer(text):
            if not any(a <= m.start() < b for a, b in found):
                found[m.span()] = "surname"
    demonyms = _demonyms(name)
    if demonyms:
        for m in _name_pattern(demonyms).finditer(text):
            found.setdefault(m.span(), "demonym")
    if quotes is not None and len(quotes):
        needed = {"speaker", "speaker_start", "speaker_end"}
        if not needed <= set(quotes.columns):
            raise ParameterError(
                "quotes needs the columns speaker, speaker_start and speaker_end "
                "(the frame analysis.quotes.extract_quotes returns)"
            )
        for sp, a, b in zip(quotes["speaker"], quotes["speaker_start"], quotes["speaker_end"]):
            if pd.isna(a) or pd.isna(b) or not _surname_match(sp, name):
                continue
            a, b = int(a), int(b)
            if text[a:b].strip().lower() in _PRONOUNS and (a, b) not in found:
                found[(a, b)] = "pronoun"
    return sorted((a, b, via) for (a, b), via in found.items())


def target_mentions(
    text: str,
    targets: list[str] | tuple[str, ...] | str | None = None,
    *,
    method: Method = DEFAULT_METHOD,
    quotes: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Every mention of each target with its sentence and :func:`toward` score: the evidence.

    Args:
        text: the article body.
        targets: names to look for; a single string is one target; ``None`` takes
            :func:`main_actors` of the text.
        method: ``news`` or ``vader`` (see :func:`toward`).
        quotes: optional quotes table of ``text`` (``analysis.quotes.extract_quotes``); its
            pronoun speakers resolved to a target count as mentions.

    Returns:
        DataFrame with columns :data:`MENTION_COLUMNS`: ``target``, ``mention`` (as written,
        ``text[start:end]``), ``start``, ``end``, ``via`` (``name``, ``surname``, ``demonym`` or
        ``pronoun``), ``sent_id``, ``sent_start``, ``sent_end`` and ``sentence`` (the sentence
        read, ``text[sent_start:sent_end]``), ``score`` (-1..1). Rows by target order, then
        position.

    Examples:
        >>> m = target_mentions("Iran’s envoy spoke. Iranian officials agreed.", "Iran")
        >>> m[["mention", "via"]].values.tolist()
        [['Iran', 'name'], ['Iranian', 'demonym']]
    """
    check_choice("method", method, METHODS)
    if targets is None:
        targets = main_actors(text)
    elif isinstance(targets, str):
        targets = [targets]
    rows = []
    for target in targets:
        if not isinstance(target, str) or not target.strip():
            raise ParameterError(f"targets must be non-empty names, got {target!r}")
        for a, b, via in _mentions_of(text, target, quotes):
            sid, s0, s1 = _sentence_for(text, a, b)
            score = toward(text, a, b, method=method)
            rows.append((target, text[a:b], a, b, via, sid, s0, s1, text[s0:s1], score))
    df = pd.DataFrame(rows, columns=list(MENTION_COLUMNS))
    return df.astype(
        {"start": "int64", "end": "int64", "sent_id": "int64", "sent_start": "int64",
         "sent_end": "int64", "score": "float64"}
    )


def target_sentiment(
    text: str,
    targets: list[str] | tuple[str, ...] | str | None = None,
    *,
    method: Method = DEFAULT_METHOD,
    quotes: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Sentiment toward each target: the mean :func:`toward` score over its mentions.

    The evidence for each row (each mention, its sentence and its score) is
    :func:`target_mentions` with the same arguments.

    Returns:
        DataFrame with columns :data:`TARGET_COLUMNS`, one row per target in the order given:
        ``n_mentions``; ``score`` (mean over mentions, -1..1, NaN with no mention); ``min`` and
        ``max`` of the mention scores; ``n_positive``/``n_neutral``/``n_negative`` (mentions
        scoring >= 0.05, between, <= -0.05).

    Examples:
        >>> t = target_sentiment("Critics praised Lee. Lee's rival failed badly.", ["Lee", "Kim"])
        >>> t[["target", "n_mentions"]].values.tolist()
        [['Lee', 2], ['Kim', 0]]
    """
    mentions = target_mentions(text, targets, method=method, quotes=quotes)
    if targets is None:
        names = list(dict.fromkeys(mentions["target"]))
    else:
        names = [targets] if isinstance(targets, str) else list(targets)
    rows = []
    for name in names:
        s = mentions.loc[mentions["target"] == name, "score"].to_numpy()
        if len(s):
            rows.append((name, len(s), float(s.mean()), float(s.min()), float(s.max()),
                         int((s >= _NEUTRAL).sum()), int((np.abs(s) < _NEUTRAL).sum()),
                         int((s <= -_NEUTRAL).sum())))
        else:
            rows.append((name, 0, np.nan, np.nan, np.nan, 0, 0, 0))
    return pd.DataFrame(rows, columns=list(TARGET_COLUMNS))


_CAP_SEQ_RE = re.compile(r"\b[A-Z][\w’'-]*[\w](?:\s+[A-Z][\w’'-]*[\w])*")
_NOT_ACTORS = frozenset(
    """The A An He She It They We I This That These Those His Her Their Its Our But And In On At
    After Before When While If However Despite During Mr Mrs Ms Dr By For As Some Many One
    Although Though Yet Still Also So Then Now What Why How Who Where There Here Two Three
    January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday""".split()
)


def main_actors(text: str, n: int = 5) -> list[str]:
    """The ``n`` most mentioned names in ``text``, a cheap guess at its main actors.

    Capitalised words and runs of them ("Majid Takht-Ravanchi", "Iran"), counted by their
    last word so that "Donald Trump" and "Trump" add up, reported in their most frequent
    form; sentence-initial function words and months are skipped. No named-entity model:
    expect the odd "Joint Comprehensive Plan" among them.

    Examples:
        >>> main_actors("Iran met Trump. Donald Trump said Iran and Iran's allies agreed.", 2)
        ['Iran', 'Trump']
    """
    counts: Counter[str] = Counter()
    for m in _CAP_SEQ_RE.finditer(text):
        words = m.group(0).replace("’", "'").split()
        words = [w[:-2] if w.endswith("'s") else w for w in words]
        while words and words[0] in _NOT_ACTORS:
            words = words[1:]
        if not words:
            continue
        key = words[-1]
        counts[key] += 1
    return [key for key, _ in counts.most_common(n)]
