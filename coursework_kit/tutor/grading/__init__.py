"""What nbgrader test cells need: whose figures to use, and scores that survive autograding.

Every score is the cell's last expression (partial credit), explained on stdout; nothing is
written to stderr and nothing raises.
"""

from __future__ import annotations

from coursework_kit.tutor.grading.identity import current_learner
from coursework_kit.tutor.grading.scoring import (
    score_choice,
    score_crm,
    score_numeric,
    score_templates,
    score_transcript,
)

__all__ = [
    "current_learner",
    "score_choice",
    "score_crm",
    "score_numeric",
    "score_templates",
    "score_transcript",
]
