"""The calculator's logic: typed text in, answer, working and meaning out."""

from __future__ import annotations

import inspect

import pytest

from coursework_kit.metrics.calculation import calculate, metric_specs


def test_every_menu_entry_matches_a_metric_function():
    """Does every calculator entry name a real function whose parameters are its inputs?"""
    specs = metric_specs()
    assert len(specs) == 20
    for spec in specs.values():
        parameters = inspect.signature(spec.function()).parameters
        required = [n for n, p in parameters.items() if p.default is inspect.Parameter.empty]
        names = [i.name for i in spec.inputs]
        assert set(required) <= set(names) <= set(parameters), spec.id


def test_typed_figures_give_answer_working_and_meaning():
    """Does "45" and "1,800" give 2.50% with the working and a plain sentence?"""
    result = calculate("ctr", {"clicks": "45", "impressions": "1,800"})
    assert result.ok
    assert result.value == pytest.approx(2.5)
    assert result.answer == "2.50%"
    assert result.worked == "45 ÷ 1,800 × 100 = 2.50%"
    assert result.meaning.startswith("2.50% of the times")
    assert "clicks ÷ impressions × 100" in result._repr_html_()


def test_money_inputs_with_pound_signs():
    """Does "£250" over "400" clicks give a CPC of £0.63 with £ in the working?"""
    result = calculate("cpc", {"cost": "£250", "clicks": "400"})
    assert result.answer == "£0.63"
    assert result.worked == "£250.00 ÷ 400 = £0.63"


def test_each_bad_box_gets_its_own_message():
    """Does each wrong box get its own message, so the widget can show it beside that box?"""
    result = calculate("cpc", {"cost": "lots", "clicks": ""})
    assert not result.ok
    assert set(result.errors) == {"cost", "clicks"}
    assert "is not a number" in result.errors["cost"]
    assert "Type a number for clicks" in result.errors["clicks"]
    assert "Not worked out yet" in result._repr_html_()


def test_a_rule_broken_between_boxes_is_reported_overall():
    """Is clicks > impressions reported as a problem with the figures together?"""
    result = calculate("ctr", {"clicks": "500", "impressions": "400"})
    assert "cannot be more than" in result.errors[""]


@pytest.mark.parametrize(
    ("metric", "inputs", "answer"),
    [
        ("csat", {"ratings": "5, 4, 3, 5"}, "75.00%"),
        ("nps", {"scores": "10 9 3 7"}, "+25.0"),
        (
            "clv",
            {"aov": "£60", "purchases_per_year": "4", "years": "3", "margin": "40%"},
            "£288.00",
        ),
        ("clv", {"aov": "60", "purchases_per_year": "4", "years": "3"}, "£720.00"),
        ("aht", {"total_handle_seconds": "36,000", "contacts": "80"}, "450 seconds (7 min 30 s)"),
        ("roas", {"revenue": "2,000", "ad_spend": "500"}, "4.00"),
        ("roi", {"revenue": "300", "cost": "500"}, "-40.00%"),
    ],
)
def test_every_kind_of_input(metric, inputs, answer):
    """Do lists, fractions, seconds, ratios and negative results come out right?"""
    assert calculate(metric, inputs).answer == answer


def test_ab_test_through_the_calculator():
    """Does the A/B test give z, p and the verdict in words?"""
    result = calculate(
        "ab_test",
        {
            "conversions_a": "200",
            "visitors_a": "10,000",
            "conversions_b": "260",
            "visitors_b": "10,000",
        },
    )
    assert result.answer == "z = 2.83, p = 0.005: significant"
    assert "unlikely to be chance" in result.meaning


def test_unknown_metric_lists_the_choices():
    """Does asking for a metric that does not exist list the ones that do?"""
    with pytest.raises(KeyError, match="choose one of 'ctr'"):
        calculate("ctrr", {})
