"""How facts are worded in the adviser's screen and replies: couriers, dates and what happened
on them, money, sizes, delivery charges and timescales, and reading dates, timescales and
sentences out of text (for :mod:`.facts`)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# --- Couriers -------------------------------------------------------------------------------
# The couriers a reply might name. Naming one the adviser's screen does not show, where it
# shows another, is a wrong fact ("It's with DPD" when Evri has it).
_COURIER = re.compile(
    r"\b(evri|hermes|dpd|royal mail|parcelforce|yodel|ups|dhl|fedex|amazon logistics)\b",
    re.IGNORECASE,
)

# --- Dates ----------------------------------------------------------------------------------
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_WEEKDAY = (
    r"(?P<wd>mon(?:day)?|tue(?:s|sday)?|wed(?:s|nesday)?|thu(?:r|rs|rsday)?|fri(?:day)?"
    r"|sat(?:urday)?|sun(?:day)?)"
)
_MONTH = (
    r"(?P<mo>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DATE = re.compile(
    rf"\b(?:{_WEEKDAY}\.?,?\s+(?:the\s+)?)?(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?:\s+of)?\s+{_MONTH}\b"
    r"|\b(?P<wd2>monday|tuesday|tues|wednesday|weds|thursday|thurs|friday|saturday|sunday)\b"
    r"|\bthe\s+(?P<day2>[0-3]?\d)(?:st|nd|rd|th)\b"
    r"|\b(?P<rel>today|tomorrow|yesterday|this morning|this afternoon|tonight)\b",
    re.IGNORECASE,
)
# What happened on a date, as the screen and replies put it.
_EVENTS = {
    "placed": r"placed|ordered|put (?:the|your|it) order in",
    "delivered": r"delivered|delivery was made|signed for",
    "scanned": r"scanned|last scan",
    "posted": r"posted|sent (?:it|the rug|the item) back",
    "received": r"received|reached (?:us|our warehouse)|got (?:it|the rug) back",
    "issued": r"issued|processed|went out|sent (?:the|your) refund|refunded",
    "due": r"due|promised|expected|should (?:have )?(?:arrived?|come|be with you)",
    "window_ends": r"window (?:ends|closes|closed|runs (?:out|until|to))|(?:ends|closes) on",
}
_EVENT = re.compile(
    "|".join(f"(?P<{name}>\\b(?:{words})\\b)" for name, words in _EVENTS.items()),
    re.IGNORECASE,
)
_PAST_EVENTS = ("placed", "delivered", "scanned", "posted", "received", "issued")
_LABEL_EVENTS = {
    "promised delivery": "due",
    "delivered": "delivered",
    "return window": "window_ends",
}

# --- Money, sizes, timescales ---------------------------------------------------------------
_MONEY = re.compile(r"£\s?(\d[\d,]*(?:\.\d{1,2})?)")
# A £ amount stated as what something costs or came to (not an offer: that is the remit check).
_PRICE_WORDS = re.compile(
    r"\b(costs?|costing|price[ds]?|priced|charged?|charges|paid|pay|total|came to|comes to"
    r"|each|label|delivery (?:is|was|costs?)|it'?s|it is|was)\b",
    re.IGNORECASE,
)
_OFFER_WORDS = re.compile(
    r"\b(refund|credit|compensation|goodwill|voucher|money back|reimburse|gesture|discount"
    r"|off|give you|offer)\b",
    re.IGNORECASE,
)
_SIZE = re.compile(
    r"\b(\d{1,3}(?:\.\d)?)\s?(?:cm)?\s?(?:x|×|by)\s?(\d{1,3}(?:\.\d)?)"
    r"(?:\s?(?:cm)?\s?(?:x|×|by)\s?(\d{1,3}(?:\.\d)?))?\s?(?:cm|centimetres)?",
    re.IGNORECASE,
)
_FREE_DELIVERY = re.compile(
    r"\b(free (?:standard |two-person |2-person )?delivery|delivery(?:'s| is| was) free)\b",
    re.IGNORECASE,
)
_DELIVERY_CHARGE = re.compile(r"\bdelivery\b[^.;]*£\s?\d|£\s?\d[^.;]*\bdelivery\b", re.IGNORECASE)
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "twelve": 12, "fourteen": 14, "thirty": 30, "a": 1, "an": 1,
}  # fmt: skip
_NUMBER = r"(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fourteen|thirty)"
_DURATION = re.compile(
    rf"\b(?P<low>{_NUMBER})(?:\s?(?:-|–|to)\s?(?P<high>{_NUMBER}))?\s"
    r"(?:working\s|business\s)?(?P<unit>minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\b"
    r"(?!\s+(?:ago|old|late|early))",  # how long ago something happened is not a timescale
    re.IGNORECASE,
)
_UNIT_MINUTES = {"min": 1, "hou": 60, "hrs": 60, "hr": 60, "day": 1440, "wee": 10080, "mon": 43200}
# What a timescale is about: only these are checked, and only against what the screen (or,
# if the screen says nothing, the scenario's knowledge-base articles) says about the same.
_TOPICS = {
    "refund": r"refunds?|refunded|money back",
    "lock": r"locks?|locked",
    "data_reply": r"data protection team|(?:team|they) (?:will )?(?:reply|respond)"
    r"|(?:reply|response) (?:from|within)",
    "delivery": r"(?<!of )(?<!from )(?<!after )(?<!since )delivery|deliver(?:ed)?|arrive|with you",
    "return": r"return window|to return|returns? (?:it|them|the)|send (?:it|them) back"
    r"|change of mind",
}
# What "it should arrive" may be about other than the parcel: an email, a text, a link.
_NOT_A_PARCEL = re.compile(
    r"\b(e-?mails?|links?|texts?|messages?|sms|codes?|calls?|replies|reply|reset)\b", re.IGNORECASE
)
_TOPIC = {name: re.compile(rf"\b(?:{words})\b", re.IGNORECASE) for name, words in _TOPICS.items()}

_NEGATED = re.compile(
    r"\b(not|never|no|isn'?t|wasn'?t|won'?t|didn'?t|hasn'?t|can'?t)\b|n't\b", re.I
)
# Sentences that are not the adviser's own statement of fact.
_NOT_STATED = re.compile(
    r"\b(you said|you mentioned|you thought|you were told|if|unless|whether|usually|normally"
    r"|up to|at most|at least)\b",
    re.IGNORECASE,
)
# Where one thought in a sentence ends and the next begins.
_CLAUSE = re.compile(r"[,;:()]|\b(?:and|but|then|so|which|who|because|once|after|before)\b", re.I)
_FUTURE = re.compile(r"\b(will|'ll|going to|should|shall|expect|expected)\b", re.IGNORECASE)
_SENTENCE = re.compile(r"(?:[^.!?\n]|[.!?](?!\s|$))+(?:[.!?]+|\n|$)")


@dataclass(frozen=True)
class _When:
    weekday: int | None
    day: int | None
    month: int | None
    text: str

    def agrees(self, other: _When) -> bool:
        return all(
            a is None or b is None or a == b
            for a, b in (
                (self.weekday, other.weekday),
                (self.day, other.day),
                (self.month, other.month),
            )
        )


def _prefix_index(word: str, names: tuple[str, ...]) -> int:
    return names.index(word[:3].lower())


def _dates(text: str, today: _When | None) -> Iterator[tuple[int, int, _When]]:
    """(start, end, date) of each date in ``text``; "today" and "tomorrow" only when the
    screen says what today is."""
    for m in _DATE.finditer(text):
        if m.group("rel"):
            if today is None or today.day is None:
                continue
            shift = {"tomorrow": 1, "yesterday": -1}.get(m.group("rel").lower(), 0)
            weekday = None if today.weekday is None else (today.weekday + shift) % 7
            day = today.day + shift  # month ends are not crossed in the course's scenarios
            yield m.start(), m.end(), _When(weekday, day, today.month, m.group(0))
            continue
        wd = m.group("wd") or m.group("wd2")
        weekday = _prefix_index(wd, _WEEKDAYS) if wd else None
        number = m.group("day") or m.group("day2")
        month = _prefix_index(m.group("mo"), _MONTHS) + 1 if m.group("mo") else None
        yield m.start(), m.end(), _When(weekday, int(number) if number else None, month, m.group(0))


def _event_before(text: str, start: int) -> str | None:
    """The event named last before ``start`` in ``text`` (a clause of the screen or reply)."""
    found = None
    for m in _EVENT.finditer(text, 0, start):
        found = m.lastgroup
    return found


def _minutes(m: re.Match[str]) -> tuple[int, int]:
    unit = _UNIT_MINUTES[m.group("unit").lower()[:3]]
    low = m.group("low").lower()
    high = (m.group("high") or low).lower()
    value = [int(n) if n.isdigit() else _NUMBER_WORDS[n] for n in (low, high)]
    return value[0] * unit, value[1] * unit


def _sentences(text: str) -> Iterator[str]:
    for m in _SENTENCE.finditer(text):
        if m.group(0).strip():
            yield m.group(0)
