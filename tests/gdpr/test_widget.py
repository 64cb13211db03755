"""The decision scenarios widget, driven through its methods."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from coursework_kit.errors import CourseworkError
from coursework_kit.gdpr import ScenarioQuiz
from coursework_kit.gdpr.assess import assess
from coursework_kit.gdpr.record import DecisionRecord
from coursework_kit.records import RecordFile

V1 = Path(__file__).resolve().parents[1] / "golden" / "records" / "v1"


@pytest.fixture
def quiz(tmp_path):
    return ScenarioQuiz(topics=["identity-checks"], folder=tmp_path)


def _saved(folder, scenario="all"):
    return RecordFile(DecisionRecord, scenario, folder).load()


def test_scenario_quiz_marks_and_cites(quiz):
    """Does a decision get feedback with the rule and its source, and count in the score?"""
    best = quiz.current.best
    quiz.choose(best)
    quiz.reason("You must check identity before giving out personal data.")
    result = quiz.check()
    assert result.correct
    assert "Source: UK GDPR" in quiz.feedback
    assert quiz.score == (1, 1)


def test_wrong_choice_shows_the_best_answer(quiz):
    """Does a wrong choice show the best answer and why the chosen one is wrong?"""
    wrong = next(c.id for c in quiz.current.choices if c.id != quiz.current.best)
    quiz.choose(wrong)
    assert not quiz.check().correct
    assert "The best answer is" in quiz.feedback
    assert "write your reasoning" in quiz.feedback  # no reasoning given


def test_decisions_and_reasoning_saved_as_evidence(quiz, tmp_path):
    """Is each decision, with the learner's reasoning, saved and dated?"""
    quiz.choose(quiz.current.best)
    quiz.reason("Identity first.")
    quiz.check()
    (attempt,) = json.loads(quiz.session.file.path.read_text())["attempts"]
    (decision,) = attempt["work"]["decisions"].values()
    (check,) = decision["checks"]
    assert check["reasoning"] == "Identity first."
    assert assess(_saved(tmp_path), scenarios=quiz.scenarios).findings[0].severity == "good"
    assert check["at"]
    assert "Saved to evidence/gdpr-decisions.json" in quiz.message


def test_navigation_keeps_answers(quiz):
    """Going to the next scenario and back, is the earlier answer still shown?"""
    first = quiz.current.id
    quiz.choose(quiz.current.best)
    quiz.check()
    quiz.next()
    assert quiz.current.id != first
    quiz.previous()
    assert quiz.chosen == quiz.current.best


def test_navigation_keeps_what_was_typed_but_not_checked(quiz):
    """Is a choice and reasoning never checked still there after going away and back?"""
    quiz.choose(quiz.current.best)
    quiz.reason("Half a thought")
    quiz.next()
    assert quiz.chosen is None
    assert quiz.reasoning == ""
    quiz.previous()
    assert (quiz.chosen, quiz.reasoning) == (quiz.current.best, "Half a thought")
    assert quiz.feedback == ""  # never checked: no feedback yet


def test_check_without_a_choice(quiz):
    """Does pressing Check with nothing chosen ask for a choice, not crash?"""
    assert quiz.check() is None
    assert "Choose an answer first" in quiz.feedback
    with pytest.raises(CourseworkError, match="not one of the choices"):
        quiz.choose("z")


def test_a_new_quiz_on_the_same_folder_shows_the_latest_work(tmp_path):
    """After a kernel restart, does the quiz reopen on the same scenario with every choice,
    all the reasoning (checked or not), the feedback and the score?"""
    first = ScenarioQuiz(unit=3, folder=tmp_path)
    first.choose(first.current.best)
    first.reason("Pass it on the same day.")
    first.check()
    first.go_to("lost-encrypted-laptop")
    first.choose("a")
    first.reason("Typed but never checked")
    first.session.flush()
    again = ScenarioQuiz(unit=3, folder=tmp_path)
    assert again.work == first.work
    assert again.current.id == "lost-encrypted-laptop"
    assert (again.chosen, again.reasoning) == ("a", "Typed but never checked")
    assert again.score == (1, 1)
    again.go_to(first.scenarios[0].id)
    assert "The rule:" in again.feedback
    assert again.reasoning == "Pass it on the same day."
    again.reason("Pass it on the same day, and log it.")
    again.session.flush()
    record = _saved(tmp_path, "unit3")
    assert len(record.attempts) == 1  # carrying on is the same attempt
    assert record.activity == "gdpr-decisions-unit3"


