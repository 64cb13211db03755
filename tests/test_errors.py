"""One error family: every error the kit raises on purpose is a CourseworkError, defined in
coursework_kit/errors.py, and also the built-in exception it really is."""

from __future__ import annotations

import ast
import importlib
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
    """Is each class in errors.py in its __all__, and (but the base) a built-in error too?"""
    defined = {
        n
        for n, v in vars(errors).items()
        if isinstance(v, type) and v.__module__ == errors.__name__
    }
    assert defined == set(errors.__all__)
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
