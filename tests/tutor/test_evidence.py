"""Reading a learner's saved chat safely, and checking it was really held for the task."""

from __future__ import annotations

import json
import os
import sys
from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest

from coursework_kit.chat import ChatRecord, Conversation, load_scenario
from coursework_kit.errors import EvidenceError, UnreadableRecordError
from coursework_kit.records import RecordFile
from coursework_kit.tutor.grading.evidence import (
    MAX_REPLIES,
    Problem,
    chat_record_from_bytes,
    read_evidence,
    submission_time,
    typed_characters,
    verify_chat,
)

UTC = timezone.utc
RELEASED = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
HELD = datetime(2026, 3, 5, 10, 0, tzinfo=UTC)
SUBMITTED = datetime(2026, 3, 5, 11, 0, tzinfo=UTC)

GOOD = [
    "Hello Daniel, thank you for contacting Harbour & Pine. My name is Sam and I'm happy to "
    "help. What can I do for you today?",
    "So just to check, you'd like a copy of all the personal information we hold about you?",
    "For security, can you confirm your full name, the email address on the account and your "
    "postcode, please?",
    "Thank you. I'm passing your request to our data protection team, who will reply within "
    "one month. You can also email privacy@harbourandpine.example. Does that sound OK?",
    "Is there anything else I can help you with today? Thanks for contacting us.",
]
needs_openat = pytest.mark.skipif(sys.platform == "win32", reason="links and pipes")


def hold(
    replies=GOOD,
    *,
    scenario="data-request",
    start=HELD,
    seconds=lambda text: 10 + len(text) / 4,  # reading, then typing at 4 characters a second
    practice=False,
    end=True,
):
    """A chat held through the simulated customer, its clock moved on as a person types."""
    now = [start]
    chat = Conversation(load_scenario(scenario), practice=practice, clock=lambda: now[0])
    for reply in replies:
        now[0] += timedelta(seconds=seconds(reply))
        chat.reply(reply)
    if end and not chat.ended:
        chat.end()
    return chat.work(coach=False)


def record_of(work, *, scenario="data-request", mode="assessment", learner=""):
    return ChatRecord.holding(scenario, work, mode=mode, learner=learner)


def codes(record, scenario="data-request", **times):
    times = {"released_at": RELEASED, "submitted_at": SUBMITTED, **times}
    found = verify_chat(record, load_scenario(scenario), attempt=1, **times)
    assert all(isinstance(p, Problem) and p.message for p in found)
    return [p.code for p in found]


def with_turn(work, number, **change):
    turns = list(work.turns)
    turns[number] = replace(turns[number], **change)
    return replace(work, turns=tuple(turns))


# -- honest chats ----------------------------------------------------------------------------


def test_an_honest_chat_saved_and_read_back_passes(tmp_path):
    """Does a chat held through the simulator at a typing pace, saved as the widget saves it and
    read back safely, pass every check?"""
    submission = tmp_path / "submitted" / "ab123" / "unit3"
    file = RecordFile(ChatRecord, "data-request", submission / "evidence")
    file.save(record_of(hold(), learner="ab123"))
    data = read_evidence(submission / "evidence", file.path.name, root=submission)
    record = chat_record_from_bytes(data)
    assert codes(record) == []
    problems = verify_chat(
        record,
        load_scenario("data-request"),
        attempt=1,
        released_at=RELEASED,
        submitted_at=SUBMITTED,
        learner="ab123",
    )
    assert problems == []


def test_a_chat_with_a_chase_and_a_pasted_template_passes():
    """Is a customer's chase after a long wait replayed, and a pre-written response inserted
    and personalised a few seconds after the last message allowed?"""
    greeting = (
        "Hello Daniel, thank you for contacting Harbour & Pine. My name is Priya and I'm "
        "happy to help. What can I do for you today?"
    )
    assert typed_characters(greeting) < 20
    now = [HELD]
    chat = Conversation(load_scenario("data-request"), clock=lambda: now[0])
    now[0] += timedelta(seconds=4)
    chat.reply(greeting)
    now[0] += timedelta(minutes=10)
    assert chat.tick() is not None  # the customer chases
    for reply in GOOD[1:]:
        now[0] += timedelta(seconds=10 + len(reply) / 4)
        chat.reply(reply)
    assert codes(record_of(chat.work(coach=False))) == []


