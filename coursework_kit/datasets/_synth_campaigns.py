"""Synthetic weekly marketing figures for Harbour & Pine, a fictional UK online homeware shop.

Everything here is made up: no real person's or company's data. The same integer seed always
gives the same rows. The shipped CSVs are the output of :data:`MASTER_SEED`; each learner's own
variant comes from a seed derived from their learner id.

Only ``random.Random.random()`` is used (Python guarantees its sequence for a given seed does not
change between versions), and every rate is kept inside the band it is aimed at, week by week,
so every seed gives figures inside the ranges in ``datasets/metrics/README.md``. The bands are
approximate, for teaching: typical of published industry benchmark summaries, not measured.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from datetime import date, timedelta

from coursework_kit.datasets._tables import Cell

__all__ = [
    "CHANNELS",
    "EMAIL_COLUMNS",
    "FIRST_WEEK",
    "MASTER_SEED",
    "WEEKLY_COLUMNS",
    "WEEKS",
    "email_sends",
    "weekly_channels",
]

MASTER_SEED = 2026
WEEKS = 12
CHANNELS = ("paid_search", "paid_social", "organic_social", "email", "display", "affiliate")
FIRST_WEEK = date(2026, 1, 5)  # a Monday

WEEKLY_COLUMNS = (
    "week", "week_start", "channel", "impressions", "reach", "clicks", "engagements", "spend",
    "sessions", "bounced_sessions", "conversions", "orders", "revenue", "new_customers",
)  # fmt: skip
EMAIL_COLUMNS = (
    "week", "send_date", "campaign", "sent", "delivered", "opens", "clicks", "unsubscribes",
    "spend",
)  # fmt: skip

Band = tuple[float, float]

# How busy each week is compared with a normal one: the January sale (weeks 1-3), a post-sale
# lull, February half-term (week 7 starts 16 Feb 2026), Mother's Day (15 Mar, week 10), spring.
SEASON = (1.35, 1.25, 1.12, 0.92, 0.95, 1.00, 0.86, 0.99, 1.02, 1.10, 1.04, 1.06)
# The sale makes visitors more likely to buy, but discounts shrink the average basket.
SALE_CONVERSION = (1.12, 1.08, 1.04) + (1.0,) * 9
SALE_BASKET = (0.90, 0.92, 0.95) + (1.0,) * 9

# Impressions in a normal week before the seed's scale factor (0.7-1.3) for a small-to-mid shop.
_IMPRESSIONS = {
    "paid_search": 80_000, "paid_social": 260_000, "organic_social": 200_000,
    "display": 600_000, "affiliate": 50_000,
}  # fmt: skip

# How each channel's spend is worked out: per click (CPC), per 1,000 impressions (CPM),
# a commission on the sales it brings in, nothing (organic: staff time is not counted), or
# the email platform's cost from the weekly send.
_COST_BASIS = {
    "paid_search": "cpc", "paid_social": "cpm", "organic_social": "none", "email": "email",
    "display": "cpm", "affiliate": "commission",
}  # fmt: skip

# The band every weekly rate stays inside. They sit within the ranges in the README, which are
# rough benchmark-style figures for UK retail: search CTR 3-7% and CPC £0.40-£1.50, paid social
# CTR 0.8-1.8% and CPM £4-£9, display CTR 0.08-0.4% and CPM £1.50-£4, affiliate commission
# 6-10%, conversion 1-4% (email and search highest, display lowest), bounce 30-65%, AOV £45-£95.
# "engagement" is engagements per person reached (social only); "landing" is sessions per click.
_BANDS: dict[str, dict[str, Band]] = {
    "paid_search": {
        "frequency": (1.2, 1.6), "ctr": (0.035, 0.065), "cost": (0.45, 1.25),
        "landing": (0.88, 0.97), "bounce": (0.35, 0.50), "conversion": (0.024, 0.038),
        "aov": (60.0, 90.0), "new_share": (0.35, 0.50),
    },
    "paid_social": {
        "frequency": (1.8, 2.8), "ctr": (0.009, 0.017), "engagement": (0.03, 0.06),
        "cost": (4.5, 8.5), "landing": (0.82, 0.94), "bounce": (0.50, 0.63),
        "conversion": (0.013, 0.024), "aov": (50.0, 80.0), "new_share": (0.45, 0.65),
    },
    "organic_social": {
        "frequency": (1.4, 2.0), "ctr": (0.0015, 0.004), "engagement": (0.015, 0.045),
        "landing": (0.85, 0.95), "bounce": (0.45, 0.62), "conversion": (0.012, 0.024),
        "aov": (50.0, 80.0), "new_share": (0.30, 0.50),
    },
    "email": {
        "landing": (0.88, 0.97), "bounce": (0.30, 0.45), "conversion": (0.026, 0.039),
        "aov": (60.0, 90.0), "new_share": (0.05, 0.15),
    },
    "display": {
        "frequency": (2.5, 4.0), "ctr": (0.0009, 0.0035), "cost": (1.7, 3.8),
        "landing": (0.75, 0.90), "bounce": (0.52, 0.64), "conversion": (0.010, 0.016),
        "aov": (48.0, 78.0), "new_share": (0.40, 0.60),
    },
    "affiliate": {
        "frequency": (1.3, 1.8), "ctr": (0.02, 0.045), "cost": (0.065, 0.095),
        "landing": (0.88, 0.97), "bounce": (0.32, 0.48), "conversion": (0.020, 0.034),
        "aov": (55.0, 85.0), "new_share": (0.35, 0.55),
    },
}  # fmt: skip

# Email: delivered 97-99.5% of sent, open rate 25-45% of delivered, click-to-open 8-18%,
# unsubscribes 0.05-0.4% of delivered (the kind of figures UK email benchmark reports give).
_EMAIL_BANDS: dict[str, Band] = {
    "list": (36_000.0, 48_000.0), "growth": (0.004, 0.009), "delivery": (0.973, 0.993),
    "open": (0.27, 0.43), "click_to_open": (0.09, 0.17), "unsubscribe": (0.0008, 0.0035),
    "cost_per_email": (0.0020, 0.0035),
}  # fmt: skip

CAMPAIGNS = (
    "January sale launch", "January sale: further reductions", "Last days of the sale",
    "New year, new room", "Winter bedding edit", "Valentine's table ideas",
    "Half-term home projects", "Spring colour preview", "Garden and outdoor first look",
    "Mother's Day gift guide", "Spring clean essentials", "Easter table preview",
)  # fmt: skip


def _rng(seed: int, part: str) -> random.Random:
    """A reproducible random stream for one part, so changing one channel leaves the rest."""
    return random.Random(f"harbour-and-pine/{seed}/{part}")


def _between(rng: random.Random, low: float, high: float) -> float:
    return low + (high - low) * rng.random()


def _centre(rng: random.Random, band: Band) -> float:
    """This seed's usual value: somewhere in the middle 60% of the band."""
    low, high = band
    return low + (high - low) * (0.2 + 0.6 * rng.random())


