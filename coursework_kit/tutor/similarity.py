"""Which learners handed in the same work? A report for the tutor to look into, never a mark.

:func:`similarity_report` reads every submission of one assignment under
``<course>/submitted/<id>/<assignment>/`` as hostile input (through
:func:`~coursework_kit.tutor.grading.evidence.read_evidence`: no links followed, nothing but
plain files of a sensible size): the written answers (markdown cells nbgrader marks as
solutions) and the adviser's replies in each saved chat. It lists pairs of learners when a file
is a byte-for-byte copy of another learner's or a link to one, or when an answer or a chat is
the same text or near-identical: most of its three-word runs are the other's too (Jaccard
similarity of at least :data:`NEAR`).

Words every learner was given are left out first: the release's "Type your answer here.", the
release notebooks' own text, the pre-written responses and the knowledge base, and phrasing more
than a tenth of the class uses (unless :data:`RING` of all of it is in common: many copies of
one source). What is left of an answer must be at least :data:`MIN_RUNS`
runs long to be judged. Each text is compared only with texts of a similar length (a shorter
one cannot reach :data:`NEAR`), so a class of 300 takes a few seconds.
"""

from __future__ import annotations

import html
import os
import re
from dataclasses import dataclass
from pathlib import Path

from coursework_kit.errors import EvidenceError
from coursework_kit.tutor._similarity_compare import NEAR, _alike, _copies, _strongest
from coursework_kit.tutor._similarity_match import COPY, LINK, SAME, Match
from coursework_kit.tutor._similarity_reading import MIN_RUNS, _Class, _given, _read_learner

__all__ = ["COPY", "LINK", "MIN_RUNS", "NEAR", "SAME", "Match", "SimilarityReport"]
__all__ += ["similarity_report"]


@dataclass(frozen=True)
class SimilarityReport:
    """The pairs of learners to look into for one assignment, and the files not read."""

    assignment: str
    learners: tuple[str, ...]
    matches: tuple[Match, ...]
    notes: tuple[str, ...] = ()

    @property
    def summary(self) -> str:
        pairs = len({m.learners for m in self.matches})
        found = (
            f"{pairs} pair{'s' if pairs != 1 else ''} of learners to look into"
            if pairs
            else "no pairs of learners handed in the same or near-identical work"
        )
        return f"Similarity report for {self.assignment}: {len(self.learners)} learners, {found}."

    _CAUTION = (
        "This is a flag for you to look into, not a mark: learners may have worked together as "
        "allowed, or used the same notes. Marks are not changed."
    )

    def __str__(self) -> str:
        lines = [self.summary, self._CAUTION]
        for match in self.matches:
            lines += ["", match.line()]
            for learner, excerpt in zip(match.learners, match.excerpts, strict=True):
                if excerpt:
                    lines.append(f"  {learner}: {excerpt}")
        if self.notes:
            lines += ["", "Not read:", *(f"  - {note}" for note in self.notes)]
        return "\n".join(lines) + "\n"

    def __repr__(self) -> str:
        return f"<SimilarityReport {self.summary}>"

    def html(self) -> str:
        """A whole HTML page; every learner's words are escaped."""
        e = html.escape
        rows = "".join(
            "<tr>"
            f"<td>{e(m.learners[0])}<br>{e(m.learners[1])}</td><td>{e(m.what)}</td>"
            f"<td>{e(m.how)}</td><td>{m.similarity:.0%}</td>"
            f"<td>{'<br>'.join(f'<q>{e(x)}</q>' for x in m.excerpts if x)}</td></tr>"
            for m in self.matches
        )
        table = (
            "<table><thead><tr><th scope='col'>Learners</th><th scope='col'>What</th>"
            "<th scope='col'>How alike</th><th scope='col'>In common</th>"
            f"<th scope='col'>How each starts</th></tr></thead><tbody>{rows}</tbody></table>"
            if self.matches
            else ""
        )
        notes = "".join(f"<li>{e(n)}</li>" for n in self.notes)
        title = f"Similarity report: {self.assignment}"
        return (
            "<!DOCTYPE html>\n<html lang='en-GB'><head><meta charset='utf-8'>"
            f"<title>{e(title)}</title></head><body><h1>{e(title)}</h1>"
            f"<p>{e(self.summary)}</p><p>{e(self._CAUTION)}</p>{table}"
            f"{f'<h2>Not read</h2><ul>{notes}</ul>' if notes else ''}</body></html>\n"
        )

    def _repr_html_(self) -> str:
        return self.html()


def similarity_report(course: Path, assignment: str) -> SimilarityReport:
    """Pairs of learners whose submissions of ``assignment`` are copies or near-identical.

    ``course`` is the nbgrader course folder (it holds ``submitted/`` and ``release/``). Files
    that could not be read, and links that point outside the class, are listed as notes.
    """
    if not assignment or assignment in (".", "..") or re.search(r"[\\/\0]", assignment):
        raise EvidenceError(f"{assignment!r} is not an assignment name (a folder's own name).")
    course = Path(course)
    submitted = course / "submitted"
    if not submitted.is_dir():
        raise EvidenceError(
            f"There is no submitted folder in {course}: collect the submissions "
            "(nbgrader collect) first, or check the course folder."
        )
    given, hashes, answers = _given(course, assignment)
    found = _Class(submitted, given, hashes, answers)
    with os.scandir(submitted) as entries:
        learners = sorted(e.name for e in entries if not e.name.startswith("."))
    for learner in learners:
        _read_learner(found, learner, assignment)
    matches = _strongest([*found.links, *_copies(found), *_alike(found)])
    return SimilarityReport(assignment, tuple(found.learners), matches, tuple(found.notes))
