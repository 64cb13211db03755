"""Marketing automation journeys: shape checks, and every message checked against PECR."""

from __future__ import annotations

import pytest

from coursework_kit._english import slips
from coursework_kit.datasets import load_yaml
from coursework_kit.journeys import JourneyError, JourneyStep, check_journey
from coursework_kit.journeys.automation.check import journey_library


def trigger(name):
    return JourneyStep("trigger", trigger=name)


def message(name, channel="email"):
    return JourneyStep("message", message=name, channel=channel)


def test_soft_opt_in_allows_an_email_about_similar_products():
    """Basket reminder by email to a past customer who could refuse: allowed (soft opt-in)?"""
    result = check_journey(
        [trigger("basket-abandoned"), JourneyStep("wait", days=1), message("basket-reminder")]
    )
    assert result.ok
    assert result.steps[2].verdict.rule == "soft opt-in"


def test_third_party_offers_are_not_covered_by_the_soft_opt_in():
    """A partner's offer to the same people: refused, because it is not our similar product?"""
    result = check_journey([trigger("basket-abandoned"), message("partner-offer")])
    assert not result.ok
    assert result.steps[1].allowed is False
    assert "soft opt-in only covers your own similar products" in result.steps[1].reason


def test_consent_to_emails_does_not_cover_texts():
    """The first-order customers agreed to emails only: is the email sent on consent, and the
    text refused, saying permission is per channel and quoting the trigger's facts?"""
    result = check_journey(
        [trigger("first-order"), message("new-range", "email"), message("new-range", "sms")]
    )
    assert [s.allowed for s in result.steps] == [None, True, False]
    assert result.steps[1].verdict.rule == "consent"
    refused = result.steps[2]
    assert "Permission is per channel" in refused.reason
    assert "agreeing to emails does not mean agreeing to text messages" in refused.reason
    assert "no chance to refuse marketing texts" in refused.reason
    assert "soft opt-in cannot be used" in refused.reason
    assert not result.ok


@pytest.mark.parametrize(
    ("trigger_id", "message_id", "channel", "allowed", "words"),
    [
        # the examples: texts against the first-order trigger's own facts
        ("first-order", "new-range", "sms", False, "Permission is per channel"),
        ("first-order", "win-back-voucher", "sms", False, "Permission is per channel"),
        ("first-order", "basket-reminder", "sms", False, "did not agree to them"),
        ("first-order", "win-back-voucher", "email", True, "consented to marketing emails"),
        ("first-order", "dispatch-notice", "sms", True, "not direct marketing"),
        # the same box let them refuse both: the soft opt-in covers both
        ("basket-abandoned", "basket-reminder", "sms", True, "refuse marketing texts too"),
        ("basket-abandoned", "new-range", "email", True, "refuse marketing emails"),
        # consent to both channels
        ("lapsed-customer", "win-back-voucher", "sms", True, "marketing texts"),
        # no mobile number at all: nothing can be texted, not even a service message
        ("trade-enquiry", "trade-catalogue", "sms", False, "no mobile number"),
        ("trade-enquiry", "dispatch-notice", "sms", False, "no mobile number"),
        ("trade-enquiry", "trade-catalogue", "email", True, "corporate subscribers"),
        ("competition-entry", "new-range", "sms", False, "said nothing about marketing texts"),
    ],
)
def test_each_channel_is_judged_on_its_own_facts(trigger_id, message_id, channel, allowed, words):
    """Is each message judged on what the trigger says about its own channel, and does the
    verdict say why in the trigger's words?"""
    step = check_journey([trigger(trigger_id), message(message_id, channel)]).steps[1]
    assert step.allowed is allowed
    assert words in step.reason


def _allowed_by_the_facts(raw_trigger, raw_message, channel):
    """What PECR regulation 22 allows, worked out from the data by hand (not by the kit)."""
    permission = raw_trigger["channels"][channel]
    if not permission.get("held", True):
        return False
    if not raw_message["marketing"]:
        return True
    if raw_message["third_party"]:
        return False
    if raw_trigger["recipient"] == "corporate" or permission["consent"]:
        return True
    return (
        raw_trigger["existing_customer"]
        and raw_message["similar_products"]
        and permission["opt_out_offered"]
    )


RAW = load_yaml("journeys/automation.yaml", schema="journeys/automation.schema.json")


