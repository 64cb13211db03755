"""Rebuild words-en-gb.txt.gz, the British English word list the spelling check uses.

The list is SCOWL's British English list (Kevin Atkinson's Spell Checker Oriented Word Lists),
as Debian packages it in `wbritish-large`. Possessive forms ("customer's") are left out: the
spelling check removes "'s" before it looks a word up.

    apt-get install wbritish-large
    python datasets/chat/make_wordlist.py [--source /usr/share/dict/british-english-large]

The SCOWL copyright and permission notice is in wordlist-LICENSE.txt beside this script.
"""

from __future__ import annotations

import argparse
import gzip
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--source", type=Path, default=Path("/usr/share/dict/british-english-large")
    )
    args = parser.parse_args(argv)
    words = sorted(
        {w for w in args.source.read_text(encoding="utf-8").split() if not w.endswith("'s")}
    )
    # mtime=0 keeps the file byte-identical between runs.
    with gzip.GzipFile(HERE / "words-en-gb.txt.gz", "wb", mtime=0) as handle:
        handle.write(("\n".join(words) + "\n").encode("utf-8"))
    print(f"Wrote {len(words):,} words to words-en-gb.txt.gz")  # noqa: T201


if __name__ == "__main__":
    main()
