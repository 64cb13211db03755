"""How much does `import coursework_kit` cost, compared with `import ipywidgets`?

Each import is timed inside a fresh Python process (so nothing is cached in memory), several
times in turn; the medians are compared. Goal: a ratio of at most 1.2.

    .venv/bin/python benchmarks/import_time.py [--runs 15]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys

TIMER = "import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"


def time_import(module: str) -> float:
    out = subprocess.run(
        [sys.executable, "-c", TIMER.format(module=module)],
        check=True,
        capture_output=True,
        text=True,
    )
    return float(out.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="fresh processes per module")
    args = parser.parse_args()
    # coursework_kit.metrics is shown too: the formulas a notebook imports first.
    samples: dict[str, list[float]] = {
        "coursework_kit": [],
        "coursework_kit.metrics": [],
        "ipywidgets": [],
    }
    for module in samples:
        time_import(module)  # once first, so the operating system's file cache is warm for both
    for _ in range(args.runs):
        for module, times in samples.items():  # interleaved, so drift affects both alike
            times.append(time_import(module))
    medians = {m: statistics.median(t) for m, t in samples.items()}
    for module, median in medians.items():
        print(f"import {module:<23} median {median * 1000:8.1f} ms over {args.runs} processes")
    ratio = medians["coursework_kit"] / medians["ipywidgets"]
    print(f"ratio coursework_kit / ipywidgets: {ratio:.3f} (goal: at most 1.2)")


if __name__ == "__main__":
    main()
