"""Notebooks: committed clean, parameterised, written as lessons, and runnable top to bottom under papermill."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import nbformat
import papermill as pm
import pytest

from analysis.paths import NOTEBOOKS_DIR
from analysis.teaching import is_solution

from .conftest import SMALL_CORPUS, write_article

NOTEBOOKS = sorted(NOTEBOOKS_DIR.glob("[0-9][0-9]-*.ipynb"))
PARAM_LINE = re.compile(r"^(\w+): *([\w\[\], |]+) *= *(.+?)(?: *# *(.+))?$")
EXERCISE = re.compile(r"\*\*Exercise (\d+) \((easy|medium|hard)\)\.\*\*")


def _cells(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def _source(cell: dict) -> str:
    src = cell["source"]
    return src if isinstance(src, str) else "".join(src)


def _heading_index(cells: list[dict], title: str) -> int | None:
    for i, cell in enumerate(cells):
        if cell["cell_type"] == "markdown" and re.search(rf"^## {title}\s*$", _source(cell), re.M):
            return i
    return None


def test_the_course_notebooks_exist():
    names = {p.stem.split("-", 1)[0] for p in NOTEBOOKS}
    assert {"00", "01", "02", "03", "04", "05", "06"} <= names
    assert "06-method-cards.ipynb" in {p.name for p in NOTEBOOKS}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_clean_and_parameterised(path: Path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    for cell in code:
        assert not cell.get("outputs"), f"{path.name}: a code cell has outputs; clear them"
        assert cell.get("execution_count") is None
    tagged = [c for c in nb["cells"] if "parameters" in c.get("metadata", {}).get("tags", [])]
    assert len(tagged) == 1, "exactly one cell is tagged 'parameters'"
    assert tagged[0] is code[0], "the parameters cell is the first code cell"
    source = "".join(tagged[0]["source"])
    names = []
    for line in source.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = PARAM_LINE.match(line)
        assert m, f"{path.name}: parameter line not `name: type = default  # help`: {line!r}"
        ast.literal_eval(m.group(3))  # literals only
        assert m.group(4), f"{path.name}: parameter {m.group(1)} has no help comment"
        names.append(m.group(1))
    assert "article" in names
    # papermill's own parser must see every parameter (it fails on, e.g., "=" in a help comment)
    assert set(pm.inspect_notebook(str(path))) == set(names)


# --- lessons: header, summary, graded exercises --------------------------------------------------


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_opens_with_a_lesson_header(path: Path):
    first = _cells(path)[0]
    assert first["cell_type"] == "markdown"
    header = _source(first)
    assert header.startswith(f"# {path.stem[:2]} "), "the title starts with the notebook's number"
    for field in ("**What you will learn**", "**Prerequisites:**", "**Data:**", "**Time:**"):
        assert field in header, f"{path.name}: the header has no {field}"
    assert re.search(r"\*\*Time:\*\*[^\n]*\d+[^\n]*minutes", header), "the time is given in minutes"
    prerequisites = header.split("**Prerequisites:**", 1)[1].split("**Data:**", 1)[0]
    linked = re.findall(r"\]\((\d\d-[\w-]+\.ipynb)(?:#[\w-]*)?\)", prerequisites)
    if path.stem.startswith("00"):
        assert "none" in prerequisites.lower()
    else:
        assert linked, f"{path.name}: prerequisites must link the notebooks they need"
    for name in linked:
        assert (NOTEBOOKS_DIR / name).is_file(), f"{path.name}: prerequisite {name} does not exist"
        assert name < path.name, f"{path.name}: prerequisite {name} comes later in the course"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_ends_with_a_summary_and_graded_exercises(path: Path):
    cells = _cells(path)
    summary, your_turn = _heading_index(cells, "Summary"), _heading_index(cells, "Your turn")
    assert summary is not None and your_turn is not None, f"{path.name}: needs '## Summary' and '## Your turn'"
    assert summary <= your_turn
    tail = cells[your_turn:]
    # after "Your turn" come only exercise statements and their solutions, so the student copy still runs
    for cell in tail:
        assert cell["cell_type"] == "markdown" or "solution" in cell.get("metadata", {}).get("tags", []), (
            f"{path.name}: a code cell after 'Your turn' is not tagged solution:\n{_source(cell)[:200]}"
        )
    exercises: list[tuple[int, str]] = []
    solved: list[int] = []
    for cell in tail:
        found = EXERCISE.findall(_source(cell)) if cell["cell_type"] == "markdown" else []
        exercises += [(int(n), level) for n, level in found]
        if "solution" in cell.get("metadata", {}).get("tags", []):
            assert exercises, f"{path.name}: a solution before any exercise"
            solved.append(exercises[-1][0])
    assert len(exercises) >= 3, f"{path.name}: at least three exercises, labelled **Exercise N (level).**"
    assert [n for n, _ in exercises] == list(range(1, len(exercises) + 1)), "exercises numbered 1, 2, 3, ..."
    assert {"easy", "medium", "hard"} <= {level for _, level in exercises}
    assert set(solved) == {n for n, _ in exercises}, f"{path.name}: every exercise needs a solution cell"
    # solutions live only in the exercises
    assert not any(is_solution(nbformat.from_dict(c)) for c in cells[:your_turn])


# --- narrative that stays true: no hand-typed data numbers in markdown ---------------------------
#
# A number about the data (a count, a score, a share) must be printed by code. The check: remove from
# each markdown cell what is not prose (code, formulas with LaTeX commands, link targets, text in
# quotation marks, which shows example strings), the structure (list and heading numbers, "section 3",
# "notebook 03", "Exercise 2", "card 4", years of citations, the header's time), and the method facts
# below; then no digit may remain. A new number in prose must either come from code or be added here
# as a method fact, with its reason: that keeps the list reviewable.

METHOD_FACTS = {
    # readability: scales, Flesch's bands, US grades, what the formulas were built on (Flesch 1948 ...)
    "0-100": "Flesch scale", "0–100": "Flesch scale", "90-100": "Flesch band", "60-70": "Flesch band",
    "60–70": "Flesch band", "30-50": "Flesch band", "below 30": "Flesch band", "grade 8": "US grade",
    "age 13-14": "US grade", "grade 12": "US grade", "above 12": "US grade",
    "per 100 words": "Coleman-Liau's unit", "30-sentence": "SMOG's design", "30 sentences": "SMOG's design",
    "15-20": "plain-English guidance on words per sentence",
    # lexical diversity (McCarthy & Jarvis 2010; Covington & McFall 2010)
    "Range 0-1": "TTR scale", "0.72": "MTLD threshold", "100+ words": "MTLD minimum", "42 words": "HD-D sample",
    "under 42": "HD-D sample",
    # sentiment (Hutto & Gilbert 2014) and the evaluation measures
    "from -4 to +4": "VADER ratings", "-4 (extremely negative) to +4": "VADER ratings",
    "counts 1.5": "VADER's but-rule", "between -1 and 1": "compound range",
    "between -1 (negative) and +1": "compound range", "−1…+1": "compound range", "±1": "compound range",
    "valence 0": "unscored word", "exactly 0": "unscored sentence", "±0.05": "neutral band",
    "above 0.05": "neutral band", "below -0.05": "neutral band", "≥ 0.05": "neutral band",
    "≤ -0.05": "neutral band", "1 = perfectly, 0 = not at all": "Pearson r", "1 = perfect, 0 = unrelated": "Pearson r",
    "0.33": "three-class chance level", "+1 good news": "sign labels", "-1 bad news": "sign labels",
    "F1": "the measure's name", "Jaccard ≥ 0.5": "overlap criterion",
    # statistics: chi-squared critical values, association and keyness scales
    "3.84": "chi-squared, p = 0.05", "10.83": "chi-squared, p = 0.001", "p < 0.05": "significance level",
    "p < 0.001": "significance level", "0 = chance": "PMI", "about 2 or more": "t-score",
    "1 = twice as frequent": "log ratio", "3 = eight times": "log ratio", "0 = the same": "log ratio",
    "G^2": "symbol", "c_1": "symbol", "c_2": "symbol", "sum to 1": "l2 norm", "0 for a term": "classic idf",
    "bigrams (2), trigrams (3)": "n-gram sizes", "(0 = first word)": "axis origin",
}
_NOT_PROSE = [
    re.compile(r"```.*?```", re.S),  # code blocks
    re.compile(r"`[^`\n]*`"),  # inline code
    re.compile(r"\$[^$\n]*\\[^$\n]*\$"),  # formulas (LaTeX with commands)
    re.compile(r"(?<=\])\([^)\s]*\)"),  # link targets
    re.compile(r'"[^"\n]*"|“[^”\n]*”'),  # example strings in quotation marks
    re.compile(r"^\*\*Time:\*\*.*$", re.M),  # lesson time in the header
    re.compile(r"^\s*#+\s*\d+\s*[.·]", re.M),  # numbered headings
    re.compile(r"^\s*(?:[-*>]\s*)?\d+\.\s", re.M),  # numbered lists
    re.compile(r"\b(?:sections?|notebooks?|cards?|exercise|solution)\s+\d+(?:\s*(?:-|–|and)\s*\d+)?", re.I),
    re.compile(r"(?<![\d.])0\d(?:\s*[-–→]\s*0\d)?(?![\d.])"),  # notebook numbers: 03, 01–04
    re.compile(r"(?<![\d.])(?:19|20)\d\d(?:s)?(?![\d.])"),  # years of citations, 1940s
]


def data_numbers(markdown: str) -> list[str]:
    """The lines of ``markdown`` that still hold a digit once non-prose and method facts are removed."""
    text = markdown
    for pattern in _NOT_PROSE:
        text = pattern.sub(" ", text)
    for fact in sorted(METHOD_FACTS, key=len, reverse=True):
        text = text.replace(fact, " ")
    return [line.strip() for line in text.splitlines() if re.search(r"\d", line)]


def test_the_number_check_catches_typed_data():
    assert data_numbers("The article has 12 sentences.") == ["The article has 12 sentences."]
    assert data_numbers("VADER agrees with people at about r = 0.5.")
    assert data_numbers("Precision is 83% on the dev set.")
    assert not data_numbers("## 3. Limits\n\nSee [03 Sentiment](03-sentiment.ipynb), section 7 (Flesch 1948).")
    assert not data_numbers("Scores above 3.84 mean p < 0.05; run `top_n = 10`.")
    assert not data_numbers('Numbers such as "2015" count as words.')


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_markdown_has_no_hand_typed_data_numbers(path: Path):
    found = [
        line for cell in _cells(path) if cell["cell_type"] == "markdown" for line in data_numbers(_source(cell))
    ]
    assert not found, (
        f"{path.name}: numbers in markdown must come from code (display(Markdown(...))), or be a method fact "
        f"listed in METHOD_FACTS: {found}"
    )


# --- runs ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus20(tmp_path_factory) -> Path:
    """Twenty short articles: the three test articles under varied titles and bylines."""
    folder = tmp_path_factory.mktemp("corpus20")
    for i in range(20):
        title, paras, author = SMALL_CORPUS[i % len(SMALL_CORPUS)]
        write_article(folder / f"a{i:02d}.txt", f"{title} ({i})", paras[: 1 + i % len(paras)] + paras, author)
    return folder


def _run(path: Path, out: Path, **parameters) -> dict:
    nb = pm.execute_notebook(
        str(path),
        str(out),
        parameters=parameters,
        cwd=str(NOTEBOOKS_DIR),
        progress_bar=False,
        kernel_name="python3",
    )
    return nb


def assert_every_code_cell_ran(nb: dict, name: str) -> int:
    """Every code cell of the executed notebook ran without an error; returns how many solution cells ran."""
    assert not nb["metadata"]["papermill"].get("exception")
    ran = 0
    for cell in nb["cells"]:
        if cell["cell_type"] != "code":
            continue
        assert cell.get("execution_count") is not None, f"{name}: a cell did not run:\n{_source(cell)[:200]}"
        errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
        assert not errors, f"{name}: {errors[0].get('ename')}: {errors[0].get('evalue')}"
        ran += "solution" in cell.get("metadata", {}).get("tags", [])
    return ran


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs_on_the_seed(path: Path, tmp_path: Path):
    nb = _run(path, tmp_path / path.name)
    solutions = sum(is_solution(nbformat.from_dict(c)) for c in _cells(path) if c["cell_type"] == "code")
    assert assert_every_code_cell_ran(nb, path.name) == solutions >= 3
    texts = json.dumps([c.get("outputs", []) for c in nb["cells"]], ensure_ascii=False)
    for expected in ON_THE_SEED.get(path.name[:2], []):
        assert expected in texts, f"{path.name}: on the seed the output should say {expected!r}"
    assert not _ONE_PLURAL.findall(texts), f"{path.name}: {_ONE_PLURAL.findall(texts)}"


@pytest.fixture(scope="module")
def bbc20(tmp_path_factory, shared_data) -> Path:
    """Twenty real BBC articles (every 111th of the shared corpus: all five sections), as
    ``.txt`` files in the seed layout, the way a class folder of the week's articles looks."""
    source = shared_data / "corpus" / "articles"
    folder = tmp_path_factory.mktemp("bbc20")
    for path in sorted(source.glob("*.txt"))[::111][:20]:
        (folder / path.name).write_bytes(path.read_bytes())
    assert len(list(folder.glob("*.txt"))) == 20
    return folder


