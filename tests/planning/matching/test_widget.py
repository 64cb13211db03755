"""The matching activity, driven through its methods."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coursework_kit.errors import DatasetError
from coursework_kit.planning import MatchingActivity
from coursework_kit.planning.matching.record import MatchingRecord
from coursework_kit.records import RecordFile

V1 = (
    Path(__file__).resolve().parents[2]
    / "golden"
    / "records"
    / "v1"
    / "activity-customer-expectations.json"
)


def _saved(folder, activity="customer-expectations") -> MatchingRecord:
    return RecordFile(MatchingRecord, activity, Path(folder)).load()


def test_choose_check_and_feedback(tmp_path):
    """Does choosing and checking show per-item feedback, a score and save evidence?"""
    activity = MatchingActivity("customer-expectations", folder=tmp_path)
    activity.choose("delivery-slot", "reliability")
    activity.choose("chat-in-minute", "empathy")
    result = activity.check()
    assert result.score == (1, 7)
    assert "✔" in activity.feedback("delivery-slot")
    assert "Not yet" in activity.feedback("chat-in-minute")
    assert "Choose an answer" in activity.feedback("bereavement")
    assert "1 of 7 right." in activity.score_text
    saved = json.loads(activity.session.file.path.read_text())["attempts"][0]["work"]
    assert saved["answers"] == {"delivery-slot": "reliability", "chat-in-minute": "empathy"}
    assert activity.session.file.path.name == "activity-customer-expectations.json"
    assert "Saved to evidence/activity-customer-expectations.json" in activity.message


def test_unknown_choices_are_refused(tmp_path):
    """Is an unknown item or choice refused plainly?"""
    activity = MatchingActivity("pestle", folder=tmp_path)
    with pytest.raises(DatasetError, match="not a choice"):
        activity.choose("ad-costs", "money")
    with pytest.raises(DatasetError, match="no item"):
        activity.choose("weather", "social")


def test_opening_the_activity_saves_nothing(tmp_path):
    """Does merely opening the activity leave the evidence folder untouched?"""
    MatchingActivity("pestle", folder=tmp_path / "evidence")
    assert not (tmp_path / "evidence").exists()


def test_a_choice_is_saved_without_pressing_check(tmp_path):
    """Is a choice saved within a second even if the learner never presses Check?"""
    activity = MatchingActivity("customer-expectations", folder=tmp_path)
    activity.choose("bereavement", "empathy")
    activity.session.flush()  # what the timer does within half a second
    assert _saved(tmp_path).latest.work.answers == {"bereavement": "empathy"}


def test_a_new_activity_on_the_same_folder_shows_the_latest_answers(tmp_path):
    """After a kernel restart, does the activity reopen with the answers and the feedback of
    the latest check, and carry on in the same attempt?"""
    first = MatchingActivity("customer-expectations", folder=tmp_path)
    first.choose("delivery-slot", "reliability")
    first.check()
    first.choose("bereavement", "empathy")  # chosen but not checked: kept all the same
    first.session.flush()
    again = MatchingActivity("customer-expectations", folder=tmp_path)
    assert again.answers == first.answers
    assert again.work == first.work
    assert "✔" in again.feedback("delivery-slot")
    assert "1 of 7 right." in again.score_text
    assert again.result.score == (1, 7)
    again.choose("order-updates", "reliability")
    again.check()
    record = _saved(tmp_path)
    assert len(record.attempts) == 1  # carrying on is the same attempt
    assert len(record.latest.work.checks) == 2


def test_start_again_clears_the_answers_in_a_new_attempt(tmp_path):
    """Does Start again clear every answer and keep the earlier attempt on disk?"""
    activity = MatchingActivity("customer-expectations", folder=tmp_path)
    activity.choose("delivery-slot", "reliability")
    activity.check()
    activity.reset()
    assert set(activity.answers.values()) == {None}
    assert activity.feedback("delivery-slot") == ""
    activity.session.flush()
    assert [a.number for a in _saved(tmp_path).attempts] == [1, 2]
    reopened = MatchingActivity("customer-expectations", folder=tmp_path)
    assert set(reopened.answers.values()) == {None}


def test_assessment_mode_and_feedback(tmp_path):
    """Does an activity in an assignment say so in its evidence, and assess the answers?"""
    activity = MatchingActivity("customer-expectations", folder=tmp_path, mode="assessment")
    activity.choose("delivery-slot", "reliability")
    activity.session.flush()
    assert _saved(tmp_path).latest.mode == "assessment"
    assert activity.assessment.score == 1


def test_a_file_from_the_previous_release_is_shown(tmp_path):
    """Does an activity file saved by the last release reopen with its answers and feedback?"""
    (tmp_path / V1.name).write_text(V1.read_text("utf-8"), "utf-8")
    activity = MatchingActivity("customer-expectations", folder=tmp_path)
    assert activity.answers["delivery-slot"] == "reliability"
    assert "1 of 7 right." in activity.score_text


def test_a_broken_evidence_file_does_not_stop_the_activity(tmp_path):
    """If the evidence file was damaged, does the activity carry on and say what happened?"""
    (tmp_path / "activity-pestle.json").write_text("{broken")
    activity = MatchingActivity("pestle", folder=tmp_path)
    activity.choose("ad-costs", "economic")
    activity.check()
    assert "could not be read" in activity.message
    assert _saved(tmp_path, "pestle").latest.work.answers == {"ad-costs": "economic"}
