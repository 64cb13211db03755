"""The evidence of the search activities: a search result snippet and a search ad.

- :class:`SnippetRecord`: a page title and meta description (``evidence/search-snippet.json``);
- :class:`SearchAdRecord`: a responsive search ad (``evidence/search-ad.json``).

A snippet or ad given a ``task`` other than ``free`` gets its own file
(``search-snippet-<task>.json``), as each post task does.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from coursework_kit.records import Mode, Record, RecordShapeError
from coursework_kit.records._base import text

__all__ = ["FREE", "SearchAdRecord", "SearchAdWork", "SnippetRecord", "SnippetWork"]

FREE = "free"  # the task of an activity that is not one of a notebook's numbered tasks


def _texts(value: object, what: str) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise RecordShapeError(f"{what} is not a list")
    return tuple(text(v) for v in value)


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
    PREFIX = "search-snippet"
    DEFAULT_SCENARIO = FREE

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
    DEFAULT_SCENARIO = FREE

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
