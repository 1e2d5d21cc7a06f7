"""The text layer: paragraphs, sentences and tokens with exact offsets."""

from __future__ import annotations

import pytest

from analysis.errors import ParameterError
from analysis.text import (
    SENTENCE_COLUMNS,
    TOKEN_COLUMNS,
    normalise_quotes,
    paragraph_spans,
    paragraphs,
    segment,
    sentences,
    tokens,
    words,
)

# (text, expected sentences)
SPLITS = [
    ("Mr. Smith met Dr. Jones. They talked.", ["Mr. Smith met Dr. Jones.", "They talked."]),
    ("Mrs. Lee and Ms. Park left. Gen. Smith stayed.", ["Mrs. Lee and Ms. Park left.", "Gen. Smith stayed."]),
    ("Sen. Warren and Rep. Cruz met Gov. Abbott. Nothing changed.",
     ["Sen. Warren and Rep. Cruz met Gov. Abbott.", "Nothing changed."]),
    ("The U.S. and the U.K. spoke at the U.N. on Friday. Talks ended.",
     ["The U.S. and the U.K. spoke at the U.N. on Friday.", "Talks ended."]),
    ("Trump withdrew the U.S. The deal collapsed.", ["Trump withdrew the U.S.", "The deal collapsed."]),
    ("It happened on Jan. 5 and again on Sept. 12. Then it stopped.",
     ["It happened on Jan. 5 and again on Sept. 12.", "Then it stopped."]),
    ("Donald J. Trump won. He left.", ["Donald J. Trump won.", "He left."]),
    ("Acme Inc. and Beta Corp. merged. Smith Jr. agreed.",
     ["Acme Inc. and Beta Corp. merged.", "Smith Jr. agreed."]),
    ("He lives at No. 10 Downing St. in London. Fine.", ["He lives at No. 10 Downing St. in London.", "Fine."]),
    ("It costs $3.5 million. Growth was 2.7%.", ["It costs $3.5 million.", "Growth was 2.7%."]),
    ('He said "no." Then he left.', ['He said "no."', "Then he left."]),
    ("She said “it is over.” Nobody agreed.", ["She said “it is over.”", "Nobody agreed."]),
    ("“Why?” he asked. Nobody knew.", ["“Why?” he asked.", "Nobody knew."]),
    ("Wait... What happened? Nothing!", ["Wait...", "What happened?", "Nothing!"]),
    ("It was late… the room emptied. Then silence.", ["It was late… the room emptied.", "Then silence."]),
    ("‘It’s done,’ she said. Done.", ["‘It’s done,’ she said.", "Done."]),
    ("Talks resume at 3 p.m. on Monday. Good.", ["Talks resume at 3 p.m. on Monday.", "Good."]),
    ("No full stop at the end", ["No full stop at the end"]),
]


@pytest.mark.parametrize(("text", "expected"), SPLITS)
def test_sentence_splits(text, expected):
    df = sentences(text)
    assert df["text"].tolist() == expected
    for row in df.itertuples():
        assert text[row.start : row.end] == row.text


def test_sentences_never_cross_paragraphs():
    text = "A title without a stop\nThe body starts here. It goes on"
    assert sentences(text)["text"].tolist() == [
        "A title without a stop",
        "The body starts here.",
        "It goes on",
    ]
    assert sentences(text)["paragraph"].tolist() == [0, 1, 1]


def test_blank_line_paragraphs_join_soft_wraps():
    text = "First paragraph is\nwrapped here. Second sentence.\n\n  Next paragraph.  \n"
    assert paragraph_spans(text) == [(0, 49), (53, 68)]
    df = sentences(text)
    assert df["text"].tolist() == [
        "First paragraph is\nwrapped here.",
        "Second sentence.",
        "Next paragraph.",
    ]
    assert df["paragraph"].tolist() == [0, 0, 1]
    assert paragraphs(text)["text"].tolist() == [
        "First paragraph is\nwrapped here. Second sentence.",
        "Next paragraph.",
    ]


def test_seed_has_twelve_sentences_with_exact_offsets(seed_body):
    df = sentences(seed_body)
    assert list(df.columns) == list(SENTENCE_COLUMNS)
    assert len(df) == 12
    assert df["sent_id"].tolist() == list(range(12))
    for row in df.itertuples():
        assert seed_body[row.start : row.end] == row.text
        assert row.text == row.text.strip()
    assert df["text"].iloc[1].startswith("Majid Takht-Ravanchi, Iran’s deputy foreign minister")
    assert df["text"].iloc[5].endswith("maximum pressure will be met with maximum resistance.”")
    assert df["paragraph"].tolist() == [0, 1, 1, 2, 2, 2, 3, 3, 4, 4, 5, 5]


TOKENS = [
    ("Iran’s deputy", ["Iran", "’s", "deputy"]),
    ("Takht-Ravanchi said", ["Takht-Ravanchi", "said"]),
    ("don't can't won’t", ["do", "n't", "ca", "n't", "wo", "n’t"]),
    ("O'Brien's view", ["O'Brien", "'s", "view"]),
    ("the U.S. and U.K.", ["the", "U.S.", "and", "U.K."]),
    ("$3.5bn, 1,000 and 76%.", ["$3.5bn", ",", "1,000", "and", "76%", "."]),
    ("in the 1990s", ["in", "the", "1990s"]),
    ("“Maximum pressure”", ["“", "Maximum", "pressure", "”"]),
    ("café naïve Zürich", ["café", "naïve", "Zürich"]),
]


