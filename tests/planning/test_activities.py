"""The activities' data: every file validates, every item can be marked and has feedback."""

from __future__ import annotations

import pytest

from coursework_kit.datasets import load_yaml
from coursework_kit.errors import DatasetError
from coursework_kit.planning import load_activity, load_case_studies
from coursework_kit.planning.activities import activity_ids

EXPECTED = {"campaign-types", "revenue-models", "customer-expectations", "pestle"}


def test_the_four_activities_are_shipped():
    """Are the campaign types, revenue models, expectations and PESTLE activities there?"""
    assert set(activity_ids()) == EXPECTED


@pytest.mark.parametrize("activity_id", sorted(EXPECTED))
def test_every_item_has_an_answer_a_hint_and_feedback(activity_id):
    """Does every item validate, point at a real choice, and carry a hint and feedback?"""
    activity = load_activity(activity_id)
    choices = {c for c, _ in activity.choices}
    for item in activity.items:
        assert item.answer in choices
        assert len(item.hint) > 20
        assert len(item.feedback) > 20
        assert item.feedback != item.hint
    assert "PESTLE" in activity.introduction or activity_id != "pestle"


def test_the_expected_choices_are_offered():
    """Do the activities offer the four expectations, six PESTLE headings and the models?"""
    assert {c for c, _ in load_activity("customer-expectations").choices} == {
        "reliability",
        "assurance",
        "empathy",
        "responsiveness",
    }
    assert len(load_activity("pestle").choices) == 6
    models = {c for c, _ in load_activity("revenue-models").choices}
    assert {"advertising", "subscription", "transaction_fees", "freemium", "affiliate"} <= models


@pytest.mark.parametrize("activity_id", sorted(EXPECTED))
def test_every_choice_is_used_at_least_once(activity_id):
    """Is each choice the answer to at least one item, so none is a dead end?"""
    activity = load_activity(activity_id)
    assert {c for c, _ in activity.choices} == {i.answer for i in activity.items}


def test_marking_gives_feedback_or_a_hint():
    """Does a right answer get the feedback and a wrong one the hint, not the answer?"""
    activity = load_activity("revenue-models")
    right = activity.mark_item("plant-box", "subscription")
    wrong = activity.mark_item("plant-box", "advertising")
    assert right.correct
    assert right.message.startswith("Right:")
    assert not wrong.correct
    assert "regular payment" in wrong.message
    assert "Subscription" not in wrong.message.split(".", 1)[1]


def test_marking_a_whole_activity_counts_the_score():
    """Does marking count right answers and treat missing ones as not answered?"""
    activity = load_activity("campaign-types")
    answers = {i.id: i.answer for i in activity.items[:3]}
    result = activity.mark(answers)
    assert result.score == (3, len(activity.items))
    assert result.items[-1].message == "Choose an answer for this one."
    assert "3 of 8 right" in result._repr_html_()


def test_unknown_items_and_choices_are_refused():
    """Are an unknown item or choice refused with the real ones listed?"""
    activity = load_activity("pestle")
    with pytest.raises(DatasetError, match="no item 'weather'"):
        activity.mark_item("weather", "social")
    with pytest.raises(DatasetError, match="'money' is not a choice"):
        activity.mark_item("ad-costs", "money")
    with pytest.raises(DatasetError, match="no activity 'quiz'"):
        load_activity("quiz")


def test_a_file_that_breaks_its_schema_is_refused(tmp_path):
    """Is an item without feedback refused by the schema with a plain message?"""
    broken = tmp_path / "broken.yaml"
    broken.write_text(
        "id: broken\ntitle: T\nintroduction: I\nsource: S\n"
        "choices: [{id: a, label: A}, {id: b, label: B}]\n"
        "items:\n  - {id: x, text: X, answer: a, hint: a hint that is long}\n"
    )
    with pytest.raises(DatasetError, match="feedback"):
        load_yaml(broken, schema="planning/activity.schema.json")


def test_case_studies_are_about_made_up_businesses_with_questions():
    """Do the three case studies cover AR, an app and loyalty personalisation, with questions?"""
    studies = load_case_studies()
    assert len(studies) == 3
    technologies = " ".join(s.technology for s in studies).lower()
    for word in ("augmented reality", "app", "loyalty"):
        assert word in technologies
    for study in studies:
        assert len(study.questions) >= 3
        assert "made-up business" in study._repr_html_()
    text = " ".join(" ".join(s.story) for s in studies)
    for brand in ("IKEA", "LEGO", "Starbucks"):
        assert brand not in text
