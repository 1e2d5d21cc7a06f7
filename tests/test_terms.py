"""Terms: frequencies, n-grams, TF-IDF, collocations, keyness, KWIC, plots."""

from __future__ import annotations

import itertools
import json
import math

import matplotlib
import pandas as pd
import pytest

matplotlib.use("Agg")

from matplotlib.axes import Axes  # noqa: E402

from analysis import terms  # noqa: E402
from analysis import text as text_layer  # noqa: E402
from analysis.errors import ParameterError  # noqa: E402
from analysis.keyness import KEYNESS_COLUMNS, log_likelihood, log_ratio  # noqa: E402
from analysis.concordance import KWIC_COLUMNS, POSITION_COLUMNS  # noqa: E402
from analysis.loaders import Article, load_article  # noqa: E402
from analysis.plots import terms as term_plots  # noqa: E402
from analysis.resources import read_word_list, stopwords  # noqa: E402
from analysis.terms import (  # noqa: E402
    COLLOCATION_COLUMNS,
    NGRAM_COLUMNS,
    TERM_COLUMNS,
    TFIDF_COLUMNS,
    collocations,
    keyness,
    kwic,
    ngrams,
    term_frame,
    term_frequencies,
    term_positions,
    term_sequences,
    term_table,
    tfidf,
)

from .conftest import SEED_PATH, SMALL_CORPUS  # noqa: E402

approx = pytest.approx

# Toy corpus used for the hand-computed values below. No stopwords, no numbers.
#   d0 "apple banana apple": apple 2, banana 1       (3 running words)
#   d1 "banana cherry":      banana 1, cherry 1      (2 running words)
#   d2 "cherry cherry date": cherry 2, date 1        (3 running words)
#   document frequencies: apple 1, banana 2, cherry 2, date 1; N = 3 texts
TOY = ["apple banana apple", "banana cherry", "cherry cherry date"]


@pytest.fixture(scope="module")
def seed_text() -> str:
    return load_article(SEED_PATH).text


@pytest.fixture(scope="module")
def seed_counts(seed_text) -> pd.Series:
    return term_frequencies([seed_text]).set_index("term")["count"]


def small_texts() -> list[str]:
    return ["\n".join(paras) for _, paras, _ in SMALL_CORPUS]


# --------------------------------------------------------------------------- the stopword list


def test_stopword_file_is_nltk_list_plus_documented_additions():
    words = read_word_list("stopwords.txt")
    assert len(words) == len(set(words))
    nltk_part = words[: words.index("would")]
    assert len(nltk_part) == 179
    assert nltk_part[:4] == ["i", "me", "my", "myself"] and nltk_part[-1] == "wouldn't"
    assert {"the", "to", "that", "of", "he", "us"} <= stopwords()
    assert "said" not in stopwords()  # reporting verbs are kept on purpose


# --------------------------------------------------------------------------- the seed


def test_seed_figures(seed_counts):
    expected = {"iran": 9, "takht-ravanchi": 5, "trump": 8, "tehran": 4, "maximum": 4,
                "pressure": 3, "nuclear": 3, "US": 2}
    assert {t: int(seed_counts.get(t, 0)) for t in expected} == expected
    assert not {"the", "to", "that", "of", "he", "us"} & set(seed_counts.index)
    top5 = list(seed_counts.index[:5])
    assert "iran" in top5 and "trump" in top5


def test_seed_frame_is_sorted_and_relative_to_running_words(seed_text):
    tf = term_frequencies(seed_text)
    assert list(tf.columns) == list(TERM_COLUMNS)
    keys = list(zip(-tf["count"], tf["term"]))
    assert keys == sorted(keys)
    n_words = len(text_layer.segment(seed_text).words()) - sum(
        k == "number" for _, _, k in text_layer.segment(seed_text).tokens
    )
    assert tf.attrs["n_words"] == n_words  # word tokens, stopwords included, numbers dropped
    assert tf["rel_freq"].tolist() == approx((tf["count"] / n_words).tolist())
    assert (tf["doc_freq"] == 1).all()


