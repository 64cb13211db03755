"""Coach mode: after each reply, what went well and one thing to try next."""

from __future__ import annotations

from typing import TYPE_CHECKING

from coursework_kit.chat.assess import ReplyAssessment
from coursework_kit.feedback import Finding

if TYPE_CHECKING:
    from coursework_kit.chat.engine import Conversation

__all__ = ["coach_hints", "hints_after"]

_PRAISE = {
    "greeting": "a friendly greeting",
    "uses_customer_name": "using the customer's name",
    "empathy": "acknowledging how the customer feels",
    "apology": "apologising",
    "paraphrase": "putting the problem in your own words",
    "positive_language": "saying what you can do",
    "identity_check": "checking identity before discussing the account",
    "escalation": "passing the case to the right team",
    "closing_question": "checking if there is anything else",
}


def coach_hints(
    a: ReplyAssessment,
    findings: list[Finding],
    *,
    first_reply: bool,
    verification_needed: bool,
    verified: bool,
) -> list[str]:
    """Short coaching for one reply: praise for what it did, then at most two things to fix."""
    good = [text for flag, text in _PRAISE.items() if a.flags.get(flag)]
    tips: list[str] = [f"Careful: {f.message}" for f in findings]
    if a.blame_or_negative:
        tips.append("That sounded negative or blaming. Say what you CAN do instead.")
    if a.jargon:
        tips.append(f"Avoid jargon and text-speak: {', '.join(a.jargon)}.")
    if a.spelling_errors:
        tips.append(f"Check your spelling: {', '.join(a.spelling_errors)}.")
    if a.grammar:
        tips.append(f"Check your writing: {a.grammar[0]}.")
    if first_reply and not a.greeting:
        tips.append("Start with a greeting and the company's name.")
    if verification_needed and not verified and not a.identity_check:
        tips.append("Remember to check the customer's identity before you discuss their order.")
    if not first_reply and not good and not tips:
        tips.append("Try acknowledging how the customer feels, then say what you will do.")
    lines = [f"Good: {', '.join(good)}."] if good else []
    return lines + tips[:2]


def hints_after(conversation: Conversation, before: int) -> list[str]:
    """The coaching for the reply just sent (``before``: how many findings there were)."""
    return coach_hints(
        conversation.assessments[-1],
        conversation.findings[before:],
        first_reply=len(conversation.assessments) == 1,
        verification_needed=conversation.scenario.needs.verification,
        verified=conversation.verified,
    )
