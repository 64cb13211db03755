"""Reading numbers the way people type them."""

from __future__ import annotations

import pytest

from coursework_kit.errors import MetricInputError
from coursework_kit.metrics.parsing import parse_list, parse_number


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("1,200", 1200),
        ("£250", 250),
        (" 40 ", 40),
        ("£1,250.50", 1250.5),
        ("1 200", 1200),
        ("0.5", 0.5),
        (".5", 0.5),
        ("12,345,678", 12_345_678),
        ("-3", -3),
        (7, 7.0),
    ],
)
def test_what_people_type_is_understood(typed, expected):
    """Are commas for thousands, a £ sign and stray spaces accepted?"""
    assert parse_number(typed, "cost") == expected


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Type a number for clicks"),
        ("   ", "Type a number for clicks"),
        ("abc", "is not a number"),
        ("1,2", "commas only to group thousands"),
        ("12,00", "commas only"),
        ("1.2.3", "is not a number"),
        ("5%", "without the % sign"),
        (None, "Type a number"),
        ("1e5", "is not a number"),
    ],
)
def test_what_cannot_be_read_gets_a_plain_message(typed, message):
    """Does text that is not a number say what to type instead?"""
    with pytest.raises(MetricInputError, match=message):
        parse_number(typed, "clicks")


def test_percent_as_fraction():
    """Is "40%" read as 0.4 where a fraction is wanted?"""
    assert parse_number("40%", "margin", percent_as_fraction=True) == pytest.approx(0.4)
    assert parse_number("0.4", "margin", percent_as_fraction=True) == pytest.approx(0.4)


def test_lists():
    """Are lists split on commas, spaces or semicolons, naming a bad item by position?"""
    assert parse_list("5,4, 3 ;2", "ratings") == [5, 4, 3, 2]
    with pytest.raises(MetricInputError, match="Item 2 in the ratings, 'x'"):
        parse_list("5, x", "ratings")
    with pytest.raises(MetricInputError, match="separated by commas"):
        parse_list("  ", "ratings")
