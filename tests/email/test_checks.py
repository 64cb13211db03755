"""Checking a campaign before it is sent: every finding says why it matters."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest

from coursework_kit.email import (
    Campaign,
    CampaignError,
    check_campaign,
    load_mailing_list,
    personalise,
)

NOW = datetime(2026, 11, 20, 9, 0)
GOOD = Campaign(
    name="Spring bedding",
    subject="{first_name|Hello}, our new spring bedding is here",
    preview_text="Soft linen in six colours, from £35",
    body="Hi {first_name|there},\n\nOur spring bedding has arrived.",
    calls_to_action=("Shop spring bedding",),
    sender_name="Harbour & Pine",
    sender_email="hello@harbourandpine.example",
    unsubscribe_link="https://harbourandpine.example/unsubscribe",
    segment="past_purchaser",
    send_at=datetime(2026, 12, 1, 10, 0),
)


def messages(campaign, check, severity=None):
    return [
        f.message
        for f in check_campaign(campaign, now=NOW).findings
        if f.check == check and (severity is None or f.severity == severity)
    ]


def test_a_good_campaign_is_ready():
    """Does a well-made campaign pass with nothing to fix or improve?"""
    result = check_campaign(GOOD, now=NOW)
    assert result.ready
    assert result.should_fix == []
    assert "Ready to send" in result._repr_html_()


def test_every_finding_says_why():
    """Does every finding for an empty campaign give a reason it matters?"""
    result = check_campaign(Campaign(), now=NOW)
    assert not result.ready
    assert all(f.why for f in result.findings)


@pytest.mark.parametrize(
    ("subject", "severity", "words"),
    [
        ("", "must fix", "Write a subject line"),
        ("Sale", "should fix", "only 4 characters"),
        ("A" * 10 + " " + "b" * 60, "should fix", "cut off"),
        ("Our new spring bedding is here", "good", "show in full"),
    ],
)
def test_subject_length(subject, severity, words):
    """Is a subject judged against the 40-60 characters most phones show?"""
    found = messages(replace(GOOD, subject=subject), "subject", severity)
    assert any(words in m for m in found)


def test_shouting_subject_is_flagged():
    """Are capitals and '!!' flagged as spam-like?"""
    assert any(
        "capital" in m for m in messages(replace(GOOD, subject="HUGE sale now on!!"), "subject")
    )


def test_preview_text_missing_or_repeated():
    """Is missing preview text, or a repeat of the subject, worth improving?"""
    assert messages(replace(GOOD, preview_text=""), "preview", "should fix")
    assert messages(replace(GOOD, preview_text=GOOD.subject), "preview", "should fix")


def test_tokens_need_to_exist_and_have_fallbacks():
    """Is an unknown token, or one without a fallback, a problem that counts who is affected?"""
    campaign = replace(GOOD, body="Hi {first_name}, see {frist_name|you}")
    contacts = load_mailing_list()
    result = check_campaign(campaign, now=NOW, audience=contacts)
    problems = [f.message for f in result.problems if f.check == "personalisation"]
    no_name = sum(1 for c in contacts if not c.first_name)
    assert any(f"{no_name} contacts in this audience have no first name" in m for m in problems)
    assert any("{frist_name|you} is not a detail we hold" in m for m in problems)


def test_no_personalisation_is_a_suggestion():
    """Is an email with no personal touch a suggestion rather than a problem?"""
    campaign = replace(GOOD, subject="Our new spring bedding is here", body="Hello,")
    assert messages(campaign, "personalisation", "should fix")


def test_personalise_uses_the_fallback():
    """Does a missing first name fall back to the words after the bar?"""
    assert personalise("Hi {first_name|there},", {"first_name": ""}) == "Hi there,"
    assert personalise("Hi {first_name|there},", {"first_name": "Amara"}) == "Hi Amara,"


@pytest.mark.parametrize(
    ("actions", "severity"),
    [
        ((), "must fix"),
        (("Shop now", "Read our blog"), "should fix"),
        (("Click here",), "should fix"),
    ],
)
def test_one_clear_call_to_action(actions, severity):
    """Is no call to action a problem, and several or a vague one worth improving?"""
    assert messages(replace(GOOD, calls_to_action=actions), "call to action", severity)


def test_disguised_sender_breaks_regulation_23():
    """Is a sender name that hides Harbour & Pine a problem citing PECR regulation 23?"""
    result = check_campaign(replace(GOOD, sender_name="Your friend Sam"), now=NOW)
    (problem,) = [f for f in result.problems if f.check == "sender"]
    assert "regulation 23" in problem.why
    assert "ICO guidance on direct marketing using electronic mail" in problem.source
    assert "November 2026" in problem.source


def test_sender_name_may_spell_out_and():
    """Is 'Harbour and Pine' accepted as naming the company?"""
    assert not messages(replace(GOOD, sender_name="Sam at Harbour and Pine"), "sender", "must fix")


def test_no_reply_and_other_domains_are_worth_improving():
    """Are a no-reply address and a look-alike domain flagged?"""
    assert messages(
        replace(GOOD, sender_email="no-reply@harbourandpine.example"), "sender", "should fix"
    )
    assert messages(replace(GOOD, sender_email="deals@bargains.example"), "sender", "should fix")


@pytest.mark.parametrize("link", ["", "www.harbourandpine.example/stop", "unsubscribe"])
def test_every_message_needs_a_working_opt_out(link):
    """Is a missing or broken unsubscribe link a problem?"""
    found = check_campaign(replace(GOOD, unsubscribe_link=link), now=NOW).problems
    assert [f for f in found if f.check == "unsubscribe" and "23(b)" in f.why]


@pytest.mark.parametrize(
    ("when", "severity", "words"),
    [
        (None, "must fix", "Choose a date"),
        (datetime(2026, 11, 19, 10, 0), "must fix", "in the past"),
        (datetime(2026, 12, 1, 3, 0), "must fix", "middle of the night"),
        (datetime(2028, 12, 1, 10, 0), "should fix", "more than a year"),
        (datetime(2026, 12, 1, 10, 0), "good", "Tuesday 01 December 2026 at 10:00"),
    ],
)
def test_send_time(when, severity, words):
    """Is the send time refused in the past or at 3am, and confirmed otherwise?"""
    assert any(words in m for m in messages(replace(GOOD, send_at=when), "send time", severity))


def test_business_buyers_at_the_weekend():
    """Is emailing business buyers on a Saturday worth improving?"""
    saturday = replace(GOOD, segment="business_buyer", send_at=datetime(2026, 12, 5, 10, 0))
    assert messages(saturday, "send time", "should fix")


def test_not_similar_products_narrows_the_audience():
    """Is marketing other products flagged: only people who consented may get it?"""
    assert messages(replace(GOOD, similar_products=False), "audience", "should fix")


def test_bad_settings_are_refused_plainly():
    """Are an unknown segment and a send time that is not a date refused?"""
    with pytest.raises(CampaignError, match="not a segment"):
        Campaign(segment="everyone")
    with pytest.raises(CampaignError, match="date and time"):
        Campaign(send_at="tomorrow")  # type: ignore[arg-type]


def test_campaign_round_trips_as_plain_data():
    """Can a campaign be saved as plain data and read back unchanged?"""
    assert Campaign.from_dict(GOOD.to_dict()) == GOOD
    with pytest.raises(CampaignError, match="no setting called colour"):
        Campaign.from_dict({"colour": "blue"})


@pytest.mark.parametrize(
    ("body", "severity"),
    [
        ("Hi {first_name|there}, don't blame us if you ordered the wrong size.", "must fix"),
        ("Some customers are too lazy to read our emails, so here it is again.", "must fix"),
        ("Hi {first_name|there}, your order will definitely arrive tomorrow.", "should fix"),
        ("Hurry, only a few left, so buy now before it's too late.", "should fix"),
    ],
)
def test_tone_that_blames_promises_or_pushes(body, severity):
    """Is an email that blames readers a problem, and one that over-promises or pushes worth
    improving, quoting the email's own words?"""
    found = [
        f for f in check_campaign(replace(GOOD, body=body), now=NOW).findings if f.check == "tone"
    ]
    assert [f.severity for f in found] == [severity]
    assert found[0].message.startswith("'")
    assert found[0].why


