"""The moderation record: its golden file, the first evidence format, and its assessment."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from coursework_kit.records import RecordFile
from coursework_kit.social import get_item
from coursework_kit.social.moderation.assess import assess
from coursework_kit.social.moderation.record import (
    ModerationCheck,
    ModerationDraft,
    ModerationOutcome,
    ModerationRecord,
    ModerationWork,
)

AT = "2026-11-12T18:05:00+00:00"
V1 = Path(__file__).resolve().parents[2] / "golden" / "records" / "v1" / "social-moderation.json"
THANKS = "Hi Jas, thank you so much! Enjoy your new sofa."


def _record() -> ModerationRecord:
    work = ModerationWork(
        position=8,
        drafts={
            "praise-sofa": ModerationDraft("reply", None, THANKS),
            "phone-number-public": ModerationDraft("hide", "team_leader", "Hi Dani, I'm so sorry"),
        },
        checks=(
            ModerationCheck(
                "praise-sofa", "reply", None, THANKS, AT, ModerationOutcome("best", True, True)
            ),
        ),
    )
    return ModerationRecord.new("all").with_work(work, learner="ab123", at=AT)


def test_the_record_matches_its_golden_file(golden):
    """Is a moderation record saved exactly as tests/golden/records/moderation.json shows?"""
    golden("records/moderation.json", json.dumps(_record().to_json(), indent=1) + "\n")


def test_the_file_names_are_todays():
    """Are the whole queue and a topic's queue saved under the names the last release used?"""
    assert ModerationRecord.activity_for("all") == "social-moderation"
    assert ModerationRecord.activity_for("crisis") == "social-moderation-crisis"
    assert ModerationRecord.scenario_from_v1("social-moderation") == "all"
    assert ModerationRecord.scenario_from_v1("social-moderation-crisis") == "crisis"


def test_a_file_saved_by_the_last_release_is_read(tmp_path):
    """Does a schema-1 file (two attempts, checks in a log) load with its drafts and checks?"""
    shutil.copy(V1, tmp_path)
    record = RecordFile(ModerationRecord, "all", tmp_path).load()
    assert record.scenario == "all"
    assert [a.number for a in record.attempts] == [1, 2]
    work = record.latest.work
    assert work.position == 15
    assert work.drafts["defamation-named-manager"] == ModerationDraft(
        "escalate", "legal", "Hi Kev, I'm sorry"
    )
    assert [c.item for c in work.checks] == [
        "praise-sofa",
        "phone-number-public",
        "phone-number-public",
    ]
    assert all(c.told is None for c in work.checks)  # judged again when the queue opens
    assert assess(record).score == 6


def test_assess_judges_the_words_not_what_was_told():
    """Does assess() judge each item's latest check afresh, ignoring a hand-edited outcome?"""
    praise = ModerationCheck(
        "praise-sofa", "reply", None, THANKS, AT, ModerationOutcome("not right", False, False)
    )
    phone = ModerationCheck(
        "phone-number-public",
        "reply",
        None,
        "Hi Dani, we'll ring you on 07700 900461.",
        AT,
        ModerationOutcome("best", True, True),
    )
    record = ModerationRecord.new("all").with_work(ModerationWork(checks=(praise, phone)), at=AT)
    feedback = assess(record)
    assert (feedback.score, feedback.out_of) == (4, 99)
    assert [f.severity for f in feedback.findings] == ["good", "must fix"]
    assert feedback.findings[1].quote.endswith("07700 900461.")
    assert get_item("phone-number-public").reason == feedback.findings[1].why
    assert "2 of 33 items checked; 1 handled well" in feedback.summary


def test_assess_a_topics_queue_counts_only_its_items():
    """Is a crisis-only queue marked out of its own items, and an empty record said so?"""
    feedback = assess(ModerationRecord.new("crisis"))
    assert feedback.score == 0
    assert feedback.out_of == 3 * 5  # the five crisis items
    assert "No items checked yet" in feedback.summary
