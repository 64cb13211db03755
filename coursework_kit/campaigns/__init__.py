"""Planning integrated campaigns (unit 5, Level 4): a campaign plan as data, its projected
funnel and returns, A/B test sample sizes, and the unit's activities.

The logic is plain functions and frozen dataclasses; the widgets (a campaign planner, a
matching activity and a marketing automation journey builder) load ipywidgets only when first
asked for. Each activity has a sub-package (``planner``, ``matching``, ``automation``) holding
its record (the evidence), the pure ``assess()`` that judges it, and its widget.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from coursework_kit.campaigns.activities import load_activity, load_case_studies
from coursework_kit.campaigns.history import default_channels
from coursework_kit.campaigns.journey import JourneyStep, check_journey
from coursework_kit.campaigns.plan import CampaignPlan, Channel, PlanError, PlanTypeError
from coursework_kit.campaigns.projection import (
    ChannelProjection,
    Comparison,
    Projection,
    compare,
    project,
    sensitivity,
)
from coursework_kit.campaigns.sample_size import ABReading, SampleSize, read_ab_test, sample_size
from coursework_kit.campaigns.selfcheck import check_projection
from coursework_kit.campaigns.summary import summary_html

if TYPE_CHECKING:
    from coursework_kit.campaigns.automation.widget import JourneyBuilder
    from coursework_kit.campaigns.matching.widget import MatchingActivity
    from coursework_kit.campaigns.planner.widget import CampaignPlanner

__all__ = [
    "ABReading",
    "CampaignPlan",
    "CampaignPlanner",
    "Channel",
    "ChannelProjection",
    "Comparison",
    "JourneyBuilder",
    "JourneyStep",
    "MatchingActivity",
    "PlanError",
    "PlanTypeError",
    "Projection",
    "SampleSize",
    "check_journey",
    "check_projection",
    "compare",
    "default_channels",
    "load_activity",
    "load_case_studies",
    "project",
    "read_ab_test",
    "sample_size",
    "sensitivity",
    "summary_html",
]

# Each widget and its module, imported only when first asked for.
_WIDGETS = {
    "CampaignPlanner": "planner.widget",
    "JourneyBuilder": "automation.widget",
    "MatchingActivity": "matching.widget",
}


def __getattr__(name: str) -> Any:
    if name in _WIDGETS:
        module = importlib.import_module(f"{__name__}.{_WIDGETS[name]}")
        return getattr(module, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
