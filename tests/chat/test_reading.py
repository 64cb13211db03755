"""Each reply read once: the simulated customer's live findings and the grade agree."""

from __future__ import annotations

import random

import pytest

from coursework_kit.chat import Conversation, Turn, assess_transcript, load_scenario
from coursework_kit.chat.reading import read_chat

OPENING = "Hi, my order was supposed to arrive on Tuesday and it still hasn't turned up."
SECURITY = "For security, can you confirm your order number and postcode, please?"
COURIER = "Thanks. It's with Evri: I'll chase the courier now."

LINES = [
    "Hi Priya, thanks for contacting Harbour & Pine. I'm sorry your order is late.",
    SECURITY,
    COURIER,
    "Not my problem, read the T&Cs",
    "Please send us a direct message with your order number.",
    "Sorry to see this. What's your postcode?",
    "I can give you £80 compensation.",
    "I guarantee it will arrive tomorrow.",
    "So just to check, your order was due on Tuesday and hasn't arrived?",
    "Is there anything else I can help you with today?",
]


def _rules(findings):
    return [str(f) for f in findings if f.check != "policy"]


@pytest.mark.parametrize("name", ["late-delivery", "public-complaint", "charged-twice"])
def test_the_live_findings_are_the_findings_graded(name, clock):
    """For chats held at all speeds, do the rules the coach flagged during the chat match the
    rules found when the saved turns are assessed afterwards?"""
    scenario = load_scenario(name)
    rng = random.Random(name)
    for _ in range(12):
        conversation = Conversation(scenario, clock=clock)
        for reply in rng.sample(LINES, rng.randint(1, 6)):
            clock.wait(rng.choice([5, 20, 120]))  # some replies slower than the customer likes
            if conversation.ended:
                break
            conversation.reply(reply)
        graded = assess_transcript(conversation.turns, scenario=scenario)
        assert _rules(conversation.findings) == _rules(graded.findings)


def test_a_public_post_is_public_until_the_customer_moves(make_scenario, clock):
    """If the customer has not moved to a private message (they were kept waiting), is asking
    for their order number still asking in public, live and in the grade alike?"""
    scenario = make_scenario(
        channel="social_public",
        needs={"private_channel": True, "verification": False},
        replies={"moved_private": ["OK, messaging you now."]},
    )
    conversation = Conversation(scenario, clock=clock)
    clock.wait(200)  # far past the customer's patience: the invitation lands badly
    conversation.reply("Please send us a direct message so we can help privately.")
    clock.wait(5)
    conversation.reply("What's your order number?")
    live = [f.check for f in conversation.findings]
    assert live == ["data_protection"]
    graded = assess_transcript(conversation.turns, scenario=scenario)
    assert [f.check for f in graded.findings] == live


def test_security_is_passed_only_when_the_customer_gave_their_details(make_scenario):
    """In a simulated chat, does a security question the customer did not answer (they asked
    for a manager instead) leave account details still off limits?"""
    turns = [
        Turn("customer", OPENING, kind="opening"),
        Turn("agent", SECURITY),
        Turn("customer", "I want to speak to a manager.", kind="manager"),
        Turn("agent", COURIER),
    ]
    readings = read_chat(turns, make_scenario())
    assert [f.check for f in readings[3].findings] == ["data_protection"]
    answered = [*turns[:2], Turn("customer", "HP-10482, LS6 2QT.", kind="verification"), turns[3]]
    assert read_chat(answered, make_scenario())[3].findings == ()


def test_a_transcript_typed_by_hand_counts_any_answer_to_security(make_scenario):
    """Without the customer's kinds (a transcript typed by hand), does a customer message after
    the security question count as passing it?"""
    turns = [
        Turn("customer", OPENING),
        Turn("agent", SECURITY),
        Turn("customer", "HP-10482, LS6 2QT."),
        Turn("agent", COURIER),
    ]
    assert read_chat(turns, make_scenario())[3].findings == ()
