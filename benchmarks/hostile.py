"""Does grading survive hostile and broken learner submissions? The hostile corpus, measured.

Runs every case in tests/assignments/hostile/cases.py through nbgrader's own commands (see
tests/assignments/hostile/harness.py: one autograde per unit for all its learners, with honest
control learners and canaries), then prints one row per case: its kind, unit, what handling it
correctly means, what it got and whether it was handled; then the total and the wall time.

    .venv/bin/python benchmarks/hostile.py [--workers 3] [--keep FOLDER] [CASE_ID ...]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the corpus lives with the tests, not in the package

from tests.assignments.hostile.cases import CASES  # noqa: E402
from tests.assignments.hostile.harness import run_corpus, table  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cases", nargs="*", help="case ids (default: the whole corpus)")
    parser.add_argument("--workers", type=int, default=3, help="classes graded at once")
    parser.add_argument("--keep", type=Path, help="keep the courses in this (new) folder")
    args = parser.parse_args(argv)
    unknown = set(args.cases) - {c.id for c in CASES}
    if unknown:
        parser.error(f"no such case: {', '.join(sorted(unknown))}")
    chosen = [c for c in CASES if c.id in args.cases] if args.cases else CASES
    report = run_corpus(chosen, workers=args.workers, keep=args.keep)
    print(table(report))
    leak = "answer key in its feedback"
    apart = sum(all(p.startswith(leak) for p in v.problems) for v in report.verdicts)
    print(f"handled if the answer keys in feedback are set aside: {apart} / {len(report.verdicts)}")
    failing = Counter(v.case.kind for v in report.verdicts if not v.handled)
    total = Counter(v.case.kind for v in report.verdicts)
    print("\nnot handled, by kind:")
    for kind, count in sorted(total.items()):
        print(f"  {kind:16} {failing.get(kind, 0)} / {count}")
    print("\nruns (autograde seconds, exit code):")
    for run in report.runs:
        assert run.autograde is not None
        print(
            f"  {run.name:32} {run.autograde.seconds:6.0f} s  rc {run.autograde.returncode}"
            + (f"  {'; '.join(run.problems)}" if run.problems else "")
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
