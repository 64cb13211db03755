"""The channel dashboard widget: a metric by channel (bars), by week (lines), and the funnel.

The numbers come from :mod:`.channels`; the drawing from :mod:`coursework_kit._ui.charts`. Each
chart has alt text and a table of its figures beneath, so nothing depends on seeing colour.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

import ipywidgets as w

from coursework_kit._ui import charts
from coursework_kit._ui.layout import fit_width, wide
from coursework_kit.metrics import channels
from coursework_kit.metrics.calculation import metric_specs
from coursework_kit.metrics.formatting import format_value

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["ChannelDashboard"]

_AXIS = {"percent": "%", "pounds": "£", "ratio": "£ back per £1 spent"}


class ChannelDashboard(w.VBox):  # type: ignore[misc]
    """Choose a metric to compare channels; choose a channel to see its funnel."""

    def __init__(self, data: pd.DataFrame | None = None, *, metric: str = "ctr") -> None:
        if data is None:
            from coursework_kit.datasets import load_campaigns

            data = load_campaigns()
        self.data = data
        specs = metric_specs()
        self._metric = w.Dropdown(
            options=[(specs[m].label, m) for m in channels.CHANNEL_METRICS],
            value=metric,
            description="Metric",
            style={"description_width": "initial"},
            layout=wide("30em"),
        )
        names = [str(c) for c in data["channel"].unique()]
        self._channel = w.Dropdown(
            options=[("All channels", "")] + [(channels.channel_label(c), c) for c in names],
            value="",
            description="Funnel for",
            style={"description_width": "initial"},
            layout=wide("30em"),
        )
        self._bars, self._lines, self._funnel = w.HTML(), w.HTML(), w.HTML()
        self._metric.observe(lambda _change: self._draw_metric(), names="value")
        self._channel.observe(lambda _change: self._draw_funnel(), names="value")
        super().__init__([self._metric, self._bars, self._lines, self._channel, self._funnel])
        self.add_class("ck-channel-dashboard")
        fit_width(self)
        self._draw_metric()
        self._draw_funnel()

    def select(self, metric: str) -> None:
        """Show ``metric`` (e.g. "roi") by channel and by week."""
        self._metric.value = metric

    def select_channel(self, channel: str | None) -> None:
        """Show the funnel for one channel, or for all channels with None."""
        self._channel.value = channel or ""

    @property
    def shown(self) -> dict[str, str]:
        """What the learner sees (HTML): the bar chart with its table of figures ("bars"), the
        line chart ("lines") and the funnel ("funnel")."""
        return {
            "bars": str(self._bars.value),
            "lines": str(self._lines.value),
            "funnel": str(self._funnel.value),
        }

    @property
    def values(self) -> dict[str, float | None]:
        """The figures behind the bar chart now shown."""
        return channels.by_channel(self.data, str(self._metric.value))

    def _draw_metric(self) -> None:
        metric = str(self._metric.value)
        spec = metric_specs()[metric]
        why = channels.reasons(self.data, metric)
        shown = {
            channels.channel_label(c): (
                channels.shown_not_applicable(why[c]) if v is None else format_value(v, spec.unit)
            )
            for c, v in self.values.items()
        }
        values = {channels.channel_label(c): v for c, v in self.values.items()}
        unit = _AXIS.get(spec.unit, spec.unit)
        bars = charts.bar_chart(
            values, title=f"{spec.label} by channel, all weeks", ylabel=f"{spec.label} ({unit})"
        )
        rows = "".join(
            f"<tr><th scope='row'>{html.escape(c)}</th><td>{html.escape(text)}</td></tr>"
            for c, text in shown.items()
        )
        described = ", ".join(f"{c} {text}" for c, text in shown.items())
        self._bars.value = (
            charts.figure_html(bars, f"Bar chart of {spec.label} by channel: {described}.")
            + f"<table><caption>{html.escape(spec.label)} by channel</caption>"
            f"<tr><th scope='col'>Channel</th><th scope='col'>{html.escape(spec.label)}</th></tr>"
            f"{rows}</table>"
        )
        weekly = {
            channels.channel_label(c): p for c, p in channels.by_week(self.data, metric).items()
        }
        lines = charts.line_chart(
            weekly,
            title=f"{spec.label} week by week",
            xlabel="Week of the campaign",
            ylabel=f"{spec.label} ({unit})",
        )
        self._lines.value = charts.figure_html(
            lines, f"Line chart of {spec.label} for each channel across the weeks."
        )

    def _draw_funnel(self) -> None:
        channel = str(self._channel.value) or None
        stages = channels.funnel(self.data, channel)
        name = channels.channel_label(channel) if channel else "All channels"
        fig = charts.funnel_chart(stages, title=f"Funnel: {name}, all weeks")
        described = ", ".join(f"{stage} {count:,}" for stage, count in stages)
        self._funnel.value = charts.figure_html(fig, f"Funnel for {name}: {described}.")
