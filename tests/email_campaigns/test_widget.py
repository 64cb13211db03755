"""The campaign builder, driven through its methods."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from coursework_kit.email_campaigns import CampaignBuilder, CampaignError

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


def saved(builder):
    return json.loads(builder.evidence.path.read_text())["attempts"][-1]["data"]


def test_an_empty_email_cannot_be_sent(builder):
    """Does pressing Send on an empty form refuse, and say what to fix?"""
    assert builder.send() is None
    assert "Must fix" in builder._results.value
    assert "Write a subject line" in builder._findings.value


def test_a_complete_email_is_checked_sent_and_saved(builder):
    """Does a finished email pass, get simulated results, and save both as evidence?"""
    fill(builder)
    result = builder.check()
    assert result.ready
    assert "Inbox preview" in builder._inbox.value
    assert "may lawfully be emailed" in builder._audience.value
    results = builder.send()
    assert results is not None
    assert "Simulated results" in builder._results.value
    data = saved(builder)
    assert data["campaign"]["send_at"] == "2026-12-01T10:00:00"
    assert data["audience"]["included"] == results.sent
    assert data["results"]["simulated"] is True
    assert data["ready"] is True


def test_preview_shows_the_fallback_for_someone_with_no_first_name(builder):
    """Does the inbox preview show a contact with no first name getting the fallback?"""
    fill(builder)
    builder.set_segment("all")
    builder.check()
    assert "(no first name given)" in builder._inbox.value
    assert "Hi there," in builder._inbox.value


def test_a_typed_time_that_is_not_a_time_keeps_the_work(builder):
    """Is a bad time reported plainly, with what was typed still saved?"""
    fill(builder)
    builder.schedule("2026-12-01", "ten o'clock")
    assert builder.check() is None
    assert "not a time" in builder._findings.value
    assert saved(builder)["form"]["subject"].startswith("{first_name|Hello}")


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
    assert "results" not in saved(builder)


def test_unknown_segment_is_refused(builder):
    """Is a segment that does not exist refused with the choices?"""
    with pytest.raises(CampaignError, match="choose one of"):
        builder.set_segment("vips")
