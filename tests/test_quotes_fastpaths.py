"""The fast paths of the quote extractor and the speaker index against the straightforward code.

Each test compares a fast path with the plain version it replaced (kept here as a reference, or
switched on with a module flag) on generated texts and, when ``../shared`` is there, on the
first articles of the evaluation corpus; the results must be equal.
"""

from __future__ import annotations

import json

import numpy as np
import pytest

from analysis import speakers as sp
from analysis.text import segment

from .conftest import SEED_PATH, SMALL_CORPUS


def _seed_body() -> str:
    lines = SEED_PATH.read_text(encoding="utf-8").splitlines()
    return "\n".join(ln.strip() for ln in lines[1:-1] if ln.strip())


def _corpus_texts(shared_data, n: int) -> list[str]:
    out = []
    with (shared_data / "corpus" / "corpus.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                out.append(json.loads(line)["text"])
            if len(out) >= n:
                break
    return out


_NAME_PIECES = [
    "Incomes Data Services (IDS)", "Office for National Statistics", "World Trade Organization",
    "Bank of England (BOE)", "British Broadcasting Corporation", "European Union (EU)",
    "Confederation of British Industry (CBI)", "National Aeronautics and Space Administration (NASA)",
    "Ann", "Lee", "Incomes", "Data", "Services", "(IDS)", "IDS", "IDS.", "IDS,", "Office", "for",
    "National", "Statistics", "(ONS)", "ONS", "the", "The", "World", "Trade", "Organization", "WTO",
    "(WTO)", "(D-Ill.)", "Sen.", "Mr", "Mr.", "Li", "said", "of", "and", "(EU)", "EU", "European",
    "Union", "A&E", "(A&E)", "BBC", "British", "Broadcasting", "Corporation", "(BBC)", "Bank",
    "England", "(BOE)", "BOE", "Lee.", "NASA", "(NASA)", "US", "U.S.", "G7", "(G7)", "\n", ".",
]


def _generated_texts(n: int, seed: int = 3) -> list[str]:
    rng = np.random.default_rng(seed)
    return [" ".join(rng.choice(_NAME_PIECES, int(rng.integers(3, 60)))) for _ in range(n)]


def _ref_full_name(index: sp.NameIndex, aliases: dict[str, str], name: str) -> str:
    """NameIndex.full_name as it was, with the acronyms looked for in build."""
    words = name.replace("\u2019", "'").split()
    _, core = sp._strip_titles(words)
    if not core:
        return name
    if aliases:
        alias = aliases.get(core[-1].rstrip(".,")) if len(core) <= 2 else None
        if alias is not None and (len(core) == 1 or core[0].lower() == "the"):
            return alias
    last = core[-1].lower().rstrip(".")
    full = index.by_last.get(last)
    if full and len(full.split()) >= len(core):
        full_words = [w.lower() for w in full.split()]
        if all(w.lower().rstrip(".") in full_words or w.lower().rstrip(".") in sp._titles_and_abbreviations() for w in core):
            return full
    if len(core) < len(words):
        return " ".join(core)
    return name


def _check_lazy_aliases(texts: list[str]) -> int:
    found = 0
    for text in texts:
        norm = segment(text).norm if text.strip() else text
        index = sp.NameIndex.build(norm)
        eager = sp.acronym_aliases(norm) if sp._ACRONYM_WORD_3_RE.search(norm) else {}
        words = sorted(set(norm.split()) | set(_NAME_PIECES) | set(eager) | set(eager.values()))
        names = words + [f"the {w}" for w in words] + [f"The {w}" for w in words] + [f"Ann {w}" for w in words]
        for name in names:
            assert index.full_name(name) == _ref_full_name(index, eager, name), (text, name)
        assert index.aliases == eager, text  # looked for on first use, the same
        found += bool(eager)
    return found


def test_acronyms_looked_for_on_first_use_give_the_same_names():
    small = ["\n".join(paras) for _, paras, _ in SMALL_CORPUS]
    texts = [_seed_body(), *small, "", "IDS said.", *_generated_texts(400)]
    assert _check_lazy_aliases(texts) > 50  # the texts do define acronyms
    assert sp.NameIndex({}, []).aliases == {}


@pytest.mark.shared
def test_acronyms_looked_for_on_first_use_on_the_corpus(shared_data):
    assert _check_lazy_aliases(_corpus_texts(shared_data, 150)) > 10
