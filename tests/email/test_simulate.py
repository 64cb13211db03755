"""Simulated results: deterministic per learner, built on the metric functions."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest

from coursework_kit.datasets import load_email_sends
from coursework_kit.email import Campaign, CampaignError, simulate_results
from coursework_kit.email import simulate as simulate_module
from coursework_kit.email.simulate import BaseRates
from coursework_kit.metrics import click_to_open_rate, open_rate, unsubscribe_rate

GOOD = Campaign(
    subject="{first_name|Hello}, our new spring bedding is here",
    preview_text="Soft linen in six colours",
    body="Hi {first_name|there},",
    calls_to_action=("Shop spring bedding",),
    sender_name="Harbour & Pine",
    sender_email="hello@harbourandpine.example",
    unsubscribe_link="https://harbourandpine.example/unsubscribe",
    segment="all",
    send_at=datetime(2026, 12, 1, 14, 0),
)


def test_same_learner_same_results_other_learner_different():
    """Does a learner always get the same figures, and another learner different ones?"""
    first = simulate_results(GOOD, 5000, learner="ab123")
    assert simulate_results(GOOD, 5000, learner="ab123") == first
    assert simulate_results(GOOD, 5000, learner="cd456") != first


def test_rates_come_from_the_metric_functions(monkeypatch):
    """Are the rates exactly what the metric functions give for the simulated counts?"""
    calls = []

    def spy(function):
        def wrapped(*args):
            calls.append(function.__name__)
            return function(*args)

        return wrapped

    for name in ("open_rate", "click_to_open_rate", "unsubscribe_rate"):
        monkeypatch.setattr(simulate_module, name, spy(getattr(simulate_module, name)))
    result = simulate_results(GOOD, 5000, learner="ab123")
    assert {"open_rate", "click_to_open_rate", "unsubscribe_rate"} <= set(calls)
    assert result.open_rate == open_rate(result.opens, result.delivered)
    assert result.click_to_open_rate == click_to_open_rate(result.clicks, result.opens)
    assert result.unsubscribe_rate == unsubscribe_rate(result.unsubscribes, result.delivered)


def test_base_rates_are_worked_out_from_totals_of_the_history():
    """Are the base rates the history's totals, not an average of weekly rates?"""
    sends = load_email_sends(learner="ab123")
    base = BaseRates.from_history(sends)
    assert base.open == pytest.approx(sends["opens"].sum() / sends["delivered"].sum())
    assert base.click_to_open == pytest.approx(sends["clicks"].sum() / sends["opens"].sum())


def test_learner_variation_is_small():
    """With no effects in play, is the learner's open rate within 5% of the history's?"""
    plain = replace(GOOD, subject="Our new spring bedding is here", body="Hello")
    result = simulate_results(plain, 100_000, learner="ef789")
    base = BaseRates.from_history(load_email_sends(learner="ef789")).open * 100
    assert 0.94 * base <= result.open_rate <= 1.06 * base


@pytest.mark.parametrize(
    ("change", "measure", "lower"),
    [
        ({"subject": "Our new spring bedding collection has arrived in every one of our shops"},
         "open_rate", True),
        ({"send_at": datetime(2026, 12, 1, 10, 0)}, "open_rate", False),
        ({"send_at": datetime(2026, 12, 1, 21, 0)}, "open_rate", True),
        ({"segment": "lapsed_customer"}, "open_rate", True),
        ({"segment": "past_purchaser"}, "click_to_open_rate", False),
        ({"calls_to_action": ("Shop now", "Read the blog", "Follow us")},
         "click_to_open_rate", True),
    ],
)  # fmt: skip
def test_choices_move_the_figures_the_documented_way(change, measure, lower):
    """Does each documented choice push its measure the way the table says?"""
    before = getattr(simulate_results(GOOD, 100_000, learner="ab123"), measure)
    after = getattr(simulate_results(replace(GOOD, **change), 100_000, learner="ab123"), measure)
    assert (after < before) if lower else (after > before)


def test_advice_follows_the_choices_that_held_it_back():
    """Does a long subject line and a late send produce advice about both?"""
    poor = replace(
        GOOD,
        subject="Our new spring bedding collection has arrived in every one of our shops",
        send_at=datetime(2026, 12, 1, 21, 0),
    )
    advice = " ".join(simulate_results(poor, 1000, learner="ab123").suggestions)
    assert "Shorten the subject line" in advice
    assert "mid-morning" in advice


def test_results_say_they_are_simulated():
    """Is it honest that nothing was really sent?"""
    result = simulate_results(GOOD, 1000, learner="ab123")
    page = result._repr_html_()
    assert "Simulated results (not a real send)" in page
    assert "made-up email history" in page
    assert result.to_dict()["simulated"] is True


@pytest.mark.parametrize("size", [0, -3, 2.5, True])
def test_an_empty_or_odd_audience_is_refused(size):
    """Is an audience of nobody (or not a whole number) refused plainly?"""
    with pytest.raises(CampaignError):
        simulate_results(GOOD, size, learner="ab123")
