"""The live chat rewards service, not phrases: ordinary wording is understood, and a script
that solves nothing earns little.

The wordings here are this file's own (none is from the labelled corpus), several for each
kind of behaviour, so a test fails if the judging only knows one phrasing.
"""

import pytest
import yaml

from coursework_kit.chat import load_scenario
from coursework_kit.chat.assess_record import (
    BREACH_CAP,
    UNRESOLVED_CAP,
    assess_work,
    criteria_met,
    mark,
    unsure_of,
)
from coursework_kit.chat.engine import Conversation
from coursework_kit.chat.scenario import list_scenarios
from coursework_kit.chat.transcript import assess_transcript
from coursework_kit.datasets import data_path


def play(scenario, replies):
    conversation = Conversation(scenario, practice=True)
    for reply in replies:
        if conversation.ended:
            break
        conversation.reply(reply)
    return conversation


def judged(scenario, replies):
    conversation = play(scenario, replies)
    return conversation, assess_work(conversation.work(), scenario)


@pytest.fixture(scope="module")
def late():
    return load_scenario("late-delivery")


@pytest.mark.parametrize(
    "ask",
    [
        "Could you pop your order number and postcode in the chat so I can find it?",
        "whats ur order no. and post code pls",
        "Can I grab the order number and your postcode so I can have a look?",
        "To find your order I'll need the order number and the postcode it's going to.",
    ],
)
def test_an_ordinary_request_for_security_details_gets_them(late, ask):
    """Does the customer give their details however the adviser asks for them?"""
    conversation = play(late, [ask])
    assert conversation.turns[-1].kind == "verification"


GOOD_ORDINARY = [
    "Hiya Priya, Jo here at Harbour & Pine. Oh no, a late parcel is the last thing you need. "
    "Could you pop your order number and postcode in the chat so I can find it?",
    "Thanks. Just so I've got this right, it was due on Tuesday and nothing has turned up at all?",
    "I'll chase Evri now and you'll get an email from me by 5pm today. Does that sound OK?",
    "Anything else I can help with today?",
]


def test_a_good_adviser_in_ordinary_words_is_not_given_a_breach(late):
    """Is a good chat in everyday words free of false data protection breaches, and won?"""
    conversation, feedback = judged(late, GOOD_ORDINARY)
    assert not any(f.check == "data_protection" for f in feedback.findings)
    assert conversation.resolved
    met = criteria_met(feedback)
    assert met["identity_verification"]
    assert met["active_listening"]
    assert met["resolves_query"]
    assert mark(feedback).share >= 0.9


@pytest.mark.parametrize(
    "generic",
    [
        "So to check I understand, you're saying there's a problem, is that right?",
        "Just so I'm clear, you have an issue with your order?",
        "So what you're telling me is that you're unhappy, have I got that right?",
    ],
)
def test_a_generic_paraphrase_is_not_active_listening(late, generic):
    """Does a "paraphrase" that would fit any customer earn nothing for listening?"""
    turns = [("customer", late.opening), ("agent", generic)]
    report = assess_transcript(turns, scenario=late)
    assert report.criteria["active_listening"].met is False
    assert "would fit any customer" in report.criteria["active_listening"].evidence


def test_an_unneeded_escalation_is_a_finding(late):
    """Is passing on a case the adviser could deal with held against them?"""
    _, feedback = judged(
        late,
        [
            GOOD_ORDINARY[0],
            "I'm going to escalate this to my team leader, who will get back to you.",
        ],
    )
    assert criteria_met(feedback)["escalation"] is False
    escalation = next(f for f in feedback.findings if f.check == "escalation")
    assert "did not need passing on" in escalation.message


@pytest.mark.parametrize(
    "early_close",
    [
        ["Hi Priya, is there anything else I can help you with today?"],
        [GOOD_ORDINARY[0], "Does that make sense? Is there anything else I can help with?"],
    ],
)
def test_closing_counts_only_once_the_problem_is_dealt_with(late, early_close):
    """Does a close, or a check of understanding, before anything is sorted earn nothing?"""
    conversation, feedback = judged(late, early_close)
    met = criteria_met(feedback)
    assert not conversation.resolved
    assert met["closing"] is False
    assert met["confirm_understanding"] is False
    assert met["resolves_query"] is False
    assert mark(feedback).share <= UNRESOLVED_CAP


def test_a_remedy_with_a_promise_that_cannot_be_kept_is_not_accurate(late):
    """Is a fix that comes with a forbidden promise not credited as resolving the query?"""
    replies = [
        GOOD_ORDINARY[0],
        GOOD_ORDINARY[1],
        "I'll chase Evri now and I guarantee it will be with you tomorrow.",
    ]
    _, feedback = judged(late, replies)
    assert criteria_met(feedback)["resolves_query"] is False
    assert any(f.check == "promise" for f in feedback.findings)


