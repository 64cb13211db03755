"""Widgets for planning integrated campaigns: the campaign planner, a matching activity and a
marketing automation journey builder.

Thin by design: the planning, marking and PECR rules are in the pure modules beside this one.
Every user action is a method (``set_allocation``, ``set_assumption``, ``export``, ``choose``,
``check``, ``add_message``...), so tests drive the widgets without a browser. Work is saved
through :class:`coursework_kit.evidence.Evidence`.
"""

from __future__ import annotations

import html
import re
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import ipywidgets as w

from coursework_kit import charts
from coursework_kit._atomic import write_text
from coursework_kit._display import alert, fit_width, save_evidence, status, wide
from coursework_kit.campaigns.activities import Activity, ActivityResult, load_activity
from coursework_kit.campaigns.history import sample_plan
from coursework_kit.campaigns.journey import (
    CHANNELS,
    JourneyCheck,
    JourneyStep,
    check_journey,
    journey_library,
)
from coursework_kit.campaigns.plan import ASSUMPTIONS, CampaignPlan
from coursework_kit.campaigns.projection import Projection, project, show
from coursework_kit.campaigns.summary import plan_record, summary_html
from coursework_kit.errors import CourseworkError
from coursework_kit.evidence import Evidence
from coursework_kit.metrics.channels import channel_label

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["CampaignPlanner", "JourneyBuilder", "MatchingActivity"]

_STYLE = {"description_width": "initial"}


def _evidence(activity: str, folder: str | Path | None) -> Evidence:
    return Evidence(activity) if folder is None else Evidence(activity, folder=Path(folder))


def _save(evidence: Evidence, attempt: int, data: dict[str, Any], shown: w.HTML) -> int:
    """Save ``data``; show where it went (or the problem). Returns the attempt now in use."""
    outcome, shown.value = save_evidence(evidence, attempt, data)
    return outcome.attempt if outcome else attempt


