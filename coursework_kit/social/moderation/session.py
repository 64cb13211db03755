"""A learner's way through the moderation queue: decisions, drafts, progress and a score.

Pure logic, so the widget stays thin. A session is built from a :class:`ModerationWork` (the
record's latest attempt) with :meth:`ModerationSession.from_work` and gives one back with
:meth:`ModerationSession.work`. Reopening is cheap: an item's reply is read again only when it
is shown or checked (and once a process: :func:`judge` keeps what it has judged), and until
then the progress shows the verdict on the reply that the learner was told.
"""

from __future__ import annotations

import dataclasses
import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import cast

from coursework_kit._english import count
from coursework_kit.social.moderation.decision import Judgement, judge, quick_outcome
from coursework_kit.social.moderation.policy import ModerationError, load_policy
from coursework_kit.social.moderation.queue import QueueItem, load_queue
from coursework_kit.social.moderation.record import (
    ALL,
    ModerationCheck,
    ModerationDraft,
    ModerationOutcome,
    ModerationWork,
    Verdict,
)

__all__ = [
    "ModerationSession",
    "QueueSummary",
    "outcome_of",
    "queue_for",
    "scenario_for",
    "summarise",
]


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
            f"{self.answered} of {count(self.total, 'item')} checked. "
            f"Handled well: {self.handled_well}. "
            f"Best action: {self.best}, acceptable: {self.acceptable}. Escalation right: "
            f"{self.escalation_right}. Replies that work: {self.replies_ok}. Score: "
            f"{self.points:g} of {count(self.max_points, 'point')} ({self.percent:g}%)."
        )

    def __repr__(self) -> str:
        return f"QueueSummary({self.text})"

    def _repr_html_(self) -> str:
        return f"<div role='status'>{html.escape(self.text)}</div>"


def outcome_of(result: Judgement) -> ModerationOutcome:
    """What a judgement tells the learner, as the record keeps it."""
    verdict = cast("Verdict", result.verdict)
    return ModerationOutcome(verdict, result.escalation.right, result.reply.ok)


def summarise(total: int, outcomes: Iterable[ModerationOutcome]) -> QueueSummary:
    """The summary of a queue of ``total`` items from the outcomes of those checked."""
    found = list(outcomes)
    return QueueSummary(
        total=total,
        answered=len(found),
        best=sum(o.verdict == "best" for o in found),
        acceptable=sum(o.verdict == "acceptable" for o in found),
        escalation_right=sum(o.escalation_right for o in found),
        replies_ok=sum(o.reply_ok for o in found),
        handled_well=sum(o.handled_well for o in found),
        points=sum(o.points for o in found),
    )


def scenario_for(topics: Iterable[str] | None) -> str:
    """The record's scenario for a queue showing only ``topics`` (``all`` for every item)."""
    chosen = sorted(set(topics or ()))
    return "-".join(chosen) if chosen else ALL


def queue_for(scenario: str) -> tuple[QueueItem, ...]:
    """The items a queue with this scenario shows (topics may hold hyphens themselves)."""
    items = load_queue()
    if scenario == ALL:
        return items
    known = sorted({i.topic for i in items}, key=len, reverse=True)

    def split(rest: str) -> list[str] | None:
        if not rest:
            return []
        for topic in known:
            if rest == topic or rest.startswith(topic + "-"):
                tail = split(rest[len(topic) + 1 :])
                if tail is not None:
                    return [topic, *tail]
        return None

    topics = split(scenario)
    if not topics:
        raise ModerationError(f"There is no moderation queue called {scenario!r}.")
    return tuple(i for i in items if i.topic in topics)


@dataclass
class _Draft:
    action: str | None = None
    escalate_to: str | None = None
    reply: str = ""

    def frozen(self) -> ModerationDraft:
        return ModerationDraft(self.action, self.escalate_to, self.reply)


