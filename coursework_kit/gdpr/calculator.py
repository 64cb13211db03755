"""Three tools an adviser or marketer would use: marketing permission, the subject access
deadline and the breach decision.

Thin by design: every rule is in the pure modules beside this one, and reading the boxes is in
:mod:`.tools`. What is in each tool's boxes is a calculator record, saved to
``evidence/calculator-<tool>.json`` within a second of each change, so a tool opened again on
the same folder (after a kernel restart, say) shows the learner's last entries and answer.
Each user action is a method, so tests drive the widgets without a browser.
"""

from __future__ import annotations

import html
from datetime import date, datetime
from pathlib import Path
from typing import Any

import ipywidgets as w

from coursework_kit._english import choices
from coursework_kit._ui.layout import fit_width
from coursework_kit._ui.snippets import status
from coursework_kit.errors import CourseworkError, EntryError, GdprInputError, GdprTypeError
from coursework_kit.gdpr._calendar import access_html
from coursework_kit.gdpr.breach_widget import BreachHelper
from coursework_kit.gdpr.deadlines import REGIONS
from coursework_kit.gdpr.marketing import MarketingVerdict, questions_needed
from coursework_kit.gdpr.tool_widget import STYLE
from coursework_kit.gdpr.tool_widget import Tool as _Tool
from coursework_kit.gdpr.tools import (
    ACCESS,
    MARKETING,
    MARKETING_PROMPT,
    MARKETING_QUESTIONS,
    AccessAnswer,
    marketing_answers,
    marketing_headline,
    read_access,
    read_day,
    read_marketing,
)
from coursework_kit.metrics.record import CalculatorWork, flag_text, read_flag
from coursework_kit.records import Mode

__all__ = ["AccessDeadlineCalculator", "BreachHelper", "MarketingPermissionChecker"]

_STYLE = STYLE


class MarketingPermissionChecker(_Tool):
    """The PECR questions one at a time, then the verdict and why."""

    def __init__(self, *, folder: str | Path | None = None, mode: Mode = "practice") -> None:
        resumed = self._open(MARKETING, folder, mode)
        self._buttons: dict[str, Any] = {}
        self._rows: dict[str, Any] = {}
        for name, question, options in MARKETING_QUESTIONS:
            buttons = w.ToggleButtons(
                options=list(options), value=None, style={"button_width": "auto"}
            )
            buttons.observe(lambda _c: self._changed(), names="value")
            self._buttons[name] = buttons
            self._rows[name] = w.VBox(
                [w.HTML(f"<p><strong>{html.escape(question)}</strong></p>"), buttons]
            )
        self._verdict = w.HTML()
        super().__init__([*self._rows.values(), self._verdict, self._saved])
        self.add_class("ck-marketing-checker")
        fit_width(self)
        if resumed is not None:
            self._restoring = True
            try:
                for name, _question, options in MARKETING_QUESTIONS:
                    text = resumed.inputs.get(name, "")
                    value = read_flag(text) if isinstance(options[0][1], bool) else text
                    if value in [v for _, v in options]:
                        self._buttons[name].value = value
            finally:
                self._restoring = False
        self._show()
        self._opened()

    def answer(self, **answers: Any) -> MarketingVerdict | None:
        """Answer questions by name, e.g. ``answer(channel="email", recipient="individual")``;
        None clears an answer. An answer a question does not offer raises a plain
        :class:`GdprInputError` naming the ones it does."""
        options = {name: [v for _, v in opts] for name, _q, opts in MARKETING_QUESTIONS}
        for name, value in answers.items():
            if name not in self._buttons:
                raise CourseworkError(
                    f"There is no question {name!r}; the questions are {', '.join(self._buttons)}."
                )
            if value is None:  # clears the answer, as a learner can
                continue
            if value not in options[name] or type(value) is not type(options[name][0]):
                shown = ", ".join(repr(v) for v in options[name])
                raise GdprInputError(
                    f"{value!r} is not an answer to {name!r}; use one of: {shown}."
                )
        for name, value in answers.items():
            self._buttons[name].value = value
        return self.verdict

    @property
    def verdict(self) -> MarketingVerdict | None:
        """The verdict once enough questions are answered, else None."""
        return read_marketing(self._inputs())

    @property
    def questions_shown(self) -> tuple[str, ...]:
        """The questions on screen: only those the verdict needs, given the answers so far."""
        return tuple(questions_needed(marketing_answers(self._inputs())))

    @property
    def shown(self) -> str:
        """The verdict and why, or what to do first (HTML)."""
        return str(self._verdict.value)

    @property
    def work(self) -> CalculatorWork:
        verdict = self.verdict
        return CalculatorWork(
            inputs=self._inputs(), result=marketing_headline(verdict) if verdict else ""
        )

    def _inputs(self) -> dict[str, str]:
        return {
            name: flag_text(b.value) if isinstance(b.value, bool) else str(b.value or "")
            for name, b in self._buttons.items()
        }

    def _changed(self) -> None:
        self._show()
        self._save()

    def _show(self) -> None:
        needed = self.questions_shown
        for name, row in self._rows.items():
            row.layout.display = None if name in needed else "none"
        verdict = self.verdict
        self._verdict.value = verdict._repr_html_() if verdict else status(MARKETING_PROMPT)


