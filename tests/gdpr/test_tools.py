"""The data protection tools' logic: boxes read back from text, and saved tools assessed."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from coursework_kit.gdpr.tools import (
    EntryError,
    assess_access,
    assess_breach,
    assess_marketing,
    read_access,
    read_breach,
    read_marketing,
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
    """Is the time read as typed ("9.30" or "09:30"), and a blank time taken as midnight?"""
    decision = read_breach({"day": "2026-03-02", "time": "9.30", "risk": "high"})
    assert decision.ico_deadline == datetime(2026, 3, 5, 9, 30)
    assert decision.notify_individuals
    assert read_breach({"day": "2026-03-02", "risk": "likely"}).aware_at.hour == 0
    with pytest.raises(EntryError, match="Type it like 09:30") as caught:
        read_breach({"day": "2026-03-02", "time": "half nine", "risk": "high"})
    assert caught.value.box == "time"
    with pytest.raises(EntryError, match="Choose how much risk"):
        read_breach({"day": "2026-03-02", "time": "09:30"})


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
