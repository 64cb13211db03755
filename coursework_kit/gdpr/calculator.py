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
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import ipywidgets as w

from coursework_kit._ui.layout import fit_width
from coursework_kit._ui.snippets import alert, status
from coursework_kit.errors import CourseworkError
from coursework_kit.gdpr._calendar import access_html
from coursework_kit.gdpr.deadlines import REGIONS, BreachDecision
from coursework_kit.gdpr.marketing import MarketingVerdict, questions_needed
from coursework_kit.gdpr.tools import (
    ACCESS,
    BREACH,
    MARKETING,
    MARKETING_PROMPT,
    MARKETING_QUESTIONS,
    RISK_CHOICES,
    AccessAnswer,
    breach_headline,
    marketing_answers,
    marketing_headline,
    read_access,
    read_breach,
    read_day,
    read_marketing,
)
from coursework_kit.metrics.record import CalculatorRecord, CalculatorWork, flag_text, read_flag
from coursework_kit.records import ActivitySession, Mode

__all__ = ["AccessDeadlineCalculator", "BreachHelper", "MarketingPermissionChecker"]

_STYLE = {"description_width": "initial"}


def _now() -> datetime:
    return datetime.now().astimezone()


class _Tool(w.VBox):  # type: ignore[misc]
    """What the three tools share: a record of the boxes, saved on every change."""

    def _open(self, scenario: str, folder: str | Path | None, mode: Mode) -> CalculatorWork | None:
        self._saved = w.HTML()
        self._restoring = False
        self.session = ActivitySession(
            CalculatorRecord, scenario, folder=folder, mode=mode, notify=self._show_saved
        )
        return self.session.resumed.work if self.session.resumed else None

    def _opened(self) -> None:
        if self.session.notices:
            self._saved.value = status(" ".join(self.session.notices))

    @property
    def work(self) -> CalculatorWork:
        """What is in each box, as text, and the answer shown in words."""
        raise NotImplementedError

    @property
    def message(self) -> str:
        """The latest message about saving (HTML)."""
        return str(self._saved.value)

    def _save(self) -> None:
        if not self._restoring:
            self.session.update(self.work)

    def _show_saved(self, message: str, problem: bool) -> None:
        self._saved.value = alert(message) if problem else status(message)


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
        """Answer questions by name, e.g. ``answer(channel="email", recipient="individual")``."""
        for name, value in answers.items():
            if name not in self._buttons:
                raise CourseworkError(
                    f"There is no question {name!r}; the questions are {', '.join(self._buttons)}."
                )
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
        super().__init__([self._received, self._region, self._extended, self._result, self._saved])
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
        """Work out the deadline (setting any of the inputs given first)."""
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
        """The deadline, how it was worked out and a calendar, or what to do first (HTML)."""
        return str(self._result.value)

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
        except CourseworkError as exc:
            self._answer = None
            self._result.value = status(str(exc))
            return None
        self._result.value = access_html(self._answer)
        return self._answer


class BreachHelper(_Tool):
    """After a personal data breach: who to tell and by when, with the 72-hour clock."""

    def __init__(
        self,
        *,
        clock: Callable[[], datetime] = _now,
        folder: str | Path | None = None,
        mode: Mode = "practice",
    ) -> None:
        resumed = self._open(BREACH, folder, mode)
        self._clock = clock
        self._day = w.DatePicker(description="Date you became aware", style=_STYLE)
        self._time = w.Text(
            description="Time (24-hour, e.g. 09:30)", style=_STYLE, continuous_update=True
        )
        self._risk = w.RadioButtons(options=RISK_CHOICES, value=None, layout=w.Layout(width="auto"))
        decide = w.Button(
            description="What must we do?",
            button_style="primary",
            tooltip="Work out who must be told and by when",
        )
        decide.on_click(lambda _b: self.decide())
        self._result = w.HTML()
        self._shown = ""  # the answer in words, as shown (kept in the record)
        self.decision: BreachDecision | None = None
        if resumed is not None:
            self._restore(resumed)
        for control in (self._day, self._time, self._risk):
            control.observe(lambda _c: self._save(), names="value")
        super().__init__(
            [
                self._day,
                self._time,
                w.HTML("<p><strong>Risk to people's rights and freedoms</strong></p>"),
                self._risk,
                decide,
                self._result,
                self._saved,
            ]
        )
        self.add_class("ck-breach-helper")
        fit_width(self)
        self._opened()

    def fill(
        self, *, day: date | None = None, time: str | None = None, risk: str | None = None
    ) -> None:
        """Choose the date, type the time and choose the risk, as a learner would."""
        if day is not None:
            self._day.value = day
        if time is not None:
            self._time.value = time
        if risk is not None:
            self._risk.value = risk

    def decide(
        self, aware_at: datetime | None = None, *, risk: str | None = None
    ) -> BreachDecision | None:
        """Work out the decision (from the arguments, or the form) and show the clock."""
        if aware_at is not None:
            self.fill(day=aware_at.date(), time=aware_at.strftime("%H:%M"))
        if risk is not None:
            self.fill(risk=risk)
        decision = self._work_out()
        self._save()
        self.session.flush()  # pressing the button is a moment the learner will want kept
        return decision

    def clock_text(self) -> str:
        """How long is left on the 72-hour clock, in words."""
        if self.decision is None or self.decision.ico_deadline is None:
            return ""
        now = self._clock()
        deadline = self.decision.ico_deadline
        if now.tzinfo is not None and deadline.tzinfo is None:
            now = now.replace(tzinfo=None)
        left = self.decision.hours_left(now) or 0.0
        if left <= 0:
            return alert(
                f"The 72 hours ran out {abs(left):.0f} hours ago: tell the ICO now, "
                "and explain the delay."
            )
        hours, minutes = divmod(round(left * 60), 60)
        return status(f"Time left on the 72-hour clock: {hours} hours {minutes} minutes.")

    @property
    def shown(self) -> str:
        """The decision and the clock, or what to do first (HTML)."""
        return str(self._result.value)

    @property
    def work(self) -> CalculatorWork:
        return CalculatorWork(inputs=self._inputs(), result=self._shown)

    def _inputs(self) -> dict[str, str]:
        day = self._day.value
        return {
            "day": day.isoformat() if isinstance(day, date) else "",
            "time": str(self._time.value),
            "risk": str(self._risk.value or ""),
        }

    def _work_out(self) -> BreachDecision | None:
        try:
            decision = read_breach(self._inputs())
        except CourseworkError as exc:
            self._result.value, self._shown = alert(str(exc)), str(exc)
            return None
        self.decision = decision
        self._result.value = decision._repr_html_() + self.clock_text()
        self._shown = breach_headline(decision)
        return decision

    def _restore(self, work: CalculatorWork) -> None:
        self._restoring = True
        try:
            self._day.value = read_day(work.inputs.get("day", ""))
            self._time.value = work.inputs.get("time", "")
            if work.inputs.get("risk") in [v for _, v in RISK_CHOICES]:
                self._risk.value = work.inputs["risk"]
            if work.result:  # an answer was showing: work it out again from the entries
                self._work_out()
        finally:
            self._restoring = False
