"""Assess a journey map record: the learner's latest map, judged as the mapper judges it."""

from __future__ import annotations

from coursework_kit.feedback import Feedback, Finding
from coursework_kit.journeys.mapping import (
    Catalogue,
    JourneyError,
    JourneyMap,
    MapFeedback,
    load_catalogue,
    validate_map,
)
from coursework_kit.journeys.record import JourneyMapWork
from coursework_kit.records import Record

__all__ = ["assess", "check_map"]


def check_map(journey: JourneyMap, catalogue: Catalogue | None = None) -> MapFeedback:
    """The feedback on ``journey``; a map naming a stage the catalogue lacks is a thing to do.

    (Only an edited file, or one saved before the catalogue changed, can name one.)
    """
    try:
        return validate_map(journey, catalogue)
    except JourneyError as exc:
        return MapFeedback((Finding("must fix", "stage", f"{exc} Remove it from your map."),))


def assess(record: Record[JourneyMapWork], *, catalogue: Catalogue | None = None) -> Feedback:
    """The latest attempt's map (of a :class:`~coursework_kit.journeys.record.JourneyMapRecord`):
    every finding, and whether it is complete."""
    latest = record.latest
    if latest is None:
        return Feedback(activity=record.activity, summary="No journey map made yet.")
    feedback = check_map(latest.work.journey_map, catalogue or load_catalogue())
    summary = "Your map is complete." if feedback.complete else "Your map is not finished yet."
    return Feedback(
        activity=record.activity,
        summary=summary,
        findings=feedback.findings,
    )
