"""Assessing a campaign plan record: the budget shared, the projected returns, the export."""

from __future__ import annotations

import dataclasses

from coursework_kit.planning.history import sample_plan
from coursework_kit.planning.planner.assess import assess
from coursework_kit.planning.planner.record import (
    PlanExport,
    PlanRecord,
    PlanWork,
    details_of,
)

from ..conftest import small_plan

AT = "2026-11-02T10:00:00+00:00"


def _record(plan, *, exported=False) -> PlanRecord:
    exports = (PlanExport("campaign-plan-x.html", 1.0, 1, 1.0, at=AT),) if exported else ()
    work = PlanWork(plan=details_of(plan), exports=exports)
    return PlanRecord.new("").with_work(work, at=AT)


def _checks(feedback, severity):
    return {f.check for f in feedback.of(severity)}


def test_a_plan_never_saved_says_so():
    """Does a record with no attempt say there is no plan yet, without a crash?"""
    feedback = assess(PlanRecord.new(""))
    assert "No plan" in feedback.summary
    assert feedback.findings == ()


def test_a_whole_budget_shared_and_paying_its_way_is_good():
    """Is a fully allocated plan that makes money, once exported, found good throughout?"""
    feedback = assess(_record(small_plan(), exported=True))
    assert _checks(feedback, "good") == {"allocation", "returns", "export"}
    assert feedback.ready
    assert "judge it by conversions" in feedback.summary


def test_unallocated_budget_and_no_export_should_be_fixed():
    """Are budget left unallocated and a plan never exported both named to fix?"""
    plan = small_plan().with_allocation("paid_search", 20)
    feedback = assess(_record(plan))
    assert _checks(feedback, "should fix") == {"allocation", "export"}
    (allocation,) = [f for f in feedback.findings if f.check == "allocation"]
    assert "20% of the budget (£400.00)" in allocation.message


def test_a_channel_that_costs_more_than_it_brings_back_is_unsure():
    """Is display's low ROAS flagged for a person to judge, not marked down (it can be right)?"""
    feedback = assess(_record(sample_plan()))
    (display,) = feedback.of("unsure")
    assert display.where == "Display"
    assert "less than it costs" in display.message


def test_a_plan_that_loses_money_should_be_fixed():
    """Does a plan projected to lose money say so?"""
    plan = small_plan()
    for channel in plan.channels:
        plan = plan.with_assumption(channel.name, "aov", 1)
    feedback = assess(_record(plan))
    assert "returns" in _checks(feedback, "should fix")


def test_a_plan_with_no_budget_in_any_channel_must_be_fixed():
    """Does a plan with every share at 0% say it would buy nothing?"""
    plan = small_plan().with_allocation("paid_social", 0).with_allocation("paid_search", 0)
    assert "returns" in _checks(assess(_record(plan)), "must fix")


def test_an_edited_plan_that_does_not_add_up_must_be_fixed():
    """Is a saved plan whose figures cannot make a plan reported, not a crash?"""
    details = details_of(small_plan())
    work = PlanWork(plan=dataclasses.replace(details, start="2026-09-30", end="2026-09-01"))
    feedback = assess(PlanRecord.new("").with_work(work, at=AT))
    assert not feedback.ready
    assert "before the start date" in feedback.findings[0].message
