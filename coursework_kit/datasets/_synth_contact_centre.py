"""Synthetic customer contacts for Harbour & Pine, a fictional UK online homeware shop.

One row per contact (a chat, email, phone call or social media message) over four weeks from
Monday 5 January 2026. Everything is made up and there are no personal details. The same integer
seed always gives the same rows; the shipped CSV is the output of :data:`MASTER_SEED`.

Only ``random.Random.random()`` is used (its sequence for a seed is fixed across Python
versions). Individual contacts are random, but the headline figures are set first and the rows
are made to fit them, so every seed lands inside the ranges in
``datasets/contact_centre/README.md``: average handling time by channel, first-contact
resolution, survey response, CSAT and NPS. The ranges are approximate, for teaching.
"""

from __future__ import annotations

import math
import random
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from typing import TypeVar

from coursework_kit.datasets._tables import Cell

__all__ = ["CHANNELS", "COLUMNS", "DAYS", "FIRST_DAY", "MASTER_SEED", "REASONS", "contacts"]

MASTER_SEED = 2026
CHANNELS = ("live_chat", "email", "phone", "social")
REASONS = (
    "delivery", "returns_refunds", "billing", "account_access", "product_question", "complaint",
    "data_request",
)  # fmt: skip
FIRST_DAY = date(2026, 1, 5)  # a Monday
DAYS = 28
COLUMNS = (
    "contact_id", "date", "week", "channel", "reason", "handle_seconds", "wait_seconds",
    "resolved_first_contact", "csat_rating", "nps_score",
)  # fmt: skip

Band = tuple[float, float]
K = TypeVar("K")

# Contacts on a normal Monday ... Sunday (Mondays busiest, weekends quiet): 345 a week.
_PER_WEEKDAY = (62, 57, 54, 52, 49, 40, 31)
# Week 1 is busy with Christmas returns and late deliveries, then it settles down.
_PER_WEEK = (1.12, 1.02, 0.95, 0.93)
_CHANNEL_MIX = {"live_chat": 0.36, "email": 0.24, "phone": 0.28, "social": 0.12}
_REASON_MIX = {
    "delivery": 0.28,
    "returns_refunds": 0.22,
    "billing": 0.09,
    "account_access": 0.08,
    "product_question": 0.19,
    "complaint": 0.11,
    "data_request": 0.03,
}
# More returns straight after Christmas.
_RETURNS_BY_WEEK = (1.5, 1.2, 1.0, 0.9)

# Average handling time (talk/chat/writing plus after-contact work) each channel is aimed at,
# in seconds: phone 6-9 min, live chat 8-12 (advisers run several chats at once), email 5-10,
# social 4-7. Each seed's average is drawn from the middle of the band.
_HANDLE_BANDS: dict[str, Band] = {
    "phone": (360.0, 540.0),
    "live_chat": (480.0, 720.0),
    "email": (300.0, 600.0),
    "social": (240.0, 420.0),
}
# Some reasons take longer than others (a complaint or a data request needs more work).
_HANDLE_BY_REASON = {
    "delivery": 0.9,
    "returns_refunds": 1.05,
    "billing": 1.15,
    "account_access": 0.8,
    "product_question": 0.95,
    "complaint": 1.45,
    "data_request": 1.3,
}
_HANDLE_CAP = 10_800  # three hours: anything longer would be a logging mistake
# Average wait for a first reply, in seconds: phone 1-3 min, chat 30-90 s, email 4-12 hours,
# social 20-90 minutes. Longest waits are capped (abandoned calls and chats are not included).
_WAIT_BANDS: dict[str, Band] = {
    "phone": (60.0, 180.0),
    "live_chat": (30.0, 90.0),
    "email": (14_400.0, 43_200.0),
    "social": (1_200.0, 5_400.0),
}
_WAIT_CAP = {"phone": 1_500, "live_chat": 900, "email": 172_800, "social": 28_800}

# First-contact resolution: the overall rate, and each channel's difference from it.
_FCR_BAND: Band = (0.70, 0.74)
_FCR_BY_CHANNEL = {"phone": 0.05, "live_chat": 0.02, "email": -0.07, "social": -0.04}
# How easily each reason is sorted out first time (relative weights).
_FCR_BY_REASON = {
    "delivery": 1.2,
    "returns_refunds": 1.0,
    "billing": 0.9,
    "account_access": 1.8,
    "product_question": 2.0,
    "complaint": 0.45,
    "data_request": 0.5,
}
# Surveys: CSAT answered by 27-33% (satisfied = 4 or 5: 78-85%); NPS by 17-23%, NPS +22 to +38.
_CSAT_RESPONSE: Band = (0.27, 0.33)
_CSAT_SATISFIED: Band = (0.78, 0.85)
_NPS_RESPONSE: Band = (0.17, 0.23)
_NPS: Band = (0.22, 0.38)
_NPS_PASSIVES: Band = (0.22, 0.32)


