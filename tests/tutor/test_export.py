"""`coursework export-grades`: grades files Moodle and Canvas import, and the criteria matrix."""

from __future__ import annotations

import csv
import io
import os
import shutil
import warnings
from pathlib import Path

import nbformat
import pytest

from coursework_kit.errors import CourseworkError
from coursework_kit.tutor.cli import main
from coursework_kit.tutor.export import (
    AssignmentScores,
    Score,
    export_criteria,
    export_file,
    export_grades,
    grades_file,
    read_roster,
    read_scores,
)
from coursework_kit.tutor.export.grades import number

# -- a small course, built once and copied for each test ------------------------------------

# learner: (check cell score, written cell manual score or None = waiting, late penalty)
MARKS = {
    "ab123": (2.0, 3.5, 0.0),  # 5.5 of 6
    "cd456": (1.0, None, 0.0),  # written part waiting for the tutor
    "ef789": (0.0, 0.0, 0.0),  # handed in, earned 0
    "gh012": (2.0, 4.0, 1.5),  # 6 less a late penalty of 1.5
}


def _source(course: Path) -> None:
    notebook = nbformat.v4.new_notebook()
    check = nbformat.v4.new_code_cell("# checked by the grader")
    check.metadata = {
        "nbgrader": {"grade": True, "grade_id": "task1-check", "points": 2, "solution": False},
        "coursework": {"criteria": ["U1-AC3", "U1-AC1"]},
    }
    written = nbformat.v4.new_markdown_cell("Explain.")
    written.metadata = {
        "nbgrader": {"grade": True, "grade_id": "task2-written", "points": 4, "solution": True},
        "coursework": {"criteria": ["U1-AC2"]},
    }
    notebook.cells = [check, written]
    (course / "source" / "unit1").mkdir(parents=True)
    nbformat.write(notebook, course / "source" / "unit1" / "unit1.ipynb")


def make_course(folder: Path, marks: dict = MARKS, *, gradebook: str = "gradebook.db") -> Path:
    """A course whose nbgrader_config.py names its gradebook as the real one does."""
    from nbgrader.api import Base, Gradebook
    from sqlalchemy import create_engine
    from sqlalchemy.exc import SAWarning

    folder.mkdir(parents=True)
    _source(folder)
    (folder / "nbgrader_config.py").write_text(
        "import os\nc = get_config()  # noqa: F821\n"
        'c.CourseDirectory.course_id = "t"\n'
        f"_gradebook = os.path.join(os.path.dirname(os.path.abspath(__file__)), {gradebook!r})\n"
        'c.CourseDirectory.db_url = f"sqlite:///{_gradebook}?timeout=5"\n'
    )
    url = f"sqlite:///{folder / gradebook}"
    engine = create_engine(url)
    Base.metadata.create_all(engine)  # so that nbgrader does not run alembic (slow)
    engine.dispose()
    with warnings.catch_warnings(), Gradebook(url, "t") as book:
        warnings.simplefilter("ignore", SAWarning)  # nbgrader's add_submission trips one
        book.add_assignment("unit1")
        book.add_assignment("unit2")
        book.add_notebook("unit1", "unit1")
        book.add_grade_cell("task1-check", "unit1", "unit1", max_score=2, cell_type="code")
        book.add_grade_cell("task2-written", "unit1", "unit1", max_score=4, cell_type="markdown")
        for learner in [*marks, "zz999"]:  # zz999 is in the gradebook but handed nothing in
            book.add_student(learner)
        for learner, (check, written, late) in marks.items():
            book.add_submission("unit1", learner)
            grade = book.find_grade("task1-check", "unit1", "unit1", learner)
            grade.auto_score, grade.needs_manual_grade = check, False
            grade = book.find_grade("task2-written", "unit1", "unit1", learner)
            grade.manual_score, grade.needs_manual_grade = written, written is None
            book.find_submission_notebook("unit1", "unit1", learner).late_submission_penalty = late
        book.db.commit()
    return folder


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return make_course(tmp_path_factory.mktemp("built") / "course")


