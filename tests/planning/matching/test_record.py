"""The matching activity's record: its golden file and files from the previous release."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coursework_kit.planning.matching.record import MatchingCheck, MatchingRecord, MatchingWork
from coursework_kit.records import RecordFile, RecordShapeError

AT = "2026-11-02T10:00:00+00:00"
V1 = (
    Path(__file__).resolve().parents[2]
    / "golden"
    / "records"
    / "v1"
    / "activity-customer-expectations.json"
)


def _record() -> MatchingRecord:
    work = MatchingWork(
        answers={"ad-costs": "economic", "cookie-rules": "legal"},
        checks=(
            MatchingCheck({"ad-costs": "political"}, AT),
            MatchingCheck({"ad-costs": "economic", "cookie-rules": "legal"}, AT),
        ),
    )
    return MatchingRecord.new("pestle").with_work(work, learner="ab123", at=AT)


def test_the_record_matches_its_golden_file(golden):
    """Is a matching record saved exactly as tests/golden/records/matching.json shows?"""
    golden("records/matching.json", json.dumps(_record().to_json(), indent=1) + "\n")


def test_the_evidence_file_keeps_its_first_name():
    """Is an activity's evidence still evidence/activity-<id>.json, so old files are found?"""
    assert _record().file_name == "activity-pestle.json"


def test_a_file_saved_by_the_previous_release_is_read(tmp_path):
    """Is a schema-1 activity file (as the last release wrote it) read as a matching record?"""
    (tmp_path / V1.name).write_text(V1.read_text("utf-8"), "utf-8")
    record = RecordFile(MatchingRecord, "customer-expectations", tmp_path).load()
    assert record.scenario == "customer-expectations"
    (attempt,) = record.attempts
    expected = {"delivery-slot": "reliability", "chat-in-minute": "empathy"}
    assert attempt.work.answers == expected
    assert [c.answers for c in attempt.work.checks] == [expected]


def test_a_schema_1_file_without_answers_is_refused():
    """Is a schema-1 attempt whose answers are not text refused plainly?"""
    document = json.loads(V1.read_text("utf-8"))
    document["attempts"][0]["data"]["answers"] = {"delivery-slot": 3}
    with pytest.raises(RecordShapeError, match="no answers"):
        MatchingRecord.from_json(document)