def test_rel_freq_does_not_depend_on_stopwords(seed_text):
    on = term_frequencies(seed_text).set_index("term")
    off = term_frequencies(seed_text, stopwords=False).set_index("term")
    assert off.loc["the", "count"] > 10
    assert on.loc["iran", "rel_freq"] == off.loc["iran", "rel_freq"]


# --------------------------------------------------------------------------- normalisation


@pytest.mark.parametrize(
    ("text", "term", "count"),
    [
        ("Iran’s talks and Iran's deal and IRAN", "iran", 3),  # possessives and case folded
        ("Takht‑Ravanchi met Takht-Ravanchi", "takht-ravanchi", 2),  # U+2011 hyphen made ASCII
        ("The U.S. and the US agreed", "US", 2),  # dotted acronym = plain acronym
        ("Let us see what the US does", "US", 1),  # the country...
        ("O’Brien and O'Brien", "o'brien", 2),
        ("e.g. this", "e.g.", 1),  # lower-case dotted abbreviation keeps its dots
    ],
)
def test_term_normalisation(text, term, count):
    counts = term_frequencies(text).set_index("term")["count"]
    assert counts.get(term, 0) == count


def test_capitalised_stopword_is_a_term_of_its_own():
    counts = term_frequencies("Let us see what the US does. IT firms and it.").set_index("term")["count"]
    assert "us" not in counts and "it" not in counts
    assert counts["US"] == 1 and counts["IT"] == 1
    off = term_frequencies("Let us see what the US does", stopwords=False).set_index("term")["count"]
    assert off["us"] == 1 and off["US"] == 1  # the pronoun and the country stay apart
    # one capital letter is not an acronym: "I" and "A" are still stopwords
    assert term_frequencies("I saw A cat").term.tolist() == ["cat", "saw"]


def test_numbers_option():
    text = "In 2015, prices rose 3.5% to $10 in the 1990s style."
    dropped = term_frequencies(text)
    assert not any(t[0].isdigit() or t[0] == "$" for t in dropped["term"])
    kept = term_frequencies(text, numbers="keep")
    assert {"2015", "3.5%", "$10", "1990s"} <= set(kept["term"])
    assert kept.attrs["n_words"] == dropped.attrs["n_words"] + 4
    with pytest.raises(ParameterError, match="numbers"):
        term_frequencies(text, numbers="spell")


def test_lemmas_option():
    text = "Negotiations failed. The negotiation was hard; negotiators were tired."
    plain = term_frequencies(text).set_index("term")["count"]
    lem = term_frequencies(text, lemmatize=True).set_index("term")["count"]
    assert plain["negotiations"] == 1 and plain["negotiation"] == 1
    assert lem["negotiation"] == 2 and "negotiations" not in lem
    assert "fail" in lem and "failed" not in lem
    assert "be" not in lem  # "was", "were" -> "be", a stopword


def test_custom_and_extra_stopwords_and_case(seed_text):
    custom = term_frequencies(seed_text, stopwords=["iran", "trump"]).set_index("term")["count"]
    assert "iran" not in custom and "trump" not in custom
    assert custom["the"] > 10  # only the custom list is removed
    extra = term_frequencies(seed_text, extra_stopwords=["Tehran"]).set_index("term")["count"]
    assert "tehran" not in extra and "the" not in extra and extra["iran"] == 9
    cased = term_frequencies("Iran said iran", lowercase=False).set_index("term")["count"]
    assert cased["Iran"] == 1 and cased["iran"] == 1
    with pytest.raises(ParameterError, match="list of words"):
        term_frequencies(seed_text, stopwords="the")


def test_min_count(seed_text):
    full = term_frequencies(seed_text)
    three = term_frequencies(seed_text, min_count=3)
    assert three["count"].min() >= 3
    assert set(three["term"]) == set(full.loc[full["count"] >= 3, "term"])
    with pytest.raises(ParameterError, match="min_count"):
        term_frequencies(seed_text, min_count=0)


def test_term_table_explains_every_token():
    table = term_table("Iran’s 2015 deal, the US said.")
    status = dict(zip(table["token"], table["status"]))
    assert status == {"Iran": "counted", "’s": "clitic", "2015": "number", "deal": "counted",
                      ",": "punct", "the": "stopword", "US": "counted", "said": "counted",
                      ".": "punct"}
    text = "Iran’s 2015 deal, the US said."
    assert all(text[s:e] == tok for s, e, tok in zip(table["start"], table["end"], table["token"]))


