"""Assess any social media record: a moderation queue, a post or a content calendar.

Each kind is judged by its own package's ``assess`` (:mod:`.moderation.assess`,
:mod:`.posts.assess`, :mod:`.calendar.assess`); this one picks the right one.
"""

from __future__ import annotations

from coursework_kit.errors import RecordKindError
from coursework_kit.feedback import Feedback
from coursework_kit.social.calendar.assess import assess as assess_calendar
from coursework_kit.social.calendar.record import CalendarRecord
from coursework_kit.social.moderation.assess import assess as assess_moderation
from coursework_kit.social.moderation.record import ModerationRecord
from coursework_kit.social.posts.assess import assess as assess_post
from coursework_kit.social.posts.record import PostRecord

__all__ = ["assess"]


def assess(record: ModerationRecord | PostRecord | CalendarRecord) -> Feedback:
    """Judge a moderation, post or content calendar record with its own ``assess``."""
    if isinstance(record, ModerationRecord):
        return assess_moderation(record)
    if isinstance(record, PostRecord):
        return assess_post(record)
    if isinstance(record, CalendarRecord):
        return assess_calendar(record)
    raise RecordKindError(f"{type(record).__name__} is not a social media record.")
