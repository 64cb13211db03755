"""The grader's own steps in nbgrader autograde: repairs, answers read as data, marks from keys."""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
from pathlib import Path
from types import SimpleNamespace

import nbformat
import pytest
from traitlets.config import Config

from coursework_kit.tutor.grading.grader import (
    GraderScores,
    Unreadable,
    harvest_code,
    read_harvest,
    repair,
    typed_answers,
    unsafe_files,
)
from coursework_kit.tutor.grading.keys import load_key

ROOT = Path(__file__).resolve().parents[3]


def cell(kind, source, **nbgrader):
    made = (nbformat.v4.new_code_cell if kind == "code" else nbformat.v4.new_markdown_cell)(source)
    if nbgrader:
        made.metadata["nbgrader"] = {"schema_version": 3, **nbgrader}
    return made


SOURCE = {
    "setup": {"cell_type": "code", "nbgrader": {"grade_id": "setup", "locked": True}},
    "q1": {"cell_type": "code", "nbgrader": {"grade_id": "q1", "solution": True}},
    "q1-check": {
        "cell_type": "code",
        "nbgrader": {"grade_id": "q1-check", "grade": True, "locked": True, "points": 2},
    },
}


def test_repair_keeps_the_learners_words_and_gives_nbgrader_a_notebook_it_can_grade():
    """A pasted check cell goes, a pasted answer stays as an ordinary cell, and edited
    settings (schema version, points, cell type) are put back."""
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        cell("code", "x = 1", grade_id="setup", locked=True),
        cell("code", "answer = 2", grade_id="q1", solution=True),
        cell("code", "# check", grade_id="q1-check", grade=True, locked=True, points=200),
        cell("code", "# check", grade_id="q1-check", grade=True, locked=True, points=2),
        cell("code", "answer = 3  # my second go", grade_id="q1", solution=True),
        cell("code", "print('mine')", grade_id="not-in-the-assignment", grade=True, points=9),
    ]
    nb.cells[0].metadata["nbgrader"]["schema_version"] = 1
    nb.cells[1].cell_type = "markdown"
    changes = repair(nb, SOURCE)
    kinds = [c.metadata.get("nbgrader", {}).get("grade_id") for c in nb.cells]
    assert kinds == ["setup", "q1", "q1-check", None, None]
    assert nb.cells[0].metadata.nbgrader.schema_version == 3
    assert nb.cells[1].cell_type == "code"
    assert nb.cells[2].metadata.nbgrader.points == 2
    assert nb.cells[3].source == "answer = 3  # my second go"  # kept, as an ordinary cell
    assert nb.cells[4].source == "print('mine')"
    assert any("second copy of the cell 'q1-check'" in c for c in changes)


def test_repair_reports_nothing_for_a_notebook_as_it_was_released():
    """generate_assignment records each cell's type and a checksum: neither is an edit."""
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        cell("code", "x = 1", grade_id="setup", locked=True, cell_type="code", checksum="ab"),
        cell("code", "answer = 2", grade_id="q1", solution=True, cell_type="code"),
        cell(
            "code",
            "# check",
            grade_id="q1-check",
            grade=True,
            locked=True,
            points=2,
            cell_type="code",
            checksum="cd",
        ),
    ]
    assert repair(nb, SOURCE) == []
    assert nb.cells[0].metadata.nbgrader.cell_type == "code"
    nb.cells[1].metadata.nbgrader.cell_type = "markdown"  # an edit: put back, and said so
    assert repair(nb, SOURCE) == ["the settings of the cell 'q1' were put back"]
    assert nb.cells[1].metadata.nbgrader.cell_type == "code"


def test_repair_leaves_a_notebook_alone_when_the_source_cannot_be_read():
    nb = nbformat.v4.new_notebook()
    nb.cells = [cell("code", "# check", grade_id="q1-check", grade=True, points=2)]
    assert repair(nb, {}) == []
    assert nb.cells[0].metadata.nbgrader.grade_id == "q1-check"


def run_harvest(space: dict[str, object], names: tuple[str, ...], token: str) -> str:
    """Run the harvest code as the kernel would, with ``space`` as the learner's variables."""
    shell = SimpleNamespace(user_ns=space)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(harvest_code(names, token), {"get_ipython": lambda: shell})
    return out.getvalue()


