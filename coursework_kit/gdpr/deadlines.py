"""Deadlines in data protection law: subject access requests and personal data breaches.

Jurisdiction: the UK (UK GDPR and the Data Protection Act 2018), as amended by the Data (Use
and Access) Act 2025. Reflects the law and ICO guidance as at November 2026.

Subject access: one calendar month, starting on the day the request is received (ICO:
"calculate the time limit from the day you receive the request ... until the corresponding
calendar date in the next month"; if there is no corresponding date, the last day of that
month; a deadline on a weekend or bank holiday moves to the next working day). It may be
extended by two further months for complex or numerous requests. Since the 2025 Act these time
limits are in UK GDPR Article 12A: the month starts at the "relevant time" (the latest of
receiving the request, any identity information reasonably asked for, or a fee where one may
be charged), and the clock stops while the controller waits for information it reasonably
needs to clarify the request. Pass the date of that relevant time as ``received``.

Breaches: UK GDPR Article 33 (tell the ICO without undue delay and, where feasible, within 72
hours of becoming aware, unless the breach is unlikely to result in a risk to people's rights
and freedoms) and Article 34 (tell the people affected without undue delay when it is likely
to result in a high risk).
"""

from __future__ import annotations

import calendar
import html
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache
from typing import Any

from coursework_kit.errors import GdprInputError, GdprTypeError

__all__ = [
    "REGIONS",
    "RISKS",
    "BreachDecision",
    "GdprInputError",
    "GdprTypeError",
    "bank_holiday",
    "breach_notification",
    "dsar_deadline",
    "is_working_day",
    "next_working_day",
]

SOURCE_ACCESS = (
    "UK GDPR Articles 12A and 15 (as amended by the Data (Use and Access) Act "
    "2025); ICO guidance 'Right of access'"
)
SOURCE_BREACH = "UK GDPR Articles 33 and 34; ICO guidance 'Personal data breaches: a guide'"

REGIONS = {"england": "ENG", "wales": "WLS", "scotland": "SCT", "northern_ireland": "NIR"}
RISKS = ("unlikely", "likely", "high")


def _choice(value: object, allowed: Any, what: str) -> str:
    if not isinstance(value, str):
        raise GdprTypeError(
            f"{what} must be text, one of: {', '.join(allowed)}; not {type(value).__name__}."
        )
    if value not in allowed:
        raise GdprInputError(
            f"{value!r} is not a {what} these rules know; use one of: {', '.join(allowed)}."
        )
    return value


@cache
def _holidays(region: str, year: int) -> frozenset[date]:
    import holidays

    return frozenset(holidays.country_holidays("GB", subdiv=REGIONS[region], years=[year]))


def bank_holiday(day: date, region: str = "england") -> str | None:
    """The name of the bank holiday on ``day`` in ``region``, or None."""
    import holidays

    _choice(region, REGIONS, "region")
    if day not in _holidays(region, day.year):
        return None
    calendar_ = holidays.country_holidays("GB", subdiv=REGIONS[region], years=[day.year])
    name = str(calendar_.get(day) or "")
    return name or "Bank holiday"


def is_working_day(day: date, region: str = "england") -> bool:
    """Monday to Friday and not a bank holiday in ``region``."""
    _choice(region, REGIONS, "region")
    return day.weekday() < 5 and day not in _holidays(region, day.year)


def next_working_day(day: date, region: str = "england") -> date:
    """``day`` itself if it is a working day, otherwise the next one."""
    while not is_working_day(day, region):
        day += timedelta(days=1)
    return day


