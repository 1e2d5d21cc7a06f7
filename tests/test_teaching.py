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


COURSE = sorted(NOTEBOOKS_DIR.glob("[0-9][0-9]-*.ipynb"))


@pytest.mark.parametrize("path", COURSE, ids=lambda p: p.name)
def test_course_student_copy_keeps_the_lesson_and_drops_every_solution(path, tmp_path):
    course = nbformat.read(path, as_version=4)
    solutions = [c for c in course.cells if is_solution(c)]
    assert len(solutions) >= 3, f"{path.name}: at least one solution per exercise"
    (copy_path,) = student_copy(tmp_path, [path])
    copy = nbformat.read(copy_path, as_version=4)
    text = nbformat.writes(copy)
    for cell in solutions:
        assert cell.source.strip() not in text, f"{path.name}: a solution survived in the student copy"
    answers = [c for c in copy.cells if "answer" in c.metadata.get("tags", [])]
    assert len(answers) == len(solutions)
    kept = [c.source for c in course.cells if not is_solution(c)]
    assert [c.source for c in copy.cells if "answer" not in c.metadata.get("tags", [])] == kept
    nbformat.validate(copy)


@pytest.mark.slow
@pytest.mark.parametrize("path", COURSE, ids=lambda p: p.name)
def test_course_student_copy_runs_top_to_bottom(path, tmp_path):
    """A student who runs the copy without answering anything gets no error."""
    import papermill as pm

    (copy_path,) = student_copy(tmp_path / "students", [path])
    nb = pm.execute_notebook(
        str(copy_path), str(tmp_path / f"run-{path.name}"), cwd=str(NOTEBOOKS_DIR),
        progress_bar=False, kernel_name="python3",
    )
    assert not nb["metadata"]["papermill"].get("exception")
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.execution_count is not None for c in code)
    assert not any(o.get("output_type") == "error" for c in code for o in c.outputs)


def test_instructors_page_lists_every_lesson_with_its_time():
    """notebooks/README.md: one row per course notebook, linked, with the time its header gives."""
    import re

    page = (NOTEBOOKS_DIR / "README.md").read_text(encoding="utf-8")
    for path in COURSE:
        rows = [line for line in page.splitlines() if line.startswith("|") and f"]({path.name})" in line]
        assert rows, f"notebooks/README.md has no row linking {path.name}"
        header = nbformat.read(path, as_version=4).cells[0].source
        time_line = re.search(r"\*\*Time:\*\*([^\n]*)", header).group(1)
        minutes = re.findall(r"\d+", time_line.split("minutes")[0])
        assert minutes and re.findall(r"\d+", rows[0].split("|")[-2]) == minutes, (
            f"{path.name}: the README's time differs from the header's ({time_line.strip()})"
        )
    for needed in ("make report ARTICLES=", "python -m analysis report", "student-copy", "make lab", "By NAME"):
        assert needed in page, f"notebooks/README.md does not mention {needed!r}"
