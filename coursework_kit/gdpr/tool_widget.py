"""What the three data protection tools share: a record of their boxes, saved on every change,
with room beside each box for a problem with what is in it."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import ipywidgets as w

from coursework_kit._english import count
from coursework_kit._ui.snippets import alert, status
from coursework_kit.errors import EntryError
from coursework_kit.metrics.record import CalculatorRecord, CalculatorWork
from coursework_kit.records import ActivitySession, Mode

__all__ = ["STYLE", "Tool", "duration", "now"]

STYLE = {"description_width": "initial"}


def now() -> datetime:
    return datetime.now().astimezone()


def duration(minutes: int) -> str:
    """A length of time in words: "47 hours 30 minutes", "1 hour", "5 minutes"."""
    hours, minutes = divmod(minutes, 60)
    parts = [count(hours, "hour") if hours else "", count(minutes, "minute") if minutes else ""]
    return " ".join(part for part in parts if part)


class Tool(w.VBox):  # type: ignore[misc]
    """What the three tools share: a record of the boxes, saved on every change."""

    def _open(self, scenario: str, folder: str | Path | None, mode: Mode) -> CalculatorWork | None:
        self._saved = w.HTML()
        self._notes: dict[str, Any] = {}  # box -> a problem with it, shown beside it
        self._restoring = False
        self.session = ActivitySession(
            CalculatorRecord, scenario, folder=folder, mode=mode, notify=self._show_saved
        )
        return self.session.resumed.work if self.session.resumed else None

    def _opened(self) -> None:
        if self.session.notices:
            self._saved.value = status(" ".join(self.session.notices))

    @property
    def work(self) -> CalculatorWork:
        """What is in each box, as text, and the answer shown in words."""
        raise NotImplementedError

    @property
    def message(self) -> str:
        """The latest message about saving (HTML)."""
        return str(self._saved.value)

    def _save(self) -> None:
        if not self._restoring:
            self.session.update(self.work)

    def _show_saved(self, message: str, problem: bool) -> None:
        self._saved.value = alert(message) if problem else status(message)

    def _beside(self, box: str, control: Any) -> Any:
        """``control`` with room beside it for a problem with what is in it."""
        self._notes[box] = w.HTML()
        return w.HBox([control, self._notes[box]])

    def _note(self, problem: EntryError | None = None) -> None:
        """Show ``problem`` beside its box (and clear the others); None clears them all."""
        for box, note in self._notes.items():
            note.value = alert(str(problem)) if problem and problem.box == box else ""

    @property
    def problem(self) -> str:
        """A problem with what is in a box, as shown beside that box ("" if there is none)."""
        return " ".join(str(note.value) for note in self._notes.values() if note.value)
