"""Metrics by channel and by week from the campaign table, plus the marketing funnel.

Rates are worked out from totals (all clicks ÷ all impressions), never by averaging weekly
rates, which would give small weeks as much weight as big ones.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from coursework_kit.errors import MetricInputError, MetricLookupError
from coursework_kit.metrics import marketing

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "CHANNEL_METRICS",
    "FUNNEL_STAGES",
    "SPEND_MEASURES",
    "by_channel",
    "by_week",
    "channel_label",
    "channel_roi",
    "channel_value",
    "funnel",
    "not_applicable",
    "reasons",
    "shown_not_applicable",
]

# metric id -> the two campaign-table columns its function takes, in order
CHANNEL_METRICS: dict[str, tuple[str, str]] = {
    "ctr": ("clicks", "impressions"),
    "conversion_rate": ("conversions", "sessions"),
    "cpc": ("spend", "clicks"),
    "cpm": ("spend", "impressions"),
    "cpa": ("spend", "conversions"),
    "cac": ("spend", "new_customers"),
    "aov": ("revenue", "orders"),
    "roi": ("revenue", "spend"),
    "roas": ("revenue", "spend"),
    "engagement_rate": ("engagements", "reach"),
    "bounce_rate": ("bounced_sessions", "sessions"),
}

FUNNEL_STAGES = ("impressions", "clicks", "sessions", "conversions")


def channel_label(channel: str) -> str:
    """ "paid_search" -> "Paid search"."""
    return channel.replace("_", " ").capitalize()


def channel_roi(revenue: float, spend: float) -> float | None:
    """A channel's return on investment (%) from its totals: (revenue − spend) ÷ spend × 100.

    None when nothing was spent on the channel (organic social, where staff time is not
    counted): with no investment there is no return on it to work out. The dashboard, the
    channel table (:func:`~coursework_kit.metrics.channel_metrics`) and the campaign planner's
    projection all work out a channel's ROI here.

    >>> channel_roi(1500, 500), channel_roi(300, 0)
    (200.0, None)
    """
    return marketing.roi(revenue, spend) if spend else None


# Measures of the money spent on a channel (per click, per thousand impressions, per
# conversion, per new customer, and the returns on it): with nothing spent they do not apply,
# even where the sum would give £0.00, or a free channel would look the cheapest.
SPEND_MEASURES = frozenset({"cpc", "cpm", "cpa", "cac", "roi", "roas"})


def not_applicable(metric: str, first: float, second: float) -> str:
    """Why ``metric`` has no figure for a channel whose totals of its two columns (see
    :data:`CHANNEL_METRICS`) are ``first`` and ``second``: "no spend", "no clicks"...; ""
    when it has one.

    >>> not_applicable("cpc", 0, 120), not_applicable("aov", 300, 0), not_applicable("ctr", 5, 90)
    ('no spend', 'no orders', '')
    """
    columns = dict(zip(_metric_columns(metric), (first, second), strict=True))
    if metric in SPEND_MEASURES and not columns["spend"]:
        return "no spend"
    if not second:
        return "no " + _metric_columns(metric)[1].replace("_", " ")
    return ""


def channel_value(metric: str, first: float, second: float) -> float | None:
    """``metric`` from a channel's totals of its two columns; None where it does not apply
    (:func:`not_applicable` says why). Every per-channel figure in the kit comes from here."""
    if not_applicable(metric, first, second):
        return None
    if metric == "roi":
        return channel_roi(first, second)
    function: Callable[[object, object], float] = getattr(marketing, metric)
    try:
        return function(first, second)
    except MetricInputError:
        return None


def shown_not_applicable(reason: str) -> str:
    """How a figure that does not apply is written: "n/a (no spend)", or "n/a"."""
    return f"n/a ({reason})" if reason else "n/a"


def _metric_columns(metric: str) -> tuple[str, str]:
    if metric not in CHANNEL_METRICS:
        raise MetricLookupError(
            f"{metric!r} cannot be shown by channel; choose one of {', '.join(CHANNEL_METRICS)}."
        )
    return CHANNEL_METRICS[metric]


def by_channel(frame: pd.DataFrame, metric: str) -> dict[str, float | None]:
    """``metric`` for each channel over all weeks (None where it does not apply)."""
    a, b = _metric_columns(metric)
    totals = frame.groupby("channel", sort=False)[[a, b]].sum()
    return {
        str(ch): channel_value(metric, float(row[a]), float(row[b]))
        for ch, row in totals.iterrows()
    }


def reasons(frame: pd.DataFrame, metric: str) -> dict[str, str]:
    """For each channel, why ``metric`` does not apply to it over all weeks ("" where it
    does): the reason :func:`by_channel` gives None."""
    a, b = _metric_columns(metric)
    totals = frame.groupby("channel", sort=False)[[a, b]].sum()
    return {
        str(ch): not_applicable(metric, float(row[a]), float(row[b]))
        for ch, row in totals.iterrows()
    }


def by_week(frame: pd.DataFrame, metric: str) -> dict[str, list[tuple[int, float | None]]]:
    """``metric`` week by week for each channel: {channel: [(week, value), ...]}."""
    a, b = _metric_columns(metric)
    series: dict[str, list[tuple[int, float | None]]] = {}
    totals = frame.groupby(["channel", "week"], sort=False)[[a, b]].sum()
    for key, row in totals.iterrows():
        channel, week = cast("tuple[str, int]", key)
        value = channel_value(metric, float(row[a]), float(row[b]))
        series.setdefault(str(channel), []).append((int(week), value))
    return {ch: sorted(points) for ch, points in series.items()}


def funnel(frame: pd.DataFrame, channel: str | None = None) -> list[tuple[str, int]]:
    """Totals at each funnel stage (impressions -> clicks -> sessions -> conversions)."""
    rows = frame if channel is None else frame[frame["channel"] == channel]
    if channel is not None and rows.empty:
        raise MetricLookupError(f"There is no channel {channel!r} in this table.")
    return [(stage, int(rows[stage].sum())) for stage in FUNNEL_STAGES]
