"""A/B test: is version B's conversion rate really different from version A's?"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass

from coursework_kit.errors import MetricInputError
from coursework_kit.metrics._checks import count, number, part_of_whole, positive

__all__ = ["ABTestResult", "ab_test"]


@dataclass(frozen=True)
class ABTestResult:
    """The outcome of a two-sided two-proportion z-test. Rates are percentages."""

    rate_a: float
    rate_b: float
    uplift: float | None
    z: float
    p_value: float
    alpha: float
    significant: bool

    @property
    def difference(self) -> float:
        """B's rate minus A's, in percentage points."""
        return self.rate_b - self.rate_a

    @property
    def summary(self) -> str:
        """One plain-English sentence on what the test shows."""
        if self.uplift is None:
            change = "A had no conversions, so there is no relative change to give"
        else:
            direction = "higher" if self.uplift >= 0 else "lower"
            change = f"B's rate is {abs(self.uplift):.1f}% {direction} than A's"
        verdict = (
            f"p = {self.p_value:.3f} is below {self.alpha:g}, so the difference is unlikely "
            "to be chance"
            if self.significant
            else f"p = {self.p_value:.3f} is not below {self.alpha:g}, so the difference could "
            "well be chance: do not pick a winner yet"
        )
        return (
            f"A converted at {self.rate_a:.2f}% and B at {self.rate_b:.2f}%; {change}. {verdict}."
        )

    def __repr__(self) -> str:
        return (
            f"ABTestResult(rate_a={self.rate_a:.2f}%, rate_b={self.rate_b:.2f}%, "
            f"z={self.z:.3f}, p_value={self.p_value:.4f}, significant={self.significant})"
        )

    def _repr_html_(self) -> str:
        word = "Significant" if self.significant else "Not significant"
        return (
            f"<div role='status'><strong>{word}</strong> (z = {self.z:.2f}, "
            f"p = {self.p_value:.3f})<br>{html.escape(self.summary)}</div>"
        )


def ab_test(
    conversions_a: object,
    visitors_a: object,
    conversions_b: object,
    visitors_b: object,
    *,
    alpha: object = 0.05,
) -> ABTestResult:
    """Two-sided two-proportion z-test with the pooled standard error.

    p = (conversions A + conversions B) ÷ (visitors A + visitors B);
    SE = √(p × (1 − p) × (1/visitors A + 1/visitors B));
    z = (rate B − rate A) ÷ SE; p-value = 2 × (1 − Φ(|z|)). Significant when p-value < alpha.

    >>> result = ab_test(200, 10000, 260, 10000)
    >>> round(result.z, 2), round(result.p_value, 3), result.significant
    (2.83, 0.005, True)
    >>> round(result.uplift, 1)
    30.0
    """
    ca = count(conversions_a, "conversions for A")
    va = positive(count(visitors_a, "visitors for A"), "visitors for A", "an A/B test")
    cb = count(conversions_b, "conversions for B")
    vb = positive(count(visitors_b, "visitors for B"), "visitors for B", "an A/B test")
    part_of_whole(ca, va, "conversions for A", "visitors for A")
    part_of_whole(cb, vb, "conversions for B", "visitors for B")
    level = number(alpha, "the significance level")
    if not 0 < level < 1:
        raise MetricInputError(
            f"The significance level must be between 0 and 1, usually 0.05; you gave {alpha}."
        )
    pa, pb = ca / va, cb / vb
    pooled = (ca + cb) / (va + vb)
    se = math.sqrt(pooled * (1 - pooled) * (1 / va + 1 / vb))
    if se == 0:
        raise MetricInputError(
            "Both versions converted none of their visitors (or all of them), "
            "so there is no difference to test."
        )
    z = (pb - pa) / se
    p_value = math.erfc(abs(z) / math.sqrt(2))
    return ABTestResult(
        rate_a=pa * 100,
        rate_b=pb * 100,
        uplift=None if pa == 0 else (pb - pa) / pa * 100,
        z=z,
        p_value=p_value,
        alpha=level,
        significant=p_value < level,
    )
