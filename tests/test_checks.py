"""analysis.checks: the failure conditions of the method cards, statements to read, verdicts."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import checks
from analysis.loaders import Article


def _statements(rows: list[tuple[str, str, str | None, str | None]], **extra) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["content", "type", "cue", "speaker"]).assign(**extra)


def test_sign_uses_the_neutral_band():
    assert [checks.sign(x) for x in (0.5, 0.05, 0.049, 0.0, -0.049, -0.05, -1.0)] == [1, 1, 0, 0, 0, -1, -1]
    assert checks.sign(0.2, neutral=0.3) == 0


def test_quotes_to_check_names_each_pattern():
    q = _statements([
        ("that the plan was fair", "indirect", "said", "Ana Ruiz"),  # nothing to check
        ("to engage", "indirect", "refusing", "Ana Ruiz"),  # short content and an -ing cue
        ("the need to wait before", "indirect", "stressed", "Ana Ruiz"),  # cut off
        ("“No,”", "direct", "said", "Ana Ruiz"),  # a short direct quote is fine
        ("that the talks would go on", "indirect", "said", "Tehran"),  # metonymy
        ("that it was over", "indirect", "added", "she"),  # unresolved pronoun
        ("that the deal is off", "indirect", "According to", "a spokesman"),  # not an -ing cue
        ("“It is over.”", "direct", "", "Ana Ruiz"),  # a continuing quotation, no cue
    ])
    out = checks.quotes_to_check(q)
    assert list(out.columns) == list(checks.CHECK_COLUMNS)
    assert out.index.tolist() == [1, 2, 4, 5]
    assert "short content" in out.loc[1, "check"] and "-ing cue" in out.loc[1, "check"]
    assert out.loc[2, "check"] == "content ends on 'before': cut off?"
    assert out.loc[4, "check"].startswith("one-word speaker")
    assert out.loc[5, "check"] == "speaker is a pronoun the extractor could not resolve"


def test_quotes_to_check_keeps_article_ids_and_handles_missing_values():
    q = _statements([("that it rained", "indirect", None, None), ("to go", "indirect", "said", "Officials")],
                    article_id=["a", "b"])
    out = checks.quotes_to_check(q, min_words=2)
    assert out["article_id"].tolist() == ["b"]
    assert out["check"].iloc[0].startswith("one-word speaker")
    empty = checks.quotes_to_check(q.iloc[:0])
    assert empty.empty and list(empty.columns) == ["article_id", *checks.CHECK_COLUMNS]


def test_failure_conditions_count_missing_and_pronoun_speakers_apart(monkeypatch):
    statements = _statements([("a", "indirect", "said", None), ("b", "indirect", "said", "she"),
                              ("c", "indirect", "said", "We"), ("d", "indirect", "said", "Ana Ruiz")])
    monkeypatch.setattr(checks.quotes, "quotes_frame", lambda articles, on_error: statements)
    art = Article(id="x", title="", author="", text="The regime is a barbaric tyranny. Poverty was cut by half.")
    c = checks.failure_conditions(art).set_index("condition")
    assert list(c.reset_index().columns) == list(checks.CONDITION_COLUMNS)
    assert c.loc["no speaker found", ["n", "total"]].tolist() == [1, 4]
    assert c.loc["speaker is an unresolved pronoun", ["n", "total"]].tolist() == [2, 4]
    assert c.loc["VADER found no word", ["n", "total"]].tolist() == [1, 2]  # "tyranny" is not in VADER's lexicon
    assert c.loc["speaker is an unresolved pronoun", "share"] == pytest.approx(0.5)
    assert c.loc["terms seen once", "unit"] == "distinct terms"


def test_failure_conditions_on_an_empty_corpus_share_is_nan(monkeypatch):
    monkeypatch.setattr(checks.quotes, "quotes_frame", lambda articles, on_error: _statements([]))
    c = checks.failure_conditions(Article(id="x", title="", author="", text="")).set_index("condition")
    assert c.loc["no speaker found", "total"] == 0 and pd.isna(c.loc["no speaker found", "share"])


def test_quote_verdicts_tell_right_wrong_speaker_missing_cue_and_miss(monkeypatch):
    found = {
        "s1": _statements([("x", "indirect", "Said", "The Mayor")]),
        "s2": _statements([("x", "indirect", "said", "Jones")]),
        "s3": _statements([("x", "direct", None, None)]),
        "s4": _statements([]),
    }
    monkeypatch.setattr(checks.quotes, "extract_quotes", lambda s: found[s])
    v = checks.quote_verdicts([("s1", "the mayor", "said"), ("s2", "Smith", "said"), ("s3", "the coach", "muttered"),
                               ("s4", "the report", "said")])
    assert list(v.columns) == list(checks.VERDICT_COLUMNS)
    assert v["verdict"].tolist() == ["right", "wrong speaker", "cue not found", "missed: no statement found"]
    assert v["extractor"].tolist() == ["The Mayor / Said", "Jones / said", "(none) / (none)", "(nothing)"]
    assert v["reader"].iloc[1] == "Smith / said"
