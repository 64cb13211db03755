"""Does the kit's English helper get counts, articles, lists and ids right, and spot slips?"""

import pytest

from coursework_kit._english import a_or_an, count, join, plural, readable, slips


@pytest.mark.parametrize(
    ("number", "noun", "expected"),
    [
        (0, "learner", "0 learners"),
        (1, "learner", "1 learner"),
        (2, "reply", "2 replies"),
        (1, "reply", "1 reply"),
        (3, "day", "3 days"),
        (2, "criterion", "2 criteria"),
        (4, "match", "4 matches"),
        (1500, "character", "1,500 characters"),
        (0.5, "hour", "0.5 hours"),
    ],
)
def test_counts_take_the_singular_only_for_one(number, noun, expected):
    """Is the noun singular for exactly one and plural for 0, fractions and many?"""
    assert count(number, noun) == expected
    assert slips(expected) == []


@pytest.mark.parametrize(
    ("phrase", "article"),
    [
        ("80% chance", "an"),
        ("8 week plan", "an"),
        ("11% rise", "an"),
        ("18-month plan", "an"),
        ("800 visitors", "an"),
        ("8,000 visitors", "an"),
        ("11,000 visitors", "an"),
        ("1% rise", "a"),
        ("110-day wait", "a"),
        ("1,100 visitors", "a"),
        ("50% chance", "a"),
        ("email", "an"),
        ("open rate", "an"),
        ("unsubscribe link", "an"),
        ("user", "a"),
        ("European customer", "a"),
        ("one-off offer", "a"),
        ("hour", "an"),
        ("honest answer", "an"),
        ("SMS", "an"),
        ("FAQ", "an"),
        ("URL", "a"),
        ("CTA", "a"),
    ],
)
def test_a_or_an_goes_by_the_sound(phrase, article):
    """Is "a" or "an" chosen by how the next word is said, numbers included?"""
    assert a_or_an(phrase) == f"{article} {phrase}"
    assert slips(a_or_an(phrase)) == []


def test_lists_and_ids_read_as_words():
    """Are lists joined with commas and "and"/"or", and ids turned into words?"""
    assert join(["email", "SMS", "post"]) == "email, SMS and post"
    assert join(["email", "", "SMS"], last="or") == "email or SMS"
    assert readable("paid_social") == "paid social"
    assert readable("organic-social") == "organic social"
    assert readable("cac", {"cac": "CAC"}) == "CAC"
    assert plural("company") == "companies"
    assert plural("box", 1) == "box"


@pytest.mark.parametrize(
    ("text", "slip"),
    [
        ("Criteria report for 1 learners written", "1 learners"),
        ("The title is only 1 characters.", "1 characters"),
        ("You wrote 1 descriptions.", "1 descriptions"),
        ("To have a 80% chance of spotting it", "a 80%"),
        ("an 5% rise", "an 5%"),
        ("a email", "a email"),
        ("an campaign", "an campaign"),
        ("Right. Right.", "Right. Right."),
        ("Cost per click for paid_social is high", "paid_social"),
        ("<li>Subject too short<br><em>Why it matters:</em> </li>", "Why it matters:"),
    ],
)
def test_slips_are_found(text, slip):
    """Does the checker find each kind of slip a reader would notice?"""
    found = slips(text)
    assert len(found) == 1
    assert slip in found[0]


@pytest.mark.parametrize(
    "text",
    [
        "1 learner, 2 learners and 11 learners",
        "Add 1 pass to the list; 1 class; 1 address.",
        "Edit nbgrader_config.py, then run coursework_kit.tutor.",
        "Email a_b@example.com about it.",
        "Why it matters: people skim.",
        "£1 coupons and 0.1 hours",
        "It's right. Right now we are busy.",
    ],
)
def test_good_english_is_not_flagged(text):
    """Is correct English (files, emails, money, near-repeats) left alone?"""
    assert slips(text) == []
