"""The accessible choice group, driven through its methods and its synced state (what the
browser sends), without a browser."""

from __future__ import annotations

import json

import pytest

from coursework_kit._ui.choice import ChoiceGroup
from coursework_kit.errors import CourseworkError, ModerationError, QuizError

CHANNELS = [("Email", "email"), ("Paid search", "search"), ("Social media", "social")]
QUESTION = "Which channel brought the most visits?"


@pytest.fixture
def single():
    return ChoiceGroup(QUESTION, CHANNELS)


@pytest.fixture
def several():
    return ChoiceGroup("Which are personal data?", ["name", "postcode", "email"], multiple=True)


def test_a_new_group_shows_the_question_and_its_choices(single):
    """Does a new group hold the question, the choices in order and nothing chosen?"""
    state = single.get_state()
    assert state["question"] == QUESTION
    assert state["options"] == [list(pair) for pair in CHANNELS]
    assert state["multiple"] is False
    assert single.value is None
    assert single.chosen == ()
    assert single.values == ("email", "search", "social")
    assert single.label("search") == "Paid search"
    json.dumps(single.get_state(["question", "options", "value", "disabled"]))


def test_text_choices_are_their_own_values(several):
    """Is a choice given as text both its label and its value?"""
    assert several.options == [["name", "name"], ["postcode", "postcode"], ["email", "email"]]
    assert several.value == ()


def test_select_one_replaces_the_last_choice(single):
    """Does choosing a radio button take the choice away from the one chosen before?"""
    single.select("search")
    assert single.value == "search"
    single.select("social")
    assert single.value == "social"
    assert single.chosen == ("social",)
    assert single.get_state()["value"] == "social"  # what the browser is sent


def test_select_nothing_clears(single, several):
    """Does select() with nothing, or clear(), leave nothing chosen?"""
    single.select("email")
    single.select()
    assert single.value is None
    several.select("name")
    several.clear()
    assert several.value == ()


def test_a_choice_from_the_browser_is_the_python_value(single, several):
    """When the browser sends a choice (as JSON: text, a list or null), is value the same,
    as text or a tuple?"""
    single.set_state({"value": "social"})
    assert single.value == "social"
    single.set_state({"value": None})
    assert single.value is None
    several.set_state({"value": ["email", "name"]})
    assert several.value == ("name", "email")


def test_several_choices_are_kept_in_the_order_shown_once_each(several):
    """Are ticked boxes given in the order they are shown, however they were chosen?"""
    several.select("email", "name", "email")
    assert several.value == ("name", "email")
    several.select("postcode")
    assert several.value == ("postcode",)  # exactly those ticked, as select says


def test_each_change_is_seen_by_observers(single):
    """Does an activity watching value hear each choice, as it would a click?"""
    seen = []
    single.observe(lambda change: seen.append(change["new"]), names="value")
    single.select("email")
    single.select("search")
    single.clear()
    assert seen == ["email", "search", None]


@pytest.mark.parametrize(
    ("choose", "words"),
    [
        (lambda g: g.select("tv"), "'tv' is not a choice"),
        (lambda g: g.select("email", "search"), "takes one answer, not 2"),
        (lambda g: setattr(g, "value", ["email"]), "takes one answer, as text"),
        (lambda g: setattr(g, "value", 3), "takes one answer, as text"),
        (lambda g: g.set_state({"value": "Email"}), "'Email' is not a choice"),  # a label
        (lambda g: g.label("tv"), "'tv' is not a choice"),
    ],
)
def test_a_choice_that_is_not_there_is_refused_in_plain_words(single, choose, words):
    """Is an unknown or extra choice refused with a QuizError saying what can be chosen,
    leaving the choice as it was?"""
    single.select("social")
    with pytest.raises(QuizError) as caught:
        choose(single)
    assert words in str(caught.value)
    assert isinstance(caught.value, CourseworkError)
    assert isinstance(caught.value, ValueError)
    assert single.value == "social"


