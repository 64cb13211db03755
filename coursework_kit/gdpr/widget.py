"""Widgets for data protection and ePrivacy: decision scenarios, and three tools an adviser or
marketer would use (marketing permission, subject-access deadline, breach decision).

Thin by design: every rule is in the pure modules beside this one. Each user action is a
method, so tests drive the widgets without a browser.
"""

from __future__ import annotations

import calendar
import html
from collections.abc import Callable
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import ipywidgets as w

from coursework_kit._display import CHOICE_STYLE, alert, fit_width, save_evidence, status, wide
from coursework_kit.errors import CourseworkError
from coursework_kit.evidence import Evidence
from coursework_kit.gdpr.deadlines import (
    REGIONS,
    SOURCE_ACCESS,
    BreachDecision,
    _add_months,
    bank_holiday,
    breach_notification,
    dsar_deadline,
    is_working_day,
)
from coursework_kit.gdpr.marketing import (
    MarketingVerdict,
    check_electronic_marketing,
    questions_needed,
)
from coursework_kit.gdpr.scenarios import DecisionResult, DecisionScenario, load_decisions

__all__ = ["AccessDeadlineCalculator", "BreachHelper", "MarketingPermissionChecker", "ScenarioQuiz"]

_STYLE = {"description_width": "initial"}


def _now() -> datetime:
    return datetime.now().astimezone()


class ScenarioQuiz(w.VBox):  # type: ignore[misc]
    """Decision scenarios one at a time: choose, say why, get feedback citing the rule."""

    def __init__(
        self,
        *,
        topics: list[str] | None = None,
        unit: int | None = None,
        folder: str | Path | None = None,
    ) -> None:
        self.scenarios = load_decisions(topics=topics, unit=unit)
        if not self.scenarios:
            raise CourseworkError("No scenarios match those topics and unit.")
        name = "gdpr-decisions" + (f"-unit{unit}" if unit else "")
        self.evidence = Evidence(name) if folder is None else Evidence(name, folder=Path(folder))
        self._attempt = self.evidence.next_attempt()
        self.results: dict[str, DecisionResult] = {}
        self._log: list[dict[str, Any]] = []
        self.index = 0
        self._progress, self._body, self._feedback, self._score = (
            w.HTML(),
            w.HTML(),
            w.HTML(),
            w.HTML(),
        )
        self._choices = w.RadioButtons(options=[], value=None, layout=w.Layout(width="auto"))
        self._choices.add_class("ck-choices")
        self._reasoning = w.Textarea(
            placeholder="Why? Say which rule makes this the right thing to do.",
            description="Your reasoning",
            style=_STYLE,
            layout=wide(),
        )
        check = w.Button(
            description="Check my answer",
            button_style="primary",
            tooltip="Check your answer and see the rule",
        )
        check.on_click(lambda _b: self.check())
        back = w.Button(description="Previous", tooltip="Go to the previous scenario")
        back.on_click(lambda _b: self.previous())
        forward = w.Button(description="Next", tooltip="Go to the next scenario")
        forward.on_click(lambda _b: self.next())
        self._saved = w.HTML()
        super().__init__(
            [
                w.HTML(CHOICE_STYLE),
                self._progress,
                self._body,
                self._choices,
                self._reasoning,
                w.HBox([check, back, forward]),
                self._feedback,
                self._score,
                self._saved,
            ]
        )
        self.add_class("ck-gdpr-scenarios")
        fit_width(self)
        self._show()

    @property
    def current(self) -> DecisionScenario:
        return self.scenarios[self.index]

    @property
    def score(self) -> tuple[int, int]:
        """(right, answered) for the latest answer to each scenario."""
        return sum(r.correct for r in self.results.values()), len(self.results)

    def choose(self, choice_id: str) -> None:
        """Pick a choice, as clicking it would."""
        self.current.choice(choice_id)
        self._choices.value = choice_id

    def reason(self, text: str) -> None:
        """Type the reasoning box."""
        self._reasoning.value = text

    def check(self) -> DecisionResult | None:
        """Press "Check my answer": feedback with the rule and its source; saved as evidence."""
        if self._choices.value is None:
            self._feedback.value = alert("Choose an answer first.")
            return None
        result = self.current.decide(str(self._choices.value), self._reasoning.value)
        self.results[self.current.id] = result
        prompt = (
            ""
            if result.reasoning
            else status("Tip: write your reasoning too. Assessors look for why, not just what.")
        )
        self._feedback.value = result._repr_html_() + prompt
        self._log.append(
            {
                "scenario": self.current.id,
                "chosen": result.chosen,
                "correct": result.correct,
                "reasoning": result.reasoning,
                "at": _now().isoformat(timespec="seconds"),
            }
        )
        self._save()
        self._show_score()
        return result

    def next(self) -> None:
        self.go_to(self.scenarios[(self.index + 1) % len(self.scenarios)].id)

    def previous(self) -> None:
        self.go_to(self.scenarios[(self.index - 1) % len(self.scenarios)].id)

    def go_to(self, scenario_id: str) -> None:
        """Show a scenario by its id."""
        ids = [s.id for s in self.scenarios]
        if scenario_id not in ids:
            raise CourseworkError(f"There is no scenario {scenario_id!r} here.")
        self.index = ids.index(scenario_id)
        self._show()

    def _show(self) -> None:
        s = self.current
        self._progress.value = status(f"Scenario {self.index + 1} of {len(self.scenarios)}.")
        self._body.value = (
            f"<p>{html.escape(s.situation)}</p><p><strong>{html.escape(s.question)}</strong></p>"
        )
        self._choices.options = [(c.text, c.id) for c in s.choices]
        earlier = self.results.get(s.id)
        self._choices.value = earlier.chosen if earlier else None
        self._reasoning.value = earlier.reasoning if earlier else ""
        self._feedback.value = earlier._repr_html_() if earlier else ""
        self._show_score()

    def _show_score(self) -> None:
        right, answered = self.score
        self._score.value = status(
            f"Score: {right} right out of {answered} answered "
            f"({len(self.scenarios)} scenarios in all)."
        )

    def _save(self) -> None:
        right, answered = self.score
        data = {"right": right, "answered": answered, "decisions": self._log}
        outcome, self._saved.value = save_evidence(self.evidence, self._attempt, data)
        if outcome:
            self._attempt = outcome.attempt


