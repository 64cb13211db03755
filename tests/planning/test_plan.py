"""Campaign plans as data: every impossible plan is refused with a message that says what to do."""

from __future__ import annotations

from datetime import date

import pytest

from coursework_kit.errors import CourseworkError
from coursework_kit.planning import CampaignPlan, Channel, PlanError, PlanTypeError


def channel(name="paid_social", share=50.0, **changes):
    figures = {
        "cost_model": "cpm",
        "cost": 4.0,
        "ctr": 1.2,
        "conversion_rate": 2.0,
        "aov": 55.0,
        "new_customer_rate": 50.0,
    }
    figures.update(changes)
    return Channel(name, share, **figures)


def plan(*channels, **changes):
    figures = {
        "name": "Test",
        "objective": "acquisition",
        "audience": "UK homeowners",
        "budget": 2000,
        "start": date(2026, 9, 7),
        "end": date(2026, 9, 20),
        "channels": channels or (channel(),),
    }
    figures.update(changes)
    return CampaignPlan(**figures)


def test_errors_belong_to_the_family_and_are_value_errors():
    """Is a PlanError both a CourseworkError and a ValueError, and a PlanTypeError a TypeError?"""
    assert issubclass(PlanError, CourseworkError)
    assert issubclass(PlanError, ValueError)
    assert issubclass(PlanTypeError, TypeError)


def test_allocations_over_100_percent_are_refused():
    """Does a plan giving channels 110% of the budget say by how much to cut?"""
    with pytest.raises(PlanError, match=r"add up to 110% .*Reduce one or more shares by 10"):
        plan(channel("paid_social", 60), channel("email", 50))


def test_allocations_under_100_percent_leave_an_unallocated_remainder():
    """Is a plan using 80% of the budget allowed, with 20% shown as unallocated?"""
    made = plan(channel("paid_social", 50), channel("email", 30))
    assert made.allocated == 80
    assert made.unallocated == 20


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"share": -5}, r"share of budget for paid social cannot be negative"),
        ({"share": 120}, r"share of budget .* cannot be more than 100%"),
        ({"cost": -1}, r"CPM for paid social cannot be negative"),
        ({"cost": 0}, r"CPM of £0 would mean unlimited impressions"),
        ({"ctr": 120}, r"click-through rate for paid social cannot be more than 100%"),
        ({"ctr": -1}, r"click-through rate .* cannot be negative"),
        ({"conversion_rate": 101}, r"conversion rate for paid social cannot be more than 100%"),
        ({"new_customer_rate": 150}, r"new customers .* cannot be more than 100%"),
        ({"aov": -10}, r"average order value for paid social cannot be negative"),
        ({"cost_model": "cpa"}, r"cost model must be 'cpm' .* or 'cpc'"),
        ({"cost_model": "cpc", "ctr": 0}, r"nobody would ever click"),
        ({"ctr": float("nan")}, r"ordinary number"),
    ],
)
def test_impossible_channel_figures_are_refused(changes, message):
    """Does each impossible channel figure raise a PlanError naming the figure?"""
    with pytest.raises(PlanError, match=message):
        channel(**changes)


def test_text_where_a_number_is_needed_is_a_type_error():
    """Does typing '2.5' (text) as a CTR raise a PlanTypeError asking for a number?"""
    with pytest.raises(PlanTypeError, match=r"must be a number, not '2\.5'"):
        channel(ctr="2.5")
    with pytest.raises(PlanTypeError, match="must be a number"):
        channel(share=True)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"budget": 0}, r"budget must be more than £0"),
        ({"budget": -500}, r"budget .* cannot be negative"),
        ({"end": date(2026, 9, 1)}, r"end date \(01 September 2026\) is before the start date"),
        ({"objective": "fame"}, r"'fame' is not an objective .* awareness, acquisition"),
        ({"start": "7/9/2026"}, r"year-month-day"),
        ({"audience": "  "}, r"audience must be some text"),
    ],
)
def test_impossible_plans_are_refused(changes, message):
    """Does each impossible plan raise a PlanError saying what to change?"""
    with pytest.raises(PlanError, match=message):
        plan(**changes)


