"""The portfolio as one self-contained HTML page: every piece of evidence in unit order, and a
table per unit of each criterion with the evidence for it.

Everything is inline (styles, no scripts, no images from elsewhere), so the file works offline,
downloads as one file and prints cleanly to PDF: in print, the buttons and contents go, each
unit starts a new page, and every link says in words which piece of evidence it points to.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import datetime
from functools import cache

from coursework_kit.portfolio._activities import could_give, elsewhere
from coursework_kit.portfolio._pieces import JUDGE, MET, NOT_COUNTED, NOT_MET, Piece

__all__ = ["page_html", "unit_titles"]

e = html.escape
_STYLE = """
body{font-family:system-ui,sans-serif;color:#1f2328;background:#fff;max-width:62em;
margin:1.5em auto;padding:0 1em;line-height:1.5}
a{color:#0550ae}
table{border-collapse:collapse;margin:.6em 0}
th,td{border:1px solid #8c959f;padding:4px 8px;text-align:left;vertical-align:top}
caption{text-align:left;font-weight:bold}
.coverage th[scope=row]{white-space:nowrap}
.piece{border:1px solid #8c959f;border-radius:6px;padding:.2em 1em .8em;margin:1em 0}
.meta{color:#484f58}
.status{font-weight:bold;padding:0 4px;border-radius:3px}
.met{color:#1a5e20;background:#dafbe1}
.not-met{color:#6a4a00;background:#fff8c5}
.judge{color:#0a3069;background:#ddf4ff}
.not-counted{color:#82071e;background:#ffebe9}
.problem{border-left:4px solid #82071e;background:#ffebe9;color:#1f2328;padding:4px 10px}
.note{border-left:4px solid #0550ae;background:#ddf4ff;color:#1f2328;padding:4px 10px}
.prompt{font-style:italic;color:#484f58}
@media print{
 body{max-width:none;margin:0;font-size:10pt}
 .no-print,nav{display:none}
 .unit{break-before:page}
 .piece,table,figure{break-inside:avoid}
 a{color:#1f2328;text-decoration:none}
 a[href^="http"]::after{content:" (" attr(href) ")"}
}
"""
_LOOK = {
    MET: ("met", "✔ met"),
    NOT_MET: ("not-met", "not yet met"),
    JUDGE: ("judge", "for your assessor to judge"),
    NOT_COUNTED: ("not-counted", "✘ not counted"),
}


@cache
def unit_titles() -> dict[int, str]:
    """Each unit's title, from the criteria catalogue."""
    from coursework_kit.datasets._shipped import load_shipped

    raw = load_shipped("criteria/catalogue.yaml", schema="criteria/catalogue.schema.json")
    return {u["unit"]: u["title"] for u in raw["units"]}


def _status(status: str) -> str:
    style, words = _LOOK[status]
    return f"<span class='status {style}'>{words}</span>"


def _number(pieces: Sequence[Piece]) -> dict[str, int]:
    return {p.anchor: n for n, p in enumerate(pieces, start=1)}


def _link(piece: Piece, numbers: dict[str, int]) -> str:
    return f"<a href='#{piece.anchor}'>Evidence {numbers[piece.anchor]}: {e(piece.title)}</a>"


def _coverage(unit: int, pieces: Sequence[Piece], numbers: dict[str, int]) -> str:
    from coursework_kit.tutor.criteria import catalogue

    rows = []
    for code, criterion in catalogue().items():
        if criterion.unit != unit:
            continue
        found = [p for p in pieces if p.criteria.get(code)]
        listed = "".join(f"<li>{_link(p, numbers)}: {_status(p.status(code))}</li>" for p in found)
        cell = f"<ul>{listed}</ul>" if listed else ""
        if not any(p.counted for p in found):
            cell += "<p><strong>No evidence yet.</strong> " + _how(code) + "</p>"
        rows.append(
            f"<tr><th scope='row'>{e(code)}</th><td>{e(criterion.text)}</td><td>{cell}</td></tr>\n"
        )
    return (
        f"<table class='coverage'><caption>Unit {unit}: each criterion and your evidence for "
        "it</caption>"
        "<tr><th scope='col'>Code</th><th scope='col'>Criterion</th>"
        f"<th scope='col'>Evidence</th></tr>{''.join(rows)}</table>"
    )


def _how(code: str) -> str:
    """Which activity would give evidence for ``code``, in words."""
    ways = could_give(code)
    if ways:
        named = "; ".join(e(a.where) for a in ways)
        return f"You can give it with: {named}."
    if code in elsewhere():
        return f"No activity saves evidence for it: it is assessed in {e(elsewhere()[code])}."
    return "No activity in the course saves evidence for it yet: ask your tutor."


def _piece(piece: Piece, numbers: dict[str, int]) -> str:
    from coursework_kit.tutor.criteria import catalogue

    texts = catalogue()
    parts = [f"<article class='piece' id='{piece.anchor}'>"]
    parts.append(f"<h3>Evidence {numbers[piece.anchor]}: {e(piece.title)}</h3>")
    where = piece.activity.workbook if piece.activity else "an activity this kit does not know"
    attempt = f"attempt {piece.attempt.number}, " if piece.attempt else ""
    mode = f"{piece.attempt.mode}, " if piece.attempt else ""
    parts.append(
        f"<p class='meta'>From {e(where)}: {attempt}{mode}file {e(piece.file)}"
        f"{' in ' + e(piece.source) if piece.source else ''}. {e(piece.dates)}</p>"
    )
    parts += [
        f"<p class='problem'><strong>Not counted.</strong> {e(p)}</p>" for p in piece.problems
    ]
    parts += [f"<p class='note'>{e(n)}</p>" for n in piece.notes]
    if piece.shown:
        parts.append(f"<h4>What you did</h4>{piece.shown}")
    if piece.feedback is not None:
        parts.append(f"<h4>The feedback it got</h4>{piece.feedback._repr_html_()}")
    if piece.record is not None:
        reflection = piece.reflection
        parts.append(
            "<h4>Your reflection</h4>"
            + (
                f"<blockquote>{e(reflection)}</blockquote>"
                if reflection
                else "<p class='prompt'>No reflection written yet. Say what you did, why you "
                "chose to do it that way, and what you would do differently next time.</p>"
            )
        )
    codes = "".join(
        f"<li><strong>{e(code)}</strong> {_status(piece.status(code))}: "
        f"{e(texts[code].text) if code in texts else 'not in the criteria catalogue'}</li>"
        for code in piece.criteria
    )
    outcomes = piece.activity.outcomes if piece.activity else ()
    if codes:
        parts.append(f"<h4>Criteria it evidences</h4><ul>{codes}</ul>")
    elif piece.record is not None:
        parts.append(
            "<h4>Criteria it evidences</h4><p>None from this attempt"
            + (f" (it supports learning outcome {', '.join(map(e, outcomes))})" if outcomes else "")
            + ".</p>"
        )
    if piece.activity is not None and piece.activity.why and codes:
        parts.append(f"<p class='meta'>Why: {e(piece.activity.why)}</p>")
    parts.append("</article>")
    return "\n".join(parts)


def page_html(
    pieces: Sequence[Piece], *, learner: str, when: datetime, notes: Sequence[str] = ()
) -> str:
    """The whole portfolio page as HTML text."""
    from coursework_kit.gdpr._uktime import uk_time_text

    numbers = _number(pieces)
    titles = unit_titles()
    body, contents = [], []
    for unit, title in titles.items():
        mine = [p for p in pieces if p.unit == unit]
        contents.append(f"<li><a href='#unit-{unit}'>Unit {unit}: {e(title)}</a></li>")
        listed = "\n".join(_piece(p, numbers) for p in mine) or (
            "<p>No evidence saved for this unit yet.</p>"
        )
        body.append(
            f"<section class='unit' id='unit-{unit}' aria-labelledby='unit-{unit}-title'>"
            f"<h2 id='unit-{unit}-title'>Unit {unit}: {e(title)}</h2>"
            f"\n{_coverage(unit, pieces, numbers)}\n{listed}\n</section>"
        )
    others = [p for p in pieces if p.unit is None]
    if others:
        contents.append("<li><a href='#other'>Files that could not be placed or read</a></li>")
        body.append(
            "<section class='unit' id='other' aria-labelledby='other-title'>"
            "<h2 id='other-title'>Files that could not be placed or read</h2>"
            "<p>These files are in the evidence folder but do not count as evidence. Each one "
            "says why. Nothing was deleted.</p>"
            + "\n".join(_piece(p, numbers) for p in others)
            + "</section>"
        )
    counted = sum(p.counted for p in pieces)
    said = "".join(f"<p class='note'>{e(n)}</p>" for n in notes)
    return (
        "<!DOCTYPE html>\n<html lang='en-GB'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>Coursework portfolio: {e(learner)}</title><style>{_STYLE}</style></head>"
        f"<body><header><h1>Coursework portfolio: {e(learner)}</h1>"
        f"<p>Made on {e(uk_time_text(when))}. {counted} of {len(pieces)} pieces of evidence "
        "count. The feedback on each piece is worked out again from your own work, the same "
        "way your tutor's marking does it.</p>"
        "<p class='no-print'>To keep it as a PDF, print this page and choose "
        "<em>Save as PDF</em>.</p>"
        f"{said}<nav aria-label='Contents'><h2>Contents</h2><ul>{''.join(contents)}</ul></nav>"
        f"</header>\n<main>\n{chr(10).join(body)}\n</main>\n<footer><p><small>"
        "Made with coursework-kit. "
        "The criteria codes (such as U3-AC2) are this project's own, not the awarding bodies'. "
        "Harbour &amp; Pine, its customers and its figures are made up for teaching."
        "</small></p></footer></body></html>\n"
    )
