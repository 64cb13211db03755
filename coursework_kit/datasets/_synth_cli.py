"""The command line shared by the dataset generator scripts under ``datasets/``."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from coursework_kit.datasets._tables import Row, write_csv

Maker = Callable[[int], list[Row]]


def run(
    tables: Mapping[str, tuple[Maker, Sequence[str]]],
    *,
    master_seed: int,
    out: Path,
    description: str,
    argv: list[str] | None = None,
) -> None:
    """Write each ``file name -> (generator, columns)`` for ``--seed`` (default: master)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--seed", type=int, default=master_seed, help="default: the master seed")
    parser.add_argument("--out", type=Path, default=out, help="default: beside the script")
    args = parser.parse_args(argv)
    for name, (maker, columns) in tables.items():
        write_csv(args.out / name, maker(args.seed), columns)
    print(f"Wrote {', '.join(tables)} (seed {args.seed}) to {args.out}")  # noqa: T201