def _rng(seed: int, part: str) -> random.Random:
    """A reproducible random stream for one part, so changing one part leaves the others."""
    return random.Random(f"harbour-and-pine/{seed}/contacts/{part}")


def _between(rng: random.Random, band: Band) -> float:
    return band[0] + (band[1] - band[0]) * rng.random()


def _centre(rng: random.Random, band: Band) -> float:
    """This seed's value: somewhere in the middle 60% of the band."""
    return _between(rng, (band[0] + 0.2 * (band[1] - band[0]), band[1] - 0.2 * (band[1] - band[0])))


def _week(day: date) -> int:
    """Week 1-4 of the period."""
    return (day - FIRST_DAY).days // 7 + 1


def _pick(rng: random.Random, weights: Mapping[K, float]) -> K:
    """One of the keys, chosen with chances in proportion to its weight."""
    target = rng.random() * sum(weights.values())
    for key, weight in weights.items():
        target -= weight
        if target < 0:
            return key
    return list(weights)[-1]


def _choose(rng: random.Random, weights: Sequence[float], k: int) -> set[int]:
    """``k`` different positions, higher weights more likely (Efraimidis-Spirakis sampling)."""
    keys = [rng.random() ** (1.0 / w) for w in weights]
    return set(sorted(range(len(weights)), key=keys.__getitem__, reverse=True)[:k])


def _skewed(rng: random.Random, sigma: float) -> float:
    """A positive number averaging 1 with a long right tail (log-normal): most short, few long."""
    u, v = rng.random(), rng.random()
    z = math.sqrt(-2.0 * math.log(1.0 - u)) * math.cos(2.0 * math.pi * v)
    return math.exp(sigma * z - sigma * sigma / 2.0)


def _calendar(seed: int) -> tuple[list[date], list[str], list[str]]:
    """The date, channel and reason of every contact, day by day."""
    rng = _rng(seed, "volume")
    size = _between(rng, (0.95, 1.05))
    channel_mix = {c: w * _between(rng, (0.8, 1.2)) for c, w in _CHANNEL_MIX.items()}
    reason_mix = {r: w * _between(rng, (0.85, 1.15)) for r, w in _REASON_MIX.items()}
    days: list[date] = []
    channels: list[str] = []
    reasons: list[str] = []
    for offset in range(DAYS):
        week = offset // 7
        mix = dict(reason_mix)
        mix["returns_refunds"] *= _RETURNS_BY_WEEK[week]
        expected = _PER_WEEKDAY[offset % 7] * _PER_WEEK[week] * size
        for _ in range(round(expected * _between(rng, (0.92, 1.08)))):
            days.append(FIRST_DAY + timedelta(days=offset))
            channels.append(_pick(rng, channel_mix))
            reasons.append(_pick(rng, mix))
    return days, channels, reasons


def _handle_times(seed: int, channels: list[str], reasons: list[str]) -> list[int]:
    """Skewed per contact, then scaled so that each channel's average is on this seed's target."""
    rng = _rng(seed, "handle")
    raw = [_HANDLE_BY_REASON[r] * _skewed(rng, 0.45) for r in reasons]
    handle = [0] * len(raw)
    for channel in CHANNELS:
        rows = [i for i, c in enumerate(channels) if c == channel]
        if rows:
            scale = _centre(rng, _HANDLE_BANDS[channel]) * len(rows) / sum(raw[i] for i in rows)
            for i in rows:
                handle[i] = min(_HANDLE_CAP, max(30, round(raw[i] * scale)))
    return handle


def _wait_times(seed: int, days: list[date], channels: list[str]) -> list[int]:
    """Mostly short, a few long; longer in busy weeks and, by email or social, at weekends."""
    rng = _rng(seed, "wait")
    average = {c: _centre(rng, _WAIT_BANDS[c]) for c in CHANNELS}
    waits = []
    for day, channel in zip(days, channels, strict=True):
        busy = _PER_WEEK[_week(day) - 1] ** 2
        weekend = 1.6 if day.weekday() >= 5 and channel in ("email", "social") else 1.0
        seconds = -average[channel] * busy * weekend * math.log(1.0 - rng.random())
        waits.append(min(_WAIT_CAP[channel], round(seconds)))
    return waits


