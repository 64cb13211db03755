"""Write contacts.csv for Harbour & Pine's customer service team (synthetic data).

    python datasets/contact_centre/generate.py [--seed N] [--out DIR]

The default seed is the master seed, which makes the shipped file; the default folder is the
one this script is in. Works from any working folder.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

try:
    from coursework_kit.datasets import _synth_contact_centre as synth
    from coursework_kit.datasets._tables import write_csv
except ModuleNotFoundError:  # running from a checkout without the package installed
    sys.path.insert(0, str(HERE.parents[1]))
    from coursework_kit.datasets import _synth_contact_centre as synth
    from coursework_kit.datasets._tables import write_csv


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=synth.MASTER_SEED)
    parser.add_argument("--out", type=Path, default=HERE)
    args = parser.parse_args(argv)
    write_csv(args.out / "contacts.csv", synth.contacts(args.seed), synth.COLUMNS)
    print(f"Wrote contacts.csv (seed {args.seed}) to {args.out}")


if __name__ == "__main__":
    main()
