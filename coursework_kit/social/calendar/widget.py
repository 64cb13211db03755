"""The content calendar widget: add and edit posts, move them on, export the plan.

Thin: the team's rules are in :mod:`.rules`, the CSV and HTML in :mod:`.export`, the review
in :mod:`.assess`. Every action is a method (``add_post``, ``edit_post``, ``set_status``,
``export``); a change that breaks a rule is refused with the reason shown under the box it is
about (:meth:`CalendarPlanner.problem`). The calendar, every
change and what is typed in the form are a :class:`.CalendarRecord`, saved within a second to
``evidence/calendar-<id>.json``; a new planner on the same folder reopens the learner's
calendar.
"""

from __future__ import annotations

import contextlib
from datetime import date
from pathlib import Path
from typing import Any

import ipywidgets as w
from traitlets import TraitError

from coursework_kit._english import join
from coursework_kit._ui.activity import Activity, button, watch
from coursework_kit._ui.layout import fit_width, wide
from coursework_kit._ui.snippets import alert
from coursework_kit._ui.snippets import status as info
from coursework_kit.errors import CourseworkError
from coursework_kit.records import Mode, now
from coursework_kit.social.calendar.assess import calendar_from, planned
from coursework_kit.social.calendar.export import write_calendar_csv
from coursework_kit.social.calendar.record import (
    CalendarAction,
    CalendarForm,
    CalendarRecord,
    CalendarWork,
)
from coursework_kit.social.calendar.rules import (
    STATUSES,
    CalendarPost,
    ContentCalendar,
    load_calendar,
)
from coursework_kit.social.platforms import platform_ids, platform_rules

__all__ = ["CalendarPlanner"]

_STYLE = {"description_width": "initial"}

# Each form box as a message points to it, and what to choose in it when it is left empty.
_WHERE = {
    "day": "the Day box",
    "platform": "the Platform box",
    "owner": "the Owner box",
    "text": "the Post box",
    "image_alt_text": "the Image alt text box",
    "post": "the box for the chosen post",
    "status": "the New status box",
    "by": "the Done by box",
}
_CHOOSE = {
    "day": "Choose a day in the Day box first.",
    "platform": "Choose a platform in the Platform box first.",
    "owner": "Choose who owns the post in the Owner box first.",
    "post": "Choose a post to edit or move on first.",
    "status": "Choose the new status in the New status box first.",
    "by": "Choose who is making the change in the Done by box first.",
}