@pytest.fixture
def course(built, tmp_path):
    """A fresh copy of the small course for each test (its config finds its own gradebook)."""
    return Path(shutil.copytree(built, tmp_path / "course"))


ROSTER = (
    "nbgrader_id,name,email,id_number,sis_user_id,section\n"
    "ab123,Amira Begum,amira@college.ac.uk,S001,SIS-1,Group A\n"
    "cd456,Callum Doyle,callum@college.ac.uk,S002,SIS-2,Group A\n"
    "ef789,Efe Okafor,efe@college.ac.uk,S003,SIS-3,Group B\n"
    "gh012,Gwen Hughes,gwen@college.ac.uk,S004,SIS-4,Group B\n"
    "zz999,Zac Zhou,zac@college.ac.uk,S009,SIS-9,Group B\n"
)


def roster_file(folder: Path, text: str = ROSTER, *, encoding: str = "utf-8") -> Path:
    path = folder / "roster.csv"
    path.write_bytes(text.encode(encoding))
    return path


def rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def scores(**learners: float | None) -> AssignmentScores:
    """Scores for unit1 out of 6; None means waiting for the tutor's mark."""
    return AssignmentScores(
        "unit1",
        6.0,
        {k: Score(k, v or 0.0, v is None) for k, v in learners.items()},
    )


# -- the roster --------------------------------------------------------------------------------


def test_roster_headers_copied_from_an_lms_export_are_understood(tmp_path):
    """Do "nbgrader id", "ID number", "Email address" and "SIS User ID" headers, saved by
    Excel with a byte-order mark and semicolons, read as the roster's columns?"""
    text = "\ufeffNBGrader ID;Student;Email address;ID number;SIS User ID;Notes\n"
    text += " ab123 ;Begum, Amira;amira@college.ac.uk;S001;SIS-1;kept out\n\n"
    roster = read_roster(roster_file(tmp_path, text))
    (entry,) = roster.entries
    assert (entry.nbgrader_id, entry.name, entry.email) == ("ab123", "Begum, Amira", entry.email)
    assert (entry.id_number, entry.sis_user_id) == ("S001", "SIS-1")
    assert roster.columns == ("nbgrader_id", "name", "email", "id_number", "sis_user_id")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("name,email\nAmira,a@b.uk\n", r"no nbgrader_id column.*'name', 'email'"),
        ("nbgrader_id,name\nab123,Amira\nab123,Amira B\n", r"ab123 is on the roster.*2 and 3"),
        ("nbgrader_id,name\nab123,Begum, Amira\n", r"Line 2.*double quotes"),
        ("nbgrader_id,email\n,a@b.uk\n", r"Line 2 .*has no nbgrader_id"),
        ("", r"is empty"),
    ],
)
def test_a_roster_that_cannot_be_used_is_refused_saying_what_to_change(tmp_path, text, message):
    with pytest.raises(CourseworkError, match=message):
        read_roster(roster_file(tmp_path, text))


def test_a_roster_saved_in_a_windows_encoding_is_refused_with_how_to_save_it(tmp_path):
    path = roster_file(tmp_path, "nbgrader_id,name\nab123,Zoë\n", encoding="cp1252")
    with pytest.raises(CourseworkError, match="CSV UTF-8"):
        read_roster(path)
    with pytest.raises(CourseworkError, match="no roster file"):
        read_roster(tmp_path / "missing.csv")


# -- the gradebook, read and never changed -------------------------------------------------------


