"""``analysis.punkt`` against NLTK's ``PunktSentenceTokenizer``: the boundaries must be identical.

NLTK is the reference implementation; the kit's Punkt reimplements it for given (untrained)
parameters without importing NLTK. Compared on tricky strings, generated strings, the seeds,
and (with ``../shared``) every paragraph of the BBC corpus and every PolNeAR text.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from nltk.tokenize.punkt import PunktLanguageVars, PunktParameters, PunktSentenceTokenizer, PunktToken

from analysis import punkt, text
from analysis.paths import SEEDS_DIR
from analysis.resources import abbreviations

from .test_text import SPLITS


def _nltk_punkt() -> PunktSentenceTokenizer:
    """What ``analysis.text`` used before: NLTK's Punkt with the kit's parameters."""
    params = PunktParameters()
    params.abbrev_types = set(abbreviations())
    params.sent_starters = set(text._SENT_STARTERS)
    return PunktSentenceTokenizer(params)


NLTK = _nltk_punkt()
KIT = text._punkt()


def _same_spans(pieces: list[str]) -> None:
    for piece in pieces:
        assert KIT.span_tokenize(piece) == list(NLTK.span_tokenize(piece)), piece[:300]


def _pieces(raw: str) -> list[str]:
    """What ``segment`` gives Punkt (windows of normalised paragraphs), plus the raw text."""
    norm = text.normalise_quotes(raw)
    out = [norm[ws:we] for ps, pe in text.paragraph_spans(norm) for ws, we in text._windows(norm, ps, pe)]
    return [*out, raw]


def test_patterns_are_nltks():
    lv = PunktLanguageVars()

    def source(p):  # NLTK joins a set of "?" and "!": either order is the same class
        return p.pattern.replace("!\\?", "\\?!")

    assert source(punkt.PERIOD_CONTEXT_RE) == source(lv.period_context_re())
    assert source(punkt.WORD_TOKENIZER_RE) == source(lv._word_tokenizer_re())
    assert punkt.PERIOD_CONTEXT_RE.flags == lv.period_context_re().flags
    assert punkt.WORD_TOKENIZER_RE.flags == lv._word_tokenizer_re().flags
    assert punkt.BOUNDARY_REALIGNMENT_RE.pattern == lv.re_boundary_realignment.pattern
    assert punkt.BOUNDARY_REALIGNMENT_RE.flags == lv.re_boundary_realignment.flags
    assert punkt._RE_NUMERIC.pattern == PunktToken._RE_NUMERIC.pattern
    assert punkt._RE_INITIAL.pattern == PunktToken._RE_INITIAL.pattern
    assert punkt._RE_ELLIPSIS.pattern == PunktToken._RE_ELLIPSIS.pattern
    assert punkt._PUNCTUATION == frozenset(PunktSentenceTokenizer.PUNCTUATION)


TRICKY = [
    "",
    " ",
    ".",
    "...",
    "Mr. Smith. Mr. Jones.",
    "Hi!! There?? Yes!?! No.",
    "It was 5. Then 6. and 7.",
    "He met J. K. Rowling. É. Zola wrote. ß. ok.",
    "(Sent one.) Sent two. [Three.] “Four.” ‘Five.’ «Six.» Seven",
    "Wait... what? Wait . . . What. Dash-- no. Dashes -- Yes.",
    "x-mr. Smith; the U.S. The end. u.s. the end. Gen. The end.",
    "Line one.\nLine two.\n\nLine three.\n \nDone.",
    "Tabs.\tAnd\u00a0nbsp. And\x0bvt. And\x1cfs. Ok.",
    "A.B.C. Def. 3.5. -4. ,5. 1990s. No. 10.",
    "End.)   Next.)  More.\") Quote.'",
    "a.b. c.d. E.f.",
    "“Why?” he asked. “Because.” She left.",
]


def test_equal_to_nltk_on_tricky_strings():
    _same_spans(TRICKY)
    _same_spans([t for t, _ in SPLITS])


def test_equal_to_nltk_on_the_seeds():
    for path in sorted(SEEDS_DIR.glob("*.txt")):
        _same_spans(_pieces(path.read_text(encoding="utf-8")))


_ATOMS = [
    ".", "?", "!", "...", "..", ". . .", "--", "-", ",", ";", ":", '"', "'", "(", ")", "[", "]",
    "{", "}", "“", "”", "‘", "’", "«", "»", " ", " ", "  ", "\n", "\n\n", "\t", "\u00a0", "\x0b",
    "\x1c", "Mr", "mr", "U.S", "J", "j", "É", "The", "the", "He", "she", "5", "12", "3.5", "-4",
    ",5", "No", "Sept", "a", "Word", "word", "x-mr", "*", "@", "&", "`", "%", "ß", "Ω", "٣", "_",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_ATOMS), max_size=30))
def test_equal_to_nltk_on_generated_strings(atoms):
    _same_spans(["".join(atoms)])


def test_segment_equals_segment_with_nltks_punkt(monkeypatch, seed_body):
    texts = [seed_body, *TRICKY]
    ours = [text.segment.__wrapped__(t) for t in texts]
    monkeypatch.setattr(text, "_punkt", lambda: NLTK)
    assert [text.segment.__wrapped__(t) for t in texts] == ours


def test_the_analyses_do_not_import_nltk():
    """``import nltk`` costs about a second (scipy); the analyse path needs none of it."""
    code = (
        "import sys\n"
        "from analysis.loaders import Article\n"
        "from analysis.pipeline import analyse_article\n"
        "analyse_article(Article(id='a', title='T', author='', text='“Good,” said Dr. Ruiz. "
        "The U.S. plan failed.'))\n"
        "print(sorted(m for m in sys.modules if m == 'nltk' or m.startswith(('nltk.', 'scipy'))))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"


def _jsonl_texts(path) -> list[str]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line)["text"] for line in fh if line.strip()]


@pytest.mark.shared
def test_equal_to_nltk_on_every_bbc_paragraph(shared_data):
    for raw in _jsonl_texts(shared_data / "corpus" / "corpus.jsonl"):
        _same_spans(_pieces(raw)[:-1])


@pytest.mark.shared
def test_equal_to_nltk_on_the_polnear_texts(shared_data):
    for name in ("polnear.dev.jsonl", "polnear.train.jsonl"):
        for raw in _jsonl_texts(shared_data / "quotes" / name):
            _same_spans(_pieces(raw))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_ATOMS), max_size=30))
def test_plain_word_shortcut_equals_the_context_rules(atoms):
    """Punkt decides "word." (letters, no abbreviation) without its context: the same spans."""
    from analysis.text import _punkt

    fast = _punkt()
    slow = punkt.Punkt(fast.abbrev_types, fast.sent_starters)
    slow.plain_words = False
    for s in ("".join(atoms), " ".join(atoms)):
        assert fast.span_tokenize(s) == slow.span_tokenize(s), s
