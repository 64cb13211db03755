"""The planner's charts as HTML: returns by channel, and each channel's funnel with the working.

Both are images with alt text that says what they show, so a screen reader gives the same
figures; the exported summary uses them too.
"""

from __future__ import annotations

import html

from coursework_kit._ui import charts
from coursework_kit._ui.snippets import status
from coursework_kit.metrics.channels import channel_label
from coursework_kit.planning.projection import Projection, show

__all__ = ["charts_html", "funnel_html"]


def charts_html(found: Projection, *, funnel: bool = True) -> str:
    """The chart of projected ROAS by channel and, with ``funnel``, every channel's funnel."""
    values = {channel_label(c.name): c.roas for c in found.channels}
    fig = charts.bar_chart(
        values, title="Projected return on ad spend by channel", ylabel="£ back per £1 spent"
    )
    described = ", ".join(f"{n} {show(v, 'ratio')}" for n, v in values.items())
    parts = [charts.figure_html(fig, f"Bar chart of projected ROAS by channel: {described}.")]
    if funnel:
        parts += [funnel_html(found, c.name) for c in found.channels]
    return "".join(parts)


def funnel_html(found: Projection, channel: str) -> str:
    """One channel's projected funnel, with how its figures were worked out."""
    item = found.channel(channel)
    name = channel_label(channel)
    if not item.impressions:
        return status(f"{name} has no budget in this plan, so there is no funnel to show.")
    stages = [
        ("impressions", item.impressions),
        ("clicks", item.clicks),
        ("orders", item.conversions),
    ]
    fig = charts.funnel_chart(stages, title=f"Projected funnel: {name}")
    described = ", ".join(f"{stage} {count:,}" for stage, count in stages)
    working = "".join(f"<li>{html.escape(s)}</li>" for s in item.working)
    return (
        charts.figure_html(fig, f"Funnel for {name}: {described}.")
        + f"<p>How the figures for {html.escape(name)} were worked out:</p><ul>{working}</ul>"
    )
