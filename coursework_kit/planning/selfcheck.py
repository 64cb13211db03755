"""Self-checks for a projection worked out by hand: impressions, clicks, orders, revenue.

Like :func:`coursework_kit.metrics.check_answer`, a wrong answer is never just "wrong": the
check looks for the usual slips (a percentage used as a whole number, the × 1,000 of a CPM
left out) and names the formula with the plan's own figures, without giving the answer.
CAC, ROI and ROAS are checked with :func:`coursework_kit.metrics.check_answer` itself.
"""

from __future__ import annotations

from coursework_kit._english import join
from coursework_kit.errors import MetricInputError
from coursework_kit.feedback import SelfCheck
from coursework_kit.metrics.answers import close_enough
from coursework_kit.metrics.channels import channel_label
from coursework_kit.metrics.parsing import read_answer
from coursework_kit.planning.plan import PlanError
from coursework_kit.planning.projection import ChannelProjection, Projection, show

__all__ = ["FunnelCheck", "check_projection"]

_STEPS = {
    "impressions": "Impressions",
    "clicks": "Clicks",
    "conversions": "Orders",
    "new_customers": "New customers",
    "revenue": "Revenue",
}


# The kit's one self-check result, under the name this module used to give it.
FunnelCheck = SelfCheck


def _formula(step: str, found: ChannelProjection, projection: Projection) -> str:
    channel = projection.plan.channel(found.name)
    spend = f"£{found.spend:,.2f}"
    if step == "impressions" and channel.cost_model == "cpm":
        return f"spend ÷ CPM × 1,000, that is {spend} ÷ £{channel.cost:,.2f} × 1,000"
    if step == "impressions":
        return f"clicks ÷ (CTR ÷ 100), that is {found.clicks:,} ÷ ({channel.ctr:g} ÷ 100)"
    if step == "clicks" and channel.cost_model == "cpm":
        return f"impressions × CTR ÷ 100, that is {found.impressions:,} × {channel.ctr:g} ÷ 100"
    if step == "clicks":
        return f"spend ÷ CPC, that is {spend} ÷ £{channel.cost:,.2f}"
    if step == "conversions":
        return (
            f"clicks × conversion rate ÷ 100, that is {found.clicks:,} × "
            f"{channel.conversion_rate:g} ÷ 100"
        )
    if step == "new_customers":
        return (
            f"orders × new-customer share ÷ 100, that is {found.conversions:,} × "
            f"{channel.new_customer_rate:g} ÷ 100"
        )
    return f"orders × AOV, that is {found.conversions:,} × £{channel.aov:,.2f}"


def check_projection(
    step: str, answer: object, projection: Projection, *, channel: str | None = None
) -> SelfCheck:
    """Check a learner's ``answer`` for one ``step`` of ``projection`` ("impressions",
    "clicks", "conversions", "new_customers" or "revenue"), for one ``channel`` or, by
    default, the plan's total. The answer is read and judged as every numeric answer is
    (:func:`coursework_kit.metrics.parsing.read_answer`,
    :func:`coursework_kit.metrics.answers.close_enough`): counts are whole numbers, with one
    either way accepted for rounding; revenue is right to the penny."""
    if step not in _STEPS:
        raise PlanError(
            f"{step!r} is not a step of the funnel; choose {join(map(repr, _STEPS), last='or')}."
        )
    source = projection.channel(channel) if channel is not None else projection
    expected = float(getattr(source, step))
    unit = "pounds" if step == "revenue" else "count"
    label = f"{_STEPS[step]} ({channel_label(channel) if channel else 'whole plan'})"

    def result(correct: bool, message: str, *, answered: bool = True) -> SelfCheck:
        return SelfCheck(correct, message, label=label, answered=answered, check=step)

    if answer is None:
        return result(
            False, "Type your answer in place of None, then run the cell again.", answered=False
        )
    try:
        reading = read_answer(answer)
    except MetricInputError as exc:
        return result(False, str(exc))
    if reading.percent:
        return result(
            False, f"{_STEPS[step]} is not a percentage: type the number without the % sign."
        )
    number = reading.value
    note = " (Next time, type just the number without quotes.)" if reading.text else ""
    if close_enough(number, expected, unit):
        return result(True, f"{_STEPS[step]} = {show(expected, unit)}.{note}")
    if isinstance(source, Projection):
        parts = " + ".join(show(float(getattr(c, step)), unit) for c in source.channels)
        return result(False, f"Add up the channels' figures for {_STEPS[step].lower()}: {parts}.")
    hint = f"Use {_formula(step, source, projection)}."
    if (
        step in ("clicks", "conversions", "new_customers")
        and expected
        and close_enough(number / 100, expected, unit)
    ):
        hint = "It looks like you used the percentage as a whole number: divide it by 100. " + hint
    elif step == "impressions" and expected and close_enough(number * 1000, expected, "ratio"):
        hint = "It looks like the × 1,000 is missing: CPM is the price of 1,000 impressions. "
        hint += f"Use {_formula(step, source, projection)}."
    return result(False, f"{hint} Round to the nearest whole number at each step.")
