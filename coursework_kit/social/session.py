"""A learner's way through the moderation queue: decisions, drafts, progress and a score.

Pure logic, so the widget stays thin and graders can rebuild a session from the evidence file:
:meth:`ModerationSession.restore` re-judges the learner's own words rather than trusting a
stored score.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from coursework_kit.social.decision import Judgement, judge
from coursework_kit.social.policy import ModerationError, load_policy
from coursework_kit.social.queue import QueueItem, load_queue

__all__ = ["ModerationSession", "QueueSummary"]


@dataclass(frozen=True)
class QueueSummary:
    """How the queue went so far."""

    total: int
    answered: int
    best: int
    acceptable: int
    escalation_right: int
    replies_ok: int
    handled_well: int
    points: float

    @property
    def max_points(self) -> int:
        return 3 * self.total

    @property
    def percent(self) -> float:
        """Points as a percentage of the most possible for the whole queue."""
        return round(100 * self.points / self.max_points, 1) if self.total else 0.0

    @property
    def text(self) -> str:
        return (
            f"{self.answered} of {self.total} items checked. Handled well: {self.handled_well}. "
            f"Best action: {self.best}, acceptable: {self.acceptable}. Escalation right: "
            f"{self.escalation_right}. Replies that work: {self.replies_ok}. Score: "
            f"{self.points:g} of {self.max_points} points ({self.percent:g}%)."
        )

    def __repr__(self) -> str:
        return f"QueueSummary({self.text})"

    def _repr_html_(self) -> str:
        return f"<div role='status'>{html.escape(self.text)}</div>"


def _known(value: object, allowed: set[str]) -> str | None:
    """A saved choice, if it is still one of the choices (files can be edited by hand)."""
    return value if isinstance(value, str) and value in allowed else None


@dataclass
class _Draft:
    action: str | None = None
    escalate_to: str | None = None
    reply: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {"action": self.action, "escalate_to": self.escalate_to, "reply": self.reply}


class ModerationSession:
    """The queue, the learner's latest checked decision on each item, and unchecked drafts."""

    def __init__(self, items: Sequence[QueueItem] | None = None) -> None:
        self.items: tuple[QueueItem, ...] = tuple(items) if items is not None else load_queue()
        if not self.items:
            raise ModerationError("There are no items in this queue.")
        self.results: dict[str, Judgement] = {}
        self.drafts: dict[str, _Draft] = {}
        self.log: list[dict[str, Any]] = []

    def item(self, item_id: str) -> QueueItem:
        for item in self.items:
            if item.id == item_id:
                return item
        raise ModerationError(f"There is no item {item_id!r} in this queue.")

    def index(self, item_id: str) -> int:
        return self.items.index(self.item(item_id))

    def draft(self, item_id: str) -> _Draft:
        """What the learner has chosen and typed for an item (checked or not)."""
        self.item(item_id)
        return self.drafts.setdefault(item_id, _Draft())

    def decide(self, item_id: str, *, when: datetime | None = None) -> Judgement:
        """Judge the current draft for ``item_id`` and keep the result."""
        d = self.draft(item_id)
        if d.action is None:
            raise ModerationError("Choose an action first.")
        result = judge(
            self.item(item_id), action=d.action, escalate_to=d.escalate_to, reply=d.reply
        )
        self.results[item_id] = result
        stamp = (when or datetime.now().astimezone()).isoformat(timespec="seconds")
        self.log.append(
            {"item": item_id, **d.as_dict(), "handled_well": result.handled_well, "at": stamp}
        )
        return result

    def status(self, item_id: str) -> str:
        """ "handled well", "partly right", "not right" or "not checked" for one item."""
        result = self.results.get(item_id)
        if result is None:
            return "not checked"
        if result.handled_well:
            return "handled well"
        return "partly right" if result.points > 0 else "not right"

    def summary(self) -> QueueSummary:
        results = list(self.results.values())
        return QueueSummary(
            total=len(self.items),
            answered=len(results),
            best=sum(r.verdict == "best" for r in results),
            acceptable=sum(r.verdict == "acceptable" for r in results),
            escalation_right=sum(r.escalation.right for r in results),
            replies_ok=sum(r.reply.ok for r in results),
            handled_well=sum(r.handled_well for r in results),
            points=sum(r.points for r in results),
        )

    def to_evidence(self, position: int | None = None) -> dict[str, Any]:
        """What is saved: the learner's choices and words for each item, and where they were
        (``position``, the item number from 1, which counts the same however far along)."""
        s = self.summary()
        return {
            "position": position,
            "drafts": {i: d.as_dict() for i, d in self.drafts.items()},
            "checked": {
                i: {"action": r.action, "escalate_to": r.escalate_to, "reply": r.reply.reply}
                for i, r in self.results.items()
            },
            "handled_well": s.handled_well,
            "points": s.points,
            "total": s.total,
            "log": list(self.log),
        }

    @classmethod
    def restore(
        cls, data: Mapping[str, Any], items: Sequence[QueueItem] | None = None
    ) -> ModerationSession:
        """Rebuild a session from saved evidence, judging the saved words afresh."""
        session, policy = cls(items), load_policy()
        known = {i.id for i in session.items}
        for item_id, saved in dict(data.get("drafts", {})).items():
            if item_id not in known or not isinstance(saved, Mapping):
                continue
            d = session.draft(item_id)
            d.action = _known(saved.get("action"), {a.id for a in policy.actions})
            d.escalate_to = _known(saved.get("escalate_to"), {r.id for r in policy.routes})
            d.reply = str(saved.get("reply") or "")
        checked = data.get("checked", {})
        for item_id, saved in checked.items() if isinstance(checked, Mapping) else []:
            if item_id not in known or not isinstance(saved, Mapping):
                continue
            try:
                session.results[item_id] = judge(
                    session.item(item_id),
                    action=str(saved.get("action") or ""),
                    escalate_to=saved.get("escalate_to") or None,
                    reply=str(saved.get("reply") or ""),
                )
            except ModerationError:
                continue  # a choice that no longer exists: left for the learner to redo
        session.log = [dict(entry) for entry in data.get("log", []) if isinstance(entry, Mapping)]
        return session
