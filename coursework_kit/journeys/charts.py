"""The journey map drawn as a chart: stages left to right, touchpoints as boxes, friction
points and opportunities marked beside them with shapes and F1/O1 labels as well as colour."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from coursework_kit._ui.charts import PALETTE
from coursework_kit.journeys.mapping import Catalogue, Friction, JourneyMap, Opportunity

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["journey_chart"]

_FRICTION = PALETTE[5]  # vermillion
_OPPORTUNITY = PALETTE[2]  # bluish green
_TOUCHPOINT = PALETTE[0]  # blue


def _column(journey: JourneyMap, stage: str) -> list[str]:
    """The touchpoints drawn in a stage's column: those chosen, then any only marked there."""
    ids = list(journey.touchpoints.get(stage, ()))
    marks: list[Friction | Opportunity] = [*journey.frictions, *journey.opportunities]
    for mark in marks:
        if mark.stage == stage and mark.touchpoint not in ids:
            ids.append(mark.touchpoint)
    return ids


def journey_chart(journey: JourneyMap, catalogue: Catalogue) -> Figure:
    """Stages left to right, touchpoints as boxes, friction (X, "F1") and opportunity (star,
    "O1") markers beside the touchpoint they belong to."""
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    columns = {s.id: _column(journey, s.id) for s in catalogue.stages}
    depth = max([len(ids) for ids in columns.values()] + [1])
    fig = Figure(figsize=(10, 1.6 + 1.05 * depth), dpi=100, layout="constrained")
    ax = fig.add_subplot()
    for x, stage in enumerate(catalogue.stages):
        ax.text(x, -0.15, stage.label, ha="center", va="center", fontsize=11, fontweight="bold")
        if x:
            ax.annotate(
                "", (x - 0.42, -0.15), (x - 0.58, -0.15), arrowprops={"arrowstyle": "->", "lw": 1.2}
            )
        chosen = set(journey.touchpoints.get(stage.id, ()))
        if not columns[stage.id]:
            ax.text(x, -0.88, "(none yet)", ha="center", va="center", fontsize=8, style="italic")
        for row, touchpoint in enumerate(columns[stage.id], start=1):
            y = -row
            ax.text(
                x,
                y + 0.12,
                textwrap.fill(catalogue.label(touchpoint), 18),
                ha="center",
                va="center",
                fontsize=8,
                bbox={
                    "boxstyle": "round,pad=0.3",
                    "facecolor": "white",
                    "edgecolor": _TOUCHPOINT,
                    "linestyle": "-" if touchpoint in chosen else "--",
                },
            )
            marks = [
                ("X", _FRICTION, f"F{n}")
                for n, f in enumerate(journey.frictions, start=1)
                if (f.stage, f.touchpoint) == (stage.id, touchpoint)
            ] + [
                ("*", _OPPORTUNITY, f"O{n}")
                for n, o in enumerate(journey.opportunities, start=1)
                if (o.stage, o.touchpoint) == (stage.id, touchpoint)
            ]
            for i, (marker, colour, label) in enumerate(marks):
                mx = x - 0.35 + 0.24 * (i % 4)
                my = y - 0.38 - 0.22 * (i // 4)
                ax.plot(mx, my, marker=marker, color=colour, markersize=9, markeredgecolor="black")
                ax.text(mx + 0.05, my, label, fontsize=8, va="center", ha="left")
    ax.set_xlim(-0.6, len(catalogue.stages) - 0.4)
    ax.set_ylim(-depth - 0.9, 0.15)
    ax.axis("off")
    ax.set_title("Customer journey map")
    ax.legend(
        handles=[
            Line2D([], [], marker="s", linestyle="", markerfacecolor="white",
                   markeredgecolor=_TOUCHPOINT, label="Touchpoint (dashed: not chosen yet)"),
            Line2D([], [], marker="X", linestyle="", color=_FRICTION, markeredgecolor="black",
                   label="Friction point F1, F2..."),
            Line2D([], [], marker="*", linestyle="", color=_OPPORTUNITY,
                   markeredgecolor="black", label="Opportunity O1, O2..."),
        ],
        loc="upper center",
        bbox_to_anchor=(0.5, -0.02),
        ncol=3,
        fontsize=8,
        frameon=False,
    )  # fmt: skip
    return fig
