"""Property-based tests: arbitrary Unicode never breaks the analyses, and offsets always hold.

Covers the text layer, quotes (``extract_quotes``, ``speakers``), sentiment
(``sentence_sentiment``, ``article_sentiment``, ``toward``) and terms (``term_frequencies``,
``ngrams``, ``tfidf``, ``kwic``, ``keyness``). The inputs mix control characters, zero-width
joiners, direction marks, emoji, combining marks, lone surrogates (replaced by U+FFFD, as the
loaders do), 10,000-character words, texts made only of quotation marks, unbalanced quotes and
news-like sentences with real quotes and speakers.

The properties: nothing but an :class:`analysis.errors.AnalysisError` escapes; every offset
satisfies ``text[start:end] == the reported string``; scores stay in their documented ranges.

Runs 200 examples per property by default (the ``ci`` profile; the whole file takes well under
two minutes on two cores). A longer run on demand:
``HYPOTHESIS_PROFILE=long .venv/bin/python -m pytest tests/test_fuzz.py`` (5,000 per property).
"""

from __future__ import annotations

import math
import os
import re

import pandas as pd
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from analysis import quotes as quotesmod
from analysis import sentiment as sentmod
from analysis import terms as termsmod
from analysis import text as textmod
from analysis.errors import AnalysisError, ParameterError
from analysis.keyness import KEYNESS_COLUMNS

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

# --- the richer inputs of the analyses' properties ---------------------------------------------

#: Sentences as news articles write them: direct, indirect and mixed quotes, pronouns,
#: titles, "according to", scare quotes, a colon frame, a quote running over a paragraph.
NEWS = [
    "“This is a great day for commuters,” said Mayor Ana Ruiz.",
    "She added that the lanes would cut journey times.",
    "Opponents claimed the plan would hurt local shops, according to the Chamber of Commerce.",
    "Officials warned that flooding could worsen overnight.",
    "“Stay at home if you can,” the emergency director, Sam Patel, told reporters.",
    "Patel said crews were working to clear blocked roads.",
    "Chief executive Dana Lee said demand had been “exceptionally strong”.",
    "The U.S. launched a “maximum pressure” campaign against Iran.",
    "Iran’s deputy foreign minister Majid Takht-Ravanchi said: “We are open to talks.”",
    "He told the BBC that Tehran would not negotiate “under threat”.",
    "“We will not,” he said, “give up our rights.”",
    "“It was a terrible, terrible mistake",
    "Analysts cautioned that the gains might not last.",
    "Mr. O'Brien didn't comment.",
    "The plan costs $3.5 million, Dr. Jones said on Jan. 5 at 3 p.m.",
]
#: Pieces that stress the analyses (each alone, or glued into the sentences above).
HOSTILE = [
    "\u200d", "\u200b", "\u200e", "\u200f", "\u202e", "\u2066", "\u2069", "\ufeff",
    "\u0301", "e\u0301", "\u0308\u0308\u0308", "😀", "👍🏽", "👩‍👩‍👧", "🇺🇸", "\x00", "\x07",
    "\x1b[31m", "\r\n", "\u2028", "\u2029", "\x85", "\x0c", "\t", "\u00a0",
    "“", "”", "\"", "'", "‘", "’", "„", "«", "»", "``", "''", "\"\"\"", "“““", "”””",
    "<script>alert(1)</script>", "&amp;", "&lt;b&gt;", "javascript:alert(1)", "\ufffd",
    "שלום", "مرحبا", "Ελλάδα", "日本語",
]
QUOTE_MARKS = "\"'“”‘’„«»‹›`´"


def _no_surrogates(s: str) -> str:
    """Lone surrogates cannot be written as UTF-8; the loaders make them U+FFFD, so do the same."""
    return re.sub("[\ud800-\udfff]", "\ufffd", s)


def _clean(s: str) -> str:
    """Lone surrogates cannot be encoded; the loaders replace them, so do the same here."""
    return s.encode("utf-8", "replace").decode("utf-8")


long_words = st.builds(
    lambda ch, n: ch * n, st.sampled_from(["a", "é", "😀", "\u200d", "-", "’", "x\u0301"]),
    st.integers(1_000, 10_000),
)
only_quotes = st.text(alphabet=st.sampled_from(QUOTE_MARKS + " \n"), min_size=1, max_size=400)
surrogate_text = st.text(
    alphabet=st.characters(codec=None, categories=["Cs", "Lu", "Ll", "Zs", "Po", "Pi", "Pf"]),
    max_size=120,
).map(_no_surrogates)
pieces = st.one_of(
    st.sampled_from(NEWS), st.sampled_from(HOSTILE), words, st.text(max_size=8),
    st.sampled_from(QUOTE_MARKS),
)
mixed_news = st.lists(pieces, min_size=1, max_size=25).flatmap(
    lambda parts: st.sampled_from([" ", "", "\n", " “", "” "]).map(lambda sep: sep.join(parts))
)
#: Everything the analyses' properties are run on.
article_texts = st.one_of(
    texts.map(_clean),
    mixed_news,
    mixed_news.map(lambda t: t.replace("”", "").replace("’", "")),  # unbalanced quotes
    only_quotes,
    surrogate_text,
    st.tuples(st.sampled_from(NEWS), long_words, st.sampled_from(NEWS)).map(" ".join),
    long_words,
)


