"""Assessing a journey map record: the latest map, judged as the mapper judges it."""

from __future__ import annotations

from coursework_kit.journeys import Friction, Opportunity, assess, validate_map
from coursework_kit.journeys.record import JourneyMapRecord, JourneyMapWork

FULL = {
    "awareness": ("social-ad",),
    "consideration": ("app-browse", "social-dm"),
    "purchase": ("shop-till",),
    "after-sale": ("returns-portal",),
    "loyalty": ("newsletter",),
}
FRICTION = Friction("after-sale", "returns-portal", "Shop buyers have no order number")
FIX = Opportunity("after-sale", "returns-portal", "Keep shop receipts in the account", fixes=1)


def of(work: JourneyMapWork) -> JourneyMapRecord:
    return JourneyMapRecord.new("harbour-and-pine").with_work(work, learner="ab123")


def test_no_map_yet():
    """Does a record with no attempt say so rather than fail?"""
    assert assess(JourneyMapRecord.new("harbour-and-pine")).summary == "No journey map made yet."


def test_a_complete_map_is_ready_with_its_good_points():
    """Is a complete map ready, with the mapper's own findings in the shared vocabulary?"""
    work = JourneyMapWork(touchpoints=FULL, frictions=(FRICTION,), opportunities=(FIX,))
    feedback = assess(of(work))
    assert feedback.ready
    assert feedback.summary == "Your map is complete."
    expected = validate_map(work.journey_map).findings
    assert [f.message for f in feedback.findings] == [f.message for f in expected]
    assert {f.severity for f in feedback.findings} == {"good"}


def test_things_to_do_are_must_fix_and_tips_should_fix():
    """Does an unfixed friction point become 'must fix' (at F1) and one channel a tip?"""
    web = {
        "awareness": ("search-result",),
        "consideration": ("product-page",),
        "purchase": ("web-checkout",),
        "after-sale": ("returns-portal",),
        "loyalty": ("reviews",),
    }
    feedback = assess(of(JourneyMapWork(touchpoints=web, frictions=(FRICTION,))))
    assert not feedback.ready
    assert feedback.summary == "Your map is not finished yet."
    (unfixed,) = feedback.of("must fix")
    assert (unfixed.check, unfixed.where) == ("friction", "F1")
    assert [f.check for f in feedback.of("should fix")] == ["channels"]


def test_a_map_naming_an_unknown_stage_is_a_thing_to_fix():
    """Does an edited file naming a stage that does not exist get feedback, not a crash?"""
    feedback = assess(of(JourneyMapWork(touchpoints={"browsing": ("social-ad",)})))
    assert not feedback.ready
    assert "not a stage" in feedback.findings[0].message
