"""Judging one moderation decision: the escalation, the reply's tone and personal details."""

from __future__ import annotations

import html

import pytest

from coursework_kit.social import ModerationError, get_item, judge, personal_details

GOOD_COMPLAINT_REPLY = (
    "Hi Lorraine, I'm so sorry your rug hasn't arrived and that you haven't heard back. "
    "Please send us a direct message and I'll look into it straight away. Amira"
)
RUDE_COMPLAINT_REPLY = "You should have read the delivery times. Not our problem, check the T&Cs."


def test_right_escalation_names_the_role_and_target():
    """Is the right route confirmed with the role's response target?"""
    result = judge("defamation-named-manager", action="hide", escalate_to="legal")
    assert result.escalation.right
    assert "legal and compliance adviser" in result.escalation.message
    assert "1 working day" in result.escalation.message


def test_missing_escalation_is_not_right():
    """Is leaving out a needed escalation marked not right, naming who should have it?"""
    result = judge("safeguarding-dm", action="reply", reply="Hi Jordan, call Samaritans.")
    assert not result.escalation.right
    assert "must be escalated to the designated safeguarding lead" in result.escalation.message
    assert not result.handled_well


def test_wrong_route_is_not_right():
    """Is escalating a possible data breach to the complaints team marked not right?"""
    result = judge("wrong-customer-email", action="private_channel", escalate_to="complaints")
    assert not result.escalation.right
    assert "Not the customer relations team" in result.escalation.message
    assert "data protection officer" in result.escalation.message


def test_escalating_what_the_desk_can_handle_is_not_right():
    """Is escalating simple praise to the legal adviser marked as not needed?"""
    result = judge("praise-sofa", action="reply", escalate_to="legal", reply="Hi Jas, thanks!")
    assert not result.escalation.right
    assert "doesn't need the legal and compliance adviser" in result.escalation.message


def test_an_alternative_route_is_accepted():
    """Is product safety accepted as well as PR for a lamp in the crisis burst?"""
    result = judge("lamp-3", action="escalate", escalate_to="product_safety")
    assert result.escalation.right
    assert "also reasonable" in result.escalation.message


def test_choosing_escalate_without_a_route():
    """Does choosing "escalate" with nobody chosen ask who to escalate to?"""
    result = judge("threat-to-manager", action="escalate")
    assert not result.escalation.right
    assert "choose who to escalate to" in result.escalation.message
    assert "social media team leader" in result.escalation.message


def test_rude_reply_fails_and_good_reply_passes():
    """Does a reply that blames the customer fail, in plain words, while a warm one passes?"""
    rude = judge("complaint-late-rug", action="private_channel", reply=RUDE_COMPLAINT_REPLY)
    assert not rude.reply.ok
    assert rude.reply.tone.blame_or_negative
    assert "blames the customer" in rude.reply.summary
    assert "Say sorry" in rude.reply.summary
    assert "Invite them to a private channel" in rude.reply.summary
    assert "T&Cs" in " ".join(rude.reply.tips)
    good = judge("complaint-late-rug", action="private_channel", reply=GOOD_COMPLAINT_REPLY)
    assert good.reply.ok
    assert good.handled_well
    assert good.reply.summary.startswith("Your reply greets them, uses their name")
    assert "says sorry" in good.reply.summary


def test_reply_repeating_the_customers_phone_number_is_flagged():
    """Is a reply that writes back the phone number the customer posted publicly flagged,
    whatever the spacing?"""
    reply = "Hi Dani, so sorry! We'll ring you on 07700900461 today about your order."
    result = judge("phone-number-public", action="hide", reply=reply)
    assert result.reply.repeated == ["07700 900461"]
    assert not result.reply.ok
    assert "repeats personal details" in result.reply.summary
    spaced = judge("phone-number-public", action="hide", reply="Hi Dani, sorry: 07700 900 461")
    assert spaced.reply.repeated == ["07700 900461"]
    order = judge("phone-number-public", action="hide", reply="Hi Dani, sorry about hp-20417.")
    assert order.reply.repeated == ["HP-20417"]


def test_repeating_details_in_a_private_message_is_not_flagged():
    """Is an email address written back in a private message left alone (it wasn't public)?"""
    result = judge(
        "copyright-photographer-claim",
        action="escalate",
        escalate_to="legal",
        reply="Hi Ellie, thank you. Our legal adviser will reply by tomorrow.",
    )
    assert result.reply.repeated == []


def test_reply_is_required_where_the_action_needs_one():
    """Does a reply action, or an item that needs a reply, without one fail the reply check?"""
    no_reply = judge("question-table-fit", action="reply")
    assert no_reply.reply.needed
    assert not no_reply.reply.ok
    assert "needs a reply" in no_reply.reply.summary
    hidden = judge("phone-number-public", action="hide")
    assert not hidden.reply.ok  # hiding her comment still needs a message to her
    spam = judge("spam-crypto", action="delete")
    assert spam.reply.ok
    assert not spam.reply.needed


