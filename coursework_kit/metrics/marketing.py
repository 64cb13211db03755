"""Campaign metrics: rates as percentages (0-100), money in pounds, ROAS as a ratio.

Every function checks its inputs and raises :class:`~coursework_kit.errors.MetricInputError`
(a ``ValueError``) with a message a learner can act on.
"""

from __future__ import annotations

from coursework_kit.metrics._checks import count, number, part_of_whole, positive

__all__ = [
    "aov",
    "bounce_rate",
    "cac",
    "click_to_open_rate",
    "conversion_rate",
    "cpa",
    "cpc",
    "cpm",
    "ctr",
    "engagement_rate",
    "open_rate",
    "roas",
    "roi",
    "unsubscribe_rate",
]


def _rate(part: object, whole: object, part_label: str, whole_label: str, purpose: str) -> float:
    p = count(part, part_label)
    w = positive(count(whole, whole_label), whole_label, purpose)
    part_of_whole(p, w, part_label, whole_label)
    return p / w * 100


def _cost_per(cost: object, things: object, things_label: str, purpose: str) -> float:
    c = number(cost, "cost")
    n = positive(count(things, things_label), things_label, purpose)
    return c / n


def ctr(clicks: object, impressions: object) -> float:
    """Click-through rate: clicks ÷ impressions × 100, as a percentage.

    >>> ctr(45, 1800)
    2.5
    """
    return _rate(clicks, impressions, "clicks", "impressions", "a click-through rate")


def conversion_rate(conversions: object, visitors: object) -> float:
    """Conversion rate: conversions ÷ visitors × 100, as a percentage.

    >>> conversion_rate(30, 1200)
    2.5
    """
    return _rate(conversions, visitors, "conversions", "visitors", "a conversion rate")


def cpc(cost: object, clicks: object) -> float:
    """Cost per click in pounds: cost ÷ clicks.

    >>> cpc(250, 400)
    0.625
    """
    return _cost_per(cost, clicks, "clicks", "a cost per click")


def cpm(cost: object, impressions: object) -> float:
    """Cost per thousand impressions in pounds: cost ÷ impressions × 1,000.

    >>> cpm(150, 50000)
    3.0
    """
    return _cost_per(cost, impressions, "impressions", "a cost per thousand impressions") * 1000


def cpa(cost: object, conversions: object) -> float:
    """Cost per acquisition (per conversion) in pounds: cost ÷ conversions.

    >>> cpa(600, 24)
    25.0
    """
    return _cost_per(cost, conversions, "conversions", "a cost per acquisition")


def cac(cost: object, new_customers: object) -> float:
    """Customer acquisition cost in pounds: cost ÷ new customers won.

    >>> cac(900, 30)
    30.0
    """
    return _cost_per(cost, new_customers, "new customers", "a customer acquisition cost")


def aov(revenue: object, orders: object) -> float:
    """Average order value in pounds: revenue ÷ orders.

    >>> aov(4500, 60)
    75.0
    """
    r = number(revenue, "revenue")
    n = positive(count(orders, "orders"), "orders", "an average order value")
    return r / n


def roi(revenue: object, cost: object) -> float:
    """Return on investment as a percentage: (revenue − cost) ÷ cost × 100.

    >>> roi(1500, 500)
    200.0
    """
    r = number(revenue, "revenue")
    c = positive(number(cost, "cost"), "cost", "a return on investment")
    return (r - c) / c * 100


def roas(revenue: object, ad_spend: object) -> float:
    """Return on ad spend as a ratio: revenue ÷ ad spend (4.0 means £4 back for each £1).

    >>> roas(2000, 500)
    4.0
    """
    r = number(revenue, "revenue")
    s = positive(number(ad_spend, "ad spend"), "ad spend", "a return on ad spend")
    return r / s


def engagement_rate(engagements: object, reach: object) -> float:
    """Engagement rate: engagements ÷ reach × 100, as a percentage.

    Engagements (likes, comments, shares, saves) can outnumber the people reached, because
    one person can react more than once, so this rate may go above 100.

    >>> engagement_rate(120, 4000)
    3.0
    """
    e = count(engagements, "engagements")
    r = positive(count(reach, "reach"), "reach", "an engagement rate")
    return e / r * 100


def open_rate(opens: object, delivered: object) -> float:
    """Email open rate: opens ÷ emails delivered × 100, as a percentage.

    >>> open_rate(800, 3200)
    25.0
    """
    return _rate(opens, delivered, "opens", "emails delivered", "an open rate")


def click_to_open_rate(clicks: object, opens: object) -> float:
    """Click-to-open rate: clicks ÷ opens × 100, as a percentage.

    >>> click_to_open_rate(110, 880)
    12.5
    """
    return _rate(clicks, opens, "clicks", "opens", "a click-to-open rate")


def bounce_rate(bounced_sessions: object, sessions: object) -> float:
    """Bounce rate: sessions that left after one page ÷ all sessions × 100, as a percentage.

    >>> bounce_rate(420, 1000)
    42.0
    """
    return _rate(bounced_sessions, sessions, "bounced sessions", "sessions", "a bounce rate")


def unsubscribe_rate(unsubscribes: object, delivered: object) -> float:
    """Unsubscribe rate: unsubscribes ÷ emails delivered × 100, as a percentage.

    >>> unsubscribe_rate(8, 3200)
    0.25
    """
    return _rate(unsubscribes, delivered, "unsubscribes", "emails delivered", "an unsubscribe rate")
