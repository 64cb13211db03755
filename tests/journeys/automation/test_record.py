"""The journey builder's record: its golden file and files from the previous release."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coursework_kit.journeys.automation.record import (
    AutomationRecord,
    AutomationWork,
    JourneyForm,
    StepWork,
)
from coursework_kit.records import RecordFile, RecordShapeError

AT = "2026-11-02T10:00:00+00:00"
V1 = Path(__file__).resolve().parents[2] / "golden" / "records" / "v1" / "automation-journey.json"


def _record() -> AutomationRecord:
    work = AutomationWork(
        steps=(
            StepWork("trigger", trigger="first-order"),
            StepWork("wait", days=3),
            StepWork("message", message="new-range", channel="sms"),
        ),
        form=JourneyForm(days=7, message="win-back-voucher", channel="email"),
        checked=True,
    )
    return AutomationRecord.new("").with_work(work, learner="ab123", at=AT)


def test_the_record_matches_its_golden_file(golden):
    """Is a journey record saved exactly as tests/golden/records/automation.json shows?"""
    golden("records/automation.json", json.dumps(_record().to_json(), indent=1) + "\n")


def test_the_evidence_file_keeps_its_first_name():
    """Is the journey's evidence still evidence/automation-journey.json?"""
    assert _record().file_name == "automation-journey.json"


def test_a_file_saved_by_the_previous_release_is_read(tmp_path):
    """Is a schema-1 journey (each step saved in words) read back as steps by id?"""
    (tmp_path / V1.name).write_text(V1.read_text("utf-8"), "utf-8")
    record = RecordFile(AutomationRecord, "", tmp_path).load()
    (attempt,) = record.attempts
    assert attempt.work.steps == (
        StepWork("trigger", trigger="basket-abandoned"),
        StepWork("wait", days=1),
        StepWork("message", message="basket-reminder", channel="email"),
        StepWork("message", message="partner-offer", channel="sms"),
    )
    assert attempt.work.checked


@pytest.mark.parametrize(
    "words",
    ["When: A meteor strikes", "Wait a while", "Send fax: Reminder", "Send email: Spam"],
)
def test_a_schema_1_step_the_builder_does_not_know_is_refused(words):
    """Is a step described in words the builder never wrote refused plainly?"""
    document = json.loads(V1.read_text("utf-8"))
    document["attempts"][0]["data"]["steps"][1] = words
    with pytest.raises(RecordShapeError, match="not one the builder knows"):
        AutomationRecord.from_json(document)
