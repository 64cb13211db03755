"""Write mailing_list.csv for Harbour & Pine (synthetic data: no real people or addresses).

    python datasets/email/generate.py [--seed N] [--out DIR]

The default seed is the master seed, which makes the shipped file; the default folder is the
one this script is in. Works from any working folder.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
if (HERE.parents[1] / "coursework_kit").is_dir():  # a checkout: use its own package
    sys.path.insert(0, str(HERE.parents[1]))

from coursework_kit.datasets._synth_cli import run  # noqa: E402
from coursework_kit.email import _synth_mailing as synth  # noqa: E402

if __name__ == "__main__":
    run(
        {"mailing_list.csv": (synth.mailing_list, synth.COLUMNS)},
        master_seed=synth.MASTER_SEED,
        out=HERE,
        description=__doc__.splitlines()[0],
    )
