"""The unit 5 planner's campaign boxes: objective, total budget and dates, with the line under
them that says what to judge the plan by (or what is wrong with what was typed)."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import date

import ipywidgets as w
from traitlets import TraitError

from coursework_kit._ui.layout import wide
from coursework_kit._ui.snippets import alert, status
from coursework_kit.errors import CourseworkError
from coursework_kit.planning.plan import CampaignPlan
from coursework_kit.planning.planner import _campaign

__all__ = ["CampaignControls"]


class CampaignControls:
    """The objective, budget and date boxes, and the line under them (a problem with one of
    them is shown there, beside the boxes, and the plan keeps its last good figures).

    ``change`` is given a function that makes the new plan from the plan as it stands.
    """

    def __init__(self, change: Callable[[Callable[[CampaignPlan], CampaignPlan]], object]):
        style = {"description_width": "9em"}
        self._change, self._quiet = change, False
        self.objective = w.Dropdown(
            options=_campaign.objective_choices(),
            description="Objective",
            tooltip="What the campaign is for",
            style=style,
            layout=wide("34em"),
        )
        self.budget = w.Text(
            description="Total budget (£)",
            placeholder="for example 10,000",
            tooltip="The whole budget for every channel, in pounds",
            continuous_update=False,  # read when Enter or Tab is pressed, not at each key
            style=style,
            layout=wide("20em"),
        )
        self.start = w.DatePicker(description="Start date", style=style)
        self.end = w.DatePicker(description="End date", style=style)
        self.problem, self.about = w.HTML(), w.HTML()
        self.objective.observe(
            lambda c: self._try(lambda p: _campaign.with_objective(p, c["new"])), names="value"
        )
        self.budget.observe(
            lambda c: self._try(lambda p: _campaign.with_budget(p, c["new"])), names="value"
        )
        for box in (self.start, self.end):
            box.observe(lambda _c: self._dates_chosen(), names="value")
        self.box = w.VBox(
            [
                w.HTML("<h4>The campaign</h4>"),
                self.objective,
                self.budget,
                w.HBox([self.start, self.end]),
                self.problem,
                self.about,
            ]
        )

    def show(self, plan: CampaignPlan) -> None:
        """Show ``plan``'s objective, budget and dates (without changing the plan)."""
        self._quiet = True
        try:
            for control, value in (
                (self.objective, plan.objective),
                (self.budget, _campaign.show_budget(plan.budget)),
                (self.start, plan.start),
                (self.end, plan.end),
            ):
                with contextlib.suppress(TraitError):  # an objective the course does not offer
                    control.value = value
        finally:
            self._quiet = False
        self.problem.value = ""
        self.about.value = status(_campaign.about(plan))

    def pick_dates(self, start: date | None, end: date | None) -> None:
        """Pick both dates, then change the plan once (not once for each box)."""
        self._quiet = True
        try:
            self.start.value, self.end.value = start, end
        finally:
            self._quiet = False
        self._dates_chosen()

    def _dates_chosen(self) -> None:
        start, end = self.start.value, self.end.value
        self._try(lambda plan: _campaign.with_dates(plan, start, end))

    def _try(self, make: Callable[[CampaignPlan], CampaignPlan]) -> None:
        if self._quiet:
            return
        try:
            self._change(make)
        except CourseworkError as exc:
            self.problem.value = alert(str(exc))
