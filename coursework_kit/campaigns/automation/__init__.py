"""Marketing automation journeys (unit 5): the learner's journey as a record, its assessment
against PECR, and the builder.

``record`` is the evidence (``evidence/automation-journey.json``), ``assess`` judges it
without any display library, and ``widget`` holds :class:`JourneyBuilder` (import it from
:mod:`coursework_kit.campaigns`, which loads ipywidgets only when it is asked for).
"""

from __future__ import annotations

from coursework_kit.campaigns.automation.assess import assess
from coursework_kit.campaigns.automation.record import AutomationRecord, AutomationWork

__all__ = ["AutomationRecord", "AutomationWork", "assess"]
