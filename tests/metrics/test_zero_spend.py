"""A cost measure over no spend is "n/a (no spend)" everywhere, never £0.00."""

from __future__ import annotations

from datetime import date

import pytest

from coursework_kit.datasets import load_campaigns
from coursework_kit.metrics import ChannelDashboard, channel_metrics
from coursework_kit.metrics import channels as ch
from coursework_kit.planning import CampaignPlan, Channel, project

COSTS = ("cpc", "cpm", "cpa", "cac", "roi", "roas")


@pytest.fixture(scope="module")
def frame():
    return load_campaigns(learner="ab123")


@pytest.fixture(scope="module")
def dashboard(frame):
    return ChannelDashboard(frame, metric="cac")


def test_the_issues_dashboard_shows_no_free_channel(dashboard):
    """Does the CAC dashboard show organic social as n/a with the reason, not £0.00?"""
    assert dashboard.values["organic_social"] is None
    bars = dashboard.shown["bars"]
    assert "<th scope='row'>Organic social</th><td>n/a (no spend)</td>" in bars
    assert "Organic social n/a (no spend)" in bars  # the chart's alt text says so too


@pytest.mark.parametrize("metric", COSTS)
def test_every_cost_measure_is_na_with_no_spend(frame, metric):
    """Are CPC, CPM, CPA, CAC, ROI and ROAS n/a (no spend) for organic social, by channel and
    by week (what the dashboard draws and tabulates), while paid channels keep their figures?"""
    assert ch.by_channel(frame, metric)["organic_social"] is None
    assert ch.reasons(frame, metric)["organic_social"] == "no spend"
    assert all(v is None for _, v in ch.by_week(frame, metric)["organic_social"])
    assert ch.by_channel(frame, metric)["paid_search"] is not None
    assert ch.reasons(frame, metric)["paid_search"] == ""


def test_the_dashboard_table_gives_each_reason(dashboard):
    """After choosing CPM, is organic social still n/a (no spend) and never £0.00?"""
    dashboard.select("cpm")
    assert "Organic social</th><td>n/a (no spend)</td>" in dashboard.shown["bars"]
    assert "Organic social</th><td>£0.00" not in dashboard.shown["bars"]


def test_other_figures_that_do_not_apply_give_their_own_reason():
    """Is a figure with nothing to divide by n/a with that reason (no orders, no clicks), and
    a channel that spent money on nothing not given a cost of £0?"""
    assert ch.not_applicable("aov", 300, 0) == "no orders"
    assert ch.not_applicable("cpc", 50, 0) == "no clicks"
    assert ch.not_applicable("cac", 0, 0) == "no spend"
    assert ch.not_applicable("ctr", 0, 100) == ""
    assert ch.channel_value("ctr", 0, 100) == 0.0  # no clicks is a real 0% CTR
    assert ch.channel_value("cpc", 0, 100) is None
    assert ch.shown_not_applicable("no orders") == "n/a (no orders)"


def test_unit_2_channel_table_gives_the_reason(frame):
    """Does the channel table show CAC and ROI as n/a (no spend), and leave the channel out of
    'cheapest CAC'?"""
    table = channel_metrics(frame)
    row = table.row("organic_social")
    assert (row.shown("cac"), row.shown("roi")) == ("n/a (no spend)", "n/a (no spend)")
    assert "n/a (no spend)" in repr(table)
    assert table.best("cac") != "organic_social"


def test_a_plan_channel_with_no_spend_is_na_with_the_reason():
    """In a projection, is a channel given no budget shown n/a (no spend) for CAC, ROI, ROAS?"""
    plan = CampaignPlan(
        "Split", "conversion", "Adults", 1000, date(2026, 9, 7), date(2026, 9, 20),
        (
            Channel("paid_search", 100, "cpc", 0.5, 5, 2.5, 65, 40),
            Channel("email", 0, "cpm", 2, 4, 3, 60, 10),
        ),
    )  # fmt: skip
    found = project(plan)
    email = found.channel("email")
    assert (email.cac, email.roi, email.roas) == (None, None, None)
    rows = {row["Channel"]: row for row in found.table()}
    assert rows["Email"]["CAC"] == rows["Email"]["ROI"] == "n/a (no spend)"
    assert rows["Paid search"]["CAC"].startswith("£")
