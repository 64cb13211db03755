"""The data protection tools' logic: boxes read back from text, and saved tools assessed."""

from __future__ import annotations

from datetime import date, datetime, time, timezone

import pytest

from coursework_kit._english import slips
from coursework_kit.errors import CourseworkError
from coursework_kit.gdpr.tools import (
    EntryError,
    assess_access,
    assess_breach,
    assess_marketing,
    read_access,
    read_breach,
    read_marketing,
    read_time,
    unanswered,
)
from coursework_kit.metrics.assess import assess
from coursework_kit.metrics.record import CalculatorRecord, CalculatorWork

AT = "2026-11-02T10:00:00+00:00"


def _record(scenario: str, inputs: dict[str, str], result: str = "") -> CalculatorRecord:
    work = CalculatorWork(inputs=inputs, result=result)
    return CalculatorRecord.new(scenario).with_work(work, at=AT)


def test_the_deadline_is_read_from_text():
    """Is the deadline worked out from the date, place and extension as the boxes hold them?"""
    answer = read_access({"received": "2026-01-31", "region": "england", "extended": "no"})
    assert answer.deadline == date(2026, 3, 2)
    assert "Saturday 28 February is not a working day" in answer.working
    assert read_access({"received": "2026-01-15", "extended": "yes"}).deadline == date(2026, 4, 15)


@pytest.mark.parametrize(
    ("inputs", "box", "message"),
    [
        ({}, "received", "Choose the date the request was received"),
        ({"received": "31/01/2026"}, "received", "is not a date"),
        ({"received": "2026-01-31", "region": "france"}, "region", "not a part of the UK"),
        ({"received": "2026-01-31", "extended": "maybe"}, "extended", "yes or no"),
    ],
)
def test_a_deadline_entry_that_cannot_be_used_names_its_box(inputs, box, message):
    """Does an entry the deadline cannot use say which box, in plain words?"""
    with pytest.raises(EntryError, match=message) as caught:
        read_access(inputs)
    assert caught.value.box == box


def test_the_breach_decision_is_read_from_text():
    """Is the time read as typed ("9.30" or "09:30"), in UK time, and the risk required?"""
    decision = read_breach({"day": "2026-03-02", "time": "9.30", "risk": "high"})
    assert decision.ico_deadline.replace(tzinfo=None) == datetime(2026, 3, 5, 9, 30)
    assert decision.deadline_text == "Thursday 5 March 2026, 09:30 GMT"
    assert decision.notify_individuals
    with pytest.raises(EntryError, match="Type it like 09:30") as caught:
        read_breach({"day": "2026-03-02", "time": "half nine", "risk": "high"})
    assert caught.value.box == "time"
    with pytest.raises(EntryError, match="Choose how much risk"):
        read_breach({"day": "2026-03-02", "time": "09:30"})


@pytest.mark.parametrize("blank", [None, "", "   ", "\t"])
def test_an_empty_time_box_is_not_taken_as_midnight(blank):
    """Is an empty time box a problem with the time box, not 00:00?"""
    inputs = {"day": "2026-03-02", "risk": "likely"}
    if blank is not None:
        inputs["time"] = blank
    with pytest.raises(EntryError, match="Type the time you became aware") as caught:
        read_breach(inputs)
    assert caught.value.box == "time"


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("09:30", time(9, 30)),
        ("9:30", time(9, 30)),
        ("9.30", time(9, 30)),
        ("0930", time(9, 30)),
        (" 14:05 ", time(14, 5)),
        ("9:30am", time(9, 30)),
        ("9.30 pm", time(21, 30)),
        ("2pm", time(14, 0)),
        ("2 P.M.", time(14, 0)),
        ("12pm", time(12, 0)),
        ("12am", time(0, 0)),
        ("12:15am", time(0, 15)),
        ("00:00", time(0, 0)),
        ("23:59", time(23, 59)),
        ("noon", time(12, 0)),
        ("Midnight", time(0, 0)),
    ],
)
def test_times_are_read_as_people_type_them(typed, meant):
    """Are 24-hour times, times with am or pm, noon and midnight all read as meant?"""
    assert read_time(typed) == meant


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("half nine", "is not a time"),
        ("9", "has no minutes"),
        ("14", "has no minutes"),
        ("24:00", "midnight as 00:00"),
        ("25:00", "hours go from 00 to 23"),
        ("9:60", "minutes from 00 to 59"),
        ("13pm", "the hour is 1 to 12"),
        ("0am", "the hour is 1 to 12"),
        ("-1:30", "is not a time"),
        ("9:3", "is not a time"),
        ("09:30:15:00", "is not a time"),
        ("nine thirty", "is not a time"),
    ],
)
def test_a_time_that_is_not_a_time_names_the_time_box(typed, words):
    """Is each impossible or unreadable time refused in plain words, naming the time box?"""
    with pytest.raises(EntryError, match=words) as caught:
        read_breach({"day": "2026-03-02", "time": typed, "risk": "high"})
    assert caught.value.box == "time"
    assert slips(str(caught.value)) == []


NOW = datetime(2026, 3, 10, 14, 0)


