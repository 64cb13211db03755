"""What one scenario gives to check a reply's facts against: the facts on the adviser's screen
and the knowledge-base articles the scenario names, worked out once per scenario and kept."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from coursework_kit.chat._facts_patterns import (
    _COURIER,
    _DELIVERY_CHARGE,
    _DURATION,
    _FREE_DELIVERY,
    _LABEL_EVENTS,
    _MONEY,
    _SIZE,
    _TOPIC,
    _dates,
    _event_before,
    _minutes,
    _When,
)
from coursework_kit.chat.scenario import Scenario


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
