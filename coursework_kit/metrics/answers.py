"""When is a numeric answer right? One rule for every self-check and for the grader.

An answer counts as right when it is the exact value, or near enough for rounding:

- **relative to the size of the answer**: within 0.5% of the exact value (about three
  significant figures), so 2.5 for 2.5% and 187 for an ROI of 187.34% are right, but 0.02 for a
  click-through rate of 0.025% is not;
- **or rounded as the learner was told**: the exact value rounded (halves up) or cut off to
  ``places`` decimal places. With no instruction, money is rounded to the penny and seconds to
  the whole second; rates and ratios have no natural rounding, so only the 0.5% applies;
- **counts** (clicks, orders) are whole numbers worked out step by step, and one either way is
  allowed for rounding at each step.

Never right: 0 for an answer that is not 0 (or the other way round), or the opposite sign.
"""

from __future__ import annotations

import math
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from coursework_kit.errors import MetricLookupError

__all__ = ["NATURAL_PLACES", "RELATIVE", "UNITS", "close_enough", "rounded"]

# The units an answer can be in (the metric menu's result units, and "count").
UNITS = ("percent", "pounds", "seconds", "ratio", "points", "count")
# How far from the exact value an answer may be, as a share of the exact value.
RELATIVE = 0.005
# The rounding people use for a unit when nobody told them how to round.
NATURAL_PLACES = {"pounds": 2, "seconds": 0, "points": 0, "count": 0}
# One either way for a count, for rounding at each step.
_COUNT_SLACK = 1.0
# Floating-point noise: 0.1 + 0.2 is 0.30000000000000004.
_NOISE = 1e-9


def rounded(value: float, places: int, *, cut: bool = False) -> float:
    """``value`` to ``places`` decimal places, halves up as taught in school (or cut off).

    >>> rounded(0.625, 2), rounded(2.537, 2, cut=True), rounded(-2.5, 0)
    (0.63, 2.53, -3.0)
    """
    step = Decimal(1).scaleb(-places)
    return float(Decimal(repr(value)).quantize(step, rounding=ROUND_DOWN if cut else ROUND_HALF_UP))


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= _NOISE * max(1.0, abs(b))


def close_enough(answer: float, expected: float, unit: str, *, places: int | None = None) -> bool:
    """Whether ``answer`` counts as ``expected`` (see the module's rule), in ``unit`` (one of
    :data:`UNITS`), when the learner was told to round to ``places`` decimal places.

    >>> close_enough(0.025, 0.025, "percent"), close_enough(0.02, 0.025, "percent")
    (True, False)
    >>> close_enough(0.63, 0.625, "pounds"), close_enough(0.0, 0.004, "percent", places=2)
    (True, False)
    """
    if unit not in UNITS:
        raise MetricLookupError(
            f"{unit!r} is not a unit an answer can be in; choose one of {', '.join(UNITS)}."
        )
    if not (math.isfinite(answer) and math.isfinite(expected)):
        return False
    if _same(answer, expected):
        return True
    if _same(answer, 0.0) or _same(expected, 0.0) or (answer < 0) != (expected < 0):
        return False
    if unit == "count":
        return abs(answer - expected) <= _COUNT_SLACK + _NOISE
    if abs(answer - expected) <= RELATIVE * abs(expected) + _NOISE:
        return True
    told = places if places is not None else NATURAL_PLACES.get(unit)
    if told is None:
        return False
    return _same(answer, rounded(expected, told)) or _same(
        answer, rounded(expected, told, cut=True)
    )
