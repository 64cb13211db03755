"""The kit's one kind of finding, as every check builds it and every page shows it."""

from __future__ import annotations

import pytest

from coursework_kit.chat.rules import broken
from coursework_kit.email import Campaign, check_campaign
from coursework_kit.feedback import (
    SEVERITIES,
    Feedback,
    Finding,
    SelfCheck,
    counts,
    findings_html,
    ordered,
)
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
    assert repr(Finding("good", "greeting", "Hi.")) == "[good] Hi."


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


@pytest.mark.parametrize(
    "finding",
    [
        Finding("must fix", "active_listening", "The problem was never put back to the customer."),
        Finding("should fix", "pecr", "Step 2 must not be sent.", where="step 2"),
        Finding("good", "crm", "The CRM record is complete."),
    ],
)
def test_a_findings_repr_says_its_severity_and_message_not_its_id(finding):
    """Does repr() show "[must fix] The problem was ...", never the check's id?"""
    assert repr(finding) == f"[{finding.severity}] {finding.message}"
    assert finding.check not in repr(finding)
    assert repr(Feedback(activity="x", summary="S.", findings=(finding,))) == (
        f"S.\n  [{finding.severity}] {finding.message}"
    )


@pytest.mark.parametrize(
    ("check", "shown"),
    [
        (
            SelfCheck(True, "Right. CTR is clicks ÷ impressions."),
            "Right! CTR is clicks ÷ impressions.",
        ),
        (
            SelfCheck(True, "Right: the social desk can deal with it."),
            "Right! The social desk can deal with it.",
        ),
        (SelfCheck(True, "Right!"), "Right!"),
        (
            SelfCheck(True, "2.5% is the click-through rate."),
            "Right! 2.5% is the click-through rate.",
        ),
        (
            SelfCheck(False, "Not yet: divide clicks by impressions."),
            "Not yet. Divide clicks by impressions.",
        ),
        (SelfCheck(False, "not yet. Try again"), "Not yet. Try again"),
        (
            SelfCheck(False, "Not so: a 3 is not satisfied."),
            "Not yet. Not so: a 3 is not satisfied.",
        ),
        (
            SelfCheck(False, "Type your answer in place of None.", answered=False),
            "Type your answer in place of None.",
        ),
    ],
)
def test_a_self_check_says_its_verdict_once(check, shown):
    """Does a self-check whose message opens with its verdict say the verdict only once, and an
    unanswered one say only what to do?"""
    assert repr(check) == shown