class CalendarPlanner(Activity):
    """Plan a week of posts with the team: add and edit posts, approve them, export the plan.

    ``mode`` is "practice" (a workbook) or "assessment" (an assignment).
    """

    def __init__(
        self,
        calendar: ContentCalendar | str = "calendar-black-friday",
        *,
        folder: str | Path | None = None,
        csv_folder: str | Path | None = None,
        mode: Mode = "practice",
    ) -> None:
        self.calendar = load_calendar(calendar) if isinstance(calendar, str) else calendar
        resumed = self._open(CalendarRecord, self.calendar.id, folder, mode)
        if resumed is not None:
            self.calendar = calendar_from(resumed, self.calendar)
        self._csv_folder = Path(csv_folder) if csv_folder is not None else None
        self._log: tuple[CalendarAction, ...] = () if resumed is None else resumed.actions
        self._exported = None if resumed is None else resumed.exported_csv
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
        # each box's own problem line, shown directly under the box (or the row holding it)
        self._problems = {name: w.HTML() for name in _WHERE}
        lines = self._problems
        add = button(
            "Add as a new post", "Add this post to the calendar as a draft", self.press_add
        )
        load = button(
            "Load into the form",
            "Put the chosen post into the form to edit it",
            lambda: self.load_post(self._post.value),
        )
        keep = button(
            "Save changes to the chosen post",
            "Change the chosen post to match the form",
            self.press_save_changes,
        )
        change = button(
            "Change status", "Move the chosen post to the new status", self.press_change_status
        )
        export = button("Export", "Save the calendar as CSV and evidence", self.export, "primary")
        super().__init__(
            [
                self._table,
                w.HTML("<h4>Add or edit a post</h4>"),
                w.HBox([self._day, self._platform, self._owner]),
                w.VBox([lines["day"], lines["platform"], lines["owner"]]),
                self._words,
                lines["text"],
                self._alt,
                lines["image_alt_text"],
                w.HBox([add, keep]),
                w.HTML(
                    "<h4>Choose a post to edit or move on (draft → awaiting approval → "
                    "approved → scheduled)</h4>"
                ),
                w.HBox([self._post, load]),
                lines["post"],
                w.HBox([self._status, self._by, change]),
                w.VBox([lines["status"], lines["by"]]),
                self._message,
                self._review,
                export,
                self._line,
            ]
        )
        self.add_class("ck-calendar-planner")
        fit_width(self)
        self._show()
        if resumed is not None:
            self._fill(resumed.form)
        watch(self._form_controls.values(), self._on_change)
        for name, control in self._form_controls.items():  # a problem was about the old value
            control.observe(lambda _c, name=name: self._clear(name), names="value")

    # -- what the learner has done --------------------------------------------------------------

    @property
    def _form_controls(self) -> dict[str, Any]:
        return {
            "day": self._day,
            "platform": self._platform,
            "owner": self._owner,
            "text": self._words,
            "image_alt_text": self._alt,
            "post": self._post,
            "status": self._status,
            "by": self._by,
        }

    @property
    def form(self) -> CalendarForm:
        """What is in the form now, chosen or typed but not yet added or saved."""
        return CalendarForm(
            day=self._day.value.isoformat() if self._day.value else "",
            platform=str(self._platform.value or ""),
            owner=str(self._owner.value or ""),
            text=str(self._words.value),
            image_alt_text=str(self._alt.value),
            post=str(self._post.value or ""),
            status=str(self._status.value or ""),
            by=str(self._by.value or ""),
        )

    @property
    def work(self) -> CalendarWork:
        """The calendar as it stands, every change made, the form and the last export."""
        return CalendarWork(
            posts=planned(self.calendar),
            actions=self._log,
            form=self.form,
            exported_csv=self._exported,
        )

    @property
    def shown(self) -> dict[str, str]:
        """What the learner sees (HTML): the calendar table, the review and the last message."""
        return {
            "table": str(self._table.value),
            "review": str(self._review.value),
            "said": str(self._message.value),
        }

    def problem(self, box: str) -> str:
        """The message under a form box (HTML; "" when there is none). ``box`` is one of
        ``day``, ``platform``, ``owner``, ``text``, ``image_alt_text``, ``post``, ``status``
        and ``by``, as in :meth:`fill_form`."""
        if box not in self._problems:
            raise CourseworkError(
                f"The form has no box called {box!r}; its boxes are {join(map(repr, _WHERE))}."
            )
        return str(self._problems[box].value)

    @property
    def post_choices(self) -> list[str]:
        """The posts to choose from, as the learner reads them ("tue-x (draft)")."""
        return [str(label) for label, _ in self._post.options]

    def _attempt(
        self, action: Any, done: str, *, given: dict[str, Any], about: str, failed: str
    ) -> CalendarPost | None:
        """Do ``action``; a problem is shown under the box it is about, with a pointer to it in
        the message line. ``given`` holds the chosen values by box: the first left empty, or
        not one of its box's choices, is what a refusal is about; otherwise it is ``about``."""
        self._clear(*self._problems)
        empty = next((name for name, value in given.items() if value in (None, "")), None)
        if empty is not None:
            self._refuse(empty, _CHOOSE[empty], failed)
            return None
        try:
            post: CalendarPost = action()
        except CourseworkError as exc:
            odd = next((n for n, v in given.items() if not self._offers(n, v)), about)
            self._refuse(odd, str(exc), failed)
            return None
        self._message.value = info(done.format(post=post))
        self._log = (*self._log, CalendarAction(done.format(post=post), now()))
        self._show()
        self.session.update(self.work)
        self.session.flush()  # a change to the calendar is kept at once
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
            given={"day": day, "platform": platform, "owner": owner},
            about="text",
            failed="The post was not added",
        )

    def edit_post(self, post_id: str, **changes: Any) -> CalendarPost | None:
        """Change a post's text, platform, day, image or paid flag (approved posts go back to
        draft)."""
        chosen = {n: changes[n] for n in ("day", "platform") if changes.get(n) is not None}
        return self._attempt(
            lambda: self.calendar.edit_post(post_id, **changes),
            "Changed '{post.id}'; it is now {post.status}.",
            given={"post": post_id, **chosen},
            about="text",
            failed="The changes were not saved",
        )

    def set_status(self, post_id: str, status: str, *, by: str) -> CalendarPost | None:
        """Move a post on, as team member ``by``; refused with a reason if it breaks a rule."""
        return self._attempt(
            lambda: self.calendar.set_status(post_id, status, by=by),
            f"{by} moved '{{post.id}}' to {{post.status}}.",
            given={"post": post_id, "status": status, "by": by},
            about="status",
            failed="The status was not changed",
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
        self._exported = path.name
        self.save()
        return path

    def fill_form(self, **values: Any) -> None:
        """Choose or type in the form, as the learner would: any of ``day`` (YYYY-MM-DD),
        ``platform``, ``owner``, ``text``, ``image_alt_text``, ``post``, ``status``, ``by``."""
        for name, value in values.items():
            control = self._form_controls.get(name)
            if control is None:
                raise CourseworkError(f"The form has no box called {name!r}.")
            try:
                control.value = self._day_called(value) if name == "day" else value
            except TraitError:
                raise CourseworkError(f"{value!r} is not one of the choices for {name}.") from None

    def press_add(self) -> CalendarPost | None:
        """Press "Add as a new post": add what is in the form as a draft."""
        return self.add_post(
            day=self._day.value,
            platform=self._platform.value,
            text=self._words.value,
            owner=self._owner.value,
            image_alt_text=self._alt.value or None,
        )

    def load_post(self, post_id: str | None) -> CalendarPost | None:
        """Put a post's day, platform, owner, words and alt text into the form to edit."""
        self._clear(*self._problems)
        if post_id in (None, ""):
            self._refuse("post", _CHOOSE["post"], "Nothing was loaded")
            return None
        try:
            post = self.calendar.post(str(post_id))
        except CourseworkError as exc:
            self._refuse("post", str(exc), "Nothing was loaded")
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

    def press_save_changes(self) -> CalendarPost | None:
        """Press "Save changes to the chosen post": change it to match the form."""
        return self.edit_post(
            self._post.value,
            day=self._day.value,
            platform=self._platform.value,
            text=self._words.value,
            image_alt_text=self._alt.value or None,
        )

    def press_change_status(self) -> CalendarPost | None:
        """Press "Change status": move the chosen post to the new status, as "Done by"."""
        return self.set_status(self._post.value, self._status.value, by=self._by.value)

    def _refuse(self, box: str, problem: str, failed: str) -> None:
        self._problems[box].value = alert(problem)
        self._message.value = alert(f"{failed}: see the note under {_WHERE[box]}.")

    def _clear(self, *boxes: str) -> None:
        for box in boxes:
            self._problems[box].value = ""

    def _offers(self, box: str, value: object) -> bool:
        """Is ``value`` one of the choices in ``box`` (True for a box that is typed in)?"""
        if box == "day":
            return value in self.calendar.days or self._day_called(value) is not None
        if box == "post":
            return any(p.id == value for p in self.calendar.posts)
        options = getattr(self._form_controls[box], "options", None)
        if options is None:
            return True
        said = str(value).strip().casefold()
        return any(
            said in (str(label).casefold(), str(code).casefold())
            for label, code in (o if isinstance(o, tuple) else (o, o) for o in options)
        )

    def _day_called(self, value: object) -> date | None:
        return next((d for d in self.calendar.days if d.isoformat() == str(value)), None)

    def _fill(self, form: CalendarForm) -> None:
        """Put a saved form back; a choice no longer offered is left as it is."""
        for name, control in self._form_controls.items():
            value = getattr(form, name)
            with contextlib.suppress(TraitError):
                control.value = self._day_called(value) if name == "day" else value

    def _show(self) -> None:
        self._table.value = self.calendar._repr_html_()
        self._review.value = self.calendar.review()._repr_html_()
        chosen = self._post.value
        self._post.options = [(f"{p.id} ({p.status})", p.id) for p in self.calendar.posts]
        ids = [p.id for p in self.calendar.posts]
        self._post.value = chosen if chosen in ids else (ids[0] if ids else None)
