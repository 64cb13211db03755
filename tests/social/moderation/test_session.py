"""The learner's session: progress, the summary score, and rebuilding it from evidence."""

from __future__ import annotations

from dataclasses import replace

import pytest

from coursework_kit.social import ModerationError, ModerationSession, get_item
from coursework_kit.social.moderation.assess import assess
from coursework_kit.social.moderation.record import (
    ModerationCheck,
    ModerationDraft,
    ModerationOutcome,
    ModerationRecord,
    ModerationWork,
)
from coursework_kit.social.moderation.session import queue_for, scenario_for


def test_summary_counts_and_scores():
    """Does the summary count checked items and score them out of 3 points each?"""
    session = ModerationSession([get_item("praise-sofa"), get_item("spam-crypto")])
    d = session.draft("praise-sofa")
    d.action, d.reply = "reply", "Hi Jas, thank you so much!"
    session.decide("praise-sofa")
    session.draft("spam-crypto").action = "reply"
    session.decide("spam-crypto")
    s = session.summary()
    assert (s.total, s.answered, s.best, s.handled_well) == (2, 2, 1, 1)
    assert s.points == 4  # 3 for the praise; 1 for not escalating the spam (reply missing)
    assert s.max_points == 6
    assert "2 of 2 items checked" in s.text
    assert session.status("praise-sofa") == "handled well"
    assert session.status("spam-crypto") == "partly right"


def test_decide_needs_an_action():
    """Is checking with no action chosen refused in plain words?"""
    session = ModerationSession()
    with pytest.raises(ModerationError, match="Choose an action first"):
        session.decide("praise-sofa")
    with pytest.raises(ModerationError, match="no item"):
        session.draft("not-an-item")


def test_restore_rejudges_the_learners_own_words():
    """Rebuilt from saved evidence, are decisions judged afresh (not a stored score trusted),
    and are drafts and unknown or edited entries handled safely?"""
    session = ModerationSession()
    d = session.draft("phone-number-public")
    d.action, d.reply = "reply", "Hi Dani, we'll call 07700 900461."
    session.decide("phone-number-public")
    d.reply = "a later draft, not yet checked"
    work = session.work(position=8)
    (check,) = work.checks
    told = ModerationOutcome("best", True, True)  # a hand-edited score is ignored
    work = replace(
        work,
        checks=(replace(check, told=told),),
        drafts={
            **work.drafts,
            "no-such-item": ModerationDraft(action="reply"),
            "praise-sofa": ModerationDraft(action="shout", escalate_to="police", reply="Hi"),
        },
    )
    back = ModerationSession.from_work(work)
    result = back.results["phone-number-public"]
    assert result.reply.repeated == ["07700 900461"]
    assert back.draft("phone-number-public").reply == "a later draft, not yet checked"
    assert back.draft("praise-sofa").action is None
    assert back.draft("praise-sofa").escalate_to is None
    assert back.summary().handled_well == 0
    assert len(back.log) == 1
    record = ModerationRecord.new("all").with_work(work)
    assert assess(record).score == 1  # judged afresh: only the escalation was right


def test_a_check_of_an_action_that_no_longer_exists_is_left_out():
    """Is a saved check naming an unknown action or route dropped, not a crash?"""
    work = ModerationWork(
        checks=(
            ModerationCheck("praise-sofa", "shout", None, "Hi", "t"),
            ModerationCheck("spam-crypto", "hide", "police", "", "t"),
            ModerationCheck("not-an-item", "hide", None, "", "t"),
        )
    )
    back = ModerationSession.from_work(work)
    assert back.summary().answered == 0


def test_a_topics_queue_is_named_and_found_again():
    """Does a queue of topics (some with hyphens in) get a scenario that finds the same items?"""
    scenario = scenario_for(["complaint-private", "complaint"])
    assert scenario == "complaint-complaint-private"
    assert {i.topic for i in queue_for(scenario)} == {"complaint", "complaint-private"}
    assert scenario_for(None) == "all"
    assert len(queue_for("all")) == 33
    with pytest.raises(ModerationError, match="no moderation queue called 'gossip'"):
        queue_for("gossip")


def test_reopening_works_out_the_action_again_and_never_grades_a_told_verdict():
    """Reopened from a record whose saved verdict was edited by hand, does the progress work
    out the action and escalation again (only the reply's verdict is shown as told), and does
    assessment judge everything from the learner's words?"""
    reply = "Hi Dani, we'll call 07700 900461."  # repeats her number: the reply is not ok
    check = ModerationCheck(
        "phone-number-public",
        "leave",  # not right here
        "legal",  # nobody needs to be told: not right either
        reply,
        "2026-11-20T10:00:00+00:00",
        told=ModerationOutcome("best", True, True),  # edited by hand
    )
    work = ModerationWork(checks=(check,))
    back = ModerationSession.from_work(work)
    shown = back.outcome("phone-number-public")
    assert shown is not None
    assert (shown.verdict, shown.escalation_right) == ("not right", False)
    assert shown.reply_ok  # as told: shown on the learner's own screen only
    assert back.status("phone-number-public") == "partly right"
    record = ModerationRecord.new("all").with_work(work)
    assert assess(record).score == 0  # judged afresh: action, escalation and reply all wrong
    assert back.result("phone-number-public").reply.repeated == ["07700 900461"]
    assert not back.outcome("phone-number-public").reply_ok  # now judged: the real verdict
