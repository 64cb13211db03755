"""The accessible choice group and the live region in a real JupyterLab: what a keyboard and a
screen reader get, checked in Chromium, and axe-core's verdict on both."""

from __future__ import annotations

import json
import re
import urllib.request

import nbformat
import pytest

from tests.browser.axe import axe_violations, describe
from tests.browser.conftest import TOKEN, Learner

pytestmark = pytest.mark.browser

NOTEBOOK = "a11y-choice-group.ipynb"
DEMO = ".jp-NotebookPanel:not(.lm-mod-hidden) .ck-a11y-demo"

# A question, a question with several answers, a region for problems tied to the first
# question, a region for feedback, and buttons that act through the widgets' methods.
CODE = """\
import ipywidgets as w
from coursework_kit._ui.choice import ChoiceGroup
from coursework_kit._ui.live import LiveRegion

problems = LiveRegion(assertive=True)
channel = ChoiceGroup(
    "Which channel brought the most visits?",
    [("Email", "email"), ("Paid search", "search"), ("Social media", "social")],
    describedby=problems.element_id,
)
personal = ChoiceGroup(
    "Which of these are personal data?",
    [("A name", "name"), ("A postcode on its own", "postcode"), ("An email address", "email")],
    multiple=True,
)
feedback = LiveRegion()
echo = w.HTML()
said = [0]


class Result:
    def _repr_html_(self):
        return "<div role='status'><strong>Right!</strong> Email brought the most.</div>"


def show(_change=None):
    echo.value = f"<p class='ck-echo'>channel={channel.value!r} personal={personal.value!r}</p>"


def check(_button):
    if channel.value is None:
        problems.announce("Choose an answer first.")
    else:
        problems.clear()
        feedback.announce(f"You chose {channel.label(channel.value)}.")


def announce(_button):
    said[0] += 1
    feedback.announce(f"Announcement {said[0]}")


def start_again(_button):
    channel.disabled = False
    channel.clear()
    personal.clear()
    problems.clear()
    feedback.clear()


def button(text, action):
    made = w.Button(description=text)
    made.on_click(action)
    return made


channel.observe(show, names="value")
personal.observe(show, names="value")
show()
demo = w.VBox([
    button("Before", lambda _b: None), channel, problems, personal,
    button("Check", check), feedback, echo,
    button("Announce", announce),
    button("Say it again", lambda _b: feedback.announce(f"Announcement {said[0]}")),
    button("Show a result", lambda _b: feedback.announce(Result())),
    button("Choose social media", lambda _b: channel.select("social")),
    button("Lock", lambda _b: setattr(channel, "disabled", True)),
    button("Start again", start_again),
])
demo.add_class("ck-a11y-demo")
demo
"""

ACTIVE = """() => {
  const a = document.activeElement;
  return {tag: a.tagName, type: a.type || '', value: a.value || '', name: a.name || '',
          checked: !!a.checked, text: (a.textContent || '').trim()};
}"""

# The focused element's outline, and the colour behind it (the first ancestor with one).
FOCUS_RING = """() => {
  const a = document.activeElement;
  const style = getComputedStyle(a);
  let node = a, behind = 'rgb(255, 255, 255)';
  while (node) {
    const colour = getComputedStyle(node).backgroundColor;
    if (colour && colour !== 'transparent' && !colour.startsWith('rgba(0, 0, 0, 0)')) {
      behind = colour;
      break;
    }
    node = node.parentElement;
  }
  return {style: style.outlineStyle, width: parseFloat(style.outlineWidth),
          colour: style.outlineColor, behind, visible: a.matches(':focus-visible')};
}"""


def _luminance(colour: str) -> float:
    red, green, blue = (int(v) / 255 for v in re.findall(r"[\d.]+", colour)[:3])

    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)