# The counting path tokenises with a faster form of the text layer's pattern: same tokens.
TRICKY = [
    "Iran’s don't U.S. 3.5% e.g. Takht-Ravanchi O’Brien rock ‘n’ roll",
    "“Maximum pressure” won’t work,” he said. (JCPOA) — 9/11 1990s 3bn £600m",
    "Mr. Smith, the U.K.'s envoy, can't go; A.B. c.d. x y z.\nNew line\ttab  spaces",
    "naïve café São Paulo Zürich 東京 ½ x² _under_score_ a-b-c ‐‑",
    "I'm, you're, we've, they'll, she'd — ISN'T DON'T",
    "",
]


@pytest.mark.parametrize("text", TRICKY + small_texts())
def test_counting_tokens_equal_segment_tokens(text):
    seg = text_layer.segment(text)
    expected = [seg.norm[s:e] for s, e, _ in seg.tokens]
    fast = terms._FLAT_TOKEN_RE.findall(text_layer.normalise_quotes(text))
    assert fast == expected
    # and the fast counts give the terms that term_table() finds token by token
    for options in ({}, {"stopwords": False, "numbers": "keep"}):
        table = term_table(text, **options)
        by_token = table.loc[table["status"] == "counted", "term"].value_counts().to_dict()
        counted = term_frequencies(text, **options).set_index("term")["count"].to_dict()
        assert counted == by_token


@pytest.mark.shared
def test_counting_tokens_equal_segment_tokens_on_the_corpus(shared_data):
    with (shared_data / "corpus" / "corpus.jsonl").open(encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in itertools.islice(fh, 300)]
    for text in texts:
        norm = text_layer.normalise_quotes(text)
        expected = [norm[s:e] for s, e, _ in text_layer._tokenize(norm)]
        assert terms._FLAT_TOKEN_RE.findall(norm) == expected


# --------------------------------------------------------------------------- inputs and frames


def test_inputs_of_every_kind_give_the_same_counts(seed_text):
    art = load_article(SEED_PATH)
    ref = term_frequencies([seed_text])
    for form in (seed_text, art, [art], pd.Series([seed_text]),
                 pd.DataFrame({"id": ["x"], "text": [seed_text]})):
        pd.testing.assert_frame_equal(term_frequencies(form), ref)
    with pytest.raises(ParameterError, match="not a str"):
        term_frequencies([seed_text, None])
    with pytest.raises(ParameterError):
        term_frequencies(42)


def test_term_frame_has_article_id_first():
    arts = [Article(id=f"a{i}", title=t, author=a, text="\n".join(p))
            for i, (t, p, a) in enumerate(SMALL_CORPUS)]
    frame = term_frame(arts)
    assert list(frame.columns) == ["article_id", *TERM_COLUMNS]
    assert list(dict.fromkeys(frame["article_id"])) == ["a0", "a1", "a2"]
    one = frame[frame["article_id"] == "a1"].drop(columns="article_id").reset_index(drop=True)
    pd.testing.assert_frame_equal(one, term_frequencies(arts[1].text), check_dtype=False)


@pytest.mark.parametrize(
    ("fn", "columns"),
    [
        (lambda: term_frequencies([]), TERM_COLUMNS),
        (lambda: term_frequencies(["", "  ", "..."]), TERM_COLUMNS),
        (lambda: term_frequencies("the of and"), TERM_COLUMNS),
        (lambda: ngrams([]), NGRAM_COLUMNS),
        (lambda: ngrams("Iran."), NGRAM_COLUMNS),
        (lambda: tfidf([]), TFIDF_COLUMNS),
        (lambda: tfidf(["", "the"]), TFIDF_COLUMNS),
        (lambda: collocations(""), COLLOCATION_COLUMNS),
        (lambda: keyness("", "Iran talks"), KEYNESS_COLUMNS),
        (lambda: keyness("Iran talks", []), KEYNESS_COLUMNS),
        (lambda: kwic("", "iran"), KWIC_COLUMNS),
        (lambda: kwic("Talks in Tehran.", "iran"), KWIC_COLUMNS),
        (lambda: term_positions("", ["iran"]), POSITION_COLUMNS),
        (lambda: term_frame([]), ("article_id", *TERM_COLUMNS)),
    ],
)
def test_empty_inputs_give_empty_frames_with_the_columns(fn, columns):
    df = fn()
    assert df.empty
    assert list(df.columns) == list(columns)


