"""The moderation queue: valid, covering every kind of item the unit needs, and each item's
expected handling judged best with feedback that cites its sources."""

from __future__ import annotations

import copy
import re
from datetime import timedelta

import pytest

from coursework_kit.datasets import load_yaml, validate
from coursework_kit.errors import DatasetError
from coursework_kit.social import judge, load_policy, load_queue, personal_details
from coursework_kit.social.moderation.queue import _item

QUEUE = load_queue()
ACTIONS = [a.id for a in load_policy().actions]
RAW = load_yaml("social/queue.yaml")
LAW = re.compile(
    r"Defamation Act 2013|Copyright, Designs and Patents Act 1988|UK GDPR|Data Protection Act "
    r"2018|Digital Markets, Competition and Consumers Act 2024|Online Safety Act 2023|Equality "
    r"Act 2010|CAP Code|Consumer Rights Act 2015|Consumer Contracts"
)


def test_queue_matches_its_schema():
    """Does the queue file match queue.schema.json, with at least 30 items?"""
    raw = load_yaml("social/queue.yaml", schema="social/queue.schema.json")
    assert len(raw["items"]) >= 30
    assert "November 2026" in raw["reflects"]


def test_schema_rejects_an_item_without_a_reason():
    """Does the schema catch an item with no reason or an unknown action?"""
    broken = copy.deepcopy(RAW)
    del broken["items"][0]["reason"]
    broken["items"][1]["best"] = "argue"
    with pytest.raises(DatasetError, match="reason") as caught:
        validate(broken, "social/queue.schema.json", source="queue.yaml")
    assert "argue" in str(caught.value)


def test_sense_checks_catch_what_the_schema_cannot():
    """Is an item citing a policy section that doesn't exist, or listing personal data that
    is not in its text, refused on load?"""
    policy = load_policy()
    bad_section = copy.deepcopy(RAW["items"][0]) | {"policy": ["no-such-section"]}
    with pytest.raises(DatasetError, match="no section 'no-such-section'"):
        _item(bad_section, policy)
    bad_detail = copy.deepcopy(RAW["items"][0]) | {"personal_data": ["07700 900999"]}
    with pytest.raises(DatasetError, match="not in the text"):
        _item(bad_detail, policy)


def test_queue_covers_every_kind_of_item():
    """Is there at least one item of every kind the unit asks for?"""
    topics = {i.topic for i in QUEUE}
    assert topics >= {
        "praise",
        "question",
        "complaint",
        "complaint-private",
        "personal-data",
        "spam",
        "abuse",
        "hate-speech",
        "defamation",
        "copyright",
        "misinformation",
        "competitor",
        "crisis",
        "influencer",
        "safeguarding",
    }
    assert any(i.personal_data and i.public for i in QUEUE)
    assert any(not i.public for i in QUEUE)


def test_crisis_signal_is_a_burst_of_similar_items():
    """Does the crisis appear as three or more items about one fault within a few hours?"""
    burst = sorted((i for i in QUEUE if i.group == "lumen-lamp"), key=lambda i: i.time)
    assert len(burst) >= 3
    assert burst[-1].time - burst[0].time < timedelta(hours=2)
    assert {i.escalate_to for i in burst[2:]} == {"pr_crisis"}


def test_invented_people_only():
    """Are phone numbers in Ofcom's drama range (07700 900xxx) and email addresses on example
    domains, so no real person can be reached?"""
    for item in QUEUE:
        for detail in personal_details(item.text):
            if "@" in detail:
                assert detail.endswith("@example.com"), detail
            elif not detail.upper().startswith("HP-"):
                assert "7700900" in re.sub(r"\D", "", detail), detail


@pytest.mark.parametrize("item", QUEUE, ids=lambda i: i.id)
def test_expected_handling_is_judged_best_and_cites_sources(item):
    """Is the expected action judged best, with the expected escalation right, the model reply
    accepted, and feedback that gives a reason and cites the policy (and the law, where any)?"""
    result = judge(item, action=item.best, escalate_to=item.escalate_to, reply=item.model_reply)
    assert result.verdict == "best"
    assert result.is_best
    assert result.escalation.right, result.escalation.message
    assert result.reply.ok, result.reply.summary
    assert result.handled_well
    assert result.points == 3
    assert len(result.why) > 30
    assert result.feedback
    assert any(s.startswith("Policy section") for s in result.sources)
    assert all(LAW.search(law) for law in item.law), item.law
    page = result._repr_html_()
    assert "Sources:" in page
    assert "November 2026" in page


@pytest.mark.parametrize("item", QUEUE, ids=lambda i: i.id)
def test_wrong_actions_are_not_right_with_a_reason(item):
    """Is every action that is neither best nor acceptable judged not right, with a reason,
    and every acceptable one judged acceptable with its note?"""
    acceptable = {a.action for a in item.acceptable}
    for action in ACTIONS:
        result = judge(item, action=action, escalate_to=item.escalate_to, reply=item.model_reply)
        if action == item.best:
            continue
        if action in acceptable:
            assert result.verdict == "acceptable"
            assert result.feedback == item.alternative(action).note
        else:
            assert result.verdict == "not right"
            assert len(result.feedback) > 20
            assert not result.handled_well
            assert "The best action is" in result._repr_html_()


def test_the_queue_names_platforms_from_the_one_platform_list():
    """Does each item's platform come from platforms.yaml, shown by the name the posts use?"""
    from coursework_kit.social import platform_ids, platform_rules

    for item in QUEUE:
        assert item.platform in platform_ids()
        assert item.platform_label == platform_rules(item.platform).name
    assert {i.platform_label for i in QUEUE if i.platform == "x"} == {"X"}


def test_an_item_on_a_platform_not_in_the_list_is_refused():
    """Is a queue item on a platform the platform list does not know a data error?"""
    broken = copy.deepcopy(RAW["items"][0])
    broken["platform"] = "myspace"
    with pytest.raises(DatasetError, match="'myspace' is not a platform"):
        _item(broken, load_policy())
