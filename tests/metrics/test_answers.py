"""When is a numeric answer right? The one rule for self-checks and grading."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coursework_kit.errors import MetricLookupError
from coursework_kit.metrics.answers import UNITS, close_enough, rounded


@pytest.mark.parametrize(
    ("answer", "expected", "unit"),
    [
        (0.025, 0.025, "percent"),
        (2.5, 2.5, "percent"),
        (2.49, 2.5, "percent"),  # within 0.5% of the answer
        (187.0, 187.34, "percent"),  # a large answer, rounded to a whole number
        (7.5, 7.49, "percent"),
        (0.63, 0.625, "pounds"),  # to the penny, halves up
        (0.62, 0.625, "pounds"),  # to the penny, cut off
        (452.0, 452.5, "seconds"),  # to the second
        (4.0, 4.0, "ratio"),
        (33.0, 33.33, "points"),
        (71.0, 72.0, "count"),  # one either way for rounding each step
        (73.0, 72.0, "count"),
        (-12.5, -12.5, "percent"),
        (0.0, 0.0, "percent"),
    ],
)
def test_right_answers(answer, expected, unit):
    """Are exact answers and sensible roundings right, by the size of the answer?"""
    assert close_enough(answer, expected, unit)


@pytest.mark.parametrize(
    ("answer", "expected", "unit"),
    [
        (0.0, 0.025, "percent"),  # the example: 0 for 12 clicks of 48,000
        (0.00025, 0.025, "percent"),  # × 100 forgotten
        (0.02, 0.025, "percent"),  # a flat 0.05 points would have passed it
        (0.03, 0.025, "percent"),
        (2.54, 2.5, "percent"),
        (186.0, 187.34, "percent"),
        (0.70, 0.625, "pounds"),
        (450.0, 452.5, "seconds"),
        (70.0, 72.0, "count"),
        (0.0, 1.0, "count"),  # 0 is never right for an answer that is not 0
        (1.0, 0.0, "count"),  # nor the other way round
        (0.001, 0.0, "percent"),
        (12.5, -12.5, "percent"),  # the opposite sign
        (-0.3, 0.3, "seconds"),
        (float("nan"), 2.5, "percent"),
        (float("inf"), 2.5, "percent"),
    ],
)
def test_wrong_answers(answer, expected, unit):
    """Is 0 for a non-zero answer, a × 100 slip, the wrong sign or a far rounding wrong?"""
    assert not close_enough(answer, expected, unit)


def test_rounding_the_learner_was_told_to_use():
    """Told to round to 2 decimal places, is the rounded (or cut off) answer right, however
    small, but never 0 for an answer that is not 0?"""
    assert close_enough(4.14, 4.137, "percent", places=2)
    assert close_enough(4.13, 4.137, "percent", places=2)  # cut off
    assert not close_enough(4.1, 4.137, "percent", places=2)
    assert close_enough(0.03, 0.025, "percent", places=2)
    assert not close_enough(0.03, 0.025, "percent")  # not told: 0.03 is 20% out
    assert not close_enough(0.0, 0.004, "percent", places=2)  # rounds to 0, still not 0
    assert close_enough(0.004, 0.004, "percent", places=2)  # more places than asked is fine
    assert close_enough(95.0, 95.4, "seconds", places=0)
    assert not close_enough(94.0, 95.6, "seconds", places=0)


def test_rounding_halves_up_as_taught():
    """Are halves rounded up (0.625 -> 0.63), not to even as floats do?"""
    assert rounded(0.625, 2) == 0.63
    assert rounded(2.5, 0) == 3
    assert rounded(2.537, 2, cut=True) == 2.53


def test_an_unknown_unit_is_refused():
    """Is a unit that no answer is in refused, naming the ones there are?"""
    with pytest.raises(MetricLookupError, match="percent"):
        close_enough(1, 1, "parsecs")


@given(
    st.floats(min_value=1e-6, max_value=1e6),
    st.sampled_from([u for u in UNITS if u != "count"]),
)
def test_the_exact_answer_and_its_rounding_are_right(expected, unit):
    """Is the exact answer always right, and is anything 1% out or more, or 0, always wrong
    when the learner was not told to round?"""
    assert close_enough(expected, expected, unit)
    assert not close_enough(0.0, expected, unit)
    assert not close_enough(expected * 100, expected, unit)
    assert not close_enough(expected / 100, expected, unit)
    if unit in ("percent", "ratio"):
        assert not close_enough(expected * 1.01, expected, unit)
        assert close_enough(expected * 1.004, expected, unit)
