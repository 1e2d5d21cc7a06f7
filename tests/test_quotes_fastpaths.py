"""The fast paths of the quote extractor and the speaker index against the straightforward code.

Each test compares a fast path with the plain version it replaced (kept here as a reference, or
switched on with a module flag) on generated texts and, when ``../shared`` is there, on the
first articles of the evaluation corpus; the results must be equal.
"""

from __future__ import annotations

import numpy as np
import pytest

from analysis import speakers as sp
from analysis.text import segment

from .conftest import SMALL_CORPUS, corpus_texts, read_seed_body

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
    texts = [read_seed_body(), *small, "", "IDS said.", *_generated_texts(400)]
    assert _check_lazy_aliases(texts) > 50  # the texts do define acronyms
    assert sp.NameIndex({}, []).aliases == {}


@pytest.mark.shared
def test_acronyms_looked_for_on_first_use_on_the_corpus(shared_data):
    assert _check_lazy_aliases(corpus_texts(shared_data, 150)) > 10


# --- quote_columns: trigger words, candidate tokens and token tuples ------------------------------
_ATOMS = [
    "said", "says", "told", "added", "claimed", "warned", "according", "to", "that", "the", "a",
    "view", "is", "was", "claim", "his", "Ann", "Lee", "Mr", "Smith", "officials", "opined",
    "snapped", "states", "reported", "thought", "made", "went", "is", "has", "as", "us", "it",
    "analysts'", "Beijing's", "don't", "O'Brien", "well-known", "said_x", "x_said", "said2",
    "saidé", "ésaid", "İstanbul", "ΣΑΣ", "“", "”", "‘", "’", '"', "'", "`", "``", "''", "«", "»",
    ",", ".", "?", "!", "...", "—", "-", ":", ";", "(", ")", "\n", "\n\n", "  ", "", "3bn", "U.S.",
    "GINGRICH:", "posits", "conceded", "we", "I", "he", "she", "they", "Labour", "BBC",
    "“We won,”", '"Never,"', "'Sorry!'", "“It is over.”", '"Yes?"', "‘fine—’", "said.He", "snapped.“No",
]


def _generated_quote_texts(n: int, seed: int = 5) -> list[str]:
    rng = np.random.default_rng(seed)
    out = []
    for _ in range(n):
        atoms = rng.choice(_ATOMS, int(rng.integers(1, 45)))
        seps = rng.choice(["", " ", " ", " ", "\n"], len(atoms))
        out.append("".join(a + s for a, s in zip(atoms, seps)))
    return out


def _check_trigger_re(strings: list[str]) -> int:
    import analysis.quotes as quotes_mod

    triggers, pattern = quotes_mod._trigger_words(), quotes_mod._trigger_re()
    hits = 0
    for s in strings:
        for x in (s, s.lower()):
            want = not triggers.isdisjoint(quotes_mod._WORD_RE.findall(x))
            assert (pattern.search(x) is not None) == want, x
            hits += want
    return hits


def test_trigger_pattern_finds_a_trigger_word_exactly_when_the_word_list_holds_one():
    import analysis.quotes as quotes_mod

    words = sorted(quotes_mod._trigger_words())
    rng = np.random.default_rng(7)
    strings = _generated_quote_texts(2000)
    strings += [w + c for w in words for c in ("", "s", "_", "1", "é", "-", ".")]
    strings += [c + w for w in words for c in ("", "a", "_", "1", "é", "-", ".")]
    strings += [w[:-1] for w in words] + [w[1:] for w in words]
    strings += [" ".join(rng.choice(words, 3)) + x for x in ("", "ing", "x") for _ in range(300)]
    hits = _check_trigger_re(strings)
    assert 2000 < hits < 2 * len(strings) - 1000  # both answers occur
    assert quotes_mod._trie_pattern(["say", "said", "says"]) == "sa(?:id|y(?:s)?)"


