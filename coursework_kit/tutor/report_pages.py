"""Write the criteria report: CSV for spreadsheets, an HTML page with a chart for people, and
one page per learner listing their criteria."""

from __future__ import annotations

import csv
import html
import io
from pathlib import Path

from coursework_kit._atomic import write_text
from coursework_kit._ui import charts
from coursework_kit.tutor.reports import CriteriaMatrix

__all__ = ["write_criteria_report"]

_MARK = {"met": "✔ met", "not yet met": "✘ not yet met", "not marked": "… not marked"}
_STYLE = (
    "<style>body{font-family:sans-serif;margin:2em;line-height:1.5}table{border-collapse:"
    "collapse}td,th{border:1px solid #999;padding:4px 8px;text-align:left}</style>"
)


def _page(title: str, body: str) -> str:
    return (
        f"<!DOCTYPE html>\n<html lang='en-GB'><head><meta charset='utf-8'>"
        f"<title>{html.escape(title)}</title>{_STYLE}</head><body>\n<h1>{html.escape(title)}"
        f"</h1>\n{body}\n</body></html>\n"
    )


def write_criteria_report(matrix: CriteriaMatrix, out_dir: str | Path) -> list[Path]:
    """Write the report files into ``out_dir`` and return their paths."""
    from coursework_kit.tutor.criteria import catalogue

    out = Path(out_dir)
    (out / "learners").mkdir(parents=True, exist_ok=True)
    texts = {code: c.text for code, c in catalogue().items()}
    written = []

    long_csv = out / "criteria.csv"
    write_text(long_csv, matrix.to_csv())
    wide = io.StringIO()
    writer = csv.writer(wide, lineterminator="\n")
    writer.writerow(["learner", *matrix.criteria])
    for learner in matrix.learners:
        writer.writerow(
            [
                learner,
                *((s.status if (s := matrix.status(learner, c)) else "") for c in matrix.criteria),
            ]
        )
    wide_csv = out / "criteria-matrix.csv"
    write_text(wide_csv, wide.getvalue())
    written += [long_csv, wide_csv]

    counts = matrix.met_counts()
    figure = charts.bar_chart(
        counts, title="Learners who have met each criterion", ylabel="Learners", fmt="{:,.0f}"
    )
    described = ", ".join(f"{code} {n}" for code, n in counts.items())
    head = "".join(
        f"<th scope='col' title='{html.escape(texts[c], quote=True)}'>{c}</th>"
        for c in matrix.criteria
    )
    rows = "\n".join(
        f"<tr><th scope='row'><a href='learners/{html.escape(learner)}.html'>"
        f"{html.escape(learner)}</a></th>"
        + "".join(
            f"<td title='{html.escape(s.evidence, quote=True) if s else ''}'>"
            f"{_MARK[s.status] if s else ''}</td>"
            for c in matrix.criteria
            for s in [matrix.status(learner, c)]
        )
        + "</tr>"
        for learner in matrix.learners
    )
    key = "\n".join(
        f"<li><strong>{c}</strong>: {html.escape(texts[c])}</li>" for c in matrix.criteria
    )
    summary = out / "criteria.html"
    write_text(
        summary,
        _page(
            "Assessment criteria evidenced",
            (
                charts.figure_html(
                    figure, f"Bar chart of learners who have met each criterion: {described}."
                )
                + "\n<p>Hover over a result to see where the evidence is. A blank means no "
                "graded work evidences that criterion yet.</p>"
                f"\n<table><tr><th scope='col'>Learner</th>{head}</tr>\n{rows}\n</table>"
                f"\n<h2>The criteria</h2>\n<ul>\n{key}\n</ul>\n"
                "<p><small>The codes are this project's own, not the awarding bodies'.</small></p>"
            ),
        ),
    )
    written.append(summary)

    for learner in matrix.learners:
        items = "\n".join(
            f"<tr><th scope='row'>{c}</th><td>{html.escape(texts[c])}</td>"
            f"<td>{_MARK[s.status] if s else 'no evidence yet'}</td>"
            f"<td>{html.escape(s.evidence) if s else ''}</td></tr>"
            for c in matrix.criteria
            for s in [matrix.status(learner, c)]
        )
        page = out / "learners" / f"{learner}.html"
        write_text(
            page,
            _page(
                f"Criteria evidenced: {learner}",
                (
                    "<table><tr><th scope='col'>Code</th><th scope='col'>Criterion</th>"
                    f"<th scope='col'>Result</th><th scope='col'>Where</th></tr>\n{items}\n</table>"
                ),
            ),
        )
        written.append(page)
    return written
