"""Search (unit 1): how a page shows in search results (SEO) and the text of a paid search ad
(PPC).

- ``check_snippet`` checks a page title and meta description against the lengths search
  engines show and where the keyword sits; ``SnippetPreview`` draws the result as it is typed.
- ``check_search_ad`` checks a Google responsive search ad against Google's limits and
  editorial policy; ``SearchAdBuilder`` draws the ad as it is typed.

The limits are data (``datasets/search/limits.yaml``, checked November 2026), each with its
source and why it matters. Each widget's work is a record (``SnippetRecord``,
``SearchAdRecord``), judged by ``assess``; the widgets load ipywidgets only when first asked
for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from coursework_kit._lazy import lazy_names
from coursework_kit.search.ads import AdCheck, check_search_ad
from coursework_kit.search.assess import assess
from coursework_kit.search.record import SearchAdRecord, SearchAdWork, SnippetRecord, SnippetWork
from coursework_kit.search.snippet import SnippetCheck, check_snippet

if TYPE_CHECKING:
    from coursework_kit.search.widget import SearchAdBuilder, SnippetPreview

__all__ = [
    "AdCheck",
    "SearchAdBuilder",
    "SearchAdRecord",
    "SearchAdWork",
    "SnippetCheck",
    "SnippetPreview",
    "SnippetRecord",
    "SnippetWork",
    "assess",
    "check_search_ad",
    "check_snippet",
]


_WIDGETS = {
    "SearchAdBuilder": "coursework_kit.search.widget",
    "SnippetPreview": "coursework_kit.search.widget",
}


__getattr__, __dir__ = lazy_names(__name__, _WIDGETS, __all__)
