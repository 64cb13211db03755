"""Projections, checked against plans worked out by hand (the arithmetic is in each test)."""

from __future__ import annotations

from datetime import date

import pytest

from coursework_kit.datasets import load_campaigns
from coursework_kit.planning import (
    CampaignPlan,
    Channel,
    PlanError,
    compare,
    default_channels,
    project,
    sensitivity,
)
from coursework_kit.planning.history import history_assumptions, sample_plan
from coursework_kit.planning.projection import whole
from tests.planning.conftest import small_plan


def test_a_cpm_channel_worked_by_hand():
    """Does paid social (CPM) give the funnel worked out by hand?"""
    social = project(small_plan()).channel("paid_social")
    # spend = 2,000 × 60% = £1,200; impressions = 1,200 ÷ 4 × 1,000 = 300,000;
    # clicks = 300,000 × 1.2% = 3,600; orders = 3,600 × 2% = 72; new = 72 × 50% = 36;
    # revenue = 72 × £55 = £3,960.
    assert social.spend == 1200
    assert social.impressions == 300_000
    assert social.clicks == 3_600
    assert social.conversions == 72
    assert social.new_customers == 36
    assert social.revenue == 3960
    # CAC = 1,200 ÷ 36 = £33.33; ROI = (3,960 − 1,200) ÷ 1,200 × 100 = 230%; ROAS = 3.3.
    assert social.cac == pytest.approx(33.3333, abs=1e-4)
    assert social.roi == pytest.approx(230)
    assert social.roas == pytest.approx(3.3)


def test_a_cpc_channel_worked_by_hand():
    """Does paid search (CPC) start from clicks and work back to impressions?"""
    search = project(small_plan()).channel("paid_search")
    # spend = 2,000 × 40% = £800; clicks = 800 ÷ 0.50 = 1,600; impressions = 1,600 ÷ 5% =
    # 32,000; orders = 1,600 × 2.5% = 40; new = 40 × 40% = 16; revenue = 40 × £65 = £2,600.
    assert (search.spend, search.clicks, search.impressions) == (800, 1_600, 32_000)
    assert (search.conversions, search.new_customers, search.revenue) == (40, 16, 2600)
    assert search.cac == 50  # 800 ÷ 16


def test_totals_worked_by_hand():
    """Are the plan's totals the sums of its channels, with returns worked from the sums?"""
    total = project(small_plan())
    # revenue = 3,960 + 2,600 = £6,560; spend £2,000; ROI = (6,560 − 2,000) ÷ 2,000 × 100 =
    # 228%; ROAS = 6,560 ÷ 2,000 = 3.28; CAC = 2,000 ÷ (36 + 16) = £38.46.
    assert total.spend == 2000
    assert total.impressions == 332_000
    assert total.clicks == 5_200
    assert total.conversions == 112
    assert total.revenue == 6560
    assert total.roi == pytest.approx(228)
    assert total.roas == pytest.approx(3.28)
    assert total.cac == pytest.approx(2000 / 52)
    assert total.unallocated == 0


def test_each_step_is_rounded_before_the_next():
    """Is each count rounded (halves up) before the next step, as done by hand?"""
    plan = CampaignPlan(
        "Rounding",
        "awareness",
        "Anyone",
        1000,
        date(2026, 1, 1),
        date(2026, 1, 2),
        (Channel("display", 100, "cpm", 3, 0.15, 1.5, 40, 100),),
    )
    display = project(plan).channel("display")
    # impressions = 1,000 ÷ 3 × 1,000 = 333,333.3 -> 333,333; clicks = 333,333 × 0.15% =
    # 499.9995 -> 500; orders = 500 × 1.5% = 7.5 -> 8 (a half rounds up); revenue = 8 × 40.
    assert (display.impressions, display.clicks, display.conversions) == (333_333, 500, 8)
    assert display.revenue == 320
    assert whole(0.5) == 1
    assert whole(2.4999) == 2
    assert whole(0.145 * 100) == 15  # 14.499999999999998 in floating point, meant as 14.5


def test_unallocated_budget_is_not_spent():
    """Does a plan using 75% of the budget spend only that, and show the rest?"""
    plan = CampaignPlan(
        "Part",
        "retention",
        "Customers",
        4000,
        date(2026, 1, 1),
        date(2026, 1, 31),
        (Channel("email", 75, "cpm", 2, 4, 3, 60, 10),),
    )
    found = project(plan)
    assert found.spend == 3000
    assert found.unallocated == 1000
    assert "Unallocated budget: £1,000.00" in found._repr_html_()


def test_returns_are_not_available_without_spend_or_new_customers():
    """With no spend or no new customers, are ROI, ROAS and CAC 'n/a' rather than an error?"""
    plan = CampaignPlan(
        "Zero",
        "retention",
        "Customers",
        1000,
        date(2026, 1, 1),
        date(2026, 1, 31),
        (Channel("email", 0, "cpm", 2, 4, 3, 60, 0),),
    )
    found = project(plan)
    assert (found.roi, found.roas, found.cac) == (None, None, None)
    assert found.table()[-1]["ROI"] == "n/a (no spend)"
    assert found.table()[-1]["CAC"] == "n/a (no spend)"
    assert found.why_not("roas") == "no spend"


