"""Reading numbers the way people type them."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import numpy as np
import pytest

from coursework_kit.errors import MetricInputError
from coursework_kit.metrics.parsing import Reading, parse_list, parse_number, read_answer


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
    assert parse_number("40%", "margin", percent="fraction") == pytest.approx(0.4)
    assert parse_number("0.4", "margin", percent="fraction") == pytest.approx(0.4)


def test_percent_as_a_number():
    """Is "12.5%" read as 12.5 where the answer is a percentage?"""
    assert parse_number("12.5%", "your answer", percent="number") == 12.5
    assert parse_number(" 12.5 % ", "your answer", percent="number") == 12.5


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (2, 2.0),
        (np.int64(2), 2.0),
        (np.int32(-7), -7.0),
        (np.float64(0.025), 0.025),
        (np.float32(2.5), 2.5),
        (Decimal("4.92"), 4.92),
        (Fraction(1, 4), 0.25),
        ("225,000", 225_000),
        ("£4,920", 4920),
        ("£4,920.50", 4920.5),
        (" 3 ", 3),
        ("3.", 3),
        ("+3", 3),
        ("-£40", -40),
        ("£-40", -40),
        ("\u221240", -40),  # a minus sign copied from a formula
        ("225\u00a0000", 225_000),  # a non-breaking space between the thousands
        ("£ 1,250", 1250),
    ],
)
def test_the_forms_people_and_pandas_produce(given, expected):
    """Are numpy and pandas numbers, Decimals and the ways people write numbers all read?"""
    assert read_answer(given).value == pytest.approx(expected)


def test_a_reading_says_how_it_was_typed():
    """Does the reader keep a % sign and quotes, so a check can say something about them?"""
    assert read_answer("12.5%") == Reading(12.5, percent=True, text=True)
    assert read_answer(12.5) == Reading(12.5)


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ("abc", "'abc' is not a number"),
        ("", "Type a number for your answer"),
        ("   ", "Type a number for your answer"),
        ("1,2,3", "commas only to group thousands"),
        ("1 2 3", "is not a number"),
        ("12,5", "full stop for decimals"),
        ("£", "is not a number"),
        ("%", "is not a number"),
        ("2.5.1", "is not a number"),
        ("--3", "is not a number"),
        (True, "not True or False"),
        (np.bool_(True), "should be a number"),
        ([2.5], "not a list"),
        (float("nan"), "ordinary number"),
        (np.float64("inf"), "ordinary number"),
        (None, "Type a number"),
    ],
)
def test_clear_refusals(given, message):
    """Is anything that is not one number refused with a message saying what to type?"""
    with pytest.raises(MetricInputError, match=message):
        read_answer(given)


def test_every_numeric_answer_uses_this_reader():
    """Do check_answer and check_projection accept exactly what the calculator accepts?"""
    from coursework_kit.metrics import check_answer
    from coursework_kit.planning import check_projection, project
    from tests.planning.conftest import small_plan

    found = project(small_plan())
    for typed in ("6,560", "£6,560", "£6,560.00", " 6560 ", np.int64(6560)):
        assert check_projection("revenue", typed, found).correct, typed
        assert check_answer("aov", typed, revenue=6560, orders=1).correct, typed
    for typed in ("abc", "", "1,2,3"):
        assert not check_projection("revenue", typed, found).correct
        with pytest.raises(MetricInputError):
            parse_number(typed, "revenue")


def test_lists():
    """Are lists split on commas, spaces or semicolons, naming a bad item by position?"""
    assert parse_list("5,4, 3 ;2", "ratings") == [5, 4, 3, 2]
    with pytest.raises(MetricInputError, match="Item 2 in the ratings, 'x'"):
        parse_list("5, x", "ratings")
    with pytest.raises(MetricInputError, match="separated by commas"):
        parse_list("  ", "ratings")
