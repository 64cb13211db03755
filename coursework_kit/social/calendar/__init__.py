"""The shared content calendar (unit 2): a week of posts planned with a team, enforcing who may
approve what.

The team's rules are in :mod:`.rules`, the CSV and HTML export in :mod:`.export`, the learner's
calendar as evidence in :mod:`.record` (``evidence/calendar-<id>.json``) and its review in
:mod:`.assess`; the planner widget (:mod:`.widget`) loads ipywidgets only when asked for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from coursework_kit._lazy import lazy_names
from coursework_kit.social.calendar.assess import assess
from coursework_kit.social.calendar.export import CalendarReview, calendar_csv, write_calendar_csv
from coursework_kit.social.calendar.record import CalendarRecord, CalendarWork
from coursework_kit.social.calendar.rules import (
    STATUSES,
    CalendarPost,
    CalendarRuleError,
    ContentCalendar,
    TeamMember,
    load_calendar,
)

if TYPE_CHECKING:
    from coursework_kit.social.calendar.widget import CalendarPlanner

__all__ = [
    "STATUSES",
    "CalendarPlanner",
    "CalendarPost",
    "CalendarRecord",
    "CalendarReview",
    "CalendarRuleError",
    "CalendarWork",
    "ContentCalendar",
    "TeamMember",
    "assess",
    "calendar_csv",
    "load_calendar",
    "write_calendar_csv",
]


_WIDGETS = {"CalendarPlanner": "coursework_kit.social.calendar.widget"}


__getattr__, __dir__ = lazy_names(__name__, _WIDGETS, __all__)
