"""One learner at a time in the gradebook, while many learners are graded side by side.

``coursework autograde`` grades several learners at once. nbgrader opens the gradebook briefly,
many times, in each learner's autograde; while one learner has it open, the others wait (the
gate), so the gradebook sees one writer at a time and SQLite is never "locked". Everything
else (reading and writing notebooks, running the learner's kernel, marking) goes on in
parallel.

The lock is anything with ``acquire()`` and ``release()``: a lock file on one machine
(:class:`FileLock`), or a Dask cluster's lock across machines. Plain ``nbgrader autograde``
sets no lock, and the gate then does nothing.
"""

from __future__ import annotations

import fcntl
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol

__all__ = ["FileLock", "Lock", "enter", "guard_gradebook", "leave", "using"]


class Lock(Protocol):
    def acquire(self) -> object: ...

    def release(self) -> object: ...


class FileLock:
    """An exclusive lock on a file, for processes on one machine (released if one dies)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._fd: int | None = None

    def acquire(self) -> bool:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd
        return True

    def release(self) -> None:
        if self._fd is not None:
            fd, self._fd = self._fd, None
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)


_held = threading.local()  # this thread's lock, and how many gradebooks it has open


@contextmanager
def using(lock: Lock) -> Iterator[None]:
    """While grading one learner in this thread, hold ``lock`` whenever a gradebook is open."""
    _held.lock, _held.depth = lock, 0
    try:
        yield
    finally:
        if getattr(_held, "depth", 0) > 0:  # a gradebook left open: let the others in
            lock.release()
        _held.lock, _held.depth = None, 0


def enter() -> None:
    """A gradebook is being opened: wait for the others to finish with theirs."""
    lock: Lock | None = getattr(_held, "lock", None)
    if lock is None:
        return
    if _held.depth == 0:
        lock.acquire()
    _held.depth += 1


def leave() -> None:
    """A gradebook has been closed."""
    lock: Lock | None = getattr(_held, "lock", None)
    if lock is None or _held.depth == 0:
        return
    _held.depth -= 1
    if _held.depth == 0:
        lock.release()


def guard_gradebook() -> None:
    """Make every nbgrader gradebook opened in this process pass through the gate.

    nbgrader opens the gradebook briefly, many times in a learner's autograde, always as
    ``with Gradebook(url) as gb`` (``close`` at the end). Only those moments are kept to one
    learner at a time; reading, running and writing notebooks go on side by side. A thread
    with no lock (:func:`using`) is not held up at all.
    """
    from nbgrader.api import Gradebook

    if getattr(Gradebook, "_coursework_gated", False):
        return
    opening, closing = Gradebook.__init__, Gradebook.close

    def gated_init(self: Any, *args: Any, **kwargs: Any) -> None:
        enter()
        try:
            opening(self, *args, **kwargs)
        except BaseException:
            leave()
            raise
        self._coursework_gate = True

    def gated_close(self: Any) -> None:
        try:
            closing(self)
        finally:
            if self.__dict__.pop("_coursework_gate", False):
                leave()

    Gradebook.__init__ = gated_init
    Gradebook.close = gated_close
    Gradebook._coursework_gated = True
