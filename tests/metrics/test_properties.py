"""Properties that must hold for any figures, found by hypothesis."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coursework_kit.metrics import (
    ab_test,
    bounce_rate,
    click_to_open_rate,
    conversion_rate,
    csat,
    ctr,
    fcr,
    nps,
    open_rate,
    roas,
    roi,
    unsubscribe_rate,
)

RATES = [ctr, conversion_rate, open_rate, click_to_open_rate, bounce_rate, unsubscribe_rate, fcr]
money = st.floats(min_value=0.01, max_value=1e9, allow_nan=False, allow_infinity=False)


@st.composite
def part_and_whole(draw):
    whole = draw(st.integers(min_value=1, max_value=10**9))
    return draw(st.integers(min_value=0, max_value=whole)), whole


@pytest.mark.parametrize("rate", RATES)
@given(pw=part_and_whole())
def test_rates_stay_between_0_and_100(rate, pw):
    """Does every rate stay within 0-100 when the part does not exceed the whole?"""
    assert 0 <= rate(*pw) <= 100


@given(revenue=st.floats(min_value=0, max_value=1e9, allow_nan=False), cost=money)
def test_roi_is_roas_minus_one_times_100(revenue, cost):
    """Is ROI always (ROAS - 1) x 100 for the same revenue and spend?"""
    assert roi(revenue, cost) == pytest.approx((roas(revenue, cost) - 1) * 100, rel=1e-9, abs=1e-6)


@given(st.lists(st.integers(min_value=1, max_value=5), min_size=1))
def test_csat_is_a_percentage(ratings):
    """Is CSAT always a percentage, and 100 only when every rating is 4 or 5?"""
    value = csat(ratings)
    assert 0 <= value <= 100
    assert (value == 100) == all(r >= 4 for r in ratings)


@given(st.lists(st.integers(min_value=0, max_value=10), min_size=1))
def test_nps_is_between_minus_100_and_100(scores):
    """Is NPS always between -100 and +100?"""
    assert -100 <= nps(scores) <= 100


@given(a=part_and_whole(), b=part_and_whole())
def test_ab_test_is_symmetric(a, b):
    """Does swapping A and B flip the sign of z and keep the p-value?"""
    try:
        forward = ab_test(*a, *b)
    except ValueError:
        return  # nothing to compare (no conversions anywhere, or all of them)
    backward = ab_test(*b, *a)
    assert backward.z == pytest.approx(-forward.z)
    assert backward.p_value == pytest.approx(forward.p_value)
    assert 0 <= forward.p_value <= 1
