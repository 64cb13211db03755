"""The campaign builder, driven through its methods."""

from __future__ import annotations

import html
import time
from datetime import datetime

import pytest

from coursework_kit.email import CampaignBuilder, CampaignError
from coursework_kit.email.assess import campaign_from_form
from coursework_kit.email.record import EmailForm, EmailRecord
from coursework_kit.records import RecordFile

NOW = datetime(2026, 11, 20, 9, 0)


@pytest.fixture
def builder(tmp_path):
    return CampaignBuilder(learner="ab123", folder=tmp_path, clock=lambda: NOW)


def fill(builder):
    builder.set_name("Spring bedding")
    builder.set_subject("{first_name|Hello}, our new spring bedding is here")
    builder.set_preview_text("Soft linen in six colours")
    builder.set_body("Hi {first_name|there},\n\nOur spring bedding has arrived.")
    builder.set_call_to_action("Shop spring bedding")
    builder.set_sender("Harbour & Pine", "hello@harbourandpine.example")
    builder.set_unsubscribe_link("https://harbourandpine.example/unsubscribe")
    builder.set_segment("past_purchaser")
    builder.schedule("2026-12-01", "10:00")


def on_disk(builder):
    """The record as saved in the builder's evidence file."""
    builder.session.flush()
    return RecordFile(EmailRecord, "campaign", builder.session.file.folder).load()


def saved(builder):
    """The latest saved work."""
    return on_disk(builder).latest.work


def test_an_empty_email_cannot_be_sent(builder):
    """Does pressing Send on an empty form refuse, and say what to fix?"""
    assert builder.send() is None
    assert "Must fix" in builder.results_html
    assert "Write a subject line" in builder.findings_html


def test_a_complete_email_is_checked_sent_and_saved(builder):
    """Does a finished email pass, get simulated results, and save both as evidence?"""
    fill(builder)
    result = builder.check()
    assert result.ready
    assert "Inbox preview" in builder.inbox_html
    assert "may lawfully be emailed" in builder.audience_html
    results = builder.send()
    assert results is not None
    assert "Simulated results" in builder.results_html
    sent = saved(builder).latest_check
    assert campaign_from_form(sent.form).send_at == datetime(2026, 12, 1, 10, 0)
    assert sent.audience == results.sent
    assert sent.action == "send"
    assert sent.results.sent == results.sent
    assert sent.ready is True
    assert "Saved to evidence/email-campaign.json" in builder.message


def test_preview_shows_the_fallback_for_someone_with_no_first_name(builder):
    """Does the inbox preview show a contact with no first name getting the fallback?"""
    fill(builder)
    builder.set_segment("all")
    builder.check()
    assert "(no first name given)" in builder.inbox_html
    assert "Hi there," in builder.inbox_html


def test_a_typed_time_that_is_not_a_time_keeps_the_work(builder):
    """Is a bad time reported plainly, with what was typed still saved?"""
    fill(builder)
    builder.schedule("2026-12-01", "ten o'clock")
    assert builder.check() is None
    assert "not a time" in builder.schedule_problem
    assert "see the note under the send date and time" in builder.findings_html
    work = saved(builder)
    assert work.form.subject.startswith("{first_name|Hello}")
    assert work.form.send_time == "ten o'clock"
    assert "not a time" in work.latest_check.error


def test_scheduling_accepts_a_datetime_and_refuses_a_bad_date(builder):
    """Can a send be scheduled with a datetime, and is a bad date refused?"""
    builder.schedule(datetime(2026, 12, 2, 18, 30))
    assert builder.campaign.send_at == datetime(2026, 12, 2, 18, 30)
    with pytest.raises(CampaignError, match="not a date"):
        builder.schedule("2nd December")


def test_changing_the_email_after_sending_clears_old_results(builder):
    """After a send, does checking again drop the old (now stale) results?"""
    fill(builder)
    builder.send()
    builder.set_subject("Hello")
    builder.check()
    assert builder.results is None
    assert saved(builder).latest_check.results is None


def test_unknown_segment_is_refused(builder):
    """Is a segment that does not exist refused with the choices?"""
    with pytest.raises(CampaignError, match="choose one of"):
        builder.set_segment("vips")


def test_typing_is_saved_within_a_second_without_pressing_a_button(tmp_path):
    """Is each box saved within a second of typing, with no Check or Send pressed?"""
    builder = CampaignBuilder(learner="ab123", folder=tmp_path, clock=lambda: NOW)
    builder.set_subject("Our spring bedding")
    builder.set_body("Hi {first_name|there}")
    store = RecordFile(EmailRecord, "campaign", tmp_path)
    deadline = time.monotonic() + 1.0
    while time.monotonic() < deadline:
        found = store.load()
        if found is not None and found.latest.work.form.body == "Hi {first_name|there}":
            break
        time.sleep(0.05)
    else:
        raise AssertionError("what was typed was not saved within a second")
    assert found.latest.work.form.subject == "Our spring bedding"
    assert found.latest.work.checks == ()


def test_opening_the_builder_saves_nothing(tmp_path):
    """Does merely opening the builder leave no evidence file?"""
    CampaignBuilder(learner="ab123", folder=tmp_path, clock=lambda: NOW)
    assert not (tmp_path / "email-campaign.json").exists()