def test_the_greeting_tip_uses_the_customers_own_name():
    """Does the advice to greet the customer give an example with their name, not another
    customer's?"""
    result = judge(
        "praise-sofa",
        action="reply",
        reply="Thank you so much! We'll pass your kind words on to the delivery team.",
    )
    assert 'for example "Hi Jas"' in result.reply.summary
    assert "Dani" not in result.reply.summary


def test_item_specific_content_is_required():
    """Does a safeguarding reply without somewhere to turn (Samaritans, 999) fail?"""
    result = judge(
        "safeguarding-dm",
        action="escalate",
        escalate_to="safeguarding",
        reply="Hi Jordan, I'm so sorry to hear you're feeling like this. Someone will call you.",
    )
    assert not result.reply.ok
    assert "Samaritans" in result.reply.summary


def test_bad_choices_get_plain_messages():
    """Are an unknown action, an unknown route, no action or a non-text reply refused
    with a message that says what to do?"""
    with pytest.raises(ModerationError, match="not one of the actions"):
        judge("praise-sofa", action="ignore")
    with pytest.raises(ModerationError, match="not one of the escalation routes"):
        judge("praise-sofa", action="reply", escalate_to="police")
    with pytest.raises(ModerationError, match="Choose an action first"):
        judge("praise-sofa", action="")
    with pytest.raises(ModerationError, match="no item 'nope'"):
        judge("nope", action="reply")
    with pytest.raises(TypeError, match="must be text"):
        judge("praise-sofa", action="reply", reply=42)


def test_points_and_repr():
    """Does an acceptable action earn half a point, and does the result read plainly?"""
    result = judge("praise-sofa", action="leave")
    assert result.verdict == "acceptable"
    assert result.points == 2.5
    assert repr(result) == ("Judgement(praise-sofa: action acceptable, escalation right, reply ok)")
    assert "acceptable, but not the best" in result._repr_html_()


def test_personal_details_finds_phone_email_and_order_numbers():
    """Are phone numbers (any spacing, +44), emails and order numbers found in text?"""
    found = personal_details("Call +44 7700 900123 or 07700-900461, me@example.com, HP-31882")
    assert found == ["+44 7700 900123", "07700-900461", "me@example.com", "HP-31882"]
    assert personal_details("Table is 186 × 96 × 10 cm, £649.00") == []


def test_model_reply_is_shown_after_checking():
    """Is one good reply offered after checking, for items that need one?"""
    page = judge("complaint-late-rug", action="leave")._repr_html_()
    assert "See one good reply" in page
    assert html.escape(get_item("complaint-late-rug").model_reply) in page


def test_a_reply_too_long_to_check_is_refused_plainly():
    """Is a reply far longer than any real reply refused with a plain message (not read for
    seconds), while one just under the limit is still read?"""
    from coursework_kit.social.moderation.reply import MAX_REPLY_CHARS

    sentence = "Hi Dani, I'm so sorry. I've hidden your comment to protect your number. "
    long_reply = sentence * (50_000 // len(sentence))
    result = judge("phone-number-public", action="hide", reply=long_reply)
    assert not result.reply.ok
    (problem,) = result.reply.problems
    assert f"{len(long_reply):,} characters long" in problem
    assert f"under {MAX_REPLY_CHARS:,} characters" in problem
    assert result.reply.moves is None  # refused before it was read
    assert result.verdict == "best"  # the action is still judged
    fits = (sentence * (MAX_REPLY_CHARS // len(sentence)))[:MAX_REPLY_CHARS]
    read = judge("phone-number-public", action="hide", reply=fits)
    assert read.reply.moves is not None
    assert not any("too long to check" in p for p in read.reply.problems)


def test_the_same_decision_in_the_same_words_is_judged_once():
    """Is a decision judged again in this process given back without reading the reply again,
    and does any change to the words, action or escalation get judged afresh?"""
    reply = "Hi Dani, I'm so sorry. I've hidden your comment and I'll message you now."
    first = judge("phone-number-public", action="hide", reply=reply)
    assert judge(get_item("phone-number-public"), action="hide", reply=reply) is first
    changed = judge("phone-number-public", action="hide", reply=reply + " Amira")
    assert changed is not first
    assert changed.reply.reply.endswith("Amira")
    other = judge("phone-number-public", action="reply", reply=reply)
    assert other is not first
    assert other.verdict == "not right"
    escalated = judge("phone-number-public", action="hide", escalate_to="legal", reply=reply)
    assert escalated is not first
    assert not escalated.escalation.right