def test_scores_are_nbgraders_totals_less_late_penalties_and_the_file_is_unchanged(course):
    """Is each score the sum of the learner's grades less any late penalty, is work waiting for
    a mark flagged, and is the gradebook byte for byte (and time stamp) what it was?"""
    database = course / "gradebook.db"
    before, stamp = database.read_bytes(), database.stat().st_mtime_ns
    found = read_scores(f"sqlite:///{database}?timeout=5", "unit1")
    assert found.max_score == 6
    assert {k: (s.points, s.awaiting_mark) for k, s in found.scores.items()} == {
        "ab123": (5.5, False),
        "cd456": (1.0, True),
        "ef789": (0.0, False),
        "gh012": (4.5, False),
    }
    assert database.read_bytes() == before
    assert database.stat().st_mtime_ns == stamp
    assert sorted(os.listdir(course)) == ["gradebook.db", "nbgrader_config.py", "source"]


def test_the_gradebook_is_opened_so_that_nothing_can_be_written(course):
    """Even a write that slipped in would be refused: SQLite is opened with mode=ro."""
    from sqlalchemy import text
    from sqlalchemy.exc import OperationalError

    from coursework_kit.tutor.export.gradebook import _session

    with (
        _session(f"sqlite:///{course / 'gradebook.db'}") as session,
        pytest.raises(OperationalError, match="readonly database"),
    ):
        session.execute(text("DELETE FROM student"))
    assert read_scores(f"sqlite:///{course / 'gradebook.db'}", "unit1").scores


def test_a_gradebook_that_is_missing_or_not_a_gradebook_or_lacks_the_assignment_is_explained(
    tmp_path, course
):
    with pytest.raises(CourseworkError, match=r"no gradebook at .*run coursework autograde"):
        read_scores(f"sqlite:///{tmp_path / 'none.db'}", "unit1")
    junk = tmp_path / "junk.db"
    junk.write_text("these are not marks")
    with pytest.raises(CourseworkError, match="could not be read"):
        read_scores(f"sqlite:///{junk}", "unit1")
    assert junk.read_text() == "these are not marks"
    with pytest.raises(CourseworkError, match=r"unit9 is not in the gradebook. It has: unit1, u"):
        read_scores(f"sqlite:///{course / 'gradebook.db'}", "unit9")


def test_the_gradebook_nbgrader_config_names_is_the_one_read(tmp_path):
    """A course whose nbgrader_config.py puts the gradebook under another name is read from
    there, not from gradebook.db."""
    course = make_course(tmp_path / "course", {"ab123": (2.0, 4.0, 0.0)}, gradebook="marks.db")
    roster = roster_file(tmp_path, "nbgrader_id,id_number\nab123,S001\n")
    made = export_grades(course, "unit1", roster, lms="moodle")
    assert rows(made.text) == [["ID number", "unit1"], ["S001", "6"]]
    assert not (course / "gradebook.db").exists()


# -- Moodle ------------------------------------------------------------------------------------


def test_moodle_file_has_the_id_column_and_one_grade_column_with_no_grade_as_a_dash(course):
    """Moodle's importer reads "-" as no grade and stops the whole import at a row with an
    empty user id: does every row carry an id, with a number or "-"?"""
    made = export_grades(course, "unit1", roster_file(course), lms="moodle")
    assert rows(made.text) == [
        ["ID number", "unit1"],
        ["S001", "5.5"],
        ["S002", "-"],  # waiting for the tutor's mark: no grade yet, not 1
        ["S003", "0"],  # handed in and earned 0: a real 0
        ["S004", "4.5"],  # late penalty taken off
        ["S009", "-"],  # nothing handed in: no grade, not 0
    ]
    assert made.text.endswith("\r\n")
    assert (made.graded, made.awaiting_mark, made.no_hand_in) == (
        ("ab123", "ef789", "gh012"),
        ("cd456",),
        ("zz999",),
    )
    assert not made.complete  # cd456 still needs a mark
    assert "Set that item's maximum grade to 6" in made.summary(Path("x.csv"))


