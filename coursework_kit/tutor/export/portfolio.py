"""The learner x criterion matrix of one assignment as a CSV file for an e-portfolio.

One row per learner, one column per assessment criterion that the assignment's graded cells
name (this project's codes, such as U3-AC2, in the catalogue's order). Each cell is what the
criteria report says (:mod:`coursework_kit.tutor.reports`, whose matrix this reuses): ``met``,
``not yet met``, ``not marked`` (waiting for the tutor's mark) or empty (no evidence yet). The
result is the learner's strongest evidence for that criterion anywhere in the course. With a
roster the rows follow the roster and carry its id columns (email, ID number, SIS ids), so the
e-portfolio can match each learner; without one, every learner in the gradebook is listed by
nbgrader id.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from coursework_kit._english import count, join
from coursework_kit.tutor.export.roster import COLUMNS, Roster
from coursework_kit.tutor.reports import CriteriaMatrix

__all__ = ["CriteriaExport", "criteria_file"]


@dataclass(frozen=True)
class CriteriaExport:
    assignment: str
    criteria: tuple[str, ...]
    text: str  # the CSV file
    learners: tuple[str, ...]  # in the file, in its order
    not_on_roster: tuple[str, ...]  # handed in, but left out: the roster does not name them

    @property
    def complete(self) -> bool:
        return not self.not_on_roster

    def summary(self, out: Path) -> str:
        lines = [
            f"Criteria for {self.assignment} written to {out}: "
            f"{count(len(self.learners), 'learner')} x {count(len(self.criteria), 'criterion')} "
            f"({join(self.criteria)})."
        ]
        if self.not_on_roster:
            lines.append(
                f"NOT IN THE FILE: {count(len(self.not_on_roster), 'learner')} handed in "
                f"{self.assignment} but {'is' if len(self.not_on_roster) == 1 else 'are'} not "
                f"on the roster: {', '.join(self.not_on_roster)}."
                " Add a row for each to the roster, then run this again."
            )
        return "\n".join(lines)


def criteria_file(
    matrix: CriteriaMatrix,
    codes: list[str],
    *,
    assignment: str,
    roster: Roster | None = None,
    handed_in: set[str] | frozenset[str] = frozenset(),
) -> CriteriaExport:
    """The matrix's rows for ``codes``: the roster's learners, or all of the matrix's."""
    criteria = tuple(code for code in matrix.criteria if code in codes)
    extra = [c for c in COLUMNS[1:] if roster is not None and c in roster.columns]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["nbgrader_id", *extra, *criteria])
    learners = [e.nbgrader_id for e in roster.entries] if roster else list(matrix.learners)
    for learner in learners:
        entry = roster.find(learner) if roster else None
        ids = [entry.get(column) if entry else "" for column in extra]
        results = [(s.status if (s := matrix.status(learner, c)) else "") for c in criteria]
        writer.writerow([learner, *ids, *results])
    missing = tuple(sorted(handed_in - roster.ids())) if roster else ()
    return CriteriaExport(assignment, criteria, out.getvalue(), tuple(learners), missing)
