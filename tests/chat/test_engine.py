"""The simulated customer: scripted replies through each branch of its behaviour."""

from __future__ import annotations

import pytest

from coursework_kit.chat.engine import Conversation
from coursework_kit.errors import CourseworkError

GREETING = "Hi Priya, thanks for contacting Harbour & Pine. My name is Sam."
SECURITY = "For security, can you confirm your order number and postcode, please?"
FIX = "I'm sorry about this. I'll chase the courier now and email you by 5pm today."


def chat(scenario, clock, *replies, gap=10):
    conversation = Conversation(scenario, clock=clock)
    said = []
    for reply in replies:
        clock.wait(gap)
        said += [t.kind for t in conversation.reply(reply)]
    return conversation, said


def test_the_customer_opens_the_chat(make_scenario, clock):
    """Does the chat start with the customer's opening message?"""
    conversation = Conversation(make_scenario(), clock=clock)
    assert conversation.turns[0].speaker == "customer"
    assert "Tuesday" in conversation.turns[0].text


def test_asked_for_identity_the_customer_gives_it(make_scenario, clock):
    """Asked to pass security, does the customer give the details and count as verified?"""
    conversation, said = chat(make_scenario(), clock, GREETING, SECURITY)
    assert said[-1] == "verification"
    assert "HP-10482" in conversation.turns[-1].text
    assert conversation.verified


def test_account_details_before_security_are_a_breach(make_scenario, clock):
    """Is naming the courier before security recorded as a data protection breach?"""
    conversation, _ = chat(make_scenario(), clock, GREETING, "It's with Evri, I'll chase them.")
    (finding,) = conversation.findings
    assert finding.check == "data_protection"
    assert finding.quote == "Evri"


def test_the_same_details_after_security_are_fine(make_scenario, clock):
    """Once the customer has passed security, may the adviser name the courier?"""
    conversation, said = chat(
        make_scenario(),
        clock,
        GREETING,
        SECURITY,
        "Thanks. It's with Evri: I'll chase the courier now.",
    )
    assert conversation.findings == []
    assert said[-1] == "resolved"


def test_empathy_and_a_plan_calm_the_customer(make_scenario, clock):
    """Does empathy with a clear plan make the customer calmer?"""
    conversation = Conversation(make_scenario(), clock=clock)
    before = conversation.mood
    clock.wait(10)
    (turn,) = conversation.reply(
        "I'm so sorry, I can understand how worrying that is. Let me look into it for you."
    )
    assert turn.kind == "calmer"
    assert conversation.mood == before - 1


def test_blame_then_manager_then_leaving(make_scenario, clock):
    """Does blame make the customer more frustrated, then ask for a manager, then leave?"""
    conversation, said = chat(
        make_scenario(),
        clock,
        "You should have checked the tracking.",
        "That's not our fault, you should have been in.",
        "Not my problem.",
    )
    assert said == ["frustrated", "manager", "leave"]
    assert conversation.ended_by == "customer"
    with pytest.raises(CourseworkError, match="This chat has ended"):
        conversation.reply("Hello?")


def test_jargon_frustrates(make_scenario, clock):
    """Does jargon make the customer more frustrated?"""
    _conversation, said = chat(make_scenario(), clock, "I'll raise an RMA for the SKU.")
    assert said == ["frustrated"]


def test_accurate_paraphrase_is_confirmed(make_scenario, clock):
    """Does an accurate paraphrase get a 'yes, that's right'?"""
    _, said = chat(
        make_scenario(),
        clock,
        "So just to check, your order was due on Tuesday and hasn't arrived?",
    )
    assert said == ["confirm"]


@pytest.mark.parametrize(
    "generic",
    [
        "So you're saying there's a problem, is that right?",
        "Just so I understand, you have an issue with your order?",
    ],
)
def test_a_paraphrase_that_would_fit_anyone_is_corrected(make_scenario, clock, generic):
    """Does a "paraphrase" with nothing of this customer's problem in it get corrected?"""
    _, said = chat(make_scenario(), clock, generic)
    assert said == ["correct"]


def test_slow_replies_make_the_customer_chase_then_leave(make_scenario, clock):
    """Does waiting past the customer's patience bring chasing, and in the end leaving?"""
    conversation = Conversation(make_scenario(), clock=clock)
    assert conversation.tick(clock.wait(60)) is None  # patience is 90 seconds
    assert conversation.tick(clock.wait(40)).kind == "chase"
    assert conversation.tick(clock.wait(95)).kind == "chase"
    assert conversation.tick(clock.wait(95)).kind == "leave"
    assert conversation.ended_by == "customer"


def test_a_slow_reply_counts_against_the_adviser(make_scenario, clock):
    """Is a reply slower than the customer's patience treated as frustrating?"""
    conversation = Conversation(make_scenario(), clock=clock)
    clock.wait(120)
    (turn,) = conversation.reply("Hello, how can I help?")
    assert turn.kind == "frustrated"


def test_practice_mode_turns_the_clock_off(make_scenario, clock):
    """In practice mode, is there no chasing and no penalty for a slow reply?"""
    conversation = Conversation(make_scenario(), clock=clock, practice=True)
    assert conversation.tick(clock.wait(600)) is None
    (turn,) = conversation.reply("Hi Priya, I'm so sorry. Let me look into this for you.")
    assert turn.kind == "calmer"


def _needs_team_leader(make_scenario):
    return make_scenario(
        needs={"escalation": True},
        replies={"escalated": ["OK, thanks."]},
        resolution={"keywords": ["team leader"]},
    )


def test_escalation_when_needed(make_scenario, clock):
    """When the case needs escalating, does passing it to the team the scenario names resolve
    it with the customer?"""
    scenario = _needs_team_leader(make_scenario)
    conversation, said = chat(
        scenario,
        clock,
        GREETING,
        SECURITY,
        "I'm passing the missing table to my team leader, who will call you today about Evri.",
    )
    assert said[-1] == "escalated"
    assert conversation.resolved


