"""The search widgets: a search result snippet (SEO) and a responsive search ad (PPC), each
drawn as it would show on a search results page, with the checks from :mod:`.snippet` and
:mod:`.ads` updating as the learner types.

Each is an :class:`~coursework_kit._ui.activity.Activity`: every change is saved within a
second to ``evidence/search-snippet.json`` or ``evidence/search-ad.json``, and a new widget on
the same folder shows the learner's latest work.
"""

from __future__ import annotations

from pathlib import Path

import ipywidgets as w

from coursework_kit._ui.activity import Activity, button, watch
from coursework_kit._ui.layout import fit_width, wide
from coursework_kit._ui.snippets import status as info
from coursework_kit.errors import CourseworkError
from coursework_kit.records import Mode
from coursework_kit.search.ads import AdCheck
from coursework_kit.search.assess import check_ad_work, check_snippet_work
from coursework_kit.search.record import (
    FREE,
    SearchAdRecord,
    SearchAdWork,
    SnippetRecord,
    SnippetWork,
)
from coursework_kit.search.snippet import SnippetCheck

__all__ = ["SearchAdBuilder", "SnippetPreview"]

_STYLE = {"description_width": "initial"}


class SnippetPreview(Activity):
    """Write a page title and meta description and see the search result they would make."""

    def __init__(
        self,
        keyword: str = "",
        *,
        title: str = "",
        description: str = "",
        task: str | None = None,
        folder: str | Path | None = None,
        mode: Mode = "practice",
    ) -> None:
        """Saved to ``evidence/search-snippet.json`` (``search-snippet-<task>.json`` for a
        ``task``); ``mode`` is "practice" or "assessment"."""
        resumed = self._open(SnippetRecord, task or FREE, folder, mode)
        start = resumed or SnippetWork(keyword, title, description)
        self._keyword = w.Text(value=start.keyword, description="Keyword", style=_STYLE)
        self._title = w.Text(
            value=start.title, description="Page title", style=_STYLE, layout=wide("700px")
        )
        self._description = w.Textarea(
            value=start.description,
            description="Meta description",
            style=_STYLE,
            layout=wide("700px"),
            rows=3,
        )
        self._result = w.HTML()
        watch((self._keyword, self._title, self._description), self._on_change)
        save = button("Save", "Save this title and description as evidence", self.save, "primary")
        super().__init__(
            [self._keyword, self._title, self._description, self._result, save, self._line]
        )
        self.add_class("ck-snippet-preview")
        fit_width(self)
        self._refresh()

    @property
    def result(self) -> SnippetCheck:
        """The checks on the title and description as they are now."""
        return check_snippet_work(self.work)

    @property
    def work(self) -> SnippetWork:
        """The keyword, title and description as typed."""
        return SnippetWork(
            str(self._keyword.value), str(self._title.value), str(self._description.value)
        )

    @property
    def preview(self) -> str:
        """The search result preview with its checks, as shown (HTML)."""
        return str(self._result.value)

    def fill(
        self,
        *,
        title: str | None = None,
        description: str | None = None,
        keyword: str | None = None,
    ) -> SnippetCheck:
        """Type into any of the boxes."""
        for box, value in (
            (self._keyword, keyword),
            (self._title, title),
            (self._description, description),
        ):
            if value is not None:
                box.value = value
        return self.result

    def _refresh(self) -> None:
        self._result.value = self.result._repr_html_()


class SearchAdBuilder(Activity):
    """Write a responsive search ad's headlines, descriptions and path, with Google's limits."""

    def __init__(
        self,
        keyword: str = "",
        *,
        task: str | None = None,
        folder: str | Path | None = None,
        mode: Mode = "practice",
    ) -> None:
        """Saved to ``evidence/search-ad.json`` (``search-ad-<task>.json`` for a ``task``);
        ``mode`` is "practice" or "assessment"."""
        saved = self._open(SearchAdRecord, task or FREE, folder, mode)
        self.keyword = keyword
        self._heads = [
            w.Text(description=f"Headline {n}", placeholder="up to 30 characters", style=_STYLE)
            for n in range(1, 7)
        ]
        self._descs = [
            w.Text(
                description=f"Description {n}",
                placeholder="up to 90 characters",
                style=_STYLE,
                layout=wide("700px"),
            )
            for n in range(1, 5)
        ]
        self._paths = [w.Text(description=f"Path {n}", style=_STYLE) for n in (1, 2)]
        self._result = w.HTML()
        if saved is not None:
            for box, value in (
                *zip(self._heads, saved.headlines, strict=False),
                *zip(self._descs, saved.descriptions, strict=False),
                *zip(self._paths, (saved.path1, saved.path2), strict=False),
            ):
                box.value = value
        watch((*self._heads, *self._descs, *self._paths), self._on_change)
        save = button("Save", "Save this ad as evidence", self.save, "primary")
        intro = info(f"Keyword: {keyword}") if keyword else ""
        super().__init__(
            [
                w.HTML(intro),
                *self._heads,
                *self._descs,
                w.HBox(self._paths),
                self._result,
                save,
                self._line,
            ]
        )
        self.add_class("ck-search-ad-builder")
        fit_width(self)
        self._refresh()

    @property
    def result(self) -> AdCheck:
        """The checks on the ad as it is now."""
        return check_ad_work(self.work)

    @property
    def work(self) -> SearchAdWork:
        """The ad as typed: every headline and description box, and the two paths."""
        return SearchAdWork(
            keyword=self.keyword,
            headlines=tuple(str(h.value) for h in self._heads),
            descriptions=tuple(str(d.value) for d in self._descs),
            path1=str(self._paths[0].value),
            path2=str(self._paths[1].value),
        )

    @property
    def preview(self) -> str:
        """The ad preview with its checks, as shown (HTML)."""
        return str(self._result.value)

    def _box(self, boxes: list[w.Text], number: int, what: str) -> w.Text:
        if not isinstance(number, int) or not 1 <= number <= len(boxes):
            raise CourseworkError(f"There are {what}s 1 to {len(boxes)}; not {number!r}.")
        return boxes[number - 1]

    def set_headline(self, number: int, text: str) -> AdCheck:
        self._box(self._heads, number, "headline").value = text
        return self.result

    def set_description(self, number: int, text: str) -> AdCheck:
        self._box(self._descs, number, "description").value = text
        return self.result

    def set_path(self, path1: str, path2: str = "") -> AdCheck:
        self._paths[0].value, self._paths[1].value = path1, path2
        return self.result

    def _refresh(self) -> None:
        self._result.value = self.result._repr_html_()
