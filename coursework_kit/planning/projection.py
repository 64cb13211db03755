"""What a plan should bring in: the funnel and the returns, per channel and in total.

For each channel, with spend = budget × share ÷ 100:

- pay per 1,000 impressions (CPM): impressions = spend ÷ CPM × 1,000; clicks = impressions ×
  CTR ÷ 100;
- pay per click (CPC): clicks = spend ÷ CPC; impressions = clicks ÷ (CTR ÷ 100);
- then orders (conversions) = clicks × conversion rate ÷ 100; new customers = orders ×
  new-customer share ÷ 100; revenue = orders × AOV.

Each count is rounded to the nearest whole number (halves up) before the next step, as you
would by hand: there is no such thing as half an order. CAC, ROI and ROAS come from
:func:`coursework_kit.metrics.channels.channel_value`, as every per-channel figure does; they
are None where they cannot be worked out, shown as "n/a" with the reason ("no spend", "no new
customers").
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from numbers import Real

from coursework_kit._english import choices
from coursework_kit.metrics.channels import (
    channel_label,
    channel_value,
    not_applicable,
    shown_not_applicable,
)
from coursework_kit.metrics.formatting import format_value
from coursework_kit.planning.plan import ASSUMPTIONS, CampaignPlan, Channel, PlanError

__all__ = [
    "MEASURES",
    "ChannelProjection",
    "Comparison",
    "Projection",
    "compare",
    "project",
    "sensitivity",
    "whole",
]

# Every measure a projection gives, with its label and unit ("count", "pounds", "percent",
# "ratio").
MEASURES = {
    "spend": ("Spend", "pounds"),
    "impressions": ("Impressions", "count"),
    "clicks": ("Clicks", "count"),
    "conversions": ("Orders", "count"),
    "new_customers": ("New customers", "count"),
    "revenue": ("Revenue", "pounds"),
    "cac": ("CAC", "pounds"),
    "roi": ("ROI", "percent"),
    "roas": ("ROAS", "ratio"),
}


def whole(value: float) -> int:
    """``value`` to the nearest whole number, halves rounded up (as taught in school).

    >>> whole(2.5), whole(1499.5), whole(7.49)
    (3, 1500, 7)
    """
    return int(Decimal(repr(round(value, 6))).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def show(value: float | None, unit: str) -> str:
    """A measure written for people: 1,250 or £12.50 or 25.00% or 4.00; "n/a" for None."""
    if value is None:
        return "n/a"
    if unit == "count":
        return f"{value:,.0f}"
    return format_value(value, unit)


class _Returns:
    """CAC, ROI and ROAS from spend, new customers and revenue (shared by both results)."""

    spend: float
    new_customers: int
    revenue: float

    def _figures(self, measure: str) -> tuple[float, float]:
        if measure == "cac":
            return self.spend, self.new_customers
        return self.revenue, self.spend

    @property
    def cac(self) -> float | None:
        """Customer acquisition cost: spend ÷ new customers (None with no spend or no new
        customers)."""
        return channel_value("cac", *self._figures("cac"))

    @property
    def roi(self) -> float | None:
        """Return on investment (%): (revenue − spend) ÷ spend × 100 (None with no spend)."""
        return channel_value("roi", *self._figures("roi"))

    @property
    def roas(self) -> float | None:
        """Return on ad spend: revenue ÷ spend (None with no spend)."""
        return channel_value("roas", *self._figures("roas"))

    def value(self, measure: str) -> float | None:
        """The figure for one of :data:`MEASURES`."""
        if measure not in MEASURES:
            raise PlanError(f"{measure!r} is not a measure; choose {choices(MEASURES)}.")
        result: float | None = getattr(self, measure)
        return result

    def why_not(self, measure: str) -> str:
        """Why ``measure`` has no figure ("no spend", "no new customers"; "" when it has one)."""
        if measure in ("cac", "roi", "roas"):
            return not_applicable(measure, *self._figures(measure))
        return ""

    def shown(self, measure: str) -> str:
        """``measure`` written for people, or "n/a (no spend)" with the reason."""
        unit = MEASURES[measure][1]
        found = self.value(measure)
        return shown_not_applicable(self.why_not(measure)) if found is None else show(found, unit)


@dataclass(frozen=True, repr=False)
class ChannelProjection(_Returns):
    """One channel's projected funnel and returns, with the working out."""

    name: str
    spend: float
    impressions: int
    clicks: int
    conversions: int
    new_customers: int
    revenue: float
    working: tuple[str, ...]

    def _repr_html_(self) -> str:
        steps = "".join(f"<li>{html.escape(s)}</li>" for s in self.working)
        name = html.escape(channel_label(self.name))
        return f"<div><strong>{name}</strong><ul>{steps}</ul></div>"

    def __repr__(self) -> str:
        return (
            f"ChannelProjection({self.name!r}: spend £{self.spend:,.2f}, "
            f"impressions {self.impressions:,}, clicks {self.clicks:,}, "
            f"orders {self.conversions:,}, revenue £{self.revenue:,.2f})"
        )


