"""Cookies and similar technologies: PECR regulation 6 and its exceptions (Schedule A1).

The purposes, and the reason each does or does not need consent, are data
(``datasets/gdpr/cookies.yaml``), with their source and the date they reflect. The Data (Use
and Access) Act 2025 added the statistical-purposes (analytics) and appearance exceptions, in
force from 5 February 2026; they apply only when users get clear information and a simple,
free way to object.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from functools import cache

from coursework_kit.gdpr.deadlines import _choice

__all__ = ["CookieRule", "cookie_needs_consent", "cookie_purposes", "cookie_rule"]


@dataclass(frozen=True)
class CookieRule:
    purpose: str
    label: str
    needs_consent: bool
    exception: str
    reason: str
    conditions: str
    duaa_changed: bool
    source: str

    def _repr_html_(self) -> str:
        verdict = "Needs consent" if self.needs_consent else "No consent needed"
        change = (
            " <em>Changed by the Data (Use and Access) Act 2025.</em>" if self.duaa_changed else ""
        )
        return (
            f"<div role='status'><strong>{html.escape(self.label)}: {verdict}</strong>"
            f" (exception: {html.escape(self.exception)}).{change}"
            f"<p>{html.escape(self.reason)}</p><p>{html.escape(self.conditions)}</p>"
            f"<p><small>Source: {html.escape(self.source)}</small></p></div>"
        )


@cache
def _rules() -> dict[str, CookieRule]:
    from coursework_kit.datasets._shipped import load_shipped

    raw = load_shipped("gdpr/cookies.yaml", schema="gdpr/cookies.schema.json")
    return {
        p["id"]: CookieRule(
            p["id"],
            p["label"],
            p["needs_consent"],
            p["exception"],
            " ".join(p["reason"].split()),
            " ".join(p["conditions"].split()),
            p["duaa_changed"],
            " ".join(raw["source"].split()),
        )
        for p in raw["purposes"]
    }


def cookie_purposes() -> tuple[str, ...]:
    """The purposes the rules know, e.g. "shopping_basket", "analytics", "advertising"."""
    return tuple(_rules())


def cookie_rule(purpose: str) -> CookieRule:
    """Everything about one purpose: consent or not, the exception, the conditions, the source."""
    return _rules()[_choice(purpose, _rules(), "cookie purpose")]


def cookie_needs_consent(purpose: str) -> bool:
    """Does a cookie for ``purpose`` need the user's consent first?

    >>> cookie_needs_consent("shopping_basket"), cookie_needs_consent("advertising")
    (False, True)
    """
    return cookie_rule(purpose).needs_consent