@pytest.mark.parametrize(
    "body",
    [
        "Hi {first_name|there}, we can't guarantee delivery before Christmas, but we'll try.",
        "Hi {first_name|there}, no rush: the sale runs until Sunday 6 December.",
        "Hi {first_name|there}, it's not your fault the parcel was late, and we're sorry.",
    ],
)
def test_honest_and_kind_emails_are_friendly(body):
    """Are an honest hedge, a calm end date and a kind negation left alone?"""
    assert messages(replace(GOOD, body=body), "tone", "good")
    assert not messages(replace(GOOD, body=body), "tone", "should fix")


def test_a_blaming_subject_line_stops_the_send():
    """Does a subject line that insults readers stop the campaign being ready?"""
    result = check_campaign(replace(GOOD, subject="Our customers are idiots, read this"), now=NOW)
    assert not result.ready
    assert any(f.check == "tone" and "idiots" in f.message for f in result.problems)


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ("", "it is empty"),
        ("   \n\n  ", "it is empty"),
        ("Hi {first_name|there},", "only a greeting"),
        ("Hi there,\n\nThanks, the Harbour & Pine team", "only a greeting"),
        ("Dear {first_name|customer}, {first_name}", "only a greeting"),
        ("Hi {first_name|there},\n\nWrite the message here.", "Replace 'Write the message here'"),
        ("Hi {first_name|there}, our sale starts [insert date].", "Replace '[insert date]'"),
        ("Hi there, lorem ipsum dolor sit amet.", "Replace 'lorem ipsum'"),
        ("Hi there, the sale ends on TBC at 5pm.", "Replace 'TBC'"),
    ],
)
def test_an_email_with_nothing_to_say_must_be_fixed(body, words):
    """Is an empty email, one that is only a greeting, or one with a template's placeholder
    left in, a problem to fix before sending?"""
    campaign = replace(GOOD, body=body)
    assert not check_campaign(campaign, now=NOW).ready
    assert any(words in m for m in messages(campaign, "body", "must fix"))


