"""A dated HTML page of one chat for the learner's portfolio: transcript, criteria with what
they map to, timings, a chart of response times, next steps and the CRM record."""

from __future__ import annotations

import html
from collections.abc import Mapping
from datetime import datetime

from coursework_kit import charts
from coursework_kit.chat.scenario import Scenario
from coursework_kit.chat.transcript import TranscriptReport, criteria_catalogue

__all__ = ["portfolio_html", "response_chart_html"]


def response_chart_html(report: TranscriptReport, patience: int | None = None) -> str:
    """A bar chart of how long the customer waited for each reply, with a text alternative."""
    if not report.response_times:
        return "<p>No timings were recorded (practice mode or no replies).</p>"
    values = {f"Reply {i}": s for i, s in enumerate(report.response_times, start=1)}
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


def portfolio_html(
    report: TranscriptReport,
    scenario: Scenario | None,
    *,
    learner: str,
    crm: Mapping[str, str] | None = None,
    when: datetime | None = None,
) -> str:
    """The whole page as HTML text."""
    when = when or datetime.now().astimezone()
    e = html.escape
    title = scenario.title if scenario else "Live chat"
    rows = []
    for key, result in report.criteria.items():
        info = criteria_catalogue()[key]
        maps = "<br>".join(f"Unit {u}: {e(c)}" for u, c in info.maps_to)
        rows.append(
            f"<tr><th scope='row'>{e(info.label)}</th><td>{result.status}</td>"
            f"<td>{e(result.evidence)}</td><td>{maps}</td></tr>"
        )
    turns = "".join(
        f"<tr><td>{at.strftime('%H:%M:%S') if at else ''}</td>"
        f"<th scope='row'>{'Adviser' if who == 'agent' else 'Customer'}</th><td>{e(text)}</td></tr>"
        for who, text, at in report.turns
    )
    findings = "".join(f"<li>{e(str(f))}</li>" for f in report.findings) or "<li>None.</li>"
    tips = "".join(f"<li>{e(t)}</li>" for t in report.improvements) or "<li>Keep it up.</li>"
    crm_rows = "".join(
        f"<tr><th scope='row'>{e(k.replace('_', ' ').capitalize())}</th><td>{e(v)}</td></tr>"
        for k, v in (crm or {}).items()
    )
    timing = ""
    if report.first_response_seconds is not None:
        timing = (
            f"<p>First response {report.first_response_seconds:.0f} seconds; average "
            f"response {report.average_response_seconds or 0:.0f} seconds; handling time "
            f"{report.handling_seconds or 0:.0f} seconds.</p>"
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
<h2>Result: {report.score}% of the criteria that apply</h2>
<table><tr><th scope="col">Criterion</th><th scope="col">Result</th><th scope="col">Evidence</th>
<th scope="col">Assessment criteria it evidences</th></tr>{"".join(rows)}</table>
<h2>Rules broken</h2><ul>{findings}</ul>
<h2>Timings</h2>{timing}{response_chart_html(report, patience)}
<h2>What to do better next time</h2><ol>{tips}</ol>
<h2>CRM contact record</h2>{f"<table>{crm_rows}</table>" if crm_rows else "<p>Not completed.</p>"}
<h2>Transcript</h2><table><tr><th scope="col">Time</th><th scope="col">Who</th>
<th scope="col">Message</th></tr>{turns}</table>
<p><small>Made with coursework-kit. The scenario is fictional.</small></p>
</body></html>
"""
