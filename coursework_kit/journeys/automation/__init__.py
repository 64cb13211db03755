"""Marketing automation journeys (unit 5): a trigger, then waits and messages, each checked
against PECR; the learner's journey as a record, its assessment, and the builder.

``check`` holds the rules (:func:`check_journey`), ``record`` is the evidence
(``evidence/automation-journey.json``), ``assess`` judges it without any display library, and
``widget`` holds :class:`JourneyBuilder` (import it from :mod:`coursework_kit.journeys`, which
loads ipywidgets only when it is asked for).
"""

from __future__ import annotations

from coursework_kit.journeys.automation.assess import assess
from coursework_kit.journeys.automation.check import JourneyCheck, JourneyStep, check_journey
from coursework_kit.journeys.automation.record import AutomationRecord, AutomationWork

__all__ = [
    "AutomationRecord",
    "AutomationWork",
    "JourneyCheck",
    "JourneyStep",
    "assess",
    "check_journey",
]
