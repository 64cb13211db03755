"""Assess a calculator record: the answer worked out again from the entries saved in it.

The answer saved with the entries is what the learner saw, kept for people reading the file;
it is never trusted. Each calculator (the record's scenario) has its own assessor: the metric
calculator's is here, the data protection tools' are in :mod:`coursework_kit.gdpr.tools`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from coursework_kit.feedback import Feedback, Finding
from coursework_kit.metrics.calculation import calculate, metric_specs
from coursework_kit.metrics.record import CALCULATORS, CalculatorRecord

__all__ = ["assess", "assess_metric"]

# scenario -> "module:function" that assesses that calculator's record
_ASSESSORS = {
    "metric": "coursework_kit.metrics.assess:assess_metric",
    "access-deadline": "coursework_kit.gdpr.tools:assess_access",
    "breach": "coursework_kit.gdpr.tools:assess_breach",
    "marketing-permission": "coursework_kit.gdpr.tools:assess_marketing",
}


def assess(record: CalculatorRecord) -> Feedback:
    """The latest attempt's answer, worked out again from what was typed in each box."""
    if record.scenario not in _ASSESSORS:
        return Feedback(
            activity=record.activity,
            summary="This is not a calculator the kit knows.",
            findings=(
                Finding(
                    severity="unsure",
                    check="calculator",
                    message=(
                        f"There is no calculator called {record.scenario!r}; the calculators "
                        f"are {', '.join(CALCULATORS)}."
                    ),
                ),
            ),
        )
    module, _, name = _ASSESSORS[record.scenario].partition(":")
    assessor: Callable[[CalculatorRecord], Feedback] = getattr(
        importlib.import_module(module), name
    )
    return assessor(record)


def assess_metric(record: CalculatorRecord) -> Feedback:
    """The metric calculator: the metric chosen, worked out from the figures typed."""
    latest = record.latest
    if latest is None:
        return Feedback(activity=record.activity, summary="Nothing typed into the calculator yet.")
    inputs = latest.work.inputs
    specs = metric_specs()
    metric = inputs.get("metric", "")
    if metric not in specs:
        return Feedback(
            activity=record.activity,
            summary="No metric chosen.",
            findings=(
                Finding(
                    severity="unsure",
                    check="metric",
                    message=f"The calculator has no metric called {metric!r}.",
                    quote=metric,
                    where="metric",
                ),
            ),
        )
    spec = specs[metric]
    typed = {i.name: inputs[i.name] for i in spec.inputs if i.name in inputs}
    result = calculate(metric, typed)
    if result.ok:
        finding = Finding(
            severity="good",
            check="answer",
            message=f"{result.summary}. With your numbers: {result.worked}",
            why=result.meaning,
            where=metric,
        )
        return Feedback(activity=record.activity, summary=result.summary, findings=(finding,))
    findings = tuple(
        Finding(
            severity="must fix",
            check="figure",
            message=message,
            quote=typed.get(box, ""),
            where=box or metric,
        )
        for box, message in result.errors.items()
    )
    return Feedback(
        activity=record.activity,
        summary=f"{spec.label}: not worked out yet.",
        findings=findings,
    )
