"""Assessing an email record: the email as typed, judged the way the builder judges it."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from coursework_kit.email import assess, check_campaign, load_mailing_list
from coursework_kit.email.assess import campaign_from_form, check_form
from coursework_kit.email.record import (
    EmailCheck,
    EmailForm,
    EmailRecord,
    EmailResults,
    EmailWork,
)

NOW = datetime(2026, 11, 20, 9, 0)
FORM = EmailForm(
    name="Spring bedding",
    subject="{first_name|Hello}, our new spring bedding is here",
    preview_text="Soft linen in six colours, from £35",
    body="Hi {first_name|there},\n\nOur spring bedding has arrived.",
    calls_to_action="Shop spring bedding",
    sender_name="Harbour & Pine",
    sender_email="hello@harbourandpine.example",
    unsubscribe_link="https://harbourandpine.example/unsubscribe",
    segment="past_purchaser",
    send_day="2026-12-01",
    send_time="10:00",
)


def of(work: EmailWork, at: str = "2026-11-20T09:00:00+00:00") -> EmailRecord:
    return EmailRecord.new("campaign").with_work(work, learner="ab123", at=at)


def test_nothing_written_yet():
    """Does a record with no attempt say so rather than fail?"""
    feedback = assess(EmailRecord.new("campaign"))
    assert feedback.summary == "No email written yet."
    assert feedback.findings == ()


def test_a_good_email_is_ready_and_every_finding_is_shared():
    """Is a well-made email ready, with each campaign finding in the shared vocabulary?"""
    feedback = assess(of(EmailWork(form=FORM)), now=NOW)
    assert feedback.ready
    assert feedback.summary.startswith("Ready to send")
    expected = check_campaign(campaign_from_form(FORM), now=NOW).findings
    assert [(f.check, f.message, f.why) for f in feedback.findings] == [
        (f.check, f.message, f.why) for f in expected
    ]
    assert {f.severity for f in feedback.findings} == {"good"}


def test_problems_are_must_fix_and_improvements_should_fix():
    """Does a missing unsubscribe link become 'must fix' and a shouty subject 'should fix'?"""
    form = replace(FORM, unsubscribe_link="", subject="HUGE SALE on spring bedding now")
    feedback = assess(of(EmailWork(form=form)), now=NOW)
    assert not feedback.ready
    assert "Add an unsubscribe link." in [f.message for f in feedback.of("must fix")]
    assert any(f.check == "subject" for f in feedback.of("should fix"))
    assert "1 thing must be fixed" in feedback.summary


def test_the_send_time_is_judged_from_when_the_learner_checked():
    """Is a send time judged against the moment the learner checked it, not today's date?"""
    check = EmailCheck("check", "2026-11-20T09:00:00+00:00", FORM, ready=True)
    record = of(EmailWork(form=FORM, checks=(check,)), at="2027-06-01T09:00:00+00:00")
    assert assess(record).ready
    assert not assess(record, now=datetime(2027, 6, 1)).ready


def test_a_form_that_cannot_be_read_is_a_thing_to_fix():
    """Is a time that is not a time reported as something to fix, not an error?"""
    feedback = assess(of(EmailWork(form=replace(FORM, send_time="ten o'clock"))), now=NOW)
    assert not feedback.ready
    assert "not a time" in feedback.findings[0].message


def test_an_edited_file_with_an_unknown_segment_does_not_crash():
    """Does a segment that does not exist (a hand-edited file) give feedback, not a crash?"""
    feedback = assess(of(EmailWork(form=replace(FORM, segment="vips"))), now=NOW)
    assert "not a segment" in feedback.findings[0].message


def test_the_summary_says_whether_the_email_was_sent():
    """Does the summary say the email was sent, or changed since it was sent?"""
    sent = check_form(FORM, now=NOW, contacts=load_mailing_list())
    assert sent.ready
    results = EmailResults(144, 141, 74, 13, 0, 52.48, 17.57, 0.0)
    send = EmailCheck("send", "2026-11-20T09:00:00+00:00", FORM, ready=True, results=results)
    assert "sent (simulated) to 144 people" in assess(of(EmailWork(FORM, (send,))), now=NOW).summary
    changed = EmailWork(replace(FORM, name="Spring bedding 2"), (send,))
    assert "changed since" in assess(of(changed), now=NOW).summary
