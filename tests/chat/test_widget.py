"""The chat widget, driven through its methods as a learner's typing and clicks would."""

from __future__ import annotations

import html
import json

import pytest

from coursework_kit.chat import ChatRecord, ChatWidget
from coursework_kit.chat.assess_record import criteria_met
from coursework_kit.records import RecordFile

GREETING = "Hi Priya, thanks for contacting Harbour & Pine. I'm sorry your order is late."
SECURITY = "For security, can you confirm your order number and postcode, please?"
FIX = "Thank you. I'll chase the courier now and email you by 5pm today. Does that sound OK?"
CLOSE = "Is there anything else I can help you with today?"


@pytest.fixture
def chat(tmp_path, clock):
    widget = ChatWidget(
        "late-delivery", folder=tmp_path / "evidence", clock=clock, live_clock=False
    )
    yield widget
    widget.close()


def saved(widget):
    return json.loads(widget.session.file.path.read_text())["attempts"]


def test_send_shows_the_conversation(chat, clock):
    """Does sending a reply show it and the customer's answer in the conversation?"""
    clock.wait(10)
    answer = chat.send(GREETING)
    assert len(answer) == 1
    assert "I&#x27;m sorry your order is late." in chat.dashboard.conversation_html
    assert answer[0].text.replace("'", "&#x27;") in chat.dashboard.conversation_html


def test_the_reply_box_and_enter(chat, clock):
    """Does Send take what is typed in the box, then clear it?"""
    chat.type_reply(GREETING)
    clock.wait(5)
    chat.send()
    assert chat.draft == ""
    assert chat.conversation.turns[1].text == GREETING


def test_empty_reply_gets_a_message(chat):
    """Does sending nothing show a plain message instead of an error?"""
    assert chat.send("   ") == []
    assert "Type a reply" in chat.dashboard.notice_html


def test_every_turn_is_saved_as_evidence(chat, clock):
    """Is the transcript saved, dated, after every turn?"""
    clock.wait(5)
    chat.send(GREETING)
    assert [t["speaker"] for t in saved(chat)[0]["work"]["turns"]] == [
        "customer",
        "agent",
        "customer",
    ]
    clock.wait(5)
    chat.send(SECURITY)
    (attempt,) = saved(chat)
    assert len(attempt["work"]["turns"]) == 5
    assert attempt["work"]["turns"][1]["at"].startswith("2026-03-05T10:00:05")


def test_coach_mode_gives_hints(chat, clock):
    """In coach mode, does a reply without a greeting get a hint, and a good one praise?"""
    clock.wait(5)
    chat.send("Where is it?")
    assert "Start with a greeting" in chat.dashboard.hints_html
    chat.restart()
    clock.wait(5)
    chat.send(GREETING)
    assert "Good:" in chat.dashboard.hints_html


def test_assessment_mode_gives_no_hints(tmp_path, clock):
    """In assessment mode, are there no hints?"""
    widget = ChatWidget(
        "late-delivery", mode="assessment", folder=tmp_path, clock=clock, live_clock=False
    )
    clock.wait(5)
    widget.send("Where is it?")
    assert widget.dashboard.hints_html == ""


def test_a_full_chat_ends_with_the_report_and_crm_form(chat, clock):
    """When the customer says goodbye, does the report appear with the CRM form?"""
    for reply in (GREETING, SECURITY, FIX, CLOSE):
        clock.wait(15)
        chat.send(reply)
    assert chat.conversation.ended_by == "customer"
    assert "End-of-chat report" in chat.dashboard.report_html
    assert "data:image/png;base64," in chat.dashboard.report_html  # the response-time chart
    assert chat.dashboard.crm_form_shown
    assert "Complete the CRM record" in chat.dashboard.clock_html


def test_end_gives_the_report(chat, clock):
    """Does End chat show the report and return it?"""
    clock.wait(5)
    chat.send(GREETING)
    report = chat.end()
    assert criteria_met(report)["greeting"] is True
    assert chat.send("Hello?") == []
    assert "This chat has ended" in chat.dashboard.notice_html


def test_restart_keeps_the_earlier_attempt(chat, clock):
    """Does Start again begin a new attempt while the first stays saved?"""
    clock.wait(5)
    chat.send(GREETING)
    chat.restart()
    clock.wait(5)
    chat.send("Hello there.")
    assert [a["number"] for a in saved(chat)] == [1, 2]
    assert saved(chat)[0]["work"]["turns"][1]["text"] == GREETING


def test_facts_hidden_until_security(tmp_path, clock, make_scenario):
    """Are account facts marked for after security hidden until the customer passes it?"""
    scenario = make_scenario(
        facts=[{"label": "Order", "value": "HP-10482", "after_verification": True}]
    )
    widget = ChatWidget(scenario, folder=tmp_path, clock=clock, live_clock=False)
    assert "HP-10482" not in widget.dashboard.facts_html
    assert "appear once the customer passes security" in widget.dashboard.facts_html
    clock.wait(5)
    widget.send(SECURITY)
    assert "HP-10482" in widget.dashboard.facts_html


