"""One self-check result for the whole kit (feedback.SelfCheck), under every name notebooks use."""

from __future__ import annotations

from coursework_kit.feedback import SelfCheck


def test_every_self_check_returns_the_one_result():
    """Do the metric, projection and moderation self-checks all return a feedback.SelfCheck,
    and do the old names (ChoiceCheck, FunnelCheck, metrics' SelfCheck) still work?"""
    from coursework_kit.metrics import check_answer
    from coursework_kit.metrics.selfcheck import SelfCheck as MetricCheck
    from coursework_kit.planning import check_projection, project
    from coursework_kit.planning.selfcheck import FunnelCheck
    from coursework_kit.social import ChoiceCheck, check_choice
    from tests.planning.conftest import small_plan

    assert ChoiceCheck is FunnelCheck is MetricCheck is SelfCheck
    results = [
        check_answer("ctr", 2.5, clicks=45, impressions=1800),
        check_projection("revenue", 6560, project(small_plan())),
        check_choice("phone-number-public", "hide"),
    ]
    assert all(type(r) is SelfCheck and r.correct for r in results)
    assert results[0].label == "Click-through rate (CTR)"
    assert results[0].check == "ctr"
    assert results[1].label == "Revenue (whole plan)"


def test_one_way_to_show_a_result():
    """Is each state shown the same way whichever check made it: Right!, Not yet., and a
    blank answer as just the request to type one?"""
    right = SelfCheck(True, "45 ÷ 1,800 × 100 = 2.50%.", label="CTR")
    wrong = SelfCheck(False, "Use the formula.")
    blank = SelfCheck(False, "Type your answer in place of None.", answered=False)
    assert repr(right) == "Right! 45 ÷ 1,800 × 100 = 2.50%."
    assert repr(wrong) == "Not yet. Use the formula."
    assert repr(blank) == "Type your answer in place of None."
    assert "CTR: <strong>✔ Right!</strong>" in right._repr_html_()
    assert "✘ Not yet." in wrong._repr_html_()
    assert "… No answer yet." in blank._repr_html_()
