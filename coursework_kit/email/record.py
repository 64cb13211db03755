"""The email builder's evidence: the form exactly as typed, and every check and send made.

The form is kept as text (a send time of "ten o'clock" is saved as typed, not lost because it
is not a time), so the learner always reopens what they wrote. Each press of "Check my email"
or "Send (simulated)" is kept with the form as it was then, and what was found.
The evidence file is ``evidence/email-campaign.json``, as in the previous release.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Literal, TypeGuard

from coursework_kit.records import Mode, Record, RecordShapeError
from coursework_kit.records._base import text as _text

if TYPE_CHECKING:
    from coursework_kit.email.simulate import SimulatedResults

__all__ = ["SCENARIO", "EmailCheck", "EmailForm", "EmailRecord", "EmailResults", "EmailWork"]

SCENARIO = "campaign"  # the one email activity: evidence/email-campaign.json
MAX_CHECKS = 50  # checks kept per attempt (the latest ones): each holds a copy of the form


@dataclass(frozen=True)
class EmailForm:
    """Every box of the email builder as the learner typed it (text, so nothing is lost).

    ``calls_to_action`` holds one button text per line; ``send_day`` is a date such as
    2026-12-01, or empty when no day is chosen; ``send_time`` is the time as typed.
    """

    name: str = ""
    subject: str = ""
    preview_text: str = ""
    body: str = ""
    calls_to_action: str = ""
    sender_name: str = ""
    sender_email: str = ""
    unsubscribe_link: str = ""
    segment: str = "all"
    similar_products: bool = True
    send_day: str = ""
    send_time: str = "10:00"


@dataclass(frozen=True)
class EmailResults:
    """The figures of a simulated send (nothing is really sent); rates are percentages."""

    sent: int
    delivered: int
    opens: int
    clicks: int
    unsubscribes: int
    open_rate: float
    click_to_open_rate: float | None
    unsubscribe_rate: float

    @classmethod
    def of(cls, found: SimulatedResults) -> EmailResults:
        """The figures of ``found``, rounded as the evidence keeps them."""
        ctor = found.click_to_open_rate
        return cls(
            sent=found.sent,
            delivered=found.delivered,
            opens=found.opens,
            clicks=found.clicks,
            unsubscribes=found.unsubscribes,
            open_rate=round(found.open_rate, 2),
            click_to_open_rate=None if ctor is None else round(ctor, 2),
            unsubscribe_rate=round(found.unsubscribe_rate, 3),
        )


@dataclass(frozen=True)
class EmailCheck:
    """One press of "Check my email" or "Send (simulated)": when, the form then, what was found.

    ``error`` says why the form could not be checked (a time that is not a time); ``must_fix``
    lists what had to be put right before sending; ``audience`` is how many people could
    lawfully be emailed; ``results`` are the simulated figures when a send went ahead.
    """

    action: Literal["check", "send"]
    at: str
    form: EmailForm
    ready: bool = False
    error: str = ""
    must_fix: tuple[str, ...] = ()
    audience: int | None = None
    results: EmailResults | None = None


@dataclass(frozen=True)
class EmailWork:
    """A learner's marketing email: the form as it stands, and each check and send made."""

    form: EmailForm = field(default_factory=EmailForm)
    checks: tuple[EmailCheck, ...] = ()

    @property
    def latest_check(self) -> EmailCheck | None:
        return self.checks[-1] if self.checks else None

    @property
    def latest_send(self) -> EmailCheck | None:
        """The latest send that went ahead (it has results), or None."""
        return next((c for c in reversed(self.checks) if c.results is not None), None)

    def with_check(self, check: EmailCheck) -> EmailWork:
        """This work with ``check`` added (only the latest :data:`MAX_CHECKS` are kept)."""
        return EmailWork(form=self.form, checks=(*self.checks, check)[-MAX_CHECKS:])


