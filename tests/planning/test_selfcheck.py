"""Self-checks for a projection worked out by hand."""

from __future__ import annotations

import pytest

from coursework_kit.planning import PlanError, check_projection, project
from tests.planning.conftest import small_plan


@pytest.fixture
def found():
    return project(small_plan())


def test_right_answers_are_right(found):
    """Are the hand-worked figures (300,000 impressions, 3,600 clicks...) marked right?"""
    assert check_projection("impressions", 300000, found, channel="paid_social").correct
    assert check_projection("clicks", 3600.0, found, channel="paid_social").correct
    assert check_projection("conversions", 40, found, channel="paid_search").correct
    check = check_projection("revenue", 6560, found)
    assert check.correct
    assert repr(check) == "Right! Revenue = £6,560.00."


def test_one_either_way_is_accepted_for_counts(found):
    """Is 71 or 73 orders accepted for 72, allowing for rounding a different way?"""
    assert check_projection("conversions", 71, found, channel="paid_social").correct
    assert not check_projection("conversions", 70, found, channel="paid_social").correct


def test_a_blank_answer_asks_for_one(found):
    """Does None ask for an answer rather than marking it wrong?"""
    check = check_projection("clicks", None, found, channel="paid_search")
    assert not check.answered
    assert "Type your answer in place of None" in check.message
    assert "No answer yet" in check._repr_html_()


def test_a_percentage_used_as_a_whole_number_is_spotted(found):
    """Does 360,000 clicks (× 1.2 instead of × 1.2%) get the divide-by-100 hint?"""
    check = check_projection("clicks", 360000, found, channel="paid_social")
    assert not check.correct
    assert "divide it by 100" in check.message
    assert "300,000 × 1.2 ÷ 100" in check.message


def test_a_missing_times_1000_is_spotted(found):
    """Does 300 impressions (forgetting × 1,000) get the CPM hint?"""
    check = check_projection("impressions", 300, found, channel="paid_social")
    assert "× 1,000 is missing" in check.message


def test_a_wrong_total_points_to_the_channels(found):
    """Is a wrong total answered with the channels' figures to add, not the sum itself?"""
    check = check_projection("revenue", 6000, found)
    assert "£3,960.00 + £2,600.00" in check.message
    assert "6,560" not in check.message


def test_text_and_unknown_steps(found):
    """Is text refused politely, and an unknown step refused with the real ones?"""
    assert "'lots' is not a number" in check_projection("clicks", "lots", found).message
    assert "should be a number" in check_projection("clicks", [3600], found).message
    with pytest.raises(PlanError, match="not a step"):
        check_projection("likes", 1, found)
