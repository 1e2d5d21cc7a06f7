"""Checks on the kit's results: where a method is likely to be wrong, so a person reads those rows.

None of these functions corrects anything. They point at the cases that the method cards of
``notebooks/06-method-cards.ipynb`` and the quotes lesson (``notebooks/02-quotes.ipynb``) name as
weak spots, and compare the quote extractor with a reader's answer:

- :func:`sign`: the sign of a sentiment score, with the usual neutral band (VADER's authors,
  Hutto & Gilbert 2014, call ``|compound| < 0.05`` neutral; the scorer of the human-rated news
  sentences maps both sides with the same band);
- :func:`failure_conditions`: how often the cards' failure conditions occur in some articles;
- :func:`quotes_to_check`: statements of :func:`analysis.quotes.extract_quotes` that match a
  pattern of the extractor's typical errors;
- :func:`quote_verdicts`: the extractor's speaker and cue against a reader's, sentence by sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

from . import quotes, sentiment, terms, vader
from .frames import ArticlesLike

__all__ = [
    "CHECK_COLUMNS",
    "CONDITION_COLUMNS",
    "VERDICT_COLUMNS",
    "failure_conditions",
    "quote_verdicts",
    "quotes_to_check",
    "sign",
]

#: Columns of :func:`failure_conditions`.
CONDITION_COLUMNS = ("condition", "n", "total", "unit", "share")
#: Columns of :func:`quotes_to_check` (the index is the row label in the statements frame).
CHECK_COLUMNS = ("content", "type", "cue", "speaker", "check")
#: Columns of :func:`quote_verdicts`.
VERDICT_COLUMNS = ("sentence", "reader", "extractor", "verdict")

#: Pronouns that, as a speaker, mean the extractor found no antecedent (it resolves the others).
PRONOUNS = frozenset("he she it they we i you who him her them us me".split())

#: Words a reported clause hardly ever ends on: a content ending on one was most likely cut off
#: (articles, conjunctions, relative pronouns, prepositions that need an object). Words that
#: often end a clause as a particle or an adverb ("go on", "give in", "said when", "that") are
#: left out, so "before" and "after" are the only adverbs in the list.
DANGLING_WORDS = frozenset(
    """a an the and or but nor of to at by for with into onto before after during until because
    than which who whom whose if without against toward towards upon via despite amid among""".split()
)

_WORD_RE = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


def sign(score: float, neutral: float = 0.05) -> int:
    """The sign of a sentiment score: +1 positive, -1 negative, 0 within the neutral band.

    Args:
        score: a compound score (-1..1; VADER's or the news scorer's).
        neutral: half-width of the neutral band; ``|score| < neutral`` counts as neutral.

    Returns:
        ``1``, ``-1`` or ``0``.

    Examples:
        >>> sign(0.34), sign(-0.6705), sign(0.02), sign(-0.05)
        (1, -1, 0, -1)
    """
    if abs(score) < neutral:
        return 0
    return 1 if score > 0 else -1


def _vader_found_no_word(sentence: str) -> bool:
    return not any(vader.trace(sentence).valences)


def failure_conditions(articles: ArticlesLike) -> pd.DataFrame:
    """How often the failure conditions of the method cards occur in ``articles``.

    Args:
        articles: an ``Article``, a list of them, or a corpus DataFrame (as for
            :func:`analysis.sentiment.sentiment_frame`).

    Returns:
        DataFrame with columns :data:`CONDITION_COLUMNS`, one row per condition, in this order:

        - ``VADER found no word``: sentences in which no word is in VADER's lexicon (its score
          is 0 for lack of evidence, not because the sentence is neutral);
        - ``the two sentiment methods disagree in sign``: sentences that VADER and the news
          scorer put on opposite sides of the neutral band (:func:`sign`);
        - ``no speaker found``: statements whose ``speaker`` is missing ("Asked whether ...");
        - ``speaker is an unresolved pronoun``: statements whose speaker stayed a pronoun
          (:data:`PRONOUNS`: "she" before any name, "we", "I");
        - ``terms seen once``: distinct terms (stopwords left out) with a count of one.

        ``n`` out of ``total`` ``unit`` (sentences, statements or distinct terms);
        ``share`` = n / total (0..1), NaN when ``total`` is 0.

    Examples:
        >>> from analysis.loaders import Article
        >>> art = Article(id="a", title="", author="", text="The plan was approved. “It is over,” she said.")
        >>> c = failure_conditions(art).set_index("condition")
        >>> c.loc["speaker is an unresolved pronoun", ["n", "total"]].tolist()
        [1, 1]
        >>> int(c.loc["no speaker found", "n"]), c.loc["no speaker found", "unit"]
        (0, 'statements')
    """
    vader_frame = sentiment.sentiment_frame(articles, method="vader")
    news = sentiment.sentiment_frame(articles, method="news")["compound"]
    statements = quotes.quotes_frame(articles, on_error="skip")
    tf = terms.term_frequencies(articles)
    speakers = statements["speaker"]
    pronoun = speakers.notna() & speakers.fillna("").str.lower().isin(PRONOUNS)
    rows = [
        ("VADER found no word", sum(map(_vader_found_no_word, vader_frame["text"])), len(vader_frame),
         "sentences"),
        ("the two sentiment methods disagree in sign",
         sum(sign(a) * sign(b) < 0 for a, b in zip(vader_frame["compound"], news)), len(vader_frame), "sentences"),
        ("no speaker found", int(speakers.isna().sum()), len(statements), "statements"),
        ("speaker is an unresolved pronoun", int(pronoun.sum()), len(statements), "statements"),
        ("terms seen once", int((tf["count"] == 1).sum()), len(tf), "distinct terms"),
    ]
    out = pd.DataFrame(
        [(name, int(n), int(total), unit, n / total if total else float("nan")) for name, n, total, unit in rows],
        columns=list(CONDITION_COLUMNS),
    )
    return out


def _checks(content: str, kind: str, cue: str, speaker: str | None, min_words: int) -> list[str]:
    found = []
    words = _WORD_RE.findall(content)
    if kind != "direct":
        if len(words) < min_words:
            found.append("short content: a gerund or an infinitive taken for a statement?")
        if words and words[-1].lower() in DANGLING_WORDS:
            found.append(f"content ends on '{words[-1]}': cut off?")
    head = cue.split()[0].lower() if cue.split() else ""
    if head.endswith("ing") and cue.lower() != "according to":
        found.append("-ing cue: a new statement, and by this speaker?")
    if isinstance(speaker, str) and speaker:
        if speaker.lower() in PRONOUNS:
            found.append("speaker is a pronoun the extractor could not resolve")
        elif " " not in speaker.strip() and speaker[:1].isupper():
            found.append("one-word speaker: a place or institution for its people, a group, a surname?")
    return found


def quotes_to_check(statements: pd.DataFrame, *, min_words: int = 3) -> pd.DataFrame:
    """The statements that match a pattern of the extractor's typical errors, to read by hand.

    The patterns (a row can match several; a match is a reason to read, not an error):

    - a short content (fewer than ``min_words`` words, not a direct quote): often a gerund or
      an infinitive taken for a statement of its own ("to engage");
    - a content (not a direct quote) that ends on a word a clause cannot end on
      (:data:`DANGLING_WORDS`: "before", "by"): the content was most likely cut off;
    - a cue in *-ing* ("noting", "refusing"): a participle takes the speaker of the verb before
      it, and a gerund ("by refusing to engage") may be taken for a statement;
    - a speaker that stayed a pronoun ("she" before any name);
    - a one-word capitalised speaker: a place or an institution standing for its people
      (metonymy: "Tehran said"), a group ("Officials"), or a surname the article never gives in full.

    Args:
        statements: a frame of :func:`analysis.quotes.extract_quotes` or
            :func:`analysis.quotes.quotes_frame`.
        min_words: contents with fewer words than this count as short.

    Returns:
        The matching rows, with their index and ``article_id`` (when ``statements`` has one)
        kept, and columns :data:`CHECK_COLUMNS`; ``check`` lists the patterns, "; "-joined.
        No match gives an empty frame with these columns.

    Examples:
        >>> from analysis.quotes import extract_quotes
        >>> q = extract_quotes("Officials said the bridge would reopen. The mayor said the plan was fair.")
        >>> quotes_to_check(q)[["speaker", "check"]].values.tolist()
        [['Officials', 'one-word speaker: a place or institution for its people, a group, a surname?']]
    """
    keep = ["article_id"] if "article_id" in statements.columns else []
    checks = [
        "; ".join(_checks(str(c), str(t), "" if pd.isna(cue) else str(cue), None if pd.isna(s) else s, min_words))
        for c, t, cue, s in zip(statements["content"], statements["type"], statements["cue"], statements["speaker"])
    ]
    out = statements[keep + list(CHECK_COLUMNS[:-1])].assign(check=checks)
    return out[out["check"] != ""]


def quote_verdicts(cases: Iterable[tuple[str, str, str]]) -> pd.DataFrame:
    """The quote extractor's answer next to a reader's, for each sentence.

    Args:
        cases: ``(sentence, speaker, cue)`` triples: a sentence (or a short text) and the speaker
            and the cue a careful reader names in it.

    Returns:
        DataFrame with columns :data:`VERDICT_COLUMNS`: ``reader`` is "speaker / cue",
        ``extractor`` the extractor's statements as "speaker / cue" ("; "-joined, "(nothing)"
        when none), and ``verdict`` one of ``right`` (a statement has the reader's speaker and
        cue, ignoring case), ``wrong speaker`` (the cue is found, with another speaker), ``cue not
        found`` (statements, but none with that cue) or ``missed: no statement found``.

    Examples:
        >>> v = quote_verdicts([("The mayor said the plan was fair.", "the mayor", "said"),
        ...                     ("Jones called Smith, who said the deal was off.", "Jones", "said")])
        >>> v["verdict"].tolist()
        ['right', 'wrong speaker']
    """
    def same(a: object, b: str) -> bool:
        return isinstance(a, str) and a.strip().casefold() == b.strip().casefold()

    rows = []
    for sentence, speaker, cue in cases:
        found = quotes.extract_quotes(sentence)
        pairs = list(zip(found["speaker"], found["cue"]))
        if not pairs:
            verdict = "missed: no statement found"
        elif any(same(s, speaker) and same(c, cue) for s, c in pairs):
            verdict = "right"
        elif any(same(c, cue) for _, c in pairs):
            verdict = "wrong speaker"
        else:
            verdict = "cue not found"
        shown = "; ".join(f"{s if isinstance(s, str) else '(none)'} / {c if isinstance(c, str) and c else '(none)'}" for s, c in pairs)
        rows.append((sentence, f"{speaker} / {cue}", shown or "(nothing)", verdict))
    return pd.DataFrame(rows, columns=list(VERDICT_COLUMNS))
