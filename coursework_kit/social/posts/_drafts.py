"""Draft posts for the fix-the-draft tasks (``datasets/social/drafts.yaml``), each with the
problems ``check_post`` is known to find in it. Validated against its JSON Schema the first time
it is needed, then kept in memory."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from coursework_kit.errors import PostsInputError, PostsTypeError
from coursework_kit.social.platforms import platform_rules

__all__ = ["Draft", "draft"]


@dataclass(frozen=True)
class Draft:
    """A draft post for a fix-the-draft task, and the problems it is known to have."""

    id: str
    platform: str
    brief: str
    text: str
    has_image: bool
    image_alt_text: str | None
    paid_partnership: bool
    problems: tuple[str, ...]


@cache
def _drafts() -> dict[str, Draft]:
    from coursework_kit.datasets._shipped import load_shipped

    raw = load_shipped("social/drafts.yaml", schema="social/drafts.schema.json")
    return {
        d["id"]: Draft(
            d["id"],
            platform_rules(d["platform"]).id,
            " ".join(d["brief"].split()),
            d["text"].strip(),
            d["has_image"],
            d.get("image_alt_text"),
            d["paid_partnership"],
            tuple(d["problems"]),
        )
        for d in raw["drafts"]
    }


def draft(draft_id: str) -> Draft:
    """A draft post for a fix-the-draft task, by its id."""
    if not isinstance(draft_id, str):
        raise PostsTypeError(f"The draft must be text, not {type(draft_id).__name__}.")
    if draft_id not in _drafts():
        raise PostsInputError(
            f"There is no draft {draft_id!r}; the drafts are {', '.join(_drafts())}."
        )
    return _drafts()[draft_id]
