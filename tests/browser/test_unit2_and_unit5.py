"""The unit 2 moderation queue and the unit 5 campaign planner in a real browser, at 200% zoom
and from the keyboard, with a screenshot of each step; then every activity in every workbook
is checked to fit the notebook's width at 200% zoom."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]

# Controls (not tables, which may scroll sideways) whose right edge is past their activity's.
SPILLING = """() => {
  const found = [];
  const panel = '.jp-NotebookPanel:not(.lm-mod-hidden) ';
  for (const box of document.querySelectorAll(panel + '.widget-vbox[class*="ck-"]')) {
    const right = box.getBoundingClientRect().right;
    for (const el of box.querySelectorAll('.jupyter-widgets')) {
      if (el.querySelector('.jupyter-widgets') || el.classList.contains('widget-html')) continue;
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > right + 1) {
        found.push(`${box.classList[box.classList.length - 1]}: ` +
                   `${el.className.split(' ').pop()} ${Math.round(r.right - right)}px too wide`);
      }
    }
  }
  return found;
}"""

ACTIVITY = '.jp-NotebookPanel:not(.lm-mod-hidden) .widget-vbox[class*="ck-"]'


def test_moderation_queue_from_the_keyboard_at_200_percent(make_learner, shots):
    """At 200% zoom and with the keyboard alone, can a learner choose an action, leave the
    escalation, write a reply, check it and read the feedback?"""
    learner = make_learner(width=640, zoom=2)
    page = learner.page
    queue = learner.activity("workbooks/unit2-moderation.ipynb", ".ck-moderation-queue")
    queue.get_by_text("Item 1 of").wait_for()
    shots(page, "queue-ready")

    radios = queue.get_by_role("radio")
    radios.first.focus()
    page.keyboard.press("Space")  # the first action: reply
    assert radios.first.is_checked()
    # ipywidgets gives each choice its own stop on the Tab key
    for _ in range(radios.count()):
        page.keyboard.press("Tab")
    assert queue.get_by_label("Escalate to").evaluate("e => e === document.activeElement")
    page.keyboard.press("Tab")  # to "Your reply"
    page.keyboard.type(
        "Hi Jas, thank you so much! We'll pass your kind words on to the delivery team."
    )
    page.keyboard.press("Tab")  # to Check
    page.keyboard.press("Enter")
    queue.get_by_text("is the best action here").wait_for()
    assert "Escalation" in queue.inner_text()
    assert "Traceback" not in queue.inner_text()
    assert page.evaluate(SPILLING) == []
    shots(page, "queue-feedback")


def test_campaign_planner_shares_typed_at_200_percent(make_learner, shots):
    """At 200% zoom, can a learner find each channel's share by its label, type a new one,
    and see the others make room so the plan still adds up to 100%?"""
    learner = make_learner(width=640, zoom=2)
    page = learner.page
    planner = learner.activity("workbooks/unit5-integrated-campaigns.ipynb", ".ck-campaign-planner")
    planner.get_by_text("Allocated 100%").wait_for()
    shots(page, "planner-ready")

    search = planner.get_by_label("Paid search", exact=True)
    social = planner.get_by_label("Paid social", exact=True)
    before = float(social.input_value())
    search.fill("50")
    page.keyboard.press("Tab")
    page.wait_for_function(
        "([el, was]) => Number(el.value) < was", arg=[social.element_handle(), before]
    )
    assert "Allocated 100% + unallocated 0% = 100%" in planner.inner_text()
    assert page.evaluate(SPILLING) == []
    shots(page, "planner-rebalanced")


@pytest.mark.parametrize(
    "workbook",
    sorted(p.name for p in (ROOT / "workbooks").glob("unit*.ipynb")),
)
def test_every_activity_fits_at_200_percent(make_learner, shots, workbook):
    """At 200% zoom (a 1280-pixel screen), does every control of every activity stay inside
    the notebook, so nothing is cut off or needs sideways scrolling?"""
    learner = make_learner(width=640, zoom=2)
    page = learner.page
    learner.open(f"workbooks/{workbook}")
    learner.run_all(ACTIVITY)
    # Let every activity draw: wait until the number on the page stops growing.
    seen = -1
    for _ in range(20):
        now = page.locator(ACTIVITY).count()
        if now == seen:
            break
        seen = now
        page.wait_for_timeout(1500)
    assert seen > 0
    assert page.evaluate(SPILLING) == [], workbook
    shots(page, workbook.removesuffix(".ipynb"))
