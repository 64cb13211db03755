"""The quiz widget, driven through its methods."""

from __future__ import annotations

import json

import pytest

from coursework_kit.errors import QuizError
from coursework_kit.quiz import Quiz, load_bank
from coursework_kit.quiz.record import QuizRecord
from coursework_kit.records import RecordFile


@pytest.fixture
def quiz(tmp_path, write_bank):
    return Quiz(load_bank(write_bank()), folder=tmp_path / "evidence")


def test_select_check_and_score(quiz):
    """Does choosing and checking show feedback and update the score?"""
    quiz.select("pick-one", "a")
    result = quiz.check("pick-one")
    assert result.correct
    assert quiz.score == (1, 3)
    assert "Yes: clicks per 100 impressions." in quiz.feedback("pick-one")
    assert quiz.score == (1, 3)


def test_each_check_is_saved_as_evidence(quiz):
    """Is every check saved, dated, to evidence/quiz-<bank>.json?"""
    quiz.select("pick-one", "b")
    quiz.check("pick-one")
    quiz.select("pick-one", "a")
    quiz.check("pick-one")
    document = json.loads(quiz.session.file.path.read_text())
    (attempt,) = document["attempts"]
    checks = attempt["work"]["checks"]
    assert [c["chosen"] for c in checks] == [["b"], ["a"]]
    assert all(c["at"] for c in checks)
    assert attempt["work"]["chosen"] == {"pick-one": ["a"]}
    assert "Saved to evidence/quiz-demo.json" in quiz.message


def test_checking_with_nothing_chosen_asks_for_an_answer(quiz):
    """Does pressing Check with nothing chosen ask for an answer, not crash?"""
    assert quiz.check("yes-no") is None
    assert "Choose an answer" in quiz.feedback("yes-no")


def test_multiple_choice_partly_right(quiz):
    """Does a partly right multiple-choice answer say how many were found?"""
    quiz.select("pick-many", "a", "c")
    assert not quiz.check("pick-many").correct
    assert "you found 1 of the 2" in quiz.feedback("pick-many")


def test_reset_starts_a_new_attempt_and_keeps_the_old(quiz):
    """Does Start again clear the answers but keep the earlier attempt on disk?"""
    quiz.select("pick-one", "a")
    quiz.check("pick-one")
    quiz.reset()
    assert quiz.score == (0, 3)
    assert quiz.work.chosen == {}
    quiz.select("yes-no", "true")
    quiz.check("yes-no")
    record = RecordFile(QuizRecord, "demo", quiz.session.file.folder).load()
    assert [a.number for a in record.attempts] == [1, 2]


def test_unknown_questions_and_options(quiz):
    """Are a wrong question id or option id reported clearly?"""
    with pytest.raises(QuizError, match="no question 'nope'"):
        quiz.select("nope", "a")
    with pytest.raises(QuizError, match="has no option 'z'"):
        quiz.select("pick-one", "z")
    with pytest.raises(QuizError, match="exactly one answer"):
        quiz.select("pick-one", "a", "b")


def test_a_broken_evidence_file_does_not_stop_the_quiz(quiz):
    """If the evidence file was damaged, does the quiz carry on and say what happened?"""
    quiz.session.file.folder.mkdir(parents=True, exist_ok=True)
    quiz.session.file.path.write_text("{broken")
    quiz.select("pick-one", "a")
    assert quiz.check("pick-one").correct
    assert "could not be read" in quiz.message


def test_a_new_quiz_on_the_same_folder_shows_the_latest_answers(tmp_path, write_bank):
    """After a kernel restart, does the quiz reopen with the answers, feedback and score?"""
    bank = load_bank(write_bank())
    first = Quiz(bank, folder=tmp_path)
    first.select("pick-one", "a")
    first.check("pick-one")
    first.select("pick-many", "a", "b")  # chosen but not checked: kept all the same
    first.session.flush()
    again = Quiz(bank, folder=tmp_path)
    assert again.work == first.work
    assert again.score == (1, 3)
    assert "Yes: clicks per 100 impressions." in again.feedback("pick-one")
    again.select("yes-no", "false")
    again.check("yes-no")
    record = RecordFile(QuizRecord, "demo", tmp_path).load()
    assert len(record.attempts) == 1  # carrying on is the same attempt


def test_choosing_an_option_is_saved_without_pressing_check(tmp_path, write_bank):
    """Is a choice saved within a second even if the learner never presses Check?"""
    quiz = Quiz(load_bank(write_bank()), folder=tmp_path)
    quiz.select("pick-one", "b")
    quiz.session.flush()
    record = RecordFile(QuizRecord, "demo", tmp_path).load()
    assert record.latest.work.chosen == {"pick-one": ("b",)}


def test_assessment_mode_is_saved_with_the_answers(tmp_path, write_bank):
    """Does a quiz in an assignment say so in its evidence?"""
    quiz = Quiz(load_bank(write_bank()), folder=tmp_path, mode="assessment")
    quiz.select("pick-one", "a")
    quiz.check("pick-one")
    assert RecordFile(QuizRecord, "demo", tmp_path).load().latest.mode == "assessment"