def test_times_with_no_zone_are_taken_as_utc():
    """Are release and submission times with no zone (as nbgrader's gradebook keeps them) read
    as UTC?"""
    record = record_of(hold())
    naive = {"released_at": RELEASED.replace(tzinfo=None), "submitted_at": None}
    assert codes(record, **naive) == []
    late = {"released_at": None, "submitted_at": datetime(2026, 3, 5, 9, 0)}
    assert codes(record, **late) == ["after-submission"]


# -- forged or borrowed chats ------------------------------------------------------------------


def test_a_coach_or_practice_chat_does_not_count():
    """Does a chat saved from a coach-mode or practice widget fail as not the assessment, and one
    with the clock off as clock-off?"""
    assert codes(record_of(replace(hold(), coach=True), mode="practice")) == ["not-assessment"]
    assert codes(record_of(hold(), mode="practice")) == ["not-assessment"]
    assert codes(record_of(replace(hold(), coach=True))) == ["not-assessment"]
    assert codes(record_of(hold(practice=True))) == ["clock-off"]


def test_another_scenarios_chat_renamed_fails(tmp_path):
    """Is another scenario's chat, renamed to this task's file name, refused as the wrong
    scenario, and still refused when its scenario inside the file is changed too?"""
    other = RecordFile(ChatRecord, "charged-twice", tmp_path)
    other.save(record_of(hold(scenario="charged-twice"), scenario="charged-twice"))
    renamed = tmp_path / "chat-data-request.json"
    other.path.rename(renamed)
    record = chat_record_from_bytes(read_evidence(tmp_path, renamed.name))
    assert codes(record) == ["wrong-scenario"]
    document = json.loads(renamed.read_text())
    document.update(activity="chat-data-request", scenario="data-request")
    assert codes(chat_record_from_bytes(json.dumps(document).encode())) == ["edited"]


def test_an_edited_customer_turn_fails():
    """Does changing what the customer said (or its kind, or its time) fail the replay?"""
    work = hold()
    assert work.turns[2].speaker == "customer"
    said = with_turn(work, 2, text="Sure. I'm happy to wait.")
    assert codes(record_of(said)) == ["edited"]
    assert codes(record_of(with_turn(work, 2, kind="calmer"))) == ["edited"]
    moved = (work.turns[2].time + timedelta(seconds=30)).isoformat()
    assert codes(record_of(with_turn(work, 2, at=moved))) == ["edited"]


def test_an_edited_adviser_turn_fails():
    """Does rewriting an adviser reply so it no longer checks what the customer wants fail, since
    the customer's saved answer ("Yes, that's right") no longer follows from it?"""
    work = hold()
    asked = next(n for n, t in enumerate(work.turns) if t.text == GOOD[1])
    assert work.turns[asked + 1].kind == "confirm"
    forged = with_turn(work, asked, text="Right, I will have a look at our system for you now.")
    assert codes(record_of(forged)) == ["edited"]


def test_a_transcript_written_by_hand_fails():
    """Does a transcript that was never held (the customer's lines made up) fail?"""
    first = hold(GOOD[:1], end=False)
    made_up = (
        *first.turns,
        replace(first.turns[1], speaker="agent", text="Can I have your order number?"),
        replace(first.turns[1], text="It's 12345.", kind="verification"),
    )
    assert "edited" in codes(record_of(replace(first, turns=made_up)))


def test_turns_one_second_apart_fail_as_too_fast():
    """Are replies sent one second apart, faster than anyone types, refused?"""
    record = record_of(hold(seconds=lambda text: 1))
    assert codes(record) == ["typed-too-fast"]
    assert (
        "reply 2"
        in verify_chat(
            record, load_scenario("data-request"), attempt=1, released_at=None, submitted_at=None
        )[0].message
    )


