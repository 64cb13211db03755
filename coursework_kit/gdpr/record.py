"""The decision scenarios' evidence: each scenario's choice and reasoning, and each check made.

Saved to ``evidence/gdpr-decisions-unit<n>.json`` for one unit's scenarios (the scenario of the
record is ``unit3``, ``unit5``...) or ``evidence/gdpr-decisions.json`` for every scenario
(``all``): the names the first release used, so its files are found and read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from coursework_kit.records import Mode, Record, RecordShapeError
from coursework_kit.records._base import text

__all__ = ["KEEP_CHECKS", "Decision", "DecisionCheck", "DecisionRecord", "DecisionWork"]

KEEP_CHECKS = 100  # checks kept per scenario, the latest ones (far more than anyone makes)


@dataclass(frozen=True)
class DecisionCheck:
    """One press of "Check my answer": the option chosen, the reasoning given, and when."""

    chosen: str
    reasoning: str
    at: str


@dataclass(frozen=True)
class Decision:
    """One scenario as the learner left it: the option chosen and the reasoning typed now
    (checked or not), and every check they made, oldest first."""

    chosen: str | None = None
    reasoning: str = ""
    checks: tuple[DecisionCheck, ...] = ()


@dataclass(frozen=True)
class DecisionWork:
    """A learner's decisions, by scenario id, and the scenario on screen ("" for the first)."""

    decisions: dict[str, Decision] = field(default_factory=dict)
    current: str = ""


class DecisionRecord(Record[DecisionWork]):
    """Every attempt at one set of decision scenarios ("unit3", "unit5", or "all")."""

    KIND = "decision"
    WORK = DecisionWork
    PREFIX = "gdpr-decisions"
    DEFAULT_SCENARIO = "all"

    @classmethod
    def work_from_v1(cls, data: dict[str, Any]) -> tuple[DecisionWork, Mode]:
        """The first release kept a list of checks: each scenario, choice, reasoning, time."""
        log = data.get("decisions")
        if not isinstance(log, list):
            raise RecordShapeError("a decisions attempt has no list of decisions")
        decisions: dict[str, Decision] = {}
        for item in log:
            if not isinstance(item, dict) or not isinstance(item.get("scenario"), str):
                raise RecordShapeError("a decision has the wrong shape")
            if not isinstance(item.get("chosen"), str):
                raise RecordShapeError("a decision has no choice")
            check = DecisionCheck(
                chosen=text(item["chosen"]),
                reasoning=text(item.get("reasoning")),
                at=text(item.get("at")),
            )
            earlier = decisions.get(item["scenario"], Decision())
            decisions[item["scenario"]] = Decision(
                chosen=check.chosen,
                reasoning=check.reasoning,
                checks=(*earlier.checks, check)[-KEEP_CHECKS:],
            )
        current = str(log[-1]["scenario"]) if log else ""
        return DecisionWork(decisions=decisions, current=current), "practice"
