"""A hint for each common slip, that names the slip and never gives the answer away."""

from __future__ import annotations

import pytest

from coursework_kit.metrics import check_answer

RATINGS = [5, 4, 3, 5, 2, 4, 5, 1]  # CSAT 62.5%: 5 of 8 are 4 or 5; average 3.625


@pytest.mark.parametrize(
    ("metric", "answer", "figures", "words", "secret"),
    [
        # ROI typed as revenue ÷ cost × 100 (ROI is 200%)
        ("roi", 300, {"revenue": 1500, "cost": 500}, "revenue ÷ cost × 100", "200"),
        ("roi", 225, {"revenue": 900, "cost": 400}, "revenue ÷ cost × 100", "125"),
        ("roi", 2.25, {"revenue": 900, "cost": 400}, "return on ad spend", "125"),
        ("roi", 500, {"revenue": 900, "cost": 400}, "profit in pounds", "125"),
        ("roi", 1.25, {"revenue": 900, "cost": 400}, "did not multiply by 100", "125%"),
        # CSAT as a fraction, as the average rating, as a count
        ("csat", 0.625, {"ratings": RATINGS}, "as a fraction", "62.5"),
        ("csat", "0.625", {"ratings": RATINGS}, "as a fraction", "62.5"),
        ("csat", 3.625, {"ratings": RATINGS}, "average rating", "62.5"),
        ("csat", 5, {"ratings": RATINGS}, "how many ratings were 4 or 5", "62.5"),
        ("csat", 75, {"ratings": RATINGS}, "a 3 is not satisfied", "62.5"),
        # AHT in minutes, or as minutes.seconds (AHT is 450 seconds)
        ("aht", 7.5, {"total_handle_seconds": 36000, "contacts": 80}, "in minutes", "450"),
        ("aht", 7.3, {"total_handle_seconds": 36000, "contacts": 80}, "minutes and seconds", "450"),
        ("aht", 3, {"total_handle_seconds": 18000, "contacts": 100}, "in minutes", "180"),
        # ROAS as a percentage (ROAS is 4), or worked out as ROI is
        ("roas", 400, {"revenue": 2000, "ad_spend": 500}, "not a percentage", "4.00"),
        ("roas", "400%", {"revenue": 2000, "ad_spend": 500}, "not a percentage", "4.00"),
        ("roas", 350, {"revenue": 1750, "ad_spend": 500}, "not a percentage", "3.5"),
        ("roas", 250, {"revenue": 1750, "ad_spend": 500}, "took the ad spend away", "3.5"),
        ("roas", 3, {"revenue": 2000, "ad_spend": 500}, "took the ad spend away", "4.00"),
        # × 100 forgotten or done twice, on a small rate too
        ("ctr", 0.00025, {"clicks": 12, "impressions": 48000}, "did not multiply by 100", "0.025"),
        ("open_rate", 0.25, {"opens": 800, "delivered": 3200}, "did not multiply by 100", "25%"),
        ("fcr", 75, {"resolved_first_contact": 72, "contacts": 9600}, "100 twice", "0.75"),
        # wrong way round, wrong sign, rounded away or too far
        ("conversion_rate", 4000, {"conversions": 30, "visitors": 1200}, "wrong way", "2.5"),
        ("cpc", 1.6, {"cost": 250, "clicks": 400}, "wrong way round", "0.63"),
        ("roi", 40, {"revenue": 300, "cost": 500}, "sign", "-40"),
        ("ctr", 0, {"clicks": 12, "impressions": 48000}, "not 0", "0.025"),
        ("ctr", 0.03, {"clicks": 12, "impressions": 48000}, "small", "0.025"),
        ("ctr", 2.5, {"clicks": 45, "impressions": 1830}, "rounded too far", "2.46"),
    ],
)
def test_each_slip_gets_its_hint(metric, answer, figures, words, secret):
    """Is the slip named, and the right answer kept back?"""
    result = check_answer(metric, answer, **figures)
    assert not result.correct
    assert words in result.message
    assert secret not in result.message


def test_the_slips_do_not_fire_on_right_answers():
    """Is each right answer simply right, with no slip hint?"""
    assert check_answer("roi", 200, revenue=1500, cost=500).correct
    assert check_answer("csat", 62.5, ratings=RATINGS).correct
    assert check_answer("aht", 450, total_handle_seconds=36000, contacts=80).correct
    assert check_answer("roas", 4, ad_spend=500, revenue=2000).correct


def test_a_percent_sign_where_none_belongs_is_noted():
    """Is "4%" for a ROAS of 4 right, with a note that ROAS is not a percentage?"""
    result = check_answer("roas", "4%", revenue=2000, ad_spend=500)
    assert result.correct
    assert "leave out the % sign" in result.message


def test_rounding_told_is_named_in_the_hint():
    """Told to round to 2 places, is a 1-place answer asked for 2 places?"""
    result = check_answer("ctr", 2.5, clicks=45, impressions=1830, places=2)
    assert not result.correct
    assert "Round to 2 decimal places" in result.message
