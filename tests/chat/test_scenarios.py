"""Every shipped scenario: it loads, lints clean, and a good adviser can win it."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
import yaml

from coursework_kit.chat import Conversation, assess_transcript, list_scenarios, load_scenario
from coursework_kit.chat.knowledge import knowledge_base
from coursework_kit.chat.lint import lint_file
from coursework_kit.datasets import data_path


def model_chats():
    return yaml.safe_load((Path(__file__).parent / "model_chats.yaml").read_text())


SCENARIOS = list_scenarios()
REQUIRED = {
    "late-delivery",
    "damaged-item",
    "charged-twice",
    "account-access",
    "public-complaint",
    "product-question",
    "data-request",
    "abusive-customer",
    "reasonable-adjustment",
    "outside-remit",
}


def test_at_least_ten_scenarios_cover_the_required_situations():
    """Are there at least 10 scenarios, covering every situation the course needs?"""
    assert len(SCENARIOS) >= 10
    assert set(SCENARIOS) >= REQUIRED


def test_every_scenario_has_a_model_chat():
    """Does every scenario have a good adviser's chat to prove it can be won?"""
    assert set(model_chats()) == set(SCENARIOS)


@pytest.mark.parametrize("name", SCENARIOS)
def test_scenario_loads_and_lints_clean(name):
    """Does the scenario load and pass the linter, with its knowledge-base articles present?"""
    scenario = load_scenario(name)
    assert lint_file(data_path(f"chat/scenarios/{name}.yaml")) == []
    assert set(scenario.kb) <= {a.id for a in knowledge_base()}


@pytest.mark.parametrize("name", SCENARIOS)
def test_a_good_adviser_wins_the_chat(name):
    """Played well, does the customer end satisfied, with no rule broken and every criterion met?"""
    scenario = load_scenario(name)
    now = [datetime(2026, 3, 5, 10, 0).astimezone()]
    conversation = Conversation(scenario, clock=lambda: now[0])
    for reply in model_chats()[name]:
        now[0] += timedelta(seconds=20)
        conversation.reply(reply)
    assert [str(f) for f in conversation.findings] == []
    if scenario.needs.warning_then_end:
        assert conversation.warned
        assert conversation.ended_by == "agent"
    else:
        assert conversation.resolved
        assert conversation.turns[-1].kind == "goodbye"
        assert conversation.ended_by == "customer"
    report = assess_transcript(conversation.transcript(), scenario=scenario)
    missed = {k: c.evidence for k, c in report.criteria.items() if c.met is False}
    assert missed == {}
    assert report.score == 100
