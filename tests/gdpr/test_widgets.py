"""The GDPR widgets, driven through their methods."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest

from coursework_kit.errors import CourseworkError
from coursework_kit.gdpr import (
    AccessDeadlineCalculator,
    BreachHelper,
    MarketingPermissionChecker,
    ScenarioQuiz,
)


@pytest.fixture
def quiz(tmp_path):
    return ScenarioQuiz(topics=["identity-checks"], folder=tmp_path)


def test_scenario_quiz_marks_and_cites(quiz):
    """Does a decision get feedback with the rule and its source, and count in the score?"""
    best = quiz.current.best
    quiz.choose(best)
    quiz.reason("You must check identity before giving out personal data.")
    result = quiz.check()
    assert result.correct
    assert "Source: UK GDPR" in quiz._feedback.value
    assert quiz.score == (1, 1)


def test_wrong_choice_shows_the_best_answer(quiz):
    """Does a wrong choice show the best answer and why the chosen one is wrong?"""
    wrong = next(c.id for c in quiz.current.choices if c.id != quiz.current.best)
    quiz.choose(wrong)
    assert not quiz.check().correct
    assert "The best answer is" in quiz._feedback.value
    assert "write your reasoning" in quiz._feedback.value  # no reasoning given


def test_decisions_and_reasoning_saved_as_evidence(quiz):
    """Is each decision, with the learner's reasoning, saved and dated?"""
    quiz.choose(quiz.current.best)
    quiz.reason("Identity first.")
    quiz.check()
    (attempt,) = json.loads(quiz.evidence.path.read_text())["attempts"]
    (decision,) = attempt["data"]["decisions"]
    assert decision["reasoning"] == "Identity first."
    assert decision["correct"] is True
    assert decision["at"]


def test_navigation_keeps_answers(quiz):
    """Going to the next scenario and back, is the earlier answer still shown?"""
    first = quiz.current.id
    quiz.choose(quiz.current.best)
    quiz.check()
    quiz.next()
    assert quiz.current.id != first
    quiz.previous()
    assert quiz._choices.value == quiz.current.best


def test_check_without_a_choice(quiz):
    """Does pressing Check with nothing chosen ask for a choice, not crash?"""
    assert quiz.check() is None
    assert "Choose an answer first" in quiz._feedback.value
    with pytest.raises(CourseworkError, match="not one of the choices"):
        quiz.choose("z")


def test_marketing_checker_asks_only_what_is_needed():
    """Are the soft opt-in questions shown only when there is no consent?"""
    checker = MarketingPermissionChecker()
    assert checker.verdict is None
    assert checker._rows["existing_customer"].layout.display == "none"
    assert checker.answer(channel="email", recipient="corporate").rule == "corporate subscriber"
    assert checker.answer(recipient="individual") is None
    assert checker.answer(consent=False) is None
    assert checker._rows["existing_customer"].layout.display is None
    v = checker.answer(existing_customer=True, similar_products=True, opt_out_offered=False)
    assert v.allowed is False
    assert "Do not send it" in checker._verdict.value
    with pytest.raises(CourseworkError, match="no question 'age'"):
        checker.answer(age=30)


def test_deadline_calculator_explains_and_draws_a_calendar():
    """Does the calculator give the date, explain a move past a bank holiday, and draw both
    months?"""
    calc = AccessDeadlineCalculator()
    assert calc.calculate() is None
    assert calc.calculate(date(2026, 11, 28)) == date(2026, 12, 29)
    page = calc._result.value
    assert "Answer by Tuesday 29 December 2026" in page
    assert "Boxing Day (observed)" in page
    assert "<caption>November 2026</caption>" in page
    assert "<caption>December 2026</caption>" in page
    assert calc.calculate(region="scotland", extended=True) == date(2027, 3, 1)


def test_breach_helper_clock():
    """Does the breach helper show the decision and the time left on the 72-hour clock?"""
    helper = BreachHelper(clock=lambda: datetime(2026, 3, 3, 10, 0))
    decision = helper.decide(datetime(2026, 3, 2, 9, 30), risk="likely")
    assert decision.notify_ico
    assert "47 hours 30 minutes" in helper._result.value
    late = BreachHelper(clock=lambda: datetime(2026, 3, 6, 9, 30))
    late.decide(datetime(2026, 3, 2, 9, 30), risk="high")
    assert "ran out 24 hours ago" in late._result.value


def test_breach_helper_bad_time():
    """Is a time that cannot be read reported in plain words?"""
    helper = BreachHelper()
    helper._day.value = date(2026, 3, 2)
    helper._time.value = "half nine"
    helper._risk.value = "high"
    assert helper.decide() is None
    assert "Type it like 09:30" in helper._result.value
