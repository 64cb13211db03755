"""Which activity saves which evidence, and which assessment criteria each one can evidence.

Read from ``datasets/portfolio/activities.yaml`` (checked against its schema); a live chat's
codes come from the chat criteria (``datasets/chat/criteria.yaml``), a decision scenario's from
its own ``criterion``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from coursework_kit.errors import DatasetError

__all__ = [
    "ANY",
    "Activity",
    "activities",
    "chat_codes",
    "chat_extras",
    "could_give",
    "decision_codes",
    "elsewhere",
    "find_activity",
]

ANY = "*"  # an activity entry for any scenario of its kind not named in another entry
_FILE = "portfolio/activities.yaml"
_SCHEMA = "portfolio/activities.schema.json"


@dataclass(frozen=True)
class Activity:
    """One activity a learner does: where it is, and what its saved record can evidence."""

    kind: str
    scenario: str
    unit: int
    workbook: str  # the notebook's title, or an assignment's ("Unit 3 assignment")
    name: str
    criteria: tuple[str, ...]  # for a chat or a decision set, worked out from the data
    outcomes: tuple[str, ...] = ()
    why: str = ""
    fallback: bool = False  # only for records no other entry names: never offered as a way

    @property
    def where(self) -> str:
        """The activity as a learner finds it: "Unit 2: Posts, brand voice and search: Task E"."""
        return f"{self.workbook}: {self.name}"


@cache
def _raw() -> dict[str, Any]:
    from coursework_kit.datasets._shipped import load_shipped

    raw: dict[str, Any] = load_shipped(_FILE, schema=_SCHEMA)
    return raw


@cache
def activities() -> tuple[Activity, ...]:
    """Every activity, in the order of ``activities.yaml``."""
    raw = _raw()
    titles: dict[str, str] = raw["workbooks"]
    found = []
    for entry in raw["activities"]:
        kind, scenario = entry["kind"], entry["scenario"]
        if kind == "chat":
            codes = chat_codes()
        elif kind == "decision":
            codes = _decision_set_codes(scenario)
        else:
            codes = tuple(entry.get("criteria", ()))
        found.append(
            Activity(
                kind=kind,
                scenario=scenario,
                unit=int(entry["unit"]),
                workbook=titles[entry["workbook"]],
                name=entry["name"],
                criteria=codes,
                outcomes=tuple(entry.get("outcomes", ())),
                why=entry.get("why", ""),
                fallback=bool(entry.get("fallback", False)),
            )
        )
    return tuple(found)


def find_activity(kind: str, scenario: str, *, unit: int | None = None) -> Activity | None:
    """The activity that saves a ``kind`` record for ``scenario``: the entry naming the
    scenario (the one in ``unit`` when several do), else the kind's entry for any scenario."""
    named = [a for a in activities() if a.kind == kind and a.scenario == scenario]
    if named:
        return next((a for a in named if a.unit == unit), named[0])
    return next((a for a in activities() if a.kind == kind and a.scenario == ANY), None)


@cache
def chat_extras() -> dict[str, tuple[str, ...]]:
    """The codes a chat's CRM record ("crm") and pre-written responses ("templates") evidence."""
    return {key: tuple(codes) for key, codes in _raw()["chat_extras"].items()}


@cache
def chat_codes() -> tuple[str, ...]:
    """Every code a live chat can evidence: each chat criterion's, then the CRM record's and
    the pre-written responses'."""
    from coursework_kit.chat.catalogue import criteria_catalogue

    codes = [code for info in criteria_catalogue().values() for code in info.codes]
    codes += [code for extra in chat_extras().values() for code in extra]
    return tuple(dict.fromkeys(codes))


def decision_codes(criterion: str) -> tuple[str, ...]:
    """The catalogue codes a decision scenario's ``criterion`` (its own words) is for."""
    table: dict[str, list[str]] = _raw()["decision_criteria"]
    if criterion not in table:
        raise DatasetError(
            f"No codes are given for the decision criterion {criterion!r}: add it to "
            f"decision_criteria in datasets/{_FILE}."
        )
    return tuple(table[criterion])


def _decision_set_codes(scenario: str) -> tuple[str, ...]:
    from coursework_kit.gdpr.assess import scenarios_for

    codes = [code for s in scenarios_for(scenario) for code in decision_codes(s.criterion)]
    return tuple(dict.fromkeys(codes))


def could_give(code: str) -> tuple[Activity, ...]:
    """The activities whose saved record can evidence ``code``."""
    return tuple(a for a in activities() if code in a.criteria and not a.fallback)


def elsewhere() -> dict[str, str]:
    """Criteria no saved record evidences, and where they are assessed instead."""
    return dict(_raw().get("elsewhere", {}))
