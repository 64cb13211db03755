"""Marketing automation journeys: a trigger, then waits and messages, each checked against PECR.

The triggers (who enters the journey, and what we know about their permission) and the
messages (marketing or not, about our own similar products or not) are data in
``datasets/journeys/automation.yaml``. Permission is per channel: each trigger says, for email
and for text separately, whether the contact details are held, whether the people consented
to marketing that way, and whether they could refuse it when the details were collected (PECR
regulation 22(3)(c): the soft opt-in needs "a simple means of refusing" the use of those
details). Each marketing email or text is checked with
:func:`coursework_kit.gdpr.check_electronic_marketing` for its own channel (PECR regulations
22 and 23, as at November 2026), and the verdict quotes that channel's facts; a service
message, such as a dispatch notice, is not direct marketing.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from functools import cache

from coursework_kit._english import a_or_an, count
from coursework_kit.errors import JourneyError, find_by_id
from coursework_kit.gdpr import MarketingVerdict, check_electronic_marketing

__all__ = [
    "ChannelPermission",
    "JourneyCheck",
    "JourneyLibrary",
    "JourneyStep",
    "StepCheck",
    "check_journey",
    "journey_library",
]

KINDS = ("trigger", "wait", "message")
CHANNELS = ("email", "sms")
CHANNEL_NAMES = {"email": "email", "sms": "text message"}
SOURCE = "PECR regulations 22 and 23; ICO guidance 'Electronic mail marketing'"
REFLECTS = "the law and ICO guidance as at November 2026"


@dataclass(frozen=True)
class ChannelPermission:
    """What is known about marketing to the trigger's people by one channel."""

    consent: bool
    opt_out_offered: bool
    facts: str
    held: bool = True


@dataclass(frozen=True)
class Trigger:
    id: str
    label: str
    recipient: str
    existing_customer: bool
    facts: str
    channels: tuple[tuple[str, ChannelPermission], ...]

    def permission(self, channel: str) -> ChannelPermission:
        """What is known for ``channel`` ("email" or "sms")."""
        return dict(self.channels)[channel]

    @property
    def consent(self) -> tuple[str, ...]:
        """The channels the people consented to marketing by."""
        return tuple(name for name, found in self.channels if found.consent)


@dataclass(frozen=True)
class Message:
    id: str
    label: str
    marketing: bool
    similar_products: bool
    third_party: bool


@dataclass(frozen=True)
class JourneyLibrary:
    """The triggers and messages a journey may use."""

    introduction: str
    triggers: tuple[Trigger, ...]
    messages: tuple[Message, ...]

    def trigger(self, trigger_id: str) -> Trigger:
        return find_by_id(
            self.triggers,
            trigger_id,
            JourneyError,
            "There is no trigger {wanted}; choose one of: {ids}.",
        )

    def message(self, message_id: str) -> Message:
        return find_by_id(
            self.messages,
            message_id,
            JourneyError,
            "There is no message {wanted}; choose one of: {ids}.",
        )


@cache
def journey_library() -> JourneyLibrary:
    """The shipped triggers and messages, checked against their schema
    (``datasets/journeys/automation.schema.json``)."""
    from coursework_kit.datasets._shipped import load_shipped

    raw = load_shipped("journeys/automation.yaml", schema="journeys/automation.schema.json")
    triggers = tuple(
        Trigger(
            **{
                **t,
                "channels": tuple(
                    (name, ChannelPermission(**t["channels"][name])) for name in CHANNELS
                ),
            }
        )
        for t in raw["triggers"]
    )
    messages = tuple(Message(**m) for m in raw["messages"])
    return JourneyLibrary(raw["introduction"], triggers, messages)


@dataclass(frozen=True)
class JourneyStep:
    """One step: a ``trigger`` (its id), a ``wait`` (``days``), or a ``message`` (its id and
    ``channel``, "email" or "sms")."""

    kind: str
    trigger: str = ""
    days: int = 0
    message: str = ""
    channel: str = ""

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise JourneyError(f"A step is a trigger, a wait or a message, not {self.kind!r}.")
        if self.kind == "wait" and (
            isinstance(self.days, bool)
            or not isinstance(self.days, int)
            or not 1 <= self.days <= 365
        ):
            raise JourneyError(
                f"A wait must be a whole number of days from 1 to 365, not {self.days!r}."
            )
        if self.kind == "message" and self.channel not in CHANNELS:
            raise JourneyError(f"A message goes by 'email' or 'sms', not {self.channel!r}.")

    def describe(self, library: JourneyLibrary) -> str:
        """The step in words."""
        if self.kind == "trigger":
            return f"When: {library.trigger(self.trigger).label}"
        if self.kind == "wait":
            return f"Wait {count(self.days, 'day')}"
        return f"Send {CHANNEL_NAMES[self.channel]}: {library.message(self.message).label}"


