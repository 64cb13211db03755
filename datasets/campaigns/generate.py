"""Write weekly_channels.csv and email_sends.csv for Harbour & Pine (synthetic data).

    python datasets/campaigns/generate.py [--seed N] [--out DIR]

The default seed is the master seed, which makes the shipped files; the default folder is the
one this script is in. Works from any working folder.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

try:
    from coursework_kit.datasets import _synth_campaigns as synth
    from coursework_kit.datasets._tables import write_csv
except ModuleNotFoundError:  # running from a checkout without the package installed
    sys.path.insert(0, str(HERE.parents[1]))
    from coursework_kit.datasets import _synth_campaigns as synth
    from coursework_kit.datasets._tables import write_csv


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=synth.MASTER_SEED)
    parser.add_argument("--out", type=Path, default=HERE)
    args = parser.parse_args(argv)
    channels = synth.weekly_channels(args.seed)
    write_csv(args.out / "weekly_channels.csv", channels, synth.WEEKLY_COLUMNS)
    write_csv(args.out / "email_sends.csv", synth.email_sends(args.seed), synth.EMAIL_COLUMNS)
    print(f"Wrote weekly_channels.csv and email_sends.csv (seed {args.seed}) to {args.out}")


if __name__ == "__main__":
    main()
