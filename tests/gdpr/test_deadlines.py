"""Subject access deadlines and breach decisions: table-driven and property-based."""

from __future__ import annotations

import calendar
from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coursework_kit.gdpr import breach_notification, dsar_deadline
from coursework_kit.gdpr.deadlines import REGIONS, bank_holiday, is_working_day

TABLE = [
    # (received, extended, region, deadline, why) - each checked against a calendar by hand
    (date(2026, 3, 10), False, "england", date(2026, 4, 10), "a Friday: no change"),
    (date(2026, 3, 31), False, "england", date(2026, 4, 30), "no 31 April: last day"),
    (date(2026, 1, 31), False, "england", date(2026, 3, 2), "28 Feb is a Saturday"),
    (date(2024, 1, 31), False, "england", date(2024, 2, 29), "leap year: 29 February"),
    (date(2025, 1, 29), False, "england", date(2025, 2, 28), "no 29 Feb in 2025"),
    (
        date(2026, 3, 3),
        False,
        "england",
        date(2026, 4, 7),
        "3 Apr Good Friday, 6 Apr Easter Monday",
    ),
    (date(2026, 3, 3), False, "scotland", date(2026, 4, 6), "no Easter Monday in Scotland"),
    (date(2026, 2, 17), False, "northern_ireland", date(2026, 3, 18), "St Patrick's Day"),
    (date(2026, 2, 17), False, "england", date(2026, 3, 17), "not a holiday in England"),
    (date(2026, 7, 3), False, "scotland", date(2026, 8, 4), "3 Aug: Scottish summer holiday"),
    (date(2026, 7, 31), False, "england", date(2026, 9, 1), "31 Aug: English summer holiday"),
    (
        date(2026, 7, 31),
        False,
        "scotland",
        date(2026, 8, 31),
        "31 Aug is a working day in Scotland",
    ),
    (
        date(2026, 6, 13),
        False,
        "northern_ireland",
        date(2026, 7, 14),
        "12 July weekend, 13 July observed",
    ),
    (
        date(2026, 11, 25),
        False,
        "england",
        date(2026, 12, 29),
        "Christmas and Boxing Day (observed)",
    ),
    (date(2026, 10, 30), False, "scotland", date(2026, 12, 1), "30 Nov: St Andrew's Day"),
    (date(2026, 1, 15), True, "england", date(2026, 4, 15), "extended: three months"),
    (date(2026, 11, 30), True, "england", date(2027, 3, 1), "extended: 28 Feb 2027 is a Sunday"),
    (date(2026, 12, 1), False, "wales", date(2027, 1, 4), "1 Jan holiday, then a weekend"),
]


@pytest.mark.parametrize(("received", "extended", "region", "deadline", "why"), TABLE)
def test_deadline_table(received, extended, region, deadline, why):
    """Does each worked example give the deadline found on a calendar?"""
    assert dsar_deadline(received, extended=extended, region=region) == deadline, why


def corresponding(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@given(
    received=st.dates(min_value=date(2024, 1, 1), max_value=date(2030, 12, 31)),
    extended=st.booleans(),
    region=st.sampled_from(sorted(REGIONS)),
)
def test_deadline_properties(received, extended, region):
    """Is the deadline never before the corresponding date, always a working day, and the first
    working day on or after it?"""
    target = corresponding(received, 3 if extended else 1)
    deadline = dsar_deadline(received, extended=extended, region=region)
    assert deadline >= target
    assert is_working_day(deadline, region)
    assert all(
        not is_working_day(target + timedelta(days=n), region)
        for n in range((deadline - target).days)
    )
    assert (deadline - target).days <= 5


def test_each_region_has_its_own_bank_holidays():
    """Do the four nations' calendars differ where they should?"""
    assert bank_holiday(date(2026, 3, 17), "northern_ireland") == "Saint Patrick's Day"
    assert bank_holiday(date(2026, 3, 17), "england") is None
    assert bank_holiday(date(2026, 11, 30), "scotland") is not None
    assert bank_holiday(date(2026, 1, 2), "scotland") is not None
    assert bank_holiday(date(2026, 1, 2), "wales") is None


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"received": "2026-03-10"}, TypeError, "must be a date"),
        ({"received": datetime(2026, 3, 10, 9)}, TypeError, "must be a date"),
        (
            {"received": date(2026, 3, 10), "region": "cornwall"},
            ValueError,
            "england, wales, scotland, northern_ireland",
        ),
        ({"received": date(2026, 3, 10), "region": 3}, TypeError, "must be text"),
        ({"received": date(2026, 3, 10), "extended": "yes"}, TypeError, "True or False"),
    ],
)
def test_deadline_bad_input(kwargs, error, message):
    """Are wrong types and unknown regions refused, listing what is accepted?"""
    received = kwargs.pop("received")
    with pytest.raises(error, match=message):
        dsar_deadline(received, **kwargs)


AWARE = datetime(2026, 3, 2, 9, 30)


def test_breach_unlikely_risk():
    """Is a breach unlikely to harm anyone recorded but not reported?"""
    d = breach_notification(AWARE, risk="unlikely")
    assert (d.notify_ico, d.ico_deadline, d.notify_individuals) == (False, None, False)
    assert "breach log" in d.explanation
    assert d.hours_left(AWARE) is None


def test_breach_likely_risk():
    """Is a risky breach reported to the ICO within 72 hours, people told only if high risk?"""
    d = breach_notification(AWARE, risk="likely")
    assert d.notify_ico is True
    assert d.ico_deadline == datetime(2026, 3, 5, 9, 30)
    assert d.notify_individuals is False
    assert d.hours_left(datetime(2026, 3, 4, 9, 30)) == 24


def test_breach_high_risk():
    """Is a high-risk breach reported to the ICO and the people affected?"""
    d = breach_notification(AWARE, risk="high")
    assert (d.notify_ico, d.notify_individuals) == (True, True)
    assert "Articles 33 and 34" in d.source
    assert "Tell the ICO by Thursday 05 March 2026, 09:30" in d._repr_html_()


@pytest.mark.parametrize(
    ("aware", "risk", "error"),
    [
        (AWARE, "medium", ValueError),
        (AWARE, None, TypeError),
        (date(2026, 3, 2), "high", TypeError),
    ],
)
def test_breach_bad_input(aware, risk, error):
    """Are unknown risk levels and a date without a time refused plainly?"""
    with pytest.raises(error):
        breach_notification(aware, risk=risk)
