"""A synthetic mailing list for Harbour & Pine, the project's fictional homeware retailer.

Everything here is made up: names are drawn at random from short lists of common first names
and surnames, and every address is at a domain reserved for examples (``example.com``,
``example.net``, ``example.org`` or a name ending ``.example``), so no message could ever
reach a real person. The same integer seed always gives the same rows; the shipped CSV is the
output of :data:`MASTER_SEED`.

Each contact carries the facts PECR regulation 22 turns on: individual or corporate subscriber,
whether and when and how they consented, whether their details were collected during a sale
(the "soft opt-in"), whether they were offered a chance to refuse then, and whether they have
since unsubscribed. The list is as at :data:`AS_AT` (the end of the campaign data's 12 weeks).

Only ``random.Random.random()`` is used, whose sequence for a given seed Python keeps stable.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date, timedelta
from typing import TypeVar

from coursework_kit.datasets._tables import Cell

__all__ = ["AS_AT", "COLUMNS", "INTERESTS", "MASTER_SEED", "SEGMENTS", "mailing_list"]

MASTER_SEED = 2026
AS_AT = date(2026, 3, 31)

COLUMNS = (
    "contact_id", "first_name", "last_name", "email", "segment", "subscriber_type",
    "organisation", "consent", "consent_date", "consent_method", "existing_customer",
    "opt_out_offered", "unsubscribed", "last_purchase_date", "interests",
)  # fmt: skip

# segment -> how many contacts (400 in all)
SEGMENTS = {
    "past_purchaser": 160,
    "newsletter_signup": 110,
    "lapsed_customer": 80,
    "business_buyer": 50,
}
INTERESTS = (
    "kitchen", "dining", "living_room", "bedroom", "bathroom", "garden", "lighting", "textiles",
)  # fmt: skip
CONSENT_METHODS = ("website_sign_up_form", "checkout_tick_box", "in_shop_sign_up_card")

_FIRST = (
    "Aisha", "Alfie", "Amara", "Ben", "Bethan", "Callum", "Chloe", "Daniel", "Deepa", "Eilidh",
    "Ellis", "Erin", "Fatima", "Finn", "Grace", "Hamza", "Hannah", "Isla", "Jack", "Jasmine",
    "Kai", "Keira", "Liam", "Lowri", "Maya", "Megan", "Mohammed", "Niamh", "Noah", "Olivia",
    "Oscar", "Priya", "Rhys", "Rosie", "Ruby", "Sam", "Sophie", "Tariq", "Theo", "Zara",
)  # fmt: skip
_LAST = (
    "Ahmed", "Baker", "Bennett", "Campbell", "Chen", "Clarke", "Davies", "Doherty", "Evans",
    "Fraser", "Green", "Hughes", "Hussain", "Jones", "Kaur", "Kelly", "Khan", "Lewis", "Morgan",
    "Murphy", "Nowak", "O'Neill", "Okafor", "Patel", "Price", "Reid", "Roberts", "Shah", "Singh",
    "Taylor", "Thomas", "Walsh", "Watson", "Williams", "Wilson", "Wright", "Young", "Zielinski",
)  # fmt: skip
_BUSINESS_WORDS = (
    ("Brightside", "Copperleaf", "Fernhill", "Harbourside", "Larkspur", "Millbrook", "Northgate",
     "Oakwell", "Riverbank", "Saltmarsh", "Stonebridge", "Willowmere"),
    ("Interiors", "Lettings", "Cafe", "Guest House", "Design Studio", "Holiday Cottages",
     "Property Services", "Hotel", "Office Supplies", "Events"),
)  # fmt: skip
_PERSONAL_DOMAINS = ("example.com", "example.net", "example.org")

T = TypeVar("T")


def _rng(seed: int, part: str) -> random.Random:
    return random.Random(f"harbour-and-pine/{seed}/mailing-list/{part}")


def _pick(rng: random.Random, items: Sequence[T]) -> T:
    return items[int(rng.random() * len(items))]


def _chance(rng: random.Random, probability: float) -> bool:
    return rng.random() < probability


def _day_between(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=int(rng.random() * ((last - first).days + 1)))


def _interests(rng: random.Random) -> str:
    chosen = [i for i in INTERESTS if _chance(rng, 0.25)] or [_pick(rng, INTERESTS)]
    return ";".join(chosen)


def _slug(text: str) -> str:
    return "".join(ch for ch in text.lower().replace(" ", "-") if ch.isalnum() or ch == "-")


def _profile(rng: random.Random, segment: str) -> dict[str, Cell]:
    """The PECR facts and purchase history typical of each segment."""
    row: dict[str, Cell] = {"subscriber_type": "individual", "organisation": None}
    if segment == "past_purchaser":
        consent = _chance(rng, 0.55)
        row.update(
            existing_customer=True,
            opt_out_offered=_chance(rng, 0.9),
            unsubscribed=_chance(rng, 0.06),
            last_purchase_date=_day_between(rng, date(2025, 4, 1), AS_AT),
            consent_method="checkout_tick_box" if consent else None,
        )
    elif segment == "newsletter_signup":
        # Most ticked a sign-up box; a few were added from a competition entry without one.
        consent = _chance(rng, 0.9)
        bought = _chance(rng, 0.2)
        row.update(
            existing_customer=bought,
            opt_out_offered=_chance(rng, 0.8),
            unsubscribed=_chance(rng, 0.05),
            last_purchase_date=_day_between(rng, date(2025, 6, 1), AS_AT) if bought else None,
            consent_method=(
                _pick(rng, ("website_sign_up_form", "in_shop_sign_up_card")) if consent else None
            ),
        )
    elif segment == "lapsed_customer":
        # Older records: fewer consents, and the refusal box was added to the till in 2023.
        consent = _chance(rng, 0.3)
        row.update(
            existing_customer=True,
            opt_out_offered=_chance(rng, 0.65),
            unsubscribed=_chance(rng, 0.1),
            last_purchase_date=_day_between(rng, date(2022, 4, 1), date(2024, 9, 30)),
            consent_method=(
                _pick(rng, ("checkout_tick_box", "in_shop_sign_up_card")) if consent else None
            ),
        )
    else:  # business_buyer
        draw = rng.random()
        kind = "corporate" if draw < 0.7 else "sole_trader" if draw < 0.9 else "partnership"
        consent = _chance(rng, 0.4)
        customer = _chance(rng, 0.8)
        row.update(
            subscriber_type=kind,
            existing_customer=customer,
            opt_out_offered=_chance(rng, 0.85),
            unsubscribed=_chance(rng, 0.04),
            last_purchase_date=_day_between(rng, date(2024, 10, 1), AS_AT) if customer else None,
            consent_method="website_sign_up_form" if consent else None,
        )
    row["consent"] = consent
    # Consent comes no later than the list's date, nor after the order it was given at.
    latest = row["last_purchase_date"] if row["consent_method"] == "checkout_tick_box" else None
    last_day = latest if isinstance(latest, date) else AS_AT
    row["consent_date"] = _day_between(rng, date(2021, 1, 4), last_day) if consent else None
    return row


def mailing_list(seed: int) -> list[dict[str, Cell]]:
    """400 contacts, grouped by segment (columns as :data:`COLUMNS`)."""
    rng = _rng(seed, "contacts")
    rows: list[dict[str, Cell]] = []
    used: set[str] = set()
    number = 0
    for segment, size in SEGMENTS.items():
        for _ in range(size):
            number += 1
            first, last = _pick(rng, _FIRST), _pick(rng, _LAST)
            row = _profile(rng, segment)
            # About 1 in 12 people gave no first name: a personalised greeting needs a fallback.
            first_name: str | None = None if _chance(rng, 0.08) else first
            local = f"{first.lower()}.{_slug(last)}"
            if row["subscriber_type"] == "individual":
                domain = _pick(rng, _PERSONAL_DOMAINS)
            else:
                business = f"{_pick(rng, _BUSINESS_WORDS[0])} {_pick(rng, _BUSINESS_WORDS[1])}"
                row["organisation"] = business
                domain = f"{_slug(business)}.example"
                if row["subscriber_type"] == "corporate" and _chance(rng, 0.5):
                    local = _pick(rng, ("orders", "buying", "info", "office"))
            email, extra = f"{local}@{domain}", 1
            while email in used:
                extra += 1
                email = f"{local}{extra}@{domain}"
            used.add(email)
            rows.append(
                {
                    "contact_id": f"HP{number:04d}",
                    "first_name": first_name,
                    "last_name": last,
                    "email": email,
                    "segment": segment,
                    "subscriber_type": row["subscriber_type"],
                    "organisation": row["organisation"],
                    "consent": row["consent"],
                    "consent_date": row["consent_date"],
                    "consent_method": row["consent_method"],
                    "existing_customer": row["existing_customer"],
                    "opt_out_offered": row["opt_out_offered"],
                    "unsubscribed": row["unsubscribed"],
                    "last_purchase_date": row["last_purchase_date"],
                    "interests": _interests(rng),
                }
            )
    return rows
