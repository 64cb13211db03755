"""``coursework export-grades``: read the course, write the file, say who is missing.

The command's exit status: 0 when every learner who handed in the assignment is in the file
with a grade; 1 when the file was written but some learners are missing from it or have no
grade yet for a reason the tutor can fix (not on the roster, no LMS id on the roster, work
waiting for a mark), each one named; 2 when nothing was written (no gradebook, an unknown
assignment, a roster that cannot be used). A file for the learners who can be matched is still
useful (the tutor can import it now and the rest later), so a missing learner does not stop it
being written.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from coursework_kit.errors import CourseworkError
from coursework_kit.tutor.export.grades import GradesExport, grades_file
from coursework_kit.tutor.export.portfolio import CriteriaExport, criteria_file
from coursework_kit.tutor.export.roster import Roster, read_roster

__all__ = ["EPILOG", "FORMATS", "add_arguments", "export_criteria", "export_file", "export_grades"]

FORMATS = ("moodle", "canvas", "criteria")


def _roster(roster: Roster | str | Path) -> Roster:
    return roster if isinstance(roster, Roster) else read_roster(roster)


def export_grades(
    course: str | Path,
    assignment: str,
    roster: Roster | str | Path,
    *,
    lms: str,
    by: str = "idnumber",
    item_name: str | None = None,
) -> GradesExport:
    """The Moodle or Canvas grades file for ``assignment``, from the course's gradebook."""
    from coursework_kit.tutor.autograde.course import open_course
    from coursework_kit.tutor.export.gradebook import read_scores

    found = open_course(course)
    people = _roster(roster)  # a bad roster is reported before the gradebook is opened
    scores = read_scores(found.db_url, assignment)
    return grades_file(scores, people, lms=lms, by=by, item_name=item_name)


def export_criteria(
    course: str | Path, assignment: str, roster: Roster | str | Path | None = None
) -> CriteriaExport:
    """The learner x criterion matrix for the criteria ``assignment``'s cells name."""
    from coursework_kit.tutor.autograde.course import open_course
    from coursework_kit.tutor.export.gradebook import read_scores
    from coursework_kit.tutor.reports import _cell_codes, criteria_matrix

    found = open_course(course)
    people = None if roster is None else _roster(roster)
    scores = read_scores(found.db_url, assignment)
    source = found.root / "source"
    codes = [c for (a, _, _), cell in _cell_codes(source).items() if a == assignment for c in cell]
    if not codes:
        raise CourseworkError(
            f"No graded cell in {source / assignment} names an assessment criterion, so there "
            "is nothing to export."
        )
    matrix = criteria_matrix(found.root)  # reads the same gradebook, read-only too
    return criteria_file(
        matrix, codes, assignment=assignment, roster=people, handed_in=set(scores.scores)
    )


def export_file(
    assignment: str,
    *,
    course: str | Path = ".",
    format: str,
    roster: Roster | str | Path | None = None,
    out: str | Path | None = None,
    item_name: str | None = None,
    by: str | None = None,
) -> tuple[GradesExport | CriteriaExport, Path]:
    """What ``coursework export-grades`` does: make the file, write it (by default to
    ``COURSE/reports/ASSIGNMENT-FORMAT.csv``) and return it with where it went."""
    from coursework_kit._atomic import write_text

    if format not in FORMATS:
        raise CourseworkError(f"--format must be moodle, canvas or criteria, not {format!r}.")
    if format != "moodle" and by is not None:
        raise CourseworkError("--by is for Moodle only: Canvas finds learners by their ids.")
    made: GradesExport | CriteriaExport
    if format == "criteria":
        if item_name is not None:
            raise CourseworkError("--item-name is for Moodle and Canvas files only.")
        made = export_criteria(course, assignment, roster)
    else:
        if roster is None:
            raise CourseworkError(
                f"A {format.capitalize()} file needs --roster FILE: a CSV file that gives each "
                f"learner's nbgrader id and their id in {format.capitalize()} (see the README)."
            )
        made = export_grades(
            course, assignment, roster, lms=format, by=by or "idnumber", item_name=item_name
        )
    target = Path(out) if out else Path(course).resolve() / "reports" / f"{assignment}-{format}.csv"
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_text(target, made.text)
    except OSError as exc:
        raise CourseworkError(f"{target} could not be written: {exc.strerror or exc}.") from exc
    return made, target


EPILOG = (
    "The roster is a CSV file you write, one row per learner: a nbgrader_id column, and the "
    "ids your\nLMS knows them by: id_number, email or username for Moodle; sis_user_id (or "
    "canvas_id or\nsis_login_id), name and section for Canvas. For example:\n\n"
    "  nbgrader_id,name,email,id_number,sis_user_id,section\n"
    "  ab123,Amira Begum,amira.begum@college.ac.uk,S0042,S0042,Group A\n\n"
    "Exit status: 0 every learner who handed in is in the file with a grade; 1 the file was "
    "written\nbut some learners are missing from it or have no grade yet (each one is named); "
    "2 nothing\nwas written.\n\n"
    "Examples:\n"
    "  coursework export-grades unit3 --format moodle --roster learners.csv\n"
    "  coursework export-grades unit3 --format canvas --roster learners.csv "
    '--item-name "Unit 3 (4821)"\n'
    "  coursework export-grades unit3 --format criteria --roster learners.csv"
)


def add_arguments(
    command: argparse.ArgumentParser, *, assignment_help: str, course_help: str
) -> None:
    """The arguments of ``coursework export-grades``, each with what it is for."""
    command.add_argument("assignment", metavar="ASSIGNMENT", help=assignment_help)
    command.add_argument(
        "--format",
        required=True,
        choices=FORMATS,
        help="moodle or canvas for a grades file; criteria for the criteria each learner has met",
    )
    command.add_argument(
        "--roster",
        type=Path,
        metavar="FILE",
        help="your CSV file giving each learner's nbgrader id and LMS ids (see below); needed "
        "for moodle and canvas",
    )
    command.add_argument("--course", type=Path, default=Path("."), metavar="DIR", help=course_help)
    command.add_argument(
        "--out",
        type=Path,
        metavar="FILE",
        help="the file to write (default COURSE/reports/ASSIGNMENT-FORMAT.csv)",
    )
    command.add_argument(
        "--item-name",
        metavar="NAME",
        help="the grade column's title: the Moodle grade item or Canvas assignment it goes to; "
        'for Canvas add its id in brackets, "Unit 3 (4821)" (default: ASSIGNMENT)',
    )
    command.add_argument(
        "--by",
        choices=("idnumber", "email", "username"),
        help="Moodle only: the user field that finds each learner (default: idnumber, their "
        "ID number)",
    )
