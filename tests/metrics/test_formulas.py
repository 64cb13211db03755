"""Every metric formula against figures worked out by hand, and every kind of bad input."""

from __future__ import annotations

import math

import pytest

from coursework_kit.errors import CourseworkError, MetricInputError, MetricTypeError
from coursework_kit.metrics import (
    aht,
    aov,
    bounce_rate,
    cac,
    click_to_open_rate,
    clv,
    conversion_rate,
    cpa,
    cpc,
    cpm,
    csat,
    ctr,
    engagement_rate,
    fcr,
    nps,
    open_rate,
    roas,
    roi,
    unsubscribe_rate,
)

HAND_WORKED = [
    # (function, args, expected) - each worked on paper
    (ctr, (45, 1800), 2.5),  # 45/1800 = 0.025 -> 2.5%
    (ctr, (3, 7), 300 / 7),  # 42.857...%
    (conversion_rate, (30, 1200), 2.5),
    (cpc, (250, 400), 0.625),  # £250 over 400 clicks
    (cpm, (150, 50_000), 3.0),  # £150 / 50,000 x 1,000
    (cpa, (600, 24), 25.0),
    (cac, (900, 30), 30.0),
    (aov, (4500, 60), 75.0),
    (roi, (1500, 500), 200.0),  # (1500-500)/500 x 100
    (roi, (300, 500), -40.0),  # a loss
    (roas, (2000, 500), 4.0),
    (engagement_rate, (120, 4000), 3.0),
    (engagement_rate, (5000, 4000), 125.0),  # several reactions per person is possible
    (open_rate, (880, 3200), 27.5),
    (click_to_open_rate, (110, 880), 12.5),
    (bounce_rate, (420, 1000), 42.0),
    (unsubscribe_rate, (8, 3200), 0.25),
    (aht, (36_000, 80), 450.0),
    (fcr, (72, 96), 75.0),
    (csat, ([5, 4, 3, 5, 2, 4, 5, 1],), 62.5),  # 5 of 8 are 4 or 5
    (nps, ([10, 9, 9, 8, 7, 6, 3, 10],), 25.0),  # 4 promoters, 2 detractors, 8 answers
    (nps, ([0, 1, 2],), -100.0),
    (clv, (60, 4, 3), 720.0),
]


@pytest.mark.parametrize(("function", "args", "expected"), HAND_WORKED)
def test_hand_worked_figures(function, args, expected):
    """Does each formula give the figure worked out by hand?"""
    assert function(*args) == pytest.approx(expected)


def test_clv_margin_is_a_fraction():
    """Does CLV apply a margin given as a fraction, and refuse one given as a percentage?"""
    assert clv(60, 4, 3, margin=0.25) == pytest.approx(180.0)
    with pytest.raises(MetricInputError, match="fraction from 0 to 1"):
        clv(60, 4, 3, margin=40)


def test_numbers_from_pandas_and_numpy_are_accepted():
    """Do numpy integers and whole floats (as pandas gives them) count as counts?"""
    import numpy as np

    assert ctr(np.int64(45), np.float64(1800.0)) == pytest.approx(2.5)


TWO_ARG = [
    ctr,
    conversion_rate,
    cpc,
    cpm,
    cpa,
    cac,
    aov,
    roi,
    roas,
    engagement_rate,
    open_rate,
    click_to_open_rate,
    bounce_rate,
    unsubscribe_rate,
    aht,
    fcr,
]


@pytest.mark.parametrize("function", TWO_ARG)
@pytest.mark.parametrize("bad", ["12", "abc", True, None, [1], {"a": 1}])
def test_wrong_types_raise_a_type_error(function, bad):
    """Is text, True/False or a list refused as a TypeError that tells the learner what to do?"""
    with pytest.raises(MetricTypeError, match="must be a number") as caught:
        function(bad, 100)
    assert isinstance(caught.value, TypeError)
    assert isinstance(caught.value, ValueError)
    assert isinstance(caught.value, CourseworkError)


@pytest.mark.parametrize("function", TWO_ARG)
@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
def test_nan_and_infinity_are_refused(function, bad):
    """Are NaN and infinity refused with a plain message?"""
    with pytest.raises(MetricInputError, match="ordinary number"):
        function(bad, 100)
    with pytest.raises(MetricInputError, match="ordinary number"):
        function(1, bad)


@pytest.mark.parametrize("function", TWO_ARG)
def test_negatives_are_refused(function):
    """Is a negative figure refused on either side?"""
    with pytest.raises(MetricInputError, match="cannot be negative"):
        function(-1, 100)
    with pytest.raises(MetricInputError, match="cannot be negative"):
        function(1, -100)


@pytest.mark.parametrize("function", TWO_ARG)
def test_zero_denominator_says_what_it_was_needed_for(function):
    """Does dividing by zero give 'must be more than 0 to work out ...', not a crash?"""
    with pytest.raises(MetricInputError, match="must be more than 0 to work out"):
        function(0, 0)


def test_zero_impressions_message_is_plain():
    """Is the message for a CTR with no impressions the one a learner can act on?"""
    with pytest.raises(MetricInputError) as caught:
        ctr(0, 0)
    assert str(caught.value) == "Impressions must be more than 0 to work out a click-through rate."


@pytest.mark.parametrize(
    ("function", "part", "whole"),
    [
        (ctr, 500, 400),
        (conversion_rate, 31, 30),
        (open_rate, 5, 4),
        (click_to_open_rate, 9, 8),
        (bounce_rate, 11, 10),
        (unsubscribe_rate, 2, 1),
        (fcr, 97, 96),
    ],
)
def test_a_part_larger_than_its_whole_is_refused(function, part, whole):
    """Is a part larger than its whole (clicks > impressions) refused, suggesting a swap?"""
    with pytest.raises(MetricInputError, match=r"cannot be more than .* swapped"):
        function(part, whole)


@pytest.mark.parametrize("function", [ctr, conversion_rate, fcr, aov, cpa])
def test_counts_must_be_whole(function):
    """Is half a click (or half an order) refused?"""
    with pytest.raises(MetricInputError, match="whole number"):
        function(2, 10.5)


@pytest.mark.parametrize(
    ("function", "values", "message"),
    [
        (csat, [], "no ratings"),
        (csat, [5, 6], "from 1 to 5"),
        (csat, [0], "from 1 to 5"),
        (csat, [4.5], "whole number"),
        (csat, "5,4", "must be a list"),
        (csat, 5, "must be a list"),
        (nps, [], "no scores"),
        (nps, [11], "from 0 to 10"),
        (nps, [-1], "cannot be negative"),
        (nps, [True], "must be a number"),
    ],
)
def test_ratings_and_scores_out_of_range_or_empty(function, values, message):
    """Are empty lists and out-of-range ratings or scores refused, saying which one?"""
    with pytest.raises(MetricInputError, match=message):
        function(values)


def test_csat_accepts_any_iterable():
    """Does CSAT accept a tuple or a generator of ratings as well as a list?"""
    assert csat((5, 1)) == 50.0
    assert csat(r for r in [4, 4, 2, 2]) == 50.0
