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
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from coursework_kit.chat._facts_patterns import (
    _CLAUSE,
    _COURIER,
    _DURATION,
    _EVENT,
    _FREE_DELIVERY,
    _FUTURE,
    _MONEY,
    _NEGATED,
    _NOT_A_PARCEL,
    _NOT_STATED,
    _OFFER_WORDS,
    _PAST_EVENTS,
    _PRICE_WORDS,
    _SIZE,
    _TOPIC,
    _dates,
    _minutes,
    _sentences,
)
from coursework_kit.chat._facts_screen import _Screen, _screen_for
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