class CampaignPlanner(w.VBox):  # type: ignore[misc]
    """Share a budget across channels and see the projected funnel and returns change."""

    def __init__(
        self,
        plan: CampaignPlan | None = None,
        *,
        data: pd.DataFrame | None = None,
        folder: str | Path | None = None,
        export_folder: str | Path | None = None,
        author: str = "",
    ) -> None:
        self.plan = plan if plan is not None else sample_plan(data)
        self.evidence = _evidence("campaign-plan", folder)
        self.export_folder = Path.cwd() if export_folder is None else Path(export_folder)
        self.author = author
        self._attempt = self.evidence.next_attempt()
        self._syncing = False
        # Typed boxes rather than sliders: a slider's handle has no name a screen reader can
        # read out, and a typed share is exact.
        self._shares: dict[str, w.BoundedFloatText] = {}
        for channel in self.plan.channels:
            box = w.BoundedFloatText(
                value=channel.share,
                min=0,
                max=100,
                step=1,
                description=channel_label(channel.name),
                tooltip=f"{channel_label(channel.name)}: share of the budget, as a percentage",
                style={"description_width": "8em"},
                layout=wide("20em"),
            )
            box.observe(self._share_typed(channel.name), names="value")
            self._shares[channel.name] = box
        self._unallocated, self._message, self._saved = w.HTML(), w.HTML(), w.HTML()
        names = [(channel_label(c.name), c.name) for c in self.plan.channels]
        self._channel = w.Dropdown(options=names, description="Channel", style=_STYLE)
        self._assumption = w.Dropdown(
            options=[(label, key) for key, label in ASSUMPTIONS.items()],
            description="Assumption",
            style=_STYLE,
            layout=wide("24em"),
        )
        self._value = w.FloatText(description="New value", style=_STYLE)
        apply = w.Button(description="Apply", tooltip="Change this assumption for the channel")
        apply.on_click(lambda _b: self._apply())
        self._funnel_for = w.Dropdown(options=names, description="Funnel for", style=_STYLE)
        self._funnel_for.observe(lambda _c: self._draw_funnel(), names="value")
        export = w.Button(description="Export plan", tooltip="Save a one-page summary")
        export.on_click(lambda _b: self.export())
        self._table, self._returns, self._funnel = w.HTML(), w.HTML(), w.HTML()
        super().__init__(
            [
                w.HTML("<h4>Share of the budget (%)</h4>"),
                *self._shares.values(),
                self._unallocated,
                w.HTML("<h4>Change an assumption</h4>"),
                w.HBox([self._channel, self._assumption]),
                w.HBox([self._value, apply]),
                self._message,
                self._table,
                self._returns,
                self._funnel_for,
                self._funnel,
                export,
                self._saved,
            ]
        )
        self.add_class("ck-campaign-planner")
        fit_width(self)
        self._refresh()

    # -- actions ---------------------------------------------------------------------------

    @property
    def projection(self) -> Projection:
        """The projection of the plan as it stands."""
        return project(self.plan)

    def set_allocation(self, channel: str, share: float) -> CampaignPlan:
        """Give ``channel`` ``share`` % of the budget; others make room (see
        :meth:`CampaignPlan.with_share_rebalanced`), so the total never passes 100%."""
        self.plan = self.plan.with_share_rebalanced(channel, share)
        self._refresh()
        return self.plan

    def set_assumption(self, channel: str, assumption: str, value: object) -> CampaignPlan:
        """Change one assumption (e.g. ``"ctr"``) for a channel."""
        self.plan = self.plan.with_assumption(channel, assumption, value)
        self._refresh()
        return self.plan

    def set_budget(self, budget: float) -> CampaignPlan:
        """Change the total budget (£); the shares stay as they are."""
        self.plan = self._changed(budget=budget)
        return self.plan

    def set_dates(self, start: date | str, end: date | str) -> CampaignPlan:
        """Change the start and end dates."""
        self.plan = self._changed(start=start, end=end)
        return self.plan

    def set_objective(self, objective: str) -> CampaignPlan:
        """Change the objective (one of awareness, acquisition, conversion, retention,
        reactivation)."""
        self.plan = self._changed(objective=objective)
        return self.plan

    def export(self) -> Path:
        """Write the one-page summary beside the notebook and save the plan as evidence."""
        found = self.projection
        slug = re.sub(r"[^a-z0-9]+", "-", self.plan.name.lower()).strip("-") or "plan"
        path = self.export_folder / f"campaign-plan-{slug}.html"
        page = summary_html(
            self.plan, author=self.author, charts=self._charts_html(found), projection=found
        )
        write_text(path, page)
        totals = {m: found.value(m) for m in ("spend", "conversions", "revenue", "roi", "roas")}
        record = {"plan": plan_record(self.plan), "projection": totals, "summary": path.name}
        self._attempt = _save(self.evidence, self._attempt, record, self._saved)
        self._saved.value += status(f"The summary is in {path.name}, beside this notebook.")
        return path

    # -- display ---------------------------------------------------------------------------

    def _changed(self, **changes: Any) -> CampaignPlan:
        from dataclasses import replace

        plan = replace(self.plan, **changes)
        self.plan = plan
        self._refresh()
        return plan

    def _share_typed(self, channel: str) -> Any:
        def on_change(change: dict[str, Any]) -> None:
            if self._syncing:
                return
            try:
                self.set_allocation(channel, float(change["new"]))
            except CourseworkError as exc:
                self._message.value = alert(str(exc))

        return on_change

    def _apply(self) -> None:
        try:
            self.set_assumption(
                str(self._channel.value), str(self._assumption.value), self._value.value
            )
        except CourseworkError as exc:
            self._message.value = alert(str(exc))

    def _refresh(self) -> None:
        self._syncing = True
        try:
            for channel in self.plan.channels:
                if channel.name in self._shares:
                    self._shares[channel.name].value = channel.share
        finally:
            self._syncing = False
        self._message.value = ""
        found = self.projection
        self._unallocated.value = status(
            f"Allocated {self.plan.allocated:g}% + unallocated {self.plan.unallocated:g}% = 100% "
            f"of {show(self.plan.budget, 'pounds')}."
        )
        self._table.value = found._repr_html_()
        self._returns.value = self._charts_html(found, funnel=False)
        self._draw_funnel()

    def _charts_html(self, found: Projection, *, funnel: bool = True) -> str:
        values = {channel_label(c.name): c.roas for c in found.channels}
        fig = charts.bar_chart(
            values, title="Projected return on ad spend by channel", ylabel="£ back per £1 spent"
        )
        described = ", ".join(f"{n} {show(v, 'ratio')}" for n, v in values.items())
        parts = [charts.figure_html(fig, f"Bar chart of projected ROAS by channel: {described}.")]
        if funnel:
            parts += [self._funnel_html(found, c.name) for c in found.channels]
        return "".join(parts)

    def _funnel_html(self, found: Projection, channel: str) -> str:
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

    def _draw_funnel(self) -> None:
        name = self._funnel_for.value
        if name is None:
            self._funnel.value = ""
            return
        self._funnel.value = self._funnel_html(self.projection, str(name))


