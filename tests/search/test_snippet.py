"""Search result snippets (SEO): lengths, the keyword, and the title's width in pixels."""

from __future__ import annotations

import pytest

from coursework_kit.search import check_snippet
from coursework_kit.search._widths import pixel_width

TITLE = "Oak shelves made in Cumbria | Harbour & Pine"
DESCRIPTION = (
    "Solid oak shelves made in our Cumbria workshop from trees grown to be replanted. "
    "Three sizes, free delivery over £50."
)


def test_a_good_snippet():
    """Does a title and description of the right length, keyword first, pass?"""
    result = check_snippet(TITLE, DESCRIPTION, keyword="oak shelves")
    assert result.rules("should fix") == set()
    assert {"title-length", "description-length", "keyword-title", "keyword-description"} <= (
        result.rules("good")
    )
    html = result._repr_html_()
    assert "<b>oak shelves</b>" in html.lower()
    assert "Oak shelves made in Cumbria" in html


@pytest.mark.parametrize(
    ("title", "flagged"),
    [
        ("A" * 29, True),
        ("Oak shelves | Harbour & Pine: solid wood", False),
        ("Oak shelves, bookcases and wall units made in Cumbria | Harbour & Pine", True),
        ("WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW", True),  # 43 wide letters: too many pixels
    ],
)
def test_title_length(title, flagged):
    """Is a title too short, too long, or too wide in pixels flagged?"""
    result = check_snippet(title, DESCRIPTION)
    assert ("title-length" in result.rules("should fix")) is flagged


@pytest.mark.parametrize(
    ("length", "flagged"), [(69, True), (70, False), (160, False), (161, True)]
)
def test_description_length(length, flagged):
    """Is a meta description shorter than 70 or longer than 160 characters flagged?"""
    description = ("Oak_shelf_" * 30)[:length]
    result = check_snippet(TITLE, description)
    assert ("description-length" in result.rules("should fix")) is flagged


@pytest.mark.parametrize(
    ("title", "severity"),
    [
        ("Oak shelves made in Cumbria | Harbour & Pine", "good"),
        ("Harbour & Pine: handmade furniture and oak shelves", "should fix"),
        ("Harbour & Pine | Handmade furniture from Cumbria", "should fix"),
    ],
)
def test_keyword_near_the_start_of_the_title(title, severity):
    """Is the keyword expected near the start of the title?"""
    result = check_snippet(title, DESCRIPTION, keyword="oak shelves")
    (finding,) = [f for f in result.findings if f.check == "keyword-title"]
    assert finding.severity == severity
    assert finding.why


def test_keyword_stuffing():
    """Is a keyword repeated three or more times flagged as stuffing?"""
    result = check_snippet(
        "Oak shelves | Oak shelves UK | Harbour & Pine",
        "Oak shelves for every room: our oak shelves are the oak shelves you need at home.",
        keyword="oak shelves",
    )
    assert "keyword-stuffing" in result.rules("should fix")


def test_pixel_width_of_wide_and_narrow_letters():
    """Do wide letters take more pixels than narrow ones, as in a real title?"""
    assert pixel_width("W" * 10) > 3 * pixel_width("i" * 10)
    assert pixel_width("Harbour & Pine") == pytest.approx(136.7, abs=0.1)


@pytest.mark.parametrize(
    ("title", "description", "said"),
    [
        ("a", "b", ["Title 1 character", "description 1 character:", "only 1 character."]),
        ("ab", "", ["Title 2 characters", "description 0 characters:"]),
    ],
)
def test_lengths_are_counted_in_the_singular_after_1(title, description, said):
    """Is a one-letter title "1 character", never "1 characters"?"""
    snippet = check_snippet(title, description)
    shown = repr(snippet) + snippet._repr_html_()
    assert all(words in shown for words in said)
    assert "1 characters" not in shown
