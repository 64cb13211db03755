"""A calculator's evidence: what the learner typed or chose in each box, and the answer shown.

One kind serves every calculator in the kit: the metric calculator (scenario ``metric``) and
the data protection tools (``access-deadline``, ``breach``, ``marketing-permission``). Each is
saved to ``evidence/calculator-<scenario>.json``. Entries are kept exactly as typed, as text,
so a figure the calculator could not read ("forty", "1,2,3") is never lost; the answer is kept
as it was shown, for a person reading the file, and is always worked out again from the
entries when the record is assessed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from coursework_kit.records import Record

__all__ = ["CALCULATORS", "CalculatorRecord", "CalculatorWork", "flag_text", "read_flag"]

# scenario -> what the learner knows the calculator as
CALCULATORS = {
    "metric": "Metric calculator",
    "access-deadline": "Subject access request deadline",
    "breach": "Personal data breach helper",
    "marketing-permission": "Marketing permission checker",
}


@dataclass(frozen=True)
class CalculatorWork:
    """What is in each box of a calculator, exactly as typed or chosen (text), and the answer
    it showed in words ("" when it showed none)."""

    inputs: dict[str, str] = field(default_factory=dict)
    result: str = ""


class CalculatorRecord(Record[CalculatorWork]):
    """Every attempt at one calculator (its scenario names the calculator, e.g. "metric")."""

    KIND = "calculator"
    WORK = CalculatorWork


def flag_text(value: object) -> str:
    """A yes/no control's value as a box holds it: "yes", "no", or "" when not chosen.

    >>> flag_text(True), flag_text(False), flag_text(None)
    ('yes', 'no', '')
    """
    if value is None:
        return ""
    return "yes" if value else "no"


def read_flag(text: str) -> bool | None:
    """The yes/no value saved as ``text`` (None when not chosen or not a yes/no).

    >>> read_flag("yes"), read_flag("no"), read_flag("")
    (True, False, None)
    """
    return {"yes": True, "no": False}.get(text)
