"""How every kind names its evidence file: once, on Record, from PREFIX and DEFAULT_SCENARIO.

The names are the ones today's and the first release's files have, so the files the learners
already saved are found and read. A scenario that would not make a safe file name is refused
with a plain message, and nothing is written anywhere.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from coursework_kit.errors import EvidenceError
from coursework_kit.records import KINDS, ActivitySession, Record, RecordFile, kind

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "records"

# (kind, scenario, file name) as the widgets name them; the v1 files are in golden/records/v1.
NAMES = [
    ("automation", "", "automation-journey.json"),
    ("calculator", "metric", "calculator-metric.json"),
    ("calculator", "breach", "calculator-breach.json"),
    ("calendar", "black-friday-week", "calendar-black-friday-week.json"),
    ("chat", "late-delivery", "chat-late-delivery.json"),
    ("decision", "all", "gdpr-decisions.json"),
    ("decision", "unit3", "gdpr-decisions-unit3.json"),
    ("email", "campaign", "email-campaign.json"),
    ("journey-map", "harbour-and-pine", "journey-map.json"),
    ("journey-map", "other", "journey-map-other.json"),
    ("matching", "customer-expectations", "activity-customer-expectations.json"),
    ("moderation", "all", "social-moderation.json"),
    ("moderation", "crisis-spam", "social-moderation-crisis-spam.json"),
    ("plan", "", "campaign-plan.json"),
    ("post", "sale-x", "post-sale-x.json"),
    ("quiz", "unit1-measuring", "quiz-unit1-measuring.json"),
    ("search-ad", "free", "search-ad.json"),
    ("search-ad", "shelves", "search-ad-shelves.json"),
    ("snippet", "free", "search-snippet.json"),
    ("snippet", "task-2", "search-snippet-task-2.json"),
]
V1_FILES = {
    "activity-customer-expectations": ("matching", "customer-expectations"),
    "automation-journey": ("automation", ""),
    "calendar-black-friday-week": ("calendar", "black-friday-week"),
    "campaign-plan": ("plan", ""),
    "chat-charged-twice": ("chat", "charged-twice"),
    "chat-late-delivery": ("chat", "late-delivery"),
    "email-campaign": ("email", "campaign"),
    "gdpr-decisions-unit3": ("decision", "unit3"),
    "journey-map": ("journey-map", "harbour-and-pine"),
    "post-sale-x": ("post", "sale-x"),
    "search-ad": ("search-ad", "free"),
    "search-snippet": ("snippet", "free"),
    "social-moderation": ("moderation", "all"),
}
HOSTILE = [
    "../gradebook",
    "..",
    "a/b",
    "/etc/passwd",
    "a\\b",
    "a\x00b",
    "ok\n",
    "\nok",
    "c:",
    "ok.json",
    "Demo",
    "late delivery",
    "é",
    "x" * 200,
    "x" * 1_000_000,
]


@pytest.mark.parametrize(("name", "scenario", "file"), NAMES)
def test_each_kind_names_its_file_as_today(tmp_path, name, scenario, file):
    """Is each kind's file named as today's release names it, and read back to its scenario?"""
    record_type = kind(name)
    assert RecordFile(record_type, scenario, tmp_path).path == tmp_path / file
    assert record_type.new(scenario).file_name == file
    assert record_type.scenario_from_v1(file.removesuffix(".json")) == scenario


@pytest.mark.parametrize("stem", sorted(V1_FILES))
def test_a_first_release_file_is_found_and_read(tmp_path, stem):
    """Is each first-release file found under the name the widget asks for, for its scenario?"""
    name, scenario = V1_FILES[stem]
    shutil.copy(GOLDEN / "v1" / f"{stem}.json", tmp_path)
    record = RecordFile(kind(name), scenario, tmp_path).load()
    assert record is not None
    assert (record.activity, record.scenario) == (stem, scenario)
    assert record.attempts


@pytest.mark.parametrize("name", sorted(KINDS))
def test_a_golden_record_is_found_under_its_own_name(tmp_path, name):
    """Does each golden record's activity come from its scenario, and load from that file?"""
    document = json.loads((GOLDEN / f"{name}.json").read_text("utf-8"))
    record_type = kind(name)
    assert record_type.activity_for(document["scenario"]) == document["activity"]
    (tmp_path / f"{document['activity']}.json").write_text(json.dumps(document))
    loaded = RecordFile(record_type, document["scenario"], tmp_path).load()
    assert loaded is not None
    assert loaded.to_json() == document


