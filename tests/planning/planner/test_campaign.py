"""The planner's objective, budget and date controls, and an export that cannot be written."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from coursework_kit.errors import CourseworkError
from coursework_kit.planning import CampaignPlanner
from coursework_kit.planning.plan import OBJECTIVES
from coursework_kit.planning.planner._campaign import objective_choices, read_budget, with_dates
from coursework_kit.planning.planner.record import PlanRecord
from coursework_kit.records import RecordFile

V1 = Path(__file__).resolve().parents[2] / "golden" / "records" / "v1" / "campaign-plan.json"


@pytest.fixture
def planner(tmp_path):
    return CampaignPlanner(folder=tmp_path / "evidence", export_folder=tmp_path, author="ab123")


def _latest(folder):
    return RecordFile(PlanRecord, "", Path(folder)).load().latest.work.plan


def test_the_objectives_offered_are_the_courses_own_words():
    """Does the list offer every objective a plan can have, worded as in the matching task?"""
    choices = {key: label for label, key in objective_choices()}
    assert list(choices) == list(OBJECTIVES)
    assert choices["acquisition"] == "Acquisition (win first-time customers)"


def test_the_controls_show_the_plan_as_it_stands(planner):
    """Do the boxes show the starting plan's objective, budget and dates, and the measure?"""
    plan = planner.plan
    controls = planner._campaign  # what is on screen
    assert controls.objective.value == plan.objective
    assert controls.budget.value == "10,000"
    assert (controls.start.value, controls.end.value) == (plan.start, plan.end)
    assert "Judge this plan by new customers" in planner.campaign
    assert "from 01 September 2026 to 31 October 2026" in planner.campaign
    assert "61 days" in planner.campaign


def test_choosing_an_objective_changes_the_plan_and_is_saved(planner, tmp_path):
    """Does the chosen objective go into the plan, the measure shown and the evidence?"""
    planner.choose_objective("retention")
    assert planner.plan.objective == "retention"
    assert "repeat orders" in planner.campaign
    planner.session.flush()
    assert _latest(tmp_path / "evidence").objective == "retention"
    assert "The objective is retention" in planner.assessment.summary


GOOD = [
    ("£12,000", 12000),
    ("12000", 12000),
    (" 7 500.50 ", 7500.5),
    ("£ 950", 950),
    ("2500.", 2500),
]
BAD = [
    ("", "Type the total budget in pounds"),
    ("   ", "Type the total budget in pounds"),
    ("ten thousand", "is not a number"),
    ("1,00", "use commas only to group thousands"),
    ("$5000", "in pounds (£)"),
    ("5000 €", "in pounds (£)"),
    ("0", "more than £0"),
    ("-500", "cannot be negative"),
    ("10%", "without the % sign"),
    ("nan", "is not a number"),
]


@pytest.mark.slow
def test_a_budget_typed_as_people_write_money_is_used(planner):
    """Are the ways people type pounds read, the spend following the budget?"""
    for typed, budget in GOOD:
        planner.type_budget(typed)
        assert planner.plan.budget == budget, typed
        assert planner.campaign_problem == ""
        assert planner.projection.spend == pytest.approx(budget, abs=0.05)


def test_a_budget_that_cannot_be_used_is_explained_beside_its_box(planner):
    """Is each unusable budget refused in plain words under the box, the plan kept as it was?"""
    before = planner.plan
    for typed, words in BAD:
        planner.type_budget(typed)
        assert words in planner.campaign_problem, typed
        assert "role='alert'" in planner.campaign_problem
        assert planner.plan == before
    planner.type_budget("9,000")  # put right, the message goes
    assert planner.campaign_problem == ""
    assert planner.plan.budget == 9000


def test_read_budget_raises_the_kits_own_errors():
    """Does the budget reader raise a CourseworkError (never a bare ValueError)?"""
    for typed in ("", "lots", "1.2.3", "£", None, True):
        with pytest.raises(CourseworkError):
            read_budget(typed)


def test_a_date_left_empty_or_not_a_date_is_refused_in_words():
    """Does the date rule refuse an empty box or text, naming which date is missing?"""
    from coursework_kit.planning.history import sample_plan

    plan = sample_plan()
    for start, end, words in [
        (None, date(2026, 10, 1), "Choose the start date"),
        (date(2026, 10, 1), None, "Choose the end date"),
        ("2026-10-01", date(2026, 10, 2), "Choose the start date"),
        (date(2026, 10, 2), date(2026, 10, 1), "before the start date"),
    ]:
        with pytest.raises(CourseworkError, match=words):
            with_dates(plan, start, end)
    assert with_dates(plan, date(2026, 10, 1), date(2026, 10, 1)).days == 1


