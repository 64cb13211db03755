"""The decision scenario bank: every file loads, every best answer is one of its choices."""

from __future__ import annotations

import re

import pytest

from coursework_kit.datasets import data_dir, load_yaml
from coursework_kit.gdpr.scenarios import load_decisions

BANK = load_decisions()
FILES = sorted(p.name for p in (data_dir() / "gdpr" / "scenarios").glob("*.yaml"))
TOPICS = {
    "identity-checks",
    "third-parties",
    "public-posts",
    "lawful-bases",
    "consent",
    "marketing",
    "cookies",
    "location-and-confidentiality",
    "access-requests",
    "erasure-and-retention",
    "breaches",
    "consumer-rights",
    "equality",
}
LAW = re.compile(
    r"UK GDPR|PECR|Data Protection Act|Consumer Rights Act|Equality Act|"
    r"Consumer Contracts|Disability Discrimination|ICO"
)


def test_at_least_forty_scenarios_across_every_topic():
    """Are there at least 40 scenarios, covering every topic the course needs?"""
    assert len(BANK) >= 40
    assert {s.topic for s in BANK} >= TOPICS


@pytest.mark.parametrize("name", FILES)
def test_every_file_loads_against_the_schema(name):
    """Does each topic file match the schema and say what date its law reflects?"""
    raw = load_yaml(f"gdpr/scenarios/{name}", schema="gdpr/scenario.schema.json")
    assert "2026" in raw["reflects"]
    assert raw["topic"] == name.removesuffix(".yaml")


@pytest.mark.parametrize("scenario", BANK, ids=lambda s: s.id)
def test_each_scenario_makes_sense(scenario):
    """Is the best answer one of the choices, with feedback on every choice and a cited source?"""
    ids = [c.id for c in scenario.choices]
    assert scenario.best in ids
    assert len(set(ids)) == len(ids)
    assert all(len(c.feedback) > 20 for c in scenario.choices)
    assert LAW.search(scenario.source), scenario.source
    assert scenario.decide(scenario.best).correct
    wrong = next(i for i in ids if i != scenario.best)
    assert not scenario.decide(wrong).correct


def test_units_three_and_five_each_have_scenarios():
    """Do the unit 3 and unit 5 workbooks each get their own set of scenarios?"""
    assert len(load_decisions(unit=3)) >= 10
    assert len(load_decisions(unit=5)) >= 8


def test_unknown_topic_lists_the_topics():
    """Is an unknown topic refused with the list of topics?"""
    from coursework_kit.gdpr import GdprInputError

    with pytest.raises(GdprInputError, match="identity-checks"):
        load_decisions(topics=["no-such-topic"])