def test_knowledge_base_search(chat):
    """Does searching the knowledge base show matching articles, or a plain 'nothing found'?"""
    found = chat.search("parcel late delivery")
    assert found
    assert found[0].title in chat.dashboard.articles_html
    assert chat.search("xyzzy") == []
    assert "Nothing found" in chat.dashboard.articles_html


def test_inserted_template_must_be_personalised(chat, clock):
    """Is a pre-written response sent with its [placeholders] flagged in coach mode?"""
    text = chat.insert_template("greeting")
    assert "[" in text
    assert chat.draft == text
    clock.wait(5)
    chat.send()
    assert [f.check for f in chat.conversation.findings] == ["template"]
    assert "without personalising" in chat.dashboard.hints_html


def test_crm_record_saved_with_the_evidence(chat, clock):
    """Is the CRM record checked, shown and saved with the transcript?"""
    for reply in (GREETING, SECURITY, FIX):
        clock.wait(10)
        chat.send(reply)
    check = chat.save_crm(
        reason="delivery",
        outcome="follow_up",
        actions_taken="Customer passed security. Chased the courier.",
        follow_up="Email the customer by 5pm.",
        owner="Sam",
        notes="Parcel two days late; customer worried it was lost.",
    )
    assert check.ok, (check.missing, check.disagreements)
    assert "Record complete" in chat.dashboard.crm_html
    assert saved(chat)[0]["work"]["crm"]["reason"] == "delivery"


def test_export_portfolio_page(chat, clock):
    """Does the export write a dated HTML page with the criteria mapping and transcript?"""
    for reply in (GREETING, SECURITY, FIX, CLOSE):
        clock.wait(10)
        chat.send(reply)
    path = chat.export_html()
    assert path.name == "chat-late-delivery-20260305-100040.html"
    page = path.read_text()
    assert '<html lang="en-GB">' in page
    assert "Unit 3: Greets the customer courteously" in page
    assert html.escape(GREETING) in page
    assert "Bar chart of response times" in page


def test_wrong_mode_is_refused(tmp_path):
    """Is a mode other than coach or assessment refused plainly?"""
    from coursework_kit.errors import CourseworkError

    with pytest.raises(CourseworkError, match="coach"):
        ChatWidget("late-delivery", mode="exam", folder=tmp_path, live_clock=False)


def test_an_unfinished_chat_carries_on_after_a_restart(tmp_path, clock):
    """After a kernel restart, does the same chat carry on, losing nothing that was sent?"""
    first = ChatWidget("late-delivery", folder=tmp_path, clock=clock, live_clock=False)
    for reply in (GREETING, SECURITY):
        clock.wait(10)
        first.send(reply)
    first.close()  # the kernel dies; a new widget is made when the cell is run again
    again = ChatWidget("late-delivery", folder=tmp_path, clock=clock, live_clock=False)
    assert again.conversation.transcript() == first.conversation.transcript()
    assert again.conversation.verified
    assert "Carrying on your chat" in again.dashboard.notice_html
    clock.wait(10)
    assert again.send(FIX)[0].kind == "resolved"
    (attempt,) = json.loads(again.session.file.path.read_text())["attempts"]
    assert len(attempt["work"]["turns"]) == 7


def test_an_ended_chat_reopens_as_ended_until_start_again(tmp_path, clock):
    """Once a chat has ended, does running the cell again show it ended, with its report and
    CRM record, and does Start again begin a new attempt?"""
    first = ChatWidget("late-delivery", folder=tmp_path, clock=clock, live_clock=False)
    clock.wait(5)
    first.send(GREETING)
    first.end()
    first.save_crm(reason="delivery", notes="Customer asked where the parcel is, then left.")
    first.close()
    again = ChatWidget("late-delivery", folder=tmp_path, clock=clock, live_clock=False)
    assert again.conversation.transcript() == first.conversation.transcript()
    assert again.conversation.ended_by == "agent"
    assert "End-of-chat report" in again.dashboard.report_html
    assert again.dashboard.crm_form_shown
    assert again.crm_form.reason == "delivery"
    assert again.dashboard.crm_html == first.dashboard.crm_html
    assert "This chat has ended" in again.dashboard.notice_html
    assert again.attempt == 1
    assert again.send("Hello?") == []
    again.restart()
    assert len(again.conversation.turns) == 1
    assert not again.dashboard.crm_form_shown
    assert again.crm_form.reason == ""
    clock.wait(5)
    again.send(GREETING)
    assert again.attempt == 2
    record = RecordFile(ChatRecord, "late-delivery", tmp_path).load()
    assert [a.number for a in record.attempts] == [1, 2]
    assert record.attempt(1).work.ended_by == "agent"


