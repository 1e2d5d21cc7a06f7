"""English lemmas from the ``simplemma`` package, with its dictionary decoded once at setup.

``simplemma.lemmatize(word, lang="en")`` decodes simplemma's compressed English dictionary
(181,612 forms) the first time it runs: about 0.17 s, paid by every process that lemmatises
(each ``analyse`` run, each report kernel). ``make setup`` stores the decoded dictionary in
the virtual environment (:func:`build_cache`, :data:`CACHE_NAME` under
``<venv>/share/news-analysis-kit/``), which loads in about a quarter of that time.

:func:`lemmatize` gives exactly what ``simplemma.lemmatize(word, lang="en")`` gives: with the
cache it runs simplemma's own default strategy over the cached dictionary (simplemma's
``DictionaryFactory`` interface), without it simplemma as usual. The cache is used only when
it was built from the installed simplemma data file (same SHA-256) by the same Python
(``marshal`` format); otherwise it is ignored, never an error. A test compares the two on
every dictionary form and on the words of the corpus tests.

Command line: ``python -m analysis.lemmas`` builds (or rebuilds) the cache and says where.
"""

from __future__ import annotations

import functools
import hashlib
import marshal
import os
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from .errors import ResourceError

#: The cache's file name, in :func:`cache_dir`.
CACHE_NAME = "simplemma-en.marshal"
_MAGIC = "news-analysis-kit simplemma-en 1"


def cache_dir() -> Path:
    """Where :func:`build_cache` writes: ``share/news-analysis-kit`` in the running Python's
    prefix (the project's ``.venv``), or ``$NEWS_ANALYSIS_CACHE`` when that is set."""
    env = os.environ.get("NEWS_ANALYSIS_CACHE")
    return Path(env) if env else Path(sys.prefix) / "share" / "news-analysis-kit"


def _data_file() -> Path | None:
    """simplemma's English dictionary file (``data/en.plzma``), or None when this simplemma
    keeps its data some other way."""
    from .resources import package_file

    try:  # found without importing simplemma, which takes about 60 ms
        path = package_file("simplemma", "strategies/dictionaries/data/en.plzma")
    except ModuleNotFoundError:
        return None
    return path if path.is_file() else None


def _header(data_file: Path) -> tuple[str, str, int]:
    return (_MAGIC, hashlib.sha256(data_file.read_bytes()).hexdigest(), marshal.version)


def _simplemma_dictionary() -> Mapping[str, str]:
    """The dictionary ``simplemma.lemmatize(..., lang="en")`` reads, loaded by simplemma."""
    try:
        from simplemma.strategies import DEFAULT_DICTIONARY_FACTORY
    except ImportError as exc:
        raise ResourceError(
            "lemmas come from the simplemma package, which is not installed; run `make setup`"
        ) from exc
    return DEFAULT_DICTIONARY_FACTORY.get_dictionary("en")


def _read_cache() -> dict[str, str] | None:
    """The cached dictionary if it matches the installed simplemma data and this Python."""
    data_file = _data_file()
    path = cache_dir() / CACHE_NAME
    if data_file is None or not path.is_file():
        return None
    try:
        header, entries = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if header != _header(data_file) or not isinstance(entries, dict):
        return None
    return entries


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
    """Decode simplemma's English dictionary and store it in :func:`cache_dir` (atomically).

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
    path = cache_dir() / CACHE_NAME
    tmp = path.with_name(path.name + f".tmp-{os.getpid()}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(marshal.dumps((_header(data_file), entries)))
        os.replace(tmp, path)
    except OSError as exc:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:  # the folder itself is missing or not one
            pass
        raise ResourceError(f"cannot write the lemma cache {path}: {exc.strerror or exc}") from exc
    return path


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
    try:
        import simplemma
    except ImportError as exc:
        raise ResourceError(
            "lemmas come from the simplemma package, which is not installed; run `make setup`"
        ) from exc
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


def main() -> int:
    """``python -m analysis.lemmas``: build the cache; one line on success or failure."""
    try:
        path = build_cache()
    except ResourceError as exc:
        print(f"lemma cache not built: {exc}", file=sys.stderr)
        return 0  # the kit works without it, only slower to start
    print(f"lemma cache: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
