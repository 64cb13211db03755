"""Build a learner's portfolio: from their own evidence folder, from a hand-in
(``submitted/<learner>/<assignment>``), or for a whole class from nbgrader's ``submitted/``.

In a hand-in the learner id is the folder nbgrader filed it under, never anything in the files;
a record made for another id is shown, flagged, and not counted.
"""

from __future__ import annotations

import base64
import html
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from coursework_kit._english import count
from coursework_kit.errors import CourseworkError
from coursework_kit.portfolio._pieces import Piece, pieces_of
from coursework_kit.portfolio._reading import Source, read_source

__all__ = [
    "ClassPortfolios",
    "Portfolio",
    "build_class_portfolios",
    "build_portfolio",
    "build_submission_portfolio",
]

PathLike = str | os.PathLike[str]
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@-]{0,99}")


@dataclass(frozen=True)
class Portfolio:
    """One learner's evidence, with its feedback and criteria, ready to save as one HTML file."""

    learner: str
    when: datetime
    pieces: tuple[Piece, ...]
    notes: tuple[str, ...] = ()

    @property
    def counted(self) -> tuple[Piece, ...]:
        return tuple(p for p in self.pieces if p.counted)

    def evidenced(self) -> dict[str, str]:
        """Each criterion code with counted evidence, and the best it has: met, not yet met, or
        for the assessor to judge."""
        from coursework_kit.portfolio._pieces import JUDGE, MET, NOT_MET

        rank = {MET: 3, JUDGE: 2, NOT_MET: 1}
        found: dict[str, str] = {}
        for piece in self.counted:
            for code, status in piece.criteria.items():
                if rank.get(status, 0) > rank.get(found.get(code, ""), 0):
                    found[code] = status
        return found

    def html(self) -> str:
        """The whole portfolio as one self-contained HTML page."""
        from coursework_kit.portfolio._page import page_html

        return page_html(self.pieces, learner=self.learner, when=self.when, notes=self.notes)

    def write(self, path: PathLike) -> Path:
        """Save the page to ``path`` (whole or not at all) and return where it went."""
        from coursework_kit._atomic import write_text

        target = Path(path)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            write_text(target, self.html())
        except OSError as exc:
            raise CourseworkError(
                f"The portfolio could not be saved to {target} ({exc.strerror or exc})."
            ) from exc
        return target

    def __repr__(self) -> str:
        return (
            f"Portfolio({self.learner!r}: {len(self.counted)} of {len(self.pieces)} pieces "
            f"count, {len(self.evidenced())} criteria with evidence)"
        )

    def _repr_html_(self) -> str:
        """A summary and a button that downloads the page (it works offline and on Binder)."""
        data = base64.b64encode(self.html().encode("utf-8")).decode("ascii")
        name = f"portfolio-{self.learner}-{self.when:%Y-%m-%d}.html"
        pieces, criteria = len(self.counted), len(self.evidenced())
        verb = "counts" if pieces == 1 else "count"
        return (
            f"<div><p>Your portfolio: {count(pieces, 'piece')} of evidence {verb}, covering "
            f"{count(criteria, 'criterion')}.</p><p><a download='{html.escape(name)}' "
            f"href='data:text/html;charset=utf-8;base64,{data}' role='button' "
            "style='display:inline-block;padding:6px 12px;border:2px solid #0550ae;"
            "border-radius:4px;color:#0550ae;text-decoration:none;font-weight:bold'>"
            "Download my portfolio</a></p><p>Open the file in your browser. To keep it as a "
            "PDF, print it and choose <em>Save as PDF</em>.</p></div>"
        )


def _now(when: datetime | None) -> datetime:
    return (when or datetime.now()).astimezone()


def _build(sources: Sequence[Source], learner: str, when: datetime | None) -> Portfolio:
    pieces: list[Piece] = []
    notes: list[str] = []
    number = 0
    for source in sources:
        found, said = read_source(source)
        notes += said
        for item in found:
            number += 1
            pieces += pieces_of(item, learner=learner, number=number)
    order = {id(p): n for n, p in enumerate(pieces)}
    pieces.sort(key=lambda p: (p.unit or 99, _activity_order(p), order[id(p)]))
    return Portfolio(learner, _now(when), tuple(pieces), tuple(notes))


