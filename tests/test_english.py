"""Does the kit's English helper get counts, articles, lists and ids right, and spot slips?"""

import pytest

from coursework_kit._english import (
    a_or_an,
    after_verdict,
    choices,
    count,
    join,
    plural,
    readable,
    slips,
)


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


@pytest.mark.parametrize(
    ("verdict", "message", "expected"),
    [
        ("Right!", "Right: the social desk can deal with it.", "The social desk can deal with it."),
        ("Right.", "Right. SEO is never finished.", "SEO is never finished."),
        ("✘ Not yet.", "Not yet: check the formula.", "Check the formula."),
        ("Not yet.", "Not so: a 3 is not satisfied.", "Not so: a 3 is not satisfied."),
        ("Right.", "Rightly or wrongly, it counts.", "Rightly or wrongly, it counts."),
        ("Right.", "Right.", ""),
    ],
)
def test_a_verdict_is_not_said_again_by_the_message(verdict, message, expected):
    """Is a message's opening that repeats the verdict shown before it left out, and only that?"""
    assert after_verdict(verdict, message) == expected
    assert slips(f"{verdict} {after_verdict(verdict, message)}".strip()) == []


def test_codes_to_type_are_quoted_and_joined():
    """Are codes a learner types listed in quotes, joined with "or"?"""
    assert choices(["team_leader", "legal"]) == "'team_leader' or 'legal'"
    assert slips(f"Use one of: {choices(['team_leader', 'pr_crisis', 'legal'])}.") == []


@pytest.mark.parametrize(
    ("text", "slip"),
    [
        ("No jargon or text-speak: No jargon or text-speak.", "said twice"),
        ("Right. Right, the CTR is 2.5%.", "said twice"),
        ("<div>Why it matters: </div>", "nothing after it"),
        ("<li>Subject: </li><li>Body: fine</li>", "nothing after it"),
        ("Only 1 replies were kept", "singular after 1"),
        ("It is an hyphen", 'use "a"'),
    ],
)
def test_more_slips_are_found(text, slip):
    """Are labels said twice, labels left empty in HTML and counts after 1 found?"""
    assert any(slip in found for found in slips(text))


@pytest.mark.parametrize(
    "text",
    [
        "Source: session 1 notes; week 1 figures; question 1 answers.",
        "Questions to answer:</p><ol><li>Why?</li></ol>",
        "<p><strong>The law behind it:</strong></p><ul><li>UK GDPR</li></ul>",
        "<td>Why:</td><td>Because.</td>",
        "Use <code>paid_social</code> or `first_name`; type 'team_leader'.",
        "Hi {first_name|there}, SampleSize(per_variant=3)",
    ],
)
def test_headings_lists_and_code_are_not_slips(text):
    """Are a numbered session, a label over a list, a table cell and code left alone?"""
    assert slips(text) == []
