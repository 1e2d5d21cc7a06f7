"""English lemmas from the ``simplemma`` package, with its dictionary decoded once at setup.

``simplemma.lemmatize(word, lang="en")`` decodes simplemma's compressed English dictionary
(181,612 forms) the first time it runs: about 0.17 s, paid by every process that lemmatises
(each ``analyse`` run, each report kernel). ``make setup`` stores the decoded dictionary in
the virtual environment (:func:`build_cache`, through :mod:`analysis.resource_cache`), which
loads in about a quarter of that time.

:func:`lemmatize` gives exactly what ``simplemma.lemmatize(word, lang="en")`` gives: with the
cache it runs simplemma's own default strategy over the cached dictionary (simplemma's
``DictionaryFactory`` interface), without it simplemma as usual. The cache is used only when
it was built from the installed simplemma data file (same SHA-256) by the same Python
(``marshal`` format); otherwise it is ignored, never an error. A test compares the two on
every dictionary form and on the words of the corpus tests.

Command line: ``python -m analysis.resource_cache`` builds (or rebuilds) it with the other
stored resources and says where.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from . import resource_cache
from .errors import ResourceError

#: The cache's resource name (:mod:`analysis.resource_cache`) and the version of what it holds.
CACHE_NAME = "simplemma-en"
_VERSION = 1


def _data_file() -> Path | None:
    """simplemma's English dictionary file (``data/en.plzma``), or None when this simplemma
    keeps its data some other way."""
    from .resources import package_file

    try:  # found without importing simplemma, which takes about 60 ms
        path = package_file("simplemma", "strategies/dictionaries/data/en.plzma")
    except ModuleNotFoundError:
        return None
    return path if path.is_file() else None


def simplemma_module() -> Any:
    """The ``simplemma`` package.

    Raises:
        ResourceError: it is not installed (a broken installation), with what to do.
    """
    try:
        import simplemma
    except ImportError as exc:
        raise ResourceError(
            "lemmas come from the simplemma package, which is not installed; run `make setup`"
        ) from exc
    return simplemma


def _simplemma_dictionary() -> Mapping[str, str]:
    """The dictionary ``simplemma.lemmatize(..., lang="en")`` reads, loaded by simplemma."""
    simplemma_module()
    from simplemma.strategies import DEFAULT_DICTIONARY_FACTORY

    return DEFAULT_DICTIONARY_FACTORY.get_dictionary("en")


def _read_cache() -> dict[str, str] | None:
    """The cached dictionary if it matches the installed simplemma data and this Python."""
    data_file = _data_file()
    if data_file is None:
        return None
    entries = resource_cache.read(CACHE_NAME, [data_file], _VERSION)
    return entries if isinstance(entries, dict) else None


@functools.cache
def _loaded() -> tuple[Mapping[str, str], bool]:
    cached = _read_cache()
    return (cached, True) if cached is not None else (_simplemma_dictionary(), False)


def english_dictionary() -> Mapping[str, str]:
    """simplemma's English dictionary, form -> lemma: the cache of :func:`build_cache` when it
    matches, else decoded by simplemma (both hold the same entries; a test compares them)."""
    return _loaded()[0]


def cache_in_use() -> bool:
    """Whether :func:`english_dictionary` came from the cache of :func:`build_cache`."""
    return _loaded()[1]


def build_cache() -> Path:
    """Decode simplemma's English dictionary and store it (:func:`analysis.resource_cache.write`).

    Returns:
        The cache file's path.

    Raises:
        ResourceError: simplemma is not installed, keeps its data in a way this module does not
            know, or the folder cannot be written.
    """
    data_file = _data_file()
    if data_file is None:
        raise ResourceError("this simplemma version keeps its dictionaries in an unknown place; no cache built")
    entries = _shared_strings(_simplemma_dictionary().items())
    return resource_cache.write(CACHE_NAME, [data_file], _VERSION, entries)


def _shared_strings(items: Iterable[tuple[str, str]]) -> dict[str, str]:
    """``dict(items)`` where equal strings are one object: a lemma that is also a form (75,454
    of the 181,612 entries are their own lemma, and many forms share one lemma) is stored
    once by ``marshal``, which writes a reference for an object it has already written. The
    file is a quarter smaller and loads about 30 % faster; the entries are the same."""
    canonical: dict[str, str] = {}
    one = canonical.setdefault
    return {one(form, form): one(lemma, lemma) for form, lemma in items}


class _CachedFactory:
    """simplemma's ``DictionaryFactory`` interface over :func:`english_dictionary`."""

    def get_dictionary(self, lang: str) -> Mapping[str, str]:
        if lang != "en":
            raise ValueError(f"only English is cached, not {lang!r}")
        return english_dictionary()


@functools.cache
def _lemmatizer() -> Any:
    """``simplemma.lemmatize`` for English: simplemma's default lemmatizer, over the cached
    dictionary when there is one (the same strategy and fallback as the module function)."""
    simplemma = simplemma_module()
    if cache_in_use():
        from simplemma.strategies import DefaultStrategy

        lemmatizer = simplemma.Lemmatizer(
            lemmatization_strategy=DefaultStrategy(dictionary_factory=_CachedFactory())
        )
        return functools.partial(lemmatizer.lemmatize, lang="en")
    return functools.partial(simplemma.lemmatize, lang="en")


def lemmatize(word: str) -> str:
    """``simplemma.lemmatize(word, lang="en")``, exactly.

    Examples:
        >>> lemmatize("negotiations")
        'negotiation'
    """
    return _lemmatizer()(word)
