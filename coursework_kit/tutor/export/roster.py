"""The roster: a CSV file the tutor writes that says who each nbgrader learner is in the LMS.

One row per learner. Only ``nbgrader_id`` is required; fill in the columns your LMS needs:

==============  ===============================================================================
``nbgrader_id``  the learner's id in nbgrader (their folder name in ``submitted/``); required
``name``         their name, shown in Canvas's Student column and in messages
``email``        their Moodle email address (``--by email``)
``id_number``    their Moodle ID number, a profile field (``--by idnumber``, the default)
``username``     their Moodle username (``--by username``)
``sis_user_id``  their Canvas SIS User ID (what Canvas matches on, after its own ID)
``sis_login_id`` their Canvas SIS Login ID (Canvas tries it when there is no SIS User ID)
``canvas_id``    Canvas's own number for them (the ID column of a Canvas gradebook export)
``section``      their Canvas section (Canvas needs the column; it may be empty)
==============  ===============================================================================

Headers may use spaces or capitals ("SIS User ID", "ID number", "Email address" all work), so
a column copied from an LMS export can be kept as it is. Other columns are ignored. Values are
used exactly as written, apart from spaces at either end: nbgrader ids must match exactly.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, fields
from pathlib import Path

from coursework_kit.errors import CourseworkError

__all__ = ["COLUMNS", "Roster", "RosterEntry", "read_roster"]


@dataclass(frozen=True)
class RosterEntry:
    """One learner on the roster (empty text where the roster leaves a column out)."""

    nbgrader_id: str
    name: str = ""
    email: str = ""
    id_number: str = ""
    username: str = ""
    sis_user_id: str = ""
    sis_login_id: str = ""
    canvas_id: str = ""
    section: str = ""
    line: int = 0  # where it is in the file, for messages

    def get(self, column: str) -> str:
        value: str = getattr(self, column)
        return value


COLUMNS = tuple(f.name for f in fields(RosterEntry) if f.name != "line")
_ALIASES = {
    "email_address": "email",
    "idnumber": "id_number",
    "student": "name",
    "canvas_user_id": "canvas_id",
    "nbgrader": "nbgrader_id",
    "nbgrader_student_id": "nbgrader_id",
}


def _column(header: str) -> str:
    key = re.sub(r"[\s_\-]+", "_", header.strip().lower()).strip("_")
    return _ALIASES.get(key, key)


@dataclass(frozen=True)
class Roster:
    """The learners on a roster file, in the file's order."""

    path: Path
    entries: tuple[RosterEntry, ...]
    columns: tuple[str, ...]  # the known columns the file has, in COLUMNS order

    def find(self, nbgrader_id: str) -> RosterEntry | None:
        for entry in self.entries:
            if entry.nbgrader_id == nbgrader_id:
                return entry
        return None

    def ids(self) -> set[str]:
        return {entry.nbgrader_id for entry in self.entries}


def _text(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise CourseworkError(f"There is no roster file at {path}.") from None
    except OSError as exc:
        raise CourseworkError(f"The roster {path} could not be read: {exc.strerror}.") from None
    try:
        return raw.decode("utf-8-sig")  # Excel's "CSV UTF-8" starts with a byte-order mark
    except UnicodeDecodeError:
        raise CourseworkError(
            f"The roster {path} is not saved as UTF-8 text. In Excel use File > Save As > "
            '"CSV UTF-8 (Comma delimited)"; in LibreOffice choose "Unicode (UTF-8)".'
        ) from None


def read_roster(path: str | Path) -> Roster:
    """Read and check a roster CSV file (commas, semicolons or tabs between values)."""
    where = Path(path)
    text = _text(where)
    first = text.splitlines()[0] if text.strip() else ""
    delimiter = max(",;\t", key=first.count) if first else ","
    rows = list(csv.reader(text.splitlines(), delimiter=delimiter))
    if not rows or not any(cell.strip() for cell in rows[0]):
        raise CourseworkError(f"The roster {where} is empty: it needs a header row first.")
    header = [_column(cell) for cell in rows[0]]
    if "nbgrader_id" not in header:
        raise CourseworkError(
            f"The roster {where} has no nbgrader_id column. Its first row must name the "
            f"columns; it has: {', '.join(repr(c) for c in rows[0])}. "
            f"Columns it can have: {', '.join(COLUMNS)}."
        )
    index = {name: header.index(name) for name in COLUMNS if name in header}
    entries: list[RosterEntry] = []
    seen: dict[str, int] = {}
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue  # a blank line
        if len(row) > len(header) and any(cell.strip() for cell in row[len(header) :]):
            raise CourseworkError(
                f"Line {number} of the roster {where} has more values than the header has "
                'columns. A value with a comma in it (such as "Smith, Ann") needs double '
                "quotes round it."
            )
        values = {name: row[i].strip() if i < len(row) else "" for name, i in index.items()}
        learner = values["nbgrader_id"]
        if not learner:
            raise CourseworkError(f"Line {number} of the roster {where} has no nbgrader_id.")
        if learner in seen:
            raise CourseworkError(
                f"{learner} is on the roster {where} twice (lines {seen[learner]} and "
                f"{number}). Keep one row for each learner."
            )
        seen[learner] = number
        entries.append(RosterEntry(**values, line=number))
    return Roster(where, tuple(entries), tuple(index))
