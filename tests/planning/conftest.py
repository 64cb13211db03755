"""Shared plans for the campaign tests."""

from __future__ import annotations

from datetime import date

from coursework_kit.planning import CampaignPlan, Channel


def small_plan(budget=2000):
    """The workbook's two-channel test plan."""
    return CampaignPlan(
        "Two-week test",
        "conversion",
        "UK adults interested in homeware",
        budget,
        date(2026, 9, 7),
        date(2026, 9, 20),
        (
            Channel("paid_social", 60, "cpm", 4, 1.2, 2, 55, 50),
            Channel("paid_search", 40, "cpc", 0.5, 5, 2.5, 65, 40),
        ),
    )
