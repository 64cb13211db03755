"""The record base: attempts, JSON, the first evidence format, and hostile files."""

from __future__ import annotations

import json
import os

import pytest

from coursework_kit.errors import EvidenceError
from coursework_kit.quiz.record import QuizCheck, QuizRecord, QuizWork
from coursework_kit.records import RecordFile, RecordShapeError, UnreadableRecordError

WORK = QuizWork(
    chosen={"q1": ("a",)}, checks=(QuizCheck("q1", ("a",), "2026-11-02T10:00:00+00:00"),)
)


def test_work_goes_into_the_attempt_named_and_a_new_one_otherwise():
    """Does with_work replace the named attempt, and add a new one when none is named?"""
    record = QuizRecord.new("demo").with_work(WORK, at="2026-11-02T10:00:00+00:00")
    record = record.with_work(QuizWork(), number=1, at="2026-11-02T10:01:00+00:00")
    assert [(a.number, a.saves, a.work) for a in record.attempts] == [(1, 2, QuizWork())]
    record = record.with_work(WORK, at="2026-11-02T10:02:00+00:00")
    assert [a.number for a in record.attempts] == [1, 2]
    assert record.latest.number == 2
    assert record.attempts[0].started == "2026-11-02T10:00:00+00:00"


def test_json_round_trip_keeps_every_field():
    """Does a record come back from its JSON exactly as it was?"""
    record = QuizRecord.new("demo").with_work(WORK, mode="assessment", learner="ab123")
    again = QuizRecord.from_json(json.loads(json.dumps(record.to_json())))
    assert again == record


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(kind="chat"), "not a quiz record"),
        (lambda d: d.update(extra=1), "must not contain"),
        (lambda d: d["attempts"][0].update(mode="coach"), "must be one of"),
        (lambda d: d["attempts"][0]["work"].update(chosen={"q1": "a"}), "must be array"),
        (lambda d: d["attempts"][0].update(saved="yesterday"), "not a date"),
        (lambda d: d["attempts"].append(dict(d["attempts"][0])), "same number"),
        (lambda d: d["attempts"][0]["work"]["checks"][0].update(at="x" * 30_000), "shorter"),
        (lambda d: d.update(schema_version=99), "newer version"),
    ],
)
def test_a_document_of_the_wrong_shape_is_refused_with_a_reason(change, message):
    """Is each kind of malformed document refused, saying what is wrong?"""
    document = QuizRecord.new("demo").with_work(WORK).to_json()
    change(document)
    with pytest.raises(RecordShapeError, match=message):
        QuizRecord.from_json(document)


def test_a_schema_one_file_is_read_as_today(tmp_path):
    """Does evidence saved by the previous release still load, with its dates and checks?"""
    old = {
        "format": "coursework-kit evidence",
        "version": 1,
        "activity": "quiz-demo",
        "attempts": [
            {
                "attempt": 1,
                "started": "2026-11-02T10:00:00+00:00",
                "saved": "2026-11-02T10:05:00+00:00",
                "saves": 2,
                "data": {
                    "quiz": "demo",
                    "score": 1,
                    "out_of": 3,
                    "checks": [
                        {"question": "q1", "chosen": ["b"], "correct": False, "at": "t1"},
                        {"question": "q1", "chosen": ["a"], "correct": True, "at": "t2"},
                    ],
                },
            }
        ],
    }
    (tmp_path / "quiz-demo.json").write_text(json.dumps(old))
    record = RecordFile(QuizRecord, "demo", tmp_path).load()
    (attempt,) = record.attempts
    assert record.scenario == "demo"
    assert (attempt.number, attempt.saves, attempt.saved) == (1, 2, "2026-11-02T10:05:00+00:00")
    assert attempt.work.chosen == {"q1": ("a",)}
    assert [c.chosen for c in attempt.work.checks] == [("b",), ("a",)]


def test_a_link_is_not_followed(tmp_path):
    """Is an evidence file that is a symlink (to a friend's work, say) refused, not read?"""
    friend = tmp_path / "friend.json"
    friend.write_text(json.dumps(QuizRecord.new("demo").with_work(WORK).to_json()))
    os.symlink(friend, tmp_path / "quiz-demo.json")
    with pytest.raises(UnreadableRecordError, match="not an ordinary file"):
        RecordFile(QuizRecord, "demo", tmp_path).load()


def test_a_huge_or_deeply_nested_file_is_refused(tmp_path):
    """Are a huge file and a file nested past Python's limits refused with a message?"""
    path = tmp_path / "quiz-demo.json"
    path.write_text("[" * 200_000 + "]" * 200_000)
    with pytest.raises(UnreadableRecordError):
        RecordFile(QuizRecord, "demo", tmp_path).load()
    path.write_text(" " * 6_000_000)
    with pytest.raises(UnreadableRecordError, match="too large"):
        RecordFile(QuizRecord, "demo", tmp_path).load()


def test_an_unreadable_file_is_set_aside_not_deleted(tmp_path):
    """Does load_or_new move a broken file aside, say so, and start a fresh record?"""
    (tmp_path / "quiz-demo.json").write_text("{broken")
    store = RecordFile(QuizRecord, "demo", tmp_path)
    assert store.load_or_new().attempts == ()
    (aside,) = tmp_path.glob("quiz-demo.unreadable-*.json")
    assert aside.read_text() == "{broken"
    assert "could not be read" in store.notices[0]


def test_a_bad_activity_name_is_refused():
    """Is a scenario that would make an unsafe file name refused?"""
    with pytest.raises(EvidenceError, match="cannot be used as an activity name"):
        RecordFile(QuizRecord, "../../gradebook")
