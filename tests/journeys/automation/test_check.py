"""Marketing automation journeys: shape checks, and every message checked against PECR."""

from __future__ import annotations

import pytest

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


def test_texts_without_consent_rely_on_the_soft_opt_in():
    """Consent to emails only: is the email sent on consent, and the text on the soft opt-in?"""
    result = check_journey(
        [trigger("first-order"), message("new-range", "email"), message("new-range", "sms")]
    )
    assert [s.allowed for s in result.steps] == [None, True, True]
    assert [s.verdict.rule for s in result.steps[1:]] == ["consent", "soft opt-in"]


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