@pytest.mark.parametrize(
    "body",
    [
        "Hi {first_name|there},\n\nOur spring bedding has arrived.",
        "Our winter sale starts today.",
        "Hello! New oak shelves, made in Cumbria, from £45.",
    ],
)
def test_an_email_with_a_message_is_fine(body):
    """Does an email that says something pass the body check, however short?"""
    campaign = replace(GOOD, body=body)
    assert messages(campaign, "body", "must fix") == []
    assert messages(campaign, "body", "good")


@pytest.mark.parametrize(
    ("subject", "prefix"),
    [
        ("Re: your order", "Re:"),
        ("RE : your order", "RE :"),
        ("re:your spring bedding is here", "re:"),
        ("Fwd: our spring bedding is here", "Fwd:"),
        ("FW: spring bedding for your bedroom", "FW:"),
        ("Re[2]: your spring bedding order", "Re[2]:"),
        ("Re: Re: about your bedding", "Re:"),
        ("  Re: our spring bedding is here", "Re:"),
        ("🔥 RE: our spring bedding is here", "RE:"),
        ("AW: our spring bedding is here", "AW:"),
    ],
)
def test_a_fake_reply_or_forward_subject_must_be_fixed(subject, prefix):
    """Is a marketing subject dressed up as a reply or a forward a problem, naming the prefix
    and a real source?"""
    campaign = replace(GOOD, subject=subject)
    found = [
        f
        for f in check_campaign(campaign, now=NOW).findings
        if f.check == "subject" and f.severity == "must fix"
    ]
    assert len(found) == 1
    assert f"Take '{prefix}' off the start" in found[0].message
    assert "CAP Code rules 2.1" in found[0].source
    assert "as at" in found[0].source


@pytest.mark.parametrize(
    "subject",
    [
        "Rethink your bedroom this spring",
        "Update re: your spring bedding order",
        "Refresh your room: spring bedding is here",
        "Free delivery: spring bedding is here",
        "Trending: our spring bedding",
    ],
)
def test_subjects_that_only_start_like_a_reply_are_fine(subject):
    """Are words that start with "re" or "fw", and "re:" meaning "about" mid-line, left alone?"""
    assert messages(replace(GOOD, subject=subject), "subject", "must fix") == []


@pytest.mark.parametrize(
    ("campaign", "problems"),
    [
        (replace(GOOD, unsubscribe_link=""), "1 problem to fix."),
        (replace(GOOD, unsubscribe_link="", sender_name=""), "2 problems to fix."),
    ],
)
def test_the_check_counts_its_problems_in_words(campaign, problems):
    """Does the check say "1 problem to fix" and "1 thing must be fixed", never "problem(s)"?"""
    check = check_campaign(campaign, now=NOW)
    assert repr(check).startswith(problems)
    things = "1 thing" if problems.startswith("1 ") else "2 things"
    assert f"Not ready: {things} must be fixed before sending." in check._repr_html_()
    assert "(s)" not in repr(check) + check._repr_html_()


@pytest.mark.parametrize(
    ("subject", "said"), [("A", "only 1 character."), ("Hi", "only 2 characters.")]
)
def test_a_short_subject_is_counted_in_the_singular_after_1(subject, said):
    """Is a one-letter subject line "only 1 character", not "1 characters"?"""
    assert any(said in m for m in messages(replace(GOOD, subject=subject), "subject"))
