"""Evidence folders for the portfolio tests: the golden record of every kind, and chats held
through the simulated customer as a learner holds them."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RECORDS = ROOT / "tests" / "golden" / "records"
WHEN = datetime(2026, 11, 30, 9, 0, tzinfo=timezone.utc)
HELD = datetime(2026, 3, 5, 10, 0, tzinfo=timezone.utc)
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


def copy_golden_records(folder: Path) -> list[str]:
    """Every golden record, saved under the name its activity saves it as."""
    folder.mkdir(parents=True, exist_ok=True)
    names = []
    for path in sorted(RECORDS.glob("*.json")):
        document = json.loads(path.read_text("utf-8"))
        name = f"{document['activity']}.json"
        (folder / name).write_text(path.read_text("utf-8"), encoding="utf-8")
        names.append(name)
    return names


def unit1_quiz(folder: Path) -> None:
    """A quiz record for a bank the course has (the golden quiz record's bank is a made-up one)."""
    from coursework_kit.quiz import QuizCheck, QuizRecord, QuizWork
    from coursework_kit.records import RecordFile

    at = "2026-11-03T14:05:00+00:00"
    work = QuizWork(
        chosen={"seo-one-time-task": ("false",)},
        checks=(
            QuizCheck("seo-one-time-task", ("true",), at),
            QuizCheck("seo-one-time-task", ("false",), at),
        ),
    )
    record = QuizRecord.new("unit1-measuring").with_work(work, learner="ab123", at=at)
    RecordFile(QuizRecord, "unit1-measuring", folder).save(record)


@pytest.fixture(scope="module")
def every_kind(tmp_path_factory) -> Path:
    """An evidence folder with a record of every kind, for the learner ab123."""
    folder = tmp_path_factory.mktemp("learner") / "evidence"
    copy_golden_records(folder)
    unit1_quiz(folder)
    return folder


def hold(learner: str, replies=GOOD, *, scenario: str = "data-request", start=HELD):
    """A chat held through the simulated customer in assessment mode, with this learner's own
    customer details, its clock moved on as a person types."""
    from coursework_kit.chat import ChatRecord, Conversation, load_scenario

    now = [start]
    chosen = load_scenario(scenario).for_learner(learner)
    chat = Conversation(chosen, clock=lambda: now[0])
    for reply in replies:
        now[0] += timedelta(seconds=10 + len(reply) / 4)
        chat.reply(reply)
    if not chat.ended:
        chat.end()
    return ChatRecord.holding(
        scenario, chat.work(coach=False), mode="assessment", learner=learner, at=start.isoformat()
    )


@pytest.fixture
def held_chat():
    return hold


@pytest.fixture(scope="session")
def when():
    """The date every test portfolio is made on."""
    return WHEN


@pytest.fixture(scope="session")
def copy_records():
    """``copy_records(folder)``: every golden record saved into ``folder``."""
    return copy_golden_records


@pytest.fixture(scope="session")
def golden_record():
    """``golden_record(kind)``: the golden record of a kind, as a record."""
    from coursework_kit.records import load_any

    return lambda kind: load_any(json.loads((RECORDS / f"{kind}.json").read_text("utf-8")))
