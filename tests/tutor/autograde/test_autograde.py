"""`coursework autograde`: the whole class side by side, the same marks as plain nbgrader."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from coursework_kit.errors import CourseworkError
from coursework_kit.tutor.autograde import plan_autograde, run_autograde
from coursework_kit.tutor.autograde.course import open_course
from coursework_kit.tutor.autograde.work import _problem
from coursework_kit.tutor.cli import main

ROOT = Path(__file__).resolve().parents[3]


def small_course(folder: Path, assignments=("unit1",)) -> Path:
    """A course folder with a gradebook that knows ``assignments`` (no notebooks run)."""
    from nbgrader.api import Gradebook

    folder.mkdir(parents=True, exist_ok=True)
    (folder / "nbgrader_config.py").write_text(
        'c = get_config()\nc.CourseDirectory.course_id = "t"\n'
    )
    with Gradebook(f"sqlite:///{folder / 'gradebook.db'}", "t") as gradebook:
        for name in assignments:
            gradebook.add_assignment(name)
    return folder


def hand_in(course: Path, learner: str, assignment: str = "unit1", text: str = "{}") -> Path:
    folder = course / "submitted" / learner / assignment
    folder.mkdir(parents=True)
    (folder / f"{assignment}.ipynb").write_text(text)
    return folder


# -- who needs grading -------------------------------------------------------------------------


def test_a_folder_that_is_not_a_course_is_refused_with_what_to_do(tmp_path):
    with pytest.raises(CourseworkError, match=r"no nbgrader_config.py.*--course"):
        plan_autograde(tmp_path, "unit1")


def test_an_assignment_the_gradebook_does_not_know_is_refused_naming_those_it_does(tmp_path):
    course = small_course(tmp_path / "course", ("unit1", "unit2"))
    with pytest.raises(
        CourseworkError, match=r"no assignment called 'unit9' \(it has: unit1, unit2"
    ):
        plan_autograde(course, "unit9")
    with pytest.raises(CourseworkError, match="not an assignment name"):
        plan_autograde(course, "../unit1")


def test_nobody_handed_in_and_an_unknown_learner_are_explained(tmp_path):
    course = small_course(tmp_path / "course")
    with pytest.raises(CourseworkError, match=r"Nobody has handed in unit1.*nbgrader collect"):
        plan_autograde(course, "unit1")
    hand_in(course, "ann")
    with pytest.raises(CourseworkError, match="No hand-in of unit1 from bob"):
        plan_autograde(course, "unit1", learners=["bob"])
    assert plan_autograde(course, "unit1", learners=["ann"]).to_grade == ("ann",)


def test_the_fingerprint_changes_with_the_hand_in_the_source_and_the_key_only(tmp_path):
    """Is a learner graded again when, and only when, something deciding their marks changed?"""
    course = small_course(tmp_path / "course")
    folder = hand_in(course, "ann")
    (course / "source" / "unit1").mkdir(parents=True)
    (course / "keys").mkdir()
    found = open_course(course)
    first = found.fingerprint("unit1", "ann")
    assert found.fingerprint("unit1", "ann") == first
    (course / "submitted" / "bob" / "unit1").mkdir(parents=True)  # someone else's hand-in
    assert found.fingerprint("unit1", "ann") == first
    changes = [
        lambda: (folder / "unit1.ipynb").write_text('{"cells": []}'),
        lambda: (
            (folder / "evidence").mkdir() or (folder / "evidence" / "chat.json").write_text("{}")
        ),
        lambda: (course / "source" / "unit1" / "unit1.ipynb").write_text("{}"),
        lambda: (course / "keys" / "unit1.yaml").write_text("parts: {}"),
        lambda: (folder / "link").symlink_to("/etc/passwd"),
    ]
    seen = {first}
    for change in changes:
        change()
        now = found.fingerprint("unit1", "ann")
        assert now not in seen
        seen.add(now)


def test_a_pipe_in_a_hand_in_is_never_opened(tmp_path):
    """A learner's named pipe would make reading it wait for ever."""
    course = small_course(tmp_path / "course")
    folder = hand_in(course, "ann")
    os.mkfifo(folder / "pipe")
    assert len(open_course(course).fingerprint("unit1", "ann")) == 64


def test_the_settings_are_read_as_nbgrader_reads_them(tmp_path):
    course = small_course(tmp_path / "course")
    config = course / "nbgrader_config.py"
    config.write_text(config.read_text() + 'c.CourseDirectory.db_url = "sqlite:////x/y.db"\n')
    found = open_course(course)
    assert (found.course_id, found.db_url) == ("t", "sqlite:////x/y.db")
    config.write_text("c = get_config(\n")
    with pytest.raises(CourseworkError, match=r"nbgrader_config.py in .* could not be read"):
        open_course(course)