@pytest.mark.slow
@pytest.mark.shared
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs_on_twenty_real_articles(path: Path, tmp_path: Path, bbc20: Path):
    nb = _run(path, tmp_path / path.name, corpus=str(bbc20))
    assert assert_every_code_cell_ran(nb, path.name) >= 3
    texts = json.dumps([c.get("outputs", []) for c in nb["cells"]])
    assert "20" in texts


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs_on_a_corpus(path: Path, tmp_path: Path, corpus20: Path):
    nb = _run(path, tmp_path / path.name, corpus=str(corpus20))
    assert assert_every_code_cell_ran(nb, path.name) >= 3
    # the corpus section ran: some output mentions the corpus size
    texts = json.dumps([c.get("outputs", []) for c in nb["cells"]])
    assert "20" in texts


def test_method_cards_say_they_do_not_depend_on_the_article():
    """Report runs may skip 06 per article: its metadata marks it (``kit.per_article: false``)."""
    (cards,) = [p for p in NOTEBOOKS if p.name == "06-method-cards.ipynb"]
    meta = json.loads(cards.read_text(encoding="utf-8"))["metadata"]
    assert meta.get("kit", {}).get("per_article") is False
    others = [json.loads(p.read_text(encoding="utf-8"))["metadata"] for p in NOTEBOOKS if p != cards]
    assert all(m.get("kit", {}).get("per_article", True) for m in others)


