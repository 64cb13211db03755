"""Turn what a learner types into numbers, accepting the ways people (and pandas) write them.

This is the one reader of numbers in the kit: the calculator's boxes, every self-check's
answer and the grader's marking all come through :func:`parse_number`, so "225,000" cannot be
right in one place and refused in another.

Understood: numbers of any kind (``2``, ``2.5``, numpy's ``np.int64(2)``, a ``Decimal``), and
text such as "1,200", "£250", " 40 ", "£1,250.50", "-£40", "225 000" and, where a percentage
makes sense, "12.5%". Anything else gets a message that says what to type instead.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal
from numbers import Real
from typing import Literal

from coursework_kit.errors import MetricInputError, MetricTypeError

__all__ = ["Percent", "Reading", "parse_list", "parse_number", "read_answer"]

# What a % sign means: not allowed ("refuse"), the number is a percentage ("number": "12.5%"
# is 12.5), or the number is a share of 1 ("fraction": "12.5%" is 0.125).
Percent = Literal["refuse", "number", "fraction"]

_PLAIN = re.compile(r"^\d+(\.\d*)?$|^\.\d+$")
_GROUPED = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$")
_SPACED = re.compile(r"^\d{1,3}( \d{3})+(\.\d+)?$")
_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " "})
_MINUS = ("-", "\u2212", "\u2013")  # hyphen, minus sign, en dash (copied from a formula)


@dataclass(frozen=True)
class Reading:
    """A typed number and how it was typed: with a % sign, or as text in quotes."""

    value: float
    percent: bool = False
    text: bool = False


def read_answer(value: object, label: str = "your answer") -> Reading:
    """Read one number as it was given, % sign and all (a % sign does not change the value).

    >>> read_answer("12.5%")
    Reading(value=12.5, percent=True, text=True)
    >>> read_answer(3)
    Reading(value=3.0, percent=False, text=False)
    """
    if value is None:
        raise MetricTypeError(f"Type a number for {label}.")
    if isinstance(value, bool):
        raise MetricTypeError(_needs_number(label, value))
    if isinstance(value, (Real, Decimal)):
        number = float(value)
        if not math.isfinite(number):
            raise MetricInputError(f"{_upper(label)} must be an ordinary number, not {number}.")
        return Reading(number)
    if not isinstance(value, str):
        raise MetricTypeError(_needs_number(label, value))
    shown = value.strip()
    cleaned = " ".join(shown.translate(_SPACES).split())
    if not cleaned:
        raise MetricInputError(f"Type a number for {label}.")
    negative = cleaned.startswith(_MINUS)
    cleaned = cleaned[1:].lstrip() if negative or cleaned.startswith("+") else cleaned
    cleaned = cleaned.removeprefix("£").strip()
    if not negative and cleaned.startswith(_MINUS):  # "£-40"
        negative, cleaned = True, cleaned[1:].lstrip()
    percent = cleaned.endswith("%")
    cleaned = cleaned.removesuffix("%").rstrip()
    if _GROUPED.match(cleaned):
        cleaned = cleaned.replace(",", "")
    elif _SPACED.match(cleaned):
        cleaned = cleaned.replace(" ", "")
    elif "," in cleaned:
        raise MetricInputError(
            f"{shown!r} is not a number we can read for {label}: use commas only to group "
            "thousands (1,200) and a full stop for decimals (2.5)."
        )
    if not _PLAIN.match(cleaned):
        raise MetricInputError(
            f"{shown!r} is not a number. Type {label} using digits, for example 1200."
        )
    number = float(cleaned)
    return Reading(-number if negative else number, percent=percent, text=True)


def parse_number(value: object, label: str, *, percent: Percent = "refuse") -> float:
    """Read one typed number.

    >>> parse_number(" £1,250.50 ", "cost")
    1250.5
    >>> parse_number("40%", "margin", percent="fraction")
    0.4
    >>> parse_number("12.5%", "your answer", percent="number")
    12.5
    """
    reading = read_answer(value, label)
    if not reading.percent:
        return reading.value
    if percent == "refuse":
        raise MetricInputError(
            f"Type {label} as a plain number without the % sign, for example 1200."
        )
    return reading.value / 100 if percent == "fraction" else reading.value


def parse_list(text: object, label: str) -> list[float]:
    """Read a list of numbers separated by commas, spaces or semicolons.

    >>> parse_list("5, 4 3;2", "ratings")
    [5.0, 4.0, 3.0, 2.0]
    """
    if not isinstance(text, str) or not text.strip():
        raise MetricInputError(f"Type the {label} separated by commas, for example 5, 4, 3.")
    items = [item for item in re.split(r"[,;\s]+", text.strip()) if item]
    values = []
    for position, item in enumerate(items, start=1):
        if not _PLAIN.match(item):
            raise MetricInputError(
                f"Item {position} in the {label}, {item!r}, is not a number. "
                f"Type the {label} as digits separated by commas, for example 5, 4, 3."
            )
        values.append(float(item))
    return values


def _needs_number(label: str, value: object) -> str:
    kind = "True or False" if isinstance(value, bool) else f"a {type(value).__name__}"
    return f"{_upper(label)} should be a number, for example 2.5, not {kind}."


def _upper(text: str) -> str:
    return text[:1].upper() + text[1:]