def _project_channel(plan: CampaignPlan, channel: Channel) -> ChannelProjection:
    spend = plan.spend(channel.name)
    money = f"£{spend:,.2f}"
    if channel.cost_model == "cpm":
        impressions = whole(spend / channel.cost * 1000)
        clicks = whole(impressions * channel.ctr / 100)
        steps = [
            f"Impressions = {money} ÷ £{channel.cost:,.2f} CPM × 1,000 = {impressions:,}",
            f"Clicks = {impressions:,} × {channel.ctr:g}% = {clicks:,}",
        ]
    else:
        clicks = whole(spend / channel.cost)
        impressions = whole(clicks / (channel.ctr / 100))
        steps = [
            f"Clicks = {money} ÷ £{channel.cost:,.2f} CPC = {clicks:,}",
            f"Impressions = {clicks:,} ÷ {channel.ctr:g}% = {impressions:,}",
        ]
    conversions = whole(clicks * channel.conversion_rate / 100)
    new_customers = whole(conversions * channel.new_customer_rate / 100)
    revenue = round(conversions * channel.aov, 2)
    steps += [
        f"Orders = {clicks:,} × {channel.conversion_rate:g}% = {conversions:,}",
        f"New customers = {conversions:,} × {channel.new_customer_rate:g}% = {new_customers:,}",
        f"Revenue = {conversions:,} × £{channel.aov:,.2f} = £{revenue:,.2f}",
    ]
    return ChannelProjection(
        channel.name, spend, impressions, clicks, conversions, new_customers, revenue, tuple(steps)
    )


@dataclass(frozen=True, repr=False)
class Projection(_Returns):
    """A whole plan's projection: each channel, and the totals across them."""

    plan: CampaignPlan
    channels: tuple[ChannelProjection, ...]

    def _total(self, measure: str) -> float:
        return sum(float(getattr(c, measure)) for c in self.channels)

    @property
    def spend(self) -> float:  # type: ignore[override]
        return round(self._total("spend"), 2)

    @property
    def impressions(self) -> int:
        return int(self._total("impressions"))

    @property
    def clicks(self) -> int:
        return int(self._total("clicks"))

    @property
    def conversions(self) -> int:
        return int(self._total("conversions"))

    @property
    def new_customers(self) -> int:  # type: ignore[override]
        return int(self._total("new_customers"))

    @property
    def revenue(self) -> float:  # type: ignore[override]
        return round(self._total("revenue"), 2)

    @property
    def unallocated(self) -> float:
        """Budget (£) not given to any channel."""
        return round(self.plan.budget - self.spend, 2)

    def channel(self, name: str) -> ChannelProjection:
        """The projection for the channel called ``name``."""
        for found in self.channels:
            if found.name == name:
                return found
        raise PlanError(f"There is no channel {name!r} in this plan.")

    def table(self) -> list[dict[str, str]]:
        """The figures as rows of text, one per channel and a last one for the total."""
        rows = []
        for item in (*self.channels, self):
            name = channel_label(item.name) if isinstance(item, ChannelProjection) else "Total"
            row = {"Channel": name}
            row |= {label: item.shown(m) for m, (label, _unit) in MEASURES.items()}
            rows.append(row)
        return rows

    def __repr__(self) -> str:
        return (
            f"Projection({self.plan.name!r}: spend £{self.spend:,.2f}, impressions "
            f"{self.impressions:,}, clicks {self.clicks:,}, orders {self.conversions:,}, "
            f"revenue £{self.revenue:,.2f}, ROI {self.shown('roi')})"
        )

    def _repr_html_(self) -> str:
        rows = self.table()
        head = "".join(f"<th scope='col'>{html.escape(k)}</th>" for k in rows[0])
        body = "".join(
            "<tr>"
            + "".join(
                f"<th scope='row'>{html.escape(v)}</th>" if k == "Channel" else f"<td>{v}</td>"
                for k, v in row.items()
            )
            + "</tr>"
            for row in rows
        )
        note = f"<p>Unallocated budget: £{self.unallocated:,.2f}.</p>" if self.unallocated else ""
        return (
            f"<table><caption>Projection for {html.escape(self.plan.name)}</caption>"
            f"<tr>{head}</tr>{body}</table>{note}"
        )


