"""Where the project's folders are, computed from this file rather than from ``../``."""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = PACKAGE_DIR.parent
DATA_DIR = PACKAGE_DIR / "data"
SEEDS_DIR = PROJECT_ROOT / "seeds"
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
REPORTS_DIR = PROJECT_ROOT / "reports"
#: The shared evaluation data, present beside the project on development and CI machines only.
SHARED_DATA_DIR = PROJECT_ROOT.parent / "shared" / "data"


def first_seed() -> Path:
    """The first seed article (``seeds/*.txt`` in name order): the notebooks' default input."""
    seeds = sorted(SEEDS_DIR.glob("*.txt"))
    if not seeds:
        from .errors import ArticleNotFoundError

        raise ArticleNotFoundError("no seed articles (*.txt) found", path=SEEDS_DIR)
    return seeds[0]