# --- a reader new to Python and pandas: nothing used before it is explained ----------------------
#
# Read 00 → 05 in order, as a student does. Each construct below may appear in a code cell only once a markdown
# cell (of this notebook or an earlier one) has explained it, or the cell's own comments say what it does.

CONSTRUCTS = {
    # construct: (pattern in code, what the explanation must contain)
    "f-string": (r"\bf\"", "f-string"),
    "slice": (r"\w\[[\w.]*:[\w.]*\]", "slice"),
    "list comprehension": (r"\[[^\[\]\n]+ for \w+(?:, \w+)* in ", "list comprehension"),
    "def": (r"^def \w+\(", "`def"),
    "lambda": (r"\blambda\b", "lambda"),
    "enumerate": (r"\benumerate\(", "enumerate"),
    "zip": (r"\bzip\(", "zip"),
    "not (~)": (r"~[\w(]", "`~`"),
    ".iloc": (r"\.iloc\[", ".iloc"),
    ".loc": (r"\.loc\[", ".loc"),
    ".str": (r"\.str[.\[]", ".str"),
    "groupby": (r"\.groupby\(", "groupby"),
    "merge": (r"\.merge\(", "merge"),
    "pd.DataFrame": (r"\bpd\.DataFrame\(", "pd.DataFrame"),
    "itertuples": (r"\.itertuples\(", "itertuples"),
}
COURSE_ORDER = [p for p in NOTEBOOKS if p.name[:2] in {"00", "01", "02", "03", "04", "05"}]


