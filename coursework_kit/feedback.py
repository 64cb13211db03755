"""The one feedback vocabulary every activity's ``assess()`` returns.

One scale of severity, chosen once for the whole kit:

- ``must fix``: a problem to put right (a breach, a missing unsubscribe link, a wrong figure);
- ``should fix``: it works, but could be better;
- ``good``: something done well, said so the learner knows to keep doing it;
- ``unsure``: the kit could not tell; a person should look, and no mark is taken away for it.

A :class:`Feedback` is what the live hints, the end-of-activity report, the portfolio page and
grading all read, so they cannot disagree. A :class:`SelfCheck` is the one result of every
formative self-check in the workbooks (a figure, a step of a projection, a moderation choice).
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from coursework_kit._english import after_verdict

__all__ = [
    "SEVERITIES",
    "Feedback",
    "Finding",
    "SelfCheck",
    "Severity",
    "counts",
    "findings_html",
    "ordered",
]

Severity = Literal["must fix", "should fix", "good", "unsure"]
SEVERITIES: tuple[Severity, ...] = ("must fix", "should fix", "unsure", "good")

_LOOK = {
    "must fix": ("✗ Must fix", "#82071e", "#ffebe9"),
    "should fix": ("! Should fix", "#6a4a00", "#fff8c5"),
    "unsure": ("? Not sure", "#3a3a3a", "#eaeef2"),
    "good": ("✓ Good", "#1a5e20", "#dafbe1"),
}


@dataclass(frozen=True)
class Finding:
    """One thing a check found.

    ``check`` is a short id of the rule ("alt-text", "unsubscribe", "verification"...);
    ``message`` says what was found; ``why`` says why it matters; ``quote`` holds the
    learner's own words it is about; ``where`` says where (a turn, a field, a question);
    ``source`` names the rule's source (ICO guidance, an Act and section) where there is one;
    ``criteria`` are the catalogue codes the finding is evidence for or against.
    """

    severity: Severity
    check: str
    message: str
    why: str = ""
    quote: str = ""
    where: str = ""
    source: str = ""
    criteria: tuple[str, ...] = ()

    def __repr__(self) -> str:
        return f"[{self.severity}] {self.message}"

    def __str__(self) -> str:
        """The finding in words: what was found, then the learner's words it is about."""
        return f"{self.message} ({self.quote!r})" if self.quote else self.message

    def _repr_html_(self) -> str:
        label, colour, background = _LOOK[self.severity]
        parts = [
            f"<li style='margin-bottom:4px'><span style='color:{colour};background:{background};"
            f"padding:0 4px;border-radius:3px;font-weight:bold'>{label}</span> "
            f"{html.escape(self.message)}"
        ]
        if self.quote:
            parts.append(f"<br><q>{html.escape(self.quote)}</q>")
        if self.why:
            parts.append(f"<br><em>Why it matters:</em> {html.escape(self.why)}")
        if self.source:
            parts.append(f" <small>Source: {html.escape(self.source)}</small>")
        return "".join(parts) + "</li>"


def ordered(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    """Must fix first, then should fix, unsure and good; otherwise in the order found."""
    return tuple(sorted(findings, key=lambda f: SEVERITIES.index(f.severity)))


def counts(findings: Iterable[Finding]) -> dict[Severity, int]:
    """How many findings there are of each severity (every severity present, 0 or more)."""
    found: dict[Severity, int] = dict.fromkeys(SEVERITIES, 0)
    for f in findings:
        found[f.severity] += 1
    return found


def findings_html(findings: Iterable[Finding]) -> str:
    """The findings as an HTML list, in the order given (empty text when there are none)."""
    items = "".join(f._repr_html_() for f in findings)
    return f"<ul style='list-style:none;padding-left:0'>{items}</ul>" if items else ""


@dataclass(frozen=True)
class Feedback:
    """An activity's assessment: findings, and the marks where the activity has marks.

    ``score`` and ``out_of`` are the activity's own marks (questions right, criteria met);
    ``criteria`` maps each catalogue code the activity assessed to whether it was met.
    """

    activity: str
    summary: str
    findings: tuple[Finding, ...] = ()
    score: float | None = None
    out_of: float | None = None
    criteria: dict[str, bool] = field(default_factory=dict)

    @property
    def ready(self) -> bool:
        """True when nothing must be fixed."""
        return not any(f.severity == "must fix" for f in self.findings)

    def of(self, severity: Severity) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == severity)

    @property
    def share(self) -> float:
        """The share of marks earned, 0 to 1 (0 when there is nothing to earn)."""
        if not self.out_of or self.score is None:
            return 0.0
        return max(0.0, min(1.0, self.score / self.out_of))

    def __repr__(self) -> str:
        marks = "" if self.score is None else f" ({self.score:g} out of {self.out_of:g})"
        lines = [f"{self.summary}{marks}"]
        lines += [f"  {f!r}" for f in ordered(self.findings)]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        marks = (
            "" if self.score is None else f" <strong>{self.score:g} out of {self.out_of:g}</strong>"
        )
        listed = findings_html(ordered(self.findings))
        return f"<div class='ck-feedback'><p>{html.escape(self.summary)}{marks}</p>{listed}</div>"


@dataclass(frozen=True)
class SelfCheck:
    """The result of a self-check: right or not, and what to say to the learner.

    ``label`` names what was checked as the learner knows it ("Click-through rate (CTR)"), so
    several checks in one cell can be told apart ("" when the cell checks one thing);
    ``answered`` is False while the answer is still ``None``: that is neither right nor wrong.
    ``check`` is the id of what was checked ("ctr", "clicks", a queue item's id).
    """

    correct: bool
    message: str
    label: str = ""
    answered: bool = True
    check: str = ""

    def __repr__(self) -> str:
        if not self.answered:
            return self.message
        shown = "Right!" if self.correct else "Not yet."
        return f"{shown} {after_verdict(shown, self.message)}".rstrip()

    def _repr_html_(self) -> str:
        from coursework_kit._ui.snippets import verdict

        return verdict(self.correct, self.message, label=self.label, answered=self.answered)
