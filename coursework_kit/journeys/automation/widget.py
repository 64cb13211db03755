"""The marketing automation journey builder: a trigger, then waits and messages, each message
checked against PECR.

The journeys and PECR rules are in :mod:`..journey`, the assessment in :mod:`.assess`.
The journey is an :class:`.AutomationRecord`, saved to ``evidence/automation-journey.json``
within a second of each change; a new builder on the same folder (after a kernel restart, say)
reopens the learner's journey, and the verdicts if they had checked it as it stands.
"""

from __future__ import annotations

import contextlib
import html
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Literal, cast

import ipywidgets as w
from traitlets import TraitError

from coursework_kit._ui.layout import fit_width, wide
from coursework_kit._ui.snippets import alert, status
from coursework_kit.errors import CourseworkError
from coursework_kit.journeys.automation.assess import assess, journey_steps, step_work
from coursework_kit.journeys.automation.check import (
    CHANNEL_NAMES,
    CHANNELS,
    JourneyCheck,
    JourneyStep,
    check_journey,
    journey_library,
)
from coursework_kit.journeys.automation.record import AutomationRecord, AutomationWork, JourneyForm
from coursework_kit.records import ActivitySession, Mode

if TYPE_CHECKING:
    from coursework_kit.feedback import Feedback

__all__ = ["JourneyBuilder"]

_STYLE = {"description_width": "initial"}