def test_a_new_builder_on_the_same_folder_shows_the_latest_email(tmp_path):
    """After a kernel restart, does the builder reopen the email, its findings and results,
    and does carrying on stay in the same attempt?"""
    first = CampaignBuilder(learner="ab123", folder=tmp_path, clock=lambda: NOW)
    fill(first)
    first.send()
    first.session.flush()
    again = CampaignBuilder(learner="ab123", folder=tmp_path, clock=lambda: NOW)
    assert again.work == first.work
    assert "Ready to send" in again.findings_html
    assert "Simulated results" in again.results_html
    again.set_preview_text("Soft linen in six colours, from £35")
    again.session.flush()
    record = on_disk(again)
    assert len(record.attempts) == 1
    assert record.latest.work.form.preview_text == "Soft linen in six colours, from £35"


def test_a_form_that_was_never_checked_reopens_as_typed(tmp_path):
    """Is text typed but never checked shown again after a restart, a bad time included?"""
    first = CampaignBuilder(learner="ab123", folder=tmp_path, clock=lambda: NOW)
    first.set_subject("Half-written")
    first.schedule("2026-12-01", "half ten")
    first.session.flush()
    again = CampaignBuilder(learner="ab123", folder=tmp_path, clock=lambda: NOW)
    assert again.form == EmailForm(
        subject="Half-written", send_day="2026-12-01", send_time="half ten"
    )
    assert again.findings_html == ""


def test_editing_stays_in_one_attempt_and_start_again_begins_another(builder):
    """Do shorter saves (deleting text) stay in the same attempt, and only Start again begin
    a new one, keeping the earlier attempt?"""
    fill(builder)
    builder.send()
    builder.set_body("")
    builder.set_subject("Hi")
    builder.set_call_to_action()
    builder.check()
    assert len(on_disk(builder).attempts) == 1
    builder.start_again()
    assert builder.form == EmailForm()
    assert builder.findings_html == builder.results_html == ""
    assert len(on_disk(builder).attempts) == 1  # nothing new until the learner does something
    builder.set_subject("A fresh start")
    record = on_disk(builder)
    assert [a.number for a in record.attempts] == [1, 2]
    assert record.attempt(1).work.latest_check.action == "check"
    assert record.latest.work.form.subject == "A fresh start"


def test_a_broken_evidence_file_does_not_stop_the_builder(tmp_path):
    """If the evidence file was damaged, does the builder carry on and say what happened?"""
    (tmp_path / "email-campaign.json").write_text("{broken")
    builder = CampaignBuilder(learner="ab123", folder=tmp_path, clock=lambda: NOW)
    assert "could not be read" in builder.message
    fill(builder)
    assert builder.check().ready
    assert saved(builder).form.name == "Spring bedding"
    assert list(tmp_path.glob("email-campaign.unreadable-*.json"))


def test_a_file_broken_while_working_is_set_aside_and_work_kept(builder):
    """If the file is damaged while the builder is open, is the next save still made?"""
    builder.set_name("Spring bedding")
    builder.session.flush()
    builder.session.file.path.write_text("{broken")
    fill(builder)
    assert builder.check().ready
    assert "could not be read" in builder.message
    assert saved(builder).form.name == "Spring bedding"


def test_assessment_mode_is_saved_with_the_email(tmp_path):
    """Does a builder in an assignment say so in its evidence?"""
    builder = CampaignBuilder(
        learner="ab123", folder=tmp_path, clock=lambda: NOW, mode="assessment"
    )
    builder.set_subject("Spring bedding")
    assert on_disk(builder).latest.mode == "assessment"
    assert on_disk(builder).latest.learner == "ab123"


def test_the_assessment_agrees_with_the_check(builder):
    """Does the builder's assessment find what its Check found?"""
    fill(builder)
    builder.set_unsubscribe_link("")
    result = builder.check()
    feedback = builder.assessment
    assert not feedback.ready
    assert [f.message for f in feedback.of("must fix")] == [f.message for f in result.problems]


def test_an_email_with_no_text_is_not_sent(builder):
    """With every other box filled in, does an empty email text stop Check and Send, saying
    what to write?"""
    fill(builder)
    builder.set_body("")
    assert not builder.check().ready
    assert "Write the email text" in builder.findings_html
    assert builder.send() is None
    assert builder.results is None


@pytest.mark.parametrize("typed", ["25:99", "ten o'clock", "10"])
def test_a_bad_send_time_is_shown_under_the_day_and_time(builder, typed):
    """Is a send time that is not a time explained under the day and time boxes (and pointed
    to from the findings), and cleared once the time is put right?"""
    fill(builder)
    builder.schedule("2026-12-01", typed)
    assert builder.check() is None
    assert html.escape(typed) in builder.schedule_problem
    assert "see the note under the send date and time" in builder.findings_html
    builder.schedule("2026-12-01", "10:00")
    assert builder.schedule_problem == ""
    assert builder.check() is not None
    assert builder.schedule_problem == ""


def test_the_subject_count_says_1_character(builder):
    """Does the count under the subject line say "1 character" for one letter?"""
    builder.set_subject("A")
    assert "Subject line: 1 character (" in builder._count.value
    builder.set_subject("Ab")
    assert "Subject line: 2 characters (" in builder._count.value
