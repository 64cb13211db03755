"""Channel performance: conversion rate, average order value (AOV), customer acquisition cost
(CAC) and return on investment (ROI) for each channel, from the campaign table.

Every figure comes from the metric functions in :mod:`coursework_kit.metrics`, worked out from
totals over all the weeks (never by averaging weekly rates); a channel's ROI comes from
:func:`~coursework_kit.metrics.channels.channel_roi`, as everywhere else. A figure that does not
apply, such as ROI for a channel with no spend, is None and shown as "n/a".
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from coursework_kit.errors import CourseworkError
from coursework_kit.metrics.channels import (
    by_channel,
    channel_label,
    reasons,
    shown_not_applicable,
)

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["MEASURES", "ChannelRow", "ChannelTable", "channel_metrics"]

# metric id -> (column heading, how to show it)
MEASURES = {
    "conversion_rate": ("Conversion rate", "{:.2f}%"),
    "aov": ("AOV", "£{:,.2f}"),
    "cac": ("CAC", "£{:,.2f}"),
    "roi": ("ROI", "{:,.1f}%"),
}


@dataclass(frozen=True)
class ChannelRow:
    """One channel's measures; ``reasons`` says why a measure that is None does not apply."""

    channel: str
    conversion_rate: float | None
    aov: float | None
    cac: float | None
    roi: float | None
    reasons: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    @property
    def label(self) -> str:
        return channel_label(self.channel)

    def shown(self, measure: str) -> str:
        """The measure as the table shows it: "£12.50", or "n/a (no spend)" with the reason."""
        value = getattr(self, measure)
        if value is None:
            return shown_not_applicable(self.reasons.get(measure, ""))
        return MEASURES[measure][1].format(value)


@dataclass(frozen=True)
class ChannelTable:
    """One row per channel, with the four measures."""

    rows: tuple[ChannelRow, ...]

    def row(self, channel: str) -> ChannelRow:
        for row in self.rows:
            if row.channel == channel:
                return row
        raise CourseworkError(f"There is no channel {channel!r} in this table.")

    def best(self, measure: str) -> str:
        """The channel with the best figure for ``measure`` (lowest for CAC, else highest)."""
        if measure not in MEASURES:
            raise CourseworkError(f"Choose one of {', '.join(MEASURES)}, not {measure!r}.")
        scored = [
            (getattr(r, measure), r.channel) for r in self.rows if getattr(r, measure) is not None
        ]
        if not scored:
            raise CourseworkError(f"No channel has a figure for {MEASURES[measure][0]}.")
        return (min(scored) if measure == "cac" else max(scored))[1]

    def __repr__(self) -> str:
        head = f"{'Channel':<16}" + "".join(f"{MEASURES[m][0]:>17}" for m in MEASURES)
        lines = [
            f"{r.label:<16}" + "".join(f"{r.shown(m):>17}" for m in MEASURES) for r in self.rows
        ]
        return "\n".join([head, *lines])

    def _repr_html_(self) -> str:
        head = "".join(f"<th scope='col'>{MEASURES[m][0]}</th>" for m in MEASURES)
        body = "".join(
            f"<tr><th scope='row' style='text-align:left'>{html.escape(r.label)}</th>"
            + "".join(f"<td style='text-align:right'>{r.shown(m)}</td>" for m in MEASURES)
            + "</tr>"
            for r in self.rows
        )
        return (
            "<table><caption>Channel performance, all weeks</caption>"
            f"<tr><th scope='col'>Channel</th>{head}</tr>{body}</table>"
            "<p><small>Conversion rate = conversions ÷ sessions × 100; AOV = revenue ÷ orders; "
            "CAC = spend ÷ new customers; ROI = (revenue − spend) ÷ spend × 100. "
            "n/a: the measure does not apply, for the reason given (organic social has no spend "
            "counted, because staff time is not included).</small></p>"
        )


def channel_metrics(frame: pd.DataFrame) -> ChannelTable:
    """The four measures for each channel in the campaign table ``frame``."""
    missing = {"channel", "conversions", "sessions", "revenue", "orders", "spend", "new_customers"}
    missing -= set(frame.columns)
    if missing:
        raise CourseworkError(
            f"This table has no {', '.join(sorted(missing))} column: use load_campaigns()."
        )
    figures = {measure: by_channel(frame, measure) for measure in MEASURES}
    why = {measure: reasons(frame, measure) for measure in MEASURES}
    return ChannelTable(
        tuple(
            ChannelRow(
                channel=channel,
                conversion_rate=figures["conversion_rate"][channel],
                aov=figures["aov"][channel],
                cac=figures["cac"][channel],  # None with no spend (organic social)
                roi=figures["roi"][channel],
                reasons={m: why[m][channel] for m in MEASURES if why[m][channel]},
            )
            for channel in figures["conversion_rate"]
        )
    )