@pytest.mark.parametrize(
    ("day", "typed", "box"),
    [
        ("2026-04-03", "09:00", "day"),  # the "648 hours left": 24 days ahead
        ("2026-03-11", "00:01", "day"),
        ("2026-03-10", "14:01", "time"),  # later today
        ("2027-03-10", "09:00", "day"),
    ],
)
def test_a_moment_in_the_future_is_refused(day, typed, box):
    """Is becoming aware of a breach after now refused, beside the box that is wrong, saying
    what time it is now?"""
    with pytest.raises(EntryError, match="is in the future") as caught:
        read_breach({"day": day, "time": typed, "risk": "likely"}, now=NOW)
    assert caught.value.box == box
    assert "it is now Tuesday 10 March 2026, 14:00 GMT" in str(caught.value)


def test_now_and_just_before_are_accepted():
    """Is a breach found this minute, or a moment ago, accepted (with a zoned clock too)?"""
    for typed in ("14:00", "13:59"):
        decision = read_breach({"day": "2026-03-10", "time": typed, "risk": "likely"}, now=NOW)
        assert decision.notify_ico
    zoned = datetime(2026, 7, 1, 13, 0, tzinfo=timezone.utc)  # 14:00 BST
    assert read_breach({"day": "2026-07-01", "time": "14:00", "risk": "high"}, now=zoned)
    with pytest.raises(EntryError, match="in the future"):
        read_breach({"day": "2026-07-01", "time": "14:01", "risk": "high"}, now=zoned)


def test_the_hour_the_clocks_skip_names_the_time_box():
    """Is 01:30 on the night the clocks go forward refused beside the time box?"""
    with pytest.raises(EntryError, match="There was no 01:30") as caught:
        read_breach({"day": "2026-03-29", "time": "01:30", "risk": "high"})
    assert caught.value.box == "time"


@pytest.mark.parametrize(
    "received",
    ["9999-12-15", "9999-12-31", "2101-01-01", "2018-05-24", "1990-01-01", "0001-01-01"],
)
def test_a_date_the_deadline_cannot_be_worked_out_for_names_the_date_box(received):
    """Is a date the rules or the calendar cannot handle a plain problem with the date box?"""
    with pytest.raises(EntryError) as caught:
        read_access({"received": received, "region": "england", "extended": "yes"})
    assert caught.value.box == "received"
    assert isinstance(caught.value, CourseworkError)
    assert "out of range" not in str(caught.value)


def test_assess_breach_refuses_a_moment_after_it_was_saved():
    """Is a breach dated after the attempt was saved a must fix on the date box?"""
    feedback = assess_breach(
        _record("breach", {"day": "2026-11-20", "time": "09:00", "risk": "high"})
    )
    (finding,) = feedback.findings
    assert (finding.severity, finding.where) == ("must fix", "day")
    assert "in the future" in finding.message
    ok = assess_breach(_record("breach", {"day": "2026-11-01", "time": "9am", "risk": "high"}))
    assert ok.summary == (
        "Tell the ICO by Wednesday 4 November 2026, 09:00 GMT. "
        "Tell the people affected without undue delay."
    )


def test_the_marketing_verdict_is_read_from_text():
    """Are yes/no answers read from "yes"/"no", and the verdict given only once it can be?"""
    partly = {"channel": "email", "recipient": "individual", "consent": "no"}
    assert read_marketing(partly) is None
    assert unanswered(partly) == ["existing_customer", "similar_products", "opt_out_offered"]
    full = {
        **partly,
        "existing_customer": "yes",
        "similar_products": "yes",
        "opt_out_offered": "no",
    }
    assert read_marketing(full).allowed is False


def test_assess_works_the_answer_out_again_and_ignores_the_saved_one():
    """Does assess() give the deadline from the entries, whatever answer was saved with them?"""
    forged = _record(
        "access-deadline",
        {"received": "2026-11-28", "region": "england", "extended": "no"},
        result="Answer by Friday 01 January 2027.",
    )
    feedback = assess(forged)
    assert feedback.summary == "Answer by Tuesday 29 December 2026."
    assert feedback.findings[0].severity == "good"
    assert "UK GDPR" in feedback.findings[0].source
    assert assess_access(forged) == feedback


def test_assess_names_the_entry_to_put_right():
    """Is a time that cannot be read a must-fix finding that quotes it and names its box?"""
    feedback = assess_breach(
        _record("breach", {"day": "2026-03-02", "time": "half nine", "risk": "high"})
    )
    (finding,) = feedback.findings
    assert (finding.severity, finding.where, finding.quote) == ("must fix", "time", "half nine")
    assert feedback.summary == "Not worked out yet."
    assert not feedback.ready


def test_assess_marketing_asks_for_the_next_question():
    """Does a checker left part way say which question to answer next?"""
    feedback = assess_marketing(_record("marketing-permission", {"recipient": "individual"}))
    (finding,) = feedback.findings
    assert finding.where == "channel"
    assert "email or a text" in finding.message
    ok = assess(_record("marketing-permission", {"channel": "sms", "recipient": "corporate"}))
    assert ok.summary == "You may send it (rule: corporate subscriber)."


def test_assess_copes_with_values_no_tool_offers():
    """Does an edited record with a channel no tool offers get a plain finding, not a crash?"""
    feedback = assess(_record("marketing-permission", {"channel": "fax", "recipient": "corporate"}))
    assert feedback.findings[0].severity == "must fix"
    assert "fax" in feedback.findings[0].message


def test_assess_with_nothing_saved():
    """Does a tool never used say so, with no findings?"""
    for scenario in ("access-deadline", "breach", "marketing-permission"):
        feedback = assess(CalculatorRecord.new(scenario))
        assert feedback.findings == ()