def test_moodle_by_email_leaves_out_and_names_a_learner_with_no_email(tmp_path):
    made = grades_file(
        scores(ab123=3, cd456=2),
        read_roster(roster_file(tmp_path, "nbgrader_id,email\nab123,a@c.uk\ncd456,\n")),
        lms="moodle",
        by="email",
        item_name="Unit 1 coursework",
    )
    assert rows(made.text) == [["Email address", "Unit 1 coursework"], ["a@c.uk", "3"]]
    assert made.no_lms_id == ("cd456",)
    assert not made.complete
    assert "has no Email address: cd456" in made.summary(Path("out.csv"))


def test_a_roster_without_the_id_moodle_is_told_to_use_is_refused(tmp_path):
    roster = read_roster(roster_file(tmp_path, "nbgrader_id,email\nab123,a@c.uk\n"))
    with pytest.raises(CourseworkError, match=r"no id_number column.*--by idnumber"):
        grades_file(scores(ab123=3), roster, lms="moodle")


@pytest.mark.parametrize(
    ("column", "by", "lms"),
    [
        ("email", "email", "moodle"),
        ("id_number", "idnumber", "moodle"),
        ("sis_user_id", "idnumber", "canvas"),
        ("sis_login_id", "idnumber", "canvas"),
    ],
)
def test_two_learners_with_one_lms_id_are_refused(tmp_path, column, by, lms):
    """One id for two learners would give one of them the other's grade."""
    text = f"nbgrader_id,{column}\nab123,X1\ncd456,X2\nef789,X1\n"
    roster = read_roster(roster_file(tmp_path, text))
    with pytest.raises(CourseworkError, match=f"ab123 and ef789 have the same {column}"):
        grades_file(scores(ab123=1), roster, lms=lms, by=by)


# -- Canvas ------------------------------------------------------------------------------------


def canvas_reads(text: str) -> dict:
    """What Canvas's importer (app/models/gradebook_importer.rb) would make of the file: its
    header rules, then its Points Possible row, then one student row per line."""
    header, *body = rows(text)
    assert "Student" in header[0]
    assert "ID" in header[1]
    assert header[2:4] == ["SIS User ID", "SIS Login ID"]
    assert "Section" in header[4]  # the last student column
    assignments = header[5:]
    points = body[0]
    assert "Points Possible" in points[0]
    return {
        "assignments": assignments,
        "points": points[5:],
        "students": [
            {"name": r[0], "id": r[1], "sis": r[2], "login": r[3], "grades": r[5:]}
            for r in body[1:]
        ],
    }


def test_canvas_file_has_canvas_columns_points_possible_and_blank_for_no_grade(course):
    made = export_grades(
        course, "unit1", roster_file(course), lms="canvas", item_name="Unit 1 (4821)"
    )
    read = canvas_reads(made.text)
    assert read["assignments"] == ["Unit 1 (4821)"]
    assert read["points"] == ["6"]
    assert [(s["name"], s["sis"], s["grades"]) for s in read["students"]] == [
        ("Amira Begum", "SIS-1", ["5.5"]),
        ("Callum Doyle", "SIS-2", [""]),
        ("Efe Okafor", "SIS-3", ["0"]),
        ("Gwen Hughes", "SIS-4", ["4.5"]),
        ("Zac Zhou", "SIS-9", [""]),
    ]
    assert rows(made.text)[2][4] == "Group A"


def test_canvas_finds_learners_by_any_of_its_ids_and_names_those_with_none(tmp_path):
    text = "nbgrader_id,canvas_id,sis_login_id\nab123,88,\ncd456,,cdoyle\nef789,,\n"
    made = grades_file(
        scores(ab123=6, cd456=2, ef789=1), read_roster(roster_file(tmp_path, text)), lms="canvas"
    )
    read = canvas_reads(made.text)
    assert [(s["name"], s["id"], s["login"]) for s in read["students"]] == [
        ("ab123", "88", ""),
        ("cd456", "", "cdoyle"),
    ]
    assert made.no_lms_id == ("ef789",)
    with pytest.raises(CourseworkError, match="no canvas_id or sis_user_id or sis_login_id"):
        grades_file(
            scores(), read_roster(roster_file(tmp_path, "nbgrader_id\nab123\n")), lms="canvas"
        )


