"""Grades files that Moodle and Canvas import, one row per learner on the roster.

**Moodle** ("Import grades from CSV", docs.moodle.org/en/Grade_import): a header row, a column
that identifies each user and one column per grade item; on upload the tutor maps the user
column ("Map from") to the user field it holds ("Map to": ID number, email address or
username) and each grade column to a grade item or a new one. Moodle's importer
(``grade/import/csv/classes/load_data.php``) stops the WHOLE import at a row whose user column
is empty or names nobody, reads ``-`` (or an empty cell) as "no grade", and refuses grades over
100 unless the site allows more. So here: every row has the chosen id, a learner without one is
left out (and named), and "no grade" is written ``-``. There is no feedback column: Moodle's
documentation warns that importing feedback can overwrite grades.

**Canvas** ("How do I import grades in the Gradebook?", Canvas Instructor Guide): the columns
``Student, ID, SIS User ID, SIS Login ID, Section`` and then one column per assignment, titled
with the assignment's name or "Name (Canvas assignment id)"; an optional second row starting
"Points Possible". Canvas's importer (``app/models/gradebook_importer.rb``) finds each learner
by ID (Canvas's own user number), then SIS User ID, then SIS Login ID, then name, and reads an
empty cell as no score. So here: those five columns from the roster, the assignment's maximum in
a Points Possible row, and an empty cell for "no grade".

**No grade is not 0.** A learner on the roster with no submission in the gradebook (or whose
work still waits for the tutor's manual mark) gets no grade, not 0: both systems would count a
0 as a mark earned, in the learner's totals and in what the learner sees. Importing "no grade"
over a grade typed into the LMS by hand removes that grade, so leave such a learner out of the
roster. Scores are points, as nbgrader gives them (after any late penalty), to two decimal
places; the maximum is the assignment's total in nbgrader.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from coursework_kit._english import count
from coursework_kit.errors import CourseworkError
from coursework_kit.tutor.export.gradebook import AssignmentScores
from coursework_kit.tutor.export.roster import Roster, RosterEntry

__all__ = ["LMS", "MOODLE_KEYS", "GradesExport", "grades_file"]

LMS = ("moodle", "canvas")
# --by value: (roster column, header in the file, what to choose as Moodle's "Map to")
MOODLE_KEYS = {
    "idnumber": ("id_number", "ID number", "ID number (useridnumber)"),
    "email": ("email", "Email address", "Email address (useremail)"),
    "username": ("username", "Username", "Username (username)"),
}
_CANVAS_IDS = ("canvas_id", "sis_user_id", "sis_login_id")
_CANVAS_HEADER = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]
# Canvas drops assignment columns whose titles contain these (its own total columns)
_CANVAS_TOTALS = (
    *("Current Score", "Current Points", "Current Grade", "Final Score", "Final Points"),
    *("Final Grade", "Override Score", "Override Grade", "Override Status"),
)
_NO_GRADE = {"moodle": "-", "canvas": ""}


def number(points: float) -> str:
    """A score as the LMS reads it: 7.5, 12, 0.33 (two decimal places at most)."""
    return f"{points:.2f}".rstrip("0").rstrip(".")


def _names(learners: tuple[str, ...] | list[str]) -> str:
    return ", ".join(learners)


@dataclass(frozen=True)
class GradesExport:
    """A grades file for one assignment, and who is in it and who is not (and why)."""

    lms: str
    assignment: str
    item_name: str
    max_score: float
    text: str  # the CSV file
    by: str  # how the LMS finds each learner, e.g. "ID number"
    graded: tuple[str, ...]  # nbgrader ids with a grade in the file
    no_hand_in: tuple[str, ...]  # on the roster, no submission: no grade
    awaiting_mark: tuple[str, ...]  # waiting for the tutor's mark: no grade yet
    not_on_roster: tuple[str, ...]  # handed in, but left out: the roster does not name them
    no_lms_id: tuple[str, ...]  # on the roster without the id the LMS needs: left out
    case_hints: tuple[str, ...] = ()  # roster ids that differ from a missing id only in capitals

    @property
    def complete(self) -> bool:
        """Is every learner who handed in the work in the file with a grade?"""
        return not (self.not_on_roster or self.awaiting_mark or self.no_lms_id)

    def summary(self, out: Path) -> str:
        system = self.lms.capitalize()
        lines = [
            f"{system} grades for {self.assignment} written to {out}: {len(self.graded)} "
            f"learner{'s' if len(self.graded) != 1 else ''} graded, out of "
            f"{number(self.max_score)} marks."
        ]
        if self.lms == "moodle":
            lines.append(
                f"In Moodle: Grades > Import > CSV file. Under 'Identify user by' map from "
                f"'{self.by}' to {MOODLE_KEYS_BY_HEADER[self.by]}, and map '{self.item_name}' "
                f"to your grade item. Set that item's maximum grade to "
                f"{number(self.max_score)}."
            )
            if self.max_score > 100:
                lines.append(
                    "Moodle refuses grades over 100 unless your site allows them (Site "
                    "administration > Grades > General settings: unlimitedgrades)."
                )
        else:
            lines.append(
                "In Canvas: Grades > Import, choose this file and check the changes Canvas "
                f"shows before you save them. The column '{self.item_name}' goes to the "
                "assignment with that name (or with that Canvas id in brackets), or makes a "
                f"new one worth {number(self.max_score)} points."
            )
        if self.not_on_roster:
            lines.append(
                f"NOT IN THE FILE: {count(len(self.not_on_roster), 'learner')} handed in "
                f"{self.assignment} but {'is' if len(self.not_on_roster) == 1 else 'are'} not "
                f"on the roster: {_names(self.not_on_roster)}. "
                "Add a row for each to the roster, then run this again."
            )
            if self.case_hints:
                lines.append(
                    f"  The roster has {_names(self.case_hints)}: nbgrader ids must match "
                    "exactly, capital letters too."
                )
        if self.no_lms_id:
            need = self.by if self.lms == "moodle" else "a canvas_id, sis_user_id or sis_login_id"
            lines.append(
                f"NOT IN THE FILE: {count(len(self.no_lms_id), 'learner')} on the roster "
                f"{'has' if len(self.no_lms_id) == 1 else 'have'} no "
                f"{need}: {_names(self.no_lms_id)}. Fill it in on the roster, then run this "
                "again."
            )
        if self.awaiting_mark:
            lines.append(
                f"NO GRADE YET: {_names(self.awaiting_mark)}: part of their work is waiting for "
                "your mark. Mark it (in nbgrader's Formgrader), then run this again."
            )
        if self.no_hand_in:
            lines.append(
                f"No grade (not 0) for {count(len(self.no_hand_in), 'learner')} on the roster with "
                f"nothing for {self.assignment} in the gradebook: {_names(self.no_hand_in)}."
            )
        return "\n".join(lines)


MOODLE_KEYS_BY_HEADER = {header: map_to for _, header, map_to in MOODLE_KEYS.values()}


def _check_unique(roster: Roster, columns: tuple[str, ...]) -> None:
    """Two learners with one LMS id would give one of them the other's grade."""
    for column in columns:
        owners: dict[str, str] = {}
        for entry in roster.entries:
            value = entry.get(column)
            if not value:
                continue
            if value in owners:
                raise CourseworkError(
                    f"{owners[value]} and {entry.nbgrader_id} have the same {column} "
                    f"({value}) on the roster {roster.path}. Each learner needs their own."
                )
            owners[value] = entry.nbgrader_id


