"""After ``nbgrader autograde``: who was graded, who was not, why, and what to do.

nbgrader carries on past a learner whose notebook it cannot grade, and says so only in its
log. This reads the course folder instead: each learner's handed-in notebook
(``submitted/<id>/<assignment>/``), what autograde wrote (``autograded/``) and the gradebook.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from coursework_kit.errors import CourseworkError

__all__ = ["GradedLearner", "GradingReport", "grading_report"]


@dataclass(frozen=True)
class GradedLearner:
    learner: str
    graded: bool
    score: float | None = None
    out_of: float | None = None
    why: str = ""  # when not graded: what went wrong
    todo: str = ""  # when not graded: what the tutor can do

    def line(self) -> str:
        if self.graded:
            return f"  {self.learner}: graded, {self.score:g} / {self.out_of:g} autograded marks"
        return f"  {self.learner}: NOT GRADED. {self.why} {self.todo}"


@dataclass(frozen=True)
class GradingReport:
    assignment: str
    learners: tuple[GradedLearner, ...]

    @property
    def not_graded(self) -> tuple[GradedLearner, ...]:
        return tuple(r for r in self.learners if not r.graded)

    def __str__(self) -> str:
        done = len(self.learners) - len(self.not_graded)
        lines = [
            f"Autograding of {self.assignment}: {done} of {len(self.learners)} learners graded."
        ]
        lines += [r.line() for r in self.not_graded]
        lines += [r.line() for r in self.learners if r.graded]
        return "\n".join(lines)


def hand_in_again(then: str) -> str:
    """What to do about a damaged notebook, ending with ``then`` (the command to run)."""
    return (
        "Their work is kept in submitted/. Ask them to hand in the notebook again "
        f"(File > Download keeps a copy of it). {then}"
    )


def notebook_problem(folder: Path) -> str:
    """What is wrong with a handed-in folder's notebook, or "" if it looks like a notebook."""
    notebooks = sorted(folder.glob("*.ipynb"))
    if not notebooks:
        return "No notebook was handed in."
    for path in notebooks:
        try:
            document = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError, RecursionError):
            return f"{path.name} is damaged: it is not a notebook file any more."
        if not isinstance(document, dict) or not isinstance(document.get("cells"), list):
            return f"{path.name} is damaged: it has no cells."
    return ""


def _gradebook_url(course: Path) -> str | None:
    """The course's gradebook address: its nbgrader_config.py's, else gradebook.db."""
    if (course / "nbgrader_config.py").is_file():
        from coursework_kit.tutor.autograde.course import open_course

        return open_course(course).db_url
    database = course / "gradebook.db"
    return f"sqlite:///{database}" if database.is_file() else None


def _scores(course: Path, assignment: str) -> dict[str, tuple[float, float]]:
    url = _gradebook_url(course)
    if url is None:
        return {}
    from nbgrader.api import Gradebook

    scores = {}
    with Gradebook(url) as gradebook:
        try:
            submissions = gradebook.assignment_submissions(assignment)
        except Exception:  # an assignment nbgrader does not know: nothing was graded
            return {}
        for submission in submissions:
            scores[submission.student.id] = (
                float(submission.code_score),
                float(submission.max_code_score),
            )
    return scores


def grading_report(course: str | Path, assignment: str) -> GradingReport:
    """Every learner who handed in ``assignment``, and whether autograde marked them."""
    root = Path(course)
    submitted = root / "submitted"
    if not submitted.is_dir():
        raise CourseworkError(f"{root} has no submitted/ folder: run nbgrader collect first.")
    if not assignment or "/" in assignment or assignment in (".", ".."):
        raise CourseworkError(f"{assignment!r} is not an assignment name.")
    scores = _scores(root, assignment)
    rows = []
    for folder in sorted(p for p in submitted.iterdir() if (p / assignment).is_dir()):
        learner, handed_in = folder.name, folder / assignment
        graded = root / "autograded" / learner / assignment
        again = f"Then run: coursework autograde {assignment} --student {learner} --force"
        if learner in scores and any(graded.glob("*.ipynb")):
            got, out_of = scores[learner]
            rows.append(GradedLearner(learner, True, got, out_of))
            continue
        problem = notebook_problem(handed_in)
        if problem:
            todo = hand_in_again(again)
            rows.append(GradedLearner(learner, False, why=problem, todo=todo))
        elif learner not in scores:
            rows.append(
                GradedLearner(
                    learner,
                    False,
                    why="Autograde has not marked this submission.",
                    todo=f"Run: coursework autograde {assignment}, and read what it says "
                    "about this learner if they are still not graded.",
                )
            )
        else:
            rows.append(
                GradedLearner(
                    learner,
                    False,
                    why="Autograde stopped on this notebook (nbgrader's log says why).",
                    todo=again,
                )
            )
    return GradingReport(assignment, tuple(rows))
