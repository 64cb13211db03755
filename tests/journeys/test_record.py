"""The journey map record: its golden file, and files saved by the previous release."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from coursework_kit.journeys import Friction, JourneyMapper, Opportunity
from coursework_kit.journeys.record import (
    JourneyMapRecord,
    JourneyMapWork,
    MapCheck,
    MarkDraft,
)
from coursework_kit.records import RecordFile

AT = "2026-11-20T09:00:00+00:00"
V1 = Path(__file__).resolve().parents[1] / "golden" / "records" / "v1" / "journey-map.json"
TOUCHPOINTS = {
    "awareness": ("social-ad", "search-ad"),
    "consideration": ("app-browse", "social-dm"),
    "purchase": ("shop-till",),
    "after-sale": ("returns-portal",),
    "loyalty": ("newsletter",),
}
FRICTION = Friction("after-sale", "returns-portal", "Shop buyers have no order number")
FIX = Opportunity("after-sale", "returns-portal", "Keep receipts in the account", 1)


def record() -> JourneyMapRecord:
    work = JourneyMapWork(
        touchpoints=TOUCHPOINTS,
        frictions=(FRICTION,),
        opportunities=(FIX,),
        friction_draft=MarkDraft("purchase", "shop-till", "The queue is"),
        opportunity_draft=MarkDraft("purchase", "shop-till", "", None),
        checks=(
            MapCheck(AT, False, ("F1 (After the sale, Online returns) has no opportunity",)),
            MapCheck(AT, True),
        ),
    )
    return JourneyMapRecord.new("harbour-and-pine").with_work(work, learner="ab123", at=AT)


def test_the_record_matches_its_golden_file(golden):
    """Is a journey map record saved exactly as tests/golden/records/journey-map.json shows?"""
    golden("records/journey-map.json", json.dumps(record().to_json(), indent=1) + "\n")


def test_the_evidence_file_keeps_its_name():
    """Is the map still saved as evidence/journey-map.json, so today's files are found?"""
    assert record().file_name == "journey-map.json"
    assert JourneyMapRecord.activity_for("other") == "journey-map-other"


def test_a_file_from_the_previous_release_is_read_as_today():
    """Does evidence saved by the previous mapper load: the map, its check, every attempt?"""
    loaded = JourneyMapRecord.from_json(json.loads(V1.read_text("utf-8")))
    assert (loaded.activity, loaded.scenario) == ("journey-map", "harbour-and-pine")
    first, second = loaded.attempts
    assert (first.number, first.saves, second.number) == (1, 10, 2)
    assert first.work.touchpoints == TOUCHPOINTS
    assert first.work.frictions == (FRICTION,)
    assert first.work.opportunities == (FIX,)
    assert [c.complete for c in first.work.checks] == [True]
    assert second.work.opportunities == ()
    assert second.work.checks == ()


def test_the_mapper_reopens_a_previous_release_file_and_saves_it_as_today(tmp_path):
    """Does the mapper show the latest map from an old file, and keep every attempt when it
    saves the file again in today's format?"""
    shutil.copy(V1, tmp_path / "journey-map.json")
    mapper = JourneyMapper(folder=tmp_path)
    assert mapper.journey_map.frictions == (FRICTION,)
    assert mapper.opportunities == []
    mapper.add_opportunity("after-sale", "returns-portal", "Keep receipts in the account", fixes=1)
    mapper.session.flush()
    document = json.loads((tmp_path / "journey-map.json").read_text())
    assert (document["schema_version"], document["kind"]) == (2, "journey-map")
    loaded = RecordFile(JourneyMapRecord, "harbour-and-pine", tmp_path).load()
    assert [a.number for a in loaded.attempts] == [1, 2]
    assert loaded.latest.work.opportunities == (FIX,)