class Sly(float):
    """A number that claims to equal everything."""

    def __eq__(self, other):
        return True

    __hash__ = float.__hash__


class Liar(str):
    def __eq__(self, other):
        return True

    __hash__ = str.__hash__

    def __str__(self):
        return "c"


def test_answers_come_out_of_the_kernel_as_plain_data():
    """Numbers, text and None come through; a clever object becomes plain data or unreadable;
    NaN is unreadable; only the line with this run's token counts."""
    import numpy as np

    space = {
        "a": 2.5,
        "b": np.float64(3.25),
        "c": Sly(1.0),
        "d": Liar("x"),
        "e": [1, 2],
        "f": float("nan"),
        "g": None,
        "h": "b" * 1000,
    }
    names = ("a", "b", "c", "d", "e", "f", "g", "h", "missing")
    printed = "coursework-answers-fake:" + json.dumps({"a": 99}) + "\n"
    printed += run_harvest(space, names, "coursework-answers-real:")
    answers = read_harvest(
        [{"output_type": "stream", "name": "stdout", "text": printed}],
        "coursework-answers-real:",
        names,
    )
    assert answers is not None
    assert answers["a"] == 2.5
    assert answers["b"] == 3.25
    assert answers["c"] == 1.0
    assert type(answers["c"]) is float
    assert answers["d"] == "x"
    assert type(answers["d"]) is str
    assert isinstance(answers["e"], Unreadable)
    assert isinstance(answers["f"], Unreadable)
    assert answers["g"] is None
    assert len(answers["h"]) == 200
    assert "missing" not in answers


def test_no_answers_without_the_token_or_with_broken_json():
    names = ("a",)
    assert read_harvest([], "t:", names) is None
    bad = [{"output_type": "stream", "name": "stdout", "text": "t:{not json"}]
    assert read_harvest(bad, "t:", names) is None
    stderr = [{"output_type": "stream", "name": "stderr", "text": 't:{"a": 1}'}]
    assert read_harvest(stderr, "t:", names) is None


def test_typed_answers_are_read_without_running_anything():
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        cell("code", "a = None\na = 2.5\nb = 'c'", grade_id="q1", solution=True),
        cell(
            "code",
            "c = round(1 / 3, 2)\nd = __import__('os').getcwd()",
            grade_id="q2",
            solution=True,
        ),
        cell("code", "e = 7", grade_id="setup", locked=True),  # not an answer cell
        cell("code", "def broken(:", grade_id="q3", solution=True),
    ]
    found = typed_answers(nb, ("a", "b", "c", "d", "e"))
    assert found["a"] == 2.5
    assert found["b"] == "c"
    assert isinstance(found["c"], Unreadable)
    assert isinstance(found["d"], Unreadable)
    assert "e" not in found


def test_links_and_odd_files_in_a_submission_are_found(tmp_path):
    sub = tmp_path / "submitted" / "me" / "unit3"
    (sub / "evidence").mkdir(parents=True)
    (sub / "evidence" / "chat.json").write_text("{}")
    (sub / "evidence" / "passwd.json").symlink_to("/etc/passwd")
    (sub / "friend").symlink_to(tmp_path)
    os.mkfifo(sub / "pipe")
    assert unsafe_files(sub) == {Path("evidence/passwd.json"), Path("friend"), Path("pipe")}


def course_with(tmp_path: Path, assignment: str = "unit1") -> Path:
    course = tmp_path / "course"
    (course / "submitted" / "me" / assignment).mkdir(parents=True)
    shutil.copytree(ROOT / "assignments" / "keys", course / "keys")
    return course


def score(course: Path, nb, answers, assignment="unit1", key=True):
    config = Config()
    config.CourseDirectory.root = str(course)
    resources = {
        "nbgrader": {"student": "me", "assignment": assignment, "notebook": assignment},
        "coursework": {
            "key": load_key(course, assignment) if key else None,
            "answers": answers,
            "problem": None,
        },
    }
    done, _ = GraderScores(config=config).preprocess(nb, resources)
    return {
        c.metadata.nbgrader.grade_id: (c.outputs[-1]["data"]["text/plain"], c.outputs[0]["text"])
        for c in done.cells
        if c.metadata.get("nbgrader", {}).get("grade")
    }


