"""Wrong facts in an adviser's reply, read against the screen and the knowledge base."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
import yaml

from coursework_kit.chat.facts import WrongFact, wrong_facts
from coursework_kit.chat.scenario import Scenario, load_scenario
from coursework_kit.datasets import load_yaml


@cache
def _scenario(name: str) -> Scenario:
    return load_scenario(name)


def _kinds(reply: str, scenario: str, **kwargs: str) -> list[str]:
    return [w.kind for w in wrong_facts(reply, _scenario(scenario), **kwargs)]


@pytest.mark.parametrize(
    ("scenario", "reply", "kinds"),
    [
        # Couriers: one the screen does not show, where it shows another.
        ("late-delivery", "Your parcel is with Yodel at the moment.", ["courier"]),
        ("damaged-item", "Evri dropped it off on Friday.", ["courier"]),
        # Dates that contradict what the screen says happened when.
        ("damaged-item", "It was delivered on Monday 16 November.", ["date"]),
        ("damaged-item", "You placed the order on Wednesday 11 November.", ["date"]),
        ("late-refund", "We received the rug back on Thursday 12 November.", ["date"]),
        ("late-refund", "Your refund was issued on Friday 13 November.", ["date"]),
        ("late-delivery", "Your order was placed on Sunday 1 March.", ["date"]),
        ("missing-item", "Your throw is due today.", ["date"]),  # due tomorrow
        # Amounts and charges.
        ("damaged-item", "The mirror cost £64.00.", ["amount"]),
        ("product-question", "Delivery is free for this table.", ["delivery_charge"]),
        # Sizes.
        ("product-question", "The table is 170 × 85 cm.", ["size"]),
        ("product-question", "It measures 200 by 100 cm.", ["size"]),
        # Timescales the screen or the knowledge base gives otherwise.
        ("account-access", "The lock stays on for 2 hours.", ["timescale"]),
        ("data-request", "The team will reply within 40 days.", ["timescale"]),
        ("late-refund", "Refunds take 24 hours to show.", ["timescale"]),
        ("product-question", "It'll be delivered in 2 to 3 working days.", ["timescale"]),
    ],
)
def test_contradicted_facts_are_found(scenario, reply, kinds):
    """Is a courier, date, amount, size, charge or timescale that contradicts the screen or
    the knowledge base found, as the right kind?"""
    assert _kinds(reply, scenario) == kinds


@pytest.mark.parametrize(
    ("scenario", "reply"),
    [
        ("late-delivery", "It's with Evri, last scanned at the Leeds depot on Wednesday 4 March."),
        ("late-delivery", "It was due on Tuesday 3 March, so it is late."),
        ("damaged-item", "DPD delivered it on Friday 13 November, signed for by G Okafor."),
        ("damaged-item", "It was delivered on Friday."),  # the weekday agrees
        ("damaged-item", "The mirror cost £46.00 and delivery was free."),
        ("late-refund", "The refund of £48.00 was issued on Monday 16 November."),
        ("late-refund", "Banks take 3 to 5 working days to show a refund."),
        ("missing-item", "Your throw is with Royal Mail and due tomorrow."),
        ("missing-item", "The cushions were delivered today by Evri."),
        ("account-access", "The lock clears by itself after 30 minutes, or I can unlock it now."),
        ("data-request", "The data protection team will reply within one month."),
        (
            "product-question",
            "It's 180 × 90 cm and 76 cm high. The biggest box is 186 × 96 × 10 cm.",
        ),
        ("product-question", "Two-person delivery is £39.00 and takes 5 to 10 working days."),
        ("social-dm-return", "You have 30 days from delivery, so until Thursday 3 December."),
    ],
)
def test_true_facts_are_not_findings(scenario, reply):
    """Does a reply that states the screen's facts correctly have no wrong fact?"""
    assert wrong_facts(reply, _scenario(scenario)) == []