_QUESTIONS = (
    ("channel", "Is it an email or a text message?", [("Email", "email"), ("Text (SMS)", "sms")]),
    (
        "recipient",
        "Who is it going to?",
        [
            ("A person (a consumer)", "individual"),
            ("A sole trader", "sole_trader"),
            ("A partnership (not in Scotland)", "partnership"),
            ("A company, LLP, Scottish partnership or public body", "corporate"),
        ],
    ),
    ("consent", "Have they given consent to marketing from you?", [("Yes", True), ("No", False)]),
    (
        "existing_customer",
        "Did you get their details while they were buying (or asking about buying) from you?",
        [("Yes", True), ("No", False)],
    ),
    (
        "similar_products",
        "Is the message about your own similar products or services?",
        [("Yes", True), ("No", False)],
    ),
    (
        "opt_out_offered",
        "Could they refuse marketing when you collected their details, and "
        "can they opt out in every message?",
        [("Yes", True), ("No", False)],
    ),
)


class MarketingPermissionChecker(w.VBox):  # type: ignore[misc]
    """The PECR questions one at a time, then the verdict and why."""

    def __init__(self) -> None:
        self._buttons: dict[str, w.ToggleButtons] = {}
        self._rows: dict[str, w.VBox] = {}
        for name, question, options in _QUESTIONS:
            buttons = w.ToggleButtons(options=options, value=None, style={"button_width": "auto"})
            buttons.observe(lambda _c: self._update(), names="value")
            self._buttons[name] = buttons
            self._rows[name] = w.VBox(
                [w.HTML(f"<p><strong>{html.escape(question)}</strong></p>"), buttons]
            )
        self._verdict = w.HTML()
        super().__init__([*self._rows.values(), self._verdict])
        self.add_class("ck-marketing-checker")
        fit_width(self)
        self._update()

    def answer(self, **answers: Any) -> MarketingVerdict | None:
        """Answer questions by name, e.g. ``answer(channel="email", recipient="individual")``."""
        for name, value in answers.items():
            if name not in self._buttons:
                raise CourseworkError(
                    f"There is no question {name!r}; the questions are {', '.join(self._buttons)}."
                )
            self._buttons[name].value = value
        return self.verdict

    def _needed(self) -> list[str]:
        return questions_needed({name: b.value for name, b in self._buttons.items()})

    @property
    def verdict(self) -> MarketingVerdict | None:
        """The verdict once enough questions are answered, else None."""
        values = {name: b.value for name, b in self._buttons.items()}
        if any(values[name] is None for name in self._needed()):
            return None
        return check_electronic_marketing(
            channel=str(values["channel"]),
            recipient=str(values["recipient"]),
            consent=values["consent"] is True,
            existing_customer=values["existing_customer"] is True,
            similar_products=values["similar_products"] is True,
            opt_out_offered=values["opt_out_offered"] is True,
        )

    def _update(self) -> None:
        needed = self._needed()
        for name, row in self._rows.items():
            row.layout.display = None if name in needed else "none"
        verdict = self.verdict
        self._verdict.value = (
            verdict._repr_html_()
            if verdict
            else status("Answer the questions above to see whether you may send it.")
        )


def _calendar_html(year: int, month: int, marks: dict[date, str], region: str) -> str:
    rows = []
    for week in calendar.Calendar(firstweekday=0).monthdatescalendar(year, month):
        cells = []
        for day in week:
            if day.month != month:
                cells.append("<td></td>")
                continue
            label = marks.get(day, "")
            holiday = bank_holiday(day, region)
            note = " (bank holiday)" if holiday else ""
            grey = "" if is_working_day(day, region) else "background:#eaeef2;"
            strong = ("<strong>", "</strong>") if label else ("", "")
            cells.append(
                f"<td style='{grey}padding:2px 6px;text-align:center' "
                f"title='{html.escape((holiday or '') + (' ' + label if label else ''))}'>"
                f"{strong[0]}{day.day}{strong[1]}"
                f"{'<br><small>' + html.escape(label + note) + '</small>' if label or note else ''}"
                "</td>"
            )
        rows.append("<tr>" + "".join(cells) + "</tr>")
    head = "".join(
        f"<th scope='col'>{d}</th>" for d in ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
    )
    return (
        f"<table style='display:inline-table;margin:4px'><caption>"
        f"{calendar.month_name[month]} {year}</caption><tr>{head}</tr>{''.join(rows)}"
        "</table>"
    )


