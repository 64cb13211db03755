"""The journey mapper's evidence: the learner's map, what is typed but not added yet, and checks.

The evidence file is ``evidence/journey-map.json``, as in the previous release.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from coursework_kit.journeys.mapping import Friction, JourneyMap, Opportunity
from coursework_kit.records import Mode, Record, RecordShapeError
from coursework_kit.records._base import text

__all__ = ["SCENARIO", "JourneyMapRecord", "JourneyMapWork", "MapCheck", "MarkDraft"]

SCENARIO = "harbour-and-pine"  # the one map (Harbour & Pine's customers): journey-map.json
MAX_CHECKS = 200  # checks kept per attempt (the latest ones)


@dataclass(frozen=True)
class MarkDraft:
    """A friction point or opportunity being typed, not added to the map yet.

    ``text`` is what goes wrong (a friction point) or the idea (an opportunity); ``fixes`` is
    the friction point number an opportunity is to fix.
    """

    stage: str = ""
    touchpoint: str = ""
    text: str = ""
    fixes: int | None = None


@dataclass(frozen=True)
class MapCheck:
    """One press of "Check and draw my map": when, whether it was complete, what was left to do."""

    at: str
    complete: bool
    to_do: tuple[str, ...] = ()


@dataclass(frozen=True)
class JourneyMapWork:
    """A learner's journey map: touchpoint ids per stage, friction points (F1, F2...) and
    opportunities (O1...) in the order added, the forms as typed, and every check made."""

    touchpoints: dict[str, tuple[str, ...]] = field(default_factory=dict)
    frictions: tuple[Friction, ...] = ()
    opportunities: tuple[Opportunity, ...] = ()
    friction_draft: MarkDraft = field(default_factory=MarkDraft)
    opportunity_draft: MarkDraft = field(default_factory=MarkDraft)
    checks: tuple[MapCheck, ...] = ()

    @property
    def journey_map(self) -> JourneyMap:
        return JourneyMap(dict(self.touchpoints), self.frictions, self.opportunities)


class JourneyMapRecord(Record[JourneyMapWork]):
    """Every attempt at mapping a Harbour & Pine customer's journey."""

    KIND = "journey-map"
    WORK = JourneyMapWork
    DEFAULT_SCENARIO = SCENARIO

    @classmethod
    def work_from_v1(cls, data: dict[str, Any]) -> tuple[JourneyMapWork, Mode]:
        """Read a previous-release attempt: the map, and whether its last check was complete."""
        saved = data.get("map")
        if not isinstance(saved, dict):
            raise RecordShapeError("a journey map attempt has no map")
        touchpoints = saved.get("touchpoints", {})
        frictions = saved.get("frictions", [])
        opportunities = saved.get("opportunities", [])
        if not (
            isinstance(touchpoints, dict)
            and isinstance(frictions, list)
            and isinstance(opportunities, list)
        ):
            raise RecordShapeError("a journey map has the wrong shape")
        checks: tuple[MapCheck, ...] = ()
        if isinstance(data.get("complete"), bool):
            checks = (MapCheck(at="", complete=data["complete"]),)
        work = JourneyMapWork(
            touchpoints={
                text(stage): tuple(text(t) for t in ids)
                for stage, ids in touchpoints.items()
                if isinstance(ids, list)
            },
            frictions=tuple(_friction(f) for f in frictions),
            opportunities=tuple(_opportunity(o) for o in opportunities),
            checks=checks,
        )
        return work, "practice"


def _mark(data: Any) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise RecordShapeError("a friction point or opportunity has the wrong shape")
    return data


def _friction(data: Any) -> Friction:
    mark = _mark(data)
    return Friction(
        text(mark.get("stage")), text(mark.get("touchpoint")), text(mark.get("problem"))
    )


def _opportunity(data: Any) -> Opportunity:
    mark = _mark(data)
    fixes = mark.get("fixes")
    return Opportunity(
        text(mark.get("stage")),
        text(mark.get("touchpoint")),
        text(mark.get("idea")),
        fixes if isinstance(fixes, int) and not isinstance(fixes, bool) else None,
    )
