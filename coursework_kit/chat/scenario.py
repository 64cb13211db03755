"""Live-chat scenarios: loaded from YAML under ``datasets/chat/scenarios/`` and checked.

The schema (``datasets/chat/scenario.schema.json``) checks the shape; :func:`sense_problems`
checks what a schema cannot: patterns that do not compile, knowledge-base articles that do not
exist, a scenario that needs identity checks but says nothing about them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from coursework_kit.chat.personal import Detail
from coursework_kit.errors import DatasetError

__all__ = [
    "Detail",
    "Fact",
    "Needs",
    "Persona",
    "Scenario",
    "list_scenarios",
    "load_scenario",
]

SCHEMA = "chat/scenario.schema.json"
CHANNELS = {
    "website_live_chat": "website live chat",
    "social_dm": "social media direct message",
    "social_public": "public social media comment",
}


@dataclass(frozen=True)
class Persona:
    name: str
    mood: str
    patience_seconds: int
    needs_adjustment: str = ""

    @property
    def first_name(self) -> str:
        return self.name.split()[0]


@dataclass(frozen=True)
class Needs:
    verification: bool
    escalation: bool
    private_channel: bool
    never_disclose: bool
    warning_then_end: bool
    signposting: bool = False


@dataclass(frozen=True)
class Fact:
    label: str
    value: str
    after_verification: bool = False


@dataclass(frozen=True)
class Scenario:
    id: str
    title: str
    units: tuple[int, ...]
    channel: str
    summary: str
    brief: str
    persona: Persona
    opening: str
    problem_keywords: tuple[str, ...]
    needs: Needs
    facts: tuple[Fact, ...]
    refund_limit: float
    cannot_promise: tuple[str, ...]
    resolution_keywords: tuple[str, ...]
    resolution_note: str
    kb: tuple[str, ...]
    crm_reason: str
    crm_outcomes: tuple[str, ...]
    replies: dict[str, tuple[str, ...]]
    verification_asks_for: str = ""
    verification_reply: str = ""
    account_details: tuple[str, ...] = ()
    personal: tuple[Detail, ...] = ()
    learner: str = ""
    original: Scenario | None = field(default=None, compare=False, repr=False)

    @property
    def channel_label(self) -> str:
        return CHANNELS[self.channel]

    def for_learner(self, learner: str) -> Scenario:
        """A copy with ``learner``'s own customer details (name, order number, postcode...)
        written in everywhere, drawn from the learner id and this scenario's id alone: the
        same learner always gets the same details. The copy keeps the id; its ``learner``
        says whose details it holds and ``original`` is the scenario as written. A scenario
        with no ``personal`` block comes back unchanged apart from ``learner``."""
        from coursework_kit.chat.personal import personalise

        return personalise(self, learner)

    def lines(self, kind: str) -> tuple[str, ...]:
        """The customer's lines for ``kind``, falling back to the default lines."""
        return self.replies.get(kind) or self.replies["default"]


def from_mapping(raw: dict[str, Any]) -> Scenario:
    """Build a :class:`Scenario` from YAML that has passed the schema."""
    verification = raw.get("verification", {})
    return Scenario(
        id=raw["id"],
        title=raw["title"],
        units=tuple(raw["units"]),
        channel=raw["channel"],
        summary=raw["summary"],
        brief=raw["brief"],
        persona=Persona(**raw["persona"]),
        opening=raw["opening"],
        problem_keywords=tuple(str(k) for k in raw["problem_keywords"]),
        needs=Needs(**raw["needs"]),
        facts=tuple(Fact(**f) for f in raw["facts"]),
        refund_limit=float(raw["remit"]["refund_limit"]),
        cannot_promise=tuple(raw["remit"].get("cannot_promise", ())),
        resolution_keywords=tuple(raw["resolution"]["keywords"]),
        resolution_note=raw["resolution"]["note"],
        kb=tuple(raw["kb"]),
        crm_reason=raw["crm"]["reason"],
        crm_outcomes=tuple(raw["crm"]["outcomes"]),
        replies={k: tuple(v) for k, v in raw["replies"].items()},
        verification_asks_for=verification.get("asks_for", ""),
        verification_reply=verification.get("reply", ""),
        account_details=tuple(raw.get("account_details", ())),
        personal=tuple(Detail.from_mapping(d) for d in raw.get("personal", ())),
    )


