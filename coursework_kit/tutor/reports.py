"""The criteria report: which assessment criteria each learner has evidenced, from nbgrader.

A criterion is **met** when at least one graded cell that names it (in the source notebook's
``metadata.coursework.criteria``) has been awarded at least half its points; **not yet met**
when every such cell has been marked below that; **not marked** when the only evidence is
still waiting for the tutor's manual mark. Each result says where the evidence is
(assignment, notebook, cell).

The report only reads. The gradebook is opened read-only (an SQLite file with ``mode=ro``, a
PostgreSQL database in a read-only transaction), never through nbgrader's ``Gradebook``, which
creates tables and a course row in whatever it is given. A file that is not a gradebook, or
cannot be read, is explained in plain words (:class:`~coursework_kit.errors.DatasetError`).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from coursework_kit.errors import CourseworkError, DatasetError

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

__all__ = ["CriteriaMatrix", "CriterionStatus", "criteria_matrix"]

MET_SHARE = 0.5
_SQLITE_HEADER = b"SQLite format 3\x00"
# The tables the report reads; a database without them is not an nbgrader gradebook.
_TABLES = {
    "assignment",
    "base_cell",
    "grade",
    "notebook",
    "student",
    "submitted_assignment",
    "submitted_notebook",
}
_AGAIN = "Run nbgrader autograde in the course folder first, or check db_url in nbgrader_config.py."


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
        try:
            notebook = nbformat.read(path, as_version=4)  # type: ignore[no-untyped-call]
        except Exception as exc:  # the tutor's own source notebook: say which, and stop
            raise DatasetError(
                f"{path.relative_to(source_dir.parent)} cannot be read as a notebook "
                f"({type(exc).__name__}), so the report cannot tell which criteria its cells "
                "evidence. Restore it from a backup, or move it out of source/."
            ) from exc
        for cell in notebook.cells:
            grading = cell.metadata.get("nbgrader", {})
            if grading.get("grade"):
                found[(path.parent.name, path.stem, grading["grade_id"])] = cell_criteria(
                    cell.metadata
                )
    return found


class _Gradebook(NamedTuple):
    url: str
    course_id: str | None  # None: every course the gradebook holds
    name: str  # how messages name it


class _Grade(NamedTuple):
    learner: str
    assignment: str
    notebook: str
    cell: str
    score: float
    max_score: float
    needs_manual_grade: bool
    manual_score: float | None


def _where(course: Path) -> _Gradebook:
    """The course's gradebook: the one nbgrader_config.py names, else gradebook.db."""
    if (course / "nbgrader_config.py").is_file():
        from coursework_kit.tutor.autograde.course import open_course

        settings = open_course(course)
        # nbgrader's course_id is "" unless the tutor sets one: then every course is read
        url, course_id = settings.db_url, settings.course_id or None
    else:
        url, course_id = f"sqlite:///{(course / 'gradebook.db').resolve()}", None
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise DatasetError(
            f"The gradebook address in nbgrader_config.py ({url!r}) is not a database "
            "address. Give db_url as, for example, sqlite:////path/to/gradebook.db."
        ) from exc
    if parsed.get_backend_name() == "sqlite":
        return _Gradebook(url, course_id, str(parsed.database or ""))
    return _Gradebook(url, course_id, parsed.render_as_string(hide_password=True))