def _comments(code: str) -> str:
    return "\n".join(line.split("#", 1)[1] for line in code.splitlines() if "#" in line)


def test_course_explains_each_construct_before_using_it():
    assert [p.name[:2] for p in COURSE_ORDER] == ["00", "01", "02", "03", "04", "05"]
    explained = ""
    unexplained = []
    for path in COURSE_ORDER:
        for i, cell in enumerate(_cells(path)):
            src = _source(cell)
            if cell["cell_type"] == "markdown":
                explained += "\n" + src
                continue
            if "parameters" in cell.get("metadata", {}).get("tags", []):
                continue
            here = explained + "\n" + _comments(src)
            for name, (pattern, needed) in CONSTRUCTS.items():
                if re.search(pattern, src, re.M) and needed not in here:
                    unexplained.append(f"{path.name} cell {i}: {name}")
    assert not unexplained, "used before any markdown (or a comment) explains it: " + "; ".join(unexplained)


def test_the_construct_check_catches_an_unexplained_lambda():
    src = 'df["x"].map(lambda s: s.upper())'
    assert re.search(CONSTRUCTS["lambda"][0], src)
    assert CONSTRUCTS["lambda"][1] not in _comments(src)
    assert re.search(CONSTRUCTS["list comprehension"][0], "[len(t) for t in docs]")
    assert re.search(CONSTRUCTS["slice"][0], "art.text[start:end]")
    assert not re.search(CONSTRUCTS["slice"][0], 'd["a"]')


