"""Spelling (British word list) and simple grammar checks."""

from __future__ import annotations

import pytest

from coursework_kit.chat.spelling import grammar_issues, misspelt


def test_misspellings_found_once_each_in_order():
    """Are misspelt words reported as written, once each, in order?"""
    assert misspelt("We recieve it, we recieve it definately") == ["recieve", "definately"]


@pytest.mark.parametrize(
    "text",
    [
        "Your order HP-10482 goes to LS6 2QT.",  # codes
        "Evri will collect it from Kelso Road.",  # names in mid-sentence
        "I've emailed the postcode to the courier.",  # extra words, contractions
        "The customer's sofa and the customers' chairs.",  # possessives
        "We apologize for the color.",  # American spellings are not errors
        "It's a well-known, good-quality table.",  # hyphenated words
    ],
)
def test_things_that_are_not_misspellings(text):
    """Are codes, names, possessives, hyphens and American spellings left alone?"""
    assert misspelt(text) == []


def test_allowed_words():
    """Can a caller allow extra words, such as the customer's unusual name?"""
    assert misspelt("Zyxqa said thanks.") == ["Zyxqa"]
    assert misspelt("Zyxqa said thanks.", allowed=["zyxqa"]) == []


@pytest.mark.parametrize(
    ("text", "issue"),
    [
        ("i will check", "capital letter"),
        ("You should of asked", '"have"'),
        ("I will will check", "twice"),
        ("Really?!?", "more than one"),
        ("Thanks , Sam", "space before"),
        ("thanks for waiting", "start with a capital"),
    ],
)
def test_grammar_slips(text, issue):
    """Are the common slips found and described in plain words?"""
    assert any(issue in found for found in grammar_issues(text))


def test_clean_text_has_no_grammar_issues():
    """Does a well-written reply have no grammar issues?"""
    assert grammar_issues("Thanks for waiting, Sam. I'll check that now.") == []


def test_email_and_web_addresses_are_not_misspellings():
    """Are email and web addresses left alone by the spelling check?"""
    text = "Email privacy@harbourandpine.example or see www.harbourandpine.example/returns."
    assert misspelt(text) == []
