"""What the learner did, shown as it looked (continued): the chat transcript, the journey map,
the campaign plan, decisions with the learner's reasoning, matching activities, automation
journeys and the calculators."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from coursework_kit.portfolio._show import table
from coursework_kit.records import Attempt, Record

if TYPE_CHECKING:
    from coursework_kit.chat import Scenario

__all__ = [
    "show_automation",
    "show_calculator",
    "show_chat",
    "show_decision",
    "show_journey_map",
    "show_matching",
    "show_plan",
    "uk_time",
]

e = html.escape


def uk_time(stamp: str, *, seconds: bool = False) -> str:
    """An ISO 8601 time as UK time in words ("Monday 2 November 2026, 10:00 GMT"); "" when it
    is not a time."""
    from datetime import datetime

    from coursework_kit.gdpr._uktime import uk_time_text, uk_zone

    try:
        moment = datetime.fromisoformat(stamp)
    except (TypeError, ValueError):
        return ""
    if moment.tzinfo is None:  # a record keeps its offset; a bare time is taken as UK time
        moment = moment.replace(tzinfo=uk_zone())
    if seconds:
        return f"{moment.astimezone(uk_zone()):%H:%M:%S}"
    return uk_time_text(moment)


def show_chat(_record: Record[Any], attempt: Attempt[Any], scenario: Scenario | None) -> str:
    from coursework_kit.chat.catalogue import timings

    work = attempt.work
    turns = "".join(
        f"<tr><td>{uk_time(t.at or '', seconds=True)}</td>"
        f"<th scope='row'>{'Adviser' if t.speaker == 'agent' else 'Customer'}</th>"
        f"<td>{e(t.text)}</td></tr>"
        for t in work.turns
    )
    about = (
        f"<p>{e(scenario.title)}, on {e(scenario.channel_label)}. The customer and the company "
        "are made up.</p>"
        if scenario is not None
        else ""
    )
    timed = timings(work.turns)
    timing = (
        f"<p>First reply after {timed.first_response_seconds:.0f} seconds; on average "
        f"{timed.average_response_seconds or 0:.0f} seconds; the whole chat took "
        f"{timed.handling_seconds or 0:.0f} seconds.</p>"
        if timed.first_response_seconds is not None
        else "<p>No reply times were kept.</p>"
    )
    crm = work.crm.as_dict() if work.crm else {}
    crm_html = (
        table(
            [(k.replace("_", " ").capitalize(), e(str(v))) for k, v in crm.items()],
            caption="CRM contact record",
        )
        if crm
        else "<p>No CRM contact record was saved with this chat.</p>"
    )
    return (
        f"{about}<table><caption>Transcript (times are UK time)</caption><tr>"
        "<th scope='col'>Time</th><th scope='col'>Who</th><th scope='col'>Message</th></tr>"
        f"{turns}</table>{timing}{crm_html}"
    )


def show_journey_map(_record: Record[Any], attempt: Attempt[Any]) -> str:
    from coursework_kit.journeys.mapping import describe_map, load_catalogue, marks_html

    catalogue = load_catalogue()
    journey = attempt.work.journey_map
    rows = []
    for stage in catalogue.stages:
        ids = journey.touchpoints.get(stage.id, ())
        rows.append((stage.label, e(", ".join(catalogue.label(t) for t in ids)) or "none yet"))
    marks = marks_html(journey, catalogue) or "<p>No friction points or opportunities yet.</p>"
    return (
        table(rows, caption="Your journey map, stage by stage", head=("Stage", "Touchpoints"))
        + f"<p><strong>Friction points and opportunities</strong></p>{marks}"
        + f"<p class='ck-said'>In words: {e(describe_map(journey, catalogue))}</p>"
    )


def show_plan(_record: Record[Any], attempt: Attempt[Any]) -> str:
    from coursework_kit.metrics.channels import channel_label
    from coursework_kit.planning.plan import OBJECTIVES
    from coursework_kit.planning.projection import project, show

    work = attempt.work
    plan = work.plan.to_plan()
    rows = [
        ("Plan", e(plan.name)),
        ("Objective", e(f"{plan.objective}: judge it by {OBJECTIVES[plan.objective]}")),
        ("Audience", e(plan.audience)),
        ("Budget", e(f"{show(plan.budget, 'pounds')} ({plan.allocated:g}% given to channels)")),
        ("Dates", e(f"{plan.start:%d %B %Y} to {plan.end:%d %B %Y}")),
    ]
    channels = [
        (
            channel_label(c.name),
            e(
                f"{c.share:g}% of the budget; {c.cost_model.upper()} £{c.cost:,.2f}; CTR "
                f"{c.ctr:g}%; conversion rate {c.conversion_rate:g}%; AOV "
                f"{show(c.aov, 'pounds')}"
            ),
        )
        for c in plan.channels
    ]
    exports = (
        "".join(f"<li>{e(x.summary)}, {e(uk_time(x.at))}</li>" for x in work.exports)
        or "<li>Not exported yet.</li>"
    )
    return (
        table(rows)
        + (table(channels, caption="Channels and assumptions") if channels else "")
        + project(plan)._repr_html_()
        + f"<p><strong>One-page summaries exported</strong></p><ul>{exports}</ul>"
    )


def show_decision(record: Record[Any], attempt: Attempt[Any]) -> str:
    from coursework_kit.gdpr.assess import reasoning_of, results, scenarios_for
    from coursework_kit.portfolio._activities import decision_codes

    work = attempt.work
    scenarios = scenarios_for(record.scenario)
    marked = results(work, scenarios)
    parts = []
    for number, scenario in enumerate(scenarios, start=1):
        result = marked.get(scenario.id)
        if result is None:
            continue
        codes = ", ".join(decision_codes(scenario.criterion)) or "none in the catalogue"
        rows = [
            ("Your choice", e(scenario.choice(result.chosen).text)),
            ("Your reasoning", e(reasoning_of(work.decisions[scenario.id])) or "none written"),
            ("Result", "the best answer" if result.correct else "not the best answer"),
            ("What it is for", e(f"{scenario.criterion} ({codes})")),
        ]
        parts.append(
            f"<h5>Scenario {number}</h5><p>{e(scenario.situation)}</p>"
            f"<p><strong>{e(scenario.question)}</strong></p>{table(rows)}"
        )
    return "".join(parts) or "<p>No decision was checked yet.</p>"


def show_matching(record: Record[Any], attempt: Attempt[Any]) -> str:
    from coursework_kit.planning.activities import load_activity
    from coursework_kit.planning.matching.assess import result

    activity = load_activity(record.scenario)
    marked = result(attempt.work.answers, activity)
    rows = [
        (
            f"{number}. {item.item.text}",
            (e(activity.label(item.chosen)) if item.chosen else "not answered")
            + ("" if item.chosen is None else (" ✔" if item.correct else " ✘")),
        )
        for number, item in enumerate(marked.items, start=1)
    ]
    return f"<p><strong>{e(activity.title)}</strong></p>" + table(
        rows, head=("Item", "Your answer")
    )


def show_automation(_record: Record[Any], attempt: Attempt[Any]) -> str:
    from coursework_kit.journeys.automation.assess import journey_steps
    from coursework_kit.journeys.automation.check import check_journey

    if not attempt.work.steps:
        return "<p>No journey was built yet.</p>"
    shown: str = check_journey(journey_steps(attempt.work))._repr_html_()
    return shown


def show_calculator(record: Record[Any], attempt: Attempt[Any]) -> str:
    from coursework_kit.metrics.record import CALCULATORS

    work = attempt.work
    rows = [(name.replace("_", " ").capitalize(), e(value)) for name, value in work.inputs.items()]
    said = e(work.result) or "nothing yet"
    name = CALCULATORS.get(record.scenario, record.scenario)
    return (
        f"<p><strong>{e(name)}</strong></p>"
        + table(rows, head=("Box", "What you typed or chose"))
        + f"<p>What the calculator showed you: {said}</p>"
    )