def test_a_channel_listed_twice_is_refused():
    """Is the same channel twice refused, so its share is not counted twice?"""
    with pytest.raises(PlanError, match="Paid social appears more than once"):
        plan(channel("paid_social", 20), channel("paid_social", 30))


def test_dates_may_be_typed_as_text():
    """Are ISO dates typed as text accepted, and the days counted inclusively?"""
    made = plan(start="2026-09-07", end="2026-09-20")
    assert made.start == date(2026, 9, 7)
    assert made.days == 14


def test_spend_is_budget_times_share():
    """Is a channel's spend the budget × its share, to the penny?"""
    made = plan(channel("paid_social", 33.33), budget=1000)
    assert made.spend("paid_social") == 333.30


def test_unknown_channel_names_list_the_real_ones():
    """Does asking for a channel not in the plan list the ones that are?"""
    with pytest.raises(PlanError, match=r"no channel 'tv'.*paid_social"):
        plan().channel("tv")


def test_with_assumption_checks_the_new_value():
    """Does changing an assumption to something impossible raise, leaving the plan unchanged?"""
    made = plan()
    assert made.with_assumption("paid_social", "ctr", 2).channel("paid_social").ctr == 2
    with pytest.raises(PlanError, match="cannot be more than 100%"):
        made.with_assumption("paid_social", "ctr", 200)
    with pytest.raises(PlanError, match="not an assumption"):
        made.with_assumption("paid_social", "colour", 2)
    assert made.channel("paid_social").ctr == 1.2


class TestRebalancing:
    """Shares always add up to 100% with the unallocated remainder, and never more."""

    def three(self):
        return plan(channel("a", 50), channel("b", 30), channel("c", 10))

    def test_a_rise_takes_from_unallocated_first(self):
        """Does raising a share use the unallocated 10% before touching other channels?"""
        made = self.three().with_share_rebalanced("c", 20)
        assert [c.share for c in made.channels] == [50, 30, 20]
        assert made.unallocated == 0

    def test_a_bigger_rise_shrinks_the_others_in_proportion(self):
        """Does raising c to 40% take the extra 20 points from a and b in a 5:3 ratio?"""
        made = self.three().with_share_rebalanced("c", 40)
        # room = 100 − 80 = 20, so 40 − 10 − 10 = 20 points are needed from a and b (80 in all):
        # each keeps (80 − 20) ÷ 80 = 75% of its share: a 37.5, b 22.5.
        assert [c.share for c in made.channels] == [37.5, 22.5, 40]
        assert made.allocated == 100

    def test_a_fall_goes_to_unallocated(self):
        """Does lowering a share leave the others alone and show the rest as unallocated?"""
        made = self.three().with_share_rebalanced("a", 20)
        assert [c.share for c in made.channels] == [20, 30, 10]
        assert made.unallocated == 40

    def test_rounding_never_pushes_the_total_past_100(self):
        """With awkward thirds, do the shares still total exactly 100%?"""
        made = plan(channel("a", 33.33), channel("b", 33.33), channel("c", 33.34))
        for target in (1, 17.77, 50, 66.67, 99.99, 100):
            changed = made.with_share_rebalanced("a", target)
            assert changed.allocated <= 100
            assert round(changed.allocated + changed.unallocated, 2) == 100
            if target > 33.33:  # a rise past the room there was: fully allocated
                assert round(changed.allocated, 2) == 100
            assert all(c.share >= 0 for c in changed.channels)

    def test_a_share_over_100_is_refused(self):
        """Is asking for 150% refused with a plain message?"""
        with pytest.raises(PlanError, match="cannot be more than 100%"):
            self.three().with_share_rebalanced("a", 150)
