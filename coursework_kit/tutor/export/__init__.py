"""Grades out of nbgrader: files that Moodle and Canvas import, and the learner x criterion
matrix for an e-portfolio, from the gradebook (read, never changed) and a roster the tutor
writes (:mod:`.roster`). See :mod:`.grades` for the two systems' file formats."""

from __future__ import annotations

from coursework_kit.tutor.export.command import (
    FORMATS,
    export_criteria,
    export_file,
    export_grades,
)
from coursework_kit.tutor.export.gradebook import AssignmentScores, Score, read_scores
from coursework_kit.tutor.export.grades import GradesExport, grades_file
from coursework_kit.tutor.export.portfolio import CriteriaExport, criteria_file
from coursework_kit.tutor.export.roster import Roster, RosterEntry, read_roster

__all__ = [
    "FORMATS",
    "AssignmentScores",
    "CriteriaExport",
    "GradesExport",
    "Roster",
    "RosterEntry",
    "Score",
    "criteria_file",
    "export_criteria",
    "export_file",
    "export_grades",
    "grades_file",
    "read_roster",
    "read_scores",
]
