"""Scenario rules an adviser's reply can break: data protection, remit, promises, templates.

Called for each reply by :mod:`.reading` (the one place a reply is read), which the
conversation engine uses as the chat happens and the transcript assessment afterwards, so a
grader re-derives every finding from the learner's own words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from coursework_kit.chat._phrases import phrases
from coursework_kit.chat.knowledge import unpersonalised
from coursework_kit.chat.scenario import Scenario

if TYPE_CHECKING:
    from coursework_kit.chat.moves import Moves

__all__ = ["Finding", "check_reply"]

_MONEY = re.compile(r"£\s?(\d[\d,]*(?:\.\d{1,2})?)")
_ACTING = re.compile(
    r"\b(I can|I'?ll|I will|I'?ve|I have|let me|I'?m (going to|able to|happy to)"
    r"|we can|we'?ll|we will)\b",
    re.IGNORECASE,
)
_SECURITY = (
    r"\b(your|the) (postcode|post code|date of birth|address|email address|order number"
    r"|account number|phone number|full name)\b"
)
# The couriers a reply might name. Naming one the adviser's screen does not show, where it
# shows another, is a wrong fact ("It's with DPD" when Evri has it).
_COURIER = re.compile(
    r"\b(evri|hermes|dpd|royal mail|parcelforce|yodel|ups|dhl|fedex|amazon logistics)\b",
    re.IGNORECASE,
)
_OFFER = re.compile(
    r"\b(refund|credit|compensation|goodwill|voucher|money back|reimburse|gesture|discount)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Finding:
    """Something in the chat that breaks a rule, with the adviser's words that show it."""

    kind: str  # "data_protection", "remit", "promise", "template", "policy", "fact"
    turn: int  # index into the transcript's turns
    message: str
    quote: str = ""

    def __str__(self) -> str:
        return f"{self.message} ({self.quote!r})" if self.quote else self.message


def _first_match(patterns: Sequence[str], text: str) -> str | None:
    for pattern in patterns:
        found = re.search(pattern, text, re.IGNORECASE)
        if found:
            return found.group(0)
    return None


def check_reply(
    reply: str,
    scenario: Scenario | None,
    *,
    verified: bool,
    turn: int,
    escalating: bool = False,
    in_public: bool = False,
    moves: Moves | None = None,
) -> list[Finding]:
    """The rules this one adviser reply breaks.

    ``verified``: the customer has passed security. ``in_public``: the chat is still in a
    public post (not yet moved to a private message). ``moves``: what the reply does, as
    :func:`.understand.understand` read it.
    """
    findings: list[Finding] = []
    template = unpersonalised(reply)
    if template:
        findings.append(
            Finding(
                "template",
                turn,
                f"A pre-written response was sent without personalising it: {template}.",
                reply[:80],
            )
        )
    if scenario is None:
        return findings
    asked = moves.get("ask_password") if moves is not None else None
    if asked is not None:
        findings.append(
            Finding(
                "data_protection",
                turn,
                "A password or a full card number was asked for. An adviser never asks for "
                "these: ask only for the security details the scenario gives.",
                asked.words,
            )
        )
    detail = _first_match(scenario.account_details, reply)
    if detail and scenario.needs.never_disclose:
        findings.append(
            Finding(
                "data_protection",
                turn,
                "Personal data was given out in the chat. "
                "In this case nothing from the account may be shared here: the "
                "request goes to the right team.",
                detail,
            )
        )
    elif detail and scenario.needs.verification and not verified:
        findings.append(
            Finding(
                "data_protection",
                turn,
                "Account details were given before the "
                "customer's identity was checked: a data protection breach.",
                detail,
            )
        )
    for sentence in re.split(r"(?<=[.!?])\s+", reply):
        # Only the adviser's own offer counts, not a price mentioned in passing.
        if not (_OFFER.search(sentence) and _ACTING.search(sentence)) or escalating:
            continue
        over = [
            m
            for m in _MONEY.finditer(sentence)
            if float(m.group(1).replace(",", "")) > scenario.refund_limit
        ]
        if over:
            amount = float(over[0].group(1).replace(",", ""))
            findings.append(
                Finding(
                    "remit",
                    turn,
                    f"£{amount:,.2f} was offered, above the "
                    f"£{scenario.refund_limit:,.0f} an adviser may authorise "
                    "without a team leader.",
                    over[0].group(0),
                )
            )
            break
    if (
        in_public
        and scenario.channel == "social_public"
        and not phrases().find("private_channel", reply)
    ):  # "DM us your postcode" asks for it in private, which is right
        found = re.search(_SECURITY, reply, re.IGNORECASE)
        move = moves.get("ask_security") if moves is not None else None
        public = move.words if move is not None else found.group(0) if found else None
        if public:
            findings.append(
                Finding(
                    "data_protection",
                    turn,
                    "Personal details were asked for "
                    "in a public post: move to a private message first.",
                    public,
                )
            )
    wrong = _wrong_courier(reply, scenario)
    if wrong:
        findings.append(
            Finding(
                "fact",
                turn,
                f"The reply names {wrong[0]} as the courier, but the screen shows "
                f"{wrong[1]}. Check the facts before you tell the customer.",
                wrong[0],
            )
        )
    statements = " ".join(s for s in re.split(r"(?<=[.!?])\s+", reply) if not s.endswith("?"))
    promise = _first_match(scenario.cannot_promise, statements)  # a question promises nothing
    if moves is not None and "promise_cannot_keep" not in moves:
        promise = None  # the recogniser reads negation: "I can't promise it will be Friday"
    if promise:
        findings.append(
            Finding(
                "promise",
                turn,
                "A promise was made that the adviser cannot be sure of keeping.",
                promise,
            )
        )
    return findings


def _wrong_courier(reply: str, scenario: Scenario) -> tuple[str, str] | None:
    """(the courier the reply names, the one on screen) when the adviser's screen names a
    courier for this order and the reply names one the screen does not."""
    screen = " ".join(
        [f.value for f in scenario.facts] + [scenario.opening, *scenario.account_details]
    )
    known = {m.group(0).lower() for m in _COURIER.finditer(screen)}
    for m in _COURIER.finditer(reply) if known else ():
        if m.group(0).lower() not in known:
            return m.group(0), next(_COURIER.finditer(screen)).group(0)
    return None