def _resolutions(seed: int, channels: list[str], reasons: list[str]) -> list[bool]:
    """Set how many each channel resolves first time, then choose which contacts they are."""
    rng = _rng(seed, "resolved")
    overall = _centre(rng, _FCR_BAND)
    mean_offset = sum(_FCR_BY_CHANNEL[c] for c in channels) / len(channels)
    resolved = [False] * len(channels)
    for channel in CHANNELS:
        rows = [i for i, c in enumerate(channels) if c == channel]
        share = overall + _FCR_BY_CHANNEL[channel] - mean_offset
        weights = [_FCR_BY_REASON[reasons[i]] for i in rows]
        for j in _choose(rng, weights, round(len(rows) * share)):
            resolved[rows[j]] = True
    return resolved


def _csat(seed: int, resolved: list[bool]) -> list[int | None]:
    """Who answers the CSAT survey, who is satisfied (likelier if resolved), and their rating."""
    rng = _rng(seed, "csat")
    n = len(resolved)
    how_many = round(n * _centre(rng, _CSAT_RESPONSE))
    answered = sorted(_choose(rng, [1.0 if r else 1.3 for r in resolved], how_many))
    how_many = round(len(answered) * _centre(rng, _CSAT_SATISFIED))
    satisfied = _choose(rng, [5.0 if resolved[i] else 1.0 for i in answered], how_many)
    ratings: list[int | None] = [None] * n
    for j, i in enumerate(answered):
        if j in satisfied:
            ratings[i] = _pick(rng, {5: 0.6, 4: 0.4})
        else:
            ratings[i] = _pick(rng, {3: 0.5, 2: 0.25, 1: 0.25})
    return ratings


def _nps(seed: int, resolved: list[bool], csat: list[int | None]) -> list[int | None]:
    """Promoters score 9-10, passives 7-8, detractors 0-6; NPS = % promoters - % detractors."""
    rng = _rng(seed, "nps")
    n = len(resolved)
    responders = sorted(_choose(rng, [1.0] * n, round(n * _centre(rng, _NPS_RESPONSE))))
    target, passives = _centre(rng, _NPS), _centre(rng, _NPS_PASSIVES)
    m = len(responders)
    # Happier customers (resolved first time, satisfied in the CSAT survey) are likelier promoters.
    mood = {None: 1.0, 5: 2.0, 4: 2.0, 3: 0.3, 2: 0.3, 1: 0.3}
    happy = [(3.0 if resolved[i] else 1.0) * mood[csat[i]] for i in responders]
    promoters = _choose(rng, happy, round(m * (1 - passives + target) / 2))
    others = [j for j in range(m) if j not in promoters]
    picked = _choose(rng, [1 / happy[j] for j in others], round(m * (1 - passives - target) / 2))
    detractors = {others[j] for j in picked}
    scores: list[int | None] = [None] * n
    for j, i in enumerate(responders):
        if j in promoters:
            scores[i] = _pick(rng, {10: 0.55, 9: 0.45})
        elif j in detractors:
            scores[i] = _pick(rng, {6: 7.0, 5: 5.0, 4: 3.0, 3: 2.0, 2: 1.0, 1: 1.0, 0: 1.0})
        else:
            scores[i] = _pick(rng, {8: 0.5, 7: 0.5})
    return scores


def contacts(seed: int) -> list[dict[str, Cell]]:
    """About 1,200-1,600 contacts over four weeks, in contact_id order (columns as COLUMNS)."""
    days, channels, reasons = _calendar(seed)
    handle = _handle_times(seed, channels, reasons)
    waits = _wait_times(seed, days, channels)
    resolved = _resolutions(seed, channels, reasons)
    csat = _csat(seed, resolved)
    nps = _nps(seed, resolved, csat)
    return [
        {
            "contact_id": f"C{i + 1:05d}",
            "date": days[i],
            "week": _week(days[i]),
            "channel": channels[i],
            "reason": reasons[i],
            "handle_seconds": handle[i],
            "wait_seconds": waits[i],
            "resolved_first_contact": resolved[i],
            "csat_rating": csat[i],
            "nps_score": nps[i],
        }
        for i in range(len(days))
    ]