def _int_or_none(v):
    return None if v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v)) else int(v)


# --- the text layer ---------------------------------------------------------------------------


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


# --- quotes -----------------------------------------------------------------------------------


@given(article_texts)
def test_quotes_offsets_hold_and_speakers_add_up(text):
    try:
        q = quotesmod.extract_quotes(text)
    except AnalysisError:
        return
    assert tuple(q.columns[: len(quotesmod.QUOTE_COLUMNS)]) == quotesmod.QUOTE_COLUMNS
    for r in q.to_dict("records"):
        s, e = int(r["start"]), int(r["end"])
        assert 0 <= s < e <= len(text)
        assert text[s:e] == r["content"]
        assert r["type"] in ("direct", "indirect", "mixed")
        ss, se = _int_or_none(r["speaker_start"]), _int_or_none(r["speaker_end"])
        if ss is not None:
            assert 0 <= ss < se <= len(text)
            assert text[ss:se] == r["speaker_mention"]
        cs, ce = _int_or_none(r["cue_start"]), _int_or_none(r["cue_end"])
        if cs is not None:
            assert 0 <= cs < ce <= len(text)
            assert text[cs:ce] == r["cue"]
    sp = quotesmod.speakers(q)
    assert tuple(sp.columns) == quotesmod.SPEAKER_COLUMNS
    attributed = q[q["speaker"].notna()]
    assert int(sp["n_quotes"].sum()) == len(attributed) if len(sp) else attributed.empty
    assert set(sp["speaker"]) == set(attributed["speaker"])
    for r in sp.itertuples():
        mine = attributed[attributed["speaker"] == r.speaker]
        assert r.n_quotes == len(mine) >= 1
        assert r.first_position == int(mine["start"].min())
        assert r.n_words >= 0


# --- sentiment --------------------------------------------------------------------------------


@pytest.mark.parametrize("method", ["news", "vader"])
@given(text=article_texts)
def test_sentence_sentiment_offsets_and_ranges(method, text):
    try:
        df = sentmod.sentence_sentiment(text, method=method)
        summary = sentmod.article_sentiment(text, method=method)
    except AnalysisError:
        return
    assert tuple(df.columns) == sentmod.SENTENCE_SENTIMENT_COLUMNS
    assert list(df["sent_id"]) == list(range(len(df)))
    for r in df.itertuples():
        assert text[r.start : r.end] == r.text
        for share in (r.neg, r.neu, r.pos):
            assert 0.0 <= share <= 1.0
        assert -1.0 <= r.compound <= 1.0
    assert tuple(summary.index) == sentmod.ARTICLE_SENTIMENT_FIELDS
    assert not summary.isna().any()
    assert summary["n_sentences"] == len(df)
    eps = 1e-12  # the mean of equal scores may differ from them in the last bit
    assert -1.0 <= summary["min"] <= summary["mean"] + eps and summary["mean"] <= summary["max"] + eps
    assert summary["max"] <= 1.0
    assert summary["polarity"] == summary["mean"]
    assert summary["std"] >= 0.0
    shares = summary[["share_positive", "share_neutral", "share_negative"]]
    assert ((shares >= 0) & (shares <= 1)).all()
    assert math.isclose(shares.sum(), 1.0 if len(df) else 0.0, abs_tol=1e-9)


@pytest.mark.parametrize("method", ["news", "vader"])
@given(text=article_texts, data=st.data())
def test_toward_is_in_range_for_any_span(method, text, data):
    assume(len(text) >= 1)
    start = data.draw(st.integers(0, len(text) - 1), label="start")
    end = data.draw(st.integers(start + 1, min(len(text), start + 60)), label="end")
    try:
        score = sentmod.toward(text, start, end, method=method)
    except AnalysisError:
        return
    assert isinstance(score, float) and -1.0 <= score <= 1.0


def test_toward_refuses_spans_outside_the_text():
    for start, end in [(-1, 2), (3, 3), (2, 1), (0, 99)]:
        with pytest.raises(ParameterError, match="offsets"):
            sentmod.toward("Some text here.", start, end)


# --- terms ------------------------------------------------------------------------------------

term_docs = st.lists(article_texts, min_size=1, max_size=4)