# --------------------------------------------------------------------------- n-grams


def test_seed_bigrams(seed_text):
    grams = ngrams(seed_text).set_index("ngram")
    assert list(grams.columns) == ["n", "count", "rel_freq", "doc_freq"]
    assert grams.loc["maximum pressure", "count"] == 3  # the fourth "maximum" is "maximum resistance"
    assert grams.loc["maximum resistance", "count"] == 1
    sw = stopwords()
    for gram in grams.index:
        first, last = gram.split()[0], gram.split()[-1]
        assert first not in sw and last not in sw
    assert ngrams(seed_text, 3).set_index("ngram").loc["axis of resistance", "count"] == 1


def test_grams_do_not_cross_sentences_or_clauses():
    text = "Iran wins talks. Trump loses, Tehran gains (sanctions) relief."
    grams = set(ngrams(text)["ngram"])
    assert "iran wins" in grams and "wins talks" in grams
    assert "talks trump" not in grams  # sentence boundary
    assert "loses tehran" not in grams  # comma
    assert "gains sanctions" not in grams and "sanctions relief" not in grams  # brackets
    assert term_sequences(text) == [["iran", "wins", "talks"], ["trump", "loses"],
                                    ["tehran", "gains"], ["sanctions"], ["relief"]]


def test_ngram_options():
    text = "The plan of the year. The plan of the year."
    assert "plan of the year" in set(ngrams(text, 4)["ngram"])
    assert set(ngrams(text)["ngram"]) == set()  # every bigram starts or ends with a stopword
    assert ngrams(text, stopwords=False).set_index("ngram").loc["of the", "count"] == 2
    assert ngrams(text, stopwords=False, min_count=3).empty
    unigrams = ngrams(text, 1)
    assert unigrams.set_index("ngram")["count"].to_dict() == {"plan": 2, "year": 2}
    with pytest.raises(ParameterError, match="n="):
        ngrams(text, 0)


# --------------------------------------------------------------------------- TF-IDF


def test_tfidf_sklearn_variant_by_hand():
    df = tfidf(TOY)
    w = {(d, t): v for d, t, v in zip(df["doc"], df["term"], df["tfidf"])}
    idf = {(t): v for t, v in zip(df["term"], df["idf"])}
    # idf = ln((1 + N) / (1 + df)) + 1 with N = 3
    assert idf["apple"] == approx(math.log(4 / 2) + 1)  # 1.693147
    assert idf["banana"] == approx(math.log(4 / 3) + 1)  # 1.287682
    # d0: apple 2 * 1.693147 = 3.386294, banana 1 * 1.287682; length sqrt(3.386294² + 1.287682²)
    # = sqrt(11.466990 + 1.658125) = 3.622860 -> apple 0.934702, banana 0.355432
    assert w[(0, "apple")] == approx(0.934702, abs=1e-6)
    assert w[(0, "banana")] == approx(0.355432, abs=1e-6)
    # d1: banana and cherry have the same idf, so each is 1 / sqrt(2)
    assert w[(1, "banana")] == approx(0.707107, abs=1e-6)
    assert w[(1, "cherry")] == approx(0.707107, abs=1e-6)
    # d2: cherry 2 * 1.287682 = 2.575364, date 1.693147; length sqrt(6.632500 + 2.866747) = 3.082085
    assert w[(2, "cherry")] == approx(0.835592, abs=1e-6)
    assert w[(2, "date")] == approx(0.549351, abs=1e-6)
    # rows: by document, then weight descending, then term
    assert df[["doc", "term"]].values.tolist() == [
        [0, "apple"], [0, "banana"], [1, "banana"], [1, "cherry"], [2, "cherry"], [2, "date"]]


