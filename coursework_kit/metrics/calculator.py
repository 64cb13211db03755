"""The metric calculator widget: choose a metric, type the figures, see the answer explained.

Thin by design: the arithmetic, parsing and wording live in :mod:`.calculation`. Every user
action is a method (``select``, ``type``, ``calculate``) so tests need no browser. What is in
the boxes is a :class:`.CalculatorRecord`, saved to ``evidence/calculator-metric.json`` within
a second of each change, so a new calculator on the same folder (after a kernel restart, say)
reopens with the learner's last figures and answer.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import ipywidgets as w

from coursework_kit._english import choices, join, plural
from coursework_kit._ui.layout import fit_width, wide
from coursework_kit._ui.snippets import alert, status
from coursework_kit.errors import MetricLookupError
from coursework_kit.metrics.calculation import Calculation, calculate, metric_specs
from coursework_kit.metrics.record import CalculatorRecord, CalculatorWork
from coursework_kit.records import ActivitySession, Mode

__all__ = ["MetricCalculator"]


class MetricCalculator(w.VBox):  # type: ignore[misc]
    """Pick a metric, type the inputs as you would write them ("1,200", "£250"), press Calculate.

    ``mode`` is "practice" (a workbook) or "assessment" (an assignment); it is saved with the
    figures. ``folder`` is where the evidence is kept (``evidence/`` beside the notebook).
    """

    def __init__(
        self,
        metric: str = "ctr",
        *,
        metrics: list[str] | None = None,
        folder: str | Path | None = None,
        mode: Mode = "practice",
    ) -> None:
        specs = metric_specs()
        chosen = metrics or list(specs)
        unknown = [m for m in chosen if m not in specs]
        if unknown:
            raise MetricLookupError(
                f"Unknown {plural('metric', len(unknown))} {join(map(repr, unknown))}; "
                f"choose from {choices(specs)}."
            )
        self._saved = w.HTML()
        self.session = ActivitySession(
            CalculatorRecord, "metric", folder=folder, mode=mode, notify=self._show_saved
        )
        resumed = self.session.resumed.work if self.session.resumed else None
        if resumed is not None and resumed.inputs.get("metric") in chosen:
            metric = resumed.inputs["metric"]
        self._restoring = False
        self._shown = ""  # the answer in words, as shown (kept in the record)
        self._choice = w.Dropdown(
            options=[(f"{specs[m].label} ({specs[m].group})", m) for m in chosen],
            value=metric if metric in chosen else chosen[0],
            description="Metric",
            layout=wide("36em"),
            style={"description_width": "initial"},
        )
        self._boxes: dict[str, Any] = {}
        self._problems: dict[str, Any] = {}
        self._form = w.VBox()
        self._button = w.Button(
            description="Calculate",
            button_style="primary",
            tooltip="Work out the metric from the figures above",
        )
        self._general = w.HTML()
        self._result = w.HTML()
        self.last: Calculation | None = None
        self._choice.observe(lambda _change: self._metric_changed(), names="value")
        self._button.on_click(lambda _button: self.calculate())
        super().__init__([self._choice, self._form, self._button, self._result, self._saved])
        self.add_class("ck-metric-calculator")
        fit_width(self)
        self._build_form()
        if resumed is not None:
            self._restore(resumed)
        if self.session.notices:
            self._saved.value = status(" ".join(self.session.notices))

    # -- user actions ---------------------------------------------------------------------------

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
                raise MetricLookupError(
                    f"{self.metric} has no box called {name!r}; "
                    f"its boxes are {join(map(repr, self._boxes))}."
                )
            self._boxes[name].value = str(text)

    def calculate(self) -> Calculation:
        """Press Calculate: show the answer, or a plain message beside each wrong box."""
        result = self._show(calculate(self.metric, self._typed_figures()))
        self._save()
        self.session.flush()  # pressing Calculate is a moment the learner will want kept
        return result

    # -- what the learner sees and has done -----------------------------------------------------

    @property
    def work(self) -> CalculatorWork:
        """The metric chosen ("metric"), each box's text exactly as typed, and the answer shown."""
        return CalculatorWork(
            inputs={"metric": self.metric, **self._typed_figures()}, result=self._shown
        )

    @property
    def boxes(self) -> tuple[str, ...]:
        """The names of the boxes for the metric chosen, in order."""
        return tuple(self._boxes)

    @property
    def choices(self) -> tuple[str, ...]:
        """The metrics on the menu, in order."""
        return tuple(str(value) for _, value in self._choice.options)

    def problem(self, box: str) -> str:
        """The message shown beside a box (HTML; "" when there is none)."""
        return str(self._problems[box].value)

    @property
    def shown(self) -> str:
        """What is shown under the boxes: the answer explained, or what stopped it (HTML)."""
        return str(self._result.value)

    @property
    def message(self) -> str:
        """The latest message about saving (HTML)."""
        return str(self._saved.value)

    # -- inside ---------------------------------------------------------------------------------

    def _typed_figures(self) -> dict[str, str]:
        return {name: str(box.value) for name, box in self._boxes.items()}

    def _show(self, result: Calculation) -> Calculation:
        for name, problem in self._problems.items():
            problem.value = alert(result.errors.get(name, ""))
        overall = result.errors.get("", "")
        self._result.value = (
            alert(overall) if overall else (result._repr_html_() if result.ok else "")
        )
        self._shown = result.summary
        self.last = result
        return result

    def _clear_answer(self) -> None:
        self._result.value, self._shown, self.last = "", "", None

    def _typed(self, name: str) -> None:
        # Boxes send every key (continuous_update), so the figures are saved as they are typed.
        # Once every box holds a figure that can be read, the answer appears without pressing
        # the button; a figure that cannot be read yet (half typed) is explained on Calculate.
        if self._restoring:
            return
        self._problems[name].value = ""  # it was about what the box held before
        if all(box.value.strip() for box in self._boxes.values()):
            result = calculate(self.metric, self._typed_figures())
            if result.ok:
                self._show(result)
            else:
                self._clear_answer()
        else:
            self._clear_answer()
        self._save()

    def _metric_changed(self) -> None:
        self._build_form()
        self._save()

    def _save(self) -> None:
        if not self._restoring:
            self.session.update(self.work)

    def _restore(self, work: CalculatorWork) -> None:
        self._restoring = True
        try:
            for name, box in self._boxes.items():
                if name in work.inputs:
                    box.value = work.inputs[name]
            if work.result:  # an answer was showing: work it out again from the figures
                self._show(calculate(self.metric, self._typed_figures()))
        finally:
            self._restoring = False

    def _show_saved(self, message: str, problem: bool) -> None:
        self._saved.value = alert(message) if problem else status(message)

    def _build_form(self) -> None:
        spec = metric_specs()[self.metric]
        rows = []
        self._boxes, self._problems = {}, {}
        for item in spec.inputs:
            box = w.Text(
                value=item.default,
                description=item.label,
                placeholder="type a number",
                continuous_update=True,
                style={"description_width": "initial"},
                layout=wide("36em"),
            )
            box.observe(lambda _change, name=item.name: self._typed(name), names="value")
            problem = w.HTML()
            self._boxes[item.name], self._problems[item.name] = box, problem
            rows.append(w.VBox([box, problem]))
        self._general.value = f"<p>Formula: {spec.general_formula}</p>"
        self._form.children = [self._general, *rows]
        fit_width(self._form)
        self._clear_answer()
