"""Shared fixtures: the seed article, a small synthetic corpus, and the shared data folder."""

from __future__ import annotations

import json
import os
from pathlib import Path

import matplotlib
import pytest

from analysis.paths import SEEDS_DIR, SHARED_DATA_DIR

matplotlib.use("Agg")

SEED_PATH = sorted(SEEDS_DIR.glob("*.txt"))[0]


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED_PATH


def read_seed_body() -> str:
    """The seed's body as the seed layout defines it: lines between the title and the byline."""
    lines = SEED_PATH.read_text(encoding="utf-8").splitlines()
    return "\n".join(ln.strip() for ln in lines[1:-1] if ln.strip())


@pytest.fixture(scope="session")
def seed_body() -> str:
    """:func:`read_seed_body`."""
    return read_seed_body()


def count_text_stats_calls(monkeypatch: pytest.MonkeyPatch) -> list:
    """From now on, note each text ``analysis.stats.text_stats_values`` is called with (it
    still computes); returns the list the texts go to. A new function, so the pipeline's
    memory of recent texts (keyed on the analyses' functions) starts afresh."""
    from analysis import stats

    calls: list = []
    original = stats.text_stats_values

    def counting(text, **options):
        calls.append(text)
        return original(text, **options)

    monkeypatch.setattr(stats, "text_stats_values", counting)
    return calls


def corpus_texts(shared_data: Path, n: int) -> list[str]:
    """The texts of the first ``n`` articles of the shared BBC corpus (``corpus.jsonl``)."""
    out = []
    with (shared_data / "corpus" / "corpus.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                out.append(json.loads(line)["text"])
            if len(out) >= n:
                break
    return out


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """``../shared/data``; tests using it are marked ``shared`` and skip when it is absent."""
    if not SHARED_DATA_DIR.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI runs with ../shared beside the project, but {SHARED_DATA_DIR} is missing")
        pytest.skip("../shared/data is not beside the project")
    return SHARED_DATA_DIR


SMALL_CORPUS = [
    (
        "Council backs new bus lanes",
        [
            "The city council approved new bus lanes on Tuesday after a heated debate.",
            "“This is a great day for commuters,” said Mayor Ana Ruiz. She added that the lanes "
            "would cut journey times.",
            "Opponents claimed the plan would hurt local shops, according to the Chamber of Commerce.",
        ],
        "Tom Reed",
    ),
    (
        "Storm closes schools",
        [
            "A severe storm closed dozens of schools across the region on Monday.",
            "Officials warned that flooding could worsen overnight. “Stay at home if you can,” "
            "the emergency director, Sam Patel, told reporters.",
            "Patel said crews were working to clear blocked roads.",
        ],
        "",
    ),
    (
        "Tech firm reports record profit",
        [
            "Shares in Acme Corp. rose 12% after the U.S. firm reported record quarterly profit.",
            "Chief executive Dana Lee said demand had been “exceptionally strong”. Analysts "
            "cautioned that the gains might not last.",
        ],
        "Priya Nair",
    ),
]


def write_article(path: Path, title: str, paragraphs: list[str], author: str = "") -> Path:
    lines = [title, *paragraphs] + ([f"By {author}"] if author else [])
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture()
def small_corpus_dir(tmp_path: Path) -> Path:
    """A folder of three short articles in the seed layout."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for i, (title, paras, author) in enumerate(SMALL_CORPUS):
        write_article(folder / f"article-{i:02d}.txt", title, paras, author)
    return folder
