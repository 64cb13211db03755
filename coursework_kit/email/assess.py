"""Assess an email record: the learner's email as typed, checked the way the builder checks it.

:func:`check_form` is the one path from what is typed to the findings: the builder's "Check my
email" uses it, and so does :func:`assess`, which the report, the portfolio and grading read.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time

from coursework_kit._english import count
from coursework_kit.email.campaign import Campaign, CampaignError
from coursework_kit.email.checks import CampaignCheck, check_campaign
from coursework_kit.email.mailing import (
    Audience,
    Contact,
    lawful_audience,
    load_mailing_list,
)
from coursework_kit.email.record import EmailForm, EmailWork
from coursework_kit.feedback import Feedback, Finding
from coursework_kit.records import Record

__all__ = ["FormCheck", "assess", "campaign_from_form", "check_form", "parse_time"]


def parse_time(text: str) -> time:
    """A time as typed ("10:00", "18.30"; empty means 10:00).

    >>> parse_time("18.30")
    datetime.time(18, 30)
    """
    cleaned = text.strip().replace(".", ":") or "10:00"
    try:
        hour, minute = (int(part) for part in cleaned.split(":"))
        return time(hour, minute)
    except ValueError as exc:
        raise CampaignError(f"{text!r} is not a time. Type it like 10:00 or 18:30.") from exc


def campaign_from_form(form: EmailForm) -> Campaign:
    """The campaign the form describes. Raises :class:`CampaignError` for a bad time or date."""
    send_at = None
    if form.send_day:
        try:
            day = date.fromisoformat(form.send_day)
        except ValueError as exc:
            raise CampaignError(
                f"{form.send_day!r} is not a date. Type it like 2026-12-01 (year-month-day)."
            ) from exc
        send_at = datetime.combine(day, parse_time(form.send_time))
    return Campaign(
        name=form.name.strip(),
        subject=form.subject.strip(),
        preview_text=form.preview_text.strip(),
        body=form.body.strip(),
        calls_to_action=tuple(
            line.strip() for line in form.calls_to_action.splitlines() if line.strip()
        ),
        sender_name=form.sender_name.strip(),
        sender_email=form.sender_email.strip(),
        unsubscribe_link=form.unsubscribe_link.strip(),
        segment=form.segment,
        send_at=send_at,
        similar_products=form.similar_products,
    )


@dataclass(frozen=True)
class FormCheck:
    """The form checked: the campaign, who may get it and the findings, or why it could not be."""

    campaign: Campaign | None
    audience: Audience | None
    result: CampaignCheck | None
    error: str = ""

    @property
    def ready(self) -> bool:
        """True when the form could be checked and nothing must be fixed."""
        return self.result is not None and self.result.ready


def check_form(form: EmailForm, *, now: datetime, contacts: Sequence[Contact]) -> FormCheck:
    """Check the email as typed, at ``now``, against the mailing list ``contacts``."""
    try:
        campaign = campaign_from_form(form)
        audience = lawful_audience(
            contacts, segment=campaign.segment, similar_products=campaign.similar_products
        )
    except CampaignError as exc:
        return FormCheck(None, None, None, str(exc))
    result = check_campaign(campaign, now=now, audience=audience.included)
    return FormCheck(campaign, audience, result)


def _moment(work: EmailWork, saved: str) -> datetime:
    """When the learner last checked the email (else last saved it), as their own clock said."""
    stamps = [c.at for c in reversed(work.checks) if c.at] + [saved]
    for stamp in stamps:
        try:
            return datetime.fromisoformat(stamp).replace(tzinfo=None)
        except ValueError:
            continue
    return datetime.now()


def assess(
    record: Record[EmailWork],
    *,
    now: datetime | None = None,
    contacts: Sequence[Contact] | None = None,
) -> Feedback:
    """The latest attempt's email, checked as it stands: every finding, and whether it was sent.

    ``record`` is an :class:`~coursework_kit.email.record.EmailRecord`.

    ``now`` is when to judge the send time from (by default, when the learner last checked
    it); ``contacts`` is the mailing list (by default Harbour & Pine's).
    """
    latest = record.latest
    if latest is None:
        return Feedback(activity=record.activity, summary="No email written yet.")
    work = latest.work
    moment = _moment(work, latest.saved) if now is None else now
    checked = check_form(
        work.form, now=moment, contacts=load_mailing_list() if contacts is None else contacts
    )
    if checked.result is None:
        return Feedback(
            activity=record.activity,
            summary="The email cannot be checked yet.",
            findings=(Finding("must fix", "form", checked.error),),
        )
    result = checked.result
    summary = (
        "Ready to send: nothing must be fixed."
        if result.ready
        else f"Not ready: {count(len(result.problems), 'thing')} must be fixed before sending."
    )
    sent = work.latest_send
    if sent is not None and sent.results is not None:
        summary += (
            f" It was sent (simulated) to {sent.results.sent:,} people."
            if sent.form == work.form
            else " It was sent (simulated) earlier and has been changed since."
        )
    return Feedback(
        activity=record.activity,
        summary=summary,
        findings=result.findings,
    )
