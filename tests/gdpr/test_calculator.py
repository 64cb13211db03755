"""The data protection tools (marketing permission, access deadline, breach), driven through
their methods."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone

import pytest

from coursework_kit._english import slips
from coursework_kit.errors import CourseworkError, GdprInputError
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


# -- dates and times no learner should be stuck on ------------------------------------------------


def test_a_date_too_far_ahead_is_shown_beside_the_date_box(tmp_path):
    """Does AccessDeadlineCalculator().calculate(date(9999, 12, 15)) say plainly, beside the
    date box, why there is no deadline, instead of raising a ValueError?"""
    calc = AccessDeadlineCalculator(folder=tmp_path)
    assert calc.calculate(date(9999, 12, 15)) is None
    assert "ends in 2100" in calc.problem
    assert "Check the year" in calc.shown
    assert calc.work.inputs["received"] == "9999-12-15"  # what the learner chose is kept
    assert calc.work.result == ""
    assert calc.calculate(date(2018, 5, 1)) is None
    assert "25 May 2018" in calc.problem
    assert calc.calculate(date(2026, 11, 28)) == date(2026, 12, 29)
    assert calc.problem == ""  # put right, the note beside the box goes


@pytest.mark.parametrize(
    "kwargs",
    [
        {"received": "2026-03-10"},
        {"received": datetime(2026, 3, 10, 9, 0)},
        {"received": 20260310},
        {"region": "cornwall"},
        {"region": "England"},
        {"extended": "yes"},
        {"extended": 1},
    ],
)
def test_the_deadline_calculator_refuses_what_no_learner_could_choose(kwargs, tmp_path):
    """Is a value no box could hold refused with the kit's own plain error, not a TraitError?"""
    calc = AccessDeadlineCalculator(folder=tmp_path)
    with pytest.raises(CourseworkError) as caught:
        calc.calculate(**kwargs)
    assert isinstance(caught.value, GdprInputError)
    assert "TraitError" not in type(caught.value).__name__


def test_an_empty_time_box_is_not_midnight(tmp_path):
    """Is an empty time box shown as a problem beside it, with no deadline worked out?"""
    helper = BreachHelper(clock=lambda: datetime(2026, 3, 3, 10, 0), folder=tmp_path)
    helper.fill(day=date(2026, 3, 2), risk="high")
    assert helper.decide() is None
    assert "Type the time you became aware" in helper.problem
    assert "Tell the ICO by" not in helper.shown
    assert helper.clock_text() == ""


def test_a_future_date_gives_no_clock(tmp_path):
    """Is a date after today refused beside the date box, not "648 hours 0 minutes" left?"""
    helper = BreachHelper(clock=lambda: datetime(2026, 3, 10, 14, 0), folder=tmp_path)
    assert helper.decide(datetime(2026, 4, 3, 9, 0), risk="likely") is None
    assert "is in the future" in helper.problem
    assert "hours" not in helper.shown.replace("72 hours", "")
    assert helper.decision is None
    helper.fill(day=date(2026, 3, 10), time="14:30")
    assert helper.decide() is None
    assert "is in the future" in helper.problem


def test_a_wrong_entry_clears_the_last_decision(tmp_path):
    """After a good decision, does a time that cannot be read clear it, not leave it showing?"""
    helper = BreachHelper(clock=lambda: datetime(2026, 3, 3, 10, 0), folder=tmp_path)
    assert helper.decide(datetime(2026, 3, 2, 9, 30), risk="likely") is not None
    helper.fill(time="25:00")
    assert helper.decide() is None
    assert helper.decision is None
    assert "Tell the ICO by" not in helper.shown
    assert "hours go from 00 to 23" in helper.problem


DEADLINE = datetime(2026, 3, 5, 9, 30)  # 72 hours after 09:30 on Monday 2 March 2026