@dataclass(frozen=True)
class StepCheck:
    """The check on one step: allowed or not (None for steps that send nothing), and why."""

    step: JourneyStep
    text: str
    allowed: bool | None
    reason: str
    verdict: MarketingVerdict | None = None


@dataclass(frozen=True)
class JourneyCheck:
    """A whole journey checked: each step, and any problems with its shape."""

    steps: tuple[StepCheck, ...]
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        """True when the journey is well formed and every message may be sent."""
        return not self.problems and all(s.allowed is not False for s in self.steps)

    def __repr__(self) -> str:
        lines = [f"JourneyCheck(ok={self.ok})"]
        for number, step in enumerate(self.steps, start=1):
            mark = {True: "allowed", False: "NOT allowed", None: ""}[step.allowed]
            lines.append(f"{number}. {step.text} {mark}".rstrip())
        return "\n".join(lines + [f"Problem: {p}" for p in self.problems])

    def _repr_html_(self) -> str:
        items = []
        for step in self.steps:
            mark = {True: "✔ May be sent", False: "✘ Do not send", None: ""}[step.allowed]
            if mark:
                said = f"<br><strong>{mark}.</strong> {html.escape(step.reason)}"
            elif step.reason:  # a trigger: what is known about the people it brings in
                said = f"<br><em>What Harbour &amp; Pine knows:</em> {html.escape(step.reason)}"
            else:
                said = ""
            items.append(f"<li>{html.escape(step.text)}{said}</li>")
        problems = "".join(f"<li>{html.escape(p)}</li>" for p in self.problems)
        sends = any(step.allowed is not None for step in self.steps)
        return (
            f"<div role='status'><ol>{''.join(items)}</ol>"
            + (f"<p><strong>Fix these:</strong></p><ul>{problems}</ul>" if problems else "")
            + (
                f"<p><small>Source: {html.escape(SOURCE)}. Reflects {REFLECTS}.</small></p>"
                if sends
                else ""
            )
            + "</div>"
        )


def _check_message(step: JourneyStep, trigger: Trigger, library: JourneyLibrary) -> StepCheck:
    message = library.message(step.message)
    text = step.describe(library)
    permission = trigger.permission(step.channel)
    medium = CHANNEL_NAMES[step.channel]
    facts = permission.facts
    if not permission.held:
        return StepCheck(
            step,
            text,
            False,
            f"{facts} There is no way to send {a_or_an(medium)} to these people; choose the other "
            "channel.",
        )
    if not message.marketing:
        return StepCheck(
            step,
            text,
            True,
            "This is a service message (it tells the customer about their own order or "
            "account), so it is not direct marketing and PECR regulation 22 does not apply. "
            "Keep adverts out of it, or it becomes marketing.",
        )
    if message.third_party:
        return StepCheck(
            step,
            text,
            False,
            "This promotes another company. Consent to Harbour & Pine's own marketing does not "
            "cover it, and the soft opt-in only covers your own similar products: you would need "
            "consent that names this partner (ICO guidance 'Electronic mail marketing').",
        )
    verdict = check_electronic_marketing(
        channel=step.channel,
        recipient=trigger.recipient,
        consent=permission.consent,
        existing_customer=trigger.existing_customer,
        similar_products=message.similar_products,
        opt_out_offered=permission.opt_out_offered,
    )
    other = [
        CHANNEL_NAMES[name]
        for name, found in trigger.channels
        if name != step.channel and found.consent
    ]
    per_channel = (
        f" Permission is per channel: agreeing to {other[0]}s does not mean agreeing to {medium}s."
        if other and not permission.consent and trigger.recipient != "corporate"
        else ""
    )
    return StepCheck(step, text, verdict.allowed, f"{facts}{per_channel} {verdict.reason}", verdict)


def check_journey(steps: list[JourneyStep] | tuple[JourneyStep, ...]) -> JourneyCheck:
    """Check a journey's shape (one trigger, first; at least one message) and every message
    against PECR for the people the trigger brings in."""
    library = journey_library()
    problems = []
    if not steps or steps[0].kind != "trigger":
        problems.append("Start the journey with a trigger: the event that brings people in.")
    if sum(s.kind == "trigger" for s in steps) > 1:
        problems.append("Use only one trigger per journey; build a second journey for another.")
    if not any(s.kind == "message" for s in steps):
        problems.append("Add at least one message, or the journey sends nothing.")
    trigger = library.trigger(steps[0].trigger) if steps and steps[0].kind == "trigger" else None
    checks = []
    for step in steps:
        if step.kind == "message" and trigger is not None:
            checks.append(_check_message(step, trigger, library))
        elif step.kind == "trigger":
            found = library.trigger(step.trigger)
            checks.append(StepCheck(step, step.describe(library), None, found.facts))
        else:
            checks.append(StepCheck(step, step.describe(library), None, ""))
    return JourneyCheck(tuple(checks), tuple(problems))
