"""Assessing a matching record: each item marked from the learner's latest answers."""

from __future__ import annotations

from coursework_kit.planning import load_activity
from coursework_kit.planning.matching.assess import assess, result
from coursework_kit.planning.matching.record import MatchingRecord, MatchingWork

AT = "2026-11-02T10:00:00+00:00"


def _record(answers) -> MatchingRecord:
    return MatchingRecord.new("pestle").with_work(MatchingWork(answers=answers), at=AT)


def test_nothing_chosen_scores_nothing():
    """Does a record with no answers score 0 and say nothing is chosen yet?"""
    feedback = assess(MatchingRecord.new("pestle"))
    assert (feedback.score, feedback.out_of) == (0, len(load_activity("pestle").items))
    assert "No answers" in feedback.summary


def test_right_answers_are_good_and_wrong_ones_get_the_hint():
    """Is each right item good, and each wrong one given its hint (not the answer)?"""
    activity = load_activity("pestle")
    right = {i.id: i.answer for i in activity.items[:2]}
    wrong_item = activity.items[2]
    wrong = next(c for c, _ in activity.choices if c != wrong_item.answer)
    feedback = assess(_record({**right, wrong_item.id: wrong}), activity=activity)
    assert feedback.score == 2
    assert {f.where for f in feedback.of("good")} == set(right)
    (hint,) = [f for f in feedback.findings if f.where == wrong_item.id]
    assert hint.severity == "should fix"
    assert wrong_item.hint in hint.message
    assert "3 of" in feedback.summary


def test_answers_the_activity_does_not_have_earn_nothing():
    """Does an edited record naming an unknown item or choice earn nothing, without a crash?"""
    activity = load_activity("pestle")
    first = activity.items[0]
    feedback = assess(_record({"weather": "social", first.id: "money"}), activity=activity)
    assert feedback.score == 0
    assert result({"weather": "social"}, activity).score == (0, len(activity.items))


def test_assess_agrees_with_the_activitys_own_marking():
    """Is the score the same as Activity.mark gives for the same answers?"""
    activity = load_activity("campaign-types")
    answers = {i.id: i.answer for i in activity.items[::2]}
    expected, _ = activity.mark(answers).score
    assert assess(_record(answers), activity=activity).score == expected
