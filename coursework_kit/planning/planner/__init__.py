"""The campaign planner (unit 5): the learner's plan as a record, its assessment, its widget.

``record`` is the evidence (``evidence/campaign-plan.json``), ``assess`` judges it without any
display library, and ``widget`` holds :class:`CampaignPlanner` (import it from
:mod:`coursework_kit.planning`, which loads ipywidgets only when it is asked for).
"""

from __future__ import annotations

from coursework_kit.planning.planner.assess import assess
from coursework_kit.planning.planner.record import PlanRecord, PlanWork

__all__ = ["PlanRecord", "PlanWork", "assess"]
