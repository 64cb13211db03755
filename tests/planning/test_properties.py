"""Properties that hold for any plan: shares never pass 100%, the funnel never grows."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from coursework_kit.planning import CampaignPlan, Channel, project

shares = st.lists(st.integers(0, 25), min_size=2, max_size=4)  # at most 100% to start
rate = st.floats(0.01, 100, allow_nan=False)


def plan_with(values, **channel):
    figures = {"cost_model": "cpm", "cost": 5, "ctr": 2, "conversion_rate": 3, "aov": 50}
    figures.update(channel)
    return CampaignPlan(
        "P",
        "awareness",
        "Anyone",
        1000,
        date(2026, 1, 1),
        date(2026, 1, 31),
        tuple(Channel(f"c{i}", v, **figures) for i, v in enumerate(values)),
    )


@settings(max_examples=200, deadline=None)
@given(shares, st.integers(0, 3), st.floats(0, 100, allow_nan=False))
def test_rebalancing_never_goes_past_100(values, index, target):
    """Whatever share is asked for, do the shares stay from 0 to 100 and total 100 or less?"""
    plan = plan_with(values)
    name = f"c{index % len(values)}"
    changed = plan.with_share_rebalanced(name, target)
    assert changed.allocated <= 100 + 1e-9
    assert all(c.share >= 0 for c in changed.channels)
    assert changed.channel(name).share == round(target, 2)


@settings(max_examples=200, deadline=None)
@given(rate, rate, st.sampled_from(["cpm", "cpc"]))
def test_the_funnel_never_grows(ctr, conversion_rate, model):
    """Are there never more clicks than impressions, or more orders than clicks?"""
    found = project(plan_with([50, 50], ctr=ctr, conversion_rate=conversion_rate, cost_model=model))
    for item in found.channels:
        assert item.clicks <= item.impressions
        assert item.conversions <= item.clicks
        assert item.new_customers <= item.conversions
