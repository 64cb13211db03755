"""One learner's autograde: the unit of work ``coursework autograde`` hands to each worker.

It is nbgrader's own ``Autograde`` converter with the course's own settings, run for one
learner, so the marks are the ones plain ``nbgrader autograde`` gives. Whenever nbgrader has
the gradebook open, the worker holds the class's gradebook lock (:mod:`..grading.gate`).
Workers are separate processes (a local pool, or Dask workers on other machines); each grades
one learner at a time, because nbgrader sets environment variables for the whole process.
"""

from __future__ import annotations

import io
import logging
import queue
import re
import threading
import time
import traceback
import warnings
from dataclasses import dataclass
from typing import Any

from coursework_kit.tutor.autograde.course import Course, fast_metadata_checks, open_course
from coursework_kit.tutor.grading import gate

__all__ = ["Outcome", "Task", "grade_learner"]

_ONE_AT_A_TIME = threading.Lock()
_courses: dict[str, Course] = {}

# What nbgrader's log says when the fault is the machine's, not the learner's: worth one retry.
_PASSING = ("error accessing the nbgrader database", "database is locked", "could not connect")


@dataclass(frozen=True)
class Task:
    """Grade ``learner``'s ``assignment`` in the course at ``root`` (the same path everywhere)."""

    root: str
    assignment: str
    learner: str
    lock: tuple[str, str]  # ("file", path) on one machine, ("dask", name) on a cluster


@dataclass(frozen=True)
class Outcome:
    learner: str
    graded: bool
    seconds: float
    worker: str = ""
    problem: str = ""  # when not graded: what went wrong, from nbgrader's log
    log: str = ""  # nbgrader's log for this learner
    retry: bool = False  # a fault of the machine (gradebook, worker), not of the notebook


def _lock(spec: tuple[str, str]) -> gate.Lock:
    kind, where = spec
    if kind == "file":
        return gate.FileLock(where)
    if kind == "dask":
        from distributed import Lock

        return Lock(where)  # type: ignore[no-any-return]
    raise ValueError(f"unknown kind of lock {kind!r}")


def _course(root: str) -> Course:
    if root not in _courses:
        _courses[root] = open_course(root)
    return _courses[root]


_GENERIC = ("There was an error processing", "Please see the")


def _problem(log: str, error: str) -> str:
    """What went wrong, in a line: the first error nbgrader logged that says something."""
    for match in re.finditer(r"^\[ERROR\] (.*?)(?=^\[[A-Z]+\] |\Z)", log, re.M | re.S):
        lines = [line.strip() for line in match.group(1).splitlines() if line.strip()]
        if not lines or lines[0].startswith(_GENERIC):
            continue
        return lines[-1] if lines[0].startswith("Traceback") else lines[0]
    last = [line for line in error.strip().splitlines() if line.strip()]
    return last[-1].strip() if last else "autograde stopped without saying why"


def _where() -> str:
    try:
        from distributed import get_worker

        return str(get_worker().address)
    except (ImportError, ValueError):
        import os
        import socket

        return f"{socket.gethostname()}:{os.getpid()}"


def grade_learner(task: Task) -> Outcome:
    """Run nbgrader's autograde for one learner; never raises for a learner's fault."""
    start = time.perf_counter()
    buffer = io.StringIO()
    handler = logging.StreamHandler(buffer)
    handler.setFormatter(logging.Formatter("[%(levelname)s] %(message)s"))
    log = logging.Logger(f"autograde.{task.learner}", logging.INFO)
    log.addHandler(handler)
    error = ""
    try:
        course = _course(task.root)
        fast_metadata_checks()
        from nbgrader.converters import Autograde
        from nbgrader.coursedir import CourseDirectory

        coursedir = CourseDirectory(config=course.config, root=str(course.root))
        coursedir.assignment_id = task.assignment
        coursedir.student_id = task.learner
        converter = Autograde(coursedir=coursedir, config=course.config, log=log)
        converter.force = True
        converter.create_student = True
        gate.guard_gradebook()
        with _ONE_AT_A_TIME, gate.using(_lock(task.lock)), warnings.catch_warnings():
            # A warning goes in this learner's log, whatever the process's own filters say.
            warnings.simplefilter("default")
            warnings.showwarning = lambda message, category, *_: log.warning(
                "%s: %s", category.__name__, message
            )
            converter.start()
        graded = course.root / "autograded" / task.learner / task.assignment
        if not any(graded.glob("*.ipynb")):
            error = "nbgrader found no notebook it could grade in this hand-in"
    except Exception:
        error = traceback.format_exc()
    text = buffer.getvalue()
    seconds = time.perf_counter() - start
    if not error:
        return Outcome(task.learner, True, seconds, _where(), log=text)
    problem = _problem(text, error)
    retry = any(sign in (text + error).lower() for sign in _PASSING)
    return Outcome(task.learner, False, seconds, _where(), problem, text + error, retry)


