"""How metric values are written for learners: £1,250.00, 2.50%, 7 min 30 s, +25."""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal

from coursework_kit._english import plural

__all__ = ["format_input", "format_value"]


def _half_up(value: float, places: int) -> float:
    """Round as taught in school (0.625 -> 0.63), not as floats do by default (0.62)."""
    step = Decimal(1).scaleb(-places)
    return float(Decimal(repr(value)).quantize(step, rounding=ROUND_HALF_UP))


def format_value(value: float, unit: str) -> str:
    """A metric result written with its unit.

    >>> format_value(2.5, "percent"), format_value(1250, "pounds"), format_value(450, "seconds")
    ('2.50%', '£1,250.00', '450 seconds (7 min 30 s)')
    >>> format_value(4, "ratio"), format_value(25, "points"), format_value(0.625, "pounds")
    ('4.00', '+25.0', '£0.63')
    """
    if unit == "percent":
        places = _places(value)
        return f"{_half_up(value, places):,.{places}f}%"
    if unit == "pounds":
        value = _half_up(value, 2)
        return f"-£{-value:,.2f}" if value < 0 else f"£{value:,.2f}"
    if unit == "seconds":
        minutes, seconds = divmod(round(value), 60)
        shown = f"{value:,.0f}"
        return f"{shown} {plural('second', 1 if shown == '1' else 2)} ({minutes} min {seconds} s)"
    if unit == "points":
        return f"{_half_up(value, 1):+.1f}"
    places = _places(value)
    return f"{_half_up(value, places):,.{places}f}"


def _places(value: float) -> int:
    """Two decimal places, or as many as keep two significant figures of a small value (a
    click-through rate of 0.025% is not written as 0.03%).

    >>> _places(2.5), _places(0.025), _places(0.0004), _places(0)
    (2, 3, 5, 2)
    """
    if value == 0 or abs(value) >= 0.1:
        return 2
    return min(8, 1 - math.floor(math.log10(abs(value))))


def format_input(value: float, kind: str) -> str:
    """A learner's input written back in a formula: 1,800 or £250.00 or 0.4.

    >>> format_input(1800, "count"), format_input(250, "money"), format_input(0.4, "fraction")
    ('1,800', '£250.00', '0.4')
    """
    if kind == "money":
        return f"£{value:,.2f}"
    if kind in ("count", "seconds"):
        return f"{value:,.0f}"
    return f"{value:,g}"
