"""Managing an organisation's social network presence: Harbour & Pine's social media policy,
its moderation queue, and the rules that judge a moderation decision (as at November 2026).

The logic is plain functions and dataclasses; a learner's work through the queue is a
``ModerationRecord`` (its evidence file) and ``assess`` judges it. The widget loads ipywidgets
only when first asked for, so ``import coursework_kit.social`` stays light.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from coursework_kit.social.assess import assess
from coursework_kit.social.decision import EscalationCheck, Judgement, judge
from coursework_kit.social.policy import ModerationError, Policy, load_policy
from coursework_kit.social.queue import QueueItem, get_item, load_queue
from coursework_kit.social.record import ModerationRecord, ModerationWork
from coursework_kit.social.reply import ReplyCheck, personal_details
from coursework_kit.social.selfcheck import ChoiceCheck, check_choice
from coursework_kit.social.session import ModerationSession, QueueSummary

if TYPE_CHECKING:
    from coursework_kit.social.widget import ModerationQueue

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


def __getattr__(name: str) -> Any:
    if name == "ModerationQueue":
        from coursework_kit.social import widget

        return widget.ModerationQueue
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
