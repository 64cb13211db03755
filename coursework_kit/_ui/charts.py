"""Charts for the widgets: matplotlib, colour-blind-safe, labelled, never colour alone.

matplotlib is imported inside each function, so importing coursework_kit stays fast. Charts
are returned as HTML ``<img>`` tags with alt text, which every notebook front end shows and
screen readers can read.
"""

from __future__ import annotations

import base64
import html
import io
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["PALETTE", "bar_chart", "figure_html", "funnel_chart", "line_chart"]

# Okabe & Ito's palette, chosen to stay distinct for the common kinds of colour blindness.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
_MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")
_LINES = ("-", "--", "-.", ":", (0, (5, 1)), (0, (3, 1, 1, 1)), "-", "--")


def _figure(width: float = 7.0, height: float = 3.6) -> Figure:
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), dpi=100, layout="constrained")


def bar_chart(
    values: Mapping[str, float | None], *, title: str, ylabel: str, fmt: str = "{:,.2f}"
) -> Figure:
    """One bar per category, each labelled with its value ("n/a" where it does not apply)."""
    fig = _figure()
    ax = fig.add_subplot()
    names = list(values)
    heights = [v if v is not None else 0.0 for v in values.values()]
    bars = ax.bar(names, heights, color=PALETTE[0], edgecolor="black", linewidth=0.6)
    for bar, value in zip(bars, values.values(), strict=False):
        label = "n/a" if value is None else fmt.format(value)
        ax.annotate(
            label,
            (bar.get_x() + bar.get_width() / 2, bar.get_height()),
            ha="center",
            va="bottom",
            fontsize=9,
            xytext=(0, 2),
            textcoords="offset points",
        )
    ax.set_title(title)
    ax.set_ylabel(ylabel)
    ax.axhline(0, color="black", linewidth=0.6)
    ax.tick_params(axis="x", labelrotation=20)
    ax.margins(y=0.15)
    return fig


def line_chart(
    series: Mapping[str, Sequence[tuple[float, float | None]]],
    *,
    title: str,
    xlabel: str,
    ylabel: str,
) -> Figure:
    """One line per series, each with its own marker and dash pattern as well as colour."""
    fig = _figure(7.0, 4.0)
    ax = fig.add_subplot()
    for i, (name, points) in enumerate(series.items()):
        xs = [x for x, y in points if y is not None]
        ys = [y for _, y in points if y is not None]
        if xs:
            ax.plot(
                xs,
                ys,
                label=name,
                color=PALETTE[i % len(PALETTE)],
                marker=_MARKERS[i % len(_MARKERS)],
                linestyle=_LINES[i % len(_LINES)],
            )
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.grid(alpha=0.3)
    if ax.get_legend_handles_labels()[0]:
        ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return fig


def funnel_chart(stages: Sequence[tuple[str, int]], *, title: str) -> Figure:
    """A horizontal funnel: one bar per stage, labelled with the count and % of the stage before."""
    fig = _figure(7.0, 3.0)
    ax = fig.add_subplot()
    names = [name.capitalize() for name, _ in stages][::-1]
    counts = [count for _, count in stages][::-1]
    ax.barh(names, counts, color=PALETTE[2], edgecolor="black", linewidth=0.6)
    ax.set_xscale("log")
    previous = None
    labels = []
    for _, count in stages:
        share = f" ({count / previous:.1%} of the stage before)" if previous else ""
        labels.append(f"{count:,}{share}")
        previous = count or None
    for y, label in zip(range(len(stages)), labels[::-1], strict=False):
        ax.annotate(
            label,
            (counts[y] if counts[y] else 1, y),
            xytext=(4, 0),
            textcoords="offset points",
            va="center",
            fontsize=9,
        )
    ax.set_title(title)
    ax.set_xlabel("Number of people or actions (log scale: each step is 10 times the last)")
    ax.margins(x=0.6)
    return fig


def figure_html(fig: Figure, alt: str) -> str:
    """The figure as an ``<img>`` tag (PNG) with ``alt`` text; the figure is then released."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    return (
        f"<img src='data:image/png;base64,{data}' alt='{html.escape(alt, quote=True)}' "
        "style='max-width:100%;height:auto'>"
    )
