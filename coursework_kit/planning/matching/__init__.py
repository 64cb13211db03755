"""Matching and sorting activities (unit 5): the learner's answers as a record, their
assessment, and the widget.

``record`` is the evidence (``evidence/activity-<id>.json``), ``assess`` judges it without any
display library, and ``widget`` holds :class:`MatchingActivity` (import it from
:mod:`coursework_kit.planning`, which loads ipywidgets only when it is asked for).
"""

from __future__ import annotations

from coursework_kit.planning.matching.assess import assess
from coursework_kit.planning.matching.record import MatchingRecord, MatchingWork

__all__ = ["MatchingRecord", "MatchingWork", "assess"]
