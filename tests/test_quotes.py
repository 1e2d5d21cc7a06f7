"""Tests for analysis.quotes: quotations, reported speech, speakers, HTML, evaluation floor."""

from __future__ import annotations

import importlib.util
import json
import sys

import pandas as pd
import pytest

from analysis.cues import cue_table, inflect, match_cue
from analysis.errors import ParameterError
from analysis.loaders import Article
from analysis.paths import PROJECT_ROOT
from analysis.quotes import (
    EXTRA_COLUMNS,
    QUOTE_COLUMNS,
    SPEAKER_COLUMNS,
    extract_quotes,
    highlight_html,
    quote_columns,
    quotation_spans,
    quotes_frame,
    speakers,
)


def rows(text: str) -> list[tuple[str, str, str | None]]:
    q = extract_quotes(text)
    return list(zip(q["content"], q["type"], q["speaker"]))


def check_offsets(text: str, q: pd.DataFrame) -> None:
    for r in q.itertuples(index=False):
        assert text[r.start : r.end] == r.content
        if not pd.isna(r.speaker_start):
            assert 0 <= r.speaker_start < r.speaker_end <= len(text)
    assert list(q["start"]) == sorted(q["start"])


# --- one statement per sentence: (text, content, type, speaker) ----------------------------
POSITIVE = [
    ("“We will win,” she said. Ann Lee added that it was close.", "that it was close", "indirect", "Ann Lee"),
    ('"This is over," said Tom Reed, a spokesman for the city.', '"This is over,"', "direct", "Tom Reed"),
    ("‘We are ready,’ the minister told reporters.", "‘We are ready,’", "direct", "the minister"),
    ("Officials said the bridge would reopen on Monday.", "the bridge would reopen on Monday", "indirect", "Officials"),
    ("The bridge will reopen on Monday, a senior official said.", "The bridge will reopen on Monday", "indirect", "a senior official"),
    ("The ministry told reporters that the talks had failed.", "that the talks had failed", "indirect", "the ministry"),
    ("According to the ministry, the talks had failed.", "the talks had failed", "indirect", "the ministry"),
    ("The talks had failed, according to two diplomats.", "The talks had failed", "indirect", "two diplomats"),
    ("Sen. Elizabeth Warren insisted that the bill would pass.", "that the bill would pass", "indirect", "Elizabeth Warren"),
    ("Mayor Ana Ruiz said the lanes would “transform the city.”", "the lanes would “transform the city.”", "mixed", "Ana Ruiz"),
    ("Trump, in Kentucky, said Tuesday that Rubio was “a lightweight.”", "that Rubio was “a lightweight.”", "mixed", "Trump"),
    ("Chris Cox, who runs the lobbying arm, says the actions would not help.", "the actions would not help", "indirect", "Chris Cox"),
    ("Gingrich: Trump must decide soon whether he wants a running mate.", "Trump must decide soon whether he wants a running mate", "indirect", "Gingrich"),
]


@pytest.mark.parametrize("text,content,typ,speaker", POSITIVE)
def test_statements(text: str, content: str, typ: str, speaker: str) -> None:
    q = extract_quotes(text)
    check_offsets(text, q)
    found = [(c, t, s) for c, t, s in zip(q["content"], q["type"], q["speaker"]) if c == content]
    assert found, f"{content!r} not in {q['content'].tolist()}"
    assert found[0][1] == typ
    assert found[0][2] == speaker


