"""Widgets for posts and search: thin layouts over the pure checks.

Every user action is a method (``type``, ``choose_platform``, ``save``, ``add_post``...), so
tests and notebooks drive them without a browser. Learner work is saved through
:class:`~coursework_kit.evidence.Evidence`; nothing here waits for input, so the widgets just
render while nbgrader runs a notebook.
"""

from __future__ import annotations

import html
import time
from datetime import datetime
from pathlib import Path
from typing import Any

import ipywidgets as w

from coursework_kit._display import alert, fit_width, wide
from coursework_kit._display import status as info
from coursework_kit.errors import CourseworkError
from coursework_kit.evidence import Evidence, SaveOutcome
from coursework_kit.posts._data import draft, platform_ids, platform_rules
from coursework_kit.posts.ads import AdCheck, check_search_ad
from coursework_kit.posts.check import PostCheck, check_post
from coursework_kit.posts.preview import preview_post
from coursework_kit.posts.search import SnippetCheck, check_snippet

__all__ = ["PostComposer", "SearchAdBuilder", "SnippetPreview"]

_STYLE = {"description_width": "initial"}
_AUTOSAVE_SECONDS = 10.0


def _now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


class Saver:
    """One activity's evidence file, with the attempt number and a status line to report to."""

    def __init__(self, activity: str, folder: str | Path | None) -> None:
        self.evidence = (
            Evidence(activity) if folder is None else Evidence(activity, folder=Path(folder))
        )
        self.attempt = self.evidence.next_attempt()
        self.line = w.HTML()
        self.last = 0.0

    def save(self, data: dict[str, Any]) -> SaveOutcome | None:
        try:
            outcome = self.evidence.save(self.attempt, data)
        except CourseworkError as exc:
            self.line.value = alert(str(exc))
            return None
        self.attempt, self.last = outcome.attempt, time.monotonic()
        notes = " ".join([*self.evidence.notices, outcome.message]).strip()
        self.evidence.notices.clear()
        where = f"Saved to evidence/{outcome.path.name} at {datetime.now():%H:%M}."
        self.line.value = info(f"{where} {notes}".strip() if outcome.saved else notes)
        return outcome


def button(text: str, tip: str, action: Any, style: str = "") -> w.Button:
    button = w.Button(description=text, tooltip=tip, button_style=style)
    button.on_click(lambda _b: action())
    return button


class PostComposer(w.VBox):  # type: ignore[misc]
    """Write a post and see the checks and a feed preview update as you type."""

    def __init__(
        self,
        platform: str = "instagram",
        *,
        text: str = "",
        draft_id: str | None = None,
        task: str | None = None,
        folder: str | Path | None = None,
    ) -> None:
        """``draft_id`` starts from a draft in ``datasets/posts/drafts.yaml``; ``task`` names
        the activity, so each task in a notebook has its own evidence file."""
        start = draft(draft_id) if draft_id else None
        self.task = task or draft_id or "free"
        self._saver = Saver(f"post-{self.task}", folder)
        self._saved: list[dict[str, Any]] = []
        names = [(platform_rules(p).name, p) for p in platform_ids()]
        first = platform_rules(start.platform if start else platform).id
        self._platform = w.Dropdown(options=names, value=first, description="Platform")
        self._text = w.Textarea(
            value=start.text if start else text,
            placeholder="Write your post here.",
            description="Your post",
            style=_STYLE,
            layout=wide("700px"),
            rows=6,
        )
        self._image = w.Checkbox(
            value=bool(start and start.has_image), description="The post has an image", indent=False
        )
        self._alt = w.Text(
            value=(start.image_alt_text or "") if start else "",
            placeholder="Describe the image for people who cannot see it",
            description="Image alt text",
            style=_STYLE,
            layout=wide("700px"),
        )
        self._paid = w.Checkbox(
            value=bool(start and start.paid_partnership),
            description="Paid for, or made in return for a gift (needs an ad label)",
            indent=False,
            layout=wide(),
        )
        self._counter, self._preview, self._results = w.HTML(), w.HTML(), w.HTML()
        self._changed = False
        for control in (self._platform, self._text, self._image, self._alt, self._paid):
            control.observe(self._on_change, names="value")
        brief = f"<p>{html.escape(start.brief)}</p>" if start else ""
        save = button("Save draft", "Save this draft as evidence", self.save, "primary")
        super().__init__(
            [
                w.HTML(brief),
                self._platform,
                self._text,
                self._counter,
                self._image,
                self._alt,
                self._paid,
                self._preview,
                self._results,
                w.HBox([save]),
                self._saver.line,
            ]
        )
        self.add_class("ck-post-composer")
        fit_width(self)
        self._refresh()

    @property
    def text(self) -> str:
        return str(self._text.value)

    @property
    def result(self) -> PostCheck:
        """The checks on the post as it is now."""
        alt = self._alt.value.strip() or None
        return check_post(
            self.text,
            platform=str(self._platform.value),
            has_image=bool(self._image.value),
            image_alt_text=alt if self._image.value else None,
            paid_partnership=bool(self._paid.value),
        )

    def type(self, text: str) -> PostCheck:
        """Type ``text`` at the end of the post, as a learner would."""
        self._text.value = self.text + text
        return self.result

    def set_text(self, text: str) -> PostCheck:
        """Replace the whole post with ``text``."""
        self._text.value = text
        return self.result

    def choose_platform(self, platform: str) -> PostCheck:
        self._platform.value = platform_rules(platform).id
        return self.result

    def set_image(self, has_image: bool, alt_text: str = "") -> PostCheck:
        self._alt.value, self._image.value = alt_text, has_image
        return self.result

    def set_paid(self, paid: bool) -> PostCheck:
        self._paid.value = paid
        return self.result

    def save(self) -> SaveOutcome | None:
        """Press "Save draft": this version is kept in the evidence file with its checks."""
        self._saved.append(self._snapshot())
        return self._saver.save(self._data())

    def _snapshot(self) -> dict[str, Any]:
        result = self.result
        return {
            "platform": result.platform.id,
            "text": self.text,
            "has_image": bool(self._image.value),
            "image_alt_text": self._alt.value,
            "paid_partnership": bool(self._paid.value),
            "summary": result.summary,
            "must_fix": [f.found for f in result.must_fix],
            "should_fix": [f.found for f in result.should_fix],
            "at": _now(),
        }

    def _data(self) -> dict[str, Any]:
        return {"task": self.task, "current": self._snapshot(), "saved": self._saved}

    def _on_change(self, _change: object) -> None:
        self._changed = True
        self._refresh()

    def _refresh(self) -> None:
        self._alt.layout.display = None if self._image.value else "none"
        result = self.result
        self._counter.value = info(
            f"{result.length:,} of {result.platform.limit:,} characters "
            f"(about {result.platform.cutoff:,} show before '... more')."
        )
        self._preview.value = preview_post(self.text, result.platform.id)._repr_html_()
        self._results.value = result._repr_html_()
        if self._changed and time.monotonic() - self._saver.last > _AUTOSAVE_SECONDS:
            self._saver.save(self._data())


