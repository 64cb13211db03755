"""When the work was handed in: the time nbgrader wrote into a submission, in UTC."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from coursework_kit.errors import CourseworkError
from coursework_kit.tutor.grading._evidence_file import read_evidence

_UTC_NAMES = {"UTC": 0, "GMT": 0, "Z": 0, "BST": 60}  # minutes ahead of UTC


def submission_time(submission: Path) -> datetime | None:
    """When nbgrader says ``submission`` was handed in: its ``timestamp.txt``, in UTC.

    nbgrader's ``submit`` writes the time there ("2026-03-05 10:00:00.123456 UTC" by default,
    ``Exchange.timestamp_format``) and ``collect`` copies it into ``submitted/<id>/<assignment>/``.
    The learner's copy could have been changed, so treat it as a claim: see :func:`verify_chat`.
    None when there is no such file or its time cannot be read (an unknown time zone name).
    """
    try:
        raw = read_evidence(submission, "timestamp.txt", max_bytes=200)
    except CourseworkError:
        return None
    if raw is None:
        return None
    text = raw.decode("utf-8", "replace").strip()
    when, _, zone = text.rpartition(" ")
    if not when or zone[:1] in "+-" or zone[:1].isdigit():
        when, zone = text, ""
    try:
        found = datetime.fromisoformat(when)
    except ValueError:
        return None
    if zone:
        offset = _zone(zone, found)
        if offset is None:
            return None
        found = found.replace(tzinfo=offset)
    return _utc(found)


def _zone(name: str, when: datetime) -> timezone | None:
    if name.upper() in _UTC_NAMES:
        return timezone(timedelta(minutes=_UTC_NAMES[name.upper()]))
    try:
        from zoneinfo import ZoneInfo

        offset = when.replace(tzinfo=ZoneInfo(name)).utcoffset()
    except (ValueError, KeyError, OSError):  # not a zone name this machine knows
        return None
    return None if offset is None else timezone(offset)


def _utc(when: datetime) -> datetime:
    """``when`` in UTC; a time with no zone is taken as UTC (as nbgrader's gradebook keeps it)."""
    if when.tzinfo is None or when.utcoffset() is None:
        return when.replace(tzinfo=timezone.utc)
    return when.astimezone(timezone.utc)
