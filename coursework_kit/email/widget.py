"""The email campaign builder: write, check, schedule and (pretend to) send a marketing email.

Thin by design: the checks, the lawful audience and the simulation live in the modules beside
this one (:mod:`.assess` turns the form into findings). The email is an :class:`.EmailRecord`,
saved to ``evidence/email-campaign.json`` within a second of each change; a new builder on the
same folder (after a kernel restart, say) reopens it. Every action is a method, so tests drive
the builder without a browser.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Literal

import ipywidgets as w

from coursework_kit._english import count
from coursework_kit._ui.layout import fit_width, wide
from coursework_kit._ui.snippets import alert, status
from coursework_kit.email.assess import FormCheck, assess, campaign_from_form, check_form
from coursework_kit.email.campaign import SEGMENTS, Campaign, CampaignError
from coursework_kit.email.checks import CampaignCheck
from coursework_kit.email.mailing import Audience, lawful_audience, load_mailing_list
from coursework_kit.email.preview import inbox_preview
from coursework_kit.email.record import (
    SCENARIO,
    EmailCheck,
    EmailForm,
    EmailRecord,
    EmailResults,
    EmailWork,
)
from coursework_kit.email.simulate import SimulatedResults, simulate_results
from coursework_kit.errors import CourseworkError
from coursework_kit.feedback import Feedback
from coursework_kit.learner import learner_id
from coursework_kit.records import ActivitySession, Mode
from coursework_kit.records._codec import MAX_TEXT

__all__ = ["CampaignBuilder"]

_STYLE = {"description_width": "11em"}
# The form's text boxes, in order: its EmailForm field, label, placeholder, and rows (0: one line).
_BOXES = (
    ("name", "Campaign name", "e.g. Spring bedding launch", 0),
    ("subject", "Subject line", "e.g. {first_name|Hello}, new spring bedding", 0),
    ("preview_text", "Preview text", "The line shown after the subject in the inbox", 0),
    ("body", "Email text", "Hi {first_name|there},\n\nWrite the message here.", 6),
    (
        "calls_to_action",
        "Call to action",
        "Button text, e.g. Shop the spring sale (one per line)",
        2,
    ),
    ("sender_name", "Sender name", "e.g. Harbour & Pine", 0),
    ("sender_email", "Sender address", "e.g. hello@harbourandpine.example", 0),
    ("unsubscribe_link", "Unsubscribe link", "https://...", 0),
)


_SEE_WHEN = "The email cannot be checked yet: see the note under the send date and time."


def _box(description: str, placeholder: str, rows: int) -> w.Text | w.Textarea:
    if rows:
        return w.Textarea(
            description=description,
            placeholder=placeholder,
            style=_STYLE,
            layout=wide(),
            rows=rows,
        )
    return w.Text(description=description, placeholder=placeholder, style=_STYLE, layout=wide())


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


class CampaignBuilder(w.VBox):  # type: ignore[misc]
    """Write a marketing email for Harbour & Pine, check it, schedule it and simulate the send.

    ``mode`` is "practice" (a workbook) or "assessment" (an assignment); it is saved with the
    email so a tutor can tell them apart.
    """

    def __init__(
        self,
        *,
        learner: str | None = None,
        folder: str | Path | None = None,
        clock: Callable[[], datetime] = datetime.now,
        mode: Mode = "practice",
    ) -> None:
        self.learner = learner_id() if learner is None else learner
        self._clock = clock
        self.contacts = load_mailing_list()
        self._saved = w.HTML()
        self.session = ActivitySession(
            EmailRecord,
            SCENARIO,
            folder=folder,
            mode=mode,
            learner=self.learner,
            notify=self._show_saved,
        )
        self._checks: tuple[EmailCheck, ...] = ()
        self._restoring = True
        self.last_check: CampaignCheck | None = None
        self.results: SimulatedResults | None = None
        self._boxes = {name: _box(label, hint, rows) for name, label, hint, rows in _BOXES}
        self._subject = self._boxes["subject"]
        self._count = w.HTML()
        self._subject.observe(lambda _c: self._show_count(), names="value")
        self._segment = w.Dropdown(
            options=[(label.capitalize(), key) for key, label in SEGMENTS.items()],
            value="all",
            description="Send to",
            style=_STYLE,
        )
        self._similar = w.Checkbox(
            value=True, indent=False, description="It is about our own homeware products"
        )
        self._day = w.DatePicker(description="Send on", style=_STYLE)
        self._time = w.Text(value="10:00", description="At (24-hour)", style=_STYLE)
        self._when_problem = w.HTML()  # a send date or time that cannot be used, under them
        for control in (self._day, self._time):  # the problem was about what they held before
            control.observe(lambda _c: setattr(self._when_problem, "value", ""), names="value")
        controls = [*self._boxes.values(), self._segment, self._similar, self._day, self._time]
        for control in controls:
            control.observe(lambda _c: self._changed(), names="value")
        check = w.Button(description="Check my email", button_style="primary")
        check.on_click(lambda _b: self.check())
        send = w.Button(description="Send (simulated)", tooltip="Nothing is really sent")
        send.on_click(lambda _b: self.send())
        again = w.Button(description="Start again", tooltip="Clear the form and start again")
        again.on_click(lambda _b: self.start_again())
        self._inbox, self._audience, self._findings, self._results = (w.HTML() for _ in "four")
        boxes = list(self._boxes.values())
        super().__init__(
            [
                *boxes[:2],
                self._count,
                *boxes[2:],
                self._segment,
                self._similar,
                w.HBox([self._day, self._time]),
                self._when_problem,
                w.HBox([check, send, again]),
                self._findings,
                self._audience,
                self._inbox,
                self._results,
                self._saved,
            ]
        )
        self.add_class("ck-email-builder")
        fit_width(self)
        try:
            if self.session.resumed is not None:
                self._restore(self.session.resumed.work)
        finally:
            self._restoring = False
        self._show_count()
        if self.session.notices:
            self._saved.value = status(" ".join(self.session.notices))

    # -- the learner's actions ----------------------------------------------------------------

    def set_name(self, text: str) -> None:
        self._boxes["name"].value = text

    def set_subject(self, text: str) -> None:
        self._boxes["subject"].value = text

    def set_preview_text(self, text: str) -> None:
        self._boxes["preview_text"].value = text

    def set_body(self, text: str) -> None:
        self._boxes["body"].value = text

    def set_call_to_action(self, *texts: str) -> None:
        """The button text; give more than one to see why one clear call to action is better."""
        self._boxes["calls_to_action"].value = "\n".join(texts)

    def set_sender(self, name: str, email: str) -> None:
        self._boxes["sender_name"].value = name
        self._boxes["sender_email"].value = email

    def set_unsubscribe_link(self, link: str) -> None:
        self._boxes["unsubscribe_link"].value = link

    def set_segment(self, segment: str) -> None:
        if segment not in SEGMENTS:
            raise CampaignError(
                f"{segment!r} is not a segment; choose one of {', '.join(SEGMENTS)}."
            )
        self._segment.value = segment

    def set_similar_products(self, similar: bool) -> None:
        self._similar.value = bool(similar)

    def schedule(self, day: date | datetime | str, at: str | None = None) -> None:
        """Choose when to send: ``schedule("2026-12-01", "10:00")`` or a ``datetime``."""
        if isinstance(day, str):
            try:
                day = date.fromisoformat(day.strip())
            except ValueError as exc:
                raise CampaignError(
                    f"{day!r} is not a date. Type it like 2026-12-01 (year-month-day)."
                ) from exc
        if isinstance(day, datetime):
            at = at or day.strftime("%H:%M")
            day = day.date()
        self._day.value = day
        if at is not None:
            self._time.value = at

    def check(self) -> CampaignCheck | None:
        """Press "Check my email": the findings, the lawful audience and an inbox preview."""
        found = self._check()
        self._keep("check", found)
        return found.result

    def send(self) -> SimulatedResults | None:
        """Press "Send (simulated)": only a campaign with nothing to fix is "sent"."""
        found = self._check()
        if found.result is None or found.campaign is None or found.audience is None:
            self._keep("send", found)
            return None
        if not found.result.ready:
            self._results.value = alert(
                "Fix the things marked 'Must fix' before sending: see the list above."
            )
            self._keep("send", found)
            return None
        try:
            self.results = simulate_results(
                found.campaign, found.audience.size, learner=self.learner
            )
        except CourseworkError as exc:
            self._results.value = alert(str(exc))
            self._keep("send", found)
            return None
        self._results.value = self.results._repr_html_()
        self._keep("send", found, self.results)
        return self.results

    def start_again(self) -> None:
        """Press "Start again": clear the form and begin a new attempt (earlier ones stay saved)."""
        self.session.start_again()
        self._restoring = True
        try:
            self._fill(EmailForm())
        finally:
            self._restoring = False
        self._checks, self.last_check, self.results = (), None, None
        shown = (self._findings, self._audience, self._inbox, self._results, self._saved)
        for html in (*shown, self._when_problem):
            html.value = ""

    reset = start_again

    # -- what the builder works out -----------------------------------------------------------

    @property
    def form(self) -> EmailForm:
        """Every box of the form exactly as typed."""
        day = self._day.value
        return EmailForm(
            **{name: str(box.value)[:MAX_TEXT] for name, box in self._boxes.items()},
            segment=str(self._segment.value),
            similar_products=bool(self._similar.value),
            send_day="" if day is None else day.isoformat(),
            send_time=str(self._time.value)[:MAX_TEXT],
        )

    @property
    def work(self) -> EmailWork:
        """The learner's work as it stands: the form, and every check and send made."""
        return EmailWork(form=self.form, checks=self._checks)

    @property
    def campaign(self) -> Campaign:
        """The campaign as the form stands (raises CampaignError for a bad time)."""
        return campaign_from_form(self.form)

    def audience(self) -> Audience:
        """Who on the list may lawfully get this email, and who is left out and why."""
        return lawful_audience(
            self.contacts, segment=str(self._segment.value), similar_products=self._similar.value
        )

    @property
    def assessment(self) -> Feedback:
        """The email assessed as it stands, as a report or a grader sees it."""
        return assess(self.session.record, now=self._clock(), contacts=self.contacts)

    def preview_html(self, campaign: Campaign, audience: Audience) -> str:
        """How the email looks to two people: one who gave a first name and one who did not."""
        return inbox_preview(campaign, audience)

    # -- what the learner is shown (HTML, as a screen reader would be given it) -----------------

    @property
    def findings_html(self) -> str:
        return str(self._findings.value)

    @property
    def schedule_problem(self) -> str:
        """Why the send date or time cannot be used, shown under those boxes (HTML; "" when
        there is no problem)."""
        return str(self._when_problem.value)

    @property
    def audience_html(self) -> str:
        return str(self._audience.value)

    @property
    def inbox_html(self) -> str:
        return str(self._inbox.value)

    @property
    def results_html(self) -> str:
        return str(self._results.value)

    @property
    def message(self) -> str:
        """The latest message about saving."""
        return str(self._saved.value)

    # -- inside -------------------------------------------------------------------------------

    def _check(self) -> FormCheck:
        """Check the form and show what was found (nothing is saved here)."""
        self.results = None
        self._results.value = ""
        found = check_form(self.form, now=self._clock(), contacts=self.contacts)
        self._when_problem.value = ""
        if found.result is None or found.campaign is None or found.audience is None:
            when = bool(self.form.send_day)  # only a send date and time stop the form being read
            self._when_problem.value = alert(found.error) if when else ""
            self._findings.value = alert(_SEE_WHEN if when else found.error)
            return found
        self.last_check = found.result
        self._findings.value = found.result._repr_html_()
        self._audience.value = found.audience._repr_html_()
        self._inbox.value = self.preview_html(found.campaign, found.audience)
        return found

    def _keep(
        self,
        action: Literal["check", "send"],
        found: FormCheck,
        results: SimulatedResults | None = None,
    ) -> None:
        """Save the press of Check or Send, with what it found, at once."""
        result = found.result
        kept = EmailCheck(
            action=action,
            at=self._clock().astimezone().isoformat(timespec="seconds"),
            form=self.form,
            ready=result is not None and result.ready,
            error=found.error,
            must_fix=() if result is None else tuple(f.message for f in result.problems),
            audience=None if found.audience is None else found.audience.size,
            results=None if results is None else EmailResults.of(results),
        )
        self._checks = self.work.with_check(kept).checks
        self.session.update(self.work)
        self.session.flush()

    def _changed(self) -> None:
        if not self._restoring:
            self.session.update(self.work)

    def _fill(self, form: EmailForm) -> None:
        for name, box in self._boxes.items():
            box.value = getattr(form, name)
        self._segment.value = form.segment if form.segment in SEGMENTS else "all"
        self._similar.value = form.similar_products
        self._day.value = _day(form.send_day)
        self._time.value = form.send_time

    def _restore(self, work: EmailWork) -> None:
        """Show the saved email; if it was checked as it stands, show what that found again."""
        self._fill(work.form)
        self._checks = work.checks
        latest = work.latest_check
        if latest is None or latest.form != work.form:
            return
        found = self._check()
        campaign, audience = found.campaign, found.audience
        if latest.results is None or not found.ready or campaign is None or audience is None:
            return
        try:
            self.results = simulate_results(campaign, audience.size, learner=self.learner)
        except CourseworkError:
            return
        self._results.value = self.results._repr_html_()

    def _show_count(self) -> None:
        length = len(self._subject.value.strip())
        self._count.value = status(
            f"Subject line: {count(length, 'character')} (about 40 to 60 show in full on most "
            "phones)."
        )

    def _show_saved(self, message: str, problem: bool) -> None:
        self._saved.value = alert(message) if problem else status(message)
