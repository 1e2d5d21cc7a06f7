"""Student copies of the course notebooks: the same lessons without the solution cells.

Solutions live in the notebooks themselves, in code or markdown cells tagged ``solution``, so
that CI runs them with everything else. :func:`student_copy` writes copies in which each
solution cell is replaced by an empty "your answer here" cell, and outputs are cleared.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

import nbformat

from .errors import ReportError
from .html_export import atomic_write
from .paths import NOTEBOOKS_DIR

log = logging.getLogger(__name__)

SOLUTION_TAG = "solution"
_PLACEHOLDER = "# Your answer here\n"


def is_solution(cell: nbformat.NotebookNode) -> bool:
    """Whether ``cell`` is tagged ``solution``."""
    return SOLUTION_TAG in cell.get("metadata", {}).get("tags", [])


def strip_solutions(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Return a copy of ``nb`` with solution cells replaced by empty answer cells.

    Outputs and execution counts are cleared in every code cell. A solution cell becomes a code
    cell holding ``# Your answer here`` (tagged ``answer``) so the student copy still runs top to
    bottom.
    """
    out = nbformat.from_dict(nbformat.reads(nbformat.writes(nb), as_version=4))
    cells = []
    for cell in out.cells:
        if is_solution(cell):
            answer = nbformat.v4.new_code_cell(_PLACEHOLDER)
            answer.metadata["tags"] = ["answer"]
            answer["id"] = cell.get("id", answer["id"])
            cells.append(answer)
            continue
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
        cells.append(cell)
    out.cells = cells
    return out


def student_copy(
    out_dir: str | Path, notebooks: Iterable[str | Path] | None = None
) -> list[Path]:
    """Write student copies of the course notebooks into ``out_dir``.

    Args:
        out_dir: the folder to write to (created if needed; must not be ``notebooks/`` itself).
        notebooks: notebook files to copy; default ``notebooks/[0-9][0-9]-*.ipynb``.

    Returns:
        The paths written, in order.

    Raises:
        ReportError: ``out_dir`` is the source folder, or cannot be written.
    """
    out = Path(out_dir)
    paths = (
        sorted(NOTEBOOKS_DIR.glob("[0-9][0-9]-*.ipynb"))
        if notebooks is None
        else [Path(p) for p in notebooks]
    )
    if out.resolve() == NOTEBOOKS_DIR.resolve():
        raise ReportError("student copies must go to another folder than notebooks/ itself")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ReportError(f"cannot create {out}: {exc.strerror}") from exc
    written = []
    for src in paths:
        nb = nbformat.read(src, as_version=4)
        dest = out / src.name
        atomic_write(dest, nbformat.writes(strip_solutions(nb)))
        log.info("wrote %s", dest)
        written.append(dest)
    return written