def test_the_reason_given_is_the_error_not_nbgraders_boilerplate():
    log = (
        "[INFO] Sanitizing x\n"
        "[ERROR] There was an error processing assignment: /c/submitted/ann/unit1\n"
        "[ERROR] Traceback (most recent call last):\n  File 'x', line 1\n"
        "nbformat.reader.NotJSONError: Notebook does not appear to be JSON: '{\"cells\": ['\n"
        "[ERROR] Please see the the above traceback for details\n"
    )
    assert _problem(log, "").startswith("nbformat.reader.NotJSONError: Notebook does not")
    assert _problem("", "Traceback\nValueError: bad") == "ValueError: bad"


# -- the real thing, on a copy of the demo class -----------------------------------------------


def copy_course(demo, target: Path) -> Path:
    course = target / "course"
    shutil.copytree(demo.course, course, symlinks=True)
    shutil.rmtree(course / ".coursework", ignore_errors=True)
    return course


def marks(course: Path, assignment: str) -> dict[str, dict[str, float]]:
    """Every learner's automatic score for each graded cell, from the gradebook."""
    from nbgrader.api import Gradebook

    found = open_course(course)
    scores: dict[str, dict[str, float]] = {}
    with Gradebook(found.db_url, found.course_id) as gradebook:
        for submission in gradebook.assignment_submissions(assignment):
            for notebook in submission.notebooks:
                for grade in notebook.grades:
                    scores.setdefault(submission.student.id, {})[grade.name] = grade.auto_score
    return scores


@pytest.mark.slow
def test_graded_side_by_side_the_marks_are_plain_nbgraders(demo_class, tmp_path, capsys):
    """Two at a time, with the chats replayed: the marks plain `nbgrader autograde` gave, cell
    by cell; run again, nobody is graded twice; a changed hand-in alone is graded again."""
    course = copy_course(demo_class, tmp_path)
    for assignment in ("unit1", "unit3"):
        before = marks(course, assignment)
        for graded in (course / "autograded").glob(f"*/{assignment}"):
            shutil.rmtree(graded)
        assert main(["autograde", assignment, "--course", str(course), "--jobs", "2"]) == 0
        out = capsys.readouterr().out
        assert f"{assignment}: 3 of 3 learners graded" in out
        assert marks(course, assignment) == before
        assert any(v > 0 for v in before["demo-all-right"].values())
    assert main(["autograde", "unit1", "--course", str(course)]) == 0
    assert "nothing has changed since" in capsys.readouterr().out
    notebook = course / "submitted" / "demo-untouched" / "unit1" / "unit1.ipynb"
    notebook.write_text(notebook.read_text().replace("type your answer", "type an answer"))
    assert main(["autograde", "unit1", "--course", str(course)]) == 0
    out = capsys.readouterr().out
    assert "1 of 1 learner graded" in out
    assert "2 more learners had nothing new" in out


@pytest.mark.slow
def test_a_learner_who_cannot_be_graded_is_named_and_the_rest_are_graded(demo_class, tmp_path):
    """A damaged notebook: the others graded, the tutor told who, why and what to do, and the
    learner's hand-in left as it was."""
    course = copy_course(demo_class, tmp_path)
    damaged = hand_in(course, "a-damaged", text='{"cells": [')
    before = (damaged / "unit1.ipynb").read_bytes()
    plan = plan_autograde(course, "unit1", force=True)
    run = run_autograde(plan, jobs=2)
    assert {o.learner for o in run.graded} == {
        "demo-all-right",
        "demo-partly-right",
        "demo-untouched",
    }
    (failure,) = run.failed
    assert failure.learner == "a-damaged"
    assert "damaged" in failure.why
    assert "hand in the notebook again" in failure.todo
    assert "coursework autograde unit1 --student a-damaged" in failure.todo
    assert (damaged / "unit1.ipynb").read_bytes() == before
    assert "Not graded (1):" in str(run)
    assert plan_autograde(course, "unit1").to_grade == ("a-damaged",)  # not marked as done


@pytest.mark.slow
def test_a_learner_whose_notebook_stalls_holds_up_nobody_else(demo_class, tmp_path):
    """While one learner's notebook sleeps to its time limit, the gradebook is free: the
    other learners are all graded before it is, and it is still marked."""
    course = copy_course(demo_class, tmp_path)
    config = course / "nbgrader_config.py"
    config.write_text(config.read_text() + "\nc.GraderExecute.notebook_timeout = 45\n")
    stalled = course / "submitted" / "a-stalls" / "unit1"
    shutil.copytree(course / "submitted" / "demo-all-right" / "unit1", stalled)
    notebook = json.loads((stalled / "unit1.ipynb").read_text())
    notebook["cells"].insert(
        2,
        {
            "cell_type": "code",
            "metadata": {},
            "outputs": [],
            "execution_count": None,
            "source": "import time\ntime.sleep(600)",
        },
    )
    (stalled / "unit1.ipynb").write_text(json.dumps(notebook))
    order: list[str] = []
    plan = plan_autograde(course, "unit1", force=True)
    assert plan.to_grade[0] == "a-stalls"  # it starts first
    run = run_autograde(plan, jobs=2, on_done=lambda outcome: order.append(outcome.learner))
    assert order[-1] == "a-stalls"
    assert len(run.graded) == 4


