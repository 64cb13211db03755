"""The decision scenarios' record: its golden file, its file names and the first format."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from coursework_kit.gdpr.record import (
    KEEP_CHECKS,
    Decision,
    DecisionCheck,
    DecisionRecord,
    DecisionWork,
)
from coursework_kit.records import RecordFile, RecordShapeError

AT = "2026-11-02T10:00:00+00:00"
V1 = Path(__file__).resolve().parents[1] / "golden" / "records" / "v1"


def _record() -> DecisionRecord:
    work = DecisionWork(
        decisions={
            "sar-made-on-live-chat": Decision(
                chosen="a",
                reasoning="She has made a request, so pass it on today.",
                checks=(
                    DecisionCheck("b", "", AT),
                    DecisionCheck("a", "She has made a request.", AT),
                ),
            ),
            "sar-in-an-instagram-message": Decision(chosen="c", reasoning="Not sure yet"),
        },
        current="sar-in-an-instagram-message",
    )
    return DecisionRecord.new("unit3").with_work(work, learner="ab123", at=AT)


def test_the_record_matches_its_golden_file(golden):
    """Is a decision record saved exactly as tests/golden/records/decision.json shows?"""
    golden("records/decision.json", json.dumps(_record().to_json(), indent=1) + "\n")


@pytest.mark.parametrize(
    ("scenario", "activity"),
    [
        ("unit3", "gdpr-decisions-unit3"),
        ("unit5", "gdpr-decisions-unit5"),
        ("all", "gdpr-decisions"),
    ],
)
def test_file_names_are_the_first_releases(scenario, activity):
    """Are the evidence files named as the first release named them, and read back the same?"""
    assert DecisionRecord.activity_for(scenario) == activity
    assert DecisionRecord.scenario_from_v1(activity) == scenario


def test_a_first_release_file_is_read_with_every_check(tmp_path):
    """Does a file saved by the first release load with each scenario's checks, latest last?"""
    shutil.copy(V1 / "gdpr-decisions-unit3.json", tmp_path)
    record = RecordFile(DecisionRecord, "unit3", tmp_path).load()
    assert record.scenario == "unit3"
    assert [a.number for a in record.attempts] == [1, 2]
    first = record.attempt(1).work
    decision = first.decisions["sar-made-on-live-chat"]
    assert [c.chosen for c in decision.checks] == ["b", "a"]
    assert decision.chosen == "a"
    assert decision.reasoning.startswith("You must check who they are")
    assert all(c.at for c in decision.checks)
    assert first.current == "sar-in-an-instagram-message"  # where the learner was last
    latest = record.latest.work
    assert latest.decisions["lost-encrypted-laptop"].reasoning.startswith("It was encrypted")
    assert record.latest.mode == "practice"


def test_a_first_release_file_with_a_broken_decision_is_refused():
    """Is a schema-1 file whose decisions are not a list refused with a plain reason?"""
    document = json.loads((V1 / "gdpr-decisions-unit3.json").read_text())
    document["attempts"][0]["data"]["decisions"] = "lots"
    with pytest.raises(RecordShapeError, match="no list of decisions"):
        DecisionRecord.from_json(document)


def test_only_the_latest_checks_are_kept_from_a_long_first_release_log():
    """Does a scenario checked very many times keep its latest checks, within the schema?"""
    document = json.loads((V1 / "gdpr-decisions-unit3.json").read_text())
    log = [
        {"scenario": "lost-encrypted-laptop", "chosen": "a", "reasoning": str(i), "at": AT}
        for i in range(KEEP_CHECKS + 5)
    ]
    document["attempts"][1]["data"]["decisions"] = log
    record = DecisionRecord.from_json(document)
    checks = record.attempt(2).work.decisions["lost-encrypted-laptop"].checks
    assert len(checks) == KEEP_CHECKS
    assert checks[-1].reasoning == str(KEEP_CHECKS + 4)
