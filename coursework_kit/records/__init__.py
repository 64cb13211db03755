"""Activity records: each activity's evidence as a typed, versioned, dated record.

A record kind is a :class:`Record` subclass living beside its activity (``quiz/record.py``,
``chat/record.py``...); :data:`KINDS` names them all, so tools that read any evidence (the
grader, the portfolio, the schema generator) find every kind without importing widgets.
A widget holds its record through an :class:`ActivitySession`, which reopens the latest work
and saves each change within a second.
"""

from __future__ import annotations

import importlib
from typing import Any

from coursework_kit.records._base import FORMAT, SCHEMA_VERSION, Attempt, Mode, Record, now
from coursework_kit.records._codec import RecordShapeError
from coursework_kit.records._session import ActivitySession, latest_work
from coursework_kit.records._store import RecordFile, UnreadableRecordError, read_document

__all__ = [
    "FORMAT",
    "KINDS",
    "SCHEMA_VERSION",
    "ActivitySession",
    "Attempt",
    "Mode",
    "Record",
    "RecordFile",
    "RecordShapeError",
    "UnreadableRecordError",
    "kind",
    "latest_work",
    "load_any",
    "now",
    "read_document",
]

# kind -> "module:class". Add a line here for each new kind of activity record.
KINDS: dict[str, str] = {
    "quiz": "coursework_kit.quiz.record:QuizRecord",
    "moderation": "coursework_kit.social.moderation.record:ModerationRecord",
    "post": "coursework_kit.social.posts.record:PostRecord",
    "snippet": "coursework_kit.search.record:SnippetRecord",
    "search-ad": "coursework_kit.search.record:SearchAdRecord",
    "calendar": "coursework_kit.social.calendar.record:CalendarRecord",
    "plan": "coursework_kit.planning.planner.record:PlanRecord",
    "matching": "coursework_kit.planning.matching.record:MatchingRecord",
    "automation": "coursework_kit.journeys.automation.record:AutomationRecord",
    "email": "coursework_kit.email.record:EmailRecord",
    "journey-map": "coursework_kit.journeys.record:JourneyMapRecord",
    "decision": "coursework_kit.gdpr.record:DecisionRecord",
    "calculator": "coursework_kit.metrics.record:CalculatorRecord",
    "chat": "coursework_kit.chat.record:ChatRecord",
}


def kind(name: str) -> type[Record[Any]]:
    """The record class of the kind called ``name``."""
    try:
        module, _, cls = KINDS[name].partition(":")
    except KeyError:
        raise RecordShapeError(f"there is no kind of activity record called {name!r}") from None
    found: type[Record[Any]] = getattr(importlib.import_module(module), cls)
    return found


def load_any(document: Any) -> Record[Any]:
    """Build whichever kind of record ``document`` is (schema 2 documents name their kind)."""
    if not isinstance(document, dict) or not isinstance(document.get("kind"), str):
        raise RecordShapeError("it is not a coursework-kit evidence file")
    return kind(document["kind"]).from_json(document)
