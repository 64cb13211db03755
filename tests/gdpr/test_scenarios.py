"""The decision scenario bank: every file loads, every best answer is one of its choices."""

from __future__ import annotations

import dataclasses
import re

import pytest

from coursework_kit.datasets import data_dir, load_yaml
from coursework_kit.gdpr._dated import NATIONS, date_problems
from coursework_kit.gdpr.scenarios import ScenarioDeadline, load_decisions

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


# -- dated scenarios ----------------------------------------------------------------------------

DATED = [s for s in BANK if s.deadlines]


def test_the_dated_scenarios_are_all_found():
    """Are the subject access and breach scenarios with dates all marked as dated?"""
    assert {s.id for s in DATED} >= {
        "sar-deadline-end-of-month",
        "sar-deadline-bank-holiday",
        "sar-clock-starts-when-id-arrives",
        "sar-extension-for-a-complex-request",
        "seventy-two-hours-over-a-weekend",
    }


@pytest.mark.parametrize("scenario", BANK, ids=lambda s: s.id)
def test_every_date_in_the_bank_is_worked_out_again(scenario):
    """Does every scenario that names a date say which nation it is in, and does the kit's own
    dsar_deadline or breach_notification give the deadline its best answer says, with every
    weekday written beside a date right?"""
    assert date_problems(scenario) == []


@pytest.mark.parametrize("scenario", DATED, ids=lambda s: s.id)
def test_a_dated_scenario_names_its_nation_in_words(scenario):
    """Can the learner read which nation the scenario is in, as the deadline depends on it?"""
    assert NATIONS[scenario.nation] in scenario.situation


def test_the_end_of_month_scenario_in_scotland_would_be_caught():
    """Moved to Scotland with its answer left as 30 November (St Andrew's Day there), is the
    scenario caught, since the kit gives 1 December?"""
    (scenario,) = [s for s in BANK if s.id == "sar-deadline-end-of-month"]
    moved = dataclasses.replace(
        scenario, nation="scotland", situation=scenario.situation.replace("England", "Scotland")
    )
    problems = " ".join(date_problems(moved))
    assert "the kit works out 2026-12-01" in problems
    assert "choice b gives the right date" in problems


def test_a_scenario_with_dates_but_no_nation_would_be_caught():
    """Is a dated scenario with no dates block, or whose situation does not name its nation,
    caught?"""
    (scenario,) = [s for s in BANK if s.id == "sar-clock-starts-when-id-arrives"]
    assert "has no dates block" in " ".join(
        date_problems(dataclasses.replace(scenario, nation="", deadlines=()))
    )
    unnamed = dataclasses.replace(
        scenario, situation=scenario.situation.replace("Harbour & Pine's office is in England.", "")
    )
    assert "which nation" in " ".join(date_problems(unnamed))


def test_a_wrong_deadline_or_weekday_would_be_caught():
    """Is a due date the kit does not give, a best answer that does not say it, or a weekday
    that does not match its date, caught?"""
    (scenario,) = [s for s in BANK if s.id == "sar-deadline-bank-holiday"]
    wrong_due = dataclasses.replace(
        scenario, deadlines=(ScenarioDeadline("subject-access", "2026-07-29", "2026-08-31"),)
    )
    assert "the kit works out 2026-09-01" in " ".join(date_problems(wrong_due))
    wrong_day = dataclasses.replace(
        scenario, situation=scenario.situation.replace("Wednesday 29 July", "Thursday 29 July")
    )
    assert "29 July 2026 is a Wednesday" in " ".join(date_problems(wrong_day))
    choices = tuple(
        dataclasses.replace(c, text="Wednesday 2 September 2026") if c.id == scenario.best else c
        for c in scenario.choices
    )
    bad_best = dataclasses.replace(scenario, choices=choices)
    assert "does not say 'Tuesday 1 September 2026'" in " ".join(date_problems(bad_best))


def test_a_breach_deadline_counted_on_the_wall_clock_would_be_caught():
    """A 72-hour scenario across the October clock change with 12:00 as its answer (wall-clock
    hours): is it caught, since 72 real hours end at 11:00?"""
    (scenario,) = [s for s in BANK if s.id == "seventy-two-hours-over-a-weekend"]
    moved = dataclasses.replace(
        scenario,
        deadlines=(ScenarioDeadline("breach-72-hours", "2026-10-23T12:00", "2026-10-26T12:00"),),
    )
    assert "the kit works out 2026-10-26T11:00" in " ".join(date_problems(moved))


@pytest.mark.parametrize(
    "dates",
    [
        {"deadlines": [{"rule": "subject-access", "from": "2026-10-31", "due": "2026-11-30"}]},
        {
            "nation": "cornwall",
            "deadlines": [{"rule": "subject-access", "from": "2026-10-31", "due": "2026-11-30"}],
        },
        {"nation": "england", "deadlines": []},
        {
            "nation": "england",
            "deadlines": [{"rule": "subject-access", "from": "31/10/2026", "due": "2026-11-30"}],
        },
        {
            "nation": "england",
            "deadlines": [{"rule": "breach-72-hours", "from": "2026-11-13", "due": "2026-11-16"}],
        },
        {
            "nation": "england",
            "deadlines": [{"rule": "fortnight", "from": "2026-11-13", "due": "2026-11-27"}],
        },
    ],
)
def test_the_schema_refuses_a_dates_block_that_cannot_be_worked_out(dates):
    """Is a dates block with no nation, an unknown nation or rule, or a badly written date
    refused when the file is loaded?"""
    import fastjsonschema

    from coursework_kit.datasets import compiled_schema

    raw = load_yaml("gdpr/scenarios/access-requests.yaml")
    check = compiled_schema("gdpr/scenario.schema.json")
    check(raw)  # as shipped, it fits
    raw["scenarios"][2]["dates"] = dates
    with pytest.raises(fastjsonschema.JsonSchemaException):  # the check load_yaml makes first
        check(raw)
