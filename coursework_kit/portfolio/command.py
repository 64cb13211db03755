"""``coursework portfolio``: a learner's portfolio of evidence as one HTML file.

Three ways to call it:

- ``coursework portfolio``: the learner's own, from ``evidence/`` in the current folder (or
  ``--evidence DIR``), saved as ``portfolio.html`` (or ``--out FILE``);
- ``coursework portfolio --from SUBMISSION_DIR``: one learner's hand-in,
  ``submitted/<learner>/<assignment>`` or ``submitted/<learner>`` for all of theirs;
- ``coursework portfolio --class COURSE_DIR``: every learner in ``COURSE_DIR/submitted``, one
  page each and an index, in ``COURSE_DIR/reports/portfolios`` beside the criteria report.

Exit status: 0 when written and every piece counts; 1 when written but some pieces are flagged
(each says why in the page); 2 when nothing could be written.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path

from coursework_kit.errors import CourseworkError

__all__ = ["add_arguments", "run"]


def _date(text: str) -> datetime:
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date: give it as year-month-day, e.g. 2026-11-30"
        ) from None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The command's arguments, added to ``parser``."""
    where = parser.add_mutually_exclusive_group()
    where.add_argument(
        "--evidence",
        type=Path,
        metavar="DIR",
        help="your evidence folder (default: evidence, in this folder)",
    )
    where.add_argument(
        "--from",
        dest="submission",
        type=Path,
        metavar="SUBMISSION_DIR",
        help="for tutors: one learner's hand-in, submitted/<learner>/<assignment>, or "
        "submitted/<learner> for every assignment they handed in",
    )
    where.add_argument(
        "--class",
        dest="course",
        type=Path,
        metavar="COURSE_DIR",
        help="for tutors: every learner in COURSE_DIR/submitted, written to "
        "COURSE_DIR/reports/portfolios with an index.html",
    )
    parser.add_argument(
        "--learner",
        metavar="ID",
        help="whose portfolio it is (default: your learner id; with --from and --class, the "
        "folder nbgrader filed the work under, which cannot be changed)",
    )
    parser.add_argument(
        "--out",
        type=Path,
        metavar="PATH",
        help="the file to write (default portfolio.html; with --from, "
        "portfolio-<learner>.html); with --class, the folder",
    )
    parser.add_argument(
        "--date",
        type=_date,
        metavar="YYYY-MM-DD",
        help="the date to put on the portfolio (default: now)",
    )


def _say(text: str) -> None:
    sys.stdout.write(text + "\n")


def run(args: argparse.Namespace) -> int:
    """Do what the arguments ask; the exit status (see the module's help)."""
    from coursework_kit.portfolio.build import (
        build_class_portfolios,
        build_portfolio,
        build_submission_portfolio,
    )

    try:
        if args.course is not None:
            if args.learner:
                raise CourseworkError("--learner cannot be used with --class.")
            made = build_class_portfolios(args.course, out=args.out, when=args.date)
            _say(made.summary())
            some = any(len(p.counted) < len(p.pieces) for p in made.portfolios)
            return 1 if some or made.refused else 0
        if args.submission is not None:
            if args.learner:
                raise CourseworkError(
                    "--learner cannot be used with --from: the learner is the folder nbgrader "
                    "filed the work under."
                )
            portfolio = build_submission_portfolio(args.submission, when=args.date)
            out = args.out or Path(f"portfolio-{portfolio.learner}.html")
        else:
            folder = args.evidence or Path("evidence")
            if not folder.is_dir():
                raise CourseworkError(
                    f"There is no evidence folder {folder}. Run this in the folder with your "
                    "workbooks, or give --evidence DIR."
                )
            portfolio = build_portfolio(folder, learner=args.learner, when=args.date)
            out = args.out or Path("portfolio.html")
        written = portfolio.write(out)
    except CourseworkError as exc:
        sys.stderr.write(f"{exc}\n")
        return 2
    flagged = len(portfolio.pieces) - len(portfolio.counted)
    _say(
        f"Portfolio for {portfolio.learner} written to {written}: {len(portfolio.counted)} "
        f"pieces of evidence count"
        + (f", {flagged} flagged (the page says why)." if flagged else ".")
    )
    return 1 if flagged else 0