def _sqlite_engine(gradebook: _Gradebook, course: Path) -> Engine:
    """A read-only engine on an SQLite gradebook that has been checked to be one."""
    import sqlite3
    from urllib.parse import quote

    from sqlalchemy import create_engine
    from sqlalchemy.pool import NullPool

    if not gradebook.name or gradebook.name == ":memory:":
        raise DatasetError(f"The gradebook address {gradebook.url!r} names no file. {_AGAIN}")
    path = Path(gradebook.name)
    if not path.exists():
        raise DatasetError(
            f"There is no gradebook in {course}: run nbgrader autograde there first."
        )
    if path.is_dir():
        raise DatasetError(f"{path} is a folder, not a gradebook. {_AGAIN}")
    try:
        with path.open("rb") as handle:
            header = handle.read(len(_SQLITE_HEADER))
    except OSError as exc:
        raise DatasetError(f"{path} cannot be read ({exc.strerror}). {_AGAIN}") from exc
    if not header:
        raise DatasetError(f"{path} is empty: it holds no marks. {_AGAIN}")
    if header != _SQLITE_HEADER:
        raise DatasetError(f"{path} is not a gradebook: it is not a database file at all. {_AGAIN}")
    address = f"file:{quote(str(path.resolve()))}?mode=ro"
    return create_engine(
        "sqlite://",
        creator=lambda: sqlite3.connect(address, uri=True, check_same_thread=False),
        poolclass=NullPool,
    )


def _engine(gradebook: _Gradebook, course: Path) -> Engine:
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url
    from sqlalchemy.pool import NullPool

    backend = make_url(gradebook.url).get_backend_name()
    if backend == "sqlite":
        return _sqlite_engine(gradebook, course)
    options: dict[str, Any] = {}
    if backend == "postgresql":  # every transaction read-only, whatever runs in it
        options["connect_args"] = {"options": "-c default_transaction_read_only=on"}
    try:
        return create_engine(gradebook.url, poolclass=NullPool, **options)
    except Exception as exc:  # no driver for it, or options it does not take
        raise DatasetError(
            f"The gradebook {gradebook.name} cannot be opened: {_first_line(exc)}"
        ) from exc


def _first_line(exc: BaseException) -> str:
    original = getattr(exc, "orig", None) or exc
    text = str(original).strip().splitlines()
    return text[0] if text else type(original).__name__


def _read(gradebook: _Gradebook, course: Path) -> tuple[list[str], set[str], list[_Grade]]:
    """Every learner, every assignment's name, and every grade, read without writing."""
    from nbgrader.api import (
        Assignment,
        BaseCell,
        Grade,
        Notebook,
        Student,
        SubmittedAssignment,
        SubmittedNotebook,
    )
    from sqlalchemy import inspect, select
    from sqlalchemy.exc import DBAPIError, SQLAlchemyError

    engine = _engine(gradebook, course)
    try:
        with engine.connect() as connection:
            tables = set(inspect(connection).get_table_names())
            if not tables:
                raise DatasetError(f"{gradebook.name} is empty: it holds no marks. {_AGAIN}")
            if not tables >= _TABLES:
                raise DatasetError(
                    f"{gradebook.name} is a database, but not an nbgrader gradebook: it has no "
                    f"table of {'grades' if 'grade' not in tables else 'learners or notebooks'}."
                    f" {_AGAIN}"
                )
            learners = sorted(connection.scalars(select(Student.id)))
            named = select(Assignment.name)
            if gradebook.course_id is not None:
                named = named.where(Assignment.course_id == gradebook.course_id)
            assignments = set(connection.scalars(named))
            query = (
                select(
                    Student.id,
                    Assignment.name,
                    Notebook.name,
                    BaseCell.name,
                    Grade.score,
                    Grade.max_score,
                    Grade.needs_manual_grade,
                    Grade.manual_score,
                )
                .join(BaseCell, BaseCell.id == Grade.cell_id)
                .join(SubmittedNotebook, SubmittedNotebook.id == Grade.notebook_id)
                .join(Notebook, Notebook.id == SubmittedNotebook.notebook_id)
                .join(
                    SubmittedAssignment, SubmittedAssignment.id == SubmittedNotebook.assignment_id
                )
                .join(Assignment, Assignment.id == SubmittedAssignment.assignment_id)
                .join(Student, Student.id == SubmittedAssignment.student_id)
            )
            if gradebook.course_id is not None:
                query = query.where(Assignment.course_id == gradebook.course_id)
            grades = [
                _Grade(
                    str(learner),
                    str(assignment),
                    str(notebook),
                    str(cell),
                    float(score or 0),
                    float(max_score or 0),
                    bool(manual),
                    None if manual_score is None else float(manual_score),
                )
                for (
                    learner,
                    assignment,
                    notebook,
                    cell,
                    score,
                    max_score,
                    manual,
                    manual_score,
                ) in connection.execute(query)
            ]
    except DBAPIError as exc:
        raise DatasetError(_unreadable(gradebook, exc)) from exc
    except SQLAlchemyError as exc:
        raise DatasetError(
            f"{gradebook.name} cannot be read as a gradebook: {_first_line(exc)}. {_AGAIN}"
        ) from exc
    finally:
        engine.dispose()
    return learners, assignments, grades


