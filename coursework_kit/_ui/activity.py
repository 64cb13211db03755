"""What the writing activities' widgets share (the post composer, the content calendar planner,
the search snippet and search ad widgets): a session holding the record, a line saying what
was saved, saving each change, and a Save button that saves at once.

Every change is saved within a second through an
:class:`~coursework_kit.records.ActivitySession`, and a new widget on the same folder (after a
kernel restart, say) shows the learner's latest work.
"""

from __future__ import annotations

from typing import Any, TypeVar

import ipywidgets as w

from coursework_kit._ui.snippets import alert
from coursework_kit._ui.snippets import status as info
from coursework_kit.records import ActivitySession, Mode, Record

__all__ = ["Activity", "button", "watch"]

W = TypeVar("W")


def button(text: str, tip: str, action: Any, style: str = "") -> w.Button:
    button = w.Button(description=text, tooltip=tip, button_style=style)
    button.on_click(lambda _b: action())
    return button


def watch(controls: Any, changed: Any) -> None:
    """Call ``changed()`` whenever the learner changes any of ``controls``."""
    for control in controls:
        control.observe(lambda _c: changed(), names="value")


class Activity(w.VBox):  # type: ignore[misc]
    """What the activities here share: a session holding the record, a line saying what was
    saved, saving each change, and a Save button that saves at once."""

    session: ActivitySession[Any]

    def _open(self, kind: type[Record[W]], task: str, folder: Any, mode: Mode) -> W | None:
        """Open the session; the latest work saved, if any, for the widget to show."""
        self._line = w.HTML()
        session = ActivitySession(kind, task, folder=folder, mode=mode, notify=self._show_saved)
        if session.notices:
            self._line.value = info(" ".join(session.notices))
        self.session = session
        return None if session.resumed is None else session.resumed.work

    @property
    def work(self) -> Any:
        raise NotImplementedError

    @property
    def message(self) -> str:
        """The latest message about saving (HTML)."""
        return str(self._line.value)

    def save(self) -> bool:
        """Press "Save": save now (each change is saved within a second anyway). True when
        the file holds the latest work."""
        self.session.update(self.work)
        return self.session.flush()

    def _show_saved(self, message: str, problem: bool) -> None:
        self._line.value = alert(message) if problem else info(message)

    def _on_change(self) -> None:
        self._refresh()
        self.session.update(self.work)

    def _refresh(self) -> None:
        """Redraw what follows the controls as the learner types (a widget may have none)."""