def _activity_order(piece: Piece) -> int:
    from coursework_kit.portfolio._activities import activities

    listed = activities()
    return listed.index(piece.activity) if piece.activity in listed else len(listed)


def build_portfolio(
    evidence_folder: PathLike | Sequence[PathLike] = "evidence",
    *,
    learner: str | None = None,
    when: datetime | None = None,
) -> Portfolio:
    """The portfolio of everything saved in ``evidence_folder`` (or several folders).

    ``learner`` is whose portfolio it is (by default the learner id the workbooks use); a
    record saved for anyone else is shown but not counted. ``when`` is the date it is made on
    (now when not given).
    """
    from coursework_kit.learner import learner_id

    folders = (
        [Path(evidence_folder)]
        if isinstance(evidence_folder, (str, os.PathLike))
        else [Path(f) for f in evidence_folder]
    )
    who = learner or learner_id(folder=folders[0])
    return _build([Source(f, label=f.name) for f in folders], who, when)


def _hand_in(submission: Path, learner: str) -> Source:
    from coursework_kit.tutor.grading.evidence import submission_time

    found = re.fullmatch(r"unit([1-9])", submission.name)
    return Source(
        submission / "evidence",
        root=submission,
        unit=int(found.group(1)) if found else None,
        label=f"{learner}/{submission.name}/evidence",
        submitted_at=submission_time(submission),
    )


def _learner_of(folder: Path) -> str:
    if not _ID.fullmatch(folder.name):
        raise CourseworkError(
            f"{folder.name!r} is not a learner id nbgrader would file work under."
        )
    return folder.name


def build_submission_portfolio(submission: PathLike, *, when: datetime | None = None) -> Portfolio:
    """The portfolio of one hand-in, or of one learner's every hand-in.

    ``submission`` is ``submitted/<learner>/<assignment>`` (its ``evidence/`` folder is read)
    or ``submitted/<learner>`` (every assignment in it). The learner id is the folder nbgrader
    filed the work under.
    """
    folder = Path(submission)
    if not folder.is_dir():
        raise CourseworkError(f"There is no hand-in folder {folder}.")
    if (folder / "evidence").is_dir() or any(folder.glob("*.ipynb")):
        learner = _learner_of(folder.parent)
        return _build([_hand_in(folder, learner)], learner, when)
    learner = _learner_of(folder)
    hand_ins = sorted(p for p in folder.iterdir() if p.is_dir() and not p.is_symlink())
    return _build([_hand_in(p, learner) for p in hand_ins], learner, when)


@dataclass(frozen=True)
class ClassPortfolios:
    """Every learner's portfolio, written as one page each and an index."""

    folder: Path
    portfolios: tuple[Portfolio, ...]
    index: Path
    refused: tuple[str, ...] = field(default=())

    def summary(self) -> str:
        lines = [
            f"{len(self.portfolios)} portfolios written to {self.folder} "
            f"(index: {self.index.name})."
        ]
        lines += [f"Not written: {why}" for why in self.refused]
        return "\n".join(lines)


def build_class_portfolios(
    course: PathLike, *, out: PathLike | None = None, when: datetime | None = None
) -> ClassPortfolios:
    """A portfolio for every learner in ``course/submitted``, in ``course/reports/portfolios``
    (beside the criteria report) unless ``out`` is given, with ``index.html`` listing them."""
    root = Path(course)
    submitted = root / "submitted"
    if not submitted.is_dir():
        raise CourseworkError(
            f"There is no submitted folder in {root}: collect the work first (nbgrader collect)."
        )
    target = Path(out) if out is not None else root / "reports" / "portfolios"
    made, refused = [], []
    for folder in sorted(p for p in submitted.iterdir() if p.is_dir() and not p.is_symlink()):
        try:
            portfolio = build_submission_portfolio(folder, when=when)
        except CourseworkError as exc:
            refused.append(f"{folder.name}: {exc}")
            continue
        portfolio.write(target / f"{portfolio.learner}.html")
        made.append(portfolio)
    index = target / "index.html"
    from coursework_kit._atomic import write_text
    from coursework_kit.portfolio._index import index_html

    target.mkdir(parents=True, exist_ok=True)
    report = (target.parent / "criteria.html").is_file()
    write_text(index, index_html(made, when=_now(when), criteria_report=report))
    return ClassPortfolios(target, tuple(made), index, tuple(refused))
