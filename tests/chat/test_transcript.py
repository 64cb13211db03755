"""Whole-chat assessment: each criterion, not-applicable cases, timings, bad input."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from coursework_kit.chat import assess_transcript
from coursework_kit.chat.transcript import criteria_catalogue
from coursework_kit.errors import CourseworkError

START = datetime(2026, 3, 5, 10, 0, 0)

GOOD = [
    ("customer", "Hi, my order was supposed to arrive on Tuesday and it still hasn't turned up."),
    (
        "agent",
        "Hi Priya, thanks for contacting Harbour & Pine. I'm sorry to hear that, I can "
        "understand how frustrating it is.",
    ),
    ("customer", "It is!"),
    ("agent", "So just to check, your order was due on Tuesday and hasn't arrived yet?"),
    ("customer", "Yes."),
    ("agent", "For security, can you confirm your order number and postcode, please?"),
    ("customer", "HP-10482, LS6 2QT."),
    (
        "agent",
        "Thank you. It's with Evri. I'll chase the courier now and email you by 5pm "
        "today. Does that sound OK?",
    ),
    ("customer", "Yes, thanks."),
    ("agent", "Is there anything else I can help you with today? Thanks for contacting us."),
]


def timed(turns, gaps):
    at, result = START, []
    for (speaker, text), gap in zip(turns, gaps, strict=True):
        at += timedelta(seconds=gap)
        result.append((speaker, text, at))
    return result


def test_every_criterion_met_in_a_good_chat(make_scenario):
    """Does a good chat meet every criterion that applies, with quoted evidence?"""
    report = assess_transcript(GOOD, scenario=make_scenario())
    assert list(report.criteria) == list(criteria_catalogue())
    missed = {k: c.evidence for k, c in report.criteria.items() if c.met is False}
    assert missed == {}
    assert report.criteria["escalation"].met is None  # not needed in this chat
    assert report.score == 100
    assert report.criteria["identity_verification"].evidence.startswith("“For security")
    assert report.improvements == []


def test_a_poor_chat(make_scenario):
    """Does a poor chat miss the right criteria, with evidence of why and tips to improve?"""
    turns = [
        ("customer", "Where is my order? It was due on Tuesday."),
        ("agent", "its with evri, read the T&Cs pls"),
        ("customer", "What?"),
        ("agent", "Not my problem."),
    ]
    report = assess_transcript(turns, scenario=make_scenario())
    met = {k: c.met for k, c in report.criteria.items()}
    assert met["greeting"] is False
    assert met["identity_verification"] is False
    assert "data protection breach" in report.criteria["identity_verification"].evidence
    assert met["positive_language"] is False
    assert "Negative or blaming" in report.criteria["positive_language"].evidence
    assert sorted(report.criteria["no_jargon"].evidence.split(": ")[1].split(", ")) == [
        "T&Cs",
        "pls",
    ]
    assert met["spelling_grammar"] is False
    assert report.score == 0
    assert 2 <= len(report.improvements) <= 3
    assert report.improvements[0].startswith("Account details were given before")


def test_without_a_scenario_checks_that_need_one_do_not_apply():
    """Without a scenario, are identity checks and escalation 'not applicable' unless used?"""
    report = assess_transcript(GOOD[:2])
    assert report.criteria["escalation"].met is None
    with_check = assess_transcript(GOOD)
    assert with_check.criteria["identity_verification"].met is True


def test_escalation_needed_but_missing(make_scenario):
    """When the scenario needs escalating and the adviser does not, is it not met?"""
    report = assess_transcript(GOOD, scenario=make_scenario(needs={"escalation": True}))
    assert report.criteria["escalation"].met is False


def test_over_remit_offer_fails_escalation(make_scenario):
    """Is an offer above the adviser's limit reported under escalation?"""
    turns = [*GOOD[:7], ("agent", "I can refund you £89 right now.")]
    report = assess_transcript(turns, scenario=make_scenario())
    assert report.criteria["escalation"].met is False
    assert "above the £50" in report.criteria["escalation"].evidence


def test_public_complaint_needs_a_private_channel(make_scenario):
    """On a public complaint, does signposting need an invitation to a private message?"""
    scenario = make_scenario(needs={"private_channel": True})
    assert assess_transcript(GOOD, scenario=scenario).criteria["signposting"].met is False
    moved = [*GOOD, ("agent", "Please send us a direct message so we can help privately.")]
    assert assess_transcript(moved, scenario=scenario).criteria["signposting"].met is True


def test_abusive_chat_is_judged_on_the_warning(make_scenario):
    """In an abusive chat, is closing judged on the warning? An abusive customer still
    deserves help, so a chat that only warns and ends has not dealt with the problem."""
    scenario = make_scenario(needs={"warning_then_end": True, "verification": False})
    turns = [
        ("customer", "You lot are useless idiots."),
        ("agent", "Please don't use that language. If it continues I'll end this chat."),
        ("customer", "Idiots."),
        ("agent", "I'm now ending this chat."),
    ]
    report = assess_transcript(turns, scenario=scenario)
    assert report.criteria["closing"].met is True
    assert report.criteria["resolves_query"].met is False


def test_timings(make_scenario):
    """Are first, average and handling times worked out from the customer's waits?"""
    gaps = [0, 20, 5, 30, 5, 10, 15, 40, 5, 10]
    report = assess_transcript(timed(GOOD, gaps), scenario=make_scenario())
    assert report.response_times == [20, 30, 10, 40, 10]
    assert report.first_response_seconds == 20
    assert report.average_response_seconds == pytest.approx(22)
    assert report.handling_seconds == sum(gaps)


def test_times_as_iso_text():
    """Are timestamps given as ISO text (as saved in evidence) accepted?"""
    turns = [("customer", "Hello", "2026-03-05T10:00:00"), ("agent", "Hi!", "2026-03-05T10:00:12")]
    assert assess_transcript(turns).first_response_seconds == 12


def test_no_timings_without_timestamps():
    """Without timestamps, are the timings left out rather than guessed?"""
    report = assess_transcript(GOOD)
    assert report.first_response_seconds is None
    assert report.response_times == []


@pytest.mark.parametrize(
    ("turns", "message"),
    [
        ([("boss", "hi")], "'agent' or 'customer'"),
        ([("agent",)], "should be"),
        ([("agent", 5)], "must be words"),
        ([("agent", "hi", "yesterday")], "ISO"),
    ],
)
def test_bad_turns(turns, message):
    """Are malformed turns refused with a message that says what is wrong?"""
    with pytest.raises(CourseworkError, match=message):
        assess_transcript(turns)


def test_no_adviser_replies_scores_zero():
    """Does a transcript with no adviser reply score 0 rather than crash?"""
    report = assess_transcript([("customer", "Hello?")])
    assert report.score == 0


def test_report_html_lists_criteria_and_tips(make_scenario):
    """Does the report's HTML show each criterion's result and the next steps?"""
    page = assess_transcript(
        [("customer", "Late order"), ("agent", "ok")], scenario=make_scenario()
    )._repr_html_()
    assert "Professional greeting" in page
    assert "not yet met" in page
    assert "Next time" in page


def test_every_chat_criterion_maps_to_catalogue_codes_of_its_units():
    """Does each live-chat criterion name catalogue codes, each for the unit it says?"""
    from coursework_kit.tutor.criteria import catalogue

    known = catalogue()
    for info in criteria_catalogue().values():
        assert info.codes, info.key
        for code in info.codes:
            assert code in known, (info.key, code)
        assert {known[code].unit for code in info.codes} == {unit for unit, _ in info.maps_to}
