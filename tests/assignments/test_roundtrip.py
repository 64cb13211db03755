"""The nbgrader round trip for real: generate, release, fetch, submit, collect, autograde,
feedback, with nbgrader's own commands and a temporary exchange.

Learners: one who gets everything right, one partly right, one who submits the untouched
release, and one who copies the first learner's numbers (which are wrong for their figures).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
COURSE = "coursework-kit"


def nbgrader(*args: str, cwd: Path, exchange: Path) -> str:
    env = dict(os.environ, PATH=f"{BIN}{os.pathsep}{os.environ['PATH']}")
    env.pop("JUPYTERHUB_USER", None)
    result = subprocess.run(
        [str(BIN / "nbgrader"), *args, f"--Exchange.root={exchange}", f"--course={COURSE}"],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout + result.stderr


def right_answers(learner: str) -> dict[str, str]:
    """The right answers for ``learner``'s figures, worked out here independently."""
    from coursework_kit.datasets import load_campaigns, load_email_sends

    data = load_campaigns(learner=learner)
    a = data[(data["channel"] == "paid_search") & (data["week"] == 5)].iloc[0]
    e = load_email_sends(learner=learner).query("week == 6").iloc[0]
    social = data[data["channel"] == "paid_social"]
    spend, revenue = float(social["spend"].sum()), float(social["revenue"].sum())
    return {
        "ctr_answer": f"{a.clicks / a.impressions * 100:.2f}",
        "conversion_answer": f"{a.conversions / a.sessions * 100:.2f}",
        "open_rate_answer": f"{e.opens / e.delivered * 100:.2f}",
        "roi_answer": f"{(revenue - spend) / spend * 100:.2f}",
        "decision": '"c"',
    }


def answer(path: Path, values: dict[str, str], written: str = "") -> None:
    notebook = nbformat.read(path, as_version=4)
    for cell in notebook.cells:
        if written and cell.metadata.get("nbgrader", {}).get("grade_id") == "task5-answer":
            cell.source = written
        for name, value in values.items():
            if cell.cell_type == "code":
                cell.source = re.sub(
                    rf"^{name} = None", f"{name} = {value}", cell.source, flags=re.MULTILINE
                )
    nbformat.write(notebook, path)


@pytest.mark.slow
def test_unit1_round_trip(tmp_path):
    """Full marks for right answers, partial for partly right, zero for the untouched release
    and for copied numbers; feedback for everyone; no answers in the release."""
    course, exchange = tmp_path / "course", tmp_path / "exchange"
    course.mkdir()
    exchange.mkdir()
    shutil.copy(ROOT / "assignments" / "nbgrader_config.py", course)
    shutil.copytree(ROOT / "assignments" / "source", course / "source")
    shutil.copytree(ROOT / "assignments" / "keys", course / "keys")
    nbgrader("generate_assignment", "unit1", "--force", cwd=course, exchange=exchange)
    released = nbformat.read(course / "release" / "unit1" / "unit1.ipynb", as_version=4)
    release_text = "\n".join(c.source for c in released.cells)
    assert "BEGIN SOLUTION" not in release_text
    assert "score_numeric" not in release_text  # the hidden checks are gone
    assert '"c"' not in release_text
    assert "Mark scheme" not in release_text
    nbgrader("release_assignment", "unit1", "--force", cwd=course, exchange=exchange)

    good = right_answers("learner-good")
    learners = {
        "learner-good": good,
        "learner-partial": {
            k: v
            for k, v in right_answers("learner-partial").items()
            if k in ("ctr_answer", "decision")
        },
        "learner-blank": {},
        "learner-copier": good,
    }
    for learner, values in learners.items():
        home = tmp_path / learner
        home.mkdir()
        nbgrader("fetch_assignment", "unit1", cwd=home, exchange=exchange)
        written = (
            "Paid search did well: about 5 in 100 people clicked."
            if learner == ("learner-good")
            else ""
        )
        answer(home / "unit1" / "unit1.ipynb", values, written)
        nbgrader("submit", "unit1", f"--student={learner}", cwd=home, exchange=exchange)

    nbgrader("collect", "unit1", "--CollectApp.check_owner=False", cwd=course, exchange=exchange)
    nbgrader("autograde", "unit1", "--create", cwd=course, exchange=exchange)
    nbgrader("generate_feedback", "unit1", cwd=course, exchange=exchange)

    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        scores = {
            learner: gradebook.find_submission("unit1", learner).code_score for learner in learners
        }
    # 10 autograded marks: CTR 2, conversion 2, open rate + ROI 4, decision 2
    assert scores["learner-good"] == 10
    assert scores["learner-partial"] == 4
    assert scores["learner-blank"] == 0
    assert scores["learner-copier"] == 2  # only the decision, which has no per-learner figures
    for learner in learners:
        feedback = course / "feedback" / learner / "unit1" / "unit1.html"
        assert feedback.is_file(), learner

    from coursework_kit.tutor.graded import grading_report

    report = grading_report(course, "unit1")
    assert report.not_graded == ()
    assert {r.learner: r.score for r in report.learners} == scores

    from coursework_kit.tutor.cli import main
    from coursework_kit.tutor.reports import criteria_matrix

    matrix = criteria_matrix(course)
    assert matrix.status("learner-good", "U1-AC4").status == "met"
    assert "task1-check (2/2)" in matrix.status("learner-good", "U1-AC4").evidence
    assert matrix.status("learner-good", "U1-AC3").status == "not marked"  # written, unmarked
    assert "awaiting your mark" in matrix.status("learner-good", "U1-AC3").evidence
    assert matrix.status("learner-blank", "U1-AC4").status == "not yet met"
    assert matrix.status("learner-blank", "U1-AC3").status == "not yet met"  # left blank: 0
    assert matrix.status("learner-blank", "U1-AC2").status == "not yet met"
    assert matrix.status("learner-good", "U1-AC2").status == "met"
    assert matrix.status("learner-good", "U2-AC1") is None
    assert main(["criteria-report", str(course)]) == 0
    report = (course / "reports" / "criteria.html").read_text()
    assert "Bar chart of learners who have met each criterion: U1-AC1 0, U1-AC2 3" in report
    assert (course / "reports" / "learners" / "learner-copier.html").is_file()
    rows = (course / "reports" / "criteria.csv").read_text().splitlines()
    assert rows[0] == "learner,criterion,status,evidence"


@pytest.mark.slow
def test_source_notebooks_pass_nbgrader_validate(tmp_path):
    """Does `nbgrader validate` pass on each assignment's solution version (with the demo
    learner's chats saved beside it, as a learner's would be)?"""
    from coursework_kit.tutor.demo import demo_answers, fill_submission

    answers = demo_answers(ROOT / "assignments")
    for source in sorted((ROOT / "assignments" / "source").glob("*/*.ipynb")):
        copy = tmp_path / source.parent.name
        shutil.copytree(source.parent, copy)
        fill_submission(copy / source.name, source, "good", answers, assignment=source.parent.name)
        out = nbgrader("validate", str(copy / source.name), cwd=tmp_path, exchange=tmp_path)
        assert "Success! Your notebook passes all the tests." in out, out
