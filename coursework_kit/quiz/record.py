"""The quiz's evidence: what the learner has chosen for each question and each check made."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from coursework_kit.records import Mode, Record, RecordShapeError

__all__ = ["QuizCheck", "QuizRecord", "QuizWork"]


@dataclass(frozen=True)
class QuizCheck:
    """One press of "Check answer": the question, the options chosen, and when."""

    question: str
    chosen: tuple[str, ...]
    at: str


@dataclass(frozen=True)
class QuizWork:
    """A learner's answers to one quiz: the options chosen now, and every check they made."""

    chosen: dict[str, tuple[str, ...]] = field(default_factory=dict)
    checks: tuple[QuizCheck, ...] = ()


class QuizRecord(Record[QuizWork]):
    """Every attempt at one quiz bank (its scenario is the bank id)."""

    KIND = "quiz"
    WORK = QuizWork

    @classmethod
    def work_from_v1(cls, data: dict[str, Any]) -> tuple[QuizWork, Mode]:
        checks = data.get("checks")
        if not isinstance(checks, list):
            raise RecordShapeError("a quiz attempt has no list of checks")
        found = []
        for check in checks:
            if not isinstance(check, dict) or not isinstance(check.get("chosen"), list):
                raise RecordShapeError("a quiz check has the wrong shape")
            found.append(
                QuizCheck(
                    question=str(check.get("question", "")),
                    chosen=tuple(str(c) for c in check["chosen"]),
                    at=str(check.get("at", "")),
                )
            )
        chosen = {c.question: c.chosen for c in found}
        return QuizWork(chosen=chosen, checks=tuple(found)), "practice"
