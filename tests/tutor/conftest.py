"""A small, fixed nbgrader course for the criteria report: one assignment, two graded cells,
three learners (one of them with nothing handed in), built in milliseconds."""

from __future__ import annotations

import warnings
from collections.abc import Callable
from pathlib import Path

import nbformat
import pytest

LEARNERS = ("ab123", "cd456", "ef789")


def _source(course: Path) -> None:
    """source/unit1/unit1.ipynb: an autograded cell (U1-AC1, U1-AC3) and a written one (U1-AC2)."""
    notebook = nbformat.v4.new_notebook()
    auto = nbformat.v4.new_code_cell("assert answer == 42")
    auto.metadata = {
        "nbgrader": {"grade": True, "grade_id": "task1-check", "points": 2, "solution": False},
        "coursework": {"criteria": ["U1-AC1", "U1-AC3"]},
    }
    written = nbformat.v4.new_markdown_cell("Explain your answer.")
    written.metadata = {
        "nbgrader": {"grade": True, "grade_id": "task2-written", "points": 3, "solution": True},
        "coursework": {"criteria": ["U1-AC2"]},
    }
    notebook.cells = [nbformat.v4.new_markdown_cell("# Unit 1"), auto, written]
    folder = course / "source" / "unit1"
    folder.mkdir(parents=True)
    nbformat.write(notebook, folder / "unit1.ipynb")


def fill_gradebook(url: str, *, tables: bool = True, course_id: str = "default_course") -> None:
    """Marks: ab123 full marks on the check, written part not marked yet; cd456 0 on the
    check, 3/3 on the written part; ef789 handed nothing in."""
    from nbgrader.api import Base, Gradebook
    from sqlalchemy import create_engine
    from sqlalchemy.exc import SAWarning

    if tables:  # made here, so that nbgrader does not look up its schema version (slow)
        engine = create_engine(url)
        Base.metadata.create_all(engine)
        engine.dispose()
    with warnings.catch_warnings(), Gradebook(url, course_id) as gradebook:
        # nbgrader's own add_submission trips an SQLAlchemy warning (its autoflush order)
        warnings.simplefilter("ignore", SAWarning)
        gradebook.add_assignment("unit1")
        gradebook.add_notebook("unit1", "unit1")
        gradebook.add_grade_cell("task1-check", "unit1", "unit1", max_score=2, cell_type="code")
        gradebook.add_grade_cell(
            "task2-written", "unit1", "unit1", max_score=3, cell_type="markdown"
        )
        for learner in LEARNERS:
            gradebook.add_student(learner)
        for learner, check, written in (("ab123", 2.0, None), ("cd456", 0.0, 3.0)):
            gradebook.add_submission("unit1", learner)
            grade = gradebook.find_grade("task1-check", "unit1", "unit1", learner)
            grade.auto_score, grade.needs_manual_grade = check, False
            grade = gradebook.find_grade("task2-written", "unit1", "unit1", learner)
            grade.manual_score = written
            grade.needs_manual_grade = written is None
        gradebook.db.commit()


@pytest.fixture
def gradebook_filler() -> Callable[..., None]:
    """:func:`fill_gradebook`, for tests that make the gradebook themselves."""
    return fill_gradebook


@pytest.fixture
def small_course(tmp_path: Path) -> Callable[..., Path]:
    """Make the small course; ``db_url`` puts its gradebook there (named in
    nbgrader_config.py) instead of in gradebook.db."""

    def make(*, db_url: str | None = None, course_id: str = "", name: str = "course") -> Path:
        course = tmp_path / name
        _source(course)
        if db_url is None:
            fill_gradebook(f"sqlite:///{course / 'gradebook.db'}")
        else:
            (course / "nbgrader_config.py").write_text(
                f"c = get_config()  # noqa: F821\nc.CourseDirectory.db_url = {db_url!r}\n"
                f"c.CourseDirectory.course_id = {course_id!r}\n"
            )
        return course

    return make