def check_cells(*grade_ids_points):
    nb = nbformat.v4.new_notebook()
    for grade_id, points in grade_ids_points:
        made = cell(
            "code",
            "# checked by your tutor",
            grade_id=grade_id,
            grade=True,
            locked=True,
            points=points,
        )
        # what a hostile kernel printed: full marks
        made.outputs = [nbformat.v4.new_output("execute_result", {"text/plain": "10"})]
        nb.cells.append(made)
    return nb


def test_marks_come_from_the_key_and_the_learners_own_figures(tmp_path):
    """The kernel's printed result is replaced; right answers for this learner's figures score,
    a friend's do not; the explanation never gives the key away."""
    from coursework_kit.tutor.grading.figures import figures_for

    course = course_with(tmp_path)
    mine, friends = figures_for("unit1", "me"), figures_for("unit1", "friend")
    nb = check_cells(("task1-check", 2), ("task2-check", 2), ("task4-check", 2))
    got = score(
        course,
        nb,
        {
            "ctr_answer": round(float(mine["ctr"]), 2),
            "conversion_answer": round(float(friends["conversion"]), 2),
            "decision": "a",
        },
    )
    assert got["task1-check"][0] == "2"
    assert got["task2-check"][0] == "0"
    assert got["task4-check"][0] == "0"
    assert '"c"' not in got["task4-check"][1]
    assert " c " not in got["task4-check"][1]


def test_a_check_without_a_key_scores_nothing(tmp_path):
    course = course_with(tmp_path)
    got = score(course, check_cells(("task9-check", 4)), {})
    assert got["task9-check"][0] == "0"
    assert "no answer key" in got["task9-check"][1]
    no_key = score(course, check_cells(("task1-check", 2)), {}, key=False)
    assert no_key["task1-check"][0] == "0"


def test_unreadable_answers_score_nothing_with_a_plain_message(tmp_path):
    course = course_with(tmp_path)
    got = score(
        course, check_cells(("task1-check", 2)), {"ctr_answer": Unreadable("not a number or text")}
    )
    assert got["task1-check"][0] == "0"
    assert "could not be read" in got["task1-check"][1]


@pytest.mark.parametrize("assignment", ["unit1", "unit2", "unit3", "unit4", "unit5"])
def test_every_key_part_can_be_marked(tmp_path, assignment):
    """Every part of every key runs against an empty submission and scores 0 (no crash)."""
    course = course_with(tmp_path, assignment)
    key = load_key(course, assignment)
    nb = check_cells(*[(g, key.points(g)) for g in key.checks])
    got = score(course, nb, {}, assignment=assignment)
    assert set(got) == set(key.checks)
    assert all(value == "0" for value, _ in got.values()), got


GOOD_CHAT = [
    "Hello {first_name}, thank you for contacting Harbour & Pine. My name is Sam and I'm happy to "
    "help. What can I do for you today?",
    "So just to check, you'd like a copy of all the personal information we hold about you?",
    "For security, can you confirm your full name, the email address on the account and your "
    "postcode, please?",
    "Thank you. I'm passing your request to our data protection team, who will reply within "
    "one month. You can also email privacy@harbourandpine.example. Does that sound OK?",
    "Is there anything else I can help you with today? Thanks for contacting us.",
]


def hold(folder: Path, *, seconds_per_reply: float, mode: str = "assessment") -> None:
    """Hold the data-request chat with a clock that moves on ``seconds_per_reply`` a reply."""
    from datetime import datetime, timedelta, timezone

    from coursework_kit.chat import ChatRecord, Conversation, load_scenario
    from coursework_kit.chat.personal import fill_placeholders
    from coursework_kit.records import RecordFile

    chat = load_scenario("data-request").for_learner("me")  # the details drawn for "me"
    now = [datetime.now(timezone.utc) - timedelta(hours=1)]
    conversation = Conversation(chat, clock=lambda: now[0])
    for reply in GOOD_CHAT:
        now[0] += timedelta(seconds=seconds_per_reply)
        conversation.reply(fill_placeholders(reply, chat))
    conversation.end()
    RecordFile(ChatRecord, chat.id, folder).save(
        ChatRecord.holding(chat.id, conversation.work(coach=False), mode=mode, learner="me")
    )


