"""The campaign planner, driven through its methods."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coursework_kit.planning import CampaignPlanner, PlanError, project
from coursework_kit.planning.history import sample_plan
from coursework_kit.planning.planner.record import PlanRecord
from coursework_kit.records import RecordFile

V1 = Path(__file__).resolve().parents[2] / "golden" / "records" / "v1" / "campaign-plan.json"


@pytest.fixture
def planner(tmp_path):
    return CampaignPlanner(folder=tmp_path / "evidence", export_folder=tmp_path, author="ab123")


def _saved(folder) -> PlanRecord:
    return RecordFile(PlanRecord, "", Path(folder)).load()


def test_allocations_always_sum_to_100(planner):
    """After any sequence of changes, do channels plus unallocated make exactly 100%?"""
    for channel, share in [
        ("paid_search", 60),
        ("email", 0),
        ("display", 45.5),
        ("affiliate", 100),
        ("paid_social", 12.34),
    ]:
        plan = planner.set_allocation(channel, share)
        assert plan.allocated <= 100
        assert round(plan.allocated + plan.unallocated, 2) == 100
        assert plan.channel(channel).share == share
        assert planner.shares[channel] == share
    assert "= 100%" in planner.allocation


def test_typing_a_share_rebalances_the_others(planner):
    """Does typing a share work like set_allocation, updating the other channels' boxes?"""
    planner.type_share("paid_search", 70)
    assert planner.plan.channel("paid_search").share == 70
    assert round(planner.plan.allocated, 2) == 100
    assert planner.shares["paid_social"] == planner.plan.channel("paid_social").share


def test_the_projection_updates_as_the_plan_changes(planner):
    """Does the table show the new projection after an assumption changes?"""
    before = planner.projection.revenue
    planner.set_assumption("paid_search", "conversion_rate", 5)
    after = planner.projection
    assert after.revenue > before
    assert f"£{after.revenue:,.2f}" in planner.table
    assert "Bar chart of projected ROAS by channel" in planner.returns


def test_bad_input_shows_a_message_and_keeps_the_plan(planner):
    """Does an impossible assumption typed in the box show an alert and change nothing?"""
    before = planner.plan
    planner.fill_assumption("email", "ctr", 150)
    planner.apply()
    assert "cannot be more than 100%" in planner.warning
    assert planner.plan == before
    with pytest.raises(PlanError):
        planner.set_assumption("email", "ctr", 150)


def test_budget_dates_and_objective(planner):
    """Can the budget, dates and objective be changed, with impossible ones refused?"""
    assert planner.set_budget(5000).budget == 5000
    assert planner.projection.spend == 5000
    assert planner.set_objective("retention").objective == "retention"
    assert planner.set_dates("2026-10-01", "2026-10-14").days == 14
    with pytest.raises(PlanError, match="before the start date"):
        planner.set_dates("2026-10-14", "2026-10-01")
    assert planner.plan.days == 14


def test_each_channel_has_a_funnel_with_alt_text_and_working(planner):
    """Does choosing a channel show its funnel chart, alt text and the working out?"""
    planner.show_funnel("email")
    shown = planner.funnel
    assert "alt='Funnel for Email: impressions" in shown
    assert "Impressions = £1,000.00 ÷" in shown


def test_export_writes_a_summary_and_saves_evidence(planner, tmp_path):
    """Does Export write the HTML page beside the notebook and save the plan as evidence?"""
    planner.set_allocation("display", 5)
    path = planner.export()
    assert path.parent == tmp_path
    page = path.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "Campaign plan: Harbour &amp; Pine autumn homeware" in page
    assert "Prepared by ab123" in page
    assert page.count("<img ") == 1 + len(planner.plan.channels)  # ROAS chart + a funnel each
    assert "alt='" in page
    document = json.loads(planner.session.file.path.read_text())
    saved = document["attempts"][-1]["work"]
    assert saved["plan"]["channels"][3] == {
        **saved["plan"]["channels"][3],
        "name": "display",
        "share": 5,
    }
    assert saved["exports"][-1]["revenue"] == project(planner.plan).revenue
    assert "Saved to evidence/campaign-plan.json" in planner.message
    assert "The summary is in campaign-plan-harbour-pine-autumn-homeware.html" in planner.message
    assert not list(tmp_path.glob(".*.tmp"))  # the atomic write left no temporary file


def test_a_second_export_keeps_the_first(planner):
    """Is each export kept in the evidence file rather than lost?"""
    planner.export()
    planner.set_allocation("email", 0)
    planner.export()
    attempts = json.loads(planner.session.file.path.read_text())["attempts"]
    assert len(attempts) == 1
    assert len(attempts[0]["work"]["exports"]) == 2


def test_a_plan_can_be_given(tmp_path):
    """Can the planner start from a plan the tutor made?"""
    plan = sample_plan().with_allocation("display", 0)
    planner = CampaignPlanner(plan, folder=tmp_path)
    assert planner.plan.unallocated == 15
    assert planner.starting_plan == plan


