"""The live-chat criteria as data, the tips that go with them, and a chat's timings.

The criteria, their tips and what each maps to in the awarding bodies' criteria are
``datasets/chat/criteria.yaml``; every report, page and grade reads them from here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache

from coursework_kit.chat.record import Turn

__all__ = ["CriterionInfo", "Timings", "criteria_catalogue", "next_steps", "timings"]

# The order improvements are suggested in: the most serious first.
_PRIORITY = ("identity_verification", "escalation", "resolves_query", "positive_language",
             "empathy", "active_listening", "greeting", "closing", "signposting",
             "confirm_understanding", "no_jargon", "spelling_grammar")  # fmt: skip


@dataclass(frozen=True)
class CriterionInfo:
    key: str
    label: str
    checks: str
    tip: str
    maps_to: tuple[tuple[int, str], ...]
    codes: tuple[str, ...] = ()  # the criteria catalogue's codes (datasets/criteria/)


@cache
def criteria_catalogue() -> dict[str, CriterionInfo]:
    """The live-chat criteria, in report order, with what each maps to."""
    from coursework_kit.datasets._shipped import load_shipped

    raw = load_shipped("chat/criteria.yaml", schema="chat/criteria.schema.json")
    return {
        c["key"]: CriterionInfo(
            c["key"],
            c["label"],
            c["checks"],
            c["tip"],
            tuple((m["unit"], m["criterion"]) for m in c["maps_to"]),
            tuple(dict.fromkeys(m["code"] for m in c["maps_to"])),
        )
        for c in raw["criteria"]
    }


# Rule findings that lead the tips, each with the criterion whose tip follows it.
_RULE_TIPS = (
    ("data_protection", "identity_verification"),
    ("remit", "escalation"),
    ("fact", "resolves_query"),
)


def next_steps(rule_findings: Iterable[tuple[str, str]], unmet: Iterable[str]) -> list[str]:
    """Two or three things to do better next time, the most serious first.

    ``rule_findings`` are (kind, message) of the rules broken, in chat order; ``unmet`` the
    keys of the criteria not yet met.
    """
    catalogue = criteria_catalogue()
    broken = list(rule_findings)
    tips = []
    for kind, key in _RULE_TIPS:
        first = next((message for k, message in broken if k == kind), None)
        if first is not None:
            tips.append(first + " " + catalogue[key].tip)
    missed = set(unmet)
    for key in _PRIORITY:
        if key in missed and len(tips) < 3:
            tip = catalogue[key].tip
            if not any(tip in t for t in tips):
                tips.append(tip)
    return tips[:3]


@dataclass(frozen=True)
class Timings:
    """How long the customer waited for each reply, and for the whole chat (seconds)."""

    response_times: tuple[float, ...] = ()
    first_response_seconds: float | None = None
    average_response_seconds: float | None = None
    handling_seconds: float | None = None


def timings(turns: Sequence[Turn]) -> Timings:
    """The chat's timings; none at all when any turn has no time."""
    when = [t.time for t in turns]
    stamps = [at for at in when if at is not None]
    if not turns or len(stamps) != len(turns):
        return Timings()
    times: list[float] = []
    waiting_since: datetime | None = None
    for turn, at in zip(turns, stamps, strict=True):
        if turn.speaker == "customer" and waiting_since is None:
            waiting_since = at
        elif turn.speaker == "agent" and waiting_since is not None:
            times.append((at - waiting_since).total_seconds())
            waiting_since = None
    return Timings(
        response_times=tuple(times),
        first_response_seconds=times[0] if times else None,
        average_response_seconds=sum(times) / len(times) if times else None,
        handling_seconds=(stamps[-1] - stamps[0]).total_seconds(),
    )
