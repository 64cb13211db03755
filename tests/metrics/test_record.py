"""The calculator record: its golden file, and its yes/no text."""

from __future__ import annotations

import json

from coursework_kit.metrics.record import CalculatorRecord, CalculatorWork, flag_text, read_flag

AT = "2026-11-02T10:00:00+00:00"


def _record() -> CalculatorRecord:
    work = CalculatorWork(
        inputs={"metric": "ctr", "clicks": "forty", "impressions": "1,800"},
        result="Not worked out yet: 'forty' is not a number. Type clicks using digits, "
        "for example 1200.",
    )
    return CalculatorRecord.new("metric").with_work(work, learner="ab123", at=AT)


def test_the_record_matches_its_golden_file(golden):
    """Is a calculator record saved exactly as tests/golden/records/calculator.json shows?"""
    golden("records/calculator.json", json.dumps(_record().to_json(), indent=1) + "\n")


def test_each_calculator_has_its_own_file():
    """Is each calculator's evidence file named calculator-<which>?"""
    assert CalculatorRecord.activity_for("metric") == "calculator-metric"
    assert CalculatorRecord.activity_for("breach") == "calculator-breach"


def test_yes_and_no_round_trip():
    """Do True, False and not chosen come back from their text?"""
    for value in (True, False, None):
        assert read_flag(flag_text(value)) is value
