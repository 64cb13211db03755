"""The channel dashboard widget, driven through its methods."""

from __future__ import annotations

import pytest

from coursework_kit.datasets import load_campaigns
from coursework_kit.metrics import ChannelDashboard


@pytest.fixture(scope="module")
def dashboard():
    return ChannelDashboard(load_campaigns(learner="ab123"))


def test_opens_with_charts_described_for_screen_readers(dashboard):
    """Does it open with a bar chart, a line chart and a funnel, each with alt text?"""
    assert "data:image/png;base64," in dashboard.shown["bars"]
    assert (
        "alt='Bar chart of Click-through rate (CTR) by channel: Paid search"
        in (dashboard.shown["bars"])
    )
    assert "<table>" in dashboard.shown["bars"]  # the figures as text too
    assert "alt='Line chart of" in dashboard.shown["lines"]
    assert "alt='Funnel for All channels: impressions" in dashboard.shown["funnel"]


def test_selecting_a_metric_redraws(dashboard):
    """Does choosing ROI show ROI by channel, with n/a for the channel that has no spend?"""
    dashboard.select("roi")
    assert "Return on investment (ROI) by channel" in dashboard.shown["bars"]
    assert "n/a (no spend)" in dashboard.shown["bars"]
    assert dashboard.values["organic_social"] is None


def test_selecting_a_channel_shows_its_funnel(dashboard):
    """Does choosing a channel show that channel's funnel, and None go back to all?"""
    dashboard.select_channel("email")
    assert "Funnel for Email:" in dashboard.shown["funnel"]
    dashboard.select_channel(None)
    assert "Funnel for All channels:" in dashboard.shown["funnel"]


def test_unknown_metric_is_refused(dashboard):
    """Is a metric that is not on the menu refused?"""
    from traitlets import TraitError

    with pytest.raises(TraitError):
        dashboard.select("nps")
