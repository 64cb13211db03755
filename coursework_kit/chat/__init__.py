"""Simulated customer live chats, assessed against the customer-service criteria.

The move recogniser (:func:`understand`: what a reply does), scenarios, conversation engine,
transcript criteria, marks and CRM check are plain logic. A chat's evidence is a
:class:`ChatRecord` and :func:`assess` is its one judge (the widget's report, the portfolio
page and grading all use it); :func:`try_scenario` plays a script of replies to a scenario,
for tutors. ``ChatWidget`` and ``ChatPicker`` load ipywidgets only when first asked for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from coursework_kit.chat.assess import FLAGS, ReplyAssessment, assess_reply
from coursework_kit.chat.assess_record import Mark, assess, mark
from coursework_kit.chat.crm import CRMCheck, CRMRecord, check_crm
from coursework_kit.chat.engine import Conversation
from coursework_kit.chat.moves import MOVES, Move, Moves
from coursework_kit.chat.record import ChatRecord, ChatWork, CRMForm, Turn
from coursework_kit.chat.scenario import Scenario, list_scenarios, load_scenario
from coursework_kit.chat.transcript import CriterionResult, TranscriptReport, assess_transcript
from coursework_kit.chat.trial import Trial, try_scenario
from coursework_kit.chat.understand import understand

if TYPE_CHECKING:
    from coursework_kit.chat.widget import ChatPicker, ChatWidget

__all__ = [
    "FLAGS",
    "MOVES",
    "CRMCheck",
    "CRMForm",
    "CRMRecord",
    "ChatPicker",
    "ChatRecord",
    "ChatWidget",
    "ChatWork",
    "Conversation",
    "CriterionResult",
    "Mark",
    "Move",
    "Moves",
    "ReplyAssessment",
    "Scenario",
    "TranscriptReport",
    "Trial",
    "Turn",
    "assess",
    "assess_reply",
    "assess_transcript",
    "check_crm",
    "list_scenarios",
    "load_scenario",
    "mark",
    "try_scenario",
    "understand",
]


def __getattr__(name: str) -> Any:
    if name in ("ChatPicker", "ChatWidget"):
        from coursework_kit.chat import widget

        return getattr(widget, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
