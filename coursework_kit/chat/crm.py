"""The CRM contact record a learner completes after each chat: complete, and true to the chat.

Assessors look for "accurate and contemporaneous logging of customer interactions and outcomes
in the CRM system" (unit 3). The record is checked for missing parts and for saying something
the transcript does not bear out.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from coursework_kit.chat.reading import read_chat
from coursework_kit.chat.record import CRMRecord, Turn, as_turns
from coursework_kit.chat.scenario import Scenario
from coursework_kit.errors import CourseworkError

__all__ = ["OUTCOMES", "REASONS", "CRMCheck", "CRMRecord", "check_crm"]

REASONS = {
    "delivery": "Delivery", "returns_refunds": "Returns and refunds", "billing": "Billing",
    "account_access": "Account access", "product_question": "Product question",
    "complaint": "Complaint", "data_request": "Request for personal data", "other": "Other",
}  # fmt: skip
OUTCOMES = {
    "resolved": "Resolved in the chat", "follow_up": "Follow-up needed",
    "escalated": "Escalated to a team leader or specialist team",
    "signposted": "Signposted elsewhere", "ended_by_adviser": "Chat ended by the adviser",
    "ended_by_customer": "Customer left the chat",
}  # fmt: skip
_NEEDS_OWNER = {"follow_up", "escalated"}
_IDENTITY_WORDS = re.compile(
    r"\b(security|identity|verif|ID check|passed|confirmed (their|the) )", re.IGNORECASE
)
_ESCALATION_WORDS = re.compile(
    r"\b(escalat|team leader|supervisor|manager|billing team|"
    r"data protection team|specialist|passed (to|on)|referred)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class CRMCheck:
    record: CRMRecord
    missing: list[str]
    disagreements: list[str]

    @property
    def ok(self) -> bool:
        return not self.missing and not self.disagreements

    def __repr__(self) -> str:
        if self.ok:
            return "CRMCheck(complete and agrees with the chat)"
        return f"CRMCheck(missing={self.missing}, disagreements={self.disagreements})"

    def _repr_html_(self) -> str:
        if self.ok:
            return (
                "<div role='status'><strong>Record complete</strong> and it agrees with the "
                f"chat. Saved {html.escape(self.record.recorded_at)}.</div>"
            )
        items = "".join(f"<li>{html.escape(m)}</li>" for m in self.missing + self.disagreements)
        return f"<div role='alert'><strong>Check the record:</strong><ul>{items}</ul></div>"


def check_crm(
    record: CRMRecord | Mapping[str, Any],
    turns: Iterable[Turn | Sequence[Any]],
    *,
    scenario: Scenario | None = None,
) -> CRMCheck:
    """Is the record complete, and does it agree with the transcript ``turns``?

    ``turns`` are :class:`.Turn` objects, or ``(speaker, text[, time])`` tuples.
    """
    if not isinstance(record, CRMRecord):
        record = CRMRecord.from_mapping(record)
    missing = []
    if record.reason not in REASONS:
        missing.append("Choose the reason for contact.")
    if record.outcome not in OUTCOMES:
        missing.append("Choose the outcome.")
    if len(record.actions_taken.split()) < 3:
        missing.append("Say what actions you took (at least a few words).")
    if len(record.notes.split()) < 5:
        missing.append("Add notes a colleague could follow (at least one full sentence).")
    if record.outcome in _NEEDS_OWNER and not record.follow_up.strip():
        missing.append("Say what the follow-up is.")
    if record.outcome in _NEEDS_OWNER and not record.owner.strip():
        missing.append("Say who owns the follow-up (a person or team).")
    return CRMCheck(record, missing, _disagreements(record, as_turns(turns), scenario))


def _disagreements(
    record: CRMRecord, turns: Sequence[Turn], scenario: Scenario | None
) -> list[str]:
    if not any(t.speaker == "agent" for t in turns):
        raise CourseworkError("There is no chat to record yet: hold the chat first.")
    found = [r.assessment for r in read_chat(turns, scenario).values()]
    escalated = any(a.escalation for a in found)
    asked_identity = any(a.identity_check for a in found)
    problems = []
    if scenario and record.reason in REASONS and record.reason != scenario.crm_reason:
        problems.append(
            f"The reason does not match the chat: this contact was about "
            f"'{REASONS[scenario.crm_reason].lower()}'."
        )
    if record.outcome == "escalated" and not escalated:
        problems.append(
            "The record says the case was escalated, but the chat does not show you passing it on."
        )
    if escalated and record.outcome in ("resolved", "signposted"):
        problems.append(
            "The chat shows the case being passed on, so the outcome should be "
            "'escalated' or 'follow-up needed'."
        )
    if scenario and record.outcome in OUTCOMES and record.outcome not in scenario.crm_outcomes:
        allowed = ", ".join(f"'{OUTCOMES[o].lower()}'" for o in scenario.crm_outcomes)
        problems.append(f"For this chat the outcome should be {allowed}.")
    if asked_identity and not _IDENTITY_WORDS.search(record.actions_taken + record.notes):
        problems.append(
            "You checked the customer's identity in the chat: record that they passed security."
        )
    if escalated and not _ESCALATION_WORDS.search(record.actions_taken + record.notes):
        problems.append("Record who you passed the case to.")
    return problems