def test_the_message_names_the_question_and_the_choices(single):
    """Does the message say which question, and list the values that can be chosen?"""
    with pytest.raises(QuizError, match="choose one of: email, search, social") as caught:
        single.select("tv")
    assert QUESTION in str(caught.value)


@pytest.mark.parametrize(
    "value",
    ["name", 7, ["name", "phone"], ["name", 2], [None]],
)
def test_several_choices_refuse_what_is_not_a_list_of_choices(several, value):
    """Does a checkbox group refuse text on its own, a number, or an unknown item?"""
    several.select("email")
    with pytest.raises(QuizError):
        several.value = value
    assert several.value == ("email",)


def test_a_group_raises_its_activitys_own_error():
    """Can the moderation queue have ModerationError for a choice that is not there?"""
    group = ChoiceGroup("What will you do?", ["reply", "hide"], error=ModerationError)
    with pytest.raises(ModerationError, match="'delete' is not a choice"):
        group.select("delete")
    with pytest.raises(ModerationError, match="at least one choice"):
        ChoiceGroup("What will you do?", [], error=ModerationError)


@pytest.mark.parametrize(
    ("question", "options", "words"),
    [
        ("", CHANNELS, "needs a question"),
        ("   ", CHANNELS, "needs a question"),
        (QUESTION, [], "at least one choice"),
        (QUESTION, [("Email", "email"), ("E-mail", "email")], "used twice: ['email']"),
        (QUESTION, ["yes", "yes", "no"], "used twice: ['yes']"),
        (QUESTION, [("", "blank")], "needs words to show"),
        (QUESTION, [("Email", 1)], "must both be text"),
        (QUESTION, [("Email", "email", "extra")], "text or a (label, value) pair"),
        (QUESTION, [None], "text or a (label, value) pair"),
    ],
)
def test_a_group_that_cannot_be_shown_is_refused(question, options, words):
    """Is a group with no question, no choices, a repeated value or a blank label refused?"""
    with pytest.raises(QuizError) as caught:
        ChoiceGroup(question, options)
    assert words in str(caught.value)


def test_a_starting_value_is_checked_too():
    """Is a value given at the start held to the same rules as one chosen later?"""
    assert ChoiceGroup(QUESTION, CHANNELS, value="email").value == "email"
    assert ChoiceGroup("Q?", ["a", "b"], multiple=True, value=["b", "a"]).value == ("a", "b")
    with pytest.raises(QuizError, match="'tv' is not a choice"):
        ChoiceGroup(QUESTION, CHANNELS, value="tv")
    with pytest.raises(QuizError, match="takes a list of answers"):
        ChoiceGroup("Q?", ["a", "b"], multiple=True, value="a")


def test_a_locked_group_refuses_a_click_but_can_be_restored(single):
    """When disabled, is select() (a click) refused, while an activity restoring saved work
    can still set value?"""
    single.disabled = True
    assert single.get_state()["disabled"] is True
    with pytest.raises(QuizError, match="cannot be changed now"):
        single.select("email")
    single.value = "search"
    assert single.value == "search"


def test_new_options_drop_choices_no_longer_there(single, several):
    """When the choices change, is a choice that has gone taken away (and others kept)?"""
    single.select("social")
    single.options = [("Email", "email"), ("Paid search", "search")]
    assert single.value is None
    several.select("name", "email")
    several.options = [("Email", "email"), ("Phone", "phone")]
    assert several.value == ("email",)
    with pytest.raises(QuizError, match="used twice"):
        several.options = [("A", "a"), ("B", "a")]


def test_switching_kind_keeps_what_can_be_kept():
    """Turning a radio group into checkboxes keeps its choice, and back again keeps one."""
    group = ChoiceGroup(QUESTION, CHANNELS, value="email")
    group.multiple = True
    assert group.value == ("email",)
    group.select("email", "social")
    group.multiple = False
    assert group.value is None  # two ticks cannot become one radio button
