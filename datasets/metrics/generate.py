"""Write weekly_channels.csv and email_sends.csv for Harbour & Pine (synthetic data).

    python datasets/metrics/generate.py [--seed N] [--out DIR]

The default seed is the master seed, which makes the shipped files; the default folder is the
one this script is in. Works from any working folder.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
if (HERE.parents[1] / "coursework_kit").is_dir():  # a checkout: use its own package
    sys.path.insert(0, str(HERE.parents[1]))

from coursework_kit.datasets import _synth_campaigns as synth  # noqa: E402
from coursework_kit.datasets._synth_cli import run  # noqa: E402

if __name__ == "__main__":
    run(
        {
            "weekly_channels.csv": (synth.weekly_channels, synth.WEEKLY_COLUMNS),
            "email_sends.csv": (synth.email_sends, synth.EMAIL_COLUMNS),
        },
        master_seed=synth.MASTER_SEED,
        out=HERE,
        description=__doc__.splitlines()[0],
    )