# --- no statements at all ---------------------------------------------------------------------
NEGATIVE = [
    "",
    "   \n  ",
    "The council met on Tuesday and approved the budget.",
    "Iran is part of the “axis of resistance” against Israel.",
    "Trump's “maximum pressure” campaign escalated tensions with Iran.",
    "She reread “War and Peace” on the train.",
    "The so-called “deal of the century” was never published.",
    "The reported deal was worth $5 billion.",
    "His claims were false and his plans were vague.",
    "The United States and its allies met in Brussels.",
    "Trump has since nominated hawks to key positions, signaling a hardline approach.",
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_no_statement(text: str) -> None:
    q = extract_quotes(text)
    assert q.empty
    assert list(q.columns) == list(QUOTE_COLUMNS + EXTRA_COLUMNS)


def test_split_quote_gives_two_rows_same_speaker() -> None:
    text = "“We will win,” she said, “and we will win soon.” Jane Doe is the mayor."
    q = extract_quotes(text, resolve_pronouns=False)
    assert q["content"].tolist() == ["“We will win,”", "“and we will win soon.”"]
    assert set(q["speaker"]) == {"she"}
    assert (q["type"] == "direct").all()


def test_multi_paragraph_quote_and_continuation() -> None:
    text = (
        "Ann Lee, the mayor, said:\n"
        "“The lanes are the first step. We will build more\n"
        "“and we will do it this year,” she added.\n"
        "“Nobody will stop us now, whatever they say.”"
    )
    q = extract_quotes(text)
    check_offsets(text, q)
    assert len(q) == 3
    assert set(q["speaker"]) == {"Ann Lee"}
    assert q.iloc[0]["content"].startswith("“The lanes")
    assert q.iloc[0]["content"].endswith("more")  # runs to the end of its paragraph
    assert q.iloc[2]["cue"] == ""  # a quotation that continues the speaker's


@pytest.mark.parametrize(
    "text",
    [
        "He said “this never closes. And the article goes on.\nA second paragraph, “with another.\nThe end.",
        'She said "unbalanced. ' + "Filler sentence number. " * 20,
        "“" * 7 + "”" * 3 + " said he.",
        "'''' \"\" ‘’ «» „“",
    ],
)
def test_unbalanced_marks_do_not_throw_or_swallow(text: str) -> None:
    q = extract_quotes(text)
    check_offsets(text, q)
    spans = quotation_spans(text)
    # no quotation reaches past the end of its sentence when the paragraph goes on
    for r in spans.itertuples(index=False):
        assert r.end - r.start <= max(len(p) for p in text.split("\n")) + 1
    if "Filler" in text:
        assert spans.iloc[0]["end"] < len(text) - 100


def test_pronoun_resolution_and_option() -> None:
    text = "Majid Takht-Ravanchi, Iran's deputy foreign minister, spoke. He warned that talks would fail."
    q = extract_quotes(text)
    row = q[q["cue"] == "warned"].iloc[0]
    assert row["speaker"] == "Majid Takht-Ravanchi"
    assert text[row["speaker_start"] : row["speaker_end"]] == "He"
    q2 = extract_quotes(text, resolve_pronouns=False)
    assert q2[q2["cue"] == "warned"].iloc[0]["speaker"] == "He"


def test_surname_resolves_to_full_name() -> None:
    text = "Peter Cook runs the office. Cook said the practice had stopped."
    q = extract_quotes(text)
    assert q["speaker"].tolist() == ["Peter Cook"]
    assert q["speaker_mention"].tolist() == ["Cook"]


def test_cue_categories() -> None:
    q = extract_quotes("Ann Lee claimed that it was late. Tom Reed said it was early.")
    assert dict(zip(q["cue"], q["cue_category"])) == {"claimed": "loaded", "said": "neutral"}
    table = cue_table()
    assert {"neutral", "loaded"} <= set(table["category"])
    assert table["lemma"].is_unique


def test_cue_lexicon_inflection() -> None:
    assert inflect("admit")[:2] == ["admit", "admits"]
    assert match_cue(["noting", "that"], 0).participle
    assert match_cue(["pointed", "out"], 0).form == "pointed out"


def test_not_a_string() -> None:
    with pytest.raises(ParameterError):
        extract_quotes(None)  # type: ignore[arg-type]


# --- the seed article ---------------------------------------------------------------------------
SEED_STATEMENTS = [
    ("openness to negotiations", "Iran"),
    ("any attempt to reimpose", "Iran"),
    ("coercion would not work", "Majid Takht-Ravanchi"),
    ("the need to observe US policy", "Majid Takht-Ravanchi"),
    ("it was premature to predict", "Majid Takht-Ravanchi"),
    ("the 2015 nuclear deal", "Majid Takht-Ravanchi"),
    ("willingness to resume talks", "Majid Takht-Ravanchi"),
    ("maximum pressure will be met with maximum resistance", "Majid Takht-Ravanchi"),
    ("oil exports to zero would fail", "Majid Takht-Ravanchi"),
    ("the Iranian government hoped", "Majid Takht-Ravanchi"),
    ("it is prepared to defend itself", "Majid Takht-Ravanchi"),
    ("these groups remains unchanged", "Majid Takht-Ravanchi"),
]


@pytest.fixture(scope="module")
def seed_quotes(seed_body: str) -> pd.DataFrame:
    return extract_quotes(seed_body)


def test_seed_statements(seed_body: str, seed_quotes: pd.DataFrame) -> None:
    check_offsets(seed_body, seed_quotes)
    found = 0
    for needle, speaker in SEED_STATEMENTS:
        hits = seed_quotes[seed_quotes["content"].str.contains(needle, regex=False)]
        found += bool(len(hits)) and hits.iloc[0]["speaker"] == speaker
    assert found >= 10
    # every row is one of the attributed statements (at most two extra rows)
    matched = seed_quotes["content"].map(
        lambda c: any(n in c for n, _ in SEED_STATEMENTS)
        or any(w in c for w in ("likelihood of new oil sanctions", "blamed", "Trump administration for sabotaging"))
    )
    assert (~matched).sum() <= 2


def test_seed_mixed_quote_through_he(seed_body: str, seed_quotes: pd.DataFrame) -> None:
    row = seed_quotes[seed_quotes["content"].str.contains("met with maximum resistance", regex=False)].iloc[0]
    assert row["type"] == "mixed"
    assert row["speaker"] == "Majid Takht-Ravanchi"
    assert seed_body[row["speaker_start"] : row["speaker_end"]] == "He"


def test_seed_no_scare_quote_rows(seed_quotes: pd.DataFrame) -> None:
    stripped = seed_quotes["content"].str.strip("“”\"'‘’ .,")
    assert not stripped.isin(["maximum pressure", "axis of resistance"]).any()
    assert not seed_quotes["content"].str.startswith(("“maximum", '"axis')).any()


def test_seed_speakers_table(seed_quotes: pd.DataFrame) -> None:
    table = speakers(seed_quotes)
    assert list(table.columns) == list(SPEAKER_COLUMNS)
    top = table.iloc[0]
    assert top["speaker"] == "Majid Takht-Ravanchi"
    assert top["n_quotes"] >= 10
    assert "Iran’s deputy foreign minister" in top["titles"]
    assert table["n_quotes"].is_monotonic_decreasing
    assert top["n_words"] > table.iloc[1]["n_words"]


# --- speakers() over a corpus -----------------------------------------------------------------
def test_quotes_frame_and_speakers_across_articles() -> None:
    arts = [
        Article(id="a", title="A", author="", text="Ann Lee said it was late. Tom Reed said no.", paragraphs=(), source="", meta={}),
        Article(id="b", title="B", author="", text="Ann Lee said it was early.", paragraphs=(), source="", meta={}),
        Article(id="c", title="C", author="", text="Nothing here.", paragraphs=(), source="", meta={}),
    ]
    qf = quotes_frame(arts)
    assert qf.columns[0] == "article_id"
    assert qf["article_id"].tolist() == ["a", "a", "b"]
    per_article = speakers(qf)
    assert list(per_article.columns) == ["article_id", *SPEAKER_COLUMNS]
    assert len(per_article) == 3
    merged = speakers(qf, across_articles=True)
    lee = merged[merged["speaker"] == "Ann Lee"].iloc[0]
    assert lee["n_quotes"] == 2 and lee["n_articles"] == 2
    assert merged.iloc[0]["speaker"] == "Ann Lee"


def test_speakers_empty_and_bad_input() -> None:
    empty = speakers(extract_quotes("No quotes."))
    assert empty.empty and list(empty.columns) == list(SPEAKER_COLUMNS)
    with pytest.raises(ParameterError):
        speakers(pd.DataFrame({"x": [1]}))




# --- reported speech beyond a name before the cue ---------------------------------------------
REPORTED = [
    # (text, content, speaker): long subjects, descriptions, questions and passives
    ("Shane Shook, a security expert who has helped investigate the breaches, said he saw no evidence.",
     "he saw no evidence", "Shane Shook"),
    ("A spokeswoman for the Clinton campaign said the claim was false.", "the claim was false",
     "a spokeswoman for the Clinton campaign"),
    ("Aides to Clinton say she will win.", "she will win", "Aides to Clinton"),
    ("Jeb Bush and Chris Christie say Rubio has not been tested.", "Rubio has not been tested", "Chris Christie"),
    ("Geoff Garin posited that the unemployment rate matters more.", "that the unemployment rate matters more", "Geoff Garin"),
    ("Ann Lee spoke first. Her view is that the economy will recover.", "that the economy will recover", "Ann Lee"),
    ("The judge rubbed his chin, and then said something very strange.", "something very strange", "the judge"),
    ("I told the court that I was sorry.", "that I was sorry", "I"),
]


@pytest.mark.parametrize("text,content,speaker", REPORTED)
def test_reported_speech_speakers(text: str, content: str, speaker: str) -> None:
    q = extract_quotes(text)
    check_offsets(text, q)
    found = q[q["content"] == content]
    assert len(found) == 1, q[["content", "speaker"]].values.tolist()
    assert found.iloc[0]["speaker"] == speaker


def test_questions_and_passives_have_no_speaker() -> None:
    text = "Asked whether he would run, Trump said he might. Sanders was asked to name a decision."
    q = extract_quotes(text)
    rows = dict(zip(q["content"], q["speaker"]))
    assert "whether he would run" in rows and pd.isna(rows["whether he would run"])
    assert rows["he might"] == "Trump"
    assert "to name a decision" in rows and pd.isna(rows["to name a decision"])


def test_after_a_quotation_the_rest_is_circumstance() -> None:
    text = "“I accept,” Amandla Stenberg said as she accepted her award. “We won,” he told the Post."
    q = extract_quotes(text)
    assert q["content"].tolist() == ["“I accept,”", "“We won,”"]
    assert q["speaker"].tolist()[0] == "Amandla Stenberg"


def test_nouns_that_look_like_cues_are_not_cues() -> None:
    text = "He could win swing states like Arizona. The attacks in Paris shook voters. He came back to Iowa."
    assert extract_quotes(text).empty

# --- quote_columns: the plain-list form of extract_quotes --------------------------------------
COLUMN_TEXTS = [
    "",
    "No quotes here.",
    "“We will win,” she said, “and we will win soon.” Jane Doe is the mayor.",
    "Ann Lee, the mayor, said it was late. “Go,” Tom Reed said. He added that it was cold.",
    "“Nobody,” it said. “Really nobody.”",  # speaker-less rows: None in text and int columns
    'He said "unbalanced. And on.\nOfficials said the bridge would reopen, according to the city.',
]


@pytest.mark.parametrize("text", COLUMN_TEXTS)
def test_quote_columns_equal_extract_quotes(text: str) -> None:
    cols = quote_columns(text)
    assert list(cols) == list(QUOTE_COLUMNS + EXTRA_COLUMNS)
    assert len({len(v) for v in cols.values()}) == 1
    for name in ("start", "end", "speaker_start", "speaker_end", "sent_id", "paragraph"):
        assert all(v is None or type(v) is int for v in cols[name])
    frame = extract_quotes(text)
    if not cols["start"]:  # no rows: the empty frame of fixed columns
        assert frame.empty and list(frame.columns) == list(cols)
        return
    ints = {c: "Int64" for c in frame.columns if str(frame[c].dtype) == "Int64"}
    pd.testing.assert_frame_equal(pd.DataFrame(cols).astype(ints), frame)


def test_speakers_matches_a_groupby_reference(seed_quotes: pd.DataFrame) -> None:
    frames = [extract_quotes(t) for t in COLUMN_TEXTS[2:]] + [seed_quotes]
    for q in frames:
        table = speakers(q)
        ref = (
            q[q["speaker"].notna()]
            .assign(n_words=lambda d: d["content"].str.count(r"\w+"))
            .groupby("speaker", sort=False)
            .agg(n_quotes=("start", "size"), n_words=("n_words", "sum"), first_position=("start", "min"))
            .reset_index()
            .sort_values(["n_quotes", "first_position"], ascending=[False, True], kind="stable")
        )
        assert table["speaker"].tolist() == ref["speaker"].tolist()
        assert table["n_quotes"].tolist() == ref["n_quotes"].tolist()
        assert table["n_words"].tolist() == ref["n_words"].tolist()
        assert table["first_position"].tolist() == [int(x) for x in ref["first_position"]]
        assert table.empty or str(table["n_quotes"].dtype) == "int64"

# --- HTML ----------------------------------------------------------------------------------------
def test_highlight_html_escapes_and_marks() -> None:
    text = "<script>alert(1)</script> Ann Lee said it was <b>late</b>.\n“Go,” Tom Reed said."
    q = extract_quotes(text)
    out = highlight_html(text, q)
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert "<b>late</b>" not in out
    assert out.count("<mark") == len(q) >= 2
    assert "Ann Lee" in out and "Tom Reed" in out  # legend
    assert out.count("<p>") >= 2


# --- evaluation floor ----------------------------------------------------------------------------
@pytest.mark.shared
def test_evaluation_floor_on_dev_slice(shared_data) -> None:
    gold_path = shared_data / "quotes" / "polnear.dev.jsonl"
    spec = importlib.util.spec_from_file_location("evaluate_quotes", PROJECT_ROOT / "benchmarks" / "evaluate_quotes.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules["evaluate_quotes"] = mod
    spec.loader.exec_module(mod)
    docs = mod.read_gold(gold_path, limit=25)
    scorer = mod.load_scorer(gold_path)
    preds = {p["id"]: p for p in json.loads(json.dumps(mod.predict(docs)))}
    res = scorer.score({d["id"]: d for d in docs}, preds)
    # measured on these 25 articles: overlap F1 0.723, end-to-end F1 0.625, direct recall 0.922
    assert res["all"]["overlap"]["f1"] >= FLOOR_OVERLAP
    assert res["all"]["end_to_end"]["f1"] >= FLOOR_E2E
    assert res["by_type"]["direct"]["overlap"]["recall"] >= FLOOR_DIRECT_RECALL
    base = scorer.score({d["id"]: d for d in docs}, {p["id"]: p for p in mod.predict_baseline(docs)})
    assert res["all"]["overlap"]["f1"] > base["all"]["overlap"]["f1"] + 0.1


FLOOR_OVERLAP = 0.70
FLOOR_E2E = 0.60
FLOOR_DIRECT_RECALL = 0.90


@pytest.mark.parametrize(
    "text",
    [
        "Mary Smith met John Brown on Monday. She said he was wrong.",
        "Mary Smith met John Brown. She said he was wrong.",
    ],
)
def test_pronoun_resolution_does_not_join_names_across_a_full_stop(text):
    frame = extract_quotes(text)
    assert len(frame) == 1
    speaker = frame["speaker"].iloc[0]
    assert "." not in speaker and speaker in {"Mary Smith", "John Brown"}
    row = frame.iloc[0]
    assert text[row.speaker_start : row.speaker_end] == "She"


def test_name_index_keeps_titles_and_initials_inside_a_name():
    frame = extract_quotes("Sen. John F. Kennedy arrived. He said it was over.")
    assert frame["speaker"].tolist() == ["John F. Kennedy"]


# --- constructions of general news style (BBC, Guardian, AP) ------------------------------------
# (text, content, speaker) for one statement each; every row must satisfy the offsets contract.
NEWS_STYLE = [
    # a parenthetical cue keeps the clause on both sides
    ("The deal, she said on Monday, would collapse within weeks.", "would collapse within weeks", "she"),
    ("The deal, she said on Monday, would collapse within weeks.", "The deal", "she"),
    ("It was, he said, one of the worst days of his life.", "one of the worst days of his life", "he"),
    # "As X reported/told ..., CONTENT"
    ("As the BBC reported, the talks broke down late on Friday.", "the talks broke down late on Friday", "the BBC"),
    ("As Ms Khan told the Guardian, the plan had never been costed.", "the plan had never been costed", "Khan"),
    ("As reported by Reuters, the factory will close next year.", "the factory will close next year", "Reuters"),
    # "according to" with a pronoun, and in the middle of a sentence (both pieces)
    ("He left the party after, according to him, the leadership ignored his warnings.",
     "the leadership ignored his warnings", "him"),
    ("Among the risks, according to the report, are rising interest rates.", "are rising interest rates", "the report"),
    ("Among the risks, according to the report, are rising interest rates.", "Among the risks", "the report"),
    # speakers: determiners standing alone, plural and long subjects, appositions with titles
    ("Most said they would vote again.", "they would vote again", "Most"),
    ("One company says there are 2,400 billionaires, while another says there are about 1,800.",
     "there are about 1,800", "another"),
    ("Polls there show the mayor is trailing by ten points.", "the mayor is trailing by ten points", "Polls there"),
    ("A YouGov poll, conducted for the Times, shows Labour ahead by four points.",
     "Labour ahead by four points", "A YouGov poll, conducted for the Times"),
    ("Joe Scarborough, host of MSNBC’s “Morning Joe,” suggested the candidate should withdraw.",
     "the candidate should withdraw", "Joe Scarborough"),
    ("Tad Devine, Sanders' senior adviser, said the party was divided.", "the party was divided", "Tad Devine"),
    ("Still, the campaign will change its tactics, a source close to him said.",
     "the campaign will change its tactics", "a source close to him"),
    ("Gary Emineth, a former party chairman, became a delegate and said he would back the rebels.",
     "he would back the rebels", "Gary Emineth"),
    ("The mayor at the time said she had no plans to resign.", "she had no plans to resign", "The mayor"),
    # content before the speaker: "..., records show." and "..., the source added."
    ("The jet was insured for $35 million in 2011, records show.", "The jet was insured for $35 million in 2011", "records"),
    ("The strike will go ahead on Monday, the union added.", "The strike will go ahead on Monday", "the union"),
    # verbs outside the lexicon after a quotation, and speakers after it
    ("“Not today,” the minister snapped.", "“Not today,”", "the minister"),
    ("“Everyone should stay at home,” opined the Yorkshire Post.", "“Everyone should stay at home,”", "the Yorkshire Post"),
    ("“They know the risks,” a voice-over in the advert states.", "“They know the risks,”", "a voice-over in the advert"),
    # passives with their agent, nominal cues
    ("The decision was first reported by the Financial Times.", "The decision", "the Financial Times"),
    ("The minister has been criticised by some of his own MPs.", "The minister", "some of his own MPs"),
    ("The unions were angered by the prime minister's claim that the strikes were illegal.",
     "that the strikes were illegal", "prime minister"),
    # BBC style: a named addressee after "told", "a spokesperson for ...", "the BBC understands"
    ("He told the BBC the decision was final.", "the decision was final", "He"),
    ("The minister told BBC Radio 4's Today programme the plans would be published.",
     "the plans would be published", "The minister"),
    ('A spokesperson for the Home Office said: "We do not comment on individual cases."',
     '"We do not comment on individual cases."', "A spokesperson for the Home Office"),
    ("The BBC understands the talks have stalled.", "the talks have stalled", "The BBC"),
    # mined cue verbs
    ("The senator retweeted a video of the rally.", "a video of the rally", "The senator"),
    ("He likened the policy to a tax on the poor.", "the policy to a tax on the poor", "He"),
]


@pytest.mark.parametrize("text,content,speaker", NEWS_STYLE)
def test_news_style_constructions(text: str, content: str, speaker: str) -> None:
    q = extract_quotes(text, resolve_pronouns=False)
    check_offsets(text, q)
    found = q[q["content"] == content]
    assert len(found) == 1, q[["content", "speaker"]].values.tolist()
    row = found.iloc[0]
    assert speaker in row["speaker"] or speaker in row["speaker_mention"], (row["speaker"], row["speaker_mention"])


# Nothing here is an attributed statement, or at least not the part named.
NOT_CONTENT = [
    ("Six months ago, the senator said, the media ignored him.", "Six months ago"),
    ("In particular, he said, the foundation had free use of the hall.", "In particular"),
    ("Holding up a copy of the report, Ms Lee said, “This proves it.”", "Holding up a copy of the report"),
    ("But, Mr. Hill said, the vote would go ahead.", "But"),
    ("The aircraft was insured in 2011, records show, and experts say it is worth less now.", "and"),
]


@pytest.mark.parametrize("text,piece", NOT_CONTENT)
def test_adverbials_and_connectives_are_not_content(text: str, piece: str) -> None:
    q = extract_quotes(text)
    check_offsets(text, q)
    assert len(q) >= 1
    assert piece not in q["content"].tolist()


@pytest.mark.parametrize(
    "text",
    [
        "Initial reports of the incident were confused.",  # "reports of": a noun
        "The jobs report has cleared the way for a rate rise.",  # "report has": a noun
        "She won 300 pledged delegates in March.",  # "pledged delegates": an adjective
        "The ballot will compete with other ballot questions, Senate races and the presidency.",
        "Beijing's grander commercial plans - to export its overcapacity - may fail.",
        "The rebels were hit by a missile on Sunday.",  # a passive agent, not a cue verb
        "She is said to be furious with the board.",  # "said to be": no statement
        "The so-called “people's vote” campaign ended.",
        "He read “War and Peace” twice.",  # a title of a work
        "They hired a firm called Cambridge Analytica.",  # naming, not calling
        "The company called off the merger.",
        "The union called a strike for Monday.",
    ],
)
def test_not_statements_in_news_style(text: str) -> None:
    q = extract_quotes(text)
    assert q.empty, q[["content", "cue", "speaker"]].values.tolist()


def test_cue_inside_a_later_speaker_phrase_is_not_a_statement() -> None:
    text = "Zeke Emanuel, an oncologist who advised Obama on the overhaul, said the law was a success."
    q = extract_quotes(text)
    assert q["content"].tolist() == ["the law was a success"]
    assert q["speaker"].tolist() == ["Zeke Emanuel"]


def test_quotation_without_cue_takes_the_speaker_later_in_its_paragraph() -> None:
    text = (
        "Ann Lee, the mayor, opened the session.\n"
        "“The budget is tight. We will cut.” “Nobody likes it,” said Tom Reed, the treasurer."
    )
    q = extract_quotes(text)
    check_offsets(text, q)
    rows = dict(zip(q["content"], q["speaker"]))
    assert rows["“Nobody likes it,”"] == "Tom Reed"
    assert rows["“The budget is tight. We will cut.”"] == "Tom Reed"


# --- the fast paths of quote_columns give the results of the full scan ---------------------------
FAST_PATH_TEXTS = [
    *(text for text, *_ in POSITIVE),
    *NEGATIVE,
    *(text for text, *_ in NEWS_STYLE),
    *(text for text, _ in NOT_CONTENT),
    *COLUMN_TEXTS,
    "GINGRICH: Trump must decide. Garin posits that the rate matters. The plans that he made failed.",
    "Ünal İnce said the İstanbul office would close. “No,” she snapped. Sanders' aides say it's over.",
]


def _with_and_without_fast_paths(texts: list[str], monkeypatch: pytest.MonkeyPatch) -> tuple[list, list]:
    import analysis.quotes as quotes_mod

    fast = [quote_columns(t) for t in texts]
    monkeypatch.setattr(quotes_mod, "_FAST_PATHS", False)
    full = [quote_columns(t) for t in texts]
    return fast, full


def test_fast_paths_equal_the_full_scan(seed_body: str, monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [seed_body, *FAST_PATH_TEXTS]
    fast, full = _with_and_without_fast_paths(texts, monkeypatch)
    assert sum(len(c["start"]) for c in fast) > 50  # the texts do hold statements
    for text, a, b in zip(texts, fast, full):
        assert a == b, text


@pytest.mark.shared
def test_fast_paths_equal_the_full_scan_on_the_corpus(shared_data, monkeypatch: pytest.MonkeyPatch) -> None:
    texts = []
    with (shared_data / "corpus" / "corpus.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                texts.append(json.loads(line)["text"])
            if len(texts) >= 150:
                break
    fast, full = _with_and_without_fast_paths(texts, monkeypatch)
    assert fast == full


# --- evidentials, expectations and naming without a source (PARC 3.0 attributions) ------------
# (text, pieces): the content pieces, subject first; the speaker is None for all of them.
SOURCELESS = [
    ("Ben Carson appears to be slipping in the polls.", ["Ben Carson", "to be slipping in the polls"]),
    ("The senator seemed lost.", ["The senator", "lost"]),
    ("Picking winners and losers seemed beside the point.", ["Picking winners and losers", "beside the point"]),
    ("It seems that the plan has failed.", ["that the plan has failed"]),
    ("The White House is expected to sign the measure.", ["The White House", "to sign the measure"]),
    ("Labour won the series of contests known as the local elections.",
     ["the series of contests", "the local elections"]),
    ("The inquiry is seen as a test of the new government.", ["The inquiry", "a test of the new government"]),
    ("The minister reportedly left the party in protest.", ["The minister", "left the party in protest"]),
]


@pytest.mark.parametrize("text,pieces", SOURCELESS)
def test_sourceless_attributions(text: str, pieces: list[str]) -> None:
    q = extract_quotes(text)
    check_offsets(text, q)
    assert q["content"].tolist() == pieces
    assert q["speaker"].isna().all()
    assert set(q["cue_category"]) == {"neutral"}


@pytest.mark.parametrize(
    "text",
    [
        "She appeared on BBC One on Sunday.",  # "appear" as "show up"
        "He appeared in court twice.",
        "The actor has seen as many as ten directors.",  # not "seen as"
        "The club, formerly known as Wimbledon, moved.",  # only the name after "known as" (no subject)
    ],
)
def test_appear_and_seen_as_negatives(text: str) -> None:
    q = extract_quotes(text)
    check_offsets(text, q)
    if "known as" in text:
        assert q["content"].tolist() == ["Wimbledon"]
    else:
        assert q.empty, q[["content", "cue"]].values.tolist()


def test_evidential_inside_reported_speech_is_part_of_it() -> None:
    q = extract_quotes("The mayor said the council seemed divided.")
    assert q["content"].tolist() == ["the council seemed divided"]
    assert q["speaker"].tolist() == ["the mayor"]


def test_relative_clause_content_ends_at_its_comma() -> None:
    text = "The committee, which is seen as close to the government, rejected the plan."
    q = extract_quotes(text)
    assert q["content"].tolist() == ["which", "close to the government", "the plan"]
    assert q["speaker"].tolist()[2] == "the committee"  # the subject before the aside rejected it


# --- a gerund after a preposition belongs to the content before it ---------------------------
def test_gerund_after_a_preposition_is_part_of_the_content() -> None:
    text = "He blamed the council for delaying the works by refusing to meet the residents."
    q = extract_quotes(text)
    check_offsets(text, q)
    assert q["content"].tolist() == ["the council for delaying the works by refusing to meet the residents"]
    text = "She stressed the need to wait before responding, noting that the talks were at an early stage."
    q = extract_quotes(text)
    assert q["content"].tolist() == ["the need to wait before responding", "that the talks were at an early stage"]
    assert q["cue"].tolist() == ["stressed", "noting"]


def test_gerund_right_after_its_verb_is_its_own_statement() -> None:
    q = extract_quotes("The broadcaster responded by saying that it does not pay guests.")
    assert q["content"].tolist() == ["that it does not pay guests"]
    assert q["cue"].tolist() == ["saying"]
    assert q["speaker"].tolist() == ["the broadcaster"]


def test_seed_gerunds_stay_in_their_content(seed_quotes: pd.DataFrame) -> None:
    contents = seed_quotes["content"].tolist()
    assert "the need to observe US policy before responding" in contents
    assert any(c.endswith("during the first term by refusing to engage") for c in contents)
    assert not seed_quotes["cue"].isin(["refusing", "responding"]).any()


# --- reduced relatives and relative pronouns ---------------------------------------------------
def test_participle_after_its_noun_takes_the_noun_as_speaker() -> None:
    q = extract_quotes("Protesters held up a banner saying the plant should close.")
    assert q[["content", "cue", "speaker"]].values.tolist() == [["the plant should close", "saying", "a banner"]]
    q = extract_quotes("In two counties, those supporting the bypass outnumbered its critics.")
    assert q[["content", "speaker"]].values.tolist() == [["the bypass outnumbered its critics", "those"]]


def test_participle_after_a_verb_or_preposition_is_not_a_reduced_relative() -> None:
    q = extract_quotes("Iran's policy of supporting these groups remains unchanged.")
    assert q.empty, q[["content", "cue"]].values.tolist()


def test_relative_pronoun_is_a_piece_of_the_content() -> None:
    text = "The report cited an inquiry into the attacks, which the inquiry said were covered up."
    q = extract_quotes(text)
    check_offsets(text, q)
    rows = list(zip(q["content"], q["cue"]))
    assert ("which", "said") in rows and ("were covered up", "said") in rows
    q = extract_quotes("Nobody could check what the minister said.")
    assert q[["content", "speaker"]].values.tolist() == [["what", "the minister"]]


# --- stances, passives without an agent, subjects before a parenthetical cue -----------------
STANCES = [
    # (text, content, speaker): the content of a stance ends with its noun phrase object
    ("The mayor endorsed Ms Patel last week and has campaigned with her since.", "Ms Patel", "the mayor"),
    ("Three unions endorsed her – they appeared together on Monday.", "her", "three unions"),
    ("Most Labour MPs voted against the bill.", "the bill", "Most Labour MPs"),
    ("The council sided with the residents.", "the residents", "the council"),
    ("Pivoting to cuts too soon, many economists say, limited the recovery.", "Pivoting to cuts too soon", "many economists"),
]


@pytest.mark.parametrize("text,content,speaker", STANCES)
def test_stances_and_parenthetical_subjects(text: str, content: str, speaker: str) -> None:
    q = extract_quotes(text, resolve_pronouns=False)
    check_offsets(text, q)
    found = q[q["content"] == content]
    assert len(found) == 1, q[["content", "speaker"]].values.tolist()
    assert found.iloc[0]["speaker"] == speaker


def test_passive_criticism_without_an_agent_has_no_speaker() -> None:
    q = extract_quotes("The minister was accused of misleading Parliament.")
    assert q[["content", "cue"]].values.tolist() == [["misleading Parliament", "accused of"]]
    assert q["speaker"].isna().all()


def test_participle_after_a_comparative_is_not_a_statement() -> None:
    q = extract_quotes("Others, though, sounded far less welcoming.")
    assert "welcoming" not in q["cue"].tolist()


def test_paired_dashes_are_an_aside_inside_the_content() -> None:
    text = "Officials said the old – and previously unreported – postings were found in May."
    q = extract_quotes(text)
    assert q["content"].tolist() == ["the old – and previously unreported – postings were found in May"]


def test_place_and_occasion_after_the_cue_are_not_content() -> None:
    text = "“We have made history,” she said in a video message to the convention."
    q = extract_quotes(text)
    assert q["content"].tolist() == ["“We have made history,”"]


def test_a_preposition_after_a_stance_verb_belongs_to_the_cue() -> None:
    q = extract_quotes("The unions called for a general strike.")
    assert q[["content", "cue"]].values.tolist() == [["a general strike", "called for"]]


def test_seeing_someone_as_something_is_a_view() -> None:
    q = extract_quotes("Many voters see the mayor as a safe pair of hands.")
    assert q[["content", "cue", "speaker"]].values.tolist() == [["the mayor as a safe pair of hands", "see", "many voters"]]
    assert extract_quotes("We saw him at the station.").empty
    assert extract_quotes("I see as many as ten problems.").empty


def test_clauses_inside_reported_speech_stay_in_it() -> None:
    text = "Officials say that, even if they thought it was fair, a recount could not be done."
    q = extract_quotes(text)
    assert q["content"].tolist() == ["that, even if they thought it was fair, a recount could not be done"]
    text = "The governor said the bomber, who struck at noon, had links abroad."
    assert extract_quotes(text)["content"].tolist() == ["the bomber, who struck at noon, had links abroad"]
    text = "Rubio said that by refusing to name the threat, Democrats were weak."
    assert extract_quotes(text)["cue"].tolist() == ["said"]


def test_participle_after_but_keeps_the_speaker() -> None:
    text = "The campaign called her experienced on paper but suggesting that might not be enough."
    q = extract_quotes(text)
    assert ("that might not be enough", "suggesting", "the campaign") in list(zip(q["content"], q["cue"], q["speaker"]))


def test_a_second_predicate_of_the_speaker_ends_the_content() -> None:
    q = extract_quotes("The senator denied the allegations and left the chamber.")
    assert q["content"].tolist() == ["the allegations"]
    q = extract_quotes("The mayor vowed to rebuild the bridge and opened a new school on Friday.")
    assert q["content"].tolist() == ["to rebuild the bridge"]
    q = extract_quotes("The governor praised the volunteers, visited the shelter and left early.")
    assert q["content"].tolist() == ["the volunteers"]
    # a clause with a verb of its own keeps its coordinated verbs; "and improved" is no verb here
    q = extract_quotes("Ms. Ortiz said she was tired and walked to the car.")
    assert q["content"].tolist() == ["she was tired and walked to the car"]
    q = extract_quotes("She defended the budget and improved schools in her speech.")
    assert q["content"].tolist() == ["the budget and improved schools in her speech"]


def test_a_participle_adjunct_after_a_noun_phrase_is_not_content() -> None:
    q = extract_quotes("The mayor praised the new budget, giving schools more money for books.")
    assert q["content"].tolist() == ["the new budget"]
    # an aside inside the subject of a clause, a list after "including" and a list of gerunds stay
    q = extract_quotes("Analysts say millennials, numbering 75 million, surpassed boomers last year.")
    assert q["content"].tolist() == ["millennials, numbering 75 million, surpassed boomers last year"]
    q = extract_quotes("The council proposed closing two libraries, merging three schools and selling the pool.")
    assert q["content"].tolist() == ["closing two libraries, merging three schools and selling the pool"]


def test_a_cue_in_an_opening_subordinate_clause_ends_at_its_comma() -> None:
    text = "Although critics like Senator Cole have blasted the plan for its cost, the council approved it."
    assert extract_quotes(text)["content"].tolist() == ["the plan for its cost"]
    text = "While voters said Smith had the “best ideas,” Jones is the one they trust."
    assert extract_quotes(text)["content"].tolist() == ["Smith had the “best ideas,”"]


def test_a_state_of_mind_after_and_in_reported_speech_stays_in_it() -> None:
    text = "Ms. Diaz said she was tired of the old parties and wanted a candidate without big donors."
    q = extract_quotes(text)
    assert q["content"].tolist() == ["she was tired of the old parties and wanted a candidate without big donors"]
    # a verb of saying after "and" is the speaker's own second statement
    q = extract_quotes("Mr. Cole said the plan was sound and added that it would pass easily.")
    assert q["content"].tolist() == ["the plan was sound", "that it would pass easily"]


def test_and_inside_a_reported_subject_does_not_start_a_statement() -> None:
    q = extract_quotes("The aide said four of his children and his wife will speak at the convention.")
    assert q["content"].tolist() == ["four of his children and his wife will speak at the convention"]
    # after a complete content, "and" + subject + cue is a new statement
    q = extract_quotes("Officials declined to comment and the mayor later said the report was wrong.")
    assert q["content"].tolist() == ["to comment", "the report was wrong"]


def test_an_infinitive_content_ends_before_an_aside_of_the_writer() -> None:
    q = extract_quotes("The mayor vowed to repeal the parking rule, a measure that angered shop owners.")
    assert q["content"].tolist() == ["to repeal the parking rule"]
    q = extract_quotes("The boxer refused to fight in the war, though it cost him his title.")
    assert q["content"].tolist() == ["to fight in the war"]
    # a list stays whole
    q = extract_quotes("The governor wants to fix roads, bridges and tunnels.")
    assert q["content"].tolist() == ["to fix roads, bridges and tunnels"]


@pytest.mark.parametrize(
    "text, speaker, mention",
    [
        ("The Bank of England said rates would rise.", "Bank of England", "The Bank of England"),
        ("The Institute for Fiscal Studies said taxes would rise.", "Institute for Fiscal Studies",
         "The Institute for Fiscal Studies"),
        ("Friends of the Earth said the plan was weak.", "Friends of the Earth", "Friends of the Earth"),
        ("Rates will rise, according to the Bank of England.", "Bank of England", "the Bank of England"),
        ("John Smith of Reuters said the vote was close.", "John Smith", "John Smith of Reuters"),
        ("Paul Jones of the Institute for Fiscal Studies said taxes would rise.", "Paul Jones",
         "Paul Jones of the Institute for Fiscal Studies"),
        ("Ann Lee at Goldman Sachs said rates would rise.", "Ann Lee", "Ann Lee at Goldman Sachs"),
        ("Secretary of State John Kerry said talks would resume.", "John Kerry", "Secretary of State John Kerry"),
        ("A survey by Incomes Data Services' (IDS) said pay had risen.", "Incomes Data Services",
         "Incomes Data Services' (IDS)"),
    ],
)
def test_organisation_names_keep_of_and_for_and_people_keep_their_names(text, speaker, mention) -> None:
    q = extract_quotes(text)
    assert q["speaker"].tolist() == [speaker]
    assert text[int(q["speaker_start"].iloc[0]) : int(q["speaker_end"].iloc[0])] == mention


def test_one_speaker_whatever_the_case_of_its_article_and_its_acronym() -> None:
    text = (
        "The IMF said growth would slow. The International Monetary Fund (IMF) said prices would rise. "
        "Trade will suffer, said the International Monetary Fund. The ministry said no. "
        "A spokesman for the ministry said the talks went on. Later the ministry said yes."
    )
    table = speakers(extract_quotes(text))
    assert dict(zip(table["speaker"], table["n_quotes"])) == {
        "International Monetary Fund": 3, "the ministry": 2, "a spokesman for the ministry": 1,
    }


def test_acronyms_are_aliases_only_when_they_abbreviate_the_name_before_them() -> None:
    from analysis.speakers import acronym_aliases

    assert acronym_aliases("the Confederation of British Industry (CBI) and the Office for "
                           "National Statistics (ONS)") == {
        "CBI": "Confederation of British Industry", "ONS": "Office for National Statistics"}
    assert acronym_aliases("Sen. Elizabeth Warren (D-Mass.) and the nuclear deal (JCPOA)") == {}
    assert acronym_aliases("Ann Lee (AL) said") == {"AL": "Ann Lee"}
    assert acronym_aliases("Ann Lee (BBC) said") == {}


def test_long_aside_after_the_speaker_name() -> None:
    text = (
        "Dana Whitfield, who ran the county office for years while the old mayor was still in power"
        " and later joined a firm in the capital, said the budget would not pass."
    )
    q = extract_quotes(text)
    assert q[["content", "cue", "speaker"]].values.tolist() == [["the budget would not pass", "said", "Dana Whitfield"]]
    text = "The river authority -- which has been criticised by farmers over the past few dry summers -- said the dam was safe."
    q = extract_quotes(text)
    assert q["content"].tolist() == ["the dam was safe"]
    assert extract_quotes("The long-awaited report came out on Monday.").empty


def test_finite_cue_after_who_in_a_speaker_aside() -> None:
    text = "Marta Quill, who has endorsed Peter Oakes, said the race was close."
    q = extract_quotes(text)
    assert ("Peter Oakes", "endorsed", "Marta Quill") in list(zip(q["content"], q["cue"], q["speaker"]))
    text = "Marta Quill, who was speaking to the mayors, said the race was close."
    assert extract_quotes(text)["cue"].tolist() == ["said"]


def test_find_and_writing_need_a_clause() -> None:
    assert extract_quotes("The league could not find a new sponsor for the event.").empty
    assert extract_quotes("She spent the summer writing a book about her father.").empty
    q = extract_quotes("The survey found voters were tired of the race.")
    assert q[["content", "cue"]].values.tolist() == [["voters were tired of the race", "found"]]
    q = extract_quotes("He wrote a letter to the board.")
    assert q["cue"].tolist() == ["wrote"]


def test_long_aside_before_a_past_tense_cue() -> None:
    text = "Jo Park, a teacher who ran for the council in 2012 while she was still at the school, has endorsed Sam Reyes for mayor."
    q = extract_quotes(text)
    assert q[["content", "cue", "speaker"]].values.tolist() == [["Sam Reyes", "endorsed", "Jo Park"]]


def test_speak_about_and_an_adverb_inside_a_phrasal_cue() -> None:
    q = extract_quotes("The bishop spoke of a crisis in the schools.")
    assert q[["content", "cue", "speaker"]].values.tolist() == [["a crisis in the schools", "spoke of", "the bishop"]]
    q = extract_quotes("Her colleagues talked glowingly about her record.")
    assert q[["content", "cue"]].values.tolist() == [["her record", "talked glowingly about"]]
    text = "Lee Brandt, a coach who trained the team for years, spoke highly of the new captain."
    q = extract_quotes(text)
    assert q[["content", "speaker"]].values.tolist() == [["the new captain", "Lee Brandt"]]
    assert extract_quotes("She spoke to the crowd for an hour.").empty


def test_cue_after_a_verb_of_continuing_takes_its_subject() -> None:
    q = extract_quotes("The mayor continued to insist that the bridge was safe.")
    assert q[["content", "cue", "speaker"]].values.tolist() == [["that the bridge was safe", "insist", "the mayor"]]
    q = extract_quotes("Maria Ortiz went on to praise the volunteers.")
    assert q[["content", "cue", "speaker"]].values.tolist() == [["the volunteers", "praise", "Maria Ortiz"]]
    assert extract_quotes("The club continued to attract new members.").empty
    assert extract_quotes("The club wants to praise the volunteers.")["cue"].tolist() == ["wants"]


def test_passive_asked_with_a_question_after_an_agent_or_a_phrase() -> None:
    q = extract_quotes("The minister was once asked which of his rivals he feared most.")
    assert q[["content", "cue"]].values.tolist() == [["which of his rivals he feared most", "asked"]]
    assert q["speaker"].isna().all()
    q = extract_quotes("Mr. Lund was asked by the host Kara Bell whether he would run again.")
    assert q[["content", "speaker"]].values.tolist() == [["whether he would run again", "Kara Bell"]]


def test_plural_subject_before_an_aside_and_a_present_tense_cue() -> None:
    text = "The teachers union and Gov. Amy Park of Utah, a longtime ally of the schools, oppose the new tax."
    q = extract_quotes(text)
    assert q[["content", "cue"]].values.tolist() == [["the new tax", "oppose"]]
    assert q["speaker"].iloc[0].startswith("the teachers union")
    assert extract_quotes("The mayor, a longtime ally of the schools, oppose the new tax.").empty


def test_aside_after_an_inverted_speaker_is_not_content() -> None:
    text = "The budget is short by $9 million, said Eva Lind, who chairs the host committee."
    q = extract_quotes(text)
    assert q[["content", "speaker"]].values.tolist() == [["The budget is short by $9 million", "Eva Lind"]]
    text = "Turnout rose in every county, according to the state board, an independent agency."
    assert extract_quotes(text)["content"].tolist() == ["Turnout rose in every county"]
    text = "According to the state board, a recount will start on Monday."
    assert extract_quotes(text)["content"].tolist() == ["a recount will start on Monday"]


def test_a_quoted_title_after_a_possessive_is_not_content() -> None:
    text = "“The race is close,” Ann Lee said on KXTV's “Morning Hour.” “We need every vote.”"
    q = extract_quotes(text)
    assert "“Morning Hour.”" not in q["content"].tolist()
    assert q["content"].tolist()[0] == "“The race is close,”"
    text = "Ann Lee said on KXTV's “Morning Hour” that the race was close."
    assert extract_quotes(text)["content"].tolist() == ["that the race was close"]


def test_colon_before_a_short_label_is_not_a_statement() -> None:
    assert extract_quotes("The vote is on Tuesday.\n\nGarcia: A closing surge.").empty
    assert extract_quotes("The vote is on Tuesday.\n\nContributing: Ann Lee and Bo Park.").empty
    q = extract_quotes("Garcia: We will win this state by ten points.")
    assert q[["content", "speaker"]].values.tolist() == [["We will win this state by ten points", "Garcia"]]
    q = extract_quotes("KATE LUND: Why not debate?")
    assert q["content"].tolist() == ["Why not debate?"]


def test_show_up_is_not_a_cue() -> None:
    assert extract_quotes("More than 900 voters showed up at the school gym on Saturday.").empty
    q = extract_quotes("New figures show turnout fell sharply.")
    assert q[["content", "cue"]].values.tolist() == [["turnout fell sharply", "show"]]


def test_seeking_an_office_is_not_a_stance() -> None:
    assert extract_quotes("Three governors are seeking the Republican nomination this year.").empty
    q = extract_quotes("The union sought a new contract for its nurses.")
    assert q[["content", "cue"]].values.tolist() == [["a new contract for its nurses", "sought"]]


# --- speaker names: what is not part of a person's name ----------------------------------------
NAME_RUNS = [
    # (text, speaker, mention, title)
    ("It rained. Meanwhile Ann Lee said the vote was close.", "Ann Lee", "Ann Lee", ""),
    ("It rained. Perhaps Lee was right to say the vote was close.", "Lee", "Lee", ""),
    ("Home Secretary Tom Reed said the law was fair.", "Tom Reed", "Home Secretary Tom Reed", "Home Secretary"),
    ("Democratic Senator Kay Dunn said the bill would pass.", "Kay Dunn", "Democratic Senator Kay Dunn", "Democratic Senator"),
    ("Russian Ivan Petrov said he was tired after the match.", "Ivan Petrov", "Russian Ivan Petrov", "Russian"),
    ("Liberal Democrat Jo Park said the tax was unfair.", "Jo Park", "Liberal Democrat Jo Park", "Liberal Democrat"),
    ("Singer Mia Cole said she would tour again.", "Mia Cole", "Singer Mia Cole", "Singer"),
    ("Euro MP Dan Frey said the vote was rigged.", "Dan Frey", "Euro MP Dan Frey", "Euro MP"),
    ("Former Secretary of State Al Ward said the vote was rigged.", "Al Ward",
     "Former Secretary of State Al Ward", "Former Secretary of State"),
    # organisations stay whole
    ("General Motors said it would cut jobs.", "General Motors", "General Motors", ""),
    ("The State Department said the talks had failed.", "State Department", "The State Department", ""),
    ("British Phonographic Industry said the industry was growing.", "British Phonographic Industry",
     "British Phonographic Industry", ""),
]


@pytest.mark.parametrize("text,speaker,mention,title", NAME_RUNS)
def test_titles_roles_and_sentence_adverbs_are_not_part_of_the_name(text, speaker, mention, title) -> None:
    q = extract_quotes(text)
    assert len(q) == 1
    row = q.iloc[0]
    assert row["speaker"] == speaker
    assert text[row["speaker_start"] : row["speaker_end"]] == mention
    assert row["speaker_title"] == title


def test_a_surname_takes_the_name_without_title_role_or_possessive() -> None:
    text = (
        "Home Secretary Tom Reed said the law was fair. Mr Reed added that it would pass.\n"
        "Acme's Ann Lee admits the deal is late. Lee said it was close.\n"
        "It rained. Meanwhile Sam Cole said he was tired. Mr Cole added that he would rest."
    )
    table = speakers(extract_quotes(text))
    assert sorted(table["speaker"]) == ["Ann Lee", "Sam Cole", "Tom Reed"]
    assert table.set_index("speaker").loc["Tom Reed", "titles"] == "Home Secretary; Mr"


def test_a_shared_surname_is_the_person_named_first_and_more_than_once() -> None:
    text = (
        "Jo Bush won the county vote on Tuesday. Jo Bush said the result was a surprise. "
        "Her uncle, former governor Samuel T. Bush, watched from the hall.\n"
        "Bush said she would thank her volunteers."
    )
    q = extract_quotes(text)
    assert q[q["cue"] == "said"]["speaker"].tolist() == ["Jo Bush", "Jo Bush"]


# --- a cue word used as a noun or an adjective has no speaker phrase before it ----------------
@pytest.mark.parametrize(
    "text",
    [
        "Also missing is the cost of the council's radical proposed overhaul of housing.",
        "The rise in the number of reported cases alarmed the doctors.",
        "Two legal challenges face the council in the spring.",
    ],
)
def test_a_cue_after_an_adjective_or_of_is_a_noun_or_an_adjective(text: str) -> None:
    assert extract_quotes(text).empty


def test_a_cue_noun_after_a_reporting_verb_is_its_object() -> None:
    q = extract_quotes("Acme announced plans to buy the firm on Monday.")
    assert q["cue"].tolist() == ["announced"]
    assert q["speaker"].tolist() == ["Acme"]
    kept = extract_quotes("The missive suggests the council will act. Official figures show a rise.")
    assert kept["speaker"].tolist() == ["the missive", "Official figures"]


# --- leftovers in a speaker phrase: a bracket, an adverb, a role without a comma ---------------
def test_an_acronym_in_brackets_before_an_apposition_is_not_the_speaker() -> None:
    text = "The Office of Fair Trading (OFT), the competition watchdog for shops, said the deal was fair."
    row = extract_quotes(text).iloc[0]
    assert row["speaker"] == "Office of Fair Trading"
    assert text[row["speaker_start"] : row["speaker_end"]] == "The Office of Fair Trading (OFT)"
    text = "The Conseil Regional de l'Industrie (CRI), the local regulator, said the deal was fair."
    row = extract_quotes(text).iloc[0]
    assert ")" not in row["speaker"]  # not "CRI)"
    assert text[row["speaker_start"] : row["speaker_end"]].endswith("l'Industrie (CRI)")


def test_twice_between_the_subject_and_its_verb_is_not_part_of_the_name() -> None:
    row = extract_quotes("Ulster twice threatened to walk out of the talks.").iloc[0]
    assert row["speaker"] == "Ulster"


def test_a_role_after_a_name_without_a_comma_is_a_title() -> None:
    text = '"It looks strong," Dr Jo Watts head of exploration said.'
    row = extract_quotes(text).iloc[0]
    assert row["speaker"] == "Jo Watts"
    assert text[row["speaker_start"] : row["speaker_end"]] == "Dr Jo Watts"
    assert row["speaker_title"] == "Dr; head of exploration"
    # a capitalised word before a role inside a description stays a description
    assert extract_quotes("The Acme campaign manager said it was late.").iloc[0]["speaker"] == "the Acme campaign manager"


def test_an_undefined_acronym_is_the_long_name_whose_initials_it_is() -> None:
    from analysis.speakers import acronym_aliases

    text = ("The Office for National Statistics said prices rose. After the ONS figures, the "
            "World Trade Organization met. The WTO said talks would resume. The BBC reported it.")
    assert acronym_aliases(text) == {"ONS": "Office for National Statistics", "WTO": "World Trade Organization"}
    q = extract_quotes(text)
    assert q["speaker"].tolist() == ["Office for National Statistics", "World Trade Organization", "BBC"]
    # two long names with the same initials: no alias
    assert acronym_aliases("The World Trade Organization and the World Tourism Organisation. The WTO said so.") == {}


def test_a_description_capitalised_at_a_sentence_start_joins_its_lower_case_form() -> None:
    text = "Economists said growth would slow. Prices will rise, economists said. Conservatives said no."
    assert speakers(extract_quotes(text))[["speaker", "n_quotes"]].values.tolist() == [
        ["economists", 2], ["Conservatives", 1]]
