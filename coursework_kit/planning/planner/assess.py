"""Assess a campaign plan record: does the plan add up, pay its way, and was it exported?

The plan is projected again from its saved figures (:func:`~.projection.project`); no figure
saved with an export is trusted. The findings guide rather than mark: a channel that brings
back less than it costs is "unsure", because keeping one (for awareness, say) can be right.
"""

from __future__ import annotations

from coursework_kit.feedback import Feedback, Finding
from coursework_kit.metrics.channels import channel_label
from coursework_kit.planning.plan import OBJECTIVES, CampaignPlan, PlanError
from coursework_kit.planning.planner.record import PlanWork
from coursework_kit.planning.projection import Projection, project, show
from coursework_kit.records import Record

__all__ = ["assess"]


def _allocation(plan: CampaignPlan) -> Finding:
    if plan.unallocated > 0:
        left = show(round(plan.budget * plan.unallocated / 100, 2), "pounds")
        return Finding(
            "should fix",
            "allocation",
            f"{plan.unallocated:g}% of the budget ({left}) is not given to any channel yet.",
            why="Give it to a channel, or say in your plan why you are keeping it back.",
            where="share of the budget",
        )
    return Finding("good", "allocation", "The whole budget is shared across the channels.")


def _returns(found: Projection) -> list[Finding]:
    if found.roi is None:
        return [
            Finding(
                "must fix",
                "returns",
                "No channel has any budget, so the plan would buy nothing.",
                where="share of the budget",
            )
        ]
    roi, roas = show(found.roi, "percent"), show(found.roas, "ratio")
    findings = [
        Finding(
            "should fix",
            "returns",
            f"The plan is projected to lose money: ROI {roi}, ROAS {roas}.",
            why="Look again at the channels that bring back least, or at your assumptions.",
        )
        if found.roi < 0
        else Finding(
            "good",
            "returns",
            f"The plan is projected to bring back more than it costs: ROI {roi}, ROAS {roas}.",
        )
    ]
    for channel in found.channels:
        if channel.roas is not None and channel.roas < 1:
            name = channel_label(channel.name)
            findings.append(
                Finding(
                    "unsure",
                    "channel-returns",
                    f"{name} is projected to bring back less than it costs "
                    f"(ROAS {show(channel.roas, 'ratio')}).",
                    why="Say in your plan why it is worth keeping (for awareness, say), or "
                    "move its budget to a channel that does better.",
                    where=name,
                )
            )
    return findings


def assess(record: Record[PlanWork]) -> Feedback:
    """How the latest plan stands: its budget shared, its projected returns, its export."""
    latest = record.latest
    if latest is None:
        return Feedback(record.activity, "No plan has been saved yet.")
    work = latest.work
    try:
        plan = work.plan.to_plan()
    except PlanError as exc:  # an edited file: figures that cannot make a plan
        finding = Finding("must fix", "plan", str(exc), where="plan")
        return Feedback(record.activity, "The saved plan does not add up.", (finding,))
    found = project(plan)
    findings = [_allocation(plan), *_returns(found)]
    if work.exports:
        last = work.exports[-1].summary
        findings.append(Finding("good", "export", f"You exported a one-page summary ({last})."))
    else:
        findings.append(
            Finding(
                "should fix",
                "export",
                "The plan has not been exported yet.",
                why="Press Export plan to save the one-page summary as your evidence.",
            )
        )
    summary = (
        f"{plan.name}: projected revenue {show(found.revenue, 'pounds')} from "
        f"{show(found.spend, 'pounds')} spent. The objective is {plan.objective}, so judge it "
        f"by {OBJECTIVES[plan.objective]}."
    )
    return Feedback(record.activity, summary, tuple(findings))
