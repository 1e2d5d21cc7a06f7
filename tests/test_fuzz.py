"""Property-based tests: arbitrary Unicode never breaks the analyses, and offsets always hold.

Runs a few hundred examples per property by default. A longer run on demand:
``HYPOTHESIS_PROFILE=long .venv/bin/python -m pytest tests/test_fuzz.py``.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import text as textmod
from analysis.errors import AnalysisError

settings.register_profile(
    "ci", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "long", max_examples=5000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# Characters that break naive text code: quotes of every kind, controls, zero-width and
# direction marks, combining marks, emoji, line and paragraph separators, no-break spaces.
NASTY = list(
    "\"'“”‘’„«»‹›`´ \t\n\r\x00\x0b\x0c\x1c\x85\u00a0\u2028\u2029\u200b\u200c\u200d\u200e\u200f"
    "\u202e\u2066\ufeff\u0301\u0308😀👍🏽🇺🇸.?!…—–-,;:()[]{}<>&$%#@/\\"
)
words = st.sampled_from(
    "Mr. Dr. U.S. He She said told “quote” 'single' according to Iran Trump great bad not "
    "very 3.5 1,000 Jan. 5 p.m. — … Takht-Ravanchi O'Brien don't <script>alert(1)</script>".split()
)
texts = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.sampled_from(NASTY), max_size=200),
    st.lists(st.one_of(words, st.sampled_from(NASTY), st.text(max_size=5)), max_size=80).map("".join),
    st.lists(st.one_of(words, st.sampled_from(NASTY)), max_size=80).map(" ".join),
)


def _clean(s: str) -> str:
    """Lone surrogates cannot be encoded; the loaders replace them, so do the same here."""
    return s.encode("utf-8", "replace").decode("utf-8")


@given(texts)
def test_text_layer_offsets_hold(raw):
    text = _clean(raw)
    try:
        seg = textmod.segment(text)
    except AnalysisError:
        return
    assert len(seg.norm) == len(text)
    prev_end = 0
    for s, e in seg.sentences:
        assert prev_end <= s < e <= len(text)
        assert text[s:e] == text[s:e].strip()
        prev_end = e
    for s, e, kind in seg.tokens:
        assert 0 <= s < e <= len(text)
        assert kind in ("word", "number", "clitic", "punct")
    df = textmod.sentences(text)
    assert all(text[r.start : r.end] == r.text for r in df.itertuples())
    tk = textmod.tokens(text)
    assert all(text[r.start : r.end] == r.token for r in tk.itertuples())


def test_a_very_long_word_and_only_quotes():
    long_word = "a" * 10_000
    assert textmod.words(long_word) == [long_word]
    only_quotes = "“”\"'‘’" * 500
    assert textmod.words(only_quotes) == []
    assert all(only_quotes[s:e] for s, e in textmod.sentence_spans(only_quotes))
