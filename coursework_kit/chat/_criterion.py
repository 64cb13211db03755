"""One criterion's result in a transcript report, and the adviser's own words quoted as its
evidence."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from coursework_kit.chat.catalogue import criteria_catalogue

Chat = list[tuple[str, str, datetime | None]]  # (speaker, text, time), as reports hold them


@dataclass(frozen=True)
class CriterionResult:
    """One criterion: met (True), not yet met (False) or not applicable (None), and why."""

    key: str
    met: bool | None
    evidence: str
    unsure: bool = False  # not met as far as the assessor can tell, but it is not sure
    turn: int | None = None  # the reply the assessor is unsure about, if it is

    @property
    def label(self) -> str:
        return criteria_catalogue()[self.key].label

    @property
    def status(self) -> str:
        if self.unsure:
            return "not sure"
        return {True: "met", False: "not yet met", None: "not applicable"}[self.met]


def _quote(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _sentence(reply: str, fragment: str) -> str:
    """The sentence of ``reply`` that holds ``fragment`` (the words a phrase matched), quoted."""
    for sentence in re.split(r"(?<=[.!?])\s+", reply.replace("’", "'")):
        if fragment and fragment.split(" … ")[0].lower() in sentence.lower():
            return f"“{_quote(sentence)}”"
    return f"“{_quote(reply)}”"