def test_tfidf_classic_variant_by_hand():
    df = tfidf(TOY, ids=["d0", "d1", "d2"], variant="classic").set_index(["doc", "term"])
    # tf = count / running words; idf = ln(N / df)
    assert df.loc[("d0", "apple"), "tf"] == approx(2 / 3)
    assert df.loc[("d0", "apple"), "idf"] == approx(math.log(3))  # 1.098612
    assert df.loc[("d0", "apple"), "tfidf"] == approx(0.732408, abs=1e-6)  # 2/3 * 1.098612
    assert df.loc[("d0", "banana"), "tfidf"] == approx(0.135155, abs=1e-6)  # 1/3 * ln(3/2)
    assert df.loc[("d1", "cherry"), "tfidf"] == approx(0.202733, abs=1e-6)  # 1/2 * ln(3/2)
    every = tfidf(["iran talks", "iran deal"], variant="classic")
    assert (every.loc[every["term"] == "iran", "tfidf"] == 0).all()  # in every text: weight 0
    with pytest.raises(ParameterError, match="variant"):
        tfidf(TOY, variant="bm25")
    with pytest.raises(ParameterError, match="ids"):
        tfidf(TOY, ids=["a"])


def test_tfidf_equals_scikit_learn_on_the_same_terms(seed_text):
    sklearn_text = pytest.importorskip("sklearn.feature_extraction.text")
    docs = [seed_text, *small_texts(), *TOY]

    def analyzer(doc: str) -> list[str]:
        table = term_table(doc)
        return table.loc[table["status"] == "counted", "term"].tolist()

    vec = sklearn_text.TfidfVectorizer(analyzer=analyzer)
    matrix = vec.fit_transform(docs).tocoo()
    vocab = vec.get_feature_names_out()
    expected = {(int(d), str(vocab[t])): v for d, t, v in zip(matrix.row, matrix.col, matrix.data)}
    ours = tfidf(docs)
    got = {(d, t): v for d, t, v in zip(ours["doc"], ours["term"], ours["tfidf"])}
    assert got.keys() == expected.keys()
    for key, value in expected.items():
        assert got[key] == approx(value, rel=1e-9), key
    idf = dict(zip(vocab, vec.idf_))
    assert all(idf[t] == approx(i, rel=1e-12) for t, i in zip(ours["term"], ours["idf"]))


def test_tfidf_ids_from_a_corpus_frame():
    corpus = pd.DataFrame({"id": ["x", "y", "z"], "text": TOY})
    assert list(dict.fromkeys(tfidf(corpus)["doc"])) == ["x", "y", "z"]
    top = tfidf(corpus).groupby("doc").head(1)
    assert top["term"].tolist() == ["apple", "banana", "cherry"]


# --------------------------------------------------------------------------- collocations

# Three runs: "new york rocks" / "new york sleeps" / "new car rocks": N = 9 words;
# new 3, york 2, rocks 2, sleeps 1, car 1; pairs: new york 2, the others once.
COLLOC_TEXT = "New York rocks. New York sleeps. New car rocks."


def test_collocation_measures_by_hand():
    df = collocations(COLLOC_TEXT, min_freq=2)
    assert df["collocation"].tolist() == ["new york"]
    row = df.iloc[0]
    assert (row["count"], row["count_w1"], row["count_w2"]) == (2, 3, 2)
    assert row["pmi"] == approx(math.log2(3))  # log2(2 * 9 / (3 * 2)) = 1.584963
    assert row["t_score"] == approx(0.942809, abs=1e-6)  # (2 - 3 * 2 / 9) / sqrt(2)
    # 2x2 table: O = [2, 1, 0, 6] (new york, new ~york, ~new york, ~new ~york);
    # E = [3*2/9, 3*7/9, 6*2/9, 6*7/9] = [0.666667, 2.333333, 1.333333, 4.666667]
    # G2 = 2 * (2 ln(3) + 1 ln(1/2.333333) + 6 ln(6/4.666667)) = 2 * 2.857813 = 5.715627
    assert row["llr"] == approx(5.715627, abs=1e-6)
    assert collocations(COLLOC_TEXT, min_freq=1).shape[0] == 5
    assert df.attrs["n_words"] == 9


