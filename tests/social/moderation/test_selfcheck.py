"""Self-checks in the workbook: an action or route typed in place of None."""

from __future__ import annotations

import pytest

from coursework_kit.social import ModerationError, check_choice


def test_blank_answer_asks_for_one():
    """Does a None answer ask the learner to type one, without saying right or wrong?"""
    result = check_choice("phone-number-public", None)
    assert not result.answered
    assert repr(result) == "Type your answer in place of None, then run the cell again."


def test_right_and_wrong_actions():
    """Is the best action Right!, and a wrong one Not yet with a hint from the policy?"""
    right = check_choice("phone-number-public", "hide")
    assert repr(right).startswith("Right! ")
    assert "Policy section 5" in right.message
    wrong = check_choice("phone-number-public", "reply")
    assert repr(wrong).startswith("Not yet. ")
    assert "phone number" in wrong.message
    assert check_choice("phone-number-public", " Hide ").correct


def test_routes_and_unknown_codes():
    """Is the legal route right for a defamatory comment, and an unknown code explained?"""
    assert check_choice("defamation-named-manager", "legal", part="route").correct
    wrong = check_choice("defamation-named-manager", "pr_crisis", part="route")
    assert "escalation matrix" in wrong.message
    unknown = check_choice("defamation-named-manager", "lawyer", part="route")
    assert "Use one of: 'team_leader'" in unknown.message
    assert "in quotes" in check_choice("phone-number-public", 3).message
    assert check_choice("praise-sofa", "none", part="route").correct
    assert not check_choice("safeguarding-dm", "None", part="route").correct
    with pytest.raises(ModerationError, match="part must be"):
        check_choice("phone-number-public", "hide", part="tone")
    assert "✔ Right!" in check_choice("phone-number-public", "hide")._repr_html_()
