"""A marketing email as data, and personalisation tokens such as ``{first_name|there}``.

A token is a contact's detail in curly brackets. After a ``|`` comes the *fallback*: the words
used when a contact has no value for it. ``Hi {first_name|there},`` becomes "Hi Amara," or, for
someone who gave no first name, "Hi there,".
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any

from coursework_kit.errors import CampaignError

__all__ = [
    "SEGMENTS",
    "TOKENS",
    "Campaign",
    "CampaignError",
    "Token",
    "find_tokens",
    "personalise",
    "segment_label",
]

# Who the email can go to: "all", or one segment of the mailing list.
SEGMENTS = {
    "all": "the whole mailing list",
    "past_purchaser": "past purchasers",
    "newsletter_signup": "newsletter sign-ups",
    "lapsed_customer": "lapsed customers (no order for over 18 months)",
    "business_buyer": "business buyers",
}
# Details of a contact that a token may use.
TOKENS = {"first_name": "first name", "last_name": "surname", "organisation": "business name"}
_TOKEN = re.compile(r"\{([^{}|]*)(?:\|([^{}]*))?\}")


def segment_label(segment: str) -> str:
    """ "lapsed_customer" -> "lapsed customers (no order for over 18 months)"."""
    return SEGMENTS.get(segment, segment.replace("_", " "))


@dataclass(frozen=True)
class Token:
    """One personalisation token as written: its name and its fallback (None if it has none)."""

    text: str
    name: str
    fallback: str | None

    @property
    def known(self) -> bool:
        return self.name in TOKENS


def find_tokens(text: str) -> list[Token]:
    """Every ``{...}`` token in ``text``, in order.

    >>> [(t.name, t.fallback) for t in find_tokens("Hi {first_name|there}, {offer}")]
    [('first_name', 'there'), ('offer', None)]
    """
    return [
        Token(m.group(0), m.group(1).strip(), None if m.group(2) is None else m.group(2).strip())
        for m in _TOKEN.finditer(text)
    ]


def personalise(text: str, details: Mapping[str, object] | object) -> str:
    """``text`` with each token replaced by the contact's detail, or else its fallback.

    ``details`` is a contact (anything with the token names as attributes) or a dict.

    >>> personalise("Hi {first_name|there},", {"first_name": "Amara"})
    'Hi Amara,'
    >>> personalise("Hi {first_name|there},", {"first_name": None})
    'Hi there,'
    """

    def value(name: str) -> object:
        if isinstance(details, Mapping):
            return details.get(name)
        return getattr(details, name, None)

    def swap(match: re.Match[str]) -> str:
        name, fallback = match.group(1).strip(), match.group(2)
        found = value(name) if name in TOKENS else None
        if found not in (None, ""):
            return str(found)
        return "" if fallback is None else fallback.strip()

    return _TOKEN.sub(swap, text)


@dataclass(frozen=True)
class Campaign:
    """Everything that makes up one marketing email and when it is sent.

    ``calls_to_action`` holds the text of each button or main link. ``similar_products`` is
    True when the email is about Harbour & Pine's own products, like those customers bought
    (the soft opt-in only covers those).
    """

    name: str = ""
    subject: str = ""
    preview_text: str = ""
    body: str = ""
    calls_to_action: tuple[str, ...] = ()
    sender_name: str = ""
    sender_email: str = ""
    unsubscribe_link: str = ""
    segment: str = "all"
    send_at: datetime | None = None
    similar_products: bool = True

    def __post_init__(self) -> None:
        if self.segment not in SEGMENTS:
            raise CampaignError(
                f"{self.segment!r} is not a segment; choose one of {', '.join(SEGMENTS)}."
            )
        if self.send_at is not None and not isinstance(self.send_at, datetime):
            raise CampaignError("The send time must be a date and time, e.g. 2026-11-17 10:00.")
        if isinstance(self.calls_to_action, str):
            raise CampaignError("Give the calls to action as a list of button texts.")

    def __repr__(self) -> str:
        when = "not scheduled" if self.send_at is None else f"{self.send_at:%d %b %Y %H:%M}"
        return f"Campaign({self.subject!r}, segment={self.segment!r}, {when})"

    def to_dict(self) -> dict[str, Any]:
        """Plain data (text, lists, an ISO date) that can be saved as evidence."""
        data: dict[str, Any] = {f.name: getattr(self, f.name) for f in fields(self)}
        data["calls_to_action"] = list(self.calls_to_action)
        data["send_at"] = None if self.send_at is None else self.send_at.isoformat()
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Campaign:
        """The campaign saved by :meth:`to_dict`."""
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise CampaignError(f"A campaign has no setting called {', '.join(unknown)}.")
        values = dict(data)
        if values.get("send_at"):
            try:
                values["send_at"] = datetime.fromisoformat(str(values["send_at"]))
            except ValueError as exc:
                raise CampaignError(f"{values['send_at']!r} is not a date and time.") from exc
        values["calls_to_action"] = tuple(values.get("calls_to_action") or ())
        return cls(**values)
