"""PECR: every branch of the marketing rule and every cookie purpose."""

from __future__ import annotations

import itertools

import pytest

from coursework_kit.gdpr import (
    check_electronic_marketing,
    cookie_needs_consent,
    cookie_purposes,
    cookie_rule,
)

PEOPLE = ["individual", "sole_trader", "partnership"]


def verdict(**changes):
    args = {
        "channel": "email",
        "recipient": "individual",
        "consent": False,
        "existing_customer": False,
        "similar_products": False,
        "opt_out_offered": False,
    }
    return check_electronic_marketing(**(args | changes))


@pytest.mark.parametrize("recipient", PEOPLE)
@pytest.mark.parametrize("channel", ["email", "sms"])
def test_consent_allows(recipient, channel):
    """With consent, may a person (or sole trader, or partnership) be sent marketing?"""
    v = verdict(recipient=recipient, channel=channel, consent=True)
    assert (v.allowed, v.rule) == (True, "consent")
    assert any("opt out" in m for m in v.must_still)
    assert any("who the message is from" in m for m in v.must_still)


@pytest.mark.parametrize(
    ("existing", "similar", "opt_out"), list(itertools.product([True, False], repeat=3))
)
def test_soft_opt_in_needs_all_three_conditions(existing, similar, opt_out):
    """Without consent, is marketing allowed only when all three soft opt-in conditions hold?"""
    v = verdict(existing_customer=existing, similar_products=similar, opt_out_offered=opt_out)
    assert v.allowed == (existing and similar and opt_out)
    assert v.rule == ("soft opt-in" if v.allowed else "consent")
    if not existing:
        assert "while they were buying" in v.reason
    if not similar:
        assert "similar products" in v.reason
    if not opt_out:
        assert "simple way to refuse" in v.reason


def test_corporate_subscribers():
    """Is a company address outside regulation 22, but with GDPR and identification still due?"""
    v = verdict(recipient="corporate")
    assert (v.allowed, v.rule) == (True, "corporate subscriber")
    assert "UK GDPR still applies" in v.reason
    assert len(v.must_still) == 2


def test_sms_is_named_as_text():
    """Does the reason say 'text message' for SMS?"""
    assert "text messages" in verdict(channel="sms").reason


@pytest.mark.parametrize(
    ("change", "error", "message"),
    [
        ({"channel": "letter"}, ValueError, "email, sms"),
        ({"recipient": "charity"}, ValueError, "individual, sole_trader, partnership, corporate"),
        ({"consent": "yes"}, TypeError, "True or False"),
        ({"channel": None}, TypeError, "must be text"),
    ],
)
def test_marketing_bad_input(change, error, message):
    """Are unknown channels or recipients and wrong types refused, listing what is accepted?"""
    with pytest.raises(error, match=message):
        verdict(**change)


EXPECTED = {
    "shopping_basket": (False, "strictly necessary"),
    "security": (False, "strictly necessary"),
    "authentication": (False, "strictly necessary"),
    "load_balancing": (False, "communication"),
    "analytics": (False, "statistical purposes"),
    "preferences": (False, "appearance"),
    "advertising": (True, "none"),
    "social_media_tracking": (True, "none"),
}


@pytest.mark.parametrize(("purpose", "expected"), EXPECTED.items())
def test_cookie_purposes(purpose, expected):
    """Does each purpose need consent (or not) under the right exception?"""
    rule = cookie_rule(purpose)
    assert (cookie_needs_consent(purpose), rule.exception) == expected
    assert "Schedule A1" in rule.source
    assert rule.reason


def test_every_cookie_purpose_is_tested():
    """Is every purpose in the data covered by the table above?"""
    assert set(cookie_purposes()) == set(EXPECTED)


def test_the_2025_exceptions_keep_their_conditions():
    """Do the analytics and appearance exceptions say users must be told and able to object?"""
    for purpose in ("analytics", "preferences"):
        rule = cookie_rule(purpose)
        assert rule.duaa_changed
        assert "simple, free way to object" in rule.conditions
    assert "you need consent" in cookie_rule("analytics").conditions


@pytest.mark.parametrize(("purpose", "error"), [("tracking", ValueError), (None, TypeError)])
def test_unknown_cookie_purpose(purpose, error):
    """Is an unknown purpose refused with the list of purposes?"""
    with pytest.raises(error, match="shopping_basket"):
        cookie_needs_consent(purpose)
