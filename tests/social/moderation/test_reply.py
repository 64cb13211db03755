"""The moderation reply check: replies judged by what they do, read by the chat's move
recogniser grounded in each queue item. The wordings here are in neither labelled set."""

from __future__ import annotations

import pytest

from coursework_kit.datasets import load_yaml
from coursework_kit.social import get_item, judge
from coursework_kit.social.moderation.reply import check_reply, item_scenario

SCHEMA = "social/moderation-replies/replies.schema.json"


def _check(item_id: str, action: str, reply: str):
    return judge(item_id, action=action, reply=reply).reply


@pytest.mark.parametrize(
    ("item_id", "reply", "quoted"),
    [
        ("lamp-1", "Hi Priya, you don't have to stop using it, it's quite normal. DM us.", "stop"),
        ("lamp-2", "Hi Tobi, never unplug it while it's warm. Drop us a DM.", "unplug"),
        ("lamp-3", "Neil, I'm so sorry, that sounds scary. There's no need to switch it off. "
         "Message us privately.", "switch it off"),
        ("lamp-4", "Sorry Bev, I wouldn't bother unplugging it. Send us a DM.", "unplugging"),
    ],
)  # fmt: skip
def test_a_negated_safety_instruction_fails_and_quotes_the_learner(item_id, reply, quoted):
    """Does a reply that tells the customer the opposite of "stop using the lamp" fail, and
    does the message quote the learner's own words?"""
    check = _check(item_id, "private_channel", reply)
    assert not check.ok
    opposite = next(p for p in check.problems if "says the opposite" in p)
    assert quoted in opposite
    assert "stop using the lamp" in opposite


@pytest.mark.parametrize(
    ("item_id", "reply"),
    [
        ("question-table-fit", "Hi Rob, there's no point measuring, it always fits."),
        ("question-table-fit", "Hi Rob, you won't need to measure anything."),
        ("question-rug-spill", "Hi Mia, don't blot it, that spreads it. Use carpet shampoo."),
        ("question-rug-spill", "Hi Mia, no need to blot, just pop it in the wash."),
    ],
)
def test_negated_advice_on_other_items_fails(item_id, reply):
    """Is "no point measuring" or "don't blot it" read as the opposite of the advice needed?"""
    check = _check(item_id, "reply", reply)
    assert not check.ok
    assert any("says the opposite" in p for p in check.problems)


@pytest.mark.parametrize(
    ("item_id", "reply"),
    [
        ("lamp-2", "Hi Tobi, sorry about this. Please don't use it again, and send us a DM."),
        ("lamp-4", "Hi Bev, I'm so sorry about your table. Switch the lamp off and leave it "
         "unplugged, then send us a direct message."),
        ("lamp-1", "Priya, I'm sorry, it's not safe to keep using it. Unplug it now and DM us."),
        ("question-rug-spill", "Hi Mia, oh no! Dab it gently with a dry cloth straight away, "
         "and don't get it wet."),
    ],
)  # fmt: skip
def test_the_advice_in_other_words_or_as_a_dont_counts(item_id, reply):
    """Does "don't use it again" count as telling them to stop, and "dab" as "blot"?"""
    action = "reply" if item_id.startswith("question") else "private_channel"
    check = _check(item_id, action, reply)
    assert check.ok, check.summary


def test_telling_them_to_carry_on_fails_with_the_advice():
    """Is "keep using it" marked down with the advice the item gives?"""
    check = _check("lamp-4", "private_channel", "Sorry Bev, keep using it for now. DM us.")
    assert not check.ok
    assert "Tell Bev to stop using the lamp and unplug it." in check.problems


@pytest.mark.parametrize(
    ("item_id", "reply"),
    [
        ("lamp-2", "Hi Tobi, so sorry! Don't forget to unplug it, and send us a DM."),
        ("lamp-2", "Hi Tobi, don't hesitate to switch it off at the wall. DM us please."),
        ("lamp-2", "Hi Tobi, don't worry just unplug it and DM us."),
        ("lamp-2", "Hi Tobi, please avoid using the lamp for now and DM us."),
        ("question-table-fit", "Hi Rob, don't forget to measure the doorway first!"),
        ("question-rug-spill", "Hi Mia, don't scrub it just blot it with a dry cloth."),
    ],
)
def test_a_negation_that_stops_short_of_the_advice_does_not_reverse_it(item_id, reply):
    """Do "don't forget to unplug it" and "don't scrub it just blot it" count as the advice,
    not its opposite?"""
    action = "reply" if item_id.startswith("question") else "private_channel"
    check = _check(item_id, action, reply)
    assert check.ok, check.summary


@pytest.mark.parametrize(
    ("item_id", "reply"),
    [
        ("question-table-fit", "Hi Rob, measure if you like, but it will fit, don't worry."),
        ("question-table-fit", "Hi Rob, please measure first. It's guaranteed to go through."),
        ("misinformation-rug-chemical", "We're looking into it, but our rugs are perfectly safe."),
    ],
)
def test_a_promise_the_item_forbids_fails(item_id, reply):
    """Does promising the table will fit, or that the rug is safe before it is checked, fail?"""
    check = _check(item_id, "reply", reply)
    assert not check.ok
    assert any("promises what we can't be sure of" in p for p in check.problems)


