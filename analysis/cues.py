"""Cue verbs: the reporting verbs and phrases that introduce an attributed statement.

The lexicon is ``analysis/data/cue_verbs.tsv`` (loaded by :func:`analysis.resources.cue_verbs`);
this module inflects its lemmas (say → says, said, saying) and finds cues in a run of word
tokens, longest phrase first ("pointed out" before "pointed"; "according to"); a two-word
phrase may hold a manner or frequency adverb ("spoke highly of", "talked openly about").

Each cue has a ``category``: ``neutral`` verbs report without judging ("said", "told",
"according to"), ``loaded`` verbs add the writer's framing of the speaker or of the claim
("claimed" distances, "admitted" implies a concession, "insisted" and "warned" dramatise). See
the AP Stylebook entry on "said" and Bergler (2006), *Conveying attitude with reported speech*.
Evidentials ("seemed", "appears", "is seen as"), stances ("endorsed", "voted for") and verbs of
thinking are ``neutral``: they report a view without the writer judging the speaker.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import pandas as pd

from .resources import cue_verbs

__all__ = ["Cue", "cue_lexicon", "cue_table", "inflect", "match_cue"]

_VOWELS = "aeiou"


@dataclass(frozen=True)
class Cue:
    """One inflected form of a cue in the lexicon.

    Attributes:
        form: the words as written, lower case ("pointed out").
        lemma: the dictionary form ("point out").
        category: ``neutral`` or ``loaded``.
        frame: the finer class (report, cognition, stance, perception, factive, assertive,
            distancing, conceding, hedging, emotive, warning, rejecting, urging; ``other`` for a
            verb outside the lexicon that :mod:`analysis.quotes` accepts before a "that"
            clause). ``perception`` marks the writer's evidentials ("seemed", "appears",
            "known as", "is seen as"), reported without a speaker.
        complement: ``any``; ``clause`` (as a participle it needs "that", a quote or a colon);
            ``strict`` (a clause in every form: "added that ...", not "added 10 points").
        participle: the form is an -ing form or "according to" (it has no subject of its own).
    """

    form: str
    lemma: str
    category: str
    frame: str
    complement: str
    participle: bool


def inflect(lemma: str) -> list[str]:
    """Regular English forms of a verb lemma: base, -s, -ed, -ing.

    Examples:
        >>> inflect("note")
        ['note', 'notes', 'noted', 'noting']
        >>> inflect("stress")
        ['stress', 'stresses', 'stressed', 'stressing']
        >>> inflect("point out")
        ['point out', 'points out', 'pointed out', 'pointing out']
    """
    head, _, rest = lemma.partition(" ")
    tail = f" {rest}" if rest else ""
    if head.endswith(("s", "sh", "ch", "x", "z")):
        third = head + "es"
    elif head.endswith("y") and head[-2:-1] not in _VOWELS:
        third = head[:-1] + "ies"
    else:
        third = head + "s"
    if head.endswith("e"):
        past, ing = head + "d", head[:-1] + "ing"
    elif head.endswith("y") and head[-2:-1] not in _VOWELS:
        past, ing = head[:-1] + "ied", head + "ing"
    else:
        past, ing = head + "ed", head + "ing"
    return [f"{w}{tail}" for w in (head, third, past, ing)]


@functools.cache
def cue_lexicon() -> dict[str, list[Cue]]:
    """Every inflected cue, indexed by its first word (lower case); longest phrases first."""
    index: dict[str, list[Cue]] = {}
    for row in cue_verbs():
        forms = [f.strip() for f in row["forms"].split(",") if f.strip()] or inflect(row["lemma"])
        for form in forms:
            participle = form.split()[0].endswith("ing") or form == "according to"
            cue = Cue(form, row["lemma"], row["category"], row["frame"], row["complement"], participle)
            index.setdefault(form.split()[0], []).append(cue)
    for cues in index.values():
        cues.sort(key=lambda c: -len(c.form.split()))
    return index


def match_cue(words: list[str], i: int) -> Cue | None:
    """The longest cue starting at ``words[i]`` (lower-case words), or None.

    Examples:
        >>> match_cue(["he", "pointed", "out", "that"], 1).lemma
        'point out'
        >>> match_cue(["according", "to", "officials"], 0).participle
        True
        >>> match_cue(["the", "plan"], 1) is None
        True
        >>> match_cue(["she", "spoke", "warmly", "about", "it"], 1).form
        'spoke warmly about'
    """
    cues = cue_lexicon().get(words[i], ())
    adverb = i + 2 < len(words) and _inserted_adverb(words[i + 1])
    for cue in cues:
        parts = cue.form.split()
        if words[i : i + len(parts)] == parts:
            return cue
        if adverb and len(parts) == 2 and words[i + 2] == parts[1]:
            # "spoke highly of", "called again for": an adverb inside a two-word cue
            return Cue(" ".join(words[i : i + 3]), cue.lemma, cue.category, cue.frame, cue.complement, cue.participle)
    return None


_ADVERBS_INSIDE = frozenset("again also often openly".split())
_NOT_ADVERBS_INSIDE = frozenset("only early family daily likely rally ally".split())


def _inserted_adverb(word: str) -> bool:
    """A manner or frequency adverb that may sit inside a phrasal cue ("spoke highly of",
    "pushed again for", "talked openly about")."""
    return word in _ADVERBS_INSIDE or (len(word) > 4 and word.endswith("ly") and word not in _NOT_ADVERBS_INSIDE)


def cue_table() -> pd.DataFrame:
    """The lexicon as a DataFrame: one row per lemma with ``lemma``, ``category``, ``frame``,
    ``complement`` and ``forms`` (comma-separated), for notebooks and documentation.

    Examples:
        >>> t = cue_table()
        >>> t.set_index("lemma").loc["claim", "category"]
        'loaded'
    """
    rows = []
    for row in cue_verbs():
        forms = [f.strip() for f in row["forms"].split(",") if f.strip()] or inflect(row["lemma"])
        rows.append({**row, "forms": ", ".join(forms)})
    return pd.DataFrame(rows, columns=["lemma", "category", "frame", "complement", "forms"])
