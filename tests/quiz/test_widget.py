"""The quiz widget, driven through its methods."""

from __future__ import annotations

import json

import pytest

from coursework_kit.errors import QuizError
from coursework_kit.quiz import Quiz, load_bank


@pytest.fixture
def quiz(tmp_path, write_bank):
    return Quiz(load_bank(write_bank()), folder=tmp_path / "evidence")


def test_select_check_and_score(quiz):
    """Does choosing and checking show feedback and update the score?"""
    quiz.select("pick-one", "a")
    result = quiz.check("pick-one")
    assert result.correct
    assert quiz.score == (1, 3)
    assert "Yes: clicks per 100 impressions." in quiz._views["pick-one"].feedback.value
    assert "Score: 1 out of 3." in quiz._score.value


def test_each_check_is_saved_as_evidence(quiz):
    """Is every check saved, dated, to evidence/quiz-<bank>.json?"""
    quiz.select("pick-one", "b")
    quiz.check("pick-one")
    quiz.select("pick-one", "a")
    quiz.check("pick-one")
    document = json.loads(quiz.evidence.path.read_text())
    (attempt,) = document["attempts"]
    checks = attempt["data"]["checks"]
    assert [c["chosen"] for c in checks] == [["b"], ["a"]]
    assert [c["correct"] for c in checks] == [False, True]
    assert all(c["at"] for c in checks)
    assert attempt["data"]["score"] == 1
    assert "Saved to evidence/quiz-demo.json" in quiz._saved.value


def test_checking_with_nothing_chosen_asks_for_an_answer(quiz):
    """Does pressing Check with nothing chosen ask for an answer, not crash?"""
    assert quiz.check("yes-no") is None
    assert "Choose an answer" in quiz._views["yes-no"].feedback.value


def test_multiple_choice_partly_right(quiz):
    """Does a partly right multiple-choice answer say how many were found?"""
    quiz.select("pick-many", "a", "c")
    assert not quiz.check("pick-many").correct
    assert "you found 1 of the 2" in quiz._views["pick-many"].feedback.value


def test_reset_starts_a_new_attempt_and_keeps_the_old(quiz):
    """Does Start again clear the answers but keep the earlier attempt on disk?"""
    quiz.select("pick-one", "a")
    quiz.check("pick-one")
    quiz.reset()
    assert quiz.score == (0, 3)
    assert quiz._views["pick-one"].picker.value is None
    quiz.select("yes-no", "true")
    quiz.check("yes-no")
    assert [a.attempt for a in quiz.evidence.attempts()] == [1, 2]


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
    quiz.evidence.folder.mkdir(parents=True, exist_ok=True)
    quiz.evidence.path.write_text("{broken")
    quiz.select("pick-one", "a")
    assert quiz.check("pick-one").correct
    assert "could not be read" in quiz._saved.value