def _item(name: str | None, scores: AssignmentScores, lms: str) -> str:
    item = (scores.assignment if name is None else name).strip()
    if not item:
        raise CourseworkError("--item-name cannot be empty.")
    if lms == "canvas" and (
        item in _CANVAS_HEADER or any(total in item for total in _CANVAS_TOTALS)
    ):
        raise CourseworkError(
            f"Canvas would not read a column called {item!r} as an assignment: choose "
            "another --item-name."
        )
    return item


def _row(lms: str, entry: RosterEntry, key: str, grade: str) -> list[str]:
    if lms == "moodle":
        return [entry.get(key), grade]
    ids = [entry.canvas_id, entry.sis_user_id, entry.sis_login_id]
    return [entry.name or entry.nbgrader_id, *ids, entry.section, grade]


def grades_file(
    scores: AssignmentScores,
    roster: Roster,
    *,
    lms: str,
    by: str = "idnumber",
    item_name: str | None = None,
) -> GradesExport:
    """The grades file for ``lms`` ("moodle" or "canvas"), one row per learner on the roster.

    ``by`` is how Moodle finds each learner: "idnumber", "email" or "username".
    """
    if lms not in LMS:
        raise CourseworkError(f"{lms!r} is not a system this can write for: moodle or canvas.")
    if by not in MOODLE_KEYS:
        raise CourseworkError(f"--by must be idnumber, email or username, not {by!r}.")
    item = _item(item_name, scores, lms)
    key, header, _ = MOODLE_KEYS[by]
    needed = (key,) if lms == "moodle" else _CANVAS_IDS
    if not set(needed) & set(roster.columns):
        raise CourseworkError(
            f"The roster {roster.path} has no {' or '.join(needed)} column, which "
            f"{'--by ' + by if lms == 'moodle' else 'Canvas'} needs to find each learner."
        )
    _check_unique(roster, needed)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    if lms == "moodle":
        writer.writerow([header, item])
    else:
        writer.writerow([*_CANVAS_HEADER, item])
        writer.writerow(["Points Possible", "", "", "", "", number(scores.max_score)])
    graded, no_hand_in, awaiting, no_id = [], [], [], []
    for entry in roster.entries:
        learner = entry.nbgrader_id
        if not any(entry.get(column) for column in needed):
            no_id.append(learner)
            continue
        score = scores.scores.get(learner)
        grade = _NO_GRADE[lms]
        if score is None:
            no_hand_in.append(learner)
        elif score.awaiting_mark:
            awaiting.append(learner)
        else:
            grade = number(score.points)
            graded.append(learner)
        writer.writerow(_row(lms, entry, key, grade))
    missing = sorted(set(scores.scores) - roster.ids())
    folded = {learner.casefold() for learner in missing}
    hints = tuple(e.nbgrader_id for e in roster.entries if e.nbgrader_id.casefold() in folded)
    return GradesExport(
        lms=lms,
        assignment=scores.assignment,
        item_name=item,
        max_score=scores.max_score,
        text=out.getvalue(),
        by=header if lms == "moodle" else "ID, SIS User ID or SIS Login ID",
        graded=tuple(graded),
        no_hand_in=tuple(no_hand_in),
        awaiting_mark=tuple(awaiting),
        not_on_roster=tuple(missing),
        no_lms_id=tuple(no_id),
        case_hints=hints,
    )
