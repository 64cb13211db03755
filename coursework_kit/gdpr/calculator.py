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
import math
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import ipywidgets as w

from coursework_kit._english import count
from coursework_kit._ui.layout import fit_width
from coursework_kit._ui.snippets import alert, status
from coursework_kit.errors import CourseworkError, EntryError, GdprInputError, GdprTypeError
from coursework_kit.gdpr._calendar import access_html
from coursework_kit.gdpr._uktime import to_uk
from coursework_kit.gdpr.deadlines import REGIONS, RISKS, BreachDecision
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


def _duration(minutes: int) -> str:
    """A length of time in words: "47 hours 30 minutes", "1 hour", "5 minutes"."""
    hours, minutes = divmod(minutes, 60)
    parts = [count(hours, "hour") if hours else "", count(minutes, "minute") if minutes else ""]
    return " ".join(part for part in parts if part)


class _Tool(w.VBox):  # type: ignore[misc]
    """What the three tools share: a record of the boxes, saved on every change."""

    def _open(self, scenario: str, folder: str | Path | None, mode: Mode) -> CalculatorWork | None:
        self._saved = w.HTML()
        self._notes: dict[str, Any] = {}  # box -> a problem with it, shown beside it
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

    def _beside(self, box: str, control: Any) -> Any:
        """``control`` with room beside it for a problem with what is in it."""
        self._notes[box] = w.HTML()
        return w.HBox([control, self._notes[box]])

    def _note(self, problem: EntryError | None = None) -> None:
        """Show ``problem`` beside its box (and clear the others); None clears them all."""
        for box, note in self._notes.items():
            note.value = alert(str(problem)) if problem and problem.box == box else ""

    @property
    def problem(self) -> str:
        """A problem with what is in a box, as shown beside that box ("" if there is none)."""
        return " ".join(str(note.value) for note in self._notes.values() if note.value)


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
                f"{', '.join(REGIONS)}."
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
                f"{risk!r} is not a risk level these rules know; use one of: {', '.join(RISKS)}."
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
