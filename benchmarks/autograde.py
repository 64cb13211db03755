"""How long does plain `nbgrader autograde` take per submitted notebook, for the demo class?

Builds the demo class (`coursework demo-class`) in a throwaway folder: every assignment in
assignments/source released through a temporary exchange, three synthetic learners' submissions
collected, then `nbgrader autograde` run per assignment. Prints the seconds spent in autograde
per submitted notebook: the baseline for later work on speed.

    .venv/bin/python benchmarks/autograde.py
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from coursework_kit.tutor.demo import LEARNERS, build_demo_class

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    timings: dict[str, float] = {}
    current: list[tuple[str, float]] = []

    def clock(_done: int, _total: int, label: str) -> None:
        now = time.perf_counter()
        if current and current[0][0].startswith("autograde "):
            timings[current[0][0]] = now - current[0][1]
        current[:] = [(label, now)]

    with tempfile.TemporaryDirectory() as tmp:
        demo = build_demo_class(Path(tmp) / "demo", course=ROOT / "assignments", progress=clock)
        notebooks = len(LEARNERS) * sum(
            len(list((demo.course / "source" / a).glob("*.ipynb"))) for a in demo.assignments
        )
    seconds = sum(timings.values())
    print(
        f"assignments: {', '.join(demo.assignments)}; learners: {len(LEARNERS)}; "
        f"notebooks autograded: {notebooks}"
    )
    for label, taken in timings.items():
        print(f"  {label}: {taken:.1f} s")
    print(
        f"plain nbgrader autograde: {seconds:.1f} s in all, "
        f"{seconds / notebooks:.2f} s per submitted notebook"
    )


if __name__ == "__main__":
    main()
