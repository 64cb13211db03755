"""The criteria catalogue: each unit's learning outcomes and assessment criteria, with this
project's stable codes (``datasets/criteria/catalogue.yaml``).

The codes (U1-LO1, U1-AC1, ...) are this project's own, for tracking evidence; they are not
the awarding bodies' codes. Graded nbgrader cells name the codes they evidence in
``cell.metadata["coursework"]["criteria"]``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

__all__ = ["Criterion", "catalogue", "cell_criteria"]


@dataclass(frozen=True)
class Criterion:
    code: str
    text: str
    unit: int
    outcome: str
    derived: bool = False


@cache
def catalogue() -> dict[str, Criterion]:
    """Every assessment criterion, by code, in catalogue order."""
    from coursework_kit.datasets._shipped import load_shipped

    raw = load_shipped("criteria/catalogue.yaml", schema="criteria/catalogue.schema.json")
    return {
        c["code"]: Criterion(c["code"], c["text"], u["unit"], o["code"], bool(c.get("derived")))
        for u in raw["units"]
        for o in u["outcomes"]
        for c in o["criteria"]
    }


def cell_criteria(metadata: dict[str, object]) -> list[str]:
    """The criterion codes a notebook cell's metadata names (an empty list if none)."""
    section = metadata.get("coursework")
    codes = section.get("criteria", []) if isinstance(section, dict) else []
    return [str(code) for code in codes] if isinstance(codes, list) else []
