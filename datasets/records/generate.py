"""Write the JSON Schema of every kind of activity record into this folder.

The schemas are made from the record classes themselves (``coursework_kit.records.KINDS``),
so the Python types, the saved JSON and the schema cannot drift apart; the test suite fails
when a shipped schema is out of date. Run from the repository root after changing a record:

    .venv/bin/python datasets/records/generate.py
"""

from __future__ import annotations

import json
from pathlib import Path

from coursework_kit.records import KINDS, kind

HERE = Path(__file__).resolve().parent


def schema_text(name: str) -> str:
    return json.dumps(kind(name).schema(), indent=1, ensure_ascii=False) + "\n"


def main() -> None:
    for name in KINDS:
        path = HERE / f"{name}.schema.json"
        path.write_text(schema_text(name), encoding="utf-8")
        print(f"wrote {path.name}")


if __name__ == "__main__":
    main()