class AccessDeadlineCalculator(w.VBox):  # type: ignore[misc]
    """When must a subject access request be answered? The date, the reason and a calendar."""

    def __init__(self, received: date | None = None) -> None:
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
        for control in (self._received, self._region, self._extended):
            control.observe(lambda _c: self.calculate(), names="value")
        self._result = w.HTML()
        super().__init__([self._received, self._region, self._extended, self._result])
        self.add_class("ck-dsar-calculator")
        fit_width(self)
        self.calculate()

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
        day = self._received.value
        if day is None:
            self._result.value = status("Choose the date the request was received.")
            return None
        months = 3 if self._extended.value else 1
        region_now = str(self._region.value)
        deadline = dsar_deadline(day, extended=bool(self._extended.value), region=region_now)
        corresponding = _add_months(day, months)
        why = (
            "That date is a working day."
            if corresponding == deadline
            else f"{corresponding:%A %d %B} is not a working day"
            + (
                f" ({bank_holiday(corresponding, region_now)})"
                if bank_holiday(corresponding, region_now)
                else ""
            )
            + ", so the deadline moves to the next working day."
        )
        marks = {day: "received", corresponding: "one month" if months == 1 else "three months"}
        marks[deadline] = "deadline"
        months_shown = sorted({(day.year, day.month), (deadline.year, deadline.month)})
        self._result.value = (
            f"<div role='status'><p><strong>Answer by {deadline:%A %d %B %Y}.</strong></p>"
            f"<p>Counting {months} calendar month{'s' if months > 1 else ''} from the day the "
            f"request arrived ({day:%d %B %Y}) gives {corresponding:%A %d %B %Y}. {why}</p>"
            + "".join(_calendar_html(y, m, marks, region_now) for y, m in months_shown)
            + "<p><small>Grey days are weekends and bank holidays. Source: "
            f"{html.escape(SOURCE_ACCESS)}. Reflects the law as at November 2026.</small></p>"
            "</div>"
        )
        return deadline


_RISKS = [
    ("Unlikely to be a risk to people (for example, encrypted data)", "unlikely"),
    ("Likely to be a risk to people", "likely"),
    ("High risk to people (for example, bank details or health)", "high"),
]


class BreachHelper(w.VBox):  # type: ignore[misc]
    """After a personal data breach: who to tell and by when, with the 72-hour clock."""

    def __init__(self, *, clock: Callable[[], datetime] = _now) -> None:
        self._clock = clock
        self._day = w.DatePicker(description="Date you became aware", style=_STYLE)
        self._time = w.Text(
            description="Time (24-hour, e.g. 09:30)", style=_STYLE, continuous_update=False
        )
        self._risk = w.RadioButtons(options=_RISKS, value=None, layout=w.Layout(width="auto"))
        decide = w.Button(
            description="What must we do?",
            button_style="primary",
            tooltip="Work out who must be told and by when",
        )
        decide.on_click(lambda _b: self.decide())
        self._result = w.HTML()
        self.decision: BreachDecision | None = None
        super().__init__(
            [
                self._day,
                self._time,
                w.HTML("<p><strong>Risk to people's rights and freedoms</strong></p>"),
                self._risk,
                decide,
                self._result,
            ]
        )
        self.add_class("ck-breach-helper")
        fit_width(self)

    def decide(
        self, aware_at: datetime | None = None, *, risk: str | None = None
    ) -> BreachDecision | None:
        """Work out the decision (from the arguments, or the form) and show the clock."""
        if aware_at is not None:
            self._day.value, self._time.value = aware_at.date(), aware_at.strftime("%H:%M")
        if risk is not None:
            self._risk.value = risk
        try:
            when = self._aware_at()
        except CourseworkError as exc:
            self._result.value = alert(str(exc))
            return None
        if self._risk.value is None:
            self._result.value = alert("Choose how much risk the breach poses to people.")
            return None
        self.decision = breach_notification(when, risk=str(self._risk.value))
        self._result.value = self.decision._repr_html_() + self.clock_text()
        return self.decision

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

    def _aware_at(self) -> datetime:
        if self._day.value is None:
            raise CourseworkError("Choose the date you became aware of the breach.")
        text = self._time.value.strip() or "00:00"
        try:
            hour, minute = (int(part) for part in text.replace(".", ":").split(":"))
            return datetime.combine(self._day.value, time(hour, minute))
        except ValueError as exc:
            raise CourseworkError(f"{text!r} is not a time. Type it like 09:30 or 14:05.") from exc
