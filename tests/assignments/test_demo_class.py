"""`coursework demo-class`: the whole nbgrader workflow on three synthetic learners."""

from __future__ import annotations

from pathlib import Path

import pytest

from coursework_kit.tutor.cli import main

ROOT = Path(__file__).resolve().parents[2]
ASSIGNMENTS = sorted(p.name for p in (ROOT / "assignments" / "source").iterdir() if p.is_dir())


@pytest.mark.slow
def test_every_assignment_is_released_submitted_and_autograded(demo_class):
    """Full autograded marks for the learner who gets everything right, some for the partly
    right learner, none for the untouched release, in every assignment?"""
    assert demo_class.assignments == ASSIGNMENTS
    for assignment in ASSIGNMENTS:
        got, out_of = demo_class.scores["demo-all-right"][assignment]
        assert got == out_of > 0, assignment
        got, _ = demo_class.scores["demo-partly-right"][assignment]
        assert 0 < got < out_of, assignment
        assert demo_class.scores["demo-untouched"][assignment] == (0, out_of), assignment


@pytest.mark.slow
def test_feedback_report_and_where_things_are(demo_class):
    """Does every learner get feedback, is the criteria report written, and does the summary
    say where everything is?"""
    course = demo_class.course
    for learner in ("demo-all-right", "demo-partly-right", "demo-untouched"):
        for assignment in ASSIGNMENTS:
            assert (course / "feedback" / learner / assignment / f"{assignment}.html").is_file()
    assert (course / "reports" / "criteria.html").is_file()
    assert (course / "reports" / "learners" / "demo-partly-right.html").is_file()
    summary = demo_class.summary()
    assert str(course / "gradebook.db") in summary
    assert "Formgrader" in summary
    assert demo_class.steps[-1] == "done"
    assert any(step.startswith("autograde ") for step in demo_class.steps)


@pytest.mark.slow
def test_chats_are_marked_from_the_saved_transcript(demo_class):
    """Are the demo learners' chats saved as evidence and marked from their words?"""
    from coursework_kit.tutor.reports import criteria_matrix

    matrix = criteria_matrix(demo_class.course)
    assert matrix.status("demo-all-right", "U4-AC1").status == "met"
    assert matrix.status("demo-partly-right", "U3-AC2").status == "not yet met"
    assert matrix.status("demo-untouched", "U3-AC5").status == "not yet met"


def test_refuses_a_folder_that_is_not_empty(tmp_path, capsys):
    """Does the command refuse to build over existing files, with a plain message?"""
    (tmp_path / "notes.txt").write_text("mine")
    code = main(["demo-class", str(tmp_path), "--course", str(ROOT / "assignments")])
    assert code == 2
    assert "is not empty" in capsys.readouterr().err
    assert (tmp_path / "notes.txt").read_text() == "mine"


def test_explains_a_missing_course(tmp_path, capsys):
    """Run from the wrong folder, does it say what to do?"""
    code = main(["demo-class", str(tmp_path / "new"), "--course", str(tmp_path)])
    assert code == 2
    assert "--course" in capsys.readouterr().err
