"""The A/B test: a two-sided two-proportion z-test with the pooled standard error."""

from __future__ import annotations

import math

import pytest

from coursework_kit.errors import MetricInputError
from coursework_kit.metrics import ab_test


def test_hand_worked_example():
    """Does 200/10,000 against 260/10,000 match the working on paper?

    pooled p = 460 / 20,000 = 0.023; SE = sqrt(0.023 x 0.977 x (1/10,000 + 1/10,000))
    = 0.0021199; z = (0.026 - 0.020) / 0.0021199 = 2.8303; p = 2 x (1 - Phi(2.8303)) = 0.00465.
    """
    result = ab_test(200, 10_000, 260, 10_000)
    assert result.rate_a == pytest.approx(2.0)
    assert result.rate_b == pytest.approx(2.6)
    assert result.difference == pytest.approx(0.6)
    assert result.uplift == pytest.approx(30.0)
    assert result.z == pytest.approx(2.8303, abs=1e-4)
    assert result.p_value == pytest.approx(0.00465, abs=1e-5)
    assert result.significant is True
    assert "unlikely to be chance" in result.summary


def test_small_difference_is_not_significant():
    """Is a small difference on small samples reported as possibly chance?

    A 20/1,000 (2.0%), B 25/1,000 (2.5%): pooled 0.0225, SE = 0.006633, z = 0.7538, p = 0.451.
    """
    result = ab_test(20, 1000, 25, 1000)
    assert result.z == pytest.approx(0.7538, abs=1e-3)
    assert result.p_value == pytest.approx(0.451, abs=1e-3)
    assert not result.significant
    assert "do not pick a winner yet" in result.summary


def test_alpha_changes_the_verdict():
    """Does a stricter significance level turn a borderline result into not significant?"""
    assert ab_test(200, 10_000, 245, 10_000).significant is True  # p about 0.032
    assert ab_test(200, 10_000, 245, 10_000, alpha=0.01).significant is False


def test_uplift_is_none_when_a_has_no_conversions():
    """Is the relative uplift left out (not infinite) when A converted nobody?"""
    result = ab_test(0, 500, 10, 500)
    assert result.uplift is None
    assert "no relative change" in result.summary
    assert math.isfinite(result.z)


@pytest.mark.parametrize(
    ("args", "kwargs", "message"),
    [
        ((0, 100, 0, 100), {}, "no difference to test"),
        ((100, 100, 100, 100), {}, "no difference to test"),
        ((101, 100, 5, 100), {}, "cannot be more than"),
        ((1, 0, 1, 10), {}, "must be more than 0"),
        ((1, 10, 1, 10), {"alpha": 5}, "between 0 and 1"),
        (("1", 10, 1, 10), {}, "must be a number"),
    ],
)
def test_bad_inputs(args, kwargs, message):
    """Are impossible A/B figures refused with a plain message?"""
    with pytest.raises(MetricInputError, match=message):
        ab_test(*args, **kwargs)


def test_result_reads_well_in_a_notebook():
    """Do the repr and the HTML show the verdict a learner needs?"""
    result = ab_test(200, 10_000, 260, 10_000)
    assert "significant=True" in repr(result)
    assert "<strong>Significant</strong>" in result._repr_html_()
