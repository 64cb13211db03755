"""Customer journeys: omnichannel versus multichannel, journey mapping (unit 2), and marketing
automation journeys checked against PECR (unit 5, in :mod:`.automation`).

The logic is plain functions and dataclasses; the journey mapper and the automation journey
builder load ipywidgets and matplotlib only when first asked for. The learner's map is a
:class:`JourneyMapRecord` (``evidence/journey-map.json``), judged by :func:`assess`; an
automation journey is an ``AutomationRecord``, judged by ``journeys.automation.assess``.
Channel performance (conversion rate, AOV, CAC, ROI) is in :mod:`coursework_kit.metrics`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from coursework_kit._lazy import lazy_names
from coursework_kit.journeys.assess import assess
from coursework_kit.journeys.automation.check import JourneyStep, check_journey
from coursework_kit.journeys.mapping import (
    Friction,
    JourneyError,
    JourneyMap,
    MapFeedback,
    Opportunity,
    describe_map,
    load_catalogue,
    validate_map,
)
from coursework_kit.journeys.omnichannel import JourneyComparison, compare_journeys
from coursework_kit.journeys.record import JourneyMapRecord, JourneyMapWork

if TYPE_CHECKING:
    from coursework_kit.journeys.automation.widget import JourneyBuilder
    from coursework_kit.journeys.widget import JourneyMapper

__all__ = [
    "Friction",
    "JourneyBuilder",
    "JourneyComparison",
    "JourneyError",
    "JourneyMap",
    "JourneyMapRecord",
    "JourneyMapWork",
    "JourneyMapper",
    "JourneyStep",
    "MapFeedback",
    "Opportunity",
    "assess",
    "check_journey",
    "compare_journeys",
    "describe_map",
    "load_catalogue",
    "validate_map",
]


_WIDGETS = {
    "JourneyBuilder": "coursework_kit.journeys.automation.widget",
    "JourneyMapper": "coursework_kit.journeys.widget",
}


__getattr__, __dir__ = lazy_names(__name__, _WIDGETS, __all__)