# --- prose that stays true for another article ---------------------------------------------------

_EXAMPLE = re.compile(r"(?<![*\w])\*(?!\*)[^*\n]+(?<!\*)\*(?![*\w])")  # *an example in italics*


def prose_naming(markdown: str, names: list[str]) -> list[str]:
    """The lines of ``markdown`` whose prose (not code, quoted or italic examples) names one of ``names``."""
    text = markdown
    for pattern in [*_NOT_PROSE, _EXAMPLE]:
        text = pattern.sub(" ", text)
    return [
        line.strip() for line in text.splitlines()
        if any(re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", line) for n in names)
    ]


def test_the_name_check_catches_an_actor_in_prose():
    names = ["Iran", "Takht-Ravanchi"]
    assert prose_naming("How does the article treat **Iran**?", names)
    assert prose_naming("The minister Takht-Ravanchi dominates.", names)
    assert not prose_naming('A name such as "Takht-Ravanchi" counts as hard; `Iran` in code.', names)
    assert not prose_naming("The speaker (*Iran's minister said*) comes first; Iranian is a demonym.", names)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_markdown_does_not_name_the_seed_articles_actors(path: Path):
    """Prose about 'the article' must hold for any article: the seed's main actors appear only in examples."""
    from analysis.loaders import load_article
    from analysis.paths import first_seed
    from analysis.sentiment import main_actors

    actors = [n for n in main_actors(load_article(first_seed()).text, n=3) if not n.isupper()]
    assert actors
    found = [line for cell in _cells(path) if cell["cell_type"] == "markdown"
             for line in prose_naming(_source(cell), actors)]
    assert not found, f"{path.name}: markdown names the seed's actors ({actors}) outside examples: {found}"


# what the narration must say on a one-paragraph article, instead of a claim its output does not support
ON_A_SHORT_ARTICLE = {
    "01": ["nothing was cut", "too short for a curve"],  # no comma to cut at; one point of the diversity curve
    "02": ["statement matches a pattern to check"],  # one statement: the count of those to check is singular
    "03": ["No names found"],  # no name to score sentiment toward
    "06": ["speaker is an unresolved pronoun", "of 1 statement"],  # both speaker counts, in the singular
}
# what the outputs must say on the seed: the exercises' solutions answer what they ask
ON_THE_SEED = {
    # exercise 1: no row for the scare quotes is said to be right; section 4 lists statements to check
    "02": ["no row, and that is the right result", "a pattern to check"],
    # card 2 shows the words VADER found; exercise 2 found a verb that really is missing from the lexicon
    "06": ["words VADER found", "is not in the lexicon", "speaker is an unresolved pronoun"],
}
# a count of one with a plural noun ("1 terms"): the narration must agree with its numbers
_ONE_PLURAL = re.compile(r"(?<![\d.,])1 (?:terms|statements|sentences|speakers|articles|paragraphs)\b")
@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs_on_a_one_paragraph_article(path: Path, tmp_path: Path):
    short = write_article(tmp_path / "short.txt", "Mayor opens bridge",
                          ["The mayor opened the new bridge on Monday. “It is a proud day” she said."], "Ann Lee")
    nb = _run(path, tmp_path / path.name, article=str(short))
    assert_every_code_cell_ran(nb, path.name)
    texts = json.dumps([c.get("outputs", []) for c in nb["cells"]], ensure_ascii=False)
    assert not _ONE_PLURAL.findall(texts), f"{path.name}: {_ONE_PLURAL.findall(texts)}"
    for expected in ON_A_SHORT_ARTICLE.get(path.name[:2], []):
        assert expected in texts, f"{path.name}: on a one-paragraph article the output should say {expected!r}"
    assert "Deprecat" not in texts, f"{path.name}: a deprecation warning reaches the student"


@pytest.mark.slow
def test_corpus_keyness_leaves_the_focus_article_out_of_the_reference(tmp_path: Path, corpus20: Path):
    (path,) = [p for p in NOTEBOOKS if p.name.startswith("05")]
    nb = _run(path, tmp_path / path.name, corpus=str(corpus20), article=str(corpus20 / "a05.txt"))
    assert_every_code_cell_ran(nb, path.name)
    texts = json.dumps([c.get("outputs", []) for c in nb["cells"]])
    assert "against 19 other article(s)" in texts


# --- exercises stay exercises; analysis stays in the package -------------------------------------


def _string_literals(code: str, min_len: int = 30) -> set[str]:
    """The string constants of ``code`` at least ``min_len`` characters long (example sentences)."""
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return set()
    return {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)
            and len(n.value) >= min_len}


