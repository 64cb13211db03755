"""Assess a search snippet or search ad record: ``check_snippet`` or ``check_search_ad`` run
again on the learner's latest work, its findings given in the kit's one feedback vocabulary
(:mod:`coursework_kit.feedback`)."""

from __future__ import annotations

from coursework_kit.errors import RecordKindError
from coursework_kit.feedback import Feedback
from coursework_kit.search.ads import AdCheck, check_search_ad
from coursework_kit.search.record import SearchAdRecord, SearchAdWork, SnippetRecord, SnippetWork
from coursework_kit.search.snippet import SnippetCheck, check_snippet

__all__ = ["assess", "assess_search_ad", "assess_snippet", "check_ad_work", "check_snippet_work"]


def check_snippet_work(work: SnippetWork) -> SnippetCheck:
    """``check_snippet`` on a snippet as the record keeps it."""
    return check_snippet(work.title, work.description, keyword=work.keyword or None)


def check_ad_work(work: SearchAdWork) -> AdCheck:
    """``check_search_ad`` on an ad as the record keeps it."""
    return check_search_ad(
        list(work.headlines),
        list(work.descriptions),
        path1=work.path1,
        path2=work.path2,
        keyword=work.keyword or None,
    )


def assess_snippet(record: SnippetRecord) -> Feedback:
    """The title and meta description as the learner last left them."""
    latest = record.latest
    if latest is None:
        return Feedback(activity=record.activity, summary="No title or description written yet.")
    result = check_snippet_work(latest.work)
    return Feedback(activity=record.activity, summary=result.summary, findings=result.findings)


def assess_search_ad(record: SearchAdRecord) -> Feedback:
    """The search ad as the learner last left it, against Google's limits and policies."""
    latest = record.latest
    if latest is None:
        return Feedback(activity=record.activity, summary="No ad written yet.")
    result = check_ad_work(latest.work)
    return Feedback(activity=record.activity, summary=result.summary, findings=result.findings)


def assess(record: SnippetRecord | SearchAdRecord) -> Feedback:
    """Assess a search snippet or a search ad record."""
    if isinstance(record, SnippetRecord):
        return assess_snippet(record)
    if isinstance(record, SearchAdRecord):
        return assess_search_ad(record)
    raise RecordKindError(f"{type(record).__name__} is not a search snippet or search ad record.")
