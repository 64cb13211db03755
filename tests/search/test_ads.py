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


def _ad(headline=None, description=None):
    heads = [*HEADS, headline] if headline else HEADS
    descs = [DESCS[0], description] if description else DESCS
    return check_search_ad(heads, descs)


def _must_fix(ad, rule):
    return [f for f in ad.findings if f.check == rule and f.severity == "must fix"]


@pytest.mark.parametrize(
    ("headline", "description", "rule", "quoted"),
    [
        (None, "Buy now!!!", "punctuation", "'!!!'"),
        (None, "Ready to start??", "punctuation", "'??'"),
        (None, "Really?! Solid oak from £45.", "punctuation", "'?!'"),
        ("Big Sale... Shop Now", None, "punctuation", "'...'"),
        ("Oak Shelves £££ Off", None, "punctuation", "'£££'"),
        ("Oak Shelves 🔥", None, "symbols", "🔥"),
        (None, "Solid oak 😍 made in Cumbria.", "symbols", "😍"),
        (None, "★ Solid oak ► three sizes", "symbols", "★ ►"),
        (None, "• Solid oak • three sizes", "symbols", "•"),
        ("Oak Shelves → Shop", None, "symbols", "→"),
        ("S A L E on Oak Shelves", None, "gimmicky", "'S A L E'"),
        ("F.R.E.E. Delivery", None, "gimmicky", "'F.R.E.E.'"),
        ("Fl@sh Sale on Oak", None, "gimmicky", "'Fl@sh'"),
        ("Oak Sh3lves Sale", None, "gimmicky", "'Sh3lves'"),
        ("Oak Shelves 4 U", None, "gimmicky", "'4 U'"),
        ("$ave on Oak Shelves", None, "gimmicky", "'$ave'"),
        ("*Free* Delivery on Oak", None, "gimmicky", "'*Free*'"),
        ("Buy Buy Buy Oak Shelves", None, "repetition", "'Buy Buy Buy'"),
        (None, "Deals, deals, deals on solid oak.", "repetition", "'Deals, deals, deals'"),
        ("50% Off 50% Off Oak", None, "repetition", "'50% Off 50% Off'"),
        ("SALE Oak Shelves", None, "capitals", "SALE"),
    ],
)
def test_google_editorial_policy_refuses_gimmicks(headline, description, rule, quoted):
    """Are repeated punctuation ("Buy now!!!"), emoji and eye-catching symbols, gimmicky
    spelling or spacing, repeated words and capitals each a must fix, quoting the ad and
    naming the policy with its date?"""
    ad = _ad(headline, description)
    assert not ad.ready
    (finding,) = _must_fix(ad, rule)
    assert quoted in finding.message
    assert "Google Ads policies, Editorial" in finding.source
    assert "as at 2025" in finding.source


@pytest.mark.parametrize(
    ("headline", "description", "quoted"),
    [
        ("Guaranteed Best Price", None, "'Guaranteed Best Price'"),
        ("#1 Oak Shelf Shop", None, "'#1'"),
        ("No.1 for Oak Shelves", None, "'No.1'"),
        ("The UK's Best Oak Shelves", None, "'UK's Best'"),
        (None, "Lowest prices on solid oak, unbeatable quality.", "'Lowest prices' and "),
        (None, "Top-rated oak shelves from the market leader.", "'Top-rated' and 'market leader'"),
        ("Oak Shelves Can't Be Beaten", None, "'Can't Be Beaten'"),
        ("Cheapest Oak Shelves", None, "'Cheapest'"),
    ],
)
def test_claims_nobody_can_check_must_be_fixed(headline, description, quoted):
    """Are rankings, price claims and "guaranteed best" claims refused, quoted as written and
    naming Google's Misrepresentation policy and the CAP Code with their date?"""
    ad = _ad(headline, description)
    assert not ad.ready
    (finding,) = _must_fix(ad, "claims")
    assert quoted in finding.message
    assert "Misrepresentation" in finding.source
    assert "CAP Code rule 3.7" in finding.source
    assert "as at 2025" in finding.source


@pytest.mark.parametrize(
    ("headline", "description"),
    [
        ("The Best Oak Shelves", None),
        (None, "Our finest solid oak, in three sizes."),
        (None, "The biggest range of oak shelves we have made."),
    ],
)
def test_softer_claims_are_worth_a_fact_instead(headline, description):
    """Is "best" or "finest" on its own worth improving, without stopping the ad?"""
    ad = _ad(headline, description)
    assert ad.ready
    assert "claims" in ad.rules("should fix")


@pytest.mark.parametrize(
    ("headline", "description"),
    [
        ("Made in the U.K. Since 1990", None),
        (None, "Rated 5* by 200 customers. T&Cs apply*"),
        ("Oak Shelves 120x60cm", None),
        (None, "Solid oak, 120 × 60cm, from £45 (about €52)."),
        ("UK Made Oak, 3-Seater Sofa", None),
        (None, "Not the cheapest, but built to last in Cumbria."),
        (None, "Solid oak from £45. Free delivery over £50!"),
        ("Step by Step Fitting Guide", None),
        ("Oak & Pine | Made by Hand", None),
        ("Price Match Promise on Oak", None),
    ],
)
def test_ordinary_ad_writing_passes_the_policy_checks(headline, description):
    """Are star ratings, sizes, short forms, one '!' in a description, '&' and '|', and a
    denied claim ("not the cheapest") left alone?"""
    ad = _ad(headline, description)
    assert ad.ready, ad
    assert not {"punctuation", "symbols", "gimmicky", "repetition", "claims"} & ad.rules()


@pytest.mark.parametrize(
    ("heads", "descs", "said"),
    [
        (HEADS[:1], DESCS[:1], "1 headline, 1 description;"),
        (HEADS, DESCS, "3 headlines, 2 descriptions;"),
        ([], [], "0 headlines, 0 descriptions;"),
    ],
)
def test_the_summary_counts_headlines_and_descriptions(heads, descs, said):
    """Does the summary say "1 headline, 1 description", not "1 headlines, 1 descriptions"?"""
    ad = check_search_ad(heads, descs)
    assert said in ad.summary
    if len(heads) == 1:
        assert "1 headline; at least 3 are needed." in [f.message for f in ad.findings]
