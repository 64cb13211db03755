"""Subject access deadlines and breach decisions: table-driven and property-based."""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coursework_kit._english import slips
from coursework_kit.errors import CourseworkError, GdprInputError
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


@pytest.mark.parametrize(
    ("received", "extended", "words"),
    [
        (date(9999, 12, 15), False, "ends in 2100"),  # the example in the issue
        (date(9999, 12, 31), True, "ends in 2100"),
        (date(9999, 10, 1), True, "ends in 2100"),  # three months on is past 9999
        (date(2100, 12, 1), False, "ends in 2100"),  # the deadline would be in 2101
        (date(2100, 10, 1), True, "ends in 2100"),
        (date(2101, 1, 5), False, "ends in 2100"),
        (date(2018, 5, 24), False, "25 May 2018"),  # the 1998 Act's 40 days, not these rules
        (date(1, 1, 1), False, "25 May 2018"),
    ],
)
def test_a_date_the_rules_cannot_handle_is_refused_plainly(received, extended, words):
    """Is a date before the 2018 Act, or one whose deadline is past the bank holiday calendar
    (2100) or past the last date there is, refused in plain words, not a raw ValueError?"""
    with pytest.raises(CourseworkError) as caught:
        dsar_deadline(received, extended=extended)
    assert isinstance(caught.value, GdprInputError)
    assert words in str(caught.value)
    assert "out of range" not in str(caught.value)
    assert "Check the year" in str(caught.value) or "Choose a date" in str(caught.value)


def test_the_first_and_last_dates_that_can_be_worked_out():
    """Are the first day of the 2018 Act and the last request the calendar can answer fine?"""
    assert dsar_deadline(date(2018, 5, 25)) == date(2018, 6, 25)
    assert dsar_deadline(date(2100, 11, 30)) == date(2100, 12, 30)
    assert dsar_deadline(date(2100, 9, 30), extended=True) == date(2100, 12, 30)


def test_bank_holidays_outside_the_calendar_are_not_guessed():
    """Is a year the bank holiday calendar does not know refused, not taken as no holidays?"""
    with pytest.raises(GdprInputError, match="2101"):
        bank_holiday(date(2101, 12, 25))
    with pytest.raises(GdprInputError, match="2101"):
        is_working_day(date(2101, 12, 27), "scotland")


AWARE = datetime(2026, 3, 2, 9, 30)
UK = ZoneInfo("Europe/London")


def real_hours(start: datetime, end: datetime) -> float:
    return (end.astimezone(timezone.utc) - start.astimezone(timezone.utc)).total_seconds() / 3600


def test_breach_unlikely_risk():
    """Is a breach unlikely to harm anyone recorded but not reported?"""
    d = breach_notification(AWARE, risk="unlikely")
    assert (d.notify_ico, d.ico_deadline, d.notify_individuals) == (False, None, False)
    assert "breach log" in d.explanation
    assert d.hours_left(AWARE) is None
    assert d.deadline_text == ""


def test_breach_likely_risk():
    """Is a risky breach reported to the ICO within 72 hours, people told only if high risk?"""
    d = breach_notification(AWARE, risk="likely")
    assert d.notify_ico is True
    assert d.ico_deadline == datetime(2026, 3, 5, 9, 30, tzinfo=UK)
    assert d.notify_individuals is False
    assert d.hours_left(datetime(2026, 3, 4, 9, 30)) == 24
    assert d.hours_left(datetime(2026, 3, 4, 9, 30, tzinfo=timezone.utc)) == 24


def test_breach_high_risk():
    """Is a high-risk breach reported to the ICO and the people affected, with its source and
    the date the law reflects?"""
    d = breach_notification(AWARE, risk="high")
    assert (d.notify_ico, d.notify_individuals) == (True, True)
    assert "Articles 33 and 34" in d.source
    page = d._repr_html_()
    assert "Tell the ICO by Thursday 5 March 2026, 09:30 GMT" in page
    assert "as at November 2026" in page


@pytest.mark.parametrize(
    ("aware", "deadline", "zone", "change"),
    [
        # the example in issue 16: 72 real hours across the October change end at 11:00 GMT
        (datetime(2026, 10, 23, 12, 0), datetime(2026, 10, 26, 11, 0), "GMT", "back"),
        (datetime(2026, 3, 27, 12, 0), datetime(2026, 3, 30, 13, 0), "BST", "forward"),
        (datetime(2027, 10, 29, 9, 15), datetime(2027, 11, 1, 8, 15), "GMT", "back"),
        (datetime(2027, 3, 26, 17, 45), datetime(2027, 3, 29, 18, 45), "BST", "forward"),
        # aware on the night itself, just after each change
        (datetime(2026, 10, 25, 3, 0), datetime(2026, 10, 28, 3, 0), "GMT", ""),
        (datetime(2026, 3, 29, 2, 0), datetime(2026, 4, 1, 2, 0), "BST", ""),
        # just before the change: the clock still moves the deadline
        (datetime(2026, 3, 29, 0, 59), datetime(2026, 4, 1, 1, 59), "BST", "forward"),
    ],
)
def test_the_72_hours_are_real_hours_across_the_clock_changes(aware, deadline, zone, change):
    """Across the March and October clock changes, is the ICO deadline 72 real hours after
    becoming aware, shown in UK time with GMT or BST, and is the change explained?"""
    d = breach_notification(aware, risk="likely")
    assert d.ico_deadline.replace(tzinfo=None) == deadline
    assert d.ico_deadline.tzname() == zone
    assert real_hours(d.aware_at, d.ico_deadline) == 72
    assert d.deadline_text.endswith(f"{deadline:%H:%M} {zone}")
    if change:
        assert f"The clocks go {change} an hour" in d.explanation
        assert "72 real hours" in d.explanation
    else:
        assert "The clocks go" not in d.explanation