def test_a_repeated_reply_is_credited_once_and_the_customer_repeats_themselves(late):
    """Does sending the same words again earn nothing new, with the customer noticing?"""
    conversation = play(late, [GOOD_ORDINARY[0], GOOD_ORDINARY[1], GOOD_ORDINARY[1]])
    last = max(conversation.readings)
    assert conversation.readings[last].repeat is not None
    assert conversation.readings[last].moves.names == ()
    assert conversation.turns[-1].kind == "frustrated"


def test_a_breach_caps_the_mark_at_half(late):
    """Does giving out account details before security cap the mark at half?"""
    replies = [
        "Hi Priya, I'm Jo. It's with Evri, last scanned Wednesday 4 March at Leeds.",
        GOOD_ORDINARY[0],
        GOOD_ORDINARY[1],
        GOOD_ORDINARY[2],
        GOOD_ORDINARY[3],
    ]
    _, feedback = judged(late, replies)
    given = mark(feedback)
    assert given.share == BREACH_CAP
    assert "personal data" in given.why


ISSUE_SCRIPT = [
    "Hi, thanks for contacting us, I'm sorry to hear that, I understand how frustrating that "
    "is. Can you confirm your postcode and order number for security?",
    "So to check I understand, you're saying there's a problem, is that right? I'm sorry, I "
    "understand. I will escalate this to the specialist team who will contact you by 5pm "
    "tomorrow. Is there anything else I can help with today?",
]
CATCH_ALL = [
    "Good morning, you're through to Harbour & Pine, I'm Chris. I'm very sorry about this, I "
    "know how upsetting it can be. Please confirm your name, email, postcode and order number.",
    "Thanks. I can refund it, replace it, chase the courier, arrange a collection or pass this "
    "to our billing or data protection team, and you'll hear within one month.",
    "Is that all OK? Is there anything else I can do for you today? Have a lovely day.",
]


@pytest.mark.parametrize("script", [ISSUE_SCRIPT, CATCH_ALL], ids=["issue", "catch-all"])
def test_a_memorised_script_earns_at_most_40_percent_anywhere(script):
    """Pasted into every scenario, does a generic script never earn more than 40%?"""
    for name in list_scenarios():
        scenario = load_scenario(name)
        _, feedback = judged(scenario, script)
        assert mark(feedback).share <= UNRESOLVED_CAP, name


def test_the_good_chats_in_the_tuning_corpus_raise_no_false_breach():
    """Do the labelled good chats (tuning split) play without a false data protection breach,
    and does the customer take each as dealt with?"""
    chats = yaml.safe_load(data_path("chat/corpus/chats-tuning.yaml").read_text())
    for chat in (c for c in chats if c["kind"] == "good"):
        scenario = load_scenario(chat["scenario"])
        conversation, feedback = judged(scenario, chat["replies"])
        assert not any(f.check == "data_protection" for f in feedback.findings), chat["id"]
        assert conversation.resolved, chat["id"]


def test_an_unsure_judgement_is_not_counted_and_is_flagged(late):
    """Where the assessor cannot tell, does it say so, leave the criterion out of the mark and
    name the reply for the tutor?"""
    # The recogniser cannot call "That's rotten luck." as acknowledging feelings or not.
    turns = [("customer", late.opening), ("agent", "That's rotten luck.")]
    report = assess_transcript(turns, scenario=late)
    empathy = report.criteria["empathy"]
    assert empathy.unsure
    assert empathy.status == "not sure"
    assert empathy.turn == 1
    conversation = play(late, ["That's rotten luck."])
    feedback = assess_work(conversation.work(), late)
    (flagged,) = [f for f in unsure_of(feedback) if f.check == "empathy"]
    assert flagged.where == "reply 1"
    assert "That's rotten luck." in flagged.message
    assert "empathy" not in criteria_met(feedback)


@pytest.mark.parametrize(
    "wrong",
    [
        "Thanks Priya. It's with DPD and should be with you any time now.",
        "I can see Royal Mail have your table, they'll bring it round tomorrow.",
        "looks like yodel have it, i'll chase them now",
    ],
)
def test_naming_the_wrong_courier_is_a_wrong_fact_and_not_accurate(late, wrong):
    """Is telling the customer a courier the screen does not show a finding, so the query is
    not resolved accurately, whatever else the reply does?"""
    turns = [
        ("customer", late.opening),
        ("agent", GOOD_ORDINARY[0]),
        ("customer", late.verification_reply),
        ("agent", wrong),
        ("agent", "I'll chase the courier now and email you by 5pm today."),
    ]
    report = assess_transcript(turns, scenario=late)
    (fact,) = [f for f in report.findings if f.check == "fact"]
    assert "Evri" in fact.message
    assert report.criteria["resolves_query"].met is False


def test_the_right_courier_is_no_finding(late):
    """Is naming the courier the screen shows left alone?"""
    turns = [("customer", late.opening), ("agent", "I'll chase Evri now for you.")]
    report = assess_transcript(turns, scenario=late)
    assert not [f for f in report.findings if f.check == "fact"]
