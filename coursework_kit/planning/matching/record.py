"""A matching activity's evidence: the choice made for each item, and each check made.

The scenario is the activity's id ("pestle"); the evidence file is
``evidence/activity-<id>.json``, as in the first release.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from coursework_kit.records import Mode, Record, RecordShapeError

__all__ = ["MatchingCheck", "MatchingRecord", "MatchingWork"]


@dataclass(frozen=True)
class MatchingCheck:
    """One press of "Check": the choice for each item then (item id to choice id), and when."""

    answers: dict[str, str]
    at: str = ""


@dataclass(frozen=True)
class MatchingWork:
    """A learner's answers: the choice for each item chosen so far, and every check made."""

    answers: dict[str, str] = field(default_factory=dict)
    checks: tuple[MatchingCheck, ...] = ()


class MatchingRecord(Record[MatchingWork]):
    """Every attempt at one matching or sorting activity (its scenario is the activity id)."""

    KIND = "matching"
    WORK = MatchingWork
    PREFIX = "activity"

    @classmethod
    def work_from_v1(cls, data: dict[str, Any]) -> tuple[MatchingWork, Mode]:
        """A schema-1 attempt was saved by a press of Check, with the answers chosen then."""
        answers = data.get("answers")
        if not isinstance(answers, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in answers.items()
        ):
            raise RecordShapeError("a matching attempt has no answers in it")
        return MatchingWork(dict(answers), (MatchingCheck(dict(answers)),)), "practice"
