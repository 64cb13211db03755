"""Campaign and contact-centre metrics, channel performance, a calculator widget, a channel
dashboard and self-checks.

The formulas are plain functions (no widgets, no charts): rates are percentages from 0 to 100,
money is pounds and ROAS is a ratio. The widgets load ipywidgets and matplotlib only when first
asked for. What a learner typed into a calculator is a :class:`.record.CalculatorRecord`
(marked by :func:`.assess.assess`, which works the answer out again from the figures).

Channel performance (conversion rate, AOV, CAC and ROI for each channel of the campaign table)
is :func:`channel_metrics`. Every ROI of a channel (the dashboard, the channel table and the
campaign planner's projection) comes from one function, :func:`channel_roi`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from coursework_kit._lazy import lazy_names
from coursework_kit.metrics.abtest import ABTestResult, ab_test
from coursework_kit.metrics.channel_metrics import ChannelTable, channel_metrics
from coursework_kit.metrics.channels import channel_roi
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
    "ChannelTable",
    "MetricCalculator",
    "ab_test",
    "aht",
    "aov",
    "bounce_rate",
    "cac",
    "calculate",
    "channel_metrics",
    "channel_roi",
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


__getattr__, __dir__ = lazy_names(__name__, _LAZY, __all__)
