"""The unit's widgets, kept in one module each and named here as before: the campaign planner
(:mod:`.planner.widget`), the matching activity (:mod:`.matching.widget`) and the marketing
automation journey builder (:mod:`.automation.widget`).

Each holds its activity's record through an :class:`~coursework_kit.records.ActivitySession`,
so every change is saved within a second and a new widget reopens the learner's latest work.
"""

from __future__ import annotations

from coursework_kit.campaigns.automation.widget import JourneyBuilder
from coursework_kit.campaigns.matching.widget import MatchingActivity
from coursework_kit.campaigns.planner.widget import CampaignPlanner

__all__ = ["CampaignPlanner", "JourneyBuilder", "MatchingActivity"]
