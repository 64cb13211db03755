"""A campaign plan as data: objective, audience, budget, dates and channels with assumptions.

Plans are frozen dataclasses. Every figure is checked when the plan is made, so an impossible
plan (channels given more than the whole budget, a conversion rate over 100%, an end date
before the start) raises :class:`PlanError` with a message that says what to change.

Units follow :mod:`coursework_kit.metrics`: rates and shares are percentages (0 to 100), money
is pounds. To change a plan, make a new one with :meth:`CampaignPlan.with_allocation` or
:meth:`CampaignPlan.with_assumption`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from datetime import date
from numbers import Real
from typing import Any

from coursework_kit._english import choices, join, readable
from coursework_kit.errors import PlanError, PlanTypeError
from coursework_kit.metrics.channels import channel_label

__all__ = [
    "ASSUMPTIONS",
    "COST_MODELS",
    "OBJECTIVES",
    "CampaignPlan",
    "Channel",
    "PlanError",
    "PlanTypeError",
]

# Each objective, and the measure that shows best whether a plan meets it.
OBJECTIVES = {
    "awareness": "impressions: how many times people see the campaign",
    "acquisition": "new customers and the customer acquisition cost (CAC)",
    "conversion": "conversions and the return on ad spend (ROAS)",
    "retention": "repeat orders from existing customers and the return on investment (ROI)",
    "reactivation": "orders from customers who had stopped buying, and the ROI",
}
# "cpm": pay per 1,000 impressions; "cpc": pay per click.
COST_MODELS = ("cpm", "cpc")
# The assumptions a channel makes, with the words used for them in messages.
ASSUMPTIONS = {
    "cost": "cost (CPM or CPC, £)",
    "ctr": "click-through rate (%)",
    "conversion_rate": "conversion rate (%)",
    "aov": "average order value (£)",
    "new_customer_rate": "share of orders from new customers (%)",
}
_PERCENTAGES = ("ctr", "conversion_rate", "new_customer_rate")
_TOLERANCE = 1e-9


def _number(value: object, label: str) -> float:
    if isinstance(value, bool) or not isinstance(value, Real):
        shown = repr(value) if isinstance(value, str) else type(value).__name__
        raise PlanTypeError(
            f"The {label} must be a number, not {shown}. Type it without quotes, for example 2.5."
        )
    result = float(value)
    if not math.isfinite(result):
        raise PlanError(f"The {label} must be an ordinary number, not {result}.")
    if result < 0:
        raise PlanError(f"The {label} cannot be negative (you gave {value}). Use 0 or more.")
    return result


def _percentage(value: object, label: str) -> float:
    result = _number(value, label)
    if result > 100:
        raise PlanError(
            f"The {label} cannot be more than 100% (you gave {value}). Type a percentage "
            "from 0 to 100, for example 2.5 for 2.5%."
        )
    return result


def _text(value: object, label: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise PlanTypeError(f"The {label} must be some text, for example 'paid_search'.")
    return value.strip()


def _date(value: object, label: str) -> date:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise PlanTypeError(
        f"The {label} must be a date written as year-month-day, for example '2026-09-01'; "
        f"{value!r} is not one."
    )


@dataclass(frozen=True)
class Channel:
    """One channel in a plan: its share of the budget and what we assume it will do.

    ``share`` is the percentage of the plan's budget it gets. ``cost_model`` is "cpm" (pay per
    1,000 impressions) or "cpc" (pay per click), and ``cost`` is that price in pounds. ``ctr``
    is clicks per 100 impressions, ``conversion_rate`` orders per 100 clicks, ``aov`` the
    average order value and ``new_customer_rate`` the percentage of orders from new customers.
    """

    name: str
    share: float
    cost_model: str
    cost: float
    ctr: float
    conversion_rate: float
    aov: float
    new_customer_rate: float = 100.0

    def __post_init__(self) -> None:
        name = _text(self.name, "channel name")
        object.__setattr__(self, "name", name)
        said, heading = readable(name), channel_label(name)
        object.__setattr__(self, "share", _percentage(self.share, f"share of budget for {said}"))
        if self.cost_model not in COST_MODELS:
            raise PlanError(
                f"{heading}: the cost model must be 'cpm' (pay per 1,000 impressions) or 'cpc' "
                f"(pay per click), not {self.cost_model!r}."
            )
        cost = _number(self.cost, f"{self.cost_model.upper()} for {said}")
        if cost == 0:
            raise PlanError(
                f"{heading}: a {self.cost_model.upper()} of £0 would mean unlimited "
                f"{'impressions' if self.cost_model == 'cpm' else 'clicks'} for free. "
                "Give the price you expect to pay, for example 5.50."
            )
        object.__setattr__(self, "cost", cost)
        for key in _PERCENTAGES:
            label = f"{ASSUMPTIONS[key].removesuffix(' (%)')} for {said}"
            object.__setattr__(self, key, _percentage(getattr(self, key), label))
        object.__setattr__(self, "aov", _number(self.aov, f"average order value for {said}"))
        if self.cost_model == "cpc" and self.ctr == 0:
            raise PlanError(
                f"{heading}: with a click-through rate of 0% nobody would ever click, so a "
                "pay-per-click budget could not be spent. Give a CTR above 0."
            )

    def __repr__(self) -> str:
        return (
            f"Channel({self.name!r}, share={self.share:g}%, {self.cost_model}=£{self.cost:g}, "
            f"ctr={self.ctr:g}%, conversion_rate={self.conversion_rate:g}%, aov=£{self.aov:g})"
        )


@dataclass(frozen=True)
class CampaignPlan:
    """A whole campaign: what it is for, who it is for, the money, the dates and the channels.

    The channels' shares may add up to less than 100% (the rest is shown as unallocated) but
    never more.
    """

    name: str
    objective: str
    audience: str
    budget: float
    start: date
    end: date
    channels: tuple[Channel, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", _text(self.name, "campaign name"))
        object.__setattr__(self, "audience", _text(self.audience, "audience"))
        if self.objective not in OBJECTIVES:
            raise PlanError(
                f"{self.objective!r} is not an objective the planner knows. Choose "
                f"{join(OBJECTIVES, last='or')}."
            )
        budget = _number(self.budget, "total budget (£)")
        if budget == 0:
            raise PlanError("The total budget must be more than £0 for the plan to buy anything.")
        object.__setattr__(self, "budget", budget)
        start, end = _date(self.start, "start date"), _date(self.end, "end date")
        if end < start:
            raise PlanError(
                f"The end date ({end:%d %B %Y}) is before the start date ({start:%d %B %Y}). "
                "Move the end date later, or the start date earlier."
            )
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        channels = tuple(self.channels)
        for channel in channels:
            if not isinstance(channel, Channel):
                raise PlanTypeError(
                    f"Each channel must be a Channel, not {type(channel).__name__}."
                )
        names = [c.name for c in channels]
        repeated = sorted({n for n in names if names.count(n) > 1})
        if repeated:
            raise PlanError(
                f"{join(map(channel_label, repeated))} "
                f"{'appears' if len(repeated) == 1 else 'each appear'} more than once. "
                "Give each channel one line, and put its whole share there."
            )
        object.__setattr__(self, "channels", channels)
        total = sum(c.share for c in channels)
        if total > 100 + _TOLERANCE:
            shares = join(f"{channel_label(c.name)} {c.share:g}%" for c in channels)
            raise PlanError(
                f"The channels add up to {total:g}% of the budget ({shares}). Reduce one or "
                f"more shares by {total - 100:g} percentage points in all, so they total 100% "
                "or less."
            )

    # -- reading ---------------------------------------------------------------------------

    @property
    def days(self) -> int:
        """How many days the campaign runs, counting the first and last days."""
        return (self.end - self.start).days + 1

    @property
    def allocated(self) -> float:
        """The percentage of the budget given to channels."""
        return sum(c.share for c in self.channels)

    @property
    def unallocated(self) -> float:
        """The percentage of the budget not yet given to any channel."""
        return max(0.0, 100 - self.allocated)

    def channel(self, name: str) -> Channel:
        """The channel called ``name``."""
        for channel in self.channels:
            if channel.name == name:
                return channel
        raise PlanError(
            f"There is no channel {name!r} in this plan; its channels are "
            f"{choices(c.name for c in self.channels) if self.channels else 'none yet'}."
        )

    def spend(self, name: str) -> float:
        """The pounds a channel gets: budget × share ÷ 100, to the nearest penny."""
        return round(self.budget * self.channel(name).share / 100, 2)

    # -- changing (each returns a new plan) ------------------------------------------------

    def with_channel(self, channel: Channel) -> CampaignPlan:
        """This plan with ``channel`` added, or replacing the channel of the same name."""
        kept = [c for c in self.channels if c.name != channel.name]
        if len(kept) == len(self.channels):
            return replace(self, channels=(*self.channels, channel))
        return replace(
            self, channels=tuple(channel if c.name == channel.name else c for c in self.channels)
        )

    def with_allocation(self, name: str, share: float) -> CampaignPlan:
        """This plan with one channel's share of the budget changed (nothing else moves)."""
        return self.with_channel(replace(self.channel(name), share=share))

    def with_share_rebalanced(self, name: str, share: float) -> CampaignPlan:
        """This plan with channel ``name`` given ``share`` %, the others moved to make room.

        A rise is taken from the unallocated budget first, then from the other channels in
        proportion to their shares; a fall goes to the unallocated budget. Shares are kept to
        two decimal places, and channels plus unallocated always make exactly 100%.
        """
        wanted = _percentage(share, f"share of budget for {readable(name)}")
        self.channel(name)  # an unknown name fails here, with the channels listed
        others = [c for c in self.channels if c.name != name]
        room = 100 - sum(c.share for c in others)
        if wanted <= room + _TOLERANCE:
            return self.with_allocation(name, round(wanted, 2))
        need, total = wanted - room, sum(c.share for c in others)
        factor = (total - need) / total if total else 0.0
        shares = {c.name: round(c.share * factor, 2) for c in others}
        shortfall = round(100 - sum(shares.values()) - round(wanted, 2), 2)
        if shortfall and shares:  # rounding left the total a penny off 100: fix the largest
            largest = max(shares, key=lambda n: shares[n])
            shares[largest] = round(max(0.0, shares[largest] + shortfall), 2)
        shares[name] = round(wanted, 2)
        return replace(
            self, channels=tuple(replace(c, share=shares[c.name]) for c in self.channels)
        )

    def with_assumption(self, name: str, assumption: str, value: object) -> CampaignPlan:
        """This plan with one assumption (``cost``, ``ctr``, ``conversion_rate``, ``aov``,
        ``new_customer_rate`` or ``cost_model``) changed for channel ``name``."""
        if assumption not in (*ASSUMPTIONS, "cost_model"):
            raise PlanError(
                f"{assumption!r} is not an assumption a channel makes. Choose "
                f"{choices(ASSUMPTIONS)}."
            )
        changes: dict[str, Any] = {assumption: value}
        return self.with_channel(replace(self.channel(name), **changes))

    def __repr__(self) -> str:
        return (
            f"CampaignPlan({self.name!r}, {self.objective}, £{self.budget:,.2f}, "
            f"{self.start.isoformat()} to {self.end.isoformat()}, "
            f"channels={[c.name for c in self.channels]}, allocated={self.allocated:g}%)"
        )