@pytest.mark.slow
def test_more_learners_than_workers_never_find_the_gradebook_locked(demo_class, tmp_path):
    """Nine learners, three at a time, on one SQLite gradebook: every one graded, and each
    kind of learner gets the marks its kind earns."""
    from coursework_kit.tutor.demo import add_learners, demo_answers

    course = copy_course(demo_class, tmp_path)
    kinds = {f"extra-{i}": ("good", "partial", "untouched")[i % 3] for i in range(6)}
    add_learners(course, kinds, assignments=["unit2"], answers=demo_answers(ROOT / "assignments"))
    run = run_autograde(plan_autograde(course, "unit2", force=True), jobs=3)
    assert not run.failed
    assert len(run.graded) == 9
    totals = {
        name: sum(v or 0 for v in cells.values()) for name, cells in marks(course, "unit2").items()
    }
    demo = {"good": "demo-all-right", "partial": "demo-partly-right", "untouched": "demo-untouched"}
    for learner, kind in kinds.items():
        assert totals[learner] == pytest.approx(totals[demo[kind]])


@pytest.mark.slow
def test_a_dask_cluster_and_a_postgresql_gradebook_give_plain_nbgraders_marks(
    demo_class, tmp_path, postgres, dask_cluster, capsys
):
    """The course folder shared, the gradebook on PostgreSQL, each learner sent to one of two
    Dask workers: the marks are the ones the serial run on SQLite gave."""
    course = copy_course(demo_class, tmp_path)
    serial = marks(course, "unit1")
    url = postgres.gradebook("autograde_unit1")
    config = course / "nbgrader_config.py"
    config.write_text(config.read_text() + f"\nc.CourseDirectory.db_url = {url!r}\n")
    (course / "gradebook.db").unlink()
    subprocess.run(
        [sys.executable, "-m", "nbgrader", "generate_assignment", "unit1", "--force"],
        cwd=course,
        check=True,
        capture_output=True,
    )
    shutil.rmtree(course / "autograded")
    assert main(["autograde", "unit1", "--course", str(course), "--scheduler", dask_cluster]) == 0
    out = capsys.readouterr().out
    assert "3 of 3 learners graded" in out
    assert f"on the Dask cluster at {dask_cluster}" in out
    assert marks(course, "unit1") == serial
    workers = {
        o.worker
        for o in run_autograde(
            plan_autograde(course, "unit1", force=True), scheduler=dask_cluster
        ).graded
    }
    assert len(workers) == 2  # the work really was shared


# -- the worker processes, with the grading itself stood in for ---------------------------------


def fake_grade(task):
    """Stands in for nbgrader: a marker file per attempt says how often each was tried."""
    from coursework_kit.tutor.autograde.work import Outcome

    folder = Path(task.root)
    attempt = len(list(folder.glob(f"{task.learner}.*"))) + 1
    (folder / f"{task.learner}.{attempt}").touch()
    if task.learner.startswith("dies") and (attempt == 1 or task.learner == "dies-always"):
        os._exit(1)  # the worker process vanishes, as if the computer killed it
    if task.learner == "db-busy" and attempt == 1:
        return Outcome(task.learner, False, 0.0, problem="database is locked", retry=True)
    return Outcome(task.learner, True, 0.01)


@pytest.mark.slow
def test_every_learner_is_graded_once_and_a_vanished_worker_is_replaced(tmp_path, monkeypatch):
    """Workers take learners from one queue; a worker that dies is replaced and its learner
    tried once more; a gradebook hiccup is tried once more; no learner is lost or doubled."""
    from coursework_kit.tutor.autograde import run, work

    monkeypatch.setattr(work, "grade_learner", fake_grade)
    names = [f"learner-{i}" for i in range(8)] + ["dies-once", "dies-always", "db-busy"]
    tasks = [
        work.Task(str(tmp_path), "unit1", name, ("file", str(tmp_path / "lock"))) for name in names
    ]
    seen = []
    outcomes = run._local(tasks, 2, lambda outcome: seen.append(outcome.learner))
    assert sorted(seen) == sorted(names)
    assert sorted(o.learner for o in outcomes) == sorted(names)
    by_name = {o.learner: o for o in outcomes}
    assert by_name["dies-once"].graded
    assert by_name["db-busy"].graded
    assert not by_name["dies-always"].graded
    assert "stopped" in by_name["dies-always"].problem
    tries = {name: len(list(tmp_path.glob(f"{name}.*"))) for name in names}
    assert tries == {**dict.fromkeys(names, 1), "dies-once": 2, "dies-always": 2, "db-busy": 2}


def test_stopping_with_ctrl_c_says_what_happens_next(tmp_path, monkeypatch, capsys):
    """Ctrl+C part-way: no traceback, and the tutor is told the rest are graded next time."""
    from coursework_kit.tutor.autograde import run

    course = small_course(tmp_path / "course")
    hand_in(course, "ann")

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(run, "run_autograde", interrupted)
    monkeypatch.setattr("coursework_kit.tutor.autograde.run_autograde", interrupted)
    assert main(["autograde", "unit1", "--course", str(course)]) == 130
    assert "run the same command again" in capsys.readouterr().err