@pytest.mark.parametrize("name", ["Final Score", "Section", "Current Grade for unit1", "  "])
def test_an_item_name_canvas_would_not_read_as_an_assignment_is_refused(tmp_path, name):
    roster = read_roster(roster_file(tmp_path, "nbgrader_id,sis_user_id\nab123,1\n"))
    with pytest.raises(CourseworkError, match=r"item-name|Canvas would not"):
        grades_file(scores(ab123=1), roster, lms="canvas", item_name=name)


# -- who is left out, and why --------------------------------------------------------------------


def test_learners_who_handed_in_but_are_not_on_the_roster_are_named_with_a_spelling_hint(
    tmp_path,
):
    roster = read_roster(roster_file(tmp_path, "nbgrader_id,id_number\nAB123,S1\n"))
    made = grades_file(scores(ab123=4, cd456=2), roster, lms="moodle")
    assert made.not_on_roster == ("ab123", "cd456")
    assert rows(made.text) == [["ID number", "unit1"], ["S1", "-"]]
    summary = made.summary(Path("out.csv"))
    assert "not on the roster: ab123, cd456" in summary
    assert "The roster has AB123: nbgrader ids must match exactly, capital letters" in summary


@pytest.mark.parametrize(
    ("points", "text"),
    [(7.5, "7.5"), (12.0, "12"), (1 / 3, "0.33"), (0.0, "0"), (2.005, "2"), (99.999, "100")],
)
def test_scores_are_written_as_plain_numbers(points, text):
    assert number(points) == text


# -- the criteria matrix for an e-portfolio --------------------------------------------------


def test_criteria_matrix_has_the_assignments_criteria_and_the_rosters_ids(course):
    """Columns: nbgrader id, the roster's id columns, then the criteria unit1's cells name in
    catalogue order; each cell what the criteria report says."""
    made = export_criteria(course, "unit1", roster_file(course, ROSTER + "new01,New,n@c.uk,,,\n"))
    table = rows(made.text)
    assert table[0] == [
        *("nbgrader_id", "name", "email", "id_number", "sis_user_id", "section"),
        *("U1-AC1", "U1-AC2", "U1-AC3"),
    ]
    results = {row[0]: row[6:] for row in table[1:]}
    assert results == {
        "ab123": ["met", "met", "met"],
        "cd456": ["met", "not marked", "met"],  # 1 of 2 is half the points: met
        "ef789": ["not yet met", "not yet met", "not yet met"],
        "gh012": ["met", "met", "met"],
        "zz999": ["", "", ""],
        "new01": ["", "", ""],
    }
    assert table[1][1:3] == ["Amira Begum", "amira@college.ac.uk"]
    assert made.complete


def test_criteria_without_a_roster_lists_everyone_and_with_one_names_who_is_missing(course):
    table = rows(export_criteria(course, "unit1").text)
    assert table[0] == ["nbgrader_id", "U1-AC1", "U1-AC2", "U1-AC3"]
    assert [row[0] for row in table[1:]] == ["ab123", "cd456", "ef789", "gh012", "zz999"]
    partial = export_criteria(course, "unit1", roster_file(course, "nbgrader_id\nab123\n"))
    assert partial.not_on_roster == ("cd456", "ef789", "gh012")
    assert "not on the roster: cd456, ef789, gh012" in partial.summary(Path("c.csv"))


def test_an_assignment_whose_cells_name_no_criteria_has_nothing_to_export(course):
    (course / "source" / "unit2").mkdir()
    nbformat.write(nbformat.v4.new_notebook(), course / "source" / "unit2" / "unit2.ipynb")
    with pytest.raises(CourseworkError, match="names an assessment criterion"):
        export_criteria(course, "unit2")


# -- the file on disk ---------------------------------------------------------------------------


