"""Assessing a decision record: marked from each scenario's latest check."""

from __future__ import annotations

from coursework_kit.gdpr.assess import assess, scenarios_for
from coursework_kit.gdpr.record import Decision, DecisionCheck, DecisionRecord, DecisionWork
from coursework_kit.gdpr.scenarios import load_decisions

AT = "2026-11-02T10:00:00+00:00"


def _scenarios():
    return load_decisions(topics=["identity-checks"])


def _record(decisions: dict[str, Decision]) -> DecisionRecord:
    return DecisionRecord.new("all").with_work(DecisionWork(decisions=decisions), at=AT)


def test_the_latest_check_of_each_scenario_is_marked():
    """Does assess() score each scenario's latest check, not its first, nor an unchecked one?"""
    first, second, third = _scenarios()[:3]
    wrong = next(c.id for c in first.choices if c.id != first.best)
    record = _record(
        {
            first.id: Decision(
                chosen=first.best,
                reasoning="Check identity first.",
                checks=(DecisionCheck(wrong, "", AT), DecisionCheck(first.best, "Check.", AT)),
            ),
            second.id: Decision(chosen=wrong, checks=(DecisionCheck(wrong, "", AT),)),
            third.id: Decision(chosen=third.best, reasoning="typed, never checked"),
        }
    )
    feedback = assess(record, scenarios=_scenarios())
    assert (feedback.score, feedback.out_of) == (1, len(_scenarios()))
    assert "2 of" in feedback.summary
    decisions = [f for f in feedback.findings if f.check == "decision"]
    assert [(f.where, f.severity) for f in decisions] == [
        (first.id, "good"),
        (second.id, "should fix"),
    ]
    assert decisions[0].quote == "Check identity first."  # the reasoning as it stands
    assert decisions[0].source
    assert "The best answer is" in decisions[1].message


def test_a_decision_with_no_reasoning_asks_for_it():
    """Is a checked decision with no reasoning told that assessors look for why?"""
    scenario = _scenarios()[0]
    record = _record(
        {scenario.id: Decision(scenario.best, "", (DecisionCheck(scenario.best, "", AT),))}
    )
    (reasoning,) = [
        f for f in assess(record, scenarios=_scenarios()).findings if f.check == "reasoning"
    ]
    assert reasoning.severity == "should fix"
    assert "why, not just what" in reasoning.message


def test_an_option_the_scenario_lacks_earns_nothing():
    """Does an edited record naming an option the scenario does not have earn nothing?"""
    scenario = _scenarios()[0]
    record = _record({scenario.id: Decision("zz", "", (DecisionCheck("zz", "", AT),))})
    feedback = assess(record, scenarios=_scenarios())
    assert feedback.score == 0
    assert feedback.summary == "No answers checked yet."


def test_the_set_comes_from_the_record():
    """Is a unit's record marked out of that unit's scenarios, and an unknown set out of none?"""
    assert scenarios_for("unit3") == load_decisions(unit=3)
    assert scenarios_for("all") == load_decisions()
    assert scenarios_for("nonsense") == []
    empty = assess(DecisionRecord.new("unit5"))
    assert (empty.score, empty.out_of) == (0, len(load_decisions(unit=5)))
