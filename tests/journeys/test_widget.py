"""The journey mapper, driven through its methods."""

from __future__ import annotations

import time

import pytest

from coursework_kit.journeys import Friction, JourneyError, JourneyMapper
from coursework_kit.journeys.record import JourneyMapRecord, JourneyMapWork, MarkDraft
from coursework_kit.records import RecordFile


@pytest.fixture
def mapper(tmp_path):
    return JourneyMapper(folder=tmp_path)


def fill(mapper):
    mapper.choose_touchpoints("awareness", ["social-ad", "search-ad"])
    mapper.choose_touchpoints("consideration", ["app-browse", "social-dm"])
    mapper.choose_touchpoints("purchase", ["shop-till"])
    mapper.choose_touchpoints("after-sale", ["returns-portal"])
    mapper.choose_touchpoints("loyalty", ["newsletter"])


def on_disk(mapper):
    """The record as saved in the mapper's evidence file."""
    mapper.session.flush()
    return RecordFile(JourneyMapRecord, "harbour-and-pine", mapper.session.file.folder).load()


def saved(mapper):
    """The latest saved work."""
    return on_disk(mapper).latest.work


def saved_within_a_second(folder, wanted):
    """The saved work once ``wanted(work)`` holds, waiting at most a second (no flush)."""
    store = RecordFile(JourneyMapRecord, "harbour-and-pine", folder)
    deadline = time.monotonic() + 1.0
    while time.monotonic() < deadline:
        found = store.load()
        if found is not None and wanted(found.latest.work):
            return found.latest.work
        time.sleep(0.05)
    raise AssertionError("the change was not saved within a second")


def test_a_finished_map_is_complete_drawn_and_saved(mapper):
    """Does a filled-in map get 'complete', a chart with alt text, and saved evidence?"""
    fill(mapper)
    number = mapper.add_friction("after-sale", "returns-portal", "Shop buyers have no order number")
    mapper.add_opportunity(
        "after-sale", "returns-portal", "Keep receipts in the account", fixes=number
    )
    feedback = mapper.check()
    assert feedback.complete
    assert "<img" in mapper.drawn_chart
    assert "alt='Customer journey map with 5 stages" in mapper.drawn_chart
    work = saved(mapper)
    assert work.checks[-1].complete is True
    assert work.frictions[0].problem == "Shop buyers have no order number"
    assert "Saved to evidence/journey-map.json" in mapper.message


def test_unfixed_friction_is_fed_back(mapper):
    """Does a friction point without a fix show as something still to do?"""
    fill(mapper)
    mapper.add_friction("purchase", "shop-till", "Stock shown online is not in the shop")
    assert not mapper.check().complete
    assert "F1" in mapper.feedback_html
    assert "Must fix" in mapper.feedback_html
    assert any("no opportunity" in m for m in saved(mapper).checks[-1].to_do)


def test_every_change_is_saved_straight_away(mapper, tmp_path):
    """Is a friction point saved the moment it is added (within a second), before any check?"""
    mapper.choose_touchpoints("purchase", ["shop-till"])
    mapper.add_friction("purchase", "shop-till", "The queue at the till is long")
    work = saved_within_a_second(tmp_path, lambda work: work.frictions)
    assert work.frictions[0].touchpoint == "shop-till"


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
    mapper.type_friction(stage="purchase", touchpoint="shop-till")
    mapper.add_friction_from_form()
    assert "Type a few words first" in mapper.form_message
    mapper.type_friction(text="The queue at the till is long")
    mapper.add_friction_from_form()
    assert len(mapper.frictions) == 1
    assert "F1" in mapper.marks_html
    assert ("F1: The queue at the till is long", 1) in mapper.fix_choices
    assert mapper.work.friction_draft.text == ""  # the form is cleared once added


def test_bad_choices_are_refused(mapper):
    """Are a touchpoint from the wrong stage and a fix for a missing friction point refused?"""
    with pytest.raises(JourneyError, match="cannot be placed at Awareness"):
        mapper.choose_touchpoints("awareness", ["shop-till"])
    with pytest.raises(JourneyError, match="not a touchpoint at Loyalty"):
        mapper.add_friction("loyalty", "shop-till", "Queue")
    with pytest.raises(JourneyError, match="no friction point F3"):
        mapper.add_opportunity("loyalty", "newsletter", "Monthly ideas email", fixes=3)


def test_opening_the_mapper_saves_nothing(tmp_path):
    """Does merely opening the mapper leave no evidence file?"""
    JourneyMapper(folder=tmp_path)
    assert not (tmp_path / "journey-map.json").exists()


def test_typing_in_a_form_is_saved_without_pressing_add(tmp_path):
    """Is a friction point being typed saved within a second, though Add was never pressed?"""
    mapper = JourneyMapper(folder=tmp_path)
    mapper.type_friction(stage="after-sale", touchpoint="returns-portal")
    mapper.type_friction(text="The returns form wants an order number")
    work = saved_within_a_second(tmp_path, lambda work: work.friction_draft.text)
    assert work.friction_draft == MarkDraft(
        "after-sale", "returns-portal", "The returns form wants an order number"
    )
    assert work.frictions == ()