@pytest.mark.parametrize(
    ("seconds", "mode", "marks"),
    [(40, "assessment", "2"), (1, "assessment", "0"), (40, "practice", "0")],
)
def test_a_chat_counts_only_when_it_proves_it_was_held(tmp_path, seconds, mode, marks):
    """A chat typed at a person's pace in assessment mode is marked; one whose replies came a
    second apart, or that was held in practice mode, is not, and the feedback says why."""
    course = course_with(tmp_path, "unit3")
    hold(course / "submitted" / "me" / "unit3" / "evidence", seconds_per_reply=seconds, mode=mode)
    got = score(course, check_cells(("task2-escalation", 2)), {}, assignment="unit3")
    assert got["task2-escalation"][0] == marks, got
    if marks == "0":
        assert "does not count" in got["task2-escalation"][1]


def test_a_linked_evidence_folder_is_not_read(tmp_path):
    course = course_with(tmp_path, "unit3")
    friend = tmp_path / "friend-evidence"
    hold(friend, seconds_per_reply=40)
    (course / "submitted" / "me" / "unit3" / "evidence").symlink_to(friend)
    got = score(course, check_cells(("task2-escalation", 2)), {}, assignment="unit3")
    assert got["task2-escalation"][0] == "0"


def test_only_the_assignments_own_files_travel_on_to_autograded(tmp_path):
    """A file collected from a link (its content is /etc/passwd now), a learner's own extra
    file and a fake evidence file are dropped; the notebook, source files, nbgrader's files and
    real evidence records stay."""
    from coursework_kit.tutor.grading.grader import extra_files

    source, autograded = tmp_path / "source", tmp_path / "autograded"
    (source / "data").mkdir(parents=True)
    (source / "data" / "figures.csv").write_text("a,b\n")
    (autograded / "evidence").mkdir(parents=True)
    (autograded / "data").mkdir()
    (autograded / "data" / "figures.csv").write_text("a,b\n")
    (autograded / "unit3.ipynb").write_text("{}")
    (autograded / "timestamp.txt").write_text("2026-03-05 10:00:00 UTC")
    hold(autograded / "evidence", seconds_per_reply=40)
    (autograded / "evidence" / "chat-late-delivery.json").write_text("root:x:0:0:root:/root")
    (autograded / "notes.txt").write_text("mine")
    dropped = extra_files(autograded, source)
    assert {Path("evidence/chat-late-delivery.json"), Path("notes.txt")} <= dropped
    kept = {"unit3.ipynb", "timestamp.txt", "data/figures.csv", "evidence/chat-data-request.json"}
    assert not {Path(k) for k in kept} & dropped


def test_enormous_output_is_cut():
    from coursework_kit.tutor.grading.grader import bound_outputs

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("print('x' * 10**6)"), nbformat.v4.new_code_cell("1")]
    nb.cells[0].outputs = [nbformat.v4.new_output("stream", name="stdout", text="x" * 10**6)]
    nb.cells[1].outputs = [nbformat.v4.new_output("stream", name="stdout", text="fine")]
    assert bound_outputs(nb, limit=1000) == 1
    kept = "".join(o["text"] for o in nb.cells[0].outputs)
    assert len(kept) < 1100
    assert "cut" in kept
    assert nb.cells[1].outputs[0]["text"] == "fine"


def test_a_chat_from_long_ago_does_not_count_without_a_release_date(tmp_path):
    """With no release date set, a chat held more than a term before the hand-in is refused."""
    from datetime import datetime, timedelta, timezone

    from coursework_kit.tutor.grading.grader import LONGEST_TERM, _proof

    proof = _proof(tmp_path, "me", None)
    assert proof.released_at is not None
    assert proof.submitted_at is not None
    assert proof.submitted_at - proof.released_at == LONGEST_TERM
    assert proof.submitted_at <= datetime.now(timezone.utc) + timedelta(seconds=1)
    set_date = _proof(tmp_path, "me", "2026-03-02T09:00")
    assert set_date.released_at == datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)