def test_replay_refuses_a_transcript_that_no_longer_fits(make_scenario, clock):
    """If the saved turns cannot be replayed exactly, is a fresh chat started instead?"""
    from coursework_kit.chat import Conversation

    records = [
        {"speaker": "customer", "text": "Something else entirely", "at": clock.now.isoformat()}
    ]
    assert Conversation.replay(make_scenario(), records) is None


def test_the_clock_shows_the_wait_and_the_customer_chases(chat, clock):
    """Does each tick show the wait, and a long wait bring a chase into the conversation?"""
    clock.wait(30)
    assert chat.tick() is None
    assert "waiting 30 seconds" in chat.dashboard.clock_html
    clock.wait(70)  # past her patience of 90 seconds
    chased = chat.tick()
    assert chased.kind == "chase"
    assert chased.text.replace("'", "&#x27;") in chat.dashboard.conversation_html
    assert saved(chat)[0]["work"]["turns"][-1]["kind"] == "chase"


def test_a_live_clock_is_not_started_under_nbgrader(tmp_path, monkeypatch):
    """While nbgrader runs the notebook, is no background clock started?"""
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    widget = ChatWidget("late-delivery", folder=tmp_path)
    assert not widget.clock_running
    widget.close()


def test_under_nbgrader_a_saved_chat_is_left_as_saved_and_not_replayed(tmp_path, monkeypatch):
    """The grader replays a saved chat from its evidence file; does the widget in the graded
    notebook leave the file untouched and skip its own replay (which took seconds)?"""
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    first = ChatWidget("late-delivery", folder=tmp_path, live_clock=False)
    first.send(GREETING)
    first.session.flush()
    first.close()
    (saved_file,) = tmp_path.rglob("*.json")
    before = saved_file.read_bytes()
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    graded = ChatWidget("late-delivery", folder=tmp_path)
    assert len(graded.conversation.turns) == 1  # only the customer's opening message
    assert "marked from your evidence file" in graded.dashboard.notice_html
    graded.session.flush()
    graded.close()
    assert saved_file.read_bytes() == before


def test_picker_starts_the_chosen_chat(tmp_path):
    """Does choosing a scenario from the list start that chat, replacing any earlier one?"""
    from coursework_kit.chat import ChatPicker
    from coursework_kit.errors import CourseworkError

    picker = ChatPicker(folder=tmp_path, live_clock=False)
    first = picker.choose("late-delivery")
    assert picker.shown is first
    second = picker.choose("damaged-item")
    assert second.scenario.id == "damaged-item"
    assert picker.shown is second
    with pytest.raises(CourseworkError, match="no chat called 'nope'"):
        picker.choose("nope")
    second.close()


def test_no_nagging_after_a_good_security_question(chat, clock):
    """After a good security question, is the coach's praise given without a needless nag?"""
    clock.wait(5)
    chat.send(GREETING)
    clock.wait(5)
    chat.send(SECURITY)
    assert "Good: checking identity" in chat.dashboard.hints_html
    assert "acknowledging how the customer feels" not in chat.dashboard.hints_html


def test_a_failed_save_is_reported_and_the_chat_goes_on(chat, clock, monkeypatch):
    """If a save fails part way (disk full), is the earlier file kept, a message shown, and
    can the learner carry on?"""
    import os

    clock.wait(5)
    chat.send(GREETING)
    before = chat.session.file.path.read_bytes()

    def disk_full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    clock.wait(5)
    chat.send(SECURITY)
    assert "could not be saved" in chat.message
    assert chat.session.file.path.read_bytes() == before
    monkeypatch.undo()
    clock.wait(5)
    chat.send(FIX)
    (attempt,) = saved(chat)
    assert len(attempt["work"]["turns"]) == 7  # everything, including the turn that failed


def test_typing_is_saved_within_a_second_without_pressing_send(tmp_path, clock):
    """Is what the learner types in the reply box saved within a second, unsent?"""
    import time

    widget = ChatWidget("late-delivery", folder=tmp_path, clock=clock, live_clock=False)
    widget.type_reply("Hi Pri")
    widget.type_reply("Hi Priya, thanks for")  # soon after: saved by the session's timer
    store = RecordFile(ChatRecord, "late-delivery", tmp_path)
    deadline = time.monotonic() + 1.0
    while time.monotonic() < deadline:
        found = store.load()
        if found is not None and found.latest.work.draft == "Hi Priya, thanks for":
            break
        time.sleep(0.05)
    else:
        raise AssertionError("the reply being typed was not saved within a second")
    assert found.latest.work.replies == ()
    widget.close()


