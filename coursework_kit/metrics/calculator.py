"""The metric calculator widget: choose a metric, type the figures, see the answer explained.

Thin by design: the arithmetic, parsing and wording live in :mod:`.calculation`. Every user
action is a method (``select``, ``type``, ``calculate``) so tests need no browser.
"""

from __future__ import annotations

import ipywidgets as w

from coursework_kit._display import alert, fit_width, wide
from coursework_kit.metrics.calculation import Calculation, calculate, metric_specs

__all__ = ["MetricCalculator"]


class MetricCalculator(w.VBox):  # type: ignore[misc]
    """Pick a metric, type the inputs as you would write them ("1,200", "£250"), press Calculate."""

    def __init__(self, metric: str = "ctr", *, metrics: list[str] | None = None) -> None:
        specs = metric_specs()
        chosen = metrics or list(specs)
        unknown = [m for m in chosen if m not in specs]
        if unknown:
            raise KeyError(
                f"Unknown metric(s) {', '.join(unknown)}; choose from {', '.join(specs)}."
            )
        self._choice = w.Dropdown(
            options=[(f"{specs[m].label} ({specs[m].group})", m) for m in chosen],
            value=metric if metric in chosen else chosen[0],
            description="Metric",
            layout=wide("36em"),
            style={"description_width": "initial"},
        )
        self._boxes: dict[str, w.Text] = {}
        self._problems: dict[str, w.HTML] = {}
        self._form = w.VBox()
        self._button = w.Button(
            description="Calculate",
            button_style="primary",
            tooltip="Work out the metric from the figures above",
        )
        self._general = w.HTML()
        self._result = w.HTML()
        self.last: Calculation | None = None
        self._choice.observe(lambda _change: self._build_form(), names="value")
        self._button.on_click(lambda _button: self.calculate())
        super().__init__([self._choice, self._form, self._button, self._result])
        self.add_class("ck-metric-calculator")
        fit_width(self)
        self._build_form()

    @property
    def metric(self) -> str:
        return str(self._choice.value)

    def select(self, metric: str) -> None:
        """Choose the metric to work out (the same as picking it from the list)."""
        self._choice.value = metric

    def type(self, **figures: str) -> None:
        """Type figures into the boxes, e.g. ``type(clicks="45", impressions="1,800")``."""
        for name, text in figures.items():
            if name not in self._boxes:
                raise KeyError(
                    f"{self.metric} has no box called {name!r}; "
                    f"its boxes are {', '.join(self._boxes)}."
                )
            self._boxes[name].value = str(text)

    def calculate(self) -> Calculation:
        """Press Calculate: show the answer, or a plain message beside each wrong box."""
        typed = {name: box.value for name, box in self._boxes.items()}
        result = calculate(self.metric, typed)
        for name, problem in self._problems.items():
            problem.value = alert(result.errors.get(name, ""))
        overall = result.errors.get("", "")
        self._result.value = (
            alert(overall) if overall else (result._repr_html_() if result.ok else "")
        )
        self.last = result
        return result

    def _typed(self, _change: object) -> None:
        # Enter or leaving a box updates it (continuous_update=False); once every box has
        # something in it the answer appears without pressing the button.
        if all(box.value.strip() for box in self._boxes.values()):
            self.calculate()

    def _build_form(self) -> None:
        spec = metric_specs()[self.metric]
        rows = []
        self._boxes, self._problems = {}, {}
        for item in spec.inputs:
            box = w.Text(
                value=item.default,
                description=item.label,
                placeholder="type a number",
                continuous_update=False,
                style={"description_width": "initial"},
                layout=wide("36em"),
            )
            box.observe(self._typed, names="value")
            problem = w.HTML()
            self._boxes[item.name], self._problems[item.name] = box, problem
            rows.append(w.VBox([box, problem]))
        self._general.value = f"<p>Formula: {spec.general_formula}</p>"
        self._form.children = [self._general, *rows]
        fit_width(self._form)
        self._result.value = ""
        self.last = None
