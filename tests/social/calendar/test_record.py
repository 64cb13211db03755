"""The content calendar record: its golden file, the first format, and assess()."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from coursework_kit.records import RecordFile
from coursework_kit.social import assess as assess_any
from coursework_kit.social.calendar import load_calendar
from coursework_kit.social.calendar.assess import assess, calendar_from, planned
from coursework_kit.social.calendar.record import (
    CalendarAction,
    CalendarForm,
    CalendarRecord,
    CalendarWork,
    PlannedPost,
)

AT = "2026-11-20T14:30:00+00:00"
V1 = Path(__file__).resolve().parents[2] / "golden" / "records" / "v1"


def _record() -> CalendarRecord:
    calendar = load_calendar()
    calendar.set_status("tue-x", "draft", by="Priya")
    calendar.add_post(
        day="2026-11-27", platform="tiktok", text="Black Friday is here.", owner="Owen"
    )
    work = CalendarWork(
        posts=planned(calendar),
        actions=(CalendarAction("Priya moved 'tue-x' to draft.", AT),),
        form=CalendarForm(day="2026-11-28", platform="threads", text="Saturday: still 20% off"),
    )
    return CalendarRecord.new(calendar.id).with_work(work, learner="ab123", at=AT)


def test_the_record_matches_its_golden_file(golden):
    """Is a calendar record saved exactly as tests/golden/records/calendar.json shows?"""
    golden("records/calendar.json", json.dumps(_record().to_json(), indent=1) + "\n")


def test_a_calendar_saved_by_the_last_release_is_read(tmp_path):
    """Does a schema-1 file (a calendar as CSV) load as the learner's posts, platforms by id?"""
    shutil.copy(V1 / "calendar-black-friday-week.json", tmp_path)
    record = RecordFile(CalendarRecord, "black-friday-week", tmp_path).load()
    work = record.latest.work
    assert record.activity == "calendar-black-friday-week"
    assert [p.id for p in work.posts][-1] == "fri-tiktok"
    assert next(p for p in work.posts if p.id == "fri-tiktok") == PlannedPost(
        "fri-tiktok",
        "2026-11-27",
        "tiktok",
        "Black Friday is here: 20% off throws and cushions. #BlackFriday",
        "Owen",
        "approved",
        "Grace",
    )
    assert work.exported_csv == "black-friday-week.csv"
    assert len(work.actions) == 4
    assert assess(record).ready


def test_a_calendar_comes_back_from_its_posts():
    """Do a calendar's posts, saved and read back, make the same calendar?"""
    calendar = load_calendar()
    calendar.add_post(day="2026-11-28", platform="x", text="Still 20% off.", owner="Grace")
    back = calendar_from(CalendarWork(posts=planned(calendar)), load_calendar())
    assert back.posts == calendar.posts
    assert back.team == calendar.team


def test_an_edited_post_no_calendar_could_hold_is_left_out():
    """Is a saved post with a made-up platform or date left out rather than breaking?"""
    work = CalendarWork(
        posts=(
            PlannedPost("a", "2026-11-24", "myspace", "Hi", "Owen"),
            PlannedPost("b", "Tuesday", "x", "Hi", "Owen"),
            PlannedPost("c", "2026-11-24", "x", "Hello from us.", "Owen"),
        )
    )
    assert [p.id for p in calendar_from(work, load_calendar()).posts] == ["c"]


def test_assess_reviews_the_learners_calendar():
    """Does assess() review the calendar as the learner left it, in the shared vocabulary?"""
    feedback = assess_any(_record())
    assert feedback.activity == "calendar-black-friday-week"
    assert not feedback.ready  # wed-instagram still has no alt text
    assert any("wed-instagram" in f.message for f in feedback.of("must fix"))
    assert "needs work" in feedback.summary
    assert "No calendar saved yet" in assess(CalendarRecord.new("black-friday-week")).summary