class MatchingActivity(w.VBox):  # type: ignore[misc]
    """A matching or sorting activity: a dropdown per item, Check, feedback per item."""

    def __init__(self, activity: str | Activity, *, folder: str | Path | None = None) -> None:
        self.activity = activity if isinstance(activity, Activity) else load_activity(activity)
        self.evidence = _evidence(f"activity-{self.activity.id}", folder)
        self._attempt = self.evidence.next_attempt()
        self.result: ActivityResult | None = None
        options = [("Choose…", "")] + [(label, cid) for cid, label in self.activity.choices]
        self._pickers: dict[str, w.Dropdown] = {}
        self._feedback: dict[str, w.HTML] = {}
        rows = []
        for number, item in enumerate(self.activity.items, start=1):
            picker = w.Dropdown(options=options, value="", layout=wide("36em"))
            picker.description = f"Item {number}"
            self._pickers[item.id], self._feedback[item.id] = picker, w.HTML()
            rows.append(
                w.VBox(
                    [
                        w.HTML(f"<p>{number}. {html.escape(item.text)}</p>"),
                        picker,
                        self._feedback[item.id],
                    ]
                )
            )
        check = w.Button(description="Check", tooltip="Check all your answers")
        check.on_click(lambda _b: self.check())
        self._score, self._saved = w.HTML(), w.HTML()
        intro = (
            f"<h4>{html.escape(self.activity.title)}</h4>"
            f"<p>{html.escape(self.activity.introduction)}</p>"
            f"<p><small>Source: {html.escape(self.activity.source)}</small></p>"
        )
        super().__init__([w.HTML(intro), *rows, check, self._score, self._saved])
        self.add_class("ck-matching-activity")
        fit_width(self)

    def choose(self, item_id: str, choice_id: str) -> None:
        """Choose ``choice_id`` for an item, as picking it from the dropdown would."""
        self.activity.item(item_id)
        if choice_id not in dict(self.activity.choices):
            self.activity.mark_item(item_id, choice_id)  # raises the plain-English error
        self._pickers[item_id].value = choice_id

    @property
    def answers(self) -> dict[str, str | None]:
        """The choice made for each item (None where nothing is chosen yet)."""
        return {i: (str(p.value) or None) for i, p in self._pickers.items()}

    def check(self) -> ActivityResult:
        """Mark every item, show feedback beside each, and save the answers as evidence."""
        result = self.activity.mark(self.answers)
        for item in result.items:
            shown = "✔" if item.correct else "✘ Not yet."
            self._feedback[
                item.item.id
            ].value = (
                f"<div role='status'><strong>{shown}</strong> {html.escape(item.message)}</div>"
            )
        right, total = result.score
        self._score.value = status(f"{right} of {total} right.")
        self.result = result
        record = {
            "activity": self.activity.id,
            "answers": {k: v for k, v in self.answers.items() if v},
            "score": right,
            "out_of": total,
        }
        self._attempt = _save(self.evidence, self._attempt, record, self._saved)
        return result


