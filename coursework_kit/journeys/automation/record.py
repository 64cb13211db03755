"""The automation journey builder's evidence: the journey's steps, the form, and whether the
learner has checked the journey as it stands.

Steps are kept by id (a trigger id, a message id), as
:class:`~coursework_kit.journeys.automation.check.JourneyStep` holds them; the evidence file is
``evidence/automation-journey.json``, as in the first release, which saved each step in words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Literal

from coursework_kit.records import Mode, Record, RecordShapeError

__all__ = ["AutomationRecord", "AutomationWork", "JourneyForm", "StepWork"]

_WAIT = re.compile(r"^Wait (\d{1,3}) days?$")


@dataclass(frozen=True)
class StepWork:
    """One step: a trigger (its id), a wait (days) or a message (its id, by email or sms)."""

    kind: Literal["trigger", "wait", "message"]
    trigger: str = ""
    days: int = 0
    message: str = ""
    channel: Literal["", "email", "sms"] = ""


@dataclass(frozen=True)
class JourneyForm:
    """The "add a step" form as the learner left it: days to wait, message and channel."""

    days: int = 1
    message: str = ""
    channel: Literal["email", "sms"] = "email"


@dataclass(frozen=True)
class AutomationWork:
    """A learner's journey: its steps in order, the form, and whether they checked it as it
    stands (any change to the steps clears that)."""

    steps: tuple[StepWork, ...] = ()
    form: JourneyForm = field(default_factory=JourneyForm)
    checked: bool = False


class AutomationRecord(Record[AutomationWork]):
    """Every attempt at the unit 5 automation journey (the scenario is empty: there is one)."""

    KIND = "automation"
    WORK = AutomationWork
    PREFIX = "automation-journey"
    DEFAULT_SCENARIO = ""

    @classmethod
    def work_from_v1(cls, data: dict[str, Any]) -> tuple[AutomationWork, Mode]:
        """A schema-1 attempt was saved by "Check journey", with each step in words."""
        described = data.get("steps")
        if not isinstance(described, list) or not all(isinstance(s, str) for s in described):
            raise RecordShapeError("an automation journey attempt has no list of steps")
        steps = tuple(_step_from_words(text) for text in described)
        return AutomationWork(steps=steps, checked=True), "practice"


def _step_from_words(text: str) -> StepWork:
    """The step a schema-1 file described as ``text`` (as ``JourneyStep.describe`` wrote it)."""
    from coursework_kit.journeys.automation.check import journey_library

    library = journey_library()
    wait = _WAIT.match(text)
    if wait:
        return StepWork("wait", days=int(wait.group(1)))
    channels: tuple[tuple[str, Literal["email", "sms"]], ...] = (
        ("Send email: ", "email"),
        ("Send text message: ", "sms"),
    )
    for prefix, channel in channels:
        if text.startswith(prefix):
            label = text.removeprefix(prefix)
            for message in library.messages:
                if message.label == label:
                    return StepWork("message", message=message.id, channel=channel)
    label = text.removeprefix("When: ")
    for trigger in library.triggers:
        if text.startswith("When: ") and trigger.label == label:
            return StepWork("trigger", trigger=trigger.id)
    raise RecordShapeError(f"a saved journey step is not one the builder knows: {text[:80]!r}")
