"""The campaign planner's evidence: the learner's plan as it stands, and each export made.

The plan is kept as plain figures (:class:`PlanDetails`), so a plan that no longer adds up
(an edited file) can still be read and reported; :meth:`PlanDetails.to_plan` checks it and
builds the :class:`~coursework_kit.planning.plan.CampaignPlan`. The evidence file is
``evidence/campaign-plan.json``, as in the first release.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from coursework_kit.planning.plan import CampaignPlan, Channel
from coursework_kit.records import Mode, Record, RecordShapeError

__all__ = [
    "ChannelDetails",
    "PlanDetails",
    "PlanExport",
    "PlanForm",
    "PlanRecord",
    "PlanWork",
    "details_of",
]

Objective = Literal["awareness", "acquisition", "conversion", "retention", "reactivation"]
CostModel = Literal["cpm", "cpc"]
ACTIVITY = "campaign-plan"


@dataclass(frozen=True)
class ChannelDetails:
    """One channel of the plan: its share of the budget (%) and its assumptions."""

    name: str
    share: float
    cost_model: CostModel
    cost: float
    ctr: float
    conversion_rate: float
    aov: float
    new_customer_rate: float = 100.0


@dataclass(frozen=True)
class PlanDetails:
    """The plan's figures: objective, audience, budget (£), dates (year-month-day), channels."""

    name: str
    objective: Objective
    audience: str
    budget: float
    start: str
    end: str
    channels: tuple[ChannelDetails, ...] = ()

    def to_plan(self) -> CampaignPlan:
        """The plan these figures make. Raises :class:`PlanError` if they do not add up."""
        return CampaignPlan(
            name=self.name,
            objective=self.objective,
            audience=self.audience,
            budget=self.budget,
            start=self.start,  # type: ignore[arg-type]  # checked and turned into a date
            end=self.end,  # type: ignore[arg-type]
            channels=tuple(
                Channel(
                    name=c.name,
                    share=c.share,
                    cost_model=c.cost_model,
                    cost=c.cost,
                    ctr=c.ctr,
                    conversion_rate=c.conversion_rate,
                    aov=c.aov,
                    new_customer_rate=c.new_customer_rate,
                )
                for c in self.channels
            ),
        )


def details_of(plan: CampaignPlan) -> PlanDetails:
    """A plan's figures, ready to save."""
    return PlanDetails(
        name=plan.name,
        objective=plan.objective,  # type: ignore[arg-type]  # CampaignPlan checked it
        audience=plan.audience,
        budget=plan.budget,
        start=plan.start.isoformat(),
        end=plan.end.isoformat(),
        channels=tuple(
            ChannelDetails(
                name=c.name,
                share=c.share,
                cost_model=c.cost_model,  # type: ignore[arg-type]  # Channel checked it
                cost=c.cost,
                ctr=c.ctr,
                conversion_rate=c.conversion_rate,
                aov=c.aov,
                new_customer_rate=c.new_customer_rate,
            )
            for c in plan.channels
        ),
    )


@dataclass(frozen=True)
class PlanForm:
    """The "Change an assumption" form as the learner left it (not yet applied)."""

    channel: str = ""
    assumption: str = "cost"
    value: float = 0.0


@dataclass(frozen=True)
class PlanExport:
    """One press of "Export plan": the summary file written, when, and its projected totals."""

    summary: str
    spend: float
    conversions: int
    revenue: float
    roi: float | None = None
    roas: float | None = None
    at: str = ""


@dataclass(frozen=True)
class PlanWork:
    """A learner's campaign plan: its figures, the form and funnel shown, and each export."""

    plan: PlanDetails
    form: PlanForm = field(default_factory=PlanForm)
    funnel_for: str = ""
    exports: tuple[PlanExport, ...] = ()


class PlanRecord(Record[PlanWork]):
    """Every attempt at the unit 5 campaign planner (the scenario is empty: there is one)."""

    KIND = "plan"
    WORK = PlanWork
    PREFIX = ACTIVITY
    DEFAULT_SCENARIO = ""

    @classmethod
    def work_from_v1(cls, data: dict[str, Any]) -> tuple[PlanWork, Mode]:
        """A schema-1 attempt held the plan as last exported, its totals and the summary."""
        raw, totals = data.get("plan"), data.get("projection")
        if not isinstance(raw, dict) or not isinstance(raw.get("channels"), list):
            raise RecordShapeError("a campaign plan attempt has no plan in it")
        if not isinstance(totals, dict):
            raise RecordShapeError("a campaign plan attempt has no projected totals")
        try:
            details = PlanDetails(
                **{**raw, "channels": tuple(ChannelDetails(**c) for c in raw["channels"])}
            )
            export = PlanExport(
                summary=data["summary"],
                **{k: totals[k] for k in ("spend", "conversions", "revenue", "roi", "roas")},
            )
        except (KeyError, TypeError) as exc:  # a missing or unexpected entry
            raise RecordShapeError("a campaign plan attempt has the wrong shape") from exc
        return PlanWork(plan=details, exports=(export,)), "practice"