class SnippetPreview(w.VBox):  # type: ignore[misc]
    """Write a page title and meta description and see the search result they would make."""

    def __init__(
        self, keyword: str = "", *, title: str = "", description: str = "", folder: Any = None
    ) -> None:
        self._saver = Saver("search-snippet", folder)
        self._keyword = w.Text(value=keyword, description="Keyword", style=_STYLE)
        self._title = w.Text(
            value=title, description="Page title", style=_STYLE, layout=wide("700px")
        )
        self._description = w.Textarea(
            value=description,
            description="Meta description",
            style=_STYLE,
            layout=wide("700px"),
            rows=3,
        )
        self._result = w.HTML()
        for control in (self._keyword, self._title, self._description):
            control.observe(lambda _c: self._refresh(), names="value")
        save = button("Save", "Save this title and description as evidence", self.save, "primary")
        super().__init__(
            [self._keyword, self._title, self._description, self._result, save, self._saver.line]
        )
        self.add_class("ck-snippet-preview")
        fit_width(self)
        self._refresh()

    @property
    def result(self) -> SnippetCheck:
        return check_snippet(
            self._title.value, self._description.value, keyword=self._keyword.value or None
        )

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

    def save(self) -> SaveOutcome | None:
        r = self.result
        return self._saver.save(
            {
                "keyword": r.keyword or "",
                "title": r.title,
                "description": r.description,
                "summary": r.summary,
                "at": _now(),
            }
        )

    def _refresh(self) -> None:
        self._result.value = self.result._repr_html_()


class SearchAdBuilder(w.VBox):  # type: ignore[misc]
    """Write a responsive search ad's headlines, descriptions and path, with Google's limits."""

    def __init__(self, keyword: str = "", *, folder: Any = None) -> None:
        self._saver = Saver("search-ad", folder)
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
        for box in (*self._heads, *self._descs, *self._paths):
            box.observe(lambda _c: self._refresh(), names="value")
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
                self._saver.line,
            ]
        )
        self.add_class("ck-search-ad-builder")
        fit_width(self)
        self._refresh()

    @property
    def result(self) -> AdCheck:
        return check_search_ad(
            [h.value for h in self._heads],
            [d.value for d in self._descs],
            path1=self._paths[0].value,
            path2=self._paths[1].value,
            keyword=self.keyword or None,
        )

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

    def save(self) -> SaveOutcome | None:
        r = self.result
        return self._saver.save(
            {
                "keyword": self.keyword,
                "headlines": list(r.headlines),
                "descriptions": list(r.descriptions),
                "path": list(r.path),
                "summary": r.summary,
                "at": _now(),
            }
        )

    def _refresh(self) -> None:
        self._result.value = self.result._repr_html_()