def _vary(rng: random.Random, usual: float, band: Band, factor: float = 1.0) -> float:
    """This week's value: usual x factor, nudged by up to a tenth of the band, kept in the band."""
    low, high = band
    nudge = (high - low) * _between(rng, -0.1, 0.1)
    return min(high, max(low, usual * factor + nudge))


def _count(base: int, rate: float, band: Band) -> int:
    """``base * rate`` as a whole number, nudged so that count / base stays inside the band."""
    low, high = band
    count = max(round(base * rate), math.ceil(base * low))
    return max(0, min(count, math.floor(base * high)))


@dataclass(frozen=True)
class _Send:
    week: int
    send_date: date
    campaign: str
    sent: int
    delivered: int
    opens: int
    clicks: int
    unsubscribes: int
    spend: float


def _sends(seed: int) -> list[_Send]:
    rng = _rng(seed, "email_sends")
    bands = _EMAIL_BANDS
    usual = {name: _centre(rng, band) for name, band in bands.items()}
    subscribers = round(usual["list"])
    sends = []
    for index in range(WEEKS):
        sent = subscribers
        delivery = _vary(rng, usual["delivery"], bands["delivery"])
        delivered = _count(sent, delivery, bands["delivery"])
        # Busy weeks (the sale) get more opens; the half-term week fewer.
        open_rate = _vary(rng, usual["open"], bands["open"], SEASON[index] ** 0.5)
        opens = _count(delivered, open_rate, bands["open"])
        click_to_open = _vary(rng, usual["click_to_open"], bands["click_to_open"])
        clicks = _count(opens, click_to_open, bands["click_to_open"])
        unsubscribe = _vary(rng, usual["unsubscribe"], bands["unsubscribe"])
        unsubscribes = _count(delivered, unsubscribe, bands["unsubscribe"])
        cost = _vary(rng, usual["cost_per_email"], bands["cost_per_email"])
        sends.append(
            _Send(
                week=index + 1,
                send_date=FIRST_WEEK + timedelta(weeks=index, days=1),  # Tuesday
                campaign=CAMPAIGNS[index],
                sent=sent,
                delivered=delivered,
                opens=opens,
                clicks=clicks,
                unsubscribes=unsubscribes,
                spend=round(sent * cost, 2),
            )
        )
        # New sign-ups (more in busy weeks) less this week's unsubscribes.
        growth = _vary(rng, usual["growth"], bands["growth"])
        subscribers += round(subscribers * growth * SEASON[index]) - unsubscribes
    return sends


