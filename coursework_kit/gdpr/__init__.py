"""Data protection, ePrivacy and consumer-law checks for the UK (UK GDPR, Data Protection Act
2018, PECR), reflecting the law as at November 2026.

The rules are plain functions; the widgets load ipywidgets only when first asked for. The
decision scenarios' evidence is a :class:`.record.DecisionRecord` (marked by
:func:`.assess.assess`); the tools' is a calculator record (marked by
:func:`coursework_kit.metrics.assess.assess`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from coursework_kit._lazy import lazy_names
from coursework_kit.errors import GdprInputError, GdprTypeError
from coursework_kit.gdpr.cookies import (
    CookieRule,
    cookie_needs_consent,
    cookie_purposes,
    cookie_rule,
)
from coursework_kit.gdpr.deadlines import BreachDecision, breach_notification, dsar_deadline
from coursework_kit.gdpr.marketing import MarketingVerdict, check_electronic_marketing

if TYPE_CHECKING:
    from coursework_kit.gdpr.calculator import (
        AccessDeadlineCalculator,
        BreachHelper,
        MarketingPermissionChecker,
    )
    from coursework_kit.gdpr.widget import ScenarioQuiz

__all__ = [
    "AccessDeadlineCalculator",
    "BreachDecision",
    "BreachHelper",
    "CookieRule",
    "GdprInputError",
    "GdprTypeError",
    "MarketingPermissionChecker",
    "MarketingVerdict",
    "ScenarioQuiz",
    "breach_notification",
    "check_electronic_marketing",
    "cookie_needs_consent",
    "cookie_purposes",
    "cookie_rule",
    "dsar_deadline",
]


_WIDGETS = {
    "AccessDeadlineCalculator": "coursework_kit.gdpr.calculator",
    "BreachHelper": "coursework_kit.gdpr.calculator",
    "MarketingPermissionChecker": "coursework_kit.gdpr.calculator",
    "ScenarioQuiz": "coursework_kit.gdpr.widget",
}


__getattr__, __dir__ = lazy_names(__name__, _WIDGETS, __all__)
