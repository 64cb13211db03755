"""Planning integrated campaigns (unit 5, Level 4): a campaign plan as data, its projected
funnel and returns, A/B test sample sizes, and the unit's activities.

The logic is plain functions and frozen dataclasses; the widgets (a campaign planner and a
matching activity) load ipywidgets only when first asked for. Each activity has a sub-package
(``planner``, ``matching``) holding its record (the evidence), the pure ``assess()`` that
judges it, and its widget. The unit's marketing automation journeys are customer journeys:
they live in :mod:`coursework_kit.journeys.automation`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from coursework_kit._lazy import lazy_names
from coursework_kit.planning.activities import load_activity, load_case_studies
from coursework_kit.planning.history import default_channels
from coursework_kit.planning.plan import CampaignPlan, Channel, PlanError, PlanTypeError
from coursework_kit.planning.projection import (
    ChannelProjection,
    Comparison,
    Projection,
    compare,
    project,
    sensitivity,
)
from coursework_kit.planning.sample_size import ABReading, SampleSize, read_ab_test, sample_size
from coursework_kit.planning.selfcheck import check_projection
from coursework_kit.planning.summary import summary_html

if TYPE_CHECKING:
    from coursework_kit.planning.matching.widget import MatchingActivity
    from coursework_kit.planning.planner.widget import CampaignPlanner

__all__ = [
    "ABReading",
    "CampaignPlan",
    "CampaignPlanner",
    "Channel",
    "ChannelProjection",
    "Comparison",
    "MatchingActivity",
    "PlanError",
    "PlanTypeError",
    "Projection",
    "SampleSize",
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


_WIDGETS = {
    "CampaignPlanner": "coursework_kit.planning.planner.widget",
    "MatchingActivity": "coursework_kit.planning.matching.widget",
}

__getattr__, __dir__ = lazy_names(__name__, _WIDGETS, __all__)
