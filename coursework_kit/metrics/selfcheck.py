"""Formative self-checks: the learner types an answer, the check says right or how to get there.

No nbgrader needed. Whether an answer is right is decided by
:func:`coursework_kit.metrics.answers.close_enough`, the same rule the grader uses, and the
answer is read by :func:`coursework_kit.metrics.parsing.read_answer`, the same reader. A wrong
answer is never simply marked wrong: the check looks for the usual slips (see
:mod:`coursework_kit.metrics.slips`) and names the formula with the learner's own figures,
without giving the answer.
"""

from __future__ import annotations

from collections.abc import Mapping

from coursework_kit.errors import MetricInputError
from coursework_kit.feedback import SelfCheck
from coursework_kit.metrics.answers import UNITS, close_enough
from coursework_kit.metrics.calculation import calculate, metric_specs, read_inputs
from coursework_kit.metrics.parsing import read_answer
from coursework_kit.metrics.slips import Slip, slip_hint

__all__ = ["SelfCheck", "answer_unit", "check_answer"]


def answer_unit(metric: str) -> str:
    """The unit ``metric``'s answer is in, as :func:`~.answers.close_enough` takes it."""
    unit = metric_specs()[metric].unit
    return unit if unit in UNITS else "ratio"


def check_answer(
    metric: str, answer: object, *, places: int | None = None, **figures: object
) -> SelfCheck:
    """Check a learner's ``answer`` for ``metric`` worked out from ``figures``.

    ``places`` is the number of decimal places the learner was told to round to, if they were
    told (an answer rounded or cut off to that many places is right).

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

    def result(correct: bool, message: str, *, answered: bool = True) -> SelfCheck:
        return SelfCheck(correct, message, label=spec.label, answered=answered, check=metric)

    if answer is None or answer is ...:
        return result(
            False, "Type your answer in place of None, then run the cell again.", answered=False
        )
    try:
        reading = read_answer(answer)
    except MetricInputError as exc:
        return result(False, str(exc))
    unit = answer_unit(metric)
    note = " (Next time, type just the number without quotes.)" if reading.text else ""
    if reading.percent and unit != "percent":
        note = f" (Next time, leave out the % sign: {_short(spec.label)} is not a percentage.)"
    if close_enough(reading.value, value, unit, places=places):
        return result(True, expected.worked + "." + note)
    inputs, _ = read_inputs(spec, figures)
    slip = Slip(spec, _numbers(inputs), reading, value, unit, places)
    return result(False, slip_hint(slip))


def _numbers(inputs: Mapping[str, object]) -> dict[str, float | list[float]]:
    found: dict[str, float | list[float]] = {}
    for name, value in inputs.items():
        if isinstance(value, list):
            found[name] = [float(v) for v in value]
        elif isinstance(value, (int, float)):
            found[name] = float(value)
    return found


def _short(label: str) -> str:
    """ "Return on ad spend (ROAS)" -> "ROAS"."""
    return label.rsplit("(", 1)[-1].rstrip(")") if label.endswith(")") else label
