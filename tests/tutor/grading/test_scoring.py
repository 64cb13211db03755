"""Scores for nbgrader test cells: partial credit, stdout only, never an exception."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from coursework_kit.chat import ChatRecord, CRMRecord
from coursework_kit.tutor.grading import (
    current_learner,
    score_choice,
    score_crm,
    score_numeric,
    score_templates,
    score_transcript,
)

GOOD_CHAT = [
    "Hi Priya, thanks for contacting Harbour & Pine. I'm sorry your order hasn't arrived, "
    "I can understand how frustrating that is.",
    "So just to check, your order was due on Tuesday and still hasn't arrived?",
    "For security, can you confirm your order number and postcode, please?",
    "Thank you. I'll chase the courier now and email you by 5pm today with an update. "
    "Does that sound OK?",
    "Is there anything else I can help you with today? Thanks for contacting us.",
]


def save_chat(folder, replies, attempt=1, crm=None, scenario="late-delivery"):
    """Hold a chat in the simulator and save it as attempt ``attempt``, as the widget would."""
    from coursework_kit.chat import Conversation, load_scenario
    from coursework_kit.records import RecordFile

    chat = load_scenario(scenario)
    now = [datetime(2026, 3, 5, 10, 0).astimezone()]
    conversation = Conversation(chat, clock=lambda: now[0])
    for reply in replies:
        now[0] += timedelta(seconds=20)
        conversation.reply(reply)
    work = conversation.work(crm=CRMRecord.from_mapping(crm) if crm else None)
    store = RecordFile(ChatRecord, chat.id, Path(folder))
    record = store.load() or ChatRecord.new(chat.id)
    store.save(record.with_work(work, number=attempt))


def test_numeric_right_wrong_and_missing(capsys):
    """Does a right answer earn the points, a wrong or missing one 0, each explained?"""
    assert score_numeric(2.5, 2.5, points=2) == 2
    assert score_numeric("2.49%", 2.5, points=2) == 2
    assert score_numeric("2.46%", 2.5, points=2) == 0  # 1.6% out: not the same figure
    assert score_numeric("1,2,3", 123, points=2) == 0  # not a number, not 123
    assert score_numeric(0, 0.025, points=2) == 0
    assert score_numeric(3.1, 2.5, points=2) == 0
    assert score_numeric(None, 2.5, points=2) == 0
    assert score_numeric(float("nan"), 2.5) == 0
    out = capsys.readouterr()
    assert "2 / 2: the answer is right." in out.out
    assert "no number was given" in out.out
    assert out.err == ""


def test_copied_numbers_score_nothing():
    """Do a friend's right answer, checked against this learner's own figures, score 0?"""
    from coursework_kit.datasets import load_campaigns
    from coursework_kit.metrics import ctr

    def week3_ctr(learner):
        data = load_campaigns(learner=learner)
        row = data[(data["channel"] == "paid_search") & (data["week"] == 3)].iloc[0]
        return ctr(int(row["clicks"]), int(row["impressions"]))

    friend = round(week3_ctr("learner-a"), 2)
    assert score_numeric(friend, week3_ctr("learner-a")) == 1
    assert score_numeric(friend, week3_ctr("learner-b")) == 0


def test_choice(capsys):
    """Is a choice marked by its letter, ignoring case and spaces?"""
    assert score_choice(" B ", "b", points=1) == 1
    assert score_choice("a", "b", points=1) == 0
    assert score_choice(None, "b", points=1) == 0
    assert capsys.readouterr().err == ""


def test_transcript_full_marks_for_a_good_chat(tmp_path, capsys):
    """Does a good saved chat earn full marks, re-assessed from its words?"""
    save_chat(tmp_path, GOOD_CHAT)
    assert score_transcript("late-delivery", points=10, folder=tmp_path) == 10
    assert "10 / 10" in capsys.readouterr().out


def test_transcript_partial_credit_and_breach_cap(tmp_path):
    """Does a weak chat earn partial credit, and a data protection breach cap it at half?"""
    save_chat(
        tmp_path,
        [
            "Hi Priya, it's with Evri, I'll chase them now.",
            "Is there anything else I can help you with today?",
        ],
    )
    score = score_transcript("late-delivery", points=10, folder=tmp_path)
    assert 0 < score <= 5


def test_the_best_attempt_counts(tmp_path):
    """With a poor first attempt and a good second, does the better one count?"""
    save_chat(tmp_path, ["whatever"], attempt=1)
    save_chat(tmp_path, GOOD_CHAT, attempt=2)
    assert score_transcript("late-delivery", points=4, folder=tmp_path) == 4


def test_a_stored_score_is_never_trusted(tmp_path):
    """Does a file claiming a high score, with poor words, still score low?"""
    save_chat(tmp_path, ["whatever"])
    path = tmp_path / "chat-late-delivery.json"
    document = json.loads(path.read_text())
    document["attempts"][0]["work"]["score"] = 100  # a record has no place for one
    path.write_text(json.dumps(document))
    assert score_transcript("late-delivery", points=10, folder=tmp_path) < 2


@pytest.mark.parametrize("content", [None, "{broken", '{"format": "other"}'])
def test_missing_or_corrupt_evidence_scores_zero_quietly(tmp_path, capsys, content):
    """Is missing or damaged evidence 0 with a message on stdout, and nothing on stderr?"""
    if content is not None:
        (tmp_path / "chat-late-delivery.json").write_text(content)
    assert score_transcript("late-delivery", points=10, folder=tmp_path) == 0
    out = capsys.readouterr()
    assert "0 / 10" in out.out
    assert out.err == ""


def test_an_unknown_scenario_does_not_stop_the_batch(tmp_path, capsys):
    """Does a grading mistake (an unknown scenario) score 0 with a message, not raise?"""
    assert score_transcript("no-such-chat", points=5, folder=tmp_path) == 0
    assert "could not be marked" in capsys.readouterr().out


def test_current_learner_at_autograde(tmp_path):
    """At autograde, is the learner the submission's folder, whatever the environment says?"""
    folder = tmp_path / "autograded" / "ab123" / "unit1"
    folder.mkdir(parents=True)
    env = {"NBGRADER_EXECUTION": "autograde", "JUPYTERHUB_USER": "someone-else"}
    assert current_learner(cwd=folder, environ=env) == "ab123"
    assert current_learner(cwd=folder, environ={"JUPYTERHUB_USER": "cd456"}) == "cd456"


