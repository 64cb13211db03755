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

The one-month rule began with the GDPR and the Data Protection Act 2018 on 25 May 2018 (the
1998 Act allowed 40 days), so earlier dates are refused; so are dates whose deadline falls
after the last year the bank holiday calendar (the ``holidays`` package) knows, since a
deadline that ignored bank holidays would be wrong.

Breaches: UK GDPR Article 33 (tell the ICO without undue delay and, where feasible, not later
than 72 hours after becoming aware, unless the breach is unlikely to result in a risk to
people's rights and freedoms) and Article 34 (tell the people affected without undue delay
when it is likely to result in a high risk). The 72 hours are real hours: they are counted in
UTC and shown in UK local time, so a clock change inside them does not add or take away an
hour (see :mod:`._uktime`). A date and time with no time zone is UK local time.
"""

from __future__ import annotations

import calendar
import html
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from functools import cache
from typing import Any

from coursework_kit._english import a_or_an
from coursework_kit.errors import GdprInputError, GdprTypeError
from coursework_kit.gdpr._uktime import clock_change_note, to_uk, uk_time_text

__all__ = [
    "FIRST_DAY",
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
REFLECTS = "the law and ICO guidance as at November 2026"
FIRST_DAY = date(2018, 5, 25)  # the GDPR and the Data Protection Act 2018 began

REGIONS = {"england": "ENG", "wales": "WLS", "scotland": "SCT", "northern_ireland": "NIR"}
RISKS = ("unlikely", "likely", "high")


def _choice(value: object, allowed: Any, what: str) -> str:
    if not isinstance(value, str):
        raise GdprTypeError(
            f"{what} must be text, one of: {', '.join(allowed)}; not {type(value).__name__}."
        )
    if value not in allowed:
        raise GdprInputError(
            f"{value!r} is not {a_or_an(what)} these rules know; use one of: {', '.join(allowed)}."
        )
    return value


@cache
def _known_years() -> tuple[int, int]:
    """The first and last years the bank holiday calendar knows."""
    import holidays

    calendar_ = holidays.country_holidays("GB")
    return int(calendar_.start_year), int(calendar_.end_year)


def _long_date(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


@cache
def _holidays(region: str, year: int) -> frozenset[date]:
    import holidays

    first, last = _known_years()
    if not first <= year <= last:
        raise GdprInputError(
            f"The calendar of UK bank holidays here runs from {first} to {last}, so it cannot "
            f"say which days in {year} are working days. Check the year."
        )
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
        day += timedelta(days=1)  # a bank holiday year is checked before it can overflow
    return day


def _add_months(day: date, months: int) -> date:
    """The corresponding date ``months`` later, or that month's last day if there is none.

    Raises :class:`GdprInputError` when that is past the last date there is (9999).
    """
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    if year > date.max.year:
        raise GdprInputError(
            f"{_long_date(day)} is too far in the future to count {months} "
            f"month{'s' if months != 1 else ''} on: the calendar ends in {date.max.year}. "
            "Check the year."
        )
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _check_received(received: date, months: int) -> date:
    """The corresponding date for a request received on ``received``; a plain error for a
    date the rules or the calendar cannot handle."""
    if received < FIRST_DAY:
        raise GdprInputError(
            f"{_long_date(received)} is before {_long_date(FIRST_DAY)}, when the GDPR and the "
            "Data Protection Act 2018 began (before then the limit was 40 days). Choose a date "
            "from 25 May 2018 onwards."
        )
    last = _known_years()[1]
    too_late = GdprInputError(
        f"The calendar of UK bank holidays here ends in {last}, so it cannot work out a "
        f"deadline for a request received on {_long_date(received)}. Check the year."
    )
    if received.year > last:
        raise too_late
    corresponding = _add_months(received, months)
    if corresponding.year > last:
        raise too_late
    return corresponding


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

    Raises :class:`GdprInputError` for a date before 25 May 2018, or one whose deadline is past
    the years the bank holiday calendar knows (2100).
    """
    if isinstance(received, datetime) or not isinstance(received, date):
        raise GdprTypeError(
            f"The date received must be a date, such as date(2026, 3, 14), not {received!r}."
        )
    if not isinstance(extended, bool):
        raise GdprTypeError("extended must be True or False.")
    _choice(region, REGIONS, "region")
    return next_working_day(_check_received(received, 3 if extended else 1), region)


