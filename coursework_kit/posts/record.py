"""The evidence of the posts and search activities: a post, a search snippet, a search ad.

- :class:`PostRecord`: one post-writing task (``evidence/post-<task>.json``);
- :class:`SnippetRecord`: a page title and meta description (``evidence/search-snippet.json``);
- :class:`SearchAdRecord`: a responsive search ad (``evidence/search-ad.json``).

A snippet or ad given a ``task`` other than ``free`` gets its own file
(``search-snippet-<task>.json``), as each post task does.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from coursework_kit.records import Mode, Record, RecordShapeError
from coursework_kit.records._base import text

__all__ = [
    "FREE",
    "PostDraft",
    "PostRecord",
    "PostWork",
    "SavedPost",
    "SearchAdRecord",
    "SearchAdWork",
    "SnippetRecord",
    "SnippetWork",
]

FREE = "free"  # the task of an activity that is not one of a notebook's numbered tasks


def _mapping(value: object, what: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise RecordShapeError(f"{what} has the wrong shape")
    return value


def _flag(value: object) -> bool:
    return value is True


def _texts(value: object, what: str) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise RecordShapeError(f"{what} is not a list")
    return tuple(text(v) for v in value)


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


def _named(prefix: str, scenario: str) -> str:
    return prefix if scenario == FREE else f"{prefix}-{scenario}"


def _unnamed(prefix: str, activity: str) -> str:
    return activity.removeprefix(prefix).removeprefix("-") or FREE


@dataclass(frozen=True)
class SnippetWork:
    """A search result snippet: the keyword aimed at, the page title and the meta
    description, as typed."""

    keyword: str = ""
    title: str = ""
    description: str = ""


class SnippetRecord(Record[SnippetWork]):
    """Every attempt at writing a search result snippet (its scenario is the task)."""

    KIND = "snippet"
    WORK = SnippetWork

    @classmethod
    def activity_for(cls, scenario: str) -> str:
        return _named("search-snippet", scenario)

    @classmethod
    def scenario_from_v1(cls, activity: str) -> str:
        return _unnamed("search-snippet", activity)

    @classmethod
    def work_from_v1(cls, data: dict[str, Any]) -> tuple[SnippetWork, Mode]:
        work = SnippetWork(
            keyword=text(data.get("keyword")),
            title=text(data.get("title")),
            description=text(data.get("description")),
        )
        return work, "practice"


@dataclass(frozen=True)
class SearchAdWork:
    """A responsive search ad as typed: the keyword it is for, each headline and description
    box (blank ones included) and the two display path fields."""

    keyword: str = ""
    headlines: tuple[str, ...] = ()
    descriptions: tuple[str, ...] = ()
    path1: str = ""
    path2: str = ""


class SearchAdRecord(Record[SearchAdWork]):
    """Every attempt at writing a search ad (its scenario is the task)."""

    KIND = "search-ad"
    WORK = SearchAdWork

    @classmethod
    def activity_for(cls, scenario: str) -> str:
        return _named("search-ad", scenario)

    @classmethod
    def scenario_from_v1(cls, activity: str) -> str:
        return _unnamed("search-ad", activity)

    @classmethod
    def work_from_v1(cls, data: dict[str, Any]) -> tuple[SearchAdWork, Mode]:
        path = _texts(data.get("path", []), "a search ad's path")
        work = SearchAdWork(
            keyword=text(data.get("keyword")),
            headlines=_texts(data.get("headlines", []), "a search ad's headlines"),
            descriptions=_texts(data.get("descriptions", []), "a search ad's descriptions"),
            path1=path[0] if path else "",
            path2=path[1] if len(path) > 1 else "",
        )
        return work, "practice"