def test_opening_the_chat_saves_nothing(tmp_path, clock):
    """Does merely opening the chat leave no evidence file (and so no attempt)?"""
    widget = ChatWidget("late-delivery", folder=tmp_path, clock=clock, live_clock=False)
    widget.close()
    assert not widget.session.file.path.exists()
    assert widget.attempt is None


def test_a_new_widget_shows_the_draft_and_crm_form_and_carries_on(tmp_path, clock):
    """After a restart, are the unsent reply and the half-filled CRM form back, and does
    carrying on stay in the same attempt?"""
    first = ChatWidget("late-delivery", folder=tmp_path, clock=clock, live_clock=False)
    clock.wait(10)
    first.send(GREETING)
    first.type_reply("For security, can you")
    first.fill_crm(reason="delivery", notes="Parcel late")
    first.close()
    again = ChatWidget("late-delivery", folder=tmp_path, clock=clock, live_clock=False)
    assert again.work == first.work
    assert again.draft == "For security, can you"
    assert again.crm_form.notes == "Parcel late"
    assert "Carrying on your chat" in again.dashboard.notice_html
    clock.wait(10)
    again.send(SECURITY)
    record = RecordFile(ChatRecord, "late-delivery", tmp_path).load()
    (attempt,) = record.attempts
    assert len(attempt.work.turns) == 5
    assert attempt.work.draft == ""
    assert attempt.work.crm_form.reason == "delivery"


def test_a_broken_evidence_file_does_not_stop_the_chat(tmp_path, clock):
    """If the evidence file was damaged, does the chat carry on and say what happened?"""
    (tmp_path / "chat-late-delivery.json").write_text("{broken")
    widget = ChatWidget("late-delivery", folder=tmp_path, clock=clock, live_clock=False)
    assert "could not be read" in widget.message
    clock.wait(5)
    assert widget.send(GREETING)
    assert "could not be read" in widget.message
    assert list(tmp_path.glob("chat-late-delivery.unreadable-*.json"))
    record = RecordFile(ChatRecord, "late-delivery", tmp_path).load()
    assert record.latest.work.replies[0].text == GREETING


@pytest.mark.parametrize(
    ("mode", "saved_mode", "coach"),
    [("coach", "practice", True), ("assessment", "assessment", False)],
)
def test_the_mode_and_settings_are_saved_with_the_chat(tmp_path, clock, mode, saved_mode, coach):
    """Is a chat in an assignment saved as an assessment attempt, with its clock setting?"""
    widget = ChatWidget(
        "late-delivery", mode=mode, practice=True, folder=tmp_path, clock=clock, live_clock=False
    )
    widget.send(GREETING)
    attempt = RecordFile(ChatRecord, "late-delivery", tmp_path).load().latest
    assert attempt.mode == saved_mode
    assert (attempt.work.coach, attempt.work.practice) == (coach, True)


def test_resume_false_starts_a_new_attempt_on_the_first_change(tmp_path, clock):
    """With resume=False, is the saved chat left alone and a new attempt begun?"""
    first = ChatWidget("late-delivery", folder=tmp_path, clock=clock, live_clock=False)
    first.send(GREETING)
    fresh = ChatWidget(
        "late-delivery", folder=tmp_path, clock=clock, live_clock=False, resume=False
    )
    assert len(fresh.conversation.turns) == 1
    fresh.send("Hello there.")
    record = RecordFile(ChatRecord, "late-delivery", tmp_path).load()
    assert [a.work.replies[0].text for a in record.attempts] == [GREETING, "Hello there."]


def test_a_chat_that_no_longer_replays_is_kept_and_a_new_one_started(tmp_path, clock):
    """If the saved chat no longer fits the scenario, is it kept and a fresh chat begun?"""
    first = ChatWidget("late-delivery", folder=tmp_path, clock=clock, live_clock=False)
    first.send(GREETING)
    path = first.session.file.path
    document = json.loads(path.read_text())
    document["attempts"][0]["work"]["turns"][0]["text"] = "Something else entirely"
    path.write_text(json.dumps(document))
    again = ChatWidget("late-delivery", folder=tmp_path, clock=clock, live_clock=False)
    assert len(again.conversation.turns) == 1
    assert "could not be carried on" in again.dashboard.notice_html
    again.send("Hello there.")
    record = RecordFile(ChatRecord, "late-delivery", tmp_path).load()
    assert len(record.attempts) == 2


def test_the_report_is_the_assessment_of_the_saved_record(chat, clock):
    """Are the end-of-chat report and the assessment of the saved file the same judgement?"""
    from coursework_kit.chat import assess

    for reply in (GREETING, "It's with Evri, I'll chase them.", CLOSE):
        clock.wait(10)
        chat.send(reply)
    shown = chat.end()
    saved_record = RecordFile(ChatRecord, "late-delivery", chat.session.file.folder).load()
    assert assess(saved_record) == shown
    assert "data protection breach" in chat.dashboard.report_html
    assert not shown.ready
