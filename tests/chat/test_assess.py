"""The reply assessor: each flag, and agreement with the hand-labelled bank of replies."""

from __future__ import annotations

from functools import cache

import pytest

from coursework_kit.chat import FLAGS, assess_reply
from coursework_kit.datasets import load_yaml

# The least agreement with the hand labels each flag must keep (benchmarks/assess_agreement.py
# prints the current figures). Raising a floor is welcome; lowering one needs a reason.
AGREEMENT_FLOOR = 0.90


@cache
def bank() -> list[dict]:
    return load_yaml("chat/labelled_replies.yaml")["replies"]


def _assess(entry):
    return assess_reply(
        entry["reply"],
        customer_message=entry.get("customer_message", ""),
        customer_name=entry.get("customer_name"),
    )


def test_the_bank_is_big_and_varied():
    """Does the labelled bank hold at least 150 replies: good, poor and borderline?"""
    entries = bank()
    assert len(entries) >= 150
    assert {e["category"] for e in entries} == {"good", "poor", "borderline"}
    for flag in FLAGS:
        assert any(e["flags"][flag] for e in entries), f"no reply shows {flag}"
        assert not all(e["flags"][flag] for e in entries), f"every reply shows {flag}"


@pytest.mark.parametrize("flag", FLAGS)
def test_agreement_with_hand_labels(flag):
    """Does this flag agree with the hand labels on at least 90% of the bank?"""
    entries = bank()
    agree = sum(getattr(_assess(e), flag) == e["flags"][flag] for e in entries)
    assert agree / len(entries) >= AGREEMENT_FLOOR, f"{flag}: {agree}/{len(entries)}"


@pytest.mark.parametrize("field", ["jargon", "spelling_errors"])
def test_list_agreement_with_hand_labels(field):
    """Do the jargon and spelling lists match the hand labels exactly on at least 90% of replies?"""
    entries = bank()
    agree = sum(sorted(getattr(_assess(e), field)) == sorted(e[field]) for e in entries)
    assert agree / len(entries) >= AGREEMENT_FLOOR, f"{field}: {agree}/{len(entries)}"


def test_sentiment_traps_from_the_design():
    """Is sorrow about a damaged order empathy (not negative), and 'read the T&Cs' negative?"""
    sorry = assess_reply("I'm so sorry to hear your order arrived damaged.")
    assert sorry.empathy
    assert sorry.apology
    assert not sorry.blame_or_negative
    rude = assess_reply("Not my problem, read the T&Cs")
    assert rude.blame_or_negative
    assert not rude.positive_language
    assert rude.jargon == ["T&Cs"]


@pytest.mark.parametrize(
    "word",
    [
        "apologise",
        "colour",
        "organisation",
        "authorised",
        "realise",
        "cancelled",
        "favourite",
        "centre",
        "catalogue",
    ],
)
def test_british_spellings_are_correct(word):
    """Are British spellings accepted as correct?"""
    assert assess_reply(f"We {word} it.").spelling_errors == []


def test_blame_loses_positive_language_even_with_i_can():
    """Does 'there's nothing I can do' count as negative rather than positive?"""
    a = assess_reply("Sorry, but there's nothing I can do about that.")
    assert a.blame_or_negative
    assert not a.positive_language


def test_explained_abbreviation_is_not_jargon():
    """Is an abbreviation explained straight after it left alone?"""
    assert assess_reply("I'll email you an RMA (returns authorisation) number.").jargon == []
    assert assess_reply("I'll email you an RMA number.").jargon == ["RMA"]


def test_customer_name_in_several_forms():
    """Are the first name, full name and title with surname all counted?"""
    for reply in ("Thanks Priya.", "Thanks, Priya Shah.", "Thank you, Ms Shah."):
        assert assess_reply(reply, customer_name="Priya Shah").uses_customer_name
    assert not assess_reply("Thanks Sam.", customer_name="Priya Shah").uses_customer_name


def test_paraphrase_needs_the_customers_words():
    """Is 'so, just to check' a paraphrase only when it reflects the customer's message?"""
    message = "My oak table arrived yesterday with a cracked leg"
    assert assess_reply(
        "So just to check, the table arrived with a cracked leg?", customer_message=message
    ).paraphrase
    assert not assess_reply(
        "So just to check, what is your postcode?", customer_message=message
    ).paraphrase


def test_evidence_quotes_the_words_found():
    """Does each flag that is on carry the words that showed it?"""
    a = assess_reply("Hello, for security can you confirm your postcode?")
    assert a.evidence["greeting"].lower().startswith("hello")
    assert "security" in a.evidence["identity_check"].lower()


def test_not_text_is_refused():
    """Is a reply that is not text refused with a TypeError?"""
    with pytest.raises(TypeError, match="must be text"):
        assess_reply(42)