def test_reasoning_is_saved_without_pressing_check(tmp_path):
    """Is reasoning saved within a second even if the learner never presses Check?"""
    quiz = ScenarioQuiz(unit=3, folder=tmp_path)
    quiz.reason("Still thinking about this one")
    quiz.session.flush()
    work = _saved(tmp_path, "unit3").latest.work
    assert work.decisions[quiz.current.id].reasoning == "Still thinking about this one"
    assert work.decisions[quiz.current.id].checks == ()


def test_opening_the_quiz_saves_nothing(tmp_path):
    """Does merely opening the quiz leave the evidence folder alone?"""
    ScenarioQuiz(unit=3, folder=tmp_path).session.flush()
    assert not list(tmp_path.glob("*.json"))


def test_start_again_begins_a_new_attempt_and_keeps_the_old(quiz, tmp_path):
    """Does Start again clear the answers but keep the earlier attempt on disk?"""
    quiz.choose(quiz.current.best)
    quiz.check()
    quiz.next()
    quiz.reset()
    assert quiz.score == (0, 0)
    assert quiz.index == 0
    assert quiz.chosen is None
    quiz.reason("A fresh start")
    quiz.session.flush()
    assert [a.number for a in _saved(tmp_path).attempts] == [1, 2]


def test_assessment_mode_is_saved_with_the_decisions(tmp_path):
    """Does a quiz in an assignment say so in its evidence?"""
    quiz = ScenarioQuiz(unit=5, folder=tmp_path, mode="assessment")
    quiz.choose(quiz.current.best)
    quiz.check()
    assert _saved(tmp_path, "unit5").latest.mode == "assessment"


def test_a_broken_evidence_file_does_not_stop_the_quiz(quiz):
    """If the evidence file was damaged, does the quiz carry on and say what happened?"""
    quiz.session.file.path.write_text("{broken")
    quiz.choose(quiz.current.best)
    assert quiz.check().correct
    assert "could not be read" in quiz.message


def test_a_broken_file_found_on_opening_is_set_aside(tmp_path):
    """Does a quiz opened on a damaged file start afresh and say the old one was kept?"""
    (tmp_path / "gdpr-decisions-unit3.json").write_text("[1, 2")
    quiz = ScenarioQuiz(unit=3, folder=tmp_path)
    assert "could not be read" in quiz.message
    assert quiz.score == (0, 0)
    assert list(tmp_path.glob("gdpr-decisions-unit3.unreadable-*.json"))


def test_work_saved_by_the_first_release_is_shown_and_carried_on(tmp_path):
    """Does a file the first release saved reopen with its latest attempt, and carrying on
    keep both attempts in the new format?"""
    shutil.copy(V1 / "gdpr-decisions-unit3.json", tmp_path)
    quiz = ScenarioQuiz(unit=3, folder=tmp_path)
    assert quiz.current.id == "lost-encrypted-laptop"
    assert quiz.chosen == quiz.current.best
    assert quiz.reasoning.startswith("It was encrypted")
    assert quiz.score == (1, 1)
    quiz.reason("It was encrypted, so there is unlikely to be a risk to people.")
    quiz.session.flush()
    document = json.loads((tmp_path / "gdpr-decisions-unit3.json").read_text())
    assert document["schema_version"] == 2
    assert [a["number"] for a in document["attempts"]] == [1, 2]
