"""Check a moderator's reply to a queue item: is one needed, is the tone right, and does it keep
the customer's personal details out of it?

Tone comes from :func:`coursework_kit.chat.assess_reply` (rules built for customer service,
not a sentiment score), summarised here in plain words for the learner.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from coursework_kit.chat.assess import ReplyAssessment, assess_reply
from coursework_kit.errors import ReplyTypeError
from coursework_kit.social.moderation.queue import QueueItem

__all__ = ["ReplyCheck", "check_reply", "personal_details", "repeated_details"]

# Phone numbers (UK mobiles and landlines, with or without +44), email addresses and
# Harbour & Pine order numbers: details that must never be written back in public.
_PHONE = re.compile(r"(?<![\d+])(?:\+44\s?|0)(?:\d[\s-]?){9,10}(?!\d)")
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_ORDER = re.compile(r"\bHP-\d{4,6}\b", re.IGNORECASE)
_PRIVATE_INVITE = re.compile(
    r"\b((send|drop) us an? (direct |private )?(message|DM|email)|direct message|private "
    r"message|\bDMs?\b|inbox|message us|email us|check your (direct )?messages)",
    re.IGNORECASE,
)

_STRENGTHS = {
    "greeting": "greets them",
    "uses_customer_name": "uses their name",
    "empathy": "shows you understand how they feel",
    "apology": "says sorry",
    "positive_language": "says what you can do",
    "closing_question": "asks if there is anything else",
}
_MISSING = {
    "greeting": 'Start with a greeting, for example "Hi {name}".',
    "uses_customer_name": "Use their first name.",
    "empathy": 'Show you understand how they feel, for example "I can see why you\'re upset".',
    "apology": "Say sorry for what went wrong.",
    "positive_language": 'Say what you can do, for example "I\'ll look into it now".',
    "paraphrase": "Show you have understood by putting their problem in your own words.",
    "closing_question": "Ask if there is anything else you can help with.",
}


def _digits(text: str) -> str:
    digits = re.sub(r"\D", "", text)
    return "0" + digits[2:] if digits.startswith("44") else digits


def _plain(text: str) -> str:
    return " ".join(text.lower().split())


def personal_details(text: str) -> list[str]:
    """Phone numbers, email addresses and order numbers found in ``text``.

    >>> personal_details("Ring me on 07700 900461 about HP-20417, or dani@example.com")
    ['07700 900461', 'dani@example.com', 'HP-20417']
    """
    found = [m.group(0).strip() for m in _PHONE.finditer(text)]
    found += [m.group(0) for m in _EMAIL.finditer(text)]
    found += [m.group(0) for m in _ORDER.finditer(text)]
    return list(dict.fromkeys(found))


def repeated_details(item: QueueItem, reply: str) -> list[str]:
    """The personal details from the item's text that the reply writes out again.

    Phone numbers match whatever the spacing; other details match ignoring case and spacing.
    """
    phones_in_reply = {_digits(m.group(0)) for m in _PHONE.finditer(reply)}
    plain_reply = _plain(reply)
    repeated = []
    for detail in dict.fromkeys([*item.personal_data, *personal_details(item.text)]):
        if _PHONE.fullmatch(detail.strip()):
            if _digits(detail) in phones_in_reply:
                repeated.append(detail)
        elif _plain(detail) in plain_reply:
            repeated.append(detail)
    return repeated


@dataclass(frozen=True)
class ReplyCheck:
    """What is right and wrong with a reply, in plain words. ``ok`` when nothing is wrong."""

    reply: str
    needed: bool
    problems: list[str] = field(default_factory=list)
    tips: list[str] = field(default_factory=list)
    strengths: list[str] = field(default_factory=list)
    repeated: list[str] = field(default_factory=list)
    tone: ReplyAssessment | None = None

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def summary(self) -> str:
        """The tone and content of the reply, in a sentence or two."""
        if not self.reply.strip():
            return (
                "This needs a reply, and you haven't written one yet."
                if self.needed
                else "No reply written (none is needed here)."
            )
        good = "Your reply " + _join(self.strengths) + "." if self.strengths else ""
        if self.problems:
            return f"{good} To fix: {' '.join(self.problems)}".strip()
        good = good or "Your reply does the job, though it could be warmer."
        return good + (f" Tip: {' '.join(self.tips)}" if self.tips else "")

    def __repr__(self) -> str:
        return f"ReplyCheck({'ok' if self.ok else 'needs work'}: {self.summary})"

    def _repr_html_(self) -> str:
        head = "Your reply works." if self.ok else "Your reply needs some work."
        items = "".join(f"<li>{html.escape(p)}</li>" for p in self.problems + self.tips)
        return (
            f"<div role='status'><p><strong>{head}</strong> {html.escape(_good(self))}</p>"
            + (f"<ul>{items}</ul>" if items else "")
            + "</div>"
        )


def _good(check: ReplyCheck) -> str:
    return "It " + _join(check.strengths) + "." if check.strengths else ""


def _join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def check_reply(item: QueueItem, reply: str, *, needed: bool, private_invite: bool) -> ReplyCheck:
    """Check ``reply`` to ``item``. ``needed``: the chosen action needs a reply;
    ``private_invite``: the reply must invite the customer to a private channel."""
    if not isinstance(reply, str):
        raise ReplyTypeError(f"A reply must be text, not {type(reply).__name__}.")
    if not reply.strip():
        missing = ["This needs a reply: write what you would post or send."] if needed else []
        return ReplyCheck(reply, needed, problems=missing)
    tone = assess_reply(reply, customer_message=item.text, customer_name=item.name)
    advice = {flag: text.format(name=item.name or "there") for flag, text in _MISSING.items()}
    problems: list[str] = []
    tips: list[str] = []
    if tone.blame_or_negative:
        problems.append(
            f'It sounds negative or blames the customer ("{tone.evidence["blame_or_negative"]}").'
            " Say what you can do instead."
        )
    repeated = repeated_details(item, reply) if item.public else []
    if repeated:
        problems.append(
            "It repeats personal details the customer posted in public "
            f"({', '.join(repeated)}). Never write them back: anyone can see them."
        )
    for flag in item.tone:
        if not tone.flags.get(flag):
            problems.append(advice[flag])
    problems += [rule.advice for rule in item.reply_must if not rule.met_by(reply)]
    if private_invite and not _PRIVATE_INVITE.search(reply):
        problems.append(
            'Invite them to a private channel, for example "Please send us a direct message".'
        )
    if tone.jargon:
        tips.append(f"Avoid jargon the customer may not know: {', '.join(tone.jargon)}.")
    typos = [word for word in tone.spelling_errors if word[:1].islower()]
    if typos:
        tips.append(f"Check the spelling of: {', '.join(typos)}.")
    if not tone.greeting and "greeting" not in item.tone:
        tips.append(advice["greeting"])
    strengths = [text for flag, text in _STRENGTHS.items() if tone.flags.get(flag)]
    return ReplyCheck(reply, needed, problems, tips, strengths, repeated, tone)
