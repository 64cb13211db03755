"""The chat record: its golden file, files saved by the previous release, bad turns."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from coursework_kit.chat import ChatRecord, ChatWork, Conversation, CRMForm, CRMRecord, Turn
from coursework_kit.chat.record import as_turns
from coursework_kit.errors import CourseworkError
from coursework_kit.records import RecordFile, RecordShapeError

AT = "2026-11-02T10:00:00+00:00"
V1 = Path(__file__).resolve().parents[1] / "golden" / "records" / "v1"


def _record(make_scenario) -> ChatRecord:
    now = [datetime(2026, 11, 2, 10, 0, tzinfo=timezone.utc)]  # not the machine's time zone
    conversation = Conversation(make_scenario(), clock=lambda: now[0])
    for reply in (
        "Hi Priya, thanks for contacting Harbour & Pine. I'm sorry your order is late.",
        "For security, can you confirm your order number and postcode, please?",
    ):
        now[0] += timedelta(seconds=15)
        conversation.reply(reply)
    crm = CRMRecord("delivery", "follow_up", "Passed security.", "Parcel late.", recorded_at=AT)
    work = conversation.work(
        draft="Thank you. I'll chase", crm=crm, crm_form=CRMForm(reason="delivery")
    )
    return ChatRecord.holding("late-delivery", work, learner="ab123", at=AT)


def test_the_record_matches_its_golden_file(golden, make_scenario):
    """Is a chat record saved exactly as tests/golden/records/chat.json shows?"""
    golden("records/chat.json", json.dumps(_record(make_scenario).to_json(), indent=1) + "\n")


def test_the_file_is_named_from_the_scenario_id():
    """Is the evidence file chat-<scenario id>.json, as the previous release named it?"""
    assert ChatRecord.activity_for("late-delivery") == "chat-late-delivery"
    assert RecordFile(ChatRecord, "late-delivery").path.name == "chat-late-delivery.json"


def test_a_chat_saved_by_the_previous_widget_is_read(tmp_path):
    """Is a chat file saved by the previous release's widget read, turns, CRM and all?"""
    (tmp_path / "chat-late-delivery.json").write_text((V1 / "chat-late-delivery.json").read_text())
    record = RecordFile(ChatRecord, "late-delivery", tmp_path).load()
    assert record.scenario == "late-delivery"
    first, second = record.attempts
    assert (first.mode, first.learner, first.saves) == ("practice", "ab123", 5)
    assert first.work.ended_by == "customer"
    assert [t.kind for t in first.work.turns][:3] == ["opening", "", "default"]
    assert first.work.crm.reason == "delivery"
    assert first.work.crm_form == CRMForm.of(first.work.crm)
    assert first.work.coach
    assert not first.work.practice
    assert second.work.ended_by is None
    assert len(second.work.replies) == 1
    assert record.latest.number == 2


def test_a_chat_saved_by_the_previous_demo_class_is_read(tmp_path):
    """Is the demo class's assessment chat (no learner, assessment mode) read?"""
    (tmp_path / "chat-charged-twice.json").write_text((V1 / "chat-charged-twice.json").read_text())
    (attempt,) = RecordFile(ChatRecord, "charged-twice", tmp_path).load().attempts
    assert (attempt.mode, attempt.learner) == ("assessment", "")
    assert not attempt.work.coach
    assert attempt.work.crm.owner == "Billing team"


def test_a_chat_saved_before_an_update_is_kept_in_the_widget(tmp_path, clock):
    """After updating the kit, is a chat saved before kept: carried on if the customer still
    answers it the same way, else kept with a new chat started (the customer may understand
    more since)?"""
    from coursework_kit.chat import ChatWidget

    (tmp_path / "chat-late-delivery.json").write_text((V1 / "chat-late-delivery.json").read_text())
    widget = ChatWidget("late-delivery", folder=tmp_path, clock=clock, live_clock=False)
    record = widget.session.file.load()
    saved = record.attempt(2).work.turns
    assert saved[1].text == "Hello, how can I help?"
    assert not widget.conversation.ended
    if len(widget.conversation.turns) > 1:  # the customer still answers it the same way
        assert [t.text for t in widget.conversation.turns] == [t.text for t in saved]
        assert "Carrying on your chat" in widget._ui.notice.value
    else:
        assert "It is still saved" in widget._ui.notice.value


def test_a_turn_with_a_time_that_is_not_a_date_is_refused(make_scenario):
    """Is a saved turn whose time is not a date refused as unreadable?"""
    document = _record(make_scenario).to_json()
    document["attempts"][0]["work"]["turns"][1]["at"] = "yesterday"
    with pytest.raises(RecordShapeError, match="turn 2 has a time that is not a date"):
        ChatRecord.from_json(document)


@pytest.mark.parametrize(
    "data",
    [
        {"turns": "hello"},
        {"turns": [{"speaker": "boss", "text": "hi"}]},
        {"turns": [], "ended_by": "x"},
    ],
)
def test_a_broken_previous_file_is_refused(data):
    """Is a schema-1 attempt of the wrong shape refused, saying what is wrong?"""
    with pytest.raises(RecordShapeError):
        ChatRecord.work_from_v1(data)


def test_turns_from_tuples_mappings_and_turns():
    """Do tuples, saved mappings and turns all become the same turns?"""
    typed = Turn("agent", "Hi", "2026-03-05T10:00:12")
    assert as_turns([("agent", "Hi", "2026-03-05T10:00:12")]) == (typed,)
    assert as_turns([{"speaker": "agent", "text": "Hi", "at": typed.at}]) == (typed,)
    assert as_turns([typed]) == (typed,)
    assert as_turns([("customer", "Hello")]) == (Turn("customer", "Hello"),)
    with pytest.raises(CourseworkError, match="'agent' or 'customer'"):
        as_turns([("boss", "hi")])


def test_work_knows_the_advisers_replies():
    """Does the work list just the adviser's messages as its replies?"""
    work = ChatWork(turns=(Turn("customer", "Hello"), Turn("agent", "Hi")))
    assert work.replies == (Turn("agent", "Hi"),)
