"""Metrics by channel and week, and the funnel, from the campaign table."""

from __future__ import annotations

import pandas as pd
import pytest

from coursework_kit.metrics import channels, ctr, roi


@pytest.fixture
def frame():
    # Two channels, two weeks, figures small enough to check by hand.
    rows = [
        ("search", 1, 1000, 50, 40, 20, 2, 1, 100.0, 300.0),
        ("search", 2, 3000, 60, 50, 30, 3, 2, 100.0, 200.0),
        ("organic", 1, 2000, 10, 9, 5, 1, 1, 0.0, 50.0),
        ("organic", 2, 2000, 30, 25, 10, 1, 0, 0.0, 60.0),
    ]
    columns = [
        "channel",
        "week",
        "impressions",
        "clicks",
        "sessions",
        "bounced_sessions",
        "conversions",
        "new_customers",
        "spend",
        "revenue",
    ]
    return pd.DataFrame(rows, columns=columns)


def test_rates_come_from_totals_not_averages(frame):
    """Is search's CTR 110 of 4,000 (2.75%), not the average of 5% and 2%?"""
    assert channels.by_channel(frame, "ctr")["search"] == pytest.approx(ctr(110, 4000))
    assert channels.by_channel(frame, "ctr")["search"] != pytest.approx((5 + 2) / 2)


def test_cost_metrics_do_not_apply_without_spend(frame):
    """Is ROI 'not applicable' (None) for a channel with no spend, rather than an error?"""
    result = channels.by_channel(frame, "roi")
    assert result["organic"] is None
    assert result["search"] == pytest.approx(roi(500, 200))


def test_week_by_week(frame):
    """Does each channel get one point per week, in week order?"""
    weekly = channels.by_week(frame, "ctr")
    assert weekly["search"] == [(1, pytest.approx(5.0)), (2, pytest.approx(2.0))]
    assert [w for w, _ in weekly["organic"]] == [1, 2]


def test_funnel_totals(frame):
    """Does the funnel add up each stage, for all channels or one?"""
    assert channels.funnel(frame) == [
        ("impressions", 8000),
        ("clicks", 150),
        ("sessions", 124),
        ("conversions", 7),
    ]
    assert channels.funnel(frame, "organic")[1] == ("clicks", 40)
    with pytest.raises(KeyError, match="no channel 'tv'"):
        channels.funnel(frame, "tv")


def test_unknown_metric(frame):
    """Is a metric that cannot be shown by channel refused with the choices?"""
    with pytest.raises(KeyError, match="cannot be shown by channel"):
        channels.by_channel(frame, "nps")


def test_shipped_data_gives_a_value_for_every_paid_channel():
    """Does the course table give a CTR for every channel and an ROI for every paid one?"""
    from coursework_kit.datasets import load_campaigns

    data = load_campaigns()
    assert all(v is not None for v in channels.by_channel(data, "ctr").values())
    rois = channels.by_channel(data, "roi")
    assert rois["organic_social"] is None
    assert all(v is not None for k, v in rois.items() if k != "organic_social")


def test_every_roi_of_a_channel_is_worked_out_by_channel_roi(monkeypatch):
    """Do the dashboard's figures, the channel table and the planner's projection all get a
    channel's figures from channel_value, and its ROI from channel_roi (None with no spend),
    so they cannot disagree?"""
    from datetime import date

    from coursework_kit.datasets import load_campaigns
    from coursework_kit.metrics import channel_metrics, channel_roi
    from coursework_kit.planning import CampaignPlan, Channel, project

    assert channel_roi(300.0, 100.0) == roi(300.0, 100.0)
    assert channel_roi(50.0, 0.0) is None
    assert channels.channel_value("roi", 300.0, 100.0) == channel_roi(300.0, 100.0)
    asked = []
    real = channels.channel_value

    def counted(metric, first, second):
        if metric == "roi":
            asked.append((first, second))
        return real(metric, first, second)

    monkeypatch.setattr(channels, "channel_value", counted)
    monkeypatch.setattr("coursework_kit.planning.projection.channel_value", counted)
    data = load_campaigns(learner="ab123")
    totals = data.groupby("channel")[["revenue", "spend"]].sum()
    expected = {
        c: channel_roi(float(r["revenue"]), float(r["spend"])) for c, r in totals.iterrows()
    }
    assert channels.by_channel(data, "roi") == expected
    assert expected["organic_social"] is None
    assert {r.channel: r.roi for r in channel_metrics(data).rows} == expected
    plan = CampaignPlan(
        "Test", "conversion", "Adults", 1000, date(2026, 9, 7), date(2026, 9, 20),
        (Channel("paid_search", 100, "cpc", 0.5, 5, 2.5, 65, 40),),
    )  # fmt: skip
    found = project(plan)
    assert found.channel("paid_search").roi == channel_roi(found.revenue, found.spend)
    assert found.roi == found.channel("paid_search").roi  # the plan's total, one channel
    assert len(asked) == 2 * len(expected) + 3  # dashboard, table, channel twice, total
