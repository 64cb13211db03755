"""Wrong facts in an adviser's reply, checked against the scenario: the facts on the adviser's
screen (couriers, dates, amounts, sizes, delivery charges) and the knowledge-base articles the
scenario names (refund timescales, return windows, how long things take).

A reply is only marked down for a fact it *states* that the screen or the knowledge base
contradicts: "It's with DPD" when the screen shows Evri, "it was delivered on Monday 16
November" when the screen says Friday 13 November, "the lock stays on for 24 hours" when it
clears after 30 minutes. A fact the reply leaves out, one the screen says nothing about, a
question, a negation ("it wasn't delivered on Monday") and the customer's own words repeated
back are never findings: a false "wrong fact" would take marks from a good learner, so when
unsure the reader says nothing.

Pure logic, standard library only; what a scenario gives to check against is worked out once
per scenario and kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from coursework_kit.chat.scenario import Scenario

__all__ = ["WrongFact", "wrong_facts"]


@dataclass(frozen=True)
class WrongFact:
    """A fact the reply states that the screen or the knowledge base contradicts.

    ``kind`` is one of "courier", "date", "amount", "size", "delivery_charge", "timescale";
    ``quote`` holds the reply's words; ``shown`` what the screen or knowledge base says instead.
    """

    kind: str
    quote: str
    shown: str
    message: str

    def __str__(self) -> str:
        return f"{self.message} ({self.quote!r})"


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


@dataclass(frozen=True)
class _Screen:
    """What one scenario gives to check a reply against."""

    couriers: frozenset[str]
    first_courier: str
    today: _When | None
    events: dict[str, tuple[_When, ...]]
    amounts: frozenset[float]
    sizes: frozenset[float]  # every length in cm the screen and articles give
    size_numbers: frozenset[float]
    charged_delivery: str  # the screen's words for a delivery that costs money, if any
    free_delivery: bool
    timescales: dict[str, tuple[tuple[int, int], ...]]  # topic -> (low, high) in minutes
    timescale_words: dict[str, str]


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


def _kb_text(articles: tuple[str, ...]) -> str:
    from coursework_kit.chat.knowledge import knowledge_base

    return "\n".join(a.body for a in knowledge_base() if a.id in articles)


@lru_cache(maxsize=64)
def _screen(
    facts: tuple[tuple[str, str], ...], opening: str, details: tuple[str, ...], kb: tuple[str, ...]
) -> _Screen:
    screen = " ".join([value for _, value in facts] + [opening, *details])
    couriers = [m.group(0) for m in _COURIER.finditer(screen)]
    today = None
    for label, value in facts:
        if label.lower() == "today":
            today = next((when for *_, when in _dates(value, None)), None)
    events: dict[str, list[_When]] = {}
    for label, value in facts:
        for part in re.split(r"[.;]\s", value):
            for start, _end, when in _dates(part, today):
                event = _event_before(part, start) or _LABEL_EVENTS.get(label.lower())
                if event:
                    events.setdefault(event, []).append(when)
    kb_text = _kb_text(kb)
    known = f"{screen}\n{kb_text}"
    sizes = {float(n) for m in _SIZE.finditer(known) for n in m.groups() if n}
    sizes |= {float(n) for n in re.findall(r"(\d+(?:\.\d+)?)\s?cm\b", known)}
    numbers = {float(n) for n in re.findall(r"\d+(?:\.\d+)?", known)}
    charged = next(
        (value for label, value in facts if _DELIVERY_CHARGE.search(f"{label} {value}")), ""
    )
    timescales: dict[str, list[tuple[int, int]]] = {}
    words: dict[str, str] = {}
    # A fact on screen, or a point of an article, that names a topic: its times are that
    # topic's. The screen's own times, where it gives some, are the ones that count.
    on_screen = [f"{label}: {value}" for label, value in facts]
    in_kb = [p for p in re.split(r"\n(?=\s*(?:-|\d+\.)\s)|\n\n", kb_text) if p.strip()]
    for topic, pattern in _TOPIC.items():
        for parts in (on_screen, in_kb):
            for part in parts:
                if pattern.search(part):
                    for m in _DURATION.finditer(part):
                        timescales.setdefault(topic, []).append(_minutes(m))
                        words.setdefault(topic, " ".join(part.split()))
            if topic in timescales:
                break
    return _Screen(
        couriers=frozenset(c.lower() for c in couriers),
        first_courier=couriers[0] if couriers else "",
        today=today,
        events={k: tuple(v) for k, v in events.items()},
        amounts=frozenset(float(a.replace(",", "")) for a in _MONEY.findall(known)),
        sizes=frozenset(sizes),
        size_numbers=frozenset(numbers),
        charged_delivery=charged,
        free_delivery=_FREE_DELIVERY.search(" ".join(v for _, v in facts)) is not None,
        timescales={k: tuple(v) for k, v in timescales.items()},
        timescale_words=words,
    )


def _screen_for(scenario: Scenario) -> _Screen:
    return _screen(
        tuple((f.label, f.value) for f in scenario.facts),
        scenario.opening,
        scenario.account_details,
        scenario.kb,
    )


def wrong_facts(reply: str, scenario: Scenario, *, customer_message: str = "") -> list[WrongFact]:
    """The facts ``reply`` states that the scenario's screen or knowledge base contradicts.

    ``customer_message``: what the customer last said; figures taken from it are theirs,
    not the adviser's.

    >>> from coursework_kit.chat.scenario import load_scenario
    >>> late = load_scenario("late-delivery")
    >>> [w.kind for w in wrong_facts("It's with DPD and was last scanned on Monday.", late)]
    ['courier', 'date']
    >>> wrong_facts("It's with Evri and was last scanned on Wednesday 4 March.", late)
    []
    """
    if not isinstance(reply, str):
        raise TypeError(f"A reply must be text, not {type(reply).__name__}.")
    screen = _screen_for(scenario)
    found: list[WrongFact] = []
    courier = _courier(reply, screen)
    if courier is not None:
        found.append(courier)
    theirs = _theirs(f"{scenario.opening} {customer_message}")
    messages = _NOT_A_PARCEL.search(reply) is not None
    for sentence in _sentences(reply.replace("’", "'")):
        if sentence.rstrip().endswith("?") or _NOT_STATED.search(sentence):
            continue
        found.extend(_wrong_dates(sentence, screen))
        found.extend(_wrong_money(sentence, screen, theirs))
        found.extend(_wrong_sizes(sentence, screen, theirs))
        found.extend(_wrong_timescales(sentence, screen, theirs, messages=messages))
    return found


@dataclass(frozen=True)
class _Theirs:
    """The figures the customer gave: an adviser repeating them is not stating a fact."""

    amounts: frozenset[float]
    numbers: frozenset[float]
    durations: frozenset[tuple[int, int]]


@lru_cache(maxsize=256)
def _theirs(text: str) -> _Theirs:
    return _Theirs(
        frozenset(float(a.replace(",", "")) for a in _MONEY.findall(text)),
        frozenset(float(n) for n in re.findall(r"\d+(?:\.\d+)?", text)),
        frozenset(_minutes(m) for m in _DURATION.finditer(text)),
    )


def _courier(reply: str, screen: _Screen) -> WrongFact | None:
    """A courier the screen does not show, where the screen names one for this order."""
    for m in _COURIER.finditer(reply) if screen.couriers else ():
        if m.group(0).lower() not in screen.couriers:
            return WrongFact(
                "courier",
                m.group(0),
                screen.first_courier,
                f"The reply names {m.group(0)} as the courier, but the screen shows "
                f"{screen.first_courier}. Check the facts before you tell the customer.",
            )
    return None


def _negated_between(sentence: str, start: int, end: int) -> bool:
    return _NEGATED.search(sentence, max(0, start), end) is not None


def _wrong_dates(sentence: str, screen: _Screen) -> Iterable[WrongFact]:
    previous_end = 0
    for start, end, when in _dates(sentence, screen.today):
        event, event_start = None, start
        for m in _EVENT.finditer(sentence, previous_end, start):
            event, event_start = m.lastgroup, m.start()
        previous_end = end
        if event in _PAST_EVENTS and _FUTURE.search(sentence, max(0, event_start - 30), start):
            event = "due"  # "it will be delivered tomorrow" is when it is due
        shown = screen.events.get(event or "", ())
        if event is None or not shown or _negated_between(sentence, 0, start):
            continue
        if start - event_start > 60 or any(when.agrees(s) for s in shown):
            continue
        yield WrongFact(
            "date",
            sentence[event_start:end].strip(),
            " or ".join(s.text for s in shown),
            f"The reply says {sentence[event_start:end].strip()!r}, but the screen shows "
            f"{' or '.join(s.text for s in shown)}. Check the dates before you tell the customer.",
        )


def _wrong_money(sentence: str, screen: _Screen, theirs: _Theirs) -> Iterable[WrongFact]:
    if "£" not in sentence and "free" not in sentence.lower():
        return
    if _OFFER_WORDS.search(sentence) or not _PRICE_WORDS.search(sentence):
        return
    said = theirs.amounts
    for m in _MONEY.finditer(sentence):
        amount = float(m.group(1).replace(",", ""))
        if amount not in screen.amounts and amount not in said and screen.amounts:
            yield WrongFact(
                "amount",
                m.group(0),
                "",
                f"The reply gives {m.group(0)}, but no amount like that is on the screen or in "
                "the knowledge base. Check the figures before you tell the customer.",
            )
    if screen.charged_delivery and not screen.free_delivery:
        free = _FREE_DELIVERY.search(sentence)
        if free and not _negated_between(sentence, 0, free.end()):
            yield WrongFact(
                "delivery_charge",
                free.group(0),
                screen.charged_delivery,
                f"The reply says {free.group(0)!r}, but the screen shows a charge: "
                f"{screen.charged_delivery} Check the costs before you tell the customer.",
            )


def _wrong_sizes(sentence: str, screen: _Screen, theirs: _Theirs) -> Iterable[WrongFact]:
    said = theirs.numbers
    for m in _SIZE.finditer(sentence):
        size = {float(n) for n in m.groups() if n}
        if not screen.sizes or size <= screen.sizes | said:
            continue
        if "cm" not in m.group(0).lower() and not size & screen.size_numbers:
            continue  # "2 by 3" may not be a size at all
        yield WrongFact(
            "size",
            m.group(0).strip(),
            "",
            f"The reply gives the size as {m.group(0).strip()!r}, which is not a size on the "
            "screen or in the knowledge base. Check the sizes before you tell the customer.",
        )


def _clauses(sentence: str) -> list[str]:
    return [c for c in _CLAUSE.split(sentence) if c and c.strip()]


def _wrong_timescales(
    sentence: str, screen: _Screen, theirs: _Theirs, *, messages: bool
) -> Iterable[WrongFact]:
    """Timescales that contradict the screen's (or the articles') for the same topic;
    ``messages``: the reply talks of an email, text or link, which may be what "arrives"."""
    if not any(ch.isdigit() for ch in sentence) and not _DURATION.search(sentence):
        return
    said = theirs.durations
    for clause in _clauses(sentence):
        if _NEGATED.search(clause):
            continue
        topics = [
            t
            for t, p in _TOPIC.items()
            if p.search(clause)
            and t in screen.timescales
            and not (t == "delivery" and messages and "deliver" not in clause.lower())
        ]
        if len(topics) != 1:
            continue  # about nothing the screen gives a time for, or about two things at once
        allowed = screen.timescales[topics[0]]
        for m in _DURATION.finditer(clause):
            low, high = _minutes(m)
            if (low, high) in said or any(a <= low and high <= b for a, b in allowed):
                continue
            yield WrongFact(
                "timescale",
                m.group(0),
                screen.timescale_words[topics[0]],
                f"The reply says {m.group(0)!r}, but the screen or knowledge base says: "
                f"{screen.timescale_words[topics[0]]} Check how long it takes before you "
                "tell the customer.",
            )