def test_a_generic_escalation_does_not_deal_with_it(make_scenario, clock):
    """Does "I will escalate this" to a team nobody names leave the problem unsolved?"""
    scenario = _needs_team_leader(make_scenario)
    conversation, said = chat(
        scenario,
        clock,
        GREETING,
        SECURITY,
        "I will escalate this to the specialist team who will contact you by 5pm tomorrow.",
    )
    assert said[-1] != "escalated"
    assert not conversation.resolved


def test_an_offer_beyond_remit_is_a_breach(make_scenario, clock):
    """Is offering £60 compensation, above the £50 limit, recorded as beyond remit?"""
    conversation, _ = chat(
        make_scenario(),
        clock,
        GREETING,
        SECURITY,
        "I can give you £60 compensation for the trouble.",
    )
    assert [f.check for f in conversation.findings] == ["remit"]
    assert "£60.00" in conversation.findings[0].message


def test_a_promise_that_cannot_be_kept(make_scenario, clock):
    """Is guaranteeing delivery recorded as a promise the adviser cannot make?"""
    conversation, _ = chat(make_scenario(), clock, "I guarantee it will arrive tomorrow.")
    assert [f.check for f in conversation.findings] == ["promise"]


def test_an_unpersonalised_template_is_flagged(make_scenario, clock):
    """Is a pre-written response sent with its [placeholder] still in it flagged?"""
    conversation, _ = chat(make_scenario(), clock, "Hi [customer name], thanks for waiting.")
    assert [f.check for f in conversation.findings] == ["template"]


def test_public_complaint_moves_to_private_channel(make_scenario, clock):
    """On a public post, does inviting a direct message move the chat before resolving it?"""
    scenario = make_scenario(
        needs={"private_channel": True, "verification": False},
        replies={"moved_private": ["Sent you a message."]},
    )
    _conversation, said = chat(
        scenario,
        clock,
        "I'm sorry. I'll send a replacement.",
        "Please send us a direct message with your order number.",
        "Thanks. I'll send a replacement today.",
    )
    assert said == ["calmer", "moved_private", "resolved"]


def test_abusive_customer_warned_then_ended(make_scenario, clock):
    """With an abusive customer, does warning then ending the chat follow the policy?"""
    scenario = make_scenario(
        needs={"warning_then_end": True, "verification": False}, replies={"warned": ["Whatever."]}
    )
    conversation, said = chat(
        scenario,
        clock,
        "Please don't use that language. If it continues I'll end this chat.",
        "I'm now ending this chat.",
    )
    assert said == ["warned"]
    assert conversation.ended_by == "agent"
    assert conversation.findings == []


def test_ending_without_a_warning_breaks_the_policy(make_scenario, clock):
    """Is ending an abusive chat without a warning first recorded as a policy breach?"""
    scenario = make_scenario(
        needs={"warning_then_end": True, "verification": False}, replies={"warned": ["Whatever."]}
    )
    conversation = Conversation(scenario, clock=clock)
    conversation.end()
    assert [f.check for f in conversation.findings] == ["policy"]


def test_closing_question_before_and_after_resolving(make_scenario, clock):
    """Does 'anything else?' get 'not sorted yet' before a fix and a goodbye after it?"""
    close = "Is there anything else I can help you with today?"
    _, early = chat(make_scenario(), clock, GREETING, close)
    conversation, late = chat(make_scenario(), clock, GREETING, SECURITY, FIX, close)
    assert early[-1] == "not_resolved"
    assert late[-2:] == ["resolved", "goodbye"]
    assert conversation.ended_by == "customer"


def test_empty_reply_is_refused(make_scenario, clock):
    """Is an empty reply refused with a plain message?"""
    with pytest.raises(CourseworkError, match="Type a reply"):
        Conversation(make_scenario(), clock=clock).reply("   ")


def test_lines_cycle(make_scenario, clock):
    """When a kind of line is used again, does the customer say the next one?"""
    conversation, _ = chat(make_scenario(), clock, "One moment.", "Still here.", "Bear with me.")
    defaults = [t.text for t in conversation.turns if t.kind == "default"]
    assert defaults[0] != defaults[1]
    assert defaults[2] == defaults[0]


def test_a_price_mentioned_in_passing_is_not_an_offer(make_scenario, clock):
    """Is a price above the limit in passing ('a full refund of £649 if it does not fit') fine?"""
    conversation, _ = chat(
        make_scenario(),
        clock,
        GREETING,
        SECURITY,
        "If it doesn't fit, you'd get a full refund of £649 once it's back.",
    )
    assert conversation.findings == []


def test_asking_for_details_in_public_is_a_breach(make_scenario, clock):
    """On a public post, is asking for a postcode in public a data protection breach?"""
    scenario = make_scenario(
        channel="social_public",
        needs={"private_channel": True},
        replies={"moved_private": ["OK, messaging you now."]},
    )
    conversation, _ = chat(scenario, clock, "Sorry to see this. What's your postcode?")
    assert [f.check for f in conversation.findings] == ["data_protection"]
    private, _ = chat(
        scenario, clock, "Sorry to see this. Please send us a direct message with your postcode."
    )
    assert private.findings == []


def test_escalating_before_security_does_not_settle_the_case(make_scenario, clock):
    """When security is needed, does passing the case on before it leave the case unsettled?"""
    scenario = make_scenario(needs={"escalation": True}, replies={"escalated": ["OK, thanks."]})
    conversation, said = chat(scenario, clock, "I'll pass this to my team leader.")
    assert said != ["escalated"]
    assert not conversation.resolved
