"""The metric calculator's logic: typed text in, an answer with its working out.

The menu of metrics (labels, inputs, formulas, meanings) is data, in
``datasets/metrics/calculator.yaml``; this module reads typed values, calls the metric
function, and builds the :class:`Calculation` the widget shows.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from coursework_kit._english import choices, count
from coursework_kit.errors import MetricInputError, MetricLookupError
from coursework_kit.metrics import abtest, marketing, service
from coursework_kit.metrics.formatting import format_input, format_value
from coursework_kit.metrics.parsing import parse_list, parse_number

__all__ = [
    "Calculation",
    "InputSpec",
    "MetricSpec",
    "calculate",
    "metric_specs",
    "read_inputs",
]


@dataclass(frozen=True)
class InputSpec:
    name: str
    label: str
    kind: str
    default: str = ""


@dataclass(frozen=True)
class MetricSpec:
    id: str
    label: str
    group: str
    unit: str
    inputs: tuple[InputSpec, ...]
    formula: str
    meaning: str

    def function(self) -> Callable[..., Any]:
        for module in (marketing, service, abtest):
            found: Callable[..., Any] | None = getattr(module, self.id, None)
            if callable(found):
                return found
        raise MetricLookupError(
            f"calculator.yaml lists the metric {self.id!r}, but coursework_kit.metrics has no "
            "function of that name."
        )

    @property
    def general_formula(self) -> str:
        """The formula in words, e.g. "clicks ÷ impressions × 100"."""
        words = {i.name: i.name.replace("_", " ") for i in self.inputs}
        words |= {
            "satisfied": "ratings of 4 or 5",
            "total": "number of answers",
            "promoters": "promoters (9-10)",
            "detractors": "detractors (0-6)",
        }
        return self.formula.format(**words)


@lru_cache(maxsize=1)
def metric_specs() -> dict[str, MetricSpec]:
    """Every metric the calculator offers, by id, in menu order."""
    from coursework_kit.datasets._shipped import load_shipped

    raw = load_shipped("metrics/calculator.yaml", schema="metrics/calculator.schema.json")
    specs = {}
    for item in raw["metrics"]:
        inputs = tuple(InputSpec(**i) for i in item["inputs"])
        specs[item["id"]] = MetricSpec(**{**item, "inputs": inputs})
    return specs


@dataclass(frozen=True)
class Calculation:
    """The answer to one calculation, or the problems with the inputs that stopped it."""

    metric: MetricSpec
    value: float | None = None
    answer: str = ""
    worked: str = ""
    meaning: str = ""
    errors: dict[str, str] = field(default_factory=dict)
    detail: Any = None

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def summary(self) -> str:
        """The answer in words as the calculator shows it, or what stopped it."""
        if not self.ok:
            return "Not worked out yet: " + " ".join(self.errors.values())
        return f"{self.metric.label}: {self.answer}"

    def __repr__(self) -> str:
        if not self.ok:
            return f"Calculation({self.metric.id}: " + "; ".join(self.errors.values()) + ")"
        return f"Calculation({self.metric.id} = {self.answer})"

    def _repr_html_(self) -> str:
        if not self.ok:
            items = "".join(f"<li>{html.escape(m)}</li>" for m in self.errors.values())
            return f"<div role='alert'><strong>Not worked out yet:</strong><ul>{items}</ul></div>"
        return (
            f"<div role='status'><p><strong>{html.escape(self.metric.label)}: "
            f"{html.escape(self.answer)}</strong></p>"
            f"<p>Formula: {html.escape(self.metric.general_formula)}</p>"
            f"<p>With your numbers: {html.escape(self.worked)}</p>"
            f"<p>{html.escape(self.meaning)}</p></div>"
        )


def _read(spec: InputSpec, text: object) -> float | list[float]:
    if spec.kind in ("ratings", "scores"):
        if isinstance(text, Iterable) and not isinstance(text, (str, bytes, Mapping)):
            return [parse_number(t, spec.label) for t in text]
        return parse_list(text, spec.label.split(",")[0].lower())
    label = spec.label.split(" (")[0].lower()
    value = parse_number(text, label, percent="fraction" if spec.kind == "fraction" else "refuse")
    if spec.kind != "fraction" and isinstance(text, str) and "%" in text:
        raise MetricInputError(f"Type {label} without the % sign.")
    return value


def read_inputs(
    spec: MetricSpec, inputs: Mapping[str, object]
) -> tuple[dict[str, Any], dict[str, str]]:
    """Each of ``spec``'s inputs read from ``inputs`` (a number, or a list for ratings and
    scores), and a message for each that cannot be read, by input name."""
    values: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for item in spec.inputs:
        try:
            values[item.name] = _read(item, inputs.get(item.name, item.default))
        except MetricInputError as exc:
            errors[item.name] = str(exc)
    return values, errors


def calculate(metric: str, inputs: Mapping[str, object]) -> Calculation:
    """Work out ``metric`` from typed ``inputs`` (text as typed, or numbers).

    >>> result = calculate("ctr", {"clicks": "45", "impressions": "1,800"})
    >>> result.answer, result.worked
    ('2.50%', '45 ÷ 1,800 × 100 = 2.50%')
    >>> calculate("ctr", {"clicks": "lots", "impressions": "1800"}).errors["clicks"]
    "'lots' is not a number. Type clicks using digits, for example 1200."
    """
    specs = metric_specs()
    if metric not in specs:
        raise MetricLookupError(
            f"There is no metric called {metric!r}; choose one of {choices(specs)}."
        )
    spec = specs[metric]
    values, errors = read_inputs(spec, inputs)
    if errors:
        return Calculation(spec, errors=errors)
    try:
        result = spec.function()(**values)
    except MetricInputError as exc:
        # With one box the problem is about that box, so it is shown under it; a problem
        # with how figures fit together (clicks more than impressions) is shown under them all.
        about = spec.inputs[0].name if len(spec.inputs) == 1 else ""
        return Calculation(spec, errors={about: str(exc)})
    shown = {i.name: _show(values[i.name], i.kind) for i in spec.inputs}
    if isinstance(result, abtest.ABTestResult):
        answer = f"z = {result.z:.2f}, p = {result.p_value:.3f}: " + (
            "significant" if result.significant else "not significant"
        )
        worked = spec.formula.format(**shown) + f" = {result.z:.2f}"
        return Calculation(spec, result.z, answer, worked, result.summary, detail=result)
    answer = format_value(result, spec.unit)
    shown |= _list_counts(values)
    worked = f"{spec.formula.format(**shown)} = {answer}"
    meaning = spec.meaning.format(result=answer, result_number=f"{result:,.1f}", **shown)
    return Calculation(spec, float(result), answer, worked, meaning)


def _show(value: float | list[float], kind: str) -> str:
    if isinstance(value, list):
        return count(len(value), "answer")
    return format_input(value, kind)


def _list_counts(values: Mapping[str, Any]) -> dict[str, str]:
    if "ratings" in values:
        ratings = values["ratings"]
        return {"satisfied": str(sum(1 for r in ratings if r >= 4)), "total": str(len(ratings))}
    if "scores" in values:
        scores = values["scores"]
        return {
            "promoters": str(sum(1 for s in scores if s >= 9)),
            "detractors": str(sum(1 for s in scores if s <= 6)),
            "total": str(len(scores)),
        }
    return {}
