"""What the planner's campaign controls mean: the objective, the total budget and the dates.

No display code (the boxes themselves are in :mod:`.widget`). The objectives offered are the
course's own (``datasets/planning/activities/campaign-types``, in the words the learner met in
the matching activity), limited to those a plan can have. The budget is typed as people write
money ("£10,000", "10000", "7 500.50") and read by the kit's one number reader. Each change
makes a new plan, or raises a :class:`~coursework_kit.errors.CourseworkError` that says what
to type or pick instead.
"""

from __future__ import annotations

import dataclasses
from datetime import date

from coursework_kit._english import count
from coursework_kit.planning.plan import OBJECTIVES, CampaignPlan, PlanError

__all__ = [
    "about",
    "objective_choices",
    "read_budget",
    "show_budget",
    "with_budget",
    "with_dates",
    "with_objective",
]


def objective_choices() -> list[tuple[str, str]]:
    """(label, objective) for each objective a plan can have, in the course's own words."""
    from coursework_kit.planning.activities import load_activity

    labels = dict(load_activity("campaign-types").choices)
    return [(labels.get(key, key.capitalize()), key) for key in OBJECTIVES]


def read_budget(text: object) -> float:
    """The total budget (£) from what was typed.

    >>> read_budget("£12,500"), read_budget(" 7 500.50 "), read_budget(8000)
    (12500.0, 7500.5, 8000.0)
    """
    from coursework_kit.metrics.parsing import parse_number

    if isinstance(text, str) and not text.strip():
        raise PlanError("Type the total budget in pounds, for example 10,000.")
    if isinstance(text, str) and any(sign in text for sign in ("$", "€", "¥")):
        raise PlanError(f"Type the total budget in pounds (£), not {text.strip()!r}.")
    return parse_number(text, "the total budget in pounds")


def show_budget(budget: float) -> str:
    """A budget as its box shows it: "10,000" or "10,000.50"."""
    return f"{budget:,.0f}" if budget == int(budget) else f"{budget:,.2f}"


def about(plan: CampaignPlan) -> str:
    """The line under the controls: the measure to judge the plan by, and how long it runs."""
    return (
        f"Judge this plan by {OBJECTIVES[plan.objective]}. It runs for "
        f"{count(plan.days, 'day')}, from {plan.start:%d %B %Y} to {plan.end:%d %B %Y}."
    )


def with_objective(plan: CampaignPlan, objective: object) -> CampaignPlan:
    """``plan`` for another objective (the plan checks it is one it knows)."""
    return dataclasses.replace(plan, objective=str(objective))


def with_budget(plan: CampaignPlan, typed: object) -> CampaignPlan:
    """``plan`` with the total budget typed (the shares stay as they are)."""
    return dataclasses.replace(plan, budget=read_budget(typed))


def with_dates(plan: CampaignPlan, start: object, end: object) -> CampaignPlan:
    """``plan`` running from ``start`` to ``end`` (neither left empty, the end not before the
    start: a one-day campaign ends on the day it starts)."""
    if not isinstance(start, date):
        raise PlanError("Choose the start date: the day the campaign begins.")
    if not isinstance(end, date):
        raise PlanError("Choose the end date: the last day of the campaign.")
    return dataclasses.replace(plan, start=start, end=end)
