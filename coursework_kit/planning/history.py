"""Default channel assumptions, worked out from Harbour & Pine's campaign history.

Each rate comes from the channel's totals over all the weeks (total clicks ÷ total impressions,
and so on), never from an average of weekly rates, using the metric functions in
:mod:`coursework_kit.metrics`.

In a plan, the conversion rate means orders per 100 **clicks** (the funnel goes impressions,
clicks, orders), so the default is total conversions ÷ total clicks. The history's own
conversion rate (conversions ÷ sessions, see ``datasets/metrics/README.md``) is a little
higher, because some clicks never load the page.

Organic social has no spend in the history, so it has no price to plan with and is left out.
Affiliate "spend" is commission; the planner treats it as a cost per click (commission ÷
clicks), which is how an affiliate budget behaves for a plan this size.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING

from coursework_kit._english import choices, join
from coursework_kit.metrics import aov, conversion_rate, cpc, cpm, ctr
from coursework_kit.planning.plan import CampaignPlan, Channel, PlanError

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "COST_MODEL_BY_CHANNEL",
    "default_channel",
    "default_channels",
    "history_assumptions",
    "sample_plan",
]

# How each paid channel is usually bought.
COST_MODEL_BY_CHANNEL = {
    "paid_search": "cpc",
    "paid_social": "cpm",
    "email": "cpm",
    "display": "cpm",
    "affiliate": "cpc",
}


def history_assumptions(data: pd.DataFrame | None = None) -> dict[str, dict[str, float | str]]:
    """Each paid channel's assumptions from its totals in ``data`` (the course's campaign table
    when None): cost model, cost, CTR, conversion rate, AOV and new-customer share."""
    if data is None:
        from coursework_kit.datasets import load_campaigns

        data = load_campaigns()
    columns = ["impressions", "clicks", "spend", "conversions", "orders", "revenue"]
    totals = data.groupby("channel", sort=False)[[*columns, "new_customers"]].sum()
    found: dict[str, dict[str, float | str]] = {}
    for channel, model in COST_MODEL_BY_CHANNEL.items():
        if channel not in totals.index:
            continue
        row = totals.loc[channel]
        impressions, clicks = int(row["impressions"]), int(row["clicks"])
        spend = round(float(row["spend"]), 2)
        conversions, orders = int(row["conversions"]), int(row["orders"])
        found[channel] = {
            "cost_model": model,
            "cost": cpm(spend, impressions) if model == "cpm" else cpc(spend, clicks),
            "ctr": ctr(clicks, impressions),
            "conversion_rate": conversion_rate(conversions, clicks),
            "aov": aov(round(float(row["revenue"]), 2), orders),
            "new_customer_rate": conversion_rate(int(row["new_customers"]), conversions),
        }
    return found


def default_channels(
    shares: Mapping[str, float], *, data: pd.DataFrame | None = None
) -> tuple[Channel, ...]:
    """Channels with the given shares (% of budget) and the assumptions their history gives.

    Pass a learner's own table as ``data`` (``load_campaigns(learner=...)``) to plan with
    their figures. Rates are rounded to sensible places so they are easy to work with.
    """
    found = history_assumptions(data)
    unknown = [name for name in shares if name not in found]
    if unknown:
        raise PlanError(
            f"There is no paid history for {join(map(repr, unknown))} to take assumptions "
            f"from. Choose from {choices(found)}, or make a Channel with your own figures."
        )
    return tuple(
        Channel(
            name=name,
            share=share,
            cost_model=str(found[name]["cost_model"]),
            cost=round(float(found[name]["cost"]), 2),
            ctr=round(float(found[name]["ctr"]), 2),
            conversion_rate=round(float(found[name]["conversion_rate"]), 2),
            aov=round(float(found[name]["aov"]), 2),
            new_customer_rate=round(float(found[name]["new_customer_rate"]), 1),
        )
        for name, share in shares.items()
    )


def default_channel(name: str, share: float = 0.0, *, data: pd.DataFrame | None = None) -> Channel:
    """One channel with ``share`` % of the budget and the assumptions its history gives."""
    return default_channels({name: share}, data=data)[0]


def sample_plan(data: pd.DataFrame | None = None) -> CampaignPlan:
    """Harbour & Pine's autumn plan, with channel assumptions from the campaign history."""
    shares = {"paid_search": 30, "paid_social": 30, "email": 10, "display": 15, "affiliate": 15}
    return CampaignPlan(
        name="Harbour & Pine autumn homeware",
        objective="acquisition",
        audience="UK adults furnishing a home, aged 25 to 54",
        budget=10000,
        start=date(2026, 9, 1),
        end=date(2026, 10, 31),
        channels=default_channels(shares, data=data),
    )
