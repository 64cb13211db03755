"""The journey mapper, driven through its methods."""

from __future__ import annotations

import json

import pytest

from coursework_kit.journeys import JourneyError, JourneyMapper


@pytest.fixture
def mapper(tmp_path):
    return JourneyMapper(folder=tmp_path)


def fill(mapper):
    mapper.choose_touchpoints("awareness", ["social-ad", "search-ad"])
    mapper.choose_touchpoints("consideration", ["app-browse", "social-dm"])
    mapper.choose_touchpoints("purchase", ["shop-till"])
    mapper.choose_touchpoints("after-sale", ["returns-portal"])
    mapper.choose_touchpoints("loyalty", ["newsletter"])


def saved(mapper):
    return json.loads(mapper.evidence.path.read_text())["attempts"][-1]["data"]


def test_a_finished_map_is_complete_drawn_and_saved(mapper):
    """Does a filled-in map get 'complete', a chart with alt text, and saved evidence?"""
    fill(mapper)
    number = mapper.add_friction("after-sale", "returns-portal", "Shop buyers have no order number")
    mapper.add_opportunity(
        "after-sale", "returns-portal", "Keep receipts in the account", fixes=number
    )
    feedback = mapper.check()
    assert feedback.complete
    assert "<img" in mapper._chart.value
    assert "alt='Customer journey map with 5 stages" in mapper._chart.value
    data = saved(mapper)
    assert data["complete"] is True
    assert data["map"]["frictions"][0]["problem"] == "Shop buyers have no order number"


def test_unfixed_friction_is_fed_back(mapper):
    """Does a friction point without a fix show as something still to do?"""
    fill(mapper)
    mapper.add_friction("purchase", "shop-till", "Stock shown online is not in the shop")
    assert not mapper.check().complete
    assert "F1" in mapper._feedback.value
    assert "To do" in mapper._feedback.value


def test_every_change_is_saved_straight_away(mapper):
    """Is a friction point saved the moment it is added, before any check?"""
    mapper.choose_touchpoints("purchase", ["shop-till"])
    mapper.add_friction("purchase", "shop-till", "The queue at the till is long")
    assert saved(mapper)["map"]["frictions"][0]["touchpoint"] == "shop-till"


def test_removing_a_friction_point_renumbers_the_fixes(mapper):
    """After removing F1, does an opportunity for F2 now point at F1, and one for F1 at nothing?"""
    fill(mapper)
    mapper.add_friction("purchase", "shop-till", "The queue at the till is long")
    mapper.add_friction("after-sale", "returns-portal", "Shop buyers have no order number")
    mapper.add_opportunity("purchase", "shop-till", "Open a second till at weekends", fixes=1)
    mapper.add_opportunity("after-sale", "returns-portal", "Keep receipts online", fixes=2)
    mapper.remove_friction(1)
    assert [o.fixes for o in mapper.opportunities] == [None, 1]
    mapper.remove_opportunity(1)
    assert len(mapper.opportunities) == 1


def test_the_form_adds_marks_and_reports_mistakes(mapper):
    """Does the Add button use the form, and refuse an empty note plainly?"""
    mapper._f_stage.value = "purchase"
    mapper._f_touch.value = "shop-till"
    mapper._add_friction_from_form()
    assert "Type a few words first" in mapper._message.value
    mapper._f_text.value = "The queue at the till is long"
    mapper._add_friction_from_form()
    assert len(mapper.frictions) == 1
    assert "F1" in mapper._marks.value
    assert ("F1: The queue at the till is long", 1) in mapper._o_fixes.options


def test_bad_choices_are_refused(mapper):
    """Are a touchpoint from the wrong stage and a fix for a missing friction point refused?"""
    with pytest.raises(JourneyError, match="cannot be placed at Awareness"):
        mapper.choose_touchpoints("awareness", ["shop-till"])
    with pytest.raises(JourneyError, match="not a touchpoint at Loyalty"):
        mapper.add_friction("loyalty", "shop-till", "Queue")
    with pytest.raises(JourneyError, match="no friction point F3"):
        mapper.add_opportunity("loyalty", "newsletter", "Monthly ideas email", fixes=3)
