"""Customer journeys and channels: omnichannel versus multichannel, journey mapping, and
channel performance (conversion rate, AOV, CAC, ROI).

The logic is plain functions and dataclasses; the journey mapper widget loads ipywidgets and
matplotlib only when first asked for. The learner's map is a :class:`JourneyMapRecord`
(``evidence/journey-map.json``), judged by :func:`assess`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from coursework_kit.journeys.assess import assess
from coursework_kit.journeys.channel_metrics import ChannelTable, channel_metrics
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
    from coursework_kit.journeys.widget import JourneyMapper

__all__ = [
    "ChannelTable",
    "Friction",
    "JourneyComparison",
    "JourneyError",
    "JourneyMap",
    "JourneyMapRecord",
    "JourneyMapWork",
    "JourneyMapper",
    "MapFeedback",
    "Opportunity",
    "assess",
    "channel_metrics",
    "compare_journeys",
    "describe_map",
    "load_catalogue",
    "validate_map",
]


def __getattr__(name: str) -> Any:
    if name == "JourneyMapper":
        from coursework_kit.journeys import widget

        return widget.JourneyMapper
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
