"""The content calendar widget: add and edit posts, move them on, export the plan.

Thin: the team's rules are in :mod:`.rules`, the CSV and HTML in :mod:`.export`. Every action
is a method (``add_post``, ``edit_post``, ``set_status``, ``export``); a change that breaks a
rule is refused with the reason shown, and every change is saved as evidence.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import ipywidgets as w

from coursework_kit._display import alert, fit_width, wide
from coursework_kit._display import status as info
from coursework_kit.errors import CourseworkError
from coursework_kit.posts._data import platform_ids, platform_rules
from coursework_kit.posts.planner.export import calendar_csv, write_calendar_csv
from coursework_kit.posts.planner.rules import (
    STATUSES,
    CalendarPost,
    ContentCalendar,
    load_calendar,
)
from coursework_kit.posts.widget import Saver, button

__all__ = ["CalendarPlanner"]

_STYLE = {"description_width": "initial"}


def _now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


class CalendarPlanner(w.VBox):  # type: ignore[misc]
    """Plan a week of posts with the team: add and edit posts, approve them, export the plan."""

    def __init__(
        self,
        calendar: ContentCalendar | str = "calendar-black-friday",
        *,
        folder: Any = None,
        csv_folder: str | Path | None = None,
    ) -> None:
        self.calendar = load_calendar(calendar) if isinstance(calendar, str) else calendar
        self._saver = Saver(f"calendar-{self.calendar.id}", folder)
        self._csv_folder = Path(csv_folder) if csv_folder is not None else None
        self._log: list[dict[str, Any]] = []
        cal, names = self.calendar, list(self.calendar.team)
        self._day = w.Dropdown(options=[(f"{d:%A %d %B}", d) for d in cal.days], description="Day")
        self._platform = w.Dropdown(
            options=[(platform_rules(p).name, p) for p in platform_ids()], description="Platform"
        )
        self._owner = w.Dropdown(options=names, description="Owner")
        self._words = w.Textarea(description="Post", style=_STYLE, layout=wide("700px"), rows=3)
        self._alt = w.Text(
            description="Image alt text (if it has an image)", style=_STYLE, layout=wide("700px")
        )
        self._post = w.Dropdown(description="Post", style=_STYLE)
        self._status = w.Dropdown(options=STATUSES, description="New status", style=_STYLE)
        self._by = w.Dropdown(options=names, description="Done by", style=_STYLE)
        self._table, self._review, self._message = w.HTML(), w.HTML(), w.HTML()
        add = button(
            "Add as a new post", "Add this post to the calendar as a draft", self._add_clicked
        )
        load = button(
            "Load into the form",
            "Put the chosen post into the form to edit it",
            lambda: self.load_post(self._post.value),
        )
        keep = button(
            "Save changes to the chosen post",
            "Change the chosen post to match the form",
            self._edit_clicked,
        )
        change = button(
            "Change status", "Move the chosen post to the new status", self._status_clicked
        )
        export = button("Export", "Save the calendar as CSV and evidence", self.export, "primary")
        super().__init__(
            [
                self._table,
                w.HTML("<h4>Add or edit a post</h4>"),
                w.HBox([self._day, self._platform, self._owner]),
                self._words,
                self._alt,
                w.HBox([add, keep]),
                w.HTML(
                    "<h4>Choose a post to edit or move on (draft → awaiting approval → "
                    "approved → scheduled)</h4>"
                ),
                w.HBox([self._post, load]),
                w.HBox([self._status, self._by, change]),
                self._message,
                self._review,
                export,
                self._saver.line,
            ]
        )
        self.add_class("ck-calendar-planner")
        fit_width(self)
        self._show()

    def _attempt(self, action: Any, done: str) -> CalendarPost | None:
        try:
            post: CalendarPost = action()
        except CourseworkError as exc:
            self._message.value = alert(str(exc))
            return None
        self._message.value = info(done.format(post=post))
        self._log.append({"did": done.format(post=post), "at": _now()})
        self._show()
        self._saver.save(self._data())
        return post

    def add_post(
        self,
        *,
        day: Any,
        platform: str,
        text: str,
        owner: str,
        image_alt_text: str | None = None,
        paid_partnership: bool = False,
    ) -> CalendarPost | None:
        """Add a draft post; returns it, or None with a message if something is wrong."""
        return self._attempt(
            lambda: self.calendar.add_post(
                day=day,
                platform=platform,
                text=text,
                owner=owner,
                image_alt_text=image_alt_text,
                paid_partnership=paid_partnership,
            ),
            "Added '{post.id}' as a draft.",
        )

    def edit_post(self, post_id: str, **changes: Any) -> CalendarPost | None:
        """Change a post's text, platform, day, image or paid flag (approved posts go back to
        draft)."""
        return self._attempt(
            lambda: self.calendar.edit_post(post_id, **changes),
            "Changed '{post.id}'; it is now {post.status}.",
        )

    def set_status(self, post_id: str, status: str, *, by: str) -> CalendarPost | None:
        """Move a post on, as team member ``by``; refused with a reason if it breaks a rule."""
        return self._attempt(
            lambda: self.calendar.set_status(post_id, status, by=by),
            f"{by} moved '{{post.id}}' to {{post.status}}.",
        )

    def export(self) -> Path | None:
        """Write the calendar as CSV beside the notebook and save it, reviewed, as evidence."""
        try:
            path = write_calendar_csv(
                self.calendar,
                None if self._csv_folder is None else self._csv_folder / f"{self.calendar.id}.csv",
            )
        except CourseworkError as exc:
            self._message.value = alert(str(exc))
            return None
        self._message.value = info(f"Exported to {path.name}.")
        self._saver.save(
            {**self._data(), "exported_csv": path.name, "html": self.calendar._repr_html_()}
        )
        return path

    def _add_clicked(self) -> None:
        self.add_post(
            day=self._day.value,
            platform=self._platform.value,
            text=self._words.value,
            owner=self._owner.value,
            image_alt_text=self._alt.value or None,
        )

    def load_post(self, post_id: str | None) -> CalendarPost | None:
        """Put a post's day, platform, owner, words and alt text into the form to edit."""
        try:
            post = self.calendar.post(str(post_id))
        except CourseworkError as exc:
            self._message.value = alert(str(exc))
            return None
        self._post.value = post.id
        self._day.value, self._platform.value, self._owner.value = (
            post.day,
            post.platform,
            post.owner,
        )
        self._words.value, self._alt.value = post.text, post.image_alt_text or ""
        self._message.value = info(f"'{post.id}' is in the form: change it, then save changes.")
        return post

    def _edit_clicked(self) -> None:
        if self._post.value is None:
            self._message.value = alert("Choose a post first.")
            return
        self.edit_post(
            self._post.value,
            day=self._day.value,
            platform=self._platform.value,
            text=self._words.value,
            image_alt_text=self._alt.value or None,
        )

    def _status_clicked(self) -> None:
        if self._post.value is None:
            self._message.value = alert("Choose a post first.")
            return
        self.set_status(self._post.value, self._status.value, by=self._by.value)

    def _data(self) -> dict[str, Any]:
        review = self.calendar.review()
        return {
            "calendar": self.calendar.id,
            "csv": calendar_csv(self.calendar),
            "review": [repr(f) for f in review.findings],
            "actions": self._log,
        }

    def _show(self) -> None:
        self._table.value = self.calendar._repr_html_()
        self._review.value = self.calendar.review()._repr_html_()
        chosen = self._post.value
        self._post.options = [(f"{p.id} ({p.status})", p.id) for p in self.calendar.posts]
        ids = [p.id for p in self.calendar.posts]
        self._post.value = chosen if chosen in ids else (ids[0] if ids else None)
