"""The planner, matching activity and journey builder, driven through their methods."""

from __future__ import annotations

import json

import pytest

from coursework_kit.campaigns import (
    CampaignPlanner,
    JourneyBuilder,
    MatchingActivity,
    PlanError,
    project,
)
from coursework_kit.campaigns.history import sample_plan


@pytest.fixture
def planner(tmp_path):
    return CampaignPlanner(folder=tmp_path / "evidence", export_folder=tmp_path, author="ab123")


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
        assert planner._shares[channel].value == share
    assert "= 100%" in planner._unallocated.value


def test_typing_a_share_rebalances_the_others(planner):
    """Does typing a share work like set_allocation, updating the other channels' boxes?"""
    planner._shares["paid_search"].value = 70
    assert planner.plan.channel("paid_search").share == 70
    assert round(planner.plan.allocated, 2) == 100
    assert planner._shares["paid_social"].value == planner.plan.channel("paid_social").share


def test_the_projection_updates_as_the_plan_changes(planner):
    """Does the table show the new projection after an assumption changes?"""
    before = planner.projection.revenue
    planner.set_assumption("paid_search", "conversion_rate", 5)
    after = planner.projection
    assert after.revenue > before
    assert f"£{after.revenue:,.2f}" in planner._table.value
    assert "Bar chart of projected ROAS by channel" in planner._returns.value


def test_bad_input_shows_a_message_and_keeps_the_plan(planner):
    """Does an impossible assumption typed in the box show an alert and change nothing?"""
    before = planner.plan
    planner._channel.value = "email"
    planner._assumption.value = "ctr"
    planner._value.value = 150
    planner._apply()
    assert "cannot be more than 100%" in planner._message.value
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
    planner._funnel_for.value = "email"
    shown = planner._funnel.value
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
    document = json.loads(planner.evidence.path.read_text())
    saved = document["attempts"][-1]["data"]
    assert saved["plan"]["channels"][3] == {
        **saved["plan"]["channels"][3],
        "name": "display",
        "share": 5,
    }
    assert saved["projection"]["revenue"] == project(planner.plan).revenue
    assert "Saved to evidence/campaign-plan.json" in planner._saved.value
    assert not list(tmp_path.glob(".*.tmp"))  # the atomic write left no temporary file


def test_a_second_export_keeps_the_first(planner):
    """Is each export kept in the evidence file rather than lost?"""
    planner.export()
    planner.set_allocation("email", 0)
    planner.export()
    attempts = json.loads(planner.evidence.path.read_text())["attempts"]
    assert len(attempts) == 1
    assert attempts[0]["saves"] == 2


def test_a_plan_can_be_given(tmp_path):
    """Can the planner start from a plan the tutor made?"""
    plan = sample_plan().with_allocation("display", 0)
    planner = CampaignPlanner(plan, folder=tmp_path)
    assert planner.plan.unallocated == 15


class TestMatchingActivity:
    def test_choose_check_and_feedback(self, tmp_path):
        """Does choosing and checking show per-item feedback, a score and save evidence?"""
        activity = MatchingActivity("customer-expectations", folder=tmp_path)
        activity.choose("delivery-slot", "reliability")
        activity.choose("chat-in-minute", "empathy")
        result = activity.check()
        assert result.score == (1, 7)
        assert "✔" in activity._feedback["delivery-slot"].value
        assert "Not yet" in activity._feedback["chat-in-minute"].value
        assert "Choose an answer" in activity._feedback["bereavement"].value
        assert "1 of 7 right." in activity._score.value
        saved = json.loads(activity.evidence.path.read_text())["attempts"][0]["data"]
        assert saved["answers"] == {"delivery-slot": "reliability", "chat-in-minute": "empathy"}
        assert activity.evidence.path.name == "activity-customer-expectations.json"

    def test_unknown_choices_are_refused(self, tmp_path):
        """Is an unknown item or choice refused plainly?"""
        from coursework_kit.errors import DatasetError

        activity = MatchingActivity("pestle", folder=tmp_path)
        with pytest.raises(DatasetError, match="not a choice"):
            activity.choose("ad-costs", "money")
        with pytest.raises(DatasetError, match="no item"):
            activity.choose("weather", "social")


class TestJourneyBuilder:
    def test_build_and_check(self, tmp_path):
        """Does building a journey step by step and checking it give verdicts and evidence?"""
        builder = JourneyBuilder(folder=tmp_path)
        builder.set_trigger("basket-abandoned")
        builder.add_wait(1)
        builder.add_message("basket-reminder", "email")
        builder.add_message("partner-offer", "email")
        result = builder.check()
        assert [s.allowed for s in result.steps] == [None, None, True, False]
        assert "Do not send" in builder._result.value
        saved = json.loads(builder.evidence.path.read_text())["attempts"][0]["data"]
        assert saved["verdicts"] == [None, None, True, False]
        assert saved["ok"] is False

    def test_trigger_stays_first_and_remove_last(self, tmp_path):
        """Does changing the trigger keep it first, and Remove last step keep the trigger?"""
        builder = JourneyBuilder(folder=tmp_path)
        builder.add_message("new-range", "sms")
        builder.set_trigger("lapsed-customer")
        assert [s.kind for s in builder.steps] == ["trigger", "message"]
        assert builder.steps[0].trigger == "lapsed-customer"
        builder.remove_last()
        builder.remove_last()
        assert [s.kind for s in builder.steps] == ["trigger"]
        assert "Add at least one message" in repr(builder.check())

    def test_bad_steps_show_a_message(self, tmp_path):
        """Is a bad wait typed in the form shown as an alert, not a crash?"""
        builder = JourneyBuilder(folder=tmp_path)
        builder._act(lambda: builder.add_wait(0))
        assert "1 to 365" in builder._result.value
        with pytest.raises(PlanError):
            builder.add_message("new-range", "post")
