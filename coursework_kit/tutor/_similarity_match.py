"""Two learners whose work is alike, and the words for how alike it is."""

from __future__ import annotations

from dataclasses import dataclass

LINK = "a link to another learner's file"
COPY = "a byte-for-byte copy"
SAME = "the same text"
NEAR_LABEL = "near-identical"


@dataclass(frozen=True)
class Match:
    """Two learners whose ``what`` (a file, a written answer, a chat) is ``how`` alike;
    ``similarity`` is the share of runs in common (1 for copies and links); ``excerpts`` show
    the start of each learner's text (or where the link points)."""

    learners: tuple[str, str]
    what: str
    how: str
    similarity: float
    excerpts: tuple[str, str] = ("", "")

    def line(self) -> str:
        first, second = self.learners
        share = "" if self.how in (LINK, COPY) else f" ({self.similarity:.0%} of it in common)"
        return f"{first} and {second}: {self.what} is {self.how}{share}."