def test_dates_change_the_plan_and_an_end_before_the_start_is_refused(planner):
    """Are picked dates used, and an end before the start (or a date left empty) refused?"""
    planner.choose_dates(date(2026, 10, 1), date(2026, 10, 14))
    assert (planner.plan.start, planner.plan.end, planner.plan.days) == (
        date(2026, 10, 1),
        date(2026, 10, 14),
        14,
    )
    assert "14 days" in planner.campaign
    planner.choose_dates(date(2026, 10, 14), date(2026, 10, 1))
    assert "before the start date" in planner.campaign_problem
    assert planner.plan.days == 14
    planner.choose_dates(date(2026, 10, 1), None)
    assert "Choose the end date" in planner.campaign_problem
    planner.choose_dates(None, date(2026, 10, 1))
    assert "Choose the start date" in planner.campaign_problem
    planner.choose_dates(date(2026, 11, 2), date(2026, 11, 2))  # a one-day campaign
    assert planner.plan.days == 1
    assert "1 day," in planner.campaign
    assert planner.campaign_problem == ""


@pytest.mark.slow
def test_the_export_and_a_restart_keep_objective_budget_and_dates(planner, tmp_path):
    """Does the exported summary show them, and does a new planner reopen with them?"""
    planner.choose_objective("awareness")
    planner.type_budget("£8,000")
    planner.choose_dates(date(2026, 11, 2), date(2026, 11, 29))
    path = planner.export()
    page = path.read_text("utf-8")
    assert "<strong>Objective:</strong> awareness; judge it by impressions" in page
    assert "<strong>Budget:</strong> £8,000.00" in page
    assert "02 November 2026 to 29 November 2026 (28 days)" in page
    again = CampaignPlanner(folder=tmp_path / "evidence", export_folder=tmp_path)
    assert (again.plan.objective, again.plan.budget) == ("awareness", 8000)
    assert (again.plan.start, again.plan.end) == (date(2026, 11, 2), date(2026, 11, 29))
    assert again._campaign.budget.value == "8,000"


def test_a_plan_saved_by_the_first_release_opens_with_its_objective_and_dates(tmp_path):
    """Does a campaign-plan.json in the first release's format fill these controls?"""
    (tmp_path / "campaign-plan.json").write_text(V1.read_text("utf-8"), "utf-8")
    planner = CampaignPlanner(folder=tmp_path, export_folder=tmp_path)
    saved = json.loads(V1.read_text("utf-8"))["attempts"][-1]["data"]["plan"]
    assert planner.plan.objective == saved["objective"]
    assert planner.plan.budget == saved["budget"]
    assert planner.plan.start.isoformat() == saved["start"]
    assert "Judge this plan by" in planner.campaign


def _unwritable(tmp_path, kind):
    if kind == "missing folder":
        return tmp_path / "not-there"
    (tmp_path / "notes.txt").write_text("x")
    if kind == "a file, not a folder":
        return tmp_path / "notes.txt"
    if kind == "inside a file":
        return tmp_path / "notes.txt" / "plans"
    return tmp_path / ("a-very-long-name-" * 20)  # longer than a folder name can be


@pytest.mark.slow
def test_an_export_folder_that_cannot_be_written_is_explained_and_the_plan_kept(tmp_path):
    """Does Export into a folder it cannot write show a plain message, keeping the plan?"""
    planner = CampaignPlanner(folder=tmp_path / "evidence", export_folder=tmp_path / "x")
    planner.type_share("display", 5)
    for kind in ("missing folder", "a file, not a folder", "inside a file", "name too long"):
        planner.export_folder = _unwritable(tmp_path, kind)
        assert planner.export() is None, kind
        assert "The summary could not be saved in" in planner.message
        assert "Your plan is still saved" in planner.message
        assert "Errno" not in planner.message
        assert _latest(tmp_path / "evidence").to_plan() == planner.plan
    assert planner.work.exports == ()
    planner.export_folder = tmp_path  # the learner chooses a folder that works
    assert planner.export().is_file()
    assert len(planner.work.exports) == 1
