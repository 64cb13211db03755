"""The mailing list, and who on it may lawfully be sent a marketing email.

Jurisdiction: the UK. Each contact is checked with
:func:`coursework_kit.gdpr.check_electronic_marketing` (PECR regulation 22: consent, or the
"soft opt-in" for existing customers; corporate subscribers are outside regulation 22). Anyone
who has unsubscribed is left out first: once someone says stop, you must stop (PECR regulation
22(3)(d) and UK GDPR Article 21(3)). Reflects the law and ICO guidance on direct marketing using
electronic mail as at November 2026.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from coursework_kit.email.campaign import SEGMENTS, CampaignError, segment_label
from coursework_kit.gdpr.marketing import check_electronic_marketing

__all__ = ["Audience", "Contact", "lawful_audience", "load_mailing_list"]

MAILING_LIST = "email/mailing_list.csv"
UNSUBSCRIBED = (
    "They unsubscribed: once someone asks to stop, you must stop "
    "(PECR regulation 22(3)(d); UK GDPR Article 21(3))."
)
_MISSING = {
    "existing_customer": "we did not get their details during a sale",
    "similar_products": "the email is not about our own similar products",
    "opt_out_offered": "they were not offered a way to refuse when we collected their details",
}


@dataclass(frozen=True)
class Contact:
    """One person or business on the mailing list (every one is made up)."""

    contact_id: str
    first_name: str | None
    last_name: str
    email: str
    segment: str
    subscriber_type: str
    organisation: str | None
    consent: bool
    consent_date: date | None
    consent_method: str | None
    existing_customer: bool
    opt_out_offered: bool
    unsubscribed: bool
    last_purchase_date: date | None
    interests: tuple[str, ...] = ()

    def __repr__(self) -> str:
        return f"Contact({self.contact_id!r}, {self.email!r}, segment={self.segment!r})"


def load_mailing_list() -> list[Contact]:
    """Harbour & Pine's 400-contact mailing list, checked against its schema."""
    from coursework_kit.datasets import load_rows

    contacts = []
    for row in load_rows(MAILING_LIST):
        interests = str(row.pop("interests") or "")
        contacts.append(
            Contact(**row, interests=tuple(i for i in interests.split(";") if i))  # type: ignore[arg-type]
        )
    return contacts


@dataclass(frozen=True)
class Audience:
    """Who the email may go to, and how many were left out, grouped by the reason."""

    segment: str
    considered: int
    included: tuple[Contact, ...]
    left_out: dict[str, tuple[Contact, ...]] = field(default_factory=dict)
    rules: dict[str, int] = field(default_factory=dict)  # lawful rule -> how many it covers

    @property
    def size(self) -> int:
        return len(self.included)

    @property
    def left_out_count(self) -> int:
        return sum(len(group) for group in self.left_out.values())

    def __repr__(self) -> str:
        return (
            f"Audience(segment={self.segment!r}, included={self.size}, "
            f"left_out={self.left_out_count})"
        )

    def _repr_html_(self) -> str:
        rules = "".join(
            f"<li>{count} by {html.escape(rule)}</li>" for rule, count in self.rules.items()
        )
        reasons = "".join(
            f"<tr><td>{html.escape(reason)}</td><td style='text-align:right'>{len(group)}</td></tr>"
            for reason, group in sorted(self.left_out.items(), key=lambda kv: -len(kv[1]))
        )
        table = (
            "<table><caption>Left out, and why</caption><tr><th scope='col'>Reason</th>"
            f"<th scope='col'>Contacts</th></tr>{reasons}</table>"
            if reasons
            else "<p>Nobody had to be left out.</p>"
        )
        return (
            f"<div role='status'><p><strong>{self.size} of {self.considered} contacts</strong> "
            f"in {html.escape(segment_label(self.segment))} may lawfully be emailed"
            f"{':' if rules else '.'}</p>"
            + (f"<ul>{rules}</ul>" if rules else "")
            + table
            + "<p><small>Source: PECR regulations 22 and 23; UK GDPR Article 21; ICO guidance "
            "on direct marketing using electronic mail, as at November 2026.</small></p></div>"
        )


def _reason(contact: Contact, similar_products: bool) -> str:
    """Why an individual without consent cannot have the soft opt-in (the failed conditions)."""
    failed = {
        "existing_customer": not contact.existing_customer,
        "similar_products": not similar_products,
        "opt_out_offered": not contact.opt_out_offered,
    }
    missing = [text for key, text in _MISSING.items() if failed[key]]
    return "No consent, and no soft opt-in: " + "; ".join(missing) + "."


def lawful_audience(
    contacts: Iterable[Contact], *, segment: str = "all", similar_products: bool = True
) -> Audience:
    """The contacts in ``segment`` ("all" for everyone) who may lawfully get this email.

    ``similar_products``: the email is about Harbour & Pine's own products, similar to the ones
    the customer bought (needed for the soft opt-in).
    """
    if segment not in SEGMENTS:
        raise CampaignError(f"{segment!r} is not a segment; choose one of {', '.join(SEGMENTS)}.")
    chosen: Sequence[Contact] = [c for c in contacts if segment in ("all", c.segment)]
    included: list[Contact] = []
    left_out: dict[str, list[Contact]] = {}
    rules: dict[str, int] = {}
    for contact in chosen:
        if contact.unsubscribed:
            left_out.setdefault(UNSUBSCRIBED, []).append(contact)
            continue
        verdict = check_electronic_marketing(
            channel="email",
            recipient=contact.subscriber_type,
            consent=contact.consent,
            existing_customer=contact.existing_customer,
            similar_products=similar_products,
            opt_out_offered=contact.opt_out_offered,
        )
        if verdict.allowed:
            included.append(contact)
            rules[verdict.rule] = rules.get(verdict.rule, 0) + 1
        else:
            left_out.setdefault(_reason(contact, similar_products), []).append(contact)
    return Audience(
        segment=segment,
        considered=len(chosen),
        included=tuple(included),
        left_out={reason: tuple(group) for reason, group in left_out.items()},
        rules=rules,
    )