def contrast(one: str, two: str) -> float:
    """WCAG's contrast ratio of two CSS rgb() colours."""
    light, dark = sorted((_luminance(one), _luminance(two)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_contrast_ratio_matches_wcag():
    """Does the contrast helper give WCAG's figures (21:1 black on white, 4.5:1 #767676)?"""
    assert contrast("rgb(0, 0, 0)", "rgb(255, 255, 255)") == pytest.approx(21)
    assert contrast("rgb(118, 118, 118)", "rgb(255, 255, 255)") == pytest.approx(4.54, abs=0.01)


def _put_notebook(base: str) -> None:
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(CODE)])
    notebook.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    body = json.dumps({"type": "notebook", "format": "json", "content": notebook}).encode()
    request = urllib.request.Request(
        f"{base}/api/contents/{NOTEBOOK}",
        data=body,
        method="PUT",
        headers={"Authorization": f"token {TOKEN}", "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30):
        pass


@pytest.fixture(scope="module")
def demo(lab, browser):
    """The demonstration notebook, run once in a fresh window; its output for each test,
    after "Start again"."""
    _put_notebook(lab)
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, locale="en-GB", timezone_id="Europe/London"
    )
    page = context.new_page()
    page.set_default_timeout(60_000)
    learner = Learner(page, lab)
    learner.open(NOTEBOOK)
    learner.run_all(f"{DEMO} .ck-choice-group")
    yield page
    context.close()


@pytest.fixture
def page(demo):
    box = demo.locator(DEMO)
    box.get_by_role("button", name="Start again").click()
    box.locator(".ck-echo", has_text="channel=None personal=()").wait_for()
    demo.wait_for_function(
        "s => [...document.querySelectorAll(s + ' .ck-live')].every(e => !e.textContent)",
        arg=DEMO,
    )
    return demo


def _active(page) -> dict:
    return page.evaluate(ACTIVE)


def test_radio_buttons_are_one_named_group_under_the_question(page, shots):
    """Is the question the fieldset's legend, and do its radio buttons share one name that
    no other group on the page uses, with each choice labelled?"""
    box = page.locator(DEMO)
    channel = box.get_by_role("group", name="Which channel brought the most visits?")
    assert channel.evaluate("e => e.tagName") == "FIELDSET"
    radios = channel.get_by_role("radio")
    assert radios.count() == 3
    names = {radios.nth(i).get_attribute("name") for i in range(3)}
    assert len(names) == 1
    assert names.isdisjoint({None, ""})
    (name,) = names
    assert page.locator(f"input[name='{name}']").count() == 3  # no other input shares it
    assert channel.get_by_role("radio", name="Paid search").count() == 1
    personal = box.get_by_role("group", name="Which of these are personal data?")
    boxes = personal.get_by_role("checkbox")
    assert boxes.count() == 3
    assert boxes.first.get_attribute("name") != name
    shots(page, "groups")


def test_tab_enters_the_radio_group_once_and_arrows_choose(page, shots):
    """From the keyboard: does Tab stop once on the radio buttons and leave on the next Tab,
    do the arrow keys move and choose (not move JupyterLab's cells), does the kernel's value
    follow, and is the focus ring plain to see?"""
    box = page.locator(DEMO)
    box.get_by_role("button", name="Before").focus()
    page.keyboard.press("Tab")
    now = _active(page)
    assert (now["type"], now["value"], now["checked"]) == ("radio", "email", False)
    ring = page.evaluate(FOCUS_RING)
    assert ring["visible"]
    assert ring["style"] != "none"
    assert ring["width"] >= 2
    assert contrast(ring["colour"], ring["behind"]) >= 3, ring
    shots(page, "focus-on-the-first-choice")

    page.keyboard.press("ArrowDown")
    now = _active(page)
    assert (now["type"], now["value"], now["checked"]) == ("radio", "search", True)
    box.locator(".ck-echo", has_text="channel='search'").wait_for()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")  # past the last: back to the first, as browsers do
    assert _active(page)["value"] == "email"
    page.keyboard.press("ArrowUp")
    assert _active(page)["value"] == "social"
    box.locator(".ck-echo", has_text="channel='social'").wait_for()
    shots(page, "social-media-chosen")

    page.keyboard.press("Tab")  # out of the group: to the first checkbox
    now = _active(page)
    assert (now["type"], now["value"]) == ("checkbox", "name")
    page.keyboard.press("Shift+Tab")  # back in: on the chosen radio button
    now = _active(page)
    assert (now["type"], now["value"], now["checked"]) == ("radio", "social", True)
    page.keyboard.press("Shift+Tab")
    assert _active(page)["text"] == "Before"


def test_each_checkbox_is_a_tab_stop_and_space_ticks(page):
    """Does each checkbox take its own Tab stop, Space tick it, and the kernel see a tuple?"""
    box = page.locator(DEMO)
    box.get_by_role("checkbox", name="A name").focus()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    assert _active(page)["value"] == "postcode"
    page.keyboard.press("Tab")
    assert _active(page)["value"] == "email"
    page.keyboard.press("Space")
    box.locator(".ck-echo", has_text="personal=('name', 'email')").wait_for()


def test_the_kernel_chooses_and_locks_the_group(page):
    """Does select() in the kernel tick the radio button, and disabled lock the group?"""
    box = page.locator(DEMO)
    box.get_by_role("button", name="Choose social media").click()
    social = box.get_by_role("radio", name="Social media")
    page.wait_for_function("e => e.checked", arg=social.element_handle())
    box.get_by_role("button", name="Lock").click()
    page.wait_for_function("e => e.matches(':disabled')", arg=social.element_handle())
    assert social.is_disabled()
    assert box.locator("fieldset:disabled").count() == 1


def test_the_live_region_is_the_same_element_after_each_announcement(page, shots):
    """After three announcements, is the live region still the element first drawn (so
    screen readers keep following it), showing only the latest words?"""
    box = page.locator(DEMO)
    polite = f"{DEMO} .ck-live[role=status]"
    region = page.locator(polite)
    assert region.get_attribute("aria-live") == "polite"
    first = page.evaluate_handle("s => document.querySelector(s)", polite)
    for number in (1, 2, 3):
        box.get_by_role("button", name="Announce").click()
        region.filter(has_text=f"Announcement {number}").wait_for()
    same = page.evaluate(
        "([node, s]) => node.isConnected && node.isSameNode(document.querySelector(s))",
        [first, polite],
    )
    assert same
    assert region.inner_text().strip() == "Announcement 3"
    shots(page, "after-three-announcements")


def test_saying_the_same_again_empties_the_region_first(page):
    """Is a repeated message taken away and put back, so a screen reader reads it again?"""
    box = page.locator(DEMO)
    polite = f"{DEMO} .ck-live[role=status]"
    box.get_by_role("button", name="Announce").click()
    page.locator(polite, has_text="Announcement").wait_for()
    text = page.locator(polite).inner_text().strip()
    page.evaluate(
        """s => {
          const node = document.querySelector(s);
          window.ckSeen = [];
          new MutationObserver(() => window.ckSeen.push(node.textContent))
            .observe(node, {childList: true, subtree: true, characterData: true});
        }""",
        polite,
    )
    box.get_by_role("button", name="Say it again").click()
    page.wait_for_function(
        "t => window.ckSeen.includes('') && window.ckSeen[window.ckSeen.length - 1] === t",
        arg=text,
    )
    assert page.evaluate("() => window.ckSeen.indexOf('')") < page.evaluate(
        "t => window.ckSeen.lastIndexOf(t)", text
    )


def test_a_result_shown_has_no_live_region_of_its_own(page):
    """Is a result's own role="status" taken off, so only the one region speaks?"""
    box = page.locator(DEMO)
    box.get_by_role("button", name="Show a result").click()
    region = page.locator(f"{DEMO} .ck-live[role=status]")
    region.filter(has_text="Email brought the most").wait_for()
    assert region.locator("strong", has_text="Right!").count() == 1
    assert region.locator("[role], [aria-live]").count() == 0


def test_a_problem_is_announced_and_describes_the_question(page, shots):
    """Checking with nothing chosen: is the problem said at once (role="alert") beside the
    question, and read as the radio buttons' description? Does it go once answered?"""
    from playwright.sync_api import expect

    box = page.locator(DEMO)
    box.get_by_role("button", name="Check").click()
    problem = box.get_by_role("alert")
    expect(problem).to_have_text("Choose an answer first.")
    email = box.get_by_role("radio", name="Email")
    expect(email).to_have_accessible_description("Choose an answer first.")
    shots(page, "problem-shown")
    email.check()
    box.locator(".ck-echo", has_text="channel='email'").wait_for()
    box.get_by_role("button", name="Check").click()
    expect(page.locator(f"{DEMO} .ck-live[role=status]")).to_have_text("You chose Email.")
    expect(problem).to_have_text("")
    expect(email).to_have_accessible_description("")


def test_axe_finds_no_serious_problem_in_the_widgets(page, shots):
    """Does axe-core find no serious or critical problem in the groups and regions, with a
    problem showing and a choice made?"""
    box = page.locator(DEMO)
    box.get_by_role("button", name="Check").click()
    box.get_by_role("alert").filter(has_text="Choose an answer").wait_for()
    box.get_by_role("checkbox", name="A name").check()
    found = axe_violations(page, DEMO)
    assert found == [], describe(found)
    shots(page, "checked-by-axe")


def test_axe_helper_reports_what_is_wrong(page):
    """Does the axe helper catch a radio button with no label (so a pass above means
    something), and leave out problems below the impacts asked for?"""
    page.evaluate(
        """() => {
          const bad = document.createElement('div');
          bad.id = 'ck-axe-bad';
          bad.innerHTML = '<input type="radio">';
          document.body.append(bad);
        }"""
    )
    try:
        found = axe_violations(page, "#ck-axe-bad")
        assert "label" in [v["id"] for v in found], describe(found)
        assert {v["impact"] for v in found} <= {"serious", "critical"}
        assert axe_violations(page, "#ck-axe-bad", impacts=["minor"]) == []
    finally:
        page.evaluate("() => document.getElementById('ck-axe-bad').remove()")
