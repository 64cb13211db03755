"""A learner's notebook put back into a shape nbgrader can grade, from the source notebook's
nbgrader metadata."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from nbformat.notebooknode import NotebookNode
from nbgrader.coursedir import CourseDirectory

from coursework_kit.tutor.grading._cells import from_dict

_SCHEMA_VERSION = 3
_NBGRADER_FIELDS = {
    "grade",
    "grade_id",
    "locked",
    "points",
    "schema_version",
    "solution",
    "task",
    "checksum",
    "cell_type",
}


def _source_cells(course: CourseDirectory, assignment: str, notebook: str) -> dict[str, Any]:
    """The source notebook's nbgrader metadata by grade id (empty if it cannot be read)."""
    path = Path(course.format_path(course.source_directory, ".", assignment)) / f"{notebook}.ipynb"
    try:
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    except (OSError, ValueError, KeyError, TypeError):
        return {}
    found = {}
    for cell in cells:
        info = cell.get("metadata", {}).get("nbgrader")
        if isinstance(info, dict) and isinstance(info.get("grade_id"), str):
            found[info["grade_id"]] = {"cell_type": cell.get("cell_type"), "nbgrader": info}
    return found


def repair(nb: NotebookNode, source: dict[str, Any]) -> list[str]:
    """Make a learner's notebook gradable; returns what was changed, in plain English.

    A second copy of a locked cell (a pasted check cell) is removed: it is the course's text,
    not the learner's. A second copy of an answer cell, and a cell whose grade id the source
    notebook does not have, become ordinary cells (their text is kept). Every other nbgrader
    cell gets the source's metadata back, so an edited schema version or points value cannot
    stop the batch or change the marks.
    """
    changes: list[str] = []
    seen: set[str] = set()
    kept = []
    for cell in nb.cells:
        info = cell.get("metadata", {}).get("nbgrader")
        if info is None:
            kept.append(cell)
            continue
        grade_id = info.get("grade_id") if isinstance(info, dict) else None
        if not isinstance(grade_id, str) or grade_id not in source or not source:
            if source:
                del cell.metadata["nbgrader"]
                changes.append(f"a cell marked {grade_id!r} is not in the assignment: kept as text")
            kept.append(cell)
            continue
        original = source[grade_id]
        if grade_id in seen:
            if original["nbgrader"].get("locked") and not original["nbgrader"].get("solution"):
                changes.append(f"a second copy of the cell {grade_id!r} was removed")
                continue
            del cell.metadata["nbgrader"]
            changes.append(
                f"a second copy of the answer cell {grade_id!r} is kept as an extra cell"
            )
            kept.append(cell)
            continue
        seen.add(grade_id)
        restored = {k: v for k, v in original["nbgrader"].items() if k in _NBGRADER_FIELDS}
        if isinstance(info, dict) and "checksum" in info and "checksum" not in restored:
            restored["checksum"] = info["checksum"]
        if isinstance(info, dict) and "cell_type" in info:  # recorded by generate_assignment
            restored["cell_type"] = original["cell_type"]
        restored["schema_version"] = _SCHEMA_VERSION
        if restored != info:
            changes.append(f"the settings of the cell {grade_id!r} were put back")
        cell.metadata["nbgrader"] = from_dict(restored)
        if (
            original["cell_type"] in ("code", "markdown")
            and cell.cell_type != original["cell_type"]
        ):
            changes.append(
                f"the cell {grade_id!r} was changed back to a {original['cell_type']} cell"
            )
            cell.cell_type = original["cell_type"]
            if cell.cell_type == "code":
                cell.setdefault("outputs", [])
                cell.setdefault("execution_count", None)
            else:
                cell.pop("outputs", None)
                cell.pop("execution_count", None)
        kept.append(cell)
    nb.cells = kept
    return changes
