"""Electronic marketing by email and text: PECR regulation 22, with regulation 23.

Jurisdiction: the UK. The Privacy and Electronic Communications (EC Directive) Regulations 2003
(PECR), as amended by the Data (Use and Access) Act 2025. Reflects the law and ICO guidance
("Electronic mail marketing", "Business-to-business marketing") as at November 2026.

- Individual subscribers (people, sole traders, and partnerships other than Scottish ones):
  marketing by email or text needs their consent, unless the "soft opt-in" applies: their
  details were obtained in the course of a sale or negotiations for a sale, the marketing is
  for your own similar products or services, and they were given a simple way to refuse when
  their details were collected and are given one in every message (regulation 22(3)).
- Corporate subscribers (companies, LLPs, Scottish partnerships, government bodies):
  regulation 22 does not apply, but UK GDPR still does when the address names a person.
- Every message must say who it is from and give a valid address for opting out
  (regulation 23).
- The 2025 Act added a "charitable purpose soft opt-in" (regulation 22(3A), in force from 5
  February 2026) for charities only, and raised PECR fines to the UK GDPR levels (up to £17.5
  million or 4% of worldwide turnover). Neither changes these rules for a business.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from coursework_kit.errors import GdprTypeError
from coursework_kit.gdpr.deadlines import _choice

__all__ = [
    "CHANNELS",
    "RECIPIENTS",
    "MarketingVerdict",
    "check_electronic_marketing",
    "questions_needed",
]

CHANNELS = ("email", "sms")
RECIPIENTS = ("individual", "sole_trader", "partnership", "corporate")
SOURCE = (
    "PECR regulations 22 and 23; ICO guidance 'Electronic mail marketing' and "
    "'Business-to-business marketing'"
)
_ALWAYS = [
    "Say clearly who the message is from: never hide or disguise the sender.",
    "Give a valid, free and simple way to opt out in every message, and act on it promptly.",
]


@dataclass(frozen=True)
class MarketingVerdict:
    """Whether a marketing email or text may be sent, under which rule, and why."""

    allowed: bool
    rule: str  # "consent", "soft opt-in" or "corporate subscriber"
    reason: str
    must_still: list[str] = field(default_factory=list)
    source: str = SOURCE

    def __repr__(self) -> str:
        return f"MarketingVerdict(allowed={self.allowed}, rule={self.rule!r})"

    def _repr_html_(self) -> str:
        head = "You may send it" if self.allowed else "Do not send it"
        items = "".join(f"<li>{html.escape(m)}</li>" for m in self.must_still)
        return (
            f"<div role='status'><p><strong>{head}</strong> (rule: {self.rule}).</p>"
            f"<p>{html.escape(self.reason)}</p>"
            + (f"<p>You must still:</p><ul>{items}</ul>" if items else "")
            + f"<p><small>Source: {html.escape(self.source)}</small></p></div>"
        )


def questions_needed(answers: dict[str, object]) -> list[str]:
    """Which of the verdict's questions must be answered, given the answers so far.

    A corporate subscriber needs no consent questions; with consent, the soft opt-in questions
    do not arise.

    >>> questions_needed({"recipient": "corporate"})
    ['channel', 'recipient']
    >>> questions_needed({"recipient": "individual", "consent": False})[-1]
    'opt_out_offered'
    """
    needed = ["channel", "recipient"]
    if answers.get("recipient") not in (None, "corporate"):
        needed.append("consent")
        if answers.get("consent") is False:
            needed += ["existing_customer", "similar_products", "opt_out_offered"]
    return needed


def _flag(value: object, name: str) -> bool:
    if not isinstance(value, bool):
        raise GdprTypeError(f"{name} must be True or False, not {value!r}.")
    return value


def check_electronic_marketing(
    *,
    channel: str,
    recipient: str,
    consent: bool,
    existing_customer: bool,
    similar_products: bool,
    opt_out_offered: bool,
) -> MarketingVerdict:
    """May this marketing email or text be sent?

    ``existing_customer``: their details were obtained in the course of a sale (or
    negotiations for one). ``opt_out_offered``: they were given a simple way to refuse when
    the details were collected, and every message offers one.

    >>> check_electronic_marketing(channel="email", recipient="individual", consent=False,
    ...     existing_customer=True, similar_products=True, opt_out_offered=True).rule
    'soft opt-in'
    >>> check_electronic_marketing(channel="sms", recipient="individual", consent=False,
    ...     existing_customer=True, similar_products=False, opt_out_offered=True).allowed
    False
    """
    medium = "text message" if _choice(channel, CHANNELS, "channel") == "sms" else "email"
    who = _choice(recipient, RECIPIENTS, "recipient")
    flags = {
        name: _flag(value, name)
        for name, value in (
            ("consent", consent),
            ("existing_customer", existing_customer),
            ("similar_products", similar_products),
            ("opt_out_offered", opt_out_offered),
        )
    }
    if who == "corporate":
        return MarketingVerdict(
            True,
            "corporate subscriber",
            (
                f"PECR's consent rule for marketing {medium}s does not cover corporate "
                "subscribers (companies, LLPs, Scottish partnerships, government bodies). If the "
                "address belongs to a named person, such as jane.smith@company.example, UK GDPR "
                "still applies: you need a lawful basis and must stop if they object."
            ),
            list(_ALWAYS),
        )
    person = {
        "individual": "this person",
        "sole_trader": "a sole trader, who counts as an individual",
        "partnership": "a partnership (outside Scotland), which counts as an individual",
    }[who]
    if flags["consent"]:
        return MarketingVerdict(
            True,
            "consent",
            (
                f"The recipient is {person} and has given consent for marketing {medium}s from "
                "you. Keep a record of when and how they consented, and stop if they withdraw it."
            ),
            list(_ALWAYS),
        )
    missing = []
    if not flags["existing_customer"]:
        missing.append(
            "you did not get their details while they were buying (or asking about buying) from you"
        )
    if not flags["similar_products"]:
        missing.append("the message is not about your own similar products or services")
    if not flags["opt_out_offered"]:
        missing.append(
            "they were not given a simple way to refuse when you collected their "
            "details, and in every message"
        )
    if not missing:
        return MarketingVerdict(
            True,
            "soft opt-in",
            (
                f"The recipient is {person}, and the soft opt-in applies: you got their details "
                "during a sale, the message is about your own similar products, and they could "
                "refuse at the start and can in every message."
            ),
            list(_ALWAYS),
        )
    return MarketingVerdict(
        False,
        "consent",
        (
            f"The recipient is {person}, so you need their consent before sending marketing "
            f"{medium}s, and you do not have it. The soft opt-in cannot be used because "
            + "; ".join(missing)
            + "."
        ),
        [],
    )
