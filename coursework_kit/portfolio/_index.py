"""The class's index page: each learner's portfolio, and what their evidence says per criterion,
for an assessor to open the evidence behind each "met" in the criteria report."""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coursework_kit.portfolio.build import Portfolio

__all__ = ["index_html"]

e = html.escape
_SHORT = {"met": "✔ met", "not yet met": "not yet", "for your assessor to judge": "to judge"}


def index_html(
    portfolios: Sequence[Portfolio], *, when: datetime, criteria_report: bool = False
) -> str:
    """The index: one row per learner, one column per criterion."""
    from coursework_kit.gdpr._uktime import uk_time_text
    from coursework_kit.portfolio._page import _STYLE
    from coursework_kit.tutor.criteria import catalogue

    codes = list(catalogue())
    head = "".join(
        f"<th scope='col' title='{e(catalogue()[c].text, quote=True)}'>{e(c)}</th>" for c in codes
    )
    rows = []
    for portfolio in portfolios:
        found = portfolio.evidenced()
        cells = "".join(f"<td>{_SHORT.get(found.get(c, ''), '')}</td>" for c in codes)
        flagged = len(portfolio.pieces) - len(portfolio.counted)
        rows.append(
            f"<tr><th scope='row'><a href='{e(portfolio.learner, quote=True)}.html'>"
            f"{e(portfolio.learner)}</a></th><td>{len(portfolio.counted)}</td>"
            f"<td>{flagged}</td>{cells}</tr>"
        )
    report = (
        "<p>The criteria report from the gradebook is <a href='../criteria.html'>criteria.html"
        "</a>, beside this folder.</p>"
        if criteria_report
        else ""
    )
    body = "".join(rows) or "<tr><td colspan='3'>No learner has handed in work yet.</td></tr>"
    return (
        "<!DOCTYPE html>\n<html lang='en-GB'><head><meta charset='utf-8'>"
        f"<title>Portfolios</title><style>{_STYLE}</style></head><body>"
        f"<h1>Portfolios</h1><p>Made on {e(uk_time_text(when))} from the work each learner "
        "handed in. Open a learner's portfolio to read the evidence, its feedback and the "
        "criteria it evidences. A blank means no counted evidence for that criterion yet. "
        f"Flagged pieces are shown in the portfolio with why they do not count.</p>{report}"
        "<table><caption>Evidence per learner and criterion</caption><tr>"
        "<th scope='col'>Learner</th><th scope='col'>Pieces that count</th>"
        f"<th scope='col'>Flagged</th>{head}</tr>{body}</table>"
        "<p><small>The codes are this project's own, not the awarding bodies'.</small></p>"
        "</body></html>\n"
    )