@given(term_docs)
def test_term_frequencies_ngrams_and_tfidf_are_consistent(docs):
    try:
        tf = termsmod.term_frequencies(docs)
        bi = termsmod.ngrams(docs, 2)
        ti = termsmod.tfidf(docs)
    except AnalysisError:
        return
    assert tuple(tf.columns) == termsmod.TERM_COLUMNS
    n_words = tf.attrs["n_words"]
    assert tf.attrs["n_docs"] == len(docs)
    if len(tf):
        assert (tf["count"] >= 1).all() and int(tf["count"].sum()) <= n_words
        assert ((tf["rel_freq"] > 0) & (tf["rel_freq"] <= 1)).all()
        assert ((tf["doc_freq"] >= 1) & (tf["doc_freq"] <= len(docs))).all()
        assert tf["term"].is_unique and not tf["term"].str.strip().eq("").any()
    assert tuple(bi.columns) == termsmod.NGRAM_COLUMNS
    if len(bi):
        assert (bi["n"] == 2).all() and (bi["count"] >= 1).all()
        assert ((bi["doc_freq"] >= 1) & (bi["doc_freq"] <= len(docs))).all()
    assert tuple(ti.columns) == termsmod.TFIDF_COLUMNS
    if len(ti):
        assert set(ti["doc"]) <= set(range(len(docs)))
        assert (ti["tf"] > 0).all() and (ti["idf"] >= 1.0).all() and (ti["tfidf"] > 0).all()
        assert set(ti["term"]) <= set(tf["term"])


@given(text=article_texts, data=st.data())
def test_kwic_keyword_is_the_text_at_its_offsets(text, data):
    candidates = textmod.words(text)
    term = data.draw(st.one_of(st.sampled_from(candidates), st.text(min_size=1, max_size=10))
                     if candidates else st.text(min_size=1, max_size=10), label="term")
    window = data.draw(st.integers(0, 8), label="window")
    unit = data.draw(st.sampled_from(["words", "chars"]), label="unit")
    try:
        k = termsmod.kwic(text, term, window, unit=unit)
    except AnalysisError:
        return
    assert tuple(k.columns) == ("left", "keyword", "right", "start", "end")
    for r in k.itertuples():
        assert 0 <= r.start < r.end <= len(text)
        assert text[r.start : r.end] == r.keyword
        assert r.left == r.left.strip() and r.right == r.right.strip()
    assert list(k["start"]) == sorted(k["start"])


@given(term_docs, term_docs)
def test_keyness_is_signed_and_bounded(target, reference):
    try:
        k = termsmod.keyness(target, reference)
    except AnalysisError:
        return
    if k.empty:
        return
    assert (k["count_target"] >= 0).all() and (k["count_reference"] >= 0).all()
    assert ((k["count_target"] + k["count_reference"]) >= 1).all()
    assert ((k["p_value"] >= 0) & (k["p_value"] <= 1)).all()
    assert k["llr"].is_monotonic_decreasing
    more = k["per_10k_target"] > k["per_10k_reference"]
    assert (k.loc[more, "llr"] >= 0).all() and (k.loc[~more, "llr"] <= 0).all()
    # A zero count is smoothed to 0.5 (Hardie's log ratio), so only rows seen on both sides
    # have a log ratio whose sign must follow the rates.
    both = (k["count_target"] > 0) & (k["count_reference"] > 0)
    assert (k.loc[more & both, "log_ratio"] > 0).all()
    assert not k[["llr", "p_value", "log_ratio"]].isna().any().any()


# --- empty input gives an empty frame with the documented columns ---------------------------------


@pytest.mark.parametrize("text", ["", " ", "\n\n\t", "“”"])
def test_empty_input_gives_empty_frames_with_the_documented_columns(text):
    q = quotesmod.extract_quotes(text)
    assert q.empty and tuple(q.columns[:8]) == quotesmod.QUOTE_COLUMNS
    assert quotesmod.speakers(q).empty
    assert tuple(quotesmod.speakers(q).columns) == quotesmod.SPEAKER_COLUMNS
    for method in ("news", "vader"):
        s = sentmod.sentence_sentiment(text, method=method)
        if text.strip():
            continue  # "“”" is a (meaningless) sentence of two marks
        assert s.empty and tuple(s.columns) == sentmod.SENTENCE_SENTIMENT_COLUMNS
        a = sentmod.article_sentiment(text, method=method)
        assert a["n_sentences"] == 0 and (a == 0).all()
    for frame, cols in [
        (termsmod.term_frequencies(text), termsmod.TERM_COLUMNS),
        (termsmod.term_frequencies([]), termsmod.TERM_COLUMNS),
        (termsmod.ngrams(text, 2), termsmod.NGRAM_COLUMNS),
        (termsmod.tfidf([text]), termsmod.TFIDF_COLUMNS),
        (termsmod.kwic(text, "iran"), ("left", "keyword", "right", "start", "end")),
        (termsmod.keyness(text, "Iran talks"), KEYNESS_COLUMNS),
    ]:
        assert frame.empty and tuple(frame.columns) == cols
