"""Input checks shared by every metric: learner-readable errors for unusable figures."""

from __future__ import annotations

import math
from collections.abc import Iterable
from numbers import Real

from coursework_kit._english import a_or_an
from coursework_kit.errors import MetricInputError, MetricTypeError


def number(value: object, label: str) -> float:
    """``value`` as a finite float that is not negative, or a clear error naming ``label``."""
    if isinstance(value, bool) or not isinstance(value, Real):
        shown = f"{value!r}" if isinstance(value, str) else type(value).__name__
        raise MetricTypeError(
            f"{label.capitalize()} must be a number, not {shown}. "
            "Type the figure without quotes, for example 1200."
        )
    result = float(value)
    if math.isnan(result) or math.isinf(result):
        raise MetricInputError(f"{label.capitalize()} must be an ordinary number, not {result}.")
    if result < 0:
        raise MetricInputError(f"{label.capitalize()} cannot be negative (you gave {value}).")
    return result


def count(value: object, label: str) -> float:
    """A number of things (clicks, orders, contacts): not negative and a whole number."""
    result = number(value, label)
    if not result.is_integer():
        raise MetricInputError(f"{label.capitalize()} must be a whole number, not {value}.")
    return result


def positive(value: float, label: str, purpose: str) -> float:
    """Reject a zero that would be divided by, saying what it was needed for."""
    if value == 0:
        raise MetricInputError(f"{label.capitalize()} must be more than 0 to work out {purpose}.")
    return value


def part_of_whole(part: float, whole: float, part_label: str, whole_label: str) -> None:
    """A part (clicks) can never be larger than the whole it comes from (impressions)."""
    if part > whole:
        raise MetricInputError(
            f"{part_label.capitalize()} ({part:,.0f}) cannot be more than {whole_label} "
            f"({whole:,.0f}). Check the two figures have not been swapped."
        )


def whole_scores(values: object, label: str, low: int, high: int) -> list[int]:
    """A non-empty list of whole-number scores between ``low`` and ``high``."""
    if isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
        raise MetricTypeError(
            f"The {label} must be a list of numbers, for example [5, 4, 3], "
            f"not {type(values).__name__}."
        )
    rule = f"{label.capitalize()} are whole numbers from {low} to {high}"
    result: list[int] = []
    for position, item in enumerate(values, start=1):
        where = f"number {position} in your list"
        if isinstance(item, bool) or not isinstance(item, Real):
            shown = (
                repr(item)
                if isinstance(item, (str, bool)) or item is None
                else a_or_an(type(item).__name__)
            )
            raise MetricTypeError(
                f"{rule}; {where} is {shown}, but each one must be a number, for example [5, 4, 3]."
            )
        score = float(item)
        if score < 0:
            raise MetricInputError(f"{rule}; {item:g} ({where}) cannot be negative.")
        if not (score.is_integer() and low <= score <= high):
            raise MetricInputError(f"{rule}; {item:g} ({where}) is not one.")
        result.append(int(score))
    if not result:
        raise MetricInputError(f"There are no {label} in the list: add at least one.")
    return result
