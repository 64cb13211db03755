"""Social media posts, brand voice, search basics and a shared content calendar (units 1 and 2).

- ``check_post`` checks a post against the platform's rules (dated figures, as checked in
  November 2026), the advertising label rules (CAP Code rule 2.1; ASA/CMA influencer guidance,
  as at November 2026) and Harbour & Pine's brand voice guide (``brand_voice()``), and
  ``preview_post`` shows how it would look cut off in the feed.
- ``check_snippet`` and ``check_search_ad`` check a search result snippet (SEO) and the text of
  a Google responsive search ad (PPC).
- ``ContentCalendar`` (``load_calendar()``) plans a week of posts with a team, enforcing who
  may approve what, and exports it as CSV and HTML.

The checks are plain functions. Each activity's work is a record, its evidence file
(``PostRecord``, ``SnippetRecord``, ``SearchAdRecord``, ``CalendarRecord``), and ``assess``
checks any of them. The widgets load ipywidgets only when first asked for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from coursework_kit.posts._data import PostsInputError, brand_voice, platform_rules
from coursework_kit.posts._text import readability
from coursework_kit.posts.ads import AdCheck, check_search_ad
from coursework_kit.posts.assess import assess
from coursework_kit.posts.check import PostCheck, check_post
from coursework_kit.posts.findings import Finding
from coursework_kit.posts.planner.record import CalendarRecord, CalendarWork
from coursework_kit.posts.planner.rules import (
    CalendarPost,
    CalendarRuleError,
    ContentCalendar,
    load_calendar,
)
from coursework_kit.posts.preview import PostPreview, preview_post
from coursework_kit.posts.record import (
    PostRecord,
    PostWork,
    SearchAdRecord,
    SearchAdWork,
    SnippetRecord,
    SnippetWork,
)
from coursework_kit.posts.search import SnippetCheck, check_snippet

if TYPE_CHECKING:
    from coursework_kit.posts.planner.widget import CalendarPlanner
    from coursework_kit.posts.serp.widget import SearchAdBuilder, SnippetPreview
    from coursework_kit.posts.widget import PostComposer

__all__ = [
    "AdCheck",
    "CalendarPlanner",
    "CalendarPost",
    "CalendarRecord",
    "CalendarRuleError",
    "CalendarWork",
    "ContentCalendar",
    "Finding",
    "PostCheck",
    "PostComposer",
    "PostPreview",
    "PostRecord",
    "PostWork",
    "PostsInputError",
    "SearchAdBuilder",
    "SearchAdRecord",
    "SearchAdWork",
    "SnippetCheck",
    "SnippetPreview",
    "SnippetRecord",
    "SnippetWork",
    "assess",
    "brand_voice",
    "check_post",
    "check_search_ad",
    "check_snippet",
    "load_calendar",
    "platform_rules",
    "preview_post",
    "readability",
]

_WIDGETS = {
    "CalendarPlanner": "coursework_kit.posts.planner.widget",
    "PostComposer": "coursework_kit.posts.widget",
    "SearchAdBuilder": "coursework_kit.posts.serp.widget",
    "SnippetPreview": "coursework_kit.posts.serp.widget",
}


def __getattr__(name: str) -> Any:
    if name in _WIDGETS:
        import importlib

        return getattr(importlib.import_module(_WIDGETS[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