@dataclass(frozen=True)
class BreachDecision:
    """What the law requires after a personal data breach.

    ``aware_at`` and ``ico_deadline`` are UK times (time zone ``Europe/London``); the deadline is
    72 real hours after becoming aware, whatever the clocks do in between.
    """

    risk: str
    aware_at: datetime
    notify_ico: bool
    ico_deadline: datetime | None
    notify_individuals: bool
    explanation: str
    source: str = SOURCE_BREACH

    def hours_left(self, now: datetime) -> float | None:
        """Hours until the ICO deadline (negative once it has passed), or None if not needed.

        ``now`` with no time zone is UK local time.
        """
        if self.ico_deadline is None:
            return None
        # in UTC: two times in one zone subtract as wall-clock times, ignoring a clock change
        utc = timezone.utc
        left = self.ico_deadline.astimezone(utc) - _as_uk(now).astimezone(utc)
        return left.total_seconds() / 3600

    @property
    def deadline_text(self) -> str:
        """The ICO deadline in words, in UK time ("Monday 26 October 2026, 11:00 GMT")."""
        return uk_time_text(self.ico_deadline) if self.ico_deadline else ""

    def __repr__(self) -> str:
        return (
            f"BreachDecision(risk={self.risk!r}, notify_ico={self.notify_ico}, "
            f"ico_deadline={self.ico_deadline}, notify_individuals={self.notify_individuals})"
        )

    def _repr_html_(self) -> str:
        deadline = (
            f"<p><strong>Tell the ICO by {html.escape(self.deadline_text)}</strong></p>"
            if self.ico_deadline
            else ""
        )
        return (
            f"<div role='status'>{deadline}<p>{html.escape(self.explanation)}</p>"
            f"<p><small>Source: {html.escape(self.source)}. Reflects {REFLECTS}.</small></p>"
            "</div>"
        )


def _as_uk(moment: datetime) -> datetime:
    """A moment to compare with a UK time: with no zone it is UK local time (the hour the
    clocks skip is read as if they had not changed yet)."""
    if moment.tzinfo is not None:
        return moment
    from coursework_kit.gdpr._uktime import uk_zone

    return moment.replace(tzinfo=uk_zone())


def breach_notification(aware_at: datetime, *, risk: str) -> BreachDecision:
    """Who must be told about a personal data breach, and by when.

    ``aware_at`` is when the organisation became aware of the breach; with no time zone it is
    UK local time. ``risk`` is the risk to people's rights and freedoms: "unlikely", "likely"
    or "high". The ICO deadline is 72 real hours later, in UK time.

    >>> d = breach_notification(datetime(2026, 3, 2, 9, 30), risk="high")
    >>> d.notify_ico, d.deadline_text, d.notify_individuals
    (True, 'Thursday 5 March 2026, 09:30 GMT', True)
    >>> breach_notification(datetime(2026, 10, 23, 12, 0), risk="likely").deadline_text
    'Monday 26 October 2026, 11:00 GMT'

    Raises :class:`GdprInputError` for a UK time that never happened (the hour the clocks
    skip when they go forward in March).
    """
    if not isinstance(aware_at, datetime):
        raise GdprTypeError(
            "aware_at must be a date and time, such as "
            f"datetime(2026, 3, 2, 9, 30), not {aware_at!r}."
        )
    _choice(risk, RISKS, "risk level")
    aware, ambiguous = to_uk(aware_at)
    record = "Record the breach in your own breach log, whatever you decide."
    if risk == "unlikely":
        return BreachDecision(
            risk,
            aware,
            False,
            None,
            False,
            "The breach is unlikely to result in a risk to people's rights "
            "and freedoms, so you do not have to tell the ICO. Be ready to "
            f"explain that decision. {record}",
        )
    deadline = (aware.astimezone(timezone.utc) + timedelta(hours=72)).astimezone(aware.tzinfo)
    clocks = " ".join(note for note in (ambiguous, clock_change_note(aware, deadline)) if note)
    clocks = f" {clocks}" if clocks else ""
    if risk == "likely":
        return BreachDecision(
            risk,
            aware,
            True,
            deadline,
            False,
            "Tell the ICO without undue delay, and within 72 hours of "
            "becoming aware of the breach. The 72 hours include nights, weekends and bank "
            f"holidays.{clocks} You do not have to tell the people "
            f"affected unless the risk to them is high. {record}",
        )
    return BreachDecision(
        risk,
        aware,
        True,
        deadline,
        True,
        "Tell the ICO within 72 hours of becoming aware. The 72 hours include nights, "
        f"weekends and bank holidays.{clocks} Tell the people "
        "affected without undue delay: what happened, the likely effects, "
        "what you are doing, and how they can protect themselves. "
        f"{record}",
    )
