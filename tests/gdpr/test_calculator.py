"""The data protection tools (marketing permission, access deadline, breach), driven through
their methods."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest

from coursework_kit.errors import CourseworkError
from coursework_kit.gdpr import AccessDeadlineCalculator, BreachHelper, MarketingPermissionChecker
from coursework_kit.metrics.assess import assess
from coursework_kit.metrics.record import CalculatorRecord
from coursework_kit.records import RecordFile


def _saved(folder, scenario):
    return RecordFile(CalculatorRecord, scenario, folder).load()


def test_marketing_checker_asks_only_what_is_needed(tmp_path):
    """Are the soft opt-in questions shown only when there is no consent?"""
    checker = MarketingPermissionChecker(folder=tmp_path)
    assert checker.verdict is None
    assert "existing_customer" not in checker.questions_shown
    assert checker.answer(channel="email", recipient="corporate").rule == "corporate subscriber"
    assert checker.answer(recipient="individual") is None
    assert checker.answer(consent=False) is None
    assert "existing_customer" in checker.questions_shown
    v = checker.answer(existing_customer=True, similar_products=True, opt_out_offered=False)
    assert v.allowed is False
    assert "Do not send it" in checker.shown
    with pytest.raises(CourseworkError, match="no question 'age'"):
        checker.answer(age=30)


def test_deadline_calculator_explains_and_draws_a_calendar(tmp_path):
    """Does the calculator give the date, explain a move past a bank holiday, and draw both
    months?"""
    calc = AccessDeadlineCalculator(folder=tmp_path)
    assert calc.calculate() is None
    assert calc.calculate(date(2026, 11, 28)) == date(2026, 12, 29)
    page = calc.shown
    assert "Answer by Tuesday 29 December 2026" in page
    assert "Boxing Day (observed)" in page
    assert "<caption>November 2026</caption>" in page
    assert "<caption>December 2026</caption>" in page
    assert calc.calculate(region="scotland", extended=True) == date(2027, 3, 1)


def test_breach_helper_clock(tmp_path):
    """Does the breach helper show the decision and the time left on the 72-hour clock?"""
    helper = BreachHelper(clock=lambda: datetime(2026, 3, 3, 10, 0), folder=tmp_path)
    decision = helper.decide(datetime(2026, 3, 2, 9, 30), risk="likely")
    assert decision.notify_ico
    assert "47 hours 30 minutes" in helper.shown
    late = BreachHelper(clock=lambda: datetime(2026, 3, 6, 9, 30), folder=tmp_path / "late")
    late.decide(datetime(2026, 3, 2, 9, 30), risk="high")
    assert "ran out 24 hours ago" in late.shown


def test_breach_helper_bad_time(tmp_path):
    """Is a time that cannot be read reported in plain words?"""
    helper = BreachHelper(folder=tmp_path)
    helper.fill(day=date(2026, 3, 2), time="half nine", risk="high")
    assert helper.decide() is None
    assert "Type it like 09:30" in helper.shown


# -- saving and reopening -----------------------------------------------------------------------


def test_the_marketing_checker_reopens_with_its_answers(tmp_path):
    """After a kernel restart, are the answers and the verdict shown again, in one attempt?"""
    first = MarketingPermissionChecker(folder=tmp_path)
    first.answer(channel="sms", recipient="individual", consent=False, existing_customer=True)
    first.session.flush()
    again = MarketingPermissionChecker(folder=tmp_path)
    assert again.work == first.work
    assert again.work.inputs["consent"] == "no"
    assert "similar_products" in again.questions_shown
    v = again.answer(similar_products=True, opt_out_offered=True)
    assert v.rule == "soft opt-in"
    again.session.flush()
    record = _saved(tmp_path, "marketing-permission")
    assert len(record.attempts) == 1
    assert record.latest.work.result == "You may send it (rule: soft opt-in)."
    assert assess(record).summary == "You may send it (rule: soft opt-in)."


def test_the_deadline_calculator_reopens_with_its_entries(tmp_path):
    """After a kernel restart, are the date, place, extension and answer shown again?"""
    first = AccessDeadlineCalculator(folder=tmp_path)
    first.calculate(date(2026, 11, 28), region="wales")
    first.session.flush()
    again = AccessDeadlineCalculator(date(2026, 1, 1), folder=tmp_path)  # saved work wins
    assert again.work.inputs == {"received": "2026-11-28", "region": "wales", "extended": "no"}
    assert "Answer by Tuesday 29 December 2026" in again.shown
    assert "<caption>December 2026</caption>" in again.shown
    again.calculate(extended=True)
    again.session.flush()
    record = _saved(tmp_path, "access-deadline")
    assert len(record.attempts) == 1
    assert record.latest.work.inputs["extended"] == "yes"


def test_the_breach_helper_reopens_with_its_entries_and_decision(tmp_path):
    """After a kernel restart, are the date, the time as typed, the risk and decision shown?"""
    clock = lambda: datetime(2026, 3, 3, 10, 0)  # noqa: E731
    first = BreachHelper(clock=clock, folder=tmp_path)
    first.decide(datetime(2026, 3, 2, 9, 30), risk="likely")
    again = BreachHelper(clock=clock, folder=tmp_path)
    assert again.work == first.work
    assert again.decision == first.decision
    assert "47 hours 30 minutes" in again.shown
    again.fill(risk="high")
    again.session.flush()
    record = _saved(tmp_path, "breach")
    assert len(record.attempts) == 1
    assert record.latest.work.inputs["risk"] == "high"


def test_a_time_typed_is_saved_without_pressing_the_button(tmp_path):
    """Is a time typed into the breach helper saved, exactly as typed, with no button pressed?"""
    helper = BreachHelper(folder=tmp_path)
    helper.fill(day=date(2026, 3, 2), time="half nine")
    helper.session.flush()
    work = _saved(tmp_path, "breach").latest.work
    assert work.inputs == {"day": "2026-03-02", "time": "half nine", "risk": ""}
    assert work.result == ""
    again = BreachHelper(folder=tmp_path)
    assert again.work.inputs["time"] == "half nine"  # a bad entry is never lost


def test_a_choice_is_saved_without_pressing_a_button(tmp_path):
    """Is each answer in the marketing checker saved as soon as it is chosen?"""
    checker = MarketingPermissionChecker(folder=tmp_path)
    checker.answer(channel="email")
    checker.session.flush()
    assert _saved(tmp_path, "marketing-permission").latest.work.inputs["channel"] == "email"


TOOLS = {
    "marketing-permission": MarketingPermissionChecker,
    "access-deadline": AccessDeadlineCalculator,
    "breach": BreachHelper,
}


@pytest.mark.parametrize("scenario", sorted(TOOLS))
def test_opening_a_tool_saves_nothing(scenario, tmp_path):
    """Does merely opening a tool leave the evidence folder alone?"""
    TOOLS[scenario](folder=tmp_path).session.flush()
    assert not list(tmp_path.glob("*.json"))


@pytest.mark.parametrize("scenario", sorted(TOOLS))
def test_a_broken_evidence_file_does_not_stop_a_tool(scenario, tmp_path):
    """If a tool's evidence file was damaged, does it open, carry on and say what happened?"""
    (tmp_path / f"calculator-{scenario}.json").write_text('{"format": 1')
    tool = TOOLS[scenario](folder=tmp_path)
    assert "could not be read" in tool.message
    if scenario == "breach":
        tool.decide(datetime(2026, 3, 2, 9, 30), risk="high")
    elif scenario == "access-deadline":
        tool.calculate(date(2026, 3, 2))
    else:
        tool.answer(channel="email", recipient="corporate")
    tool.session.flush()
    assert _saved(tmp_path, scenario).latest.work.result
    assert list(tmp_path.glob(f"calculator-{scenario}.unreadable-*.json"))


def test_assessment_mode_is_saved_with_the_entries(tmp_path):
    """Does a tool in an assignment say so in its evidence?"""
    helper = BreachHelper(folder=tmp_path, mode="assessment")
    helper.decide(datetime(2026, 3, 2, 9, 30), risk="unlikely")
    document = json.loads(helper.session.file.path.read_text())
    assert document["attempts"][0]["mode"] == "assessment"