def sense_problems(raw: dict[str, Any], *, kb_ids: set[str]) -> list[tuple[tuple[Any, ...], str]]:
    """What is wrong beyond the schema: (where in the file, what is wrong) for each problem."""
    problems: list[tuple[tuple[Any, ...], str]] = []
    places = [("account_details",), ("remit", "cannot_promise"), ("resolution", "keywords")]
    for place in places:
        items: Any = raw
        for key in place:
            items = items.get(key, {}) if isinstance(items, dict) else {}
        for i, pattern in enumerate(items or []):
            try:
                re.compile(pattern)
            except re.error as exc:
                problems.append(((*place, i), f"{pattern!r} is not a valid pattern: {exc}."))
    problems += _personal_problems(raw)
    for i, article in enumerate(raw.get("kb", [])):
        if article not in kb_ids:
            problems.append((("kb", i), f"there is no knowledge-base article {article!r}."))
    needs = raw.get("needs", {})
    if needs.get("verification") and "verification" not in raw:
        problems.append(
            (
                ("needs", "verification"),
                "identity checks are needed, so add a 'verification' section saying "
                "what the customer is asked for and how they reply.",
            )
        )
    if (needs.get("verification") or needs.get("never_disclose")) and not raw.get(
        "account_details"
    ):
        problems.append(
            (
                ("needs",),
                "list the 'account_details' that must not be given out "
                "before security, so a breach can be spotted.",
            )
        )
    for kind in ("escalated", "moved_private", "warned"):
        need = {
            "escalated": "escalation",
            "moved_private": "private_channel",
            "warned": "warning_then_end",
        }[kind]
        if needs.get(need) and kind not in raw.get("replies", {}):
            problems.append((("replies",), f"needs.{need} is true, so add '{kind}' replies."))
    return problems


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def _personal_problems(raw: dict[str, Any]) -> list[tuple[tuple[Any, ...], str]]:
    """Personal details the scenario's text never uses (a stale ``personal`` block)."""
    text = " ".join(_strings({k: v for k, v in raw.items() if k != "personal"}))
    flat = re.sub(r"[\s\-?]|\\s", "", text).upper()
    declared = [str(d.get("value", "")) for d in raw.get("personal", [])]
    problems: list[tuple[tuple[Any, ...], str]] = []
    for i, detail in enumerate(raw.get("personal", [])):
        value, kind = str(detail.get("value", "")), detail.get("kind")
        if kind == "name":
            used = value.split()[0] in text
        elif kind == "money":
            used = f"£{value.removesuffix('.00')}" in text
        elif kind == "email":
            used = value.lower() in text.lower().replace("\\.", ".")
        else:
            used = re.sub(r"[\s\-]", "", value).upper() in flat
        if not used:
            problems.append((("personal", i), f"{value!r} is not used anywhere in the scenario."))
        for part in [
            *map(str, detail.get("sum", ())),
            *([detail["after"]] if "after" in detail else []),
        ]:
            if part not in declared:
                problems.append((("personal", i), f"{part!r} is not one of the personal details."))
    return problems


def _kb_ids() -> set[str]:
    from coursework_kit.chat.knowledge import knowledge_base

    return {a.id for a in knowledge_base()}


def load_scenario(name_or_path: str | Path) -> Scenario:
    """A scenario by id (e.g. "late-delivery") or from a tutor's own YAML file."""
    from coursework_kit.datasets._shipped import load_shipped

    path = Path(name_or_path)
    where: str | Path = path.resolve() if path.suffix else f"chat/scenarios/{name_or_path}.yaml"
    raw = load_shipped(where, schema=SCHEMA)
    problems = sense_problems(raw, kb_ids=_kb_ids())
    if problems:
        lines = "\n".join(f"- at {'/'.join(map(str, p))}: {m}" for p, m in problems)
        raise DatasetError(f"{path.name or name_or_path} has problems:\n{lines}")
    return from_mapping(raw)


def list_scenarios() -> list[str]:
    """The ids of the scenarios shipped with the course, in name order."""
    from coursework_kit.datasets import data_dir

    return sorted(p.stem for p in (data_dir() / "chat" / "scenarios").glob("*.yaml"))
