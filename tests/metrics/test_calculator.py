"""The calculator widget, driven through its methods as a learner's clicks would."""

from __future__ import annotations

import pytest

from coursework_kit.metrics import MetricCalculator


def test_type_and_calculate():
    """Does typing figures and pressing Calculate show the answer and the working?"""
    calc = MetricCalculator()
    calc.type(clicks="45", impressions="1,800")
    result = calc.calculate()
    assert result.answer == "2.50%"
    assert "45 ÷ 1,800 × 100 = 2.50%" in calc._result.value


def test_answer_appears_once_every_box_is_filled():
    """Does the answer appear once every box has a figure (Enter in the last box)?"""
    calc = MetricCalculator("aov")
    calc.type(revenue="£4,500")
    assert calc.last is None
    calc.type(orders="60")
    assert calc.last is not None
    assert calc.last.answer == "£75.00"


def test_a_bad_box_shows_its_message_beside_it():
    """Does a wrong entry show a plain message beside its own box, never a traceback?"""
    calc = MetricCalculator()
    calc.type(clicks="forty", impressions="1800")
    result = calc.calculate()
    assert not result.ok
    assert "is not a number" in calc._problems["clicks"].value
    assert calc._problems["impressions"].value == ""
    assert "role='alert'" in calc._problems["clicks"].value
    calc.type(clicks="40")
    assert calc._problems["clicks"].value == ""


def test_changing_metric_rebuilds_the_boxes():
    """Does choosing another metric show that metric's boxes and clear the old answer?"""
    calc = MetricCalculator()
    calc.type(clicks="45", impressions="1800")
    calc.calculate()
    calc.select("csat")
    assert list(calc._boxes) == ["ratings"]
    assert calc._result.value == ""
    calc.type(ratings="5, 4, 1")
    assert calc.calculate().answer == "66.67%"


def test_a_shorter_menu():
    """Can an activity offer only some metrics?"""
    calc = MetricCalculator("open_rate", metrics=["open_rate", "click_to_open_rate"])
    assert [value for _, value in calc._choice.options] == ["open_rate", "click_to_open_rate"]
    with pytest.raises(KeyError, match="Unknown metric"):
        MetricCalculator(metrics=["nope"])


def test_typing_into_a_box_that_does_not_exist():
    """Is a wrong box name in a test or notebook reported clearly?"""
    with pytest.raises(KeyError, match="its boxes are clicks, impressions"):
        MetricCalculator().type(orders="5")
