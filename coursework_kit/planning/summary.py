"""A plan written down: a one-page HTML summary, and a plain record to save as evidence."""

from __future__ import annotations

import html
from datetime import datetime
from typing import Any

from coursework_kit._english import count
from coursework_kit.metrics.channels import channel_label
from coursework_kit.planning.plan import OBJECTIVES, CampaignPlan
from coursework_kit.planning.projection import Projection, project, show

__all__ = ["plan_record", "summary_html"]

_PAGE = """<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>{title}</title>
<style>
body {{ font-family: system-ui, sans-serif; max-width: 60em; margin: 1em auto; line-height: 1.4; }}
table {{ border-collapse: collapse; margin: 0.5em 0; }}
th, td {{ border: 1px solid #999; padding: 2px 6px; text-align: right; }}
th[scope=row], th[scope=col] {{ background: #f2f2f2; }}
caption {{ font-weight: bold; text-align: left; }}
@media print {{ body {{ margin: 0; font-size: 10pt; }} img {{ max-height: 9cm; }} }}
</style>
</head>
<body>
{body}
</body>
</html>
"""


def plan_record(plan: CampaignPlan) -> dict[str, Any]:
    """The plan as plain data (text, numbers, lists) that can be saved as JSON."""
    return {
        "name": plan.name,
        "objective": plan.objective,
        "audience": plan.audience,
        "budget": plan.budget,
        "start": plan.start.isoformat(),
        "end": plan.end.isoformat(),
        "channels": [
            {
                "name": c.name,
                "share": c.share,
                "cost_model": c.cost_model,
                "cost": c.cost,
                "ctr": c.ctr,
                "conversion_rate": c.conversion_rate,
                "aov": c.aov,
                "new_customer_rate": c.new_customer_rate,
            }
            for c in plan.channels
        ],
    }


def _table(rows: list[dict[str, str]], caption: str) -> str:
    head = "".join(f"<th scope='col'>{html.escape(k)}</th>" for k in rows[0])
    body = "".join(
        "<tr>"
        + "".join(
            f"<th scope='row'>{html.escape(v)}</th>" if i == 0 else f"<td>{html.escape(v)}</td>"
            for i, v in enumerate(row.values())
        )
        + "</tr>"
        for row in rows
    )
    return f"<table><caption>{html.escape(caption)}</caption><tr>{head}</tr>{body}</table>"


def summary_html(
    plan: CampaignPlan,
    *,
    author: str = "",
    charts: str = "",
    projection: Projection | None = None,
) -> str:
    """A complete one-page HTML document summarising ``plan`` and its projection.

    ``charts`` is HTML (``<img>`` tags with alt text) placed after the tables.
    """
    found = projection or project(plan)
    assumptions = [
        {
            "Channel": channel_label(c.name),
            "Share of budget": f"{c.share:g}%",
            "Spend": show(plan.spend(c.name), "pounds"),
            "Price": f"{c.cost_model.upper()} £{c.cost:,.2f}",
            "CTR": f"{c.ctr:g}%",
            "Conversion rate": f"{c.conversion_rate:g}%",
            "AOV": show(c.aov, "pounds"),
            "New customers": f"{c.new_customer_rate:g}% of orders",
        }
        for c in plan.channels
    ]
    made = datetime.now().astimezone().strftime("%d %B %Y at %H:%M")
    parts = [
        f"<h1>Campaign plan: {html.escape(plan.name)}</h1>",
        f"<p>Prepared {'by ' + html.escape(author) + ' ' if author else ''}on {made}. "
        "Figures are projections from stated assumptions, not results.</p>",
        "<ul>",
        f"<li><strong>Objective:</strong> {html.escape(plan.objective)}; judge it by "
        f"{html.escape(OBJECTIVES[plan.objective])}.</li>",
        f"<li><strong>Audience:</strong> {html.escape(plan.audience)}</li>",
        f"<li><strong>Budget:</strong> {show(plan.budget, 'pounds')}, of which "
        f"{plan.allocated:g}% is allocated ({plan.unallocated:g}% unallocated).</li>",
        f"<li><strong>Dates:</strong> {plan.start:%d %B %Y} to {plan.end:%d %B %Y} "
        f"({count(plan.days, 'day')}).</li>",
        "</ul>",
    ]
    if assumptions:
        parts.append(_table(assumptions, "Channels and assumptions"))
        parts.append(_table(found.table(), "Projected funnel and returns"))
    else:
        parts.append("<p>No channels have been added yet.</p>")
    parts.append(charts)
    parts.append(
        "<p><small>Made with coursework-kit. Harbour &amp; Pine and its figures are made up "
        "for teaching.</small></p>"
    )
    return _PAGE.format(title=html.escape(f"Campaign plan: {plan.name}"), body="\n".join(parts))
