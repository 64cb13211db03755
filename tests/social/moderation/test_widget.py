"""The moderation queue widget, driven through its methods."""

from __future__ import annotations

import json

import pytest

from coursework_kit.records import RecordFile
from coursework_kit.social import ModerationError, ModerationQueue
from coursework_kit.social.moderation.record import ModerationRecord


def _record(folder, scenario="all"):
    return RecordFile(ModerationRecord, scenario, folder).load()


@pytest.fixture
def queue(tmp_path):
    return ModerationQueue(folder=tmp_path)


def test_shows_one_item_with_the_choices(queue):
    """Does the widget show the first item, the seven actions and the escalation routes?"""
    assert queue.current.id == "praise-sofa"
    assert "@jas.at.home" in queue.item_html
    assert "Item 1 of 33" in queue.progress_html
    assert len(queue.choices) == 7
    assert queue.draft.escalate_to is None  # "No escalation needed"
    assert "See the whole queue" in queue.overview_html()


def test_check_gives_feedback_and_saves_evidence(queue):
    """Does Check judge the decision, show why, and save the learner's own words?"""
    queue.choose("reply")
    queue.escalate(None)
    queue.write("Hi Jas, thank you so much! Enjoy your new sofa.")
    result = queue.check()
    assert result.handled_well
    assert "is the best action here" in queue.feedback
    assert "1 of 33 items checked" in queue.score_html
    assert "✔ handled well" in queue.overview_html()
    saved = json.loads(queue.evidence.file.path.read_text())["attempts"][-1]["work"]
    (check,) = saved["checks"]
    assert (check["item"], check["reply"][:6]) == ("praise-sofa", "Hi Jas")
    assert check["told"]["verdict"] == "best"
    assert check["at"]


def test_wrong_decision_shows_best_action_and_escalation(queue):
    """Is a wrong choice told the best action and the missing escalation?"""
    queue.go_to("defamation-named-manager")
    queue.choose("reply")
    queue.write("Hi Kev, we'll look into Martin.")
    result = queue.check()
    assert result.verdict == "not right"
    assert "The best action is" in queue.feedback
    assert "must be escalated to the legal and compliance adviser" in queue.feedback


def test_check_without_an_action(queue):
    """Does pressing Check with no action chosen ask for one, not crash?"""
    assert queue.check() is None
    assert "Choose an action first" in queue.feedback
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
    assert queue.draft.action is None
    assert queue.draft.reply == ""
    queue.previous()
    assert (queue.draft.action, queue.draft.escalate_to) == ("private_channel", "pr_crisis")
    assert queue.draft.reply == "Hi Neil, please unplug it"
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
    first.evidence.close()  # the kernel goes away
    again = ModerationQueue(folder=tmp_path)
    assert again.current.id == "phone-number-public"
    assert again.draft.reply == "Hi Dani, I'm so sorry"
    assert again.draft.escalate_to == "team_leader"
    assert again.summary.answered == 1
    assert "Carrying on from where you left off: 1 item checked" in again.message
    again.go_to("praise-sofa")
    assert "is the best action here" in again.feedback
    again.evidence.close()
    assert len(_record(tmp_path).attempts) == 1  # carrying on is the same attempt
    fresh = ModerationQueue(folder=tmp_path, resume=False)
    assert fresh.current.id == "praise-sofa"
    assert fresh.summary.answered == 0
    fresh.choose("leave")
    fresh.check()
    assert len(_record(tmp_path).attempts) == 2  # the earlier attempt is kept


def test_topics_filter_and_unknown_topic(tmp_path):
    """Can a tutor show only the crisis items, and is an unknown topic explained?"""
    crisis = ModerationQueue(topics=["crisis"], folder=tmp_path)
    assert {i.topic for i in crisis.session.items} == {"crisis"}
    assert crisis.evidence.file.activity == "social-moderation-crisis"
    with pytest.raises(ModerationError, match="The topics are"):
        ModerationQueue(topics=["gossip"], folder=tmp_path)


def test_nothing_saved_until_the_learner_acts(queue):
    """Is no evidence file written just by showing the widget?"""
    assert not queue.evidence.file.path.exists()
    queue.next()
    queue.previous()  # looking around is not work
    assert not queue.evidence.file.path.exists()
    assert repr(queue).startswith("ModerationQueue(0 of 33 items checked")


