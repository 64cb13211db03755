"""Assess a moderation record: every checked decision judged afresh from the learner's words.

What the learner was told when they checked (kept in the record so the queue reopens quickly)
is never read here: a hand-edited outcome earns nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

from coursework_kit._english import count
from coursework_kit.feedback import Feedback, Finding, Severity
from coursework_kit.social.moderation.decision import Judgement
from coursework_kit.social.moderation.queue import QueueItem
from coursework_kit.social.moderation.record import ModerationOutcome, ModerationRecord
from coursework_kit.social.moderation.session import (
    ModerationSession,
    outcome_of,
    queue_for,
    summarise,
)

__all__ = ["assess", "finding"]


def _severity(outcome: ModerationOutcome) -> Severity:
    """Handled well is good; a wrong action must be fixed; the rest should be."""
    if outcome.handled_well:
        return "good"
    return "must fix" if outcome.verdict == "not right" else "should fix"


def finding(number: int, result: Judgement) -> Finding:
    """One checked item as a finding: how it went, why, and the learner's reply."""
    outcome = outcome_of(result)
    state = (
        "handled well"
        if outcome.handled_well
        else ("partly right" if outcome.points > 0 else "not right")
    )
    item = result.item
    parts = [f"Item {number} ({item.author} on {item.platform_label}): {state}.", result.headline]
    if not result.escalation.right:
        parts.append(result.escalation.message)
    parts.append(result.reply.summary)
    return Finding(
        severity=_severity(outcome),
        check=item.id,
        message=" ".join(p for p in parts if p),
        why=result.why,
        quote=result.reply.reply,
        where=item.id,
        source="; ".join(result.sources),
    )


def assess(record: ModerationRecord, *, items: Sequence[QueueItem] | None = None) -> Feedback:
    """How the latest attempt went: one finding per item checked, and the points (up to 3 an
    item: the action, the escalation and the reply)."""
    shown = tuple(items) if items is not None else queue_for(record.scenario)
    latest = record.latest
    session = (
        ModerationSession(shown)
        if latest is None
        else ModerationSession.from_work(latest.work, shown)
    )
    results = session.results  # judged again here, never read from the record
    numbered = [(n, results[i.id]) for n, i in enumerate(shown, start=1) if i.id in results]
    summary = summarise(len(shown), (outcome_of(r) for _, r in numbered))
    text = (
        "No items checked yet."
        if not numbered
        else f"{summary.answered} of {count(summary.total, 'item')} checked; "
        f"{summary.handled_well} handled well."
    )
    return Feedback(
        activity=record.activity,
        summary=text,
        findings=tuple(finding(n, r) for n, r in numbered),
        score=summary.points,
        out_of=summary.max_points,
    )