# -- a worker process on this computer ---------------------------------------------------------

GIVE_BACK = 15.0  # seconds: a learner taken early goes back to the queue if not started by then


class Reports:
    """What workers tell the command: each report is in the pipe once ``put`` returns, so a
    worker that is killed a moment later has still said what it was doing."""

    def __init__(self, context: Any) -> None:
        self._reader, self._writer = context.Pipe(duplex=False)
        self._lock = context.Lock()

    def put(self, report: tuple[str, int, Any]) -> None:
        with self._lock:
            self._writer.send(report)

    def get(self, timeout: float) -> tuple[str, int, Any]:
        if not self._reader.poll(timeout):
            raise queue.Empty
        report: tuple[str, int, Any] = self._reader.recv()
        return report


class _Next:
    """The learner a worker took early (their kernel starting), unless it gives them back."""

    def __init__(self, task: Task) -> None:
        self.task = task
        self.state = "held"
        self.lock = threading.Lock()

    def give_back(self, todo: Any, done: Any, number: int) -> None:
        with self.lock:
            if self.state != "held":
                return
            self.state = "returned"
        done.put(("returned", number, self.task.learner))
        todo.put(self.task)  # for another worker: this one's learner is taking a while

    def keep(self) -> bool:
        with self.lock:
            if self.state == "held":
                self.state = "kept"
        return self.state == "kept"


def _take_next(todo: Any) -> Task | None:
    try:
        task = todo.get_nowait()
    except queue.Empty:
        return None
    if task is None:  # the end: leave it for the loop
        todo.put(None)
    return task if isinstance(task, Task) else None


def _sandboxed(task: Task) -> bool:
    """Will this learner's notebook run in the sandbox (so a kernel can start ahead)?"""
    from coursework_kit.tutor.grading.grader import sandbox_choice

    try:
        settings = _course(task.root).config.get("GraderExecute", {})
    except Exception:  # the grading itself will say what is wrong with the course
        return False
    return sandbox_choice(settings.get("sandbox", "")) == "bubblewrap"


def serve(todo: Any, done: Any, number: int) -> None:
    """A worker: grade learners from ``todo`` one at a time until it gives None, reporting to
    ``done``. While one learner is graded, the next one's kernel starts."""
    import signal

    from coursework_kit.tutor.autograde.course import fast_imports
    from coursework_kit.tutor.grading import ahead

    fast_imports()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is for the command to handle
    following: Task | None = None
    while True:
        task = following if following is not None else todo.get()
        following = None
        if task is None:
            break
        done.put(("start", number, task.learner))
        upcoming = _take_next(todo)
        claim = timer = None
        if upcoming is not None:
            claim = _Next(upcoming)
            done.put(("ahead", number, upcoming.learner))
            if _sandboxed(upcoming):
                ahead.start(upcoming.learner)
            timer = threading.Timer(GIVE_BACK, claim.give_back, (todo, done, number))
            timer.daemon = True
            timer.start()
        outcome = grade_learner(task)
        ahead.discard(task.learner)  # started ahead but never used (the grading stopped early)
        done.put(("done", number, outcome))
        if claim is not None and timer is not None:
            timer.cancel()
            if claim.keep():
                following = claim.task
            else:
                ahead.discard(claim.task.learner)
    ahead.discard()
