"""The shared content calendar: the team's rules (:mod:`.rules`), the CSV and HTML export
(:mod:`.export`), the learner's calendar as evidence (:mod:`.record`) and its review
(:mod:`.assess`), and the planner widget (:mod:`.widget`, loaded only when asked for)."""

from __future__ import annotations

from coursework_kit.posts.planner.export import CalendarReview, calendar_csv, write_calendar_csv
from coursework_kit.posts.planner.record import CalendarRecord, CalendarWork
from coursework_kit.posts.planner.rules import (
    STATUSES,
    CalendarPost,
    CalendarRuleError,
    ContentCalendar,
    TeamMember,
    load_calendar,
)

__all__ = [
    "STATUSES",
    "CalendarPost",
    "CalendarRecord",
    "CalendarReview",
    "CalendarRuleError",
    "CalendarWork",
    "ContentCalendar",
    "TeamMember",
    "calendar_csv",
    "load_calendar",
    "write_calendar_csv",
]
