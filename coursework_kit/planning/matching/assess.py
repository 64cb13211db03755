"""Assess a matching activity record: every item marked from the learner's latest answers.

The marking itself is :meth:`coursework_kit.planning.activities.Activity.mark`; this module
reads the saved answers (ignoring any the activity does not have: an edited file earns nothing
for them) and turns the marking into the kit's shared :class:`~coursework_kit.feedback.Feedback`.
"""

from __future__ import annotations

from collections.abc import Mapping

from coursework_kit._english import count
from coursework_kit.feedback import Feedback, Finding
from coursework_kit.planning.activities import Activity, ActivityResult, load_activity
from coursework_kit.planning.matching.record import MatchingWork
from coursework_kit.records import Record

__all__ = ["assess", "result"]


def result(answers: Mapping[str, str | None], activity: Activity) -> ActivityResult:
    """The marking of ``answers``; answers naming an item or choice the activity does not
    have are left out (marked as not answered)."""
    items = {i.id for i in activity.items}
    choices = dict(activity.choices)
    known = {i: c for i, c in answers.items() if i in items and c in choices}
    return activity.mark(known)


def assess(record: Record[MatchingWork], *, activity: Activity | None = None) -> Feedback:
    """How the latest attempt stands: a finding for each item, and the items right."""
    activity = activity or load_activity(record.scenario)
    latest = record.latest
    marked = result(latest.work.answers if latest else {}, activity)
    findings = tuple(
        Finding(
            severity="good" if item.correct else "should fix",
            check=item.item.id,
            message=f"{number}. {item.item.text} {item.message}",
            where=item.item.id,
        )
        for number, item in enumerate(marked.items, start=1)
    )
    right, total = marked.score
    answered = sum(item.chosen is not None for item in marked.items)
    summary = (
        "No answers chosen yet."
        if not answered
        else f"{activity.title}: {answered} of {count(total, 'item')} answered."
    )
    return Feedback(
        activity=record.activity, summary=summary, findings=findings, score=right, out_of=total
    )
