"""A/B tests for a campaign: how many visitors each version needs, and reading the result.

The sample size uses the standard normal-approximation formula for comparing two proportions
(two-sided, equal groups, no continuity correction), as in Fleiss, Levin and Paik, *Statistical
Methods for Rates and Proportions* (3rd edition, 2003), and R's ``power.prop.test``::

    n = (z(1 − α/2) × √(2 × p̄ × (1 − p̄)) + z(power) × √(p1 × (1 − p1) + p2 × (1 − p2)))²
        ÷ (p2 − p1)²

per version, rounded up to a whole visitor, where p1 is the baseline conversion rate, p2 the
rate you want to be able to detect, p̄ = (p1 + p2) ÷ 2 and z(q) is the point of the standard
normal distribution with a share q below it (``statistics.NormalDist().inv_cdf``). Some online
calculators put p1 × (1 − p1) in place of p̄ × (1 − p̄) in the first term, and give slightly
smaller numbers.

Reading a finished test uses :func:`coursework_kit.metrics.ab_test` (a two-proportion z-test).
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass
from numbers import Real
from statistics import NormalDist

from coursework_kit._english import a_or_an, count, plural
from coursework_kit.metrics import ABTestResult, ab_test
from coursework_kit.planning.plan import PlanError, PlanTypeError

__all__ = ["ABReading", "SampleSize", "read_ab_test", "sample_size"]

_NORMAL = NormalDist()


def _figure(value: object, label: str) -> float:
    """A figure as a float: any kind of number (numpy's and pandas' too), not text or True."""
    if isinstance(value, bool) or not isinstance(value, Real):
        raise PlanTypeError(f"The {label} must be a number, not {value!r}.")
    number = float(value)
    if not math.isfinite(number):
        raise PlanError(f"The {label} must be an ordinary number, not {value}.")
    return number


def _between(value: object, label: str, example: str) -> float:
    result = _figure(value, label)
    if not 0 < result < 1:
        raise PlanError(
            f"The {label} must be between 0 and 1, for example {example}; you gave {value}."
        )
    return result


@dataclass(frozen=True)
class SampleSize:
    """Visitors needed per version of an A/B test. Rates are percentages."""

    baseline: float
    target: float
    alpha: float
    power: float
    per_variant: int

    @property
    def effect(self) -> float:
        """The smallest change worth detecting, in percentage points (target − baseline)."""
        return self.target - self.baseline

    @property
    def relative_effect(self) -> float:
        """The same change as a percentage of the baseline."""
        return self.effect / self.baseline * 100

    @property
    def total(self) -> int:
        """Visitors needed across both versions."""
        return 2 * self.per_variant

    def power_at(self, visitors: int) -> float:
        """The chance (%) of detecting the change with ``visitors`` per version, not the plan's.

        power = Φ((√n × |p2 − p1| − z(1 − α/2) × √(2 p̄ (1 − p̄))) ÷ √(p1 (1 − p1) + p2 (1 − p2))).
        """
        n = _figure(visitors, "number of visitors")
        if n <= 0:
            raise PlanError("The number of visitors must be more than 0.")
        p1, p2 = self.baseline / 100, self.target / 100
        mean = (p1 + p2) / 2
        top = math.sqrt(n) * abs(p2 - p1) - _NORMAL.inv_cdf(1 - self.alpha / 2) * math.sqrt(
            2 * mean * (1 - mean)
        )
        return _NORMAL.cdf(top / math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))) * 100

    @property
    def summary(self) -> str:
        """One plain-English sentence on what the number means."""
        return (
            f"To have {a_or_an(f'{self.power:.0%} chance')} of spotting a change from "
            f"{self.baseline:g}% to {self.target:g}% ({self.effect:+.4g} "
            f"{plural('percentage point', abs(self.effect))}, {self.relative_effect:+.3g}% "
            f"of the baseline) at {a_or_an(f'{self.alpha:g} significance level')}, show each "
            f"version to {count(self.per_variant, 'visitor')} ({self.total:,} in all)."
        )

    def __repr__(self) -> str:
        return (
            f"SampleSize(baseline={self.baseline:g}%, target={self.target:g}%, "
            f"alpha={self.alpha:g}, power={self.power:g}, per_variant={self.per_variant:,})"
        )

    def _repr_html_(self) -> str:
        return (
            f"<div role='status'><strong>{count(self.per_variant, 'visitor')} per version</strong> "
            f"({self.total:,} in all)<br>{html.escape(self.summary)}</div>"
        )


def sample_size(
    baseline: object,
    effect: object,
    *,
    relative: bool = False,
    alpha: object = 0.05,
    power: object = 0.8,
) -> SampleSize:
    """Visitors needed per version to detect a rise from ``baseline`` % by ``effect``.

    ``effect`` is in percentage points (absolute: 1 means 5% to 6%) unless ``relative=True``,
    when it is a percentage of the baseline (20 means 5% to 6%). The test is two-sided at
    significance level ``alpha`` with the given ``power``. See the module's docstring for the
    formula.

    >>> sample_size(50, 25, alpha=0.05, power=0.9).per_variant
    77
    >>> sample_size(5, 20, relative=True).target
    6.0
    """
    p1 = _figure(baseline, "baseline conversion rate (%)")
    if not 0 < p1 < 100:
        raise PlanError(
            f"The baseline conversion rate must be above 0% and below 100% (you gave {baseline}). "
            "Type it as a percentage, for example 2.5 for 2.5%."
        )
    change = _figure(effect, "minimum detectable effect")
    if change <= 0:
        raise PlanError(
            "The minimum detectable effect must be more than 0: the smallest rise you would "
            "want to know about, for example 1 for one percentage point."
        )
    target = round(p1 * (1 + change / 100) if relative else p1 + change, 10)
    if target >= 100:
        raise PlanError(
            f"A rise of {f'{change:g}%' if relative else count(change, 'percentage point')} "
            f"from {p1:g}% would reach {target:g}%, and a conversion rate cannot reach 100%. "
            "Choose a smaller effect."
        )
    level = _between(alpha, "significance level", "0.05")
    wanted = _between(power, "power", "0.8 for an 80% chance")
    a, b = p1 / 100, target / 100
    mean = (a + b) / 2
    z_alpha = _NORMAL.inv_cdf(1 - level / 2)
    z_power = _NORMAL.inv_cdf(wanted)
    top = z_alpha * math.sqrt(2 * mean * (1 - mean)) + z_power * math.sqrt(
        a * (1 - a) + b * (1 - b)
    )
    n = top**2 / (b - a) ** 2
    return SampleSize(p1, target, level, wanted, math.ceil(round(n, 9)))


@dataclass(frozen=True)
class ABReading:
    """A finished A/B test read against its plan: the z-test, and whether it ran long enough."""

    result: ABTestResult
    planned: SampleSize | None
    visitors: tuple[int, int]

    @property
    def enough_visitors(self) -> bool | None:
        """True when both versions reached the planned sample size (None with no plan)."""
        if self.planned is None:
            return None
        return min(self.visitors) >= self.planned.per_variant

    @property
    def summary(self) -> str:
        """What the test shows, and whether to trust it yet."""
        text = self.result.summary
        if self.enough_visitors is False and self.planned is not None:
            text += (
                f" The plan needed {count(self.planned.per_variant, 'visitor')} per version "
                f"and this test had {self.visitors[0]:,} and {self.visitors[1]:,}: keep it running "
                "before deciding, because stopping early makes a chance result look real."
            )
        return text

    def __repr__(self) -> str:
        return f"ABReading({self.result!r}, enough_visitors={self.enough_visitors})"

    def _repr_html_(self) -> str:
        word = "Significant" if self.result.significant else "Not significant"
        if self.enough_visitors is False:
            word += ", but the test stopped too early"
        return f"<div role='status'><strong>{word}.</strong> {html.escape(self.summary)}</div>"


def read_ab_test(
    conversions_a: object,
    visitors_a: object,
    conversions_b: object,
    visitors_b: object,
    *,
    planned: SampleSize | None = None,
    alpha: float = 0.05,
) -> ABReading:
    """Run the z-test of :func:`coursework_kit.metrics.ab_test` (at the plan's significance
    level if a plan is given) and check each version had the visitors the plan needed."""
    result = ab_test(
        conversions_a,
        visitors_a,
        conversions_b,
        visitors_b,
        alpha=planned.alpha if planned is not None else alpha,
    )
    return ABReading(result, planned, (int(visitors_a), int(visitors_b)))  # type: ignore[call-overload]