@pytest.mark.parametrize(
    ("now", "said"),
    [
        (
            DEADLINE - timedelta(hours=47, minutes=30),
            "Time left on the 72-hour clock: 47 hours 30 minutes.",
        ),
        (
            DEADLINE - timedelta(hours=1, minutes=1),
            "Time left on the 72-hour clock: 1 hour 1 minute.",
        ),
        (DEADLINE - timedelta(hours=2), "Time left on the 72-hour clock: 2 hours."),
        (DEADLINE - timedelta(minutes=5, seconds=40), "Time left on the 72-hour clock: 5 minutes."),
        (DEADLINE - timedelta(seconds=30), "Less than a minute is left"),
        (DEADLINE, "The 72 hours have just run out"),
        (DEADLINE + timedelta(seconds=20), "The 72 hours have just run out"),
        (DEADLINE + timedelta(minutes=1, seconds=10), "ran out 1 minute ago"),
        (DEADLINE + timedelta(minutes=59), "ran out 59 minutes ago"),
        (DEADLINE + timedelta(hours=1), "ran out 1 hour ago"),
        (DEADLINE + timedelta(hours=24), "ran out 24 hours ago"),
    ],
)
def test_the_clock_says_how_long_in_plain_words(now, said, tmp_path):
    """Near and past the deadline, does the clock never say "0 hours", and use 1 hour, 1
    minute and plurals rightly?"""
    helper = BreachHelper(clock=lambda: now, folder=tmp_path)
    helper.decide(datetime(2026, 3, 2, 9, 30), risk="likely")
    text = helper.clock_text()
    assert said in text
    assert "0 hours" not in text
    assert " 0 minutes" not in text
    assert slips(text) == []


def test_the_clock_counts_real_hours_across_the_october_change(tmp_path):
    """Aware at 12:00 on 23 October 2026: at 10:00 GMT on 26 October is 1 hour left (not 2),
    and does the deadline read 11:00 GMT?"""
    helper = BreachHelper(clock=lambda: datetime(2026, 10, 26, 10, 0), folder=tmp_path)
    decision = helper.decide(datetime(2026, 10, 23, 12, 0), risk="high")
    assert decision.deadline_text == "Monday 26 October 2026, 11:00 GMT"
    assert "Time left on the 72-hour clock: 1 hour." in helper.shown
    assert "Tell the ICO by Monday 26 October 2026, 11:00 GMT" in helper.shown
    zoned = BreachHelper(
        clock=lambda: datetime(2026, 10, 26, 10, 30, tzinfo=timezone.utc), folder=tmp_path / "z"
    )
    zoned.decide(datetime(2026, 10, 23, 12, 0), risk="high")
    assert "Time left on the 72-hour clock: 30 minutes." in zoned.shown


@pytest.mark.parametrize(
    "kwargs",
    [
        {"day": "2026-03-02"},
        {"day": datetime(2026, 3, 2, 9, 30)},
        {"time": 930},
        {"time": datetime(2026, 3, 2, 9, 30)},
        {"risk": "medium"},
        {"risk": "High"},
    ],
)
def test_the_breach_helper_refuses_what_no_learner_could_enter(kwargs, tmp_path):
    """Is a value no box could hold refused with the kit's plain error, not a TraitError?"""
    helper = BreachHelper(folder=tmp_path)
    with pytest.raises(GdprInputError):
        helper.fill(**kwargs)


@pytest.mark.parametrize("aware", [date(2026, 3, 2), "2026-03-02 09:30", 1772443800])
def test_decide_needs_a_date_and_time(aware, tmp_path):
    """Is a date without a time, or text, refused plainly by decide()?"""
    with pytest.raises(GdprInputError, match="date and time"):
        BreachHelper(folder=tmp_path).decide(aware, risk="high")


@pytest.mark.parametrize(
    "answers",
    [{"channel": "fax"}, {"recipient": "charity"}, {"consent": "yes"}, {"consent": 1}],
)
def test_the_marketing_checker_refuses_answers_it_does_not_offer(answers, tmp_path):
    """Is an answer that is not one of a question's options refused plainly, naming them?"""
    checker = MarketingPermissionChecker(folder=tmp_path)
    with pytest.raises(GdprInputError, match="use one of"):
        checker.answer(**answers)
    assert checker.verdict is None