def project(plan: CampaignPlan) -> Projection:
    """The projected funnel and returns of every channel in ``plan``, and the totals."""
    if not isinstance(plan, CampaignPlan):
        raise PlanError(f"project() needs a CampaignPlan, not {type(plan).__name__}.")
    return Projection(plan, tuple(_project_channel(plan, c) for c in plan.channels))


@dataclass(frozen=True)
class Comparison:
    """Two projections side by side, with the difference (second minus first) per measure."""

    first_label: str
    second_label: str
    first: Projection
    second: Projection

    def difference(self, measure: str) -> float | None:
        """The second plan's figure minus the first's (None if either is n/a)."""
        a, b = self.first.value(measure), self.second.value(measure)
        return None if a is None or b is None else b - a

    def table(self) -> list[dict[str, str]]:
        """One row per measure: both figures and the difference."""
        rows = []
        for measure, (label, unit) in MEASURES.items():
            change = self.difference(measure)
            shown = "n/a" if change is None else ("+" if change > 0 else "") + show(change, unit)
            if unit == "percent" and change is not None:
                shown = shown.removesuffix("%") + " percentage points"
            rows.append(
                {
                    "Measure": label,
                    self.first_label: self.first.shown(measure),
                    self.second_label: self.second.shown(measure),
                    "Difference": shown,
                }
            )
        return rows

    def __repr__(self) -> str:
        lines = [f"Comparison: {self.first_label} vs {self.second_label}"]
        lines += [" | ".join(row.values()) for row in self.table()]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        rows = self.table()
        head = "".join(f"<th scope='col'>{html.escape(k)}</th>" for k in rows[0])
        body = "".join(
            "<tr>"
            + "".join(
                f"<th scope='row'>{html.escape(v)}</th>"
                if k == "Measure"
                else f"<td>{html.escape(v)}</td>"
                for k, v in row.items()
            )
            + "</tr>"
            for row in rows
        )
        caption = f"{self.first_label} and {self.second_label} side by side"
        return f"<table><caption>{html.escape(caption)}</caption><tr>{head}</tr>{body}</table>"


def compare(
    first: CampaignPlan, second: CampaignPlan, *, labels: tuple[str, str] | None = None
) -> Comparison:
    """Project two plans and set them side by side (labels default to the plans' names)."""
    a, b = project(first), project(second)
    names = labels or (first.name, second.name)
    if names[0] == names[1]:
        names = (f"{names[0]} (1)", f"{names[1]} (2)")
    return Comparison(names[0], names[1], a, b)


def sensitivity(
    plan: CampaignPlan, assumption: str, change: float, *, channel: str | None = None
) -> Comparison:
    """The plan as it is beside the same plan with one assumption changed by ``change`` %.

    ``change`` is relative: -20 means 20% lower (a CTR of 2% becomes 1.6%). ``channel`` limits
    the change to one channel; by default every channel changes.
    """
    if assumption not in ASSUMPTIONS:
        raise PlanError(
            f"{assumption!r} is not an assumption a channel makes. Choose {choices(ASSUMPTIONS)}."
        )
    if isinstance(change, bool) or not isinstance(change, Real) or not float(change) > -100:
        raise PlanError(
            f"The change must be a percentage above -100, for example -20 for 20% lower; "
            f"you gave {change!r}."
        )
    names = [channel] if channel is not None else [c.name for c in plan.channels]
    changed = plan
    for name in names:
        old = getattr(plan.channel(name), assumption)
        changed = changed.with_assumption(name, assumption, old * (1 + change / 100))
    word = ASSUMPTIONS[assumption].split(" (")[0]
    where = channel or "every channel"
    label = f"{word.capitalize()} {abs(change):g}% {'lower' if change < 0 else 'higher'}"
    return compare(plan, changed, labels=("As planned", f"{label} ({where})"))
