"""The chat widget, driven through its methods as a learner's typing and clicks would."""

from __future__ import annotations

import html
import json

import pytest

from coursework_kit.chat import ChatWidget

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
    return json.loads(widget.evidence.path.read_text())["attempts"]


def test_send_shows_the_conversation(chat, clock):
    """Does sending a reply show it and the customer's answer in the conversation?"""
    clock.wait(10)
    answer = chat.send(GREETING)
    assert len(answer) == 1
    assert "I&#x27;m sorry your order is late." in chat._conversation.value
    assert answer[0].text.replace("'", "&#x27;") in chat._conversation.value


def test_the_reply_box_and_enter(chat, clock):
    """Does Send take what is typed in the box, then clear it?"""
    chat._box.value = GREETING
    clock.wait(5)
    chat.send()
    assert chat._box.value == ""
    assert chat.conversation.turns[1].text == GREETING


def test_empty_reply_gets_a_message(chat):
    """Does sending nothing show a plain message instead of an error?"""
    assert chat.send("   ") == []
    assert "Type a reply" in chat._notice.value


def test_every_turn_is_saved_as_evidence(chat, clock):
    """Is the transcript saved, dated, after every turn?"""
    clock.wait(5)
    chat.send(GREETING)
    assert [t["speaker"] for t in saved(chat)[0]["data"]["turns"]] == [
        "customer",
        "agent",
        "customer",
    ]
    clock.wait(5)
    chat.send(SECURITY)
    (attempt,) = saved(chat)
    assert len(attempt["data"]["turns"]) == 5
    assert attempt["data"]["turns"][1]["at"].startswith("2026-03-05T10:00:05")


def test_coach_mode_gives_hints(chat, clock):
    """In coach mode, does a reply without a greeting get a hint, and a good one praise?"""
    clock.wait(5)
    chat.send("Where is it?")
    assert "Start with a greeting" in chat._hints.value
    chat.restart()
    clock.wait(5)
    chat.send(GREETING)
    assert "Good:" in chat._hints.value


def test_assessment_mode_gives_no_hints(tmp_path, clock):
    """In assessment mode, are there no hints?"""
    widget = ChatWidget(
        "late-delivery", mode="assessment", folder=tmp_path, clock=clock, live_clock=False
    )
    clock.wait(5)
    widget.send("Where is it?")
    assert widget._hints.value == ""


def test_a_full_chat_ends_with_the_report_and_crm_form(chat, clock):
    """When the customer says goodbye, does the report appear with the CRM form?"""
    for reply in (GREETING, SECURITY, FIX, CLOSE):
        clock.wait(15)
        chat.send(reply)
    assert chat.conversation.ended_by == "customer"
    assert "End-of-chat report" in chat._report.value
    assert "data:image/png;base64," in chat._report.value  # the response-time chart
    assert chat._crm_box.layout.display is None
    assert "Complete the CRM record" in chat._clock_label.value


def test_end_gives_the_report(chat, clock):
    """Does End chat show the report and return it?"""
    clock.wait(5)
    chat.send(GREETING)
    report = chat.end()
    assert report.criteria["greeting"].met is True
    assert chat.send("Hello?") == []
    assert "This chat has ended" in chat._notice.value


def test_restart_keeps_the_earlier_attempt(chat, clock):
    """Does Start again begin a new attempt while the first stays saved?"""
    clock.wait(5)
    chat.send(GREETING)
    chat.restart()
    clock.wait(5)
    chat.send("Hello there.")
    assert [a["attempt"] for a in saved(chat)] == [1, 2]
    assert saved(chat)[0]["data"]["turns"][1]["text"] == GREETING


def test_facts_hidden_until_security(tmp_path, clock, make_scenario):
    """Are account facts marked for after security hidden until the customer passes it?"""
    scenario = make_scenario(
        facts=[{"label": "Order", "value": "HP-10482", "after_verification": True}]
    )
    widget = ChatWidget(scenario, folder=tmp_path, clock=clock, live_clock=False)
    assert "HP-10482" not in widget._facts.value
    assert "appear once the customer passes security" in widget._facts.value
    clock.wait(5)
    widget.send(SECURITY)
    assert "HP-10482" in widget._facts.value


