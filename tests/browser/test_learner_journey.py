"""A learner's journey through JupyterLab in a real browser, with a screenshot of each step."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser


def test_start_page_to_unit_1_and_the_calculator(learner, shots):
    """Can a learner open the start page, follow the link to unit 1, run it, and use the
    calculator: an answer for good figures and a plain message for a bad one?"""
    page = learner.page
    learner.open("workbooks/index.ipynb")
    learner.visible("h2:has-text('Your workbooks')").wait_for()
    shots(page, "start-page")

    learner.visible("a:has-text('Measuring online interaction with customers')").click()
    learner.visible("h1:has-text('Unit 1: Measuring')").wait_for()
    learner.run_all(".ck-metric-calculator")
    shots(page, "unit-1-after-run-all")

    calculator = learner.visible(".ck-metric-calculator")
    calculator.scroll_into_view_if_needed()
    calculator.get_by_label("Clicks").fill("45")
    calculator.get_by_label("Impressions").fill("1,800")
    calculator.get_by_role("button", name="Calculate").click()
    answer = calculator.get_by_text("Click-through rate (CTR): 2.50%")
    answer.wait_for()
    assert "45 ÷ 1,800 × 100 = 2.50%" in calculator.inner_text()
    shots(page, "calculator-answer")

    calculator.get_by_label("Clicks").fill("forty")
    calculator.get_by_role("button", name="Calculate").click()
    problem = calculator.get_by_role("alert").filter(has_text="is not a number")
    problem.wait_for()
    assert "Traceback" not in calculator.inner_text()
    shots(page, "calculator-bad-entry")


def test_a_live_chat_and_a_gdpr_decision(learner, shots):
    """Can a learner hold a short live chat (typing, pressing Enter, seeing the customer answer
    and the end-of-chat report) and answer a data protection scenario?"""
    page = learner.page
    chat = learner.activity("workbooks/unit3-contact-centre.ipynb", ".ck-chat")
    shots(page, "unit-3-chat-ready")

    box = chat.get_by_label("Your reply")
    bubbles = chat.locator(".ck-chat-log div[style*='border-radius']")
    before = bubbles.count()
    box.fill(
        "Hello, thanks for contacting Harbour & Pine. I'm so sorry about the double "
        "payment, I can understand how worrying that is."
    )
    box.press("Enter")
    page.wait_for_function(
        "n => document.querySelectorAll('.ck-chat-log div[style*=\"border-radius\"]').length >= n",
        arg=before + 2,
    )
    box.fill("For security, can you confirm your order number and postcode, please?")
    box.press("Enter")
    page.wait_for_function(
        "n => document.querySelectorAll('.ck-chat-log div[style*=\"border-radius\"]').length >= n",
        arg=before + 4,
    )
    assert bubbles.count() >= before + 4
    shots(page, "chat-customer-answered")

    chat.get_by_role("button", name="End chat").click()
    chat.get_by_text("End-of-chat report").wait_for()
    assert re.search(r"Score: \d+%", chat.inner_text())
    chat.get_by_text("CRM contact record").scroll_into_view_if_needed()
    shots(page, "chat-report")

    quiz = learner.visible(".ck-gdpr-scenarios")
    quiz.scroll_into_view_if_needed()
    quiz.locator(".widget-radio-box label").first.click()
    quiz.get_by_label("Your reasoning").fill("Personal data must only go to the account holder.")
    quiz.get_by_role("button", name="Check my answer").click()
    quiz.get_by_text("Source:").first.wait_for()
    assert "Score: 1" in quiz.inner_text() or "Score: 0" in quiz.inner_text()
    shots(page, "gdpr-decision")


def test_keyboard_only_and_200_percent_zoom(make_learner, shots):
    """At 200% zoom, can the calculator be used from the keyboard alone, and does it fit?"""
    learner = make_learner(width=640, zoom=2)  # a 1280-pixel screen at 200% zoom
    page = learner.page
    calculator = learner.activity("workbooks/index.ipynb", ".ck-metric-calculator")
    calculator.get_by_label("Clicks").focus()
    # The calculator reopens with the learner's last figures (an earlier test typed some), so
    # each box is selected and typed over, as a learner would.
    page.keyboard.press("Control+A")
    page.keyboard.type("30")
    page.keyboard.press("Tab")
    page.keyboard.press("Control+A")
    page.keyboard.type("600")
    page.keyboard.press("Tab")  # to the Calculate button
    page.keyboard.press("Enter")
    calculator.get_by_text("Click-through rate (CTR): 5.00%").wait_for()
    width = calculator.evaluate("e => [e.scrollWidth, e.clientWidth]")
    assert width[0] <= width[1] + 1, f"the calculator is wider than its space at 200%: {width}"
    shots(page, "keyboard-and-zoom")
