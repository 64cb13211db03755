"""Contact-centre and loyalty metrics: AHT, FCR, CSAT, NPS and customer lifetime value."""

from __future__ import annotations

from coursework_kit.errors import MetricInputError
from coursework_kit.metrics._checks import count, number, part_of_whole, positive, whole_scores

__all__ = ["aht", "clv", "csat", "fcr", "nps"]


def aht(total_handle_seconds: object, contacts: object) -> float:
    """Average handling time in seconds: total handling seconds ÷ contacts.

    >>> aht(36000, 80)
    450.0
    """
    seconds = number(total_handle_seconds, "total handling time")
    n = positive(count(contacts, "contacts"), "contacts", "an average handling time")
    return seconds / n


def fcr(resolved_first_contact: object, contacts: object) -> float:
    """First contact resolution: contacts resolved first time ÷ all contacts × 100.

    >>> fcr(72, 96)
    75.0
    """
    resolved = count(resolved_first_contact, "contacts resolved first time")
    n = positive(count(contacts, "contacts"), "contacts", "a first contact resolution rate")
    part_of_whole(resolved, n, "contacts resolved first time", "contacts")
    return resolved / n * 100


def csat(ratings: object) -> float:
    """Customer satisfaction: ratings of 4 or 5 ÷ all ratings × 100 (ratings run 1 to 5).

    >>> csat([5, 4, 3, 5, 2, 4, 5, 1])
    62.5
    """
    scores = whole_scores(ratings, "ratings", 1, 5)
    return sum(1 for s in scores if s >= 4) / len(scores) * 100


def nps(scores: object) -> float:
    """Net Promoter Score: (promoters − detractors) ÷ answers × 100, from -100 to +100.

    Promoters score 9 or 10; detractors 0 to 6; passives (7 or 8) count only in the answers.

    >>> nps([10, 9, 9, 8, 7, 6, 3, 10])
    25.0
    """
    values = whole_scores(scores, "scores", 0, 10)
    promoters = sum(1 for s in values if s >= 9)
    detractors = sum(1 for s in values if s <= 6)
    return (promoters - detractors) / len(values) * 100


def clv(aov: object, purchases_per_year: object, years: object, *, margin: object = 1.0) -> float:
    """Customer lifetime value in pounds: AOV × purchases a year × years × margin.

    ``margin`` is the share of each sale kept as profit, as a fraction (0.4 for 40%); the
    default of 1.0 gives lifetime revenue.

    >>> clv(60, 4, 3)
    720.0
    >>> clv(60, 4, 3, margin=0.25)
    180.0
    """
    value = number(aov, "average order value")
    per_year = number(purchases_per_year, "purchases per year")
    span = number(years, "years")
    share = number(margin, "margin")
    if share > 1:
        raise MetricInputError(
            f"The margin is a fraction from 0 to 1 (0.4 means 40%), but you gave {margin}."
        )
    return value * per_year * span * share
