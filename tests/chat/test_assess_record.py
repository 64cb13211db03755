"""assess(record): the one judgement of a chat, as the kit's shared Feedback."""

from __future__ import annotations

import pytest

from coursework_kit.chat import ChatRecord, Conversation, CRMRecord, assess, assess_transcript
from coursework_kit.chat.assess_record import (
    _labelled,
    breached,
    criteria_met,
    evidence_of,
    improvements,
)
from coursework_kit.chat.catalogue import criteria_catalogue

GOOD = [
    "Hi Priya, thanks for contacting Harbour & Pine. I'm sorry your order hasn't arrived, "
    "I can understand how frustrating that is.",
    "So just to check, your order was due on Tuesday and still hasn't arrived?",
    "For security, can you confirm your order number and postcode, please?",
    "Thank you. I'll chase the courier now and email you by 5pm today with an update. "
    "Does that sound OK?",
    "Is there anything else I can help you with today? Thanks for contacting us.",
]
CRM = {
    "reason": "delivery",
    "outcome": "follow_up",
    "actions_taken": "Passed security, chased the courier.",
    "notes": "Order due Tuesday has not arrived. Customer passed security.",
    "follow_up": "Email the customer by 5pm today with the courier's update.",
    "owner": "Sam (adviser)",
}


def _chat(scenario, clock, replies, *, end=False, crm=None):
    conversation = Conversation(scenario, clock=clock)
    for reply in replies:
        clock.wait(20)
        conversation.reply(reply)
    if end:
        conversation.end()
    crm_record = CRMRecord.from_mapping(crm) if crm else None
    return ChatRecord.holding(scenario.id, conversation.work(crm=crm_record))


def test_a_good_chat_meets_every_criterion_that_applies(make_scenario, clock):
    """Does a good chat score every criterion that applies, each with the adviser's words?"""
    feedback = assess(_chat(make_scenario(), clock, GOOD, crm=CRM), scenario=make_scenario())
    assert feedback.score == feedback.out_of == 11  # escalation is not needed here
    assert feedback.summary == "Score: 100% of the criteria that apply."
    assert feedback.ready
    greeting = next(f for f in feedback.findings if f.check == "greeting")
    assert greeting.severity == "good"
    assert evidence_of(greeting).startswith("“Hi Priya")
    assert greeting.message.startswith("Professional greeting: ")
    assert "U3-AC5" in greeting.criteria
    assert feedback.criteria["U3-AC5"] is True
    assert [f.severity for f in feedback.findings if f.check == "crm"] == ["good"]


def test_it_agrees_with_the_transcript_report(make_scenario, clock):
    """Are the criteria met and the tips exactly the transcript report's?"""
    scenario = make_scenario()
    replies = ["its with evri, read the T&Cs pls", "Not my problem.", GOOD[4]]
    record = _chat(scenario, clock, replies)
    feedback = assess(record, scenario=scenario)
    report = assess_transcript(record.latest.work.turns, scenario=scenario)
    assert criteria_met(feedback) == {
        k: bool(c.met) for k, c in report.criteria.items() if c.met is not None
    }
    assert improvements(feedback) == report.improvements
    assert feedback.summary == f"Score: {report.score}% of the criteria that apply."


def test_a_breach_must_be_fixed_and_says_where(make_scenario, clock):
    """Is account data given before security a must-fix, quoting the words and the reply?"""
    scenario = make_scenario()
    feedback = assess(_chat(scenario, clock, [GOOD[0], "It's with Evri."]), scenario=scenario)
    assert breached(feedback)
    assert not feedback.ready
    (breach,) = feedback.of("must fix")
    assert (breach.check, breach.quote, breach.where) == ("data_protection", "Evri", "reply 2")
    assert breach.why.startswith("Before you look at or talk about an order")
    assert improvements(feedback)[0].startswith("Account details were given before")


def test_ending_the_chat_too_soon_is_a_finding(make_scenario, clock):
    """Is ending the chat before dealing with the problem reported, as the coach said?"""
    scenario = make_scenario()
    feedback = assess(_chat(scenario, clock, [GOOD[0]], end=True), scenario=scenario)
    (policy,) = [f for f in feedback.findings if f.check == "policy"]
    assert policy.severity == "should fix"
    assert "before the customer's problem was dealt with" in policy.message


def test_each_thing_wrong_with_the_crm_record_is_a_finding(make_scenario, clock):
    """Is each missing or mismatched part of the CRM record its own finding?"""
    scenario = make_scenario()
    record = _chat(scenario, clock, GOOD, crm=CRM | {"reason": "billing", "owner": ""})
    crm = [f for f in assess(record, scenario=scenario).findings if f.check == "crm"]
    assert {f.severity for f in crm} == {"should fix"}
    assert len(crm) == 2


def test_it_assesses_the_attempt_asked_for(make_scenario, clock):
    """Does assess() judge the latest attempt by default, and any attempt by its number?"""
    scenario = make_scenario()
    first = _chat(scenario, clock, ["whatever"]).latest.work
    second = _chat(scenario, clock, GOOD).latest.work
    record = ChatRecord.new(scenario.id).with_work(first, at="2026-03-05T10:00:00+00:00")
    record = record.with_work(second, at="2026-03-05T11:00:00+00:00")
    assert assess(record, scenario=scenario).share == 1
    assert assess(record, scenario=scenario, attempt=1).share < 0.5


def test_a_record_with_no_chat(make_scenario):
    """Does a record with no attempts say so, with no marks?"""
    feedback = assess(ChatRecord.new("late-delivery"), scenario=make_scenario())
    assert feedback.summary == "No chat has been saved yet."
    assert feedback.score is None


def test_a_criterion_whose_evidence_is_its_label_is_said_once(make_scenario, clock):
    """Is "No jargon or text-speak: No jargon or text-speak." said once, and does every
    criterion finding read as its label then different words (or the label alone)?"""
    feedback = assess(_chat(make_scenario(), clock, GOOD, crm=CRM), scenario=make_scenario())
    jargon = next(f for f in feedback.findings if f.check == "no_jargon")
    assert jargon.message == "No jargon or text-speak."
    assert evidence_of(jargon) == "No jargon or text-speak."
    labels = {info.label for info in criteria_catalogue().values()}
    for finding in feedback.findings:
        label, _, rest = finding.message.partition(": ")
        if label in labels:
            assert rest.rstrip(".").casefold() != label.casefold(), finding.message


@pytest.mark.parametrize(
    ("evidence", "said"),
    [
        ("Empathy", "Empathy."),
        ("Empathy.", "Empathy."),
        ("  empathy! ", "Empathy."),
        ("", "Empathy."),
        ("The customer's feelings were not acknowledged.", "Empathy: The customer's feelings"),
        ("Empathy shown: “I'm so sorry.”", "Empathy: Empathy shown: “I'm so sorry.”"),
    ],
)
def test_a_label_is_not_followed_by_itself_or_nothing(evidence, said):
    """Is a criterion's label left out when its evidence only says it again, and never shown
    with nothing after it?"""
    assert _labelled("Empathy", evidence).startswith(said)