def test_the_file_goes_to_reports_by_default_or_where_out_says(course, tmp_path):
    made, where = export_file("unit1", course=course, format="moodle", roster=roster_file(course))
    assert where == course.resolve() / "reports" / "unit1-moodle.csv"
    assert where.read_bytes().decode() == made.text
    _, elsewhere = export_file(
        "unit1", course=course, format="canvas", roster=roster_file(course), out=tmp_path / "c.csv"
    )
    assert elsewhere == tmp_path / "c.csv"
    assert elsewhere.read_text().startswith("Student,ID,")


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"format": "moodle"}, "needs --roster FILE"),
        ({"format": "canvas", "roster": "r.csv", "by": "email"}, "--by is for Moodle only"),
        ({"format": "criteria", "item_name": "x"}, "--item-name is for Moodle and Canvas"),
        ({"format": "blackboard"}, "must be moodle, canvas or criteria"),
    ],
)
def test_options_that_do_not_fit_the_format_are_refused(course, options, message):
    with pytest.raises(CourseworkError, match=message):
        export_file("unit1", course=course, **options)
    assert not (course / "reports").exists()


# -- from the command line -----------------------------------------------------------------------


def test_export_with_learners_missing_names_them_writes_the_rest_and_exits_1(course, capsys):
    (course / "roster.csv").write_text("nbgrader_id,id_number\nab123,S001\nef789,S003\n")
    code = main(
        ["export-grades", "unit1", "--format", "moodle", "--roster", str(course / "roster.csv"),
         "--course", str(course)]
    )  # fmt: skip
    assert code == 1
    out = capsys.readouterr().out
    assert "not on the roster: cd456, gh012" in out
    written = course / "reports" / "unit1-moodle.csv"
    assert list(csv.reader(io.StringIO(written.read_text()))) == [
        ["ID number", "unit1"],
        ["S001", "5.5"],
        ["S003", "0"],
    ]


def test_export_of_everyone_graded_exits_0(tmp_path, capsys):
    course = make_course(tmp_path / "all", {"ab123": (2.0, 4.0, 0.0), "cd456": (0.0, 1.0, 0.0)})
    (tmp_path / "r.csv").write_text("nbgrader_id,sis_user_id\nab123,1\ncd456,2\nzz999,9\n")
    out = tmp_path / "to canvas.csv"
    argv = ["export-grades", "unit1", "--format", "canvas", "--roster", str(tmp_path / "r.csv")]
    assert main([*argv, "--course", str(course), "--out", str(out)]) == 0
    said = capsys.readouterr().out
    assert "2 learners graded, out of 6 marks" in said
    assert "No grade (not 0)" in said
    assert "zz999" in said
    assert out.read_text().splitlines()[2:] == ["ab123,,1,,,6", "cd456,,2,,,1", "zz999,,9,,,"]


@pytest.mark.parametrize(
    ("extra", "said"),
    [
        (["--format", "moodle"], "needs --roster FILE"),
        (["--format", "canvas", "--roster", "r.csv", "--by", "email"], "--by is for Moodle"),
        (["--format", "moodle", "--roster", "missing.csv"], "no roster file"),
    ],
)
def test_export_that_cannot_be_done_writes_nothing_and_exits_2(course, extra, said, capsys):
    (course / "r.csv").write_text("nbgrader_id,sis_user_id\nab123,1\n")
    argv = ["export-grades", "unit1", "--course", str(course)]
    argv += [str(course / e) if e.endswith(".csv") else e for e in extra]
    assert main(argv) == 2
    assert said in capsys.readouterr().err
    assert not (course / "reports").exists()


def test_export_criteria_from_the_command_line(course, capsys):
    assert main(["export-grades", "unit1", "--format", "criteria", "--course", str(course)]) == 0
    header = (course / "reports" / "unit1-criteria.csv").read_text().splitlines()[0]
    assert header == "nbgrader_id,U1-AC1,U1-AC2,U1-AC3"
    assert "5 learners x 3 criteria" in capsys.readouterr().out