@pytest.mark.parametrize("window", [2, 3])
def test_collocations_equal_nltk(seed_text, window):
    from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder

    runs = term_sequences(seed_text)
    words = list(itertools.chain.from_iterable(run + [None] * (window - 1) for run in runs))
    finder = BigramCollocationFinder.from_words(words, window_size=window)
    sw = stopwords()
    finder.apply_freq_filter(2)
    finder.apply_word_filter(lambda w: w in sw)
    ours = collocations(seed_text, window=window, min_freq=2).set_index(["w1", "w2"])
    measures = {"pmi": BigramAssocMeasures.pmi, "llr": BigramAssocMeasures.likelihood_ratio,
                "t_score": BigramAssocMeasures.student_t}
    for column, measure in measures.items():
        expected = dict(finder.score_ngrams(measure))
        assert set(expected) == set(ours.index)
        for pair, score in expected.items():
            assert ours.loc[pair, column] == approx(score, rel=1e-9, abs=1e-9), (column, pair)


def test_collocation_sorting_and_options(seed_text):
    for measure, column in (("pmi", "pmi"), ("llr", "llr"), ("t", "t_score")):
        df = collocations(seed_text, measure=measure, min_freq=1)
        assert df[column].is_monotonic_decreasing
    with pytest.raises(ParameterError, match="measure"):
        collocations(seed_text, measure="dice")
    with pytest.raises(ParameterError, match="window"):
        collocations(seed_text, window=1)


# --------------------------------------------------------------------------- keyness


def test_keyness_by_hand():
    # target d0 (3 words), reference d1 + d2 (5 words)
    k = keyness(TOY[0], TOY[1:]).set_index("term")
    assert list(k.reset_index().columns) == list(KEYNESS_COLUMNS)
    # apple: a=2, b=0; E1 = 3*2/8 = 0.75, E2 = 1.25; G2 = 2 * 2 ln(2/0.75) = 3.923317
    assert k.loc["apple", "llr"] == approx(3.923317, abs=1e-6)
    assert k.loc["apple", "log_ratio"] == approx(2.736966, abs=1e-6)  # log2((2/3) / (0.5/5))
    assert k.loc["apple", "p_value"] == approx(0.047621, abs=1e-6)  # chi2(1) tail of 3.923317
    # banana: a=1, b=1; G2 = 2 (ln(1/0.75) + ln(1/1.25)) = 0.129077, more frequent in the target
    assert k.loc["banana", "llr"] == approx(0.129077, abs=1e-6)
    assert k.loc["banana", "log_ratio"] == approx(math.log2(5 / 3))
    # cherry: a=0, b=3; E2 = 5*3/8 = 1.875; G2 = 2 * 3 ln(3/1.875) = 2.820022, negative sign
    assert k.loc["cherry", "llr"] == approx(-2.820022, abs=1e-6)
    assert k.loc["cherry", "log_ratio"] == approx(math.log2((0.5 / 3) / (3 / 5)))
    assert k.loc["apple", "per_10k_target"] == approx(2 / 3 * 10_000)
    assert k["llr"].is_monotonic_decreasing
    assert log_likelihood(2, 0, 3, 5) == approx(3.923317, abs=1e-6)
    assert log_ratio(0, 3, 3, 5) == approx(k.loc["cherry", "log_ratio"])


def test_keyness_of_the_seed_against_other_articles(seed_text):
    k = keyness(seed_text, small_texts())
    top = k.head(5)["term"].tolist()
    assert "iran" in top and "trump" in top
    assert (k["llr"].head(2) > 3.84).all()  # p < 0.05 even against a 100-word reference
    assert k["llr"].iloc[-1] < 0 and k["count_target"].iloc[-1] == 0  # what the seed lacks
    assert k.attrs["n_target"] == term_frequencies(seed_text).attrs["n_words"]
    filtered = keyness(seed_text, small_texts(), min_count=3)
    assert ((filtered["count_target"] + filtered["count_reference"]) >= 3).all()


# --------------------------------------------------------------------------- KWIC


