"""One error family: every error the kit raises on purpose is a CourseworkError, defined in
coursework_kit/errors.py, and also the built-in exception it really is."""

from __future__ import annotations

import ast
import importlib
from dataclasses import dataclass
from pathlib import Path

import pytest

import coursework_kit
from coursework_kit import errors
from coursework_kit.errors import CourseworkError

ROOT = Path(coursework_kit.__file__).resolve().parent


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _exception_classes():
    """Every exception class defined (by a ``class`` statement) anywhere in the package."""
    for path in sorted(ROOT.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = [node.name for node in ast.walk(tree) if isinstance(node, ast.ClassDef)]
        if not names:
            continue
        module = importlib.import_module(_module_name(path))
        for name in names:
            found = getattr(module, name, None)
            if isinstance(found, type) and issubclass(found, BaseException):
                yield found


def test_every_public_exception_class_is_a_coursework_error_defined_in_errors():
    """Does every public exception class derive from CourseworkError and live in errors.py?"""
    found = [c for c in _exception_classes() if not c.__name__.startswith("_")]
    assert CourseworkError in found
    strays = [f"{c.__module__}.{c.__name__}" for c in found if not issubclass(c, CourseworkError)]
    assert strays == [], "derive these from coursework_kit.errors.CourseworkError"
    elsewhere = [f"{c.__module__}.{c.__name__}" for c in found if c.__module__ != errors.__name__]
    assert elsewhere == [], "define these in coursework_kit/errors.py and import them from there"


def test_every_error_in_errors_is_exported_and_built_in_too():
    """Is each error in errors.py in its __all__, and (but the base) a built-in error too?"""
    defined = {
        n
        for n, v in vars(errors).items()
        if isinstance(v, type) and issubclass(v, BaseException) and v.__module__ == errors.__name__
    }
    helpers = {"find_by_id", "quoted"}  # the two functions that build messages
    assert defined | helpers == set(errors.__all__)
    builtin = (ValueError, TypeError, KeyError)
    for name in defined - {"CourseworkError"}:
        assert issubclass(getattr(errors, name), builtin), name


def test_the_old_places_still_name_their_errors():
    """Do the modules that used to define an error still give it (existing imports work)?"""
    from coursework_kit.email.campaign import CampaignError
    from coursework_kit.gdpr import GdprInputError
    from coursework_kit.gdpr.tools import EntryError
    from coursework_kit.journeys import JourneyError
    from coursework_kit.planning import PlanError, PlanTypeError
    from coursework_kit.records import UnreadableRecordError
    from coursework_kit.social import CalendarRuleError, ModerationError, PostsInputError

    for error in (CampaignError, GdprInputError, EntryError, JourneyError, PlanError,
                  PlanTypeError, UnreadableRecordError, CalendarRuleError, ModerationError,
                  PostsInputError):  # fmt: skip
        assert getattr(errors, error.__name__) is error


def test_a_name_the_kit_does_not_have_is_a_key_error_in_plain_words():
    """Is an unknown metric a CourseworkError and a KeyError, its message a plain sentence?"""
    from coursework_kit.metrics import calculate
    from coursework_kit.metrics.channels import funnel

    with pytest.raises(errors.MetricLookupError) as raised:
        calculate("clicks per pound", {})
    assert isinstance(raised.value, KeyError)
    assert str(raised.value).startswith("There is no metric called 'clicks per pound'")
    import pandas as pd

    frame = pd.DataFrame({"channel": ["email"], "impressions": [1], "clicks": [1],
                          "sessions": [1], "conversions": [1]})  # fmt: skip
    with pytest.raises(KeyError, match="There is no channel 'tv'"):
        funnel(frame, "tv")


@pytest.mark.parametrize("check", ["chat", "social"])
def test_a_reply_that_is_not_text_is_a_type_error_in_the_family(check):
    """Is a reply that is not text a CourseworkError and a TypeError, in plain words?"""
    from coursework_kit.chat import assess_reply
    from coursework_kit.social import get_item
    from coursework_kit.social.moderation.reply import check_reply

    def run():
        if check == "chat":
            return assess_reply(42)
        return check_reply(get_item("phone-number-public"), 42, needed=True, private_invite=False)

    with pytest.raises(errors.ReplyTypeError, match="A reply must be text, not int") as raised:
        run()
    assert isinstance(raised.value, TypeError)
    assert isinstance(raised.value, CourseworkError)


@dataclass(frozen=True)
class _Thing:
    id: str
    label: str = ""


THINGS = (_Thing("reply", "first"), _Thing("hide"), _Thing("reply", "second"))


def test_find_by_id_gives_the_first_item_with_that_id():
    """Does find_by_id return the first item whose id matches, not a later one?"""
    found = errors.find_by_id(THINGS, "reply", errors.QuizError, "no {wanted}")
    assert found is THINGS[0]
    assert errors.find_by_id(iter(THINGS), "hide", errors.QuizError, "no {wanted}") is THINGS[1]


@pytest.mark.parametrize(
    ("error", "message", "expected"),
    [
        (errors.JourneyError, "There is no trigger {wanted}; choose one of: {ids}.",
         "There is no trigger 'ban'; choose one of: reply, hide, reply."),
        (errors.ModerationError, "{wanted} is not one of the actions. Choose one of: {ids}.",
         "'ban' is not one of the actions. Choose one of: reply, hide, reply."),
        (errors.ModerationError, "The policy has no section {wanted}.",
         "The policy has no section 'ban'."),
    ],
)  # fmt: skip
def test_find_by_id_raises_the_callers_error_in_the_callers_words(error, message, expected):
    """Is a missing id the caller's own error class, worded as the caller wrote it?"""
    with pytest.raises(error) as raised:
        errors.find_by_id(THINGS, "ban", error, message)
    assert str(raised.value) == expected
    assert type(raised.value) is error


@pytest.mark.parametrize("wanted", [None, 3, ("reply",), "Reply", " reply", "reply\n"])
def test_find_by_id_matches_the_id_exactly(wanted):
    """Is an id of another type, case or spacing not found (and shown as it was given)?"""
    with pytest.raises(errors.QuizError) as raised:
        errors.find_by_id(THINGS, wanted, errors.QuizError, "No {wanted} here.")
    assert str(raised.value) == f"No {wanted!r} here."


def test_find_by_id_with_nothing_to_choose_from_says_so():
    """Does a lookup in an empty list say there are none, not end with an empty list?"""
    with pytest.raises(errors.QuizError, match=r"Choose one of: \(there are none\)\.$"):
        errors.find_by_id((), "x", errors.QuizError, "No {wanted}. Choose one of: {ids}.")


def test_a_huge_id_is_echoed_briefly():
    """Is a pasted essay given as an id cut short in the message, with the list kept whole?"""
    with pytest.raises(errors.QuizError) as raised:
        errors.find_by_id(THINGS, "x" * 100_000, errors.QuizError, "No {wanted}; try {ids}.")
    text = str(raised.value)
    assert len(text) < 120
    assert text.endswith("…; try reply, hide, reply.")


@pytest.mark.parametrize(
    ("value", "shown"),
    [("late-delivery", "'late-delivery'"), (None, "None"), ("a\x00b", "'a\\x00b'"),
     ("é" * 100, "'" + "é" * 58 + "…")],
)  # fmt: skip
def test_quoted_shows_a_value_as_repr_does_but_briefly(value, shown):
    """Is a value quoted as repr quotes it, and a long one cut to 60 characters?"""
    assert errors.quoted(value) == shown
    assert len(errors.quoted(value)) <= 60


def test_find_by_id_leaves_other_braces_alone():
    """Are braces in the wording or in the id given kept as written, not read as placeholders?"""
    with pytest.raises(errors.QuizError) as raised:
        errors.find_by_id(THINGS, "{ids}", errors.QuizError, "Bank {0} {x}: no {wanted} in {ids}.")
    assert str(raised.value) == "Bank {0} {x}: no '{ids}' in reply, hide, reply."
