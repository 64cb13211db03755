"""Self-checks: right, or how to get there, without giving the answer away."""

from __future__ import annotations

import numpy as np
import pytest

from coursework_kit.errors import MetricInputError
from coursework_kit.metrics import check_answer


@pytest.mark.parametrize("answer", [2.5, "2.5", "2.5%", 2.49, 2.51, np.float64(2.5), " 2.5 "])
def test_right_answers_and_sensible_rounding_pass(answer):
    """Is 2.5 right for 45 of 1,800, however it is typed, and within 0.5% of it?"""
    assert check_answer("ctr", answer, clicks=45, impressions=1800).correct


@pytest.mark.parametrize("answer", [2.54, 2.46, 2.4, 3])
def test_answers_out_by_more_than_rounding_fail(answer):
    """Is an answer more than 0.5% from 2.5 (a flat 0.05 points once passed 2.54) not right?"""
    assert not check_answer("ctr", answer, clicks=45, impressions=1800).correct


def test_forgot_times_100():
    """Does 0.025 get told it forgot to multiply by 100?"""
    result = check_answer("ctr", 0.025, clicks=45, impressions=1800)
    assert not result.correct
    assert "did not multiply by 100" in result.message
    assert "2.5" not in result.message  # the hint does not give the answer away


def test_divided_the_wrong_way_round():
    """Does 4000 (impressions ÷ clicks × 100) get told it divided the wrong way round?"""
    result = check_answer("ctr", 4000, clicks=45, impressions=1800)
    assert "wrong way round" in result.message


def test_other_wrong_answers_get_the_formula():
    """Does any other wrong answer get the formula to follow?"""
    result = check_answer("conversion_rate", 7, conversions=30, visitors=1200)
    assert not result.correct
    assert "conversions ÷ visitors × 100" in result.message


def test_sign_slip_on_roi():
    """Is a loss typed as a gain told to check the sign?"""
    assert "sign" in check_answer("roi", 40, revenue=300, cost=500).message


def test_no_answer_yet_is_not_marked_wrong():
    """Does leaving None in place ask for an answer rather than marking it wrong?"""
    result = check_answer("ctr", None, clicks=45, impressions=1800)
    assert not result.answered
    assert "in place of None" in result.message
    assert "Click-through rate (CTR): <strong>… No answer yet" in result._repr_html_()


@pytest.mark.parametrize("answer", ["two", [2.5], True])
def test_non_numbers_get_a_plain_message(answer):
    """Is text or a list answered with a plain message, not an error?"""
    result = check_answer("ctr", answer, clicks=45, impressions=1800)
    assert not result.correct
    assert "number" in result.message


def test_money_tolerance():
    """Is £0.63 accepted for a CPC of £0.625, but £0.70 not?"""
    assert check_answer("cpc", 0.63, cost=250, clicks=400).correct
    assert not check_answer("cpc", 0.70, cost=250, clicks=400).correct


def test_bad_figures_in_the_check_itself_are_an_error():
    """Does a check set up with impossible figures fail loudly for the author?"""
    with pytest.raises(MetricInputError):
        check_answer("ctr", 1, clicks=5, impressions=0)