def test_knowledge_base_search(chat):
    """Does searching the knowledge base show matching articles, or a plain 'nothing found'?"""
    found = chat.search("parcel late delivery")
    assert found
    assert found[0].title in chat._kb_results.value
    assert chat.search("xyzzy") == []
    assert "Nothing found" in chat._kb_results.value


def test_inserted_template_must_be_personalised(chat, clock):
    """Is a pre-written response sent with its [placeholders] flagged in coach mode?"""
    text = chat.insert_template("greeting")
    assert "[" in text
    assert chat._box.value == text
    clock.wait(5)
    chat.send()
    assert [f.kind for f in chat.conversation.findings] == ["template"]
    assert "without personalising" in chat._hints.value


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
    assert "Record complete" in chat._crm_result.value
    assert saved(chat)[0]["data"]["crm"]["reason"] == "delivery"


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
    assert "Carrying on your chat" in again._notice.value
    clock.wait(10)
    assert again.send(FIX)[0].kind == "resolved"
    (attempt,) = json.loads(again.evidence.path.read_text())["attempts"]
    assert len(attempt["data"]["turns"]) == 7


def test_a_finished_chat_is_not_resumed(tmp_path, clock):
    """Once a chat has ended, does running the cell again start a fresh attempt?"""
    first = ChatWidget("late-delivery", folder=tmp_path, clock=clock, live_clock=False)
    clock.wait(5)
    first.send(GREETING)
    first.end()
    again = ChatWidget("late-delivery", folder=tmp_path, clock=clock, live_clock=False)
    assert len(again.conversation.turns) == 1
    assert again._attempt == 2


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
    assert "waiting 30 seconds" in chat._clock_label.value
    clock.wait(70)  # past her patience of 90 seconds
    chased = chat.tick()
    assert chased.kind == "chase"
    assert chased.text.replace("'", "&#x27;") in chat._conversation.value
    assert saved(chat)[0]["data"]["turns"][-1]["kind"] == "chase"


def test_a_live_clock_is_not_started_under_nbgrader(tmp_path, monkeypatch):
    """While nbgrader runs the notebook, is no background clock started?"""
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    widget = ChatWidget("late-delivery", folder=tmp_path)
    assert widget._timer is None
    widget.close()


def test_picker_starts_the_chosen_chat(tmp_path):
    """Does choosing a scenario from the list start that chat, replacing any earlier one?"""
    from coursework_kit.chat import ChatPicker
    from coursework_kit.errors import CourseworkError

    picker = ChatPicker(folder=tmp_path, live_clock=False)
    first = picker.choose("late-delivery")
    assert picker._slot.children == (first,)
    second = picker.choose("damaged-item")
    assert second.scenario.id == "damaged-item"
    assert picker._slot.children == (second,)
    with pytest.raises(CourseworkError, match="no chat called 'nope'"):
        picker.choose("nope")
    second.close()


def test_no_nagging_after_a_good_security_question(chat, clock):
    """After a good security question, is the coach's praise given without a needless nag?"""
    clock.wait(5)
    chat.send(GREETING)
    clock.wait(5)
    chat.send(SECURITY)
    assert "Good: checking identity" in chat._hints.value
    assert "acknowledging how the customer feels" not in chat._hints.value


def test_a_failed_save_is_reported_and_the_chat_goes_on(chat, clock, monkeypatch):
    """If a save fails part way (disk full), is the earlier file kept, a message shown, and
    can the learner carry on?"""
    import os

    clock.wait(5)
    chat.send(GREETING)
    before = chat.evidence.path.read_bytes()

    def disk_full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    clock.wait(5)
    chat.send(SECURITY)
    assert "could not be saved" in chat._notice.value
    assert chat.evidence.path.read_bytes() == before
    monkeypatch.undo()
    clock.wait(5)
    chat.send(FIX)
    (attempt,) = saved(chat)
    assert len(attempt["data"]["turns"]) == 7  # everything, including the turn that failed
