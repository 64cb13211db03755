"""Formative self-checks: the learner types an answer, the check says right or how to get there.

No nbgrader needed. A wrong answer is never simply marked wrong: the check looks for the usual
slips (forgetting × 100, dividing the wrong way round, typing a decimal instead of a
percentage) and names the formula with the learner's own figures, without giving the answer.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from coursework_kit._ui.snippets import verdict
from coursework_kit.errors import MetricInputError
from coursework_kit.metrics.calculation import MetricSpec, calculate, metric_specs
from coursework_kit.metrics.formatting import format_input
from coursework_kit.metrics.parsing import parse_number

__all__ = ["SelfCheck", "check_answer"]

# How far an answer may be from the exact value and still count: enough for sensible rounding.
_TOLERANCE = {"percent": 0.05, "pounds": 0.01, "seconds": 0.5, "ratio": 0.05, "points": 0.5}


@dataclass(frozen=True)
class SelfCheck:
    """The result of a self-check: whether it is right, and what to say to the learner."""

    metric: str
    correct: bool
    message: str
    answered: bool = True

    @property
    def label(self) -> str:
        """The measure's name, so several checks in one cell can be told apart."""
        return metric_specs()[self.metric].label

    def __repr__(self) -> str:
        return ("Right! " if self.correct else "Not yet. ") + self.message

    def _repr_html_(self) -> str:
        return verdict(self.correct, self.message, label=self.label, answered=self.answered)


def _close(a: float, b: float, unit: str) -> bool:
    return abs(a - b) <= max(_TOLERANCE.get(unit, 0.01), abs(b) * 0.001)


def check_answer(metric: str, answer: object, **figures: object) -> SelfCheck:
    """Check a learner's ``answer`` for ``metric`` worked out from ``figures``.

    >>> check_answer("ctr", 2.5, clicks=45, impressions=1800)
    Right! 45 ÷ 1,800 × 100 = 2.50%.
    >>> check_answer("ctr", 0.025, clicks=45, impressions=1800).message
    'It looks like you worked out 45 ÷ 1,800 but did not multiply by 100 to make a percentage.'
    """
    spec = metric_specs()[metric]
    expected = calculate(metric, figures)
    if not expected.ok or expected.value is None:
        raise MetricInputError("; ".join(expected.errors.values()))
    value = expected.value
    if answer is None or answer is ...:
        return SelfCheck(
            metric,
            False,
            "Type your answer in place of None, then run the cell again.",
            answered=False,
        )
    note = ""
    if isinstance(answer, str):
        try:
            number = parse_number(answer.rstrip("%").strip(), "your answer")
        except MetricInputError as exc:
            return SelfCheck(metric, False, str(exc))
        note = " (Next time, type just the number without quotes.)"
    elif isinstance(answer, bool) or not isinstance(answer, (int, float)):
        return SelfCheck(metric, False, "Your answer should be a number, for example 2.5.")
    else:
        number = float(answer)
    if math.isnan(number):
        return SelfCheck(metric, False, "Your answer should be a number, for example 2.5.")
    if _close(number, value, spec.unit):
        return SelfCheck(metric, True, expected.worked + "." + note)
    return SelfCheck(metric, False, _hint(spec, figures, number, value))


def _hint(spec: MetricSpec, figures: Mapping[str, object], number: float, value: float) -> str:
    if spec.unit == "percent" and len(spec.inputs) == 2:
        top_spec, bottom_spec = spec.inputs
        top = float(figures[top_spec.name])  # type: ignore[arg-type]
        bottom = float(figures[bottom_spec.name])  # type: ignore[arg-type]
        if _close(number * 100, value, spec.unit):
            return (
                f"It looks like you worked out {format_input(top, top_spec.kind)} ÷ "
                f"{format_input(bottom, bottom_spec.kind)} but did not multiply by 100 to make "
                "a percentage."
            )
        inverted = bottom / top * 100 if top else None
        if inverted is not None and (
            _close(number, inverted, "ratio") or _close(number * 100, inverted, "ratio")
        ):
            return (
                "It looks like you divided the wrong way round. Divide "
                f"{top_spec.name.replace('_', ' ')} by {bottom_spec.name.replace('_', ' ')}, "
                "then multiply by 100."
            )
    if value and _close(-number, value, spec.unit):
        return "Check the sign: your answer has the opposite sign to the right one."
    return (
        f"Not quite. Use the formula {spec.general_formula} with your figures, and check each step."
    )
