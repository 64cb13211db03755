"""Scenarios and a controllable clock for the chat tests."""

from __future__ import annotations

import copy
from datetime import datetime, timedelta

import pytest

from coursework_kit.chat.scenario import from_mapping
from coursework_kit.datasets import load_yaml


class Clock:
    """A clock the test moves on by hand."""

    def __init__(self) -> None:
        self.now = datetime(2026, 3, 5, 10, 0, 0).astimezone()

    def __call__(self) -> datetime:
        return self.now

    def wait(self, seconds: float) -> datetime:
        self.now += timedelta(seconds=seconds)
        return self.now


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def make_scenario():
    """The late-delivery scenario, with any fields changed: make_scenario(needs={...})."""
    base = load_yaml("chat/scenarios/late-delivery.yaml", schema="chat/scenario.schema.json")

    def make(**changes):
        raw = copy.deepcopy(base)
        for key, value in changes.items():
            if isinstance(value, dict) and isinstance(raw.get(key), dict):
                raw[key].update(value)
            else:
                raw[key] = value
        return from_mapping(raw)

    return make


GOOD_CHAT = [
    ("customer", "Hi, my order was supposed to arrive on Tuesday and it still hasn't turned up."),
    ("agent", "Hi Priya, thanks for contacting Harbour & Pine. I'm sorry to hear that."),
    ("agent", "For security, can you confirm your order number and postcode, please?"),
    ("customer", "HP-10482, LS6 2QT."),
    ("agent", "Thank you. I'll chase the courier now and email you by 5pm today."),
]

ESCALATED_CHAT = [
    ("customer", "I've been charged twice for the same order."),
    ("agent", "Hello, I'm sorry about that. For security, can you confirm your postcode?"),
    ("customer", "LS6 2QT"),
    ("agent", "Thanks. I'm passing this to our billing team, who will refund the extra payment."),
]


@pytest.fixture
def good_chat():
    return GOOD_CHAT


@pytest.fixture
def escalated_chat():
    return ESCALATED_CHAT
