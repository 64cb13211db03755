"""The course's own data files, checked against their schemas before they ship.

Checking a file against its JSON Schema means compiling the schema first, which costs tens of
milliseconds each time a kernel starts; a workbook loads a dozen files. The files listed here
are the course's own: tests/test_import_cost.py checks every one against its schema, so a
learner's kernel need not check them again. ``load_shipped`` reads a listed file without the
check; anything else (a tutor's own file, a file outside the course's data folder, a file read
with a different schema) is checked as :func:`coursework_kit.datasets.load_yaml` always does.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

__all__ = ["SHIPPED", "load_shipped", "shipped_folders"]

_SCENARIOS = (
    "abusive-customer",
    "account-access",
    "charged-twice",
    "damaged-item",
    "data-request",
    "late-delivery",
    "late-refund",
    "missing-item",
    "outside-remit",
    "product-question",
    "public-complaint",
    "reasonable-adjustment",
    "social-dm-return",
)
_GDPR = (
    "access-requests",
    "breaches",
    "consent",
    "consumer-rights",
    "cookies",
    "equality",
    "erasure-and-retention",
    "identity-checks",
    "lawful-bases",
    "location-and-confidentiality",
    "marketing",
    "public-posts",
    "third-parties",
)
_ACTIVITIES = ("campaign-types", "customer-expectations", "pestle", "revenue-models")
_QUIZZES = ("unit1-measuring", "unit2-misconceptions", "unit3-contact-centre", "unit4-real-time")

# Each file the course loads as it runs (under datasets/), and the schema it is checked against.
SHIPPED: dict[str, str] = {
    "chat/criteria.yaml": "chat/criteria.schema.json",
    "chat/knowledge_base.yaml": "chat/knowledge_base.schema.json",
    "chat/phrases.yaml": "chat/phrases.schema.json",
    "chat/templates.yaml": "chat/templates.schema.json",
    **{f"chat/scenarios/{s}.yaml": "chat/scenario.schema.json" for s in _SCENARIOS},
    "criteria/catalogue.yaml": "criteria/catalogue.schema.json",
    "gdpr/cookies.yaml": "gdpr/cookies.schema.json",
    **{f"gdpr/scenarios/{s}.yaml": "gdpr/scenario.schema.json" for s in _GDPR},
    "journeys/automation.yaml": "journeys/automation.schema.json",
    "journeys/omnichannel.yaml": "journeys/omnichannel.schema.json",
    "journeys/touchpoints.yaml": "journeys/touchpoints.schema.json",
    "metrics/calculator.yaml": "metrics/calculator.schema.json",
    **{f"planning/activities/{a}.yaml": "planning/activity.schema.json" for a in _ACTIVITIES},
    "planning/case_studies.yaml": "planning/case_study.schema.json",
    "portfolio/activities.yaml": "portfolio/activities.schema.json",
    **{f"quizzes/{q}.yaml": "quizzes/quiz.schema.json" for q in _QUIZZES},
    "search/limits.yaml": "search/limits.schema.json",
    "social/brand_voice.yaml": "social/brand_voice.schema.json",
    "social/calendar-black-friday.yaml": "social/calendar.schema.json",
    "social/drafts.yaml": "social/drafts.schema.json",
    "social/platforms.yaml": "social/platforms.schema.json",
    "social/policy.yaml": "social/policy.schema.json",
    "social/queue.yaml": "social/queue.schema.json",
}

_PACKAGE = Path(__file__).resolve().parent.parent


def shipped_folders() -> tuple[Path, ...]:
    """Where the course's own data can be: inside the installed package, or the checkout's
    datasets/ folder. (Not :func:`~coursework_kit.datasets.data_dir`, which a caller may point
    elsewhere.)"""
    return (_PACKAGE / "_datasets", _PACKAGE.parent / "datasets")


def _is_shipped(relative: str, schema: str) -> bool:
    from coursework_kit.datasets import data_path

    if SHIPPED.get(relative) != schema:
        return False
    path = data_path(relative)
    return any((folder / relative).resolve() == path for folder in shipped_folders())


def load_shipped(relative: str | Path, *, schema: str) -> Any:
    """The YAML file ``relative``, read without its schema check if it is a listed course file
    in the course's data folder; otherwise read and checked, as ``load_yaml`` does."""
    from coursework_kit import datasets

    if isinstance(relative, str) and _is_shipped(relative, schema):
        return datasets.load_yaml(relative)
    return datasets.load_yaml(relative, schema=schema)
