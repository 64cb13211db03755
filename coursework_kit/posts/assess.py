"""Assess a post, search snippet, search ad or content calendar record.

Each activity's own check (``check_post``, ``check_snippet``, ``check_search_ad``, the
calendar's review) is run again on the learner's latest work, and its findings are given in
the kit's one feedback vocabulary (:mod:`coursework_kit.feedback`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from coursework_kit.errors import CourseworkError
from coursework_kit.feedback import Feedback, Finding, Severity
from coursework_kit.posts import findings as own
from coursework_kit.posts.ads import AdCheck, check_search_ad
from coursework_kit.posts.check import PostCheck, check_post
from coursework_kit.posts.record import (
    PostDraft,
    PostRecord,
    SearchAdRecord,
    SearchAdWork,
    SnippetRecord,
    SnippetWork,
)
from coursework_kit.posts.search import SnippetCheck, check_snippet

if TYPE_CHECKING:
    from coursework_kit.posts.planner.record import CalendarRecord

__all__ = [
    "assess",
    "assess_post",
    "assess_search_ad",
    "assess_snippet",
    "check_ad_work",
    "check_draft",
    "check_snippet_work",
    "shared",
]

_SEVERITY: dict[str, Severity] = {
    own.MUST_FIX: "must fix",
    own.SHOULD_FIX: "should fix",
    own.GOOD: "good",
}


def shared(found: Iterable[own.Finding], *, where: str = "") -> tuple[Finding, ...]:
    """The posts package's findings as the kit's one kind of finding
    (:class:`coursework_kit.feedback.Finding`)."""
    return tuple(
        Finding(
            severity=_SEVERITY.get(f.severity, "unsure"),
            check=f.rule,
            message=f.found,
            why=f.why,
            where=where,
            source=f.source,
        )
        for f in found
    )


def _unsure(activity: str, exc: CourseworkError) -> Feedback:
    message = f"This work could not be checked: {exc}"
    return Feedback(
        activity=activity,
        summary="This work could not be checked; a tutor should look at it.",
        findings=(Finding(severity="unsure", check="unreadable", message=message),),
    )


def check_draft(post: PostDraft) -> PostCheck:
    """``check_post`` on a post as the record keeps it."""
    return check_post(
        post.text,
        platform=post.platform,
        has_image=post.has_image,
        image_alt_text=(post.image_alt_text.strip() or None) if post.has_image else None,
        paid_partnership=post.paid_partnership,
    )


def check_snippet_work(work: SnippetWork) -> SnippetCheck:
    """``check_snippet`` on a snippet as the record keeps it."""
    return check_snippet(work.title, work.description, keyword=work.keyword or None)


def check_ad_work(work: SearchAdWork) -> AdCheck:
    """``check_search_ad`` on an ad as the record keeps it."""
    return check_search_ad(
        list(work.headlines),
        list(work.descriptions),
        path1=work.path1,
        path2=work.path2,
        keyword=work.keyword or None,
    )


def assess_post(record: PostRecord) -> Feedback:
    """The post as the learner last left it, checked against the platform and brand rules."""
    latest = record.latest
    if latest is None:
        return Feedback(activity=record.activity, summary="No post written yet.")
    try:
        result = check_draft(latest.work.post)
    except CourseworkError as exc:  # a platform this release does not know (an edited file)
        return _unsure(record.activity, exc)
    return Feedback(
        activity=record.activity, summary=result.summary, findings=shared(result.findings)
    )


def assess_snippet(record: SnippetRecord) -> Feedback:
    """The title and meta description as the learner last left them."""
    latest = record.latest
    if latest is None:
        return Feedback(activity=record.activity, summary="No title or description written yet.")
    result = check_snippet_work(latest.work)
    return Feedback(
        activity=record.activity, summary=result.summary, findings=shared(result.findings)
    )


def assess_search_ad(record: SearchAdRecord) -> Feedback:
    """The search ad as the learner last left it, against Google's limits and policies."""
    latest = record.latest
    if latest is None:
        return Feedback(activity=record.activity, summary="No ad written yet.")
    result = check_ad_work(latest.work)
    return Feedback(
        activity=record.activity, summary=result.summary, findings=shared(result.findings)
    )


def assess(record: PostRecord | SnippetRecord | SearchAdRecord | CalendarRecord) -> Feedback:
    """Assess any of the posts package's records (a post, snippet, ad or calendar)."""
    from coursework_kit.posts.planner.record import CalendarRecord

    if isinstance(record, PostRecord):
        return assess_post(record)
    if isinstance(record, SnippetRecord):
        return assess_snippet(record)
    if isinstance(record, SearchAdRecord):
        return assess_search_ad(record)
    if isinstance(record, CalendarRecord):
        from coursework_kit.posts.planner.assess import assess as assess_calendar

        return assess_calendar(record)
    raise TypeError(f"{type(record).__name__} is not a posts record")
