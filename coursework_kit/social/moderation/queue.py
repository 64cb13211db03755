"""The moderation queue: incoming comments, posts and messages for Harbour & Pine's social desk.

Items live in ``datasets/social/queue.yaml`` (checked against ``queue.schema.json``) and are
checked for sense on load: unique ids, platforms from the kit's one list
(:mod:`coursework_kit.social.platforms`), real policy sections and escalation routes, patterns
that compile, and personal details that really are in the item's text.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from typing import Any

from coursework_kit.errors import CourseworkError, DatasetError
from coursework_kit.social.moderation.policy import ModerationError, Policy, load_policy
from coursework_kit.social.platforms import platform_name

__all__ = ["Alternative", "QueueItem", "ReplyRule", "get_item", "load_queue", "threat_patterns"]

KINDS = {
    "comment": "comment on our post",
    "post": "post that mentions us",
    "mention": "post that tags us",
    "direct_message": "direct message",
    "review": "review on our page",
}


@dataclass(frozen=True)
class Alternative:
    """An action that is acceptable, though not the best, and why."""

    action: str
    note: str


@dataclass(frozen=True)
class ReplyRule:
    """Something a good reply to this item must say, as a pattern, with advice if missing.

    ``pattern`` is what must be said (and not negated: "don't stop using it" does not count);
    ``or_not``, if given, is what the customer must be told *not* to do, which counts only when
    it is negated ("don't use it"). The reply check reads both with the chat recogniser's
    negation handling; :meth:`met_by` is the plain pattern match.
    """

    pattern: str
    advice: str
    or_not: str = ""

    def met_by(self, reply: str) -> bool:
        return re.search(self.pattern, reply, re.IGNORECASE) is not None


@dataclass(frozen=True)
class QueueItem:
    """One incoming item, with its expected handling and the reasons."""

    id: str
    topic: str
    platform: str
    kind: str
    author: str
    time: datetime
    public: bool
    text: str
    best: str
    reason: str
    policy: tuple[str, ...]
    law: tuple[str, ...]
    name: str | None = None
    group: str | None = None
    context: str = ""
    acceptable: tuple[Alternative, ...] = ()
    feedback: dict[str, str] = field(default_factory=dict)
    reply_needed: bool = False
    escalate_to: str | None = None
    escalation_also: tuple[str, ...] = ()
    tone: tuple[str, ...] = ()
    reply_must: tuple[ReplyRule, ...] = ()
    personal_data: tuple[str, ...] = ()
    model_reply: str = ""
    cannot_promise: tuple[str, ...] = ()
    reply_welcome: bool = False

    @property
    def platform_label(self) -> str:
        return platform_name(self.platform)

    @property
    def kind_label(self) -> str:
        return KINDS[self.kind]

    def alternative(self, action: str) -> Alternative | None:
        return next((a for a in self.acceptable if a.action == action), None)

    def sources(self, policy: Policy | None = None) -> list[str]:
        """The policy sections and laws behind the expected handling, in words."""
        policy = policy or load_policy()
        return [policy.section(s).citation for s in self.policy] + list(self.law)

    def __repr__(self) -> str:
        seen = "public" if self.public else "private"
        return (
            f"QueueItem({self.id}: {self.platform_label} {self.kind_label} from {self.author}, "
            f"{seen})"
        )

    def _repr_html_(self) -> str:
        e = html.escape
        badge = (
            "<span style='background:#ffebe9;padding:0 6px;border-radius:3px'>Public: anyone "
            "can see it</span>"
            if self.public
            else "<span style='background:#ddf4ff;padding:0 6px;border-radius:3px'>Private "
            "message</span>"
        )
        context = (
            f"<p><strong>What you know:</strong> {e(self.context)}</p>" if self.context else ""
        )
        return (
            "<div class='ck-social-item' style='border:1px solid #8c959f;border-radius:8px;"
            "padding:8px 12px;margin:4px 0'>"
            f"<p><strong>{e(self.author)}</strong> on {e(self.platform_label)}, a "
            f"{e(self.kind_label)} · {self.time:%A %d %B, %H:%M} {badge}</p>"
            f"<blockquote style='margin:6px 0 6px 8px'>{e(self.text)}</blockquote>"
            f"{context}</div>"
        )


def _squash(text: str) -> str:
    return " ".join(str(text).split())


def _item(r: dict[str, Any], policy: Policy) -> QueueItem:
    acceptable = tuple(
        Alternative(str(a["action"]), _squash(a["note"])) for a in r.get("acceptable", [])
    )
    item = QueueItem(
        id=str(r["id"]),
        topic=str(r["topic"]),
        platform=str(r["platform"]),
        kind=str(r["kind"]),
        author=str(r["author"]),
        time=datetime.fromisoformat(str(r["time"])),
        public=bool(r["public"]),
        text=_squash(str(r["text"])),
        best=str(r["best"]),
        reason=_squash(str(r["reason"])),
        policy=tuple(map(str, r["policy"])),
        law=tuple(_squash(x) for x in r["law"]),
        name=str(r["name"]) if r.get("name") else None,
        group=str(r["group"]) if r.get("group") else None,
        context=_squash(str(r.get("context", ""))),
        acceptable=acceptable,
        feedback={str(k): _squash(v) for k, v in r.get("feedback", {}).items()},
        reply_needed=bool(r.get("reply_needed", False)),
        escalate_to=str(r["escalate_to"]) if r.get("escalate_to") else None,
        escalation_also=tuple(map(str, r.get("escalation_also", []))),
        tone=tuple(map(str, r.get("tone", []))),
        reply_must=tuple(
            ReplyRule(str(m["pattern"]), _squash(m["advice"]), str(m.get("or_not", "")))
            for m in r.get("reply_must", [])
        ),
        personal_data=tuple(map(str, r.get("personal_data", []))),
        model_reply=_squash(str(r.get("model_reply", ""))),
        cannot_promise=tuple(map(str, r.get("cannot_promise", []))),
        reply_welcome=bool(r.get("reply_welcome", False)),
    )
    _check(item, policy)
    return item


def _check(item: QueueItem, policy: Policy) -> None:
    where = f"queue.yaml, item {item.id!r}"
    try:
        platform_name(item.platform)  # one of the platforms in datasets/social/platforms.yaml
    except CourseworkError as exc:
        raise DatasetError(f"{where}: {exc}") from exc
    try:
        for section in item.policy:
            policy.section(section)
        for route in (item.escalate_to, *item.escalation_also):
            if route is not None:
                policy.route(route)
    except ModerationError as exc:
        raise DatasetError(f"{where}: {exc}") from exc
    if item.escalate_to in item.escalation_also:
        raise DatasetError(f"{where}: escalation_also repeats escalate_to.")
    others = [a.action for a in item.acceptable]
    if item.best in others or len(set(others)) != len(others):
        raise DatasetError(f"{where}: an acceptable action repeats the best one or another.")
    patterns = [p for rule in item.reply_must for p in (rule.pattern, rule.or_not) if p]
    for pattern in [*patterns, *item.cannot_promise]:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise DatasetError(f"{where}: {pattern!r} is not a valid pattern.") from exc
    for detail in item.personal_data:
        if detail not in item.text:
            raise DatasetError(f"{where}: personal detail {detail!r} is not in the text.")
    needs_reply = item.reply_needed or policy.action(item.best).needs_reply
    if needs_reply and not item.model_reply:
        raise DatasetError(f"{where}: the best handling needs a reply, so give a model_reply.")


@cache
def _raw_queue() -> dict[str, Any]:
    from coursework_kit.datasets._shipped import load_shipped

    raw: dict[str, Any] = load_shipped("social/queue.yaml", schema="social/queue.schema.json")
    return raw


@cache
def threat_patterns() -> tuple[str, ...]:
    """Patterns that make a moderator's own reply a threat, whatever the item."""
    patterns = tuple(map(str, _raw_queue().get("threats", [])))
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise DatasetError(f"queue.yaml, threats: {pattern!r} is not a valid pattern.") from exc
    return patterns


@cache
def load_queue() -> tuple[QueueItem, ...]:
    """Every item in the moderation queue, in the order they arrive."""
    raw = _raw_queue()
    policy = load_policy()
    items = tuple(_item(r, policy) for r in raw["items"])
    ids = [i.id for i in items]
    repeated = sorted({i for i in ids if ids.count(i) > 1})
    if repeated:
        raise DatasetError(f"queue.yaml uses these item ids more than once: {repeated}.")
    return items


def get_item(item_id: str) -> QueueItem:
    """One queue item by its id."""
    for item in load_queue():
        if item.id == item_id:
            return item
    raise ModerationError(f"There is no item {item_id!r} in the moderation queue.")
