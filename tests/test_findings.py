"""The kit's one kind of finding, as every check builds it and every page shows it."""

from __future__ import annotations

import pytest

from coursework_kit.chat.rules import broken
from coursework_kit.email import Campaign, check_campaign
from coursework_kit.feedback import SEVERITIES, Feedback, Finding, counts, findings_html, ordered
from coursework_kit.journeys.mapping import JourneyMap, validate_map
from coursework_kit.search import check_search_ad, check_snippet
from coursework_kit.social.calendar import load_calendar
from coursework_kit.social.posts import check_post


def test_ordered_puts_must_fix_first():
    """Are findings ordered must fix, should fix, unsure, good, and otherwise as found?"""
    good, fix, should, unsure, fix2 = (
        Finding("good", "a", "A."),
        Finding("must fix", "b", "B."),
        Finding("should fix", "c", "C."),
        Finding("unsure", "d", "D."),
        Finding("must fix", "e", "E."),
    )
    assert ordered([good, fix, should, unsure, fix2]) == (fix, fix2, should, unsure, good)


def test_counts_names_every_severity():
    """Does counts give every severity, with 0 for those not found?"""
    found = [Finding("good", "a", "A."), Finding("good", "b", "B."), Finding("unsure", "c", "C.")]
    assert counts(found) == {"must fix": 0, "should fix": 0, "unsure": 1, "good": 2}
    assert counts([]) == dict.fromkeys(SEVERITIES, 0)


def test_the_html_shows_each_part_only_when_there_is_one():
    """Is 'Why it matters' left out when there is no reason, so no label stands empty?"""
    bare = Finding("good", "length", "120 of 280 characters.", source="X Help Centre")
    full = Finding("must fix", "alt-text", "No alt <text>.", why="Screen readers.", quote="pic")
    assert "Why it matters" not in bare._repr_html_()
    assert "Source: X Help Centre" in bare._repr_html_()
    page = full._repr_html_()
    assert "✗ Must fix" in page
    assert "No alt &lt;text&gt;." in page
    assert "<q>pic</q>" in page
    assert "<em>Why it matters:</em> Screen readers." in page
    assert findings_html([]) == ""
    assert findings_html([bare, full]).count("<li") == 2


def test_a_finding_in_words_gives_the_quote_after_the_message():
    """Does str() give the message, then the learner's own words it is about?"""
    assert str(Finding("must fix", "remit", "Too much was offered.", quote="£80")) == (
        "Too much was offered. ('£80')"
    )
    assert str(Finding("good", "greeting", "A friendly greeting.")) == "A friendly greeting."
    assert repr(Finding("good", "greeting", "Hi.")) == "[good] greeting: Hi."


@pytest.mark.parametrize(
    ("rule", "severity", "tip"),
    [
        ("data_protection", "must fix", True),
        ("remit", "must fix", True),
        ("promise", "should fix", False),
        ("template", "should fix", False),
        ("policy", "should fix", False),
        ("fact", "should fix", False),
    ],
)
def test_a_chat_rule_broken_has_one_severity(rule, severity, tip):
    """Is a data protection breach or an offer beyond the adviser's remit a must fix (with the
    tip of the criterion it costs), and every other rule broken a should fix?"""
    found = broken(rule, "Something went wrong.", quote="words", where="reply 2")
    assert (found.severity, found.check, found.quote, found.where) == (
        severity,
        rule,
        "words",
        "reply 2",
    )
    assert bool(found.why) is tip


def _every_check():
    """One result from each writing check, in the words a learner might give it."""
    campaign = Campaign(subject="Re: SALE!!!", body="", sender_name="Bob", segment="all")
    return {
        "post": check_post("BIG SALE!!! #sale #bargains", platform="instagram", has_image=True),
        "snippet": check_snippet("", "Welcome to our site."),
        "ad": check_search_ad(["BEST!!!"], ["Cheapest prices"], keyword="throws"),
        "calendar": load_calendar().review(),
        "email": check_campaign(campaign),
        "map": validate_map(JourneyMap()),
    }


@pytest.mark.parametrize("name", ["post", "snippet", "ad", "calendar", "email", "map"])
def test_every_check_speaks_the_shared_vocabulary(name):
    """Does every writing check give the kit's one Finding, on its one scale, shown with the
    shared labels (not 'To do', 'Worth improving' or 'Think about')?"""
    result = _every_check()[name]
    assert result.findings
    assert all(type(f) is Finding and f.severity in SEVERITIES for f in result.findings)
    assert all(f.check and f.message for f in result.findings)
    page = result._repr_html_()
    assert "✗ Must fix" in page
    for old in ("To do", "Worth improving", "Think about", "✘", "✔"):
        assert old not in page
    assert Feedback("x", "y", result.findings)._repr_html_().count("<li") == len(result.findings)
