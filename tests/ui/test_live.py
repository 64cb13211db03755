"""The live region, driven through its methods, without a browser (the browser tests check
that its element is drawn once and kept)."""

from __future__ import annotations

import pytest

from coursework_kit._ui.live import LiveRegion


class _Result:
    def _repr_html_(self) -> str:
        return "<div role='status'><strong>Right!</strong> 2.50%</div>"


@pytest.fixture
def region():
    return LiveRegion()


def _updates(widget, monkeypatch):
    """The state updates the widget sends to the browser from now on."""
    sent = []

    def send(message, buffers=None):
        if message.get("method") == "update":
            sent.append(message["state"])

    monkeypatch.setattr(widget, "_send", send)
    return sent


def test_text_is_shown_as_written(region):
    """Is text shown as text, so a learner's <b> or & cannot become markup?"""
    region.announce("Clicks <b> & impressions")
    assert region.html == "Clicks &lt;b&gt; &amp; impressions"


def test_a_result_is_shown_as_its_html(region):
    """Is a check's result (anything with _repr_html_) shown as its own HTML?"""
    region.announce(_Result())
    assert region.html == _Result()._repr_html_()


def test_each_announcement_replaces_the_last(region):
    """Does each announcement take the place of the one before (one message at a time)?"""
    for text in ("First.", "Second.", "Third."):
        region.announce(text)
    assert region.html == "Third."
    assert region.said == 3


def test_the_same_words_again_are_sent_again(region, monkeypatch):
    """Is saying the same thing twice still sent to the browser (so it is read out again),
    even though the words have not changed?"""
    region.announce("Choose an answer first.")
    sent = _updates(region, monkeypatch)
    region.announce("Choose an answer first.")
    assert sent == [{"_said": 2}]


def test_words_and_count_go_to_the_browser_together(region, monkeypatch):
    """Do the new words and the count arrive in one update, so the browser never reads out
    the old words for a new announcement?"""
    sent = _updates(region, monkeypatch)
    region.announce("Saved.")
    region.clear()
    assert sent == [{"html": "Saved.", "_said": 1}, {"html": "", "_said": 2}]


def test_clear_empties_the_region(region):
    """Does clear() leave nothing to read?"""
    region.announce("Saved.")
    region.clear()
    assert region.html == ""
    assert region.said == 2


def test_polite_by_default_assertive_for_problems():
    """Is a region polite unless made for problems that need saying at once?"""
    assert LiveRegion().assertive is False
    problems = LiveRegion(assertive=True)
    assert problems.get_state()["assertive"] is True


def test_each_region_has_its_own_id_for_describedby():
    """Does each region get an id of its own (for a choice group's describedby), or keep
    the one it is given?"""
    ids = {LiveRegion().element_id for _ in range(20)}
    assert len(ids) == 20
    assert all(i.startswith("ck-live-") for i in ids)
    assert LiveRegion(element_id="quiz-problems").element_id == "quiz-problems"
    assert LiveRegion(element_id="quiz-problems").get_state()["element_id"] == "quiz-problems"
