"""Readability formulas: arithmetic on counts of words, sentences, syllables and letters.

Each function takes the counts (see :func:`analysis.stats.text_stats`, which computes them from
a text) and returns a float, or NaN when a count it divides by is zero. None of them looks at
meaning: they score long sentences and long words as hard. They were fitted on American school
texts and most give a US school grade (the years of schooling a reader needs): grade 8 is about
age 13-14, grade 12 the end of secondary school, above 12 university level.

========================  ==================  =========================================
function                  scale               direction
========================  ==================  =========================================
flesch_reading_ease       0-100 (can leave)   higher = easier to read
flesch_kincaid_grade      US grade            higher = harder to read
gunning_fog               US grade            higher = harder to read
smog_index                US grade            higher = harder to read
coleman_liau              US grade            higher = harder to read
automated_readability     US grade            higher = harder to read
========================  ==================  =========================================
"""

from __future__ import annotations

import math

__all__ = [
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau",
    "automated_readability_index",
    "flesch_band",
]

_NAN = float("nan")


def _ratio(num: float, den: float) -> float:
    return num / den if den else _NAN


def flesch_reading_ease(n_words: int, n_sentences: int, n_syllables: int) -> float:
    """Flesch Reading Ease: ``206.835 - 1.015 * words/sentence - 84.6 * syllables/word``.

    Source: Flesch, R. (1948). A new readability yardstick. *Journal of Applied Psychology*
    32(3), 221-233.

    Returns:
        A score, usually between 0 and 100 (it can fall below 0 or exceed 100): **higher = easier
        to read**. Flesch's bands: 90-100 very easy, 80-90 easy, 70-80 fairly easy, 60-70
        standard (plain English), 50-60 fairly difficult, 30-50 difficult, 0-30 very difficult.
        NaN when there are no words or no sentences.

    Examples:
        >>> round(flesch_reading_ease(100, 5, 150), 2)  # 206.835 - 1.015*20 - 84.6*1.5
        59.64
    """
    wps = _ratio(n_words, n_sentences)
    spw = _ratio(n_syllables, n_words)
    return 206.835 - 1.015 * wps - 84.6 * spw


def flesch_band(score: float) -> str:
    """Flesch's (1948) verbal label for a reading-ease score ("standard" for 60-70).

    Examples:
        >>> flesch_band(65), flesch_band(25), flesch_band(float("nan"))
        ('standard', 'very difficult', 'n/a')
    """
    if score != score:  # NaN
        return "n/a"
    for bound, label in ((90, "very easy"), (80, "easy"), (70, "fairly easy"), (60, "standard"),
                         (50, "fairly difficult"), (30, "difficult")):
        if score >= bound:
            return label
    return "very difficult"


def flesch_kincaid_grade(n_words: int, n_sentences: int, n_syllables: int) -> float:
    """Flesch-Kincaid grade level: ``0.39 * words/sentence + 11.8 * syllables/word - 15.59``.

    Source: Kincaid, J. P., Fishburne, R. P., Rogers, R. L. & Chissom, B. S. (1975).
    *Derivation of new readability formulas for Navy enlisted personnel*. Research Branch
    Report 8-75, Naval Technical Training Command.

    Returns:
        A US school grade: **higher = harder to read**. NaN without words or sentences.

    Examples:
        >>> round(flesch_kincaid_grade(100, 5, 150), 2)  # 0.39*20 + 11.8*1.5 - 15.59
        9.91
    """
    return 0.39 * _ratio(n_words, n_sentences) + 11.8 * _ratio(n_syllables, n_words) - 15.59


def gunning_fog(n_words: int, n_sentences: int, n_complex_words: int) -> float:
    """Gunning fog index: ``0.4 * (words/sentence + 100 * complex words/words)``.

    Source: Gunning, R. (1952). *The Technique of Clear Writing*. McGraw-Hill.

    A complex word has three or more syllables. Gunning did not count proper names, compounds
    of easy words, or verbs made three syllables by *-ed*/*-es*; like most software, the kit
    counts every word of three syllables or more (``n_polysyllable_words``), so names such as
    "Takht-Ravanchi" raise the index.

    Returns:
        A US school grade: **higher = harder to read**. NaN without words or sentences.

    Examples:
        >>> round(gunning_fog(100, 5, 10), 2)  # 0.4 * (20 + 100 * 10/100)
        12.0
    """
    return 0.4 * (_ratio(n_words, n_sentences) + 100 * _ratio(n_complex_words, n_words))


def smog_index(n_sentences: int, n_polysyllables: int) -> float:
    """SMOG grade: ``1.0430 * sqrt(polysyllables * 30 / sentences) + 3.1291``.

    Source: McLaughlin, G. H. (1969). SMOG grading: a new readability formula. *Journal of
    Reading* 12(8), 639-646. SMOG counts words of three or more syllables in 30 sentences; for
    any other number of sentences the count is scaled to 30 (``* 30 / sentences``).
    McLaughlin built it for samples of 30 sentences: on a short article it is rough.

    Returns:
        A US school grade: **higher = harder to read**. NaN without sentences.

    Examples:
        >>> round(smog_index(10, 12), 2)  # 1.0430 * sqrt(12*30/10) + 3.1291 = 1.043*6 + 3.1291
        9.39
    """
    if not n_sentences:
        return _NAN
    return 1.0430 * math.sqrt(n_polysyllables * 30 / n_sentences) + 3.1291


def coleman_liau(n_words: int, n_sentences: int, n_letters: int) -> float:
    """Coleman-Liau index: ``0.0588 * L - 0.296 * S - 15.8``.

    ``L`` is letters per 100 words, ``S`` sentences per 100 words. It counts letters instead of
    syllables, so it needs no dictionary.

    Source: Coleman, M. & Liau, T. L. (1975). A computer readability formula designed for
    machine scoring. *Journal of Applied Psychology* 60(2), 283-284.

    Returns:
        A US school grade: **higher = harder to read**. NaN without words.

    Examples:
        >>> round(coleman_liau(100, 5, 500), 2)  # 0.0588*500 - 0.296*5 - 15.8
        12.12
    """
    letters_per_100 = 100 * _ratio(n_letters, n_words)
    sentences_per_100 = 100 * _ratio(n_sentences, n_words)
    return 0.0588 * letters_per_100 - 0.296 * sentences_per_100 - 15.8


def automated_readability_index(n_words: int, n_sentences: int, n_chars: int) -> float:
    """Automated Readability Index: ``4.71 * characters/word + 0.5 * words/sentence - 21.43``.

    Source: Senter, R. J. & Smith, E. A. (1967). *Automated Readability Index*. Report
    AMRL-TR-66-220, Aerospace Medical Research Laboratories, Wright-Patterson Air Force Base.

    Returns:
        A US school grade: **higher = harder to read**. NaN without words or sentences.

    Examples:
        >>> round(automated_readability_index(100, 5, 480), 2)  # 4.71*4.8 + 0.5*20 - 21.43
        11.18
    """
    return 4.71 * _ratio(n_chars, n_words) + 0.5 * _ratio(n_words, n_sentences) - 21.43
