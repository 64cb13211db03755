"""A shared content calendar: a week of posts, who wrote each, who approved it, and its status.

The team's rules are checked here, in plain logic:

- an owner cannot approve their own post, and only team members who may approve can;
- every post must pass ``check_post``'s must-fix checks before it is approved;
- nothing is scheduled or published without approval;
- changing an approved post's words, platform or picture sends it back to draft;
- the week covers at least ``min_platforms`` platforms, and every post falls in the week.

``ContentCalendar.set_status`` refuses a change that breaks a rule (``CalendarRuleError``, with
a plain message); ``ContentCalendar.review()`` lists every problem in the calendar as it stands.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from coursework_kit.errors import CalendarRuleError, PostsInputError, PostsTypeError
from coursework_kit.feedback import Finding, ordered
from coursework_kit.social.platforms import platform_rules
from coursework_kit.social.posts.check import PostCheck, check_post

if TYPE_CHECKING:
    from coursework_kit.social.calendar.export import CalendarReview

__all__ = [
    "STATUSES",
    "CalendarPost",
    "CalendarRuleError",
    "ContentCalendar",
    "TeamMember",
    "load_calendar",
]

STATUSES = ("draft", "awaiting approval", "approved", "scheduled", "published")
_APPROVED = ("approved", "scheduled", "published")


@dataclass(frozen=True)
class TeamMember:
    name: str
    role: str
    can_approve: bool

    def __str__(self) -> str:
        return f"{self.name} ({self.role})"


@dataclass(frozen=True)
class CalendarPost:
    """One planned post: when, where, the words, who owns it, who approved it and its status."""

    id: str
    day: date
    platform: str
    text: str
    owner: str
    status: str = "draft"
    approver: str | None = None
    has_image: bool = False
    image_alt_text: str | None = None
    paid_partnership: bool = False

    def check(self) -> PostCheck:
        return check_post(
            self.text,
            platform=self.platform,
            has_image=self.has_image,
            image_alt_text=self.image_alt_text,
            paid_partnership=self.paid_partnership,
        )


def _day(value: object) -> date:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise PostsTypeError(f"{value!r} is not a date; give one like 2026-11-23.")


class ContentCalendar:
    """A week of posts planned by a team, with the team's rules enforced on every change."""

    def __init__(
        self,
        *,
        id: str,
        title: str,
        week_start: date | str,
        team: Iterable[TeamMember],
        posts: Iterable[CalendarPost] = (),
        min_platforms: int = 3,
    ) -> None:
        self.id, self.title = id, title
        self.week_start = _day(week_start)
        self.team = {m.name: m for m in team}
        self.min_platforms = min_platforms
        self._posts: dict[str, CalendarPost] = {p.id: p for p in posts}

    @property
    def days(self) -> list[date]:
        return [self.week_start + timedelta(days=n) for n in range(7)]

    @property
    def posts(self) -> list[CalendarPost]:
        """The posts in date order (then platform)."""
        return sorted(self._posts.values(), key=lambda p: (p.day, p.platform, p.id))

    def post(self, post_id: str) -> CalendarPost:
        if post_id not in self._posts:
            known = ", ".join(self._posts) or "none yet"
            raise PostsInputError(f"There is no post {post_id!r}; the posts are: {known}.")
        return self._posts[post_id]

    def _member(self, name: str, what: str) -> TeamMember:
        if not isinstance(name, str) or name not in self.team:
            raise PostsInputError(
                f"{what} must be someone in the team: {', '.join(self.team)}; not {name!r}."
            )
        return self.team[name]

    def _new_id(self, day: date, platform: str) -> str:
        base = f"{day:%a}-{platform}".lower()
        number, candidate = 1, base
        while candidate in self._posts:
            number += 1
            candidate = f"{base}-{number}"
        return candidate

    # -- changes --------------------------------------------------------------------------------

    def add_post(
        self,
        *,
        day: date | str,
        platform: str,
        text: str,
        owner: str,
        has_image: bool = False,
        image_alt_text: str | None = None,
        paid_partnership: bool = False,
    ) -> CalendarPost:
        """Add a draft post owned by ``owner`` on ``day``; returns it with its new id."""
        when = _day(day)
        if when not in self.days:
            raise PostsInputError(
                f"{when:%A %d %B %Y} is not in this week ({self.week_start:%d %B} to "
                f"{self.days[-1]:%d %B %Y})."
            )
        rules = platform_rules(platform)
        self._member(owner, "The owner")
        post = CalendarPost(
            self._new_id(when, rules.id),
            when,
            rules.id,
            text,
            owner,
            has_image=has_image or bool(image_alt_text),
            image_alt_text=image_alt_text,
            paid_partnership=paid_partnership,
        )
        post.check()  # bad text, flags or alt text fail here, before anything changes
        self._posts[post.id] = post
        return post

    def edit_post(
        self,
        post_id: str,
        *,
        text: str | None = None,
        platform: str | None = None,
        day: date | str | None = None,
        has_image: bool | None = None,
        image_alt_text: str | None = None,
        paid_partnership: bool | None = None,
    ) -> CalendarPost:
        """Change a post. A changed approved post goes back to draft: it must be approved again."""
        old = self.post(post_id)
        if old.status == "published":
            raise CalendarRuleError(
                "This post is already published: it cannot be changed here. Post a correction."
            )
        new = replace(
            old,
            text=old.text if text is None else text,
            platform=old.platform if platform is None else platform_rules(platform).id,
            day=old.day if day is None else _day(day),
            has_image=old.has_image if has_image is None else has_image,
            image_alt_text=old.image_alt_text if image_alt_text is None else image_alt_text,
            paid_partnership=old.paid_partnership if paid_partnership is None else paid_partnership,
        )
        if new.day not in self.days:
            raise PostsInputError(f"{new.day:%A %d %B %Y} is not in this week.")
        new.check()
        if new != old and old.status in _APPROVED:
            new = replace(new, status="draft", approver=None)
        self._posts[post_id] = new
        return new

    def remove_post(self, post_id: str) -> CalendarPost:
        post = self.post(post_id)
        if post.status == "published":
            raise CalendarRuleError("A published post stays in the calendar as a record.")
        return self._posts.pop(post_id)

    def set_status(self, post_id: str, status: str, *, by: str) -> CalendarPost:
        """Move a post to ``status``, done by team member ``by``; refuses what breaks a rule."""
        post = self.post(post_id)
        person = self._member(by, "The person making the change")
        if status not in STATUSES:
            raise PostsInputError(f"{status!r} is not a status; use one of: {', '.join(STATUSES)}.")
        if post.status == "published":
            raise CalendarRuleError("This post is already published; its status cannot change.")
        approver = post.approver
        if status in ("draft", "awaiting approval"):
            approver = None
        elif status == "approved":
            self._may_approve(post, person)
            approver = person.name
        elif not self._validly_approved(post):
            raise CalendarRuleError(
                f"'{post.id}' has not been approved by a colleague, so it cannot be {status}. "
                "Ask someone who may approve posts (not the owner) to approve it first."
            )
        elif post.check().must_fix:
            raise CalendarRuleError(
                f"'{post.id}' has must-fix problems, so it cannot be {status}; fix them first."
            )
        updated = replace(post, status=status, approver=approver)
        self._posts[post_id] = updated
        return updated

    def _validly_approved(self, post: CalendarPost) -> bool:
        approver = self.team.get(post.approver or "")
        return (
            post.status in _APPROVED
            and approver is not None
            and approver.can_approve
            and approver.name != post.owner
        )

    def _may_approve(self, post: CalendarPost, person: TeamMember) -> None:
        if person.name == post.owner:
            raise CalendarRuleError(
                f"{person.name} wrote '{post.id}', so cannot approve it. A second person "
                "checking catches mistakes the writer cannot see."
            )
        if not person.can_approve:
            allowed = ", ".join(m.name for m in self.team.values() if m.can_approve)
            raise CalendarRuleError(f"{person} does not approve posts in this team; ask {allowed}.")
        problems = post.check().must_fix
        if problems:
            listed = " ".join(f.message for f in problems)
            raise CalendarRuleError(f"'{post.id}' cannot be approved until it is fixed: {listed}")

    # -- review ---------------------------------------------------------------------------------

    def review(self) -> CalendarReview:
        """Every problem in the calendar as it stands, and what is done well."""
        from coursework_kit.social.calendar.export import CalendarReview

        found: list[Finding] = []
        for post in self.posts:
            found += _post_problems(post, self)
        covered = sorted({p.platform for p in self.posts})
        names = ", ".join(platform_rules(p).name for p in covered) or "none"
        if len(covered) < self.min_platforms:
            found.append(
                Finding(
                    "must fix",
                    "platforms",
                    f"{len(covered)} platform{'' if len(covered) == 1 else 's'} covered ({names});"
                    f" the plan needs at least {self.min_platforms}.",
                    "Customers use different platforms: a plan that covers several reaches more "
                    "of them, with the message adapted to each.",
                )
            )
        else:
            found.append(
                Finding("good", "platforms", f"{len(covered)} platforms covered: {names}.", "")
            )
        if self.posts and not any(f.severity == "must fix" for f in found):
            found.append(
                Finding(
                    "good",
                    "approval",
                    "Every approved post was approved by a colleague, not its owner.",
                    "Two pairs of eyes keep the brand consistent and catch mistakes.",
                )
            )
        return CalendarReview(self, ordered(found))

    def _repr_html_(self) -> str:
        from coursework_kit.social.calendar.export import calendar_html

        return calendar_html(self)

    def __repr__(self) -> str:
        return f"ContentCalendar({self.id!r}, {len(self._posts)} posts, team={list(self.team)})"