def test_kwic_offsets_and_matching(seed_text):
    hits = kwic(seed_text, "IRAN")
    assert len(hits) == 9  # as counted: "Iran’s" included
    assert all(seed_text[s:e] == kw for s, e, kw in zip(hits["start"], hits["end"], hits["keyword"]))
    assert hits["start"].is_monotonic_increasing
    assert len(kwic(seed_text, "US")) == 2  # the country only
    mp = kwic(seed_text, "maximum pressure", window=3)
    assert len(mp) == 3 and set(mp["keyword"]) == {"maximum pressure"}
    first = mp.iloc[0]
    assert first["left"] == "to reimpose a “" and first["right"] == "” campaign would fail"
    assert len(kwic(seed_text, "Takht-Ravanchi")) == 5


def test_kwic_windows():
    text = "one two three Iran four five six"
    row = kwic(text, "iran", window=2).iloc[0]
    assert (row["left"], row["keyword"], row["right"]) == ("two three", "Iran", "four five")
    row = kwic(text, "iran", window=4, unit="chars").iloc[0]
    assert (row["left"], row["right"]) == ("ree", "fou")  # 4 characters each side, trimmed
    assert kwic(text, "negotiation", lemmatize=True).empty
    lem = kwic("Negotiations resumed.", "negotiation", lemmatize=True)
    assert lem["keyword"].tolist() == ["Negotiations"]
    with pytest.raises(ParameterError, match="unit"):
        kwic(text, "iran", unit="lines")
    with pytest.raises(ParameterError, match="term"):
        kwic(text, "  ")


def test_term_positions(seed_text):
    pos = term_positions(seed_text, ["iran", "maximum pressure"])
    assert list(pos.columns) == list(POSITION_COLUMNS)
    assert (pos["term"] == "iran").sum() == 9 and (pos["term"] == "maximum pressure").sum() == 3
    words = text_layer.segment(seed_text).words()
    assert all(words[i][0] == s for i, s in zip(pos["word_index"], pos["start"]))
    assert pos.attrs["n_words"] == len(words) and pos.attrs["n_chars"] == len(seed_text)


def test_kwic_frame():
    arts = [Article(id=f"a{i}", title=t, author=a, text="\n".join(p))
            for i, (t, p, a) in enumerate(SMALL_CORPUS)]
    frame = terms.kwic_frame(arts, "said", 3)
    assert list(frame.columns) == ["article_id", *KWIC_COLUMNS]
    assert set(frame["article_id"]) == {"a0", "a1", "a2"}


# --------------------------------------------------------------------------- plots


def test_plots_return_axes(seed_text):
    import matplotlib.pyplot as plt

    tf = term_frequencies(seed_text)
    ax = term_plots.top_terms_bar(tf, n=5)
    assert isinstance(ax, Axes) and len(ax.patches) == 5
    assert [t.get_text() for t in ax.get_yticklabels()][0] == tf["term"].iloc[0]
    assert isinstance(term_plots.top_terms_bar(ngrams(seed_text), n=3), Axes)
    pos = term_positions(seed_text, ["iran", "trump"])
    ax = term_plots.dispersion_plot(pos)
    lo, hi = ax.get_xlim()  # the text's length plus a small margin, so ticks at the edges show
    assert lo < 0 < pos.attrs["n_words"] < hi
    k = keyness(seed_text, small_texts())
    ax = term_plots.keyness_bar(k, n=4)
    assert len(ax.patches) == 8  # four positive, four negative
    assert isinstance(term_plots.keyness_bar(k, value="log_ratio", negative=False), Axes)
    for empty in (term_plots.top_terms_bar(term_frequencies([])),
                  term_plots.dispersion_plot(term_positions("", ["x"])),
                  term_plots.keyness_bar(keyness("", "x"))):
        assert isinstance(empty, Axes)
    with pytest.raises(ParameterError):
        term_plots.top_terms_bar(pd.DataFrame({"x": [1]}))
    plt.close("all")


def test_plots_are_reexported():
    from analysis import plots

    assert plots.top_terms_bar is term_plots.top_terms_bar
    assert plots.keyness_bar is term_plots.keyness_bar
