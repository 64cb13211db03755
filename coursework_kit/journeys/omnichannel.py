"""Omnichannel versus multichannel: the same customer's journey told both ways.

*Multichannel*: the business has several channels (app, social media, shop, website) but each
works on its own, so the customer starts from nothing each time. *Omnichannel*: the channels
share one view of the customer (basket, history, stock), so the context carries over.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from coursework_kit._english import count, join
from coursework_kit.errors import CourseworkError

__all__ = ["ComparedStep", "JourneyComparison", "StepVersion", "compare_journeys"]

JOURNEY_FILE = "journeys/omnichannel.yaml"
JOURNEY_SCHEMA = "journeys/omnichannel.schema.json"
_EFFORT = {"low": "Low effort", "medium": "Some effort", "high": "High effort"}


@dataclass(frozen=True)
class StepVersion:
    """What happens at one step in one version of the journey."""

    what_happens: str
    effort: str  # "low", "medium" or "high": how hard the customer has to work
    repeated: tuple[str, ...] = ()  # what the customer has to say or give again
    carried_over: tuple[str, ...] = ()  # what the business already knows


@dataclass(frozen=True)
class ComparedStep:
    """One step of the compared journey: what the customer does, in both versions."""

    id: str
    stage: str
    channel: str
    customer_does: str
    multichannel: StepVersion
    omnichannel: StepVersion


@dataclass(frozen=True)
class JourneyComparison:
    """One journey, step by step, multichannel beside omnichannel, with questions to answer."""

    id: str
    title: str
    customer: str
    intro: str
    steps: tuple[ComparedStep, ...]
    questions: tuple[str, ...]

    def repeats(self) -> int:
        """How many times the customer had to repeat themselves in the multichannel version."""
        return sum(len(step.multichannel.repeated) for step in self.steps)

    def high_effort_steps(self, version: str) -> list[str]:
        """The ids of steps where the customer had to work hard, in "multichannel" or
        "omnichannel"."""
        if version not in ("multichannel", "omnichannel"):
            raise CourseworkError("Choose the 'multichannel' or 'omnichannel' version.")
        return [s.id for s in self.steps if getattr(s, version).effort == "high"]

    def __repr__(self) -> str:
        return (
            f"JourneyComparison({self.title!r}: {count(len(self.steps), 'step')}; multichannel "
            f"repeats {self.repeats()}, high-effort steps "
            f"{len(self.high_effort_steps('multichannel'))} vs "
            f"{len(self.high_effort_steps('omnichannel'))})"
        )

    def _repr_html_(self) -> str:
        rows = []
        for number, step in enumerate(self.steps, start=1):
            multi, omni = step.multichannel, step.omnichannel
            repeated = (
                "<br><strong>✘ Had to repeat:</strong> " + html.escape(join(multi.repeated))
                if multi.repeated
                else "<br><strong>Nothing to repeat.</strong>"
            )
            carried = (
                "<br><strong>✔ Carried over:</strong> " + html.escape(join(omni.carried_over))
                if omni.carried_over
                else ""
            )
            rows.append(
                "<tr style='vertical-align:top'>"
                f"<th scope='row' style='text-align:left'>{number}. {html.escape(step.channel)}"
                f"<br><small>({html.escape(step.stage)})</small></th>"
                f"<td>{html.escape(step.customer_does)}</td>"
                f"<td>{html.escape(multi.what_happens)}{repeated}"
                f"<br><em>{_EFFORT[multi.effort]}</em></td>"
                f"<td>{html.escape(omni.what_happens)}{carried}"
                f"<br><em>{_EFFORT[omni.effort]}</em></td></tr>"
            )
        questions = "".join(f"<li>{html.escape(q)}</li>" for q in self.questions)
        return (
            f"<div><h3>{html.escape(self.title)}</h3><p>{html.escape(self.intro)}</p>"
            "<table style='border-collapse:collapse' border='1' cellpadding='6'>"
            f"<caption>{html.escape(self.customer)}'s journey, told two ways</caption>"
            "<tr><th scope='col'>Step</th>"
            f"<th scope='col'>What {html.escape(self.customer)} does</th>"
            "<th scope='col'>Multichannel: each channel on its own</th>"
            "<th scope='col'>Omnichannel: the channels share what they know</th></tr>"
            + "".join(rows)
            + "</table>"
            f"<p>In the multichannel version {html.escape(self.customer)} had to repeat "
            f"something {count(self.repeats(), 'time')}, and "
            f"{len(self.high_effort_steps('multichannel'))} of {count(len(self.steps), 'step')} "
            "took high effort; in the omnichannel version, "
            f"{len(self.high_effort_steps('omnichannel'))}.</p>"
            f"<p><strong>Questions to answer</strong></p><ol>{questions}</ol></div>"
        )


def _version(raw: Mapping[str, Any]) -> StepVersion:
    return StepVersion(
        what_happens=str(raw["what_happens"]),
        effort=str(raw["effort"]),
        repeated=tuple(str(x) for x in raw.get("repeated", []) or []),
        carried_over=tuple(str(x) for x in raw.get("carried_over", []) or []),
    )


def compare_journeys(path: str = JOURNEY_FILE) -> JourneyComparison:
    """The journey in ``path`` (under datasets/, or a tutor's own file) checked and loaded."""
    from coursework_kit.datasets._shipped import load_shipped

    raw = load_shipped(path, schema=JOURNEY_SCHEMA)
    steps = tuple(
        ComparedStep(
            id=str(s["id"]),
            stage=str(s["stage"]),
            channel=str(s["channel"]),
            customer_does=str(s["customer_does"]).strip(),
            multichannel=_version(s["multichannel"]),
            omnichannel=_version(s["omnichannel"]),
        )
        for s in raw["steps"]
    )
    return JourneyComparison(
        id=str(raw["id"]),
        title=str(raw["title"]),
        customer=str(raw["customer"]),
        intro=str(raw["intro"]).strip(),
        steps=steps,
        questions=tuple(str(q) for q in raw["questions"]),
    )
