"""The content calendar planner, driven through its methods (no browser)."""

from __future__ import annotations

import csv

import pytest

from coursework_kit.errors import CourseworkError
from coursework_kit.records import RecordFile
from coursework_kit.social import CalendarPlanner
from coursework_kit.social.calendar.assess import calendar_from, find_calendar
from coursework_kit.social.calendar.export import calendar_html
from coursework_kit.social.calendar.record import CalendarRecord
from tests.conftest import saved_work


def test_calendar_planner_enforces_rules_and_exports(tmp_path):
    """Does the planner refuse rule-breaking changes with a reason, and export CSV evidence?"""
    planner = CalendarPlanner(folder=tmp_path / "evidence", csv_folder=tmp_path)
    post = planner.add_post(
        day="2026-11-27",
        platform="tiktok",
        text="Black Friday is here: 20% off throws and cushions. #BlackFriday",
        owner="Owen",
    )
    assert post is not None
    assert planner.set_status(post.id, "approved", by="Owen") is None
    assert "cannot approve" in planner.problem("status")
    assert "see the note under the New status box" in planner.shown["said"]
    assert planner.set_status(post.id, "approved", by="Grace").approver == "Grace"
    assert "fri-tiktok (approved)" in planner.post_choices
    path = planner.export()
    assert path == tmp_path / "black-friday-week.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 5
    work = saved_work(planner)
    assert work.exported_csv == "black-friday-week.csv"
    assert "<table>" in calendar_html(calendar_from(work, find_calendar("black-friday-week")))
    assert any("Grace moved 'fri-tiktok' to approved" in a.did for a in work.actions)


def test_calendar_planner_buttons(tmp_path):
    """Do the Add and Change status buttons act on the form's values?"""
    planner = CalendarPlanner(folder=tmp_path)
    planner.fill_form(text="Thank you for a brilliant week, from all of us.", platform="threads")
    planner.press_add()
    assert any(p.platform == "threads" for p in planner.calendar.posts)
    planner.fill_form(post="tue-x", status="scheduled", by="Grace")
    planner.press_change_status()
    assert "not been approved by a colleague" in planner.problem("status")
    assert planner.edit_post("tue-x", text="Changed").status == "draft"
    with pytest.raises(CourseworkError, match="not one of the choices"):
        planner.fill_form(platform="myspace")


def test_calendar_planner_edits_through_the_form(tmp_path):
    """Can a post be loaded into the form, changed and saved, fixing its problem?"""
    planner = CalendarPlanner(folder=tmp_path)
    assert planner.load_post("wed-instagram").id == "wed-instagram"
    assert "Tap the link in" in planner.form.text
    planner.fill_form(image_alt_text="Three lit candles in amber glass jars on a wooden table.")
    planner.press_save_changes()
    post = planner.calendar.post("wed-instagram")
    assert post.image_alt_text.startswith("Three lit candles")
    assert post.status == "draft"  # it was changed, so it must be approved again
    assert planner.load_post("nope") is None
    assert "There is no post" in planner.problem("post")


def test_a_new_planner_on_the_same_folder_shows_the_learners_calendar(tmp_path):
    """After a restart, does a calendar fixed and extended come back as the learner left it
    (not the four starter posts), with the words half-typed in the form?"""
    first = CalendarPlanner(folder=tmp_path, csv_folder=tmp_path)
    first.set_status("tue-x", "draft", by="Priya")
    first.edit_post("wed-instagram", image_alt_text="Three lit candles in amber jars.")
    first.add_post(day="2026-11-27", platform="tiktok", text="Black Friday is here.", owner="Owen")
    first.fill_form(day="2026-11-28", platform="threads", text="Saturday: still 20% off")
    first.session.close()
    again = CalendarPlanner(folder=tmp_path, csv_folder=tmp_path)
    assert [p.id for p in again.calendar.posts] == [p.id for p in first.calendar.posts]
    assert len(again.calendar.posts) == 5
    assert again.calendar.post("tue-x").status == "draft"
    assert again.calendar.review().ok
    assert again.form == first.form
    assert again.shown["table"] == first.shown["table"]
    again.fill_form(text="Saturday: still 20% off throws.")
    again.session.flush()
    record = RecordFile(CalendarRecord, "black-friday-week", tmp_path).load()
    assert len(record.attempts) == 1
    assert record.latest.work.form.text == "Saturday: still 20% off throws."


def test_opening_the_planner_saves_nothing(tmp_path):
    """Is no evidence file written just by showing the planner?"""
    planner = CalendarPlanner(folder=tmp_path)
    assert not planner.session.file.path.exists()
    assert len(planner.calendar.posts) == 4


def test_a_broken_evidence_file_does_not_stop_the_planner(tmp_path):
    """If the evidence file was damaged, does the planner open with the starter calendar?"""
    (tmp_path / "calendar-black-friday-week.json").write_text("[1, 2")
    planner = CalendarPlanner(folder=tmp_path)
    assert len(planner.calendar.posts) == 4
    assert planner.set_status("tue-x", "draft", by="Priya") is not None
    assert "could not be read" in planner.message


@pytest.mark.parametrize(
    ("fill", "box", "said"),
    [
        ({"owner": None}, "owner", "Owner box"),
        ({"day": None}, "day", "Day box"),
        ({"platform": None}, "platform", "Platform box"),
    ],
)
def test_an_empty_choice_is_explained_under_its_box(tmp_path, fill, box, said):
    """Is a choice left empty explained under its own box, with the message line pointing
    there, and no other box showing a problem?"""
    planner = CalendarPlanner(folder=tmp_path)
    planner.fill_form(text="Our Black Friday sale starts soon.", **fill)
    assert planner.press_add() is None
    assert said in planner.problem(box)
    assert f"see the note under the {said}" in planner.shown["said"]
    boxes = ("day", "platform", "owner", "text", "image_alt_text", "post", "status", "by")
    assert [b for b in boxes if planner.problem(b)] == [box]


def test_a_refusal_goes_under_the_box_it_is_about_and_clears_when_it_changes(tmp_path):
    """Is an owner not in the team explained under the Owner box, a day outside the week under
    the Day box, a refused approval under the status row, and each cleared once changed?"""
    planner = CalendarPlanner(folder=tmp_path)
    assert planner.add_post(day="2026-11-25", platform="x", text="Hi all.", owner="Bob") is None
    assert "must be someone in the team" in planner.problem("owner")
    assert planner.add_post(day="2026-12-25", platform="x", text="Hi.", owner="Owen") is None
    assert "is not in this week" in planner.problem("day")
    assert planner.problem("owner") == ""  # a new attempt clears the old problem
    planner.fill_form(day="2026-11-25")
    assert planner.problem("day") == ""  # changing the box clears its problem
    assert planner.set_status("tue-x", "approved", by="Priya") is None
    assert "cannot approve" in planner.problem("status")
    assert planner.set_status("tue-x", "approved", by="Grace") is not None
    assert planner.problem("status") == ""
    assert "Grace moved" in planner.shown["said"]
    with pytest.raises(CourseworkError, match="no box called 'colour'"):
        planner.problem("colour")
