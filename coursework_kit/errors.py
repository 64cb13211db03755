"""The one error family every part of coursework_kit raises.

Every error raised on purpose is a :class:`CourseworkError`, and each one is defined here, so
``except CourseworkError`` catches anything the kit means to say. The modules that raise them
import them from here, and their packages name them as before (``coursework_kit.planning.
PlanError``, ``coursework_kit.social.ModerationError``...).

Messages are written for learners: they say what was wrong and what to do, in plain British
English. Each class also derives from the built-in exception it really is (``ValueError``,
``TypeError`` or ``KeyError``), so ordinary ``except ValueError`` code keeps working.

Two helpers build the parts of a message that echo what was given: :func:`quoted` shows a
value briefly, however long it is, and :func:`find_by_id` finds an item by its id or raises
an error that lists the ids there are, in each caller's own words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Protocol, TypeVar

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
    "find_by_id",
    "quoted",
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


# Building messages


_SHOWN = 60  # characters of a value a message echoes back


def quoted(value: object, limit: int = _SHOWN) -> str:
    """``value`` as a message shows it: quoted like ``repr``, cut short after ``limit``
    characters (a pasted essay or a hostile name must not fill the screen)."""
    shown = repr(value)
    return shown if len(shown) <= limit else f"{shown[: limit - 1]}…"


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


_Item = TypeVar("_Item", bound=_HasId)


def find_by_id(
    items: Iterable[_Item],
    wanted: object,
    error: Callable[[str], CourseworkError],
    message: str,
) -> _Item:
    """The first of ``items`` whose ``id`` is ``wanted``, or raise ``error(message)``.

    ``message`` is the caller's own wording, with ``{wanted}`` where the id asked for goes
    (quoted, see :func:`quoted`) and ``{ids}`` where the ids there are go, in order and
    separated by commas: ``"There is no trigger {wanted}; choose one of: {ids}."``. Only these
    two are placeholders: other braces, and braces in the id given, are kept as written.
    """
    kept = tuple(items)
    for item in kept:
        if item.id == wanted:
            return item
    parts = {
        "wanted": quoted(wanted),
        "ids": ", ".join(item.id for item in kept) or "(there are none)",
    }  # filled in one pass, so braces in the caller's wording or in an id are left alone
    raise error(re.sub(r"\{(wanted|ids)\}", lambda m: parts[m[1]], message))
