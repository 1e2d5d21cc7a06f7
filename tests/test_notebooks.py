"""Notebooks: committed clean, parameterised, and runnable top to bottom under papermill."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import papermill as pm
import pytest

from analysis.paths import NOTEBOOKS_DIR

from .conftest import SMALL_CORPUS, write_article

NOTEBOOKS = sorted(NOTEBOOKS_DIR.glob("[0-9][0-9]-*.ipynb"))
PARAM_LINE = re.compile(r"^(\w+): *([\w\[\], |]+) *= *(.+?)(?: *# *(.+))?$")


def test_the_course_notebooks_exist():
    names = {p.stem.split("-", 1)[0] for p in NOTEBOOKS}
    assert {"00", "01"} <= names


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


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs_on_the_seed(path: Path, tmp_path: Path):
    nb = _run(path, tmp_path / path.name)
    assert not nb["metadata"]["papermill"].get("exception")


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs_on_a_corpus(path: Path, tmp_path: Path, corpus20: Path):
    nb = _run(path, tmp_path / path.name, corpus=str(corpus20))
    assert not nb["metadata"]["papermill"].get("exception")
    # the corpus section ran: some output mentions the corpus size
    texts = json.dumps([c.get("outputs", []) for c in nb["cells"]])
    assert "20" in texts