class AccessDeadlineCalculator(_Tool):
    """When must a subject access request be answered? The date, the reason and a calendar."""

    def __init__(
        self,
        received: date | None = None,
        *,
        folder: str | Path | None = None,
        mode: Mode = "practice",
    ) -> None:
        resumed = self._open(ACCESS, folder, mode)
        self._received = w.DatePicker(description="Request received", value=received, style=_STYLE)
        self._region = w.Dropdown(
            options=[(k.replace("_", " ").title(), k) for k in REGIONS],
            value="england",
            description="Where",
            style=_STYLE,
        )
        self._extended = w.Checkbox(
            value=False, indent=False, description="Extended (complex or many requests)"
        )
        if resumed is not None:
            saved = resumed.inputs
            self._received.value = read_day(saved.get("received", ""))
            if saved.get("region") in REGIONS:
                self._region.value = saved["region"]
            self._extended.value = read_flag(saved.get("extended", "")) is True
        for control in (self._received, self._region, self._extended):
            control.observe(lambda _c: self._changed(), names="value")
        self._result = w.HTML()
        self._answer: AccessAnswer | None = None
        super().__init__(
            [
                self._beside("received", self._received),
                self._beside("region", self._region),
                self._beside("extended", self._extended),
                self._result,
                self._saved,
            ]
        )
        self.add_class("ck-dsar-calculator")
        fit_width(self)
        self._show()
        self._opened()

    def calculate(
        self,
        received: date | None = None,
        *,
        region: str | None = None,
        extended: bool | None = None,
    ) -> date | None:
        """Work out the deadline (setting any of the inputs given first).

        Inputs that cannot be used raise a :class:`GdprInputError` in plain words; a date the
        rules cannot handle (before 25 May 2018, or past 2100) is shown beside the date box
        and gives None.
        """
        if received is not None and (
            isinstance(received, datetime) or not isinstance(received, date)
        ):
            raise GdprTypeError(
                f"The date received must be a date, such as date(2026, 3, 14), not {received!r}."
            )
        if region is not None and region not in REGIONS:
            raise GdprInputError(
                f"{region!r} is not a part of the UK these rules know; use one of: "
                f"{choices(REGIONS)}."
            )
        if extended is not None and not isinstance(extended, bool):
            raise GdprTypeError(f"extended must be True or False, not {extended!r}.")
        if received is not None:
            self._received.value = received
        if region is not None:
            self._region.value = region
        if extended is not None:
            self._extended.value = extended
        answer = self._show()
        return None if answer is None else answer.deadline

    @property
    def shown(self) -> str:
        """The deadline, how it was worked out and a calendar, or what to put right (HTML)."""
        return self.problem + str(self._result.value)

    @property
    def work(self) -> CalculatorWork:
        return CalculatorWork(
            inputs=self._inputs(), result=self._answer.summary if self._answer else ""
        )

    def _inputs(self) -> dict[str, str]:
        day = self._received.value
        return {
            "received": day.isoformat() if isinstance(day, date) else "",
            "region": str(self._region.value),
            "extended": flag_text(bool(self._extended.value)),
        }

    def _changed(self) -> None:
        self._show()
        self._save()

    def _show(self) -> AccessAnswer | None:
        try:
            self._answer = read_access(self._inputs())
        except EntryError as exc:
            self._answer = None
            if self._inputs()["received"]:
                self._note(exc)
                self._result.value = ""
            else:  # nothing chosen yet: say what to do, without an alarm
                self._note()
                self._result.value = status(str(exc))
            return None
        self._note()
        self._result.value = access_html(self._answer)
        return self._answer
