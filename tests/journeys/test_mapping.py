"""Customer journey mapping: validation and feedback."""

from __future__ import annotations

import pytest

from coursework_kit.journeys import (
    Friction,
    JourneyError,
    JourneyMap,
    Opportunity,
    describe_map,
    load_catalogue,
    validate_map,
)

FULL = {
    "awareness": ("social-ad",),
    "consideration": ("app-browse", "social-dm"),
    "purchase": ("shop-till",),
    "after-sale": ("returns-portal",),
    "loyalty": ("newsletter",),
}
FRICTION = Friction("after-sale", "returns-portal", "Shop buyers have no order number")
FIX = Opportunity("after-sale", "returns-portal", "Keep shop receipts in the account", fixes=1)


def test_catalogue_has_the_five_stages_in_order():
    """Are the stages awareness to loyalty, each offering touchpoints?"""
    catalogue = load_catalogue()
    assert [s.id for s in catalogue.stages] == [
        "awareness", "consideration", "purchase", "after-sale", "loyalty",
    ]  # fmt: skip
    assert all(catalogue.offered(s.id) for s in catalogue.stages)


def test_a_complete_map_passes():
    """Does a map with every stage filled and its friction fixed count as complete?"""
    feedback = validate_map(JourneyMap(FULL, (FRICTION,), (FIX,)))
    assert feedback.complete
    assert "Every friction point has an opportunity to fix it." in feedback.messages("good")


def test_every_stage_needs_a_touchpoint():
    """Is a stage with no touchpoint a thing to do, naming the stage?"""
    touchpoints = dict(FULL, loyalty=())
    feedback = validate_map(JourneyMap(touchpoints, (FRICTION,), (FIX,)))
    assert not feedback.complete
    assert any("Loyalty" in m for m in feedback.messages("must fix"))


def test_friction_without_a_fix_is_not_complete():
    """Does a friction point with no opportunity to fix it keep the map unfinished?"""
    idea = Opportunity("loyalty", "newsletter", "Send a monthly styling newsletter")
    feedback = validate_map(JourneyMap(FULL, (FRICTION,), (idea,)))
    assert any("F1" in m and "no opportunity" in m for m in feedback.messages("must fix"))


def test_a_map_needs_at_least_one_friction_point():
    """Is a map with no friction points unfinished (it has not been analysed)?"""
    assert not validate_map(JourneyMap(FULL)).complete


def test_marks_must_be_at_touchpoints_on_the_map_and_say_something():
    """Are a friction point at an unchosen touchpoint, a one-word note and a fix for a missing
    friction point each flagged?"""
    stray = Friction("purchase", "web-checkout", "Checkout asks for an account")
    terse = Opportunity("purchase", "shop-till", "Faster", fixes=1)
    missing = Opportunity("loyalty", "newsletter", "Tell them about new stock", fixes=4)
    feedback = validate_map(JourneyMap(FULL, (stray,), (terse, missing)))
    problems = " ".join(feedback.messages("must fix"))
    assert "not on your map" in problems
    assert "O1: say in a few words" in problems
    assert "there is no F4" in problems


def test_one_channel_only_gets_a_tip():
    """Does a map that stays on the website get a tip about moving between channels?"""
    web = {
        "awareness": ("search-result",),
        "consideration": ("product-page",),
        "purchase": ("web-checkout",),
        "after-sale": ("returns-portal",),
        "loyalty": ("reviews",),
    }
    feedback = validate_map(JourneyMap(web, (FRICTION,), (FIX,)))
    assert any("only" in m for m in feedback.messages("should fix"))


def test_unknown_stage_or_touchpoint_is_refused():
    """Are a stage that does not exist and a touchpoint from the wrong stage refused?"""
    with pytest.raises(JourneyError, match="not a stage"):
        validate_map(JourneyMap({"browsing": ("social-ad",)}))
    with pytest.raises(JourneyError, match="Awareness"):
        validate_map(JourneyMap({"awareness": ("shop-till",)}))


def test_description_names_everything_on_the_map():
    """Does the alt text name each stage, touchpoint, friction point and opportunity?"""
    text = describe_map(JourneyMap(FULL, (FRICTION,), (FIX,)))
    for words in ("Awareness: Social media advert", "Friction F1 at Online returns",
                  "Opportunity O1 at Online returns (fixes F1)"):  # fmt: skip
        assert words in text


def test_map_round_trips_as_plain_data():
    """Can a map be saved as plain data and read back the same?"""
    journey = JourneyMap(FULL, (FRICTION,), (FIX,))
    assert JourneyMap.from_dict(journey.to_dict()) == journey
    with pytest.raises(JourneyError, match="cannot be read"):
        JourneyMap.from_dict({"frictions": [{"where": "shop"}]})
