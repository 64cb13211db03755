"""Assess a decision record: each scenario marked from the option the learner last checked.

The learner's reasoning is kept with each decision for a person to read; the kit only says
when there is none, since assessors look for why as well as what.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from coursework_kit._english import count
from coursework_kit.errors import CourseworkError
from coursework_kit.feedback import Feedback, Finding
from coursework_kit.gdpr.record import Decision, DecisionRecord, DecisionWork
from coursework_kit.gdpr.scenarios import DecisionResult, DecisionScenario, load_decisions

__all__ = ["REASONING_TIP", "assess", "reasoning_of", "results", "scenarios_for"]

REASONING_TIP = "Tip: write your reasoning too. Assessors look for why, not just what."


def scenarios_for(scenario: str) -> list[DecisionScenario]:
    """The scenarios in a record's set: "all", or one unit's ("unit3"); [] for any other."""
    if scenario in ("all", ""):
        return load_decisions()
    found = re.fullmatch(r"unit([1-9][0-9]?)", scenario)
    return load_decisions(unit=int(found.group(1))) if found else []


def reasoning_of(decision: Decision) -> str:
    """The learner's reasoning as it stands (typed since the last check, or given with it)."""
    if decision.reasoning.strip():
        return decision.reasoning.strip()
    return decision.checks[-1].reasoning if decision.checks else ""


def results(work: DecisionWork, scenarios: Sequence[DecisionScenario]) -> dict[str, DecisionResult]:
    """The result of each scenario's latest check (scenarios never checked are left out)."""
    found = {}
    for scenario in scenarios:
        decision = work.decisions.get(scenario.id)
        if decision is None or not decision.checks:
            continue
        check = decision.checks[-1]
        try:
            found[scenario.id] = scenario.decide(check.chosen, check.reasoning)
        except CourseworkError:
            continue  # an option the scenario does not have (an edited file) earns nothing
    return found


def assess(
    record: DecisionRecord, *, scenarios: Sequence[DecisionScenario] | None = None
) -> Feedback:
    """How the latest attempt went: one finding per scenario checked, and the score.

    ``scenarios`` is the set the learner was given (by default, the record's: one unit's, or
    all of them).
    """
    given = list(scenarios) if scenarios is not None else scenarios_for(record.scenario)
    latest = record.latest
    work = latest.work if latest else DecisionWork()
    marked = results(work, given)
    findings: list[Finding] = []
    for number, scenario in enumerate(given, start=1):
        result = marked.get(scenario.id)
        if result is None:
            continue
        reasoning = reasoning_of(work.decisions[scenario.id])
        best = scenario.choice(scenario.best).text
        findings.append(
            Finding(
                severity="good" if result.correct else "should fix",
                check="decision",
                message=f"Scenario {number}: "
                + (
                    "you chose the best answer."
                    if result.correct
                    else f"not the best choice. The best answer is: {best}"
                ),
                why=scenario.why,
                quote=reasoning,
                where=scenario.id,
                source=scenario.source,
            )
        )
        if not reasoning:
            findings.append(
                Finding(
                    severity="should fix",
                    check="reasoning",
                    message=f"Scenario {number}: write your reasoning too. Assessors look for "
                    "why, not just what.",
                    where=scenario.id,
                )
            )
    right = sum(r.correct for r in marked.values())
    summary = (
        "No answers checked yet."
        if not marked
        else f"{len(marked)} of {count(len(given), 'scenario')} answered."
    )
    return Feedback(
        activity=record.activity,
        summary=summary,
        findings=tuple(findings),
        score=right,
        out_of=len(given),
    )
