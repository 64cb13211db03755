"""``coursework autograde``: nbgrader autograde for a whole class, several learners at a time.

:func:`plan_autograde` works out who needs grading (everyone who handed in, or those named;
not those graded already with nothing changed, unless forced). :func:`run_autograde` grades
them, one learner per unit of work: in worker processes on this computer (``jobs`` at a
time), or on a Dask cluster (``scheduler``). Each learner is nbgrader's own autograde with the
course's own settings, so the marks are the ones plain ``nbgrader autograde`` gives; only one
learner at a time writes to the gradebook (:mod:`..grading.gate`).
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import queue
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from coursework_kit.errors import CourseworkError
from coursework_kit.tutor.autograde.course import Course, open_course
from coursework_kit.tutor.autograde.work import Outcome, Reports, Task, grade_learner, serve

__all__ = ["AutogradeRun", "Plan", "plan_autograde", "run_autograde"]

OnDone = Callable[[Outcome], None]


@dataclass(frozen=True)
class Plan:
    course: Course
    assignment: str
    to_grade: tuple[str, ...]
    unchanged: tuple[str, ...]  # graded before, nothing has changed since
    fingerprints: dict[str, str] = field(repr=False)


def plan_autograde(
    course_dir: str | Path,
    assignment: str,
    *,
    learners: Sequence[str] = (),
    force: bool = False,
) -> Plan:
    """Who needs grading for ``assignment``, or a plain-English reason it cannot start."""
    course = open_course(course_dir)
    if not assignment or assignment.startswith(".") or "/" in assignment:
        raise CourseworkError(f"{assignment!r} is not an assignment name (for example unit1).")
    try:
        known = course.gradebook_assignments()
    except Exception as exc:
        raise CourseworkError(
            f"The gradebook ({_safe_url(course.db_url)}) could not be opened: "
            f"{type(exc).__name__}: {exc}"
        ) from exc
    if assignment not in known:
        have = ", ".join(known) or "none yet"
        raise CourseworkError(
            f"The gradebook has no assignment called {assignment!r} (it has: {have}). "
            f"Run `nbgrader generate_assignment {assignment}` first."
        )
    handed_in = course.handed_in(assignment)
    if learners:
        missing = sorted(set(learners) - set(handed_in))
        if missing:
            raise CourseworkError(
                f"No hand-in of {assignment} from {', '.join(missing)} in "
                f"{course.root / 'submitted'}: run `nbgrader collect {assignment}` first, "
                "or check the learner id."
            )
        handed_in = [name for name in handed_in if name in set(learners)]
    if not handed_in:
        raise CourseworkError(
            f"Nobody has handed in {assignment} yet: {course.root / 'submitted'} has no "
            f"<learner>/{assignment}/ folder. Run `nbgrader collect {assignment}` first."
        )
    fingerprints = {name: course.fingerprint(assignment, name) for name in handed_in}
    in_gradebook = set() if force else course.graded_learners(assignment)
    unchanged = tuple(
        name
        for name in handed_in
        if not force
        and name in in_gradebook
        and course.is_current(assignment, name, fingerprints[name])
    )
    to_grade = tuple(name for name in handed_in if name not in unchanged)
    return Plan(course, assignment, to_grade, unchanged, fingerprints)


def _safe_url(url: str) -> str:
    """A database address without its password."""
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        credentials, host = rest.rsplit("@", 1)
        return f"{scheme}://{credentials.split(':', 1)[0]}@{host}"
    return url


@dataclass(frozen=True)
class Failure:
    learner: str
    why: str
    todo: str


@dataclass(frozen=True)
class AutogradeRun:
    assignment: str
    graded: tuple[Outcome, ...]
    failed: tuple[Failure, ...]
    unchanged: tuple[str, ...]
    seconds: float
    where: str

    def __str__(self) -> str:
        from coursework_kit._english import count

        total = len(self.graded) + len(self.failed)
        lines = [
            f"{self.assignment}: {len(self.graded)} of {count(total, 'learner')} graded in "
            f"{_duration(self.seconds)}, {self.where}."
        ]
        if self.unchanged:
            were = "were" if len(self.unchanged) > 1 else "was"
            lines.append(
                f"{count(len(self.unchanged), 'more learner', many='more learners')} had nothing "
                f"new since they were last graded, so {were} not graded again (--force grades "
                "them again)."
            )
        if self.failed:
            lines.append(f"Not graded ({len(self.failed)}):")
            lines += [f"  {f.learner}: {f.why} {f.todo}" for f in self.failed]
        if self.graded:
            slowest = max(self.graded, key=lambda o: o.seconds)
            lines.append(
                f"Slowest: {slowest.learner}, {slowest.seconds:.1f} s. Marks: "
                f"`coursework grading-report . {self.assignment}` or the Formgrader."
            )
        return "\n".join(lines)


def _duration(seconds: float) -> str:
    if seconds < 60:
        return f"{seconds:.1f} s"
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes} min {rest} s"


def _failure(plan: Plan, outcome: Outcome) -> Failure:
    from coursework_kit.tutor.graded import hand_in_again, notebook_problem

    again = f"coursework autograde {plan.assignment} --student {outcome.learner}"
    damaged = notebook_problem(plan.course.root / "submitted" / outcome.learner / plan.assignment)
    if damaged:
        return Failure(
            outcome.learner,
            damaged,
            hand_in_again(f"Collect it, then run: {again}"),
        )
    log = plan.course.log_path(plan.assignment, outcome.learner)
    if outcome.retry:
        return Failure(
            outcome.learner,
            f"Twice the computer, not their work, stopped the grading ({outcome.problem}).",
            f"Run the same command again; nbgrader's log for them is in {log}.",
        )
    return Failure(
        outcome.learner,
        f"Autograde stopped on their hand-in: {outcome.problem}.",
        f"nbgrader's log for them is in {log}. When it is put right, run: {again}",
    )


def _lock_name(course: Course) -> str:
    place = hashlib.sha256(str(course.root).encode()).hexdigest()[:12]
    return f"coursework-gradebook-{course.course_id}-{place}"


def _local(tasks: list[Task], jobs: int, on_done: OnDone) -> list[Outcome]:
    """Grade ``tasks`` in ``jobs`` worker processes on this computer; a worker that dies is
    replaced, and the learner it was grading tried once more."""
    methods = multiprocessing.get_all_start_methods()
    # Forked workers start with nbgrader already imported here (seconds saved per worker).
    context: Any = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    todo: Any = context.Queue()
    done = Reports(context)
    for task in tasks:
        todo.put(task)
    by_name = {task.learner: task for task in tasks}
    tries = dict.fromkeys(by_name, 0)
    workers: dict[int, Any] = {}
    holding: dict[int, dict[str, str | None]] = {}  # what each worker is grading, and next
    outcomes: list[Outcome] = []

    numbers = iter(range(1_000_000))

    def spawn() -> None:
        number = next(numbers)  # never reused: a report always names the worker that sent it
        worker = context.Process(target=serve, args=(todo, done, number), daemon=True)
        worker.start()
        workers[number] = worker
        holding[number] = {"current": None, "ahead": None}

    def finish(outcome: Outcome) -> None:
        if any(o.learner == outcome.learner for o in outcomes):
            return  # graded twice (sent again after a worker vanished): the first one counts
        tries[outcome.learner] += 1
        if not outcome.graded and outcome.retry and tries[outcome.learner] < 2:
            todo.put(by_name[outcome.learner])
            return
        outcomes.append(outcome)
        on_done(outcome)

    for _ in range(max(1, min(jobs, len(tasks)))):
        spawn()
    idle = 0
    try:
        while len(outcomes) < len(tasks):
            try:
                kind, number, what = done.get(timeout=1)
            except queue.Empty:
                for number in [n for n, w in workers.items() if not w.is_alive()]:
                    workers.pop(number).join()
                    held = holding.pop(number)
                    if held["ahead"]:
                        todo.put(by_name[held["ahead"]])
                    if held["current"]:
                        finish(_stopped(held["current"]))
                    spawn()
                idle = 0 if any(any(h.values()) for h in holding.values()) else idle + 1
                if idle >= 5 and todo.empty():  # a worker died holding a learner it never said
                    finished = {o.learner for o in outcomes}
                    for name in by_name.keys() - finished:
                        todo.put(by_name[name])
                    idle = 0
                continue
            idle = 0
            if kind == "done":
                holding[number]["current"] = None
                finish(what)
            elif kind == "start":
                holding[number]["current"] = what
                if holding[number]["ahead"] == what:
                    holding[number]["ahead"] = None
            elif kind == "ahead":
                holding[number]["ahead"] = what
            elif kind == "returned" and holding[number]["ahead"] == what:
                holding[number]["ahead"] = None
    finally:
        for _ in workers:
            todo.put(None)
        for worker in workers.values():
            worker.join(10)
            if worker.is_alive():
                worker.kill()
                worker.join()
    return outcomes


def _stopped(learner: str) -> Outcome:
    return Outcome(
        learner,
        False,
        0.0,
        problem="the grading process stopped (the computer may have run out of memory)",
        retry=True,
    )


def _dask(tasks: list[Task], scheduler: str, on_done: OnDone) -> list[Outcome]:
    try:
        from distributed import Client
        from distributed import as_completed as completed
    except ImportError as exc:
        raise CourseworkError(
            "--scheduler needs Dask's distributed package: pip install 'coursework-kit[cluster]'"
        ) from exc
    try:
        client = Client(scheduler, timeout="20s")
    except (OSError, TimeoutError) as exc:
        raise CourseworkError(
            f"Could not reach the Dask scheduler at {scheduler}: {exc}. Is `dask scheduler` "
            "running there, and can this computer reach it?"
        ) from exc
    outcomes: list[Outcome] = []
    run = hashlib.sha256(f"{time.time()}{os.getpid()}".encode()).hexdigest()[:8]
    with client:
        by_key = {}
        tries = {task.learner: 0 for task in tasks}
        futures = []
        for task in tasks:
            future = client.submit(grade_learner, task, key=f"autograde-{run}-{task.learner}")
            by_key[future.key] = task
            futures.append(future)
        queue = completed(futures)
        for future in queue:
            task = by_key[future.key]
            tries[task.learner] += 1
            try:
                outcome = future.result()
            except Exception as exc:  # the worker died or could not run the task at all
                outcome = Outcome(
                    task.learner, False, 0.0, problem=f"a Dask worker failed: {exc}", retry=True
                )
            if not outcome.graded and outcome.retry and tries[task.learner] < 2:
                again = client.submit(
                    grade_learner, task, key=f"autograde-{run}-{task.learner}-again"
                )
                by_key[again.key] = task
                queue.add(again)
                continue
            outcomes.append(outcome)
            on_done(outcome)
    return outcomes


def run_autograde(
    plan: Plan,
    *,
    jobs: int | None = None,
    scheduler: str | None = None,
    on_done: OnDone | None = None,
) -> AutogradeRun:
    """Grade everyone in ``plan``; a learner who cannot be graded never stops the others."""
    course = plan.course
    start = time.perf_counter()
    done = on_done or (lambda _outcome: None)
    if scheduler:
        lock = ("dask", _lock_name(course))
        where = f"on the Dask cluster at {scheduler}"
    else:
        jobs = jobs or os.cpu_count() or 1
        if jobs < 1:
            raise CourseworkError(f"--jobs must be 1 or more, not {jobs}.")
        lock = ("file", str(course.state / "gradebook.lock"))
        where = f"{jobs} at a time on this computer"
    tasks = [Task(str(course.root), plan.assignment, name, lock) for name in plan.to_grade]
    for name in plan.to_grade:  # graded again from scratch: forget the last time until done
        course.record(plan.assignment, name, None)
    outcomes = _dask(tasks, scheduler, done) if scheduler else _local(tasks, jobs or 1, done)
    graded, failed = [], []
    for outcome in sorted(outcomes, key=lambda o: o.learner):
        log = course.log_path(plan.assignment, outcome.learner)
        log.parent.mkdir(parents=True, exist_ok=True)
        log.write_text(outcome.log, encoding="utf-8")
        if outcome.graded:
            course.record(plan.assignment, outcome.learner, plan.fingerprints[outcome.learner])
            graded.append(outcome)
        else:
            failed.append(_failure(plan, outcome))
    return AutogradeRun(
        plan.assignment,
        tuple(graded),
        tuple(failed),
        plan.unchanged,
        time.perf_counter() - start,
        where,
    )
