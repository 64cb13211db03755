"""The evidence of a post-writing task: :class:`PostRecord` (``evidence/post-<task>.json``),
holding the post as it stands and each version the learner chose to save."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from coursework_kit.records import Mode, Record, RecordShapeError
from coursework_kit.records._base import text

__all__ = ["FREE", "PostDraft", "PostRecord", "PostWork", "SavedPost"]

FREE = "free"  # the task of an activity that is not one of a notebook's numbered tasks


def _mapping(value: object, what: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise RecordShapeError(f"{what} has the wrong shape")
    return value


def _flag(value: object) -> bool:
    return value is True


@dataclass(frozen=True)
class PostDraft:
    """A post as written: the platform's id, the words, whether it has an image (and its alt
    text), and whether it is paid for or gifted."""

    platform: str
    text: str = ""
    has_image: bool = False
    image_alt_text: str = ""
    paid_partnership: bool = False


@dataclass(frozen=True)
class SavedPost:
    """One press of "Save draft": the post as it was then, and when."""

    post: PostDraft
    at: str


@dataclass(frozen=True)
class PostWork:
    """A learner's post: as it stands now, and each version they chose to save."""

    post: PostDraft
    saved: tuple[SavedPost, ...] = ()


def _post_from_v1(value: object) -> PostDraft:
    data = _mapping(value, "a saved post")
    return PostDraft(
        platform=text(data.get("platform")),
        text=text(data.get("text")),
        has_image=_flag(data.get("has_image")),
        image_alt_text=text(data.get("image_alt_text")),
        paid_partnership=_flag(data.get("paid_partnership")),
    )


class PostRecord(Record[PostWork]):
    """Every attempt at one post-writing task (its scenario is the task)."""

    KIND = "post"
    WORK = PostWork

    @classmethod
    def work_from_v1(cls, data: dict[str, Any]) -> tuple[PostWork, Mode]:
        saved = data.get("saved", [])
        if not isinstance(saved, list):
            raise RecordShapeError("a post attempt has no list of saved drafts")
        versions = tuple(
            SavedPost(_post_from_v1(s), text(_mapping(s, "a saved post").get("at"))) for s in saved
        )
        return PostWork(post=_post_from_v1(data.get("current")), saved=versions), "practice"
