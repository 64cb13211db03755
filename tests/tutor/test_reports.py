"""The criteria report reads the gradebook and nothing else: a file that is not one is
explained in plain words, and the gradebook is byte for byte the same afterwards."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest

from coursework_kit.errors import CourseworkError
from coursework_kit.tutor.cli import main
from coursework_kit.tutor.reports import criteria_matrix


def _fingerprint(folder):
    """Every file in the folder, with its bytes: a journal or lock file left behind shows."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_each_learner_criterion_is_met_not_met_or_waiting_for_a_mark(small_course):
    """Does the matrix say met, not yet met or not marked, with where the evidence is?"""
    matrix = criteria_matrix(small_course())
    assert matrix.learners == ["ab123", "cd456", "ef789"]
    found = {(k, c): (s.status, s.evidence) for (k, c), s in matrix.cells.items()}
    waiting = "unit1/unit1.ipynb: task2-written (awaiting your mark)"
    assert found == {
        ("ab123", "U1-AC1"): ("met", "unit1/unit1.ipynb: task1-check (2/2)"),
        ("ab123", "U1-AC3"): ("met", "unit1/unit1.ipynb: task1-check (2/2)"),
        ("ab123", "U1-AC2"): ("not marked", waiting),
        ("cd456", "U1-AC1"): ("not yet met", "unit1/unit1.ipynb: task1-check (0/2)"),
        ("cd456", "U1-AC3"): ("not yet met", "unit1/unit1.ipynb: task1-check (0/2)"),
        ("cd456", "U1-AC2"): ("met", "unit1/unit1.ipynb: task2-written (3/3)"),
    }  # fmt: skip
    assert matrix.status("ef789", "U1-AC1") is None


def test_the_report_leaves_the_gradebook_exactly_as_it_was(small_course, capsys):
    """Is every file in the course unchanged (no course row, no table, no journal) after it?"""
    course = small_course()
    before = _fingerprint(course)
    criteria_matrix(course)
    assert _fingerprint(course) == before
    assert main(["criteria-report", str(course), "--out", str(course.parent / "out")]) == 0
    assert _fingerprint(course) == before
    capsys.readouterr()


def test_a_read_only_gradebook_can_be_reported(small_course, capsys):
    """Can a tutor report on a gradebook they may only read (a copy from a colleague)?"""
    course = small_course()
    database = course / "gradebook.db"
    database.chmod(0o444)
    course.chmod(0o555)  # nowhere to put a journal either
    try:
        assert criteria_matrix(course).status("cd456", "U1-AC2").status == "met"
    finally:
        course.chmod(0o755)
        database.chmod(0o644)


def _sqlite_with(statements):
    def make(path):
        with sqlite3.connect(path) as connection:
            for statement in statements:
                connection.execute(statement)
        connection.close()

    return make


def _truncated(path, fill_gradebook):
    """A real gradebook cut short, as a copy interrupted half way leaves it."""
    source = path.with_name("whole.db")
    fill_gradebook(f"sqlite:///{source}")
    data = source.read_bytes()
    source.unlink()
    path.write_bytes(data[: len(data) // 3])


def _scrambled(path, fill_gradebook):
    """A real gradebook with its pages overwritten after the header."""
    source = path.with_name("whole.db")
    fill_gradebook(f"sqlite:///{source}")
    data = bytearray(source.read_bytes())
    source.unlink()
    data[100:] = bytes((i * 7 + 13) % 256 for i in range(len(data) - 100))
    path.write_bytes(bytes(data))


BAD = {
    "empty file": (lambda p: p.write_bytes(b""), "is empty"),
    "text file": (lambda p: p.write_text("learner,mark\nab123,2\n"), "not a database file"),
    "random bytes": (lambda p: p.write_bytes(bytes(range(256)) * 8), "not a database file"),
    "database with no tables": (_sqlite_with(["PRAGMA user_version = 1"]), "is empty"),
    "another program's database": (
        _sqlite_with(["CREATE TABLE orders (id INTEGER)"]),
        "not an nbgrader gradebook",
    ),
    "half a gradebook": (_truncated, "damaged"),
    "scrambled gradebook": (_scrambled, "damaged"),
    "a folder": (lambda p: p.mkdir(), "is a folder"),
}


@pytest.mark.parametrize("kind", sorted(BAD))
def test_a_file_that_is_not_a_gradebook_is_explained_and_left_alone(
    kind, small_course, gradebook_filler, capsys, monkeypatch
):
    """Does each kind of bad gradebook get a plain message (no traceback), and stay as it was?"""
    make, words = BAD[kind]
    course = small_course()
    database = course / "gradebook.db"
    database.unlink()
    if make in (_truncated, _scrambled):
        make(database, gradebook_filler)
    else:
        make(database)
    before = _fingerprint(course)
    with pytest.raises(CourseworkError, match=words) as caught:
        criteria_matrix(course)
    assert str(database) in str(caught.value) or "gradebook" in str(caught.value)
    monkeypatch.setenv("PATH", "")  # nbgrader's set-up runs `alembic`: it must not be needed
    assert main(["criteria-report", str(course)]) == 2
    err = capsys.readouterr().err
    assert words in err
    assert "Traceback" not in err
    assert "sqlalchemy" not in err.lower()
    assert _fingerprint(course) == before
    assert not (course / "reports").exists()


def test_a_gradebook_of_another_course_is_named_as_such(small_course, tmp_path):
    """Is a gradebook holding none of this course's assignments refused, saying so?"""
    course = small_course()
    (course / "source" / "unit1").rename(course / "source" / "unit9")
    before = _fingerprint(course)
    with pytest.raises(CourseworkError, match="none of this course's assignments"):
        criteria_matrix(course)
    assert _fingerprint(course) == before


def test_the_gradebook_named_in_nbgrader_config_is_the_one_read(
    small_course, gradebook_filler, tmp_path
):
    """Does db_url in the course's nbgrader_config.py decide which gradebook is read?"""
    elsewhere = tmp_path / "shared" / "grades.db"
    elsewhere.parent.mkdir()
    gradebook_filler(f"sqlite:///{elsewhere}", course_id="ours")
    url = f"sqlite:///{elsewhere}?timeout=60"  # as the course's own nbgrader_config.py has it
    course = small_course(db_url=url, course_id="ours")
    before = elsewhere.read_bytes()
    assert criteria_matrix(course).status("ab123", "U1-AC1").status == "met"
    assert elsewhere.read_bytes() == before
    assert not (course / "gradebook.db").exists()
    other = small_course(db_url=url, course_id="theirs", name="other")
    with pytest.raises(CourseworkError, match="none of this course's assignments"):
        criteria_matrix(other)


def test_no_gradebook_at_all_says_to_run_autograde(small_course):
    """Is a course with no gradebook yet told to run nbgrader autograde?"""
    course = small_course()
    (course / "gradebook.db").unlink()
    with pytest.raises(CourseworkError, match="run nbgrader autograde"):
        criteria_matrix(course)
    assert not (course / "gradebook.db").exists()


def test_a_damaged_source_notebook_is_named(small_course):
    """Is a source notebook that cannot be read named, rather than a parser's traceback?"""
    course = small_course()
    (course / "source" / "unit1" / "unit1.ipynb").write_text('{"cells": [')
    with pytest.raises(CourseworkError, match=r"unit1\.ipynb cannot be read"):
        criteria_matrix(course)
