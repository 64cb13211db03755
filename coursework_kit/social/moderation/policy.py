"""Harbour & Pine's social media policy, code of conduct and escalation matrix, as data.

The policy lives in ``datasets/social/policy.yaml`` (checked against ``policy.schema.json``).
:func:`load_policy` returns a :class:`Policy` that a learner can read in the notebook: its
``_repr_html_`` lays it out with headings, the moderation actions and the escalation matrix.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from functools import cache

from coursework_kit.errors import DatasetError, ModerationError, find_by_id

__all__ = [
    "Action",
    "ConductRule",
    "ModerationError",
    "Policy",
    "Route",
    "Section",
    "load_policy",
]


@dataclass(frozen=True)
class Section:
    """One numbered section of the policy, with its rules and the law behind them."""

    id: str
    number: int
    title: str
    summary: str
    rules: tuple[str, ...]
    law: tuple[str, ...] = ()

    @property
    def citation(self) -> str:
        return f"Policy section {self.number} ({self.title})"


@dataclass(frozen=True)
class ConductRule:
    id: str
    rule: str


@dataclass(frozen=True)
class Action:
    """Something a moderator can do with an item (reply, hide, report...)."""

    id: str
    label: str
    meaning: str
    needs_reply: bool
    usually_wrong: str


@dataclass(frozen=True)
class Route:
    """One row of the escalation matrix: a role, what it handles and how fast."""

    id: str
    role: str
    handles: str
    contact: str
    response_target: str
    backup: str

    @property
    def in_sentence(self) -> str:
        """The role as written mid-sentence: "the legal and compliance adviser"."""
        return self.role[:1].lower() + self.role[1:]


@dataclass(frozen=True)
class Policy:
    organisation: str
    title: str
    version: str
    reflects: str
    owner: str
    review: str
    intro: str
    sections: tuple[Section, ...]
    code_of_conduct: tuple[ConductRule, ...]
    actions: tuple[Action, ...]
    routes: tuple[Route, ...]

    def section(self, section_id: str) -> Section:
        return find_by_id(
            self.sections, section_id, ModerationError, "The policy has no section {wanted}."
        )

    def action(self, action_id: str) -> Action:
        """The action with this id; a plain message listing the choices if there is none."""
        return find_by_id(
            self.actions,
            action_id,
            ModerationError,
            "{wanted} is not one of the actions. Choose one of: {ids}.",
        )

    def route(self, route_id: str) -> Route:
        """The escalation route with this id; a plain message listing them if there is none."""
        return find_by_id(
            self.routes,
            route_id,
            ModerationError,
            "{wanted} is not one of the escalation routes. Choose one of: {ids}, "
            "or None for no escalation.",
        )

    def __repr__(self) -> str:
        return (
            f"Policy({self.organisation}: {self.title}, version {self.version}, "
            f"{len(self.sections)} sections, {len(self.routes)} escalation routes)"
        )

    def _repr_html_(self) -> str:
        e = html.escape
        parts = [
            f"<div class='ck-policy'><h2>{e(self.organisation)}: {e(self.title)}</h2>",
            f"<p><small>Version {e(self.version)}. Owner: {e(self.owner)}. {e(self.review)}. "
            f"Reflects {e(self.reflects)}. A made-up organisation's policy, for practice."
            "</small></p>",
            f"<p>{e(self.intro)}</p>",
            "<h3>Part A: The policy</h3>",
        ]
        for s in self.sections:
            rules = "".join(f"<li>{e(r)}</li>" for r in s.rules)
            law = (
                "<p><strong>The law behind it:</strong></p><ul>"
                + "".join(f"<li>{e(item)}</li>" for item in s.law)
                + "</ul>"
                if s.law
                else ""
            )
            parts.append(
                f"<h4>{s.number}. {e(s.title)}</h4><p><em>{e(s.summary)}</em></p>"
                f"<ul>{rules}</ul>{law}"
            )
        parts.append("<h3>Part B: Code of conduct for all staff</h3><ul>")
        parts.extend(f"<li>{e(c.rule)}</li>" for c in self.code_of_conduct)
        parts.append("</ul><h3>Part C: Moderation actions</h3>")
        parts.append(
            "<table><caption>What each action means (code in brackets)</caption><tr>"
            "<th scope='col'>Action</th><th scope='col'>What it means</th></tr>"
            + "".join(
                f"<tr><th scope='row'>{e(a.label)} (<code>{e(a.id)}</code>)</th>"
                f"<td>{e(a.meaning)}</td></tr>"
                for a in self.actions
            )
            + "</table>"
        )
        parts.append("<h3>Part D: Escalation matrix</h3>")
        parts.append(
            "<table><caption>Who to escalate to (route code in brackets)</caption><tr>"
            "<th scope='col'>Role</th><th scope='col'>Handles</th><th scope='col'>How</th>"
            "<th scope='col'>Response target</th><th scope='col'>Backup</th></tr>"
            + "".join(
                f"<tr><th scope='row'>{e(r.role)} (<code>{e(r.id)}</code>)</th>"
                f"<td>{e(r.handles)}</td><td>{e(r.contact)}</td>"
                f"<td>{e(r.response_target)}</td><td>{e(r.backup)}</td></tr>"
                for r in self.routes
            )
            + "</table></div>"
        )
        return "".join(parts)


def _squash(text: str) -> str:
    return " ".join(str(text).split())


def _unique(ids: list[str], what: str) -> None:
    repeated = sorted({i for i in ids if ids.count(i) > 1})
    if repeated:
        raise DatasetError(f"policy.yaml uses these {what} ids more than once: {repeated}.")


@cache
def load_policy() -> Policy:
    """Harbour & Pine's social media policy, checked against its schema."""
    from coursework_kit.datasets._shipped import load_shipped

    raw = load_shipped("social/policy.yaml", schema="social/policy.schema.json")
    sections = tuple(
        Section(
            id=s["id"],
            number=s["number"],
            title=_squash(s["title"]),
            summary=_squash(s["summary"]),
            rules=tuple(_squash(r) for r in s["rules"]),
            law=tuple(_squash(item) for item in s.get("law", [])),
        )
        for s in raw["sections"]
    )
    policy = Policy(
        organisation=raw["organisation"],
        title=_squash(raw["title"]),
        version=raw["version"],
        reflects=_squash(raw["reflects"]),
        owner=_squash(raw["owner"]),
        review=_squash(raw["review"]),
        intro=_squash(raw["intro"]),
        sections=sections,
        code_of_conduct=tuple(
            ConductRule(c["id"], _squash(c["rule"])) for c in raw["code_of_conduct"]
        ),
        actions=tuple(
            Action(
                a["id"],
                _squash(a["label"]),
                _squash(a["meaning"]),
                bool(a["needs_reply"]),
                _squash(a["usually_wrong"]),
            )
            for a in raw["actions"]
        ),
        routes=tuple(
            Route(
                r["id"],
                _squash(r["role"]),
                _squash(r["handles"]),
                _squash(r["contact"]),
                _squash(r["response_target"]),
                _squash(r["backup"]),
            )
            for r in raw["escalation_routes"]
        ),
    )
    _unique([s.id for s in policy.sections], "section")
    _unique([str(s.number) for s in policy.sections], "section number")
    _unique([a.id for a in policy.actions], "action")
    _unique([r.id for r in policy.routes], "escalation route")
    return policy
