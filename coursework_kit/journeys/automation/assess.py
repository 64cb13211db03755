"""Assess an automation journey record: its shape, and every message checked against PECR.

The checking itself is :func:`.check.check_journey`; this module turns the saved steps into
journey steps and the check into the kit's shared :class:`~coursework_kit.feedback.Feedback`.
"""

from __future__ import annotations

from typing import Literal, cast

from coursework_kit._english import count
from coursework_kit.errors import JourneyError
from coursework_kit.feedback import Feedback, Finding
from coursework_kit.journeys.automation.check import JourneyCheck, JourneyStep, check_journey
from coursework_kit.journeys.automation.record import AutomationWork, StepWork
from coursework_kit.records import Record

__all__ = ["assess", "journey_steps", "step_work"]

_Kind = Literal["trigger", "wait", "message"]
_Channel = Literal["", "email", "sms"]
_PECR = "PECR regulations 22 and 23; ICO guidance 'Electronic mail marketing'"


def journey_steps(work: AutomationWork) -> list[JourneyStep]:
    """The journey the work holds. Raises :class:`JourneyError` for a step that cannot be."""
    return [
        JourneyStep(s.kind, trigger=s.trigger, days=s.days, message=s.message, channel=s.channel)
        for s in work.steps
    ]


def step_work(step: JourneyStep) -> StepWork:
    """A journey step as the record keeps it."""
    return StepWork(
        cast(_Kind, step.kind),
        trigger=step.trigger,
        days=step.days,
        message=step.message,
        channel=cast(_Channel, step.channel),
    )


def _findings(result: JourneyCheck) -> list[Finding]:
    found = [Finding("must fix", "journey-shape", problem) for problem in result.problems]
    for number, step in enumerate(result.steps, start=1):
        if step.allowed is None:
            continue
        source = step.verdict.source if step.verdict is not None else _PECR
        if step.allowed:
            message = f"Step {number} ({step.text}) may be sent."
        else:
            message = f"Step {number} ({step.text}) must not be sent."
        found.append(
            Finding(
                "good" if step.allowed else "must fix",
                "pecr",
                message,
                why=step.reason,
                where=f"step {number}",
                source=source,
            )
        )
    return found


def assess(record: Record[AutomationWork]) -> Feedback:
    """The latest journey checked: a finding for each shape problem and for each message."""
    latest = record.latest
    if latest is None or not latest.work.steps:
        return Feedback(record.activity, "No journey has been built yet.")
    try:
        result = check_journey(journey_steps(latest.work))
    except JourneyError as exc:  # an edited file naming a step the builder does not have
        finding = Finding("must fix", "journey-steps", str(exc), where="steps")
        return Feedback(record.activity, "The saved journey could not be checked.", (finding,))
    findings = tuple(_findings(result))
    refused = sum(f.check == "pecr" and f.severity == "must fix" for f in findings)
    messages = sum(f.check == "pecr" for f in findings)
    if result.problems:
        summary = "The journey is not finished: see what to fix."
    elif refused:
        summary = f"{refused} of {count(messages, 'message')} may not be sent under PECR."
    else:
        summary = "Every message in the journey may be sent under PECR."
    return Feedback(record.activity, summary, findings)
