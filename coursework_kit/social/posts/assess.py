"""Assess a post record: ``check_post`` run again on the learner's latest post, its findings
given in the kit's one feedback vocabulary (:mod:`coursework_kit.feedback`)."""

from __future__ import annotations

from coursework_kit.errors import CourseworkError
from coursework_kit.feedback import Feedback, Finding
from coursework_kit.social.posts.check import PostCheck, check_post
from coursework_kit.social.posts.record import PostDraft, PostRecord

__all__ = ["assess", "check_draft"]


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


def assess(record: PostRecord) -> Feedback:
    """The post as the learner last left it, checked against the platform and brand rules."""
    latest = record.latest
    if latest is None:
        return Feedback(activity=record.activity, summary="No post written yet.")
    try:
        result = check_draft(latest.work.post)
    except CourseworkError as exc:  # a platform this release does not know (an edited file)
        return _unsure(record.activity, exc)
    return Feedback(activity=record.activity, summary=result.summary, findings=result.findings)
