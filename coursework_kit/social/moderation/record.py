"""The moderation queue's evidence: what the learner chose and wrote for each item, and each
press of Check.

One record per queue: the whole queue (scenario ``all``, file ``social-moderation.json``) or
the items on some topics (scenario ``crisis``, file ``social-moderation-crisis.json``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from coursework_kit.records import Mode, Record, RecordShapeError
from coursework_kit.records._base import text

__all__ = [
    "ALL",
    "ModerationCheck",
    "ModerationDraft",
    "ModerationOutcome",
    "ModerationRecord",
    "ModerationWork",
]

ALL = "all"  # the scenario of the whole queue
Verdict = Literal["best", "acceptable", "not right"]


@dataclass(frozen=True)
class ModerationDraft:
    """What is chosen and typed for one item, checked or not: the action, who to escalate to
    (a route code, or null for nobody) and the reply."""

    action: str | None = None
    escalate_to: str | None = None
    reply: str = ""


@dataclass(frozen=True)
class ModerationOutcome:
    """What the learner was told when they checked: the action's verdict, and whether the
    escalation and the reply were right. Kept so the queue reopens without judging every reply
    again; assessment judges the learner's words afresh and never reads it."""

    verdict: Verdict
    escalation_right: bool
    reply_ok: bool

    @property
    def points(self) -> float:
        action = {"best": 1.0, "acceptable": 0.5}.get(self.verdict, 0.0)
        return action + self.escalation_right + self.reply_ok

    @property
    def handled_well(self) -> bool:
        return self.verdict != "not right" and self.escalation_right and self.reply_ok


@dataclass(frozen=True)
class ModerationCheck:
    """One press of Check: the item, the decision and reply checked, when, and what the
    learner was told (null in files saved before that was kept)."""

    item: str
    action: str
    escalate_to: str | None
    reply: str
    at: str
    told: ModerationOutcome | None = None


@dataclass(frozen=True)
class ModerationWork:
    """A learner's way through the queue: the item they are on (numbered from 1), what is
    chosen and typed on each item, and every check, oldest first."""

    position: int = 1
    drafts: dict[str, ModerationDraft] = field(default_factory=dict)
    checks: tuple[ModerationCheck, ...] = ()


class ModerationRecord(Record[ModerationWork]):
    """Every attempt at Harbour & Pine's moderation queue (its scenario is ``all`` or the
    topics shown, joined by hyphens)."""

    KIND = "moderation"
    WORK = ModerationWork
    PREFIX = "social-moderation"
    DEFAULT_SCENARIO = ALL

    @classmethod
    def work_from_v1(cls, data: dict[str, Any]) -> tuple[ModerationWork, Mode]:
        drafts, log, checked = data.get("drafts", {}), data.get("log", []), data.get("checked")
        if not isinstance(drafts, dict) or not isinstance(log, list):
            raise RecordShapeError("a moderation attempt has no drafts or log")
        checks = [_check(entry) for entry in log]
        latest = {c.item: c for c in checks}
        for item_id, saved in (checked or {}).items() if isinstance(checked, dict) else ():
            entry = _check({"item": item_id, **_mapping(saved)})
            held = latest.get(entry.item)
            if held is None or (held.action, held.escalate_to, held.reply) != (
                entry.action,
                entry.escalate_to,
                entry.reply,
            ):
                checks.append(entry)  # a check the log lost: the decision still counts
        position = data.get("position")
        work = ModerationWork(
            position=position if isinstance(position, int) and position >= 1 else 1,
            drafts={str(k): _draft(v) for k, v in drafts.items()},
            checks=tuple(checks),
        )
        return work, "practice"


def _mapping(value: object) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise RecordShapeError("a moderation decision has the wrong shape")
    return value


def _optional(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _draft(value: object) -> ModerationDraft:
    saved = _mapping(value)
    return ModerationDraft(
        action=_optional(saved.get("action")),
        escalate_to=_optional(saved.get("escalate_to")),
        reply=text(saved.get("reply")),
    )


def _check(value: object) -> ModerationCheck:
    saved = _mapping(value)
    return ModerationCheck(
        item=text(saved.get("item")),
        action=text(saved.get("action")),
        escalate_to=_optional(saved.get("escalate_to")),
        reply=text(saved.get("reply")),
        at=text(saved.get("at")),
    )
