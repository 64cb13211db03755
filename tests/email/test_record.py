"""The email record: its golden file, and files saved by the previous release."""

from __future__ import annotations

import json
import shutil
from datetime import datetime
from pathlib import Path

from coursework_kit.email import CampaignBuilder
from coursework_kit.email.record import (
    MAX_CHECKS,
    EmailCheck,
    EmailForm,
    EmailRecord,
    EmailResults,
    EmailWork,
)
from coursework_kit.records import RecordFile

AT = "2026-11-20T09:00:00+00:00"
V1 = Path(__file__).resolve().parents[1] / "golden" / "records" / "v1" / "email-campaign.json"
FORM = EmailForm(
    name="Spring bedding",
    subject="{first_name|Hello}, our new spring bedding is here",
    preview_text="Soft linen in six colours",
    body="Hi {first_name|there},\n\nOur spring bedding has arrived.",
    calls_to_action="Shop spring bedding",
    sender_name="Harbour & Pine",
    sender_email="hello@harbourandpine.example",
    unsubscribe_link="https://harbourandpine.example/unsubscribe",
    segment="past_purchaser",
    send_day="2026-12-01",
    send_time="10:00",
)


def record() -> EmailRecord:
    results = EmailResults(144, 141, 74, 13, 0, 52.48, 17.57, 0.0)
    work = EmailWork(
        form=FORM,
        checks=(
            EmailCheck(
                "check", AT, EmailForm(subject="Sale"), must_fix=("Add an unsubscribe link.",)
            ),
            EmailCheck("send", AT, FORM, ready=True, audience=144, results=results),
        ),
    )
    return EmailRecord.new("campaign").with_work(work, learner="ab123", at=AT)


def test_the_record_matches_its_golden_file(golden):
    """Is an email record saved exactly as tests/golden/records/email.json shows?"""
    golden("records/email.json", json.dumps(record().to_json(), indent=1) + "\n")


def test_the_evidence_file_keeps_its_name():
    """Is the email still saved as evidence/email-campaign.json, so today's files are found?"""
    assert record().file_name == "email-campaign.json"


def test_only_the_latest_checks_are_kept():
    """Does a long sitting keep the latest checks, not grow without end?"""
    work = EmailWork()
    for n in range(MAX_CHECKS + 5):
        work = work.with_check(EmailCheck("check", str(n), FORM))
    assert len(work.checks) == MAX_CHECKS
    assert work.checks[-1].at == str(MAX_CHECKS + 4)


def test_a_file_from_the_previous_release_is_read_as_today():
    """Does evidence saved by the previous builder load: a send with its results, and a form
    that would not check, kept as typed?"""
    loaded = EmailRecord.from_json(json.loads(V1.read_text("utf-8")))
    assert loaded.activity == "email-campaign"
    assert loaded.scenario == "campaign"
    first, second = loaded.attempts
    assert (first.number, first.saves, first.learner) == (1, 3, "ab123")
    sent = first.work.latest_check
    assert sent.action == "send"
    assert (sent.ready, sent.audience) == (True, 144)
    assert (sent.results.sent, sent.results.click_to_open_rate) == (144, 17.57)
    assert sent.at == "2026-11-20T09:00:00"
    assert first.work.form == FORM
    assert second.work.form == EmailForm(**{**vars(FORM), "send_time": "ten o'clock"})
    assert "not a time" in second.work.latest_check.error


def test_the_builder_reopens_a_previous_release_file_and_saves_it_as_today(tmp_path):
    """Does the builder show the latest work from an old file, and keep every attempt when
    it saves the file again in today's format?"""
    shutil.copy(V1, tmp_path / "email-campaign.json")
    builder = CampaignBuilder(
        learner="ab123", folder=tmp_path, clock=lambda: datetime(2026, 11, 20)
    )
    assert builder.form.send_time == "ten o'clock"
    assert "not a time" in builder.schedule_problem
    builder.schedule("2026-12-01", "10:00")
    builder.session.flush()
    document = json.loads((tmp_path / "email-campaign.json").read_text())
    assert (document["schema_version"], document["kind"]) == (2, "email")
    record = RecordFile(EmailRecord, "campaign", tmp_path).load()
    assert [a.number for a in record.attempts] == [1, 2]
    assert record.latest.work.form.send_time == "10:00"