def _post_problems(post: CalendarPost, calendar: ContentCalendar) -> list[Finding]:
    found: list[Finding] = []

    def problem(rule: str, text: str, why: str) -> None:
        found.append(Finding("must fix", rule, f"'{post.id}': {text}", why))

    if post.day not in calendar.days:
        problem("week", f"{post.day:%d %B %Y} is outside the week.", "Plan the week you share.")
    if post.owner not in calendar.team:
        problem("owner", f"{post.owner} is not in the team.", "Every post needs an owner.")
    if post.status in _APPROVED and post.approver is None:
        problem(
            "approval",
            f"it is {post.status} but nobody approved it.",
            "Nothing goes out without a second person checking it.",
        )
    if post.approver is not None and post.approver == post.owner:
        problem(
            "own-approval",
            f"{post.owner} approved their own post.",
            "A writer cannot see their own mistakes: a colleague must approve it.",
        )
    elif post.approver is not None and not getattr(
        calendar.team.get(post.approver), "can_approve", False
    ):
        problem("approver", f"{post.approver} may not approve posts.", "Only named approvers may.")
    if post.status in _APPROVED:
        for f in post.check().must_fix:
            problem("post-check", f.message, f.why)
    return found


def load_calendar(name: str = "calendar-black-friday") -> ContentCalendar:
    """A calendar from ``datasets/social/<name>.yaml`` (the Black Friday week by default)."""
    from coursework_kit.datasets._shipped import load_shipped

    raw = load_shipped(f"social/{name}.yaml", schema="social/calendar.schema.json")
    team = [TeamMember(m["name"], m["role"], m["can_approve"]) for m in raw["team"]]
    posts = [
        CalendarPost(
            p["id"],
            _day(p["date"]),
            platform_rules(p["platform"]).id,
            " ".join(p["text"].split()),
            p["owner"],
            p["status"],
            p.get("approver"),
            p.get("has_image", False),
            p.get("image_alt_text"),
            p.get("paid_partnership", False),
        )
        for p in raw["posts"]
    ]
    return ContentCalendar(
        id=raw["id"],
        title=raw["title"],
        week_start=raw["week_start"],
        team=team,
        posts=posts,
        min_platforms=raw["min_platforms"],
    )
