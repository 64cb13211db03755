"""Scenario rules an adviser's reply can break: data protection, remit, promises, templates.

Called for each reply by :mod:`.reading` (the one place a reply is read), which the
conversation engine uses as the chat happens and the transcript assessment afterwards, so a
grader re-derives every finding from the learner's own words. Each rule broken is a
:class:`~coursework_kit.feedback.Finding` (see :func:`broken`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from coursework_kit.chat._phrases import phrases
from coursework_kit.chat.catalogue import criteria_catalogue
from coursework_kit.chat.facts import wrong_facts
from coursework_kit.chat.knowledge import unpersonalised
from coursework_kit.chat.scenario import Scenario
from coursework_kit.feedback import Finding

if TYPE_CHECKING:
    from coursework_kit.chat.moves import Moves

__all__ = ["RULES", "broken", "check_reply"]

RULES = ("data_protection", "remit", "promise", "template", "policy", "fact")
# A data protection breach or an offer beyond the adviser's remit must be fixed; the other
# rules should be. Those two come with the tip of the criterion they cost.
_MUST_FIX = ("data_protection", "remit")
_CRITERION = {"data_protection": "identity_verification", "remit": "escalation"}

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
_OFFER = re.compile(
    r"\b(refund|credit|compensation|goodwill|voucher|money back|reimburse|gesture|discount)",
    re.IGNORECASE,
)


def broken(rule: str, message: str, *, quote: str = "", where: str = "") -> Finding:
    """A rule broken in the chat, with the adviser's words that show it (``quote``).

    ``rule`` is one of :data:`RULES` (the finding's ``check``); ``where`` is the reply it is in
    ("reply 2"), or "the end of the chat".
    """
    related = _CRITERION.get(rule)
    return Finding(
        severity="must fix" if rule in _MUST_FIX else "should fix",
        check=rule,
        message=message,
        why=criteria_catalogue()[related].tip if related else "",
        quote=quote,
        where=where,
    )


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
    where: str = "",
    escalating: bool = False,
    in_public: bool = False,
    moves: Moves | None = None,
) -> list[Finding]:
    """The rules this one adviser reply breaks.

    ``verified``: the customer has passed security. ``where``: which reply this is ("reply 2").
    ``in_public``: the chat is still in a public post (not yet moved to a private message).
    ``moves``: what the reply does, as :func:`.understand.understand` read it.
    """
    findings: list[Finding] = []
    template = unpersonalised(reply)
    if template:
        findings.append(
            broken(
                "template",
                f"A pre-written response was sent without personalising it: {template}.",
                quote=reply[:80],
                where=where,
            )
        )
    if scenario is None:
        return findings
    asked = moves.get("ask_password") if moves is not None else None
    if asked is not None:
        findings.append(
            broken(
                "data_protection",
                "A password or a full card number was asked for. An adviser never asks for "
                "these: ask only for the security details the scenario gives.",
                quote=asked.words,
                where=where,
            )
        )
    detail = _first_match(scenario.account_details, reply)
    if detail and scenario.needs.never_disclose:
        findings.append(
            broken(
                "data_protection",
                "Personal data was given out in the chat. "
                "In this case nothing from the account may be shared here: the "
                "request goes to the right team.",
                quote=detail,
                where=where,
            )
        )
    elif detail and scenario.needs.verification and not verified:
        findings.append(
            broken(
                "data_protection",
                "Account details were given before the "
                "customer's identity was checked: a data protection breach.",
                quote=detail,
                where=where,
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
                broken(
                    "remit",
                    f"£{amount:,.2f} was offered, above the "
                    f"£{scenario.refund_limit:,.0f} an adviser may authorise "
                    "without a team leader.",
                    quote=over[0].group(0),
                    where=where,
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
                broken(
                    "data_protection",
                    "Personal details were asked for "
                    "in a public post: move to a private message first.",
                    quote=public,
                    where=where,
                )
            )
    for wrong in wrong_facts(reply, scenario):
        findings.append(broken("fact", wrong.message, quote=wrong.quote, where=where))
    statements = " ".join(s for s in re.split(r"(?<=[.!?])\s+", reply) if not s.endswith("?"))
    promise = _first_match(scenario.cannot_promise, statements)  # a question promises nothing
    if moves is not None and "promise_cannot_keep" not in moves:
        promise = None  # the recogniser reads negation: "I can't promise it will be Friday"
    if promise:
        findings.append(
            broken(
                "promise",
                "A promise was made that the adviser cannot be sure of keeping.",
                quote=promise,
                where=where,
            )
        )
    return findings
