"""What does each notebook cost to run, next to a notebook that only prints?

Every notebook is run top to bottom (Run All) headless by nbclient, in a fresh kernel each
time, as tests/test_notebooks.py runs them; the time is the median of a few runs, kernel start
included (every learner and every graded submission pays for it).

- Learners' workbooks (workbooks/*.ipynb): the Run All time. Goal: under 3 s each.
- Assignments (assignments/source/unit1..5, with their solutions): run as the grader runs them,
  with ``NBGRADER_EXECUTION=autograde`` inside ``autograded/<learner>/<assignment>/``, next to
  a notebook that only prints, run the same way; and the ratio. Goal: at most 1.3.

    .venv/bin/python benchmarks/notebook_cost.py [--runs 3] [--only unit1 ...]

``time_notebook`` and ``print_only_baseline`` can be imported by other benchmarks.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
WORKBOOKS = sorted((ROOT / "workbooks").glob("*.ipynb"))
ASSIGNMENTS = sorted((ROOT / "assignments" / "source").glob("unit*/*.ipynb"))
LEARNER = "bench-learner"
WORKBOOK_GOAL = 3.0
RATIO_GOAL = 1.3


def _run_once(path: Path, *, autograde: bool, learner: str) -> float:
    """Seconds to run ``path`` once in a fresh kernel, from a copy of its folder."""
    with tempfile.TemporaryDirectory() as tmp:
        # The grader runs a submission in autograded/<student id>/<assignment>/.
        folder = Path(tmp) / "autograded" / learner / path.parent.name
        shutil.copytree(
            path.parent,
            folder,
            ignore=shutil.ignore_patterns("evidence", ".ipynb_checkpoints"),
        )
        notebook = nbformat.read(folder / path.name, as_version=4)
        env = dict(os.environ, JUPYTERHUB_USER=learner)
        env.pop("NBGRADER_EXECUTION", None)
        if autograde:
            env["NBGRADER_EXECUTION"] = "autograde"
        client = NotebookClient(
            notebook,
            timeout=120,
            kernel_name="python3",
            resources={"metadata": {"path": str(folder)}},
        )
        start = time.perf_counter()
        # The kernel's own start-up warnings would only clutter the table.
        client.execute(env=env, stderr=subprocess.DEVNULL)
        taken = time.perf_counter() - start
    errors = [
        output
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.outputs
        if output.output_type == "error" or output.get("name") == "stderr"
    ]
    if errors:
        raise RuntimeError(f"{path.name} wrote an error or to stderr: {errors[0]}")
    return taken


def time_notebook(
    path: Path, runs: int = 3, *, autograde: bool = False, learner: str = LEARNER
) -> float:
    """Median seconds, over ``runs`` fresh kernels, to run every cell of ``path``.

    With ``autograde=True`` the notebook runs as nbgrader's autograde runs it
    (``NBGRADER_EXECUTION=autograde``, inside ``autograded/<learner>/<assignment>/``).
    """
    return statistics.median(
        _run_once(Path(path), autograde=autograde, learner=learner) for _ in range(runs)
    )


def print_only_notebook(folder: Path) -> Path:
    """Write a one-cell notebook that only prints into ``folder``; return its path."""
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell('print("Hello")')]
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "print-only.ipynb"
    nbformat.write(notebook, path)
    return path


def print_only_baseline(runs: int = 3, *, autograde: bool = True, learner: str = LEARNER) -> float:
    """Median seconds, same kernel and client settings, for a notebook that only prints."""
    with tempfile.TemporaryDirectory() as tmp:
        path = print_only_notebook(Path(tmp) / "print-only")
        return time_notebook(path, runs, autograde=autograde, learner=learner)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="fresh kernels per notebook")
    parser.add_argument(
        "--only", nargs="*", default=[], help="only notebooks whose file name contains these"
    )
    args = parser.parse_args()

    def chosen(paths: list[Path]) -> list[Path]:
        return [p for p in paths if not args.only or any(w in p.name for w in args.only)]

    print(f"Median of {args.runs} runs, a fresh kernel each (its start included), nbclient Run All")
    workbooks = chosen(WORKBOOKS)
    if workbooks:
        print(f"\nWorkbooks (goal: under {WORKBOOK_GOAL:.0f} s each)")
    for path in workbooks:
        taken = time_notebook(path, args.runs)
        verdict = "ok" if taken < WORKBOOK_GOAL else "over"
        print(f"  {path.name:<36} {taken:6.2f} s  {verdict}")

    assignments = chosen(ASSIGNMENTS)
    if not assignments:
        return
    print(f"\nAssignments, NBGRADER_EXECUTION=autograde (goal: at most {RATIO_GOAL}x print-only)")
    # Round by round, the print-only notebook and then each assignment, so a busy moment on the
    # machine falls on both sides of each ratio alike.
    samples: dict[str, list[float]] = {"print-only notebook": []}
    with tempfile.TemporaryDirectory() as tmp:
        baseline_path = print_only_notebook(Path(tmp) / "print-only")
        for _ in range(args.runs):
            samples["print-only notebook"].append(time_notebook(baseline_path, 1, autograde=True))
            for path in assignments:
                label = f"{path.parent.name}/{path.name}"
                samples.setdefault(label, []).append(time_notebook(path, 1, autograde=True))
    medians = {label: statistics.median(times) for label, times in samples.items()}
    baseline = medians.pop("print-only notebook")
    print(f"  {'print-only notebook':<36} {baseline:6.2f} s")
    for label, taken in medians.items():
        ratio = taken / baseline
        verdict = "ok" if ratio <= RATIO_GOAL else "over"
        print(f"  {label:<36} {taken:6.2f} s  {ratio:5.2f}x  {verdict}")


if __name__ == "__main__":
    main()