def _lean_and_previous(texts: list[str], monkeypatch: pytest.MonkeyPatch) -> tuple[list, list]:
    """quote_columns with the lean sentence steps and with the steps they replaced."""
    import analysis.quotes as quotes_mod

    lean = [quotes_mod.quote_columns(t) for t in texts]
    monkeypatch.setattr(quotes_mod, "_LEAN_PATHS", False)
    previous = [quotes_mod.quote_columns(t) for t in texts]
    monkeypatch.setattr(quotes_mod, "_LEAN_PATHS", True)
    return lean, previous


def test_quote_columns_lean_steps_on_generated_texts(monkeypatch: pytest.MonkeyPatch):
    texts = [t for t in _generated_quote_texts(1500) if t.strip()]
    lean, previous = _lean_and_previous(texts, monkeypatch)
    assert sum(len(c["start"]) for c in lean) > 500  # the texts do hold statements
    for text, a, b in zip(texts, lean, previous):
        assert a == b, text


def test_quote_columns_fast_paths_equal_the_full_scan_on_generated_texts(monkeypatch: pytest.MonkeyPatch):
    # these texts once found the fast paths inexact: "said_x" is one word for the trigger test
    # and three tokens for the cue finders (15 of the 1,500 texts lost a statement)
    import analysis.quotes as quotes_mod

    texts = [t for t in _generated_quote_texts(1500) if t.strip()]
    assert sum("said_x" in t or "x_said" in t for t in texts) > 50
    fast = [quotes_mod.quote_columns(t) for t in texts]
    monkeypatch.setattr(quotes_mod, "_FAST_PATHS", False)
    for text, a in zip(texts, fast):
        assert a == quotes_mod.quote_columns(text), text


def test_quote_columns_lean_steps_equal_the_full_scan(seed_body: str, monkeypatch: pytest.MonkeyPatch):
    import analysis.quotes as quotes_mod

    from .test_quotes import FAST_PATH_TEXTS

    texts = [seed_body, *FAST_PATH_TEXTS]
    lean = [quotes_mod.quote_columns(t) for t in texts]
    monkeypatch.setattr(quotes_mod, "_FAST_PATHS", False)
    assert lean == [quotes_mod.quote_columns(t) for t in texts]


@pytest.mark.shared
def test_trigger_pattern_and_quote_columns_fast_paths_on_the_corpus(shared_data, monkeypatch):
    texts = corpus_texts(shared_data, 400)
    sentences = []
    for text in texts:
        seg = segment(text)
        sentences += [seg.norm[s:e] for s, e in seg.sentences]
    assert _check_trigger_re(sentences) > 1000
    lean, previous = _lean_and_previous(texts, monkeypatch)
    assert lean == previous


# --- second round: _LEANER steps of quote_columns, and NameIndex's remembered names ---------------
def _leaner_and_previous(texts: list[str], monkeypatch: pytest.MonkeyPatch) -> tuple[list, list]:
    """quote_columns with the _LEANER steps and remembered names, and without them (a fresh
    run-name memory each way, so that neither leans on the other's)."""
    import analysis.quotes as quotes_mod

    monkeypatch.setattr(sp, "_RUN_NAMES", {})
    leaner = [quotes_mod.quote_columns(t) for t in texts]
    again = [quotes_mod.quote_columns(t) for t in texts]  # with every run name remembered
    assert again == leaner
    monkeypatch.setattr(quotes_mod, "_LEANER", False)
    monkeypatch.setattr(sp, "_MEMO_NAMES", False)
    previous = [quotes_mod.quote_columns(t) for t in texts]
    monkeypatch.setattr(quotes_mod, "_LEANER", True)
    monkeypatch.setattr(sp, "_MEMO_NAMES", True)
    return leaner, previous


def test_quote_columns_leaner_steps_on_generated_texts(monkeypatch: pytest.MonkeyPatch):
    texts = [t for t in _generated_quote_texts(1500) if t.strip()]
    texts += [t for t in _generated_texts(400) if t.strip()]
    leaner, previous = _leaner_and_previous(texts, monkeypatch)
    assert sum(len(c["start"]) for c in leaner) > 500
    for text, a, b in zip(texts, leaner, previous):
        assert a == b, text


