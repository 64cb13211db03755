"""The criteria report: which assessment criteria each learner has evidenced, from nbgrader.

A criterion is **met** when at least one graded cell that names it (in the source notebook's
``metadata.coursework.criteria``) has been awarded at least half its points; **not yet met**
when every such cell has been marked below that; **not marked** when the only evidence is
still waiting for the tutor's manual mark. Each result says where the evidence is
(assignment, notebook, cell).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from coursework_kit.errors import CourseworkError

__all__ = ["CriteriaMatrix", "CriterionStatus", "criteria_matrix"]

MET_SHARE = 0.5


@dataclass(frozen=True)
class CriterionStatus:
    status: str  # "met", "not yet met" or "not marked"
    evidence: str  # e.g. "unit1/unit1.ipynb: task1-check (2/2)"


@dataclass
class CriteriaMatrix:
    learners: list[str]
    criteria: list[str]
    cells: dict[tuple[str, str], CriterionStatus] = field(default_factory=dict)

    def status(self, learner: str, code: str) -> CriterionStatus | None:
        return self.cells.get((learner, code))

    def met_counts(self) -> dict[str, int]:
        """How many learners have met each criterion."""
        return {
            code: sum(
                1
                for learner in self.learners
                if (s := self.status(learner, code)) and s.status == "met"
            )
            for code in self.criteria
        }

    def to_csv(self) -> str:
        """One row per learner and criterion: learner, criterion, status, evidence."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["learner", "criterion", "status", "evidence"])
        for learner in self.learners:
            for code in self.criteria:
                s = self.status(learner, code)
                writer.writerow(
                    [learner, code, s.status if s else "no evidence yet", s.evidence if s else ""]
                )
        return out.getvalue()


def _cell_codes(source_dir: Path) -> dict[tuple[str, str, str], list[str]]:
    """(assignment, notebook, grade_id) -> the criterion codes that cell names."""
    import nbformat

    from coursework_kit.tutor.criteria import cell_criteria

    found: dict[tuple[str, str, str], list[str]] = {}
    for path in sorted(source_dir.glob("*/*.ipynb")):
        notebook = nbformat.read(path, as_version=4)  # type: ignore[no-untyped-call]
        for cell in notebook.cells:
            grading = cell.metadata.get("nbgrader", {})
            if grading.get("grade"):
                found[(path.parent.name, path.stem, grading["grade_id"])] = cell_criteria(
                    cell.metadata
                )
    return found


def criteria_matrix(course_dir: str | Path) -> CriteriaMatrix:
    """Build the learner x criterion matrix from a course's gradebook and source notebooks."""
    from nbgrader.api import Gradebook, MissingEntry

    from coursework_kit.tutor.criteria import catalogue

    course = Path(course_dir)
    database = course / "gradebook.db"
    if not database.is_file():
        raise CourseworkError(
            f"There is no gradebook in {course}: run nbgrader autograde there first."
        )
    codes = _cell_codes(course / "source")
    matrix = CriteriaMatrix([], list(catalogue()))
    with Gradebook(f"sqlite:///{database}") as gradebook:
        matrix.learners = sorted(s.id for s in gradebook.students)
        for (assignment, notebook, grade_id), cell_codes in codes.items():
            for learner in matrix.learners:
                try:
                    grade = gradebook.find_grade(grade_id, notebook, assignment, learner)
                except MissingEntry:
                    continue  # no submission for this assignment
                score = grade.score
                where = f"{assignment}/{notebook}.ipynb: {grade_id}"
                # nbgrader reports 0 for work still waiting for the tutor's mark
                if score is None or (grade.needs_manual_grade and grade.manual_score is None):
                    found = CriterionStatus("not marked", f"{where} (awaiting your mark)")
                else:
                    met = grade.max_score and score >= MET_SHARE * grade.max_score
                    found = CriterionStatus(
                        "met" if met else "not yet met", f"{where} ({score:g}/{grade.max_score:g})"
                    )
                for code in cell_codes:
                    _merge(matrix, learner, code, found)
    return matrix


_RANK = {"met": 2, "not marked": 1, "not yet met": 0}


def _merge(matrix: CriteriaMatrix, learner: str, code: str, found: CriterionStatus) -> None:
    """Keep the strongest evidence for a criterion: met, then not marked, then not yet met."""
    current = matrix.cells.get((learner, code))
    if current is None or _RANK[found.status] > _RANK[current.status]:
        matrix.cells[(learner, code)] = found
