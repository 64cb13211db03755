"""One learner at a time in the gradebook, while many learners' notebooks run side by side.

``coursework autograde`` grades several learners at once. nbgrader writes to the gradebook all
through a learner's autograde, except while their notebook runs, which is most of the time. So
each learner's autograde holds a lock (the gate) throughout, and ``GraderExecute`` opens it
while the learner's kernel runs: the gradebook sees one writer at a time (SQLite is never
"locked") and the kernels, the slow part, run in parallel.

The lock is anything with ``acquire()`` and ``release()``: a lock file on one machine
(:class:`FileLock`), or a Dask cluster's lock across machines. Plain ``nbgrader autograde``
holds no gate, and :func:`opened` then does nothing.
"""

from __future__ import annotations

import fcntl
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Protocol

__all__ = ["FileLock", "Lock", "holding", "opened"]


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


_held = threading.local()


@contextmanager
def holding(lock: Lock) -> Iterator[None]:
    """Hold ``lock`` for this thread's autograde of one learner, except where it is opened."""
    lock.acquire()
    _held.lock = lock
    try:
        yield
    finally:
        _held.lock = None
        lock.release()


@contextmanager
def opened() -> Iterator[None]:
    """Let other learners use the gradebook meanwhile (a learner's notebook is running)."""
    lock: Lock | None = getattr(_held, "lock", None)
    if lock is None:
        yield
        return
    _held.lock = None
    lock.release()
    try:
        yield
    finally:
        lock.acquire()
        _held.lock = lock