def test_sensitivity_ctr_20_percent_lower():
    """With every CTR 20% lower, do clicks, orders and revenue fall as worked by hand?"""
    result = sensitivity(small_plan(), "ctr", -20)
    # Paid social: CTR 1.2% -> 0.96%: clicks 300,000 × 0.96% = 2,880; orders 57.6 -> 58;
    # revenue 58 × 55 = £3,190. Paid search pays per click, so clicks stay 1,600 and only the
    # impressions change: 1,600 ÷ 4% = 40,000. Revenue 3,190 + 2,600 = £5,790.
    assert result.second.channel("paid_social").clicks == 2_880
    assert result.second.channel("paid_search").impressions == 40_000
    assert result.second.revenue == 5790
    assert result.difference("revenue") == pytest.approx(5790 - 6560)
    assert result.difference("roi") == pytest.approx(189.5 - 228)
    assert result.second_label == "Click-through rate 20% lower (every channel)"
    rows = {row["Measure"]: row for row in result.table()}
    assert rows["ROI"]["Difference"] == "-38.50 percentage points"
    assert rows["Revenue"]["Difference"] == "-£770.00"


def test_sensitivity_on_one_channel_only():
    """Does limiting the change to one channel leave the other as planned?"""
    result = sensitivity(small_plan(), "conversion_rate", 50, channel="paid_search")
    # Paid search conversion 2.5% -> 3.75%: orders 1,600 × 3.75% = 60 (was 40).
    assert result.second.channel("paid_search").conversions == 60
    assert result.second.channel("paid_social") == result.first.channel("paid_social")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("colour", -20), "not an assumption"),
        (("ctr", -100), "above -100"),
        (("ctr", "lower"), "above -100"),
    ],
)
def test_bad_sensitivity_requests_are_refused(args, message):
    """Is an unknown assumption, or a change of -100% or less, refused plainly?"""
    with pytest.raises(PlanError, match=message):
        sensitivity(small_plan(), *args)


def test_a_change_that_makes_a_rate_impossible_is_refused():
    """Would a conversion rate pushed over 100% be caught by the plan's own checks?"""
    plan = small_plan().with_assumption("paid_search", "conversion_rate", 80)
    with pytest.raises(PlanError, match="cannot be more than 100%"):
        sensitivity(plan, "conversion_rate", 50)


def test_two_plans_side_by_side():
    """Do two budgets compare measure by measure, second minus first?"""
    result = compare(small_plan(2000), small_plan(3000).with_allocation("paid_social", 60))
    # Budget 3,000: social 1,800 -> 450,000 imps -> 5,400 clicks -> 108 orders -> £5,940;
    # search 1,200 -> 2,400 clicks -> 60 orders -> £3,900. Revenue £9,840, vs £6,560.
    assert result.second.revenue == 9840
    assert result.difference("revenue") == 3280
    assert result.difference("spend") == 1000
    assert result.first_label == "Two-week test (1)"
    assert "Difference" in result._repr_html_()


def test_defaults_come_from_totals_not_averages_of_weekly_rates():
    """Is each default rate worked out from the channel's totals over all weeks?"""
    data = load_campaigns()
    search = data[data["channel"] == "paid_search"]
    found = history_assumptions(data)["paid_search"]
    assert found["ctr"] == pytest.approx(search["clicks"].sum() / search["impressions"].sum() * 100)
    assert found["cost"] == pytest.approx(search["spend"].sum() / search["clicks"].sum(), abs=1e-6)
    assert found["conversion_rate"] == pytest.approx(
        search["conversions"].sum() / search["clicks"].sum() * 100
    )
    assert found["aov"] == pytest.approx(search["revenue"].sum() / search["orders"].sum(), 1e-6)
    weekly_average = (search["clicks"] / search["impressions"]).mean() * 100
    assert found["ctr"] != pytest.approx(weekly_average, abs=1e-9)
    display = history_assumptions(data)["display"]
    shown = data[data["channel"] == "display"]
    assert display["cost_model"] == "cpm"
    assert display["cost"] == pytest.approx(
        shown["spend"].sum() / shown["impressions"].sum() * 1000, abs=1e-6
    )


def test_a_learner_gets_defaults_from_their_own_table():
    """Do two learners' default channels differ, following their own figures?"""
    one = default_channels({"paid_social": 100}, data=load_campaigns(learner="ab123"))[0]
    two = default_channels({"paid_social": 100}, data=load_campaigns(learner="cd456"))[0]
    assert one != two
    assert one.cost_model == "cpm"


def test_organic_social_has_no_price_to_plan_with():
    """Is asking for organic social defaults refused, saying which channels have history?"""
    with pytest.raises(PlanError, match=r"no paid history for 'organic_social'.*paid_search"):
        default_channels({"organic_social": 10})


def test_the_sample_plan_projects_cleanly():
    """Does the shipped autumn plan use the whole budget and project without error?"""
    plan = sample_plan()
    assert plan.allocated == 100
    found = project(plan)
    assert found.spend == 10_000
    assert found.revenue > 0
    assert "Projection(" in repr(found)
