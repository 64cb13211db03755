"""Turn what a learner types into numbers, accepting the ways people write them.

"1,200", "£250", " 40 ", "£1,250.50" and (for a fraction) "40%" are all understood. Anything
else gets a message that says what to type instead.
"""

from __future__ import annotations

import re

from coursework_kit.errors import MetricInputError

__all__ = ["parse_list", "parse_number"]

_PLAIN = re.compile(r"^-?\d+(\.\d+)?$|^-?\.\d+$")
_GROUPED = re.compile(r"^-?\d{1,3}(,\d{3})+(\.\d+)?$")


def parse_number(text: object, label: str, *, percent_as_fraction: bool = False) -> float:
    """Read one typed number.

    >>> parse_number(" £1,250.50 ", "cost")
    1250.5
    >>> parse_number("40%", "margin", percent_as_fraction=True)
    0.4
    """
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        return float(text)
    if not isinstance(text, str):
        raise MetricInputError(f"Type a number for {label}.")
    cleaned = text.strip().replace("£", "").replace(" ", "").replace("\u00a0", "")
    if cleaned == "":
        raise MetricInputError(f"Type a number for {label}.")
    is_percent = cleaned.endswith("%")
    if is_percent:
        if not percent_as_fraction:
            raise MetricInputError(
                f"Type {label} as a plain number without the % sign, for example 1200."
            )
        cleaned = cleaned[:-1]
    if _GROUPED.match(cleaned):
        cleaned = cleaned.replace(",", "")
    elif "," in cleaned:
        raise MetricInputError(
            f"{text.strip()!r} is not a number we can read for {label}: use commas only to "
            "group thousands (1,200) and a full stop for decimals (2.5)."
        )
    if not _PLAIN.match(cleaned):
        raise MetricInputError(
            f"{text.strip()!r} is not a number. Type {label} using digits, for example 1200."
        )
    value = float(cleaned)
    return value / 100 if is_percent else value


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
