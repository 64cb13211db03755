"""The campaign planner: share a budget across channels and see the projected funnel and
returns change.

Thin by design: the plan, projection and summary are in the pure modules beside this one, and
its assessment in :mod:`.assess`. The plan is a :class:`.PlanRecord`, saved to
``evidence/campaign-plan.json`` within a second of each change (each typed share, each
assumption); a new planner on the same folder (after a kernel restart, say) reopens the
learner's plan. Every user action is a method, so tests drive it without a browser.
"""

from __future__ import annotations

import contextlib
import dataclasses
import math
import re
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import ipywidgets as w
from traitlets import TraitError

from coursework_kit._atomic import write_text
from coursework_kit._ui.layout import fit_width, wide
from coursework_kit._ui.snippets import alert, status
from coursework_kit.errors import CourseworkError
from coursework_kit.metrics.channels import channel_label
from coursework_kit.planning.history import sample_plan
from coursework_kit.planning.plan import ASSUMPTIONS, CampaignPlan, PlanError
from coursework_kit.planning.planner._charts import charts_html, funnel_html
from coursework_kit.planning.planner._export import not_written
from coursework_kit.planning.planner.assess import assess
from coursework_kit.planning.planner.controls_widget import CampaignControls
from coursework_kit.planning.planner.record import (
    PlanExport,
    PlanForm,
    PlanRecord,
    PlanWork,
    details_of,
)
from coursework_kit.planning.projection import Projection, project, show
from coursework_kit.planning.summary import summary_html
from coursework_kit.records import ActivitySession, Mode, now

if TYPE_CHECKING:
    import pandas as pd

    from coursework_kit.feedback import Feedback

__all__ = ["CampaignPlanner"]

_STYLE = {"description_width": "initial"}
_TOTALS = ("spend", "conversions", "revenue", "roi", "roas")


