"""The CRM contact record: complete, and agreeing with the chat."""

from __future__ import annotations

from datetime import datetime

from coursework_kit.chat.crm import check_crm

GOOD_RECORD = {
    "reason": "delivery",
    "outcome": "follow_up",
    "actions_taken": "Customer passed security. Checked tracking and chased the courier.",
    "follow_up": "Email the customer with the courier's answer by 5pm.",
    "owner": "Sam (adviser)",
    "notes": "Parcel was two days late and the customer was worried it was lost.",
}


def test_a_good_record_passes(make_scenario, good_chat):
    """Is a complete record that matches the chat accepted, with its time recorded?"""
    check = check_crm(GOOD_RECORD, good_chat, scenario=make_scenario())
    assert check.ok, (check.missing, check.disagreements)
    assert datetime.fromisoformat(check.record.recorded_at).tzinfo is not None


def test_missing_parts_are_listed(make_scenario, good_chat):
    """Are a missing reason, thin notes and a follow-up with no owner each named?"""
    record = dict(GOOD_RECORD, reason="", notes="late", owner="")
    check = check_crm(record, good_chat, scenario=make_scenario())
    assert not check.ok
    assert "Choose the reason for contact." in check.missing
    assert any("notes" in m for m in check.missing)
    assert any("owns the follow-up" in m for m in check.missing)


def test_a_wrong_reason_disagrees(make_scenario, good_chat):
    """Does recording 'billing' for a delivery chat disagree with the chat?"""
    check = check_crm(dict(GOOD_RECORD, reason="billing"), good_chat, scenario=make_scenario())
    assert any("about 'delivery'" in d for d in check.disagreements)


def test_escalation_claimed_but_not_in_the_chat(make_scenario, good_chat):
    """Does a record that says 'escalated' disagree with a chat that shows no escalation?"""
    check = check_crm(dict(GOOD_RECORD, outcome="escalated"), good_chat)
    assert any("does not show you passing it on" in d for d in check.disagreements)


def test_escalated_chat_recorded_as_resolved(escalated_chat):
    """Does an escalated chat recorded as 'resolved' disagree, and ask who it went to?"""
    record = dict(
        GOOD_RECORD,
        outcome="resolved",
        actions_taken="Customer passed security.",
        notes="Customer was charged twice for one order.",
    )
    check = check_crm(record, escalated_chat)
    assert any("should be 'escalated'" in d for d in check.disagreements)
    assert "Record who you passed the case to." in check.disagreements


def test_security_should_be_recorded(make_scenario, good_chat):
    """If the chat checked identity, does the record need to say so?"""
    record = dict(GOOD_RECORD, actions_taken="Chased the courier for the parcel.")
    check = check_crm(record, good_chat)
    assert any("passed security" in d for d in check.disagreements)
