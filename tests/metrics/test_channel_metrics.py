"""Channel performance from the campaign table, with the metric functions."""

from __future__ import annotations

import pytest

from coursework_kit.datasets import load_campaigns
from coursework_kit.errors import CourseworkError
from coursework_kit.metrics import aov, cac, channel_metrics, conversion_rate, roi


@pytest.fixture(scope="module")
def frame():
    return load_campaigns(learner="ab123")


def test_each_measure_is_the_metric_function_on_totals(frame):
    """Is each channel's figure the metric function applied to its 12-week totals?"""
    table = channel_metrics(frame)
    social = frame[frame["channel"] == "paid_social"]
    totals = {
        c: float(social[c].sum()) for c in social.columns if c not in ("channel", "week_start")
    }
    row = table.row("paid_social")
    # pandas and Python may add the pennies in a different order: equal to a billionth
    assert row.conversion_rate == pytest.approx(
        conversion_rate(totals["conversions"], totals["sessions"]), rel=1e-9
    )
    assert row.aov == pytest.approx(aov(totals["revenue"], totals["orders"]), rel=1e-9)
    assert row.cac == pytest.approx(cac(totals["spend"], totals["new_customers"]), rel=1e-9)
    assert row.roi == pytest.approx(roi(totals["revenue"], totals["spend"]), rel=1e-9)


def test_no_spend_means_no_cost_measures(frame):
    """With no spend counted, are CAC and ROI shown as n/a rather than £0 or an error?"""
    row = channel_metrics(frame).row("organic_social")
    assert row.cac is None
    assert row.roi is None
    assert row.shown("cac") == "n/a (no spend)"


def test_table_shows_every_channel_and_the_formulas(frame):
    """Does the table list all six channels with the four measures and their formulas?"""
    table = channel_metrics(frame)
    assert len(table.rows) == 6
    page = table._repr_html_()
    for words in ("Conversion rate", "AOV", "CAC", "ROI", "spend ÷ new customers"):
        assert words in page
    assert "Paid search" in repr(table)


def test_best_channel(frame):
    """Is the best channel the lowest CAC, but the highest for the other measures?"""
    table = channel_metrics(frame)
    cacs = {r.channel: r.cac for r in table.rows if r.cac is not None}
    assert table.best("cac") == min(cacs, key=cacs.get)
    with pytest.raises(CourseworkError, match="Choose one of"):
        table.best("ctr")


def test_a_table_without_the_columns_is_refused(frame):
    """Is a table that is not the campaign table refused plainly?"""
    with pytest.raises(CourseworkError, match="load_campaigns"):
        channel_metrics(frame.drop(columns=["new_customers"]))
