"""The calculator widget, driven through its methods as a learner's clicks would."""

from __future__ import annotations

import json

import pytest

from coursework_kit.metrics import MetricCalculator
from coursework_kit.metrics.record import CalculatorRecord
from coursework_kit.records import RecordFile


@pytest.fixture(autouse=True)
def _in_a_scratch_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # a calculator with no folder keeps evidence/ here


def _saved(folder):
    return RecordFile(CalculatorRecord, "metric", folder).load()


def test_type_and_calculate():
    """Does typing figures and pressing Calculate show the answer and the working?"""
    calc = MetricCalculator()
    calc.type(clicks="45", impressions="1,800")
    result = calc.calculate()
    assert result.answer == "2.50%"
    assert "45 ÷ 1,800 × 100 = 2.50%" in calc.shown


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
    assert "is not a number" in calc.problem("clicks")
    assert calc.problem("impressions") == ""
    assert "role='alert'" in calc.problem("clicks")
    calc.type(clicks="40")
    assert calc.problem("clicks") == ""


def test_half_typed_figures_raise_no_alarm_until_calculate():
    """While a figure is half typed ("1,8"), is there no alert, and no answer left over from
    the figures before?"""
    calc = MetricCalculator()
    calc.type(clicks="45", impressions="1,800")
    assert calc.last.answer == "2.50%"
    calc.type(impressions="1,8")
    assert calc.last is None
    assert calc.shown == ""
    assert calc.problem("impressions") == ""
    assert "not a number we can read" in calc.calculate().errors["impressions"]


def test_changing_metric_rebuilds_the_boxes():
    """Does choosing another metric show that metric's boxes and clear the old answer?"""
    calc = MetricCalculator()
    calc.type(clicks="45", impressions="1800")
    calc.calculate()
    calc.select("csat")
    assert list(calc.boxes) == ["ratings"]
    assert calc.shown == ""
    calc.type(ratings="5, 4, 1")
    assert calc.calculate().answer == "66.67%"


def test_a_shorter_menu():
    """Can an activity offer only some metrics?"""
    calc = MetricCalculator("open_rate", metrics=["open_rate", "click_to_open_rate"])
    assert list(calc.choices) == ["open_rate", "click_to_open_rate"]
    with pytest.raises(KeyError, match="Unknown metric"):
        MetricCalculator(metrics=["nope"])


def test_typing_into_a_box_that_does_not_exist():
    """Is a wrong box name in a test or notebook reported clearly?"""
    with pytest.raises(KeyError, match="its boxes are 'clicks' and 'impressions'"):
        MetricCalculator().type(orders="5")


# -- saving and reopening -----------------------------------------------------------------------


def test_a_new_calculator_on_the_same_folder_shows_the_last_figures_and_answer(tmp_path):
    """After a kernel restart, does the calculator reopen on the same metric, with the figures
    as typed and the answer, and carrying on stay in the same attempt?"""
    first = MetricCalculator(folder=tmp_path)
    first.select("aov")
    first.type(revenue="£4,500", orders="60")
    first.calculate()
    again = MetricCalculator(folder=tmp_path)
    assert again.metric == "aov"
    assert again.work == first.work
    assert again.work.inputs == {"metric": "aov", "revenue": "£4,500", "orders": "60"}
    assert "£75.00" in again.shown
    again.type(orders="90")
    again.session.flush()
    record = _saved(tmp_path)
    assert len(record.attempts) == 1
    assert record.latest.work.result == "Average order value (AOV): £50.00"


def test_a_bad_figure_is_kept_exactly_as_typed(tmp_path):
    """Is a figure the calculator cannot read saved as typed, and shown again with its
    message after a restart?"""
    first = MetricCalculator(folder=tmp_path)
    first.type(clicks="forty", impressions="1800")
    first.calculate()
    again = MetricCalculator(folder=tmp_path)
    assert again.work.inputs["clicks"] == "forty"
    assert "is not a number" in again.problem("clicks")


def test_typing_is_saved_without_pressing_calculate(tmp_path):
    """Are figures saved within a second of typing, with no button pressed and no answer?"""
    calc = MetricCalculator(folder=tmp_path)
    calc.type(clicks="4")
    calc.session.flush()
    work = _saved(tmp_path).latest.work
    assert work.inputs == {"metric": "ctr", "clicks": "4", "impressions": ""}
    assert work.result == ""
    assert MetricCalculator(folder=tmp_path).work.inputs["clicks"] == "4"


def test_opening_the_calculator_saves_nothing(tmp_path):
    """Does merely opening the calculator (even one given a metric) save nothing?"""
    MetricCalculator("aov", folder=tmp_path).session.flush()
    assert not list(tmp_path.glob("*.json"))


def test_a_saved_metric_not_on_this_menu_is_left_out(tmp_path):
    """Does a calculator with a shorter menu open on its own metric if the saved one is not on
    it?"""
    MetricCalculator("cac", folder=tmp_path).type(cost="100")
    shorter = MetricCalculator("ctr", metrics=["ctr", "open_rate"], folder=tmp_path)
    assert shorter.metric == "ctr"
    assert shorter.work.inputs == {"metric": "ctr", "clicks": "", "impressions": ""}


def test_a_broken_evidence_file_does_not_stop_the_calculator(tmp_path):
    """If the evidence file was damaged, does the calculator open, work and say so?"""
    (tmp_path / "calculator-metric.json").write_text("not json")
    calc = MetricCalculator(folder=tmp_path)
    assert "could not be read" in calc.message
    calc.type(clicks="45", impressions="1,800")
    assert calc.calculate().answer == "2.50%"
    assert _saved(tmp_path).latest.work.inputs["clicks"] == "45"


def test_assessment_mode_is_saved_with_the_figures(tmp_path):
    """Does a calculator in an assignment say so in its evidence?"""
    calc = MetricCalculator(folder=tmp_path, mode="assessment")
    calc.type(clicks="45", impressions="1,800")
    calc.calculate()
    document = json.loads(calc.session.file.path.read_text())
    assert document["attempts"][0]["mode"] == "assessment"
    assert "Saved to evidence/calculator-metric.json" in calc.message
