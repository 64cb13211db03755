"""The breach decision helper: who to tell after a personal data breach, and by when, with the
72-hour clock counted in real hours and shown in UK time."""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import ipywidgets as w

from coursework_kit._english import choices
from coursework_kit._ui.layout import fit_width
from coursework_kit._ui.snippets import alert, status
from coursework_kit.errors import CourseworkError, EntryError, GdprInputError, GdprTypeError
from coursework_kit.gdpr._uktime import to_uk
from coursework_kit.gdpr.deadlines import RISKS, BreachDecision
from coursework_kit.gdpr.tool_widget import STYLE as _STYLE
from coursework_kit.gdpr.tool_widget import Tool as _Tool
from coursework_kit.gdpr.tool_widget import duration as _duration
from coursework_kit.gdpr.tool_widget import now as _now
from coursework_kit.gdpr.tools import BREACH, RISK_CHOICES, breach_headline, read_breach, read_day
from coursework_kit.metrics.record import CalculatorWork
from coursework_kit.records import Mode

__all__ = ["BreachHelper"]


class BreachHelper(_Tool):
    """After a personal data breach: who to tell and by when, with the 72-hour clock.

    The date and time typed are UK local time; the clock counts 72 real hours, so a clock
    change inside them moves the deadline on the clock, not in time. ``clock`` gives "now"
    (a time with no zone is UK local time): a moment after it is refused beside its box.
    """

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
                self._beside("day", self._day),
                self._beside("time", self._time),
                w.HTML("<p><strong>Risk to people's rights and freedoms</strong></p>"),
                self._beside("risk", self._risk),
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
        """Choose the date, type the time and choose the risk, as a learner would.

        Values no learner could enter raise a :class:`GdprInputError` in plain words; what a
        learner could type (a time that is not a time, say) is shown beside its box instead.
        """
        if day is not None and (isinstance(day, datetime) or not isinstance(day, date)):
            raise GdprTypeError(
                f"day must be a date, such as date(2026, 3, 2), not {day!r}. "
                'Give the time separately, as text: time="09:30".'
            )
        if time is not None and not isinstance(time, str):
            raise GdprTypeError(f'time must be text, such as "09:30", not {time!r}.')
        if risk is not None and risk not in RISKS:
            raise GdprInputError(
                f"{risk!r} is not a risk level these rules know; use one of: {choices(RISKS)}."
            )
        if day is not None:
            self._day.value = day
        if time is not None:
            self._time.value = time
        if risk is not None:
            self._risk.value = risk

    def decide(
        self, aware_at: datetime | None = None, *, risk: str | None = None
    ) -> BreachDecision | None:
        """Work out the decision (from the arguments, or the form) and show the clock.

        ``aware_at`` with no time zone is UK local time.
        """
        if aware_at is not None:
            if not isinstance(aware_at, datetime):
                raise GdprTypeError(
                    "aware_at must be a date and time, such as datetime(2026, 3, 2, 9, 30), "
                    f"not {aware_at!r}."
                )
            local = to_uk(aware_at)[0] if aware_at.tzinfo is not None else aware_at
            self.fill(day=local.date(), time=local.strftime("%H:%M"))
        if risk is not None:
            self.fill(risk=risk)
        decision = self._work_out()
        self._save()
        self.session.flush()  # pressing the button is a moment the learner will want kept
        return decision

    def clock_text(self) -> str:
        """How long is left on the 72-hour clock, in words (HTML)."""
        if self.decision is None or self.decision.ico_deadline is None:
            return ""
        left = self.decision.hours_left(self._clock())
        minutes = math.floor(abs(left or 0.0) * 60)
        if left is not None and left > 0:
            if minutes == 0:
                return alert("Less than a minute is left on the 72-hour clock: tell the ICO now.")
            return status(f"Time left on the 72-hour clock: {_duration(minutes)}.")
        if minutes == 0:
            return alert("The 72 hours have just run out: tell the ICO now, and explain the delay.")
        return alert(
            f"The 72 hours ran out {_duration(minutes)} ago: tell the ICO now, "
            "and explain the delay."
        )

    @property
    def shown(self) -> str:
        """The decision and the clock, or what to put right (HTML)."""
        return self.problem + str(self._result.value)

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
            decision = read_breach(self._inputs(), now=self._clock())
        except EntryError as exc:
            self.decision = None
            self._note(exc)
            self._result.value, self._shown = "", str(exc)
            return None
        except CourseworkError as exc:  # not about one box (no time zone rules, say)
            self.decision = None
            self._note()
            self._result.value, self._shown = alert(str(exc)), str(exc)
            return None
        self._note()
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