def _add_months(day: date, months: int) -> date:
    """The corresponding date ``months`` later, or that month's last day if there is none."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def dsar_deadline(received: date, *, extended: bool = False, region: str = "england") -> date:
    """The last day to answer a subject access request received on ``received``.

    >>> dsar_deadline(date(2026, 3, 31))            # no 31 April: the last day instead
    datetime.date(2026, 4, 30)
    >>> dsar_deadline(date(2026, 1, 31))            # 28 February is a Saturday: Monday 2 March
    datetime.date(2026, 3, 2)
    >>> dsar_deadline(date(2026, 11, 21))           # 21 December 2026 is a Monday
    datetime.date(2026, 12, 21)
    >>> dsar_deadline(date(2026, 11, 28))           # 28 Dec is a bank holiday: next working day
    datetime.date(2026, 12, 29)
    >>> dsar_deadline(date(2026, 1, 15), extended=True)
    datetime.date(2026, 4, 15)
    """
    if isinstance(received, datetime) or not isinstance(received, date):
        raise GdprTypeError(
            f"The date received must be a date, such as date(2026, 3, 14), not {received!r}."
        )
    if not isinstance(extended, bool):
        raise GdprTypeError("extended must be True or False.")
    _choice(region, REGIONS, "region")
    return next_working_day(_add_months(received, 3 if extended else 1), region)


@dataclass(frozen=True)
class BreachDecision:
    """What the law requires after a personal data breach."""

    risk: str
    aware_at: datetime
    notify_ico: bool
    ico_deadline: datetime | None
    notify_individuals: bool
    explanation: str
    source: str = SOURCE_BREACH

    def hours_left(self, now: datetime) -> float | None:
        """Hours until the ICO deadline (negative once it has passed), or None if not needed."""
        if self.ico_deadline is None:
            return None
        return (self.ico_deadline - now).total_seconds() / 3600

    def __repr__(self) -> str:
        return (
            f"BreachDecision(risk={self.risk!r}, notify_ico={self.notify_ico}, "
            f"ico_deadline={self.ico_deadline}, notify_individuals={self.notify_individuals})"
        )

    def _repr_html_(self) -> str:
        deadline = (
            f"<p><strong>Tell the ICO by {self.ico_deadline:%A %d %B %Y, %H:%M}</strong></p>"
            if self.ico_deadline
            else ""
        )
        return (
            f"<div role='status'>{deadline}<p>{html.escape(self.explanation)}</p>"
            f"<p><small>Source: {html.escape(self.source)}</small></p></div>"
        )


def breach_notification(aware_at: datetime, *, risk: str) -> BreachDecision:
    """Who must be told about a personal data breach, and by when.

    ``risk`` is the risk to people's rights and freedoms: "unlikely", "likely" or "high".

    >>> d = breach_notification(datetime(2026, 3, 2, 9, 30), risk="high")
    >>> d.notify_ico, d.ico_deadline, d.notify_individuals
    (True, datetime.datetime(2026, 3, 5, 9, 30), True)
    """
    if not isinstance(aware_at, datetime):
        raise GdprTypeError(
            "aware_at must be a date and time, such as "
            f"datetime(2026, 3, 2, 9, 30), not {aware_at!r}."
        )
    _choice(risk, RISKS, "risk level")
    record = "Record the breach in your own breach log, whatever you decide."
    if risk == "unlikely":
        return BreachDecision(
            risk,
            aware_at,
            False,
            None,
            False,
            "The breach is unlikely to result in a risk to people's rights "
            "and freedoms, so you do not have to tell the ICO. Be ready to "
            f"explain that decision. {record}",
        )
    deadline = aware_at + timedelta(hours=72)
    if risk == "likely":
        return BreachDecision(
            risk,
            aware_at,
            True,
            deadline,
            False,
            "Tell the ICO without undue delay, and within 72 hours of "
            "becoming aware of the breach. You do not have to tell the people "
            f"affected unless the risk to them is high. {record}",
        )
    return BreachDecision(
        risk,
        aware_at,
        True,
        deadline,
        True,
        "Tell the ICO within 72 hours of becoming aware, and tell the people "
        "affected without undue delay: what happened, the likely effects, "
        "what you are doing, and how they can protect themselves. "
        f"{record}",
    )
