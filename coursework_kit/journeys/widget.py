"""The customer journey mapper: pick touchpoints per stage, mark friction points and
opportunities, and see the map drawn as a chart with feedback.

Thin by design: the rules are in ``mapping.py``. Every action is a method, so tests drive the
widget without a browser. The chart uses marker shapes and F1/O1 labels as well as colour.
"""

from __future__ import annotations

import html
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING, Any

import ipywidgets as w

from coursework_kit._display import alert, fit_width, save_evidence, wide
from coursework_kit.charts import PALETTE, figure_html
from coursework_kit.errors import CourseworkError
from coursework_kit.evidence import Evidence
from coursework_kit.journeys.mapping import (
    Catalogue,
    Friction,
    JourneyError,
    JourneyMap,
    MapFeedback,
    Opportunity,
    describe_map,
    load_catalogue,
    validate_map,
)

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["JourneyMapper", "journey_chart"]

ACTIVITY = "journey-map"
_STYLE = {"description_width": "8em"}
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


class JourneyMapper(w.VBox):  # type: ignore[misc]
    """Map a Harbour & Pine customer's journey from awareness to loyalty."""

    def __init__(self, *, folder: str | Path | None = None) -> None:
        self.catalogue = load_catalogue()
        self.evidence = (
            Evidence(ACTIVITY) if folder is None else Evidence(ACTIVITY, folder=Path(folder))
        )
        self._attempt = self.evidence.next_attempt()
        self.frictions: list[Friction] = []
        self.opportunities: list[Opportunity] = []
        self.feedback: MapFeedback | None = None
        self._boxes: dict[str, dict[str, w.Checkbox]] = {}
        rows: list[Any] = [
            w.HTML("<p><strong>1. Choose the touchpoints at each stage</strong></p>")
        ]
        for stage in self.catalogue.stages:
            boxes = {
                t.id: w.Checkbox(value=False, description=t.label, indent=False)
                for t in self.catalogue.offered(stage.id)
            }
            for box in boxes.values():
                box.observe(lambda _c: self._changed(), names="value")
            self._boxes[stage.id] = boxes
            rows += [
                w.HTML(
                    f"<p><strong>{html.escape(stage.label)}</strong>: "
                    f"{html.escape(stage.question)}</p>"
                ),
                w.Box(list(boxes.values()), layout=w.Layout(flex_flow="row wrap")),
            ]
        stages = [(s.label, s.id) for s in self.catalogue.stages]
        self._f_stage = w.Dropdown(options=stages, description="Stage", style=_STYLE)
        self._f_touch = w.Dropdown(description="Touchpoint", style=_STYLE)
        self._f_text = w.Text(
            description="What goes wrong", style=_STYLE, layout=wide(),
            placeholder="e.g. the returns form asks for an order number shop buyers do not have",
        )  # fmt: skip
        self._o_stage = w.Dropdown(options=stages, description="Stage", style=_STYLE)
        self._o_touch = w.Dropdown(description="Touchpoint", style=_STYLE)
        self._o_text = w.Text(
            description="Your idea", style=_STYLE, layout=wide(),
            placeholder="e.g. keep shop receipts in the customer's online account",
        )  # fmt: skip
        self._o_fixes = w.Dropdown(description="It fixes", style=_STYLE)
        for stage_box, touch_box in (
            (self._f_stage, self._f_touch),
            (self._o_stage, self._o_touch),
        ):
            stage_box.observe(lambda _c, s=stage_box, t=touch_box: self._offer(s, t), names="value")
            self._offer(stage_box, touch_box)
        add_f = w.Button(description="Add friction point")
        add_f.on_click(lambda _b: self._add_friction_from_form())
        add_o = w.Button(description="Add opportunity")
        add_o.on_click(lambda _b: self._add_opportunity_from_form())
        draw = w.Button(description="Check and draw my map", button_style="primary")
        draw.on_click(lambda _b: self.check())
        self._marks, self._message, self._feedback, self._chart, self._saved = (
            w.HTML(), w.HTML(), w.HTML(), w.HTML(), w.HTML(),
        )  # fmt: skip
        super().__init__(
            [
                *rows,
                w.HTML("<p><strong>2. Mark friction points</strong> (where people get stuck)</p>"),
                self._f_stage, self._f_touch, self._f_text, add_f,
                w.HTML("<p><strong>3. Add opportunities</strong> (changes that would help)</p>"),
                self._o_stage, self._o_touch, self._o_text, self._o_fixes, add_o,
                self._marks, self._message, draw, self._feedback, self._chart, self._saved,
            ]
        )  # fmt: skip
        self.add_class("ck-journey-mapper")
        fit_width(self)
        self._refresh()

    # -- the learner's actions ----------------------------------------------------------------

    def choose_touchpoints(self, stage: str, touchpoints: list[str]) -> None:
        """Tick exactly these touchpoints at ``stage`` (ids, e.g. ["social-ad", "search-ad"])."""
        self.catalogue.stage(stage)
        boxes = self._boxes[stage]
        unknown = [t for t in touchpoints if t not in boxes]
        if unknown:
            raise JourneyError(
                f"{', '.join(unknown)} cannot be placed at {self.catalogue.stage(stage).label}; "
                f"choose from {', '.join(boxes)}."
            )
        for touchpoint, box in boxes.items():
            box.value = touchpoint in touchpoints

    def add_friction(self, stage: str, touchpoint: str, problem: str) -> int:
        """Mark a friction point; returns its number (1 for F1)."""
        self._known(stage, touchpoint)
        self.frictions.append(Friction(stage, touchpoint, problem.strip()))
        self._changed()
        return len(self.frictions)

    def add_opportunity(
        self, stage: str, touchpoint: str, idea: str, *, fixes: int | None = None
    ) -> int:
        """Add an opportunity, optionally saying which friction point number it fixes."""
        self._known(stage, touchpoint)
        if fixes is not None and not 1 <= fixes <= len(self.frictions):
            raise JourneyError(f"There is no friction point F{fixes} to fix.")
        self.opportunities.append(Opportunity(stage, touchpoint, idea.strip(), fixes))
        self._changed()
        return len(self.opportunities)

    def remove_friction(self, number: int) -> None:
        """Remove F``number``; later ones move up and opportunities follow their friction."""
        if not 1 <= number <= len(self.frictions):
            raise JourneyError(f"There is no friction point F{number}.")
        del self.frictions[number - 1]
        self.opportunities = [
            Opportunity(o.stage, o.touchpoint, o.idea, _renumber(o.fixes, number))
            for o in self.opportunities
        ]
        self._changed()

    def remove_opportunity(self, number: int) -> None:
        if not 1 <= number <= len(self.opportunities):
            raise JourneyError(f"There is no opportunity O{number}.")
        del self.opportunities[number - 1]
        self._changed()

    @property
    def journey_map(self) -> JourneyMap:
        return JourneyMap(
            touchpoints={
                stage: tuple(t for t, box in boxes.items() if box.value)
                for stage, boxes in self._boxes.items()
            },
            frictions=tuple(self.frictions),
            opportunities=tuple(self.opportunities),
        )

    def check(self) -> MapFeedback:
        """Press "Check and draw my map": feedback, the chart, and the map saved as evidence."""
        journey = self.journey_map
        self.feedback = validate_map(journey, self.catalogue)
        self._feedback.value = self.feedback._repr_html_()
        self._chart.value = self.chart_html()
        self._save()
        return self.feedback

    def chart_html(self) -> str:
        """The map as a chart, with the whole map in words as its alt text."""
        journey = self.journey_map
        return figure_html(
            journey_chart(journey, self.catalogue), describe_map(journey, self.catalogue)
        )

    # -- display and saving -------------------------------------------------------------------

    def _known(self, stage: str, touchpoint: str) -> None:
        offered = [t.id for t in self.catalogue.offered(stage)]
        if touchpoint not in offered:
            raise JourneyError(
                f"{touchpoint!r} is not a touchpoint at {self.catalogue.stage(stage).label}; "
                f"choose from {', '.join(offered)}."
            )

    def _offer(self, stage_box: w.Dropdown, touch_box: w.Dropdown) -> None:
        touch_box.options = [(t.label, t.id) for t in self.catalogue.offered(str(stage_box.value))]

    def _add_friction_from_form(self) -> None:
        self._from_form(
            lambda: self.add_friction(
                str(self._f_stage.value), str(self._f_touch.value), self._f_text.value
            ),
            self._f_text,
        )

    def _add_opportunity_from_form(self) -> None:
        self._from_form(
            lambda: self.add_opportunity(
                str(self._o_stage.value), str(self._o_touch.value), self._o_text.value,
                fixes=self._o_fixes.value,
            ),
            self._o_text,
        )  # fmt: skip

    def _from_form(self, action: Any, text_box: w.Text) -> None:
        if not text_box.value.strip():
            self._message.value = alert("Type a few words first.")
            return
        try:
            action()
        except CourseworkError as exc:
            self._message.value = alert(str(exc))
            return
        text_box.value = ""
        self._message.value = ""

    def _changed(self) -> None:
        self.feedback = None  # the map changed: earlier feedback no longer applies
        self._refresh()
        self._save()

    def _refresh(self) -> None:
        self._o_fixes.options = [("Nothing (a new idea)", None)] + [
            (f"F{n}: {textwrap.shorten(f.problem, 40)}", n)
            for n, f in enumerate(self.frictions, start=1)
        ]
        label = self.catalogue.label
        items = [
            f"<li><strong>F{n}</strong> (friction, {html.escape(label(f.touchpoint))}): "
            f"{html.escape(f.problem)}</li>"
            for n, f in enumerate(self.frictions, start=1)
        ] + [
            f"<li><strong>O{n}</strong> (opportunity, {html.escape(label(o.touchpoint))}"
            + (f", fixes F{o.fixes}" if o.fixes else "")
            + f"): {html.escape(o.idea)}</li>"
            for n, o in enumerate(self.opportunities, start=1)
        ]
        self._marks.value = f"<ul>{''.join(items)}</ul>" if items else ""

    def _save(self) -> None:
        data: dict[str, Any] = {"map": self.journey_map.to_dict()}
        if self.feedback is not None:
            data["complete"] = self.feedback.complete
            data["feedback"] = [f.message for f in self.feedback.findings]
        outcome, message = save_evidence(self.evidence, self._attempt, data)
        if outcome is None or outcome.saved:
            self._saved.value = message
        if outcome and outcome.saved:
            self._attempt = outcome.attempt


def _renumber(fixes: int | None, removed: int) -> int | None:
    if fixes is None or fixes == removed:
        return None
    return fixes - 1 if fixes > removed else fixes
