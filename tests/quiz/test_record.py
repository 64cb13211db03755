"""The quiz record and its assessment."""

from __future__ import annotations

import json

from coursework_kit.quiz import load_bank
from coursework_kit.quiz.assess import assess
from coursework_kit.quiz.record import QuizCheck, QuizRecord, QuizWork

AT = "2026-11-02T10:00:00+00:00"


def _record() -> QuizRecord:
    work = QuizWork(
        chosen={"pick-one": ("a",), "pick-many": ("a", "c")},
        checks=(
            QuizCheck("pick-one", ("b",), AT),
            QuizCheck("pick-one", ("a",), AT),
            QuizCheck("pick-many", ("a", "c"), AT),
        ),
    )
    return QuizRecord.new("demo").with_work(work, learner="ab123", at=AT)


def test_the_record_matches_its_golden_file(golden):
    """Is a quiz record saved exactly as tests/golden/records/quiz.json shows?"""
    golden("records/quiz.json", json.dumps(_record().to_json(), indent=1) + "\n")


def test_assess_marks_each_question_from_its_latest_check(write_bank):
    """Does assess() score the latest check of each question, not the first?"""
    feedback = assess(_record(), bank=load_bank(write_bank()))
    assert (feedback.score, feedback.out_of) == (1, 3)
    assert [f.severity for f in feedback.findings] == ["good", "should fix"]
    assert "2 of 3 questions checked" in feedback.summary


def test_assess_ignores_options_the_bank_does_not_have(write_bank):
    """Does an edited record naming an option the question lacks earn nothing, without a crash?"""
    forged = QuizRecord.new("demo").with_work(
        QuizWork(checks=(QuizCheck("pick-one", ("zz",), AT),)), at=AT
    )
    assert assess(forged, bank=load_bank(write_bank())).score == 0