@pytest.mark.parametrize(
    ("scenario", "reply"),
    [
        ("damaged-item", "Was it delivered on Monday 16 November?"),  # a question
        ("damaged-item", "It wasn't delivered on Monday 16 November, it came on the Friday."),
        ("damaged-item", "You said it was delivered on Monday 16 November, is that right?"),
        ("damaged-item", "I'll refund £20 as a goodwill gesture."),  # an offer: the remit check's
        ("product-question", "Our care kit has everything you need."),  # says nothing checkable
        ("late-delivery", "It's due today."),  # the screen does not say what today is
        ("account-access", "I'll get back to you within 10 minutes."),  # a promise, no topic
        ("account-access", "I'll send a reset email now. It should arrive within 10 minutes."),
        ("late-delivery", "I'll text you a link; it should arrive in 2 minutes."),
        ("late-delivery", "I've chased the courier, who replies within 2 working days."),
        ("damaged-item", "Delivered 4 days ago, so you're well within 30 days."),
        ("product-question", "If your hallway is 85 cm wide, measure the corner first."),
    ],
)
def test_things_that_are_not_statements_of_wrong_fact(scenario, reply):
    """Are questions, negations, the customer's claims repeated, offers, promises and
    figures about something else left alone?"""
    assert wrong_facts(reply, _scenario(scenario)) == []


def test_the_customers_own_figures_are_theirs():
    """Is an amount or size the customer gave, repeated back, not the adviser's wrong fact?"""
    late = _scenario("late-delivery")
    assert _kinds("It's £95 on the receipt.", "late-delivery") == ["amount"]
    assert wrong_facts("It's £95 on the receipt.", late, customer_message="I paid £95!") == []


def test_a_wrong_amount_on_the_order(make_scenario):
    """Is "£45" a wrong fact when the order on screen was £54.99, and £54.99 not?"""
    scenario = make_scenario(
        facts=[{"label": "Order", "value": "HP-10482, placed Saturday 28 February: £54.99"}],
        kb=[],
    )
    assert [w.kind for w in wrong_facts("Your order came to £45.", scenario)] == ["amount"]
    assert wrong_facts("Your order came to £54.99.", scenario) == []


def test_the_courier_finding_reads_as_before():
    """Does the courier finding say which courier the reply names and which the screen shows,
    as the chat's rule check always has?"""
    (found,) = wrong_facts("It's with DPD.", _scenario("late-delivery"))
    assert found == WrongFact(
        "courier",
        "DPD",
        "Evri",
        "The reply names DPD as the courier, but the screen shows Evri. "
        "Check the facts before you tell the customer.",
    )
    assert str(found).endswith("('DPD')")


@pytest.mark.parametrize(
    ("scenario", "reply", "kinds"),
    [
        (
            "damaged-item",
            "It was delivered by Royal Mail on Monday 16 November. It cost £64.00.",
            ["courier", "date", "amount"],
        ),
        (
            "product-question",
            "It's 170 × 85 cm. Delivery is free. It will be delivered in 2 working days.",
            ["size", "delivery_charge", "timescale"],
        ),
    ],
)
def test_every_finding_quotes_the_reply_and_explains(scenario, reply, kinds):
    """Does each finding quote the reply's own words and say what to check, in plain words?"""
    found = wrong_facts(reply, _scenario(scenario))
    assert [w.kind for w in found] == kinds
    for w in found:
        assert w.quote
        assert w.quote in reply
        assert "Check" in w.message


def test_no_false_alarms_in_the_model_chats():
    """Do the model chats (each scenario answered well) state no wrong fact?"""
    chats = yaml.safe_load((Path(__file__).parent / "model_chats.yaml").read_text("utf-8"))
    found = {
        (name, reply): wrong_facts(reply, _scenario(name))
        for name, replies in chats.items()
        for reply in replies
    }
    assert len(found) > 20
    assert {k: v for k, v in found.items() if v} == {}


def test_no_false_alarms_on_the_tuning_messages():
    """Does the reader raise no wrong fact on any tuning-split message labelled right?"""
    entries = load_yaml("chat/corpus/messages-tuning.yaml")
    alarms = [
        e["id"]
        for e in entries
        if not e["wrong_fact"]
        and wrong_facts(e["text"], _scenario(e["scenario"]), customer_message=e["after"])
    ]
    assert alarms == []


def test_learners_copies_are_checked_against_their_own_details():
    """In a learner's own copy of a scenario, are their own figures right and the scenario's
    original ones (a classmate's) checked like any other?"""
    own = _scenario("damaged-item").for_learner("learner-7")
    order = next(f.value for f in own.facts if f.label == "Order")
    price = order.split("£")[1].split(".")[0]
    assert price != "46"  # this learner's mirror costs something else
    assert wrong_facts(f"The mirror cost £{price}.00.", own) == []
    assert [w.kind for w in wrong_facts("The mirror cost £46.00.", own)] == ["amount"]


def test_a_reply_must_be_text():
    """Is a reply that is not text refused with a clear message?"""
    with pytest.raises(TypeError, match="must be text"):
        wrong_facts(None, _scenario("late-delivery"))  # type: ignore[arg-type]
