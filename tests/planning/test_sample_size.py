"""A/B test sample sizes against published worked examples, and reading a finished test.

Expected values are worked out here independently of the module: with z values typed from
standard normal tables and ``math.sqrt``, not ``statistics.NormalDist``.
"""

from __future__ import annotations

import math

import pytest

from coursework_kit.planning import PlanError, PlanTypeError, read_ab_test, sample_size

Z_975 = 1.959964  # z for 0.975 (two-sided alpha 0.05), from standard normal tables
Z_80 = 0.841621  # z for power 0.80
Z_90 = 1.281552  # z for power 0.90
Z_995 = 2.575829  # z for 0.995 (two-sided alpha 0.01)


def fleiss(p1, p2, z_alpha, z_power):
    """Fleiss, Levin & Paik (2003), eq. 4.14 without continuity correction."""
    mean = (p1 + p2) / 2
    top = z_alpha * math.sqrt(2 * mean * (1 - mean)) + z_power * math.sqrt(
        p1 * (1 - p1) + p2 * (1 - p2)
    )
    return top**2 / (p2 - p1) ** 2


def test_r_power_prop_test_help_page_example():
    """R's ?power.prop.test example: p1 = 0.50, p2 = 0.75, power = 0.90 gives n = 76.7.

    Source: R stats package documentation, power.prop.test, Examples:
    ``power.prop.test(p1 = .50, p2 = .75, power = .90)  # => n = 76.7``. Rounded up: 77.
    """
    assert fleiss(0.50, 0.75, Z_975, Z_90) == pytest.approx(76.7, abs=0.05)
    result = sample_size(50, 25, alpha=0.05, power=0.9)
    assert result.per_variant == 77
    assert result.total == 154


def test_r_power_prop_test_power_example():
    """R's ?power.prop.test example: n = 50 per group, p1 = 0.50, p2 = 0.75 gives power 0.740.

    Source: ``power.prop.test(n = 50, p1 = .50, p2 = .75)  # => power = 0.740``.
    """
    planned = sample_size(50, 25, alpha=0.05, power=0.9)
    assert planned.power_at(50) == pytest.approx(74.0, abs=0.05)
    assert planned.power_at(planned.per_variant) >= 90


@pytest.mark.parametrize(
    ("baseline", "target", "z_alpha", "z_power", "alpha", "power"),
    [
        (0.20, 0.25, Z_975, Z_80, 0.05, 0.8),
        (0.05, 0.06, Z_975, Z_80, 0.05, 0.8),
        (0.025, 0.03, Z_975, Z_90, 0.05, 0.9),
        (0.10, 0.12, Z_995, Z_80, 0.01, 0.8),
    ],
)
def test_matches_the_textbook_formula_worked_independently(
    baseline, target, z_alpha, z_power, alpha, power
):
    """Does the result equal Fleiss's formula, worked here with table z values, rounded up?"""
    expected = math.ceil(fleiss(baseline, target, z_alpha, z_power))
    found = sample_size(baseline * 100, (target - baseline) * 100, alpha=alpha, power=power)
    assert found.per_variant == expected


def test_twenty_percent_baseline_five_points_worked_by_hand():
    """Baseline 20%, detect 25% (5 points), alpha 0.05, power 0.8: 1,094 per version?

    p̄ = 0.225; 1.959964 × √(2 × 0.225 × 0.775) = 1.157457; 0.841621 × √(0.16 + 0.1875) =
    0.496128; (1.157457 + 0.496128)² ÷ 0.05² = 1,093.7, rounded up to 1,094. (Evan Miller's
    online calculator uses the baseline's variance in the first term instead of p̄, and so
    gives about 1,030 for the same inputs.)
    """
    assert sample_size(20, 5).per_variant == 1094


def test_lehr_rule_of_thumb():
    """Is the answer close to Lehr's rule, n ≈ 16 p̄(1 − p̄) ÷ δ² for alpha 0.05 and power 0.8?

    Source: van Belle, *Statistical Rules of Thumb* (2nd ed., 2008), rule 2.3; the rule is
    a close approximation when the two rates are near each other.
    """
    found = sample_size(10, 1).per_variant  # 10% -> 11%
    mean = 0.105
    assert found == pytest.approx(16 * mean * (1 - mean) / 0.01**2, rel=0.03)


def test_relative_and_absolute_effects_agree():
    """Is a 20% relative rise from 5% the same test as a 1-point absolute rise?"""
    relative = sample_size(5, 20, relative=True)
    absolute = sample_size(5, 1)
    assert relative.target == pytest.approx(6)
    assert relative.per_variant == absolute.per_variant
    assert relative.effect == pytest.approx(1)
    assert relative.relative_effect == pytest.approx(20)


def test_smaller_effects_need_more_visitors():
    """Does halving the effect roughly quadruple the visitors needed?"""
    big, small = sample_size(2.5, 20, relative=True), sample_size(2.5, 10, relative=True)
    assert 3.5 < small.per_variant / big.per_variant < 4.2


def test_summary_says_what_to_do():
    """Does the summary give the visitors per version and in all, in plain words?"""
    text = sample_size(50, 25, power=0.9).summary
    assert "show each version to 77 visitors (154 in all)" in text
    assert "90% chance" in text


@pytest.mark.parametrize(
    ("args", "kwargs", "message"),
    [
        ((0, 1), {}, "above 0% and below 100%"),
        ((100, 1), {}, "above 0% and below 100%"),
        ((0.5, 0), {}, "must be more than 0"),
        ((0.5, -1), {}, "must be more than 0"),
        ((95, 10), {}, "cannot reach 100%"),
        ((60, 70), {"relative": True}, "cannot reach 100%"),
        ((5, 1), {"alpha": 5}, "significance level must be between 0 and 1"),
        ((5, 1), {"power": 80}, "power must be between 0 and 1"),
        ((5, 1), {"power": 0}, "power must be between 0 and 1"),
    ],
)
def test_impossible_tests_are_refused(args, kwargs, message):
    """Does each impossible A/B test plan raise a PlanError saying what to change?"""
    with pytest.raises(PlanError, match=message):
        sample_size(*args, **kwargs)


def test_text_is_a_type_error():
    """Is a baseline typed as text refused as a PlanTypeError?"""
    with pytest.raises(PlanTypeError):
        sample_size("5%", 1)


def test_reading_a_test_uses_the_metrics_z_test():
    """Does reading a result give the same z and p as coursework_kit.metrics.ab_test?"""
    from coursework_kit.metrics import ab_test

    reading = read_ab_test(200, 10000, 260, 10000)
    direct = ab_test(200, 10000, 260, 10000)
    assert reading.result == direct
    assert reading.enough_visitors is None


def test_a_significant_result_from_too_few_visitors_is_flagged():
    """Is a test stopped before the planned sample size flagged, even when significant?"""
    planned = sample_size(2.5, 20, relative=True)
    reading = read_ab_test(152, 6000, 195, 6000, planned=planned)
    assert reading.result.significant
    assert reading.enough_visitors is False
    assert f"needed {planned.per_variant:,} visitors per version" in reading.summary
    assert "stopped too early" in reading._repr_html_()


def test_a_test_that_ran_long_enough_is_not_flagged():
    """With the planned visitors reached, is there no warning?"""
    planned = sample_size(2.5, 20, relative=True)
    n = planned.per_variant
    reading = read_ab_test(round(n * 0.025), n, round(n * 0.03), n, planned=planned)
    assert reading.enough_visitors is True
    assert "keep it running" not in reading.summary
