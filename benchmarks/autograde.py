"""How long does plain `nbgrader autograde` take per submitted notebook?

Builds a throwaway copy of the course, releases every assignment in assignments/source through
a temporary exchange, has several synthetic learners fetch and submit the untouched release,
collects, then times `nbgrader autograde` and prints seconds per submitted notebook. This is
the baseline for later work on speed.

    .venv/bin/python benchmarks/autograde.py [--learners 6]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def nbgrader(*args: str, cwd: Path, exchange: Path) -> None:
    env = dict(os.environ, PATH=f"{BIN}{os.pathsep}{os.environ['PATH']}")
    subprocess.run(
        [str(BIN / "nbgrader"), *args, f"--Exchange.root={exchange}", "--course=coursework-kit"],
        cwd=cwd,
        env=env,
        check=True,
        capture_output=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=6)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        course, exchange = base / "course", base / "exchange"
        course.mkdir()
        exchange.mkdir()
        shutil.copy(ROOT / "assignments" / "nbgrader_config.py", course)
        shutil.copytree(ROOT / "assignments" / "source", course / "source")
        assignments = sorted(p.name for p in (course / "source").iterdir() if p.is_dir())
        notebooks = 0
        for assignment in assignments:
            nbgrader("generate_assignment", assignment, "--force", cwd=course, exchange=exchange)
            nbgrader("release_assignment", assignment, "--force", cwd=course, exchange=exchange)
            for n in range(args.learners):
                home = base / f"learner-{n}"
                home.mkdir(exist_ok=True)
                nbgrader("fetch_assignment", assignment, cwd=home, exchange=exchange)
                nbgrader(
                    "submit", assignment, f"--student=learner-{n}", cwd=home, exchange=exchange
                )
                notebooks += len(list((home / assignment).glob("*.ipynb")))
            nbgrader(
                "collect",
                assignment,
                "--CollectApp.check_owner=False",
                cwd=course,
                exchange=exchange,
            )
        started = time.perf_counter()
        for assignment in assignments:
            nbgrader("autograde", assignment, "--create", cwd=course, exchange=exchange)
        seconds = time.perf_counter() - started
    print(
        f"assignments: {', '.join(assignments)}; learners: {args.learners}; "
        f"notebooks autograded: {notebooks}"
    )
    print(
        f"plain nbgrader autograde: {seconds:.1f} s in all, "
        f"{seconds / notebooks:.2f} s per submitted notebook"
    )


if __name__ == "__main__":
    main()
