"""`coursework grading-report`: who autograde marked, who it did not, why, and what to do."""

from __future__ import annotations

import json

from coursework_kit.tutor.cli import main
from coursework_kit.tutor.graded import grading_report


def handed_in(course, learner, text):
    folder = course / "submitted" / learner / "unit1"
    folder.mkdir(parents=True)
    if text is not None:
        (folder / "unit1.ipynb").write_text(text)
    return folder


def test_each_learner_not_graded_is_named_with_why_and_what_to_do(tmp_path, capsys):
    course = tmp_path / "course"
    handed_in(course, "broken", '{"cells": [')
    handed_in(course, "nothing", None)
    handed_in(course, "waiting", json.dumps({"cells": [], "metadata": {}}))
    report = grading_report(course, "unit1")
    why = {r.learner: (r.why, r.todo) for r in report.not_graded}
    assert set(why) == {"broken", "nothing", "waiting"}
    assert "damaged" in why["broken"][0]
    assert "--student broken" in why["broken"][1]
    assert "No notebook" in why["nothing"][0]
    assert "not marked" in why["waiting"][0]
    assert main(["grading-report", str(course), "unit1"]) == 1
    assert "0 of 3 learners graded" in capsys.readouterr().out


def test_a_course_with_nothing_collected_is_refused(tmp_path, capsys):
    assert main(["grading-report", str(tmp_path), "unit1"]) == 2
    assert "nbgrader collect" in capsys.readouterr().err
