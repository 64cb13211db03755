"""The usual slips in a worked metric, spotted from a wrong answer, and a hint for each.

Each hint says what the learner seems to have done and what to do instead, with their own
figures, and never gives the right answer. A slip is spotted when the wrong answer is what the
slip would give (by the same rule as a right answer: :func:`~.answers.close_enough`):

- a percentage left as a fraction (× 100 forgotten: CSAT typed as 0.625), or × 100 twice;
- ROI typed as revenue ÷ cost × 100, as revenue ÷ cost, or as the profit in pounds;
- ROAS typed as a percentage (400 or "400%" for 4), or with the spend taken away (as ROI is);
- a time typed in minutes, or as minutes.seconds (7.30), where seconds are asked for;
- CSAT typed as the average rating or as the number of ratings of 4 or 5;
- a division the wrong way round; the opposite sign; a small answer rounded to 0; an answer
  rounded too far.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from coursework_kit.metrics.answers import close_enough, rounded
from coursework_kit.metrics.calculation import MetricSpec
from coursework_kit.metrics.formatting import format_input
from coursework_kit.metrics.parsing import Reading

__all__ = ["Slip", "slip_hint"]

# How far off an answer may be and still be "nearly": rounded too far, not worked wrongly.
_NEARLY = 0.05


@dataclass(frozen=True)
class Slip:
    """A wrong answer and everything needed to say what went wrong."""

    spec: MetricSpec
    figures: dict[str, float | list[float]]
    answer: Reading
    expected: float
    unit: str
    places: int | None = None

    @property
    def value(self) -> float:
        return self.answer.value

    def gives(self, candidate: float | None) -> bool:
        """Whether the answer is what a slip giving ``candidate`` would produce."""
        if candidate is None or not math.isfinite(candidate):
            return False
        return close_enough(self.value, candidate, "ratio", places=self.places)

    def figure(self, name: str) -> float:
        found = self.figures.get(name)
        return found if isinstance(found, float) else math.nan

    def shown(self, name: str) -> str:
        kind = next(i.kind for i in self.spec.inputs if i.name == name)
        return format_input(self.figure(name), kind)


def _ratio(top: float, bottom: float) -> float | None:
    return top / bottom if bottom else None


def _times(value: float | None, factor: float) -> float | None:
    return None if value is None else value * factor


def _small_to_zero(slip: Slip) -> str | None:
    if slip.value == 0 and slip.expected != 0:
        return (
            "Your answer is 0, but the right answer is not 0. If you rounded, keep more decimal "
            "places: a small answer must not be rounded away."
        )
    return None


def _roi(slip: Slip) -> str | None:
    if slip.spec.id != "roi":
        return None
    revenue, cost = slip.figure("revenue"), slip.figure("cost")
    if slip.gives(_times(_ratio(revenue, cost), 100)):
        return (
            "It looks like you worked out revenue ÷ cost × 100. ROI takes the cost away from "
            "the revenue first: (revenue − cost) ÷ cost × 100."
        )
    if slip.gives(_ratio(revenue, cost)):
        return (
            "That looks like revenue ÷ cost, which is the return on ad spend (ROAS). For ROI, "
            "take the cost away from the revenue first, divide by the cost, then multiply by 100."
        )
    if slip.gives(revenue - cost):
        return (
            "That is the profit in pounds (revenue − cost). Divide it by the cost, then multiply "
            "by 100 to make ROI a percentage."
        )
    if slip.gives(_ratio(revenue - cost, cost)):
        return (
            "It looks like you worked out (revenue − cost) ÷ cost but did not multiply by 100 to "
            "make a percentage."
        )
    if slip.gives(_times(_ratio(revenue - cost, revenue), 100)):
        return "It looks like you divided by the revenue. Divide by the cost instead."
    return None


def _roas(slip: Slip) -> str | None:
    if slip.spec.id != "roas":
        return None
    revenue, spend = slip.figure("revenue"), slip.figure("ad_spend")
    if slip.gives(slip.expected * 100) or (slip.answer.percent and slip.gives(slip.expected)):
        return (
            "ROAS is a ratio, not a percentage: it is the pounds that come back for each £1 "
            "spent. Divide your answer by 100 and leave out the % sign."
        )
    if slip.gives(_ratio(revenue - spend, spend)) or slip.gives(
        _times(_ratio(revenue - spend, spend), 100)
    ):
        return (
            "It looks like you took the ad spend away first, as you would for ROI. ROAS is "
            "revenue ÷ ad spend, with nothing taken away."
        )
    return None


def _time(slip: Slip) -> str | None:
    if slip.unit != "seconds":
        return None
    if slip.gives(slip.expected / 60):
        return (
            "It looks like you gave the time in minutes. The answer is in seconds: multiply "
            "minutes by 60."
        )
    minutes = math.floor(slip.value)
    seconds = rounded((slip.value - minutes) * 100, 0)
    whole = minutes * 60 + seconds
    if 0 < seconds < 60 and close_enough(whole, slip.expected, "seconds", places=slip.places):
        return (
            f"It looks like you wrote minutes and seconds ({slip.value:g} for {minutes} minutes "
            f"{seconds:g} seconds). Give the whole time in seconds: minutes × 60 + seconds."
        )
    return None


def _csat(slip: Slip) -> str | None:
    ratings = slip.figures.get("ratings")
    if slip.spec.id != "csat" or not isinstance(ratings, list) or not ratings:
        return None
    satisfied = sum(1 for r in ratings if r >= 4)
    if slip.gives(slip.expected / 100):
        return (
            "It looks like you gave CSAT as a fraction (0.5 for a half). Multiply by 100 to make "
            "it a percentage."
        )
    if slip.gives(sum(ratings) / len(ratings)):
        return (
            "That looks like the average rating. CSAT is not an average: count the ratings of "
            "4 or 5, divide by the number of ratings, then multiply by 100."
        )
    if slip.value == satisfied:
        return (
            "That is how many ratings were 4 or 5. Divide it by the number of ratings, then "
            "multiply by 100."
        )
    if slip.gives(sum(1 for r in ratings if r >= 3) / len(ratings) * 100):
        return "Count only the ratings of 4 or 5 as satisfied: a 3 is not satisfied."
    return None


def _hundreds(slip: Slip) -> str | None:
    if slip.unit != "percent":
        return None
    if slip.gives(slip.expected / 100):
        top, bottom = _division(slip.spec)
        if top and bottom:
            return (
                f"It looks like you worked out {slip.shown(top)} ÷ {slip.shown(bottom)} but did "
                "not multiply by 100 to make a percentage."
            )
        return (
            "It looks like you gave the answer as a fraction of 1 (0.5 for a half). Multiply "
            "by 100 to make it a percentage."
        )
    if slip.gives(slip.expected * 100):
        return "It looks like you multiplied by 100 twice. Multiply by 100 only once."
    return None


def _division(spec: MetricSpec) -> tuple[str, str]:
    """The two inputs of a formula that is one division ("{a} ÷ {b}", perhaps × 100)."""
    if len(spec.inputs) != 2:
        return "", ""
    top, bottom = (i.name for i in spec.inputs)
    if spec.formula.startswith(f"{{{top}}} ÷ {{{bottom}}}"):
        return top, bottom
    return "", ""


def _wrong_way_round(slip: Slip) -> str | None:
    top, bottom = _division(slip.spec)
    if not top:
        return None
    a, b = slip.figure(top), slip.figure(bottom)
    if not a or not b:
        return None
    scale = slip.expected / (a / b)  # × 100 for a percentage, × 1,000 for CPM
    flipped = b / a
    if slip.gives(flipped * scale) or slip.gives(flipped) or slip.gives(flipped * 100):
        then = {100: ", then multiply by 100", 1000: ", then multiply by 1,000"}
        return (
            "It looks like you divided the wrong way round. Divide "
            f"{top.replace('_', ' ')} by {bottom.replace('_', ' ')}"
            f"{then.get(round(scale), '')}."
        )
    return None


def _sign(slip: Slip) -> str | None:
    if slip.expected and slip.gives(-slip.expected):
        return "Check the sign: your answer has the opposite sign to the right one."
    return None


def _rounded_too_far(slip: Slip) -> str | None:
    if not any(
        slip.value == rounded(slip.expected, places, cut=cut)
        for places in range(4)
        for cut in (False, True)
    ):
        return None
    if slip.places is not None:
        return f"Nearly, but rounded too far. Round to {slip.places} decimal places, as asked."
    if abs(slip.expected) < 0.1:
        return (
            "Nearly, but rounded too far. This answer is small, so keep more decimal places: "
            "two are not enough here."
        )
    return "Nearly, but rounded too far. Keep two decimal places."


def _close(slip: Slip) -> str | None:
    if not slip.expected or abs(slip.value - slip.expected) > _NEARLY * abs(slip.expected):
        return None
    return (
        "Close, but not quite. Work it out again from the figures, and round only the answer, "
        "not the steps on the way."
    )


_HINTS: tuple[Callable[[Slip], str | None], ...] = (
    _small_to_zero,
    _roi,
    _roas,
    _time,
    _csat,
    _hundreds,
    _wrong_way_round,
    _sign,
    _rounded_too_far,
    _close,
)


def slip_hint(slip: Slip) -> str:
    """What the learner seems to have done, and what to do instead (or the formula to use)."""
    for hint in _HINTS:
        found = hint(slip)
        if found:
            return found
    return f"Use the formula {slip.spec.general_formula} with your figures, and check each step."