class ModerationSession:
    """The queue, the learner's latest checked decision on each item, and unchecked drafts."""

    def __init__(self, items: Sequence[QueueItem] | None = None) -> None:
        self.items: tuple[QueueItem, ...] = tuple(items) if items is not None else load_queue()
        if not self.items:
            raise ModerationError("There are no items in this queue.")
        self.drafts: dict[str, _Draft] = {}
        self.log: list[ModerationCheck] = []
        self._latest: dict[str, ModerationCheck] = {}  # the latest check of each item
        self._judged: dict[str, Judgement] = {}  # judged in this kernel, from the latest check

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
        stamp = (when or datetime.now().astimezone()).isoformat(timespec="seconds")
        check = ModerationCheck(
            item_id, d.action, result.escalate_to, d.reply, stamp, outcome_of(result)
        )
        self.log.append(check)
        self._latest[item_id], self._judged[item_id] = check, result
        return result

    def result(self, item_id: str) -> Judgement | None:
        """The judgement of the latest check of ``item_id`` (judged now if need be)."""
        check = self._latest.get(item_id)
        if check is None:
            return None
        if item_id not in self._judged:
            self._judged[item_id] = judge(
                self.item(item_id),
                action=check.action,
                escalate_to=check.escalate_to,
                reply=check.reply,
            )
        return self._judged[item_id]

    @property
    def results(self) -> dict[str, Judgement]:
        """Every checked item's judgement, judged afresh from the learner's words."""
        found = {}
        for item_id in self._latest:
            result = self.result(item_id)
            if result is not None:
                found[item_id] = result
        return found

    def outcome(self, item_id: str) -> ModerationOutcome | None:
        """How the latest check of an item went: judged in this kernel, or, for a check saved
        with what the learner was told, the action, the escalation and an empty reply worked
        out again (that is quick) and a written reply's verdict as told (reading a reply is
        not quick). Only what the learner sees uses a told verdict: :func:`assess` judges
        every reply again."""
        if item_id in self._judged:
            return outcome_of(self._judged[item_id])
        check = self._latest.get(item_id)
        if check is None:
            return None
        if check.told is not None:
            verdict, escalation_right, reply_ok = quick_outcome(
                self.item(item_id),
                check.action,
                check.escalate_to,
                check.reply,
                reply_ok=check.told.reply_ok,
            )
            return ModerationOutcome(cast("Verdict", verdict), escalation_right, reply_ok)
        result = self.result(item_id)
        return None if result is None else outcome_of(result)

    def status(self, item_id: str) -> str:
        """ "handled well", "partly right", "not right" or "not checked" for one item."""
        outcome = self.outcome(item_id)
        if outcome is None:
            return "not checked"
        if outcome.handled_well:
            return "handled well"
        return "partly right" if outcome.points > 0 else "not right"

    def summary(self) -> QueueSummary:
        outcomes = (self.outcome(i) for i in self._latest)
        return summarise(len(self.items), (o for o in outcomes if o is not None))

    def work(self, position: int = 1) -> ModerationWork:
        """The learner's work as the record keeps it (``position``: the item shown, from 1)."""
        checks = []
        for check in self.log:
            if check.told is None and self._latest.get(check.item) is check:
                result = self._judged.get(check.item)
                if result is not None:  # judged since: keep what they are told now
                    check = dataclasses.replace(check, told=outcome_of(result))
            checks.append(check)
        drafts = {i: d.frozen() for i, d in self.drafts.items() if d.frozen() != ModerationDraft()}
        return ModerationWork(position=position, drafts=drafts, checks=tuple(checks))

    @classmethod
    def from_work(
        cls, work: ModerationWork, items: Sequence[QueueItem] | None = None
    ) -> ModerationSession:
        """The session a record's work describes; entries for items or choices that no longer
        exist (or were edited by hand) are left out."""
        session, policy = cls(items), load_policy()
        known = {i.id for i in session.items}
        actions, routes = {a.id for a in policy.actions}, {r.id for r in policy.routes}
        for item_id, saved in work.drafts.items():
            if item_id in known:
                d = session.draft(item_id)
                d.action = saved.action if saved.action in actions else None
                d.escalate_to = saved.escalate_to if saved.escalate_to in routes else None
                d.reply = saved.reply
        for check in work.checks:
            if (
                check.item in known
                and check.action in actions
                and check.escalate_to in (None, *routes)
            ):
                session.log.append(check)
                session._latest[check.item] = check
        return session
