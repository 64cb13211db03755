"""Responsive search ads (PPC): Google's limits and editorial rules."""

from __future__ import annotations

import pytest

from coursework_kit.errors import CourseworkError
from coursework_kit.search import check_search_ad

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
