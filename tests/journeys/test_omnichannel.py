"""The same journey told two ways: multichannel and omnichannel."""

from __future__ import annotations

import pytest

from coursework_kit.errors import CourseworkError, DatasetError
from coursework_kit.journeys import compare_journeys


def test_journey_covers_app_social_shop_and_online_return():
    """Does the journey go app -> social media -> shop -> online return, as the brief asks?"""
    journey = compare_journeys()
    assert [s.channel for s in journey.steps] == ["App", "Social media", "Shop", "Website"]
    assert journey.steps[-1].stage == "after-sale"


def test_multichannel_starts_from_nothing_and_omnichannel_carries_over():
    """Does each later multichannel step make the customer repeat themselves, and each
    omnichannel step carry something over instead?"""
    journey = compare_journeys()
    for step in journey.steps[1:]:
        assert step.multichannel.repeated
        assert step.omnichannel.carried_over
        assert not step.omnichannel.repeated
    assert journey.repeats() >= 5
    assert journey.high_effort_steps("omnichannel") == []
    assert len(journey.high_effort_steps("multichannel")) >= 3


def test_side_by_side_html_with_questions():
    """Is it shown as a table with both versions side by side, icons and words, and questions?"""
    page = compare_journeys()._repr_html_()
    assert "Multichannel: each channel on its own" in page
    assert "Omnichannel: the channels share what they know" in page
    assert "✘ Had to repeat" in page
    assert "✔ Carried over" in page
    assert "Questions to answer" in page
    assert page.count("<li>") == len(compare_journeys().questions)


def test_unknown_version_is_refused():
    """Is asking for a version other than the two refused plainly?"""
    with pytest.raises(CourseworkError, match="multichannel"):
        compare_journeys().high_effort_steps("crosschannel")


def test_a_broken_journey_file_is_reported(tmp_path):
    """Is a tutor's journey file with a missing part refused with where the problem is?"""
    bad = tmp_path / "journey.yaml"
    bad.write_text("id: x\ntitle: X\ncustomer: Sam\nintro: Hi\nsteps: []\nquestions: [Why]\n")
    with pytest.raises(DatasetError, match="steps"):
        compare_journeys(str(bad))
