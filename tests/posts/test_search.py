"""Search result snippets (SEO) and responsive search ads (PPC)."""

from __future__ import annotations

import pytest

from coursework_kit.errors import CourseworkError
from coursework_kit.posts import check_search_ad, check_snippet
from coursework_kit.posts._widths import pixel_width

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
    (finding,) = [f for f in result.findings if f.rule == "keyword-title"]
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


HEADS = ["Oak Shelves Made in Cumbria", "Free Delivery Over £50", "Harbour & Pine"]
DESCS = ["Solid oak shelves in three sizes.", "Made to last in our Cumbria workshop."]


def test_a_good_ad():
    """Does an ad within every limit pass, with a preview?"""
    ad = check_search_ad(HEADS, DESCS, path1="Shelves", path2="Oak", keyword="oak shelves")
    assert ad.ready
    assert "harbourandpine.example/Shelves/Oak" in ad._repr_html_()
    assert "Sponsored" in ad._repr_html_()


@pytest.mark.parametrize(("headline", "ok"), [("h" * 30, True), ("h" * 31, False)])
def test_headline_30_characters(headline, ok):
    """Is a headline of 31 characters refused and one of 30 accepted?"""
    assert check_search_ad([*HEADS[:2], headline], DESCS).ready is ok


@pytest.mark.parametrize(("description", "ok"), [("d" * 90, True), ("d" * 91, False)])
def test_description_90_characters(description, ok):
    """Is a description of 91 characters refused and one of 90 accepted?"""
    assert check_search_ad(HEADS, [DESCS[0], description]).ready is ok


@pytest.mark.parametrize(("path", "ok"), [("p" * 15, True), ("p" * 16, False)])
def test_path_15_characters(path, ok):
    """Is a display path field of 16 characters refused?"""
    assert check_search_ad(HEADS, DESCS, path1=path).ready is ok
    assert check_search_ad(HEADS, DESCS, path1="Shelves", path2=path).ready is ok


@pytest.mark.parametrize(
    ("heads", "descs", "rule"),
    [
        (HEADS[:2], DESCS, "headline-count"),
        (HEADS * 6, DESCS, "headline-count"),
        (HEADS, DESCS[:1], "description-count"),
        (HEADS, DESCS * 3, "description-count"),
        ([*HEADS[:2], "Big Sale Now!"], DESCS, "headline-punctuation"),
        ([*HEADS[:2], "FREE Delivery"], DESCS, "capitals"),
    ],
)
def test_ad_must_fix(heads, descs, rule):
    """Are too few or too many parts, and Google's editorial rules, must fixes?"""
    assert rule in check_search_ad(heads, descs).rules("must fix")


def test_ad_should_fix_and_errors():
    """Are repeats and a missing keyword flagged, and a single string refused plainly?"""
    ad = check_search_ad([*HEADS, HEADS[0]], DESCS, keyword="wool throws")
    assert {"headline-repeated", "keyword-headline"} <= ad.rules("should fix")
    assert "path-order" in check_search_ad(HEADS, DESCS, path2="Oak").rules("must fix")
    with pytest.raises(CourseworkError, match="lists of text"):
        check_search_ad("Oak shelves", DESCS)