def test_a_new_mapper_on_the_same_folder_shows_the_latest_map(tmp_path):
    """After a kernel restart, does the mapper reopen the map and both forms as typed, and
    does carrying on stay in the same attempt?"""
    first = JourneyMapper(folder=tmp_path)
    fill(first)
    first.add_friction("purchase", "shop-till", "The queue at the till is long")
    first.check()
    first.type_opportunity(stage="purchase", touchpoint="shop-till", text="Open a second", fixes=1)
    first.type_friction(stage="loyalty", text="Half a thought")
    first.session.flush()
    again = JourneyMapper(folder=tmp_path)
    assert again.work == first.work
    assert again.journey_map == first.journey_map
    assert "F1" in again.marks_html
    assert again.work.opportunity_draft == MarkDraft("purchase", "shop-till", "Open a second", 1)
    again.type_opportunity(text="Open a second till at weekends")
    again.add_opportunity_from_form()
    record = on_disk(again)
    assert len(record.attempts) == 1
    assert record.latest.work.opportunities[0].idea == "Open a second till at weekends"
    assert record.latest.work.opportunities[0].fixes == 1


def test_editing_stays_in_one_attempt_and_start_again_begins_another(mapper):
    """Do removals (less on the map) stay in the same attempt, and only Start again begin a
    new one, keeping the earlier attempt?"""
    fill(mapper)
    mapper.add_friction("purchase", "shop-till", "The queue at the till is long")
    mapper.remove_friction(1)
    mapper.choose_touchpoints("loyalty", [])
    assert len(on_disk(mapper).attempts) == 1
    mapper.start_again()
    assert (
        mapper.work.touchpoints
        == JourneyMapWork(touchpoints={s.id: () for s in mapper.catalogue.stages}).touchpoints
    )
    assert mapper.frictions == []
    assert mapper.marks_html == mapper.drawn_chart == ""
    assert len(on_disk(mapper).attempts) == 1  # nothing new until the learner does something
    mapper.choose_touchpoints("purchase", ["shop-till"])
    record = on_disk(mapper)
    assert [a.number for a in record.attempts] == [1, 2]
    assert record.attempt(1).work.touchpoints["awareness"] == ("social-ad", "search-ad")
    assert record.latest.work.touchpoints["purchase"] == ("shop-till",)


def test_a_broken_evidence_file_does_not_stop_the_mapper(tmp_path):
    """If the evidence file was damaged, does the mapper carry on and say what happened?"""
    (tmp_path / "journey-map.json").write_text("{broken")
    mapper = JourneyMapper(folder=tmp_path)
    assert "could not be read" in mapper.message
    fill(mapper)
    assert saved(mapper).touchpoints["loyalty"] == ("newsletter",)
    assert list(tmp_path.glob("journey-map.unreadable-*.json"))


def test_a_map_naming_a_stage_that_is_gone_is_fed_back_not_a_crash(tmp_path):
    """Does a saved friction point at a stage the catalogue no longer has give feedback?"""
    stray = Friction("browsing", "shop-till", "The queue is long")
    record = JourneyMapRecord.new("harbour-and-pine").with_work(JourneyMapWork(frictions=(stray,)))
    RecordFile(JourneyMapRecord, "harbour-and-pine", tmp_path).save(record)
    mapper = JourneyMapper(folder=tmp_path)
    assert not mapper.check().complete
    assert "not a stage" in mapper.feedback_html


def test_assessment_mode_is_saved_with_the_map(tmp_path):
    """Does a mapper in an assignment say so in its evidence?"""
    mapper = JourneyMapper(folder=tmp_path, mode="assessment")
    mapper.choose_touchpoints("purchase", ["shop-till"])
    assert on_disk(mapper).latest.mode == "assessment"


def test_the_assessment_agrees_with_the_check(mapper):
    """Does the mapper's assessment find what its Check found?"""
    fill(mapper)
    mapper.add_friction("purchase", "shop-till", "Stock shown online is not in the shop")
    feedback = mapper.check()
    assessed = mapper.assessment
    assert not assessed.ready
    assert [f.message for f in assessed.of("must fix")] == feedback.messages("must fix")


def test_the_fix_being_typed_follows_its_friction_point(mapper):
    """Does the fix chosen in the opportunity form stay put when a friction point is added, and
    follow its friction point when an earlier one is removed?"""
    fill(mapper)
    mapper.add_friction("purchase", "shop-till", "The queue at the till is long")
    mapper.add_friction("after-sale", "returns-portal", "Shop buyers have no order number")
    mapper.type_opportunity(stage="after-sale", touchpoint="returns-portal", fixes=2)
    mapper.type_opportunity(text="Keep receipts online")
    mapper.add_friction("loyalty", "newsletter", "The newsletter is all about sales")
    assert mapper.work.opportunity_draft.fixes == 2
    mapper.remove_friction(1)
    assert mapper.work.opportunity_draft.fixes == 1
    mapper.add_opportunity_from_form()
    assert mapper.opportunities[0].fixes == 1
    assert mapper.opportunities[0].touchpoint == "returns-portal"
