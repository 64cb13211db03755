"""The email campaign builder: write, check, schedule and (pretend to) send a marketing email.

Thin by design: the checks, the lawful audience and the simulation live in the modules beside
this one. Every action is a method, so tests drive the builder without a browser.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import ipywidgets as w

from coursework_kit._display import alert, fit_width, save_evidence, status, wide
from coursework_kit.email_campaigns.campaign import (
    SEGMENTS,
    Campaign,
    CampaignError,
    personalise,
)
from coursework_kit.email_campaigns.checks import CampaignCheck, check_campaign
from coursework_kit.email_campaigns.mailing import Audience, lawful_audience, load_mailing_list
from coursework_kit.email_campaigns.simulate import SimulatedResults, simulate_results
from coursework_kit.errors import CourseworkError
from coursework_kit.evidence import Evidence
from coursework_kit.learner import learner_id

__all__ = ["CampaignBuilder"]

_STYLE = {"description_width": "11em"}
ACTIVITY = "email-campaign"


def _text(description: str, placeholder: str) -> w.Text:
    return w.Text(description=description, placeholder=placeholder, style=_STYLE, layout=wide())


def _parse_time(text: str) -> time:
    cleaned = text.strip().replace(".", ":") or "10:00"
    try:
        hour, minute = (int(part) for part in cleaned.split(":"))
        return time(hour, minute)
    except ValueError as exc:
        raise CampaignError(f"{text!r} is not a time. Type it like 10:00 or 18:30.") from exc


class CampaignBuilder(w.VBox):  # type: ignore[misc]
    """Write a marketing email for Harbour & Pine, check it, schedule it and simulate the send."""

    def __init__(
        self,
        *,
        learner: str | None = None,
        folder: str | Path | None = None,
        clock: Callable[[], datetime] = datetime.now,
    ) -> None:
        self.learner = learner_id() if learner is None else learner
        self._clock = clock
        self.contacts = load_mailing_list()
        self.evidence = (
            Evidence(ACTIVITY) if folder is None else Evidence(ACTIVITY, folder=Path(folder))
        )
        self._attempt = self.evidence.next_attempt()
        self.last_check: CampaignCheck | None = None
        self.results: SimulatedResults | None = None
        self._name = _text("Campaign name", "e.g. Spring bedding launch")
        self._subject = _text("Subject line", "e.g. {first_name|Hello}, new spring bedding")
        self._count = w.HTML()
        self._subject.observe(lambda _c: self._show_count(), names="value")
        self._preview = _text("Preview text", "The line shown after the subject in the inbox")
        self._body = w.Textarea(
            description="Email text",
            placeholder="Hi {first_name|there},\n\nWrite the message here.",
            style=_STYLE,
            layout=wide(),
            rows=6,
        )
        self._actions = w.Textarea(
            description="Call to action",
            placeholder="Button text, e.g. Shop the spring sale (one per line)",
            style=_STYLE,
            layout=wide(),
            rows=2,
        )
        self._sender_name = _text("Sender name", "e.g. Harbour & Pine")
        self._sender_email = _text("Sender address", "e.g. hello@harbourandpine.example")
        self._unsubscribe = _text("Unsubscribe link", "https://...")
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
        check = w.Button(description="Check my email", button_style="primary")
        check.on_click(lambda _b: self.check())
        send = w.Button(description="Send (simulated)", tooltip="Nothing is really sent")
        send.on_click(lambda _b: self.send())
        self._inbox, self._audience, self._findings, self._results, self._saved = (
            w.HTML(),
            w.HTML(),
            w.HTML(),
            w.HTML(),
            w.HTML(),
        )
        super().__init__(
            [
                self._name,
                self._subject,
                self._count,
                self._preview,
                self._body,
                self._actions,
                self._sender_name,
                self._sender_email,
                self._unsubscribe,
                self._segment,
                self._similar,
                w.HBox([self._day, self._time]),
                w.HBox([check, send]),
                self._findings,
                self._audience,
                self._inbox,
                self._results,
                self._saved,
            ]
        )
        self.add_class("ck-email-builder")
        fit_width(self)
        self._show_count()

    # -- the learner's actions ----------------------------------------------------------------

    def set_name(self, text: str) -> None:
        self._name.value = text

    def set_subject(self, text: str) -> None:
        self._subject.value = text

    def set_preview_text(self, text: str) -> None:
        self._preview.value = text

    def set_body(self, text: str) -> None:
        self._body.value = text

    def set_call_to_action(self, *texts: str) -> None:
        """The button text; give more than one to see why one clear call to action is better."""
        self._actions.value = "\n".join(texts)

    def set_sender(self, name: str, email: str) -> None:
        self._sender_name.value, self._sender_email.value = name, email

    def set_unsubscribe_link(self, link: str) -> None:
        self._unsubscribe.value = link

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

    # -- what the builder works out -----------------------------------------------------------

    @property
    def campaign(self) -> Campaign:
        """The campaign as the form stands (raises CampaignError for a bad time)."""
        send_at = None
        if self._day.value is not None:
            send_at = datetime.combine(self._day.value, _parse_time(self._time.value))
        return Campaign(
            name=self._name.value.strip(),
            subject=self._subject.value.strip(),
            preview_text=self._preview.value.strip(),
            body=self._body.value.strip(),
            calls_to_action=tuple(
                line.strip() for line in self._actions.value.splitlines() if line.strip()
            ),
            sender_name=self._sender_name.value.strip(),
            sender_email=self._sender_email.value.strip(),
            unsubscribe_link=self._unsubscribe.value.strip(),
            segment=str(self._segment.value),
            send_at=send_at,
            similar_products=bool(self._similar.value),
        )

    def audience(self) -> Audience:
        """Who on the list may lawfully get this email, and who is left out and why."""
        return lawful_audience(
            self.contacts, segment=str(self._segment.value), similar_products=self._similar.value
        )

    def check(self) -> CampaignCheck | None:
        """Press "Check my email": the findings, the lawful audience and an inbox preview."""
        self.results = None
        self._results.value = ""
        try:
            campaign = self.campaign
        except CampaignError as exc:
            self._findings.value = alert(str(exc))
            self._store({"learner": self.learner, "form": self._form(), "error": str(exc)})
            return None
        audience = self.audience()
        result = check_campaign(campaign, now=self._clock(), audience=audience.included)
        self.last_check = result
        self._findings.value = result._repr_html_()
        self._audience.value = audience._repr_html_()
        self._inbox.value = self.preview_html(campaign, audience)
        self._save(campaign, result, audience)
        return result

    def send(self) -> SimulatedResults | None:
        """Press "Send (simulated)": only a campaign with nothing to fix is "sent"."""
        result = self.check()
        if result is None:
            return None
        if not result.ready:
            self._results.value = alert(
                "Fix the things marked 'Must fix' before sending: see the list above."
            )
            return None
        campaign, audience = self.campaign, self.audience()
        try:
            self.results = simulate_results(campaign, audience.size, learner=self.learner)
        except CourseworkError as exc:
            self._results.value = alert(str(exc))
            return None
        self._results.value = self.results._repr_html_()
        self._save(campaign, result, audience)
        return self.results

    def preview_html(self, campaign: Campaign, audience: Audience) -> str:
        """How the email looks to two people: one who gave a first name and one who did not."""
        people = list(audience.included)
        named = next((c for c in people if c.first_name), None)
        unnamed = next((c for c in people if not c.first_name), None)
        cards = [self._card(campaign, c) for c in (named, unnamed) if c is not None]
        if not cards:
            return status("Nobody in this audience may be emailed, so there is nothing to preview.")
        return "<p><strong>Inbox preview</strong></p>" + "".join(cards)

    # -- display and saving -------------------------------------------------------------------

    def _card(self, campaign: Campaign, contact: Any) -> str:
        def show(text: str) -> str:
            return html.escape(personalise(text, contact))

        buttons = "".join(
            "<span style='display:inline-block;border:2px solid #0072B2;border-radius:4px;"
            f"padding:4px 10px;margin:4px 4px 0 0'>{html.escape(a)}</span>"
            for a in campaign.calls_to_action
        )
        who = contact.first_name or "(no first name given)"
        return (
            "<div style='border:1px solid #8c959f;border-radius:6px;padding:8px;margin:6px 0;"
            "max-width:40em'>"
            f"<p><small>To {html.escape(who)} &lt;{html.escape(contact.email)}&gt; from "
            f"{html.escape(campaign.sender_name)} &lt;{html.escape(campaign.sender_email)}&gt;"
            f"</small></p><p><strong>{show(campaign.subject)}</strong><br>"
            f"<span style='color:#57606a'>{show(campaign.preview_text)}</span></p>"
            f"<div style='white-space:pre-wrap'>{show(campaign.body)}</div>{buttons}"
            f"<p><small>Unsubscribe: {html.escape(campaign.unsubscribe_link or '(none)')}"
            "</small></p></div>"
        )

    def _show_count(self) -> None:
        length = len(self._subject.value.strip())
        self._count.value = status(
            f"Subject line: {length} characters (about 40 to 60 show in full on most phones)."
        )

    def _form(self) -> dict[str, Any]:
        """Exactly what is typed in the form, so nothing is lost even if it cannot be used."""
        return {
            "name": self._name.value,
            "subject": self._subject.value,
            "preview_text": self._preview.value,
            "body": self._body.value,
            "calls_to_action": self._actions.value,
            "sender_name": self._sender_name.value,
            "sender_email": self._sender_email.value,
            "unsubscribe_link": self._unsubscribe.value,
            "segment": self._segment.value,
            "similar_products": self._similar.value,
            "send_day": None if self._day.value is None else self._day.value.isoformat(),
            "send_time": self._time.value,
        }

    def _save(self, campaign: Campaign, result: CampaignCheck, audience: Audience) -> None:
        data: dict[str, Any] = {
            "learner": self.learner,
            "campaign": campaign.to_dict(),
            "ready": result.ready,
            "findings": [
                {"level": f.level, "check": f.check, "message": f.message} for f in result.findings
            ],
            "audience": {
                "segment": audience.segment,
                "considered": audience.considered,
                "included": audience.size,
                "left_out": {reason: len(group) for reason, group in audience.left_out.items()},
            },
            "checked_at": self._clock().isoformat(timespec="seconds"),
        }
        if self.results is not None:
            data["results"] = self.results.to_dict()
        self._store(data)

    def _store(self, data: dict[str, Any]) -> None:
        outcome, self._saved.value = save_evidence(self.evidence, self._attempt, data)
        if outcome:
            self._attempt = outcome.attempt