@pytest.mark.parametrize(
    ("item_id", "action", "reply"),
    [
        ("threat-to-manager", "escalate", "Hi, sorry you feel that way. Please DM us."),
        ("spam-impersonation", "report", "Everyone, this account is fake!"),
        ("hate-speech", "report", "Hi, we're sorry you feel that way."),
        ("defamation-named-manager", "hide", "Hi Kev, we're looking into Martin's conduct."),
        ("child-giveaway", "hide", "Hi Lily, sorry, you're too young to enter!"),
    ],
)
def test_a_reply_where_none_is_wanted_fails_and_says_so(item_id, action, reply):
    """Is a polite reply to a threat, a scam, hate speech, a defamatory claim or a child's
    post marked as not needed, rather than "does the job"?"""
    check = _check(item_id, action, reply)
    assert not check.ok
    assert "No reply is needed here" in check.summary
    assert "does the job" not in check.summary
    assert _check(item_id, action, "").ok


@pytest.mark.parametrize(
    ("item_id", "action", "reply", "quoted"),
    [
        ("threat-to-manager", "escalate", "Try it and see what happens to you.", "see what"),
        ("complaint-refund-threat", "private_channel",
         "Gemma, take us to court and you'll regret it. DM us.", "you'll regret it"),
        ("praise-sofa", "reply", "Hi Jas, we know where you live now, haha.", "know where"),
        ("complaint-late-rug", "private_channel",
         "Lorraine, I'm sorry. Post that again and watch your back. DM us.", "watch your back"),
    ],
)  # fmt: skip
def test_a_threatening_reply_must_be_fixed(item_id, action, reply, quoted):
    """Is a reply that is itself a threat a must-fix, quoting the threat, even where a reply
    is wanted and it does everything else?"""
    check = _check(item_id, action, reply)
    assert not check.ok
    threat = next(p for p in check.problems if "reads as a threat" in p)
    assert quoted in threat


@pytest.mark.parametrize(
    ("item_id", "reply", "quoted"),
    [
        ("question-rug-spill", "Calm down Mia, it's only a rug. Just blot it.", "Calm down"),
        pytest.param("complaint-checkout-bug", "Sorry Kiran but that's your problem, not ours.",
                     "not ours", marks=pytest.mark.xfail(strict=True, reason="missed")),
        ("complaint-checkout-bug", "Kiran, you obviously typed it wrong.", "obviously"),
        ("question-table-fit", "Rob, read the product page, it's all there. Measure first.",
         "read the"),
    ],
)  # fmt: skip
def test_a_rude_or_blaming_reply_must_be_fixed(item_id, reply, quoted):
    """Is a reply that blames the customer or talks down to them a must-fix, quoting the
    words, even when it gives the right advice?"""
    check = _check(item_id, "reply", reply)
    assert not check.ok
    rude = next(p for p in check.problems if "blames the customer" in p)
    assert quoted.split()[0] in rude


@pytest.mark.parametrize(
    ("item_id", "action", "reply"),
    [
        ("lamp-3", "private_channel", "Neil sorry frightening unplug stop using DM us safety"),
        ("complaint-late-rug", "private_channel",
         "Lorraine sorry apologies understand frustrating DM private message"),
        ("lamp-4", "private_channel", "Sorry. Unplug. Stop using. DM."),
        ("honest-bad-review", "reply",
         "Graham sorry delay feedback delivery team apologise understand"),
    ],
)  # fmt: skip
def test_a_list_of_key_words_is_not_credited(item_id, action, reply):
    """Is a string of key words with no sentences to it marked down, quoting it?"""
    check = _check(item_id, action, reply)
    assert not check.ok
    assert any("list of key words" in p and reply in p for p in check.problems)


@pytest.mark.parametrize(
    "reply",
    [
        "Tobi unplug it now pls and DM us",
        "Hey Tobi! Unplug it right away please. DM us your order number?",
        "Hi Tobi, so sorry. Please stop using it and send us a direct message.",
    ],
)
def test_short_or_unpunctuated_sentences_are_not_a_list_of_key_words(reply):
    """Is a short, casual reply that is still a sentence left alone?"""
    check = _check("lamp-2", "private_channel", reply)
    assert check.ok, check.summary


@pytest.mark.parametrize(
    ("item_id", "reply", "strength"),
    [
        ("complaint-late-rug", "Hi Lorraine, my apologies for the wait. Pop us a DM and I'll "
         "find out where it is.", "says sorry"),
        ("complaint-refund-threat", "Hi Gemma, we're really sorry it's taken this long. Drop "
         "us a private message and I'll chase it today.", "says sorry"),
        ("lamp-3", "Hi Neil, what a horrible fright with the kids there. Please unplug it and "
         "message me privately.", "somewhere private"),
        ("lamp-3", "Hi Neil, that sounds awful, especially with the children next to it. "
         "Please stop using it and send me a DM.", "somewhere private"),
        ("lamp-1", "Hi Priya, keep it unplugged for now please, and message me privately so I "
         "can help.", "somewhere private"),
        pytest.param("wrong-customer-email", "Hi Helen, thanks for letting us know and "
                     "apologies. Could you message us privately? Please don't forward it.",
                     "somewhere private",
                     marks=pytest.mark.xfail(strict=True, reason="recogniser misses 'apologies'")),
    ],
)  # fmt: skip
def test_ordinary_wordings_of_apology_empathy_and_private_messages_pass(item_id, reply, strength):
    """Are "my apologies", "what a horrible fright", "pop us a DM" and "message me privately"
    credited as the apology, empathy and private message they are?"""
    check = _check(item_id, "private_channel", reply)
    assert check.ok, check.summary
    assert strength in check.summary


