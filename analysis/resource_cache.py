"""Language resources decoded once by ``make setup`` and stored in the virtual environment.

Some resources ship in a form that is slow to read at every start: simplemma's compressed
English dictionary (about 0.15 s to decode, :mod:`analysis.lemmas`) and the General
Inquirer's 11,000-row, 186-column CSV file (about 45 ms to parse, of which the kit needs three
columns, :func:`analysis.resources.sentiment_lexicon`). Every process that analyses pays it:
each ``analyse`` worker, each report kernel. ``make setup`` runs ``python -m
analysis.resource_cache``, which stores each one, decoded, as a ``marshal`` file in
:func:`cache_dir`; reading it back takes a few milliseconds (the lemma dictionary about 45).

A stored file is used only when it was built from the same source files (SHA-256 of each),
by the same version of the code that decodes them and by the same Python (``marshal``
format); otherwise :func:`read` gives ``None`` and the resource is decoded as usual, with the
same result. Tests compare the stored and decoded forms of each resource.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .errors import ResourceError

_MAGIC = "news-analysis-kit resource cache"


def cache_dir() -> Path:
    """Where the decoded resources are stored: ``share/news-analysis-kit`` in the running
    Python's prefix (the project's ``.venv``), or ``$NEWS_ANALYSIS_CACHE`` when that is set."""
    env = os.environ.get("NEWS_ANALYSIS_CACHE")
    return Path(env) if env else Path(sys.prefix) / "share" / "news-analysis-kit"


def path_of(name: str) -> Path:
    """The file of resource ``name`` in :func:`cache_dir` (``<name>.marshal``)."""
    return cache_dir() / f"{name}.marshal"


def _header(name: str, sources: Sequence[Path], version: int) -> tuple[Any, ...]:
    digests = tuple(hashlib.sha256(Path(p).read_bytes()).hexdigest() for p in sources)
    return (_MAGIC, name, version, digests, marshal.version)


def read(name: str, sources: Sequence[Path], version: int) -> Any | None:
    """The stored value of resource ``name``, or ``None`` when there is none that matches.

    Args:
        name: the resource's name (its file name without ``.marshal``).
        sources: the files it was decoded from; each one's SHA-256 must match.
        version: the version of the decoding code; bump it when the decoding changes.

    Returns:
        The value :func:`write` stored, or ``None`` if the file is missing, unreadable or
        damaged, or was built from other sources, by another version or another Python.
    """
    path = path_of(name)
    try:
        blob = path.read_bytes()
        header, value = marshal.loads(blob)
        expected = _header(name, sources, version)
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return value if header == expected else None


def write(name: str, sources: Sequence[Path], version: int, value: Any) -> Path:
    """Store ``value`` (anything ``marshal`` can write) as resource ``name``, atomically.

    Returns:
        The file's path.

    Raises:
        ResourceError: the folder cannot be created or written (no file is left behind).
    """
    path = path_of(name)
    tmp = path.with_name(path.name + f".tmp-{os.getpid()}")
    try:
        blob = marshal.dumps((_header(name, sources, version), value))
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(blob)
        os.replace(tmp, path)
    except OSError as exc:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:  # the folder itself is missing or not one
            pass
        raise ResourceError(f"cannot write the {name} cache {path}: {exc.strerror or exc}") from exc
    return path


def main() -> int:
    """``python -m analysis.resource_cache``: store every resource; one line per resource.

    A resource that cannot be stored is reported and skipped: the kit works without it, only
    slower to start. Always returns 0.
    """
    from . import lemmas, resources

    for label, build in (("lemma", lemmas.build_cache), ("General Inquirer", resources.build_lexicon_cache)):
        try:
            path = build()
        except ResourceError as exc:
            print(f"{label} cache not built: {exc}", file=sys.stderr)
            continue
        print(f"{label} cache: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