def test_opening_the_planner_saves_nothing(tmp_path):
    """Does merely opening the planner leave the evidence folder untouched?"""
    CampaignPlanner(folder=tmp_path / "evidence", export_folder=tmp_path)
    assert not (tmp_path / "evidence").exists()


def test_typing_a_share_is_saved_without_pressing_a_button(tmp_path):
    """Is a typed share saved within a second, with no button pressed?"""
    planner = CampaignPlanner(folder=tmp_path, export_folder=tmp_path)
    planner.type_share("display", 5)
    planner.session.flush()  # what the timer does within half a second
    assert _saved(tmp_path).latest.work.plan.to_plan() == planner.plan


def test_a_new_planner_on_the_same_folder_shows_the_learners_plan(tmp_path):
    """After a kernel restart, does the planner reopen with the learner's plan, form and
    funnel, and carry on in the same attempt?"""
    first = CampaignPlanner(folder=tmp_path, export_folder=tmp_path)
    first.type_share("paid_search", 50)
    first.set_assumption("email", "ctr", 3.5)
    first.fill_assumption("display", "aov", 61)  # typed but never applied
    first.show_funnel("affiliate")
    first.session.flush()
    again = CampaignPlanner(folder=tmp_path, export_folder=tmp_path)
    assert again.plan == first.plan
    assert again.work == first.work
    assert again.shares == first.shares
    assert again.plan.channel("email").ctr == 3.5
    assert "Allocated 100%" in again.allocation
    assert "Funnel for Affiliate" in again.funnel
    assert again.starting_plan != again.plan
    again.set_allocation("email", 0)
    again.session.flush()
    record = _saved(tmp_path)
    assert len(record.attempts) == 1  # carrying on is the same attempt
    assert record.latest.work.plan.to_plan() == again.plan


def test_start_again_goes_back_to_the_starting_plan_in_a_new_attempt(tmp_path):
    """Does Start again show the starting plan, keep the earlier attempt, and reopen fresh?"""
    planner = CampaignPlanner(folder=tmp_path, export_folder=tmp_path)
    planner.set_allocation("display", 0)
    planner.export()
    planner.reset()
    assert planner.plan == planner.starting_plan
    assert planner.work.exports == ()
    planner.session.flush()
    assert [a.number for a in _saved(tmp_path).attempts] == [1, 2]
    assert CampaignPlanner(folder=tmp_path).plan == planner.starting_plan


def test_assessment_mode_and_feedback_are_saved_with_the_plan(tmp_path):
    """Does a planner in an assignment say so in its evidence, and assess the plan saved?"""
    planner = CampaignPlanner(folder=tmp_path, export_folder=tmp_path, mode="assessment")
    planner.set_allocation("display", 5)
    planner.session.flush()
    assert _saved(tmp_path).latest.mode == "assessment"
    assert "allocation" in {f.check for f in planner.assessment.of("should fix")}


def test_a_file_from_the_previous_release_is_shown(tmp_path):
    """Does a campaign-plan.json saved by the last release reopen as the learner's plan?"""
    (tmp_path / "campaign-plan.json").write_text(V1.read_text("utf-8"), "utf-8")
    planner = CampaignPlanner(folder=tmp_path, export_folder=tmp_path)
    assert planner.plan.channel("display").share == 5
    assert planner.shares["email"] == 0
    planner.set_allocation("email", 5)
    planner.session.flush()
    document = json.loads((tmp_path / "campaign-plan.json").read_text())
    assert document["schema_version"] == 2
    (attempt,) = document["attempts"]
    assert attempt["number"] == 1
    assert len(attempt["work"]["exports"]) == 1


def test_a_broken_evidence_file_does_not_stop_the_planner(tmp_path):
    """If the evidence file was damaged, does the planner carry on and say what happened?"""
    (tmp_path / "campaign-plan.json").write_text("{broken")
    planner = CampaignPlanner(folder=tmp_path, export_folder=tmp_path)
    assert planner.plan == planner.starting_plan
    planner.set_allocation("display", 5)
    planner.session.flush()
    assert "could not be read" in planner.message
    assert _saved(tmp_path).latest.work.plan.to_plan() == planner.plan


def test_a_saved_plan_that_does_not_add_up_opens_the_starting_plan(tmp_path):
    """Is an edited plan that cannot work set aside for the starting plan, with a notice?"""
    first = CampaignPlanner(folder=tmp_path)
    first.set_allocation("display", 5)
    first.session.flush()
    document = json.loads((tmp_path / "campaign-plan.json").read_text())
    document["attempts"][0]["work"]["plan"]["channels"][0]["share"] = 150
    (tmp_path / "campaign-plan.json").write_text(json.dumps(document))
    again = CampaignPlanner(folder=tmp_path)
    assert again.plan == again.starting_plan
    assert "could not be used" in again.message
