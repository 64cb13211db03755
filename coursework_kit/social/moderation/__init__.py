"""Moderating an organisation's social media (unit 2): Harbour & Pine's social media policy, its
moderation queue, and the rules that judge a moderation decision (as at November 2026).

The logic is plain functions and dataclasses; a learner's work through the queue is a
``ModerationRecord`` (its evidence file) and ``assess`` judges it. The widget loads ipywidgets
only when first asked for, so ``import coursework_kit.social.moderation`` stays light.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from coursework_kit._lazy import lazy_names
from coursework_kit.social.moderation.assess import assess
from coursework_kit.social.moderation.decision import EscalationCheck, Judgement, judge
from coursework_kit.social.moderation.policy import ModerationError, Policy, load_policy
from coursework_kit.social.moderation.queue import QueueItem, get_item, load_queue
from coursework_kit.social.moderation.record import ModerationRecord, ModerationWork
from coursework_kit.social.moderation.reply import ReplyCheck, personal_details
from coursework_kit.social.moderation.selfcheck import ChoiceCheck, check_choice
from coursework_kit.social.moderation.session import ModerationSession, QueueSummary

if TYPE_CHECKING:
    from coursework_kit.social.moderation.widget import ModerationQueue

__all__ = [
    "ChoiceCheck",
    "EscalationCheck",
    "Judgement",
    "ModerationError",
    "ModerationQueue",
    "ModerationRecord",
    "ModerationSession",
    "ModerationWork",
    "Policy",
    "QueueItem",
    "QueueSummary",
    "ReplyCheck",
    "assess",
    "check_choice",
    "get_item",
    "judge",
    "load_policy",
    "load_queue",
    "personal_details",
]


_WIDGETS = {
    "ModerationQueue": "coursework_kit.social.moderation.widget",
}

__getattr__, __dir__ = lazy_names(__name__, _WIDGETS, __all__)
