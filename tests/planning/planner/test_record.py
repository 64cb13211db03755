"""The campaign planner's record: its golden file, the plan's figures, and old files read."""

from __future__ import annotations

import dataclasses
import json
import typing
from pathlib import Path

import pytest

from coursework_kit.planning.plan import COST_MODELS, OBJECTIVES, PlanError
from coursework_kit.planning.planner.record import (
    CostModel,
    Objective,
    PlanExport,
    PlanForm,
    PlanRecord,
    PlanWork,
    details_of,
)
from coursework_kit.records import RecordFile, RecordShapeError

from ..conftest import small_plan

AT = "2026-11-02T10:00:00+00:00"
V1 = Path(__file__).resolve().parents[2] / "golden" / "records" / "v1" / "campaign-plan.json"


def _record() -> PlanRecord:
    work = PlanWork(
        plan=details_of(small_plan()),
        form=PlanForm(channel="paid_search", assumption="ctr", value=4.5),
        funnel_for="paid_social",
        exports=(
            PlanExport(
                summary="campaign-plan-two-week-test.html",
                spend=2000.0,
                conversions=74,
                revenue=4460.0,
                roi=123.0,
                roas=2.23,
                at=AT,
            ),
        ),
    )
    return PlanRecord.new("").with_work(work, learner="ab123", at=AT)


def test_the_record_matches_its_golden_file(golden):
    """Is a plan record saved exactly as tests/golden/records/plan.json shows?"""
    golden("records/plan.json", json.dumps(_record().to_json(), indent=1) + "\n")


def test_the_evidence_file_keeps_its_first_name():
    """Is the planner's evidence still evidence/campaign-plan.json, so old files are found?"""
    assert _record().file_name == "campaign-plan.json"
    assert PlanRecord.activity_for("") == "campaign-plan"


def test_the_saved_figures_make_the_same_plan():
    """Do a plan's saved figures build the very same plan again?"""
    plan = small_plan()
    assert details_of(plan).to_plan() == plan
    assert PlanRecord.from_json(_record().to_json()).latest.work.plan.to_plan() == plan


def test_the_record_knows_every_objective_and_cost_model():
    """Does the record accept exactly the objectives and cost models a plan can have?"""
    assert set(typing.get_args(Objective)) == set(OBJECTIVES)
    assert set(typing.get_args(CostModel)) == set(COST_MODELS)


def test_figures_that_do_not_add_up_are_read_but_refused_as_a_plan():
    """Is an edited plan (a share over 100%) still readable, and refused only as a plan?"""
    details = details_of(small_plan())
    bad = dataclasses.replace(details.channels[0], share=150.0)
    work = PlanWork(plan=dataclasses.replace(details, channels=(bad,)))
    record = PlanRecord.from_json(PlanRecord.new("").with_work(work, at=AT).to_json())
    with pytest.raises(PlanError, match="more than 100%"):
        record.latest.work.plan.to_plan()


def test_a_file_saved_by_the_previous_release_is_read(tmp_path):
    """Is a schema-1 campaign-plan.json (as the last release wrote it) read as a plan record?"""
    (tmp_path / "campaign-plan.json").write_text(V1.read_text("utf-8"), "utf-8")
    record = RecordFile(PlanRecord, "", tmp_path).load()
    (attempt,) = record.attempts
    assert (attempt.number, attempt.saves, attempt.mode) == (1, 2, "practice")
    plan = attempt.work.plan.to_plan()
    assert plan.channel("display").share == 5
    assert plan.channel("email").ctr == 2.5
    (export,) = attempt.work.exports
    assert export.summary == "campaign-plan-harbour-pine-autumn-homeware.html"
    assert export.revenue == 31301.71
    assert record.scenario == ""


def test_a_schema_1_file_without_a_plan_is_refused():
    """Is a schema-1 attempt with no plan in it refused plainly, not half read?"""
    document = json.loads(V1.read_text("utf-8"))
    del document["attempts"][0]["data"]["plan"]
    with pytest.raises(RecordShapeError, match="no plan"):
        PlanRecord.from_json(document)
    document = json.loads(V1.read_text("utf-8"))
    document["attempts"][0]["data"]["plan"]["channels"][0]["colour"] = "red"
    with pytest.raises(RecordShapeError, match="wrong shape"):
        PlanRecord.from_json(document)
