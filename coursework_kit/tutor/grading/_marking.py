"""A check cell's marks, worked out here from the answer key: each part of the key marked, what
a saved chat is checked against, and the score of a check cell when there is no key."""

from __future__ import annotations

import ast
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from nbformat.notebooknode import NotebookNode

from coursework_kit.tutor.grading._cells import _result
from coursework_kit.tutor.grading._harvest import Unreadable
from coursework_kit.tutor.grading.figures import FORMS, AnswerForm
from coursework_kit.tutor.grading.keys import Part
from coursework_kit.tutor.grading.scoring import (
    Proof,
    Score,
    mark_choice,
    mark_crm,
    mark_numeric,
    mark_templates,
    mark_transcript,
)

LONGEST_TERM = timedelta(days=120)  # a chat must be this recent when no release date is set


def _form(figure_set: str | None, figure: str) -> AnswerForm | None:
    """How the answer to ``figure`` is written (its unit and rounding), if the set says."""
    return FORMS.get(figure_set or "", {}).get(figure)


def _mark(
    part: Part,
    answers: dict[str, Any],
    figures: dict[str, Any],
    proof: Proof,
    key_figures: str | None = None,
) -> Score:
    if part.kind in ("numeric", "choice"):
        answer = answers.get(part.subject)
        if isinstance(answer, Unreadable):
            return Score(
                0.0,
                part.points,
                f"0 / {part.points:g}: the {part.label} could not be read "
                f"({answer.why}). Type a number or a letter in quotes.",
            )
        if part.kind == "numeric":
            expected = figures[part.figure or ""]
            return mark_numeric(
                answer,
                float(expected),
                points=part.points,
                tolerance=part.tolerance,
                form=_form(key_figures, part.figure or ""),
                label=part.label,
            )
        letter = str(figures[part.figure]) if part.figure else str(part.expected)
        return mark_choice(answer, letter, points=part.points, label=part.label)
    if part.kind == "chat":
        criteria = None if part.criteria is None else list(part.criteria)
        return mark_transcript(part.subject, points=part.points, criteria=criteria, proof=proof)
    if part.kind == "crm":
        return mark_crm(part.subject, points=part.points, proof=proof)
    return mark_templates(part.subject, points=part.points, proof=proof)


def _proof(submitted: Path, student: str, released: str | None) -> Proof:
    """What a saved chat is checked against: this submission, this learner, and the window
    between the assignment's release (when the tutor has set it) and the hand-in."""
    from coursework_kit.tutor.grading.evidence import submission_time

    now = datetime.now(timezone.utc)
    handed_in = submission_time(submitted)
    submitted_at = min(handed_in, now) if handed_in else now
    if released:
        released_at = datetime.fromisoformat(released)
        if released_at.tzinfo is None:
            released_at = released_at.replace(tzinfo=timezone.utc)
    else:  # no release date set: a chat held more than a term before the hand-in is not this one
        released_at = submitted_at - LONGEST_TERM
    return Proof(submitted, student, released_at, submitted_at)


def _declares_only(source: str) -> bool:
    """A check cell with nothing to run (only comments): the key must mark it."""
    try:
        return not ast.parse(source).body
    except (SyntaxError, ValueError):
        return False


def _no_key(nb: NotebookNode) -> None:
    """Without a key, a check cell that only declares what is marked scores 0 (nbgrader would
    give a cell with no result full marks); one with code keeps the kernel's result."""
    for cell in nb.cells:
        info = cell.get("metadata", {}).get("nbgrader", {})
        if cell.cell_type == "code" and info.get("grade") and _declares_only(cell.source):
            points = float(info.get("points") or 0)
            why = (
                f"0 / {points:g}: this check was not marked, because the course has no answer "
                "key for this assignment. Your tutor will look at it."
            )
            _result(cell, [Score(0.0, points, why)], None)