def test_a_chat_just_under_the_typing_limit_throughout_fails_overall():
    """Is a chat with every reply at 12 characters a second, and no time to read, refused as
    too quick overall, while short replies sent quickly are not refused?"""
    assert codes(record_of(hold(seconds=lambda text: len(text) / 12))) == ["too-quick-overall"]
    quick = ["Hi Daniel, how can I help?", "OK, I see.", "Thanks, bye for now!"]
    assert codes(record_of(hold(quick, seconds=lambda text: 2))) == []


def test_a_chat_dated_2020_fails_as_before_release():
    """Is a chat held long before the assignment was released refused?"""
    assert codes(record_of(hold(start=datetime(2020, 1, 6, 10, 0, tzinfo=UTC)))) == [
        "before-release"
    ]


def test_a_chat_dated_after_submission_fails():
    """Is a chat dated after the work was handed in refused, with a few minutes' clock skew
    allowed?"""
    assert codes(record_of(hold(start=SUBMITTED + timedelta(hours=2)))) == ["after-submission"]
    just = hold(start=SUBMITTED - timedelta(minutes=3))
    assert codes(record_of(just)) == []


def test_missing_times_fail(tmp_path):
    """Does a saved chat whose messages have no times (a transcript typed in by hand) fail?"""
    document = record_of(hold()).to_json()
    for turn in document["attempts"][0]["work"]["turns"]:
        turn["at"] = None
    record = chat_record_from_bytes(json.dumps(document).encode())
    assert codes(record) == ["missing-times"]


def test_times_out_of_order_fail():
    """Is a chat whose times go backwards refused?"""
    work = hold()
    early = (work.turns[0].time - timedelta(minutes=1)).isoformat()
    problems = codes(record_of(with_turn(work, 3, at=early)))
    assert "out-of-order" in problems
    assert "edited" in problems


def test_a_chat_saved_for_another_learner_is_flagged():
    """Is a chat the widget saved for another learner flagged when the learner is given?"""
    record = record_of(hold(), learner="cd456")
    found = verify_chat(
        record,
        load_scenario("data-request"),
        attempt=1,
        released_at=RELEASED,
        submitted_at=SUBMITTED,
        learner="ab123",
    )
    assert [p.code for p in found] == ["other-learner"]


def test_an_absurdly_long_chat_is_not_replayed():
    """Is a chat with more replies than any real chat refused without replaying it?"""
    many = [f"Reply number {n}, thanks for waiting." for n in range(MAX_REPLIES + 1)]
    record = record_of(hold(many, scenario="charged-twice", end=False), scenario="charged-twice")
    assert "too-long" in codes(record, "charged-twice")


def test_a_missing_attempt_is_a_problem():
    """Is asking for an attempt the record does not have a problem, not an error?"""
    found = verify_chat(
        record_of(hold()),
        load_scenario("data-request"),
        attempt=7,
        released_at=None,
        submitted_at=None,
    )
    assert [p.code for p in found] == ["no-attempt"]


# -- reading files safely --------------------------------------------------------------------


@needs_openat
def test_a_linked_file_or_folder_is_refused(tmp_path):
    """Is a chat file that is a link, or in an evidence folder that is a link, refused?"""
    friend = tmp_path / "friend"
    RecordFile(ChatRecord, "data-request", friend).save(record_of(hold()))
    mine = tmp_path / "mine"
    (mine / "evidence").mkdir(parents=True)
    name = "chat-data-request.json"
    (mine / "evidence" / name).symlink_to(friend / name)
    with pytest.raises(UnreadableRecordError, match="link"):
        read_evidence(mine / "evidence", name, root=mine)
    linked = tmp_path / "linked"
    linked.mkdir()
    (linked / "evidence").symlink_to(friend, target_is_directory=True)
    with pytest.raises(UnreadableRecordError, match="link"):
        read_evidence(linked / "evidence", name, root=linked)


