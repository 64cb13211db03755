"""Read an nbgrader gradebook without changing it.

nbgrader's own ``Gradebook(url)`` creates missing tables and adds a course row when it opens a
database, so it is not used here. A SQLite gradebook is opened read-only (``mode=ro``), so even
a mistake here could not change it; on PostgreSQL every transaction is read-only
(``default_transaction_read_only``); elsewhere nothing is ever written or committed. The
queries use nbgrader's own models, so a score here is the score nbgrader shows: the sum of the
learner's grades less any late penalty, and never below 0 (as ``nbgrader export`` works it
out).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from coursework_kit.errors import CourseworkError

__all__ = ["AssignmentScores", "Score", "read_scores"]


@dataclass(frozen=True)
class Score:
    """One learner's result for an assignment, from their submission in the gradebook."""

    learner: str
    points: float  # after any late penalty
    awaiting_mark: bool  # some of their work still needs the tutor's manual mark


@dataclass(frozen=True)
class AssignmentScores:
    """Every submission of an assignment in the gradebook."""

    assignment: str
    max_score: float
    scores: dict[str, Score]  # by nbgrader id: only learners with a submission


def _sqlite_file(db_url: str) -> Path | None:
    """The database file of a SQLite URL, or None if the URL is not SQLite."""
    from sqlalchemy.engine import make_url

    url = make_url(db_url)
    if url.get_backend_name() != "sqlite":
        return None
    if not url.database or url.database == ":memory:":
        raise CourseworkError(
            f"The gradebook address {_shown(db_url)} is not a file that can be read."
        )
    path = Path(url.database)
    if not path.is_file():
        raise CourseworkError(
            f"There is no gradebook at {path}: run coursework autograde (or nbgrader "
            "autograde) for this course first."
        )
    return path.resolve()


def _shown(db_url: str) -> str:
    """The address for a message, without any password in it."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        return make_url(db_url).render_as_string(hide_password=True)
    except ArgumentError:
        return repr(db_url)


def _connect(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(
        f"file:{quote(path.as_posix(), safe='/:')}?mode=ro", uri=True, timeout=60
    )


@contextmanager
def _session(db_url: str) -> Iterator[Any]:
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url
    from sqlalchemy.orm import Session
    from sqlalchemy.pool import NullPool

    path = _sqlite_file(db_url)
    if path is not None:
        engine = create_engine("sqlite://", creator=lambda: _connect(path), poolclass=NullPool)
    elif make_url(db_url).get_backend_name() == "postgresql":  # every transaction read-only
        options = {"options": "-c default_transaction_read_only=on"}
        engine = create_engine(db_url, poolclass=NullPool, connect_args=options)
    else:
        engine = create_engine(db_url, poolclass=NullPool)
    try:
        with Session(engine, autoflush=False) as session:
            yield session
            session.rollback()  # nothing is ever committed
    finally:
        engine.dispose()


def read_scores(db_url: str, assignment: str) -> AssignmentScores:
    """The score of every learner with a submission of ``assignment``, read-only."""
    from nbgrader.api import Assignment, SubmittedAssignment
    from sqlalchemy import select
    from sqlalchemy.exc import SQLAlchemyError

    try:
        with _session(db_url) as session:
            found = session.scalars(
                select(Assignment).where(Assignment.name == assignment)
            ).one_or_none()
            if found is None:
                known = session.scalars(select(Assignment.name).order_by(Assignment.name)).all()
                raise CourseworkError(
                    f"{assignment} is not in the gradebook."
                    + (f" It has: {', '.join(known)}." if known else " It has no assignments yet.")
                )
            max_score = float(found.max_score or 0)
            rows = session.execute(
                select(
                    SubmittedAssignment.student_id,
                    SubmittedAssignment.score,
                    SubmittedAssignment.late_submission_penalty,
                    SubmittedAssignment.needs_manual_grade,
                ).where(SubmittedAssignment.assignment_id == found.id)
            ).all()
    except ImportError as exc:  # no driver installed for this kind of database
        raise CourseworkError(
            f"The gradebook at {_shown(db_url)} needs {exc.name}, not installed."
        ) from exc
    except SQLAlchemyError as exc:
        cause = getattr(exc, "orig", None) or exc
        raise CourseworkError(
            f"The gradebook could not be read ({type(cause).__name__}: {cause}). Is "
            f"{_shown(db_url)} an nbgrader gradebook?"
        ) from exc
    scores = {
        learner: Score(learner, max(0.0, float(score or 0) - float(penalty or 0)), bool(manual))
        for learner, score, penalty, manual in rows
    }
    return AssignmentScores(assignment, max_score, scores)