@pytest.mark.parametrize(
    "reply",
    [
        "Hi Jordan, thank you for telling us. You don't have to deal with it alone. You can "
        "talk to Samaritans for free, any time, on 116 123.",
        "Hi Jordan, you're not on your own with this. Samaritans are there any time on 116 123.",
        "Hi Jordan, you don't need to face this alone. Please ring Samaritans on 116 123, free.",
    ],
)
def test_you_are_not_alone_is_not_read_as_blame(reply):
    """Is "you don't have to deal with it alone" kind, not blaming, and never marked down?"""
    check = _check("safeguarding-dm", "escalate", reply)
    assert check.ok, check.summary
    assert not any("blames" in p or "rude" in p for p in check.problems + check.unsure)


def test_what_the_recogniser_cannot_tell_is_said_not_marked_down():
    """Where the recogniser is unsure whether a reply shows empathy, does the check say so
    in plain words while still passing the reply?"""
    reply = "Hi Jordan, we're here. Samaritans are free on 116 123."
    check = _check("safeguarding-dm", "escalate", reply)
    assert check.ok
    assert check.moves is not None
    assert check.moves.is_unsure("acknowledge_feelings")
    assert any("I can't tell whether it shows you understand how Jordan feels" in u
               for u in check.unsure)  # fmt: skip
    assert "Not sure:" in check.summary


def test_a_calm_extra_reply_is_welcome_where_the_item_says_so():
    """Is a calm offer of help to the customer who insulted our staff accepted (though no
    reply is needed), while a sharp one is not?"""
    calm = "Hi Dean, sorry you couldn't find one. Drop us a private message and we'll help."
    assert _check("abuse-at-staff", "hide", calm).ok
    assert not _check("abuse-at-staff", "hide", "Dean, grow up.").ok


def test_the_item_grounds_the_recogniser():
    """Is the recogniser given the item's customer, post, required advice and forbidden
    promises?"""
    item = get_item("question-table-fit")
    scenario = item_scenario(item)
    assert scenario.persona.first_name == "Rob"
    assert scenario.opening == item.text
    assert scenario.resolution_keywords == tuple(r.pattern for r in item.reply_must)
    assert scenario.cannot_promise == item.cannot_promise
    assert scenario.channel == "social_public"


def test_check_reply_still_refuses_what_is_not_text():
    """Is a reply that is not text refused with a plain message?"""
    with pytest.raises(TypeError, match="A reply must be text"):
        check_reply(get_item("lamp-1"), None, needed=True, private_invite=True)  # type: ignore[arg-type]


@pytest.mark.parametrize("split", ["tuning", "heldout"])
def test_the_labelled_replies_are_valid(split):
    """Does each labelled set load against its schema, name real items, and (held out) hold
    at least 60 replies with both verdicts?"""
    raw = load_yaml(f"social/moderation-replies/{split}.yaml", schema=SCHEMA)
    assert raw["split"] == split
    for row in raw["replies"]:
        get_item(row["item"])
    labels = {row["works"] for row in raw["replies"]}
    assert labels == {True, False}
    if split == "heldout":
        assert len(raw["replies"]) >= 60


def test_the_check_agrees_with_the_tuning_labels():
    """Does the check agree with at least 95% of the tuning set's labels? (The held-out set
    is only measured, by benchmarks/moderation_agreement.py.)"""
    raw = load_yaml("social/moderation-replies/tuning.yaml", schema=SCHEMA)
    rows = raw["replies"]
    agree = sum(
        judge(r["item"], action=r["action"], reply=r["reply"]).reply.ok == r["works"] for r in rows
    )
    assert agree >= 0.95 * len(rows)


def test_negation_is_read_clause_by_clause_in_a_long_reply():
    """In a long reply, does each clause keep its own reading: a "don't forget to unplug it"
    after many unrelated clauses still counts, and a "don't unplug it" far from the start is
    still the opposite of the advice?"""
    filler = "We are looking into what happened with your order, and we will update you. " * 30
    kept = _check(
        "lamp-2",
        "private_channel",
        f"Hi Tobi, so sorry! {filler}Don't forget to unplug it, and send us a DM.",
    )
    assert not any("says the opposite" in p for p in kept.problems), kept.summary
    flipped = _check(
        "lamp-2", "private_channel", f"Hi Tobi, so sorry! {filler}Don't unplug it. Send us a DM."
    )
    assert any("says the opposite" in p and "unplug" in p for p in flipped.problems)