def test_typing_a_reply_is_saved_without_pressing_check(tmp_path):
    """Is a reply typed but never checked saved within a second, and shown after a restart?"""
    queue = ModerationQueue(folder=tmp_path)
    queue.choose("reply")
    queue.write("Hi Jas, thank you")
    queue.write("Hi Jas, thank you so much!")  # within the half second: saved by the timer
    queue.evidence.flush()
    (draft,) = _record(tmp_path).latest.work.drafts.values()
    assert (draft.action, draft.reply) == ("reply", "Hi Jas, thank you so much!")
    assert ModerationQueue(folder=tmp_path).draft.reply == "Hi Jas, thank you so much!"


def test_reopening_judges_only_the_item_shown(tmp_path, monkeypatch):
    """Does a queue with many checked items reopen without judging every reply again?"""
    from coursework_kit.social.moderation import session as logic

    first = ModerationQueue(folder=tmp_path)
    for item in first.session.items[:6]:
        first.go_to(item.id)
        first.choose("leave")
        first.check()
    first.evidence.close()
    judged = []
    real = logic.judge
    monkeypatch.setattr(logic, "judge", lambda *a, **k: judged.append(a) or real(*a, **k))
    again = ModerationQueue(folder=tmp_path)
    assert again.summary == first.summary
    assert again.overview_html() == first.overview_html()
    assert len(judged) == 1  # the item shown, nothing else


def test_a_broken_evidence_file_does_not_stop_the_queue(tmp_path):
    """If the evidence file was damaged, does the queue open, carry on and say what happened?"""
    (tmp_path / "social-moderation.json").write_text("{broken")
    queue = ModerationQueue(folder=tmp_path)
    assert queue.current.id == "praise-sofa"
    queue.choose("reply")
    queue.write("Hi Jas, thank you so much!")
    assert queue.check().handled_well
    assert "could not be read" in queue.message
    assert list(tmp_path.glob("social-moderation.unreadable-*.json"))
    assert _record(tmp_path).latest.work.checks[0].item == "praise-sofa"


def test_start_again_keeps_the_earlier_attempt(tmp_path):
    """Does Start again clear the queue and start a new attempt, keeping the old one?"""
    queue = ModerationQueue(folder=tmp_path)
    queue.choose("reply")
    queue.check()
    queue.reset()
    assert queue.summary.answered == 0
    assert (queue.current.id, queue.draft.action) == ("praise-sofa", None)
    queue.choose("leave")
    queue.evidence.flush()
    record = _record(tmp_path)
    assert [a.number for a in record.attempts] == [1, 2]
    assert record.latest.work.checks == ()


def test_assessment_mode_is_saved_with_the_work(tmp_path):
    """Does a queue in an assignment say so in its evidence?"""
    queue = ModerationQueue(folder=tmp_path, mode="assessment")
    queue.choose("leave")
    queue.check()
    assert _record(tmp_path).latest.mode == "assessment"


def test_reopening_reads_no_saved_reply_again_in_the_same_kernel(tmp_path, monkeypatch):
    """Re-run in the same kernel (a new queue on the same evidence), is no saved reply read
    again, while a reply the learner then changes is read afresh?"""
    from coursework_kit.social.moderation import decision

    first = ModerationQueue(folder=tmp_path)
    replies = {
        "praise-sofa": "Hi Jas, thank you so much! We're so glad you love it.",
        "phone-number-public": "Hi Dani, I'm so sorry. I've hidden your comment to protect "
        "your number, and I'll message you now.",
    }
    for item_id, reply in replies.items():
        first.go_to(item_id)
        first.choose("reply" if item_id == "praise-sofa" else "hide")
        first.write(reply)
        first.check()
    first.evidence.close()
    read = []
    real = decision.check_reply
    monkeypatch.setattr(decision, "check_reply", lambda *a, **k: read.append(a[1]) or real(*a, **k))
    for _ in range(2):
        again = ModerationQueue(folder=tmp_path)
        assert again.summary == first.summary
        again.go_to("praise-sofa")
        assert "is the best action here" in again.feedback
        again.evidence.close()
    assert read == []  # every saved reply was judged once, when it was checked
    again = ModerationQueue(folder=tmp_path)
    again.go_to("praise-sofa")
    again.write(replies["praise-sofa"] + " Amira")
    again.check()
    again.evidence.close()
    assert read == [replies["praise-sofa"] + " Amira"]
