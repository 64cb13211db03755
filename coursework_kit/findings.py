"""What the writing checks find: posts (:mod:`coursework_kit.social.posts`), the content
calendar (:mod:`coursework_kit.social.calendar`), search snippets and search ads
(:mod:`coursework_kit.search`).

Each :class:`Finding` says how serious it is (must fix, should fix, good), what was found, and
why it matters. :func:`shared` gives them in the kit's one feedback vocabulary
(:class:`coursework_kit.feedback.Finding`), which every ``assess()`` returns.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass

from coursework_kit import feedback

__all__ = [
    "GOOD",
    "MUST_FIX",
    "SEVERITIES",
    "SHOULD_FIX",
    "Finding",
    "counts",
    "findings_html",
    "ordered",
    "shared",
]

MUST_FIX = "must fix"
SHOULD_FIX = "should fix"
GOOD = "good"
SEVERITIES = (MUST_FIX, SHOULD_FIX, GOOD)

_LOOK = {
    MUST_FIX: ("✗ Must fix", "#82071e", "#ffebe9"),
    SHOULD_FIX: ("! Should fix", "#6a4a00", "#fff8c5"),
    GOOD: ("✓ Good", "#1a5e20", "#dafbe1"),
}


@dataclass(frozen=True)
class Finding:
    """One result of a check.

    ``rule`` is a short id ("length", "alt-text", "disclosure"...), ``found`` says what was
    found in this post, ``why`` says why it matters, and ``source`` names the rule's source
    where there is one.
    """

    severity: str
    rule: str
    found: str
    why: str
    source: str = ""

    def __repr__(self) -> str:
        return f"[{self.severity}] {self.rule}: {self.found}"

    def _repr_html_(self) -> str:
        label, colour, background = _LOOK[self.severity]
        source = f" <small>Source: {html.escape(self.source)}</small>" if self.source else ""
        return (
            f"<li style='margin-bottom:4px'><span style='color:{colour};background:{background};"
            f"padding:0 4px;border-radius:3px;font-weight:bold'>{label}</span> "
            f"{html.escape(self.found)}<br><em>Why it matters:</em> {html.escape(self.why)}"
            f"{source}</li>"
        )


def ordered(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    """Must fix first, then should fix, then good; otherwise in the order found."""
    items = list(findings)
    return tuple(sorted(items, key=lambda f: SEVERITIES.index(f.severity)))


def findings_html(findings: Iterable[Finding]) -> str:
    """The findings as an HTML list (empty text when there are none)."""
    items = "".join(f._repr_html_() for f in findings)
    return f"<ul style='list-style:none;padding-left:0'>{items}</ul>" if items else ""


def counts(findings: Iterable[Finding]) -> dict[str, int]:
    found = dict.fromkeys(SEVERITIES, 0)
    for f in findings:
        found[f.severity] += 1
    return found


_SEVERITY: dict[str, feedback.Severity] = {
    MUST_FIX: "must fix",
    SHOULD_FIX: "should fix",
    GOOD: "good",
}


def shared(found: Iterable[Finding], *, where: str = "") -> tuple[feedback.Finding, ...]:
    """These findings as the kit's one kind of finding
    (:class:`coursework_kit.feedback.Finding`)."""
    return tuple(
        feedback.Finding(
            severity=_SEVERITY.get(f.severity, "unsure"),
            check=f.rule,
            message=f.found,
            why=f.why,
            where=where,
            source=f.source,
        )
        for f in found
    )