def email_sends(seed: int) -> list[dict[str, Cell]]:
    """One row per weekly marketing email, in week order (columns as :data:`EMAIL_COLUMNS`)."""
    return [
        {
            "week": s.week,
            "send_date": s.send_date,
            "campaign": s.campaign,
            "sent": s.sent,
            "delivered": s.delivered,
            "opens": s.opens,
            "clicks": s.clicks,
            "unsubscribes": s.unsubscribes,
            "spend": s.spend,
        }
        for s in _sends(seed)
    ]


def _channel_weeks(seed: int, channel: str, sends: list[_Send]) -> list[dict[str, Cell]]:
    rng = _rng(seed, channel)
    bands = _BANDS[channel]
    scale = _between(rng, 0.7, 1.3)  # this seed's size of the channel
    usual = {name: _centre(rng, band) for name, band in bands.items()}

    def rate(name: str, factor: float = 1.0) -> float:
        return _vary(rng, usual[name], bands[name], factor)

    rows: list[dict[str, Cell]] = []
    for index in range(WEEKS):
        if channel == "email":
            send = sends[index]
            impressions, reach, clicks = send.delivered, send.opens, send.clicks
            engagements = clicks
        else:
            volume = _IMPRESSIONS[channel] * scale * SEASON[index] * _between(rng, 0.95, 1.05)
            impressions = round(volume)
            reach = round(impressions / rate("frequency"))
            clicks = _count(impressions, rate("ctr"), bands["ctr"])
            engagements = clicks  # search, display and affiliate: a click is the engagement
            if "engagement" in bands:  # social: likes, comments, shares and clicks
                engaged = _count(reach, rate("engagement"), bands["engagement"])
                engagements = min(impressions, max(clicks, engaged))
        sessions = _count(clicks, rate("landing"), bands["landing"])
        bounced = _count(sessions, rate("bounce"), bands["bounce"])
        conversions = _count(
            sessions, rate("conversion", SALE_CONVERSION[index]), bands["conversion"]
        )
        orders = conversions  # in this shop every conversion is one order
        revenue = round(orders * rate("aov", SALE_BASKET[index]), 2)
        new_customers = round(orders * rate("new_share"))
        basis = _COST_BASIS[channel]
        if basis == "cpc":
            spend = round(clicks * rate("cost"), 2)
        elif basis == "cpm":
            spend = round(impressions / 1000 * rate("cost"), 2)
        elif basis == "commission":
            spend = round(revenue * rate("cost"), 2)
        elif basis == "email":
            spend = sends[index].spend
        else:
            spend = 0.0
        rows.append(
            {
                "week": index + 1,
                "week_start": FIRST_WEEK + timedelta(weeks=index),
                "channel": channel,
                "impressions": impressions,
                "reach": reach,
                "clicks": clicks,
                "engagements": engagements,
                "spend": spend,
                "sessions": sessions,
                "bounced_sessions": bounced,
                "conversions": conversions,
                "orders": orders,
                "revenue": revenue,
                "new_customers": new_customers,
            }
        )
    return rows


def weekly_channels(seed: int) -> list[dict[str, Cell]]:
    """72 rows: each week 1-12, each channel in :data:`CHANNELS` order."""
    sends = _sends(seed)
    by_channel = {channel: _channel_weeks(seed, channel, sends) for channel in CHANNELS}
    return [by_channel[channel][index] for index in range(WEEKS) for channel in CHANNELS]