class CampaignPlanner(w.VBox):  # type: ignore[misc]
    """Share a budget across channels and see the projected funnel and returns change.

    ``plan`` is the starting plan (Harbour & Pine's autumn plan, with assumptions from
    ``data`` or the course's campaign history, by default); a plan the learner saved earlier
    is shown instead. ``mode`` is "practice" (a workbook) or "assessment" (an assignment).
    """

    def __init__(
        self,
        plan: CampaignPlan | None = None,
        *,
        data: pd.DataFrame | None = None,
        folder: str | Path | None = None,
        export_folder: str | Path | None = None,
        author: str = "",
        mode: Mode = "practice",
    ) -> None:
        self._start = plan if plan is not None else sample_plan(data)
        self.plan = self._start
        self.export_folder = Path.cwd() if export_folder is None else Path(export_folder)
        self.author = author
        self._saved = w.HTML()
        self.session = ActivitySession(
            PlanRecord, "", folder=folder, mode=mode, notify=self._show_saved
        )
        self._exports: tuple[PlanExport, ...] = ()
        self._quiet = True  # no saving while the controls are built and filled in
        notices = list(self.session.notices)
        resumed = self.session.resumed
        if resumed is not None:
            try:
                self.plan = resumed.work.plan.to_plan()
                self._exports = resumed.work.exports
            except PlanError as exc:
                notices.append(
                    f"Your saved plan could not be used ({exc}), so this is the starting plan."
                )
        self._build()
        if resumed is not None:
            self._restore_form(resumed.work)
        self._quiet = False
        self._refresh()
        if notices:
            self._saved.value = status(" ".join(notices))

    def _build(self) -> None:
        self._campaign = CampaignControls(lambda make: self._use(make(self.plan)))
        # Typed boxes rather than sliders: a slider's handle has no name a screen reader can
        # read out, and a typed share is exact.
        self._shares: dict[str, w.BoundedFloatText] = {}
        self._share_problems: dict[str, w.HTML] = {}  # a problem with a share, under its box
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
            self._share_problems[channel.name] = w.HTML()
        self._unallocated, self._message = w.HTML(), w.HTML()
        names = [(channel_label(c.name), c.name) for c in self.plan.channels]
        self._channel = w.Dropdown(options=names, description="Channel", style=_STYLE)
        self._assumption = w.Dropdown(
            options=[(label, key) for key, label in ASSUMPTIONS.items()],
            description="Assumption",
            style=_STYLE,
            layout=wide("24em"),
        )
        self._value = w.FloatText(description="New value", style=_STYLE)
        for control in (self._channel, self._assumption, self._value):
            control.observe(lambda _c: self._save(), names="value")
        apply = w.Button(description="Apply", tooltip="Change this assumption for the channel")
        apply.on_click(lambda _b: self.apply())
        self._funnel_for = w.Dropdown(options=names, description="Funnel for", style=_STYLE)
        self._funnel_for.observe(lambda _c: self._funnel_chosen(), names="value")
        export = w.Button(description="Export plan", tooltip="Save a one-page summary")
        export.on_click(lambda _b: self.export())
        again = w.Button(
            description="Start again", tooltip="Go back to the starting plan and start again"
        )
        again.on_click(lambda _b: self.reset())
        self._table, self._returns, self._funnel = w.HTML(), w.HTML(), w.HTML()
        super().__init__(
            [
                self._campaign.box,
                w.HTML("<h4>Share of the budget (%)</h4>"),
                *(w.VBox([box, self._share_problems[name]]) for name, box in self._shares.items()),
                self._unallocated,
                w.HTML("<h4>Change an assumption</h4>"),
                w.HBox([self._channel, self._assumption]),
                w.HBox([self._value, apply]),
                self._message,
                self._table,
                self._returns,
                self._funnel_for,
                self._funnel,
                w.HBox([export, again]),
                self._saved,
            ]
        )
        self.add_class("ck-campaign-planner")
        fit_width(self)

    # -- actions ---------------------------------------------------------------------------

    def set_allocation(self, channel: str, share: float) -> CampaignPlan:
        """Give ``channel`` ``share`` % of the budget; others make room (see
        :meth:`CampaignPlan.with_share_rebalanced`), so the total never passes 100%."""
        return self._use(self.plan.with_share_rebalanced(channel, share))

    def set_assumption(self, channel: str, assumption: str, value: object) -> CampaignPlan:
        """Change one assumption (e.g. ``"ctr"``) for a channel."""
        return self._use(self.plan.with_assumption(channel, assumption, value))

    def set_budget(self, budget: float) -> CampaignPlan:
        """Change the total budget (£); the shares stay as they are."""
        return self._use(dataclasses.replace(self.plan, budget=budget))

    def set_dates(self, start: date | str, end: date | str) -> CampaignPlan:
        """Change the start and end dates."""
        dates: dict[str, Any] = {"start": start, "end": end}  # the plan checks and converts them
        return self._use(dataclasses.replace(self.plan, **dates))

    def set_objective(self, objective: str) -> CampaignPlan:
        """Change the objective (one of awareness, acquisition, conversion, retention,
        reactivation)."""
        return self._use(dataclasses.replace(self.plan, objective=objective))

    def choose_objective(self, objective: str) -> None:
        """Choose the objective from the list, as a learner would."""
        self._campaign.objective.value = objective

    def type_budget(self, text: str) -> None:
        """Type the total budget (for example "£12,000") and press Enter; a problem is shown
        under the box (see :attr:`campaign_problem`) and the plan keeps its budget."""
        self._campaign.budget.value = text

    def choose_dates(self, start: date | None, end: date | None) -> None:
        """Pick the start and end dates; a problem (an end before the start, a date left
        empty) is shown under the boxes and the plan keeps its dates."""
        self._campaign.pick_dates(start, end)

    def type_share(self, channel: str, share: float) -> None:
        """Type ``share`` in a channel's box, as a learner would (a problem is shown)."""
        if channel not in self._shares:
            self.plan.channel(channel)  # raises, naming the channels there are
        self._shares[channel].value = share

    def fill_assumption(self, channel: str, assumption: str, value: float) -> None:
        """Fill in the "Change an assumption" form, without pressing Apply."""
        self._channel.value, self._assumption.value, self._value.value = channel, assumption, value

    def apply(self) -> None:
        """Press Apply: change the assumption the form names (a problem is shown, not raised)."""
        try:
            self.set_assumption(
                str(self._channel.value), str(self._assumption.value), self._value.value
            )
        except CourseworkError as exc:
            self._message.value = alert(str(exc))

    def show_funnel(self, channel: str) -> None:
        """Choose the channel whose funnel is drawn."""
        self._funnel_for.value = channel

    def export(self) -> Path | None:
        """Write the one-page summary beside the notebook and save the plan as evidence.

        If the summary cannot be written (a folder that is not there or cannot be written to,
        a full disk), the problem is shown and None returned; the plan is still saved.
        """
        found = self.projection
        slug = re.sub(r"[^a-z0-9]+", "-", self.plan.name.lower()).strip("-") or "plan"
        path = self.export_folder / f"campaign-plan-{slug}.html"
        page = summary_html(
            self.plan, author=self.author, charts=charts_html(found), projection=found
        )
        try:
            write_text(path, page)
        except OSError as exc:
            self._save()
            self.session.flush()
            self._saved.value = alert(not_written(self.export_folder, exc))
            return None
        totals: dict[str, Any] = {m: found.value(m) for m in _TOTALS}
        totals["conversions"] = int(totals["conversions"])
        self._exports = (*self._exports, PlanExport(summary=path.name, at=now(), **totals))
        self._save()
        self.session.flush()  # an export is a moment the learner will want kept at once
        self._saved.value += status(f"The summary is in {path.name}, beside this notebook.")
        return path

    def reset(self) -> None:
        """Press "Start again": back to the starting plan, in a new attempt (earlier attempts
        stay saved)."""
        self.session.start_again()
        self._exports = ()
        self._quiet = True
        try:
            self._restore_form(PlanWork(plan=details_of(self._start)))
        finally:
            self._quiet = False
        self._use(self._start)

    # -- what the learner has done -----------------------------------------------------------

    @property
    def starting_plan(self) -> CampaignPlan:
        """The plan the planner started from (before any change the learner made)."""
        return self._start

    @property
    def projection(self) -> Projection:
        """The projection of the plan as it stands."""
        return project(self.plan)

    @property
    def work(self) -> PlanWork:
        """The plan as it stands, the form and funnel shown, and every export made."""
        value = float(self._value.value)
        form = PlanForm(
            channel=str(self._channel.value or ""),
            assumption=str(self._assumption.value),
            value=value if math.isfinite(value) else 0.0,
        )
        funnel = str(self._funnel_for.value or "")
        return PlanWork(details_of(self.plan), form, funnel, self._exports)

    @property
    def assessment(self) -> Feedback:
        """The assessment of the plan as it stands (what the report and grading read)."""
        return assess(self.session.record)

    @property
    def shares(self) -> dict[str, float]:
        """The share shown in each channel's box (%)."""
        return {name: float(box.value) for name, box in self._shares.items()}

    @property
    def allocation(self) -> str:
        """The line saying how much of the budget is allocated (HTML)."""
        return str(self._unallocated.value)

    @property
    def table(self) -> str:
        """The projection table as shown (HTML)."""
        return str(self._table.value)

    @property
    def returns(self) -> str:
        """The chart of returns by channel, with its alt text (HTML)."""
        return str(self._returns.value)

    @property
    def funnel(self) -> str:
        """The funnel chart and working out for the channel chosen (HTML)."""
        return str(self._funnel.value)

    def share_problem(self, channel: str) -> str:
        """The message under a channel's share box (HTML; empty when there is none)."""
        return str(self._share_problems[channel].value)

    @property
    def campaign_problem(self) -> str:
        """The message under the objective, budget and date boxes (HTML; empty when none)."""
        return str(self._campaign.problem.value)

    @property
    def campaign(self) -> str:
        """The line under those boxes: the measure to judge the plan by, and its dates."""
        return str(self._campaign.about.value)

    @property
    def warning(self) -> str:
        """The message about a change that could not be made (HTML; empty when none)."""
        return str(self._message.value)

    @property
    def message(self) -> str:
        """The latest message about saving and exporting (HTML)."""
        return str(self._saved.value)

    # -- inside ------------------------------------------------------------------------------

    def _use(self, plan: CampaignPlan) -> CampaignPlan:
        self.plan = plan
        self._save()
        self._refresh()
        return plan

    def _save(self) -> None:
        if not self._quiet:
            self.session.update(self.work)

    def _show_saved(self, message: str, problem: bool) -> None:
        self._saved.value = alert(message) if problem else status(message)

    def _restore_form(self, work: PlanWork) -> None:
        """Fill the form and funnel choice from ``work`` (a value the controls do not offer,
        from an older plan, leaves that control as it was)."""
        first = self.plan.channels[0].name if self.plan.channels else None
        for control, value in (
            (self._channel, work.form.channel or first),
            (self._assumption, work.form.assumption),
            (self._value, work.form.value),
            (self._funnel_for, work.funnel_for or first),
        ):
            with contextlib.suppress(TraitError):
                control.value = value

    def _share_typed(self, channel: str) -> Any:
        def on_change(change: dict[str, Any]) -> None:
            if self._quiet:
                return
            try:
                self.set_allocation(channel, float(change["new"]))
            except CourseworkError as exc:
                self._share_problems[channel].value = alert(str(exc))

        return on_change

    def _funnel_chosen(self) -> None:
        self._draw_funnel()
        self._save()

    def _refresh(self) -> None:
        quiet, self._quiet = self._quiet, True
        try:
            for channel in self.plan.channels:
                if channel.name in self._shares:
                    self._shares[channel.name].value = channel.share
        finally:
            self._quiet = quiet
        self._message.value = ""
        for problem in self._share_problems.values():
            problem.value = ""
        self._campaign.show(self.plan)
        found = self.projection
        self._unallocated.value = status(
            f"Allocated {self.plan.allocated:g}% + unallocated {self.plan.unallocated:g}% = 100% "
            f"of {show(self.plan.budget, 'pounds')}."
        )
        self._table.value = found._repr_html_()
        self._returns.value = charts_html(found, funnel=False)
        self._draw_funnel()

    def _draw_funnel(self) -> None:
        name = self._funnel_for.value
        if name is None:
            self._funnel.value = ""
            return
        self._funnel.value = funnel_html(self.projection, str(name))
