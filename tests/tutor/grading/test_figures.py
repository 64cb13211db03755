"""The grader judges a numeric answer by the same rule, and the same reader, as the self-checks."""

from __future__ import annotations

from pathlib import Path

import nbformat
import numpy as np
import pytest

from coursework_kit.errors import CourseworkError
from coursework_kit.metrics import check_answer
from coursework_kit.tutor.grading.figures import FORMS, answer_form, figure_matches, figures_for
from coursework_kit.tutor.grading.keys import load_key

ROOT = Path(__file__).resolve().parents[3]
COURSE = ROOT / "assignments"
LEARNERS = ("ab123", "demo-full-marks", "zz999", "learner-7")


def _answers_from(expected: float) -> list[object]:
    """Answers a learner might give: right, rounded, cut off, slipped, typed as text."""
    two = round(expected, 2)
    return [
        expected,
        two,
        float(np.floor(expected * 100) / 100),
        round(expected, 1),
        round(expected),
        expected * 1.004,
        expected * 1.02,
        expected / 100,
        expected * 100,
        -expected,
        0,
        np.float64(two),
        f"{two}",
        f"{two}%",
        f"£{two:,}",
        "abc",
        "",
        "1,2,3",
    ]


def _unit1_ctr(learner):
    from coursework_kit.datasets import load_campaigns

    campaigns = load_campaigns(learner=learner)
    a = campaigns[(campaigns["channel"] == "paid_search") & (campaigns["week"] == 5)].iloc[0]
    return "ctr", {"clicks": int(a.clicks), "impressions": int(a.impressions)}


def _unit2_cac(learner):
    from coursework_kit.datasets import load_campaigns

    campaigns = load_campaigns(learner=learner)
    social = campaigns[campaigns["channel"] == "paid_social"]
    spend = round(float(social["spend"].sum()), 2)
    customers = round(float(social["new_customers"].sum()), 2)
    return "cac", {"cost": spend, "new_customers": customers}


def _unit3_aht(learner):
    from coursework_kit.datasets import load_contacts

    contacts = load_contacts(learner=learner)
    chats = contacts[(contacts["channel"] == "live_chat") & (contacts["week"] == 3)]
    return "aht", {
        "total_handle_seconds": int(chats["handle_seconds"].sum()),
        "contacts": len(chats),
    }


def _unit4_csat(learner):
    from coursework_kit.datasets import load_contacts

    contacts = load_contacts(learner=learner)
    chats = contacts[(contacts["channel"] == "live_chat") & (contacts["week"] == 2)]
    return "csat", {"ratings": [int(r) for r in chats["csat_rating"].dropna()]}


@pytest.mark.parametrize(
    ("figure_set", "figure", "work_out"),
    [
        ("unit1", "ctr", _unit1_ctr),
        ("unit2", "cac", _unit2_cac),
        ("unit3", "aht", _unit3_aht),
        ("unit4", "csat", _unit4_csat),
    ],
)
@pytest.mark.parametrize("learner", LEARNERS[:2])
def test_the_self_check_and_the_grader_agree(figure_set, figure, work_out, learner):
    """For the same answer, figures and rounding, do check_answer and the grader give the
    same verdict, for right answers, roundings, × 100 slips, 0 and text alike?"""
    expected = float(figures_for(figure_set, learner)[figure])
    metric, figures = work_out(learner)
    places = answer_form(figure_set, figure).places
    for answer in _answers_from(expected):
        graded = figure_matches(figure_set, figure, answer, expected)
        checked = check_answer(metric, answer, places=places, **figures).correct
        assert graded == checked, (figure_set, figure, answer, expected)
    assert figure_matches(figure_set, figure, round(expected, 2), expected)
    assert not figure_matches(figure_set, figure, 0, expected)
    assert not figure_matches(figure_set, figure, expected / 100, expected)


def test_the_projection_self_check_and_the_grader_agree():
    """Do check_projection and the grader agree on a count (one either way, never 0)?"""
    from datetime import date

    from coursework_kit.planning import CampaignPlan, Channel, check_projection, project

    plan = project(
        CampaignPlan(
            "Marked plan", "acquisition", "New customers", 8000, date(2026, 3, 1),
            date(2026, 3, 31), (Channel("paid_search", 100, "cpc", 0.6, 5, 3, 50, 50),),
        )
    )  # fmt: skip
    clicks = plan.clicks
    for answer in (clicks, clicks + 1, clicks - 1, clicks + 2, 0, f"{clicks:,}", clicks / 100):
        graded = figure_matches("unit5", "clicks", answer, clicks)
        assert check_projection("clicks", answer, plan).correct == graded, answer


def test_every_numeric_part_of_every_key_has_a_form():
    """Does each numeric answer an answer key marks have a unit and rounding here?"""
    for path in sorted((COURSE / "keys").glob("unit*.yaml")):
        key = load_key(COURSE, path.stem)
        for parts in key.checks.values():
            for part in parts:
                if part.kind == "numeric":
                    assert answer_form(key.figures or "", part.figure or "").unit
    with pytest.raises(CourseworkError, match="no numeric figure"):
        answer_form("unit1", "decision")
    assert set(FORMS) == {"unit1", "unit2", "unit3", "unit4", "unit5"}


def _solution_answers(assignment: str, learner: str, monkeypatch) -> dict[str, object]:
    """What the notebook's own solution gives, worked out as the demo class submits it."""
    import coursework_kit.tutor.grading as grading

    monkeypatch.setattr(grading, "current_learner", lambda **_: learner)
    notebook = next((COURSE / "source" / assignment).glob("*.ipynb"))
    space: dict[str, object] = {}
    for cell in nbformat.read(notebook, as_version=4).cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id", "")
        if cell.cell_type == "code" and (grade_id == "setup" or grade_id.endswith("-answer")):
            exec(compile(cell.source, f"{assignment}:{grade_id}", "exec"), space)
    return space


@pytest.mark.parametrize("assignment", ["unit1", "unit2", "unit3", "unit4", "unit5"])
def test_the_solutions_keep_full_marks(assignment, monkeypatch, capsys):
    """Does each assignment's own solution, for several learners, still earn every numeric
    mark, by the one rule and as the grader marks it?"""
    from coursework_kit.tutor.grading.scoring import mark_numeric

    key = load_key(COURSE, assignment)
    for learner in LEARNERS:
        answers = _solution_answers(assignment, learner, monkeypatch)
        expected = figures_for(key.figures or "", learner)
        for parts in key.checks.values():
            for part in parts:
                if part.kind != "numeric":
                    continue
                answer, right = answers[part.subject], float(expected[part.figure or ""])
                assert figure_matches(key.figures or "", part.figure or "", answer, right), (
                    learner,
                    part.subject,
                    answer,
                    right,
                )
                form = answer_form(key.figures or "", part.figure or "")
                marked = mark_numeric(
                    answer, right, points=part.points, tolerance=part.tolerance, form=form
                )
                assert marked.earned == part.points
