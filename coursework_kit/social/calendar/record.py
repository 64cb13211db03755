"""The content calendar's evidence: the learner's week of posts, what they did, and the form.

``evidence/calendar-<calendar id>.json`` keeps every post as the learner left it (words,
platform, owner, approver, status), every change made, and what is in the form, so a
restarted notebook shows the learner's calendar, not the starter one.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from typing import Any, Literal, cast

from coursework_kit.errors import CourseworkError
from coursework_kit.records import Mode, Record, RecordShapeError
from coursework_kit.records._base import text

__all__ = ["CalendarAction", "CalendarForm", "CalendarRecord", "CalendarWork", "PlannedPost"]

Status = Literal["draft", "awaiting approval", "approved", "scheduled", "published"]


@dataclass(frozen=True)
class PlannedPost:
    """One post in the calendar: its id, day (YYYY-MM-DD), platform id, words, owner, status,
    who approved it, its image and whether it is paid for or gifted."""

    id: str
    day: str
    platform: str
    text: str
    owner: str
    status: Status = "draft"
    approver: str | None = None
    has_image: bool = False
    image_alt_text: str | None = None
    paid_partnership: bool = False


@dataclass(frozen=True)
class CalendarAction:
    """One change the learner made (or tried to make and was refused), and when."""

    did: str
    at: str


@dataclass(frozen=True)
class CalendarForm:
    """What is in the planner's form, chosen or typed but not yet added or saved: the day,
    platform, owner, words and alt text; the post chosen, the new status and who does it."""

    day: str = ""
    platform: str = ""
    owner: str = ""
    text: str = ""
    image_alt_text: str = ""
    post: str = ""
    status: str = ""
    by: str = ""


@dataclass(frozen=True)
class CalendarWork:
    """A learner's content calendar: every post, every change made, the form, and the name of
    the CSV file last exported (if any)."""

    posts: tuple[PlannedPost, ...] = ()
    actions: tuple[CalendarAction, ...] = ()
    form: CalendarForm = field(default_factory=CalendarForm)
    exported_csv: str | None = None


_STATUSES = ("draft", "awaiting approval", "approved", "scheduled", "published")


def _posts_from_csv(table: str) -> tuple[PlannedPost, ...]:
    """The posts in a calendar CSV as the first release saved it (platforms by name)."""
    from coursework_kit.social.platforms import platform_rules

    posts = []
    for row in csv.DictReader(io.StringIO(table, newline="")):
        status = row.get("status") or ""
        if status not in _STATUSES or not row.get("id"):
            raise RecordShapeError("a saved calendar has a post with no id or status")
        try:
            platform = platform_rules(row.get("platform") or "").id
        except CourseworkError as exc:
            raise RecordShapeError(f"a saved calendar post has {exc}") from exc
        posts.append(
            PlannedPost(
                id=text(row["id"]),
                day=text(row.get("date")),
                platform=platform,
                text=text(row.get("text")),
                owner=text(row.get("owner")),
                status=cast("Status", status),  # checked against _STATUSES above
                approver=text(row.get("approver")) or None,
                has_image=row.get("has_image") == "yes",
                image_alt_text=text(row.get("image_alt_text")) or None,
                paid_partnership=row.get("paid_partnership") == "yes",
            )
        )
    return tuple(posts)


class CalendarRecord(Record[CalendarWork]):
    """Every attempt at planning one content calendar (its scenario is the calendar's id)."""

    KIND = "calendar"
    WORK = CalendarWork

    @classmethod
    def work_from_v1(cls, data: dict[str, Any]) -> tuple[CalendarWork, Mode]:
        table, actions = data.get("csv"), data.get("actions", [])
        if not isinstance(table, str) or not isinstance(actions, list):
            raise RecordShapeError("a calendar attempt has no calendar in it")
        done = tuple(
            CalendarAction(text(a.get("did")), text(a.get("at")))
            for a in actions
            if isinstance(a, dict)
        )
        exported = data.get("exported_csv")
        work = CalendarWork(
            posts=_posts_from_csv(table),
            actions=done,
            exported_csv=text(exported) if isinstance(exported, str) else None,
        )
        return work, "practice"
