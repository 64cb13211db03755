"""The marketing automation journey builder, driven through its methods."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coursework_kit.journeys import JourneyBuilder, JourneyError
from coursework_kit.journeys.automation.record import AutomationRecord
from coursework_kit.records import RecordFile

V1 = Path(__file__).resolve().parents[2] / "golden" / "records" / "v1" / "automation-journey.json"


def _saved(folder) -> AutomationRecord:
    return RecordFile(AutomationRecord, "", Path(folder)).load()


def test_build_and_check(tmp_path):
    """Does building a journey step by step and checking it give verdicts and evidence?"""
    builder = JourneyBuilder(folder=tmp_path)
    builder.set_trigger("basket-abandoned")
    builder.add_wait(1)
    builder.add_message("basket-reminder", "email")
    builder.add_message("partner-offer", "email")
    result = builder.check()
    assert [s.allowed for s in result.steps] == [None, None, True, False]
    assert "Do not send" in builder.feedback
    saved = json.loads(builder.session.file.path.read_text())["attempts"][0]["work"]
    assert [s["kind"] for s in saved["steps"]] == ["trigger", "wait", "message", "message"]
    assert saved["checked"] is True
    assessed = builder.assessment
    assert [f.where for f in assessed.of("must fix")] == ["step 4"]
    assert not assessed.ready


def test_trigger_stays_first_and_remove_last(tmp_path):
    """Does changing the trigger keep it first, and Remove last step keep the trigger?"""
    builder = JourneyBuilder(folder=tmp_path)
    builder.add_message("new-range", "sms")
    builder.set_trigger("lapsed-customer")
    assert [s.kind for s in builder.steps] == ["trigger", "message"]
    assert builder.steps[0].trigger == "lapsed-customer"
    builder.remove_last()
    builder.remove_last()
    assert [s.kind for s in builder.steps] == ["trigger"]
    assert "Add at least one message" in repr(builder.check())


def test_bad_steps_show_a_message(tmp_path):
    """Is a bad wait typed in the form shown as an alert, not a crash?"""
    builder = JourneyBuilder(folder=tmp_path)
    builder.act(lambda: builder.add_wait(0))
    assert "1 to 365" in builder.feedback
    with pytest.raises(JourneyError):
        builder.add_message("new-range", "post")


def test_opening_the_builder_saves_nothing(tmp_path):
    """Does merely opening the builder leave the evidence folder untouched?"""
    JourneyBuilder(folder=tmp_path / "evidence")
    assert not (tmp_path / "evidence").exists()


def test_each_step_is_saved_without_pressing_check(tmp_path):
    """Is each step added, and the form as filled in, saved without Check being pressed?"""
    builder = JourneyBuilder(folder=tmp_path)
    builder.add_wait(2)
    builder.fill_form(days=5, message="win-back-voucher", channel="sms")
    builder.session.flush()  # what the timer does within half a second
    work = _saved(tmp_path).latest.work
    assert [s.kind for s in work.steps] == ["trigger", "wait"]
    assert (work.form.days, work.form.message, work.form.channel) == (
        5,
        "win-back-voucher",
        "sms",
    )
    assert not work.checked


def test_a_new_builder_on_the_same_folder_shows_the_latest_journey(tmp_path):
    """After a kernel restart, does the builder reopen with the journey, the form and the
    verdicts, and carry on in the same attempt?"""
    first = JourneyBuilder(folder=tmp_path)
    first.set_trigger("first-order")
    first.add_message("new-range", "sms")
    first.check()
    first.fill_form(days=4)
    first.session.flush()
    again = JourneyBuilder(folder=tmp_path)
    assert again.steps == first.steps
    assert again.work == first.work
    assert "new garden furniture range" in again.journey
    assert "Do not send" in again.feedback  # consent to emails is not consent to texts
    assert "Permission is per channel" in again.feedback
    assert again.result is not None
    again.add_wait(4)
    assert again.feedback == ""  # a change clears the verdicts until checked again
    again.session.flush()
    record = _saved(tmp_path)
    assert len(record.attempts) == 1  # carrying on is the same attempt
    assert not record.latest.work.checked


def test_start_again_begins_a_new_journey_in_a_new_attempt(tmp_path):
    """Does Start again leave just a trigger, keeping the earlier attempt on disk?"""
    builder = JourneyBuilder(folder=tmp_path)
    builder.add_message("new-range", "email")
    builder.check()
    builder.reset()
    assert [s.kind for s in builder.steps] == ["trigger"]
    builder.session.flush()
    assert [a.number for a in _saved(tmp_path).attempts] == [1, 2]
    assert [s.kind for s in JourneyBuilder(folder=tmp_path).steps] == ["trigger"]


def test_assessment_mode_is_saved_with_the_journey(tmp_path):
    """Does a builder in an assignment say so in its evidence?"""
    builder = JourneyBuilder(folder=tmp_path, mode="assessment")
    builder.add_wait(1)
    builder.session.flush()
    assert _saved(tmp_path).latest.mode == "assessment"


def test_a_file_from_the_previous_release_is_shown(tmp_path):
    """Does a journey saved by the last release reopen, checked, as the learner built it?"""
    (tmp_path / V1.name).write_text(V1.read_text("utf-8"), "utf-8")
    builder = JourneyBuilder(folder=tmp_path)
    assert [s.kind for s in builder.steps] == ["trigger", "wait", "message", "message"]
    assert builder.steps[3].channel == "sms"
    assert "Do not send" in builder.feedback


def test_a_broken_evidence_file_does_not_stop_the_builder(tmp_path):
    """If the evidence file was damaged, does the builder carry on and say what happened?"""
    (tmp_path / "automation-journey.json").write_text("{broken")
    builder = JourneyBuilder(folder=tmp_path)
    builder.add_message("dispatch-notice", "sms")
    builder.check()
    assert "could not be read" in builder.message
    assert len(_saved(tmp_path).latest.work.steps) == 2


def test_the_trigger_facts_and_channel_names_are_shown(tmp_path):
    """Does the journey show what is known about the trigger's people, and the channel
    choices read as words, not ids?"""
    builder = JourneyBuilder(folder=tmp_path)
    builder.set_trigger("first-order")
    assert "They did not agree to marketing texts" in builder.journey
    labels = [label for label, _value in builder._channel.options]
    assert labels == ["Email", "Text message"]
    builder.fill_form(channel="sms")
    assert builder.work.form.channel == "sms"