class EmailRecord(Record[EmailWork]):
    """Every attempt at the marketing email builder: the email as typed, its checks and sends."""

    KIND = "email"  # and so the evidence file: email-campaign.json
    WORK = EmailWork

    @classmethod
    def work_from_v1(cls, data: dict[str, Any]) -> tuple[EmailWork, Mode]:
        """Read a previous-release attempt: a checked campaign, or a form that would not check."""
        if isinstance(data.get("form"), dict):
            form = _form_from_v1(data["form"])
            error = _text(data.get("error"))
            check = EmailCheck(action="check", at="", form=form, error=error)
            return EmailWork(form=form, checks=(check,)), "practice"
        campaign = data.get("campaign")
        if not isinstance(campaign, dict):
            raise RecordShapeError("an email attempt has neither a campaign nor a form")
        form = _form_from_campaign(campaign)
        results = _results_from_v1(data.get("results"))
        findings = data.get("findings")
        must_fix = tuple(
            _text(f.get("message"))
            for f in (findings if isinstance(findings, list) else [])
            if isinstance(f, dict) and f.get("level") == "problem"
        )
        audience = data.get("audience")
        included = audience.get("included") if isinstance(audience, dict) else None
        check = EmailCheck(
            action="send" if results is not None else "check",
            at=_text(data.get("checked_at")),
            form=form,
            ready=data.get("ready") is True,
            must_fix=must_fix,
            audience=included if _whole(included) else None,
            results=results,
        )
        return EmailWork(form=form, checks=(check,)), "practice"


def _whole(value: Any) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value)


def _form_from_v1(form: dict[str, Any]) -> EmailForm:
    """The form as the previous release saved it when it could not be checked."""
    day = form.get("send_day")
    return EmailForm(
        name=_text(form.get("name")),
        subject=_text(form.get("subject")),
        preview_text=_text(form.get("preview_text")),
        body=_text(form.get("body")),
        calls_to_action=_text(form.get("calls_to_action")),
        sender_name=_text(form.get("sender_name")),
        sender_email=_text(form.get("sender_email")),
        unsubscribe_link=_text(form.get("unsubscribe_link")),
        segment=_text(form.get("segment"), "all"),
        similar_products=form.get("similar_products") is not False,
        send_day=_text(day) if _is_date(day) else "",
        send_time=_text(form.get("send_time"), "10:00"),
    )


def _form_from_campaign(campaign: dict[str, Any]) -> EmailForm:
    """The form that gives this campaign, as the previous release saved a checked one."""
    actions = campaign.get("calls_to_action")
    send_day, send_time = "", "10:00"
    try:
        when = datetime.fromisoformat(_text(campaign.get("send_at")))
    except ValueError:
        pass
    else:
        send_day, send_time = when.date().isoformat(), when.strftime("%H:%M")
    return EmailForm(
        name=_text(campaign.get("name")),
        subject=_text(campaign.get("subject")),
        preview_text=_text(campaign.get("preview_text")),
        body=_text(campaign.get("body")),
        calls_to_action="\n".join(
            a for a in (actions if isinstance(actions, list) else []) if isinstance(a, str)
        ),
        sender_name=_text(campaign.get("sender_name")),
        sender_email=_text(campaign.get("sender_email")),
        unsubscribe_link=_text(campaign.get("unsubscribe_link")),
        segment=_text(campaign.get("segment"), "all"),
        similar_products=campaign.get("similar_products") is not False,
        send_day=send_day,
        send_time=send_time,
    )


def _results_from_v1(results: Any) -> EmailResults | None:
    if not isinstance(results, dict):
        return None
    counts = [results.get(k) for k in ("sent", "delivered", "opens", "clicks", "unsubscribes")]
    rates = [_number(results.get(k)) for k in ("open_rate", "unsubscribe_rate")]
    whole = [c for c in counts if _whole(c)]
    found = [r for r in rates if r is not None]
    if len(whole) != len(counts) or len(found) != len(rates):
        raise RecordShapeError("an email attempt has simulated results of the wrong shape")
    sent, delivered, opens, clicks, unsubscribes = whole
    return EmailResults(
        sent=sent,
        delivered=delivered,
        opens=opens,
        clicks=clicks,
        unsubscribes=unsubscribes,
        open_rate=found[0],
        click_to_open_rate=_number(results.get("click_to_open_rate")),
        unsubscribe_rate=found[1],
    )


def _is_date(value: Any) -> bool:
    try:
        date.fromisoformat(_text(value))
    except ValueError:
        return False
    return True