@pytest.mark.parametrize("name", sorted(KINDS))
def test_no_kind_writes_its_own_naming(name):
    """Is the naming defined once, on Record, with each kind setting only class attributes?"""
    record_type = kind(name)
    for method in ("activity_for", "scenario_from_v1"):
        assert getattr(record_type, method).__func__ is getattr(Record, method).__func__, method
    assert isinstance(record_type.PREFIX, str)
    assert record_type.DEFAULT_SCENARIO is None or isinstance(record_type.DEFAULT_SCENARIO, str)


@pytest.mark.parametrize("name", sorted(KINDS))
def test_every_scenario_has_a_file_of_its_own(name):
    """Do different scenarios never share a file, and does each file name give its scenario?"""
    record_type = kind(name)
    scenarios = ["", "all", "free", "harbour-and-pine", "unit3", "a", "a-b", "-", "9", "x" * 40]
    default = record_type.DEFAULT_SCENARIO
    names = [record_type.activity_for(s) for s in scenarios]
    assert len(set(names)) == len(names)
    for scenario, activity in zip(scenarios, names, strict=True):
        assert record_type.scenario_from_v1(activity) == scenario
        prefix = record_type.PREFIX or record_type.KIND
        assert activity == (prefix if scenario == default else f"{prefix}-{scenario}")


@pytest.mark.parametrize("name", sorted(KINDS))
@pytest.mark.parametrize("scenario", HOSTILE, ids=lambda s: repr(s[:12]))
def test_a_scenario_that_is_not_a_safe_file_name_is_refused_plainly(tmp_path, name, scenario):
    """Is a scenario with a slash, dots, a NUL, a newline or too many letters refused in
    a short plain message, with nothing written inside or outside the folder?"""
    folder = tmp_path / "work" / "evidence"
    record_type = kind(name)
    for make in (
        lambda: RecordFile(record_type, scenario, folder),
        lambda: record_type.new(scenario),
        lambda: ActivitySession(record_type, scenario, folder=folder, learner="ab123"),
    ):
        with pytest.raises(EvidenceError, match="cannot be used as an activity name") as raised:
            make()
        assert len(str(raised.value)) < 250
        assert "\n" not in str(raised.value)
    assert list(tmp_path.rglob("*")) == []


@pytest.mark.parametrize("scenario", [None, 3, b"late-delivery", ("a",)])
def test_a_scenario_that_is_not_text_is_refused_plainly(tmp_path, scenario):
    """Is a scenario that is not text at all (a number, bytes, None) refused, not turned
    into a name such as quiz-3?"""
    with pytest.raises(EvidenceError, match="must be named by text"):
        RecordFile(kind("quiz"), scenario, tmp_path)  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", sorted(KINDS))
def test_the_longest_safe_name_is_kept_and_one_more_letter_refused(tmp_path, name):
    """Is a scenario that just fits 80 characters of name accepted, and one longer refused?"""
    record_type = kind(name)
    room = 80 - len(record_type.PREFIX or record_type.KIND) - 1
    longest = RecordFile(record_type, "a" * room, tmp_path)
    assert len(longest.activity) == 80
    assert longest.path.parent == tmp_path
    with pytest.raises(EvidenceError, match=f"{room} at most"):
        RecordFile(record_type, "a" * (room + 1), tmp_path)