def _unreadable(gradebook: _Gradebook, exc: BaseException) -> str:
    reason = _first_line(exc)
    lower = reason.lower()
    if "locked" in lower or "busy" in lower:
        return (
            f"{gradebook.name} is in use (nbgrader is writing to it). Wait until autograde or "
            "formgrader has finished, then make the report again."
        )
    if "malformed" in lower or "not a database" in lower or "corrupt" in lower:
        return (
            f"{gradebook.name} is damaged ({reason}), so it cannot be read. Restore it from a "
            "backup, or run nbgrader autograde again to make a new one."
        )
    if "no such column" in lower or "no such table" in lower or "does not exist" in lower:
        return (
            f"{gradebook.name} is not a gradebook this version of nbgrader can read "
            f"({reason}). Run nbgrader db upgrade on a copy of it first."
        )
    return f"The gradebook {gradebook.name} could not be read: {reason}. {_AGAIN}"


def criteria_matrix(course_dir: str | Path) -> CriteriaMatrix:
    """Build the learner x criterion matrix from a course's gradebook and source notebooks.

    The gradebook is the one the course's ``nbgrader_config.py`` names (``db_url``: SQLite or
    PostgreSQL), or ``gradebook.db`` in the course folder. It is only read, never changed.
    """
    from coursework_kit._english import join
    from coursework_kit.tutor.criteria import catalogue

    course = Path(course_dir)
    if not course.is_dir():
        raise CourseworkError(f"There is no course folder {course}.")
    gradebook = _where(course)
    codes = _cell_codes(course / "source")
    learners, assignments, grades = _read(gradebook, course)
    wanted = sorted({assignment for assignment, _, _ in codes})
    if learners and wanted and not assignments & set(wanted):
        raise DatasetError(
            f"The gradebook {gradebook.name} has none of this course's assignments "
            f"({join(wanted)}) in it, so it holds no marks for them. Is it another course's "
            f"gradebook? {_AGAIN}"
        )
    matrix = CriteriaMatrix(learners, list(catalogue()))
    order = {key: number for number, key in enumerate(codes)}  # the notebooks' own order
    graded = [g for g in grades if (g.assignment, g.notebook, g.cell) in order]
    graded.sort(key=lambda g: (order[(g.assignment, g.notebook, g.cell)], g.learner))
    for grade in graded:
        cell_codes = codes[(grade.assignment, grade.notebook, grade.cell)]
        where = f"{grade.assignment}/{grade.notebook}.ipynb: {grade.cell}"
        # nbgrader reports 0 for work still waiting for the tutor's mark
        if grade.needs_manual_grade and grade.manual_score is None:
            found = CriterionStatus("not marked", f"{where} (awaiting your mark)")
        else:
            met = bool(grade.max_score) and grade.score >= MET_SHARE * grade.max_score
            found = CriterionStatus(
                "met" if met else "not yet met",
                f"{where} ({grade.score:g}/{grade.max_score:g})",
            )
        for code in cell_codes:
            _merge(matrix, grade.learner, code, found)
    return matrix


_RANK = {"met": 2, "not marked": 1, "not yet met": 0}


def _merge(matrix: CriteriaMatrix, learner: str, code: str, found: CriterionStatus) -> None:
    """Keep the strongest evidence for a criterion: met, then not marked, then not yet met."""
    current = matrix.cells.get((learner, code))
    if current is None or _RANK[found.status] > _RANK[current.status]:
        matrix.cells[(learner, code)] = found