GOOD_RECORD = {
    "reason": "delivery",
    "outcome": "follow_up",
    "actions_taken": "Passed security, chased the courier.",
    "notes": "Order due Tuesday has not arrived. Customer passed security.",
    "follow_up": "Email the customer by 5pm today with the courier's update.",
    "owner": "Sam (adviser)",
}


def test_crm_record_full_half_and_none(tmp_path, capsys):
    """Does a complete, matching record earn full marks, one slip half, and no record 0?"""
    save_chat(tmp_path / "good", GOOD_CHAT, crm=GOOD_RECORD)
    assert score_crm("late-delivery", points=2, folder=tmp_path / "good") == 2
    assert "agrees with the chat" in capsys.readouterr().out
    save_chat(tmp_path / "slip", GOOD_CHAT, crm=GOOD_RECORD | {"reason": "billing"})
    assert score_crm("late-delivery", points=2, folder=tmp_path / "slip") == 1
    save_chat(tmp_path / "none", GOOD_CHAT)
    assert score_crm("late-delivery", points=2, folder=tmp_path / "none") == 0
    assert "without a CRM record" in capsys.readouterr().out
    assert score_crm("late-delivery", points=2, folder=tmp_path / "missing") == 0


def test_templates_personalised_or_not(tmp_path, capsys):
    """Is a personalised pre-written response worth full marks, one sent with its
    [placeholder] half, and a chat with none 0?"""
    personalised = (
        "Thank you for waiting, Priya. I'm just checking the courier's tracking for you now. "
        "I'll be back with you in 2 minutes."
    )
    raw = (
        "Thank you for waiting, [customer name]. I'm just checking [what you are checking] "
        "for you now. I'll be back with you in [number] minutes."
    )
    save_chat(tmp_path / "good", [*GOOD_CHAT[:3], personalised, *GOOD_CHAT[3:]])
    assert score_templates("late-delivery", points=2, folder=tmp_path / "good") == 2
    assert "all personalised" in capsys.readouterr().out
    save_chat(tmp_path / "raw", [*GOOD_CHAT[:3], raw, *GOOD_CHAT[3:]])
    assert score_templates("late-delivery", points=2, folder=tmp_path / "raw") == 1
    assert "[customer name]" in capsys.readouterr().out
    save_chat(tmp_path / "none", ["Hi Priya, I'll chase the courier now."])
    assert score_templates("late-delivery", points=2, folder=tmp_path / "none") == 0


def test_a_tutors_own_scenario_file_is_marked(tmp_path, capsys):
    """Is a chat held in a tutor's own scenario, opened by its file as the README says, marked
    from the file the widget saved (named from the scenario's id), not scored 0?"""
    import yaml

    from coursework_kit.chat import ChatWidget
    from coursework_kit.datasets import data_path

    raw = yaml.safe_load(data_path("chat/scenarios/late-delivery.yaml").read_text("utf-8"))
    raw["id"] = "my-scenario"
    path = tmp_path / "My Scenario.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    folder = tmp_path / "evidence"
    widget = ChatWidget(str(path), folder=folder, live_clock=False)
    for reply in GOOD_CHAT:
        widget.send(reply)
    widget.close()
    assert (folder / "chat-my-scenario.json").is_file()
    assert score_transcript(str(path), points=10, folder=folder) == 10
    assert score_transcript(path, points=10, folder=folder) == 10
    assert "10 / 10" in capsys.readouterr().out


def test_a_chat_saved_by_the_previous_release_is_marked_the_same(tmp_path):
    """Is a chat file saved before the records change still marked, and marked the same as
    the same chat saved now?"""
    golden = Path(__file__).resolve().parents[2] / "golden" / "records" / "v1"
    (tmp_path / "chat-charged-twice.json").write_text(
        (golden / "chat-charged-twice.json").read_text()
    )
    assert score_transcript("charged-twice", points=3, folder=tmp_path) == 3
    assert score_crm("charged-twice", points=2, folder=tmp_path) == 2


def test_an_unknown_criterion_does_not_stop_the_batch(tmp_path, capsys):
    """Does asking for a criterion that does not exist score 0 with a message, not raise?"""
    save_chat(tmp_path, GOOD_CHAT)
    assert score_transcript("late-delivery", points=2, folder=tmp_path, criteria=["nope"]) == 0
    assert "could not be marked" in capsys.readouterr().out