class JourneyBuilder(w.VBox):  # type: ignore[misc]
    """Build an automation journey (trigger, waits, messages); check each message against
    PECR.

    ``mode`` is "practice" (a workbook) or "assessment" (an assignment); it is saved with the
    journey.
    """

    def __init__(self, *, folder: str | Path | None = None, mode: Mode = "practice") -> None:
        self.library = journey_library()
        self._saved = w.HTML()
        self.session = ActivitySession(
            AutomationRecord, "", folder=folder, mode=mode, notify=self._show_saved
        )
        self.result: JourneyCheck | None = None
        self._checked = False
        self._quiet = True  # no saving while the controls are built and filled in
        self._trigger = w.Dropdown(
            options=[(t.label, t.id) for t in self.library.triggers],
            description="Trigger",
            style=_STYLE,
            layout=wide("40em"),
        )
        self._trigger.observe(lambda c: self._trigger_chosen(str(c["new"])), names="value")
        self._days = w.BoundedIntText(value=1, min=1, max=365, description="Days", style=_STYLE)
        wait = w.Button(description="Add wait")
        wait.on_click(lambda _b: self.act(lambda: self.add_wait(int(self._days.value))))
        self._message = w.Dropdown(
            options=[(m.label, m.id) for m in self.library.messages],
            description="Message",
            style=_STYLE,
            layout=wide("40em"),
        )
        self._channel = w.Dropdown(
            options=[(CHANNEL_NAMES[c].capitalize(), c) for c in CHANNELS],
            description="By",
            style=_STYLE,
        )
        for control in (self._days, self._message, self._channel):
            control.observe(lambda _c: self._save(), names="value")
        send = w.Button(description="Add message")
        send.on_click(
            lambda _b: self.act(
                lambda: self.add_message(str(self._message.value), str(self._channel.value))
            )
        )
        undo = w.Button(description="Remove last step")
        undo.on_click(lambda _b: self.act(self.remove_last))
        check = w.Button(description="Check journey", tooltip="Check every message against PECR")
        check.on_click(lambda _b: self.check())
        again = w.Button(description="Start again", tooltip="Clear your journey and start again")
        again.on_click(lambda _b: self.reset())
        self._steps, self._result = w.HTML(), w.HTML()
        super().__init__(
            [
                w.HTML(f"<p>{html.escape(self.library.introduction)}</p>"),
                self._trigger,
                w.HBox([self._days, wait]),
                w.HBox([self._message, self._channel, send]),
                self._steps,
                w.HBox([undo, check, again]),
                self._result,
                self._saved,
            ]
        )
        self.add_class("ck-journey-builder")
        fit_width(self)
        self.steps: list[JourneyStep] = []
        self._start_fresh()
        notices = list(self.session.notices)
        resumed = self.session.resumed
        if resumed is not None and not self._restore(resumed.work):
            notices.append("Your saved journey could not be used, so this is a new one.")
        self._quiet = False
        if self._checked:
            self._show_check()
        if notices:
            self._saved.value = status(" ".join(notices))

    # -- user actions ---------------------------------------------------------------------------

    def set_trigger(self, trigger_id: str) -> None:
        """Start the journey with this trigger (it replaces any trigger already there)."""
        self.library.trigger(trigger_id)
        step = JourneyStep("trigger", trigger=trigger_id)
        self.steps = [step, *(s for s in self.steps if s.kind != "trigger")]
        self._set_quietly(self._trigger, trigger_id)
        self._changed()

    def add_wait(self, days: int) -> None:
        """Add a wait of ``days`` days."""
        self.steps.append(JourneyStep("wait", days=days))
        self._changed()

    def add_message(self, message_id: str, channel: str) -> None:
        """Add a message (its id) sent by ``channel``, "email" or "sms"."""
        self.library.message(message_id)
        self.steps.append(JourneyStep("message", message=message_id, channel=channel))
        self._changed()

    def remove_last(self) -> None:
        """Remove the last step (the trigger stays)."""
        if len(self.steps) > 1:
            self.steps.pop()
        self._changed()

    def fill_form(
        self, *, days: int | None = None, message: str | None = None, channel: str | None = None
    ) -> None:
        """Fill in the form (days to wait, message, channel) without pressing a button."""
        if days is not None:
            self._days.value = days
        if message is not None:
            self.library.message(message)  # an unknown id fails plainly
            self._message.value = message
        if channel is not None:
            self._channel.value = channel

    def act(self, action: Callable[[], object]) -> None:
        """Do ``action`` as a button does: a problem is shown under the journey, not raised."""
        try:
            action()
        except CourseworkError as exc:
            self._result.value = alert(str(exc))

    def check(self) -> JourneyCheck:
        """Check the journey, show each message's verdict, and save it as evidence."""
        self._checked = True
        found = self._show_check()
        self.session.update(self.work)
        self.session.flush()  # a check is a moment the learner will want kept at once
        return found

    def reset(self) -> None:
        """Press "Start again": a new journey in a new attempt (earlier attempts stay saved)."""
        self.session.start_again()
        self._quiet = True
        try:
            self._start_fresh()
            self._restore_form(JourneyForm())
        finally:
            self._quiet = False
        self._changed()

    # -- what the learner has done --------------------------------------------------------------

    @property
    def work(self) -> AutomationWork:
        """The journey as it stands, the form, and whether it was checked as it stands."""
        form = JourneyForm(
            days=int(self._days.value),
            message=str(self._message.value or ""),
            channel=cast(Literal["email", "sms"], str(self._channel.value)),
        )
        steps = tuple(step_work(s) for s in self.steps)
        return AutomationWork(steps=steps, form=form, checked=self._checked)

    @property
    def assessment(self) -> Feedback:
        """The assessment of the journey as it stands (what the report and grading read)."""
        return assess(self.session.record)

    @property
    def journey(self) -> str:
        """The journey's steps as shown (HTML)."""
        return str(self._steps.value)

    @property
    def feedback(self) -> str:
        """The verdicts shown under the journey, or the problem with a step (HTML)."""
        return str(self._result.value)

    @property
    def message(self) -> str:
        """The latest message about saving (HTML)."""
        return str(self._saved.value)

    # -- inside ---------------------------------------------------------------------------------

    def _start_fresh(self) -> None:
        """A journey of just the first trigger, unchecked (nothing is saved)."""
        first = self.library.triggers[0].id
        self.steps = [JourneyStep("trigger", trigger=first)]
        self._set_quietly(self._trigger, first)
        self.result, self._checked = None, False
        self._draw()

    def _trigger_chosen(self, trigger_id: str) -> None:
        if not self._quiet:
            self.set_trigger(trigger_id)

    def _changed(self) -> None:
        self._checked, self.result = False, None
        self._draw()
        self._save()

    def _save(self) -> None:
        if not self._quiet:
            self.session.update(self.work)

    def _draw(self) -> None:
        items = "".join(
            f"<li>{html.escape(s.describe(self.library))}"
            + (
                f"<br><small>{html.escape(self.library.trigger(s.trigger).facts)}</small>"
                if s.kind == "trigger"
                else ""
            )
            + "</li>"
            for s in self.steps
        )
        self._steps.value = f"<p><strong>Your journey:</strong></p><ol>{items}</ol>"
        self._result.value = ""

    def _show_check(self) -> JourneyCheck:
        found = check_journey(self.steps)
        self.result = found
        self._result.value = found._repr_html_()
        return found

    def _set_quietly(self, control: w.Widget, value: object) -> None:
        quiet, self._quiet = self._quiet, True
        try:
            with contextlib.suppress(TraitError):
                control.value = value
        finally:
            self._quiet = quiet

    def _restore_form(self, form: JourneyForm) -> None:
        for control, value in (
            (self._days, form.days),
            (self._message, form.message or self.library.messages[0].id),
            (self._channel, form.channel),
        ):
            self._set_quietly(control, value)

    def _restore(self, work: AutomationWork) -> bool:
        """Show the saved journey; False if it cannot be (an edited file, changed data)."""
        self._restore_form(work.form)
        if not work.steps:
            return True
        try:
            steps = journey_steps(work)
            for step in steps:
                step.describe(self.library)  # an unknown trigger or message fails here
        except CourseworkError:
            return False
        self.steps = steps
        if steps[0].kind == "trigger":
            self._set_quietly(self._trigger, steps[0].trigger)
        self._draw()
        self._checked = work.checked
        return True

    def _show_saved(self, message: str, problem: bool) -> None:
        self._saved.value = alert(message) if problem else status(message)
