"""The shared content calendar: the team's rules, the review, and the CSV and HTML export."""

from __future__ import annotations

import csv
import io

import pytest

from coursework_kit.social.calendar import (
    CalendarRuleError,
    calendar_csv,
    load_calendar,
    write_calendar_csv,
)
from coursework_kit.social.posts import PostsInputError

GOOD = "Black Friday is here: 20% off throws and cushions until Monday. #BlackFriday"


@pytest.fixture
def calendar():
    return load_calendar()


@pytest.fixture
def post(calendar):
    added = calendar.add_post(day="2026-11-27", platform="tiktok", text=GOOD, owner="Owen")
    calendar.set_status(added.id, "awaiting approval", by="Owen")
    return added


def test_starter_calendar_shows_its_planted_problems(calendar):
    """Does the review find the self-approved post and the one scheduled without approval?"""
    review = calendar.review()
    assert not review.ok
    assert {"own-approval", "approval", "post-check"} <= review.rules()
    assert any("tue-x" in f.message for f in review.problems)
    assert any("wed-instagram" in f.message for f in review.problems)
    assert "needs work" in repr(review)


def test_team_are_roles_with_first_names(calendar):
    """Is the team made of roles with first names, some of whom may approve?"""
    assert {m.name for m in calendar.team.values() if m.can_approve} == {"Priya", "Grace"}
    assert all(m.role for m in calendar.team.values())


def test_owner_cannot_approve_own_post(calendar, post):
    """Is an owner refused when approving their own post?"""
    with pytest.raises(CalendarRuleError, match="cannot approve"):
        calendar.set_status(post.id, "approved", by="Owen")


def test_only_approvers_may_approve(calendar, post):
    """Is someone who does not approve posts refused?"""
    with pytest.raises(CalendarRuleError, match="does not approve"):
        calendar.set_status(post.id, "approved", by="Sam")


def test_nothing_scheduled_without_approval(calendar, post):
    """Can a post be scheduled or published only once a colleague approved it?"""
    for status in ("scheduled", "published"):
        with pytest.raises(CalendarRuleError, match="not been approved"):
            calendar.set_status(post.id, status, by="Priya")
    assert calendar.set_status(post.id, "approved", by="Grace").approver == "Grace"
    assert calendar.set_status(post.id, "scheduled", by="Owen").status == "scheduled"
    assert calendar.set_status(post.id, "published", by="Owen").status == "published"
    with pytest.raises(CalendarRuleError, match="already published"):
        calendar.edit_post(post.id, text="Changed after publishing")


def test_self_approved_starter_post_cannot_be_scheduled(calendar):
    """Is a post its owner approved treated as not approved?"""
    with pytest.raises(CalendarRuleError, match="not been approved by a colleague"):
        calendar.set_status("tue-x", "scheduled", by="Grace")


def test_must_fix_problems_block_approval(calendar):
    """Must a post pass check_post's must-fix checks before it is approved?"""
    added = calendar.add_post(
        day="2026-11-28",
        platform="instagram",
        text="New candles are in.",
        owner="Owen",
        paid_partnership=True,
    )
    with pytest.raises(CalendarRuleError, match="cannot be approved until it is fixed"):
        calendar.set_status(added.id, "approved", by="Priya")
    calendar.edit_post(added.id, text="#ad New candles are in.")
    assert calendar.set_status(added.id, "approved", by="Priya").status == "approved"


def test_editing_an_approved_post_sends_it_back(calendar, post):
    """Does changing an approved post's words send it back to draft, without an approver?"""
    calendar.set_status(post.id, "approved", by="Grace")
    changed = calendar.edit_post(post.id, text=GOOD + " See you there.")
    assert (changed.status, changed.approver) == ("draft", None)


def test_platforms_covered(calendar):
    """Is a plan with fewer than the minimum platforms a must fix?"""
    assert "platforms" not in calendar.review().rules()
    calendar.min_platforms = 5
    assert "platforms" in calendar.review().rules()


def test_fixed_calendar_passes(calendar):
    """Once the planted problems are fixed, does the review pass?"""
    calendar.set_status("tue-x", "draft", by="Priya")
    calendar.edit_post("wed-instagram", image_alt_text="Three lit candles in amber jars.")
    calendar.set_status("wed-instagram", "draft", by="Owen")
    review = calendar.review()
    assert review.ok, review
    assert "approval" in {f.check for f in review.findings if f.severity == "good"}


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"day": "2026-12-01"}, "not in this week"),
        ({"day": "Friday"}, "not a date"),
        ({"platform": "myspace"}, "not a platform"),
        ({"owner": "Zara"}, "must be someone in the team"),
    ],
)
def test_bad_new_posts(calendar, changes, message):
    """Are a day outside the week, an unknown platform or owner refused plainly?"""
    values = {"day": "2026-11-27", "platform": "x", "text": GOOD, "owner": "Owen", **changes}
    with pytest.raises(PostsInputError, match=message):
        calendar.add_post(**values)


def test_csv_export(calendar, post, tmp_path):
    """Is the CSV one row per post in date order with the agreed columns, written whole?"""
    text = calendar_csv(calendar)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["id"] for r in rows] == [p.id for p in calendar.posts]
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)
    friday = next(r for r in rows if r["id"] == post.id)
    assert friday["status"] == "awaiting approval"
    assert friday["platform"] == "TikTok"
    assert friday["text"] == GOOD
    assert next(r for r in rows if r["id"] == "wed-instagram")["must_fix"] == "1"
    path = write_calendar_csv(calendar, tmp_path / "plan.csv")
    assert path.read_bytes().decode("utf-8") == text
    assert [p.name for p in tmp_path.iterdir()] == ["plan.csv"]  # no temporary file left


def test_csv_export_to_a_missing_folder(calendar, tmp_path):
    """Is a folder that does not exist reported in plain words?"""
    with pytest.raises(PostsInputError, match="could not be saved"):
        write_calendar_csv(calendar, tmp_path / "missing" / "plan.csv")


def test_html_table(calendar):
    """Is the calendar an accessible HTML table with the team and every post?"""
    html = calendar._repr_html_()
    assert "<caption>" in html
    assert "scope='col'" in html
    assert "Priya (Social media lead)" in html
    assert html.count("<tr>") == len(calendar.posts) + 1