def test_quote_columns_leaner_steps_on_the_seed_texts(seed_body: str, monkeypatch: pytest.MonkeyPatch):
    from .test_quotes import FAST_PATH_TEXTS

    texts = [seed_body, *FAST_PATH_TEXTS, *("\n".join(paras) for _, paras, _ in SMALL_CORPUS)]
    leaner, previous = _leaner_and_previous(texts, monkeypatch)
    assert leaner == previous


@pytest.mark.shared
def test_quote_columns_leaner_steps_on_the_corpus(shared_data, monkeypatch):
    texts = corpus_texts(shared_data, 500)
    leaner, previous = _leaner_and_previous(texts, monkeypatch)
    assert sum(len(c["start"]) for c in leaner) > 3000
    assert leaner == previous


def _check_first_word_before(strings: list[str]) -> None:
    import re

    import analysis.quotes as quotes_mod

    for s in strings:
        for lo in range(0, len(s) + 1, 7):
            for pos in range(lo, len(s) + 1):
                m = re.search(r"(\w+)\W*$", s[max(lo, pos - 40) : pos])
                assert quotes_mod._first_word_before(s, lo, pos) == (m.group(1).lower() if m else ""), (s, lo, pos)


def test_first_word_before_with_findall_is_the_regex_answer():
    _check_first_word_before(_generated_quote_texts(150, seed=11) + ["", "a", "_x_ é1 ", "İstanbul said—"])


def test_trim_trailing_word_test_equals_the_search(monkeypatch: pytest.MonkeyPatch):
    import analysis.quotes as quotes_mod

    words = "and but also while as or yet so then even whereas".split()
    rng = np.random.default_rng(13)
    pieces = words + [w.upper() for w in words] + [w.title() for w in words] + [
        "wherea\u017f", "a\u017f", "x", "the", ",", ".", "-", ";", "said", "'", "...", "U.S.", "\n", "—", ""
    ]
    strings = [" ".join(rng.choice(pieces, int(rng.integers(1, 8)))) for _ in range(4000)]
    trimmed = []
    for s in strings:
        trimmed.append([quotes_mod._trim(s, a, len(s)) for a in range(len(s) + 1)])
    monkeypatch.setattr(quotes_mod, "_LEANER", False)
    for s, got in zip(strings, trimmed):
        assert got == [quotes_mod._trim(s, a, len(s)) for a in range(len(s) + 1)], s


def test_run_names_remembered_across_articles_are_those_of_the_article():
    # a run whose name depends on the article (a title or role word before it) is never
    # remembered; the others give the same name in any article
    small = ["\n".join(paras) for _, paras, _ in SMALL_CORPUS]
    texts = [read_seed_body(), *small, *_generated_texts(400, seed=19)]
    tl = sp._titles_and_abbreviations()
    for text in texts:
        norm = segment(text).norm if text.strip() else text
        for run in sp._CAP_RUNS_RE.finditer(norm):
            group = run.group(0)
            name, own = sp._run_name(group.split(" "), tl, norm)
            if own:
                assert sp._run_name(group.split(" "), tl, "") == (name, True)
                assert sp._run_name(group.split(" "), tl, None) == (name, True)


def _plain_dedupe(rows: list) -> list:
    """quotes._dedupe as it was: every row checked against every span kept before it."""
    kept, spans = [], []
    for r in rows:
        if r.end <= r.start:
            continue
        if any(r.start < e and s < r.end for s, e in spans):
            continue
        kept.append(r)
        spans.append((r.start, r.end))
    return kept


