"""Assessing a calculator record: the answer worked out again from the figures saved."""

from __future__ import annotations

from coursework_kit.metrics.assess import assess
from coursework_kit.metrics.record import CalculatorRecord, CalculatorWork

AT = "2026-11-02T10:00:00+00:00"


def _record(inputs: dict[str, str], result: str = "", scenario: str = "metric"):
    work = CalculatorWork(inputs=inputs, result=result)
    return CalculatorRecord.new(scenario).with_work(work, at=AT)


def test_the_answer_is_worked_out_again_not_read_from_the_file():
    """Does assess() give the answer the figures make, whatever answer was saved with them?"""
    forged = _record(
        {"metric": "ctr", "clicks": "45", "impressions": "1,800"},
        result="Click-through rate (CTR): 99.00%",
    )
    feedback = assess(forged)
    assert feedback.summary == "Click-through rate (CTR): 2.50%"
    (finding,) = feedback.findings
    assert finding.severity == "good"
    assert "45 ÷ 1,800 × 100 = 2.50%" in finding.message
    assert feedback.ready


def test_a_figure_that_cannot_be_read_must_be_fixed():
    """Is each figure the calculator cannot read a must-fix finding, quoting it?"""
    feedback = assess(_record({"metric": "ctr", "clicks": "forty", "impressions": "lots"}))
    assert [(f.severity, f.where, f.quote) for f in feedback.findings] == [
        ("must fix", "clicks", "forty"),
        ("must fix", "impressions", "lots"),
    ]
    assert "not worked out yet" in feedback.summary


def test_a_problem_with_the_figures_together_is_reported():
    """Is a problem no single box causes (no impressions at all) reported plainly?"""
    feedback = assess(_record({"metric": "ctr", "clicks": "5", "impressions": "0"}))
    assert feedback.findings[0].severity == "must fix"
    assert feedback.findings[0].where == "ctr"


def test_unknown_metrics_and_calculators_are_unsure():
    """Are a metric or a calculator the kit does not know marked unsure, never a crash?"""
    assert assess(_record({"metric": "nope"})).findings[0].severity == "unsure"
    assert assess(_record({}, scenario="abacus")).findings[0].severity == "unsure"
    assert (
        assess(CalculatorRecord.new("metric")).summary == "Nothing typed into the calculator yet."
    )
