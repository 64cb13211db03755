"""The result of checking a campaign: findings, each with why it matters."""

from __future__ import annotations

import html
from dataclasses import dataclass

__all__ = ["LEVELS", "SOURCE", "CampaignCheck", "Finding"]

SOURCE = (
    "PECR regulations 22 and 23; ICO guidance on direct marketing using electronic mail, "
    "as at November 2026"
)
LEVELS = {"problem": "Must fix", "warning": "Worth improving", "good": "Good"}
_MARKS = {"problem": ("✘", "#82071e"), "warning": ("!", "#9a6700"), "good": ("✔", "#1a7f37")}


@dataclass(frozen=True)
class Finding:
    """One result of a check: how serious it is, what to do, and why it matters."""

    level: str  # "problem" (must fix before sending), "warning" or "good"
    check: str  # which check: "subject", "preview", "personalisation", ...
    message: str
    why: str
    source: str = ""

    def __repr__(self) -> str:
        return f"{LEVELS[self.level]}: {self.message}"


@dataclass(frozen=True)
class CampaignCheck:
    """All the findings for a campaign; it is ready to send when none is a problem."""

    findings: tuple[Finding, ...]

    @property
    def problems(self) -> list[Finding]:
        return [f for f in self.findings if f.level == "problem"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.level == "warning"]

    @property
    def ready(self) -> bool:
        return not self.problems

    def __repr__(self) -> str:
        head = "Ready to send." if self.ready else f"{len(self.problems)} problem(s) to fix."
        return "\n".join([head, *(f"- {f!r}" for f in self.findings)])

    def _repr_html_(self) -> str:
        items = []
        for f in sorted(self.findings, key=lambda f: list(LEVELS).index(f.level)):
            mark, colour = _MARKS[f.level]
            source = f" <small>Source: {html.escape(f.source)}.</small>" if f.source else ""
            items.append(
                f"<li style='border-left:4px solid {colour};padding-left:6px;margin:4px 0'>"
                f"<strong>{mark} {LEVELS[f.level]}:</strong> {html.escape(f.message)}<br>"
                f"<em>Why it matters:</em> {html.escape(f.why)}{source}</li>"
            )
        head = (
            "Ready to send: nothing must be fixed."
            if self.ready
            else f"Not ready: {len(self.problems)} thing(s) must be fixed before sending."
        )
        return (
            f"<div role='status'><p><strong>{head}</strong></p>"
            f"<ul style='list-style:none;padding-left:0'>{''.join(items)}</ul></div>"
        )
