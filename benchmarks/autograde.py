"""How fast does a whole class grade: plain serial `nbgrader autograde` against
`coursework autograde --jobs N`, side by side in one run, with the same marks?

Builds a course in a throwaway folder: every assignment in assignments/source generated with
nbgrader, and LEARNERS synthetic learners (default 30: a third with every answer right, a
third partly right, a third untouched) handing in all five, each with their own figures and
customer details (coursework_kit.tutor.demo.add_learners). Two identical copies are graded:

- baseline: `nbgrader autograde ASSIGNMENT` for each assignment, one after another;
- coursework: `coursework autograde ASSIGNMENT --jobs N` for each assignment.

Both use the course's own settings (the sandbox, the grader-side marking). Prints the time of
each, the speed-up (goal: at least 2.5x with --jobs 2 on 2 cores), whether every mark of every
cell is the same, the peak memory of all the grading processes together, and the time for 300
learners extrapolated from the rate measured (goal: at most 15 minutes on 2 cores). Then the
notebook costs (benchmarks/notebook_cost.py): each assignment's notebook next to one that only
prints, and each workbook's Run All (skip with --no-notebooks).

    .venv/bin/python benchmarks/autograde.py [--learners 30] [--jobs 2] [--no-notebooks]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
KINDS = ("good", "partial", "untouched")


class PeakMemory:
    """The largest total resident memory of a process and its descendants, sampled."""

    def __init__(self, pid: int) -> None:
        self.pid, self.peak, self._stop = pid, 0, threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def _watch(self) -> None:
        while not self._stop.is_set():
            try:
                top = psutil.Process(self.pid)
                tree = [top, *top.children(recursive=True)]
                total = 0
                for process in tree:
                    with contextlib.suppress(psutil.Error):  # it ended meanwhile
                        total += process.memory_info().rss
                self.peak = max(self.peak, total)
            except psutil.Error:
                pass
            self._stop.wait(0.2)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()


def run(command: list[str], cwd: Path) -> tuple[float, int]:
    """Seconds taken and peak memory (bytes) of a command and everything it starts."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    with PeakMemory(process.pid) as memory:
        output, _ = process.communicate()
    if process.returncode not in (0, 1):
        sys.exit(f"{' '.join(command)} failed:\n{output.decode()[-3000:]}")
    return time.perf_counter() - start, memory.peak


def build(folder: Path, learners: int) -> tuple[Path, list[str]]:
    from coursework_kit.tutor.demo import add_learners, demo_answers

    course = folder / "course"
    source = ROOT / "assignments"
    shutil.copytree(source / "source", course / "source")
    shutil.copytree(source / "keys", course / "keys")
    shutil.copy(source / "nbgrader_config.py", course)
    assignments = sorted(p.name for p in (course / "source").iterdir() if p.is_dir())
    for assignment in assignments:
        subprocess.run(
            [str(BIN / "nbgrader"), "generate_assignment", assignment, "--force"],
            cwd=course,
            check=True,
            capture_output=True,
        )
    kinds = {f"learner-{i + 1:03d}": KINDS[i % 3] for i in range(learners)}
    add_learners(course, kinds, answers=demo_answers(source))
    return course, assignments


def marks(course: Path) -> dict[tuple[str, str, str], float]:
    from nbgrader.api import Gradebook

    found: dict[tuple[str, str, str], float] = {}
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        for assignment in gradebook.assignments:
            for submission in gradebook.assignment_submissions(assignment.name):
                for notebook in submission.notebooks:
                    for grade in notebook.grades:
                        key = (assignment.name, submission.student.id, grade.name)
                        found[key] = float(grade.auto_score or 0)
    return found


def minutes(seconds: float) -> str:
    return f"{seconds / 60:.1f} min" if seconds >= 90 else f"{seconds:.1f} s"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=30)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--no-notebooks", action="store_true", help="skip the notebook costs")
    args = parser.parse_args()
    # nbgrader runs helper programs (alembic) from the environment it is installed in
    os.environ["PATH"] = f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"

    with tempfile.TemporaryDirectory(prefix="autograde-bench-") as tmp:
        began = time.perf_counter()
        course, assignments = build(Path(tmp) / "baseline", args.learners)
        ours = Path(tmp) / "coursework" / "course"
        shutil.copytree(course, ours, symlinks=True)
        notebooks = args.learners * len(assignments)
        print(
            f"{args.learners} synthetic learners x {len(assignments)} assignments = {notebooks} "
            f"notebooks; {os.cpu_count()} cores; class built in "
            f"{time.perf_counter() - began:.0f} s"
        )
        plain_time = ours_time = 0.0
        plain_peak = ours_peak = 0
        print(
            f"\n{'assignment':<12}{'nbgrader autograde':>20}"
            f"{'coursework --jobs ' + str(args.jobs):>24}"
        )
        for assignment in assignments:
            taken, peak = run([str(BIN / "nbgrader"), "autograde", assignment, "--create"], course)
            plain_time, plain_peak = plain_time + taken, max(plain_peak, peak)
            mine, peak = run(
                [str(BIN / "coursework"), "autograde", assignment, "--jobs", str(args.jobs)], ours
            )
            ours_time, ours_peak = ours_time + mine, max(ours_peak, peak)
            print(f"{assignment:<12}{taken:>18.1f} s{mine:>22.1f} s")
        print(f"{'all':<12}{plain_time:>18.1f} s{ours_time:>22.1f} s")
        speedup = plain_time / ours_time
        print(
            f"\nspeed-up: {speedup:.2f}x (goal: at least 2.5x) "
            f"{'met' if speedup >= 2.5 else 'NOT met'}"
        )
        baseline, graded = marks(course), marks(ours)
        differ = sorted(
            k for k in baseline.keys() | graded.keys() if baseline.get(k) != graded.get(k)
        )
        print(
            f"marks: {len(baseline)} graded cells in the baseline, {len(graded)} in ours; "
            + ("every one the same" if not differ else f"{len(differ)} DIFFER, e.g. {differ[:3]}")
        )
        print(
            f"peak memory, all grading processes together: nbgrader {plain_peak / 2**20:.0f} MiB, "
            f"coursework --jobs {args.jobs} {ours_peak / 2**20:.0f} MiB"
        )
        per_notebook = ours_time / notebooks
        estimate = per_notebook * 300 * len(assignments)
        print(
            f"300 learners x {len(assignments)} assignments, extrapolated at {per_notebook:.2f} s "
            f"a notebook: {minutes(estimate)} on this machine (goal: at most 15 min; serial "
            "nbgrader "
            f"{minutes(plain_time / notebooks * 300 * len(assignments))})"
        )
        cluster = ", ".join(f"{n} machines {minutes(estimate / n)}" for n in (2, 4, 8))
        print(
            f"  on a Dask cluster of machines like this one, about: {cluster} (at most that "
            "fast: the gradebook writes, a fraction of a second a notebook, stay one at a time)"
        )
    if not args.no_notebooks:
        print()
        sys.stdout.flush()
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / "notebook_cost.py")], check=True)


if __name__ == "__main__":
    main()
