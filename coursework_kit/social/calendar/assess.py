"""Assess a content calendar record: the learner's calendar rebuilt from it and reviewed.

Also how a calendar and its record's posts turn into each other (:func:`planned`,
:func:`calendar_from`), so the planner widget reopens with the learner's own calendar.
"""

from __future__ import annotations

from datetime import date
from typing import cast

from coursework_kit.errors import CourseworkError, PostsInputError
from coursework_kit.feedback import Feedback
from coursework_kit.social.calendar.record import CalendarRecord, CalendarWork, PlannedPost, Status
from coursework_kit.social.calendar.rules import CalendarPost, ContentCalendar, load_calendar
from coursework_kit.social.platforms import platform_rules

__all__ = ["assess", "calendar_from", "find_calendar", "planned"]


def planned(calendar: ContentCalendar) -> tuple[PlannedPost, ...]:
    """The calendar's posts as the record keeps them."""
    return tuple(
        PlannedPost(
            id=p.id,
            day=p.day.isoformat(),
            platform=p.platform,
            text=p.text,
            owner=p.owner,
            status=cast("Status", p.status),  # the calendar allows only its STATUSES
            approver=p.approver,
            has_image=p.has_image,
            image_alt_text=p.image_alt_text,
            paid_partnership=p.paid_partnership,
        )
        for p in calendar.posts
    )


def _post(saved: PlannedPost) -> CalendarPost | None:
    try:
        day = date.fromisoformat(saved.day)
        platform = platform_rules(saved.platform).id
    except (ValueError, CourseworkError):
        return None  # an edited file: a post no calendar could hold is left out
    return CalendarPost(
        saved.id,
        day,
        platform,
        saved.text,
        saved.owner,
        saved.status,
        saved.approver,
        saved.has_image,
        saved.image_alt_text,
        saved.paid_partnership,
    )


def calendar_from(work: CalendarWork, base: ContentCalendar) -> ContentCalendar:
    """``base`` (the team, the week and the rules) holding the posts saved in ``work``."""
    posts = [p for p in (_post(s) for s in work.posts) if p is not None]
    return ContentCalendar(
        id=base.id,
        title=base.title,
        week_start=base.week_start,
        team=base.team.values(),
        posts=posts,
        min_platforms=base.min_platforms,
    )


def find_calendar(calendar_id: str) -> ContentCalendar:
    """The starter calendar with this id, from ``datasets/social/calendar-*.yaml``."""
    from coursework_kit.datasets import data_dir

    for path in sorted((data_dir() / "social").glob("calendar-*.yaml")):
        if (found := load_calendar(path.stem)).id == calendar_id:
            return found
    raise PostsInputError(f"There is no content calendar called {calendar_id!r}.")


def assess(record: CalendarRecord, *, calendar: ContentCalendar | None = None) -> Feedback:
    """The calendar as the learner last left it, reviewed against the team's rules.

    ``calendar`` is the starter calendar it was planned from (found by its id if not given).
    """
    latest = record.latest
    if latest is None:
        return Feedback(activity=record.activity, summary="No calendar saved yet.")
    base = calendar or find_calendar(record.scenario)
    review = calendar_from(latest.work, base).review()
    return Feedback(activity=record.activity, summary=review.summary, findings=review.findings)