class JourneyBuilder(w.VBox):  # type: ignore[misc]
    """Build an automation journey (trigger, waits, messages); check each message against
    PECR."""

    def __init__(self, *, folder: str | Path | None = None) -> None:
        self.library = journey_library()
        self.evidence = _evidence("automation-journey", folder)
        self._attempt = self.evidence.next_attempt()
        self.steps: list[JourneyStep] = []
        self.result: JourneyCheck | None = None
        self._trigger = w.Dropdown(
            options=[(t.label, t.id) for t in self.library.triggers],
            description="Trigger",
            style=_STYLE,
            layout=wide("40em"),
        )
        self._trigger.observe(lambda c: self.set_trigger(str(c["new"])), names="value")
        self._days = w.BoundedIntText(value=1, min=1, max=365, description="Days", style=_STYLE)
        wait = w.Button(description="Add wait")
        wait.on_click(lambda _b: self._act(lambda: self.add_wait(int(self._days.value))))
        self._message = w.Dropdown(
            options=[(m.label, m.id) for m in self.library.messages],
            description="Message",
            style=_STYLE,
            layout=wide("40em"),
        )
        self._channel = w.Dropdown(options=list(CHANNELS), description="By", style=_STYLE)
        send = w.Button(description="Add message")
        send.on_click(
            lambda _b: self._act(
                lambda: self.add_message(str(self._message.value), str(self._channel.value))
            )
        )
        undo = w.Button(description="Remove last step")
        undo.on_click(lambda _b: self._act(self.remove_last))
        check = w.Button(description="Check journey", tooltip="Check every message against PECR")
        check.on_click(lambda _b: self.check())
        self._steps, self._result, self._saved = w.HTML(), w.HTML(), w.HTML()
        super().__init__(
            [
                w.HTML(f"<p>{html.escape(self.library.introduction)}</p>"),
                self._trigger,
                w.HBox([self._days, wait]),
                w.HBox([self._message, self._channel, send]),
                self._steps,
                w.HBox([undo, check]),
                self._result,
                self._saved,
            ]
        )
        self.add_class("ck-journey-builder")
        fit_width(self)
        self.set_trigger(str(self._trigger.value))

    def set_trigger(self, trigger_id: str) -> None:
        """Start the journey with this trigger (it replaces any trigger already there)."""
        self.library.trigger(trigger_id)
        step = JourneyStep("trigger", trigger=trigger_id)
        self.steps = [step, *(s for s in self.steps if s.kind != "trigger")]
        self._show()

    def add_wait(self, days: int) -> None:
        """Add a wait of ``days`` days."""
        self.steps.append(JourneyStep("wait", days=days))
        self._show()

    def add_message(self, message_id: str, channel: str) -> None:
        """Add a message (its id) sent by ``channel``, "email" or "sms"."""
        self.library.message(message_id)
        self.steps.append(JourneyStep("message", message=message_id, channel=channel))
        self._show()

    def remove_last(self) -> None:
        """Remove the last step (the trigger stays)."""
        if len(self.steps) > 1:
            self.steps.pop()
        self._show()

    def check(self) -> JourneyCheck:
        """Check the journey, show each message's verdict, and save it as evidence."""
        result = check_journey(self.steps)
        self.result = result
        self._result.value = result._repr_html_()
        record = {
            "steps": [s.describe(self.library) for s in self.steps],
            "verdicts": [s.allowed for s in result.steps],
            "ok": result.ok,
        }
        self._attempt = _save(self.evidence, self._attempt, record, self._saved)
        return result

    def _act(self, action: Any) -> None:
        try:
            action()
        except CourseworkError as exc:
            self._result.value = alert(str(exc))

    def _show(self) -> None:
        items = "".join(f"<li>{html.escape(s.describe(self.library))}</li>" for s in self.steps)
        self._steps.value = f"<p><strong>Your journey:</strong></p><ol>{items}</ol>"
        self._result.value = ""