def test_no_lesson_shows_the_sentences_of_another_lessons_solution():
    """A solution's example sentences (02, exercise 3) must not be run and judged in another lesson (06, card 4)."""
    cells = {p.name: _cells(p) for p in NOTEBOOKS}
    shared = []
    for name, own in cells.items():
        solved = set().union(*[_string_literals(_source(c)) for c in own
                               if c["cell_type"] == "code" and is_solution(nbformat.from_dict(c))])
        for other, theirs in cells.items():
            if other != name:
                shared += [f"{name} solution in {other}: {s[:60]!r}" for c in theirs for s in solved if s in _source(c)]
    assert not shared, shared


def test_the_check_of_solutions_catches_a_shared_sentence():
    code = 'tricky = [("The report, which the ministry published on Friday, said prices would rise.", "x", "said")]'
    assert "The report, which the ministry published on Friday, said prices would rise." in _string_literals(code)
    assert not _string_literals('x = "short"')


def test_notebooks_do_not_redefine_the_packages_functions():
    """Analysis logic lives in ``analysis/``: a notebook calls it, never defines a function of the same name."""
    import importlib
    import pkgutil

    import analysis

    public = set()
    for mod in pkgutil.iter_modules(analysis.__path__):
        if mod.name not in {"__main__", "distributed"}:
            public |= set(getattr(importlib.import_module(f"analysis.{mod.name}"), "__all__", ()))
    assert {"sign", "failure_conditions", "quotes_to_check"} <= public
    defined = [
        f"{p.name}: {m}" for p in NOTEBOOKS for c in _cells(p) if c["cell_type"] == "code"
        for m in re.findall(r"^def (\w+)\(", _source(c), re.M) if m in public
    ]
    assert not defined, f"notebooks define functions the package has: {defined}"
    code06 = "\n".join(_source(c) for c in _cells(NOTEBOOKS_DIR / "06-method-cards.ipynb") if c["cell_type"] == "code")
    assert "checks.failure_conditions(" in code06 and not re.search(r"^def conditions\(", code06, re.M)
