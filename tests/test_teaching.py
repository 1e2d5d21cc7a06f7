"""Student copies: solution cells removed, the rest kept, copies still valid notebooks."""

from __future__ import annotations

import nbformat
import pytest

from analysis.errors import ReportError
from analysis.paths import NOTEBOOKS_DIR
from analysis.teaching import is_solution, strip_solutions, student_copy


def _nb(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    p = nbformat.v4.new_code_cell("x = 1")
    p.metadata["tags"] = ["parameters"]
    sol = nbformat.v4.new_code_cell("answer = x + 1\nanswer")
    sol.metadata["tags"] = ["solution"]
    sol.outputs = [nbformat.v4.new_output("execute_result", {"text/plain": "2"}, execution_count=2)]
    md_sol = nbformat.v4.new_markdown_cell("The answer is 2.")
    md_sol.metadata["tags"] = ["solution"]
    nb.cells = [nbformat.v4.new_markdown_cell("# Lesson"), p, sol, md_sol]
    path = tmp_path / "07-lesson.ipynb"
    nbformat.write(nb, path)
    return path


def test_strip_solutions_replaces_each_solution_with_an_answer_cell(tmp_path):
    nb = nbformat.read(_nb(tmp_path), as_version=4)
    out = strip_solutions(nb)
    assert not any(is_solution(c) for c in out.cells)
    assert [c.metadata.get("tags", []) for c in out.cells] == [[], ["parameters"], ["answer"], ["answer"]]
    assert "answer = x + 1" not in nbformat.writes(out)
    assert "The answer is 2" not in nbformat.writes(out)
    # the input notebook is not modified
    assert sum(is_solution(c) for c in nb.cells) == 2
    nbformat.validate(out)


def test_student_copy_writes_clean_copies(tmp_path):
    src = _nb(tmp_path)
    written = student_copy(tmp_path / "students", [src])
    assert [p.name for p in written] == ["07-lesson.ipynb"]
    copy = nbformat.read(written[0], as_version=4)
    assert not any(is_solution(c) for c in copy.cells)
    assert all(not c.get("outputs") for c in copy.cells if c.cell_type == "code")


def test_student_copy_refuses_to_overwrite_the_course(tmp_path):
    with pytest.raises(ReportError, match="another folder"):
        student_copy(NOTEBOOKS_DIR)


def test_course_notebooks_student_copies_have_no_solutions(tmp_path):
    written = student_copy(tmp_path / "students")
    assert written, "no course notebooks found"
    for path in written:
        nb = nbformat.read(path, as_version=4)
        assert not any(is_solution(c) for c in nb.cells), path.name