@pytest.mark.parametrize("raw_trigger", RAW["triggers"], ids=lambda t: t["id"])
def test_every_trigger_message_and_channel_agrees_with_the_facts(raw_trigger):
    """For every trigger, message and channel in the data, is the verdict what that channel's
    facts allow, and does each marketing verdict quote that channel's facts?"""
    for raw_message in RAW["messages"]:
        for channel in ("email", "sms"):
            step = check_journey(
                [trigger(raw_trigger["id"]), message(raw_message["id"], channel)]
            ).steps[1]
            expected = _allowed_by_the_facts(raw_trigger, raw_message, channel)
            where = (raw_trigger["id"], raw_message["id"], channel)
            assert step.allowed is expected, where
            facts = " ".join(raw_trigger["channels"][channel]["facts"].split())
            if raw_message["marketing"] and not raw_message["third_party"]:
                assert facts in step.reason, where
            assert slips(step.reason) == [], where


@pytest.mark.parametrize("raw_trigger", RAW["triggers"], ids=lambda t: t["id"])
def test_each_channels_facts_say_what_its_flags_say(raw_trigger):
    """Does each channel's facts talk about that channel, say "consented" only with consent,
    and does a trigger that says texts were not agreed to have no consent to texts?"""
    words = {"email": "email", "sms": "text"}
    for channel, permission in raw_trigger["channels"].items():
        facts = permission["facts"].lower()
        assert words[channel] in facts or "mobile" in facts, (raw_trigger["id"], channel)
        assert ("consented" in facts) is permission["consent"], (raw_trigger["id"], channel)
    overall = " ".join(raw_trigger["facts"].split()).lower()
    if "did not agree to marketing texts" in overall:
        assert not raw_trigger["channels"]["sms"]["consent"]


def test_the_verdicts_name_their_source_and_date():
    """Does the checked journey name PECR and the date the law reflects?"""
    page = check_journey([trigger("first-order"), message("new-range", "sms")])._repr_html_()
    assert "PECR regulations 22 and 23" in page
    assert "as at November 2026" in page
    assert "What Harbour &amp; Pine knows" in page


def test_consent_to_our_marketing_does_not_cover_a_partners_offer():
    """Even with consent to our emails, is a partner's offer refused?"""
    result = check_journey([trigger("lapsed-customer"), message("partner-offer")])
    assert result.steps[1].allowed is False
    assert "names this partner" in result.steps[1].reason


def test_a_prize_draw_list_cannot_be_marketed_to():
    """Prize-draw entrants with no consent and no sale: refused?"""
    result = check_journey([trigger("competition-entry"), message("new-range")])
    assert result.steps[1].allowed is False
    assert "need their consent" in result.steps[1].reason


def test_corporate_subscribers_and_service_messages():
    """A company address, and a dispatch notice: both allowed, for different reasons?"""
    corporate = check_journey([trigger("trade-enquiry"), message("trade-catalogue")])
    assert corporate.ok
    assert corporate.steps[1].verdict.rule == "corporate subscriber"
    service = check_journey([trigger("competition-entry"), message("dispatch-notice", "sms")])
    assert service.ok
    assert "not direct marketing" in service.steps[1].reason


@pytest.mark.parametrize(
    ("steps", "problem"),
    [
        ([message("new-range")], "Start the journey with a trigger"),
        ([trigger("first-order")], "Add at least one message"),
        (
            [trigger("first-order"), trigger("lapsed-customer"), message("new-range")],
            "only one trigger",
        ),
    ],
)
def test_badly_shaped_journeys_are_reported(steps, problem):
    """Does a journey without a trigger first, with two, or with no message say what to fix?"""
    result = check_journey(steps)
    assert not result.ok
    assert any(problem in p for p in result.problems)


@pytest.mark.parametrize(
    ("kwargs", "message_text"),
    [
        ({"kind": "email"}, "trigger, a wait or a message"),
        ({"kind": "wait", "days": 0}, "1 to 365"),
        ({"kind": "wait", "days": 1.5}, "whole number"),
        ({"kind": "message", "message": "new-range", "channel": "post"}, "'email' or 'sms'"),
    ],
)
def test_bad_steps_are_refused(kwargs, message_text):
    """Is each impossible step refused with a plain message?"""
    with pytest.raises(JourneyError, match=message_text):
        JourneyStep(**kwargs)


def test_unknown_triggers_and_messages_list_the_real_ones():
    """Does an unknown trigger or message name the ones there are?"""
    with pytest.raises(JourneyError, match=r"no trigger 'birthday'.*basket-abandoned"):
        check_journey([trigger("birthday"), message("new-range")])
    with pytest.raises(JourneyError, match="no message 'spam'"):
        check_journey([trigger("first-order"), message("spam")])


def test_every_trigger_and_message_in_the_data_can_be_checked():
    """Can every trigger be combined with every message by both channels without error?"""
    library = journey_library()
    for found in library.triggers:
        for item in library.messages:
            for channel in ("email", "sms"):
                result = check_journey([trigger(found.id), message(item.id, channel)])
                assert result.steps[1].allowed in (True, False)
                assert result.steps[1].reason
    assert "PECR" in library.introduction
