"""The chat's assessment as HTML: the end-of-chat report in the widget, and a dated portfolio
page (transcript, criteria with what they map to, timings, a chart of response times, next
steps and the CRM record). Both are drawn from :func:`.assess_record.assess`'s Feedback."""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import datetime

from coursework_kit._ui import charts
from coursework_kit.chat.assess_record import RULES, evidence_of, improvements
from coursework_kit.chat.catalogue import Timings, criteria_catalogue, timings
from coursework_kit.chat.record import ChatWork
from coursework_kit.chat.scenario import Scenario
from coursework_kit.feedback import Feedback, Finding

__all__ = ["portfolio_html", "report_html", "response_chart_html"]


def response_chart_html(times: Sequence[float], patience: int | None = None) -> str:
    """A bar chart of how long the customer waited for each reply, with a text alternative."""
    if not times:
        return "<p>No timings were recorded (practice mode or no replies).</p>"
    values = {f"Reply {i}": s for i, s in enumerate(times, start=1)}
    figure = charts.bar_chart(
        values,
        title="How long the customer waited for each reply",
        ylabel="Seconds",
        fmt="{:,.0f} s",
    )
    if patience:
        figure.axes[0].axhline(
            patience,
            color="#D55E00",
            linestyle="--",
            linewidth=1.5,
            label=f"Customer's patience ({patience} s)",
        )
        figure.axes[0].legend(loc="upper right", fontsize=8)
    described = ", ".join(f"{k} {v:.0f} seconds" for k, v in values.items())
    return charts.figure_html(figure, f"Bar chart of response times: {described}.")


def _rows(feedback: Feedback) -> list[tuple[str, str, str, tuple[tuple[int, str], ...]]]:
    """(label, result, evidence, what it maps to) for every criterion, in report order."""
    catalogue = criteria_catalogue()
    found: dict[str, Finding] = {f.check: f for f in feedback.findings if f.check in catalogue}
    rows = []
    for key, info in catalogue.items():
        f = found.get(key)
        if f is None:
            rows.append((info.label, "not applicable", "Not needed in this chat.", info.maps_to))
        else:
            status = "met" if f.severity == "good" else "not yet met"
            rows.append((info.label, status, evidence_of(f), info.maps_to))
    return rows


def _rules(feedback: Feedback) -> list[str]:
    return [
        f"{f.message} ({f.quote!r})" if f.quote else f.message
        for f in feedback.findings
        if f.check in RULES
    ]


def _score(feedback: Feedback) -> int:
    return round(100 * feedback.share)


def _timing_text(timed: Timings, start: str) -> str:
    if timed.first_response_seconds is None:
        return ""
    return start.format(
        first=timed.first_response_seconds,
        average=timed.average_response_seconds or 0,
        handling=timed.handling_seconds or 0,
    )


def report_html(feedback: Feedback, work: ChatWork, patience: int | None = None) -> str:
    """The end-of-chat report: score, each criterion, timings, rules broken, next steps."""
    e = html.escape
    rows = "".join(
        f"<tr><th scope='row'>{e(label)}</th><td>{status}</td><td>{e(evidence)}</td></tr>"
        for label, status, evidence, _ in _rows(feedback)
    )
    timed = timings(work.turns)
    timing = _timing_text(
        timed,
        "<p>First response: {first:.0f} s. Average response: {average:.0f} s. "
        "Handling time: {handling:.0f} s.</p>",
    )
    rules = "".join(f"<li>{e(r)}</li>" for r in _rules(feedback))
    tips = "".join(f"<li>{e(t)}</li>" for t in improvements(feedback))
    return (
        f"<div><p><strong>Score: {_score(feedback)}%</strong> of the criteria that apply.</p>"
        "<table><tr><th scope='col'>Criterion</th><th scope='col'>Result</th>"
        f"<th scope='col'>Evidence</th></tr>{rows}</table>{timing}"
        + (f"<p><strong>Rules broken</strong></p><ul>{rules}</ul>" if rules else "")
        + (f"<p><strong>Next time</strong></p><ol>{tips}</ol>" if tips else "")
        + "</div>"
        + response_chart_html(timed.response_times, patience)
    )


def portfolio_html(
    feedback: Feedback,
    work: ChatWork,
    scenario: Scenario | None,
    *,
    learner: str,
    when: datetime | None = None,
) -> str:
    """The whole page as HTML text."""
    when = when or datetime.now().astimezone()
    e = html.escape
    title = scenario.title if scenario else "Live chat"
    rows = [
        f"<tr><th scope='row'>{e(label)}</th><td>{status}</td><td>{e(evidence)}</td>"
        f"<td>{'<br>'.join(f'Unit {u}: {e(c)}' for u, c in maps)}</td></tr>"
        for label, status, evidence, maps in _rows(feedback)
    ]
    turns = "".join(
        f"<tr><td>{at.strftime('%H:%M:%S') if (at := t.time) else ''}</td>"
        f"<th scope='row'>{'Adviser' if t.speaker == 'agent' else 'Customer'}</th>"
        f"<td>{e(t.text)}</td></tr>"
        for t in work.turns
    )
    findings = "".join(f"<li>{e(r)}</li>" for r in _rules(feedback)) or "<li>None.</li>"
    tips = "".join(f"<li>{e(t)}</li>" for t in improvements(feedback)) or "<li>Keep it up.</li>"
    crm_rows = "".join(
        f"<tr><th scope='row'>{e(k.replace('_', ' ').capitalize())}</th><td>{e(v)}</td></tr>"
        for k, v in (work.crm.as_dict() if work.crm else {}).items()
    )
    timed = timings(work.turns)
    timing = _timing_text(
        timed,
        "<p>First response {first:.0f} seconds; average response {average:.0f} seconds; "
        "handling time {handling:.0f} seconds.</p>",
    )
    patience = scenario.persona.patience_seconds if scenario else None
    return f"""<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><title>{e(title)}: live chat evidence</title>
<style>body{{font-family:sans-serif;max-width:60em;margin:2em auto;line-height:1.5}}
table{{border-collapse:collapse;margin:1em 0}}td,th{{border:1px solid #999;padding:4px 8px;
text-align:left;vertical-align:top}}</style></head><body>
<h1>Live chat evidence: {e(title)}</h1>
<p>Learner: {e(learner)}. Date: {when.strftime("%d %B %Y, %H:%M")}.
{f"Channel: {e(scenario.channel_label)}." if scenario else ""}</p>
<h2>Result: {_score(feedback)}% of the criteria that apply</h2>
<table><tr><th scope="col">Criterion</th><th scope="col">Result</th><th scope="col">Evidence</th>
<th scope="col">Assessment criteria it evidences</th></tr>{"".join(rows)}</table>
<h2>Rules broken</h2><ul>{findings}</ul>
<h2>Timings</h2>{timing}{response_chart_html(timed.response_times, patience)}
<h2>What to do better next time</h2><ol>{tips}</ol>
<h2>CRM contact record</h2>{f"<table>{crm_rows}</table>" if crm_rows else "<p>Not completed.</p>"}
<h2>Transcript</h2><table><tr><th scope="col">Time</th><th scope="col">Who</th>
<th scope="col">Message</th></tr>{turns}</table>
<p><small>Made with coursework-kit. The scenario is fictional.</small></p>
</body></html>
"""