@pytest.mark.parametrize(("text", "expected"), TOKENS)
def test_tokens(text, expected):
    df = tokens(text)
    assert df["token"].tolist() == expected
    for row in df.itertuples():
        assert text[row.start : row.end] == row.token


def test_token_frame_columns_and_sentence_ids(seed_body):
    df = tokens(seed_body)
    assert list(df.columns) == list(TOKEN_COLUMNS)
    assert set(df["kind"]) <= {"word", "number", "clitic", "punct"}
    assert df["sent_id"].is_monotonic_increasing
    assert df["sent_id"].max() == 11
    assert len(tokens(seed_body, words_only=True)) == len(words(seed_body))
    # whitespace-separated words in the seed body: 300; tokens that are words: within a few
    assert abs(len(words(seed_body)) - 300) <= 9


def test_normalise_quotes_keeps_length():
    text = "“A” ‘b’ «c» „d‟ it’s"
    norm = normalise_quotes(text)
    assert len(norm) == len(text)
    assert norm == "\"A\" 'b' \"c\" \"d\" it's"


def test_normalise_quotes_equals_translating_every_character():
    from analysis.text import _QUOTE_MAP

    marks = "".join(map(chr, _QUOTE_MAP))
    for text in ["", "plain", "£5 “x” é", marks, marks[::-1] * 3 + "ß‘’", "’", "ÿ\u2032\u203a€"]:
        assert normalise_quotes(text) == text.translate(_QUOTE_MAP), text


@pytest.mark.parametrize("text", ["", "   ", "\n\n\n", "…", "“", "—"])
def test_degenerate_texts(text):
    seg = segment(text)
    for s, e in seg.sentences:
        assert text[s:e].strip()
    assert list(sentences(text).columns) == list(SENTENCE_COLUMNS)
    assert list(tokens(text).columns) == list(TOKEN_COLUMNS)


def test_empty_text_gives_empty_frames():
    assert sentences("").empty
    assert tokens("").empty


def test_non_string_is_a_clear_error():
    with pytest.raises(ParameterError, match="str"):
        segment(b"bytes")  # type: ignore[arg-type]


def test_sentence_of_offset(seed_body):
    seg = segment(seed_body)
    for i, (s, e) in enumerate(seg.sentences):
        assert seg.sentence_of(s) == i
        assert seg.sentence_of(e - 1) == i


# ------------------------------------------------------------------ the one-findall tokenizer

import bisect  # noqa: E402
import json  # noqa: E402

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from analysis import text as textmod  # noqa: E402


def _check_tokens(text: str) -> None:
    """segment()'s tokens, sentence ids and strings against _TOKEN_RE match by match."""
    seg = textmod.segment.__wrapped__(text)
    ref = tuple(textmod._tokenize(normalise_quotes(text)))
    assert seg.tokens == ref, text
    starts = [s for s, _ in seg.sentences]
    assert seg.token_sentence == tuple(
        max(bisect.bisect_right(starts, s) - 1, 0) if starts else -1 for s, _, _ in ref
    ), text
    assert seg.token_text == tuple(text[s:e] for s, e, _ in ref), text
    assert seg.token_kind == tuple(k for _, _, k in ref), text


_TOKEN_ATOMS = [
    "a", "A", "ab", "US", "U.S.", "e.g.", "n't", "n’t", "don't", "don’t", "'s", "’s", "‘s", "'re",
    "'t", "’", "'", "‘", "‚", "′", "‹", "«", "“", "”", '"', "3", "3.5", "1,000", "9/11", "76%",
    "3bn", "1990s", "$", "$10", "£5", "€", "-", "‐", "‑", "–", "—", "_", "x_y", "²", "٣", "é",
    "e\u0301", " ", "  ", "\n", "\n\n", "\t", "\u00a0", "\u2028", ".", ",", ";", ":", "!", "?",
    ")", "(", "s", "t", "th", "O", "Brien", "Takht", "Ravanchi",
]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_TOKEN_ATOMS), max_size=25))
def test_tokens_equal_the_pattern_match_by_match(atoms):
    _check_tokens("".join(atoms))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=30))
def test_tokens_equal_the_pattern_on_any_text(text):
    _check_tokens(text)


def test_tokens_equal_the_pattern_on_awkward_texts(seed_body):
    for text in [seed_body, "", " \n ", "n't_ x n’t_ 'm_", "O‘Brien's «x» don’t 3bn $ ", "end  \n\t "]:
        _check_tokens(text)


@pytest.mark.shared
def test_tokens_equal_the_pattern_on_the_corpora(shared_data):
    for path in (shared_data / "corpus" / "corpus.jsonl", shared_data / "quotes" / "polnear.dev.jsonl"):
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    _check_tokens(json.loads(line)["text"])


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="".join(map(chr, textmod._QUOTE_MAP)) + "ab é£\n\"'"))
def test_normalise_quotes_equals_translating_generated_texts(text):
    assert normalise_quotes(text) == text.translate(textmod._QUOTE_MAP)


def test_sentence_of_bisects_the_starts_kept_on_the_segmentation(seed_body):
    seg = segment(seed_body)
    starts = [s for s, _ in seg.sentences]
    assert seg.sentence_starts == tuple(starts) and seg.sentence_starts is seg.sentence_starts  # made once
    for offset in range(-3, len(seed_body) + 3):
        expected = max(i for i, s in enumerate([float("-inf")] + starts) if s <= offset) - 1
        assert seg.sentence_of(offset) == expected, offset
    assert seg.sentence_of(-1) == -1 and seg.sentence_of(len(seed_body)) == len(starts) - 1
