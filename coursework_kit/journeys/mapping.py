"""Customer journey mapping: touchpoints at each stage, friction points and opportunities.

A *touchpoint* is any moment the customer meets the business (an advert, the checkout, a
delivery text). A *friction point* is where the customer gets stuck, waits or gives up. An
*opportunity* is a change that would make the journey better, ideally fixing a friction point.
The stages and touchpoints are data, in ``datasets/journeys/touchpoints.yaml``.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from coursework_kit.errors import JourneyError
from coursework_kit.feedback import Finding, Severity, findings_html, ordered

__all__ = [
    "Catalogue",
    "Friction",
    "JourneyError",
    "JourneyMap",
    "MapFeedback",
    "Opportunity",
    "Stage",
    "Touchpoint",
    "describe_map",
    "load_catalogue",
    "marks_html",
    "validate_map",
]


@dataclass(frozen=True)
class Stage:
    id: str
    label: str
    question: str


@dataclass(frozen=True)
class Touchpoint:
    id: str
    label: str
    channel: str
    stages: tuple[str, ...]


@dataclass(frozen=True)
class Catalogue:
    """The stages in order and every touchpoint that may be placed on a map."""

    stages: tuple[Stage, ...]
    touchpoints: dict[str, Touchpoint]

    def stage(self, stage_id: str) -> Stage:
        for stage in self.stages:
            if stage.id == stage_id:
                return stage
        raise JourneyError(
            f"{stage_id!r} is not a stage; the stages are "
            + ", ".join(s.id for s in self.stages)
            + "."
        )

    def offered(self, stage_id: str) -> list[Touchpoint]:
        """The touchpoints a learner can place at this stage."""
        self.stage(stage_id)
        return [t for t in self.touchpoints.values() if stage_id in t.stages]

    def label(self, touchpoint_id: str) -> str:
        found = self.touchpoints.get(touchpoint_id)
        return found.label if found else touchpoint_id


@cache
def load_catalogue() -> Catalogue:
    """The stages and touchpoints, checked against their schema."""
    from coursework_kit.datasets._shipped import load_shipped

    raw = load_shipped("journeys/touchpoints.yaml", schema="journeys/touchpoints.schema.json")
    stages = tuple(Stage(str(s["id"]), str(s["label"]), str(s["question"])) for s in raw["stages"])
    touchpoints = {
        str(t["id"]): Touchpoint(
            str(t["id"]), str(t["label"]), str(t["channel"]), tuple(str(x) for x in t["stages"])
        )
        for t in raw["touchpoints"]
    }
    return Catalogue(stages, touchpoints)


@dataclass(frozen=True)
class Friction:
    """Where the customer gets stuck: at which stage and touchpoint, and what goes wrong."""

    stage: str
    touchpoint: str
    problem: str


@dataclass(frozen=True)
class Opportunity:
    """An improvement at a stage and touchpoint; ``fixes`` is the friction number it fixes."""

    stage: str
    touchpoint: str
    idea: str
    fixes: int | None = None


@dataclass(frozen=True)
class JourneyMap:
    """A learner's map: touchpoint ids per stage, numbered friction points and opportunities.

    Friction points and opportunities are numbered from 1 in the order they were added (F1, O1).
    """

    touchpoints: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    frictions: tuple[Friction, ...] = ()
    opportunities: tuple[Opportunity, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "touchpoints": {stage: list(ids) for stage, ids in self.touchpoints.items()},
            "frictions": [vars(f).copy() for f in self.frictions],
            "opportunities": [vars(o).copy() for o in self.opportunities],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> JourneyMap:
        try:
            return cls(
                touchpoints={str(k): tuple(v) for k, v in data.get("touchpoints", {}).items()},
                frictions=tuple(Friction(**f) for f in data.get("frictions", [])),
                opportunities=tuple(Opportunity(**o) for o in data.get("opportunities", [])),
            )
        except TypeError as exc:
            raise JourneyError(f"This saved journey map cannot be read: {exc}.") from exc


@dataclass(frozen=True)
class MapFeedback:
    """Feedback on a journey map; it is complete when nothing must be fixed.

    Each finding's ``check`` is "stage", "friction", "opportunity" or "channels"; its ``where``
    is the stage id or the mark ("F1", "O2") it is about, where there is one.
    """

    findings: tuple[Finding, ...]

    @property
    def complete(self) -> bool:
        return not any(f.severity == "must fix" for f in self.findings)

    def messages(self, severity: Severity) -> list[str]:
        return [f.message for f in self.findings if f.severity == severity]

    def __repr__(self) -> str:
        head = "Your map is complete." if self.complete else "Your map is not finished yet."
        return "\n".join([head, *(f"- {f!r}" for f in self.findings)])

    def _repr_html_(self) -> str:
        head = (
            "Your map is complete."
            if self.complete
            else "Your map is not finished yet: see the points marked 'Must fix'."
        )
        return (
            f"<div role='status'><p><strong>{head}</strong></p>"
            f"{findings_html(ordered(self.findings))}</div>"
        )


def _check_known(journey: JourneyMap, catalogue: Catalogue) -> None:
    for stage_id, ids in journey.touchpoints.items():
        offered = {t.id for t in catalogue.offered(stage_id)}
        for touchpoint in ids:
            if touchpoint not in offered:
                raise JourneyError(
                    f"{touchpoint!r} is not one of the touchpoints for the "
                    f"{catalogue.stage(stage_id).label} stage."
                )
    marks: list[Friction | Opportunity] = [*journey.frictions, *journey.opportunities]
    for mark in marks:
        catalogue.stage(mark.stage)


def validate_map(journey: JourneyMap, catalogue: Catalogue | None = None) -> MapFeedback:
    """Does every stage have a touchpoint, and does every friction point have a fix?"""
    cat = load_catalogue() if catalogue is None else catalogue
    _check_known(journey, cat)
    found: list[Finding] = []
    for stage in cat.stages:
        if not journey.touchpoints.get(stage.id):
            found.append(
                Finding(
                    "must fix",
                    "stage",
                    f"Add at least one touchpoint at {stage.label}: {stage.question}",
                    where=stage.id,
                )
            )
    fixed = {o.fixes for o in journey.opportunities if o.fixes is not None}
    for number, friction in enumerate(journey.frictions, start=1):
        where = f"F{number} ({cat.stage(friction.stage).label}, {cat.label(friction.touchpoint)})"
        if friction.touchpoint not in journey.touchpoints.get(friction.stage, ()):
            found.append(
                Finding(
                    "must fix",
                    "friction",
                    f"{where} is at a touchpoint that is not on your map at that stage. "
                    "Add the touchpoint, or move the friction point.",
                    where=f"F{number}",
                )
            )
        if len(friction.problem.split()) < 3:
            found.append(
                Finding(
                    "must fix",
                    "friction",
                    f"{where}: say in a few words what goes wrong for the customer.",
                    where=f"F{number}",
                )
            )
        if number not in fixed:
            found.append(
                Finding(
                    "must fix",
                    "friction",
                    f"{where} has no opportunity to fix it. Add an opportunity and choose "
                    f"F{number} as the friction point it fixes.",
                    where=f"F{number}",
                )
            )
    for number, opportunity in enumerate(journey.opportunities, start=1):
        if len(opportunity.idea.split()) < 3:
            found.append(
                Finding(
                    "must fix",
                    "opportunity",
                    f"O{number}: say in a few words what you would change.",
                    where=f"O{number}",
                )
            )
        if opportunity.fixes is not None and not 1 <= opportunity.fixes <= len(journey.frictions):
            found.append(
                Finding(
                    "must fix",
                    "opportunity",
                    f"O{number} fixes F{opportunity.fixes}, but there is no F{opportunity.fixes}.",
                    where=f"O{number}",
                )
            )
    if not journey.frictions:
        found.append(
            Finding(
                "must fix",
                "friction",
                "Mark at least one friction point: where might a customer get stuck, wait or "
                "give up?",
            )
        )
    found.extend(_channel_feedback(journey, cat))
    return MapFeedback(tuple(found))


def _channel_feedback(journey: JourneyMap, cat: Catalogue) -> list[Finding]:
    channels = {cat.touchpoints[t].channel for ids in journey.touchpoints.values() for t in ids}
    if not channels:
        return []
    if len(channels) < 3:
        return [
            Finding(
                "should fix",
                "channels",
                f"Your map uses only {'one kind' if len(channels) == 1 else 'two kinds'} of "
                "channel "
                f"({', '.join(sorted(channels))}). Real customers move between channels: where "
                "else might they meet Harbour & Pine?",
            )
        ]
    findings = [
        Finding(
            "good",
            "channels",
            f"Your map crosses {len(channels)} kinds of channel ({', '.join(sorted(channels))}): "
            "an omnichannel business makes the hand-overs between them smooth.",
        )
    ]
    if journey.frictions and all(
        any(o.fixes == n for o in journey.opportunities)
        for n in range(1, len(journey.frictions) + 1)
    ):
        findings.append(
            Finding("good", "friction", "Every friction point has an opportunity to fix it.")
        )
    return findings


def describe_map(journey: JourneyMap, catalogue: Catalogue | None = None) -> str:
    """The map in words: the chart's alt text, for screen readers."""
    cat = load_catalogue() if catalogue is None else catalogue
    parts = [f"Customer journey map with {len(cat.stages)} stages, left to right."]
    for stage in cat.stages:
        ids = journey.touchpoints.get(stage.id, ())
        names = ", ".join(cat.label(t) for t in ids) or "no touchpoints yet"
        parts.append(f"{stage.label}: {names}.")
    for number, f in enumerate(journey.frictions, start=1):
        parts.append(f"Friction F{number} at {cat.label(f.touchpoint)}: {f.problem.rstrip('. ')}.")
    for number, o in enumerate(journey.opportunities, start=1):
        fixes = f" (fixes F{o.fixes})" if o.fixes else ""
        parts.append(
            f"Opportunity O{number} at {cat.label(o.touchpoint)}{fixes}: {o.idea.rstrip('. ')}."
        )
    return " ".join(parts)


def marks_html(journey: JourneyMap, catalogue: Catalogue | None = None) -> str:
    """The friction points and opportunities as a list (HTML; empty when there are none)."""
    label = (load_catalogue() if catalogue is None else catalogue).label
    items = [
        f"<li><strong>F{n}</strong> (friction, {html.escape(label(f.touchpoint))}): "
        f"{html.escape(f.problem)}</li>"
        for n, f in enumerate(journey.frictions, start=1)
    ] + [
        f"<li><strong>O{n}</strong> (opportunity, {html.escape(label(o.touchpoint))}"
        + (f", fixes F{o.fixes}" if o.fixes else "")
        + f"): {html.escape(o.idea)}</li>"
        for n, o in enumerate(journey.opportunities, start=1)
    ]
    return f"<ul>{''.join(items)}</ul>" if items else ""
