"""The one error family every part of coursework_kit raises.

Every error raised on purpose is a :class:`CourseworkError`, and each one is defined here, so
``except CourseworkError`` catches anything the kit means to say. The modules that raise them
import them from here, and their packages name them as before (``coursework_kit.planning.
PlanError``, ``coursework_kit.social.ModerationError``...).

Messages are written for learners: they say what was wrong and what to do, in plain British
English. Each class also derives from the built-in exception it really is (``ValueError``,
``TypeError`` or ``KeyError``), so ordinary ``except ValueError`` code keeps working.
"""

from __future__ import annotations

__all__ = [
    "CalendarRuleError",
    "CampaignError",
    "CourseworkError",
    "DatasetError",
    "EntryError",
    "EvidenceError",
    "GdprInputError",
    "GdprTypeError",
    "JourneyError",
    "MetricInputError",
    "MetricLookupError",
    "MetricTypeError",
    "ModerationError",
    "PlanError",
    "PlanTypeError",
    "PostsInputError",
    "PostsTypeError",
    "QuizError",
    "RecordKindError",
    "RecordShapeError",
    "ReplyTypeError",
    "SandboxUnavailableError",
    "UnreadableRecordError",
]


class CourseworkError(Exception):
    """Base class for every error coursework_kit raises on purpose."""


# Data files and evidence


class DatasetError(CourseworkError, ValueError):
    """A data file is missing, cannot be read, or does not match its schema."""


class EvidenceError(CourseworkError, ValueError):
    """Evidence cannot be saved: a bad activity name or a folder that cannot be written to."""


class RecordShapeError(EvidenceError):
    """An evidence file does not have the shape of the activity record it claims to be."""


class UnreadableRecordError(EvidenceError):
    """The evidence file is there but is not a readable record of this activity."""


class RecordKindError(CourseworkError, TypeError):
    """An ``assess()`` was given a kind of activity record it does not judge."""


# Metrics (coursework_kit.metrics)


class MetricInputError(CourseworkError, ValueError):
    """A figure given to a metric cannot be used (negative, zero where it divides, too big...)."""


class MetricTypeError(MetricInputError, TypeError):
    """A figure given to a metric is not a number at all (text, True/False, a list...)."""


class MetricLookupError(CourseworkError, KeyError):
    """A metric, channel or calculator box asked for by a name the kit does not have."""

    def __str__(self) -> str:  # the message as a sentence (a KeyError would quote it)
        return str(self.args[0]) if self.args else ""


# Quizzes, chats and moderation


class QuizError(CourseworkError, ValueError):
    """A quiz question file is wrong, or an answer does not fit the question."""


class ReplyTypeError(CourseworkError, TypeError):
    """A reply given to be checked (in a chat or on social media) is not text."""


class SandboxUnavailableError(CourseworkError, ValueError):
    """A learner's notebook cannot be run in a sandbox on this computer (see the message)."""


class ModerationError(CourseworkError, ValueError):
    """A moderation choice cannot be used (an unknown action, route or queue item)."""


# Posts, search and the content calendar (coursework_kit.social, coursework_kit.search)


class PostsInputError(CourseworkError, ValueError):
    """Something given to the post, search or calendar checks cannot be used."""


class PostsTypeError(PostsInputError, TypeError):
    """A value of the wrong kind (a number where text is needed, and so on)."""


class CalendarRuleError(PostsInputError):
    """A change to the calendar that breaks one of the team's rules."""


# Data protection and ePrivacy (coursework_kit.gdpr)


class GdprInputError(CourseworkError, ValueError):
    """A value the rules do not know (a region, a risk level, a channel, a purpose)."""


class GdprTypeError(GdprInputError, TypeError):
    """A value of the wrong kind (text where a date is needed, and so on)."""


class EntryError(GdprInputError):
    """What is in one of a tool's boxes cannot be used; ``box`` names it."""

    def __init__(self, box: str, message: str) -> None:
        super().__init__(message)
        self.box = box


# Email, journeys and campaign plans


class CampaignError(CourseworkError, ValueError):
    """An email campaign setting that cannot be used (an unknown segment, a date that is not
    a date)."""


class JourneyError(CourseworkError, ValueError):
    """A customer journey map or an automation journey that cannot be used: an unknown stage,
    touchpoint, trigger or message, or a step that cannot be."""


class PlanError(CourseworkError, ValueError):
    """A campaign plan that cannot work: figures out of range, dates the wrong way round..."""


class PlanTypeError(PlanError, TypeError):
    """A figure in a plan that is not a number at all, or a date that is not a date."""