@pytest.mark.parametrize("seed", range(6))
def test_dedupe_by_bisection_keeps_the_rows_the_plain_scan_keeps(seed: int):
    from analysis import quotes

    rng = np.random.default_rng(seed)
    for _ in range(300):
        n = int(rng.integers(0, 40))
        starts = rng.integers(0, 60, n)
        lengths = rng.integers(-2, 15, n)  # empty and reversed spans too
        rows = [quotes._Row(int(s), int(s + d), "said", 0, 0, None, None) for s, d in zip(starts, lengths)]
        if seed % 2:  # the second call sorts the rows by start first
            rows.sort(key=lambda r: (r.start, -r.end))
        kept = quotes._dedupe(rows)
        assert [id(r) for r in kept] == [id(r) for r in _plain_dedupe(rows)]  # the same rows, in order
        assert n < 10 or len(kept) < n  # overlapping spans were dropped (the check can fail)


def _plain_used_in_lower_case(low: str, text: str) -> bool:
    """speakers.used_in_lower_case as it was: a search of the whole text."""
    i = text.find(low)
    while i >= 0:
        j = i + len(low)
        if (i == 0 or not text[i - 1].isalnum()) and (j >= len(text) or not text[j].isalpha()):
            return True
        i = text.find(low, j)
    return False


_WORD_PIECES = [
    "said", "Said", "open", "Open", "ann", "Ann", "lee", "café", "Café", "o'brien", "al-", "x",
    "5", "42", "²", "½", "Ⅻ", "_", "-", "'", ".", ",", " ", " ", " ", "\n", "é", "İ", "straße",
    "u.s", "mp3", "ǅ", "日本",
]


def test_used_in_lower_case_from_the_word_set_equals_the_search():
    rng = np.random.default_rng(11)
    texts = []
    for _ in range(2):
        pieces = rng.choice(_WORD_PIECES, 60_000)
        text = "".join(p + (" " if rng.random() < 0.5 else "") for p in pieces)
        assert len(text) >= sp._INDEX_WORDS_FROM  # long enough for the word set
        texts.append(text)
    queries = sorted({p.lower() for p in _WORD_PIECES} | {a + b for a in _WORD_PIECES[:12] for b in _WORD_PIECES[:12]})
    found = 0
    for _ in range(2):  # alternate the texts: the set remembered for one never answers for the other
        for text in texts:
            for low in queries:
                expected = _plain_used_in_lower_case(low, text)
                assert sp.used_in_lower_case(low, text) == expected, low
                found += expected
    assert 0 < found < 2 * 2 * len(queries)  # both answers occur
    # words that occur once, each in one context (the text is long enough for the word set)
    probes = (
        "theta 5alpha ²beta gam²ma _delta Ⅻeps zeta5 etaé Iota ǅkappa 日本lambda mu-nu xi's "
        + "filler " * 20_000
    )
    answers = {
        "theta": True, "alpha": False, "beta": False, "gam": True, "ma": False, "delta": True,
        "eps": False, "zeta": True, "eta": False, "iota": False, "kappa": False, "lambda": False,
        "mu": True, "nu": True, "xi": True, "s": True, "filler": True, "fill": False,
    }
    for low, expected in answers.items():
        assert _plain_used_in_lower_case(low, probes) == expected, low  # what the search says
        assert sp.used_in_lower_case(low, probes) == expected, low
    short = texts[0][:5000]  # a short text is searched, with the same answers
    assert [sp.used_in_lower_case(q, short) for q in queries] == [_plain_used_in_lower_case(q, short) for q in queries]


@pytest.mark.parametrize("seed", range(4))
def test_first_named_row_by_bisection_equals_the_scan(seed: int):
    from analysis import quotes

    rng = np.random.default_rng(seed)
    named_seen = 0
    for _ in range(200):
        n = int(rng.integers(0, 30))
        rows = [
            quotes._Row(int(s), int(s) + 5, "said", 0, 0, None, object() if rng.random() < 0.4 else None)
            for s in rng.integers(0, 50, n)
        ]
        first = quotes._first_named(rows)
        for start in range(-1, 56):
            expected = next((r for r in rows if r.start >= start and r.mention is not None), None)
            assert first(start) is expected, (start, [(r.start, r.mention is not None) for r in rows])
            named_seen += expected is not None
    assert named_seen  # the rows held speakers to find
