"""The moderation queue widget, driven through its methods."""

from __future__ import annotations

import json

import pytest

from coursework_kit.social import ModerationError, ModerationQueue


@pytest.fixture
def queue(tmp_path):
    return ModerationQueue(folder=tmp_path)


def test_shows_one_item_with_the_choices(queue):
    """Does the widget show the first item, the seven actions and the escalation routes?"""
    assert queue.current.id == "praise-sofa"
    assert "@jas.at.home" in queue._item.value
    assert "Item 1 of 33" in queue._progress.value
    assert len(queue._actions.options) == 7
    assert queue._route.value == "none"
    assert "See the whole queue" in queue._overview.value


def test_check_gives_feedback_and_saves_evidence(queue):
    """Does Check judge the decision, show why, and save the learner's own words?"""
    queue.choose("reply")
    queue.escalate(None)
    queue.write("Hi Jas, thank you so much! Enjoy your new sofa.")
    result = queue.check()
    assert result.handled_well
    assert "is the best action here" in queue._feedback.value
    assert "1 of 33 items checked" in queue._score.value
    assert "✔ handled well" in queue._overview.value
    saved = json.loads(queue.evidence.path.read_text())["attempts"][-1]["data"]
    assert saved["checked"]["praise-sofa"]["reply"].startswith("Hi Jas")
    assert saved["log"][0]["handled_well"] is True


def test_wrong_decision_shows_best_action_and_escalation(queue):
    """Is a wrong choice told the best action and the missing escalation?"""
    queue.go_to("defamation-named-manager")
    queue.choose("reply")
    queue.write("Hi Kev, we'll look into Martin.")
    result = queue.check()
    assert result.verdict == "not right"
    assert "The best action is" in queue._feedback.value
    assert "must be escalated to the legal and compliance adviser" in queue._feedback.value


def test_check_without_an_action(queue):
    """Does pressing Check with no action chosen ask for one, not crash?"""
    assert queue.check() is None
    assert "Choose an action first" in queue._feedback.value
    with pytest.raises(ModerationError, match="not one of the actions"):
        queue.choose("shout")
    with pytest.raises(ModerationError, match="not one of the escalation routes"):
        queue.escalate("police")


def test_navigation_keeps_choices_and_words(queue):
    """Going next and back, are the action, route and unsent reply still there?"""
    queue.go_to("lamp-3")
    queue.choose("private_channel")
    queue.escalate("pr_crisis")
    queue.write("Hi Neil, please unplug it")
    queue.next()
    assert queue.current.id == "lamp-4"
    assert queue._actions.value is None
    assert queue._reply.value == ""
    queue.previous()
    assert (queue._actions.value, queue._route.value) == ("private_channel", "pr_crisis")
    assert queue._reply.value == "Hi Neil, please unplug it"
    queue.go_to(queue.session.items[-1].id)
    queue.next()
    assert queue.index == 0


def test_resumes_where_the_learner_left_off(tmp_path):
    """Re-run (a new widget on the same evidence), does it carry on at the same item with
    earlier checks, drafts and feedback in place?"""
    first = ModerationQueue(folder=tmp_path)
    first.choose("reply")
    first.write("Hi Jas, thank you so much!")
    first.check()
    first.go_to("phone-number-public")
    first.choose("hide")
    first.write("Hi Dani, I'm so sorry")  # typed, not checked
    first.escalate("team_leader")
    again = ModerationQueue(folder=tmp_path)
    assert again.current.id == "phone-number-public"
    assert again._reply.value == "Hi Dani, I'm so sorry"
    assert again._route.value == "team_leader"
    assert again.summary.answered == 1
    assert "Carrying on from where you left off: 1 item checked" in again._saved.value
    again.go_to("praise-sofa")
    assert "is the best action here" in again._feedback.value
    fresh = ModerationQueue(folder=tmp_path, resume=False)
    assert fresh.current.id == "praise-sofa"
    assert fresh.summary.answered == 0
    fresh.choose("leave")
    fresh.check()
    attempts = json.loads(fresh.evidence.path.read_text())["attempts"]
    assert len(attempts) == 2  # the earlier attempt is kept


def test_topics_filter_and_unknown_topic(tmp_path):
    """Can a tutor show only the crisis items, and is an unknown topic explained?"""
    crisis = ModerationQueue(topics=["crisis"], folder=tmp_path)
    assert {i.topic for i in crisis.session.items} == {"crisis"}
    assert crisis.evidence.activity == "social-moderation-crisis"
    with pytest.raises(ModerationError, match="The topics are"):
        ModerationQueue(topics=["gossip"], folder=tmp_path)


def test_nothing_saved_until_the_learner_acts(queue):
    """Is no evidence file written just by showing the widget?"""
    assert not queue.evidence.path.exists()
    assert repr(queue).startswith("ModerationQueue(0 of 33 items checked")