@needs_openat
def test_a_pipe_or_a_folder_is_refused_without_waiting(tmp_path):
    """Is a named pipe (which would block a reader) or a folder refused at once?"""
    os.mkfifo(tmp_path / "chat-data-request.json")
    with pytest.raises(UnreadableRecordError, match="ordinary file"):
        read_evidence(tmp_path, "chat-data-request.json")
    (tmp_path / "folder.json").mkdir()
    with pytest.raises(UnreadableRecordError, match="ordinary file"):
        read_evidence(tmp_path, "folder.json")


def test_an_oversized_file_is_refused(tmp_path):
    """Is a file larger than the limit refused before it is read?"""
    (tmp_path / "chat-data-request.json").write_bytes(b" " * 5_000)
    with pytest.raises(UnreadableRecordError, match="larger"):
        read_evidence(tmp_path, "chat-data-request.json", max_bytes=4_000)
    assert read_evidence(tmp_path, "chat-data-request.json", max_bytes=5_000) == b" " * 5_000


def test_names_with_folders_are_refused_and_missing_files_are_none(tmp_path):
    """Are names that reach into other folders refused, and a file that is not there None?"""
    for name in ("../chat.json", "evidence/chat.json", "..", "a\\b.json", ""):
        with pytest.raises(EvidenceError):
            read_evidence(tmp_path, name)
    with pytest.raises(EvidenceError):
        read_evidence(tmp_path / "elsewhere", "chat.json", root=tmp_path / "submission")
    assert read_evidence(tmp_path, "chat-data-request.json") is None
    assert read_evidence(tmp_path / "evidence", "chat.json", root=tmp_path) is None


def test_a_file_that_is_not_json_is_refused():
    """Are bytes that are not a JSON chat record refused, each with a reason?"""
    for data in (b"not json at all", b"\xff\xfe\x00", b'{"format": NaN}', b"[1, 2, 3]"):
        with pytest.raises(UnreadableRecordError, match="not a chat"):
            chat_record_from_bytes(data)


def test_deep_or_huge_json_is_refused():
    """Is JSON nested deep enough to break a reader, or moderately deep, or with far too many
    turns, refused cleanly?"""
    with pytest.raises(UnreadableRecordError, match="nested"):
        chat_record_from_bytes(b"[" * 200_000 + b"]" * 200_000)
    with pytest.raises(UnreadableRecordError, match="nested"):
        chat_record_from_bytes(b'{"a": ' * 60 + b"1" + b"}" * 60)
    document = record_of(hold()).to_json()
    turn = document["attempts"][0]["work"]["turns"][0]
    document["attempts"][0]["work"]["turns"] = [turn] * 3_000
    with pytest.raises(UnreadableRecordError, match="not a chat"):
        chat_record_from_bytes(json.dumps(document).encode())


# -- when the work was handed in -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-03-05 10:00:00.123456 UTC", datetime(2026, 3, 5, 10, 0, 0, 123456, tzinfo=UTC)),
        ("2026-03-05 10:00:00.000000 BST\n", datetime(2026, 3, 5, 9, 0, tzinfo=UTC)),
        ("2026-07-05 10:00:00 Europe/London", datetime(2026, 7, 5, 9, 0, tzinfo=UTC)),
        ("2026-03-05 10:00:00+01:00", datetime(2026, 3, 5, 9, 0, tzinfo=UTC)),
        ("2026-03-05 10:00:00", datetime(2026, 3, 5, 10, 0, tzinfo=UTC)),
        ("yesterday", None),
        ("2026-03-05 10:00:00 Nowhere/Atlantis", None),
    ],
)
def test_the_submission_time_is_read_from_timestamp_txt(tmp_path, text, expected):
    """Is nbgrader's timestamp.txt read as a time in UTC, and an unreadable one as None?"""
    (tmp_path / "timestamp.txt").write_text(text)
    assert submission_time(tmp_path) == expected


def test_no_timestamp_file_gives_none(tmp_path):
    """Is a submission with no timestamp.txt, or a huge one, given no time?"""
    assert submission_time(tmp_path) is None
    (tmp_path / "timestamp.txt").write_text("2026-03-05 10:00:00 UTC" + " " * 500)
    assert submission_time(tmp_path) is None
