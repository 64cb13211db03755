"""Campaign and contact-centre metrics, a calculator widget, a channel dashboard and
self-checks.

The formulas are plain functions (no widgets, no charts): rates are percentages from 0 to 100,
money is pounds and ROAS is a ratio. The widgets load ipywidgets and matplotlib only when first
asked for. What a learner typed into a calculator is a :class:`.record.CalculatorRecord`
(marked by :func:`.assess.assess`, which works the answer out again from the figures).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from coursework_kit.metrics.abtest import ABTestResult, ab_test
from coursework_kit.metrics.marketing import (
    aov,
    bounce_rate,
    cac,
    click_to_open_rate,
    conversion_rate,
    cpa,
    cpc,
    cpm,
    ctr,
    engagement_rate,
    open_rate,
    roas,
    roi,
    unsubscribe_rate,
)
from coursework_kit.metrics.service import aht, clv, csat, fcr, nps

if TYPE_CHECKING:
    from coursework_kit.metrics.calculator import MetricCalculator
    from coursework_kit.metrics.dashboard import ChannelDashboard

__all__ = [
    "ABTestResult",
    "ChannelDashboard",
    "MetricCalculator",
    "ab_test",
    "aht",
    "aov",
    "bounce_rate",
    "cac",
    "calculate",
    "check_answer",
    "click_to_open_rate",
    "clv",
    "conversion_rate",
    "cpa",
    "cpc",
    "cpm",
    "csat",
    "ctr",
    "engagement_rate",
    "fcr",
    "nps",
    "open_rate",
    "roas",
    "roi",
    "unsubscribe_rate",
]

_LAZY = {
    "MetricCalculator": "coursework_kit.metrics.calculator",
    "ChannelDashboard": "coursework_kit.metrics.dashboard",
    "calculate": "coursework_kit.metrics.calculation",
    "check_answer": "coursework_kit.metrics.selfcheck",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
