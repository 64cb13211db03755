"""A widget's hold on its record: reopen the latest work, save each change within a second.

The widget builds its work (a frozen dataclass) from its controls and calls :meth:`update`
whenever the learner changes something. The session keeps it in the current attempt and
writes the file at most every ``delay`` seconds, the last change always included, so typing
does not cost a disk write per key and a kernel restart loses at most that last moment.
A new attempt starts only when the learner chooses to start again (:meth:`start_again`).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Generic, TypeVar

from coursework_kit.errors import CourseworkError
from coursework_kit.learner import autograding, learner_id
from coursework_kit.records._base import Attempt, Mode, Record
from coursework_kit.records._store import RecordFile

__all__ = ["ActivitySession", "SaveNote"]

W = TypeVar("W")
SaveNote = Callable[[str, bool], None]  # (message, is_problem) for the widget to show


class ActivitySession(Generic[W]):
    """The record of one activity as a widget works on it.

    ``resumed`` is the latest attempt found on opening (None for a first visit): the widget
    shows that work. ``notify`` is called after each write with the message to show.
    """

    def __init__(
        self,
        kind: type[Record[W]],
        scenario: str,
        *,
        folder: str | Path | None = None,
        mode: Mode = "practice",
        learner: str | None = None,
        delay: float = 0.5,
        notify: SaveNote | None = None,
    ) -> None:
        self.file: RecordFile[Record[W]] = (
            RecordFile(kind, scenario)
            if folder is None
            else RecordFile(kind, scenario, Path(folder))
        )
        self.mode: Mode = mode
        self.learner = learner if learner is not None else learner_id()
        self.delay = 0.0 if autograding() else delay
        self.notify = notify
        self._lock = threading.RLock()
        self._timer: threading.Timer | None = None
        self._dirty = False
        self._new = False  # the current attempt has not been written yet
        self._last_write = 0.0
        self.writes = 0
        self._kept_notices: list[str] = []
        self.problem = ""
        try:
            self.record: Record[W] = self.file.load_or_new()
        except CourseworkError as exc:  # a folder that cannot be read: carry on, say why
            self.record, self.problem = kind.new(scenario), str(exc)
        self.resumed: Attempt[W] | None = self.record.latest
        self.number: int | None = self.resumed.number if self.resumed else None

    @property
    def notices(self) -> list[str]:
        """Things the learner should know about their file (an unreadable one set aside)."""
        return [*self.file.notices, *([self.problem] if self.problem else [])]

    @property
    def current(self) -> Attempt[W] | None:
        return None if self.number is None else self.record.attempt(self.number)

    def update(self, work: W) -> None:
        """Keep ``work`` as the current attempt's; it is saved within ``delay`` seconds."""
        with self._lock:
            held = self.current
            if held is not None and held.work == work and held.mode == self.mode:
                return
            self.record = self.record.with_work(
                work, number=self.number, mode=self.mode, learner=self.learner
            )
            if self.number is None:
                self.number, self._new = self.record.next_number - 1, True
            self._dirty = True
            wait = self._last_write + self.delay - time.monotonic()
            if wait <= 0:
                self._write()
            elif self._timer is None:
                self._timer = threading.Timer(wait, self.flush)
                self._timer.daemon = True
                self._timer.start()

    def start_again(self) -> None:
        """Save what there is; the next change starts a new attempt (earlier ones are kept)."""
        self.flush()
        with self._lock:
            self.number = None
            self._kept_notices = []

    def flush(self) -> bool:
        """Write any change not yet saved, now. True if the file holds the latest work."""
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
            if self._dirty:
                self._write()
            return not self._dirty

    def _write(self) -> None:
        if self.number is None:
            return
        try:
            self.record, self.number = self.file.save_attempt(
                self.record, self.number, new=self._new
            )
        except CourseworkError as exc:
            self._report(str(exc), problem=True)
            return
        finally:
            self._last_write = time.monotonic()
        self._dirty = self._new = False
        self.writes += 1
        self._kept_notices += [n for n in self.file.notices if n not in self._kept_notices]
        self.file.notices.clear()
        notes = " ".join(self._kept_notices)  # shown until the learner starts again
        self._report(f"Saved to evidence/{self.file.path.name}. {notes}".strip(), problem=False)

    def _report(self, message: str, *, problem: bool) -> None:
        if self.notify is not None:
            self.notify(message, problem)

    def close(self) -> None:
        """Save what is pending and stop the timer (the widget is going away)."""
        self.flush()


def latest_work(kind: type[Record[W]], scenario: str, folder: str | Path) -> Any:
    """The latest attempt's work saved for ``scenario`` in ``folder``, or None."""
    found = RecordFile(kind, scenario, Path(folder)).load()
    latest = None if found is None else found.latest
    return None if latest is None else latest.work