def test_an_hour_that_never_happened_is_refused():
    """Is 01:30 on the night the clocks go forward (it never happened) refused, saying why and
    what was probably meant?"""
    for moment in (datetime(2026, 3, 29, 1, 30), datetime(2027, 3, 28, 1, 0)):
        with pytest.raises(GdprInputError, match="clocks went forward") as caught:
            breach_notification(moment, risk="high")
        assert f"There was no {moment:%H:%M}" in str(caught.value)
    with pytest.raises(GdprInputError, match="did you mean 02:30"):
        breach_notification(datetime(2026, 3, 29, 1, 30), risk="likely")


def test_an_hour_that_happened_twice_counts_from_the_first():
    """Is 01:30 on the night the clocks go back read as the first 01:30 (BST, the earlier and
    safer deadline), saying so; and does fold=1 mean the second?"""
    first = breach_notification(datetime(2026, 10, 25, 1, 30), risk="likely")
    assert first.aware_at.tzname() == "BST"
    assert first.ico_deadline.replace(tzinfo=None) == datetime(2026, 10, 28, 0, 30)
    assert "happened twice" in first.explanation
    assert "first one (British Summer Time)" in first.explanation
    second = breach_notification(datetime(2026, 10, 25, 1, 30, fold=1), risk="likely")
    assert second.aware_at.tzname() == "GMT"
    assert second.ico_deadline.replace(tzinfo=None) == datetime(2026, 10, 28, 1, 30)
    assert "second one" in second.explanation
    assert real_hours(first.aware_at, second.aware_at) == 1


def test_a_deadline_in_the_hour_that_happens_twice_says_which():
    """When the deadline is 01:30 on the night the clocks go back, does it say which 01:30?"""
    d = breach_notification(datetime(2026, 10, 22, 1, 30), risk="likely")
    assert d.deadline_text == "Sunday 25 October 2026, 01:30 BST"
    assert "the deadline is the first 01:30 (BST)" in d.explanation
    later = breach_notification(datetime(2026, 10, 22, 2, 30), risk="likely")
    assert later.deadline_text == "Sunday 25 October 2026, 01:30 GMT"
    assert "the deadline is the second 01:30 (GMT)" in later.explanation


def test_a_time_with_a_zone_is_taken_as_given():
    """Is a time given in UTC, or another zone, turned into the right UK time?"""
    d = breach_notification(datetime(2026, 7, 1, 8, 0, tzinfo=timezone.utc), risk="likely")
    assert d.aware_at.replace(tzinfo=None) == datetime(2026, 7, 1, 9, 0)
    assert d.deadline_text == "Saturday 4 July 2026, 09:00 BST"
    new_york = ZoneInfo("America/New_York")
    d = breach_notification(datetime(2026, 10, 23, 7, 0, tzinfo=new_york), risk="likely")
    assert d.deadline_text == "Monday 26 October 2026, 11:00 GMT"


@given(
    aware=st.datetimes(min_value=datetime(2024, 1, 1), max_value=datetime(2030, 12, 31)),
    risk=st.sampled_from(["likely", "high"]),
)
def test_the_deadline_is_always_72_real_hours_later(aware, risk):
    """For any UK time that happened, is the deadline exactly 72 real hours later, in UK time,
    and does hours_left count down from 72?"""
    try:
        d = breach_notification(aware, risk=risk)
    except GdprInputError:  # only the hour the clocks skip
        assert (aware.month, aware.weekday(), aware.hour) == (3, 6, 1)
        return
    assert real_hours(d.aware_at, d.ico_deadline) == 72
    assert d.ico_deadline.tzinfo is not None
    assert d.ico_deadline.astimezone(UK).replace(tzinfo=None) == d.ico_deadline.replace(tzinfo=None)
    assert d.hours_left(d.aware_at) == 72
    assert d.hours_left(d.aware_at.astimezone(timezone.utc)) == 72


@pytest.mark.parametrize(
    ("aware", "risk", "error"),
    [
        (AWARE, "medium", ValueError),
        (AWARE, None, TypeError),
        (date(2026, 3, 2), "high", TypeError),
        ("2026-03-02 09:30", "high", TypeError),
    ],
)
def test_breach_bad_input(aware, risk, error):
    """Are unknown risk levels and a date without a time refused plainly?"""
    with pytest.raises(error) as caught:
        breach_notification(aware, risk=risk)
    assert isinstance(caught.value, CourseworkError)


@pytest.mark.parametrize(
    "aware",
    [
        datetime(2026, 10, 23, 12, 0),
        datetime(2026, 3, 27, 12, 0),
        datetime(2026, 10, 25, 1, 30),
        datetime(2026, 10, 25, 1, 30, fold=1),
        datetime(2026, 10, 22, 2, 30),
    ],
)
def test_the_clock_change_notes_read_as_plain_english(aware):
    """Do the notes about the clocks changing read without slips, naming GMT or BST?"""
    d = breach_notification(aware, risk="high")
    assert slips(d.explanation) == []
    assert slips(d._repr_html_()) == []
    assert re.search(r"GMT|BST|Greenwich Mean Time|British Summer Time", d.explanation)
